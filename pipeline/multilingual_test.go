package pipeline

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/store/sqlite"
)

// Reports of one happening in English, French, German, Spanish and
// Russian (invented, pipeline/testdata/multilingual/ml2-*) join one event
// on what does not depend on the language; two rounds of the same talks a
// month apart stay two events.

// ingestFiles runs the whole pipeline on files and returns the corpus as
// stored.
func ingestFiles(t *testing.T, meta map[string]Meta, paths ...string) *storyline.Corpus {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ml.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := Ingest(ctx, st, paths, Options{Meta: meta})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	return loadCorpus(t, st)
}

// multilingualMeta reads the publication dates the invented reports carry.
func multilingualMeta(t *testing.T) map[string]Meta {
	t.Helper()
	m, err := LoadMeta(filepath.Join("testdata", "multilingual", "ml2-meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// eventGroups lists each event as the labels of its articles, sorted and
// joined by sep, the events sorted.
func eventGroups(c *storyline.Corpus, sep string, label func(*storyline.Article) string) []string {
	by := map[string][]string{}
	for _, a := range c.Articles {
		by[a.Event] = append(by[a.Event], label(a))
	}
	var out []string
	for _, ids := range by {
		sort.Strings(ids)
		out = append(out, strings.Join(ids, sep))
	}
	sort.Strings(out)
	return out
}

func TestCrossLingualEvents(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "multilingual", "ml2-vienna*.txt"))
	if err != nil || len(paths) != 10 {
		t.Fatalf("test reports: %v %v", paths, err)
	}
	c := ingestFiles(t, multilingualMeta(t), paths...)
	got := eventGroups(c, " ", func(a *storyline.Article) string { return a.ID })
	want := []string{
		"ml2-vienna1-de ml2-vienna1-en ml2-vienna1-es ml2-vienna1-fr ml2-vienna1-ru",
		"ml2-vienna2-de ml2-vienna2-en ml2-vienna2-es ml2-vienna2-fr ml2-vienna2-ru",
	}
	if !slices.Equal(got, want) {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, a := range c.Articles {
		if lang := a.ID[len(a.ID)-2:]; a.Lang != lang {
			t.Errorf("%s: language %q", a.ID, a.Lang)
		}
	}
}

// The seeds (five English reports of three meetings) with reports of the
// same meetings written for this test in French, German, Spanish and
// Russian: three events, each reported in all five languages, and one
// story.
func TestSeedsInFiveLanguages(t *testing.T) {
	shared := shareddata.Path(t)
	meta, err := LoadMeta(filepath.Join(shared, "seeds", "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	mine, err := LoadMeta(filepath.Join("testdata", "multilingual", "ml2-seeds-meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(meta, mine)
	paths, err := filepath.Glob(filepath.Join("testdata", "multilingual", "ml2-seed*.txt"))
	if err != nil || len(paths) != 12 {
		t.Fatalf("test reports: %v %v", paths, err)
	}
	c := ingestFiles(t, meta, append(paths, filepath.Join(shared, "seeds", "articles"))...)
	g := readGold(t)
	// label: the gold event and the language of each report.
	label := func(a *storyline.Article) string {
		if ga, ok := g.Articles[a.ID]; ok {
			return ga.Event + ":" + a.ID[:3]
		}
		return a.ID[len("ml2-seed"):len("ml2-seed")+1] + ":" + a.Lang
	}
	want := []string{
		"A:003 A:de A:es A:fr A:ru",
		"B:000 B:001 B:de B:es B:fr B:ru",
		"C:002 C:004 C:de C:es C:fr C:ru",
	}
	if got := eventGroups(c, " ", label); !slices.Equal(got, want) {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Stories) != 1 || len(c.Stories[0].Events) != 3 {
		t.Errorf("stories %+v, want one story of three events", c.Stories)
	}
	for _, a := range c.Articles {
		if strings.HasPrefix(a.ID, "ml2-") && a.Lang != a.ID[len(a.ID)-2:] {
			t.Errorf("%s: language %q", a.ID, a.Lang)
		}
	}
}
