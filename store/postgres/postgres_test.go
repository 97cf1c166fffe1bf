package postgres_test

import (
	"context"

	"testing"

	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/storetest"
)

func open(t *testing.T) *postgres.DB {
	t.Helper()
	s, _ := pgtest.Store(t)
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestMigrations(t *testing.T) {
	storetest.Migrations(t, func(t *testing.T) storetest.Opened {
		dsn := pgtest.DSN(t)
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		return storetest.Opened{Store: s, DB: s.SQL(), Reopen: func(t *testing.T) store.Store {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { again.Close() })
			return again
		}, UndoVersion13: []string{
			`DROP INDEX article_entities_recent`,
			`ALTER TABLE article_entities ADD CONSTRAINT article_entities_pkey PRIMARY KEY (entity, article)`,
			`CREATE INDEX article_entities_recent ON article_entities(entity, published DESC, article)`,
			`DROP INDEX event_entities_recent`,
			`ALTER TABLE event_entities ADD CONSTRAINT event_entities_pkey PRIMARY KEY (entity, event)`,
			`CREATE INDEX event_entities_recent ON event_entities(entity, date DESC, event)`,
		}}
	})
}
