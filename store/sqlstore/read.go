package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// ArticleHash implements store.Store.
func (s *DB) ArticleHash(ctx context.Context, id string) (string, error) {
	st, err := s.readStmt(ctx, `SELECT hash FROM articles WHERE id = ?`)
	if err != nil {
		return "", fmt.Errorf("article hash %s: %w", id, err)
	}
	var h string
	err = st.QueryRowContext(ctx, id).Scan(&h)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("article hash %s: %w", id, err)
	}
	return h, nil
}

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, id string) (*storyline.Article, error) {
	as, err := s.articles(ctx, `SELECT doc, event FROM articles WHERE id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if len(as) == 0 {
		return nil, notFound("article", id)
	}
	return as[0], nil
}

// articles runs a query selecting (doc, event) and brings the linked ids
// up to date.
func (s *DB) articles(ctx context.Context, query string, args ...any) ([]*storyline.Article, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	var out []*storyline.Article
	for rows.Next() {
		var doc, event string
		if err := rows.Scan(&doc, &event); err != nil {
			rows.Close()
			return nil, err
		}
		a, err := decode[storyline.Article](doc)
		if err != nil {
			rows.Close()
			return nil, err
		}
		a.Event = event
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.resolveArticles(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// resolveArticles follows merges in the ids that linking wrote into
// articles and gives mentions their entity's current name and type.
func (s *DB) resolveArticles(ctx context.Context, as []*storyline.Article) error {
	var ents, quotes []string
	for _, a := range as {
		for _, m := range a.Entities {
			if m.Entity != "" {
				ents = append(ents, m.Entity)
			}
		}
		for _, q := range a.Quotes {
			if q.Quote != "" {
				quotes = append(quotes, q.Quote)
			}
			if q.Speaker != "" {
				ents = append(ents, q.Speaker)
			}
		}
	}
	if len(ents) == 0 && len(quotes) == 0 {
		return nil
	}
	entTo, err := s.current(ctx, store.KindEntity, ents)
	if err != nil {
		return err
	}
	quoteTo, err := s.current(ctx, store.KindQuote, quotes)
	if err != nil {
		return err
	}
	info, err := s.entityNames(ctx, entTo)
	if err != nil {
		return err
	}
	for _, a := range as {
		for i := range a.Entities {
			m := &a.Entities[i]
			if m.Entity == "" {
				continue
			}
			m.Entity = entTo[m.Entity]
			if nt, ok := info[m.Entity]; ok {
				m.Name, m.Type = nt.name, nt.typ
			}
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if q.Quote != "" {
				q.Quote = quoteTo[q.Quote]
			}
			if q.Speaker != "" {
				q.Speaker = entTo[q.Speaker]
				if nt, ok := info[q.Speaker]; ok {
					q.SpeakerName = nt.name
				}
			}
		}
	}
	return nil
}

// nameType is an entity's current name and type.
type nameType struct{ name, typ string }

// entityNames are the current names and types of the entities ids map to.
func (s *DB) entityNames(ctx context.Context, ids map[string]string) (map[string]nameType, error) {
	var to []string
	for _, id := range ids {
		to = append(to, id)
	}
	info := map[string]nameType{}
	err := s.rowsByID(ctx, `SELECT id, name, type FROM entities WHERE id IN (?)`, to, func(rows *sql.Rows) error {
		var id string
		var nt nameType
		if err := rows.Scan(&id, &nt.name, &nt.typ); err != nil {
			return err
		}
		info[id] = nt
		return nil
	})
	return info, err
}

// current maps ids to where they are now: themselves, or where they were
// merged into.
func (s *DB) current(ctx context.Context, kind string, ids []string) (map[string]string, error) {
	return currentIDs(ctx, poolIDs{s.db, s.q}, kind, ids)
}

func (s *DB) rowsByID(ctx context.Context, query string, ids []string, scan func(*sql.Rows) error) error {
	return queryByID(ctx, poolIDs{s.db, s.q}, query, ids, scan)
}

// querier is what reads run on: the pool, or a write transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// idQuerier runs a query whose "(?)" stands for a list of ids.
type idQuerier interface {
	queryIDs(ctx context.Context, query string, ids []string) (*sql.Rows, error)
}

// poolIDs runs id queries as text on the pool; rebind turns the query
// into the engine's placeholders.
type poolIDs struct {
	db     querier
	rebind func(string) string
}

func (p poolIDs) queryIDs(ctx context.Context, query string, ids []string) (*sql.Rows, error) {
	return p.db.QueryContext(ctx, p.rebind(strings.Replace(query, "(?)", "("+placeholders(len(ids))+")", 1)), anys(ids)...)
}

// queryByID runs a query with an "IN (?)" over ids in chunks; scan reads
// one row.
func queryByID(ctx context.Context, db idQuerier, query string, ids []string, scan func(*sql.Rows) error) error {
	ids = uniqueStrings(ids)
	for _, part := range chunks(ids, 200) {
		rows, err := db.queryIDs(ctx, query, part)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// pairsByID reads a query of two text columns, a key and a value, over
// ids into out.
func pairsByID(ctx context.Context, db idQuerier, query string, ids []string, out map[string]string) error {
	return queryByID(ctx, db, query, ids, func(rows *sql.Rows) error {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		out[k] = v
		return nil
	})
}

// currentIDs maps ids of a kind to where they are now: themselves, or
// where they were merged into.
func currentIDs(ctx context.Context, db idQuerier, kind string, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = id
	}
	err := pairsByID(ctx, db, `SELECT id, to_id FROM moved WHERE kind = '`+kind+`' AND id IN (?)`, ids, out)
	return out, err
}

// RawArticle implements store.Store.
func (s *DB) RawArticle(ctx context.Context, id string) (store.Raw, error) {
	var r store.Raw
	err := s.db.QueryRowContext(ctx, s.q(`SELECT raw_format, raw_origin, raw FROM articles WHERE id = ?`), id).Scan(&r.Format, &r.Origin, &r.Data)
	if isNoRows(err) {
		return r, notFound("raw article", id)
	}
	if err != nil {
		return r, fmt.Errorf("raw article %s: %w", id, err)
	}
	return r, nil
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

// empty is a condition that holds for nothing: free text without a
// searchable word matches no item.
const empty = "1 = 0"

// Articles implements store.Store: newest first.
func (s *DB) Articles(ctx context.Context, q store.Query) ([]storyline.ArticleSummary, error) {
	from, args := s.articlePage(q)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+summaryColumns+from), args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var out []storyline.ArticleSummary
	for rows.Next() {
		a, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// ArticlesByID implements store.Store.
func (s *DB) ArticlesByID(ctx context.Context, ids []string) (map[string]storyline.ArticleSummary, error) {
	out := make(map[string]storyline.ArticleSummary, len(ids))
	err := s.rowsByID(ctx, `SELECT `+summaryColumns+` FROM articles a WHERE a.id IN (?)`, ids, func(rows *sql.Rows) error {
		a, err := scanSummary(rows)
		if err != nil {
			return err
		}
		out[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("articles by id: %w", err)
	}
	return out, nil
}

// summaryColumns are what an article's summary is read from (the table
// aliased a): its own columns, and articles.summary, what PutArticle kept
// of the rest (listing).
const summaryColumns = `a.id, a.url, a.title, a.byline, a.outlet, a.lang, a.published, a.event, a.summary`

// listing is what articles.summary keeps of an article, as JSON with
// Article's keys: the summary's fields that have no column of their own.
type listing struct {
	Credits       []string `json:"credits,omitempty"`
	PublishedFrom string   `json:"published_from,omitempty"`
	Dateline      string   `json:"dateline,omitempty"`
	EventDate     string   `json:"event_date,omitempty"`
	Excerpt       string   `json:"excerpt,omitempty"`
}

func listingOf(a *storyline.Article) ([]byte, error) {
	sum := a.Summary()
	return json.Marshal(listing{Credits: sum.Credits, PublishedFrom: sum.PublishedFrom, Dateline: sum.Dateline, EventDate: sum.EventDate, Excerpt: sum.Excerpt})
}

// scanSummary reads a row of summaryColumns.
func scanSummary(rows *sql.Rows) (storyline.ArticleSummary, error) {
	var a storyline.ArticleSummary
	var kept string
	if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Byline, &a.Outlet, &a.Lang, &a.Published, &a.Event, &kept); err != nil {
		return a, err
	}
	var l listing
	if err := json.Unmarshal([]byte(kept), &l); err != nil {
		return a, fmt.Errorf("decode the summary of %s: %w", a.ID, err)
	}
	a.Credits, a.PublishedFrom, a.Dateline, a.EventDate, a.Excerpt = l.Credits, l.PublishedFrom, l.Dateline, l.EventDate, l.Excerpt
	return a, nil
}

// Published implements store.Store.
func (s *DB) Published(ctx context.Context, q store.Query) ([]string, error) {
	col := "a.published"
	from, args := s.articlePage(q)
	if q.Entity != "" && q.Q == "" && q.Outlet == "" {
		// An entity's rows carry their articles' dates: the chart of a
		// frequent entity reads its index alone, not a thousand articles.
		w := articleWhere(q, "ae.")
		w.add("ae.entity = ?", q.Entity)
		limit, offset := page(q)
		col, from, args = "ae.published", ` FROM article_entities ae`+w.String()+` ORDER BY ae.published DESC, ae.article LIMIT ? OFFSET ?`, append(w.args, limit, offset)
	}
	out, err := s.strings(ctx, `SELECT `+col+from, args...)
	if err != nil {
		return nil, fmt.Errorf("publication times: %w", err)
	}
	return out, nil
}

// articlePage is the FROM, WHERE, ORDER and LIMIT of the page of articles
// q selects (the table aliased a), newest first, and its arguments. An
// entity's articles are read through its rows by date
// (article_entities_recent): a page of them reads its first rows in order,
// where filtering all articles by the entity's would sort every one.
func (s *DB) articlePage(q store.Query) (string, []any) {
	w := articleWhere(q, "a.")
	if q.Q != "" {
		s.matchText(w, "a.id", q.Q)
	}
	from, order := ` FROM articles a`, ` ORDER BY a.published DESC, a.id`
	if q.Entity != "" {
		w.add("ae.entity = ?", q.Entity)
		from, order = ` FROM article_entities ae JOIN articles a ON a.id = ae.article`, ` ORDER BY ae.published DESC, ae.article`
	}
	limit, offset := page(q)
	return from + w.String() + order + ` LIMIT ? OFFSET ?`, append(w.args, limit, offset)
}

// matchText adds a full-text condition on col (an article id column).
func (s *DB) matchText(w *where, col, q string) {
	cond, args, ok := s.d.MatchArticles(q)
	if !ok {
		w.add(empty)
		return
	}
	w.add(col+" IN ("+cond+")", args...)
}

// EachArticle implements store.Store.
func (s *DB) EachArticle(ctx context.Context, fn func(*storyline.Article) error) error {
	// Page by id so that fn may write to the store while we read.
	last := ""
	for {
		batch, err := s.articles(ctx, `SELECT doc, event FROM articles WHERE id > ? ORDER BY id LIMIT 500`, last)
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

// moved is the *store.Moved error for an id merged into another, or nil.
func (s *DB) moved(ctx context.Context, kind, id string) error {
	var to string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT to_id FROM moved WHERE kind = ? AND id = ?`), kind, id).Scan(&to)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", kind, id, err)
	}
	return &store.Moved{Kind: kind, ID: id, To: to}
}

