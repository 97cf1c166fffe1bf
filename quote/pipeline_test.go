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

// With the pipeline tag and QUOTE_REAL=1 the seed tests run on the real
// pipeline (clean → ner → quote → entity.Resolve) instead of the raw files
// and gold mentions (the tag keeps the other packages out of the default
// test build):
//
//	QUOTE_REAL=1 go test -tags pipeline ./quote/ -run Seeds
func init() {
	if os.Getenv("QUOTE_REAL") == "" {
		return
	}
	seedPipeline = func(t testing.TB, shared string, g gold) ([]*storyline.Article, []storyline.Entity) {
		files, _ := filepath.Glob(filepath.Join(shared, "seeds", "articles", "*.txt"))
		var arts []*storyline.Article
		for _, f := range files {
			b, _ := os.ReadFile(f)
			id := strings.TrimSuffix(filepath.Base(f), ".txt")
			r := clean.Text(string(b), clean.Known{})
			a := &storyline.Article{ID: id, Text: r.Text, Title: r.Title, Published: r.Published}
			if err := ner.Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			Analyzer().Analyze(context.Background(), a)
			arts = append(arts, a)
		}
		return arts, entity.Resolve(arts)
	}
}
