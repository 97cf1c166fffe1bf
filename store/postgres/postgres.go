// Package postgres is the shared store: PostgreSQL (15 or newer) through
// github.com/jackc/pgx/v5, for when several processes on several machines
// read and write one corpus (servers, `storyline worker` processes, see
// package queue). The tables and queries are store/sqlstore's, as for
// SQLite; this package opens the database and supplies what is
// PostgreSQL's own: placeholders, migrations, the write lock, full-text
// search with tsvector, and postings read with one LATERAL join.
//
// # One writer at a time
//
// Every write transaction (store.Store.Update: a linking step, a settling
// step, a reset) begins by taking a transaction-level advisory lock,
// pg_advisory_xact_lock, on a key made from the database and schema, so
// that exactly one such transaction runs at a time across all processes
// and machines, as SQLite's write lock does on one machine. The linker
// reads what it is about to change (candidate events, document
// frequencies, entity profiles) and writes it back; two linkers
// interleaving could each place an article in an event of their own for
// one happening. Under the lock they cannot. The lock is safe because:
//
//   - it is taken by the transaction's first statement and held until it
//     commits or rolls back; PostgreSQL makes a commit visible before it
//     releases the transaction's locks;
//   - the transaction runs at READ COMMITTED, where each statement reads a
//     snapshot taken when the statement starts, so every read after the
//     lock sees every write of the previous holder (at REPEATABLE READ the
//     snapshot would date from the lock statement itself, taken before the
//     wait: stale);
//   - a process that dies holding it loses its connection, and PostgreSQL
//     aborts the transaction and frees the lock at once: nothing to clean
//     up, no lease to expire. A machine that drops off the network closes
//     nothing; the store's connections ask the server for TCP keepalives,
//     so that it gives up on such a connection, and its locks, after
//     about a minute.
//
// Readers take no lock and never wait for writers.
//
// # Full-text search
//
// An article's title and text are kept in articles_text with a tsvector
// (the 'simple' configuration: lower case, no stemming, no stop words,
// like SQLite's unicode61 tokenizer; unlike it, no folding of
// diacritics), title words weighing more than body words. Users' free text
// is reduced to its words, all of which must match; text without a letter
// or digit matches nothing, as on SQLite. Hits are ranked by ts_rank_cd
// and carry a ts_headline snippet with the matches between \x02 and \x03.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"strconv"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlstore"
)

// Driver opens a store from a "postgres://..." DSN (the whole DSN).
func Driver(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) }

// DB is a PostgreSQL-backed store.Store.
type DB struct {
	*sqlstore.DB
	pool *pgxpool.Pool
	// lockKey is the advisory lock key of this store (database and
	// schema): writers hold it as a transaction lock. The keys after it
	// are the store's for other uses (LeaseKey, MigrateKey).
	lockKey int64
}

// Open connects to the database a DSN names (any libpq connection string
// or URL pgx accepts; search_path=SCHEMA keeps a store in its own schema)
// and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*DB, error) { return open(ctx, dsn, false) }

// OpenReader connects to a database this process only reads, a read
// replica of a store's primary: it migrates nothing (a replica cannot
// write) and refuses a schema of another version than this binary's.
// Its Update fails.
func OpenReader(ctx context.Context, dsn string) (*DB, error) { return open(ctx, dsn, true) }

