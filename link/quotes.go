package link

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/store"
)

// A quote carried by several outlets is carried by the reports of one
// happening: a new quote mention is compared with the quotes its event's
// articles carry (the eventQuoteArticles most recent of them), and with
// those this batch linked, by quote.Same. Bounding the comparison by the
// event keeps it to a few dozen quotes whatever the store's size; the
// same words said again at another happening are another quote.
const eventQuoteArticles = 64

type quoteRow struct {
	row     *store.QuoteRow
	profile *quote.Profile
	dirty   bool // to write at the end of the batch
}

func (b *batch) quoteRows(ids []string) (map[string]*quoteRow, error) {
	rows, err := b.tx.QuoteRows(b.ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*quoteRow, len(rows))
	for id, r := range rows {
		qr := &quoteRow{row: r}
		if err := json.Unmarshal(r.State, &qr.profile); err != nil || qr.profile == nil {
			return nil, fmt.Errorf("quote %s: damaged state", id)
		}
		out[id] = qr
	}
	return out, nil
}

// eventQuotes are the quotes one event's articles carry, filed by their
// trigrams so that a new mention is compared only with those that share
// some of its wording (and with those too short to be filed).
type eventQuotes struct {
	byGram map[string][]*quoteRow
	short  []*quoteRow
}

func (q *eventQuotes) add(r *quoteRow) {
	grams := r.profile.Trigrams()
	if grams == nil {
		q.short = append(q.short, r)
		return
	}
	for g := range grams {
		q.byGram[g] = append(q.byGram[g], r)
	}
}

