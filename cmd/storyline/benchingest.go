package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sample"
)

// benchIngestCommands adds this file's commands to the table.
func benchIngestCommands(t *commandTable) {
	t.bench["ingest"] = &command{
		name:    "ingest",
		summary: "end-to-end throughput: generated articles through reading, cleaning, analysis, store and corpus build",
		run:     runBenchIngest,
	}
}

func runBenchIngest(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench ingest", "[--n 3000] [--workers N]", "Generate N invented articles (JSON Lines) and time `ingest` on them into a fresh SQLite store:\nreading, cleaning, language, entities, time, quotes, storing, then entity resolution, quote merging and event clustering.")
	n := fs.Int("n", 3000, "articles to generate")
	corpus := fs.String("corpus", "news", "generated corpus: news (varied news at 2,000 articles a day, sample.News: 10,000 cover five days) or simple (few kinds and names, sample.Generate)")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per CPU)")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	allocProfile := fs.String("memprofile", "", "write an allocation profile of the run to this file (what was allocated, by where)")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	dir, err := os.MkdirTemp("", "storyline-bench-")
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "articles.jsonl")
	f, err := os.Create(input)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	w := bufio.NewWriter(f)
	switch *corpus {
	case "news":
		err = sample.NewNews(sample.NewsConfig{Seed: 1}).WriteNews(w, *n)
	case "simple":
		err = sample.Generate(w, *n, 1)
	default:
		err = fmt.Errorf("unknown --corpus %q (news or simple)", *corpus)
	}
	if err == nil {
		err = w.Flush()
	}
	f.Close()
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	st, err := openStore(ctx, "sqlite:"+filepath.Join(dir, "bench.db"))
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	stopProfile, err := startCPUProfile(*profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	defer stopProfile()
	cpu0 := cpuTime()
	start := time.Now()
	sum, err := pipeline.Ingest(ctx, st, []string{input}, pipeline.Options{Workers: *workers})
	wall := time.Since(start)
	cpu := cpuTime() - cpu0
	if err != nil || sum.Failed > 0 {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v (%s)\n", err, sum)
		for _, err := range sum.Errors[:min(3, len(sum.Errors))] {
			fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		}
		return exitFailed
	}
	if err := writeAllocProfile(*allocProfile); err != nil {
		fmt.Fprintf(e.stderr, "storyline bench ingest: %v\n", err)
		return exitFailed
	}
	done := sum.Ingested + sum.Updated
	fmt.Fprintf(e.stdout, "articles\t%d\nwall\t%.2fs\narticles/s\t%.0f\ncpu\t%.2fs\narticles per CPU-second\t%.0f\nsettling after the last link\t%.2fs\nGOMAXPROCS\t%d\n",
		done, wall.Seconds(), float64(done)/wall.Seconds(), cpu.Seconds(), float64(done)/cpu.Seconds(), sum.FinalSettling.Seconds(), runtime.GOMAXPROCS(0))
	return exitOK
}
