package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/queue"
)

// The seed acceptance checks on the PostgreSQL deployment: items queued by
// ingest, analysed and linked by two workers, give what gold.json gives,
// as the embedded store does.
func TestSeedsThroughWorkers(t *testing.T) {
	pgtest.ServerDSN(t)
	shareddata.Path(t)
	for name, check := range pipeline.SeedChecks() {
		t.Run(name, func(t *testing.T) { check(t, ingestSeedsThroughWorkers) })
	}
}

// The same checks with the pipeline linking into PostgreSQL itself, as
// reanalyze and the benchmarks do.
func TestSeedsIntoPostgres(t *testing.T) {
	pgtest.ServerDSN(t)
	shareddata.Path(t)
	for name, check := range pipeline.SeedChecks() {
		t.Run(name, func(t *testing.T) { check(t, ingestSeedsIntoPostgres) })
	}
}

func ingestSeedsIntoPostgres(t *testing.T, withMeta bool) *storyline.Corpus {
	t.Helper()
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, _ := pgtest.Store(t)
	sum, err := pipeline.Ingest(ctx, st, []string{filepath.Join(shared, "seeds", "articles")}, seedOptions(shared, withMeta))
	if err != nil || sum.Failed > 0 || sum.Ingested != 5 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	return pipeline.LoadCorpus(t, st)
}

func seedOptions(shared string, withMeta bool) pipeline.Options {
	var opts pipeline.Options
	if withMeta {
		opts.MetaFile = filepath.Join(shared, "seeds", "meta.jsonl")
	}
	return opts
}

func ingestSeedsThroughWorkers(t *testing.T, withMeta bool) *storyline.Corpus {
	t.Helper()
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, dsn := pgtest.Store(t)
	q, err := queue.Open(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	// Two workers with stores of their own, as two processes would be.
	stop, err := queue.StartWorkers(ctx, dsn, 2, queue.WorkerOptions{Jobs: 2, Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("workers: %v", err)
		}
	}()
	sum, err := pipeline.NewSubmitting(st, q, nil).Ingest(ctx, []string{filepath.Join(shared, "seeds", "articles")}, seedOptions(shared, withMeta))
	if err != nil || sum.Failed > 0 || sum.Queued != 5 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	m, err := q.Mark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := q.Wait(wait, m, nil); err != nil {
		t.Fatal(err)
	}
	if s, err := q.Stats(ctx); err != nil || s.Done != 5 || s.Failed != 0 {
		t.Fatalf("after the wait: %v, %v; want 5 jobs done, none failed", s, err)
	}
	return pipeline.LoadCorpus(t, st)
}
