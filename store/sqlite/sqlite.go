// Package sqlite is the embedded store: SQLite through modernc.org/sqlite
// (pure Go, no cgo), in WAL mode, with versioned migrations compiled into the
// binary and FTS5 for full-text search.
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

func init() {
	store.Register("sqlite", func(ctx context.Context, dsn string) (store.Store, error) {
		return Open(ctx, dsn)
	})
}

// DB is a SQLite-backed store.Store.
type DB struct {
	db *sql.DB
	// SQLite allows one writer at a time; serialising writers here avoids
	// SQLITE_BUSY churn when the server and an ingest share a process.
	writeMu sync.Mutex
}

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. ":memory:" gives a private in-memory store.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty path")
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	var dsn string
	memory := path == ":memory:"
	if memory {
		// A shared cache keeps one in-memory database across the pool's
		// connections; the name keeps separate stores apart.
		dsn = fmt.Sprintf("file:mem%d?mode=memory&cache=shared&%s", time.Now().UnixNano(), pragmas)
	} else {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=journal_mode(WAL)&" + pragmas
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory {
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(8)
	}
	s := &DB{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

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
	// doc_hash lets SaveCorpus skip articles whose analysis did not change.
	`ALTER TABLE articles ADD COLUMN doc_hash TEXT NOT NULL DEFAULT '';
	CREATE INDEX article_entities_article ON article_entities(article);`,
}

func (s *DB) migrate(ctx context.Context) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("migrate: database schema version %d is newer than this binary's %d", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (?)`, i+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to %d: %w", i+1, err)
		}
	}
	return nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// PutArticle implements store.Store.
func (s *DB) PutArticle(ctx context.Context, a *storyline.Article, hash string, raw store.Raw) (store.PutResult, error) {
	doc, err := json.Marshal(a)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	var old string
	err = tx.QueryRowContext(ctx, `SELECT hash FROM articles WHERE id = ?`, a.ID).Scan(&old)
	result := store.Updated
	switch {
	case errors.Is(err, sql.ErrNoRows):
		result = store.Inserted
	case err != nil:
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	case old == hash:
		return store.Unchanged, nil
	}
	t := now()
	if result == store.Inserted {
		_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, hash, url, title, byline, outlet, lang, published, event, doc, doc_hash, raw_format, raw_origin, raw, ingested_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, hash, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.Event, string(doc), docHash(doc), raw.Format, raw.Origin, raw.Data, t, t)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET hash=?, url=?, title=?, byline=?, outlet=?, lang=?, published=?, event=?, doc=?, doc_hash=?, raw_format=?, raw_origin=?, raw=?, updated_at=? WHERE id=?`,
			hash, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.Event, string(doc), docHash(doc), raw.Format, raw.Origin, raw.Data, t, a.ID)
		if err == nil {
			_, err = tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE id = ?`, a.ID)
		}
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)`, a.ID, a.Title, a.Text)
	}
	if err == nil {
		err = putArticleEntities(ctx, tx, a)
	}
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put article %s: commit: %w", a.ID, err)
	}
	return result, nil
}

// linkWriter rewrites the article → entity links with statements prepared
// once per transaction: a rebuild writes them for thousands of articles.
type linkWriter struct {
	del, ins *sql.Stmt
}

