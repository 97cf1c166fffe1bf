//go:build pipeline

package quote

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/ner"
)

// With the pipeline tag the seed tests run on the real pipeline too
// (clean → ner → quote → entity.Resolve) instead of the gold mentions and
// entities (the tag keeps the other packages out of the default test
// build):
//
//	go test -tags pipeline ./quote/ -run Seeds
func TestSeedsGoldenRealPipeline(t *testing.T) { testSeedsGolden(t, realPipeline) }

func TestSeedsNoQuoteFromNoiseRealPipeline(t *testing.T) {
	testSeedsNoQuoteFromNoise(t, realPipeline)
}

// realPipeline analyses the seed files as ingest does.
func realPipeline(t testing.TB, shared string, _ gold) ([]*storyline.Article, []storyline.Entity) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(shared, "seeds", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles: %v", err)
	}
	var arts []*storyline.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		r := clean.Text(string(b), clean.Known{})
		a := &storyline.Article{ID: id, Text: r.Text, Paragraphs: r.Paragraphs, Title: r.Title, Published: r.Published}
		if err := ner.Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts, entity.Resolve(arts)
}
