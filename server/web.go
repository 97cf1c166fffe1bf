package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one parsed template set per page, each made of the layout and
// the page's own file.
type pages struct {
	byName map[string]*template.Template
}

var funcs = template.FuncMap{
	"outlet": outletName,
	"day":    dayLabel,
	"paras":  paragraphs,
	"add":    func(a, b int) int { return a + b },
	"sub":    func(a, b int) int { return a - b },
	"pathID": url.PathEscape,
}

// parsedPages parses the embedded templates once per process.
var parsedPages = sync.OnceValue(mustPages)

func mustPages() *pages {
	p := &pages{byName: map[string]*template.Template{}}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err) // the embedded files are part of the binary
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t := template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", f))
		p.byName[name] = t
	}
	return p
}

// render executes a page (tmpl "layout") or one of its fragments into a
// buffer first, so that a template error never leaves half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page, tmpl string, data any) {
	t, ok := s.pages.byName[page]
	if !ok {
		s.log.Error("no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, tmpl, data); err != nil {
		s.log.Error("render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Vary", "HX-Request")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// base is what the layout needs from every page.
type base struct {
	Title string
	Q     string // the search box's value
}

func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	var moved *store.Moved
	switch {
	case errors.As(err, &moved):
		http.Redirect(w, r, movedPath(r.URL.Path, moved), http.StatusMovedPermanently)
	case errors.Is(err, store.ErrNotFound):
		s.render(w, r, http.StatusNotFound, "notfound", "layout", base{Title: "Not found"})
	case errors.Is(err, context.Canceled):
	default:
		s.log.Error("page", "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusNotFound, apiError{"no such endpoint"})
		return
	}
	s.render(w, r, http.StatusNotFound, "notfound", "layout", base{Title: "Not found"})
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	files := http.FileServerFS(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	}))
}

// safeURL keeps a link from article data only when it is absolute http or
// https; anything else (javascript:, data:, relative paths) gives "".
func safeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

func outletName(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Unknown outlet"
	}
	return s
}

// dayLabel shows the date part of a publication date or TIMEX value.
func dayLabel(v string) string {
	if v == "" {
		return "undated"
	}
	// A publication instant is shown at the publisher's own offset, so
	// that the day is the publisher's day, not the day in Greenwich.
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		if _, off := t.Zone(); off != 0 {
			return t.Format("2 Jan 2006 15:04 -07:00")
		}
	}
	if w, ok := parseWhen(v); ok {
		return w.Label
	}
	return v
}

// segment is a piece of a search snippet; Match pieces are the query's hits.
type segment struct {
	Text  string
	Match bool
}

// snippetSegments splits a store snippet at its \x02 and \x03 markers, so
// that templates can wrap matches in <mark> while escaping all the text.
func snippetSegments(snippet string) []segment {
	var out []segment
	match := false
	for snippet != "" {
		i := strings.IndexAny(snippet, "\x02\x03")
		if i < 0 {
			out = append(out, segment{snippet, match})
			break
		}
		if i > 0 {
			out = append(out, segment{snippet[:i], match})
		}
		match = snippet[i] == '\x02'
		snippet = snippet[i+1:]
	}
	return out
}

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

// paragraphs splits article text at line breaks for display.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// storyCard is a story in a list, with its latest events for context.
type storyCard struct {
	Story      storyline.Story
	Events     []storyline.Event
	EventCount int
	First      string
	Last       string
	Count      int // articles
}

// cardEvents is how many of its latest events a story's card shows.
const cardEvents = 5

// storyCards are the stories as the home page shows them, with their
// latest events read in one query for all.
func (s *Server) storyCards(ctx context.Context, stories []storyline.Story) ([]storyCard, error) {
	latest := func(st storyline.Story) []string { return st.Events[max(0, len(st.Events)-cardEvents):] }
	var ids []string
	for _, st := range stories {
		ids = append(ids, latest(st)...)
	}
	evs, err := s.st.EventsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	cards := make([]storyCard, 0, len(stories))
	for _, st := range stories {
		c := storyCard{Story: st, EventCount: len(st.Events), First: st.First, Last: st.Last, Count: st.ArticleCount}
		for _, id := range latest(st) {
			if ev, ok := evs[id]; ok {
				c.Events = append(c.Events, ev)
			}
		}
		sortEvents(c.Events)
		cards = append(cards, c)
	}
	return cards, nil
}

