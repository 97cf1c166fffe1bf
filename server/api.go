package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/store"
)

// Page sizes of the API and the pages.
const (
	defaultLimit = 20
	maxLimit     = 200
	maxQueryLen  = 200 // characters of a q parameter kept
)

// badRequest is a client error whose message is safe to send back.
type badRequest string

func (e badRequest) Error() string { return string(e) }

// parseQuery reads the list parameters. Invalid values are refused rather
// than ignored so that a typo does not silently widen a query.
func parseQuery(v url.Values) (store.Query, error) {
	q := store.Query{
		Q:      clip(strings.TrimSpace(v.Get("q")), maxQueryLen),
		Entity: clip(v.Get("entity"), maxQueryLen),
		Outlet: clip(v.Get("outlet"), maxQueryLen),
		From:   v.Get("from"),
		To:     v.Get("to"),
		Limit:  defaultLimit,
	}
	for _, d := range []struct{ name, val string }{{"from", q.From}, {"to", q.To}} {
		if d.val == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.val); err != nil {
			return q, badRequest(d.name + " must be a date in YYYY-MM-DD form")
		}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return q, badRequest(fmt.Sprintf("limit must be an integer from 1 to %d", maxLimit))
		}
		q.Limit = n
	}
	if s := v.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1_000_000 {
			return q, badRequest("offset must be a non-negative integer")
		}
		q.Offset = n
	}
	return q, nil
}

// clip cuts s to at most n runes and drops invalid UTF-8.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// listPage is the envelope of every list response.
type listPage[T any] struct {
	Items      []T `json:"items"`
	Limit      int `json:"limit"`
	Offset     int `json:"offset"`
	NextOffset int `json:"next_offset,omitempty"` // 0: no more items
}

// fetchPage asks for one item more than the page to learn whether another
// page follows.
func fetchPage[T any](ctx context.Context, q store.Query, get func(context.Context, store.Query) ([]T, error)) (listPage[T], error) {
	want := q.Limit
	q.Limit = want + 1
	items, err := get(ctx, q)
	if err != nil {
		return listPage[T]{}, err
	}
	p := listPage[T]{Items: items, Limit: want, Offset: q.Offset}
	if len(items) > want {
		p.Items = items[:want]
		p.NextOffset = q.Offset + want
	}
	if p.Items == nil {
		p.Items = []T{}
	}
	return p, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Escaping <, > and & keeps JSON inert even if something renders it
	// as HTML.
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encoding failed"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type apiError struct {
	Error string `json:"error"`
}

// movedJSON is the body of a redirect from a merged id.
type movedJSON struct {
	Error      string `json:"error"`
	MergedInto string `json:"merged_into"`
	Location   string `json:"location"`
}

// current reads an item that another names (a story's events, an
// article's event, the quotes an event's articles carry), following it to
// where it went if it merged away after the other was read: a page reads
// the two in separate snapshots, and a merge settled in between must not
// answer for the page itself (a redirect of the story page to the event's
// new id). A chain of moves is followed a few steps; past them the item
// is not found.
func current[T any](ctx context.Context, id string, get func(context.Context, string) (*T, error)) (*T, error) {
	for range 4 {
		v, err := get(ctx, id)
		var moved *store.Moved
		if !errors.As(err, &moved) {
			return v, err
		}
		if moved.To == "" {
			break
		}
		id = moved.To
	}
	return nil, fmt.Errorf("%s: %w", id, store.ErrNotFound)
}

// movedPath is path with its last segment (the id) replaced by where the
// item went.
func movedPath(path string, m *store.Moved) string {
	i := strings.LastIndexByte(path, '/')
	return path[:i+1] + url.PathEscape(m.To)
}

// apiFail answers with the error's status: messages of badRequest and
// ErrNotFound go to the client, anything else is logged and hidden.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	var br badRequest
	var mbe *http.MaxBytesError
	var moved *store.Moved
	switch {
	case errors.As(err, &moved):
		// A merged id keeps answering: where it went, as a permanent
		// redirect that clients follow, and in the body for those that
		// do not.
		loc := movedPath(r.URL.Path, moved)
		w.Header().Set("Location", loc)
		writeJSON(w, http.StatusPermanentRedirect, movedJSON{Error: "moved", MergedInto: moved.To, Location: loc})
	case errors.As(err, &br):
		writeJSON(w, http.StatusBadRequest, apiError{string(br)})
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, apiError{"not found"})
	case errors.As(err, &mbe):
		writeJSON(w, http.StatusRequestEntityTooLarge, apiError{fmt.Sprintf("request body larger than %d bytes", mbe.Limit)})
	case errors.Is(err, os.ErrDeadlineExceeded):
		// The server's read deadline passed while the body trickled in.
		writeJSON(w, http.StatusRequestTimeout, apiError{"request body not received in time"})
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
	default:
		s.log.Error("api", "path", r.URL.Path, "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{"internal error"})
	}
}

