package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/storyline-news/storyline/extract"
)

// extractCommands adds this file's commands to the table.
func extractCommands(t *commandTable) {
	t.eval["extract"] = &command{
		name:    "extract",
		usage:   "--data DIR",
		summary: "article-body extraction precision/recall/F1 (word 4-gram shingles) on an article-extraction folder",
		run:     runEvalExtract,
	}
}

func runEvalExtract(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval extract", "--data DIR",
		"Extract the body of every page under DIR/html (ID.html.gz) and compare it with DIR/ground-truth.json:\n"+
			"word 4-gram shingles shared, extra and missing, normalised per page and summed; then precision, recall and F1.")
	dir := fs.String("data", "", "article-extraction folder (ground-truth.json and html/)")
	worst := fs.Int("worst", 0, "also list the N pages with the lowest F1 (stderr)")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	if *dir == "" {
		fmt.Fprintln(e.stderr, "storyline eval extract: --data DIR is required")
		return exitFailed
	}
	s, pages, err := extract.Evaluate(ctx, *dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline eval extract: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "pages %d\nprecision %.4f\nrecall %.4f\nF1 %.4f\n", s.Pages, s.Precision(), s.Recall(), s.F1())
	if *worst > 0 {
		sort.SliceStable(pages, func(i, j int) bool { return pages[i].F1() < pages[j].F1() })
		for _, p := range pages[:min(*worst, len(pages))] {
			fmt.Fprintf(e.stderr, "%s F1 %.3f shared %.3f extra %.3f missing %.3f", p.ID, p.F1(), p.Shared, p.Extra, p.Missing)
			if p.Err != nil {
				fmt.Fprintf(e.stderr, " (%v)", p.Err)
			}
			fmt.Fprintln(e.stderr)
		}
	}
	return exitOK
}
