package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/ner"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/timex"
)

// benchCommands holds the subcommands of "storyline bench".
var benchCommands = map[string]*command{}

// clusterPrepare, when set, runs on each article before "eval cluster" and
// "timeline" cluster them (after the analysis "eval cluster" runs itself).
var clusterPrepare func(*storyline.Article)

// analyzeForClustering gives raw articles what clustering uses of the
// per-article analysis: entity mentions and time expressions, then entity
// resolution across the set. A failing article keeps what it had.
func analyzeForClustering(ctx context.Context, e *env, arts []*storyline.Article) {
	analyzers := []storyline.Analyzer{ner.Analyzer(), timex.Analyzer()}
	failed := 0
	for _, a := range arts {
		for _, an := range analyzers {
			if err := an.Analyze(ctx, a); err != nil {
				failed++
			}
		}
	}
	if failed > 0 {
		e.log.Warn("analysis failed on some articles", "failures", failed)
	}
	entity.Resolve(arts)
}

func init() {
	register(&command{
		name:    "bench",
		summary: "measure a capability's speed on generated data (cluster)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "bench", benchCommands, args)
		},
	})
	evalCommands["cluster"] = &command{
		name:    "cluster",
		summary: "score event clustering: B-cubed and pairwise P/R/F1 (--data DIR)",
		run:     runEvalCluster,
	}
	benchCommands["cluster"] = &command{
		name:    "cluster",
		summary: "online clustering throughput and per-article cost at 10k/100k/1M stored articles",
		run:     runBenchCluster,
	}
	register(&command{
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
	fs := newFlags(e, "eval cluster", "--data DIR [--thresholds T,T...] [--online] [--text-only]",
		"Analyse DIR/articles.jsonl (entities, time expressions), cluster it into events and score the\nevents against DIR/gold.jsonl ({id, event}): B-cubed precision, recall and F1, and pairwise F1.")
	data := fs.String("data", "", "directory holding articles.jsonl and gold.jsonl")
	ths := fs.String("thresholds", "", "comma-separated clustering thresholds to report (default: the tuned one)")
	online := fs.Bool("online", false, "score the online one-pass clusterer (articles in id order) instead of the batch pass")
	textOnly := fs.Bool("text-only", false, "cluster on text features alone, without running the entity and time analysis first")
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
	if !*textOnly {
		analyzeForClustering(ctx, e, arts)
	}
	cfg := cluster.DefaultConfig()
	cfg.Prepare = clusterPrepare
	thresholds, err := parseFloats(*ths)
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline eval cluster: --thresholds:", err)
		return exitFailed
	}
	var res []cluster.EvalResult
	if *online {
		sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
		res, err = cluster.EvaluateOnline(ctx, arts, gold, cfg, thresholds...)
	} else {
		res, err = cluster.Evaluate(ctx, arts, gold, cfg, thresholds...)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline eval cluster:", err)
		return exitFailed
	}
	for _, r := range res {
		if len(res) > 1 {
			fmt.Fprintf(e.stdout, "threshold %.3f\n", r.Threshold)
		}
		fmt.Fprintf(e.stdout, "articles %d  events %d (gold %d)\n", r.Articles, r.Events, r.Gold)
		fmt.Fprintf(e.stdout, "B-cubed  precision %.4f  recall %.4f  F1 %.4f\n", r.BCubed.Precision, r.BCubed.Recall, r.BCubed.F1)
		fmt.Fprintf(e.stdout, "pairwise precision %.4f  recall %.4f  F1 %.4f\n", r.Pairwise.Precision, r.Pairwise.Recall, r.Pairwise.F1)
	}
	return exitOK
}

func runBenchCluster(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench cluster", "[--n 10000,100000,1000000] [--per-day N] [--window N]",
		"Stream a generated corpus (events over months, same-kind events, syndicated copies)\nthrough the online clusterer and report, at each store size, the per-article Add cost,\nAdd throughput and end-to-end throughput (generation included).")
	sizes := fs.String("n", "10000,100000,1000000", "store sizes to measure at")
	perDay := fs.Int("per-day", 2000, "articles a day in the generated corpus")
	window := fs.Int("window", 2000, "articles timed at each size")
	seed := fs.Uint64("seed", 1, "generator seed")
	if _, done, st := parseArgs(e, fs, args); done {
		return st
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fmt.Fprintf(e.stderr, "storyline bench cluster: bad --n value %q\n", f)
			return exitFailed
		}
		ns = append(ns, n)
	}
	pts, err := cluster.Bench(ctx, cluster.DefaultConfig(), cluster.BenchOptions{Sizes: ns, Window: *window, PerDay: *perDay, Seed: *seed})
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline bench cluster:", err)
		if len(pts) == 0 {
			return exitFailed
		}
	}
	fmt.Fprintf(e.stdout, "%10s %12s %12s %12s %14s %10s %10s\n", "stored", "Add (wall)", "CPU/article", "Add art/s", "end-to-end/s", "live ev.", "heap MB")
	for _, p := range pts {
		fmt.Fprintf(e.stdout, "%10d %12s %12s %12.0f %14.0f %10d %10.0f\n", p.Stored, p.PerArticle.Round(time.Microsecond/10),
			p.CPUPerArt.Round(time.Microsecond/10), p.AddPerSec, p.EndToEnd, p.LiveEvents, p.HeapMB)
	}
	if len(pts) > 1 {
		first, last := pts[0], pts[len(pts)-1]
		fmt.Fprintf(e.stdout, "per-article cost at %d / at %d: %.2fx wall, %.2fx CPU\n", last.Stored, first.Stored,
			float64(last.PerArticle)/float64(first.PerArticle), float64(last.CPUPerArt)/float64(max(first.CPUPerArt, 1)))
	}
	return exitOK
}

func runTimeline(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "timeline", "[--db DSN] [--story ID | --entity NAME] [ARTICLES.jsonl...]",
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
		events, stories, err = timelineFromStore(ctx, *dsn)
		if err == nil && *entity != "" {
			keys = append(keys, entityKeys(ctx, *dsn, *entity)...)
		}
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
	cfg := cluster.DefaultConfig()
	cfg.Prepare = clusterPrepare
	return cluster.Build(ctx, arts, cfg)
}

func timelineFromStore(ctx context.Context, dsn string) ([]storyline.Event, []storyline.Story, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("opening store: %w", err)
	}
	defer st.Close()
	stories, err := st.Stories(ctx, store.Query{Limit: 1 << 30})
	if err != nil {
		return nil, nil, fmt.Errorf("reading stories: %w", err)
	}
	events, err := st.Events(ctx, store.Query{Limit: 1 << 30})
	if err != nil {
		return nil, nil, fmt.Errorf("reading events: %w", err)
	}
	if len(stories) > 0 {
		return events, stories, nil
	}
	// Nothing built yet: cluster what the store holds.
	var arts []*storyline.Article
	if err := st.EachArticle(ctx, func(a *storyline.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return nil, nil, fmt.Errorf("reading articles: %w", err)
	}
	cfg := cluster.DefaultConfig()
	cfg.Prepare = clusterPrepare
	return cluster.Build(ctx, arts, cfg)
}

// entityKeys are the ids of the store's entities whose name matches name,
// so that --entity finds events that list entity ids.
func entityKeys(ctx context.Context, dsn, name string) []string {
	st, err := store.Open(ctx, dsn)
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
