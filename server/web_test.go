package server

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline-news/storyline"
)

func TestPages(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	tests := []struct {
		path   string
		status int
		has    []string
	}{
		{"/", 200, []string{"Latest stories", `href="/stories/s1"`, "Portvale budget", "Lighthouse"}},
		{"/stories/s1", 200, []string{"<svg", `href="/events/ev1"`, "Council drafts the budget", "An undated earlier round", `data-date="2030-03-20"`}},
		{"/events/ev1", 200, []string{"Budget talks open in Portvale", "North Gazette", "South Courier", `href="/entities/e-varga"`, "constructive", "carried by North Gazette, South Courier", "Facts across sources"}},
		{"/entities/e-varga", 200, []string{"Ilsa Varga", "PERSON · 4 article(s)", "Latest articles", `href="/articles/a5"`, "South Courier · 10 Apr 2030", "Ilsa Warga", "Mayor", "<svg", "Appearances over time", "constructive", "carried by North Gazette, South Courier"}},
		{"/entities?q=warga", 200, []string{`href="/entities/e-varga"`}},
		{"/articles/a1", 200, []string{"Harbour council opens budget talks", `href="https://north.example/a1"`, "Mayor Ilsa Varga called"}},
		{"/search?q=ferry", 200, []string{"<mark>ferry</mark>", `href="/articles/a3"`}},
		{"/search", 200, []string{`id="q"`}},
		{"/stories/nope", 404, []string{"Not found"}},
		{"/nothing/here", 404, []string{"Not found"}},
		{"/static/htmx.min.js", 200, []string{"htmx"}},
		{"/static/style.css", 200, []string{"body"}},
		{"/static/", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d", r.Status, tt.status)
			}
			for _, s := range tt.has {
				if !strings.Contains(r.Body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("CSP = %q", csp)
			}
		})
	}
}

func TestStoryPageEventsInDateOrder(t *testing.T) {
	c := fixture()
	c.Stories[0].Events = []string{"ev3", "ev1", "ev2"} // stored order must not matter
	srv, _ := newTestServer(t, c)
	r := get(t, srv, "/stories/s1")
	dates := regexp.MustCompile(`class="event" data-date="([^"]*)"`).FindAllStringSubmatch(r.Body, -1)
	var got []string
	for _, d := range dates {
		got = append(got, d[1])
	}
	if join(got) != "2030-03-02,2030-03-20,2030-04-10" {
		t.Fatalf("event dates on the page: %v", got)
	}
}

// Before anything is built from them, the home page lists the latest
// articles.
func TestHomeListsArticlesWithoutStories(t *testing.T) {
	srv, _ := newTestServer(t, &storyline.Corpus{Articles: fixture().Articles})
	r := get(t, srv, "/")
	for _, want := range []string{"No stories have been built yet", `href="/articles/a5"`, "Budget approved after ferry compromise", "South Courier · 10 Apr 2030"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
}

func TestHomeFragmentForMore(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	r := get(t, srv, "/?limit=1")
	if !strings.Contains(r.Body, `hx-get="/?offset=1"`) {
		t.Fatalf("no more link: %s", r.Body)
	}
	r = do(t, srv, http.MethodGet, "/?offset=1", nil, "HX-Request", "true")
	if strings.Contains(r.Body, "<html") || !strings.Contains(r.Body, "Lighthouse") {
		t.Fatalf("fragment: %s", r.Body)
	}
	r = do(t, srv, http.MethodGet, "/search?q=lighthouse", nil, "HX-Request", "true")
	if strings.Contains(r.Body, "<html") || !strings.Contains(r.Body, `<mark>lighthouse</mark>`) {
		t.Fatalf("search fragment: %s", r.Body)
	}
}

// hostile is an article whose every field tries to inject markup.
func hostile() *storyline.Corpus {
	const evil = `<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><svg onload=alert(4)></svg>"'&`
	c := fixture()
	a := &storyline.Article{
		ID: "x1", URL: "javascript:alert(5)//", Title: "Title " + evil, Outlet: "Outlet " + evil, Byline: evil,
		Published: "2030-05-01", Text: "Body evilword " + evil + "\n" + evil, Event: "evx",
		Entities: []storyline.Mention{{Entity: "ex", Name: "Name " + evil, Type: storyline.Person, Text: evil}},
		Quotes:   []storyline.QuoteMention{{Quote: "qx", Text: evil, Speaker: "ex", SpeakerName: evil}},
	}
	c.Articles = append(c.Articles, a)
	c.Entities = append(c.Entities, storyline.Entity{ID: "ex", Name: "Name " + evil, Type: storyline.Person, Aliases: []string{evil}, Roles: []string{evil}, Articles: []string{"x1"}})
	c.Quotes = append(c.Quotes, storyline.Quote{ID: "qx", Speaker: "ex", SpeakerName: evil, Text: evil, Articles: []string{"x1"}})
	c.Events = append(c.Events, storyline.Event{ID: "evx", Title: "Event " + evil, Date: "2030-05-01", Place: evil, Summary: evil, Articles: []string{"x1"}, Entities: []string{"ex"}, Story: "sx",
		Facts: []storyline.Fact{{Kind: evil, Value: evil, Verdict: storyline.Verdict(evil), Values: map[string]string{"x1": evil}, Articles: []string{"x1"}}}})
	c.Stories = append(c.Stories, storyline.Story{ID: "sx", Title: "Story " + evil, Events: []string{"evx"}, Timeline: []storyline.TimelineEntry{
		{Date: "2030-05-01", What: evil, Event: "evx", Articles: []string{"x1"}},
		{Date: "2030-04", What: "Earlier " + evil, Articles: []string{"x1"}},
		{Date: evil, What: evil},
	}})
	return c
}

// TestUntrustedTextIsEscaped renders every page that shows the hostile
// article, parses it as a browser would, and checks that none of the
// article's markup became markup: no event-handler attribute, no element
// the templates do not write, no script but htmx, no link but http(s) and
// same-origin paths.
func TestUntrustedTextIsEscaped(t *testing.T) {
	srv, _ := newTestServer(t, hostile())
	for _, path := range []string{"/", "/stories/sx", "/events/evx", "/entities/ex", "/entities", "/articles/x1", "/search?q=evilword", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/entities?q=%3Cscript%3E"} {
		r := get(t, srv, path)
		if r.Status != 200 {
			t.Errorf("%s: status %d", path, r.Status)
			continue
		}
		checkMarkup(t, path, r.Body)
		if !strings.Contains(r.Body, "&lt;script&gt;") {
			t.Errorf("%s: the hostile text is not shown escaped", path)
		}
	}
	// The API returns the text as JSON data, with <, > and & escaped, as
	// JSON, never as HTML.
	for _, path := range []string{"/api/articles/x1", "/api/search?q=evilword", "/api/events/evx", "/api/search?q=%3Cscript%3E", "/api/entities?q=%3Cscript%3E", "/api/nothing?<script>"} {
		r := get(t, srv, path)
		if strings.Contains(r.Body, "<") || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %s %s", path, r.Header.Get("Content-Type"), r.Body)
		}
	}
	r := get(t, srv, "/api/search?q=evilword")
	if !strings.Contains(r.Body, `\u003cmark\u003eevilword\u003c/mark\u003e`) || !strings.Contains(r.Body, `\u0026lt;script\u0026gt;`) {
		t.Errorf("snippet_html not escaped: %s", r.Body)
	}
}

