package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// tx is a store.Tx. Its statements are the store's prepared ones, bound
// to the transaction once per transaction: a linking step runs the same
// few hundred times.
type tx struct {
	s     *DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// entityArticles is what the transaction changed in each entity's
	// number of articles (entities.articles), written in one statement
	// per chunk when it ends (writeEntityArticles): linking changes the
	// counts of every entity an article names, and a statement per
	// entity per article would cost the write path more than the rows.
	entityArticles map[string]int64
	// quietFor and quietCtx: see quiet.
	quietFor, quietCtx context.Context
}

// quiet is the context the transaction's statements run under: ctx
// without its cancellation. Under a context that can end, the SQLite
// driver starts a goroutine for every statement, and database/sql one for
// every query's rows, to interrupt them: a linking step runs a few hundred
// statements of milliseconds, and those goroutines cost a few percent of
// an ingest's CPU. The transaction itself began under ctx (BeginWrite), so
// that waiting for the write lock still ends with it, and database/sql
// rolls it back when ctx ends: the statement running then finishes, and
// the next one fails.
func (t *tx) quiet(ctx context.Context) context.Context {
	if ctx != t.quietFor {
		t.quietFor, t.quietCtx = ctx, context.WithoutCancel(ctx)
	}
	return t.quietCtx
}

func (t *tx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if parent := t.s.prepared(query); parent != nil {
		st = t.tx.StmtContext(t.quiet(ctx), parent)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(t.quiet(ctx), t.s.q(query)); err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

func (t *tx) exec(ctx context.Context, query string, args ...any) error {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(t.quiet(ctx), args...)
	return err
}

func (t *tx) closeStatements() error {
	var first error
	for _, st := range t.stmts {
		if err := st.Close(); err != nil && first == nil {
			first = err
		}
	}
	t.stmts = nil
	return first
}

func (t *tx) close() {
	t.closeStatements()
	t.tx.Rollback()
}

// ArticleHash implements store.Tx.
func (t *tx) ArticleHash(ctx context.Context, id string) (string, error) {
	st, err := t.stmt(ctx, `SELECT hash FROM articles WHERE id = ?`)
	if err != nil {
		return "", err
	}
	var h string
	err = st.QueryRowContext(t.quiet(ctx), id).Scan(&h)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("article hash %s: %w", id, err)
	}
	return h, nil
}

// LinkedArticle implements store.Tx.
func (t *tx) LinkedArticle(ctx context.Context, id string) (*storyline.Article, error) {
	st, err := t.stmt(ctx, `SELECT doc, event FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	var doc, event string
	err = st.QueryRowContext(t.quiet(ctx), id).Scan(&doc, &event)
	if isNoRows(err) {
		return nil, notFound("article", id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	a, err := decode[storyline.Article](doc)
	if err != nil {
		return nil, err
	}
	a.Event = event
	return a, nil
}

// PutArticle implements store.Tx.
func (t *tx) PutArticle(ctx context.Context, a *storyline.Article, hash string, raw store.Raw, features []byte) (store.PutResult, error) {
	doc, err := json.Marshal(a)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	summary, err := listingOf(a)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	old, err := t.ArticleHash(ctx, a.ID)
	if err != nil {
		return 0, err
	}
	result := store.Updated
	if old == "" {
		result = store.Inserted
	}
	ts := now()
	key := store.TextKey(a.Text)
	copyOf, err := t.firstWithText(ctx, key, a.ID)
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	if result == store.Inserted {
		err = t.exec(ctx, `INSERT INTO articles (id, hash, url, title, byline, outlet, lang, published, event, doc, doc_hash, raw_format, raw_origin, raw, ingested_at, updated_at, text_key, copy_of, summary)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, hash, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.Event, string(doc), raw.Format, raw.Origin, raw.Data, ts, ts, key, copyOf, string(summary))
	} else {
		err = t.exec(ctx, `UPDATE articles SET hash=?, url=?, title=?, byline=?, outlet=?, lang=?, published=?, event=?, doc=?, raw_format=?, raw_origin=?, raw=?, updated_at=?, text_key=?, copy_of=?, summary=? WHERE id=?`,
			hash, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.Event, string(doc), raw.Format, raw.Origin, raw.Data, ts, key, copyOf, string(summary), a.ID)
	}
	if err == nil {
		err = t.s.d.IndexText(t.quiet(ctx), t.stmt, a.ID, a.Title, a.Text)
	}
	if err == nil {
		err = t.exec(ctx, `DELETE FROM features WHERE article = ?`, a.ID)
	}
	if err == nil && features != nil {
		err = t.exec(ctx, `INSERT INTO features (article, data) VALUES (?, ?)`, a.ID, features)
	}
	if err != nil {
		return 0, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	return result, nil
}

// firstWithText is the article an article with text key key is a
// syndicated copy of: another one stored earlier with the same key, the
// one that is no copy itself first; "" when there is none.
func (t *tx) firstWithText(ctx context.Context, key, id string) (string, error) {
	if key == "" {
		return "", nil
	}
	st, err := t.stmt(ctx, `SELECT id FROM articles WHERE text_key = ? AND id != ? ORDER BY CASE WHEN copy_of = '' THEN 0 ELSE 1 END, ingested_at, id LIMIT 1`)
	if err != nil {
		return "", err
	}
	var first string
	err = st.QueryRowContext(t.quiet(ctx), key, id).Scan(&first)
	if isNoRows(err) {
		return "", nil
	}
	return first, err
}

// EventOfText implements store.Tx.
func (t *tx) EventOfText(ctx context.Context, key, id string) (string, error) {
	if key == "" {
		return "", nil
	}
	st, err := t.stmt(ctx, `SELECT event FROM articles WHERE text_key = ? AND id != ? AND event != '' ORDER BY CASE WHEN copy_of = '' THEN 0 ELSE 1 END, ingested_at, id LIMIT 1`)
	if err != nil {
		return "", err
	}
	var event string
	err = st.QueryRowContext(t.quiet(ctx), key, id).Scan(&event)
	if isNoRows(err) {
		return "", nil
	}
	return event, err
}

// SaveLinks implements store.Tx.
func (t *tx) SaveLinks(ctx context.Context, a *storyline.Article) error {
	doc, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("save links of %s: %w", a.ID, err)
	}
	if err := t.exec(ctx, `UPDATE articles SET doc = ?, event = ? WHERE id = ?`, string(doc), a.Event, a.ID); err != nil {
		return fmt.Errorf("save links of %s: %w", a.ID, err)
	}
	return nil
}

