package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"strings"

	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/server"
	"github.com/storyline-news/storyline/store"
)

// demoCommands adds this file's commands to the table.
func demoCommands(t *commandTable) {
	t.add(&command{
		name:    "demo",
		summary: "ingest the shipped sample corpus (invented articles) into ./storyline.db and show what was found",
		run:     runDemo,
	})
}

func runDemo(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "demo", "[--db DSN] [--addr 127.0.0.1:8080] [--no-serve]", "Ingest the sample corpus that ships with Storyline (a dozen invented articles about three\nmade-up happenings), print the stories, events, entities and quotes found, then serve\nthe web UI over them until interrupted.")
	dsn := fs.String("db", store.DefaultDSN, "store DSN")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve the web UI on")
	noServe := fs.Bool("no-serve", false, "print what was found and exit without serving")
	_, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	tmp, err := os.MkdirTemp("", "storyline-demo-")
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline demo: %v\n", err)
		return exitFailed
	}
	defer os.RemoveAll(tmp)
	articles, meta, err := sample.WriteTo(tmp)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline demo: %v\n", err)
		return exitFailed
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline demo: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	if code := ingestPaths(ctx, e, st, []string{articles}, ingestFlags{meta: meta}); code != exitOK {
		return code
	}
	if err := printOverview(ctx, e.stdout, st); err != nil {
		fmt.Fprintf(e.stderr, "storyline demo: %v\n", err)
		return exitFailed
	}
	if *noServe {
		return exitOK
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline demo: %v (try --addr 127.0.0.1:0, or --no-serve)\n", err)
		return exitFailed
	}
	fmt.Fprintln(e.stdout)
	return serveStore(ctx, e, st, st, nil, ln, server.Options{}, false)
}

// printOverview prints the stories with their events, then the most
// mentioned entities and the quotes carried by several outlets.
func printOverview(ctx context.Context, w io.Writer, st store.Store) error {
	stories, err := st.Stories(ctx, store.Query{Limit: 20})
	if err != nil {
		return err
	}
	for _, s := range stories {
		fmt.Fprintf(w, "\nStory: %s\n", s.Title)
		for _, id := range s.Events {
			ev, err := st.Event(ctx, id)
			if err != nil {
				return err
			}
			date := ev.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(w, "  %-10s  %s (%s) — %d article(s)\n", date, ev.Title, ev.Place, len(ev.Articles))
		}
	}
	entities, err := st.Entities(ctx, store.Query{Limit: 10})
	if err != nil {
		return err
	}
	if len(entities) > 0 {
		fmt.Fprintln(w, "\nMost mentioned:")
		for _, en := range entities {
			role := ""
			if len(en.Roles) > 0 {
				role = ", " + en.Roles[0]
			}
			fmt.Fprintf(w, "  %-7s %s%s (%d articles; also %s)\n", en.Type, en.Name, role, len(en.Articles), strings.Join(en.Aliases, ", "))
		}
	}
	quotes, err := st.Quotes(ctx, store.Query{Limit: 10})
	if err != nil {
		return err
	}
	if len(quotes) > 0 {
		fmt.Fprintln(w, "\nQuotes:")
		for _, q := range quotes {
			fmt.Fprintf(w, "  %s: “%s” (%d article(s))\n", q.SpeakerName, q.Text, len(q.Articles))
		}
	}
	return nil
}
