package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/store"
)

// quoteCommands adds this file's commands to the table.
func quoteCommands(t *commandTable) {
	t.add(&command{
		name:    "quotes",
		usage:   "--speaker NAME [--db DSN] [--limit N] [--json]",
		summary: "list what a person or organisation said, newest first, with the outlets that carry each quote",
		run:     runQuotes,
	})
}

func runQuotes(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "quotes", "--speaker NAME [--db DSN] [--limit N] [--json]",
		"List the quotes of a speaker (any spelling of the name: Riabkov finds Ryabkov), newest first,\nwith the outlets and dates of the articles that carry each.")
	speaker := fs.String("speaker", "", "speaker's name (required)")
	dsn := fs.String("db", store.DefaultDSN, "store DSN (sqlite:PATH)")
	limit := fs.Int("limit", 20, "most quotes to list")
	asJSON := fs.Bool("json", false, "print JSON Lines instead of text")
	rest, done, status := parseArgs(e, fs, args)
	if done {
		return status
	}
	if *speaker == "" && len(rest) > 0 {
		*speaker = strings.Join(rest, " ")
	}
	if strings.TrimSpace(*speaker) == "" {
		fmt.Fprintln(e.stderr, "storyline quotes: --speaker NAME is required")
		fs.Usage()
		return exitFailed
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline quotes: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	qs, err := quotesBySpeaker(ctx, st, *speaker, *limit)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline quotes: %v\n", err)
		return exitFailed
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, q := range qs {
			if err := enc.Encode(q); err != nil {
				fmt.Fprintf(e.stderr, "storyline quotes: %v\n", err)
				return exitFailed
			}
		}
		return exitOK
	}
	if len(qs) == 0 {
		fmt.Fprintf(e.stdout, "No quotes found for %q.\n", *speaker)
		return exitOK
	}
	printQuotes(e.stdout, qs)
	return exitOK
}

func printQuotes(w io.Writer, qs []carriedQuote) {
	for i, q := range qs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		date := q.Latest
		if len(date) > 10 {
			date = date[:10]
		}
		if date == "" {
			date = "undated"
		}
		if q.Direct {
			fmt.Fprintf(w, "%s  %s: “%s”\n", date, q.SpeakerName, q.Text)
		} else {
			// Reported speech: the outlet's words, not the speaker's.
			fmt.Fprintf(w, "%s  %s (reported): %s\n", date, q.SpeakerName, q.Text)
		}
		var srcs []string
		for _, s := range q.Sources {
			d := s.Published
			if len(d) > 10 {
				d = d[:10]
			}
			if d == "" {
				srcs = append(srcs, s.Outlet)
			} else {
				srcs = append(srcs, s.Outlet+" ("+d+")")
			}
		}
		fmt.Fprintf(w, "            carried by %d: %s  [%s]\n", len(q.Sources), strings.Join(srcs, ", "), q.ID)
	}
}
