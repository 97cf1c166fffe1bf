package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceInMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(ctx, path)
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
	reg := store.NewRegistry(map[string]store.Driver{"sqlite": Driver})
	reopened, err := reg.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if n, _ := reopened.CountArticles(ctx); n != 1 {
		t.Fatalf("after reopen: %d articles, want 1", n)
	}
}

// TestSearchRanksNewestMatches: a word in more articles than the search
// window is ranked among its newest matches only; the best match of all,
// older than the window, is not found, while within the window the
// ranking (a title match first) holds.
func TestSearchRanksNewestMatches(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.d.searchWindow = 3
	put := func(id, title, text string) {
		t.Helper()
		err := s.Update(ctx, func(tx store.Tx) error {
			_, err := tx.PutArticle(ctx, &storyline.Article{ID: id, Title: title, Text: text, Published: "2024-03-01"}, id, store.Raw{}, nil)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	put("old-best", "Ferries halted", "Ferries halted by the storm.")
	put("a", "Storm", "The ferries stayed in port.")
	put("b", "Ferries again", "Ferries sailed at dawn.")
	put("c", "Harbour", "Two ferries were late.")
	hits, err := s.Search(ctx, "ferries", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	if len(ids) != 3 || ids[0] != "b" {
		t.Fatalf("search ferries = %v, want the 3 newest matches, b (title match) first", ids)
	}
	for _, id := range ids {
		if id == "old-best" {
			t.Fatalf("search ferries = %v: ranked a match older than the window", ids)
		}
	}
}

func TestMigrations(t *testing.T) {
	storetest.Migrations(t, func(t *testing.T) storetest.Opened {
		path := filepath.Join(t.TempDir(), "old.db")
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return storetest.Opened{Store: s, DB: s.SQL(), Reopen: func(t *testing.T) store.Store {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { again.Close() })
			return again
		}, UndoVersion13: []string{
			`CREATE TABLE ae12 (article TEXT NOT NULL, entity TEXT NOT NULL, published TEXT NOT NULL DEFAULT '', PRIMARY KEY (entity, article)) WITHOUT ROWID`,
			`INSERT INTO ae12 SELECT article, entity, published FROM article_entities`,
			`DROP TABLE article_entities`,
			`ALTER TABLE ae12 RENAME TO article_entities`,
			`CREATE INDEX article_entities_article ON article_entities(article)`,
			`CREATE INDEX article_entities_recent ON article_entities(entity, published DESC, article)`,
			`CREATE TABLE ee12 (event TEXT NOT NULL, entity TEXT NOT NULL, rank INTEGER NOT NULL, date TEXT NOT NULL DEFAULT '', PRIMARY KEY (entity, event)) WITHOUT ROWID`,
			`INSERT INTO ee12 SELECT event, entity, rank, date FROM event_entities`,
			`DROP TABLE event_entities`,
			`ALTER TABLE ee12 RENAME TO event_entities`,
			`CREATE INDEX event_entities_event ON event_entities(event, rank)`,
			`CREATE INDEX event_entities_recent ON event_entities(entity, date DESC, event)`,
		}}
	})
}