func apiList[T any](s *Server, get func(context.Context, store.Query) ([]T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := parseQuery(r.URL.Query())
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		p, err := fetchPage(r.Context(), q, get)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, p)
	}
}

func apiGet[T any](s *Server, get func(context.Context, string) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := get(r.Context(), r.PathValue("id"))
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	apiList(s, s.st.Articles)(w, r)
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) { apiList(s, s.st.Events)(w, r) }
func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request)  { apiGet(s, s.st.Event)(w, r) }
func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) { apiList(s, s.st.Quotes)(w, r) }
func (s *Server) apiQuote(w http.ResponseWriter, r *http.Request)  { apiGet(s, s.st.Quote)(w, r) }
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) { apiGet(s, s.st.Entity)(w, r) }

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	apiList(s, s.findEntities)(w, r)
}

// storyJSON is a story with its events embedded.
type storyJSON struct {
	storyline.Story
	EventDetails []storyline.Event `json:"event_details,omitempty"`
}

func (s *Server) expandStory(ctx context.Context, st storyline.Story) (storyJSON, error) {
	evs, err := s.eventsOf(ctx, st.Events)
	return storyJSON{Story: st, EventDetails: evs}, err
}

// eventsOf reads the events ids name, in their order, in a few queries
// rather than one an event (the story API timed out on a story of 12,250
// events at a million articles); an event merged away since ids were
// read shows as the one it went into (current), each event once.
func (s *Server) eventsOf(ctx context.Context, ids []string) ([]storyline.Event, error) {
	byID, err := s.st.EventsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]storyline.Event, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		ev, ok := byID[id]
		if !ok {
			e, err := current(ctx, id, s.st.Event)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			ev = *e
		}
		if !seen[ev.ID] {
			seen[ev.ID] = true
			out = append(out, ev)
		}
	}
	return out, nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	expand := r.URL.Query().Get("expand")
	if expand != "" && expand != "events" {
		s.apiFail(w, r, badRequest(`expand must be "events"`))
		return
	}
	apiList(s, func(ctx context.Context, q store.Query) ([]storyJSON, error) {
		list, err := s.st.Stories(ctx, q)
		if err != nil {
			return nil, err
		}
		out := make([]storyJSON, 0, len(list))
		for _, st := range list {
			sj := storyJSON{Story: st}
			if expand == "events" {
				if sj, err = s.expandStory(ctx, st); err != nil {
					return nil, err
				}
			}
			out = append(out, sj)
		}
		return out, nil
	})(w, r)
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	apiGet(s, func(ctx context.Context, id string) (storyJSON, error) {
		st, err := s.st.Story(ctx, id)
		if err != nil {
			return storyJSON{}, err
		}
		return s.expandStory(ctx, *st)
	})(w, r)
}

// searchHit is a store.Hit with its snippet made safe for any client: plain
// text, the matches given as byte ranges, and an HTML rendering with every
// character escaped except the <mark> elements added here.
type searchHit struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Outlet      string    `json:"outlet"`
	Published   string    `json:"published"`
	Snippet     string    `json:"snippet"`
	Highlights  [][2]int  `json:"highlights"`
	SnippetHTML string    `json:"snippet_html"`
	Rank        float64   `json:"rank"`
	Segments    []segment `json:"-"`
}

func toSearchHit(h store.Hit) searchHit {
	out := searchHit{ID: h.ID, Title: h.Title, Outlet: h.Outlet, Published: h.Published, Rank: h.Rank, Highlights: [][2]int{}}
	var plain, html strings.Builder
	out.Segments = snippetSegments(h.Snippet)
	for _, seg := range out.Segments {
		start := plain.Len()
		plain.WriteString(seg.Text)
		if seg.Match {
			out.Highlights = append(out.Highlights, [2]int{start, plain.Len()})
			html.WriteString("<mark>" + htmlEscape(seg.Text) + "</mark>")
		} else {
			html.WriteString(htmlEscape(seg.Text))
		}
	}
	out.Snippet, out.SnippetHTML = plain.String(), html.String()
	return out
}

func (s *Server) search(ctx context.Context, q string, limit, offset int) (listPage[searchHit], error) {
	p, err := fetchPage(ctx, store.Query{Limit: limit, Offset: offset}, func(ctx context.Context, sq store.Query) ([]searchHit, error) {
		hits, err := s.st.Search(ctx, q, sq.Limit, sq.Offset)
		if err != nil {
			return nil, err
		}
		out := make([]searchHit, len(hits))
		for i, h := range hits {
			out[i] = toSearchHit(h)
		}
		return out, nil
	})
	return p, err
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err == nil && q.Q == "" {
		err = badRequest("q is required")
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.search(r.Context(), q.Q, q.Limit, q.Offset)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// uploadArticle is one article as POST /api/articles accepts it: the JSON
// Lines input fields of the batch contract.
type uploadArticle struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Lang      string `json:"lang,omitempty"`
}

// ingestResponse is the answer to POST /api/articles.
type ingestResponse struct {
	IngestSummary
	// Rejected counts the items refused before ingest (bad JSON, no text);
	// they are also counted in Failed.
	Rejected int `json:"rejected"`
}

func decodeUpload(data []byte) (uploadArticle, error) {
	var a uploadArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("invalid article JSON: %w", err)
	}
	if dec.More() {
		return a, errors.New("invalid article JSON: trailing data after the object")
	}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.HTML) == "" {
		return a, errors.New("article has neither text nor html")
	}
	return a, nil
}

