package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// seedArticles builds the seed articles the way the pipeline would before
// clustering. For now: raw file text, and the meta publication date when
// withMeta. Swap this function for the real pipeline (source → clean → ner,
// timex → entity) once it exists.
var seedArticles = func(t *testing.T, withMeta bool) []*storyline.Article {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("seed articles not found")
	}
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
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		a := &storyline.Article{ID: id, Text: string(b), Published: pub[id]}
		if a.Published != "" {
			a.PublishedFrom = storyline.FromMeta
		}
		arts = append(arts, a)
	}
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

func TestSeedsGrouping(t *testing.T) {
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
			var got []string
			for _, e := range evs {
				got = append(got, "{"+short(e.Articles)+"}")
			}
			sort.Strings(got)
			want := "{000,001} {002,004} {003}"
			if strings.Join(got, " ") != want {
				t.Fatalf("events = %v, want %s", got, want)
			}
			_ = stories
		})
	}
}
