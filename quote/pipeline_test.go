//go:build pipeline

package quote

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/shareddata"
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
func realPipeline(t testing.TB, _ string, _ gold) ([]*storyline.Article, []storyline.Entity) {
	t.Helper()
	var arts []*storyline.Article
	for _, seed := range shareddata.Seeds(t) {
		r := clean.Text(seed.Text, clean.Known{})
		a := &storyline.Article{ID: seed.ID, Text: r.Text, Paragraphs: r.Paragraphs, Title: r.Title, Published: r.Published}
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
