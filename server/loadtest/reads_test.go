package loadtest

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
)

// readsArticles is the store size of BenchmarkReads: small enough to
// build in seconds, large enough that its most named entity has more
// articles than an entity's page lists (store.EntityArticles).
const readsArticles = 2000

var reads struct {
	builtStore
	entity string // the most named entity
}

// BenchmarkReads serves the two reads whose cost grew with the store,
// one request at a time, uncached: a page of the article list API and
// the page of the most named entity.
//
//	go test ./server/loadtest -run '^$' -bench Reads -benchtime 200x -benchmem
func BenchmarkReads(b *testing.B) {
	reads.build(readsArticles, func(ctx context.Context) error {
		// Entities lists the most named first.
		top, err := reads.st.Entities(ctx, store.Query{Limit: 1})
		if err == nil && len(top) > 0 {
			reads.entity = top[0].ID
		}
		return err
	})
	if reads.err != nil {
		b.Fatal(reads.err)
	}
	if reads.entity == "" {
		b.Fatal("the benchmark store has no entity")
	}
	h := server.New(reads.st, server.Options{Log: slog.New(slog.DiscardHandler), CacheTTL: time.Duration(-1)})
	for _, tt := range []struct{ name, path string }{
		{"api articles", "/api/articles?limit=20&offset=40"},
		{"page entity", "/entities/" + url.PathEscape(reads.entity)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
				if rec.Code != 200 {
					b.Fatalf("%s: %d", tt.path, rec.Code)
				}
			}
		})
	}
}
