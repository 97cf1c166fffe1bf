package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	storyline "github.com/storyline-news/storyline"
)

// LoadDataset reads DIR/articles.jsonl ({id, text, url?, title?,
// published?}) and DIR/gold.jsonl ({id, event}). Lines that cannot be read
// are skipped and counted in the returned error only when nothing is left.
func LoadDataset(dir string) ([]*storyline.Article, map[string]string, error) {
	var arts []*storyline.Article
	err := readJSONL(filepath.Join(dir, "articles.jsonl"), func(line []byte) error {
		var a storyline.Article
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		arts = append(arts, &a)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	gold := map[string]string{}
	err = readJSONL(filepath.Join(dir, "gold.jsonl"), func(line []byte) error {
		var g struct {
			ID    string `json:"id"`
			Event string `json:"event"`
		}
		if err := json.Unmarshal(line, &g); err != nil {
			return err
		}
		gold[g.ID] = g.Event
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if len(arts) == 0 || len(gold) == 0 {
		return nil, nil, fmt.Errorf("cluster: %s: no articles or no gold labels", dir)
	}
	return arts, gold, nil
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n, bad := 0, 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			bad++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cluster: reading %s: %w", path, err)
	}
	if bad > 0 && bad == n {
		return fmt.Errorf("cluster: %s: no readable line", path)
	}
	return nil
}

// EvalResult is the score of one clustering against gold labels.
type EvalResult struct {
	Threshold float64
	Articles  int
	Events    int
	Gold      int
	BCubed    Scores
	Pairwise  Scores
}

// Evaluate clusters the articles with cfg at each threshold (cfg.Threshold
// when none is given) and scores the result against gold. Candidate pairs
// are scored once; only the average-link pass is repeated.
func Evaluate(ctx context.Context, articles []*storyline.Article, gold map[string]string, cfg Config, thresholds ...float64) ([]EvalResult, error) {
	if len(thresholds) == 0 {
		thresholds = []float64{cfg.Threshold}
	}
	docs, err := prepareDocs(ctx, articles, &cfg)
	if err != nil {
		return nil, err
	}
	low := thresholds[0]
	for _, t := range thresholds {
		low = min(low, t)
	}
	if cfg.LocalIDFPower > 0 {
		low = min(low, cfg.CoarseThreshold)
	}
	edges, err := candidateEdges(ctx, docs, &cfg, low*0.25)
	if err != nil {
		return nil, err
	}
	goldEvents := map[string]bool{}
	for _, g := range gold {
		goldEvents[g] = true
	}
	var out []EvalResult
	for _, t := range thresholds {
		var groups [][]int
		if cfg.LocalIDFPower > 0 {
			groups = refine(docs, averageLink(len(docs), edges, cfg.CoarseThreshold), edges, &cfg, t)
		} else {
			groups = averageLink(len(docs), edges, t)
		}
		pred := map[string]string{}
		for gi, g := range groups {
			for _, i := range g {
				pred[docs[i].id] = fmt.Sprint(gi)
			}
		}
		out = append(out, EvalResult{
			Threshold: t, Articles: len(docs), Events: len(groups), Gold: len(goldEvents),
			BCubed: BCubed(pred, gold), Pairwise: Pairwise(pred, gold),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Threshold < out[j].Threshold })
	return out, nil
}

// Score scores a clustering (article id → event id) against gold labels.
func Score(pred, gold map[string]string) EvalResult {
	events, goldEvents := map[string]bool{}, map[string]bool{}
	for _, e := range pred {
		events[e] = true
	}
	for _, g := range gold {
		goldEvents[g] = true
	}
	return EvalResult{Articles: len(pred), Events: len(events), Gold: len(goldEvents), BCubed: BCubed(pred, gold), Pairwise: Pairwise(pred, gold)}
}
