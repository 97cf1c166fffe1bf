package postgres_test

import (
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