// SetEvent implements store.Tx.
func (t *tx) SetEvent(ctx context.Context, event string, articles []string) error {
	for _, id := range articles {
		if err := t.exec(ctx, `UPDATE articles SET event = ? WHERE id = ?`, event, id); err != nil {
			return fmt.Errorf("set event of %s: %w", id, err)
		}
	}
	return nil
}

// EventArticles implements store.Tx.
func (t *tx) EventArticles(ctx context.Context, event string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = noLimit
	}
	return t.strings(ctx, `SELECT id FROM articles WHERE event = ? ORDER BY id LIMIT ?`, event, limit)
}

func (t *tx) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return ScanStrings(st.QueryContext(t.quiet(ctx), args...))
}

// ScanStrings reads the one string column of a query's rows (as the query
// returned them, error and all) and closes them.
func ScanStrings(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Features implements store.Tx.
func (t *tx) Features(ctx context.Context, ids []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(ids))
	err := t.rowsByID(ctx, `SELECT article, data FROM features WHERE article IN (?)`, ids, func(rows *sql.Rows) error {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return err
		}
		out[id] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("features: %w", err)
	}
	return out, nil
}

// Postings implements store.Tx.
func (t *tx) Postings(ctx context.Context, index string, keys []string, ranges []store.Range, perKey int) ([]store.Posting, error) {
	if perKey <= 0 {
		perKey = 1 << 30
	}
	if len(ranges) == 0 {
		return nil, nil
	}
	var out []store.Posting
	for _, part := range chunks(uniqueStrings(keys), 200) {
		ps, err := t.s.d.Postings(t.quiet(ctx), t.stmt, index, part, ranges, perKey)
		if err != nil {
			return nil, fmt.Errorf("postings %s: %w", index, err)
		}
		out = append(out, ps...)
	}
	return out, nil
}

// AddPostings implements store.Tx.
func (t *tx) AddPostings(ctx context.Context, index string, ps []store.Posting) error {
	for _, part := range chunks(ps, 100) {
		args := make([]any, 0, 4*len(part))
		for _, p := range part {
			args = append(args, index, p.Key, p.Rank, p.ID)
		}
		q := `INSERT INTO postings (idx, key, rank, id) VALUES ` + rowsOf(len(part), 4) + ` ON CONFLICT DO NOTHING`
		if err := t.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("add postings %s: %w", index, err)
		}
	}
	return nil
}

// rowsOf is "(?, ?), (?, ?)" for n rows of width placeholders.
func rowsOf(n, width int) string {
	row := "(" + placeholders(width) + ")"
	return strings.Repeat(row+", ", n-1) + row
}

// DeletePostings implements store.Tx.
func (t *tx) DeletePostings(ctx context.Context, index, id string) error {
	if err := t.exec(ctx, `DELETE FROM postings WHERE idx = ? AND id = ?`, index, id); err != nil {
		return fmt.Errorf("delete postings %s %s: %w", index, id, err)
	}
	return nil
}

// Counts implements store.Tx.
func (t *tx) Counts(ctx context.Context, keys []uint64) (map[uint64]int64, error) {
	out := make(map[uint64]int64, len(keys))
	for _, part := range chunks(keys, 400) {
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = int64(k)
		}
		rows, err := t.tx.QueryContext(t.quiet(ctx), t.s.q(`SELECT key, n FROM counts WHERE key IN (`+placeholders(len(part))+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("counts: %w", err)
		}
		for rows.Next() {
			var k, n int64
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("counts: %w", err)
			}
			out[uint64(k)] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("counts: %w", err)
		}
	}
	return out, nil
}

