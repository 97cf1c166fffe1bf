package loadtest

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

var bench struct {
	once sync.Once
	st   store.Store
	dir  string
	tg   Targets
	err  error
}

// benchArticles is the store size of BenchmarkMix: 10,000 like the load
// test, or $STORYLINE_BENCH_ARTICLES.
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("STORYLINE_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// BenchmarkMix serves the load test's read mix in process, one request at
// a time: the server's own cost per request, without the network or
// queueing. Building the store through ingest takes a while and happens
// once.
//
//	go test ./server/loadtest -run XXX -bench Mix -benchtime 3000x
func BenchmarkMix(b *testing.B) {
	bench.once.Do(func() {
		bench.dir, bench.err = os.MkdirTemp("", "storyline-bench-")
		if bench.err != nil {
			return
		}
		ctx := context.Background()
		if bench.st, bench.err = sqlite.Open(ctx, filepath.Join(bench.dir, "bench.db")); bench.err != nil {
			return
		}
		if _, bench.err = Build(ctx, bench.st, benchArticles(), 1, slog.New(slog.DiscardHandler)); bench.err != nil {
			return
		}
		bench.tg, bench.err = Sample(ctx, bench.st, 1)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	for _, cache := range []struct {
		name string
		ttl  int
	}{{"cached", 0}, {"uncached", -1}} {
		b.Run(cache.name, func(b *testing.B) {
			h := server.New(bench.st, server.Options{Log: slog.New(slog.DiscardHandler), CacheTTL: time.Duration(cache.ttl)})
			ts := bench.tg.mix()
			total := 0
			for _, t := range ts {
				total += t.weight
			}
			r := rand.New(rand.NewPCG(1, 2))
			for b.Loop() {
				pick := r.IntN(total)
				var t target
				for _, t = range ts {
					if pick < t.weight {
						break
					}
					pick -= t.weight
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", t.path(r), nil))
				if rec.Code != 200 && rec.Code != 301 && rec.Code != 308 {
					b.Fatalf("%s: %d", t.kind, rec.Code)
				}
			}
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.st != nil {
		bench.st.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	if reads.st != nil {
		reads.st.Close()
	}
	if reads.dir != "" {
		os.RemoveAll(reads.dir)
	}
	os.Exit(code)
}
