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

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/storyline-news/storyline/follow"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/queue"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/server/loadtest"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
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
	fs := newFlags(e, "serve", "[--db DSN] [--read-db DSN] [--addr HOST:PORT] [--token TOKEN] [--follow]",
		"Serve the store's stories, events, entities and quotes as web pages and as a JSON API\n(described at /api/openapi.json). POST /api/articles ingests articles and needs the bearer\ntoken (--token, or the STORYLINE_TOKEN environment variable); without one it refuses all uploads.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH, or postgres://... for a shared store whose uploads `storyline worker` processes analyse)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "bearer token for POST /api/articles (default: $STORYLINE_TOKEN)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in bytes")
	jsonLog := fs.Bool("log-json", false, "log as JSON instead of text")
	cache := fs.Duration("cache", server.DefaultCacheTTL, "how long the home page, the story list and search results are reused (0: never); uploads clear them")
	readDSN := fs.String("read-db", "", "with a shared store: serve pages and the API from this read replica of it (postgres://...); uploads and /metrics still use --db")
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
	var p *pipeline.Pipeline // nil: analyse and link here
	q, err := sharedQueue(ctx, st)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline serve: %v\n", err)
		return exitFailed
	}
	if q != nil {
		// A shared store's uploads are queued for the workers, and
		// /metrics says how the work goes.
		p = pipeline.NewSubmitting(st, q, log)
		opts.Registry = prometheus.NewRegistry()
		opts.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), queue.NewCollector(q))
	}
	read := st
	if *readDSN != "" {
		if q == nil {
			fmt.Fprintln(e.stderr, "storyline serve: --read-db needs a shared store (--db postgres://...)")
			return exitFailed
		}
		replica, err := postgres.OpenReader(ctx, *readDSN)
		if err != nil {
			fmt.Fprintf(e.stderr, "storyline serve: --read-db: %v\n", err)
			return exitFailed
		}
		defer replica.Close()
		read = replica
	}
	return serveStore(ctx, e, st, read, p, ln, opts, *following)
}

// serverLog logs every request at info level on stderr.
func serverLog(e *env, asJSON bool) *slog.Logger {
	if asJSON {
		return slog.New(slog.NewJSONHandler(e.stderr, nil))
	}
	return slog.New(slog.NewTextHandler(e.stderr, nil))
}

// serveStore serves read (st, or a replica of it) on ln until ctx is
// cancelled (Ctrl-C), ingesting uploads (and, following, what the sources
// publish) into st through p, and prints the address it serves. A nil p
// analyses and links in this process; opts.Log and opts.Ingest are filled
// in when nil. demo uses it too.
func serveStore(ctx context.Context, e *env, st, read store.Store, p *pipeline.Pipeline, ln net.Listener, opts server.Options, following bool) int {
	if opts.Log == nil {
		opts.Log = serverLog(e, false)
	}
	if p == nil {
		p = watched(st, pipeline.NewServing(st, opts.Log))
	}
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
	h := server.New(read, opts)
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
		out := server.IngestSummary{Ingested: sum.Ingested, Unchanged: sum.Unchanged, Updated: sum.Updated, Failed: sum.Failed, Queued: sum.Queued}
		for _, e := range sum.Errors {
			out.Errors = append(out.Errors, e.Error())
		}
		return out, err
	}
}

func runLoadtest(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "loadtest", "[--articles N] [--rate R] [--uploads U] [--duration D] [--db DSN] [--url URL --token T]",
		"Grow a store to N articles through the real ingest (generated news, sample.News), serve it on\n"+
			"127.0.0.1 and send R reads a second for D, mixing API and page reads over ids and words drawn from\n"+
			"the store, with U uploads a second of new articles beside them; print the latency percentiles, the\n"+
			"errors, and how soon each upload was in its event. An existing store given with --db is grown, not\n"+
			"rebuilt. With --url, drive a server already running on this machine (uploads need --token).\n"+
			"Exits 1 when a request failed or the read p99 is not below --p99.")
	n := fs.Int("articles", 10000, "articles the store is grown to through ingest")
	rate := fs.Int("rate", 200, "reads per second")
	uploads := fs.Float64("uploads", 2, "uploads per second beside the reads (0: none)")
	dur := fs.Duration("duration", 30*time.Second, "how long to send requests")
	dsn := fs.String("db", "", "store to grow and serve (default: a temporary one)")
	url := fs.String("url", "", "base URL of a running server on 127.0.0.1 to drive (reads its store through --db for the ids to ask for)")
	token := fs.String("token", "", "bearer token of the running server, for uploads (with --url)")
	p99 := fs.Duration("p99", 50*time.Millisecond, "latency target of the reads' 99th percentile")
	seed := fs.Uint64("seed", 1, "generator seed")
	profile := fs.String("cpuprofile", "", "write a CPU profile of this process (the server it starts, and the load) while the requests are sent")
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
	if *dsn == "" {
		if *url != "" {
			return fail(errors.New("--url needs --db, the store the server serves"))
		}
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
	quiet := slog.New(slog.DiscardHandler)
	start := time.Now()
	fmt.Fprintf(e.stderr, "growing the store to %d articles through ingest...\n", *n)
	stream, err := loadtest.Build(ctx, st, *n, *seed, quiet)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(e.stderr, "ready in %s\n", time.Since(start).Round(time.Millisecond))
	tg, err := loadtest.Sample(ctx, st, *seed)
	if err != nil {
		return fail(err)
	}
	base, tok := *url, *token
	if base == "" {
		tok = "loadtest"
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fail(err)
		}
		sctx, stop := context.WithCancel(ctx)
		defer stop()
		served := make(chan error, 1)
		opts := server.Options{Log: quiet, Token: tok, Ingest: pipelineIngest(pipeline.NewServing(st, quiet), quiet)}
		go func() { served <- server.Serve(sctx, ln, server.New(st, opts), quiet) }()
		base = "http://" + ln.Addr().String()
		defer func() {
			stop()
			if err := <-served; err != nil && !errors.Is(err, context.Canceled) {
				fmt.Fprintf(e.stderr, "storyline loadtest: %v\n", err)
			}
		}()
	}
	stopProfile, err := startCPUProfile(*profile)
	if err != nil {
		return fail(err)
	}
	defer stopProfile()
	fmt.Fprintf(e.stderr, "sending %d reads/s and %.1f uploads/s for %s to %s...\n", *rate, *uploads, *dur, base)
	rep, err := loadtest.Run(ctx, base, tg, loadtest.Options{Rate: *rate, Duration: *dur, Seed: *seed, Uploads: *uploads, Next: loadtest.Uploads(stream), Token: tok})
	if err != nil {
		return fail(err)
	}
	count, _ := st.CountArticles(ctx)
	fmt.Fprintf(e.stdout, "store: %d articles\n", count)
	rep.Print(e.stdout)
	// Latency on a shared machine says as much about the neighbours as
	// about the server: print how busy the machine was.
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(e.stdout, "machine: %d CPUs, load average %s\n", runtime.NumCPU(), strings.Join(strings.Fields(string(b))[:3], " "))
	}
	if rep.Errors > 0 || rep.UploadErrors > 0 || rep.P99 >= *p99 {
		fmt.Fprintf(e.stdout, "FAIL: want no errors and read p99 < %s\n", *p99)
		return exitPartial
	}
	fmt.Fprintf(e.stdout, "PASS: no errors, read p99 < %s\n", *p99)
	return exitOK
}
