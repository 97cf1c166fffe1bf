// Package sqlite is the embedded store: SQLite through modernc.org/sqlite
// (pure Go, no cgo), in WAL mode, with versioned migrations compiled into
// the binary and FTS5 for full-text search. The tables and queries are
// store/sqlstore's; this package opens the database and supplies what is
// SQLite's own.
//
// Concurrency: readers use a pool of connections and, in WAL mode, never
// wait for a writer. Writers use one connection of their own whose
// transactions begin IMMEDIATE, taking SQLite's write lock at the start:
// a transaction that began as a reader could not upgrade once another
// process had written ("database is locked"). A second process waits
// for the lock (busy_timeout) while the first finishes its short step.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlstore"
)

// Driver opens a store from the path part of a "sqlite:PATH" DSN.
func Driver(ctx context.Context, path string) (store.Store, error) { return Open(ctx, path) }

// DB is a SQLite-backed store.Store.
type DB struct {
	*sqlstore.DB
	write *sql.DB
	d     *dialect
}

// memSeq names in-memory stores apart.
var memSeq atomic.Int64

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. ":memory:" gives a private in-memory store.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty path")
	}
	pragmas := "_pragma=busy_timeout(30000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	var dsn string
	memory := path == ":memory:"
	if memory {
		// A shared cache keeps one in-memory database across the pool's
		// connections; the name keeps separate stores apart.
		dsn = fmt.Sprintf("file:mem%d-%d?mode=memory&cache=shared&%s", time.Now().UnixNano(), memSeq.Add(1), pragmas)
	} else {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=journal_mode(WAL)&" + pragmas
	}
	readDSN := dsn
	if !memory {
		// Readers read through a memory map, which spares a system call
		// and a copy for every page SQLite's own cache does not hold: a
		// page of the server touches hundreds of pages of a large store.
		// SQLite caps the map at 2 GB (SQLITE_MAX_MMAP_SIZE); past it,
		// pages are read as before. The writer does not: its mapped pages
		// would count in the resident memory of every ingest, and at a
		// million articles the pages it works on (the newest) lie past
		// the cap anyway.
		readDSN += "&_pragma=mmap_size(2147418112)"
	}
	if err := reservePageCache(); err != nil {
		slog.DebugContext(ctx, "sqlite: no reserved page cache", "err", err)
	}
	read, err := sql.Open("sqlite", readDSN)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// The writer reads what it links against all the time; SQLite's own
	// page cache (2 MB by default) would send most of those reads to the
	// file through system calls once the store outgrows it. Checkpoints
	// come every 40 MB of log instead of 4: each one writes its pages back
	// and syncs the file, and a linking step touches the same pages again
	// and again (halves the wall time of bulk ingest into a 300k store).
	// Its temporary files (statement journals of the many-row upserts,
	// small sorts) stay in memory: in files they were half of an
	// ingest's writes to disk, each one a system call.
	write, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-131072)&_pragma=wal_autocheckpoint(10000)&_pragma=temp_store(2)&_txlock=immediate")
	if err != nil {
		read.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	if memory {
		// One connection for all: a shared in-memory cache locks tables
		// rather than waiting like a file does.
		read.Close()
		read = write
	} else {
		read.SetMaxOpenConns(8)
	}
	d := &dialect{write: write, searchWindow: searchWindow}
	inner, err := sqlstore.New(ctx, read, d)
	if err != nil {
		read.Close()
		write.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return &DB{DB: inner, write: write, d: d}, nil
}

// Close closes both pools.
func (s *DB) Close() error {
	err := s.DB.Close()
	if s.write != s.SQL() {
		if werr := s.write.Close(); err == nil {
			err = werr
		}
	}
	return err
}

type dialect struct {
	write        *sql.DB
	searchWindow int // newest matches a search ranks (searchWindow; tests make it small)
}

func (*dialect) Name() string           { return "sqlite" }
func (*dialect) Rebind(q string) string { return q }
func (*dialect) Migrations() []string   { return migrations }
func (d *dialect) BeginWrite(ctx context.Context) (*sql.Tx, error) {
	return d.write.BeginTx(ctx, nil)
}
func (d *dialect) WriteDB() *sql.DB { return d.write }

// Retryable: SQLITE_BUSY past busy_timeout, or a snapshot that another
// writer made stale.
func (*dialect) Retryable(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}

// The search index's rows are keyed by the article's seq, a number that
// never changes (rowids may, under VACUUM), so that replacing an
// article's text is a lookup, not a scan of the index.
func (*dialect) IndexText(ctx context.Context, stmt sqlstore.Statements, id, title, text string) error {
	seqOf, err := stmt(ctx, `SELECT seq FROM articles WHERE id = ?`)
	if err != nil {
		return err
	}
	var seq sql.NullInt64
	if err := seqOf.QueryRowContext(ctx, id).Scan(&seq); err != nil {
		return err
	}
	if !seq.Valid {
		next, err := stmt(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM articles`)
		if err != nil {
			return err
		}
		if err := next.QueryRowContext(ctx).Scan(&seq); err != nil {
			return err
		}
		set, err := stmt(ctx, `UPDATE articles SET seq = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		if _, err := set.ExecContext(ctx, seq.Int64, id); err != nil {
			return err
		}
	} else {
		drop, err := stmt(ctx, `DELETE FROM articles_fts WHERE rowid = ?`)
		if err != nil {
			return err
		}
		if _, err := drop.ExecContext(ctx, seq.Int64); err != nil {
			return err
		}
	}
	insert, err := stmt(ctx, `INSERT INTO articles_fts (rowid, id, title, text) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	_, err = insert.ExecContext(ctx, seq.Int64, id, title, text)
	return err
}

func (*dialect) DeleteText(ctx context.Context, tx *sql.Tx, id string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = (SELECT seq FROM articles WHERE id = ?)`, id)
	return err
}

func (*dialect) ClearText(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM articles_fts`)
	return err
}

// Postings reads every key's list in one statement: a correlated
// subquery per key keeps each list's LIMIT (SQLite has no LATERAL join),
// and the lists come back packed, one row a key.
func (*dialect) Postings(ctx context.Context, stmt sqlstore.Statements, index string, keys []string, ranges []store.Range, perKey int) ([]store.Posting, error) {
	js, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	var parts []string
	var args []any
	for _, r := range ranges {
		parts = append(parts, `SELECT * FROM (SELECT rank, id FROM postings WHERE idx = ? AND key = k.value AND rank >= ? AND rank <= ? ORDER BY rank DESC, id DESC LIMIT ?)`)
		args = append(args, index, r.Lo, r.Hi, perKey)
	}
	args = append(args, string(js))
	st, err := stmt(ctx, `SELECT k.value, (SELECT group_concat(rank || ' ' || id, char(31)) FROM (`+strings.Join(parts, " UNION ALL ")+`))
		FROM json_each(?) k`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Posting
	for rows.Next() {
		var key string
		var packed sql.NullString
		if err := rows.Scan(&key, &packed); err != nil {
			return nil, err
		}
		if !packed.Valid {
			continue
		}
		for _, p := range strings.Split(packed.String, "\x1f") {
			rank, id, ok := strings.Cut(p, " ")
			if !ok {
				return nil, fmt.Errorf("postings: damaged row %q", p)
			}
			r, err := strconv.ParseInt(rank, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("postings: damaged rank %q", rank)
			}
			out = append(out, store.Posting{Key: key, Rank: r, ID: id})
		}
	}
	return out, rows.Err()
}

func (*dialect) MatchArticles(q string) (string, []any, bool) {
	fq := ftsQuery(q)
	if fq == "" {
		return "", nil, false
	}
	return "SELECT id FROM articles_fts WHERE articles_fts MATCH ?", []any{fq}, true
}

// searchWindow is how many of a query's newest matches Search ranks. A
// word found in most of a large store would otherwise be ranked in every
// article that has it (over 100 ms a search at 100k articles, all of it
// before the first result); news readers want the relevant among the
// recent, and a rarer word has fewer matches than this anyway.
const searchWindow = 2000

// Search ranks with FTS5's bm25, titles weighing more than body text,
// among the query's searchWindow newest matches.
func (d *dialect) Search(ctx context.Context, db *sql.DB, q string, limit, offset int) ([]store.Hit, error) {
	fq := ftsQuery(q)
	if fq == "" {
		return nil, nil
	}
	// The page is ranked on the index alone (rowid is articles.seq, in
	// the order articles came), and only its rows are read and given a
	// snippet: reading a column of every match, as joining on the
	// index's id did, cost more than the ranking once a word matched
	// thousands of articles.
	rows, err := db.QueryContext(ctx, `WITH recent AS (
			SELECT rowid AS rid, bm25(articles_fts, 0.0, 4.0, 1.0) AS r FROM articles_fts
			WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?),
		top AS (SELECT rid, r FROM recent ORDER BY r, rid LIMIT ? OFFSET ?)
		SELECT a.id, a.title, a.outlet, a.published,
			(SELECT snippet(articles_fts, 2, char(2), char(3), '…', 16) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = top.rid),
			top.r
		FROM top JOIN articles a ON a.seq = top.rid ORDER BY top.r, top.rid`, fq, d.searchWindow, limit, offset, fq)
	if err != nil {
		return nil, err
	}
	return sqlstore.ScanHits(rows)
}

// ftsQuery turns free text into an FTS5 query that cannot be a syntax
// error: every word becomes a quoted term, all of which must match. Text
// without a letter or digit gives "" (nothing to search for).
func ftsQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// migrations are applied in order; each one's index+1 is its version. Never
// edit a released migration: append a new one.
var migrations = []string{
	`CREATE TABLE articles (
		id TEXT PRIMARY KEY,
		hash TEXT NOT NULL,
		url TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		byline TEXT NOT NULL DEFAULT '',
		outlet TEXT NOT NULL DEFAULT '',
		lang TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		event TEXT NOT NULL DEFAULT '',
		doc TEXT NOT NULL,             -- the whole storyline.Article as JSON
		raw_format TEXT NOT NULL DEFAULT '',
		raw_origin TEXT NOT NULL DEFAULT '',
		raw BLOB,
		ingested_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE INDEX articles_published ON articles(published);
	CREATE INDEX articles_outlet ON articles(outlet);
	CREATE INDEX articles_event ON articles(event);
	CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2');
	CREATE TABLE article_entities (article TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (entity, article)) WITHOUT ROWID;
	CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, names TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL);
	CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, story TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL);
	CREATE INDEX events_date ON events(date);
	CREATE TABLE event_links (event TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, event)) WITHOUT ROWID;
	CREATE TABLE stories (id TEXT PRIMARY KEY, first TEXT NOT NULL, last TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL);
	CREATE TABLE quotes (id TEXT PRIMARY KEY, speaker TEXT NOT NULL, n INTEGER NOT NULL, latest TEXT NOT NULL, doc TEXT NOT NULL);
	CREATE INDEX quotes_speaker ON quotes(speaker);`,
	`ALTER TABLE articles ADD COLUMN doc_hash TEXT NOT NULL DEFAULT '';
	CREATE INDEX article_entities_article ON article_entities(article);`,
	// Version 3: incremental linking. What spans articles is kept as
	// linking state beside the rows readers see; the batch-era tables are
	// replaced, and a store that already held articles is marked for one
	// reanalyze.
	`DROP TABLE entities;
	DROP TABLE events;
	DROP TABLE event_links;
	DROP TABLE stories;
	DROP TABLE quotes;
	DELETE FROM article_entities;
	CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	INSERT INTO meta (key, value) SELECT 'relink', '1' WHERE EXISTS (SELECT 1 FROM articles);
	UPDATE articles SET event = '';
	CREATE TABLE features (article TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
	CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, names TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL, state BLOB);
	CREATE INDEX entities_n ON entities(n DESC, id);
	CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, day INTEGER NOT NULL, story TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL, state BLOB);
	CREATE INDEX events_date ON events(date DESC, n DESC, id);
	CREATE INDEX events_story ON events(story, day);
	CREATE TABLE event_entities (event TEXT NOT NULL, entity TEXT NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (entity, event)) WITHOUT ROWID;
	CREATE INDEX event_entities_event ON event_entities(event, rank);
	CREATE TABLE stories (id TEXT PRIMARY KEY, first TEXT NOT NULL, last TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL, state BLOB);
	CREATE INDEX stories_last ON stories(last DESC, n DESC, id);
	CREATE TABLE quotes (id TEXT PRIMARY KEY, speaker TEXT NOT NULL, n INTEGER NOT NULL, latest TEXT NOT NULL, text TEXT NOT NULL, doc TEXT NOT NULL, state BLOB);
	CREATE INDEX quotes_speaker ON quotes(speaker);
	CREATE INDEX quotes_latest ON quotes(latest DESC, n DESC, id);
	CREATE TABLE quote_articles (quote TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (quote, article)) WITHOUT ROWID;
	CREATE INDEX quote_articles_article ON quote_articles(article);
	CREATE TABLE postings (idx TEXT NOT NULL, key TEXT NOT NULL, rank INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (idx, key, rank, id)) WITHOUT ROWID;
	CREATE INDEX postings_id ON postings(idx, id);
	CREATE TABLE counts (key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
	CREATE TABLE pending (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, UNIQUE (kind, id));
	CREATE INDEX pending_kind ON pending(kind, seq);
	CREATE TABLE moved (kind TEXT NOT NULL, id TEXT NOT NULL, to_id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
	CREATE INDEX moved_to ON moved(kind, to_id);
	ALTER TABLE articles ADD COLUMN seq INTEGER;
	UPDATE articles SET seq = rowid;
	CREATE UNIQUE INDEX articles_seq ON articles(seq);
	DELETE FROM articles_fts;
	INSERT INTO articles_fts (rowid, id, title, text) SELECT seq, id, title, COALESCE(json_extract(doc, '$.text'), '') FROM articles;`,
	// Version 4: following sources and watching events (store/follow.go).
	// Articles stored before it have no text key: only later ones are
	// recognised as syndicated copies.
	`ALTER TABLE articles ADD COLUMN text_key TEXT NOT NULL DEFAULT '';
	ALTER TABLE articles ADD COLUMN copy_of TEXT NOT NULL DEFAULT '';
	CREATE INDEX articles_text_key ON articles(text_key);
	CREATE TABLE sources (id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL, interval_s INTEGER NOT NULL, added TEXT NOT NULL);
	CREATE TABLE fetch_state (source TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL, last_fetch TEXT NOT NULL, last_status INTEGER NOT NULL,
		last_new TEXT NOT NULL, next_poll TEXT NOT NULL, items INTEGER NOT NULL, errors INTEGER NOT NULL, failures INTEGER NOT NULL, last_error TEXT NOT NULL, failing INTEGER NOT NULL);
	CREATE TABLE seen_items (key TEXT PRIMARY KEY, source TEXT NOT NULL, article TEXT NOT NULL, fingerprint TEXT NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL, seen TEXT NOT NULL);
	CREATE TABLE watchlists (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL, webhook TEXT NOT NULL, secret TEXT NOT NULL, created TEXT NOT NULL);
	CREATE TABLE watched_events (watchlist TEXT NOT NULL, event TEXT NOT NULL, outlets TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (watchlist, event));
	CREATE TABLE alerts (id INTEGER PRIMARY KEY, watchlist TEXT NOT NULL, event TEXT NOT NULL, kind TEXT NOT NULL, doc TEXT NOT NULL, created TEXT NOT NULL);
	CREATE INDEX alerts_watchlist ON alerts(watchlist, id);
	CREATE TABLE deliveries (alert INTEGER PRIMARY KEY, watchlist TEXT NOT NULL, url TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
		next_try TEXT NOT NULL, last_code INTEGER NOT NULL, last_error TEXT NOT NULL, updated TEXT NOT NULL);
	CREATE INDEX deliveries_due ON deliveries(status, next_try);
	CREATE INDEX deliveries_watchlist ON deliveries(watchlist, alert);`,
	// Version 5: an entity's articles and events by date, so that a page
	// of them reads its first rows in order instead of sorting all of
	// them (a place in a tenth of the news has a tenth of the store).
	`ALTER TABLE article_entities ADD COLUMN published TEXT NOT NULL DEFAULT '';
	UPDATE article_entities SET published = COALESCE((SELECT published FROM articles WHERE articles.id = article_entities.article), '');
	CREATE INDEX article_entities_recent ON article_entities(entity, published DESC, article);
	ALTER TABLE event_entities ADD COLUMN date TEXT NOT NULL DEFAULT '';
	ALTER TABLE event_entities ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
	UPDATE event_entities SET date = COALESCE((SELECT date FROM events WHERE events.id = event_entities.event), ''), n = COALESCE((SELECT n FROM events WHERE events.id = event_entities.event), 0);
	CREATE INDEX event_entities_recent ON event_entities(entity, date DESC, n DESC, event);`,
	// Version 6: entities found by name read their names from an index in
	// the order they are listed, not from every row of the table (a name
	// search over 25,000 entities: 28 → 2 ms).
	// It replaces the index of the same order, which the planner preferred.
	`DROP INDEX entities_n;
	CREATE INDEX entities_n ON entities(n DESC, id, names);`,
	// Version 7: each entity's number of articles, kept exact by the
	// linker's transactions (store/sqlstore's tx), so that its page reads
	// it instead of counting its rows (a place named in tens of thousands
	// of articles took tens of milliseconds a request to count).
	`ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
	UPDATE entities SET articles = (SELECT COUNT(*) FROM article_entities WHERE article_entities.entity = entities.id);`,
	// Version 8: lists read an article's summary, not its whole document:
	// articles.summary keeps what the summary has beyond the columns
	// (sqlstore's listing: credits, the date's source, the dateline, the
	// event date, and the first 200 characters of the text, as
	// storyline.ExcerptRunes), and the newest first are read from an
	// index in their order, where articles_published left each day's
	// articles to sort by id, documents and all.
	`ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT '';
	UPDATE articles SET summary = json_object('credits', json_extract(doc, '$.credits'), 'published_from', json_extract(doc, '$.published_from'),
		'dateline', json_extract(doc, '$.dateline'), 'event_date', json_extract(doc, '$.event_date'), 'excerpt', substr(json_extract(doc, '$.text'), 1, 200));
	DROP INDEX articles_published;
	CREATE INDEX articles_published ON articles(published DESC, id);`,
	// Version 9: an event written with a story that had merged into
	// another in the meantime kept the merged one's id (and a refresh
	// could write that story again): events follow the story it went
	// into, and a merged story's row goes.
	`UPDATE events SET story = COALESCE((SELECT to_id FROM moved WHERE moved.kind = 'story' AND moved.id = events.story), '')
		WHERE story IN (SELECT id FROM moved WHERE kind = 'story');
	DELETE FROM stories WHERE id IN (SELECT id FROM moved WHERE kind = 'story');`,
	// Version 10: an entity's events are read by date from its index and
	// sorted by size within a date as they are read. The index held each
	// event's size, so every article an event took rewrote an entry of
	// each of its entities, all over the index.
	`DROP INDEX event_entities_recent;
	ALTER TABLE event_entities DROP COLUMN n;
	CREATE INDEX event_entities_recent ON event_entities(entity, date DESC, event);`,
	// Version 11: an event's article ids are read from the index on
	// articles' events alone, in id order, as PostgreSQL's has always
	// done: reading them from the rows took a page of the table for every
	// article, and settling reads the articles of each neighbouring event.
	`DROP INDEX articles_event;
	CREATE INDEX articles_event ON articles(event, id);`,
	// Version 12: a log of document-frequency deltas (store.Tx.AppendCounts),
	// numbered upwards without reuse, so that a linker that read the log to
	// some number reads on from there.
	`CREATE TABLE count_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, deltas BLOB NOT NULL);`,
	// Version 13: an entity's article and event rows are keyed by date,
	// as the pages that list them read them. Each was kept twice under
	// the entity, by id and by date, so every article linked wrote an
	// entry for each of its entities in two trees; past the pages one step
	// touches, a page each, and at a million articles those were two
	// fifths of what linking wrote. An article's rows share its
	// publication time and an event's its date, so the new key is unique
	// where the old one was, and a merge's ON CONFLICT still finds the
	// rows the entity it merges into already has.
	`CREATE TABLE article_entities_by_date (article TEXT NOT NULL, entity TEXT NOT NULL, published TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (entity, published DESC, article)) WITHOUT ROWID;
	INSERT INTO article_entities_by_date (article, entity, published) SELECT article, entity, published FROM article_entities;
	DROP TABLE article_entities;
	ALTER TABLE article_entities_by_date RENAME TO article_entities;
	CREATE INDEX article_entities_article ON article_entities(article);
	CREATE TABLE event_entities_by_date (event TEXT NOT NULL, entity TEXT NOT NULL, rank INTEGER NOT NULL, date TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (entity, date DESC, event)) WITHOUT ROWID;
	INSERT INTO event_entities_by_date (event, entity, rank, date) SELECT event, entity, rank, date FROM event_entities;
	DROP TABLE event_entities;
	ALTER TABLE event_entities_by_date RENAME TO event_entities;
	CREATE INDEX event_entities_event ON event_entities(event, rank);`,
	// Version 14: what a search for an article's event compares of each
	// candidate (store.EventRow.Candidate) in a row of its own, a
	// kilobyte against an event row's four or five: placing an article
	// and settling compare a few dozen events each and keep one or two,
	// and reading the others' whole rows (most of which spill onto an
	// overflow page) was the largest cost of adding an article that grew
	// with the store. Events stored before it have none until the linker
	// writes it (store.Tx.PutEventCandidate). A story's events are
	// counted, and its most recent listed, from their index alone: the
	// count read a table page for every event of a long story.
	`CREATE TABLE event_candidates (id TEXT PRIMARY KEY, data BLOB NOT NULL);
	DROP INDEX events_story;
	CREATE INDEX events_story ON events(story, day DESC, id, n);`,
	// Version 15: a candidate row holds its event's story, so that a story
	// search, which compares the sketches of 64 events and needs the
	// stories of those that match, reads no event row (a page each,
	// spread over the whole table, the largest part of a story search
	// at a million articles after the sketches).
	`ALTER TABLE event_candidates ADD COLUMN story TEXT NOT NULL DEFAULT '';
	UPDATE event_candidates SET story = COALESCE((SELECT story FROM events WHERE events.id = event_candidates.id), '');`,
}
