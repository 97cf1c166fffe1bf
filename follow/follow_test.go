package follow

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/store"
)

// A feed with full texts: a 304 costs nothing, an ETag change brings the
// new and the corrected items, and nothing is stored twice.
func TestFollowFeedConditionally(t *testing.T) {
	tb := newTestbed(t)
	items := []feedItem{
		{guid: "tag:news.test,2030:1", link: "http://news.test/1", s: report("harbour", "Portvale", "Ilsa Varga", 3), full: true},
		{guid: "tag:news.test,2030:2", link: "http://news.test/2", s: report("ferry", "Lowmarsh", "Tomas Brenn", 3), full: true},
		{guid: "tag:news.test,2030:3", link: "http://news.test/3", s: report("bridge", "Kettleby", "Ana Fjord", 3), full: true},
	}
	var mu sync.Mutex
	etag, body := `"v1"`, rss("News Test", items...)
	tb.web.host("news.test").HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		e, b := etag, body
		mu.Unlock()
		serveVersioned(w, r, e, "application/rss+xml", b)
	})
	src := tb.addSource("http://news.test/feed.xml", "")
	f := tb.follower()

	sum := tb.pass(f)
	if sum.Ingest.Ingested != 3 || sum.Sources != 1 || sum.Pages != 0 {
		t.Fatalf("first pass: %+v", sum)
	}
	s := tb.source(src.ID)
	if s.Kind != store.SourceFeed || s.State.ETag != `"v1"` || s.State.Items != 3 || s.State.LastNew == "" || s.State.NextPoll == "" {
		t.Errorf("after the first pass: %+v", s)
	}

	robotsReads := tb.web.count("news.test", "/robots.txt")
	// Not due yet: nothing is fetched.
	tb.web.reset()
	tb.clock.advance(time.Minute)
	if sum := tb.pass(f); sum.Sources != 0 || tb.web.count("news.test", "") != 0 {
		t.Errorf("a source polled before it was due: %+v", sum)
	}

	// Due: a conditional request, answered 304.
	tb.clock.advance(sourcelist.DefaultInterval)
	sum = tb.pass(f)
	feedHits := tb.web.hits("news.test", "/feed.xml")
	if sum.NotModified != 1 || len(feedHits) != 1 || feedHits[0].header.Get("If-None-Match") != `"v1"` || sum.Ingest.Ingested != 0 {
		t.Errorf("second pass: %+v, feed requests %d", sum, len(feedHits))
	}

	// A new ETag: a corrected item and a new one.
	corrected := items[1]
	corrected.s.paras = append([]string{"Correction: the ferry vote was moved to Thursday after a request from the Lowmarsh council, officials said on Saturday morning in a short statement."}, corrected.s.paras...)
	fourth := feedItem{guid: "tag:news.test,2030:4", link: "http://news.test/4", s: report("school", "Westerby", "Mara Holt", 3), full: true}
	mu.Lock()
	etag, body = `"v2"`, rss("News Test", items[0], corrected, items[2], fourth)
	mu.Unlock()
	tb.clock.advance(sourcelist.DefaultInterval)
	sum = tb.pass(f)
	if sum.Ingest.Ingested != 1 || sum.Ingest.Updated != 1 || sum.Known != 2 {
		t.Errorf("third pass: %+v; want 1 new, 1 updated, 2 known", sum)
	}
	arts := tb.articles()
	if len(arts) != 4 || !strings.HasPrefix(arts["tag:news.test,2030:2"], "Correction:") {
		t.Errorf("articles after the update: %d, corrected text %.40q", len(arts), arts["tag:news.test,2030:2"])
	}
	if got := tb.source(src.ID).State; got.Items != 4 || got.ETag != `"v2"` {
		t.Errorf("state after the update: %+v", got)
	}
	for _, h := range tb.web.hits("news.test", "") {
		if !strings.Contains(h.header.Get("User-Agent"), "Storyline") {
			t.Errorf("request without Storyline's User-Agent: %q", h.header.Get("User-Agent"))
		}
	}
	if n := robotsReads + tb.web.count("news.test", "/robots.txt"); n != 1 {
		t.Errorf("robots.txt read %d times, want once (it is kept)", n)
	}
}

