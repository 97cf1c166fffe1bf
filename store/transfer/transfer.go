// Package transfer copies a whole store from the embedded SQLite store to
// a PostgreSQL one (`storyline copy`), for a deployment that outgrows one
// machine, and back: the articles keep their events, stories, entities,
// quotes and ids, the linking state its postings and counters, the
// sources their fetch state, and nothing is analysed or linked again.
//
// The copy reads one snapshot of the source (one read transaction: in
// WAL mode on SQLite, REPEATABLE READ on PostgreSQL, which no writer
// disturbs) and writes the destination in one transaction, table by
// table, streaming rows: memory does not grow with the store, and an
// interrupted copy leaves the destination as it was. Into PostgreSQL the
// rows go with the COPY protocol, each table's secondary indexes built
// once its rows are in. The destination must be empty unless Replace
// says to empty it first.
//
// Both engines have the same tables under the same schema version (see
// store/postgres's migrations), but for the search index: SQLite's FTS5
// table articles_fts becomes articles_text, whose tsvector PostgreSQL
// computes as the driver does on insert (postgres.TextVector), and
// articles.seq, the key of SQLite's index rows, which PostgreSQL has no
// use for. The tables and their columns are listed once, in tables; the
// copy checks them against both schemas before it writes, so that a
// migration that adds a column to one engine and not here fails the copy
// rather than losing the column.
package transfer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/store/sqlite"
	"github.com/storyline-news/storyline/store/sqlstore"
)

// ErrNotEmpty is the error of a copy into a store that holds rows,
// without Options.Replace.
var ErrNotEmpty = errors.New("destination store is not empty")

// table is one table copied: the columns both engines have, and what
// only one of them has, which the copy leaves alone or makes.
type table struct {
	name string // on PostgreSQL, and on SQLite unless lite says otherwise
	cols []string
	// lite is the SQLite table when it is named otherwise.
	lite string
	// liteOnly and pgOnly are the columns only SQLite, or only
	// PostgreSQL, has.
	liteOnly, pgOnly []string
	// text: the search index, whose tsvector PostgreSQL computes from
	// title and text, and whose rows SQLite keys by the article's seq.
	text bool
}

func (t table) liteName() string {
	if t.lite != "" {
		return t.lite
	}
	return t.name
}

// tables are the store's tables in the order they are copied. The
// articles come first, so that a copy that fails for want of space
// fails early, and before the search index, whose SQLite rows take the
// articles' seq.
func tables() []table {
	return []table{
		{name: "articles", cols: []string{"id", "hash", "url", "title", "byline", "outlet", "lang", "published", "event", "doc", "doc_hash",
			"raw_format", "raw_origin", "raw", "ingested_at", "updated_at", "text_key", "copy_of", "summary"}, liteOnly: []string{"seq"}},
		{name: "articles_text", lite: "articles_fts", cols: []string{"id", "title", "text"}, pgOnly: []string{"tsv"}, text: true},
		{name: "features", cols: []string{"article", "data"}},
		{name: "article_entities", cols: []string{"article", "entity", "published"}},
		{name: "entities", cols: []string{"id", "name", "type", "names", "n", "doc", "state", "articles"}},
		{name: "events", cols: []string{"id", "date", "day", "story", "n", "doc", "state"}},
		{name: "event_candidates", cols: []string{"id", "data", "story"}},
		{name: "event_entities", cols: []string{"event", "entity", "rank", "date"}},
		{name: "stories", cols: []string{"id", "first", "last", "n", "doc", "state"}},
		{name: "quotes", cols: []string{"id", "speaker", "n", "latest", "text", "doc", "state"}},
		{name: "quote_articles", cols: []string{"quote", "article"}},
		{name: "postings", cols: []string{"idx", "key", "rank", "id"}},
		{name: "counts", cols: []string{"key", "n"}},
		{name: "count_log", cols: []string{"seq", "deltas"}},
		{name: "pending", cols: []string{"seq", "kind", "id"}},
		{name: "moved", cols: []string{"kind", "id", "to_id"}},
		{name: "meta", cols: []string{"key", "value"}},
		{name: "sources", cols: []string{"id", "url", "kind", "name", "interval_s", "added"}},
		{name: "fetch_state", cols: []string{"source", "etag", "last_modified", "last_fetch", "last_status", "last_new", "next_poll",
			"items", "errors", "failures", "last_error", "failing"}},
		{name: "seen_items", cols: []string{"key", "source", "article", "fingerprint", "attempts", "error", "seen"}},
		{name: "watchlists", cols: []string{"id", "name", "doc", "webhook", "secret", "created"}},
		{name: "watched_events", cols: []string{"watchlist", "event", "outlets", "updated"}},
		{name: "alerts", cols: []string{"id", "watchlist", "event", "kind", "doc", "created"}},
		{name: "deliveries", cols: []string{"alert", "watchlist", "url", "status", "attempts", "next_try", "last_code", "last_error", "updated"}},
	}
}

