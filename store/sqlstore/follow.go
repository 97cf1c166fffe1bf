package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/storyline-news/storyline/store"
)

// Sources, fetch state, seen items, watchlists, alerts and deliveries:
// store.FollowReader on DB and store.FollowWriter on tx.

const sourceColumns = `s.id, s.url, s.kind, s.name, s.interval_s, s.added,
	COALESCE(f.etag, ''), COALESCE(f.last_modified, ''), COALESCE(f.last_fetch, ''), COALESCE(f.last_status, 0), COALESCE(f.last_new, ''),
	COALESCE(f.next_poll, ''), COALESCE(f.items, 0), COALESCE(f.errors, 0), COALESCE(f.failures, 0), COALESCE(f.last_error, ''), COALESCE(f.failing, 0)`

// Sources implements store.FollowReader.
func (s *DB) Sources(ctx context.Context) ([]store.Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources s LEFT JOIN fetch_state f ON f.source = s.id ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	defer rows.Close()
	var out []store.Source
	for rows.Next() {
		var src store.Source
		st := &src.State
		var failing int
		if err := rows.Scan(&src.ID, &src.URL, &src.Kind, &src.Name, &src.Interval, &src.Added,
			&st.ETag, &st.LastModified, &st.LastFetch, &st.LastStatus, &st.LastNew, &st.NextPoll, &st.Items, &st.Errors, &st.Failures, &st.LastError, &failing); err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		st.Failing = failing != 0
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return out, nil
}

// SeenItems implements store.FollowReader.
func (s *DB) SeenItems(ctx context.Context, keys []string) (map[string]store.SeenItem, error) {
	out := map[string]store.SeenItem{}
	err := s.rowsByID(ctx, `SELECT key, source, article, fingerprint, attempts, error, seen FROM seen_items WHERE key IN (?)`, keys, func(rows *sql.Rows) error {
		var it store.SeenItem
		if err := rows.Scan(&it.Key, &it.Source, &it.Article, &it.Fingerprint, &it.Attempts, &it.Error, &it.Seen); err != nil {
			return err
		}
		out[it.Key] = it
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	return out, nil
}

// watchlistDoc is what a watchlist row's doc holds: its criteria.
type watchlistDoc struct {
	Entities []string `json:"entities"`
	Places   []string `json:"places"`
	Keywords []string `json:"keywords"`
	Outlets  []string `json:"outlets"`
}

type rowScanner interface{ Scan(...any) error }

func scanWatchlist(r rowScanner) (store.Watchlist, error) {
	var w store.Watchlist
	var doc string
	if err := r.Scan(&w.ID, &w.Name, &doc, &w.Webhook, &w.Secret, &w.Created); err != nil {
		return w, err
	}
	var d watchlistDoc
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return w, fmt.Errorf("decode watchlist %s: %w", w.ID, err)
	}
	w.Entities, w.Places, w.Keywords, w.Outlets = nonNil(d.Entities), nonNil(d.Places), nonNil(d.Keywords), nonNil(d.Outlets)
	return w, nil
}

const watchlistQuery = `SELECT id, name, doc, webhook, secret, created FROM watchlists`

func queryWatchlists(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]store.Watchlist, error) {
	rows, err := q.QueryContext(ctx, watchlistQuery+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	defer rows.Close()
	var out []store.Watchlist
	for rows.Next() {
		w, err := scanWatchlist(rows)
		if err != nil {
			return nil, fmt.Errorf("watchlists: %w", err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	return out, nil
}

// Watchlists implements store.FollowReader.
func (s *DB) Watchlists(ctx context.Context) ([]store.Watchlist, error) {
	return queryWatchlists(ctx, s.db)
}

// Watchlist implements store.FollowReader.
func (s *DB) Watchlist(ctx context.Context, id string) (*store.Watchlist, error) {
	w, err := scanWatchlist(s.db.QueryRowContext(ctx, s.q(watchlistQuery+` WHERE id = ?`), id))
	if isNoRows(err) {
		return nil, notFound("watchlist", id)
	}
	if err != nil {
		return nil, fmt.Errorf("watchlist %s: %w", id, err)
	}
	return &w, nil
}

// Alerts implements store.FollowReader.
func (s *DB) Alerts(ctx context.Context, watchlist string, limit, offset int) ([]store.Alert, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, doc FROM alerts WHERE watchlist = ? ORDER BY id DESC LIMIT ? OFFSET ?`), watchlist, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("alerts of %s: %w", watchlist, err)
	}
	defer rows.Close()
	var out []store.Alert
	for rows.Next() {
		var id int64
		var doc string
		if err := rows.Scan(&id, &doc); err != nil {
			return nil, fmt.Errorf("alerts of %s: %w", watchlist, err)
		}
		a, err := decode[store.Alert](doc)
		if err != nil {
			return nil, err
		}
		a.ID = id
		out = append(out, *a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("alerts of %s: %w", watchlist, err)
	}
	return out, nil
}

// Alert implements store.FollowReader.
func (s *DB) Alert(ctx context.Context, id int64) (*store.Alert, error) {
	var doc string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT doc FROM alerts WHERE id = ?`), id).Scan(&doc)
	if isNoRows(err) {
		return nil, notFound("alert", fmt.Sprint(id))
	}
	if err != nil {
		return nil, fmt.Errorf("alert %d: %w", id, err)
	}
	a, err := decode[store.Alert](doc)
	if err != nil {
		return nil, err
	}
	a.ID = id
	return a, nil
}

const deliveryColumns = `alert, watchlist, url, status, attempts, next_try, last_code, last_error, updated`

func (s *DB) deliveries(ctx context.Context, query string, args ...any) ([]store.Delivery, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Delivery
	for rows.Next() {
		var d store.Delivery
		if err := rows.Scan(&d.Alert, &d.Watchlist, &d.URL, &d.Status, &d.Attempts, &d.NextTry, &d.LastCode, &d.LastError, &d.Updated); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Deliveries implements store.FollowReader.
func (s *DB) Deliveries(ctx context.Context, watchlist string, limit int) ([]store.Delivery, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	ds, err := s.deliveries(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE watchlist = ? ORDER BY alert DESC LIMIT ?`, watchlist, limit)
	if err != nil {
		return nil, fmt.Errorf("deliveries of %s: %w", watchlist, err)
	}
	return ds, nil
}

// DueDeliveries implements store.FollowReader.
func (s *DB) DueDeliveries(ctx context.Context, now string, limit int) ([]store.Delivery, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	ds, err := s.deliveries(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE status = ? AND next_try <= ? ORDER BY next_try, alert LIMIT ?`, store.DeliveryPending, now, limit)
	if err != nil {
		return nil, fmt.Errorf("due deliveries: %w", err)
	}
	return ds, nil
}

// CopyOf implements store.FollowReader: what PutArticle found.
func (s *DB) CopyOf(ctx context.Context, article string) (string, error) {
	var first string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT copy_of FROM articles WHERE id = ?`), article).Scan(&first)
	if isNoRows(err) {
		return "", notFound("article", article)
	}
	if err != nil {
		return "", fmt.Errorf("copy of %s: %w", article, err)
	}
	return first, nil
}

// PutSource implements store.FollowWriter.
func (t *tx) PutSource(ctx context.Context, src *store.Source) error {
	err := t.exec(ctx, `INSERT INTO sources (id, url, kind, name, interval_s, added) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET url = excluded.url, kind = excluded.kind, name = excluded.name, interval_s = excluded.interval_s`,
		src.ID, src.URL, src.Kind, src.Name, src.Interval, src.Added)
	if err != nil {
		return fmt.Errorf("put source %s: %w", src.ID, err)
	}
	return nil
}

// DeleteSource implements store.FollowWriter.
func (t *tx) DeleteSource(ctx context.Context, id string) error {
	for _, q := range []string{`DELETE FROM fetch_state WHERE source = ?`, `DELETE FROM sources WHERE id = ?`} {
		if err := t.exec(ctx, q, id); err != nil {
			return fmt.Errorf("delete source %s: %w", id, err)
		}
	}
	return nil
}

// PutFetchState implements store.FollowWriter.
func (t *tx) PutFetchState(ctx context.Context, source string, st store.FetchState) error {
	failing := 0
	if st.Failing {
		failing = 1
	}
	err := t.exec(ctx, `INSERT INTO fetch_state (source, etag, last_modified, last_fetch, last_status, last_new, next_poll, items, errors, failures, last_error, failing)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_fetch = excluded.last_fetch,
			last_status = excluded.last_status, last_new = excluded.last_new, next_poll = excluded.next_poll, items = excluded.items,
			errors = excluded.errors, failures = excluded.failures, last_error = excluded.last_error, failing = excluded.failing`,
		source, st.ETag, st.LastModified, st.LastFetch, st.LastStatus, st.LastNew, st.NextPoll, st.Items, st.Errors, st.Failures, st.LastError, failing)
	if err != nil {
		return fmt.Errorf("put fetch state of %s: %w", source, err)
	}
	return nil
}

// PutSeenItems implements store.FollowWriter. The first sighting's time
// stays.
func (t *tx) PutSeenItems(ctx context.Context, items []store.SeenItem) error {
	for _, it := range items {
		err := t.exec(ctx, `INSERT INTO seen_items (key, source, article, fingerprint, attempts, error, seen) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET source = excluded.source, article = excluded.article, fingerprint = excluded.fingerprint,
				attempts = excluded.attempts, error = excluded.error`,
			it.Key, it.Source, it.Article, it.Fingerprint, it.Attempts, it.Error, it.Seen)
		if err != nil {
			return fmt.Errorf("put seen item %s: %w", it.Key, err)
		}
	}
	return nil
}

// Watchlists implements store.FollowWriter.
func (t *tx) Watchlists(ctx context.Context) ([]store.Watchlist, error) {
	return queryWatchlists(t.quiet(ctx), t.tx)
}

// PutWatchlist implements store.FollowWriter.
func (t *tx) PutWatchlist(ctx context.Context, w *store.Watchlist) error {
	doc, err := json.Marshal(watchlistDoc{Entities: w.Entities, Places: w.Places, Keywords: w.Keywords, Outlets: w.Outlets})
	if err != nil {
		return fmt.Errorf("put watchlist %s: %w", w.ID, err)
	}
	err = t.exec(ctx, `INSERT INTO watchlists (id, name, doc, webhook, secret, created) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc, webhook = excluded.webhook, secret = excluded.secret`,
		w.ID, w.Name, string(doc), w.Webhook, w.Secret, w.Created)
	if err != nil {
		return fmt.Errorf("put watchlist %s: %w", w.ID, err)
	}
	return nil
}

// DeleteWatchlist implements store.FollowWriter.
func (t *tx) DeleteWatchlist(ctx context.Context, id string) error {
	for _, q := range []string{`DELETE FROM deliveries WHERE watchlist = ?`, `DELETE FROM alerts WHERE watchlist = ?`,
		`DELETE FROM watched_events WHERE watchlist = ?`, `DELETE FROM watchlists WHERE id = ?`} {
		if err := t.exec(ctx, q, id); err != nil {
			return fmt.Errorf("delete watchlist %s: %w", id, err)
		}
	}
	return nil
}

// WatchedEvent implements store.FollowWriter.
func (t *tx) WatchedEvent(ctx context.Context, watchlist, event string) ([]string, bool, error) {
	st, err := t.stmt(ctx, `SELECT outlets FROM watched_events WHERE watchlist = ? AND event = ?`)
	if err != nil {
		return nil, false, err
	}
	var doc string
	err = st.QueryRowContext(t.quiet(ctx), watchlist, event).Scan(&doc)
	if isNoRows(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("watched event %s %s: %w", watchlist, event, err)
	}
	var outlets []string
	if err := json.Unmarshal([]byte(doc), &outlets); err != nil {
		return nil, false, fmt.Errorf("decode watched event %s %s: %w", watchlist, event, err)
	}
	return outlets, true, nil
}

// PutWatchedEvent implements store.FollowWriter.
func (t *tx) PutWatchedEvent(ctx context.Context, watchlist, event string, outlets []string) error {
	sorted := append([]string{}, outlets...)
	sort.Strings(sorted)
	doc, err := json.Marshal(sorted)
	if err == nil {
		err = t.exec(ctx, `INSERT INTO watched_events (watchlist, event, outlets, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT (watchlist, event) DO UPDATE SET outlets = excluded.outlets, updated = excluded.updated`, watchlist, event, string(doc), now())
	}
	if err != nil {
		return fmt.Errorf("put watched event %s %s: %w", watchlist, event, err)
	}
	return nil
}

// AddAlert implements store.FollowWriter. Ids count up; the write lock
// that every transaction holds keeps two writers from taking the same.
func (t *tx) AddAlert(ctx context.Context, a *store.Alert, url string) error {
	st, err := t.stmt(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM alerts`)
	if err != nil {
		return err
	}
	if err := st.QueryRowContext(t.quiet(ctx)).Scan(&a.ID); err != nil {
		return fmt.Errorf("add alert: %w", err)
	}
	if a.Created == "" {
		a.Created = now()
	}
	a.Outlets, a.Matched = nonNil(a.Outlets), nonNil(a.Matched)
	doc, err := json.Marshal(a)
	if err == nil {
		err = t.exec(ctx, `INSERT INTO alerts (id, watchlist, event, kind, doc, created) VALUES (?, ?, ?, ?, ?, ?)`, a.ID, a.Watchlist, a.Event, a.Kind, string(doc), a.Created)
	}
	if err == nil && url != "" {
		err = t.PutDelivery(ctx, &store.Delivery{Alert: a.ID, Watchlist: a.Watchlist, URL: url, Status: store.DeliveryPending, NextTry: a.Created})
	}
	if err != nil {
		return fmt.Errorf("add alert for %s: %w", a.Watchlist, err)
	}
	return nil
}

// PutDelivery implements store.FollowWriter.
func (t *tx) PutDelivery(ctx context.Context, d *store.Delivery) error {
	d.Updated = now()
	err := t.exec(ctx, `INSERT INTO deliveries (`+deliveryColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (alert) DO UPDATE SET url = excluded.url, status = excluded.status, attempts = excluded.attempts, next_try = excluded.next_try,
			last_code = excluded.last_code, last_error = excluded.last_error, updated = excluded.updated`,
		d.Alert, d.Watchlist, d.URL, d.Status, d.Attempts, d.NextTry, d.LastCode, d.LastError, d.Updated)
	if err != nil {
		return fmt.Errorf("put delivery of alert %d: %w", d.Alert, err)
	}
	return nil
}

// EventOutlets implements store.FollowWriter.
func (t *tx) EventOutlets(ctx context.Context, event string) ([]string, error) {
	out, err := t.strings(ctx, `SELECT DISTINCT outlet FROM articles WHERE event = ? AND outlet != '' ORDER BY outlet`, event)
	if err != nil {
		return nil, fmt.Errorf("outlets of event %s: %w", event, err)
	}
	return out, nil
}

// EventArticleEntities implements store.FollowWriter.
func (t *tx) EventArticleEntities(ctx context.Context, event string) ([]string, error) {
	out, err := t.strings(ctx, `SELECT DISTINCT ae.entity FROM article_entities ae JOIN articles a ON a.id = ae.article WHERE a.event = ? ORDER BY ae.entity`, event)
	if err != nil {
		return nil, fmt.Errorf("entities of event %s: %w", event, err)
	}
	return out, nil
}

// EventMatches implements store.FollowWriter.
func (t *tx) EventMatches(ctx context.Context, event, q string) (bool, error) {
	cond, args, ok := t.s.d.MatchArticles(q)
	if !ok {
		return false, nil
	}
	var n int
	err := t.tx.QueryRowContext(t.quiet(ctx), t.s.q(`SELECT COUNT(*) FROM articles WHERE event = ? AND id IN (`+cond+`)`), append([]any{event}, args...)...).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("match event %s: %w", event, err)
	}
	return n > 0, nil
}
