package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/queue"
)

// migrate, ingest --wait and status on a shared store, with a worker.
func TestIngestWaitsForTheWorkers(t *testing.T) {
	seeds := shareddata.Path(t, "seeds")
	dsn := pgtest.DSN(t)
	if code, out, errOut := run(t, "migrate", "--db", dsn); code != exitOK || !strings.Contains(out, "up to date") {
		t.Fatalf("migrate: %d %q %q", code, out, errOut)
	}
	stop, err := queue.StartWorkers(context.Background(), dsn, 1, queue.WorkerOptions{Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("worker: %v", err)
		}
	}()
	code, _, errOut := run(t, "ingest", "--db", dsn, "--wait", "--meta", filepath.Join(seeds, "meta.jsonl"), filepath.Join(seeds, "articles"))
	if code != exitOK || !strings.Contains(errOut, "5 queued") || !strings.Contains(errOut, "done: 0 queued, 0 running, 5 done, 0 failed") {
		t.Fatalf("ingest --wait: %d\n%s", code, errOut)
	}
	code, out, errOut := run(t, "status", "--db", dsn)
	if code != exitOK || !strings.Contains(out, "done\t5\n") || !strings.Contains(out, "to link\t0\n") || !strings.Contains(out, "to settle\t0\n") {
		t.Fatalf("status: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "export", "--db", dsn, "--out", t.TempDir())
	if code != exitOK {
		t.Fatalf("export: %d %q", code, out)
	}
	if code, _, errOut := run(t, "status", "--db", "sqlite:"+filepath.Join(t.TempDir(), "x.db")); code != exitFailed || !strings.Contains(errOut, "PostgreSQL") {
		t.Errorf("status on the embedded store: %d %q, want a failure naming PostgreSQL", code, errOut)
	}
}
