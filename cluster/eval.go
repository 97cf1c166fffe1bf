package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
	// Same-kind pairs: gold events of one topic ("12a", "12b": two
	// happenings of the same kind), and how many of those pairs share a
	// predicted event.
	Pairs, PairsMerged int
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
		r := Score(pred, gold)
		r.Threshold = t
		out = append(out, r)
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
	r := EvalResult{Articles: len(pred), Events: len(events), Gold: len(goldEvents), BCubed: BCubed(pred, gold), Pairwise: Pairwise(pred, gold)}
	r.Pairs, r.PairsMerged = mergedPairs(pred, gold)
	return r
}

// mergedPairs counts the topics whose gold events are a same-kind pair
// (labels that differ only in a final letter: "12a", "12b"), and those of
// them whose two happenings share a predicted event.
func mergedPairs(pred, gold map[string]string) (pairs, merged int) {
	topicOf := func(label string) string { return strings.TrimRight(label, "abcdefghijklmnopqrstuvwxyz") }
	halves := map[string]map[string]bool{}            // topic → its gold events
	byPred := map[string]map[string]map[string]bool{} // topic → predicted event → gold events in it
	for id, g := range gold {
		p, ok := pred[id]
		if !ok {
			continue
		}
		t := topicOf(g)
		if halves[t] == nil {
			halves[t], byPred[t] = map[string]bool{}, map[string]map[string]bool{}
		}
		halves[t][g] = true
		if byPred[t][p] == nil {
			byPred[t][p] = map[string]bool{}
		}
		byPred[t][p][g] = true
	}
	for t, hs := range halves {
		if len(hs) < 2 {
			continue
		}
		pairs++
		for _, gs := range byPred[t] {
			if len(gs) > 1 {
				merged++
				break
			}
		}
	}
	return pairs, merged
}