// allowedElements are the elements the templates write.
var allowedElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "link": true, "script": true, "body": true, "header": true, "nav": true, "main": true, "footer": true,
	"a": true, "h1": true, "h2": true, "h3": true, "p": true, "span": true, "ul": true, "ol": true, "li": true, "form": true, "input": true, "button": true,
	"div": true, "section": true, "article": true, "blockquote": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "mark": true, "code": true,
	"svg": true, "line": true, "text": true, "tspan": true, "g": true, "circle": true, "polyline": true, "rect": true,
}

func checkMarkup(t *testing.T, path, body string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowedElements[tok.Data] {
			t.Errorf("%s: element <%s> the templates do not write", path, tok.Data)
		}
		for _, a := range tok.Attr {
			key, val := strings.ToLower(a.Key), strings.TrimSpace(a.Val)
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: event handler %s=%q on <%s>", path, a.Key, a.Val, tok.Data)
			}
			switch key {
			case "href", "src", "action", "hx-get", "hx-post", "formaction", "xlink:href":
				ok := strings.HasPrefix(val, "https://") || strings.HasPrefix(val, "http://") || (strings.HasPrefix(val, "/") && !strings.HasPrefix(val, "//"))
				if !ok {
					t.Errorf("%s: unsafe %s=%q on <%s>", path, a.Key, a.Val, tok.Data)
				}
				if tok.Data == "script" && val != "/static/htmx.min.js" || tok.Data == "link" && !strings.HasPrefix(val, "/static/") {
					t.Errorf("%s: asset %q", path, val)
				}
			case "style":
				t.Errorf("%s: inline style on <%s>", path, tok.Data)
			}
		}
		if tok.Data == "script" {
			if z.Next() == html.TextToken && strings.TrimSpace(string(z.Text())) != "" {
				t.Errorf("%s: inline script", path)
			}
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := map[string]string{
		"https://example.org/a?b=c":   "https://example.org/a?b=c",
		"http://example.org":          "http://example.org",
		"javascript:alert(1)":         "",
		" JavaScript:alert(1)":        "",
		"data:text/html,<script>":     "",
		"//evil.example/x":            "",
		"/relative":                   "",
		"vbscript:x":                  "",
		"https://":                    "",
		"https://ex ample.org/\x00":   "",
		"HTTPS://EXAMPLE.ORG/caps-ok": "https://EXAMPLE.ORG/caps-ok",
	}
	for in, want := range tests {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnippetSegments(t *testing.T) {
	got := snippetSegments("a \x02b\x03 c \x02d\x03")
	want := []segment{{"a ", false}, {"b", true}, {" c ", false}, {"d", true}}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%+v, want %+v", got, want)
		}
	}
	if s := snippetSegments(""); len(s) != 0 {
		t.Fatalf("empty: %+v", s)
	}
}
