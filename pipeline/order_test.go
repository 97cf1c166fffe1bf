package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// analysedSeeds reads and analyses the seed articles once; the order
// tests link copies of them in every order.
func analysedSeeds(t *testing.T, withMeta bool) []link.Item {
	t.Helper()
	shared := shareddata.Path(t)
	var meta map[string]Meta
	if withMeta {
		var err error
		if meta, err = LoadMeta(filepath.Join(shared, "seeds", "meta.jsonl")); err != nil {
			t.Fatal(err)
		}
	}
	chain := Analyzers()
	var items []link.Item
	err := source.Walk(context.Background(), []string{filepath.Join(shared, "seeds", "articles")}, source.Options{MaxBytes: DefaultMaxBytes}, func(it *source.Item, ie *source.ItemError) error {
		if ie != nil {
			return ie
		}
		a, err := Prepare(it, meta)
		if err != nil {
			return err
		}
		if err := Analyze(context.Background(), chain, a); err != nil {
			return err
		}
		items = append(items, link.Item{Article: a, Hash: Hash(a), Raw: store.Raw{Format: it.Format, Origin: it.Origin, Data: it.Raw}})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Article.ID < items[j].Article.ID })
	return items
}

func copyItem(t *testing.T, it link.Item) link.Item {
	t.Helper()
	b, err := json.Marshal(it.Article)
	if err != nil {
		t.Fatal(err)
	}
	var a storyline.Article
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	it.Article = &a
	return it
}

func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := slices.Insert(slices.Clone(p), i, n-1)
			out = append(out, q)
		}
	}
	return out
}

// The seeds linked one at a time, in each of the 120 orders, give the
// events, dates and story a careful reader gets (gold.json), with and
// without the feed's publication dates.
func TestSeedsOneAtATimeInAnyOrder(t *testing.T) {
	g := readGold(t)
	want := []string{"000+001", "002+004", "003"}
	for _, withMeta := range []bool{true, false} {
		items := analysedSeeds(t, withMeta)
		for _, perm := range permutations(len(items)) {
			ctx := context.Background()
			st, err := sqlite.Open(ctx, ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			l := link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil)
			order := ""
			for _, i := range perm {
				it := copyItem(t, items[i])
				order += it.Article.ID[:3] + " "
				if _, err := l.Link(ctx, st, []link.Item{it}); err != nil {
					t.Fatalf("order %s: %v", order, err)
				}
				for more := true; more; {
					if more, err = l.Settle(ctx, st); err != nil {
						t.Fatalf("order %s: settle: %v", order, err)
					}
				}
			}
			c := loadCorpus(t, st)
			st.Close()
			name := fmt.Sprintf("meta=%v order %s", withMeta, order)
			if got := groups(c); !slices.Equal(got, want) {
				t.Errorf("%s: events %v, want %v", name, got, want)
				continue
			}
			if len(c.Stories) != 1 || len(c.Stories[0].Events) != 3 {
				t.Errorf("%s: %d stories, want one story of three events", name, len(c.Stories))
				continue
			}
			if !withMeta {
				continue
			}
			events := map[string]storyline.Event{}
			for _, e := range c.Events {
				events[e.ID] = e
			}
			eventOf := map[string]string{}
			for _, a := range c.Articles {
				eventOf[g.Articles[a.ID].Event] = a.Event
			}
			for i, label := range g.Story.EventsInOrder {
				ev := events[c.Stories[0].Events[i]]
				ge := g.Events[label]
				if ev.ID != eventOf[label] || ev.Date != ge.Date || ev.Place != ge.Place {
					t.Errorf("%s: story event %d is %s (%s, %s), want gold %s: %s %s", name, i, ev.ID, ev.Date, ev.Place, label, ge.Date, ge.Place)
				}
			}
		}
	}
}

// Through the real ingest, one file per call, in a few orders.
func TestSeedsIngestedOneFileAtATime(t *testing.T) {
	shared := shareddata.Path(t)
	dir := filepath.Join(shared, "seeds", "articles")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(dir, e.Name()))
	}
	sort.Strings(files)
	want := []string{"000+001", "002+004", "003"}
	for _, perm := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		ctx := context.Background()
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		p := New(st, nil)
		for _, i := range perm {
			sum, err := p.Ingest(ctx, []string{files[i]}, Options{MetaFile: filepath.Join(shared, "seeds", "meta.jsonl")})
			if err != nil || sum.Ingested != 1 {
				t.Fatalf("ingest %s: %v %v", files[i], sum, err)
			}
		}
		c := loadCorpus(t, st)
		st.Close()
		if got := groups(c); !slices.Equal(got, want) || len(c.Stories) != 1 {
			t.Errorf("order %v: events %v (want %v), %d stories", perm, got, want, len(c.Stories))
		}
	}
}