// sortEvents orders events oldest first, undated ones last.
func sortEvents(evs []storyline.Event) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i].Date, evs[j].Date
		if (a == "") != (b == "") {
			return a != ""
		}
		return a < b
	})
}

type homeData struct {
	base
	Stories    []storyCard
	Articles   []storyline.ArticleSummary // when nothing has been built yet
	NextOffset int
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		q = store.Query{Limit: defaultLimit}
	}
	p, err := fetchPage(ctx, q, s.st.Stories)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d := homeData{base: base{Title: "Latest stories"}, NextOffset: p.NextOffset}
	if d.Stories, err = s.storyCards(ctx, p.Items); err != nil {
		s.pageFail(w, r, err)
		return
	}
	if len(d.Stories) == 0 && q.Offset == 0 {
		if d.Articles, err = s.st.Articles(ctx, store.Query{Limit: defaultLimit}); err != nil {
			s.pageFail(w, r, err)
			return
		}
	}
	if r.Header.Get("HX-Request") == "true" && q.Offset > 0 {
		s.render(w, r, http.StatusOK, "home", "stories", d)
		return
	}
	s.render(w, r, http.StatusOK, "home", "layout", d)
}

type storyData struct {
	base
	Story    *storyline.Story
	Events   []storyline.Event
	Timeline *timelineSVG
	Entries  []timelineEntry
	Undated  []storyline.TimelineEntry
	// Paging through a long story's events: the offset of this page's
	// first event, of the pages before and after (-1: none).
	Offset, Earlier, Later, Total int
}

// storyPageEvents is how many events a story page shows; a long story
// pages, starting with its latest events.
const storyPageEvents = 25

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.st.Story(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	total := len(st.Events)
	offset := max(0, total-storyPageEvents)
	if v := r.URL.Query().Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			s.pageFail(w, r, fmt.Errorf("offset %q: %w", v, store.ErrNotFound))
			return
		}
		offset = min(n, max(0, total-1))
	}
	end := min(offset+storyPageEvents, total)
	d := storyData{base: base{Title: st.Title}, Story: st, Offset: offset, Earlier: -1, Later: -1, Total: total}
	if offset > 0 {
		d.Earlier = max(0, offset-storyPageEvents)
	}
	if end < total {
		d.Later = end
	}
	if d.Events, err = s.eventsOf(ctx, st.Events[offset:end]); err != nil {
		s.pageFail(w, r, err)
		return
	}
	sortEvents(d.Events)
	d.Entries, d.Undated = storyTimeline(st, d.Events)
	d.Entries = pageEntries(d.Entries, d.Events, offset == 0, end == total)
	d.Timeline = layoutTimeline(d.Entries)
	s.render(w, r, http.StatusOK, "story", "layout", d)
}

// pageEntries keeps the timeline entries of one page of a story's events:
// from its first event's date to its last's, and everything before the
// first page or after the last.
func pageEntries(entries []timelineEntry, events []storyline.Event, first, last bool) []timelineEntry {
	lo, hi := "", ""
	for _, e := range events {
		if e.Date == "" {
			continue
		}
		if lo == "" || e.Date < lo {
			lo = e.Date
		}
		hi = max(hi, e.Date)
	}
	if lo == "" {
		return entries
	}
	var out []timelineEntry
	for _, en := range entries {
		day := en.When.T.Format(time.DateOnly)
		if (first || day >= lo) && (last || day <= hi) {
			out = append(out, en)
		}
	}
	return out
}

type outletGroup struct {
	Outlet   string
	Articles []*storyline.ArticleSummary
}

type quoteRow struct {
	Quote   storyline.Quote
	Outlets []string
}

type factRow struct {
	Fact   storyline.Fact
	Values []factValue
}

type factValue struct {
	Article *storyline.ArticleSummary
	ID      string
	Value   string
}

