package postgres_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
)

func TestRebindNumbersPlaceholdersOutsideQuotes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b = ?`, `a = $1 AND b = $2`},
		{`names LIKE ? ESCAPE '\'`, `names LIKE $1 ESCAPE '\'`},
		{`x = '?' AND y = ?`, `x = '?' AND y = $1`},
		{`x = 'it''s ?' AND y = ?`, `x = 'it''s ?' AND y = $1`},
		{`"odd?name" = ?`, `"odd?name" = $1`},
		{`IN (?, ?, ?)`, `IN ($1, $2, $3)`},
	} {
		if got := postgres.Rebind(tt.in); got != tt.want {
			t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextQueryKeepsOnlyWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Businesslike", "Businesslike"},
		{`"unbalanced`, "unbalanced"},
		{"a & b | !c <-> d:*", "a b c d"},
		{"talks, Geneva!", "talks Geneva"},
		{"Zürich 2021", "Zürich 2021"},
		{"*", ""},
		{"  ", ""},
	} {
		if got := postgres.TextQuery(tt.in); got != tt.want {
			t.Errorf("TextQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLockKeysKeepStoresApart(t *testing.T) {
	a, b, c := postgres.LockKey("db", "a"), postgres.LockKey("db", "b"), postgres.LockKey("other", "a")
	if a == b || a == c || b == c {
		t.Errorf("lock keys collide: %d %d %d", a, b, c)
	}
	for _, k := range []int64{a, b, c} {
		if k%4 != 0 {
			t.Errorf("lock key %d is not a multiple of 4: the keys after it would be another store's", k)
		}
	}
}

func TestPlainName(t *testing.T) {
	for name, want := range map[string]bool{"t_1a2b": true, "bench": true, "": false, "1abc": false, "a-b": false, "a;drop": false, "A": false} {
		if got := postgres.PlainName(name); got != want {
			t.Errorf("PlainName(%q) = %v, want %v", name, got, want)
		}
	}
}

// Writers from two connections pools (two processes) take turns: a
// read-modify-write of one counter loses no increment.
func TestWritersTakeTurns(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	var stores []*postgres.DB
	for range 2 {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	const writers, each = 6, 5
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				err := stores[i%2].Update(ctx, func(tx store.Tx) error {
					v, err := tx.Meta(ctx, "n")
					if err != nil {
						return err
					}
					n, _ := strconv.Atoi(v)
					time.Sleep(time.Millisecond) // widen the window a race would need
					return tx.SetMeta(ctx, "n", strconv.Itoa(n+1))
				})
				if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	err := stores[0].Update(ctx, func(tx store.Tx) error {
		v, err := tx.Meta(ctx, "n")
		if err == nil && v != strconv.Itoa(writers*each) {
			t.Errorf("counter = %s, want %d: writers interleaved", v, writers*each)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSearchRanksTitleWordsFirst(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	err := s.Update(ctx, func(tx store.Tx) error {
		for _, a := range []*storyline.Article{
			{ID: "body", Title: "Talks resume", Text: "The delegations met near the harbour of Lindmark on Tuesday."},
			{ID: "title", Title: "Lindmark harbour reopens", Text: "Ferries sailed again on Tuesday."},
		} {
			if _, err := tx.PutArticle(ctx, a, "h", store.Raw{}, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "lindmark", 10, 0)
	if err != nil || len(hits) != 2 || hits[0].ID != "title" || hits[0].Rank >= hits[1].Rank {
		t.Fatalf("Search = %+v, %v; want the title match first, with the lower rank", hits, err)
	}
	if !strings.Contains(hits[1].Snippet, "\x02Lindmark\x03") {
		t.Errorf("snippet %q does not mark the match", hits[1].Snippet)
	}
	// Words, all of them: no operator syntax, no partial matches.
	for q, want := range map[string]int{"lindmark tuesday": 2, "lindmark ferries": 1, "lindmark | nothing": 0, "lind": 0, "!!!": 0} {
		hits, err := s.Search(ctx, q, 10, 0)
		if err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", q, len(hits), err, want)
		}
	}
}

// PostgreSQL text cannot hold NUL characters nor bytes that are not UTF-8;
// an article whose title has one is stored all the same.
func TestNULCharactersAndStrayBytesAreStored(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	a := &storyline.Article{ID: "n1", Title: "Talks\x00 resume", Outlet: "Daily\x00", Byline: "By J\xe9r\xf4me", Text: "The delegations met in Geneva."}
	err := s.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, a, "h", store.Raw{Format: "jsonl", Data: []byte("raw\x00bytes")}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "n1")
	if err != nil || got.Title != a.Title {
		t.Fatalf("Article = %+v, %v; want the title as given (the document keeps it)", got, err)
	}
	if as, err := s.Articles(ctx, store.Query{Outlet: "Daily"}); err != nil || len(as) != 1 {
		t.Errorf("Articles(outlet Daily) = %d, %v; want the article, its outlet column without the NUL", len(as), err)
	}
	if raw, err := s.RawArticle(ctx, "n1"); err != nil || string(raw.Data) != "raw\x00bytes" {
		t.Errorf("RawArticle = %q, %v; bytes are kept as they are", raw.Data, err)
	}
}

// A reader (a read replica's store) reads what the primary wrote, writes
// nothing, and refuses a database without the schema.
func TestReaderReadsAndRefusesWrites(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	if _, err := postgres.OpenReader(ctx, dsn); err == nil || !strings.Contains(err.Error(), "schema version") {
		t.Fatalf("OpenReader on an empty database = %v, want a schema version error", err)
	}
	primary, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	err = primary.Update(ctx, func(tx store.Tx) error {
		_, err := tx.PutArticle(ctx, &storyline.Article{ID: "a1", Title: "Harbour reopens", Text: "Ferries sailed again."}, "h", store.Raw{}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := postgres.OpenReader(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if a, err := r.Article(ctx, "a1"); err != nil || a.Title != "Harbour reopens" {
		t.Errorf("reader: Article = %+v, %v", a, err)
	}
	if hits, err := r.Search(ctx, "ferries", 10, 0); err != nil || len(hits) != 1 {
		t.Errorf("reader: Search = %v, %v", hits, err)
	}
	if err := r.Update(ctx, func(store.Tx) error { return nil }); err == nil {
		t.Error("a reader's Update succeeded")
	}
}
