package link

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/store"
)

// quoteCandidates bounds the stored quotes one trigram brings in.
const quoteCandidates = 50

type quoteRow struct {
	row     *store.QuoteRow
	profile *quote.Profile
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

// linkQuotes sets the speakers of the batch's quotes and links each to the
// stored quote that carries the same words, or to a new one. Articles are
// taken oldest first, as Merge takes them, so that among equal wordings
// the earliest stands for the quote.
func (b *batch) linkQuotes() error {
	arts := append([]*storyline.Article(nil), b.arts...)
	sort.SliceStable(arts, func(i, j int) bool { return earlier(arts[i], arts[j]) })
	for _, a := range arts {
		quote.SetSpeakers(a, b.speakerElsewhere)
		for i := range a.Quotes {
			if err := b.linkQuote(a, &a.Quotes[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *batch) linkQuote(a *storyline.Article, q *storyline.QuoteMention) error {
	prof, ok := quote.ProfileOf(q)
	if !ok {
		return nil
	}
	keys := prof.Keys()
	ps, err := b.tx.Postings(b.ctx, store.IndexQuoteKeys, keys, minRank, maxRank, quoteCandidates)
	if err != nil {
		return err
	}
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	rows, err := b.quoteRows(ids)
	if err != nil {
		return err
	}
	var matches []string
	for _, id := range sortedKeys(rows) {
		r := rows[id]
		if quote.Same(q.Speaker, prof, r.row.Speaker, r.profile) {
			matches = append(matches, id)
		}
	}
	var r *quoteRow
	if len(matches) == 0 {
		id, err := b.newID(store.KindQuote, quote.ID(q.Text, q.Speaker, q.SpeakerName))
		if err != nil {
			return err
		}
		r = &quoteRow{row: &store.QuoteRow{Quote: storyline.Quote{ID: id, Speaker: q.Speaker, SpeakerName: q.SpeakerName, Text: q.Text}}, profile: prof}
	} else {
		// Several stored quotes that this wording shows to be one merge
		// into the first.
		r = rows[matches[0]]
		for _, id := range matches[1:] {
			if err := b.tx.Move(b.ctx, store.KindQuote, id, r.row.ID); err != nil {
				return err
			}
		}
		if quote.Fuller(prof, r.profile) {
			r.row.Text, r.profile = q.Text, prof
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
	data, err := json.Marshal(r.profile)
	if err != nil {
		return err
	}
	r.row.State = data
	q.Quote = r.row.ID
	// The carrying article is linked before the row is written, so that
	// the row's count includes it.
	if err := b.tx.SetArticleQuotes(b.ctx, a.ID, articleQuotes(a)); err != nil {
		return err
	}
	if err := b.tx.PutQuote(b.ctx, r.row); err != nil {
		return err
	}
	posts := make([]store.Posting, len(keys))
	for i, k := range keys {
		posts[i] = store.Posting{Key: k, ID: r.row.ID}
	}
	return b.tx.AddPostings(b.ctx, store.IndexQuoteKeys, posts)
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
		arts, err := b.tx.QuoteArticles(b.ctx, c)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			if err := b.tx.Move(b.ctx, store.KindQuote, c, ""); err != nil {
				return err
			}
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
