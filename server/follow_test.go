package server

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

func TestAPISources(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	if ids, _ := ids(t, get(t, srv, "/api/sources").Body); len(ids) != 0 {
		t.Fatalf("sources of an empty store: %v", ids)
	}
	body := `{"url": "https://harbour.example/feed.xml", "name": "Harbour", "interval": 600}`
	if r := do(t, srv, "POST", "/api/sources", strings.NewReader(body), "Content-Type", "application/json"); r.Status != http.StatusUnauthorized {
		t.Errorf("POST without token: %d", r.Status)
	}
	auth := []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}
	for _, bad := range []string{`{"url": "ftp://x.example/"}`, `{"url": "https://x.example/", "interval": 5}`, `{"url": "https://x.example/", "colour": "red"}`, `not json`} {
		if r := do(t, srv, "POST", "/api/sources", strings.NewReader(bad), auth...); r.Status != http.StatusBadRequest {
			t.Errorf("POST %s: %d %s", bad, r.Status, r.Body)
		}
	}
	r := do(t, srv, "POST", "/api/sources", strings.NewReader(body), auth...)
	var src store.Source
	if r.Status != http.StatusCreated || json.Unmarshal([]byte(r.Body), &src) != nil || src.Interval != 600 || src.Name != "Harbour" {
		t.Fatalf("POST: %d %s", r.Status, r.Body)
	}
	if ids, _ := ids(t, get(t, srv, "/api/sources").Body); join(ids) != src.ID {
		t.Errorf("sources = %v", ids)
	}
	if r := do(t, srv, "DELETE", "/api/sources/"+src.ID, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("DELETE without token: %d", r.Status)
	}
	if r := do(t, srv, "DELETE", "/api/sources/"+src.ID, nil, auth...); r.Status != http.StatusNoContent {
		t.Errorf("DELETE: %d %s", r.Status, r.Body)
	}
	if r := do(t, srv, "DELETE", "/api/sources/"+src.ID, nil, auth...); r.Status != http.StatusNotFound {
		t.Errorf("DELETE again: %d", r.Status)
	}
}

func TestAPIWatchlistsAndFeed(t *testing.T) {
	srv, st := newTestServer(t, fixture())
	auth := []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}
	body := `{"name": "Mayor", "entities": ["Ilsa Warga"], "webhook": "https://hooks.example/in", "secret": "do-not-show"}`
	r := do(t, srv, "POST", "/api/watchlists", strings.NewReader(body), auth...)
	if r.Status != http.StatusCreated || strings.Contains(r.Body, "do-not-show") {
		t.Fatalf("POST: %d %s", r.Status, r.Body)
	}
	var wl store.Watchlist
	json.Unmarshal([]byte(r.Body), &wl)
	if wl.ID != "mayor" {
		t.Errorf("id %q", wl.ID)
	}
	if r := do(t, srv, "POST", "/api/watchlists", strings.NewReader(`{"name": "nothing"}`), auth...); r.Status != http.StatusBadRequest {
		t.Errorf("a watchlist without criteria: %d", r.Status)
	}
	if r := get(t, srv, "/api/watchlists/mayor"); r.Status != 200 || strings.Contains(r.Body, "do-not-show") || !strings.Contains(r.Body, "Ilsa Warga") {
		t.Errorf("GET: %d %s", r.Status, r.Body)
	}
	// An alert, as the watch pass files it.
	err := st.Update(context.Background(), func(tx store.Tx) error {
		return tx.AddAlert(context.Background(), &store.Alert{Watchlist: "mayor", Event: "ev1", Kind: store.AlertNew, Title: "Budget talks <open> in Portvale",
			Outlets: []string{"North Gazette", "South Courier"}, Matched: []string{"entity: Ilsa Varga"}}, "")
	})
	if err != nil {
		t.Fatal(err)
	}
	var alerts struct{ Items []store.Alert }
	if err := json.Unmarshal([]byte(get(t, srv, "/api/watchlists/mayor/alerts").Body), &alerts); err != nil || len(alerts.Items) != 1 || alerts.Items[0].Event != "ev1" {
		t.Errorf("alerts = %+v, %v", alerts, err)
	}
	if r := get(t, srv, "/api/watchlists/nope/alerts"); r.Status != http.StatusNotFound {
		t.Errorf("alerts of no watchlist: %d", r.Status)
	}
	feed := get(t, srv, "/watchlists/mayor/feed.atom")
	var doc struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if feed.Status != 200 || !strings.HasPrefix(feed.Header.Get("Content-Type"), "application/atom+xml") || xml.Unmarshal([]byte(feed.Body), &doc) != nil ||
		len(doc.Entries) != 1 || doc.Entries[0].Title != "New: Budget talks <open> in Portvale" {
		t.Errorf("feed: %d %s", feed.Status, feed.Body)
	}
	page := get(t, srv, "/watchlists/mayor")
	if page.Status != 200 || !strings.Contains(page.Body, "Budget talks &lt;open&gt; in Portvale") || !strings.Contains(page.Body, `href="/events/ev1"`) {
		t.Errorf("watchlist page: %d", page.Status)
	}
	if r := do(t, srv, "DELETE", "/api/watchlists/mayor", nil, auth...); r.Status != http.StatusNoContent {
		t.Errorf("DELETE: %d", r.Status)
	}
	if r := get(t, srv, "/watchlists/mayor/feed.atom"); r.Status != http.StatusNotFound {
		t.Errorf("feed of a deleted watchlist: %d", r.Status)
	}
}

func TestSourcePagesNeedTheToken(t *testing.T) {
	srv, st := newTestServer(t, nil)
	form := func(v url.Values) *strings.Reader { return strings.NewReader(v.Encode()) }
	ct := []string{"Content-Type", "application/x-www-form-urlencoded"}
	r := do(t, srv, "POST", "/sources", form(url.Values{"url": {"https://harbour.example/feed.xml"}, "token": {"wrong"}}), ct...)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "token is not right") {
		t.Errorf("wrong token: %d", r.Status)
	}
	r = do(t, srv, "POST", "/sources", form(url.Values{"url": {"javascript:alert(1)"}, "token": {testToken}}), ct...)
	if !strings.Contains(r.Body, "not an http or https URL") {
		t.Errorf("bad URL: %d", r.Status)
	}
	if srcs, _ := st.Sources(context.Background()); len(srcs) != 0 {
		t.Fatalf("refused forms added %+v", srcs)
	}
	r = do(t, srv, "POST", "/sources", form(url.Values{"url": {"https://harbour.example/feed.xml"}, "interval": {"30"}, "token": {testToken}}), ct...)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("add: %d %s", r.Status, r.Body)
	}
	srcs, _ := st.Sources(context.Background())
	if len(srcs) != 1 || srcs[0].Interval != 1800 {
		t.Fatalf("sources = %+v", srcs)
	}
	if page := get(t, srv, "/sources"); !strings.Contains(page.Body, "https://harbour.example/feed.xml") {
		t.Errorf("the sources page does not list the source")
	}
	r = do(t, srv, "POST", "/sources/"+srcs[0].ID+"/delete", form(url.Values{"token": {testToken}}), ct...)
	if srcs, _ := st.Sources(context.Background()); r.Status != http.StatusSeeOther || len(srcs) != 0 {
		t.Errorf("remove: %d, %d left", r.Status, len(srcs))
	}
}

func TestArticleCopyOf(t *testing.T) {
	srv, st := newTestServer(t, nil)
	wire := strings.Repeat("The harbour council approved the budget after a compromise on ferry fares, officials said on Tuesday. ", 4)
	for _, a := range []*storyline.Article{
		{ID: "wire-1", Title: "Budget approved", Outlet: "North Gazette", Text: wire},
		{ID: "wire-2", Title: "Budget approved", Outlet: "South Courier", Text: wire},
	} {
		if _, err := putArticle(context.Background(), st, a); err != nil {
			t.Fatal(err)
		}
	}
	var got struct {
		ID     string `json:"id"`
		CopyOf string `json:"copy_of"`
	}
	json.Unmarshal([]byte(get(t, srv, "/api/articles/wire-2").Body), &got)
	if got.ID != "wire-2" || got.CopyOf != "wire-1" {
		t.Errorf("article = %+v", got)
	}
	if page := get(t, srv, "/articles/wire-2"); !strings.Contains(page.Body, `id="copy-of"`) || !strings.Contains(page.Body, "/articles/wire-1") {
		t.Errorf("the page of a copy does not say so")
	}
	if page := get(t, srv, "/articles/wire-1"); strings.Contains(page.Body, `id="copy-of"`) {
		t.Errorf("the first one is called a copy")
	}
}
