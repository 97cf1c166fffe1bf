// Package sqlstore is the store.Store that SQL engines share: the tables,
// the read side and the linker's transaction primitives, written once in
// the SQL that SQLite and PostgreSQL both speak. A driver (store/sqlite,
// store/postgres) supplies a Dialect for what differs: connections and
// locking, migrations, placeholders and full-text search.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/store"
)

// Dialect is what a driver provides.
type Dialect interface {
	// Name is the driver's name, for messages.
	Name() string
	// Rebind turns the ?-placeholders of a query into the engine's.
	Rebind(query string) string
	// Migrations are the schema steps in order; step i brings the schema
	// to version i+1. Released steps are never edited.
	Migrations() []string
	// BeginWrite starts a write transaction that holds the store's write
	// lock until it ends, so that writers never race on a read they then
	// write over.
	BeginWrite(ctx context.Context) (*sql.Tx, error)
	// WriteDB is the handle BeginWrite begins on: statements prepared on it
	// once serve every write transaction after.
	WriteDB() *sql.DB
	// Retryable tells a transient conflict that a retry resolves.
	Retryable(err error) bool
	// IndexText replaces the search text of an article, running its
	// statements through stmt, which prepares each once for the store:
	// it runs for every article a linking step writes.
	IndexText(ctx context.Context, stmt Statements, id, title, text string) error
	// DeleteText removes the search text of an article.
	DeleteText(ctx context.Context, tx *sql.Tx, id string) error
	// MatchArticles is a condition on articles.id that holds for the
	// articles matching free text q, with its arguments; ok is false when
	// q holds no searchable word.
	MatchArticles(q string) (cond string, args []any, ok bool)
	// Search ranks articles by relevance to free text q.
	Search(ctx context.Context, db *sql.DB, q string, limit, offset int) ([]store.Hit, error)
	// ClearText empties the search index.
	ClearText(ctx context.Context, tx *sql.Tx) error
	// Postings is store.Tx's Postings in one statement: for each key and
	// range, at most perKey postings of index, highest rank (then id)
	// first, each list read from the index in that order. The statement
	// comes from stmt, prepared once for the store: every linking and
	// settling step reads postings.
	Postings(ctx context.Context, stmt Statements, index string, keys []string, ranges []store.Range, perKey int) ([]store.Posting, error)
}

// Statements gives a write transaction's statement for a query (with
// ?-placeholders), prepared once for the store.
type Statements func(ctx context.Context, query string) (*sql.Stmt, error)

// DB is a store.Store over database/sql.
type DB struct {
	db *sql.DB // reads
	d  Dialect

	// stmts are the write transactions' statements, prepared once on the
	// write handle: a linking step runs a few dozen statements, and
	// preparing them again in every step cost more than running some.
	// A statement first met inside a transaction is prepared on the handle
	// after that transaction ends (wanted): SQLite's writer has a single
	// connection, which the transaction holds.
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted map[string]bool
	closed bool

	// reads are read statements prepared once on the read pool: an
	// ingest asks every item's hash before analysing it, and preparing
	// that query again each time cost more than running it.
	reads map[string]*sql.Stmt
}

// readStmt is the read pool's statement for query, prepared on first use
// without holding the lock: preparing waits for a connection, which a
// reader may hold while it asks for a statement.
func (s *DB) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	st, ok := s.reads[query]
	s.stmtMu.Unlock()
	if ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, s.q(query))
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if first, ok := s.reads[query]; ok {
		st.Close() // another reader was first
		return first, nil
	}
	if s.closed {
		st.Close()
		return nil, errors.New("store closed")
	}
	if s.reads == nil {
		s.reads = map[string]*sql.Stmt{}
	}
	s.reads[query] = st
	return st, nil
}

// prepared is the store's write statement for query, or nil when it is
// not prepared yet; then it is wanted, and prepared after the transaction.
func (s *DB) prepared(query string) *sql.Stmt {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st
	}
	if s.wanted == nil {
		s.wanted = map[string]bool{}
	}
	s.wanted[query] = true
	return nil
}