// Options tune a copy.
type Options struct {
	// Replace empties a destination that holds rows instead of refusing it.
	Replace bool
	// Log hears of each table copied (nil: nothing is logged).
	Log *slog.Logger
}

// Stats are what a copy did.
type Stats struct {
	Articles int64 // articles copied
	Rows     int64 // rows copied, all tables
	Wall     time.Duration
}

// copier copies one table within the two transactions.
type copier func(t table) (int64, error)

// copyAll runs a copier over every table, logging each, and counts.
func copyAll(ts []table, log *slog.Logger, copyTable copier) (Stats, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var st Stats
	for _, t := range ts {
		began := time.Now()
		n, err := copyTable(t)
		if err != nil {
			return st, fmt.Errorf("table %s: %w", t.name, err)
		}
		st.Rows += n
		if t.name == "articles" {
			st.Articles = n
		}
		log.Info("copied", "table", t.name, "rows", n, "took", time.Since(began).Round(time.Millisecond))
	}
	return st, nil
}

// ToPostgres copies the store src into dst, both open (and so migrated to
// this binary's schema), in one transaction of dst: either all of it is
// there when ToPostgres returns nil, or none of it.
func ToPostgres(ctx context.Context, src *sqlite.DB, dst *postgres.DB, opt Options) (Stats, error) {
	start := time.Now()
	// A read-only transaction begins DEFERRED and holds one snapshot from
	// its first read to its end, whatever other processes write.
	rtx, err := src.SQL().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Stats{}, fmt.Errorf("transfer: read the source: %w", err)
	}
	defer rtx.Rollback()
	wtx, err := dst.BeginBulk(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("transfer: %w", err)
	}
	defer wtx.Rollback(context.WithoutCancel(ctx))

	ts := tables()
	if err := checkSchemas(ctx, rtx, wtx, ts); err != nil {
		return Stats{}, fmt.Errorf("transfer: %w", err)
	}
	oldGen, err := emptyDestination(ctx, pgDestination{wtx}, ts, opt.Replace)
	if err != nil {
		return Stats{}, fmt.Errorf("transfer: %w", err)
	}
	st, err := copyAll(ts, opt.Log, func(t table) (int64, error) { return copyToPG(ctx, rtx, wtx, t) })
	if err != nil {
		return st, fmt.Errorf("transfer: %w", err)
	}
	// The numbers of pending work and of the count log continue after the
	// copied ones.
	for _, name := range []string{"pending", "count_log"} {
		q := `SELECT setval(pg_get_serial_sequence('` + name + `', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM ` + name
		if _, err := wtx.Exec(ctx, q); err != nil {
			return st, fmt.Errorf("transfer: %s sequence: %w", name, err)
		}
	}
	if err := bumpGeneration(ctx, pgDestination{wtx}, oldGen); err != nil {
		return st, fmt.Errorf("transfer: %w", err)
	}
	if err := wtx.Commit(ctx); err != nil {
		return st, fmt.Errorf("transfer: commit: %w", err)
	}
	// The planner knows nothing of rows a bulk load wrote until the
	// tables are analysed; until autovacuum got to them, linking's first
	// queries on a large copy ran twice as slow.
	for _, t := range ts {
		if _, err := dst.Pool().Exec(ctx, `ANALYZE `+pgx.Identifier{t.name}.Sanitize()); err != nil {
			return st, fmt.Errorf("transfer: analyse %s: %w", t.name, err)
		}
	}
	st.Wall = time.Since(start)
	return st, nil
}

