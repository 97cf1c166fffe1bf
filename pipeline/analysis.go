package pipeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/names"
	"github.com/storyline-news/storyline/ner"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/timex"
)

// Analyzers is the per-article chain: entities first, since quotes attribute
// speakers through them; time expressions read only the text and metadata.
// The English entity model reads English only; other languages' names are
// found by package names.
func Analyzers() []storyline.Analyzer {
	return []storyline.Analyzer{names.Analyzer(ner.Analyzer()), timex.Analyzer(), quote.Analyzer()}
}

// Build computes what spans articles: entities are resolved first because
// quotes name their speakers by entity and events weigh shared entities.
func Build(ctx context.Context, articles []*storyline.Article) (*storyline.Corpus, error) {
	entities := entity.Resolve(articles)
	quotes := quote.Merge(articles, entities)
	events, stories, err := cluster.Build(ctx, articles, cluster.DefaultConfig())
	if err != nil {
		return nil, err
	}
	return &storyline.Corpus{Articles: articles, Entities: entities, Quotes: quotes, Events: events, Stories: stories}, nil
}

// countFiles is the number of regular files under paths, for the progress
// bar's total; it is an estimate (a JSON Lines file holds many articles).
func countFiles(paths []string) int {
	n := 0
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			n++
			continue
		}
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				n++
			}
			return nil
		})
	}
	return n
}
