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

// builtStore is a store grown through ingest once per test binary, in
// a folder of its own that TestMain removes.
type builtStore struct {
	once sync.Once
	st   store.Store
	dir  string
	err  error
}

// build grows the store to n generated articles the first time it is
// called, and then calls then on it.
func (bs *builtStore) build(n int, then func(ctx context.Context) error) {
	bs.once.Do(func() {
		if bs.dir, bs.err = os.MkdirTemp("", "storyline-bench-"); bs.err != nil {
			return
		}
		ctx := context.Background()
		if bs.st, bs.err = sqlite.Open(ctx, filepath.Join(bs.dir, "bench.db")); bs.err != nil {
			return
		}
		if _, bs.err = Build(ctx, bs.st, n, 1, slog.New(slog.DiscardHandler)); bs.err != nil {
			return
		}
		bs.err = then(ctx)
	})
}

func (bs *builtStore) remove() {
	if bs.st != nil {
		bs.st.Close()
	}
	if bs.dir != "" {
		os.RemoveAll(bs.dir)
	}
}

var bench struct {
	builtStore
	tg Targets
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
	bench.build(benchArticles(), func(ctx context.Context) (err error) {
		bench.tg, err = Sample(ctx, bench.st, 1)
		return err
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
	bench.remove()
	reads.remove()
	os.Exit(code)
}
