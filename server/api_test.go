package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestAPILists(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	tests := []struct {
		path string
		want string // ids in order
	}{
		{"/api/articles", "a5,a4,a3,a1,a2,a6"},
		{"/api/articles?outlet=North+Gazette", "a3,a1"},
		{"/api/articles?entity=e-council", "a5,a4,a3"},
		{"/api/articles?from=2030-03-02&to=2030-03-20", "a3,a1,a2"},
		{"/api/articles?q=ferry", "a5,a4,a3"},
		{"/api/events", "ev3,ev2,ev1,ev4"},
		{"/api/events?entity=e-portvale", "ev1"},
		{"/api/events?outlet=East+Ledger", "ev2,ev4"},
		{"/api/events?from=2030-01-01&to=2030-03-31", "ev2,ev1"},
		{"/api/stories", "s1,s2"},
		{"/api/stories?entity=e-portvale", "s1"},
		{"/api/stories?to=2029-12-31", "s2"},
		{"/api/entities", "e-varga,e-council,e-portvale"},
		{"/api/entities?q=warga", "e-varga"},
		{"/api/entities?q=%C3%8Dlsa+V%C3%A1rga", "e-varga"}, // no alias has the accents: the key fallback finds it
		{"/api/entities?q=nobody+at+all", ""},
		{"/api/entities?outlet=East+Ledger", "e-varga,e-council"},
		{"/api/quotes", "q1"},
		{"/api/quotes?entity=e-council", ""},
		{"/api/quotes?outlet=South+Courier", "q1"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			if r.Status != http.StatusOK {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			got, _ := ids(t, r.Body)
			if join(got) != tt.want {
				t.Errorf("ids = %s, want %s", join(got), tt.want)
			}
		})
	}
}

// A list gives each article's summary, with the article's own field
// names; its text and what was found in it are the article's own
// endpoint's.
func TestAPIArticleListGivesSummaries(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	var page struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal([]byte(get(t, srv, "/api/articles?outlet=North+Gazette&limit=1").Body), &page); err != nil || len(page.Items) != 1 {
		t.Fatalf("list: %v, %d items", err, len(page.Items))
	}
	item := page.Items[0]
	for field, want := range map[string]any{"id": "a3", "title": "Budget talks stall over ferry fares", "outlet": "North Gazette",
		"published": "2030-03-20", "event": "ev2", "url": "https://north.example/a3",
		"excerpt": "Talks stalled over ferry fares, the harbour council said, after a tense morning."} {
		if item[field] != want {
			t.Errorf("list item's %s = %v, want %v", field, item[field], want)
		}
	}
	for _, field := range []string{"text", "entities", "timexes", "quotes", "paragraphs"} {
		if _, ok := item[field]; ok {
			t.Errorf("list item has %s", field)
		}
	}
	if r := get(t, srv, "/api/articles/a3"); !strings.Contains(r.Body, `"text":"Talks stalled`) || !strings.Contains(r.Body, `"entities":[{`) {
		t.Errorf("the article's own endpoint lacks its text or entities: %s", r.Body)
	}
}

func TestAPIPagination(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	var all []string
	offset := 0
	for page := 0; page < 10; page++ {
		r := get(t, srv, "/api/articles?limit=4&offset="+strconv.Itoa(offset))
		got, next := ids(t, r.Body)
		all = append(all, got...)
		if next == 0 {
			break
		}
		if next != offset+4 {
			t.Fatalf("next_offset = %d after offset %d", next, offset)
		}
		offset = next
	}
	if join(all) != "a5,a4,a3,a1,a2,a6" {
		t.Fatalf("paged ids = %s", join(all))
	}
	if r := get(t, srv, "/api/articles?limit=6"); strings.Contains(r.Body, "next_offset") {
		t.Errorf("an exact last page announces a next one: %s", r.Body)
	}
}

func TestAPIBadParameters(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	for _, path := range []string{
		"/api/articles?limit=0",
		"/api/articles?limit=100000",
		"/api/articles?limit=abc",
		"/api/articles?offset=-1",
		"/api/events?from=yesterday",
		"/api/events?to=2030-13-45",
		"/api/stories?expand=everything",
		"/api/search",
		"/api/search?q=",
	} {
		r := get(t, srv, path)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, r.Status)
		}
		var e apiError
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil || e.Error == "" {
			t.Errorf("%s: error body %q", path, r.Body)
		}
	}
}