type eventData struct {
	base
	Event    *storyline.Event
	Story    *storyline.Story
	More     int // reports not shown
	Groups   []outletGroup
	Entities []storyline.Entity
	Quotes   []quoteRow
	Facts    []factRow
}

// maxEventEntities is how many central entities an event page lists, and
// eventPageArticles how many of its reports.
const (
	maxEventEntities  = 15
	eventPageArticles = 100
)

func (s *Server) eventPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ev, err := s.st.Event(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d := eventData{base: base{Title: ev.Title}, Event: ev}
	if ev.Story != "" {
		// A story that merged into another shows as that one, where the
		// event is now (the page is the event's, so it does not redirect).
		d.Story, err = current(ctx, ev.Story, s.st.Story)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.pageFail(w, r, err)
			return
		}
	}
	shown := ev.Articles
	if len(shown) > eventPageArticles {
		// A large event shows a page of its reports; the API lists all.
		shown = shown[len(shown)-eventPageArticles:]
		d.More = len(ev.Articles) - len(shown)
	}
	// The page reads its articles' summaries and their quotes' ids, one
	// query each, not the articles whole.
	want := append([]string(nil), shown...)
	for _, f := range ev.Facts {
		for id := range f.Values {
			want = append(want, id)
		}
	}
	arts, err := s.st.ArticlesByID(ctx, want)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	quoteIDs, err := s.st.ArticleQuotes(ctx, shown)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	groups := map[string]*outletGroup{}
	for _, id := range shown {
		a, ok := arts[id]
		if !ok {
			continue
		}
		o := outletName(a.Outlet)
		g := groups[o]
		if g == nil {
			g = &outletGroup{Outlet: o}
			groups[o] = g
		}
		g.Articles = append(g.Articles, &a)
	}
	for _, g := range groups {
		sort.SliceStable(g.Articles, func(i, j int) bool { return g.Articles[i].Published < g.Articles[j].Published })
		d.Groups = append(d.Groups, *g)
	}
	sort.Slice(d.Groups, func(i, j int) bool {
		a, b := d.Groups[i], d.Groups[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		return a.Outlet < b.Outlet
	})
	chips := ev.Entities[:min(len(ev.Entities), maxEventEntities)]
	ents, err := s.st.EntitiesByID(ctx, chips)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, id := range chips {
		if e, ok := ents[id]; ok {
			d.Entities = append(d.Entities, e)
		}
	}
	var quotes []storyline.Quote
	seenQuotes := map[string]bool{}
	for _, id := range quoteIDs {
		q, err := current(ctx, id, s.st.Quote)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		if !seenQuotes[q.ID] {
			seenQuotes[q.ID] = true
			quotes = append(quotes, *q)
		}
	}
	if d.Quotes, err = s.quoteRows(ctx, quotes); err != nil {
		s.pageFail(w, r, err)
		return
	}
	sort.SliceStable(d.Quotes, func(i, j int) bool { return len(d.Quotes[i].Outlets) > len(d.Quotes[j].Outlets) })
	for _, f := range ev.Facts {
		row := factRow{Fact: f}
		ids := make([]string, 0, len(f.Values))
		for id := range f.Values {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			var a *storyline.ArticleSummary
			if sum, ok := arts[id]; ok {
				a = &sum
			}
			row.Values = append(row.Values, factValue{Article: a, ID: id, Value: f.Values[id]})
		}
		d.Facts = append(d.Facts, row)
	}
	s.render(w, r, http.StatusOK, "event", "layout", d)
}

// quoteRows are quotes with the outlets that carry each, read from their
// articles' summaries in one query: a quote carried widely has dozens of
// articles, which read whole cost an entity page tens of milliseconds.
func (s *Server) quoteRows(ctx context.Context, quotes []storyline.Quote) ([]quoteRow, error) {
	var ids []string
	for _, q := range quotes {
		ids = append(ids, q.Articles...)
	}
	arts, err := s.st.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	rows := make([]quoteRow, 0, len(quotes))
	for _, q := range quotes {
		row := quoteRow{Quote: q}
		seen := map[string]bool{}
		for _, id := range q.Articles {
			if a, ok := arts[id]; ok && !seen[outletName(a.Outlet)] {
				seen[outletName(a.Outlet)] = true
				row.Outlets = append(row.Outlets, outletName(a.Outlet))
			}
		}
		sort.Strings(row.Outlets)
		rows = append(rows, row)
	}
	return rows, nil
}

