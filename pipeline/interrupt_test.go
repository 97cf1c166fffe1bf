package pipeline

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store/sqlite"
)

// An interrupted ingest keeps every article it committed, and the next run
// picks up the rest without redoing them.
func TestInterruptedIngestLosesNothingCommitted(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "in.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	const n = 400
	if err := sample.Generate(w, n, 7); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	f.Close()

	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	cctx, cancel := context.WithCancel(ctx)
	go func() {
		for {
			if c, _ := st.CountArticles(ctx); c >= 20 {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	_, err = Ingest(cctx, st, []string{input}, Options{Workers: 2})
	if err == nil {
		t.Fatal("interrupted ingest returned no error")
	}
	committed, _ := st.CountArticles(ctx)
	if committed < 20 || committed >= n {
		t.Fatalf("%d articles committed before the interruption, want some but not all", committed)
	}

	sum, err := Ingest(ctx, st, []string{input}, Options{})
	if err != nil || sum.Failed != 0 {
		t.Fatalf("second run: %v %v", sum, err)
	}
	if sum.Unchanged != committed || sum.Ingested != n-committed {
		t.Errorf("second run: %v; want %d unchanged (committed before) and %d ingested", sum, committed, n-committed)
	}
	if c, _ := st.CountArticles(ctx); c != n {
		t.Errorf("%d articles stored, want %d", c, n)
	}
}
