package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/follow"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/server/loadtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/watch"
)

// serveCommands adds this file's commands to the table.
func serveCommands(t *commandTable) {
	t.add(&command{
		name:    "serve",
		summary: "serve a store: web pages for people, a JSON API for tools",
		run:     runServe,
	})
	t.add(&command{
		name:    "loadtest",
		summary: "measure the server under load on generated articles (127.0.0.1 only)",
		run:     runLoadtest,
	})
}

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve", "[--db DSN] [--addr HOST:PORT] [--token TOKEN] [--follow]",
		"Serve the store's stories, events, entities and quotes as web pages and as a JSON API\n(described at /api/openapi.json). POST /api/articles ingests articles and needs the bearer\ntoken (--token, or the STORYLINE_TOKEN environment variable); without one it refuses all uploads.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "bearer token for POST /api/articles (default: $STORYLINE_TOKEN)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in bytes")
	jsonLog := fs.Bool("log-json", false, "log as JSON instead of text")
	cache := fs.Duration("cache", server.DefaultCacheTTL, "how long the home page, the story list and search results are reused (0: never); uploads clear them")
	following := fs.Bool("follow", false, "also poll the sources (storyline sources add) as they fall due, as `storyline follow` does")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, "storyline serve: unexpected arguments (see --help)")
		return exitFailed
	}
	if *token == "" {
		*token = os.Getenv("STORYLINE_TOKEN")
	}
	log := serverLog(e, *jsonLog)
	st, err := openStore(ctx, *dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline serve: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline serve: %v\n", err)
		return exitFailed
	}
	opts := server.Options{Token: *token, MaxBody: *maxBody, Log: log, CacheTTL: *cache}
	if *cache <= 0 {
		opts.CacheTTL = -1
	}
	return serveStore(ctx, e, st, ln, opts, *following)
}

// serverLog logs every request at info level on stderr.
func serverLog(e *env, asJSON bool) *slog.Logger {
	if asJSON {
		return slog.New(slog.NewJSONHandler(e.stderr, nil))
	}
	return slog.New(slog.NewTextHandler(e.stderr, nil))
}

