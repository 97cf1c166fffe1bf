package timex

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/internal/shareddata"
)

type seedGold struct {
	Articles map[string]map[string]json.RawMessage `json:"articles"`
	Events   map[string]struct {
		Date string `json:"date"`
	} `json:"events"`
}

type goldTimex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Note  string `json:"note"`
}

// TestSeeds checks every time expression of the seed gold (except those
// marked hard) in the raw seed files, and each seed's event date in the
// article the cleaner makes of it.
func TestSeeds(t *testing.T) {
	seeds := filepath.Join(shareddata.Path(t), "seeds")
	b, err := os.ReadFile(filepath.Join(seeds, "gold.json"))
	if err != nil {
		t.Skipf("no seed gold: %v", err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	pub := seedPublished(t, filepath.Join(seeds, "meta.jsonl"))
	checked := 0
	for id, art := range gold.Articles {
		text, err := os.ReadFile(filepath.Join(seeds, "articles", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		// Every seed is about Geneva; the gold reads their clock times there.
		a := &storyline.Article{ID: id, Text: string(text), Published: pub[id], Dateline: "Geneva"}
		if err := Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checked += checkSeedTimexes(t, a, seedTimexes(t, art))
		var ev string
		if err := json.Unmarshal(art["event"], &ev); err == nil {
			c := clean.Text(string(text), clean.Known{Published: pub[id]})
			a := &storyline.Article{ID: id, Text: c.Text, Paragraphs: c.Paragraphs, Published: pub[id], Dateline: "Geneva"}
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if want := gold.Events[ev].Date; want != "" && a.EventDate != want {
				t.Errorf("%s: event date %s, want %s", id, a.EventDate, want)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no gold time expressions read")
	}
}

// seedPublished reads the publication date of each seed from meta.jsonl.
func seedPublished(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pub := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m struct{ ID, Published string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		pub[m.ID] = m.Published
	}
	return pub
}

// seedTimexes are the gold time expressions of one seed article.
func seedTimexes(t *testing.T, art map[string]json.RawMessage) []goldTimex {
	t.Helper()
	var items []goldTimex
	for k, raw := range art {
		if k == "timexes" || strings.HasPrefix(k, "timexes_given_meta_pub") {
			if err := json.Unmarshal(raw, &items); err != nil {
				t.Fatal(err)
			}
		}
	}
	return items
}

// checkSeedTimexes checks that each gold expression not marked hard is
// found with its value, and returns how many were checked.
func checkSeedTimexes(t *testing.T, a *storyline.Article, items []goldTimex) int {
	t.Helper()
	checked := 0
	for _, g := range items {
		if strings.HasPrefix(g.Note, "hard") {
			continue
		}
		checked++
		if slices.ContainsFunc(a.Timexes, func(x storyline.TimeExpr) bool { return strings.Contains(x.Text, g.Text) && x.Value == g.Value }) {
			continue
		}
		var got []string
		for _, x := range a.Timexes {
			if strings.Contains(x.Text, g.Text) || strings.Contains(g.Text, x.Text) {
				got = append(got, x.Text+"="+x.Value)
			}
		}
		t.Errorf("%s: %q want %s, got %v", a.ID, g.Text, g.Value, got)
	}
	return checked
}
