package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/storyline-news/storyline/follow"
	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/watch"
)

// followCommands adds this file's commands to the table: sources and
// watchlists, and following.
func followCommands(t *commandTable) {
	sources := map[string]*command{
		"add":    {name: "add", summary: "follow a feed, a news sitemap or a page", run: runSourcesAdd},
		"list":   {name: "list", summary: "the sources followed, with where each stands", run: runSourcesList},
		"remove": {name: "remove", summary: "stop following a source (by id or URL)", run: runSourcesRemove},
		"import": {name: "import", summary: "follow every feed of an OPML subscription list", run: runSourcesImport},
	}
	watches := map[string]*command{
		"add":    {name: "add", summary: "save a watchlist: entities, places, keywords, outlets, a webhook", run: runWatchAdd},
		"list":   {name: "list", summary: "the watchlists, with their alerts", run: runWatchList},
		"remove": {name: "remove", summary: "delete a watchlist with its alerts", run: runWatchRemove},
	}
	t.add(&command{
		name:    "sources",
		summary: "manage the sources follow polls (add, list, remove, import)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "sources", sources, args)
		},
	})
	t.add(&command{
		name:    "watch",
		summary: "manage watchlists, whose alerts come as Atom and webhooks (add, list, remove)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "watch", watches, args)
		},
	})
	t.add(&command{
		name:    "follow",
		summary: "poll the sources as they fall due and store what they publish",
		run:     runFollow,
	})
	t.bench["follow"] = &command{
		name:    "follow",
		summary: "items/s that follow sustains against a local server of generated feeds",
		run:     runBenchFollow,
	}
}

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// withStore opens the store a command names and runs fn with it.
func withStore(ctx context.Context, e *env, name, dsn string, fn func(store.Store) int) int {
	st, err := openStore(ctx, dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline %s: %v\n", name, err)
		return exitFailed
	}
	defer st.Close()
	return fn(st)
}

func fail(e *env, name string, err error) int {
	fmt.Fprintf(e.stderr, "storyline %s: %s\n", name, escaped(err.Error()))
	return exitFailed
}

func runSourcesAdd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "sources add", "[--db DSN] [--kind feed|sitemap|page] [--name NAME] [--interval 15m] URL...",
		"Follow each URL: an RSS, Atom or JSON feed, a news sitemap or sitemap index, or a page polled for\nchanges. The kind is found out at the first fetch unless given. Adding a source again changes its settings.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	kind := fs.String("kind", "", "feed, sitemap or page (default: found out)")
	name := fs.String("name", "", "a label for the source")
	interval := fs.Duration("interval", sourcelist.DefaultInterval, "how often to poll it (at least 1m)")
	urls, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(urls) == 0 {
		fmt.Fprintln(e.stderr, "storyline sources add: no URL given")
		return exitFailed
	}
	var srcs []*store.Source
	for _, u := range urls {
		s, err := sourcelist.NewSource(u, *kind, *name, *interval, time.Now())
		if err != nil {
			return fail(e, "sources add", err)
		}
		srcs = append(srcs, s)
	}
	return withStore(ctx, e, "sources add", *dsn, func(st store.Store) int {
		if err := sourcelist.AddSources(ctx, st, srcs...); err != nil {
			return fail(e, "sources add", err)
		}
		for _, s := range srcs {
			fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.URL)
		}
		return exitOK
	})
}

