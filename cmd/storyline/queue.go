package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/queue"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
	"github.com/storyline-news/storyline/watch"
)

// queueCommands adds this file's commands to the table: what runs a
// deployment on a shared (PostgreSQL) store.
func queueCommands(t *commandTable) {
	t.add(&command{name: "worker", summary: "analyse and link what is queued in a shared (PostgreSQL) store; run as many as needed", run: runWorker})
	t.add(&command{name: "status", summary: "where the work of a shared store stands: queued, done, failed, waiting to be linked", run: runStatus})
	t.add(&command{name: "migrate", summary: "bring a store's schema (and a shared store's queue) up to date", run: runMigrate})
}

// sharedQueue is the work queue of a store that has one (PostgreSQL), nil
// for the embedded store, which ingests in the process.
func sharedQueue(ctx context.Context, st store.Store) (*queue.Queue, error) {
	db, ok := st.(*postgres.DB)
	if !ok {
		return nil, nil
	}
	return queue.Open(ctx, db)
}

// openShared opens a store that must be shared (PostgreSQL) and its queue.
func openShared(ctx context.Context, dsn string) (*postgres.DB, *queue.Queue, error) {
	if scheme, _ := store.Scheme(dsn); scheme != "postgres" {
		return nil, nil, fmt.Errorf("%q is not a shared store: workers and the queue need PostgreSQL (--db postgres://...)", dsn)
	}
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	db, ok := st.(*postgres.DB)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("%q did not open a PostgreSQL store", dsn)
	}
	q, err := queue.Open(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, q, nil
}

// waitForQueue waits until everything queued so far is analysed, linked
// and settled, saying every few seconds where the work stands, then
// prints the final figures.
func waitForQueue(ctx context.Context, w io.Writer, q *queue.Queue) error {
	m, err := q.Mark(ctx)
	if err != nil {
		return err
	}
	if err := q.Wait(ctx, m, func(s queue.Stats) { fmt.Fprintf(w, "storyline: waiting: %s\n", s) }); err != nil {
		return err
	}
	s, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "storyline: done: %s\n", s)
	return nil
}

func runWorker(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "worker", "--db postgres://... [--jobs N] [--metrics HOST:PORT]",
		"Take analysis jobs from the store's queue (filled by ingest and by servers' uploads), analyse the\n"+
			"articles and, while this worker holds the linker lease (one worker of a store at a time does),\n"+
			"link them into events, stories, entities and quotes and settle the events. Run as many workers,\n"+
			"on as many machines, as needed; stop one with Ctrl-C or SIGTERM (a killed one loses nothing:\n"+
			"its jobs run again elsewhere after --rescue-after).")
	dsn := fs.String("db", "", "shared store DSN (postgres://...)")
	jobs := fs.Int("jobs", 0, "articles analysed at once (0: one per CPU)")
	metricsAddr := fs.String("metrics", "", "serve Prometheus metrics on http://HOST:PORT/metrics (default: none)")
	timeout := fs.Duration("job-timeout", queue.DefaultJobTimeout, "longest one article's analysis may take")
	rescue := fs.Duration("rescue-after", queue.DefaultJobTimeout+queue.DefaultRescueMargin, "how long a job may run before it is taken for lost and run again (at least --job-timeout)")
	poll := fs.Duration("poll", queue.DefaultPoll, "how often the linker looks for work when idle")
	jsonLog := fs.Bool("log-json", false, "log as JSON instead of text")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 || *dsn == "" {
		fmt.Fprintln(e.stderr, "storyline worker: need --db postgres://... and no other arguments")
		return exitFailed
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "storyline worker: %v\n", err)
		return exitFailed
	}
	log := workerLog(e, *jsonLog)
	db, q, err := openShared(ctx, *dsn)
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), queue.NewCollector(q))
	w, err := queue.NewWorker(ctx, db, queue.WorkerOptions{Jobs: *jobs, JobTimeout: *timeout, RescueAfter: *rescue, Poll: *poll, Log: log, Registry: reg,
		AfterSettle: watch.Hook(db, link.PendingChanged)})
	if err != nil {
		return fail(err)
	}
	if *metricsAddr != "" {
		ln, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			return fail(err)
		}
		srv := &http.Server{Handler: promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		fmt.Fprintf(e.stdout, "Metrics on http://%s/metrics\n", ln.Addr())
	}
	if *jobs <= 0 {
		*jobs = runtime.GOMAXPROCS(0)
	}
	log.Info("worker started", "jobs", *jobs)
	if err := w.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return fail(err)
	}
	return exitOK
}

// workerLog logs what a worker does (leases taken and lost, failed
// items, errors) on stderr.
func workerLog(e *env, asJSON bool) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if asJSON {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

func runStatus(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "status", "--db postgres://... [--wait]",
		"Print where the work of a shared store stands: analysis jobs queued, running, done, failed and\n"+
			"retried, analysed articles waiting to be linked and how long the oldest has waited, events\n"+
			"waiting to settle. With --wait, first wait until everything queued so far is analysed, linked\n"+
			"and settled.")
	dsn := fs.String("db", "", "shared store DSN (postgres://...)")
	wait := fs.Bool("wait", false, "wait until everything queued so far is done")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 || *dsn == "" {
		fmt.Fprintln(e.stderr, "storyline status: need --db postgres://... and no other arguments")
		return exitFailed
	}
	db, q, err := openShared(ctx, *dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline status: %v\n", err)
		return exitFailed
	}
	defer db.Close()
	if *wait {
		err = waitForQueue(ctx, e.stderr, q)
	}
	var s queue.Stats
	if err == nil {
		s, err = q.Stats(ctx)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline status: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "queued\t%d\nrunning\t%d\ndone\t%d\nfailed\t%d\nretried\t%d\nto link\t%d\nlink lag\t%s\nto settle\t%d\n",
		s.Queued, s.Running, s.Done, s.Failed, s.Retried, s.ToLink, s.LinkLag.Round(time.Millisecond), s.ToSettle)
	return exitOK
}

func runMigrate(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "migrate", "--db DSN",
		"Bring a store's schema up to date, and for a shared store (PostgreSQL) its work queue's tables\n"+
			"(River's and Storyline's). Every command does this when it opens a store; migrate does only that,\n"+
			"for deployments that run schema changes on their own (with a more privileged role).")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH or postgres://...)")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, "storyline migrate: takes no arguments")
		return exitFailed
	}
	st, err := openStore(ctx, *dsn)
	if err == nil {
		defer st.Close()
		_, err = sharedQueue(ctx, st)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline migrate: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(e.stdout, "schema up to date")
	return exitOK
}
