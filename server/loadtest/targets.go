// Package loadtest measures the server under load: Build fills a store
// through the real ingest with generated news (sample.News), Sample draws
// the ids and words requests use from the store, and Run sends a steady
// rate of mixed API and page reads to a server on this machine, with
// uploads of new articles beside them, reporting latency percentiles,
// errors, and how soon an upload shows in its event.
package loadtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/store"
)

// Targets are the ids and words requests are made of, drawn from a store.
type Targets struct {
	Articles, Events, Stories []string
	People                    []string // entity ids
	Names                     []string // their surnames, as people search
	Words                     []string // content words of headlines
}

// Sample draws targets from st: articles, events and stories from pages
// at random offsets, the most reported people, and headline words.
func Sample(ctx context.Context, st store.Store, seed uint64) (Targets, error) {
	var tg Targets
	r := rand.New(rand.NewPCG(seed, 0x7a7))
	n, err := st.CountArticles(ctx)
	if err != nil {
		return tg, fmt.Errorf("loadtest: %w", err)
	}
	if n == 0 {
		return tg, fmt.Errorf("loadtest: the store is empty")
	}
	words := map[string]bool{}
	for range 5 {
		arts, err := st.Articles(ctx, store.Query{Limit: 100, Offset: r.IntN(max(1, n-100))})
		if err != nil {
			return tg, fmt.Errorf("loadtest: %w", err)
		}
		for _, a := range arts {
			tg.Articles = append(tg.Articles, a.ID)
			for _, w := range strings.FieldsFunc(a.Title, func(c rune) bool { return !unicode.IsLetter(c) }) {
				if len(w) >= 5 && unicode.IsLower([]rune(w)[0]) {
					words[w] = true
				}
			}
		}
	}
	for w := range words {
		tg.Words = append(tg.Words, w)
	}
	sort.Strings(tg.Words)
	for _, off := range []int{0, 200, 1000} {
		evs, err := st.Events(ctx, store.Query{Limit: 100, Offset: off})
		if err != nil {
			return tg, fmt.Errorf("loadtest: %w", err)
		}
		for _, e := range evs {
			tg.Events = append(tg.Events, e.ID)
		}
		sts, err := st.Stories(ctx, store.Query{Limit: 100, Offset: off / 4})
		if err != nil {
			return tg, fmt.Errorf("loadtest: %w", err)
		}
		for _, s := range sts {
			tg.Stories = append(tg.Stories, s.ID)
		}
	}
	ents, err := st.Entities(ctx, store.Query{Limit: 300})
	if err != nil {
		return tg, fmt.Errorf("loadtest: %w", err)
	}
	for _, e := range ents {
		if e.Type != "PERSON" {
			continue
		}
		tg.People = append(tg.People, e.ID)
		if f := strings.Fields(e.Name); len(f) > 0 {
			tg.Names = append(tg.Names, f[len(f)-1])
		}
	}
	if len(tg.Events) == 0 || len(tg.Stories) == 0 || len(tg.People) == 0 || len(tg.Words) == 0 {
		return tg, fmt.Errorf("loadtest: the store has no events, stories, people or headlines to ask for")
	}
	return tg, nil
}

// target is one kind of request and how often it is sent.
type target struct {
	kind   string
	weight int
	path   func(r *rand.Rand) string
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// mix is the requests: about half API calls, half pages.
func (tg Targets) mix() []target {
	a := func(r *rand.Rand) string { return url.PathEscape(pick(r, tg.Articles)) }
	ev := func(r *rand.Rand) string { return url.PathEscape(pick(r, tg.Events)) }
	st := func(r *rand.Rand) string { return url.PathEscape(pick(r, tg.Stories)) }
	person := func(r *rand.Rand) string { return url.QueryEscape(pick(r, tg.People)) }
	query := func(r *rand.Rand) string {
		if r.IntN(4) == 0 {
			return url.QueryEscape(pick(r, tg.Names))
		}
		return url.QueryEscape(pick(r, tg.Words))
	}
	return []target{
		{"api articles", 8, func(r *rand.Rand) string { return fmt.Sprintf("/api/articles?limit=20&offset=%d", r.IntN(10)*20) }},
		{"api article", 8, func(r *rand.Rand) string { return "/api/articles/" + a(r) }},
		{"api events", 5, func(r *rand.Rand) string { return "/api/events?limit=20&entity=" + person(r) }},
		{"api event", 5, func(r *rand.Rand) string { return "/api/events/" + ev(r) }},
		{"api stories", 4, func(r *rand.Rand) string { return "/api/stories?limit=20" }},
		{"api story", 4, func(r *rand.Rand) string { return "/api/stories/" + st(r) }},
		{"api entities", 5, func(r *rand.Rand) string { return "/api/entities?q=" + url.QueryEscape(pick(r, tg.Names)) }},
		{"api quotes", 3, func(r *rand.Rand) string { return "/api/quotes?limit=20&entity=" + person(r) }},
		{"api search", 8, func(r *rand.Rand) string { return "/api/search?q=" + query(r) }},
		{"page home", 8, func(r *rand.Rand) string { return "/" }},
		{"page story", 8, func(r *rand.Rand) string { return "/stories/" + st(r) }},
		{"page event", 8, func(r *rand.Rand) string { return "/events/" + ev(r) }},
		{"page entity", 6, func(r *rand.Rand) string { return "/entities/" + url.PathEscape(pick(r, tg.People)) }},
		{"page article", 6, func(r *rand.Rand) string { return "/articles/" + a(r) }},
		{"page search", 8, func(r *rand.Rand) string { return "/search?q=" + query(r) }},
	}
}