func runSourcesList(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "sources list", "[--db DSN] [--json]", "The sources followed: last fetch, last new item, items stored, errors, next poll.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	asJSON := fs.Bool("json", false, "one JSON object a line")
	if rest, done, status := parseArgs(e, fs, args); done || len(rest) > 0 {
		if !done {
			fmt.Fprintln(e.stderr, "storyline sources list: takes no arguments")
			return exitFailed
		}
		return status
	}
	return withStore(ctx, e, "sources list", *dsn, func(st store.Store) int {
		srcs, err := st.Sources(ctx)
		if err != nil {
			return fail(e, "sources list", err)
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			for _, s := range srcs {
				enc.Encode(s)
			}
			return exitOK
		}
		printSources(e.stdout, srcs)
		return exitOK
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func printSources(w io.Writer, srcs []store.Source) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tLAST FETCH\tLAST NEW\tITEMS\tERRORS\tNEXT POLL\tURL")
	for _, s := range srcs {
		st := s.State
		errs := fmt.Sprint(st.Errors)
		if st.Failing {
			errs += " FAILING"
		}
		next := st.NextPoll
		if next == "" {
			next = "now"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", s.ID, orDash(s.Kind), orDash(st.LastFetch), orDash(st.LastNew), st.Items, errs, next, escaped(s.URL))
		if st.LastError != "" {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\tlast error: %s\n", escaped(st.LastError))
		}
	}
	tw.Flush()
}

func runSourcesRemove(ctx context.Context, e *env, args []string) int {
	return removeEach(ctx, e, args, "sources remove", "ID|URL", "Stop following sources. What they stored stays; their items stay known, so adding one back fetches nothing twice.",
		func(st store.Store, name string) (string, error) {
			s, err := sourcelist.RemoveSource(ctx, st, name)
			if err != nil {
				return "", err
			}
			return s.ID + " " + s.URL, nil
		})
}

// removeEach runs a remove command: remove is called for each name
// given, and says what it removed.
func removeEach(ctx context.Context, e *env, args []string, name, what, summary string, remove func(store.Store, string) (string, error)) int {
	fs := newFlags(e, name, "[--db DSN] "+what+"...", summary)
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	names, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(names) == 0 {
		fmt.Fprintf(e.stderr, "storyline %s: nothing given to remove\n", name)
		return exitFailed
	}
	return withStore(ctx, e, name, *dsn, func(st store.Store) int {
		code := exitOK
		for _, n := range names {
			removed, err := remove(st, n)
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline %s: %s\n", name, escaped(err.Error()))
				code = exitPartial
				continue
			}
			fmt.Fprintf(e.stdout, "removed %s\n", escaped(removed))
		}
		return code
	})
}

func runSourcesImport(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "sources import", "[--db DSN] [--interval 15m] FILE.opml", "Follow every feed an OPML subscription list names (folders flattened).")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	interval := fs.Duration("interval", sourcelist.DefaultInterval, "how often to poll each (at least 1m)")
	files, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(files) != 1 {
		fmt.Fprintln(e.stderr, "storyline sources import: give one OPML file")
		return exitFailed
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fail(e, "sources import", err)
	}
	feeds, err := sourcelist.ReadOPML(data)
	if err != nil {
		return fail(e, "sources import", err)
	}
	var srcs []*store.Source
	failed := 0
	for _, f := range feeds {
		s, err := sourcelist.NewSource(f.URL, store.SourceFeed, f.Title, *interval, time.Now())
		if err != nil {
			fmt.Fprintf(e.stderr, "storyline: error: %s\n", escaped(err.Error()))
			failed++
			continue
		}
		srcs = append(srcs, s)
	}
	return withStore(ctx, e, "sources import", *dsn, func(st store.Store) int {
		if err := sourcelist.AddSources(ctx, st, srcs...); err != nil {
			return fail(e, "sources import", err)
		}
		fmt.Fprintf(e.stderr, "storyline: %d sources imported, %d failed\n", len(srcs), failed)
		switch {
		case failed == 0:
			return exitOK
		case len(srcs) == 0:
			return exitFailed
		}
		return exitPartial
	})
}

func runWatchAdd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "watch add", "--name NAME [--entity E]... [--place P]... [--keyword K]... [--outlet O]... [--webhook URL --secret S] [--db DSN]",
		"Save a watchlist. An alert comes when a new event matches it, or a watched event gains articles from new\noutlets: on its Atom feed (/watchlists/ID/feed.atom), on its page, and as a JSON POST to the webhook,\nsigned with HMAC-SHA256 over the body with the secret (header X-Storyline-Signature: sha256=HEX).\nEach kind given must match (one of its values is enough); entities match in any spelling.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	var spec watch.Spec
	fs.StringVar(&spec.Name, "name", "", "the watchlist's name")
	var ents, places, keywords, outlets listFlag
	fs.Var(&ents, "entity", "a person or organisation, any spelling (repeatable)")
	fs.Var(&places, "place", "a place (repeatable)")
	fs.Var(&keywords, "keyword", "words the event's articles contain (repeatable)")
	fs.Var(&outlets, "outlet", "an outlet (repeatable)")
	fs.StringVar(&spec.Webhook, "webhook", "", "URL to POST alerts to")
	fs.StringVar(&spec.Secret, "secret", "", "secret the webhook's bodies are signed with")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, "storyline watch add: unexpected arguments (see --help)")
		return exitFailed
	}
	spec.Entities, spec.Places, spec.Keywords, spec.Outlets = ents, places, keywords, outlets
	wl, err := watch.NewWatchlist(spec, time.Now())
	if err != nil {
		return fail(e, "watch add", err)
	}
	return withStore(ctx, e, "watch add", *dsn, func(st store.Store) int {
		if err := watch.Add(ctx, st, wl); err != nil {
			return fail(e, "watch add", err)
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", wl.ID, wl.Name)
		return exitOK
	})
}

