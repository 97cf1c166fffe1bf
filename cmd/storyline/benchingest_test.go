package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The allocation profile is what finds the allocations that keep the
// collector busy during ingest, so it must name the ingest's own code.
func TestBenchIngestWritesAllocationProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "allocs.prof")
	code, out, errOut := run(t, "bench", "ingest", "--n", "20", "--corpus", "simple", "--memprofile", path)
	if code != exitOK {
		t.Fatalf("status %d: %s", code, errOut)
	}
	if !strings.Contains(out, "articles\t20\n") {
		t.Errorf("output %q, want 20 articles", out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A pprof profile is a gzipped protocol buffer whose string table
	// holds the functions' names.
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("profile: %v", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("profile: %v", err)
	}
	if !bytes.Contains(raw, []byte("github.com/storyline-news/storyline/pipeline.")) {
		t.Errorf("the allocation profile (%d bytes) names no function of package pipeline", len(raw))
	}
}
