package transfer

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/store/sqlite"
)

// The table list names every table and column of the embedded store's
// schema, also where no PostgreSQL server is at hand to run the copy: a
// migration that adds one fails here until the copy carries it.
func TestTablesCoverTheEmbeddedSchema(t *testing.T) {
	ctx := context.Background()
	src, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	tx, err := src.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := checkLite(ctx, tx, tables()); err != nil {
		t.Error(err)
	}
	short := tables()
	short[0].cols = short[0].cols[1:]
	if err := checkLite(ctx, tx, short); err == nil {
		t.Error("a list without articles.id passes the check")
	}
	if err := checkLite(ctx, tx, tables()[1:]); err == nil {
		t.Error("a list without the articles table passes the check")
	}
}