func runWatchList(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "watch list", "[--db DSN] [--alerts N]", "The watchlists, each with its criteria and latest alerts.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	n := fs.Int("alerts", 3, "latest alerts shown per watchlist")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	return withStore(ctx, e, "watch list", *dsn, func(st store.Store) int {
		wls, err := st.Watchlists(ctx)
		if err != nil {
			return fail(e, "watch list", err)
		}
		for _, wl := range wls {
			var crit []string
			for _, k := range []struct {
				kind string
				vals []string
			}{{"entity", wl.Entities}, {"place", wl.Places}, {"keyword", wl.Keywords}, {"outlet", wl.Outlets}} {
				for _, v := range k.vals {
					crit = append(crit, fmt.Sprintf("%s %q", k.kind, v))
				}
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s", wl.ID, escaped(wl.Name), strings.Join(crit, ", "))
			if wl.Webhook != "" {
				fmt.Fprintf(e.stdout, "\twebhook %s", escaped(wl.Webhook))
			}
			fmt.Fprintln(e.stdout)
			alerts, err := st.Alerts(ctx, wl.ID, *n, 0)
			if err != nil {
				return fail(e, "watch list", err)
			}
			for _, a := range alerts {
				fmt.Fprintf(e.stdout, "  %s  %s  (event %s)\n", a.Created, escaped(watch.AlertTitle(a)), a.Event)
			}
		}
		return exitOK
	})
}

func runWatchRemove(ctx context.Context, e *env, args []string) int {
	return removeEach(ctx, e, args, "watch remove", "ID", "Delete watchlists with their alerts and deliveries.",
		func(st store.Store, id string) (string, error) { return id, watch.Remove(ctx, st, id) })
}

// watchedPipeline is a pipeline whose settling steps are followed by the
// watch pass, so that alerts come as events change.
func watchedPipeline(st store.Store, log *slog.Logger) *pipeline.Pipeline {
	return watched(st, pipeline.New(st, log))
}

// watched makes p's settling steps hand what they changed to the
// watchlists' alerts.
func watched(st store.Store, p *pipeline.Pipeline) *pipeline.Pipeline {
	p.AfterSettle(watch.Hook(st, link.PendingChanged))
	return p
}

// followProgress draws one line on a terminal while following.
type followProgress struct {
	w                        io.Writer
	mu                       sync.Mutex
	polled, queued, failures int
}

func (p *followProgress) source(r follow.SourceReport) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.polled++
	p.queued += r.Queued
	if r.Err != nil {
		p.failures++
	}
	fmt.Fprintf(p.w, "\r\033[Kfollowing: %d sources polled, %d items to store, %d failed", p.polled, p.queued, p.failures)
}

func (p *followProgress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.polled > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.polled, p.queued, p.failures = 0, 0, 0
}