func newLinkWriter(ctx context.Context, tx *sql.Tx) (*linkWriter, error) {
	del, err := tx.PrepareContext(ctx, `DELETE FROM article_entities WHERE article = ?`)
	if err != nil {
		return nil, err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO article_entities (article, entity) VALUES (?, ?)`)
	if err != nil {
		del.Close()
		return nil, err
	}
	return &linkWriter{del, ins}, nil
}

func (w *linkWriter) Close() { w.del.Close(); w.ins.Close() }

func (w *linkWriter) put(ctx context.Context, a *storyline.Article) error {
	if _, err := w.del.ExecContext(ctx, a.ID); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, m := range a.Entities {
		if m.Entity == "" || seen[m.Entity] {
			continue
		}
		seen[m.Entity] = true
		if _, err := w.ins.ExecContext(ctx, a.ID, m.Entity); err != nil {
			return err
		}
	}
	return nil
}

func putArticleEntities(ctx context.Context, tx *sql.Tx, a *storyline.Article) error {
	w, err := newLinkWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()
	return w.put(ctx, a)
}

// ArticleHash implements store.Store.
func (s *DB) ArticleHash(ctx context.Context, id string) (string, error) {
	var h string
	err := s.db.QueryRowContext(ctx, `SELECT hash FROM articles WHERE id = ?`, id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("article hash %s: %w", id, err)
	}
	return h, nil
}

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, id string) (*storyline.Article, error) {
	var doc string
	err := s.db.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return decode[storyline.Article](doc)
}

// RawArticle implements store.Store.
func (s *DB) RawArticle(ctx context.Context, id string) (store.Raw, error) {
	var r store.Raw
	err := s.db.QueryRowContext(ctx, `SELECT raw_format, raw_origin, raw FROM articles WHERE id = ?`, id).Scan(&r.Format, &r.Origin, &r.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("raw article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("raw article %s: %w", id, err)
	}
	return r, nil
}

func decode[T any](doc string) (*T, error) {
	v := new(T)
	if err := json.Unmarshal([]byte(doc), v); err != nil {
		return nil, fmt.Errorf("decode stored %T: %w", v, err)
	}
	return v, nil
}

// where builds a WHERE clause from conditions.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func page(q store.Query) (limit, offset int) {
	limit = q.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	return limit, max(q.Offset, 0)
}

// articleWhere holds a query's conditions on articles' own columns
// (outlet, publication date range); col prefixes the column names.
func articleWhere(q store.Query, col string) *where {
	w := &where{}
	if q.Outlet != "" {
		w.add(col+"outlet = ?", q.Outlet)
	}
	if q.From != "" {
		w.add(col+"published >= ?", q.From)
	}
	if q.To != "" {
		w.add("substr("+col+"published, 1, 10) <= ?", q.To)
	}
	return w
}

// Articles implements store.Store: newest first.
func (s *DB) Articles(ctx context.Context, q store.Query) ([]*storyline.Article, error) {
	w := articleWhere(q, "")
	if q.Entity != "" {
		w.add("id IN (SELECT article FROM article_entities WHERE entity = ?)", q.Entity)
	}
	if q.Q != "" {
		if fq := ftsQuery(q.Q); fq != "" {
			w.add("id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)", fq)
		} else {
			w.add(matchesNothing)
		}
	}
	limit, offset := page(q)
	return queryDocs[storyline.Article](ctx, s.db, `SELECT doc FROM articles`+w.String()+` ORDER BY published DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
}

func queryDocs[T any](ctx context.Context, db *sql.DB, query string, args ...any) ([]*T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	var out []*T
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, fmt.Errorf("query: %w", err)
		}
		v, err := decode[T](doc)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	return out, nil
}