// ToSQLite copies the PostgreSQL store src into the embedded store dst,
// both open, in one transaction of dst.
func ToSQLite(ctx context.Context, src *postgres.DB, dst *sqlite.DB, opt Options) (Stats, error) {
	start := time.Now()
	rtx, err := src.Pool().BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return Stats{}, fmt.Errorf("transfer: read the source: %w", err)
	}
	defer rtx.Rollback(context.WithoutCancel(ctx))
	ts := tables()
	var st Stats
	// UpdateTx holds the store's write lock; were it to run fn again (a
	// lock another process held too long), the snapshot is still the one.
	err = dst.UpdateTx(ctx, func(_ store.Tx, wtx *sql.Tx) error {
		if err := checkSchemas(ctx, wtx, rtx, ts); err != nil {
			return err
		}
		oldGen, err := emptyDestination(ctx, liteDestination{wtx}, ts, opt.Replace)
		if err != nil {
			return err
		}
		if st, err = copyAll(ts, opt.Log, func(t table) (int64, error) { return copyToLite(ctx, rtx, wtx, t) }); err != nil {
			return err
		}
		return bumpGeneration(ctx, liteDestination{wtx}, oldGen)
	})
	if err != nil {
		return st, fmt.Errorf("transfer: %w", err)
	}
	st.Wall = time.Since(start)
	return st, nil
}

// checkSchemas refuses a copy between schemas of different versions, or
// whose tables have columns that tables does not list: the copy would
// leave them behind.
func checkSchemas(ctx context.Context, lite *sql.Tx, pg pgx.Tx, ts []table) error {
	var lv, pv int
	if err := lite.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&lv); err != nil {
		return fmt.Errorf("SQLite schema version: %w", err)
	}
	if err := pg.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&pv); err != nil {
		return fmt.Errorf("PostgreSQL schema version: %w", err)
	}
	if lv != pv {
		return fmt.Errorf("SQLite schema version %d, PostgreSQL %d: the copy needs one version on both sides", lv, pv)
	}
	if err := checkLite(ctx, lite, ts); err != nil {
		return err
	}
	for _, t := range ts {
		rows, _ := pg.Query(ctx, `SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, t.name)
		cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return fmt.Errorf("PostgreSQL table %s: %w", t.name, err)
		}
		if want := append(slices.Clone(t.cols), t.pgOnly...); !sameSet(cols, want) {
			return fmt.Errorf("PostgreSQL table %s has columns %v, the copy knows %v", t.name, cols, want)
		}
	}
	return nil
}

// checkLite refuses an SQLite store with a table or a column that ts does
// not list.
func checkLite(ctx context.Context, tx *sql.Tx, ts []table) error {
	known := map[string]bool{"schema_version": true}
	for _, t := range ts {
		known[t.liteName()] = true
		cols, err := sqlStrings(ctx, tx, `SELECT name FROM pragma_table_info(?)`, t.liteName())
		if err != nil {
			return fmt.Errorf("SQLite table %s: %w", t.liteName(), err)
		}
		if want := append(slices.Clone(t.cols), t.liteOnly...); !sameSet(cols, want) {
			return fmt.Errorf("SQLite table %s has columns %v, the copy knows %v", t.liteName(), cols, want)
		}
	}
	// FTS5 keeps its index in shadow tables named after its own.
	names, err := sqlStrings(ctx, tx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'`)
	if err != nil {
		return fmt.Errorf("SQLite tables: %w", err)
	}
	for _, n := range names {
		if !known[n] {
			return fmt.Errorf("SQLite table %s is unknown to the copy", n)
		}
	}
	return nil
}

func sqlStrings(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]string, error) {
	return sqlstore.ScanStrings(tx.QueryContext(ctx, q, args...))
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// destination is what emptying and finishing a copy's destination need
// of its engine, within the copy's transaction.
type destination interface {
	holdsRows(ctx context.Context, t table) (bool, error)
	// clear empties every table of ts.
	clear(ctx context.Context, ts []table) error
	// generation is the store's generation (link's meta key): a number
	// the linker bumps on every write, and drops its caches when it
	// changed under it.
	generation(ctx context.Context) (string, error)
	setGeneration(ctx context.Context, value string) error
}

// emptyDestination refuses a destination holding rows, or with replace
// empties it, and returns the generation it had (see bumpGeneration).
func emptyDestination(ctx context.Context, d destination, ts []table, replace bool) (string, error) {
	var full []string
	for _, t := range ts {
		has, err := d.holdsRows(ctx, t)
		if err != nil {
			return "", fmt.Errorf("destination table %s: %w", t.name, err)
		}
		if has {
			full = append(full, t.name)
		}
	}
	if len(full) == 0 {
		return "", nil
	}
	if !replace {
		return "", fmt.Errorf("%w (rows in %s)", ErrNotEmpty, strings.Join(full, ", "))
	}
	gen, err := d.generation(ctx)
	if err != nil {
		return "", fmt.Errorf("generation: %w", err)
	}
	if err := d.clear(ctx, ts); err != nil {
		return "", fmt.Errorf("empty the destination: %w", err)
	}
	return gen, nil
}

const (
	getGeneration = `SELECT COALESCE((SELECT value FROM meta WHERE key = 'generation'), '')`
	putGeneration = `INSERT INTO meta (key, value) VALUES ('generation', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value`
)

type pgDestination struct{ tx pgx.Tx }

func (d pgDestination) holdsRows(ctx context.Context, t table) (bool, error) {
	var has bool
	err := d.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+pgx.Identifier{t.name}.Sanitize()+`)`).Scan(&has)
	return has, err
}

