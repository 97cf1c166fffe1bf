package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// route is one served endpoint. API routes carry the description the
// OpenAPI document is built from, so that the document cannot miss a route.
type route struct {
	method  string
	pattern string
	handler http.Handler
	doc     *opDoc // nil: not part of the API (pages, assets)
}

func (s *Server) routeTable() []route {
	list := []param{pEntity, pOutlet, pFrom, pTo, pLimit, pOffset}
	withQ := func(desc string, ps ...param) []param {
		return append([]param{{Name: "q", Desc: desc}}, ps...)
	}
	return []route{
		// Pages.
		{"GET", "/{$}", s.cached(s.homePage), nil},
		{"GET", "/stories/{id}", http.HandlerFunc(s.storyPage), nil},
		{"GET", "/events/{id}", http.HandlerFunc(s.eventPage), nil},
		{"GET", "/entities", http.HandlerFunc(s.entitiesPage), nil},
		{"GET", "/entities/{id}", http.HandlerFunc(s.entityPage), nil},
		{"GET", "/articles/{id}", http.HandlerFunc(s.articlePage), nil},
		{"GET", "/search", s.cached(s.searchPage), nil},
		{"GET", "/static/", staticHandler(), nil},
		{"GET", "/sources", http.HandlerFunc(s.sourcesPage), nil},
		{"POST", "/sources", http.HandlerFunc(s.postSourcePage), nil},
		{"POST", "/sources/{id}/delete", http.HandlerFunc(s.deleteSourcePage), nil},
		{"GET", "/watchlists", http.HandlerFunc(s.watchlistsPage), nil},
		{"POST", "/watchlists", http.HandlerFunc(s.postWatchlistPage), nil},
		{"GET", "/watchlists/{id}", http.HandlerFunc(s.watchlistPage), nil},
		{"POST", "/watchlists/{id}/delete", http.HandlerFunc(s.deleteWatchlistPage), nil},
		{"GET", "/watchlists/{id}/feed.atom", http.HandlerFunc(s.watchlistFeed), &opDoc{
			ID: "watchlistFeed", Summary: "A watchlist's alerts, newest first, as an Atom feed.", Schema: "atom"}},

		// Operations.
		{"GET", "/healthz", http.HandlerFunc(s.healthz), &opDoc{
			ID: "healthz", Summary: "Liveness: 200 when the store answers, with its article count.", Schema: "Health"}},
		{"GET", "/metrics", promhttp.HandlerFor(s.opts.Registry, promhttp.HandlerOpts{Registry: s.opts.Registry}), &opDoc{
			ID: "metrics", Summary: "Prometheus metrics (text exposition format).", Schema: "text"}},

		// API.
		{"GET", "/api/openapi.json", http.HandlerFunc(s.openAPI), &opDoc{
			ID: "openapi", Summary: "This OpenAPI 3 document.", Schema: "object"}},
		{"GET", "/api/articles", http.HandlerFunc(s.apiArticles), &opDoc{
			ID: "listArticles", Summary: "Articles, newest first, as summaries: every field of an article but its text and what analysis found in it (paragraphs, entities, timexes, quotes), which getArticle gives, and instead an excerpt, the text's first 200 characters.", Params: withQ("full-text words the article must contain", list...), Schema: "ArticleSummary", List: true}},
		{"POST", "/api/articles", http.HandlerFunc(s.apiPostArticles), &opDoc{
			ID: "ingestArticles", Summary: "Ingest one article (application/json) or JSON Lines (application/x-ndjson, application/jsonl). Requires the bearer token.", Schema: "IngestSummary", Post: true}},
		{"GET", "/api/articles/{id}", http.HandlerFunc(s.apiArticleDetail), &opDoc{
			ID: "getArticle", Summary: "One article with its entities, time expressions and quotes, and the article it is a syndicated copy of (copy_of: the first stored with the same text).", Schema: "ArticleDetail"}},
		{"GET", "/api/events", http.HandlerFunc(s.apiEvents), &opDoc{
			ID: "listEvents", Summary: "Events, newest first.", Params: withQ("full-text words one of the event's articles contains", list...), Schema: "Event", List: true}},
		{"GET", "/api/events/{id}", http.HandlerFunc(s.apiEvent), &opDoc{
			ID: "getEvent", Summary: "One event.", Schema: "Event"}},
		{"GET", "/api/stories", s.cached(s.apiStories), &opDoc{
			ID: "listStories", Summary: "Stories, most recently active first; filters apply to their events. expand=events embeds the events.", Params: withQ("full-text words one of the story's articles contains", append(list, pExpand)...), Schema: "Story", List: true}},
		{"GET", "/api/stories/{id}", http.HandlerFunc(s.apiStory), &opDoc{
			ID: "getStory", Summary: "One story with its events embedded (event_details).", Schema: "Story"}},
		{"GET", "/api/entities", http.HandlerFunc(s.apiEntities), &opDoc{
			ID: "listEntities", Summary: "Entities, most reported first.", Params: withQ("a name or alias (any spelling)", list...), Schema: "Entity", List: true}},
		{"GET", "/api/entities/{id}", http.HandlerFunc(s.apiEntity), &opDoc{
			ID: "getEntity", Summary: "One entity.", Schema: "Entity"}},
		{"GET", "/api/quotes", http.HandlerFunc(s.apiQuotes), &opDoc{
			ID: "listQuotes", Summary: "Quotes, newest first; entity filters by speaker.", Params: withQ("words the quote contains", list...), Schema: "Quote", List: true}},
		{"GET", "/api/quotes/{id}", http.HandlerFunc(s.apiQuote), &opDoc{
			ID: "getQuote", Summary: "One quote with the articles that carry it.", Schema: "Quote"}},
		{"GET", "/api/sources", http.HandlerFunc(s.apiSources), &opDoc{
			ID: "listSources", Summary: "Sources followed (feeds, sitemaps, pages), with where following each stands.", Params: []param{pLimit, pOffset}, Schema: "Source", List: true}},
		{"POST", "/api/sources", http.HandlerFunc(s.apiPostSource), &opDoc{
			ID: "addSource", Summary: "Follow a source (or change one's settings). Requires the bearer token.", Schema: "Source", Body: "SourceSpec"}},
		{"DELETE", "/api/sources/{id}", http.HandlerFunc(s.apiDeleteSource), &opDoc{
			ID: "removeSource", Summary: "Stop following a source. Requires the bearer token.", Auth: true}},
		{"GET", "/api/watchlists", http.HandlerFunc(s.apiWatchlists), &opDoc{
			ID: "listWatchlists", Summary: "Watchlists.", Params: []param{pLimit, pOffset}, Schema: "Watchlist", List: true}},
		{"POST", "/api/watchlists", http.HandlerFunc(s.apiPostWatchlist), &opDoc{
			ID: "addWatchlist", Summary: "Save a watchlist: entities (any spelling), places, keywords, outlets, and a webhook signed with the secret. Requires the bearer token.", Schema: "Watchlist", Body: "WatchlistSpec"}},
		{"GET", "/api/watchlists/{id}", http.HandlerFunc(s.apiWatchlist), &opDoc{
			ID: "getWatchlist", Summary: "One watchlist (its secret is never shown).", Schema: "Watchlist"}},
		{"DELETE", "/api/watchlists/{id}", http.HandlerFunc(s.apiDeleteWatchlist), &opDoc{
			ID: "removeWatchlist", Summary: "Delete a watchlist with its alerts. Requires the bearer token.", Auth: true}},
		{"GET", "/api/watchlists/{id}/alerts", http.HandlerFunc(s.apiAlerts), &opDoc{
			ID: "listAlerts", Summary: "A watchlist's alerts, newest first.", Params: []param{pLimit, pOffset}, Schema: "Alert", List: true}},
		{"GET", "/api/search", s.cached(s.apiSearch), &opDoc{
			ID: "search", Summary: "Full-text search over articles, best first, with highlighted snippets. On the embedded (SQLite) store, words found in more than 2,000 articles are ranked among their newest 2,000 matches.", Params: []param{{Name: "q", Desc: "words to search for", Required: true}, pLimit, pOffset}, Schema: "SearchHit", List: true}},
	}
}

// param is one query parameter of an API route.
type param struct {
	Name     string
	Desc     string
	Type     string // "string" (default) or "integer"
	Format   string
	Required bool
}

var (
	pEntity = param{Name: "entity", Desc: "entity id the item involves"}
	pOutlet = param{Name: "outlet", Desc: "outlet name"}
	pFrom   = param{Name: "from", Desc: "first day, inclusive (YYYY-MM-DD)", Format: "date"}
	pTo     = param{Name: "to", Desc: "last day, inclusive (YYYY-MM-DD)", Format: "date"}
	pLimit  = param{Name: "limit", Desc: "page size (1-200, default 20)", Type: "integer"}
	pOffset = param{Name: "offset", Desc: "items to skip", Type: "integer"}
	pExpand = param{Name: "expand", Desc: "\"events\" embeds each story's events"}
)