func values[T any](ps []*T) []T {
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

// EachArticle implements store.Store.
func (s *DB) EachArticle(ctx context.Context, fn func(*storyline.Article) error) error {
	// Page by id so that fn may write to the store while we read.
	last := ""
	for {
		batch, err := queryDocs[storyline.Article](ctx, s.db, `SELECT doc FROM articles WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("each article: %w", err)
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(batch) < 500 {
			return nil
		}
		last = batch[len(batch)-1].ID
	}
}

// CountArticles implements store.Store.
func (s *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// SaveCorpus implements store.Store.
func (s *DB) SaveCorpus(ctx context.Context, c *storyline.Corpus) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save corpus: %w", err)
	}
	defer tx.Rollback()
	if err := saveCorpus(ctx, tx, c); err != nil {
		return fmt.Errorf("save corpus: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save corpus: commit: %w", err)
	}
	return nil
}

func saveCorpus(ctx context.Context, tx *sql.Tx, c *storyline.Corpus) error {
	for _, table := range []string{"entities", "events", "event_links", "stories", "quotes"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return err
		}
	}
	stored, err := docHashes(ctx, tx)
	if err != nil {
		return err
	}
	links, err := newLinkWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer links.Close()
	update, err := tx.PrepareContext(ctx, `UPDATE articles SET event = ?, doc = ?, doc_hash = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	published := map[string]string{}
	outlet := map[string]string{}
	for _, a := range c.Articles {
		published[a.ID] = a.Published
		outlet[a.ID] = a.Outlet
		doc, err := json.Marshal(a)
		if err != nil {
			return err
		}
		// Most articles keep their event and entities from one rebuild to
		// the next: rewriting only the changed ones keeps a rebuild's cost
		// in what changed.
		h := docHash(doc)
		if stored[a.ID] == h {
			continue
		}
		if _, err := update.ExecContext(ctx, a.Event, string(doc), h, a.ID); err != nil {
			return err
		}
		if err := links.put(ctx, a); err != nil {
			return err
		}
	}
	for _, e := range c.Entities {
		doc, _ := json.Marshal(e)
		names := strings.ToLower(e.Name + "\n" + strings.Join(e.Aliases, "\n"))
		if _, err := tx.ExecContext(ctx, `INSERT INTO entities (id, name, type, names, n, doc) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, e.Name, e.Type, names, len(e.Articles), string(doc)); err != nil {
			return err
		}
	}
	for _, ev := range c.Events {
		doc, _ := json.Marshal(ev)
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (id, date, story, n, doc) VALUES (?, ?, ?, ?, ?)`,
			ev.ID, ev.Date, ev.Story, len(ev.Articles), string(doc)); err != nil {
			return err
		}
		links := map[[2]string]bool{}
		for _, id := range ev.Entities {
			links[[2]string{"entity", id}] = true
		}
		for _, id := range ev.Articles {
			if o := outlet[id]; o != "" {
				links[[2]string{"outlet", o}] = true
			}
		}
		for l := range links {
			if _, err := tx.ExecContext(ctx, `INSERT INTO event_links (event, kind, value) VALUES (?, ?, ?)`, ev.ID, l[0], l[1]); err != nil {
				return err
			}
		}
	}
	eventDate := map[string]string{}
	for _, ev := range c.Events {
		eventDate[ev.ID] = ev.Date
	}
	for _, st := range c.Stories {
		doc, _ := json.Marshal(st)
		first, last := "", ""
		for _, id := range st.Events {
			d := eventDate[id]
			if d == "" {
				continue
			}
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, first, last, n, doc) VALUES (?, ?, ?, ?, ?)`,
			st.ID, first, last, len(st.Events), string(doc)); err != nil {
			return err
		}
	}
	for _, q := range c.Quotes {
		doc, _ := json.Marshal(q)
		latest := ""
		for _, id := range q.Articles {
			latest = max(latest, published[id])
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (id, speaker, n, latest, doc) VALUES (?, ?, ?, ?, ?)`,
			q.ID, q.Speaker, len(q.Articles), latest, string(doc)); err != nil {
			return err
		}
	}
	return nil
}

func docHash(doc []byte) string {
	sum := sha256.Sum256(doc)
	return hex.EncodeToString(sum[:12])
}

func docHashes(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, doc_hash FROM articles`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}

// Entity implements store.Store.
func (s *DB) Entity(ctx context.Context, id string) (*storyline.Entity, error) {
	return getDoc[storyline.Entity](ctx, s.db, "entities", id)
}

func getDoc[T any](ctx context.Context, db *sql.DB, table, id string) (*T, error) {
	var doc string
	err := db.QueryRowContext(ctx, `SELECT doc FROM `+table+` WHERE id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s %s: %w", strings.TrimSuffix(table, "s"), id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", strings.TrimSuffix(table, "s"), id, err)
	}
	return decode[T](doc)
}