// candidates are the quotes that may carry the same words as p, in a
// fixed order.
func (q *eventQuotes) candidates(p *quote.Profile) []*quoteRow {
	grams := p.Trigrams()
	seen := map[*quoteRow]bool{}
	var out []*quoteRow
	pick := func(rs []*quoteRow) {
		for _, r := range rs {
			if !seen[r] && r.row.N >= 0 {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	pick(q.short)
	if grams == nil {
		// A short wording may lie inside any of the event's quotes.
		for _, rs := range q.byGram {
			pick(rs)
		}
	} else {
		for g := range grams {
			pick(q.byGram[g])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].row.ID < out[j].row.ID })
	return out
}

// linkQuotes sets the speakers of the batch's quotes and links each to the
// quote of its event that carries the same words, or to a new one.
// Articles are taken oldest first, as Merge takes them, so that among
// equal wordings the earliest stands for the quote. Each quote touched is
// written once, at the end.
func (b *batch) linkQuotes() error {
	arts := append([]*storyline.Article(nil), b.arts...)
	sort.SliceStable(arts, func(i, j int) bool { return earlier(arts[i], arts[j]) })
	byEvent := map[string]*eventQuotes{}
	var touched []*quoteRow
	// The ids a new quote would take are asked for all at once: one
	// statement for the batch instead of one a new quote. Linking quotes
	// retires quotes (Move) but deletes none, and takes ids only through
	// newID, so what the answer says of the rest holds until the end.
	var bases []string
	for _, a := range arts {
		quote.SetSpeakers(a, b.speakerElsewhere)
		for _, q := range a.Quotes {
			bases = append(bases, quote.ID(q.Text, q.Speaker, q.SpeakerName))
		}
	}
	if err := b.knowTaken(store.KindQuote, bases); err != nil {
		return err
	}
	for _, a := range arts {
		if len(a.Quotes) == 0 {
			continue
		}
		eq := byEvent[a.Event]
		if eq == nil {
			eq = &eventQuotes{byGram: map[string][]*quoteRow{}}
			byEvent[a.Event] = eq
			ids, err := b.tx.EventQuotes(b.ctx, a.Event, eventQuoteArticles)
			if err != nil {
				return err
			}
			rows, err := b.quoteRows(ids)
			if err != nil {
				return err
			}
			for _, id := range sortedKeys(rows) {
				eq.add(rows[id])
			}
		}
		for i := range a.Quotes {
			r, isNew, err := b.linkQuote(a, &a.Quotes[i], eq)
			if err != nil {
				return err
			}
			if r == nil {
				continue
			}
			if isNew {
				eq.add(r)
			}
			if !r.dirty {
				r.dirty = true
				touched = append(touched, r)
			}
		}
		if err := b.tx.SetArticleQuotes(b.ctx, a.ID, articleQuotes(a)); err != nil {
			return err
		}
	}
	for _, r := range touched {
		if r.row.N < 0 {
			continue // merged into another
		}
		data, err := json.Marshal(r.profile)
		if err != nil {
			return err
		}
		r.row.State = data
		if err := b.tx.PutQuote(b.ctx, r.row); err != nil {
			return err
		}
	}
	return nil
}

// linkQuote links one mention to the first candidate that carries the
// same quote (merging any further ones into it), or to a new quote.
func (b *batch) linkQuote(a *storyline.Article, q *storyline.QuoteMention, eq *eventQuotes) (r *quoteRow, isNew bool, err error) {
	prof, ok := quote.ProfileOf(q)
	if !ok {
		return nil, false, nil
	}
	var matches []*quoteRow
	for _, c := range eq.candidates(prof) {
		if quote.Same(q.Speaker, prof, c.row.Speaker, c.profile) {
			matches = append(matches, c)
		}
	}
	if len(matches) == 0 {
		id, err := b.newID(store.KindQuote, quote.ID(q.Text, q.Speaker, q.SpeakerName))
		if err != nil {
			return nil, false, err
		}
		r = &quoteRow{row: &store.QuoteRow{Quote: storyline.Quote{ID: id, Speaker: q.Speaker, SpeakerName: q.SpeakerName, Text: q.Text}}, profile: prof}
		isNew = true
	} else {
		// Stored quotes that this wording shows to be one merge into the
		// first.
		r = matches[0]
		for _, m := range matches[1:] {
			if err := b.tx.Move(b.ctx, store.KindQuote, m.row.ID, r.row.ID); err != nil {
				return nil, false, err
			}
			r.row.N += m.row.N // an article carrying both counts twice: N orders, it does not count exactly
			m.row.N = -1       // retired: no longer a candidate
		}
		if quote.Fuller(prof, r.profile) {
			r.row.Text, r.profile = q.Text, prof
			isNew = true // filed again under its new wording
		}
		if r.row.Speaker == "" && q.Speaker != "" {
			r.row.Speaker, r.row.SpeakerName = q.Speaker, q.SpeakerName
		}
		if r.row.SpeakerName == "" {
			r.row.SpeakerName = q.SpeakerName
		}
	}
	if a.Published > r.row.Latest {
		r.row.Latest = a.Published
	}
	if !slices.Contains(articleQuotes(a), r.row.ID) {
		r.row.N++ // the article's first mention of this quote
	}
	q.Quote = r.row.ID
	return r, isNew, nil
}

// unlinkQuotes takes a changed article out of the quotes it carried; a
// quote no article carries any more goes.
func (b *batch) unlinkQuotes(old *storyline.Article) error {
	ids := articleQuotes(old)
	cur, err := b.tx.Current(b.ctx, store.KindQuote, ids)
	if err != nil {
		return err
	}
	if err := b.tx.SetArticleQuotes(b.ctx, old.ID, nil); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		c := cur[id]
		if seen[c] {
			continue
		}
		seen[c] = true
		rows, err := b.quoteRows([]string{c})
		if err != nil {
			return err
		}
		r, ok := rows[c]
		if !ok {
			continue
		}
		if r.row.N--; r.row.N <= 0 {
			if err := b.tx.Move(b.ctx, store.KindQuote, c, ""); err != nil {
				return err
			}
			continue
		}
		if err := b.tx.PutQuote(b.ctx, r.row); err != nil {
			return err
		}
	}
	return nil
}

// earlier orders articles by publication date (unknown last), then id.
func earlier(a, b *storyline.Article) bool {
	pa, pb := a.Published, b.Published
	if (pa == "") != (pb == "") {
		return pa != ""
	}
	if pa != pb {
		return pa < pb
	}
	return a.ID < b.ID
}
