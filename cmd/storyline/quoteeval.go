package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/source"
)

// devQuoteLabels is the hand-labelled dev set, relative to the repository root.
const devQuoteLabels = "quote/testdata/quotes-dev.jsonl"

// quoteEvalCommands adds this file's commands to the table.
func quoteEvalCommands(t *commandTable) {
	t.eval["quotes"] = &command{
		name:    "quotes",
		usage:   "[--data DIR] [--labels FILE] [-v]",
		summary: "quote extraction and attribution against hand-labelled quotes: found, attributed, grouped",
		run:     runEvalQuotes,
	}
}

func runEvalQuotes(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval quotes", "[--data DIR] [--labels FILE] [-v]",
		"Clean and analyse the labelled articles as ingest does, merge their quotes across articles, and\n"+
			"score them against the labels (JSON Lines: in, article, start, end, sha, speaker, kind, group):\n"+
			"found (labelled quotes extracted), attributed (with the labelled speaker, names compared by\n"+
			"name key: Ryabkov = Sergei Ryabkov), grouped (labelled cross-outlet groups merged into one quote).")
	data := fs.String("data", "", "folder the labels' inputs are relative to (default: ../shared beside the repository)")
	labelsPath := fs.String("labels", "", "labels file (default: the repository's "+devQuoteLabels+")")
	verbose := fs.Bool("v", false, "also print the figures by pattern and every quote attributed wrongly")
	if _, done, st := parseArgs(e, fs, args); done {
		return st
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "storyline eval quotes: %v\n", err)
		return exitFailed
	}
	if *data == "" {
		dir, err := shareddata.Dir()
		if err != nil {
			return fail(fmt.Errorf("--data DIR is needed outside a checkout with ../shared: %w", err))
		}
		*data = dir
	}
	if *labelsPath == "" {
		root, err := shareddata.Root()
		if err != nil {
			return fail(fmt.Errorf("--labels FILE is needed outside a checkout: %w", err))
		}
		*labelsPath = filepath.Join(root, devQuoteLabels)
	}
	f, err := os.Open(*labelsPath)
	if err != nil {
		return fail(err)
	}
	labels, err := quote.ReadLabels(f)
	f.Close()
	if err != nil {
		return fail(err)
	}
	if len(labels) == 0 {
		return fail(fmt.Errorf("%s holds no labels", *labelsPath))
	}
	arts, err := analyseLabelled(ctx, e, *data, labels)
	if err != nil {
		return fail(err)
	}
	r, err := quote.Evaluate(labels, arts)
	if err != nil {
		return fail(err)
	}
	printQuoteEval(e.stdout, r, len(arts), *verbose)
	return exitOK
}

// analyseLabelled reads the articles the labels name, cleans and analyses
// them as ingest does, then resolves entities and merges quotes across
// them as a rebuild does. Speaker names are kept from before the merge:
// they are the per-article attribution being scored.
func analyseLabelled(ctx context.Context, e *env, dir string, labels []quote.Label) (map[string]quote.EvalArticle, error) {
	want := map[string]bool{}
	var inputs []string
	for _, l := range labels {
		want[l.Article] = true
		p := filepath.Join(dir, filepath.FromSlash(l.In))
		if !slices.Contains(inputs, p) {
			inputs = append(inputs, p)
		}
	}
	chain := pipeline.Analyzers()
	raw := map[string]string{}
	var arts []*storyline.Article
	err := source.Walk(ctx, inputs, source.Options{}, func(it *source.Item, ie *source.ItemError) error {
		if ie != nil || !want[it.ID] || raw[it.ID] != "" {
			return nil
		}
		a, err := pipeline.Prepare(it, nil)
		if err != nil {
			e.log.Warn("article not analysed", "article", it.ID, "err", err)
			return nil
		}
		if err := pipeline.Analyze(ctx, chain, a); err != nil {
			e.log.Warn("article not analysed", "article", it.ID, "err", err)
			return nil
		}
		raw[it.ID] = it.Text
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the labelled articles: %w", err)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	out := map[string]quote.EvalArticle{}
	for _, a := range arts {
		out[a.ID] = quote.EvalArticle{Raw: raw[a.ID], Text: a.Text, Quotes: append([]storyline.QuoteMention(nil), a.Quotes...)}
	}
	quote.Merge(arts, entity.Resolve(arts))
	for _, a := range arts {
		ea := out[a.ID]
		for _, q := range a.Quotes {
			ea.QuoteIDs = append(ea.QuoteIDs, q.Quote)
		}
		out[a.ID] = ea
	}
	return out, nil
}

func printQuoteEval(w io.Writer, r quote.EvalResult, articles int, verbose bool) {
	share := func(n, of int) string {
		if of == 0 {
			return "-"
		}
		return fmt.Sprintf("%.3f (%d/%d)", float64(n)/float64(of), n, of)
	}
	fmt.Fprintf(w, "labelled quotes %d in %d articles (%d unattributable)\n", r.Attributable+r.Unattributable, articles, r.Unattributable)
	fmt.Fprintf(w, "found      %s\n", share(r.Found, r.Attributable))
	fmt.Fprintf(w, "attributed %s\n", share(r.Attributed, r.Attributable))
	fmt.Fprintf(w, "grouped    %s cross-outlet groups\n", share(r.Grouped, r.Groups))
	if r.Unattributable > 0 {
		fmt.Fprintf(w, "unattributable left without a speaker %s\n", share(r.LeftAlone, r.Unattributable))
	}
	if !verbose {
		return
	}
	fmt.Fprintln(w, "\nattributed, by pattern:")
	for _, k := range r.ByKind() {
		fmt.Fprintf(w, "  %-10s %s\n", k.Kind, share(k.Right, k.Labels))
	}
	if len(r.Apart) > 0 {
		fmt.Fprintf(w, "\ngroups not merged: %s\n", strings.Join(r.Apart, ", "))
	}
	fmt.Fprintln(w, "\nwrong:")
	for _, o := range r.Outcomes {
		if o.Right {
			continue
		}
		want := o.Label.Speaker
		if want == "" {
			want = "(no one)"
		}
		got := o.Got
		switch {
		case !o.Found:
			got = "(not found)"
		case got == "":
			got = "(no speaker)"
		}
		text := strings.Join(strings.Fields(o.Text), " ")
		if r := []rune(text); len(r) > 90 {
			text = string(r[:90]) + "…"
		}
		fmt.Fprintf(w, "  %s %d [%s] want %s, got %s: %q\n", o.Label.Article, o.Label.Start, o.Label.Kind, want, got, text)
	}
}