// AddCounts implements store.Tx.
func (t *tx) AddCounts(ctx context.Context, deltas map[uint64]int64) error {
	keys := make([]uint64, 0, len(deltas))
	for k := range deltas {
		keys = append(keys, k)
	}
	// A fixed order keeps two writers' lock order the same.
	sort.Slice(keys, func(i, j int) bool { return int64(keys[i]) < int64(keys[j]) })
	var nonzero []uint64
	for _, k := range keys {
		if deltas[k] != 0 {
			nonzero = append(nonzero, k)
		}
	}
	for _, part := range chunks(nonzero, 200) {
		args := make([]any, 0, 2*len(part))
		for _, k := range part {
			args = append(args, int64(k), deltas[k])
		}
		q := `INSERT INTO counts (key, n) VALUES ` + rowsOf(len(part), 2) + ` ON CONFLICT (key) DO UPDATE SET n = counts.n + excluded.n`
		if err := t.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("add counts: %w", err)
		}
	}
	return nil
}

// metaCountsFolded is the store's record of its last fold of the count
// log, kept with the linker's meta values (Reset clears both).
const metaCountsFolded = "counts_folded"

// AppendCounts implements store.Tx.
func (t *tx) AppendCounts(ctx context.Context, deltas map[uint64]int64) (int64, error) {
	st, err := t.stmt(ctx, `INSERT INTO count_log (deltas) VALUES (?) RETURNING seq`)
	if err != nil {
		return 0, err
	}
	var seq int64
	if err := st.QueryRowContext(t.quiet(ctx), encodeCounts(deltas)).Scan(&seq); err != nil {
		return 0, fmt.Errorf("append counts: %w", err)
	}
	return seq, nil
}

// CountLog implements store.Tx.
func (t *tx) CountLog(ctx context.Context, after int64) ([]store.CountEntry, error) {
	return t.countLog(ctx, `SELECT seq, deltas FROM count_log WHERE seq > ? ORDER BY seq`, after)
}

