package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/queue"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
)

// benchWorkersCommands adds this file's commands to the table.
func benchWorkersCommands(t *commandTable) {
	t.bench["workers"] = &command{
		name:    "workers",
		summary: "throughput of a shared (PostgreSQL) deployment: generated articles queued, analysed and linked by N workers",
		run:     runBenchWorkers,
	}
}

func runBenchWorkers(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench workers", "--db postgres://... [--n 10000] [--workers 1] [--jobs N]",
		"Generate N invented articles (sample.NewNews), queue them into a fresh schema of the PostgreSQL\n"+
			"database --db names, and time until W workers (in this process, each with connections of its\n"+
			"own, as separate processes would have) have analysed, linked and settled them all. The schema is\n"+
			"dropped afterwards unless --keep. The database server's own CPU is not in the figures.")
	dsn := fs.String("db", "", "PostgreSQL database to create the benchmark's schema in (postgres://...)")
	n := fs.Int("n", 10000, "articles to generate")
	workers := fs.Int("workers", 1, "worker count")
	jobs := fs.Int("jobs", 0, "analyses at once per worker (0: one per CPU)")
	keep := fs.Bool("keep", false, "keep the schema (its name is printed) instead of dropping it")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "storyline bench workers: %v\n", err)
		return exitFailed
	}
	if scheme, _ := store.Scheme(*dsn); scheme != "postgres" || *workers < 1 || *n < 1 {
		return fail(fmt.Errorf("need --db postgres://..., --workers ≥ 1 and --n ≥ 1"))
	}
	var data bytes.Buffer
	if err := sample.NewNews(sample.NewsConfig{Seed: 1}).WriteNews(&data, *n); err != nil {
		return fail(err)
	}
	schema := fmt.Sprintf("storyline_bench_%d_%d", os.Getpid(), time.Now().Unix())
	if err := postgres.CreateSchema(ctx, *dsn, schema); err != nil {
		return fail(err)
	}
	if *keep {
		fmt.Fprintf(e.stderr, "storyline bench workers: schema %s\n", schema)
	} else {
		defer postgres.DropSchema(context.WithoutCancel(ctx), *dsn, schema)
	}
	benchDSN, err := postgres.WithSchema(*dsn, schema)
	if err != nil {
		return fail(err)
	}
	db, q, err := openShared(ctx, benchDSN)
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	// The workers start (and load their models) before the clock does.
	stop, err := queue.StartWorkers(ctx, benchDSN, *workers, queue.WorkerOptions{Jobs: *jobs})
	if err != nil {
		return fail(err)
	}
	stopProfile, err := startCPUProfile(*profile)
	if err != nil {
		stop()
		return fail(err)
	}
	defer stopProfile()
	cpu0 := cpuTime()
	start := time.Now()
	sum, err := pipeline.NewSubmitting(db, q, e.log).IngestBytes(ctx, "bench.jsonl", data.Bytes(), pipeline.Options{})
	queued := time.Since(start)
	if err == nil && sum.Failed > 0 {
		err = fmt.Errorf("%s", sum)
	}
	var m queue.Mark
	if err == nil {
		m, err = q.Mark(ctx)
	}
	if err == nil {
		err = q.Wait(ctx, m, nil)
	}
	wall := time.Since(start)
	if serr := stop(); err == nil {
		err = serr
	}
	cpu := cpuTime() - cpu0
	if err != nil {
		return fail(err)
	}
	s, err := q.Stats(ctx)
	if err != nil {
		return fail(err)
	}
	if s.Failed > 0 {
		return fail(fmt.Errorf("%d items failed", s.Failed))
	}
	fmt.Fprintf(e.stdout, "articles\t%d\nworkers\t%d\nqueued in\t%.2fs\nwall\t%.2fs\narticles/s\t%.0f\ncpu (workers)\t%.2fs\narticles per CPU-second\t%.0f\nGOMAXPROCS\t%d\n",
		sum.Queued, *workers, queued.Seconds(), wall.Seconds(), float64(sum.Queued)/wall.Seconds(), cpu.Seconds(), float64(sum.Queued)/cpu.Seconds(), runtime.GOMAXPROCS(0))
	return exitOK
}