func (s *Server) apiPostArticles(w http.ResponseWriter, r *http.Request) {
	// Authorise before reading a byte of the body.
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="storyline"`)
		writeJSON(w, http.StatusUnauthorized, apiError{"a valid bearer token is required"})
		return
	}
	if s.opts.Ingest == nil {
		writeJSON(w, http.StatusServiceUnavailable, apiError{"this server does not ingest"})
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var lines bool
	switch mt {
	case "application/json":
	case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines":
		lines = true
	default:
		writeJSON(w, http.StatusUnsupportedMediaType, apiError{"Content-Type must be application/json (one article) or application/x-ndjson (JSON Lines)"})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var resp ingestResponse
	var out bytes.Buffer
	accept := func(a uploadArticle) {
		b, _ := json.Marshal(a)
		out.Write(b)
		out.WriteByte('\n')
	}
	if !lines {
		a, err := decodeUpload(body)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
			return
		}
		accept(a)
	} else {
		sc := bufio.NewScanner(bytes.NewReader(body))
		sc.Buffer(make([]byte, 0, 64<<10), int(s.opts.MaxBody)+1)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			a, err := decodeUpload(line)
			if err != nil {
				resp.Rejected++
				resp.Errors = append(resp.Errors, fmt.Sprintf("line %d: %v", n, err))
				continue
			}
			accept(a)
		}
		if err := sc.Err(); err != nil {
			writeJSON(w, http.StatusBadRequest, apiError{"unreadable JSON Lines: " + err.Error()})
			return
		}
	}
	if out.Len() > 0 {
		sum, err := s.opts.Ingest(r.Context(), "upload.jsonl", out.Bytes())
		if err != nil && sum.Ingested+sum.Updated+sum.Unchanged+sum.Queued+sum.Failed == 0 {
			s.log.Error("ingest upload", "err", err)
			writeJSON(w, http.StatusInternalServerError, apiError{"ingest failed"})
			return
		}
		if s.cache != nil {
			s.cache.clear()
		}
		resp.Ingested, resp.Unchanged, resp.Updated, resp.Queued = sum.Ingested, sum.Unchanged, sum.Updated, sum.Queued
		resp.Failed += sum.Failed
		resp.Errors = append(resp.Errors, sum.Errors...)
	}
	resp.Failed += resp.Rejected
	ok := resp.Ingested + resp.Updated + resp.Unchanged + resp.Queued
	status := http.StatusCreated
	switch {
	case ok == 0 && resp.Failed == 0:
		writeJSON(w, http.StatusBadRequest, apiError{"no article in the request"})
		return
	case ok == 0:
		status = http.StatusUnprocessableEntity
	case resp.Failed > 0:
		status = http.StatusMultiStatus
	}
	s.log.Info("ingested upload", "ingested", resp.Ingested, "updated", resp.Updated, "unchanged", resp.Unchanged, "queued", resp.Queued, "failed", resp.Failed)
	writeJSON(w, status, resp)
}

type health struct {
	Status   string `json:"status"`
	Articles int    `json:"articles"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	n, err := s.st.CountArticles(ctx)
	if err != nil {
		s.log.Error("healthz", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, health{Status: "store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, health{Status: "ok", Articles: n})
}

// entityScan bounds the entities the spelling-tolerant fallback compares.
const entityScan = 5000

// findEntities is store.Entities with a fallback for spellings no stored
// alias has ("Riabkow" for Ryabkov, "President Putin", an acronym): when the
// name match finds nothing, entity.Match, which folds transliterations and
// titles, compares the query with every entity the other filters allow.
func (s *Server) findEntities(ctx context.Context, q store.Query) ([]storyline.Entity, error) {
	list, err := s.st.Entities(ctx, q)
	if err != nil || len(list) > 0 || q.Q == "" {
		return list, err
	}
	all := q
	all.Q, all.Limit, all.Offset = "", entityScan, 0
	cands, err := s.st.Entities(ctx, all)
	if err != nil {
		return nil, err
	}
	var found []storyline.Entity
	for _, e := range cands {
		if entity.Match(e, q.Q) {
			found = append(found, e)
		}
	}
	if q.Offset >= len(found) {
		return nil, nil
	}
	found = found[q.Offset:]
	if len(found) > q.Limit {
		found = found[:q.Limit]
	}
	return found, nil
}