// prepareWanted prepares the statements transactions asked for, outside
// any transaction and without holding the lock: preparing waits for a
// connection, which another writer may hold while it asks for a
// statement. A statement that fails to prepare is left to the
// transactions, which prepare it themselves and report the error.
func (s *DB) prepareWanted(ctx context.Context) {
	s.stmtMu.Lock()
	wanted := s.wanted
	s.wanted = nil
	s.stmtMu.Unlock()
	for query := range wanted {
		st, err := s.d.WriteDB().PrepareContext(ctx, s.q(query))
		if err != nil {
			continue
		}
		s.stmtMu.Lock()
		if _, ok := s.stmts[query]; ok || s.closed {
			st.Close() // another writer was first, or the store closed
		} else {
			if s.stmts == nil {
				s.stmts = map[string]*sql.Stmt{}
			}
			s.stmts[query] = st
		}
		s.stmtMu.Unlock()
	}
}

// New wraps an open database: read is the pool readers use; writes go
// through d.BeginWrite. It brings the schema up to date.
func New(ctx context.Context, read *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: read, d: d}
	if err := s.migrate(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name(), err)
	}
	return s, nil
}

// NewReader wraps a database this process only reads (a read replica): it
// migrates nothing and refuses a schema of another version than the
// dialect's migrations make.
func NewReader(ctx context.Context, read *sql.DB, d Dialect) (*DB, error) {
	var v int
	if err := read.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return nil, fmt.Errorf("%s: read the schema version: %w", d.Name(), err)
	}
	if want := len(d.Migrations()); v != want {
		return nil, fmt.Errorf("%s: schema version %d, this binary's is %d: migrate the primary first, and let the replica catch up", d.Name(), v, want)
	}
	return &DB{db: read, d: d}, nil
}

// SQL is the read pool, for a driver's own needs.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the read pool and the prepared write statements; the
// driver closes the rest.
func (s *DB) Close() error {
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	for _, st := range s.reads {
		st.Close()
	}
	s.stmts, s.reads, s.closed = nil, nil, true
	s.stmtMu.Unlock()
	return s.db.Close()
}

func (s *DB) q(query string) string { return s.d.Rebind(query) }

func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.d.BeginWrite(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	steps := s.d.Migrations()
	if v > len(steps) {
		return fmt.Errorf("migrate: database schema version %d is newer than this binary's %d", v, len(steps))
	}
	for i := v; i < len(steps); i++ {
		if _, err := tx.ExecContext(ctx, steps[i]); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version(version) VALUES (?)`), i+1); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// Update implements store.Store. A transient conflict (a lock another
// process held past the wait, a serialisation failure) is retried with
// a growing pause; fn runs again from the start.
func (s *DB) Update(ctx context.Context, fn func(store.Tx) error) error {
	return s.UpdateTx(ctx, func(t store.Tx, _ *sql.Tx) error { return fn(t) })
}

// UpdateTx is Update that also hands fn the transaction's database/sql
// handle, for what a driver keeps beside the store and must commit or
// roll back with the store's writes (the work queue of store/postgres:
// an article is linked and its queue entry taken off in one
// transaction).
func (s *DB) UpdateTx(ctx context.Context, fn func(store.Tx, *sql.Tx) error) error {
	pause := 20 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := s.update(ctx, fn)
		if err == nil || !s.d.Retryable(err) || attempt == 8 || ctx.Err() != nil {
			return err
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return ctx.Err()
		}
		pause *= 2
	}
}

func (s *DB) update(ctx context.Context, fn func(store.Tx, *sql.Tx) error) error {
	sqlTx, err := s.d.BeginWrite(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &tx{s: s, tx: sqlTx}
	defer t.close()
	if err := fn(t, sqlTx); err != nil {
		return err
	}
	if err := t.writeEntityArticles(ctx); err != nil {
		return err
	}
	if err := t.closeStatements(); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.prepareWanted(ctx)
	return nil
}

// ScanHits reads search hits from rows selecting id, title, outlet,
// published, snippet and rank, in that order, and closes them: the
// drivers' Search methods end with it.
func ScanHits(rows *sql.Rows) ([]store.Hit, error) {
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Outlet, &h.Published, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// now is the time stamp of stored rows.
func now() string { return time.Now().UTC().Format(time.RFC3339) }

// notFound wraps store.ErrNotFound with what was looked for.
func notFound(kind, id string) error { return fmt.Errorf("%s %s: %w", kind, id, store.ErrNotFound) }

// noLimit is a LIMIT that lets every row through, in the form every
// engine takes (SQLite's -1 is an error on PostgreSQL).
const noLimit = math.MaxInt32

// placeholders is "?, ?, ?" for n arguments.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// chunks splits ids into slices of at most n, for IN lists that stay
// under the engines' limits on parameters.
func chunks[T any](ids []T, n int) [][]T {
	var out [][]T
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

var errNoRows = sql.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }
