package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/watch"
)

// Sources followed and watchlists: the API (writes need the bearer
// token) and the pages (whose forms carry the token in a field, which
// also keeps other sites from posting them).

// sourceSpec is a source as POST /api/sources takes it.
type sourceSpec struct {
	URL      string `json:"url"`
	Kind     string `json:"kind,omitempty"`     // feed, sitemap or page; found out when empty
	Name     string `json:"name,omitempty"`     // a label
	Interval int    `json:"interval,omitempty"` // seconds between polls; 0: the default
}

// articleDetail is an article with what only its own page needs: the
// article it is a syndicated copy of.
type articleDetail struct {
	*storyline.Article
	CopyOf string `json:"copy_of,omitempty"`
}

func (s *Server) apiArticleDetail(w http.ResponseWriter, r *http.Request) {
	apiGet(s, func(ctx context.Context, id string) (articleDetail, error) {
		a, err := s.st.Article(ctx, id)
		if err != nil {
			return articleDetail{}, err
		}
		d := articleDetail{Article: a}
		d.CopyOf, err = s.st.CopyOf(ctx, id)
		return d, err
	})(w, r)
}

// requireToken answers 401 and returns false unless r carries the token.
func (s *Server) requireToken(w http.ResponseWriter, r *http.Request) bool {
	if s.authorized(r) {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="storyline"`)
	writeJSON(w, http.StatusUnauthorized, apiError{"a valid bearer token is required"})
	return false
}

// decodeJSON reads a JSON body into v, refusing unknown fields.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badRequest("invalid JSON: " + err.Error())
	}
	return nil
}

// pageOf pages a list held in memory as the list endpoints do.
func pageOf[T any](r *http.Request, all []T) (listPage[T], error) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		return listPage[T]{}, err
	}
	return fetchPage(r.Context(), q, func(_ context.Context, q store.Query) ([]T, error) {
		if q.Offset >= len(all) {
			return nil, nil
		}
		return all[q.Offset:min(len(all), q.Offset+q.Limit)], nil
	})
}

func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	srcs, err := s.st.Sources(r.Context())
	if err == nil {
		var p listPage[store.Source]
		if p, err = pageOf(r, srcs); err == nil {
			writeJSON(w, http.StatusOK, p)
			return
		}
	}
	s.apiFail(w, r, err)
}

// addSource checks and stores a source; its errors are badRequest.
func (s *Server) addSource(ctx context.Context, spec sourceSpec) (*store.Source, error) {
	src, err := sourcelist.NewSource(spec.URL, spec.Kind, spec.Name, time.Duration(spec.Interval)*time.Second, time.Now())
	if err != nil {
		return nil, badRequest(err.Error())
	}
	return src, sourcelist.AddSources(ctx, s.st, src)
}

func (s *Server) apiPostSource(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	var spec sourceSpec
	if err := decodeJSON(r, &spec); err != nil {
		s.apiFail(w, r, err)
		return
	}
	src, err := s.addSource(r.Context(), spec)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, src)
}

func (s *Server) apiDeleteSource(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	if _, err := sourcelist.RemoveSource(r.Context(), s.st, r.PathValue("id")); err != nil {
		if errors.Is(err, sourcelist.ErrNoSource) {
			err = fmt.Errorf("%w: %w", err, store.ErrNotFound)
		}
		s.apiFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiWatchlists(w http.ResponseWriter, r *http.Request) {
	wls, err := s.st.Watchlists(r.Context())
	if err == nil {
		var p listPage[store.Watchlist]
		if p, err = pageOf(r, wls); err == nil {
			writeJSON(w, http.StatusOK, p)
			return
		}
	}
	s.apiFail(w, r, err)
}

func (s *Server) apiWatchlist(w http.ResponseWriter, r *http.Request) {
	apiGet(s, s.st.Watchlist)(w, r)
}

// addWatchlist checks and stores a watchlist; its errors are badRequest.
func (s *Server) addWatchlist(ctx context.Context, spec watch.Spec) (*store.Watchlist, error) {
	wl, err := watch.NewWatchlist(spec, time.Now())
	if err != nil {
		return nil, badRequest(err.Error())
	}
	return wl, watch.Add(ctx, s.st, wl)
}

func (s *Server) apiPostWatchlist(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	var spec watch.Spec
	if err := decodeJSON(r, &spec); err != nil {
		s.apiFail(w, r, err)
		return
	}
	wl, err := s.addWatchlist(r.Context(), spec)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, wl)
}

func (s *Server) apiDeleteWatchlist(w http.ResponseWriter, r *http.Request) {
	if !s.requireToken(w, r) {
		return
	}
	if err := watch.Remove(r.Context(), s.st, r.PathValue("id")); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiAlerts(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.st.Watchlist(r.Context(), id); err != nil {
		s.apiFail(w, r, err)
		return
	}
	apiList(s, func(ctx context.Context, q store.Query) ([]store.Alert, error) {
		return s.st.Alerts(ctx, id, q.Limit, q.Offset)
	})(w, r)
}

// feedAlerts is how many alerts a watchlist's Atom feed carries.
const feedAlerts = 50

// baseURL is the address the request came to, for absolute links.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) watchlistFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	wl, err := s.st.Watchlist(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	alerts, err := s.st.Alerts(ctx, wl.ID, feedAlerts, 0)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := watch.WriteAtom(&buf, *wl, alerts, baseURL(r)); err != nil {
		s.pageFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
}

// Pages.

type sourcesData struct {
	base
	Sources []store.Source
	Error   string
	Form    sourceSpec
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) {
	s.renderSources(w, r, http.StatusOK, sourcesData{})
}

func (s *Server) renderSources(w http.ResponseWriter, r *http.Request, status int, d sourcesData) {
	srcs, err := s.st.Sources(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.base, d.Sources = base{Title: "Sources"}, srcs
	s.render(w, r, status, "sources", "layout", d)
}

// formToken checks a page form's token field. A refused form is shown
// again with a message and status 200: the page itself was served, and a
// browser logs every 4xx page as an error.
func (s *Server) formToken(r *http.Request) bool {
	return s.validToken(r.PostFormValue("token"))
}

func (s *Server) postSourcePage(w http.ResponseWriter, r *http.Request) {
	minutes, _ := strconv.Atoi(strings.TrimSpace(r.PostFormValue("interval")))
	spec := sourceSpec{URL: r.PostFormValue("url"), Kind: r.PostFormValue("kind"), Name: r.PostFormValue("name"), Interval: minutes * 60}
	if !s.formToken(r) {
		s.renderSources(w, r, http.StatusOK, sourcesData{Error: "The token is not right.", Form: spec})
		return
	}
	if _, err := s.addSource(r.Context(), spec); err != nil {
		var br badRequest
		if errors.As(err, &br) {
			s.renderSources(w, r, http.StatusOK, sourcesData{Error: string(br), Form: spec})
			return
		}
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/sources", http.StatusSeeOther)
}

func (s *Server) deleteSourcePage(w http.ResponseWriter, r *http.Request) {
	if !s.formToken(r) {
		s.renderSources(w, r, http.StatusOK, sourcesData{Error: "The token is not right."})
		return
	}
	if _, err := sourcelist.RemoveSource(r.Context(), s.st, r.PathValue("id")); err != nil && !errors.Is(err, sourcelist.ErrNoSource) {
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/sources", http.StatusSeeOther)
}

type watchlistsData struct {
	base
	Watchlists []store.Watchlist
	Error      string
	Form       watchForm
}

// watchForm is the new-watchlist form as typed: lists comma-separated.
type watchForm struct {
	Name, Entities, Places, Keywords, Outlets, Webhook string
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (s *Server) watchlistsPage(w http.ResponseWriter, r *http.Request) {
	s.renderWatchlists(w, r, http.StatusOK, watchlistsData{})
}

func (s *Server) renderWatchlists(w http.ResponseWriter, r *http.Request, status int, d watchlistsData) {
	wls, err := s.st.Watchlists(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.base, d.Watchlists = base{Title: "Watchlists"}, wls
	s.render(w, r, status, "watchlists", "layout", d)
}

func (s *Server) postWatchlistPage(w http.ResponseWriter, r *http.Request) {
	f := watchForm{Name: r.PostFormValue("name"), Entities: r.PostFormValue("entities"), Places: r.PostFormValue("places"),
		Keywords: r.PostFormValue("keywords"), Outlets: r.PostFormValue("outlets"), Webhook: r.PostFormValue("webhook")}
	if !s.formToken(r) {
		s.renderWatchlists(w, r, http.StatusOK, watchlistsData{Error: "The token is not right.", Form: f})
		return
	}
	spec := watch.Spec{Name: f.Name, Entities: splitList(f.Entities), Places: splitList(f.Places), Keywords: splitList(f.Keywords),
		Outlets: splitList(f.Outlets), Webhook: strings.TrimSpace(f.Webhook), Secret: r.PostFormValue("secret")}
	wl, err := s.addWatchlist(r.Context(), spec)
	if err != nil {
		var br badRequest
		if errors.As(err, &br) {
			s.renderWatchlists(w, r, http.StatusOK, watchlistsData{Error: string(br), Form: f})
			return
		}
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/watchlists/"+url.PathEscape(wl.ID), http.StatusSeeOther)
}

type alertView struct {
	Alert store.Alert
	Title string
	Text  string
}

type watchlistData struct {
	base
	Watchlist  *store.Watchlist
	Alerts     []alertView
	Deliveries []store.Delivery
	Error      string
}

func (s *Server) watchlistPage(w http.ResponseWriter, r *http.Request) {
	s.renderWatchlist(w, r, http.StatusOK, "")
}

func (s *Server) renderWatchlist(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ctx := r.Context()
	wl, err := s.st.Watchlist(ctx, r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	alerts, err := s.st.Alerts(ctx, wl.ID, 100, 0)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d := watchlistData{base: base{Title: wl.Name}, Watchlist: wl, Error: msg}
	for _, a := range alerts {
		d.Alerts = append(d.Alerts, alertView{Alert: a, Title: watch.AlertTitle(a), Text: watch.AlertText(a)})
	}
	if wl.Webhook != "" {
		if d.Deliveries, err = s.st.Deliveries(ctx, wl.ID, 20); err != nil {
			s.pageFail(w, r, err)
			return
		}
	}
	s.render(w, r, status, "watchlist", "layout", d)
}

func (s *Server) deleteWatchlistPage(w http.ResponseWriter, r *http.Request) {
	if !s.formToken(r) {
		s.renderWatchlist(w, r, http.StatusOK, "The token is not right.")
		return
	}
	if err := watch.Remove(r.Context(), s.st, r.PathValue("id")); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, "/watchlists", http.StatusSeeOther)
}
