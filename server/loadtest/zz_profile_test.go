package loadtest

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
)

func TestZZProfile(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:/tmp/lt.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cfg := Config{Articles: 10000, Seed: 1}
	if n, _ := st.CountArticles(ctx); n == 0 {
		if err := Generate(ctx, st, cfg); err != nil {
			t.Fatal(err)
		}
	}
	h := server.New(st, server.Options{Log: slog.New(slog.DiscardHandler)})
	r := rand.New(rand.NewPCG(1, 2))
	for _, tg := range targets(cfg) {
		var ds []time.Duration
		for range 30 {
			p := tg.path(r)
			start := time.Now()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			ds = append(ds, time.Since(start))
			if rec.Code != 200 {
				t.Errorf("%s: %d", p, rec.Code)
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-14s p50 %8s max %8s", tg.kind, ds[15], ds[29])
	}
}