func TestAPIGet(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	tests := []struct {
		path   string
		status int
		has    string
	}{
		{"/api/articles/a1", 200, `"title":"Harbour council opens budget talks"`},
		{"/api/events/ev2", 200, `"title":"Talks stall over ferry fares"`},
		{"/api/entities/e-varga", 200, `"roles":["Mayor"]`},
		{"/api/entities/e-varga", 200, `"article_count":4`},
		{"/api/quotes/q1", 200, `"articles":["a1","a2"]`},
		{"/api/stories/s1", 200, `"event_details":[{"id":"ev1"`},
		{"/api/articles/nope", 404, `"error":"not found"`},
		{"/api/events/nope", 404, `"error"`},
		{"/api/stories/nope", 404, `"error"`},
		{"/api/nothing-here", 404, `"error"`},
	}
	for _, tt := range tests {
		r := get(t, srv, tt.path)
		if r.Status != tt.status || !strings.Contains(r.Body, tt.has) {
			t.Errorf("%s: %d %s; want %d with %s", tt.path, r.Status, r.Body, tt.status, tt.has)
		}
	}
}

func TestAPIStoriesExpand(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	r := get(t, srv, "/api/stories?expand=events")
	var p struct {
		Items []storyJSON `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.Body), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || len(p.Items[0].Events) != 3 || len(p.Items[0].EventDetails) != 3 || p.Items[0].EventDetails[2].ID != "ev3" {
		t.Fatalf("expanded stories: %s", r.Body)
	}
}

func TestAPISearch(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	r := get(t, srv, "/api/search?q=constructive")
	var p struct {
		Items []searchHit `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.Body), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Fatalf("hits: %s", r.Body)
	}
	for _, h := range p.Items {
		if strings.ContainsAny(h.Snippet, "\x02\x03") {
			t.Errorf("snippet keeps markers: %q", h.Snippet)
		}
		if len(h.Highlights) == 0 {
			t.Fatalf("no highlight in %+v", h)
		}
		for _, hl := range h.Highlights {
			if got := h.Snippet[hl[0]:hl[1]]; !strings.EqualFold(got, "constructive") {
				t.Errorf("highlight %v = %q", hl, got)
			}
		}
		if !strings.Contains(h.SnippetHTML, "<mark>constructive</mark>") {
			t.Errorf("snippet_html = %q", h.SnippetHTML)
		}
	}
	if r := get(t, srv, "/api/search?q=%22%29%28*+OR+NEAR"); r.Status != 200 {
		t.Errorf("FTS syntax in q: status %d %s", r.Status, r.Body)
	}
}

func TestAPIPostArticles(t *testing.T) {
	srv, st := newTestServer(t, nil)
	count := func() int {
		n, err := st.CountArticles(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	one := `{"id":"up1","title":"Uploaded","text":"Some uploaded text.","outlet":"Up"}`
	lines := one + "\n" + `{"id":"up2","text":"Second."}` + "\n\n" + `{"id":"bad"` + "\n" + `{"id":"up3"}` + "\n"
	tests := []struct {
		name    string
		headers []string
		body    string
		status  int
		count   int
	}{
		{"no token", []string{"Content-Type", "application/json"}, one, 401, 0},
		{"wrong token", []string{"Content-Type", "application/json", "Authorization", "Bearer nope"}, one, 401, 0},
		{"token as basic", []string{"Content-Type", "application/json", "Authorization", "Basic " + testToken}, one, 401, 0},
		{"bad content type", []string{"Content-Type", "text/html", "Authorization", "Bearer " + testToken}, one, 415, 0},
		{"invalid json", []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}, `{"id":`, 400, 0},
		{"unknown field", []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}, `{"id":"x","text":"t","evil":1}`, 400, 0},
		{"no text", []string{"Content-Type", "application/json", "Authorization", "Bearer " + testToken}, `{"id":"x"}`, 400, 0},
		{"one article", []string{"Content-Type", "application/json; charset=utf-8", "Authorization", "Bearer " + testToken}, one, 201, 1},
		{"again: unchanged", []string{"Content-Type", "application/json", "Authorization", "bearer " + testToken}, one, 201, 1},
		{"json lines with failures", []string{"Content-Type", "application/x-ndjson", "Authorization", "Bearer " + testToken}, lines, 207, 2},
		{"all lines bad", []string{"Content-Type", "application/jsonl", "Authorization", "Bearer " + testToken}, "nope\n{}\n", 422, 2},
		{"empty", []string{"Content-Type", "application/jsonl", "Authorization", "Bearer " + testToken}, "\n", 400, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(tt.body), tt.headers...)
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tt.status, r.Body)
			}
			if r.Status == 401 && r.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if n := count(); n != tt.count {
				t.Fatalf("store has %d articles, want %d", n, tt.count)
			}
		})
	}
	r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(lines), "Content-Type", "application/x-ndjson", "Authorization", "Bearer "+testToken)
	var resp ingestResponse
	if err := json.Unmarshal([]byte(r.Body), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Rejected != 2 || resp.Failed != 2 || len(resp.Errors) != 2 || !strings.HasPrefix(resp.Errors[0], "line 4:") {
		t.Errorf("summary = %+v", resp)
	}
}