// getDoc reads one row's doc by id; a missing id answers *Moved when it
// was merged away, else ErrNotFound.
func getDoc[T any](ctx context.Context, s *DB, kind, table, id string) (*T, error) {
	var doc string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT doc FROM `+table+` WHERE id = ?`), id).Scan(&doc)
	if isNoRows(err) {
		return nil, s.missing(ctx, kind, id)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", kind, id, err)
	}
	return decode[T](doc)
}

// missing is the error of a getter for an id without a row: *Moved when
// it was merged away, else ErrNotFound.
func (s *DB) missing(ctx context.Context, kind, id string) error {
	if m := s.moved(ctx, kind, id); m != nil {
		return m
	}
	return notFound(kind, id)
}

func (s *DB) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// docs runs a query selecting docs and decodes them.
func docs[T any](ctx context.Context, s *DB, query string, args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		var v T
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			return nil, fmt.Errorf("decode stored %T: %w", v, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Entity implements store.Store.
func (s *DB) Entity(ctx context.Context, id string) (*storyline.Entity, error) {
	es, err := s.readEntities(ctx, `SELECT doc, articles FROM entities WHERE id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(es) == 0 {
		return nil, s.missing(ctx, store.KindEntity, id)
	}
	return &es[0], nil
}

// readEntities runs a query selecting entities' doc and number of articles
// (the kept one: counting a frequent place's rows took tens of
// milliseconds) and reads the first EntityArticles of each one's
// articles.
// EntitiesByID implements store.Store.
func (s *DB) EntitiesByID(ctx context.Context, ids []string) (map[string]storyline.Entity, error) {
	out := map[string]storyline.Entity{}
	err := s.rowsByID(ctx, `SELECT doc, articles FROM entities WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		e, err := scanEntity(rows)
		if err != nil {
			return err
		}
		out[e.ID] = e
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}

// scanEntity reads a row of an entity's document and its kept number of
// articles.
func scanEntity(rows *sql.Rows) (storyline.Entity, error) {
	var doc string
	var n int
	var e storyline.Entity
	if err := rows.Scan(&doc, &n); err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(doc), &e); err != nil {
		return e, fmt.Errorf("decode stored entity: %w", err)
	}
	e.ArticleCount = n
	return e, nil
}

func (s *DB) readEntities(ctx context.Context, query string, args ...any) ([]storyline.Entity, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	var es []storyline.Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		es = append(es, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return es, s.fillEntities(ctx, ptrs(es), store.EntityArticles)
}

// fillEntities reads the entities' articles, at most limit each, newest
// first, as the entity's rows are keyed; with limit <= 0, all of them by
// id, and their number from them.
func (s *DB) fillEntities(ctx context.Context, es []*storyline.Entity, limit int) error {
	all := limit <= 0
	query := `SELECT article FROM article_entities WHERE entity = ? ORDER BY published DESC, article LIMIT ?`
	if all {
		limit = noLimit
		query = `SELECT article FROM article_entities WHERE entity = ? ORDER BY article LIMIT ?`
	}
	for _, e := range es {
		arts, err := s.strings(ctx, query, e.ID, limit)
		if err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		e.Articles = nonNil(arts)
		if all {
			e.ArticleCount = len(arts)
		}
	}
	return nil
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

// Entities implements store.Store: most reported first. Q matches any name
// or alias, case-insensitively.
func (s *DB) Entities(ctx context.Context, q store.Query) ([]storyline.Entity, error) {
	var w where
	if q.Q != "" {
		w.add(`names LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(q.Q))+"%")
	}
	if q.Entity != "" {
		w.add("id = ?", q.Entity)
	}
	if aw := articleWhere(q, "a."); len(aw.conds) > 0 {
		w.add("id IN (SELECT ae.entity FROM article_entities ae JOIN articles a ON a.id = ae.article"+aw.String()+")", aw.args...)
	}
	limit, offset := page(q)
	es, err := s.readEntities(ctx, `SELECT doc, articles FROM entities`+w.String()+` ORDER BY n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return es, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// eachDoc pages through a table by id.
func eachDoc[T any](ctx context.Context, s *DB, table string, id func(*T) string, fill func([]*T) error, fn func(*T) error) error {
	last := ""
	for {
		batch, err := docs[T](ctx, s, `SELECT doc FROM `+table+` WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("each %s: %w", table, err)
		}
		ps := ptrs(batch)
		if err := fill(ps); err != nil {
			return err
		}
		for _, v := range ps {
			if err := fn(v); err != nil {
				return err
			}
		}
		if len(batch) < 500 {
			return nil
		}
		last = id(ps[len(ps)-1])
	}
}

