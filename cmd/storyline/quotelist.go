package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/store"
)

// The quote listing reads the store, which the quote package must not
// import: it lives with the command that prints it.

// quoteSource is one article that carries a quote.
type quoteSource struct {
	Article   string `json:"article"`
	Outlet    string `json:"outlet"` // the article id when the outlet is unknown
	Published string `json:"published"`
}

// carriedQuote is a quote with what carries it, as "storyline quotes" lists it.
type carriedQuote struct {
	storyline.Quote
	Latest  string        `json:"latest"` // newest publication date among its articles
	Direct  bool          `json:"direct"` // some article quotes the words; else reported speech only
	Sources []quoteSource `json:"sources"`
}

// quotesBySpeaker lists what the speaker named name said, newest first, each
// quote with the outlets that carry it. The name is looked up among the
// store's entities (any alias, case-insensitive), then with transliteration
// folded (Riabkov finds Ryabkov); quotes whose speaker was never resolved
// to an entity count when their speaker name matches.
func quotesBySpeaker(ctx context.Context, st store.Store, name string, limit int) ([]carriedQuote, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("quotes: empty speaker name")
	}
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	ids, err := speakerEntities(ctx, st, name)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var qs []storyline.Quote
	for _, id := range ids {
		got, err := st.Quotes(ctx, store.Query{Entity: id, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("quotes: quotes of %s: %w", id, err)
		}
		for _, q := range got {
			if !seen[q.ID] {
				seen[q.ID] = true
				qs = append(qs, q)
			}
		}
	}
	// Unresolved speakers: the store's text match, then the name check.
	last := name
	if f := strings.Fields(name); len(f) > 0 {
		last = f[len(f)-1]
	}
	got, err := st.Quotes(ctx, store.Query{Q: last, Limit: limit * 4})
	if err != nil {
		return nil, fmt.Errorf("quotes: quotes naming %q: %w", name, err)
	}
	for _, q := range got {
		if q.Speaker == "" && q.SpeakerName != "" && !seen[q.ID] && quote.SpeakerNamed(q.SpeakerName, name) {
			seen[q.ID] = true
			qs = append(qs, q)
		}
	}
	arts := map[string]*storyline.Article{}
	out := make([]carriedQuote, 0, len(qs))
	for _, q := range qs {
		c := carriedQuote{Quote: q}
		for _, id := range q.Articles {
			a, ok := arts[id]
			if !ok {
				a, err = st.Article(ctx, id)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return nil, fmt.Errorf("quotes: article %s: %w", id, err)
				}
				arts[id] = a
			}
			src := quoteSource{Article: id, Outlet: id}
			if a != nil {
				src.Published = a.Published
				if a.Outlet != "" {
					src.Outlet = a.Outlet
				}
				for _, m := range a.Quotes {
					c.Direct = c.Direct || m.Quote == q.ID && m.Direct
				}
			}
			c.Sources = append(c.Sources, src)
			c.Latest = max(c.Latest, src.Published)
		}
		sort.SliceStable(c.Sources, func(i, j int) bool {
			if c.Sources[i].Published != c.Sources[j].Published {
				return c.Sources[i].Published > c.Sources[j].Published
			}
			return c.Sources[i].Article < c.Sources[j].Article
		})
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Latest != out[j].Latest {
			return out[i].Latest > out[j].Latest
		}
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// speakerEntities finds the ids of the entities a name designates: the
// store's own name search first; when it finds nothing, every entity whose
// name or alias matches with transliteration folded.
func speakerEntities(ctx context.Context, st store.Store, name string) ([]string, error) {
	es, err := st.Entities(ctx, store.Query{Q: name, Limit: 20})
	if err != nil {
		return nil, fmt.Errorf("quotes: entities named %q: %w", name, err)
	}
	var ids []string
	for _, e := range es {
		if quote.EntityNamed(e, name) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) > 0 {
		return ids, nil
	}
	for off := 0; ; off += 500 {
		page, err := st.Entities(ctx, store.Query{Limit: 500, Offset: off})
		if err != nil {
			return nil, fmt.Errorf("quotes: entities: %w", err)
		}
		for _, e := range page {
			if quote.EntityNamed(e, name) {
				ids = append(ids, e.ID)
			}
		}
		if len(page) < 500 {
			return ids, nil
		}
	}
}
