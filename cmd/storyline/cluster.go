package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// clusterCommands adds this file's commands to the table.
func clusterCommands(t *commandTable) {
	t.add(&command{
		name:    "bench",
		summary: "measure the product's speed on generated articles (ingest, grow)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "bench", t.bench, args)
		},
	})
	t.eval["cluster"] = &command{
		name:    "cluster",
		summary: "score event clustering: B-cubed and pairwise P/R/F1 (--data DIR), batch or one article at a time",
		run:     runEvalCluster,
	}
	t.add(&command{
		name:    "timeline",
		summary: "print a story's timeline (--story ID or --entity NAME)",
		run:     runTimeline,
	})
}

func parseFloats(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q: %w", f, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func runEvalCluster(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval cluster", "--data DIR [--thresholds T,T...] [--incremental --orders N --seed S]",
		"Cluster DIR/articles.jsonl into events and score them against DIR/gold.jsonl ({id, event}):\nB-cubed precision, recall and F1, and pairwise F1. By default the batch pass (entities and time\nexpressions analysed, entities resolved, order-independent clustering). With --incremental, the\narticles go through ingest one per call, in random orders, into a fresh store, as a stream would.")
	data := fs.String("data", "", "directory holding articles.jsonl and gold.jsonl")
	ths := fs.String("thresholds", "", "comma-separated clustering thresholds to report (default: the tuned one; batch only)")
	incremental := fs.Bool("incremental", false, "ingest one article per call in random orders instead of the batch pass")
	orders := fs.Int("orders", 3, "with --incremental: how many random orders")
	seed := fs.Uint64("seed", 1, "with --incremental: seed of the first order (the next ones follow)")
	if _, done, st := parseArgs(e, fs, args); done {
		return st
	}
	if *data == "" {
		fmt.Fprintln(e.stderr, "storyline eval cluster: --data DIR is required")
		return exitFailed
	}
	arts, gold, err := cluster.LoadDataset(*data)
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline eval cluster:", err)
		return exitFailed
	}
	print := func(r cluster.EvalResult) {
		fmt.Fprintf(e.stdout, "articles %d  events %d (gold %d)\n", r.Articles, r.Events, r.Gold)
		fmt.Fprintf(e.stdout, "B-cubed  precision %.4f  recall %.4f  F1 %.4f\n", r.BCubed.Precision, r.BCubed.Recall, r.BCubed.F1)
		fmt.Fprintf(e.stdout, "pairwise precision %.4f  recall %.4f  F1 %.4f\n", r.Pairwise.Precision, r.Pairwise.Recall, r.Pairwise.F1)
		if r.Pairs > 0 {
			fmt.Fprintf(e.stdout, "same-kind pairs merged %d of %d topics\n", r.PairsMerged, r.Pairs)
		}
	}
	if *incremental {
		for k := range *orders {
			s := *seed + uint64(k)
			order := rand.New(rand.NewPCG(s, 0x6f72646572)).Perm(len(arts))
			st, err := sqlite.Open(ctx, ":memory:")
			if err != nil {
				fmt.Fprintln(e.stderr, "storyline eval cluster:", err)
				return exitFailed
			}
			r, err := pipeline.New(st, e.log).EvalIncremental(ctx, arts, order, gold)
			st.Close()
			if err != nil {
				fmt.Fprintln(e.stderr, "storyline eval cluster:", err)
				return exitFailed
			}
			fmt.Fprintf(e.stdout, "order %d (seed %d), one article per ingest\n", k+1, s)
			print(r)
		}
		return exitOK
	}
	thresholds, err := parseFloats(*ths)
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline eval cluster: --thresholds:", err)
		return exitFailed
	}
	res, err := pipeline.EvalBatch(ctx, arts, gold, cluster.DefaultConfig(), thresholds...)
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline eval cluster:", err)
		return exitFailed
	}
	for _, r := range res {
		if len(res) > 1 {
			fmt.Fprintf(e.stdout, "threshold %.3f\n", r.Threshold)
		}
		print(r)
	}
	return exitOK
}

