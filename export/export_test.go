package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// The contract's files: unknown dates and speakers are null, lists are
// never null, every file exists even when it is empty.
func TestWriteFollowsTheContract(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := &storyline.Article{ID: "a1", Title: "Quake hits Tarsen", Text: "A quake hit Tarsen.",
		Timexes: []storyline.TimeExpr{{Text: "Wednesday", Start: 0, End: 9, Type: "DATE"},
			{Text: "three weeks", Start: 10, End: 21, Type: "DURATION", Value: "P3W", Anchor: "2021-W42"}}}
	a.Event = "e1"
	a.Quotes = []storyline.QuoteMention{{Quote: "q1", Text: "It shook", Start: 0, End: 8, Direct: true}}
	c := &storyline.Corpus{
		Articles: []*storyline.Article{a},
		Events:   []storyline.Event{{ID: "e1", Articles: []string{"a1"}, Story: "s1"}},
		Stories:  []storyline.Story{{ID: "s1", Events: []string{"e1"}}},
		Quotes:   []storyline.Quote{{ID: "q1", Text: "It shook", Articles: []string{"a1"}}},
	}
	if err := store.WriteCorpus(ctx, st, c); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(ctx, st, dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		file string
		want []string
	}{
		{"articles.jsonl", []string{`"published":null`, `"published_from":null`, `"credits":[]`, `"entities":[]`, `"value":null`, `"speaker":null`, `"event":"e1"`, `"value":"P3W","anchor":"2021-W42"`}},
		{"events.jsonl", []string{`"date":null`, `"entities":[]`, `"facts":[]`, `"story":"s1"`}},
		{"stories.jsonl", []string{`"events":["e1"]`, `"timeline":[]`}},
		{"quotes.jsonl", []string{`"speaker":null`, `"articles":["a1"]`}},
		{"entities.jsonl", nil},
	}
	for _, tt := range tests {
		got := read(tt.file)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s:\n%s", tt.file, w, got)
			}
		}
	}
	if strings.Count(read("articles.jsonl"), `"anchor"`) != 1 {
		t.Errorf("articles.jsonl: an anchor only where there is one:\n%s", read("articles.jsonl"))
	}
	if strings.Count(read("articles.jsonl"), "\n") != 1 {
		t.Errorf("articles.jsonl: want one line:\n%s", read("articles.jsonl"))
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(Files) {
		t.Errorf("%d files in the export folder, want %d", len(entries), len(Files))
	}
}
