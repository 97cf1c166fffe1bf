package loadtest

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store/sqlite"
)

// serve generates cfg into a fresh store and serves it on 127.0.0.1.
func serve(t *testing.T, cfg Config) string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	start := time.Now()
	if err := Generate(ctx, st, cfg); err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %d articles in %s", cfg.articles(), time.Since(start))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	quiet := slog.New(slog.DiscardHandler)
	go func() { done <- server.Serve(sctx, ln, server.New(st, server.Options{Log: quiet}), quiet) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}

// TestSmallRun checks that every generated request kind is answered: a
// short run on a small corpus must have no errors.
func TestSmallRun(t *testing.T) {
	cfg := Config{Articles: 300, Seed: 7}
	base := serve(t, cfg)
	rep, err := Run(context.Background(), base, cfg, 100, 1500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log(b.String())
	if rep.Errors > 0 || rep.Requests < 140 {
		t.Fatalf("run: %s", b.String())
	}
	if len(rep.ByKind) < 10 {
		t.Fatalf("only %d request kinds were sent", len(rep.ByKind))
	}
}

func TestRefusesRemoteTargets(t *testing.T) {
	for _, base := range []string{"http://example.org", "http://10.0.0.1:8080", "ftp://127.0.0.1", "http://127.0.0.1.example.org"} {
		if _, err := Run(context.Background(), base, Config{Articles: 10}, 1, time.Millisecond); err == nil {
			t.Errorf("%s: no error", base)
		}
	}
}

func TestCorpusIsConsistent(t *testing.T) {
	c := Corpus(Config{Articles: 101, Seed: 3})
	if len(c.Articles) != 101 || len(c.Events) != 21 || len(c.Stories) != 6 {
		t.Fatalf("%d articles, %d events, %d stories", len(c.Articles), len(c.Events), len(c.Stories))
	}
	for _, a := range c.Articles {
		for _, m := range a.Entities {
			if a.Text[m.Start:m.End] != m.Text {
				t.Fatalf("%s: mention %q at %d:%d is %q", a.ID, m.Text, m.Start, m.End, a.Text[m.Start:m.End])
			}
		}
	}
}

// TestLoad is the acceptance load test: 10,000 generated articles, 200
// requests a second for 30 s. It runs only when asked:
//
//	STORYLINE_LOADTEST=1 go test ./server/loadtest -run TestLoad -v -timeout 10m
func TestLoad(t *testing.T) {
	if os.Getenv("STORYLINE_LOADTEST") == "" {
		t.Skip("set STORYLINE_LOADTEST=1 to run the 30 s load test")
	}
	cfg := Config{Articles: 10000, Seed: 1}
	base := serve(t, cfg)
	rep, err := Run(context.Background(), base, cfg, 200, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	if rep.Errors > 0 {
		t.Errorf("%d errors", rep.Errors)
	}
	// The p99 target (< 50 ms) is judged by "storyline loadtest", not
	// here: tests make no timing assertions.
}
