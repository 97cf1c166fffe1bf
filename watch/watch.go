// Package watch tells people when something they watch happens. A
// watchlist (store.Watchlist) is a saved query: entity names in any
// spelling, places, keywords, outlets, or a combination. Every settling
// step of the linker leaves the events it changed as pending work
// (link.PendingChanged); Pass takes them off, matches them against every
// watchlist and files an alert, once, when a new event matches or a
// watched event gains articles from outlets it did not have, in the same
// transaction. Alerts are read as an Atom feed per watchlist (WriteAtom),
// on the server's pages, and are posted to the watchlist's webhook,
// signed, by a Deliverer.
//
// Matching: a watchlist matches an event when every kind of criterion it
// has is met by one of its values. An entity name is met by an entity
// that any of the event's articles names, when the name is one of the
// entity's spellings or entity.Match takes it for the entity (as
// /api/entities?q= does past its alias lookup: "Ilsa Varga" finds "Ilsa
// Warga"); a place by the event's place or a place entity of its
// articles, the same way; a keyword by the event's title and summary
// holding its every word, or by one of its articles matching it as
// full-text search does; an outlet by one of its articles' outlets.
package watch

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/store"
)

// batchSize is how many changed events one transaction of Pass takes.
const batchSize = 256

// Pass takes every changed event off the pending queue named queue (the
// linker's link.PendingChanged: this package leaves the linker out of
// what the server links in), matching them against the watchlists, and
// returns how many alerts it filed. It runs even when there is no
// watchlist, so that the queue does not grow.
func Pass(ctx context.Context, st store.Store, queue string) (int, error) {
	total := 0
	for {
		n, more, err := step(ctx, st, queue)
		total += n
		if err != nil {
			return total, fmt.Errorf("watch: %w", err)
		}
		if !more {
			return total, nil
		}
	}
}

// Hook is Pass in the form pipeline.Pipeline.AfterSettle takes.
func Hook(st store.Store, queue string) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := Pass(ctx, st, queue)
		return err
	}
}

func step(ctx context.Context, st store.Store, queue string) (alerts int, more bool, err error) {
	err = st.Update(ctx, func(tx store.Tx) error {
		alerts, more = 0, false
		ids, err := tx.Pending(ctx, queue, batchSize)
		if err != nil || len(ids) == 0 {
			return err
		}
		more = len(ids) == batchSize
		wls, err := tx.Watchlists(ctx)
		if err != nil {
			return err
		}
		if len(wls) > 0 {
			if alerts, err = alertOn(ctx, tx, wls, ids); err != nil {
				return err
			}
		}
		return tx.DonePending(ctx, queue, ids)
	})
	return alerts, more, err
}

// alertOn matches changed events against the watchlists and files the
// alerts they call for.
func alertOn(ctx context.Context, tx store.Tx, wls []store.Watchlist, ids []string) (int, error) {
	cur, err := tx.Current(ctx, store.KindEvent, ids)
	if err != nil {
		return 0, err
	}
	var live []string
	for _, id := range ids {
		if to := cur[id]; to != "" && !slices.Contains(live, to) {
			live = append(live, to)
		}
	}
	rows, err := tx.EventRows(ctx, live)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range live {
		row, ok := rows[id]
		if !ok {
			continue // deleted since
		}
		ev := &facts{ctx: ctx, tx: tx, row: row, keyword: map[string]bool{}}
		for _, wl := range wls {
			why, err := ev.match(wl)
			if err != nil {
				return n, err
			}
			if why == nil {
				continue
			}
			filed, err := ev.alert(wl, why)
			if err != nil {
				return n, err
			}
			if filed {
				n++
			}
		}
	}
	return n, nil
}

// facts is what matching needs of one event, read when first asked for.
type facts struct {
	ctx     context.Context
	tx      store.Tx
	row     *store.EventRow
	outlets []string
	ents    []*store.EntityRow
	loaded  struct{ outlets, ents bool }
	keyword map[string]bool
}

func (f *facts) getOutlets() ([]string, error) {
	if !f.loaded.outlets {
		out, err := f.tx.EventOutlets(f.ctx, f.row.ID)
		if err != nil {
			return nil, err
		}
		f.outlets, f.loaded.outlets = out, true
	}
	return f.outlets, nil
}

func (f *facts) entities() ([]*store.EntityRow, error) {
	if f.loaded.ents {
		return f.ents, nil
	}
	ids, err := f.tx.EventArticleEntities(f.ctx, f.row.ID)
	if err != nil {
		return nil, err
	}
	cur, err := f.tx.Current(f.ctx, store.KindEntity, ids)
	if err != nil {
		return nil, err
	}
	var live []string
	for _, id := range ids {
		live = append(live, cur[id])
	}
	rows, err := f.tx.EntityRows(f.ctx, live)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f.ents = append(f.ents, rows[k])
	}
	f.loaded.ents = true
	return f.ents, nil
}

