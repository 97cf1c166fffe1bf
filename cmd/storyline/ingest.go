package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/storyline-news/storyline/export"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/queue"
	"github.com/storyline-news/storyline/store"
)

// ingestFlags are shared by ingest and run.
type ingestFlags struct {
	meta     string
	maxBytes int64
	workers  int
	quiet    bool
	stats    bool
	profile  string
	wait     bool // ingest only: with a shared store, wait for the workers
	local    bool // ingest only: with a shared store, link here
}

func (f *ingestFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&f.meta, "meta", "", "JSON Lines of {id, published?, outlet?, url?, title?} that win over what the articles say")
	fs.Int64Var(&f.maxBytes, "max-bytes", pipeline.DefaultMaxBytes, "refuse any input item larger than this many bytes")
	fs.IntVar(&f.workers, "workers", 0, "analysis goroutines (0: one per CPU)")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bar")
	fs.BoolVar(&f.stats, "stats", false, "print what the ingest cost: wall and CPU seconds, peak resident memory")
	fs.StringVar(&f.profile, "cpuprofile", "", "write a CPU profile of the ingest to this file")
}

// ingestPaths runs the pipeline and prints per-item errors and the summary
// line; it returns the contract's exit status.
func ingestPaths(ctx context.Context, e *env, st store.Store, paths []string, f ingestFlags) int {
	opts := pipeline.Options{MetaFile: f.meta, MaxBytes: f.maxBytes, Workers: f.workers, Log: e.log}
	clearLine := ""
	if file, ok := e.stderr.(*os.File); ok && !f.quiet && term.IsTerminal(int(file.Fd())) {
		opts.Progress = e.stderr
		clearLine = "\r\033[K" // the error line replaces the progress bar
	}
	opts.OnError = func(err error) { fmt.Fprintf(e.stderr, "%sstoryline: error: %s\n", clearLine, escaped(err.Error())) }
	opts.OnWarning = func(err error) { fmt.Fprintf(e.stderr, "%sstoryline: warning: %s\n", clearLine, escaped(err.Error())) }
	// A shared store has workers: ingest queues what it reads for them.
	var q *queue.Queue
	if !f.local {
		var err error
		if q, err = sharedQueue(ctx, st); err != nil {
			fmt.Fprintf(e.stderr, "storyline: %s\n", escaped(err.Error()))
			return exitFailed
		}
	}
	p := watchedPipeline(st, e.log)
	if q != nil {
		p = pipeline.NewSubmitting(st, q, e.log)
	}
	stopProfile, err := startCPUProfile(f.profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline: %v\n", err)
		return exitFailed
	}
	defer stopProfile()
	start, cpu0 := time.Now(), cpuTime()
	sum, err := p.Ingest(ctx, paths, opts)
	fmt.Fprintf(e.stderr, "storyline: %s\n", sum)
	if err == nil && q != nil && f.wait {
		err = waitForQueue(ctx, e.stderr, q)
	}
	if f.stats {
		fmt.Fprintf(e.stderr, "storyline: stats: wall %.3fs cpu %.3fs peak-rss %d\n", time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds(), peakRSS())
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "storyline: interrupted")
		return exitFailed
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline: %s\n", escaped(err.Error()))
		return exitFailed
	}
	ok := sum.Ingested + sum.Unchanged + sum.Updated + sum.Queued
	switch {
	case sum.Failed == 0:
		return exitOK
	case ok == 0:
		return exitFailed
	default:
		return exitPartial
	}
}