type entityData struct {
	base
	Entity  *storyline.Entity
	Chart   *barChart
	Events  []storyline.Event
	Quotes  []quoteRow
	Recent  []storyline.ArticleSummary
	Total   int
	Aliases []string
}

// entityArticles bounds the articles an entity page reads for its chart.
const entityArticles = 1000

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	e, err := s.st.Entity(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d := entityData{base: base{Title: e.Name}, Entity: e, Total: max(e.ArticleCount, len(e.Articles))}
	for _, a := range e.Aliases {
		if a != e.Name {
			d.Aliases = append(d.Aliases, a)
		}
	}
	// The chart needs only when the articles appeared: reading a thousand
	// whole articles for it made this the slowest page of a large store.
	published, err := s.st.Published(ctx, store.Query{Entity: e.ID, Limit: entityArticles})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.Chart = appearanceChart(published)
	arts, err := s.st.Articles(ctx, store.Query{Entity: e.ID, Limit: 10})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.Recent = arts
	if d.Events, err = s.st.Events(ctx, store.Query{Entity: e.ID, Limit: 20}); err != nil {
		s.pageFail(w, r, err)
		return
	}
	quotes, err := s.st.Quotes(ctx, store.Query{Entity: e.ID, Limit: 30})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if d.Quotes, err = s.quoteRows(ctx, quotes); err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", "layout", d)
}

type entitiesData struct {
	base
	Filter     string
	Entities   []storyline.Entity
	NextOffset int
}

func (s *Server) entitiesPage(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		q = store.Query{Limit: defaultLimit, Q: clip(r.URL.Query().Get("q"), maxQueryLen)}
	}
	q.Limit = 50
	p, err := fetchPage(r.Context(), q, s.findEntities)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entities", "layout", entitiesData{base: base{Title: "Entities"}, Filter: q.Q, Entities: p.Items, NextOffset: p.NextOffset})
}

type articleData struct {
	base
	Article  *storyline.Article
	Link     string
	Event    *storyline.Event
	Entities []storyline.Mention // one per entity
	CopyOf   *storyline.Article  // the article this one is a syndicated copy of
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.st.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d := articleData{base: base{Title: a.Title}, Article: a, Link: safeURL(a.URL)}
	if d.Title == "" {
		d.Title = a.ID
	}
	if a.Event != "" {
		if d.Event, err = current(ctx, a.Event, s.st.Event); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.pageFail(w, r, err)
			return
		}
	}
	if first, err := s.st.CopyOf(ctx, a.ID); err != nil {
		s.pageFail(w, r, err)
		return
	} else if first != "" {
		if d.CopyOf, err = s.st.Article(ctx, first); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.pageFail(w, r, err)
			return
		}
	}
	seen := map[string]bool{}
	for _, m := range a.Entities {
		key := m.Entity
		if key == "" {
			key = m.Type + "\x00" + m.Text
		}
		if !seen[key] {
			seen[key] = true
			d.Entities = append(d.Entities, m)
		}
	}
	s.render(w, r, http.StatusOK, "article", "layout", d)
}

type searchData struct {
	base
	Results    []searchHit
	NextOffset int
	Searched   bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		q = store.Query{Limit: defaultLimit, Q: clip(strings.TrimSpace(r.URL.Query().Get("q")), maxQueryLen)}
	}
	d := searchData{base: base{Title: "Search", Q: q.Q}}
	if q.Q != "" {
		p, err := s.search(r.Context(), q.Q, q.Limit, q.Offset)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		d.Results, d.NextOffset, d.Searched = p.Items, p.NextOffset, true
	}
	if r.Header.Get("HX-Request") == "true" {
		s.render(w, r, http.StatusOK, "search", "results", d)
		return
	}
	s.render(w, r, http.StatusOK, "search", "layout", d)
}