// EachEntity implements store.Store.
func (s *DB) EachEntity(ctx context.Context, fn func(*storyline.Entity) error) error {
	return eachDoc(ctx, s, "entities", func(e *storyline.Entity) string { return e.ID }, func(es []*storyline.Entity) error { return s.fillEntities(ctx, es, 0) }, fn)
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (*storyline.Event, error) {
	e, err := getDoc[storyline.Event](ctx, s, store.KindEvent, "events", id)
	if err != nil {
		return nil, err
	}
	if err := s.fillEvents(ctx, []*storyline.Event{e}); err != nil {
		return nil, err
	}
	return e, nil
}

func (s *DB) fillEvents(ctx context.Context, es []*storyline.Event) error {
	if len(es) == 0 {
		return nil
	}
	// One query per kind of row for the whole page, not four per event.
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	// The story is the column's: a merge of stories re-points it.
	stories := map[string]string{}
	if err := pairsByID(ctx, poolIDs{s.db, s.q}, `SELECT id, story FROM events WHERE id IN (?)`, ids, stories); err != nil {
		return fmt.Errorf("events' stories: %w", err)
	}
	arts := map[string][]string{}
	err := s.rowsByID(ctx, `SELECT event, id FROM articles WHERE event IN (?)`, ids, func(rows *sql.Rows) error {
		var ev, id string
		if err := rows.Scan(&ev, &id); err != nil {
			return err
		}
		arts[ev] = append(arts[ev], id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("events' articles: %w", err)
	}
	type ranked struct {
		entity string
		rank   int
	}
	ents := map[string][]ranked{}
	var allEnts []string
	err = s.rowsByID(ctx, `SELECT event, entity, rank FROM event_entities WHERE event IN (?)`, ids, func(rows *sql.Rows) error {
		var ev string
		var r ranked
		if err := rows.Scan(&ev, &r.entity, &r.rank); err != nil {
			return err
		}
		ents[ev] = append(ents[ev], r)
		allEnts = append(allEnts, r.entity)
		return nil
	})
	if err != nil {
		return fmt.Errorf("events' entities: %w", err)
	}
	// An entity merged since the event was written answers as the one it
	// went into.
	cur, err := s.current(ctx, store.KindEntity, allEnts)
	if err != nil {
		return fmt.Errorf("events' entities: %w", err)
	}
	for _, e := range es {
		if story, ok := stories[e.ID]; ok {
			e.Story = story
		}
		e.Articles = nonNil(arts[e.ID])
		slices.Sort(e.Articles)
		rs := ents[e.ID]
		slices.SortFunc(rs, func(a, b ranked) int {
			return cmp.Or(cmp.Compare(a.rank, b.rank), strings.Compare(a.entity, b.entity))
		})
		e.Entities = []string{}
		seen := map[string]bool{}
		for _, r := range rs {
			if c := cur[r.entity]; !seen[c] {
				seen[c] = true
				e.Entities = append(e.Entities, c)
			}
		}
	}
	return nil
}

// EventsByID implements store.Store.
func (s *DB) EventsByID(ctx context.Context, ids []string) (map[string]storyline.Event, error) {
	var evs []*storyline.Event
	err := s.rowsByID(ctx, `SELECT doc FROM events WHERE id IN (?)`, ids, func(rows *sql.Rows) error {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return err
		}
		e, err := decode[storyline.Event](doc)
		if err != nil {
			return err
		}
		evs = append(evs, e)
		return nil
	})
	if err == nil {
		err = s.fillEvents(ctx, evs)
	}
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := make(map[string]storyline.Event, len(evs))
	for _, e := range evs {
		out[e.ID] = *e
	}
	return out, nil
}

// Events implements store.Store: newest first.
func (s *DB) Events(ctx context.Context, q store.Query) ([]storyline.Event, error) {
	limit, offset := page(q)
	query := `SELECT doc FROM events`
	order := ` ORDER BY date DESC, n DESC, id LIMIT ? OFFSET ?`
	var w *where
	if q.Entity != "" {
		// Through the entity's rows by date (event_entities_recent), as
		// entityArticles does for articles; the events of one date are
		// sorted by size as they are read (the index does not hold the
		// size, which changes with every article an event takes).
		entity := q.Entity
		q.Entity = ""
		w = s.eventWhere(q, "e.id")
		w.add("ee.entity = ?", entity)
		query = `SELECT e.doc FROM event_entities ee JOIN events e ON e.id = ee.event`
		order = ` ORDER BY ee.date DESC, e.n DESC, ee.event LIMIT ? OFFSET ?`
	} else {
		w = s.eventWhere(q, "id")
	}
	es, err := docs[storyline.Event](ctx, s, query+w.String()+order, append(w.args, limit, offset)...)
	if err == nil {
		err = s.fillEvents(ctx, ptrs(es))
	}
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return es, nil
}

func (s *DB) eventWhere(q store.Query, col string) *where {
	w := &where{}
	if q.Entity != "" {
		w.add(col+" IN (SELECT event FROM event_entities WHERE entity = ?)", q.Entity)
	}
	if q.Outlet != "" {
		w.add(col+" IN (SELECT event FROM articles WHERE outlet = ?)", q.Outlet)
	}
	if q.From != "" {
		w.add(col+" IN (SELECT id FROM events WHERE date >= ?)", q.From)
	}
	if q.To != "" {
		w.add(col+" IN (SELECT id FROM events WHERE date != '' AND date <= ?)", q.To)
	}
	if q.Q != "" {
		cond, args, ok := s.d.MatchArticles(q.Q)
		if !ok {
			w.add(empty)
		} else {
			w.add(col+" IN (SELECT a.event FROM articles a WHERE a.id IN ("+cond+"))", args...)
		}
	}
	return w
}

// EachEvent implements store.Store.
func (s *DB) EachEvent(ctx context.Context, fn func(*storyline.Event) error) error {
	return eachDoc(ctx, s, "events", func(e *storyline.Event) string { return e.ID }, func(es []*storyline.Event) error { return s.fillEvents(ctx, es) }, fn)
}

// Story implements store.Store.
func (s *DB) Story(ctx context.Context, id string) (*storyline.Story, error) {
	st, err := getDoc[storyline.Story](ctx, s, store.KindStory, "stories", id)
	if err != nil {
		return nil, err
	}
	if err := s.fillStories(ctx, []*storyline.Story{st}); err != nil {
		return nil, err
	}
	return st, nil
}

// fillStories reads each story's events, oldest first, undated last.
func (s *DB) fillStories(ctx context.Context, ss []*storyline.Story) error {
	for _, st := range ss {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, date FROM events WHERE story = ?`), st.ID)
		if err != nil {
			return fmt.Errorf("story %s: %w", st.ID, err)
		}
		type ev struct{ id, date string }
		var evs []ev
		for rows.Next() {
			var e ev
			if err := rows.Scan(&e.id, &e.date); err != nil {
				rows.Close()
				return fmt.Errorf("story %s: %w", st.ID, err)
			}
			evs = append(evs, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("story %s: %w", st.ID, err)
		}
		sort.Slice(evs, func(i, j int) bool {
			a, b := evs[i], evs[j]
			if (a.date == "") != (b.date == "") {
				return b.date == ""
			}
			if a.date != b.date {
				return a.date < b.date
			}
			return a.id < b.id
		})
		st.Events = make([]string, len(evs))
		st.First, st.Last = "", ""
		for i, e := range evs {
			st.Events[i] = e.id
			if e.date != "" {
				if st.First == "" {
					st.First = e.date
				}
				st.Last = e.date
			}
		}
		if st.Timeline == nil {
			st.Timeline = []storyline.TimelineEntry{}
		}
	}
	return nil
}

// Stories implements store.Store: most recently active first. Filters apply
// to the story's events.
func (s *DB) Stories(ctx context.Context, q store.Query) ([]storyline.Story, error) {
	ew := s.eventWhere(q, "e.id")
	var w where
	if len(ew.conds) > 0 {
		w.add("id IN (SELECT e.story FROM events e"+ew.String()+")", ew.args...)
	}
	limit, offset := page(q)
	ss, err := docs[storyline.Story](ctx, s, `SELECT doc FROM stories`+w.String()+` ORDER BY last DESC, n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err == nil {
		err = s.fillStories(ctx, ptrs(ss))
	}
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return ss, nil
}

// EachStory implements store.Store.
func (s *DB) EachStory(ctx context.Context, fn func(*storyline.Story) error) error {
	return eachDoc(ctx, s, "stories", func(st *storyline.Story) string { return st.ID }, func(ss []*storyline.Story) error { return s.fillStories(ctx, ss) }, fn)
}

// Quote implements store.Store.
// ArticleQuotes implements store.Store.
func (s *DB) ArticleQuotes(ctx context.Context, ids []string) ([]string, error) {
	var quotes []string
	err := s.rowsByID(ctx, `SELECT DISTINCT quote FROM quote_articles WHERE article IN (?)`, ids, func(rows *sql.Rows) error {
		var q string
		if err := rows.Scan(&q); err != nil {
			return err
		}
		quotes = append(quotes, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("articles' quotes: %w", err)
	}
	cur, err := s.current(ctx, store.KindQuote, quotes)
	if err != nil {
		return nil, fmt.Errorf("articles' quotes: %w", err)
	}
	out := make([]string, 0, len(quotes))
	for _, q := range quotes {
		if c := cur[q]; c != "" {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func (s *DB) Quote(ctx context.Context, id string) (*storyline.Quote, error) {
	q, err := getDoc[storyline.Quote](ctx, s, store.KindQuote, "quotes", id)
	if err != nil {
		return nil, err
	}
	if err := s.fillQuotes(ctx, []*storyline.Quote{q}); err != nil {
		return nil, err
	}
	return q, nil
}

func (s *DB) fillQuotes(ctx context.Context, qs []*storyline.Quote) error {
	var speakers []string
	for _, q := range qs {
		arts, err := s.strings(ctx, `SELECT article FROM quote_articles WHERE quote = ? ORDER BY article`, q.ID)
		if err != nil {
			return fmt.Errorf("quote %s: %w", q.ID, err)
		}
		q.Articles = nonNil(arts)
		if q.Speaker != "" {
			speakers = append(speakers, q.Speaker)
		}
	}
	to, err := s.current(ctx, store.KindEntity, speakers)
	if err != nil {
		return err
	}
	// The speaker's name is the entity's as it is now, as in articles:
	// the row keeps the name the quote was first linked under.
	info, err := s.entityNames(ctx, to)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if q.Speaker != "" {
			q.Speaker = to[q.Speaker]
			if nt, ok := info[q.Speaker]; ok {
				q.SpeakerName = nt.name
			}
		}
	}
	return nil
}

// Quotes implements store.Store: newest first, then most carried.
func (s *DB) Quotes(ctx context.Context, q store.Query) ([]storyline.Quote, error) {
	var w where
	if q.Entity != "" {
		w.add("speaker = ?", q.Entity)
	}
	if q.Q != "" {
		w.add(`LOWER(text) LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(q.Q))+"%")
	}
	if q.From != "" {
		w.add("latest >= ?", q.From)
	}
	if q.To != "" {
		w.add("latest != '' AND substr(latest, 1, 10) <= ?", q.To)
	}
	if q.Outlet != "" {
		w.add("id IN (SELECT qa.quote FROM quote_articles qa JOIN articles a ON a.id = qa.article WHERE a.outlet = ?)", q.Outlet)
	}
	limit, offset := page(q)
	qs, err := docs[storyline.Quote](ctx, s, `SELECT doc FROM quotes`+w.String()+` ORDER BY latest DESC, n DESC, id LIMIT ? OFFSET ?`, append(w.args, limit, offset)...)
	if err == nil {
		err = s.fillQuotes(ctx, ptrs(qs))
	}
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return qs, nil
}

// EachQuote implements store.Store.
func (s *DB) EachQuote(ctx context.Context, fn func(*storyline.Quote) error) error {
	return eachDoc(ctx, s, "quotes", func(q *storyline.Quote) string { return q.ID }, func(qs []*storyline.Quote) error { return s.fillQuotes(ctx, qs) }, fn)
}

// Search implements store.Store.
func (s *DB) Search(ctx context.Context, q string, limit, offset int) ([]store.Hit, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	hits, err := s.d.Search(ctx, s.db, q, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return hits, nil
}