// serveStore serves st on ln until ctx is cancelled (Ctrl-C), ingesting
// uploads through the pipeline, and prints the address it serves. opts.Log
// and opts.Ingest are filled in when nil. demo uses it too.
func serveStore(ctx context.Context, e *env, st store.Store, ln net.Listener, opts server.Options, following bool) int {
	if opts.Log == nil {
		opts.Log = serverLog(e, false)
	}
	p := watchedPipeline(st, opts.Log)
	if opts.Ingest == nil {
		opts.Ingest = pipelineIngest(p, opts.Log)
	}
	// Alerts go out as uploads (and, with following, sources) change
	// events; both loops end with the server.
	bg, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		stop()
		wg.Wait()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		watch.NewDeliverer(st, watch.DeliverOptions{Log: opts.Log, BaseURL: "http://" + ln.Addr().String()}).Run(bg, 5*time.Second)
	}()
	if following {
		wg.Add(1)
		go func() {
			defer wg.Done()
			follow.New(st, p, follow.Options{Log: opts.Log, Ingest: pipeline.Options{Log: opts.Log}}).Run(bg, func(sum follow.Summary, err error) {
				opts.Log.Info("followed sources", "polled", sum.Sources, "not_modified", sum.NotModified, "failed", sum.Failed, "pages", sum.Pages,
					"ingested", sum.Ingest.Ingested, "updated", sum.Ingest.Updated, "item_failures", sum.Ingest.Failed, "err", err)
			})
		}()
	}
	h := server.New(st, opts)
	fmt.Fprintf(e.stdout, "Serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := server.Serve(ctx, ln, h, opts.Log); err != nil {
		fmt.Fprintf(e.stderr, "storyline serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// pipelineIngest adapts the pipeline to the server's upload hook: an
// upload answers once its articles are analysed and linked into their
// events, stories, entities and quotes. One pipeline serves every upload,
// so that the process links one batch at a time.
func pipelineIngest(p *pipeline.Pipeline, log *slog.Logger) server.IngestFunc {
	return func(ctx context.Context, name string, data []byte) (server.IngestSummary, error) {
		sum, err := p.IngestBytes(ctx, name, data, pipeline.Options{Log: log})
		out := server.IngestSummary{Ingested: sum.Ingested, Unchanged: sum.Unchanged, Updated: sum.Updated, Failed: sum.Failed}
		for _, e := range sum.Errors {
			out.Errors = append(out.Errors, e.Error())
		}
		return out, err
	}
}

func runLoadtest(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "loadtest", "[--articles N] [--rate R] [--duration D] [--db DSN] [--url URL]",
		"Generate N invented articles (with entities, events, stories and quotes) into a store, serve it on\n127.0.0.1 and send R requests a second for D, mixing API and page reads; print the latency\npercentiles and errors. With --url, drive a server already running on this machine instead.\nExits 1 when a request failed or p99 is not below --p99.")
	n := fs.Int("articles", 10000, "articles to generate")
	rate := fs.Int("rate", 200, "requests per second")
	dur := fs.Duration("duration", 30*time.Second, "how long to send requests")
	dsn := fs.String("db", "", "store to generate into and serve (default: a temporary one); an existing non-empty store is used as it is")
	url := fs.String("url", "", "base URL of a running server on 127.0.0.1 to drive (its store must hold generated articles)")
	p99 := fs.Duration("p99", 50*time.Millisecond, "latency target of the 99th percentile")
	seed := fs.Int64("seed", 1, "generator seed")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, "storyline loadtest: unexpected arguments (see --help)")
		return exitFailed
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "storyline loadtest: %v\n", err)
		return exitFailed
	}
	cfg := loadtest.Config{Articles: *n, Seed: *seed}
	base := *url
	if base == "" {
		if *dsn == "" {
			tmp, err := os.MkdirTemp("", "storyline-loadtest-")
			if err != nil {
				return fail(err)
			}
			defer os.RemoveAll(tmp)
			*dsn = "sqlite:" + tmp + "/load.db"
		}
		st, err := openStore(ctx, *dsn)
		if err != nil {
			return fail(err)
		}
		defer st.Close()
		have, err := st.CountArticles(ctx)
		if err != nil {
			return fail(err)
		}
		if have == 0 {
			start := time.Now()
			fmt.Fprintf(e.stderr, "generating %d articles...\n", *n)
			if err := loadtest.Generate(ctx, st, cfg); err != nil {
				return fail(err)
			}
			fmt.Fprintf(e.stderr, "generated in %s\n", time.Since(start).Round(time.Millisecond))
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fail(err)
		}
		quiet := slog.New(slog.DiscardHandler)
		sctx, stop := context.WithCancel(ctx)
		defer stop()
		served := make(chan error, 1)
		go func() { served <- server.Serve(sctx, ln, server.New(st, server.Options{Log: quiet}), quiet) }()
		base = "http://" + ln.Addr().String()
		defer func() {
			stop()
			if err := <-served; err != nil && !errors.Is(err, context.Canceled) {
				fmt.Fprintf(e.stderr, "storyline loadtest: %v\n", err)
			}
		}()
	}
	fmt.Fprintf(e.stderr, "sending %d requests/s for %s to %s...\n", *rate, *dur, base)
	rep, err := loadtest.Run(ctx, base, cfg, *rate, *dur)
	if err != nil {
		return fail(err)
	}
	rep.Print(e.stdout)
	// Latency on a shared machine says as much about the neighbours as
	// about the server: print how busy the machine was.
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(e.stdout, "machine: %d CPUs, load average %s\n", runtime.NumCPU(), strings.Join(strings.Fields(string(b))[:3], " "))
	}
	if rep.Errors > 0 || rep.P99 >= *p99 {
		fmt.Fprintf(e.stdout, "FAIL: want no errors and p99 < %s\n", *p99)
		return exitPartial
	}
	fmt.Fprintf(e.stdout, "PASS: no errors, p99 < %s\n", *p99)
	return exitOK
}
