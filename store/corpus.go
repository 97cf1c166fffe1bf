package store

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline"
)

// WriteCorpus writes a corpus built elsewhere (by the batch pass, or read
// from export files) as it is, in one transaction: its articles with
// their links, entities, events, stories and quotes. It keeps no linking
// state, so the store is marked for one `storyline reanalyze` before
// articles can be linked into it.
func WriteCorpus(ctx context.Context, st Store, c *storyline.Corpus) error {
	quotesOf := map[string][]string{}
	for _, q := range c.Quotes {
		for _, id := range q.Articles {
			quotesOf[id] = append(quotesOf[id], q.ID)
		}
	}
	return st.Update(ctx, func(tx Tx) error {
		for _, a := range c.Articles {
			if _, err := tx.PutArticle(ctx, a, "imported", Raw{Format: "jsonl", Origin: a.ID}, nil); err != nil {
				return err
			}
			if err := tx.SaveLinks(ctx, a); err != nil {
				return err
			}
			var ents []string
			quotes := quotesOf[a.ID]
			for _, m := range a.Entities {
				if m.Entity != "" {
					ents = append(ents, m.Entity)
				}
			}
			for _, q := range a.Quotes {
				if q.Quote != "" {
					quotes = append(quotes, q.Quote)
				}
			}
			if err := tx.SetArticleEntities(ctx, a.ID, a.Published, ents); err != nil {
				return err
			}
			if err := tx.SetArticleQuotes(ctx, a.ID, quotes); err != nil {
				return err
			}
		}
		for _, e := range c.Entities {
			if err := tx.PutEntity(ctx, &EntityRow{Entity: e, N: len(e.Articles)}); err != nil {
				return err
			}
		}
		for _, q := range c.Quotes {
			latest := ""
			for _, a := range c.Articles {
				for _, id := range q.Articles {
					if a.ID == id && a.Published > latest {
						latest = a.Published
					}
				}
			}
			if err := tx.PutQuote(ctx, &QuoteRow{Quote: q, N: len(q.Articles), Latest: latest}); err != nil {
				return err
			}
		}
		dates := map[string]string{}
		for _, e := range c.Events {
			dates[e.ID] = e.Date
			if err := tx.SetEvent(ctx, e.ID, e.Articles); err != nil {
				return err
			}
			if err := tx.PutEvent(ctx, &EventRow{Event: e, Day: NoDay, N: len(e.Articles)}); err != nil {
				return err
			}
		}
		for _, s := range c.Stories {
			first, last := "", ""
			for _, id := range s.Events {
				if d := dates[id]; d != "" {
					if first == "" || d < first {
						first = d
					}
					last = max(last, d)
				}
			}
			if err := tx.PutStory(ctx, &StoryRow{Story: s, First: first, Last: last, N: len(s.Events)}); err != nil {
				return err
			}
		}
		if err := tx.SetMeta(ctx, "relink", "1"); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
		return nil
	})
}