// ingestCommands adds this file's commands to the table.
func ingestCommands(t *commandTable) {
	t.add(&command{
		name:    "ingest",
		summary: "add articles (text, HTML, JSON Lines, RSS/Atom, WARC, gzip) to a store",
		run: func(ctx context.Context, e *env, args []string) int {
			fs := newFlags(e, "ingest", "[--db DSN] [--meta FILE] [--wait] PATH...", "Add the articles under each PATH (a file or a folder, read recursively) to the store.\nRe-ingesting the same article changes nothing; a changed article is updated. With a shared store\n(postgres://...), the articles are queued for `storyline worker` processes; --wait returns once\neverything queued so far is analysed, linked and settled.")
			dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH or postgres://...)")
			var f ingestFlags
			f.bind(fs)
			fs.BoolVar(&f.wait, "wait", false, "with a shared store, wait for the workers (the embedded store always does)")
			fs.BoolVar(&f.local, "local", false, "with a shared store, analyse and link in this process instead of queueing for workers")
			paths, done, status := parseArgs(e, fs, args)
			if done {
				return status
			}
			if len(paths) == 0 {
				fmt.Fprintln(e.stderr, "storyline ingest: no PATH given")
				return exitFailed
			}
			st, err := openStore(ctx, *dsn)
			if err != nil {
				reportOpenError(ctx, e, "ingest", err)
				return exitFailed
			}
			defer st.Close()
			return ingestPaths(ctx, e, st, paths, f)
		},
	})
	t.add(&command{
		name:    "export",
		summary: "write the contract's export files for everything in a store",
		run: func(ctx context.Context, e *env, args []string) int {
			fs := newFlags(e, "export", "[--db DSN] --out DIR", "Write articles.jsonl, events.jsonl, stories.jsonl, entities.jsonl and quotes.jsonl into DIR.")
			dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
			out := fs.String("out", "", "output folder (created if needed)")
			rest, done, status := parseArgs(e, fs, args)
			if done {
				return status
			}
			if *out == "" || len(rest) > 0 {
				fmt.Fprintln(e.stderr, "storyline export: need --out DIR and no other arguments")
				return exitFailed
			}
			st, err := openStore(ctx, *dsn)
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline export: %v\n", err)
				return exitFailed
			}
			defer st.Close()
			if err := export.Write(ctx, st, *out); err != nil {
				fmt.Fprintf(e.stderr, "storyline export: %v\n", err)
				return exitFailed
			}
			return exitOK
		},
	})
	t.add(&command{
		name:    "run",
		summary: "ingest PATHs into a temporary store and export the results",
		run: func(ctx context.Context, e *env, args []string) int {
			fs := newFlags(e, "run", "[--meta FILE] --out DIR PATH...", "Process everything under the PATHs with a temporary store and write the export files into DIR\n(ingest followed by export).")
			out := fs.String("out", "", "output folder (created if needed)")
			var f ingestFlags
			f.bind(fs)
			paths, done, status := parseArgs(e, fs, args)
			if done {
				return status
			}
			if *out == "" || len(paths) == 0 {
				fmt.Fprintln(e.stderr, "storyline run: need --out DIR and at least one PATH")
				return exitFailed
			}
			tmp, err := os.MkdirTemp("", "storyline-run-")
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline run: %v\n", err)
				return exitFailed
			}
			defer os.RemoveAll(tmp)
			st, err := openStore(ctx, "sqlite:"+tmp+"/run.db")
			if err != nil {
				reportOpenError(ctx, e, "run", err)
				return exitFailed
			}
			defer st.Close()
			// Export even when every item failed: the caller gets the
			// contract's files (empty) and the status says what happened.
			// An interrupted run exports nothing: the deferred calls close
			// and remove its temporary store at once.
			code := ingestPaths(ctx, e, st, paths, f)
			if ctx.Err() != nil {
				return exitFailed
			}
			if err := export.Write(ctx, st, *out); err != nil {
				fmt.Fprintf(e.stderr, "storyline run: %v\n", err)
				return exitFailed
			}
			return code
		},
	})
}

// reanalyzeCommands adds this file's commands to the table.
func reanalyzeCommands(t *commandTable) {
	t.add(&command{
		name:    "reanalyze",
		summary: "run the analysis again on every stored article (after a model or rule change)",
		run: func(ctx context.Context, e *env, args []string) int {
			fs := newFlags(e, "reanalyze", "[--db DSN]", "Re-run entity, time and quote analysis on the stored articles' cleaned text and link them again\ninto events, stories, entities and quotes, without re-reading the sources. Memory stays bounded:\narticles are read and linked in pages.")
			dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
			rest, done, status := parseArgs(e, fs, args)
			if done {
				return status
			}
			if len(rest) > 0 {
				fmt.Fprintln(e.stderr, "storyline reanalyze: takes no arguments")
				return exitFailed
			}
			st, err := openStore(ctx, *dsn)
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline reanalyze: %v\n", err)
				return exitFailed
			}
			defer st.Close()
			var progress io.Writer
			if file, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
				progress = e.stderr
			}
			n, err := watchedPipeline(st, e.log).Reanalyze(ctx, progress)
			if err != nil {
				fmt.Fprintf(e.stderr, "storyline reanalyze: %v\n", err)
				return exitFailed
			}
			fmt.Fprintf(e.stderr, "storyline: %d articles re-analysed\n", n)
			return exitOK
		},
	})
}

// reportOpenError says why a store did not open; a signal that arrived
// while it was opening (migrations take a while on a large store) is an
// interruption, said as an interrupted ingest says it.
func reportOpenError(ctx context.Context, e *env, command string, err error) {
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "storyline: interrupted")
		return
	}
	fmt.Fprintf(e.stderr, "storyline %s: %v\n", command, err)
}
