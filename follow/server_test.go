package follow

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// web is a test server on 127.0.0.1 standing for several hosts: requests
// are routed by their Host header, and every request is logged.
type web struct {
	srv   *httptest.Server
	mu    sync.Mutex
	hosts map[string]*http.ServeMux
	log   []hit
}

type hit struct {
	host, path string
	at         time.Time
	header     http.Header
}

func newWeb(t *testing.T) *web {
	w := &web{hosts: map[string]*http.ServeMux{}}
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		w.mu.Lock()
		w.log = append(w.log, hit{host: host, path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
		mux := w.hosts[host]
		w.mu.Unlock()
		if mux == nil {
			http.Error(rw, "no such host", http.StatusBadGateway)
			return
		}
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(w.srv.Close)
	return w
}

// host is the mux of a host name; robots.txt answers 404 unless set.
func (w *web) host(name string) *http.ServeMux {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.hosts[name] == nil {
		w.hosts[name] = http.NewServeMux()
	}
	return w.hosts[name]
}

// transport dials the test server whatever host a URL names.
func (w *web) transport() http.RoundTripper {
	addr := w.srv.Listener.Addr().String()
	return &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
		DisableCompression: true,
	}
}

// hits are the logged requests for host and path ("" for any path).
func (w *web) hits(host, path string) []hit {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []hit
	for _, h := range w.log {
		if h.host == host && (path == "" || h.path == path) {
			out = append(out, h)
		}
	}
	return out
}

func (w *web) count(host, path string) int { return len(w.hits(host, path)) }

func (w *web) reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.log = nil
}

// clock is a test's time, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testbed is a store, a pipeline and a follower over a test web.
type testbed struct {
	t     *testing.T
	web   *web
	st    store.Store
	p     *pipeline.Pipeline
	clock *clock
	opts  Options
}

func newTestbed(t *testing.T) *testbed {
	st, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tb := &testbed{t: t, web: newWeb(t), st: st, p: pipeline.New(st, nil), clock: &clock{t: time.Date(2030, 3, 2, 10, 0, 0, 0, time.UTC)}}
	tb.opts = Options{
		Fetch: FetchOptions{Transport: tb.web.transport(), Timeout: 2 * time.Second, HostInterval: -1, Backoff: 10 * time.Millisecond, MaxBytes: 64 << 10},
		Now:   tb.clock.now,
	}
	return tb
}

func (tb *testbed) follower() *Follower { return New(tb.st, tb.p, tb.opts) }

func (tb *testbed) addSource(rawURL, kind string) *store.Source {
	tb.t.Helper()
	s, err := sourcelist.NewSource(rawURL, kind, "", sourcelist.DefaultInterval, tb.clock.now())
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := sourcelist.AddSources(context.Background(), tb.st, s); err != nil {
		tb.t.Fatal(err)
	}
	return s
}

func (tb *testbed) pass(f *Follower) Summary {
	tb.t.Helper()
	sum, err := f.Pass(context.Background())
	if err != nil {
		tb.t.Fatalf("pass: %v", err)
	}
	return sum
}

func (tb *testbed) source(id string) store.Source {
	tb.t.Helper()
	srcs, err := tb.st.Sources(context.Background())
	if err != nil {
		tb.t.Fatal(err)
	}
	for _, s := range srcs {
		if s.ID == id {
			return s
		}
	}
	tb.t.Fatalf("no source %s", id)
	return store.Source{}
}

func (tb *testbed) articles() map[string]string {
	tb.t.Helper()
	out := map[string]string{}
	if err := tb.st.EachArticle(context.Background(), func(a *storyline.Article) error {
		out[a.ID] = a.Text
		return nil
	}); err != nil {
		tb.t.Fatal(err)
	}
	return out
}

// story is an invented report: a headline and paragraphs long enough for
// a page's article to be told from its chrome.
type story struct {
	title string
	paras []string
}

func report(topic, place, person string, n int) story {
	var paras []string
	for i := range n {
		paras = append(paras, fmt.Sprintf("%s officials in %s met again on the %s question, and %s told reporters that the talks had moved forward in their %s round, with a decision expected before the end of the month. Residents gathered outside the hall to follow the %s debate and to ask for clearer answers.",
			place, place, topic, person, ordinal(i+1), topic))
	}
	return story{title: fmt.Sprintf("%s talks in %s", strings.ToUpper(topic[:1])+topic[1:], place), paras: paras}
}

func ordinal(n int) string {
	return [...]string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}[n%10]
}

// page is an article page; canonical is its <link rel=canonical>, if any.
func (s story) page(canonical string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(s.title) + "</title>")
	if canonical != "" {
		b.WriteString(`<link rel="canonical" href="` + html.EscapeString(canonical) + `">`)
	}
	b.WriteString("</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + html.EscapeString(s.title) + "</h1>")
	for _, p := range s.paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	b.WriteString("</article><footer>Copyright the Harbour Gazette</footer></body></html>")
	return b.String()
}

// feedItem is one RSS item: full text when full is set, else the first
// sentence as a summary.
type feedItem struct {
	guid, link string
	s          story
	full       bool
	date       string
}

func rss(title string, items ...feedItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>` + html.EscapeString(title) + `</title><link>http://example.invalid/</link>`)
	for _, it := range items {
		b.WriteString("<item>")
		if it.guid != "" {
			b.WriteString(`<guid isPermaLink="false">` + html.EscapeString(it.guid) + "</guid>")
		}
		b.WriteString("<title>" + html.EscapeString(it.s.title) + "</title><link>" + html.EscapeString(it.link) + "</link>")
		date := it.date
		if date == "" {
			date = "Sat, 02 Mar 2030 09:00:00 +0000"
		}
		b.WriteString("<pubDate>" + date + "</pubDate>")
		summary, _, _ := strings.Cut(it.s.paras[0], ",")
		b.WriteString("<description>" + html.EscapeString(summary+".") + "</description>")
		if it.full {
			b.WriteString("<content:encoded>" + html.EscapeString("<p>"+strings.Join(it.s.paras, "</p><p>")+"</p>") + "</content:encoded>")
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// serveVersioned answers with body and its ETag, or 304 to a request that
// has that ETag already.
func serveVersioned(rw http.ResponseWriter, r *http.Request, etag, contentType, body string) {
	rw.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		rw.WriteHeader(http.StatusNotModified)
		return
	}
	rw.Header().Set("Content-Type", contentType)
	rw.Write([]byte(body))
}

// serveEncoded compresses body as the request accepts (br first, then
// gzip).
func serveEncoded(rw http.ResponseWriter, r *http.Request, contentType, body string) {
	rw.Header().Set("Content-Type", contentType)
	accept := r.Header.Get("Accept-Encoding")
	var buf bytes.Buffer
	switch {
	case strings.Contains(accept, "br"):
		rw.Header().Set("Content-Encoding", "br")
		bw := brotli.NewWriter(&buf)
		bw.Write([]byte(body))
		bw.Close()
	case strings.Contains(accept, "gzip"):
		rw.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(body))
		zw.Close()
	default:
		buf.WriteString(body)
	}
	rw.Write(buf.Bytes())
}