func TestAPIPostWithoutConfiguredToken(t *testing.T) {
	st := openStore(t)
	srv := New(st, Options{Ingest: fakeIngest(st), Log: discard()})
	for _, auth := range []string{"", "Bearer ", "Bearer x"} {
		r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(`{"text":"x"}`), "Content-Type", "application/json", "Authorization", auth)
		if r.Status != http.StatusUnauthorized {
			t.Errorf("auth %q: status %d", auth, r.Status)
		}
	}
	if n, _ := st.CountArticles(t.Context()); n != 0 {
		t.Fatalf("stored %d articles", n)
	}
}

func TestBodyLimit(t *testing.T) {
	st := openStore(t)
	srv := New(st, Options{Token: testToken, Ingest: fakeIngest(st), Log: discard(), MaxBody: 1000})
	big := `{"text":"` + strings.Repeat("x", 2000) + `"}`
	r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(big), "Content-Type", "application/json", "Authorization", "Bearer "+testToken)
	if r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
}

func TestOpenAPIListsEveryRoute(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	r := get(t, srv, "/api/openapi.json")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(r.Body), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi = %q", doc.OpenAPI)
	}
	served := 0
	for _, rt := range srv.routes {
		if rt.doc == nil {
			// Only the pages for people and their assets are left out.
			if strings.HasPrefix(rt.pattern, "/api/") || rt.pattern == "/healthz" || rt.pattern == "/metrics" {
				t.Errorf("%s %s has no description", rt.method, rt.pattern)
			}
			continue
		}
		served++
		if _, ok := doc.Paths[rt.pattern][strings.ToLower(rt.method)]; !ok {
			t.Errorf("%s %s is served but not in the document", rt.method, rt.pattern)
		}
	}
	documented := 0
	sample := strings.NewReplacer("{id}", "x")
	for path, ops := range doc.Paths {
		for method := range ops {
			documented++
			resp := do(t, srv, strings.ToUpper(method), sample.Replace(path), strings.NewReader("{}"), "Content-Type", "application/json")
			if resp.Status == http.StatusMethodNotAllowed || strings.Contains(resp.Body, "no such endpoint") {
				t.Errorf("%s %s is documented but not served: %d", method, path, resp.Status)
			}
		}
	}
	if served != documented || served < 15 {
		t.Errorf("served %d API routes, documented %d", served, documented)
	}
}

func TestHealthzAndMetrics(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	r := get(t, srv, "/healthz")
	if r.Status != 200 || !strings.Contains(r.Body, `"articles":6`) {
		t.Fatalf("healthz: %d %s", r.Status, r.Body)
	}
	get(t, srv, "/api/articles")
	get(t, srv, "/api/articles/nope")
	get(t, srv, "/some/random/path/1")
	m := get(t, srv, "/metrics")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`storyline_http_requests_total\{code="200",method="GET",route="GET /api/articles"\} 1`),
		regexp.MustCompile(`storyline_http_requests_total\{code="404",method="GET",route="GET /api/articles/\{id\}"\} 1`),
		regexp.MustCompile(`storyline_http_requests_total\{code="404",method="GET",route="unmatched"\} 1`),
		regexp.MustCompile(`storyline_http_request_duration_seconds_bucket\{route="GET /healthz",le="0.001"\}`),
		regexp.MustCompile(`go_goroutines `),
	} {
		if !want.MatchString(m.Body) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
