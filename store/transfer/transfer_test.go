package transfer_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/transfer"
)

// source is an embedded store holding a few invented articles, pending
// work and a text that PostgreSQL cannot hold as it is (a NUL).
func source(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	src, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	texts := map[string]string{
		"a1": "The Varna ferry resumed crossings on Monday after the strike ended.",
		"a2": "Dock workers in Varna voted to end their strike, the union said.",
		"a3": "A storm closed the mountain pass near Orlin for a second day.",
	}
	err = src.Update(ctx, func(tx store.Tx) error {
		for id, text := range texts {
			a := &storyline.Article{ID: id, Title: "Title\x00 of " + id, Outlet: "Outlet", Published: "2024-05-06", Text: text}
			if _, err := tx.PutArticle(ctx, a, "h"+id, store.Raw{Format: "text", Origin: id + ".txt", Data: []byte(text)}, []byte{0, 1, 2}); err != nil {
				return err
			}
		}
		if err := tx.AddPending(ctx, "event", []string{"e1", "e2"}); err != nil {
			return err
		}
		return tx.SetMeta(ctx, "generation", "7")
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestCopyKeepsEverythingAndContinuesPendingWork(t *testing.T) {
	ctx := context.Background()
	src := source(t)
	dst, _ := pgtest.Store(t)
	st, err := transfer.ToPostgres(ctx, src, dst, transfer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 {
		t.Errorf("copied %d articles, want 3", st.Articles)
	}
	a, err := dst.Article(ctx, "a2")
	if err != nil || !strings.Contains(a.Text, "Dock workers") {
		t.Errorf("Article(a2) = %+v, %v; want its text", a, err)
	}
	raw, err := dst.RawArticle(ctx, "a3")
	if err != nil || raw.Format != "text" || !strings.Contains(string(raw.Data), "mountain pass") {
		t.Errorf("RawArticle(a3) = %+v, %v", raw, err)
	}
	hits, err := dst.Search(ctx, "varna strike", 10, 0)
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
		// The title column cannot hold the NUL; the article's document
		// keeps it, escaped, as the driver's own writes do.
		if h.Title != "Title of "+h.ID {
			t.Errorf("hit %s has title %q", h.ID, h.Title)
		}
	}
	slices.Sort(ids)
	if err != nil || !slices.Equal(ids, []string{"a1", "a2"}) {
		t.Errorf("Search(varna strike) = %v, %v; want a1 and a2", ids, err)
	}
	// New pending work numbers after the copied work: it is taken
	// after it, and does not collide with it.
	var pending []string
	err = dst.Update(ctx, func(tx store.Tx) error {
		if err := tx.AddPending(ctx, "event", []string{"e3"}); err != nil {
			return err
		}
		f, err := tx.Features(ctx, []string{"a1"})
		if err != nil {
			return err
		}
		if !slices.Equal(f["a1"], []byte{0, 1, 2}) {
			t.Errorf("features of a1 = %v, want [0 1 2]", f["a1"])
		}
		pending, err = tx.Pending(ctx, "event", 10)
		return err
	})
	if err != nil || !slices.Equal(pending, []string{"e1", "e2", "e3"}) {
		t.Errorf("pending after the copy = %v, %v; want e1 e2 e3", pending, err)
	}
}

func TestCopyRefusesAStoreThatHoldsRows(t *testing.T) {
	ctx := context.Background()
	src := source(t)
	dst, _ := pgtest.Store(t)
	err := dst.Update(ctx, func(tx store.Tx) error {
		return tx.PutSource(ctx, &store.Source{ID: "s1", URL: "https://example.org/feed", Kind: store.SourceFeed, Name: "Example", Interval: 3600, Added: "2024-05-06T00:00:00Z"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := transfer.ToPostgres(ctx, src, dst, transfer.Options{}); !errors.Is(err, transfer.ErrNotEmpty) {
		t.Fatalf("copy into a store with a source: %v, want ErrNotEmpty", err)
	}
	if n, err := dst.CountArticles(ctx); err != nil || n != 0 {
		t.Errorf("after the refusal: %d articles, %v; want none", n, err)
	}
	if _, err := transfer.ToPostgres(ctx, src, dst, transfer.Options{Replace: true}); err != nil {
		t.Fatalf("copy with Replace: %v", err)
	}
	if n, err := dst.CountArticles(ctx); err != nil || n != 3 {
		t.Errorf("after the replacing copy: %d articles, %v; want 3", n, err)
	}
	if srcs, err := dst.Sources(ctx); err != nil || len(srcs) != 0 {
		t.Errorf("after the replacing copy: sources %v, %v; want the source's (none)", srcs, err)
	}
}

// cancelAfter is a log handler that cancels a context once a table was
// copied: the copy then fails in the middle.
type cancelAfter struct {
	slog.Handler
	table  string
	cancel context.CancelFunc
}

func (cancelAfter) Enabled(context.Context, slog.Level) bool { return true }

func (c cancelAfter) Handle(ctx context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "table" && a.Value.String() == c.table {
			c.cancel()
		}
		return true
	})
	return nil
}

func TestInterruptedCopyLeavesTheDestinationEmpty(t *testing.T) {
	src := source(t)
	dst, _ := pgtest.Store(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(cancelAfter{Handler: slog.DiscardHandler, table: "features", cancel: cancel})
	if _, err := transfer.ToPostgres(ctx, src, dst, transfer.Options{Log: log}); err == nil {
		t.Fatal("a copy cancelled in the middle succeeded")
	}
	if n, err := dst.CountArticles(context.Background()); err != nil || n != 0 {
		t.Errorf("after the interrupted copy: %d articles, %v; want none", n, err)
	}
	if _, err := transfer.ToPostgres(context.Background(), src, dst, transfer.Options{}); err != nil {
		t.Errorf("copy after the interrupted one: %v", err)
	}
}

func TestCopyRefusesAColumnItDoesNotKnow(t *testing.T) {
	ctx := context.Background()
	src := source(t)
	if _, err := src.SQL().ExecContext(ctx, `ALTER TABLE events ADD COLUMN colour TEXT`); err != nil {
		t.Fatal(err)
	}
	dst, _ := pgtest.Store(t)
	if _, err := transfer.ToPostgres(ctx, src, dst, transfer.Options{}); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("copy of a table with an unknown column: %v, want an error naming it", err)
	}
}

func TestCopyBackToSQLite(t *testing.T) {
	ctx := context.Background()
	src := source(t)
	pg, _ := pgtest.Store(t)
	if _, err := transfer.ToPostgres(ctx, src, pg, transfer.Options{}); err != nil {
		t.Fatal(err)
	}
	back, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	st, err := transfer.ToSQLite(ctx, pg, back, transfer.Options{})
	if err != nil || st.Articles != 3 {
		t.Fatalf("copy back: %+v, %v; want 3 articles", st, err)
	}
	// A new article takes the next search row, beside the copied ones.
	err = back.Update(ctx, func(tx store.Tx) error {
		a := &storyline.Article{ID: "a4", Title: "Ferry timetable", Outlet: "Outlet", Published: "2024-05-07", Text: "The Varna ferry added an evening crossing."}
		if _, err := tx.PutArticle(ctx, a, "ha4", store.Raw{}, nil); err != nil {
			return err
		}
		return tx.AddPending(ctx, "event", []string{"e3"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"varna": {"a1", "a2", "a4"}, "mountain pass": {"a3"}} {
		hits, err := back.Search(ctx, q, 10, 0)
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if err != nil || !slices.Equal(ids, want) {
			t.Errorf("Search(%s) after the copy back = %v, %v; want %v", q, ids, err, want)
		}
	}
	var pending []string
	err = back.Update(ctx, func(tx store.Tx) error {
		pending, err = tx.Pending(ctx, "event", 10)
		return err
	})
	if err != nil || !slices.Equal(pending, []string{"e1", "e2", "e3"}) {
		t.Errorf("pending after the copy back = %v, %v; want e1 e2 e3", pending, err)
	}
	if _, err := transfer.ToSQLite(ctx, pg, back, transfer.Options{}); !errors.Is(err, transfer.ErrNotEmpty) {
		t.Errorf("copy back into a store that holds one: %v, want ErrNotEmpty", err)
	}
	if _, err := transfer.ToSQLite(ctx, pg, back, transfer.Options{Replace: true}); err != nil {
		t.Errorf("copy back with Replace: %v", err)
	}
	if n, err := back.CountArticles(ctx); err != nil || n != 3 {
		t.Errorf("after the replacing copy back: %d articles, %v; want 3", n, err)
	}
}
