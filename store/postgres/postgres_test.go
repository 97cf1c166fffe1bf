package postgres_test

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/storetest"
)

func open(t *testing.T) *postgres.DB {
	t.Helper()
	s, err := postgres.Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &storyline.Article{ID: "x", Text: "kept across restarts"}, "h", store.Raw{}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	reg := store.NewRegistry(map[string]store.Driver{"postgres": postgres.Driver})
	reopened, err := reg.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if n, _ := reopened.CountArticles(ctx); n != 1 {
		t.Fatalf("after reopen: %d articles, want 1", n)
	}
}
