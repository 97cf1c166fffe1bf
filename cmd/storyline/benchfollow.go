package main

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/storyline-news/storyline/follow"
	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
)

// benchFeeds is the generated web the follow benchmark reads: feeds of
// invented news (sample.News), each on a host of its own, served from
// one local server.
type benchFeeds struct {
	feeds map[string]string // host → RSS
	pages map[string]string // host + path → page
}

func newBenchFeeds(feeds, items int, summaries bool) *benchFeeds {
	b := &benchFeeds{feeds: map[string]string{}, pages: map[string]string{}}
	news := sample.NewNews(sample.NewsConfig{Seed: 1})
	for i := range feeds {
		host := fmt.Sprintf("feed%d.bench", i)
		var rss strings.Builder
		fmt.Fprintf(&rss, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Outlet %d</title><link>http://%s/</link>`, i, host)
		for j := range items {
			g := news.Next()
			link := fmt.Sprintf("http://%s/a/%d", host, j)
			date := g.Published
			if t, err := time.Parse(time.RFC3339, g.Published); err == nil {
				date = t.Format(time.RFC1123Z)
			}
			fmt.Fprintf(&rss, "<item><guid>%s</guid><title>%s</title><link>%s</link><pubDate>%s</pubDate>", link, html.EscapeString(g.Title), link, date)
			paras := "<p>" + strings.ReplaceAll(html.EscapeString(g.Text), "\n\n", "</p><p>") + "</p>"
			if summaries {
				lead, _, _ := strings.Cut(g.Text, "\n")
				fmt.Fprintf(&rss, "<description>%s</description>", html.EscapeString(firstWords(lead, 30)))
				b.pages[host+fmt.Sprintf("/a/%d", j)] = "<!doctype html><html><head><title>" + html.EscapeString(g.Title) + "</title></head><body><article><h1>" + html.EscapeString(g.Title) + "</h1>" + paras + "</article></body></html>"
			} else {
				fmt.Fprintf(&rss, "<content:encoded>%s</content:encoded>", html.EscapeString(paras))
			}
			rss.WriteString("</item>")
		}
		rss.WriteString("</channel></rss>")
		b.feeds[host] = rss.String()
	}
	return b
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

func (b *benchFeeds) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	switch {
	case r.URL.Path == "/feed.xml" && b.feeds[host] != "":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.feeds[host]))
	case b.pages[host+r.URL.Path] != "":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(b.pages[host+r.URL.Path]))
	default:
		http.NotFound(w, r)
	}
}

func runBenchFollow(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "bench follow", "[--feeds 100] [--items 50] [--pages] [--host-interval 1s]",
		"Serve FEEDS generated RSS feeds of ITEMS invented articles each, every feed on a host of its own, from a\nlocal server (127.0.0.1), and time one `follow --once` pass over them into a fresh SQLite store: fetching,\nreading, cleaning, analysis, linking, settling and the watch pass. With --pages the feeds carry summaries\nand every article is read from its page, as polite fetching allows (--host-interval apart per host).")
	feeds := fs.Int("feeds", 100, "feeds (hosts)")
	items := fs.Int("items", 50, "items per feed")
	pages := fs.Bool("pages", false, "summaries in the feeds, articles on their pages")
	interval := fs.Duration("host-interval", time.Second, "least time between two requests to one host")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per CPU)")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	web := newBenchFeeds(*feeds, *items, *pages)
	srv := httptest.NewServer(web)
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	transport := &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, addr) // every bench host is the local server
		},
		MaxIdleConnsPerHost: 2,
		DisableCompression:  true,
	}
	dir, err := os.MkdirTemp("", "storyline-bench-follow-")
	if err != nil {
		return fail(e, "bench follow", err)
	}
	defer os.RemoveAll(dir)
	st, err := openStore(ctx, "sqlite:"+filepath.Join(dir, "bench.db"))
	if err != nil {
		return fail(e, "bench follow", err)
	}
	defer st.Close()
	var srcs []*store.Source
	for host := range web.feeds {
		s, err := sourcelist.NewSource("http://"+host+"/feed.xml", store.SourceFeed, "", sourcelist.DefaultInterval, time.Now())
		if err != nil {
			return fail(e, "bench follow", err)
		}
		srcs = append(srcs, s)
	}
	if err := sourcelist.AddSources(ctx, st, srcs...); err != nil {
		return fail(e, "bench follow", err)
	}
	hostInterval := *interval
	if hostInterval == 0 {
		hostInterval = -1 // none
	}
	f := follow.New(st, watchedPipeline(st, e.log), follow.Options{
		Fetch:  follow.FetchOptions{Transport: transport, HostInterval: hostInterval},
		Ingest: pipeline.Options{Workers: *workers, Log: e.log},
		Log:    e.log,
	})
	fmt.Fprintf(e.stderr, "following %d feeds of %d items on 127.0.0.1...\n", *feeds, *items)
	start := time.Now()
	sum, err := f.Pass(ctx)
	elapsed := time.Since(start)
	if err != nil {
		return fail(e, "bench follow", err)
	}
	stored := sum.Ingest.Ingested + sum.Ingest.Updated
	fmt.Fprintf(e.stdout, "%d sources, %d pages, %s in %s: %.0f items/s\n", sum.Sources, sum.Pages, sum.Ingest, elapsed.Round(time.Millisecond), float64(stored)/elapsed.Seconds())
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(e.stdout, "machine: %d CPUs, load average %s\n", runtime.NumCPU(), strings.Join(strings.Fields(string(b))[:3], " "))
	}
	if sum.Failed > 0 || sum.Ingest.Failed > 0 {
		return exitPartial
	}
	return exitOK
}
