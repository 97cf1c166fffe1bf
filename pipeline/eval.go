package pipeline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/names"
	"github.com/storyline-news/storyline/ner"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/timex"
)

// EvalBatch scores the order-independent batch pass on a labelled set:
// each article prepared as ingest prepares it (Prepare: cleaned, its
// paragraphs' roles read), its entities and time expressions, entity
// resolution across the set, then cluster.Build (at each threshold, or
// the tuned one). The articles of arts are replaced by the prepared ones.
func EvalBatch(ctx context.Context, arts []*storyline.Article, gold map[string]string, cfg cluster.Config, thresholds ...float64) ([]cluster.EvalResult, error) {
	analyzers := []storyline.Analyzer{names.Analyzer(ner.Analyzer()), timex.Analyzer()}
	for i, raw := range arts {
		a, err := Prepare(&source.Item{ID: raw.ID, URL: raw.URL, Title: raw.Title, Published: raw.Published, Text: raw.Text}, nil)
		if err != nil {
			return nil, fmt.Errorf("eval: prepare %s: %w", raw.ID, err)
		}
		arts[i] = a
		for _, an := range analyzers {
			if err := an.Analyze(ctx, a); err != nil {
				return nil, fmt.Errorf("eval: analyse %s: %w", a.ID, err)
			}
		}
	}
	entity.Resolve(arts)
	return cluster.Evaluate(ctx, arts, gold, cfg, thresholds...)
}

// EvalIncremental scores what users get from a stream: the articles go
// through ingest one per call, in the given order, into st, and each
// article's event is read back from the store.
func (p *Pipeline) EvalIncremental(ctx context.Context, arts []*storyline.Article, order []int, gold map[string]string) (cluster.EvalResult, error) {
	for _, i := range order {
		a := arts[i]
		line, err := json.Marshal(struct {
			ID        string `json:"id"`
			URL       string `json:"url,omitempty"`
			Title     string `json:"title,omitempty"`
			Published string `json:"published,omitempty"`
			Text      string `json:"text"`
		}{a.ID, a.URL, a.Title, a.Published, a.Text})
		if err != nil {
			return cluster.EvalResult{}, err
		}
		sum, err := p.IngestBytes(ctx, a.ID+".jsonl", line, Options{Workers: 1})
		if err != nil {
			return cluster.EvalResult{}, fmt.Errorf("eval: ingest %s: %w", a.ID, err)
		}
		if sum.Failed > 0 {
			return cluster.EvalResult{}, fmt.Errorf("eval: ingest %s: %v", a.ID, sum.Errors)
		}
	}
	pred := map[string]string{}
	err := p.st.EachArticle(ctx, func(a *storyline.Article) error {
		pred[a.ID] = a.Event
		return nil
	})
	if err != nil {
		return cluster.EvalResult{}, err
	}
	return cluster.Score(pred, gold), nil
}

// Store is the store the pipeline ingests into.
func (p *Pipeline) Store() store.Store { return p.st }
