package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	storyline "github.com/storyline-news/storyline"
)

// prepareDocs extracts features, in a canonical order (by id, then text)
// so that nothing downstream depends on input order.
func prepareDocs(ctx context.Context, articles []*storyline.Article, cfg *Config) ([]*doc, error) {
	arts := make([]*storyline.Article, 0, len(articles))
	for _, a := range articles {
		if a != nil {
			arts = append(arts, a)
		}
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if arts[i].ID != arts[j].ID {
			return arts[i].ID < arts[j].ID
		}
		return arts[i].Text < arts[j].Text
	})
	docs := make([]*doc, len(arts))
	if err := parallel(ctx, len(arts), func(i int) { docs[i] = extract(arts[i], cfg) }); err != nil {
		return nil, fmt.Errorf("cluster: preparing articles: %w", err)
	}
	// Pairs, the coarse pass and events weigh terms against the
	// background too; refine, which splits a group of same-kind reports,
	// keeps the corpus's own IDF, whose rare words are the ones that tell
	// this corpus's happenings apart.
	idf := idfTable(docs, cfg.BackgroundWeight)
	own := idf
	if cfg.BackgroundWeight > 0 {
		own = idfTable(docs, 0)
	}
	for _, d := range docs {
		d.setVec(weigh(d.raw, idf))
		d.fine = d.vec
		if cfg.BackgroundWeight > 0 {
			d.fine = weigh(d.raw, own)
		}
	}
	return docs, nil
}

// groupDocs is the batch event clustering over prepared docs.
func groupDocs(ctx context.Context, docs []*doc, cfg *Config) ([][]int, error) {
	low := cfg.Threshold
	if cfg.LocalIDFPower > 0 {
		low = min(low, cfg.CoarseThreshold)
	}
	edges, err := candidateEdges(ctx, docs, cfg, low*0.25)
	if err != nil {
		return nil, err
	}
	if cfg.LocalIDFPower > 0 {
		coarse := averageLink(len(docs), edges, cfg.CoarseThreshold)
		return refine(docs, coarse, edges, cfg, cfg.Threshold), nil
	}
	return averageLink(len(docs), edges, cfg.Threshold), nil
}

// shortID is a stable id from a key: prefix + 12 hex digits of its SHA-256.
func shortID(prefix, key string) string {
	h := sha256.Sum256([]byte(key))
	return prefix + hex.EncodeToString(h[:6])
}

// Build is the batch pass: an order-independent grouping of all articles
// into events (every article in exactly one), the events' fields, and
// stories with their timelines. It sets a.Event on every article. Event ids
// are "e-" + a hash of the event's smallest article id; story ids "s-" + a
// hash of the story's earliest event's id.
func Build(ctx context.Context, articles []*storyline.Article, cfg Config) ([]storyline.Event, []storyline.Story, error) {
	docs, err := prepareDocs(ctx, articles, &cfg)
	if err != nil {
		return nil, nil, err
	}
	groups, err := groupDocs(ctx, docs, &cfg)
	if err != nil {
		return nil, nil, err
	}
	evs, err := makeEvents(ctx, docs, groups, &cfg)
	if err != nil {
		return nil, nil, err
	}
	stories := makeStories(evs, &cfg)
	out := make([]storyline.Event, len(evs))
	for i, e := range evs {
		out[i] = e.Event
	}
	return out, stories, nil
}

// parallel runs fn(0..n-1) on GOMAXPROCS goroutines. Each call writes only
// its own slot, so results do not depend on scheduling.
func parallel(ctx context.Context, n int, fn func(int)) error {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}
