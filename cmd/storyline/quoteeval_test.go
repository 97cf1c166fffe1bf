package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/quote"
)

func TestEvalQuotes(t *testing.T) {
	dir := t.TempDir()
	arts := map[string]string{
		"a1": "Harbour talks stall in Lindmark\n\nThe harbour talks stalled on Tuesday after a long night.\n\n\"We will not sign this agreement,\" Ann Lee said on Tuesday.\n\nThe mayor's cousin, Tom Ray, was calmer. \"There is still time,\" he said.\n",
		"a2": "Lindmark talks\n\nNegotiators left the harbour office late on Tuesday evening.\n\n\"We will not sign this agreement,\" said Ann Lee, the union's leader.\n",
	}
	var lines []string
	for _, id := range []string{"a1", "a2"} {
		b, _ := json.Marshal(map[string]string{"id": id, "text": arts[id]})
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(dir, "articles.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	label := func(id, words, speaker, group string) string {
		s := strings.Index(arts[id], words)
		b, _ := json.Marshal(quote.Label{In: "articles.jsonl", Article: id, Start: s, End: s + len(words), SHA: quote.SpanHash(words),
			Speaker: speaker, Kind: "after", Group: group})
		return string(b)
	}
	labels := strings.Join([]string{
		label("a1", "We will not sign this agreement,", "Ann Lee", "g1"),
		label("a1", "There is still time,", "Tom Ray", ""),
		label("a2", "We will not sign this agreement,", "Lee", "g1"),
	}, "\n")
	lpath := filepath.Join(dir, "labels.jsonl")
	if err := os.WriteFile(lpath, []byte(labels), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "eval", "quotes", "--data", dir, "--labels", lpath, "-v")
	if code != exitOK {
		t.Fatalf("eval quotes: %d %s", code, stderr)
	}
	for _, want := range []string{"labelled quotes 3 in 2 articles", "found      1.000 (3/3)", "grouped    1.000 (1/1)", "attributed, by pattern:"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, "eval", "quotes", "--data", dir, "--labels", filepath.Join(dir, "none.jsonl")); code != exitFailed {
		t.Errorf("missing labels file: status %d", code)
	}
}