func open(ctx context.Context, dsn string, reader bool) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		// Linking holds a connection, each running analysis one for a
		// moment, River a few, readers the rest.
		cfg.MaxConns = int32(max(8, 2*runtime.NumCPU()+4))
	}
	// A machine that vanishes from the network (no connection closed)
	// would keep its locks, and a linker's the whole store's write lock,
	// until TCP gave up on it: hours, by the usual defaults. The server is
	// asked to probe each connection after 30 s of silence and give up
	// after a minute. A DSN's own settings win.
	for name, value := range map[string]string{"tcp_keepalives_idle": "30", "tcp_keepalives_interval": "10", "tcp_keepalives_count": "3"} {
		if _, set := cfg.ConnConfig.RuntimeParams[name]; !set {
			cfg.ConnConfig.RuntimeParams[name] = value
		}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := openDB(pool)
	fail := func(err error) (*DB, error) {
		db.Close()
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	var database, schema string
	if err := db.QueryRowContext(ctx, `SELECT current_database(), COALESCE(current_schema(), '')`).Scan(&database, &schema); err != nil {
		return fail(fmt.Errorf("connect: %w", err))
	}
	if schema == "" {
		return fail(errors.New("no schema to create tables in (check search_path)"))
	}
	d := &dialect{db: db, lockKey: lockKey(database, schema), reader: reader}
	var inner *sqlstore.DB
	if reader {
		inner, err = sqlstore.NewReader(ctx, db, d)
	} else {
		inner, err = sqlstore.New(ctx, db, d)
	}
	if err != nil {
		return fail(err)
	}
	return &DB{DB: inner, pool: pool, lockKey: d.lockKey}, nil
}

// lockKey is a store's advisory lock key: stores in other databases or
// schemas of one server never wait for each other.
func lockKey(database, schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("storyline\x00" + database + "\x00" + schema))
	return int64(h.Sum64() &^ 3) // a multiple of 4: LeaseKey and MigrateKey follow it
}

// Pool is the connection pool, for what shares the store's database (the
// work queue's listener).
func (s *DB) Pool() *pgxpool.Pool { return s.pool }

// LeaseKey is the advisory lock key that the one linking process of a
// store holds as a session lock (package queue's linker lease).
func (s *DB) LeaseKey() int64 { return s.lockKey + 1 }

// MigrateKey is the advisory lock key under which what shares the store's
// database migrates its own tables (package queue).
func (s *DB) MigrateKey() int64 { return s.lockKey + 2 }

// BeginBulk starts a transaction on one connection of the pool, holding
// the store's write lock as every write transaction does, for what writes
// through pgx itself rather than database/sql: a bulk load with COPY
// (package store/transfer). The caller commits or rolls it back.
func (s *DB) BeginBulk(ctx context.Context) (pgx.Tx, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return nil, fmt.Errorf("postgres: begin: %w", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, s.lockKey); err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("postgres: write lock: %w", err)
	}
	return tx, nil
}

// Close closes the connections.
func (s *DB) Close() error {
	err := s.DB.Close()
	s.pool.Close()
	return err
}

type dialect struct {
	db      *sql.DB
	lockKey int64
	reader  bool // OpenReader's: no writes
}

// errReader is the error of a write through OpenReader's store.
var errReader = errors.New("postgres: a read replica's store takes no writes")

func (*dialect) Name() string         { return "postgres" }
func (*dialect) Migrations() []string { return migrations }

// Rebind numbers the ?-placeholders ($1, $2...), leaving string literals
// and quoted names alone.
func (*dialect) Rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// WriteDB is the pool: write transactions take any of its connections.
func (d *dialect) WriteDB() *sql.DB { return d.db }

// BeginWrite starts a READ COMMITTED transaction holding the store's
// write lock (see the package documentation for why both).
func (d *dialect) BeginWrite(ctx context.Context) (*sql.Tx, error) {
	if d.reader {
		return nil, errReader
	}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, d.lockKey); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("write lock: %w", err)
	}
	return tx, nil
}

// Retryable: a serialisation failure, a deadlock, a lock wait that timed
// out (lock_timeout) — what running the transaction again resolves.
func (*dialect) Retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "55P03":
		return true
	}
	return false
}