// match says why a watchlist matches the event (nil: it does not).
func (f *facts) match(wl store.Watchlist) ([]string, error) {
	if len(wl.Entities)+len(wl.Places)+len(wl.Keywords)+len(wl.Outlets) == 0 {
		return nil, nil
	}
	var why []string
	for _, kind := range []struct {
		name   string
		values []string
		test   func(string) (string, bool, error)
	}{
		{"entity", wl.Entities, f.entityNamed},
		{"place", wl.Places, f.place},
		{"keyword", wl.Keywords, f.hasKeyword},
		{"outlet", wl.Outlets, f.outlet},
	} {
		if len(kind.values) == 0 {
			continue
		}
		met := false
		for _, v := range kind.values {
			what, ok, err := kind.test(v)
			if err != nil {
				return nil, err
			}
			if ok {
				why = append(why, kind.name+": "+what)
				met = true
				break
			}
		}
		if !met {
			return nil, nil
		}
	}
	return why, nil
}

// entityNamed finds an entity of the event's articles that the name
// names; what is the entity's own name.
func (f *facts) entityNamed(name string) (string, bool, error) {
	ents, err := f.entities()
	if err != nil {
		return "", false, err
	}
	for _, e := range ents {
		if SameName(e.Entity, name) {
			return e.Name, true, nil
		}
	}
	return "", false, nil
}

func (f *facts) place(name string) (string, bool, error) {
	if fold(f.row.Place) != "" && fold(f.row.Place) == fold(name) {
		return f.row.Place, true, nil
	}
	ents, err := f.entities()
	if err != nil {
		return "", false, err
	}
	for _, e := range ents {
		if e.Type == storyline.Place && SameName(e.Entity, name) {
			return e.Name, true, nil
		}
	}
	return "", false, nil
}

func (f *facts) hasKeyword(q string) (string, bool, error) {
	if ok, done := f.keyword[q]; done {
		return q, ok, nil
	}
	ok := containsWords(f.row.Title+" "+f.row.Summary, q)
	if !ok {
		var err error
		if ok, err = f.tx.EventMatches(f.ctx, f.row.ID, q); err != nil {
			return "", false, err
		}
	}
	f.keyword[q] = ok
	return q, ok, nil
}

func (f *facts) outlet(name string) (string, bool, error) {
	outlets, err := f.getOutlets()
	if err != nil {
		return "", false, err
	}
	for _, o := range outlets {
		if fold(o) == fold(name) {
			return o, true, nil
		}
	}
	return "", false, nil
}

// alert files an alert for a matching event unless the watchlist knows
// it already with all its outlets.
func (f *facts) alert(wl store.Watchlist, why []string) (bool, error) {
	outlets, err := f.getOutlets()
	if err != nil {
		return false, err
	}
	known, watched, err := f.tx.WatchedEvent(f.ctx, wl.ID, f.row.ID)
	if err != nil {
		return false, err
	}
	a := &store.Alert{Watchlist: wl.ID, Event: f.row.ID, Kind: store.AlertNew, Title: f.row.Title, Date: f.row.Date,
		Place: f.row.Place, Summary: f.row.Summary, Outlets: outlets, Matched: why}
	if watched {
		var fresh []string
		for _, o := range outlets {
			if !slices.Contains(known, o) {
				fresh = append(fresh, o)
			}
		}
		if len(fresh) == 0 {
			return false, nil
		}
		a.Kind, a.Outlets = store.AlertOutlets, fresh
	}
	all := append(slices.Clone(known), a.Outlets...)
	if err := f.tx.PutWatchedEvent(f.ctx, wl.ID, f.row.ID, all); err != nil {
		return false, err
	}
	return true, f.tx.AddAlert(f.ctx, a, wl.Webhook)
}

// SameName tells whether a name names an entity: one of its spellings,
// or a form entity.Match takes for it.
func SameName(e storyline.Entity, name string) bool {
	q := fold(name)
	if q == "" {
		return false
	}
	for _, form := range append([]string{e.Name}, e.Aliases...) {
		if fold(form) == q {
			return true
		}
	}
	return entity.Match(e, name)
}

// fold is a name or word list for comparing: lowercase, words separated
// by single spaces, punctuation gone.
func fold(s string) string {
	return strings.Join(words(s), " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// containsWords tells whether text holds every word of q.
func containsWords(text, q string) bool {
	qw := words(q)
	if len(qw) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[w] = true
	}
	for _, w := range qw {
		if !have[w] {
			return false
		}
	}
	return true
}