func runTimeline(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "timeline", "[--db DSN] (--story ID | --entity NAME) [ARTICLES.jsonl...]",
		"Print story timelines in the terminal: the story's events and the dated happenings its\narticles mention, oldest first, each with the articles behind it. Stories come from the\nstore, or are built from the given JSON Lines articles (e.g. an export's articles.jsonl).")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	storyID := fs.String("story", "", "story id")
	entity := fs.String("entity", "", "entity name or id: stories whose events involve it")
	paths, done, st := parseArgs(e, fs, args)
	if done {
		return st
	}
	var (
		events  []storyline.Event
		stories []storyline.Story
		err     error
	)
	keys := []string{*entity}
	if len(paths) > 0 {
		events, stories, err = timelineFromFiles(ctx, paths)
	} else {
		if *storyID == "" && *entity == "" {
			fmt.Fprintln(e.stderr, "storyline timeline: give --story ID or --entity NAME (or articles files)")
			return exitFailed
		}
		ids := entityKeys(ctx, *dsn, *entity)
		keys = append(keys, ids...)
		events, stories, err = timelineFromStore(ctx, *dsn, *storyID, ids)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline timeline:", err)
		return exitFailed
	}
	if *entity == "" {
		keys = nil
	}
	sel := cluster.SelectStories(stories, events, *storyID, keys...)
	if len(sel) == 0 {
		fmt.Fprintln(e.stderr, "storyline timeline: no matching story")
		return exitPartial
	}
	byID := map[string]storyline.Event{}
	for _, ev := range events {
		byID[ev.ID] = ev
	}
	for i, s := range sel {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		cluster.WriteTimeline(e.stdout, s, byID)
	}
	return exitOK
}

func timelineFromFiles(ctx context.Context, paths []string) ([]storyline.Event, []storyline.Story, error) {
	var arts []*storyline.Article
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, fmt.Errorf("reading articles: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var a storyline.Article
			if json.Unmarshal(sc.Bytes(), &a) == nil && a.ID != "" {
				arts = append(arts, &a)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", p, err)
		}
	}
	return cluster.Build(ctx, arts, cluster.DefaultConfig())
}

// timelineFromStore reads the stories asked for, and their events: one
// story by id, or the stories whose events involve the entities named.
func timelineFromStore(ctx context.Context, dsn, storyID string, entities []string) ([]storyline.Event, []storyline.Story, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("opening store: %w", err)
	}
	defer st.Close()
	var stories []storyline.Story
	switch {
	case storyID != "":
		s, err := st.Story(ctx, storyID)
		var moved *store.Moved
		if errors.As(err, &moved) {
			s, err = st.Story(ctx, moved.To)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading story %s: %w", storyID, err)
		}
		stories = append(stories, *s)
	default:
		seen := map[string]bool{}
		for _, id := range entities {
			for off := 0; ; off += 200 {
				page, err := st.Stories(ctx, store.Query{Entity: id, Limit: 200, Offset: off})
				if err != nil {
					return nil, nil, fmt.Errorf("reading stories: %w", err)
				}
				for _, s := range page {
					if !seen[s.ID] {
						seen[s.ID] = true
						stories = append(stories, s)
					}
				}
				if len(page) < 200 {
					break
				}
			}
		}
	}
	var events []storyline.Event
	for _, s := range stories {
		for _, id := range s.Events {
			ev, err := st.Event(ctx, id)
			if err != nil {
				return nil, nil, fmt.Errorf("reading event %s: %w", id, err)
			}
			events = append(events, *ev)
		}
	}
	return events, stories, nil
}

// entityKeys are the ids of the store's entities whose name matches name,
// so that --entity finds events that list entity ids.
func entityKeys(ctx context.Context, dsn, name string) []string {
	if name == "" {
		return nil
	}
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil
	}
	defer st.Close()
	ents, err := st.Entities(ctx, store.Query{Q: name, Limit: 100})
	if err != nil {
		return nil
	}
	var keys []string
	for _, e := range ents {
		keys = append(keys, e.ID)
	}
	return keys
}
