package lang

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelledSets are the invented news texts Detect is measured on:
// news.tsv shaped the word lists and rules, holdout.tsv was written before
// them and only measured.
var labelledSets = []string{"news.tsv", "holdout.tsv"}

type labelled struct {
	code, kind, text string
}

func readLabelled(tb testing.TB, name string) []labelled {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var set []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) != 3 {
			tb.Fatalf("%s:%d: want code, kind and text separated by tabs", name, n)
		}
		set = append(set, labelled{fields[0], fields[1], fields[2]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return set
}

// tally counts right answers per kind of text ("all" for the whole set)
// and lists the wrong ones.
type tally struct {
	right, total map[string]int
	misses       []string
}

func measure(set []labelled, detect func(string) string) tally {
	t := tally{right: map[string]int{}, total: map[string]int{}}
	for _, s := range set {
		got := detect(s.text)
		for _, k := range []string{"all", s.kind} {
			t.total[k]++
			if got == s.code {
				t.right[k]++
			}
		}
		if got != s.code {
			t.misses = append(t.misses, fmt.Sprintf("%s %s: got %q for %q", s.code, s.kind, got, s.text))
		}
	}
	return t
}

func (t tally) accuracy(kind string) float64 {
	if t.total[kind] == 0 {
		return 0
	}
	return float64(t.right[kind]) / float64(t.total[kind])
}

// TestLabelledAccuracy holds Detect to what it reaches on the invented
// news texts (docs/benchmarks.md has the figures): every paragraph right,
// and at most one text in fifty wrong, most of them one-line texts full of
// names or short of function words.
func TestLabelledAccuracy(t *testing.T) {
	for _, name := range labelledSets {
		t.Run(name, func(t *testing.T) {
			got := measure(readLabelled(t, name), Detect)
			if got.accuracy("paragraph") < 1 || got.accuracy("all") < 0.98 {
				t.Errorf("accuracy %.3f overall, %.3f on paragraphs; wrong:\n%s",
					got.accuracy("all"), got.accuracy("paragraph"), strings.Join(got.misses, "\n"))
			}
		})
	}
}

// TestLabelledSetsCoverLanguages checks that every language Detect returns
// is measured, with at least one paragraph.
func TestLabelledSetsCoverLanguages(t *testing.T) {
	paragraphs := map[string]int{}
	for _, name := range labelledSets {
		for _, s := range readLabelled(t, name) {
			if s.kind == "paragraph" {
				paragraphs[s.code]++
			}
		}
	}
	for _, code := range knownLanguages() {
		if paragraphs[code] == 0 {
			t.Errorf("no labelled paragraph in %s", code)
		}
	}
	if len(paragraphs) != len(knownLanguages()) {
		t.Errorf("labelled languages %v, Detect knows %v", paragraphs, knownLanguages())
	}
}

func BenchmarkDetectLabelled(b *testing.B) {
	var texts []string
	for _, name := range labelledSets {
		for _, s := range readLabelled(b, name) {
			texts = append(texts, s.text)
		}
	}
	i := 0
	for b.Loop() {
		Detect(texts[i%len(texts)])
		i++
	}
}