// clear truncates: one statement, and no dead rows left behind.
func (d pgDestination) clear(ctx context.Context, ts []table) error {
	var names []string
	for _, t := range ts {
		names = append(names, pgx.Identifier{t.name}.Sanitize())
	}
	_, err := d.tx.Exec(ctx, `TRUNCATE `+strings.Join(names, ", "))
	return err
}

func (d pgDestination) generation(ctx context.Context) (string, error) {
	var s string
	err := d.tx.QueryRow(ctx, getGeneration).Scan(&s)
	return s, err
}

func (d pgDestination) setGeneration(ctx context.Context, value string) error {
	_, err := d.tx.Exec(ctx, fmt.Sprintf(putGeneration, "$1"), value)
	return err
}

type liteDestination struct{ tx *sql.Tx }

func (d liteDestination) holdsRows(ctx context.Context, t table) (bool, error) {
	var has bool
	err := d.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+t.liteName()+`)`).Scan(&has)
	return has, err
}

func (d liteDestination) clear(ctx context.Context, ts []table) error {
	for _, t := range ts {
		if _, err := d.tx.ExecContext(ctx, `DELETE FROM `+t.liteName()); err != nil {
			return err
		}
	}
	return nil
}

func (d liteDestination) generation(ctx context.Context) (string, error) {
	var s string
	err := d.tx.QueryRowContext(ctx, getGeneration).Scan(&s)
	return s, err
}

func (d liteDestination) setGeneration(ctx context.Context, value string) error {
	_, err := d.tx.ExecContext(ctx, fmt.Sprintf(putGeneration, "?"), value)
	return err
}

// bumpGeneration, after a copy that replaced a store of generation old,
// sets the generation past both old and the copied one, so that a
// process that cached the replaced store's rows drops them.
func bumpGeneration(ctx context.Context, g destination, old string) error {
	if old == "" {
		return nil
	}
	copied, err := g.generation(ctx)
	if err != nil {
		return fmt.Errorf("generation: %w", err)
	}
	o, _ := strconv.ParseInt(old, 10, 64)
	c, _ := strconv.ParseInt(copied, 10, 64)
	if err := g.setGeneration(ctx, strconv.FormatInt(max(o, c)+1, 10)); err != nil {
		return fmt.Errorf("generation: %w", err)
	}
	return nil
}

// copyToPG streams one table from the SQLite snapshot into PostgreSQL.
// The table's secondary indexes are dropped first and made again at the
// end, from the destination's own definitions: building an index over
// all the rows at once is several times faster than growing it a row at
// a time (the full-text GIN index most of all).
func copyToPG(ctx context.Context, rtx *sql.Tx, wtx pgx.Tx, t table) (int64, error) {
	remake, err := dropIndexes(ctx, wtx, t.name)
	if err != nil {
		return 0, err
	}
	n, err := copyRows(ctx, rtx, wtx, t)
	if err != nil {
		return n, err
	}
	for _, def := range remake {
		if _, err := wtx.Exec(ctx, def); err != nil {
			return n, fmt.Errorf("index: %w", err)
		}
	}
	return n, nil
}

// dropIndexes drops the indexes of a destination table that no
// constraint owns (primary keys and UNIQUE stay, checking the rows as
// they come) and returns the statements that make them again.
func dropIndexes(ctx context.Context, wtx pgx.Tx, name string) ([]string, error) {
	rows, _ := wtx.Query(ctx, `SELECT i.indexname::text, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename = $1
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`, name)
	type index struct{ name, def string }
	idx, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (index, error) {
		var i index
		return i, r.Scan(&i.name, &i.def)
	})
	if err != nil {
		return nil, fmt.Errorf("indexes: %w", err)
	}
	var defs []string
	for _, i := range idx {
		if _, err := wtx.Exec(ctx, `DROP INDEX `+pgx.Identifier{i.name}.Sanitize()); err != nil {
			return nil, fmt.Errorf("drop index %s: %w", i.name, err)
		}
		defs = append(defs, i.def)
	}
	return defs, nil
}

