package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/storyline-news/storyline/timex"
)

// timexCommands adds this file's commands to the table.
func timexCommands(t *commandTable) {
	t.tag["timex"] = &command{
		name:    "timex",
		usage:   "--tml FILE",
		summary: "print the time expressions of a TimeML file's TEXT as JSON lines (offsets: UTF-8 bytes into the plain text)",
		run:     runTagTimex,
	}
	t.eval["timex"] = &command{
		name:    "timex",
		usage:   "--tml DIR",
		summary: "TempEval-3 figures of the time-expression tagger on a folder of TimeML files",
		run:     runEvalTimex,
	}
}

func runTagTimex(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "tag timex", "--tml FILE", "Tag the TEXT of a TimeML file, anchored to its <DCT>, and print one JSON object per time expression: {start, end, type, value, anchor, text}; anchor, the date a duration points at, only where there is one.")
	tml := fs.String("tml", "", "TimeML file")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	if *tml == "" {
		fmt.Fprintln(e.stderr, "storyline tag timex: --tml FILE is required")
		return exitFailed
	}
	d, err := timex.ReadTML(*tml)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline tag timex: %v\n", err)
		return exitFailed
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, x := range timex.TagTML(d) {
		if err := enc.Encode(struct {
			Start  int    `json:"start"`
			End    int    `json:"end"`
			Type   string `json:"type"`
			Value  string `json:"value"`
			Anchor string `json:"anchor,omitempty"`
			Text   string `json:"text"`
		}{x.Start, x.End, x.Type, x.Value, x.Anchor, x.Text}); err != nil {
			fmt.Fprintf(e.stderr, "storyline tag timex: %v\n", err)
			return exitFailed
		}
	}
	return exitOK
}

func runEvalTimex(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval timex", "--tml DIR", "Score the time-expression tagger on every .tml file under DIR: strict and relaxed span F1, type F1 and value F1 (TempEval-3).")
	dir := fs.String("tml", "", "folder of TimeML files")
	verbose := fs.Bool("errors", false, "also list every miss, extra and disagreement (stderr)")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	if *dir == "" {
		fmt.Fprintln(e.stderr, "storyline eval timex: --tml DIR is required")
		return exitFailed
	}
	var errs = e.stderr
	if !*verbose {
		errs = nil
	}
	s, err := timex.EvalDir(ctx, *dir, errs)
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline eval timex: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "documents %d, gold %d, system %d\n", s.Docs, s.Gold, s.System)
	fmt.Fprintf(e.stdout, "strict span   P %.4f  R %.4f  F1 %.4f\n", s.StrictP, s.StrictR, s.StrictF1)
	fmt.Fprintf(e.stdout, "relaxed span  P %.4f  R %.4f  F1 %.4f\n", s.RelaxedP, s.RelaxedR, s.RelaxedF1)
	fmt.Fprintf(e.stdout, "type          F1 %.4f  (accuracy %.4f)\n", s.TypeF1, s.TypeAccuracy)
	fmt.Fprintf(e.stdout, "value         F1 %.4f  (accuracy %.4f)\n", s.ValueF1, s.ValueAccuracy)
	return exitOK
}