func (t *tx) countLog(ctx context.Context, query string, arg int64) ([]store.CountEntry, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(t.quiet(ctx), arg)
	if err != nil {
		return nil, fmt.Errorf("count log: %w", err)
	}
	defer rows.Close()
	var out []store.CountEntry
	for rows.Next() {
		var e store.CountEntry
		var data []byte
		if err := rows.Scan(&e.Seq, &data); err != nil {
			return nil, fmt.Errorf("count log: %w", err)
		}
		if e.Deltas, err = decodeCounts(data); err != nil {
			return nil, fmt.Errorf("count log entry %d: %w", e.Seq, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count log: %w", err)
	}
	return out, nil
}

// FoldCounts implements store.Tx.
func (t *tx) FoldCounts(ctx context.Context, upTo int64) error {
	entries, err := t.countLog(ctx, `SELECT seq, deltas FROM count_log WHERE seq <= ? ORDER BY seq`, upTo)
	if err != nil {
		return err
	}
	sum := map[uint64]int64{}
	for _, e := range entries {
		for k, d := range e.Deltas {
			sum[k] += d
		}
	}
	if err := t.AddCounts(ctx, sum); err != nil {
		return err
	}
	if err := t.exec(ctx, `DELETE FROM count_log WHERE seq <= ?`, upTo); err != nil {
		return fmt.Errorf("fold counts: %w", err)
	}
	return t.SetMeta(ctx, metaCountsFolded, strconv.FormatInt(upTo, 10))
}

// CountsFolded implements store.Tx.
func (t *tx) CountsFolded(ctx context.Context) (int64, error) {
	v, err := t.Meta(ctx, metaCountsFolded)
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("counts folded: damaged value %q", v)
	}
	return n, nil
}

// encodeCounts packs deltas as varints, by key, each key as its distance
// from the one before; zero deltas are left out.
func encodeCounts(deltas map[uint64]int64) []byte {
	keys := make([]uint64, 0, len(deltas))
	for k, d := range deltas {
		if d != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([]byte, 0, 12*len(keys))
	prev := uint64(0)
	for _, k := range keys {
		out = binary.AppendUvarint(out, k-prev)
		out = binary.AppendVarint(out, deltas[k])
		prev = k
	}
	return out
}

var errDamagedCounts = errors.New("damaged count deltas")

func decodeCounts(data []byte) (map[uint64]int64, error) {
	out := map[uint64]int64{}
	key := uint64(0)
	for len(data) > 0 {
		gap, n := binary.Uvarint(data)
		if n <= 0 {
			return nil, errDamagedCounts
		}
		data = data[n:]
		d, n := binary.Varint(data)
		if n <= 0 {
			return nil, errDamagedCounts
		}
		data = data[n:]
		key += gap
		out[key] += d
	}
	return out, nil
}

// Meta implements store.Tx.
func (t *tx) Meta(ctx context.Context, key string) (string, error) {
	st, err := t.stmt(ctx, `SELECT value FROM meta WHERE key = ?`)
	if err != nil {
		return "", err
	}
	var v string
	err = st.QueryRowContext(t.quiet(ctx), key).Scan(&v)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta implements store.Tx.
func (t *tx) SetMeta(ctx context.Context, key, value string) error {
	if err := t.exec(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

// rowsByID runs a query over ids in chunks; scan reads one row.
func (t *tx) rowsByID(ctx context.Context, query string, ids []string, scan func(*sql.Rows) error) error {
	return queryByID(ctx, t, query, ids, scan)
}

// queryIDs runs an id query through the store's prepared statements. A
// list of ids is a statement of its length, prepared anew for every new
// length: the list is lengthened to the next of a few lengths by
// repeating its last id, which selects nothing more, so that a handful of
// statements serve every list.
func (t *tx) queryIDs(ctx context.Context, query string, ids []string) (*sql.Rows, error) {
	if len(ids) == 0 {
		return nil, errors.New("a list of no ids")
	}
	n := listLength(len(ids))
	args := make([]any, n)
	for i := range args {
		args[i] = ids[min(i, len(ids)-1)]
	}
	st, err := t.stmt(ctx, strings.Replace(query, "(?)", "("+placeholders(n)+")", 1))
	if err != nil {
		return nil, err
	}
	return st.QueryContext(t.quiet(ctx), args...)
}

// listLength is the length a list of n ids is lengthened to: the next
// power of two, or the largest chunk queryByID makes.
func listLength(n int) int {
	l := 1
	for l < n && l < 128 {
		l *= 2
	}
	if l < n {
		return max(n, 200)
	}
	return l
}

func uniqueStrings(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// EntityRows implements store.Tx.
func (t *tx) EntityRows(ctx context.Context, ids []string) (map[string]*store.EntityRow, error) {
	out := map[string]*store.EntityRow{}
	err := t.rowsByID(ctx, `SELECT doc, n, state FROM entities WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		var doc string
		r := &store.EntityRow{}
		if err := rows.Scan(&doc, &r.N, &r.State); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(doc), &r.Entity); err != nil {
			return fmt.Errorf("decode entity: %w", err)
		}
		out[r.ID] = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entity rows: %w", err)
	}
	return out, nil
}

// PutEntity implements store.Tx.
func (t *tx) PutEntity(ctx context.Context, e *store.EntityRow) error {
	ent := e.Entity
	ent.Articles = nil
	doc, err := json.Marshal(ent)
	if err != nil {
		return fmt.Errorf("put entity %s: %w", e.ID, err)
	}
	names := strings.ToLower(e.Name + "\n" + strings.Join(e.Aliases, "\n"))
	err = t.exec(ctx, `INSERT INTO entities (id, name, type, names, n, doc, state) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, names = excluded.names, n = excluded.n, doc = excluded.doc, state = excluded.state`,
		e.ID, e.Name, e.Type, names, e.N, string(doc), e.State)
	if err != nil {
		return fmt.Errorf("put entity %s: %w", e.ID, err)
	}
	return nil
}

// SetArticleEntities implements store.Tx. The rows it takes away name the
// entities that lose the article, whatever merges re-pointed them to
// since it was linked; every row it writes is new, the article's old ones
// being gone.
func (t *tx) SetArticleEntities(ctx context.Context, article, published string, entities []string) error {
	gone, err := t.strings(ctx, `DELETE FROM article_entities WHERE article = ? RETURNING entity`, article)
	if err != nil {
		return fmt.Errorf("article entities %s: %w", article, err)
	}
	for _, e := range gone {
		t.addEntityArticles(e, -1)
	}
	ents := uniqueStrings(entities)
	rows := make([][]any, len(ents))
	for i, e := range ents {
		rows[i] = []any{article, e, published}
	}
	if err := t.insertRows(ctx, `INSERT INTO article_entities (article, entity, published) VALUES `, 3, rows); err != nil {
		return fmt.Errorf("article entities %s: %w", article, err)
	}
	for _, e := range ents {
		t.addEntityArticles(e, 1)
	}
	return nil
}

func (t *tx) addEntityArticles(entity string, delta int64) {
	if t.entityArticles == nil {
		t.entityArticles = map[string]int64{}
	}
	t.entityArticles[entity] += delta
}

// writeEntityArticles adds what the transaction changed to the entities'
// kept numbers of articles, a chunk of entities per statement. An entity
// without a row (gone since) has nothing to keep.
func (t *tx) writeEntityArticles(ctx context.Context) error {
	ids := make([]string, 0, len(t.entityArticles))
	for id, d := range t.entityArticles {
		if d != 0 {
			ids = append(ids, id)
		}
	}
	// A fixed order keeps two writers' lock order the same.
	sort.Strings(ids)
	for _, part := range chunks(ids, 200) {
		args := make([]any, 0, 2*len(part))
		for _, id := range part {
			args = append(args, id, t.entityArticles[id])
		}
		// The cast types the deltas for PostgreSQL, which takes an
		// untyped parameter in VALUES for text.
		q := `WITH d (id, n) AS (VALUES ` + strings.TrimSuffix(strings.Repeat(`(?, CAST(? AS INTEGER)), `, len(part)), ", ") + `)
			UPDATE entities SET articles = articles + d.n FROM d WHERE entities.id = d.id`
		if err := t.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("entity article counts: %w", err)
		}
	}
	t.entityArticles = nil
	return nil
}

// insertRows inserts rows of width values, a chunk per statement: on a
// server engine each statement is a round trip, and linking writes these
// lists for every article and event. Rows already there are kept.
func (t *tx) insertRows(ctx context.Context, insert string, width int, rows [][]any) error {
	for _, part := range chunks(rows, 200) {
		args := make([]any, 0, width*len(part))
		for _, r := range part {
			args = append(args, r...)
		}
		if err := t.exec(ctx, insert+rowsOf(len(part), width)+` ON CONFLICT DO NOTHING`, args...); err != nil {
			return err
		}
	}
	return nil
}

// QuoteRows implements store.Tx.
func (t *tx) QuoteRows(ctx context.Context, ids []string) (map[string]*store.QuoteRow, error) {
	out := map[string]*store.QuoteRow{}
	err := t.rowsByID(ctx, `SELECT doc, n, latest, state FROM quotes WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		var doc string
		r := &store.QuoteRow{}
		if err := rows.Scan(&doc, &r.N, &r.Latest, &r.State); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(doc), &r.Quote); err != nil {
			return fmt.Errorf("decode quote: %w", err)
		}
		out[r.ID] = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quote rows: %w", err)
	}
	return out, nil
}

// PutQuote implements store.Tx.
func (t *tx) PutQuote(ctx context.Context, q *store.QuoteRow) error {
	qu := q.Quote
	qu.Articles = nil
	doc, err := json.Marshal(qu)
	if err != nil {
		return fmt.Errorf("put quote %s: %w", q.ID, err)
	}
	err = t.exec(ctx, `INSERT INTO quotes (id, speaker, n, latest, text, doc, state) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET speaker = excluded.speaker, n = excluded.n, latest = excluded.latest, text = excluded.text, doc = excluded.doc, state = excluded.state`,
		q.ID, q.Speaker, q.N, q.Latest, q.Text, string(doc), q.State)
	if err != nil {
		return fmt.Errorf("put quote %s: %w", q.ID, err)
	}
	return nil
}

// SetArticleQuotes implements store.Tx.
func (t *tx) SetArticleQuotes(ctx context.Context, article string, quotes []string) error {
	if err := t.exec(ctx, `DELETE FROM quote_articles WHERE article = ?`, article); err != nil {
		return fmt.Errorf("article quotes %s: %w", article, err)
	}
	qs := uniqueStrings(quotes)
	rows := make([][]any, len(qs))
	for i, q := range qs {
		rows[i] = []any{q, article}
	}
	if err := t.insertRows(ctx, `INSERT INTO quote_articles (quote, article) VALUES `, 2, rows); err != nil {
		return fmt.Errorf("article quotes %s: %w", article, err)
	}
	return nil
}

// EventQuotes implements store.Tx.
func (t *tx) EventQuotes(ctx context.Context, event string, articles int) ([]string, error) {
	ids, err := t.strings(ctx, `SELECT DISTINCT quote FROM quote_articles WHERE article IN (SELECT id FROM articles WHERE event = ? ORDER BY id DESC LIMIT ?) ORDER BY quote`, event, articles)
	if err != nil {
		return nil, fmt.Errorf("event quotes %s: %w", event, err)
	}
	return ids, nil
}

// EventRows implements store.Tx.
func (t *tx) EventRows(ctx context.Context, ids []string) (map[string]*store.EventRow, error) {
	out := map[string]*store.EventRow{}
	err := t.rowsByID(ctx, `SELECT doc, story, day, n, state FROM events WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		r, err := scanEventRow(rows)
		if err != nil {
			return err
		}
		out[r.ID] = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("event rows: %w", err)
	}
	return out, nil
}

// scanEventRow reads an event row selected as doc, story, day, n,
// state. The story is the column's: a merge of stories re-points the
// column, and the document keeps the story the event was written with.
func scanEventRow(rows *sql.Rows) (*store.EventRow, error) {
	var doc, story string
	r := &store.EventRow{}
	if err := rows.Scan(&doc, &story, &r.Day, &r.N, &r.State); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(doc), &r.Event); err != nil {
		return nil, fmt.Errorf("decode event: %w", err)
	}
	r.Story = story
	return r, nil
}

// EventRowsAfter implements store.Tx.
func (t *tx) EventRowsAfter(ctx context.Context, after string, limit int) ([]*store.EventRow, error) {
	st, err := t.stmt(ctx, `SELECT doc, story, day, n, state FROM events WHERE id > ? ORDER BY id LIMIT ?`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(t.quiet(ctx), after, limit)
	if err != nil {
		return nil, fmt.Errorf("event rows after %q: %w", after, err)
	}
	defer rows.Close()
	var out []*store.EventRow
	for rows.Next() {
		r, err := scanEventRow(rows)
		if err != nil {
			return nil, fmt.Errorf("event rows after %q: %w", after, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("event rows after %q: %w", after, err)
	}
	return out, nil
}

// EventCandidates implements store.Tx.
func (t *tx) EventCandidates(ctx context.Context, ids []string) (map[string]store.CandidateRow, error) {
	out := map[string]store.CandidateRow{}
	err := t.rowsByID(ctx, `SELECT id, data, story FROM event_candidates WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		var id string
		var c store.CandidateRow
		if err := rows.Scan(&id, &c.Data, &c.Story); err != nil {
			return err
		}
		out[id] = c
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("event candidates: %w", err)
	}
	return out, nil
}

// PutEventCandidate implements store.Tx.
func (t *tx) PutEventCandidate(ctx context.Context, id string, candidate []byte) error {
	err := t.exec(ctx, `INSERT INTO event_candidates (id, data, story) VALUES (?, ?, COALESCE((SELECT story FROM events WHERE id = ?), ''))
		ON CONFLICT (id) DO UPDATE SET data = excluded.data, story = excluded.story`, id, candidate, id)
	if err != nil {
		return fmt.Errorf("put event candidate %s: %w", id, err)
	}
	return nil
}

// PutEvent implements store.Tx.
func (t *tx) PutEvent(ctx context.Context, e *store.EventRow) error {
	ev := e.Event
	ev.Articles = nil
	doc, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("put event %s: %w", e.ID, err)
	}
	ents := uniqueStrings(e.Entities)
	keep, err := t.eventEntitiesHold(ctx, e.ID, e.Date, ents)
	if err != nil {
		return fmt.Errorf("put event %s: %w", e.ID, err)
	}
	// The story is the one e's went into if it merged since the linker
	// read it (moved holds each retired id's final place, '' for none):
	// an event kept in memory across a merge would otherwise point at a
	// story that only redirects.
	err = t.exec(ctx, `INSERT INTO events (id, date, day, story, n, doc, state)
		VALUES (?, ?, ?, COALESCE((SELECT to_id FROM moved WHERE kind = 'story' AND id = ?), ?), ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET date = excluded.date, day = excluded.day, story = excluded.story, n = excluded.n, doc = excluded.doc, state = excluded.state`,
		e.ID, e.Date, e.Day, e.Story, e.Story, e.N, string(doc), e.State)
	switch {
	case err != nil:
	case e.Candidate != nil:
		err = t.PutEventCandidate(ctx, e.ID, e.Candidate)
	default:
		// The row is kept, and follows the story the event now has.
		err = t.exec(ctx, `UPDATE event_candidates SET story = (SELECT story FROM events WHERE id = ?) WHERE id = ?`, e.ID, e.ID)
	}
	if err == nil && !keep {
		err = t.exec(ctx, `DELETE FROM event_entities WHERE event = ?`, e.ID)
		if err == nil {
			rows := make([][]any, len(ents))
			for i, ent := range ents {
				rows[i] = []any{e.ID, ent, i, e.Date}
			}
			err = t.insertRows(ctx, `INSERT INTO event_entities (event, entity, rank, date) VALUES `, 4, rows)
		}
	}
	if err != nil {
		return fmt.Errorf("put event %s: %w", e.ID, err)
	}
	return nil
}

// eventEntitiesHold tells whether an event's entity rows already say
// what they would be rewritten with: the same entities in the same order,
// on the same date. Most articles an event takes change neither, and
// rewriting them touched an index page of each of its entities, spread
// over the whole index (a quarter of what linking wrote at 255,000
// articles).
func (t *tx) eventEntitiesHold(ctx context.Context, event, date string, ents []string) (bool, error) {
	st, err := t.stmt(ctx, `SELECT date FROM events WHERE id = ?`)
	if err != nil {
		return false, err
	}
	var was string
	switch err := st.QueryRowContext(t.quiet(ctx), event).Scan(&was); {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	}
	if was != date {
		return false, nil
	}
	old, err := t.strings(ctx, `SELECT entity FROM event_entities WHERE event = ? ORDER BY rank`, event)
	if err != nil {
		return false, err
	}
	return slices.Equal(old, ents), nil
}

// StoryEvents implements store.Tx.
func (t *tx) StoryEvents(ctx context.Context, story string, limit int) ([]store.StoryEvent, int, int, error) {
	st, err := t.stmt(ctx, `SELECT id, day, n FROM events WHERE story = ? ORDER BY day DESC, id LIMIT ?`)
	if err != nil {
		return nil, 0, 0, err
	}
	rows, err := st.QueryContext(t.quiet(ctx), story, limit)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("story events %s: %w", story, err)
	}
	defer rows.Close()
	var recent []store.StoryEvent
	for rows.Next() {
		var e store.StoryEvent
		if err := rows.Scan(&e.ID, &e.Day, &e.N); err != nil {
			return nil, 0, 0, fmt.Errorf("story events %s: %w", story, err)
		}
		recent = append(recent, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, 0, fmt.Errorf("story events %s: %w", story, err)
	}
	st, err = t.stmt(ctx, `SELECT COUNT(*), COALESCE(SUM(n), 0) FROM events WHERE story = ?`)
	if err != nil {
		return nil, 0, 0, err
	}
	var events, articles int
	if err := st.QueryRowContext(t.quiet(ctx), story).Scan(&events, &articles); err != nil {
		return nil, 0, 0, fmt.Errorf("story events %s: %w", story, err)
	}
	return recent, events, articles, nil
}

// StoryState implements store.Tx.
func (t *tx) StoryState(ctx context.Context, id string) ([]byte, error) {
	st, err := t.stmt(ctx, `SELECT state FROM stories WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	var state []byte
	err = st.QueryRowContext(t.quiet(ctx), id).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("story state %s: %w", id, err)
	}
	return state, nil
}

// StoryRows implements store.Tx.
func (t *tx) StoryRows(ctx context.Context, ids []string) (map[string]*store.StoryRow, error) {
	out := map[string]*store.StoryRow{}
	err := t.rowsByID(ctx, `SELECT doc, first, last, n, state FROM stories WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		var doc string
		r := &store.StoryRow{}
		if err := rows.Scan(&doc, &r.First, &r.Last, &r.N, &r.State); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(doc), &r.Story); err != nil {
			return fmt.Errorf("decode story: %w", err)
		}
		out[r.ID] = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("story rows: %w", err)
	}
	return out, nil
}

// PutStory implements store.Tx.
func (t *tx) PutStory(ctx context.Context, s *store.StoryRow) error {
	st := s.Story
	st.Events = nil
	doc, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("put story %s: %w", s.ID, err)
	}
	err = t.exec(ctx, `INSERT INTO stories (id, first, last, n, doc, state) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET first = excluded.first, last = excluded.last, n = excluded.n, doc = excluded.doc, state = excluded.state`,
		s.ID, s.First, s.Last, s.N, string(doc), s.State)
	if err != nil {
		return fmt.Errorf("put story %s: %w", s.ID, err)
	}
	return nil
}

// moveSteps re-point what refers to a retired id, by kind.
var moveSteps = map[string][]string{
	store.KindEntity: { // and its article rows, by moveEntityArticles
		`INSERT INTO event_entities (event, entity, rank, date) SELECT event, ?, rank, date FROM event_entities WHERE entity = ? ON CONFLICT DO NOTHING`,
		`DELETE FROM event_entities WHERE entity = ?`,
		`UPDATE quotes SET speaker = ? WHERE speaker = ?`,
		`DELETE FROM entities WHERE id = ?`,
	},
	store.KindEvent: {
		`UPDATE articles SET event = ? WHERE event = ?`,
		`DELETE FROM event_entities WHERE event = ?`,
		`DELETE FROM events WHERE id = ?`,
		`DELETE FROM event_candidates WHERE id = ?`,
	},
	store.KindStory: {
		`UPDATE event_candidates SET story = ? WHERE id IN (SELECT id FROM events WHERE story = ?)`,
		`UPDATE events SET story = ? WHERE story = ?`,
		`DELETE FROM stories WHERE id = ?`,
	},
	store.KindQuote: {
		`INSERT INTO quote_articles (quote, article) SELECT ?, article FROM quote_articles WHERE quote = ? ON CONFLICT DO NOTHING`,
		`DELETE FROM quote_articles WHERE quote = ?`,
		`DELETE FROM quotes WHERE id = ?`,
	},
}

// postingIndexes are the indexes whose postings name ids of a kind.
var postingIndexes = map[string][]string{
	store.KindEntity: {store.IndexEntityKeys},
	store.KindEvent:  {store.IndexEventTerms, store.IndexEventNames},
}

// Move implements store.Tx.
func (t *tx) Move(ctx context.Context, kind, from, to string) error {
	steps, ok := moveSteps[kind]
	if !ok {
		return fmt.Errorf("move: unknown kind %q", kind)
	}
	if from == to {
		return nil
	}
	if kind == store.KindEntity {
		if err := t.moveEntityArticles(ctx, from, to); err != nil {
			return fmt.Errorf("move %s %s → %s: %w", kind, from, to, err)
		}
	}
	for _, step := range steps {
		args := []any{from}
		if strings.Count(step, "?") == 2 {
			if to == "" {
				continue // deleting: nothing to re-point
			}
			args = []any{to, from}
		}
		if err := t.exec(ctx, step, args...); err != nil {
			return fmt.Errorf("move %s %s → %s: %w", kind, from, to, err)
		}
	}
	for _, idx := range postingIndexes[kind] {
		if err := t.DeletePostings(ctx, idx, from); err != nil {
			return err
		}
	}
	if to == "" {
		return nil
	}
	if err := t.exec(ctx, `UPDATE moved SET to_id = ? WHERE kind = ? AND to_id = ?`, to, kind, from); err != nil {
		return fmt.Errorf("move %s %s → %s: %w", kind, from, to, err)
	}
	if err := t.exec(ctx, `INSERT INTO moved (kind, id, to_id) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET to_id = excluded.to_id`, kind, from, to); err != nil {
		return fmt.Errorf("move %s %s → %s: %w", kind, from, to, err)
	}
	return nil
}

// moveEntityArticles re-points an entity's article rows to the entity it
// moved into (to; none: they go), keeping both numbers of articles exact
// without counting either: to gains the rows it did not have, which are
// the rows the insert wrote, and from's number goes with its row.
func (t *tx) moveEntityArticles(ctx context.Context, from, to string) error {
	if to != "" {
		st, err := t.stmt(ctx, `INSERT INTO article_entities (article, entity, published) SELECT article, ?, published FROM article_entities WHERE entity = ? ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		res, err := st.ExecContext(t.quiet(ctx), to, from)
		if err != nil {
			return err
		}
		added, err := res.RowsAffected()
		if err != nil {
			return err
		}
		t.addEntityArticles(to, added)
	}
	if err := t.exec(ctx, `DELETE FROM article_entities WHERE entity = ?`, from); err != nil {
		return err
	}
	delete(t.entityArticles, from)
	return nil
}

// Current implements store.Tx.
func (t *tx) Current(ctx context.Context, kind string, ids []string) (map[string]string, error) {
	out, err := currentIDs(ctx, t, kind, ids)
	if err != nil {
		return nil, fmt.Errorf("current %s ids: %w", kind, err)
	}
	return out, nil
}

// tables holds each kind's table, for Taken.
var tables = map[string]string{store.KindEntity: "entities", store.KindEvent: "events", store.KindStory: "stories", store.KindQuote: "quotes"}

// Taken implements store.Tx.
func (t *tx) Taken(ctx context.Context, kind, id string) (bool, error) {
	table, ok := tables[kind]
	if !ok {
		return false, fmt.Errorf("taken: unknown kind %q", kind)
	}
	st, err := t.stmt(ctx, `SELECT (SELECT COUNT(*) FROM `+table+` WHERE id = ?) + (SELECT COUNT(*) FROM moved WHERE kind = ? AND id = ?)`)
	if err != nil {
		return false, err
	}
	var n int
	if err := st.QueryRowContext(t.quiet(ctx), id, kind, id).Scan(&n); err != nil {
		return false, fmt.Errorf("taken %s %s: %w", kind, id, err)
	}
	return n > 0, nil
}

// TakenIDs implements store.Tx.
func (t *tx) TakenIDs(ctx context.Context, kind string, ids []string) (map[string]bool, error) {
	table, ok := tables[kind]
	if !ok {
		return nil, fmt.Errorf("taken: unknown kind %q", kind)
	}
	out := map[string]bool{}
	mark := func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	}
	if err := t.rowsByID(ctx, `SELECT id FROM `+table+` WHERE id IN (?)`, ids, mark); err != nil {
		return nil, fmt.Errorf("taken %s: %w", kind, err)
	}
	if err := t.rowsByID(ctx, `SELECT id FROM moved WHERE kind = '`+kind+`' AND id IN (?)`, ids, mark); err != nil {
		return nil, fmt.Errorf("taken %s: %w", kind, err)
	}
	return out, nil
}

// AddPending implements store.Tx.
func (t *tx) AddPending(ctx context.Context, kind string, ids []string) error {
	for _, part := range chunks(uniqueStrings(ids), 200) {
		args := make([]any, 0, 2*len(part))
		for _, id := range part {
			args = append(args, kind, id)
		}
		if err := t.exec(ctx, `INSERT INTO pending (kind, id) VALUES `+rowsOf(len(part), 2)+` ON CONFLICT DO NOTHING`, args...); err != nil {
			return fmt.Errorf("add pending %s: %w", kind, err)
		}
	}
	return nil
}

// Pending implements store.Tx.
func (t *tx) Pending(ctx context.Context, kind string, limit int) ([]string, error) {
	ids, err := t.strings(ctx, `SELECT id FROM pending WHERE kind = ? ORDER BY seq LIMIT ?`, kind, limit)
	if err != nil {
		return nil, fmt.Errorf("pending %s: %w", kind, err)
	}
	return ids, nil
}

// DonePending implements store.Tx.
func (t *tx) DonePending(ctx context.Context, kind string, ids []string) error {
	for _, part := range chunks(uniqueStrings(ids), 200) {
		args := append([]any{kind}, anys(part)...)
		if err := t.exec(ctx, `DELETE FROM pending WHERE kind = ? AND id IN (`+placeholders(len(part))+`)`, args...); err != nil {
			return fmt.Errorf("done pending %s: %w", kind, err)
		}
	}
	return nil
}

// Reset implements store.Tx.
func (t *tx) Reset(ctx context.Context) error {
	for _, q := range []string{
		`DELETE FROM entities`, `DELETE FROM article_entities`, `DELETE FROM events`, `DELETE FROM event_candidates`, `DELETE FROM event_entities`,
		`DELETE FROM stories`, `DELETE FROM quotes`, `DELETE FROM quote_articles`, `DELETE FROM postings`,
		`DELETE FROM counts`, `DELETE FROM count_log`, `DELETE FROM moved`, `DELETE FROM meta`, `DELETE FROM pending`, `UPDATE articles SET event = ''`,
	} {
		if err := t.exec(ctx, q); err != nil {
			return fmt.Errorf("reset: %w", err)
		}
	}
	t.entityArticles = nil
	return nil
}

func decode[T any](doc string) (*T, error) {
	v := new(T)
	if err := json.Unmarshal([]byte(doc), v); err != nil {
		return nil, fmt.Errorf("decode stored %T: %w", v, err)
	}
	return v, nil
}

var _ store.Tx = (*tx)(nil)