// Entities implements store.Store: most reported first. Q matches any name
// or alias, case-insensitively.
func (s *DB) Entities(ctx context.Context, q store.Query) ([]storyline.Entity, error) {
	var w where
	if q.Q != "" {
		w.add("names LIKE ? ESCAPE '\\'", "%"+likeEscape(strings.ToLower(q.Q))+"%")
	}
	if q.Entity != "" {
		w.add("id = ?", q.Entity)
	}
	if aw := articleWhere(q, "a."); len(aw.conds) > 0 {
		w.add("id IN (SELECT ae.entity FROM article_entities ae JOIN articles a ON a.id = ae.article"+aw.String()+")", aw.args...)
	}
	limit, offset := page(q)
	ps, err := queryDocs[storyline.Entity](ctx, s.db, `SELECT doc FROM entities`+w.String()+` ORDER BY n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	return values(ps), err
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (*storyline.Event, error) {
	return getDoc[storyline.Event](ctx, s.db, "events", id)
}

// Events implements store.Store: newest first.
func (s *DB) Events(ctx context.Context, q store.Query) ([]storyline.Event, error) {
	w := eventWhere(q, "id")
	limit, offset := page(q)
	ps, err := queryDocs[storyline.Event](ctx, s.db, `SELECT doc FROM events`+w.String()+` ORDER BY date DESC, n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	return values(ps), err
}

func eventWhere(q store.Query, col string) *where {
	w := &where{}
	if q.Entity != "" {
		w.add(col+" IN (SELECT event FROM event_links WHERE kind = 'entity' AND value = ?)", q.Entity)
	}
	if q.Outlet != "" {
		w.add(col+" IN (SELECT event FROM event_links WHERE kind = 'outlet' AND value = ?)", q.Outlet)
	}
	if q.From != "" {
		w.add(col+" IN (SELECT id FROM events WHERE date >= ?)", q.From)
	}
	if q.To != "" {
		w.add(col+" IN (SELECT id FROM events WHERE date != '' AND date <= ?)", q.To)
	}
	if q.Q != "" {
		if fq := ftsQuery(q.Q); fq != "" {
			w.add(col+" IN (SELECT a.event FROM articles a WHERE a.id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?))", fq)
		} else {
			w.add(matchesNothing)
		}
	}
	return w
}

// Story implements store.Store.
func (s *DB) Story(ctx context.Context, id string) (*storyline.Story, error) {
	return getDoc[storyline.Story](ctx, s.db, "stories", id)
}

// Stories implements store.Store: most recently active first. Filters apply
// to the story's events.
func (s *DB) Stories(ctx context.Context, q store.Query) ([]storyline.Story, error) {
	ew := eventWhere(q, "e.id")
	var w where
	if len(ew.conds) > 0 {
		w.add("id IN (SELECT e.story FROM events e"+ew.String()+")", ew.args...)
	}
	limit, offset := page(q)
	ps, err := queryDocs[storyline.Story](ctx, s.db, `SELECT doc FROM stories`+w.String()+` ORDER BY last DESC, n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	return values(ps), err
}

// Quote implements store.Store.
func (s *DB) Quote(ctx context.Context, id string) (*storyline.Quote, error) {
	return getDoc[storyline.Quote](ctx, s.db, "quotes", id)
}

// Quotes implements store.Store: newest first, then most carried.
func (s *DB) Quotes(ctx context.Context, q store.Query) ([]storyline.Quote, error) {
	var w where
	if q.Entity != "" {
		w.add("speaker = ?", q.Entity)
	}
	if q.Q != "" {
		w.add("doc LIKE ? ESCAPE '\\'", "%"+likeEscape(q.Q)+"%")
	}
	if q.From != "" {
		w.add("latest >= ?", q.From)
	}
	if q.To != "" {
		w.add("latest != '' AND substr(latest, 1, 10) <= ?", q.To)
	}
	if q.Outlet != "" {
		w.add("EXISTS (SELECT 1 FROM json_each(json_extract(quotes.doc, '$.articles')) j JOIN articles a ON a.id = j.value WHERE a.outlet = ?)", q.Outlet)
	}
	limit, offset := page(q)
	ps, err := queryDocs[storyline.Quote](ctx, s.db, `SELECT doc FROM quotes`+w.String()+` ORDER BY latest DESC, n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	return values(ps), err
}

// Search implements store.Store with FTS5's bm25 ranking, titles weighing
// more than body text.
func (s *DB) Search(ctx context.Context, q string, limit, offset int) ([]store.Hit, error) {
	fq := ftsQuery(q)
	if fq == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, a.title, a.outlet, a.published,
			snippet(articles_fts, 2, char(2), char(3), '…', 16), bm25(articles_fts, 0.0, 4.0, 1.0) AS r
		FROM articles_fts f JOIN articles a ON a.id = f.id
		WHERE articles_fts MATCH ? ORDER BY r, f.id LIMIT ? OFFSET ?`, fq, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Outlet, &h.Published, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// matchesNothing is the condition for a search that holds no word (only
// quotes, operators, emoji, invisible characters): FTS5 rejects an empty
// query, and nothing can match it anyway.
const matchesNothing = "0"

// ftsQuery turns free text into an FTS5 query that cannot be a syntax
// error: every word becomes a quoted term, all of which must match. It is
// "" when the text holds no word.
func ftsQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}