// TextVector is the SQL expression of an article's tsvector from the SQL
// expressions of its title and text: title words weigh A, body words B
// (ts_rank_cd's default weights make a title match count 2.5 times a body
// match, close to SQLite's 4:1 bm25 column weights). A bulk load (package
// store/transfer) fills articles_text with it, so that a copied article
// is found exactly as one the driver stored.
func TextVector(title, text string) string {
	return `setweight(to_tsvector('simple', ` + title + `), 'A') || setweight(to_tsvector('simple', ` + text + `), 'B')`
}

func (*dialect) IndexText(ctx context.Context, stmt sqlstore.Statements, id, title, text string) error {
	// Numbered placeholders, which Rebind leaves as they are: the title
	// and text are each used twice.
	put, err := stmt(ctx, `INSERT INTO articles_text (id, title, text, tsv) VALUES ($1, $2, $3, `+TextVector("$2", "$3")+`)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, text = excluded.text, tsv = excluded.tsv`)
	if err != nil {
		return err
	}
	_, err = put.ExecContext(ctx, id, title, text)
	return err
}

func (*dialect) DeleteText(ctx context.Context, tx *sql.Tx, id string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM articles_text WHERE id = $1`, id)
	return err
}

func (*dialect) ClearText(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM articles_text`)
	return err
}

// Postings reads every key's list for every range in one statement: a
// LATERAL subquery per key and range keeps each list's LIMIT and reads
// the primary key (idx, key, rank, id) backwards, so a long list costs no
// more than a short one.
func (*dialect) Postings(ctx context.Context, stmt sqlstore.Statements, index string, keys []string, ranges []store.Range, perKey int) ([]store.Posting, error) {
	los := make([]int64, len(ranges))
	his := make([]int64, len(ranges))
	for i, r := range ranges {
		los[i], his[i] = r.Lo, r.Hi
	}
	// Numbered placeholders, which Rebind leaves as they are.
	st, err := stmt(ctx, `SELECT k.key, p.rank, p.id
		FROM unnest($1::text[]) WITH ORDINALITY AS k(key, ko)
		CROSS JOIN unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS r(lo, hi, ro)
		CROSS JOIN LATERAL (
			SELECT rank, id FROM postings
			WHERE idx = $4 AND key = k.key AND rank >= r.lo AND rank <= r.hi
			ORDER BY rank DESC, id DESC LIMIT $5
		) p
		ORDER BY k.ko, r.ro, p.rank DESC, p.id DESC`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, keys, los, his, index, perKey)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Posting
	for rows.Next() {
		var p store.Posting
		if err := rows.Scan(&p.Key, &p.Rank, &p.ID); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// textQuery is free text as the words a search must all find, joined by
// spaces for plainto_tsquery, which gives them no operator meaning; ""
// when the text has no letter or digit.
func textQuery(q string) string {
	return strings.Join(strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

func (*dialect) MatchArticles(q string) (string, []any, bool) {
	tq := textQuery(q)
	if tq == "" {
		return "", nil, false
	}
	return "SELECT id FROM articles_text WHERE tsv @@ plainto_tsquery('simple', ?)", []any{tq}, true
}

// headlineOptions make ts_headline mark matches as the SQLite driver's
// snippets do and keep about as many words.
const headlineOptions = "StartSel=\x02, StopSel=\x03, MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…"

// Search ranks by ts_rank_cd, best first (Hit.Rank is its negation:
// lower is better, as on SQLite).
func (*dialect) Search(ctx context.Context, db *sql.DB, q string, limit, offset int) ([]store.Hit, error) {
	tq := textQuery(q)
	if tq == "" {
		return nil, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT a.id, a.title, a.outlet, a.published,
			ts_headline('simple', t.text, q, $2), -ts_rank_cd(t.tsv, q) AS r
		FROM articles_text t JOIN articles a ON a.id = t.id, plainto_tsquery('simple', $1) q
		WHERE t.tsv @@ q ORDER BY r, a.id LIMIT $3 OFFSET $4`, tq, headlineOptions, limit, offset)
	if err != nil {
		return nil, err
	}
	return sqlstore.ScanHits(rows)
}
