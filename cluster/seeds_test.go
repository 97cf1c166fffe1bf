package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/ner"
)

// seedArticles builds the seed articles the way the pipeline does before
// clustering: the file's text cleaned, its entities tagged and resolved and
// its time expressions read, with the meta publication date when withMeta.
func seedArticles(t *testing.T, withMeta bool) []*storyline.Article {
	t.Helper()
	dir := filepath.Join(shareddata.Path(t), "seeds")
	seeds := shareddata.Seeds(t)
	pub := map[string]string{}
	if withMeta {
		f, err := os.Open(filepath.Join(dir, "meta.jsonl"))
		if err != nil {
			t.Skip("seed meta not found")
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var m struct{ ID, Published string }
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				pub[m.ID] = m.Published
			}
		}
	}
	var arts []*storyline.Article
	for _, seed := range seeds {
		id := seed.ID
		a := &storyline.Article{ID: id, Text: seed.Text, Published: pub[id]}
		if a.Published != "" {
			a.PublishedFrom = storyline.FromMeta
		}
		arts = append(arts, a)
	}
	arts = prepared(t, arts)
	for _, a := range arts {
		if err := ner.Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	entity.Resolve(arts)
	return arts
}

// short maps seed ids to their three-digit prefix.
func short(ids []string) string {
	var s []string
	for _, id := range ids {
		s = append(s, id[:3])
	}
	sort.Strings(s)
	return strings.Join(s, ",")
}

var update = flag.Bool("update", false, "rewrite golden files")

// seedGolden is what the golden file keeps of the seeds' events and
// stories: ids, dates, places and article lists, never article text.
type seedGolden struct {
	Events []struct {
		ID, Date, Place, Story string
		Articles               []string
	}
	Stories []struct {
		ID       string
		Events   []string
		Timeline []struct {
			Date, Event string
			Articles    []string
		}
	}
}

func TestSeeds(t *testing.T) {
	for _, withMeta := range []bool{true, false} {
		name := "without meta"
		if withMeta {
			name = "with meta"
		}
		t.Run(name, func(t *testing.T) {
			arts := seedArticles(t, withMeta)
			evs, stories, err := Build(context.Background(), arts, DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			byFirst := map[string]storyline.Event{}
			var got []string
			for _, e := range evs {
				got = append(got, "{"+short(e.Articles)+"}")
				byFirst[e.Articles[0][:3]] = e
			}
			sort.Strings(got)
			want := "{000,001} {002,004} {003}"
			if strings.Join(got, " ") != want {
				t.Fatalf("events = %v, want %s", got, want)
			}
			a, b, c := byFirst["003"], byFirst["000"], byFirst["002"]
			for _, a := range arts {
				if a.Event == "" {
					t.Errorf("article %s has no event", a.ID)
				}
			}

			t.Run("one story, oldest first", func(t *testing.T) {
				if len(stories) != 1 {
					t.Fatalf("%d stories, want 1", len(stories))
				}
				if got, want := strings.Join(stories[0].Events, " "), a.ID+" "+b.ID+" "+c.ID; got != want {
					t.Errorf("story events = %s, want %s (A, B, C)", got, want)
				}
			})

			t.Run("dates and places", func(t *testing.T) {
				wantDates := []string{"2021-07-28", "2021-09-30", "2022-01-10"}
				if !withMeta {
					wantDates[2] = "" // nothing dates C without the feed's date
				}
				for i, e := range []storyline.Event{a, b, c} {
					if e.Date != wantDates[i] {
						t.Errorf("event %v date = %q, want %q", short(e.Articles), e.Date, wantDates[i])
					}
					if e.Place != "Geneva" {
						t.Errorf("event %v place = %q, want Geneva", short(e.Articles), e.Place)
					}
					if e.Title == "" || e.Summary == "" {
						t.Errorf("event %v has no title or summary", short(e.Articles))
					}
				}
			})

			t.Run("start time agrees across outlets", func(t *testing.T) {
				for _, f := range b.Facts {
					if f.Kind == "start" {
						if f.Value != "08:00Z" || f.Verdict != storyline.Agree || len(f.Articles) != 2 {
							t.Errorf("start fact = %+v, want 08:00Z agreed by two articles", f)
						}
						return
					}
				}
				t.Errorf("no start fact in %+v", b.Facts)
			})

			t.Run("timeline", func(t *testing.T) {
				if len(stories) != 1 {
					t.Fatalf("%d stories, want one", len(stories))
				}
				want := []struct{ date, word string }{
					{"2021-06", "summit"},
					{"2021-10-01", "Bern"},
				}
				if withMeta {
					want = append(want, struct{ date, word string }{"2022-01-12", "Brussels"}, struct{ date, word string }{"2022-01-13", "Vienna"})
				}
				tl := stories[0].Timeline
				for i := 1; i < len(tl); i++ {
					if tl[i].Date != "" && tl[i].Date < tl[i-1].Date {
						t.Errorf("timeline not oldest first at %s after %s", tl[i].Date, tl[i-1].Date)
					}
				}
			next:
				for _, w := range want {
					for _, en := range tl {
						if strings.HasPrefix(en.Date, w.date) && strings.Contains(en.What, w.word) && len(en.Articles) > 0 {
							continue next
						}
					}
					t.Errorf("timeline has no %s entry about %s", w.date, w.word)
				}
			})

			checkGolden(t, withMeta, evs, stories)
		})
	}
}

func checkGolden(t *testing.T, withMeta bool, evs []storyline.Event, stories []storyline.Story) {
	t.Helper()
	var g seedGolden
	for _, e := range evs {
		g.Events = append(g.Events, struct {
			ID, Date, Place, Story string
			Articles               []string
		}{e.ID, e.Date, e.Place, e.Story, e.Articles})
	}
	for _, s := range stories {
		gs := struct {
			ID       string
			Events   []string
			Timeline []struct {
				Date, Event string
				Articles    []string
			}
		}{ID: s.ID, Events: s.Events}
		for _, en := range s.Timeline {
			gs.Timeline = append(gs.Timeline, struct {
				Date, Event string
				Articles    []string
			}{en.Date, en.Event, en.Articles})
		}
		g.Stories = append(g.Stories, gs)
	}
	got, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	name := "seeds-nometa.golden.json"
	if withMeta {
		name = "seeds-meta.golden.json"
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("seed events and stories differ from %s (go test ./cluster -run TestSeeds -update to accept):\n%s", path, got)
	}
}