// copyRows streams the rows of one table.
func copyRows(ctx context.Context, rtx *sql.Tx, wtx pgx.Tx, t table) (int64, error) {
	rows, err := rtx.QueryContext(ctx, `SELECT `+strings.Join(t.cols, ", ")+` FROM `+t.liteName())
	if err != nil {
		return 0, fmt.Errorf("read: %w", err)
	}
	defer rows.Close()
	into := t.name
	if t.text {
		// COPY cannot compute a column: the texts go to a scratch table,
		// and from it into the index with their tsvector.
		into = "copy_text"
		if _, err := wtx.Exec(ctx, `CREATE TEMPORARY TABLE copy_text (id TEXT, title TEXT, text TEXT) ON COMMIT DROP`); err != nil {
			return 0, fmt.Errorf("scratch table: %w", err)
		}
	}
	n, err := wtx.CopyFrom(ctx, pgx.Identifier{into}, t.cols, &rowSource{rows: rows, vals: make([]any, len(t.cols))})
	if err != nil {
		return n, fmt.Errorf("write: %w", err)
	}
	if t.text {
		if _, err := wtx.Exec(ctx, `INSERT INTO articles_text (id, title, text, tsv) SELECT id, title, text, `+postgres.TextVector("title", "text")+` FROM copy_text`); err != nil {
			return n, fmt.Errorf("index: %w", err)
		}
		if _, err := wtx.Exec(ctx, `DROP TABLE copy_text`); err != nil {
			return n, fmt.Errorf("scratch table: %w", err)
		}
	}
	return n, nil
}

// rowSource is pgx's CopyFromSource over database/sql rows: one row in
// memory at a time.
type rowSource struct {
	rows *sql.Rows
	vals []any
	ptrs []any
}

func (r *rowSource) Next() bool { return r.rows.Next() }

func (r *rowSource) Values() ([]any, error) {
	if r.ptrs == nil {
		r.ptrs = make([]any, len(r.vals))
		for i := range r.vals {
			r.ptrs[i] = &r.vals[i]
		}
	}
	if err := r.rows.Scan(r.ptrs...); err != nil {
		return nil, err
	}
	for i, v := range r.vals {
		// Text as the driver would store it (see postgres.ValidText);
		// bytes (BLOB into BYTEA) as they are.
		if s, ok := v.(string); ok {
			r.vals[i] = postgres.ValidText(s)
		}
	}
	return r.vals, nil
}

func (r *rowSource) Err() error { return r.rows.Err() }

// copyToLite streams one table from the PostgreSQL snapshot into SQLite.
// An article takes the next seq, the key of its search index row.
func copyToLite(ctx context.Context, rtx pgx.Tx, wtx *sql.Tx, t table) (int64, error) {
	cols := slices.Clone(t.cols)
	insert := `INSERT INTO ` + t.liteName() + ` (` + strings.Join(cols, ", ") + `, %s) VALUES (` + strings.Repeat("?, ", len(cols)) + `%s)`
	switch {
	case t.name == "articles":
		insert = fmt.Sprintf(insert, "seq", "?")
	case t.text:
		insert = fmt.Sprintf(insert, "rowid", "(SELECT seq FROM articles WHERE id = ?)")
	default:
		insert = `INSERT INTO ` + t.liteName() + ` (` + strings.Join(cols, ", ") + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	}
	stmt, err := wtx.PrepareContext(ctx, insert)
	if err != nil {
		return 0, fmt.Errorf("write: %w", err)
	}
	defer stmt.Close()
	rows, err := rtx.Query(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+pgx.Identifier{t.name}.Sanitize())
	if err != nil {
		return 0, fmt.Errorf("read: %w", err)
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return n, fmt.Errorf("read: %w", err)
		}
		n++
		switch {
		case t.name == "articles":
			vals = append(vals, n)
		case t.text:
			vals = append(vals, vals[0]) // the article's id, for its seq
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return n, fmt.Errorf("write: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("read: %w", err)
	}
	return n, nil
}