func runFollow(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "follow", "[--db DSN] [--once] [--workers N] [--quiet]",
		"Poll every source as it falls due (storyline sources add), fetch the pages its new items link to, and store\nthe articles; events and alerts follow as they change. --once: one pass over the sources that are due, then\nexit with the summary line and the usual exit status. Fetching is polite: robots.txt, one request a second\nand two at a time per host, conditional requests, backoff on failure.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	once := fs.Bool("once", false, "one pass over the sources that are due, then exit")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "no progress line")
	ua := fs.String("user-agent", follow.DefaultUserAgent, "User-Agent of every request")
	if rest, done, status := parseArgs(e, fs, args); done || len(rest) > 0 {
		if !done {
			fmt.Fprintln(e.stderr, "storyline follow: takes no arguments")
			return exitFailed
		}
		return status
	}
	return withStore(ctx, e, "follow", *dsn, func(st store.Store) int {
		p := watchedPipeline(st, e.log)
		clearLine := ""
		opts := follow.Options{Log: e.log, Fetch: follow.FetchOptions{UserAgent: *ua}}
		var bar *followProgress
		if file, ok := e.stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(file.Fd())) {
			bar = &followProgress{w: e.stderr}
			opts.OnSource = bar.source
			clearLine = "\r\033[K"
		}
		opts.Ingest = pipeline.Options{Workers: *workers, Log: e.log,
			OnError:   func(err error) { fmt.Fprintf(e.stderr, "%sstoryline: error: %s\n", clearLine, escaped(err.Error())) },
			OnWarning: func(err error) { fmt.Fprintf(e.stderr, "%sstoryline: warning: %s\n", clearLine, escaped(err.Error())) },
		}
		f := follow.New(st, p, opts)
		deliver := watch.NewDeliverer(st, watch.DeliverOptions{Log: e.log})
		if *once {
			sum, err := f.Pass(ctx)
			if bar != nil {
				bar.clear()
			}
			return followSummary(ctx, e, st, deliver, sum, err)
		}
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			deliver.Run(ctx, 5*time.Second)
		}()
		f.Run(ctx, func(sum follow.Summary, err error) {
			if bar != nil {
				bar.clear()
			}
			for _, se := range sum.Errors {
				fmt.Fprintf(e.stderr, "storyline: error: %s\n", escaped(se.Error()))
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline: %s\n", escaped(err.Error()))
			}
			fmt.Fprintf(e.stderr, "storyline: %s: %d sources polled (%d not modified, %d failed), %d pages; %s\n",
				time.Now().Format(time.TimeOnly), sum.Sources, sum.NotModified, sum.Failed, sum.Pages, sum.Ingest)
		})
		wg.Wait()
		return exitOK
	})
}

// followSummary reports a --once pass: failed sources, alerts sent, the
// summary line, and the contract's exit status.
func followSummary(ctx context.Context, e *env, st store.Store, deliver *watch.Deliverer, sum follow.Summary, err error) int {
	for _, se := range sum.Errors {
		fmt.Fprintf(e.stderr, "storyline: error: %s\n", escaped(se.Error()))
	}
	if err == nil {
		// Changes left from an earlier run, then what is due to send.
		if _, werr := watch.Pass(ctx, st, link.PendingChanged); werr != nil {
			err = werr
		} else if _, failed, derr := deliver.Flush(ctx); derr != nil {
			err = derr
		} else if failed > 0 {
			fmt.Fprintf(e.stderr, "storyline: warning: %d webhook deliveries failed; they are retried later\n", failed)
		}
	}
	fmt.Fprintf(e.stderr, "storyline: %d sources polled (%d not modified, %d failed), %d pages fetched\n", sum.Sources, sum.NotModified, sum.Failed, sum.Pages)
	fmt.Fprintf(e.stderr, "storyline: %s\n", sum.Ingest)
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "storyline: interrupted")
		return exitFailed
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline: %s\n", escaped(err.Error()))
		return exitFailed
	}
	ok := sum.Ingest.Ingested + sum.Ingest.Unchanged + sum.Ingest.Updated + sum.Known + (sum.Sources - sum.Failed)
	switch {
	case sum.Failed == 0 && sum.Ingest.Failed == 0:
		return exitOK
	case ok == 0:
		return exitFailed
	}
	return exitPartial
}
