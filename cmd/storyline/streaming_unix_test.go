//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/sample"
)

// The streaming core's promises, checked on real processes: a store stays
// consistent whenever an ingest is killed, and several writers share it.

// writeNews writes n generated articles, starting after skip, as JSON
// Lines.
func writeNews(t *testing.T, path string, skip, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	s := sample.NewNews(sample.NewsConfig{Seed: 9, ArticlesPerDay: 300})
	s.Skip(skip)
	if err := s.WriteNews(w, n); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// child starts the CLI as a real process (the test binary, see
// TestMainProcess).
func child(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainProcess$")
	cmd.Env = append(os.Environ(), "STORYLINE_MAIN_ARGS="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// checkConsistent exports the store and checks that every article's
// event, and every event's story, is exported too; it returns the number
// of articles.
func checkConsistent(t *testing.T, db string) int {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export")
	if code, _, errOut := run(t, "export", "--db", db, "--out", out); code != exitOK {
		t.Fatalf("export: status %d: %s", code, errOut)
	}
	arts := readJSONL(t, filepath.Join(out, "articles.jsonl"))
	events := readJSONL(t, filepath.Join(out, "events.jsonl"))
	stories := readJSONL(t, filepath.Join(out, "stories.jsonl"))
	for id, a := range arts {
		ev, _ := a["event"].(string)
		e, ok := events[ev]
		if !ok {
			t.Fatalf("article %s: event %q not exported", id, ev)
		}
		found := false
		for _, x := range e["articles"].([]any) {
			found = found || x == id
		}
		if !found {
			t.Fatalf("article %s: its event %s does not list it", id, ev)
		}
	}
	for id, e := range events {
		if st, _ := e["story"].(string); st != "" {
			if _, ok := stories[st]; !ok {
				t.Fatalf("event %s: story %q not exported", id, st)
			}
		}
	}
	return len(arts)
}

func TestKillDuringIngestLeavesAConsistentStore(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests thousands of articles in child processes")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "news.jsonl")
	const n = 2500
	writeNews(t, input, 0, n)
	db := "sqlite:" + filepath.Join(dir, "s.db")
	var last int
	for _, after := range []time.Duration{400 * time.Millisecond, 1200 * time.Millisecond, 2500 * time.Millisecond, 4 * time.Second} {
		cmd, out := child(t, "ingest", "--quiet", "--db", db, input)
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			t.Logf("ingest finished before the kill at %s", after)
		}
		got := checkConsistent(t, db)
		if got < last {
			t.Fatalf("after a kill at %s: %d articles, %d before: a kill lost committed articles\n%s", after, got, last, out)
		}
		last = got
	}
	// The next run finishes what the killed ones left.
	if code, _, errOut := run(t, "ingest", "--quiet", "--db", db, input); code != exitOK {
		t.Fatalf("final ingest: status %d: %s", code, errOut)
	}
	if got := checkConsistent(t, db); got != n {
		t.Fatalf("%d articles after the final ingest, want %d", got, n)
	}
}

func TestConcurrentIngestsShareAStore(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests thousands of articles in child processes")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	writeNews(t, a, 0, 1200)
	writeNews(t, b, 800, 1200) // 400 articles in both
	db := "sqlite:" + filepath.Join(dir, "s.db")
	ca, outA := child(t, "ingest", "--quiet", "--db", db, a)
	cb, outB := child(t, "ingest", "--quiet", "--db", db, b)
	if err := ca.Wait(); err != nil {
		t.Fatalf("first ingest: %v\n%s", err, outA)
	}
	if err := cb.Wait(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, outB)
	}
	for _, out := range []*bytes.Buffer{outA, outB} {
		if strings.Contains(out.String(), "locked") || strings.Contains(out.String(), "failed") && !strings.Contains(out.String(), " 0 failed") {
			t.Errorf("ingest output:\n%s", out)
		}
	}
	if got := checkConsistent(t, db); got != 2000 {
		t.Fatalf("%d articles, want 2000", got)
	}
}

// freePort is a port on 127.0.0.1 nobody listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestIngestBesideServerUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server and an ingest in child processes")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "bulk.jsonl")
	writeNews(t, input, 0, 1200)
	uploads := filepath.Join(dir, "uploads.jsonl")
	writeNews(t, uploads, 5000, 50)
	db := "sqlite:" + filepath.Join(dir, "s.db")
	addr := freePort(t)
	srv, srvOut := child(t, "serve", "--db", db, "--addr", addr, "--token", "t0ken")
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	for i := 0; ; i++ {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 200 {
			t.Fatalf("server did not start:\n%s", srvOut)
		}
		time.Sleep(50 * time.Millisecond)
	}
	ing, ingOut := child(t, "ingest", "--quiet", "--db", db, input)
	lines, err := os.ReadFile(uploads)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for _, line := range bytes.Split(bytes.TrimSpace(lines), []byte("\n")) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, "http://"+addr+"/api/articles", bytes.NewReader(line))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer t0ken")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusCreated {
				errs <- fmt.Errorf("upload: %d %s", resp.StatusCode, body)
			}
		}()
		time.Sleep(20 * time.Millisecond)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := ing.Wait(); err != nil {
		t.Fatalf("ingest beside the server: %v\n%s", err, ingOut)
	}
	if got := checkConsistent(t, db); got != 1250 {
		t.Fatalf("%d articles, want 1250\nserver:\n%s", got, srvOut)
	}
}