// Items that carry only a summary: the page is fetched (compressed),
// the same article under another URL is recognised, and what robots.txt
// forbids, what is too large and what loops is never fetched twice.
func TestFollowSummariesPagesAndDuplicates(t *testing.T) {
	tb := newTestbed(t)
	site := tb.web.host("site.test")
	site.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	a := report("harbour", "Portvale", "Ilsa Varga", 4)
	c := report("lighthouse", "Kettleby", "Ana Fjord", 3)
	d := report("budget", "Lowmarsh", "Tomas Brenn", 3)
	e := report("tram", "Westerby", "Mara Holt", 3)
	g := report("museum", "Northby", "Ivo Lint", 4)
	feed := rss("Site Test",
		feedItem{guid: "site-a", link: "http://site.test/story-a?utm_source=rss&utm_medium=feed", s: a},
		feedItem{guid: "site-a-amp", link: "http://site.test/amp/story-a", s: a},
		feedItem{guid: "site-c", link: "http://site.test/private/c", s: c},
		feedItem{guid: "site-d", link: "http://site.test/big", s: d},
		feedItem{guid: "site-e", link: "http://site.test/loop", s: e},
	)
	site.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) { serveEncoded(w, r, "application/rss+xml", feed) })
	site.HandleFunc("/story-a", func(w http.ResponseWriter, r *http.Request) {
		serveEncoded(w, r, "text/html; charset=utf-8", a.page("http://site.test/story-a"))
	})
	site.HandleFunc("/amp/story-a", func(w http.ResponseWriter, r *http.Request) {
		serveEncoded(w, r, "text/html; charset=utf-8", a.page("/story-a"))
	})
	site.HandleFunc("/private/c", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(c.page(""))) })
	site.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(d.page("") + strings.Repeat("<!-- padding -->", 8<<10)))
	})
	site.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	site.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
	})
	// A news sitemap of the same site lists story A again and a story
	// of its own.
	site.HandleFunc("/news-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://site.test/story-a</loc><news:news><news:publication><news:name>Site Test</news:name><news:language>en</news:language></news:publication><news:publication_date>2030-03-02T09:00:00Z</news:publication_date><news:title>` + a.title + `</news:title></news:news></url>
<url><loc>http://site.test/story-g</loc><news:news><news:publication><news:name>Site Test</news:name><news:language>en</news:language></news:publication><news:publication_date>2030-03-02T09:30:00Z</news:publication_date><news:title>` + g.title + `</news:title></news:news></url>
</urlset>`))
	})
	site.HandleFunc("/story-g", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(g.page(""))) })
	feedSrc := tb.addSource("http://site.test/feed.xml", store.SourceFeed)
	mapSrc := tb.addSource("http://site.test/news-sitemap.xml", "")

	f := tb.follower()
	sum := tb.pass(f)
	arts := tb.articles()
	if len(arts) != 5 || sum.Ingest.Ingested != 5 {
		t.Fatalf("stored %d articles (%+v), want 5: A once, C, D and E from their summaries, G", len(arts), sum)
	}
	var fromPage, summaries int
	for _, text := range arts {
		switch {
		case strings.Contains(text, "fourth round") || strings.Contains(text, "Northby officials"):
			fromPage++ // A and G are read from their pages
		case len(strings.Fields(text)) < 20:
			summaries++
		}
	}
	if fromPage != 2 || summaries != 3 {
		t.Errorf("%d articles from their pages (want 2), %d from summaries (want 3)", fromPage, summaries)
	}
	for _, c := range []struct {
		path string
		want int
	}{
		{"/story-a", 1}, {"/story-a?utm_source=rss&utm_medium=feed", 0}, {"/amp/story-a", 1}, {"/private/c", 0}, {"/big", 1},
		{"/loop", 1}, {"/loop2", 1}, {"/story-g", 1}, {"/robots.txt", 1},
	} {
		if got := tb.web.count("site.test", c.path); got != c.want {
			t.Errorf("%s fetched %d times, want %d", c.path, got, c.want)
		}
	}
	for _, h := range tb.web.hits("site.test", "/story-a") {
		if enc := h.header.Get("Accept-Encoding"); !strings.Contains(enc, "gzip") || !strings.Contains(enc, "br") {
			t.Errorf("Accept-Encoding %q", enc)
		}
	}
	if s := tb.source(mapSrc.ID); s.Kind != store.SourceSitemap || s.State.Failures != 0 {
		t.Errorf("sitemap source = %+v", s)
	}

	// The next poll reads the listings again, and no page.
	tb.web.reset()
	tb.clock.advance(sourcelist.DefaultInterval)
	sum = tb.pass(f)
	if sum.Pages != 0 || sum.Ingest.Ingested+sum.Ingest.Updated != 0 || len(tb.articles()) != 5 {
		t.Errorf("second pass: %+v", sum)
	}
	for _, h := range tb.web.hits("site.test", "") {
		if h.path != "/feed.xml" && h.path != "/news-sitemap.xml" {
			t.Errorf("second pass fetched %s", h.path)
		}
	}
	// Story A counts for whichever listing stored it.
	if fs, ms := tb.source(feedSrc.ID).State, tb.source(mapSrc.ID).State; fs.Items+ms.Items != 5 || fs.Failures+ms.Failures != 0 {
		t.Errorf("feed state %+v, sitemap state %+v", fs, ms)
	}
}

// Hosts that time out, ask to wait, or are busy for a moment.
func TestFollowFailingHosts(t *testing.T) {
	tb := newTestbed(t)
	tb.opts.Fetch.Timeout = 150 * time.Millisecond
	tb.opts.Fetch.Retries = 2
	story := report("harbour", "Portvale", "Ilsa Varga", 3)
	feed := rss("Busy", feedItem{guid: "busy-1", link: "http://busy.test/1", s: story, full: true})

	tb.web.host("slow.test").HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers in time
	})
	var mu sync.Mutex
	busyCalls := 0
	tb.web.host("busy.test").HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		busyCalls++
		first := busyCalls == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(feed))
	})
	tb.web.host("later.test").HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	slow := tb.addSource("http://slow.test/feed.xml", store.SourceFeed)
	busy := tb.addSource("http://busy.test/feed.xml", store.SourceFeed)
	later := tb.addSource("http://later.test/feed.xml", store.SourceFeed)
	f := tb.follower()

	sum := tb.pass(f)
	if sum.Failed != 2 || sum.Ingest.Ingested != 1 {
		t.Fatalf("first pass: %+v; want slow and later failed, busy's item stored", sum)
	}
	// 429 with Retry-After: asked again once, after the wait.
	busyHits := tb.web.hits("busy.test", "/feed.xml")
	if len(busyHits) != 2 || busyHits[1].at.Sub(busyHits[0].at) < 900*time.Millisecond {
		t.Errorf("busy host: %d requests; want 2, a second apart", len(busyHits))
	}
	// A Retry-After longer than we wait in place: not asked again, and
	// not polled before it.
	if n := tb.web.count("later.test", "/feed.xml"); n != 1 {
		t.Errorf("later host asked %d times, want 1", n)
	}
	if st := tb.source(later.ID).State; parseTime(st.NextPoll).Sub(tb.clock.now()) < 2*time.Hour || st.LastStatus != http.StatusServiceUnavailable {
		t.Errorf("later host state: %+v", st)
	}
	// The host that times out: tried 1 + Retries times, then backed off.
	if n := tb.web.count("slow.test", "/feed.xml"); n != 3 {
		t.Errorf("slow host asked %d times in one pass, want 3", n)
	}
	st := tb.source(slow.ID).State
	if st.Failures != 1 || st.Failing || !strings.Contains(st.LastError, "deadline") && !strings.Contains(st.LastError, "timeout") {
		t.Errorf("slow host after one failed poll: %+v", st)
	}
	// Backed off: twice its interval.
	tb.web.reset()
	tb.clock.advance(sourcelist.DefaultInterval + time.Second)
	tb.pass(f)
	if n := tb.web.count("slow.test", "/feed.xml"); n != 0 {
		t.Errorf("a failing source was polled %d times before its backoff ran out", n)
	}
	for range 2 {
		tb.clock.advance(3 * 24 * time.Hour)
		tb.pass(f)
	}
	if st := tb.source(slow.ID).State; st.Failures != 3 || !st.Failing {
		t.Errorf("after three failed polls: %+v; want flagged failing", st)
	}
	if st := tb.source(busy.ID).State; st.Failing || st.Items != 1 {
		t.Errorf("busy host: %+v", st)
	}
}

// A pass cut short: the next one stores what was left, and fetches no
// page whose article the first stored.
func TestFollowRestartInTheMiddle(t *testing.T) {
	tb := newTestbed(t)
	tb.opts.PageWorkers = 1
	tb.opts.Fetch.HostConcurrency = 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var items []feedItem
	pages := map[string]string{}
	for i, topic := range []string{"harbour", "ferry", "bridge", "school", "museum", "tram"} {
		s := report(topic, "Portvale", "Ilsa Varga", 3)
		path := "/story-" + topic
		items = append(items, feedItem{guid: "p-" + topic, link: "http://paper.test" + path, s: s})
		pages[path] = s.page("")
		_ = i
	}
	feed := rss("Paper", items...)
	paper := tb.web.host("paper.test")
	paper.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(feed)) })
	var mu sync.Mutex
	served := 0
	for path, body := range pages {
		paper.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			served++
			n := served
			mu.Unlock()
			if n == 5 {
				// Stop the first run once something is stored.
				deadline := time.Now().Add(10 * time.Second)
				for time.Now().Before(deadline) {
					if c, _ := tb.st.CountArticles(context.Background()); c > 0 {
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
				cancel()
			}
			w.Write([]byte(body))
		})
	}
	tb.addSource("http://paper.test/feed.xml", store.SourceFeed)
	first := tb.follower()
	if _, err := first.Pass(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("first pass: %v, want it cancelled", err)
	}
	storedFirst := tb.articles()
	if len(storedFirst) == 0 || len(storedFirst) == len(items) {
		t.Fatalf("the first run stored %d articles; the test needs it cut in the middle", len(storedFirst))
	}
	before := map[string]int{}
	for path := range pages {
		before[path] = tb.web.count("paper.test", path)
	}

	// A new process on the same store.
	second := tb.follower()
	tb.pass(second)
	arts := tb.articles()
	if len(arts) != len(items) {
		t.Fatalf("after the restart %d articles, want %d", len(arts), len(items))
	}
	for _, it := range items {
		path := strings.TrimPrefix(it.link, "http://paper.test")
		again := tb.web.count("paper.test", path) - before[path]
		if _, ok := storedFirst[it.guid]; ok && again != 0 {
			t.Errorf("%s was stored by the first run and fetched again", path)
		}
		if again > 1 {
			t.Errorf("%s fetched %d times by the second run", path, again)
		}
	}
	if n := tb.web.count("paper.test", "/feed.xml"); n != 2 {
		t.Errorf("feed fetched %d times, want 2 (the cut-short pass saved no state)", n)
	}
	// And the pass after that has nothing to do.
	tb.clock.advance(sourcelist.DefaultInterval)
	if sum := tb.pass(second); sum.Pages != 0 || sum.Ingest.Ingested != 0 {
		t.Errorf("third pass: %+v", sum)
	}
}

// A page source is polled for changes: its article is updated, not
// duplicated.
func TestFollowPageSource(t *testing.T) {
	tb := newTestbed(t)
	s := report("harbour", "Portvale", "Ilsa Varga", 3)
	var mu sync.Mutex
	body := s.page("http://live.test/blog/harbour")
	tb.web.host("live.test").HandleFunc("/blog/harbour", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Write([]byte(body))
	})
	src := tb.addSource("http://live.test/blog/harbour?utm_campaign=x", "")
	f := tb.follower()
	if sum := tb.pass(f); sum.Ingest.Ingested != 1 {
		t.Fatalf("first pass: %+v", sum)
	}
	tb.clock.advance(sourcelist.DefaultInterval)
	if sum := tb.pass(f); sum.Ingest.Ingested+sum.Ingest.Updated != 0 || sum.Known != 1 {
		t.Errorf("unchanged page: %+v", sum)
	}
	s.paras = append(s.paras, "Update: the council confirmed the harbour plan in a late vote on Saturday evening, ending weeks of uncertainty for the Portvale fishing fleet and its families.")
	mu.Lock()
	body = s.page("http://live.test/blog/harbour")
	mu.Unlock()
	tb.clock.advance(sourcelist.DefaultInterval)
	if sum := tb.pass(f); sum.Ingest.Updated != 1 {
		t.Errorf("changed page: %+v", sum)
	}
	arts := tb.articles()
	if len(arts) != 1 || !strings.Contains(arts["http://live.test/blog/harbour"], "late vote") {
		t.Errorf("articles = %v", arts)
	}
	if got := tb.source(src.ID); got.Kind != store.SourcePage {
		t.Errorf("source kind %q", got.Kind)
	}
}
