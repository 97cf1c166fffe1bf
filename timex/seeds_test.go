package timex

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"

	storyline "github.com/storyline-news/storyline"
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
// marked hard) and each seed's event date. The raw seed files stand in for
// cleaned text: the expressions are all in them.
func TestSeeds(t *testing.T) {
	shared := shareddata.Path(t)
	seeds := filepath.Join(shared, "seeds")
	b, err := os.ReadFile(filepath.Join(seeds, "gold.json"))
	if err != nil {
		t.Skipf("no seed gold: %v", err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	pub := map[string]string{}
	f, err := os.Open(filepath.Join(seeds, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m struct{ ID, Published string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		pub[m.ID] = m.Published
	}
	checked := 0
	for id, art := range gold.Articles {
		text, err := os.ReadFile(filepath.Join(seeds, "articles", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var items []goldTimex
		for k, raw := range art {
			if k == "timexes" || strings.HasPrefix(k, "timexes_given_meta_pub") {
				if err := json.Unmarshal(raw, &items); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Every seed is about Geneva; the gold reads their clock times there.
		a := &storyline.Article{ID: id, Text: string(text), Published: pub[id], Dateline: "Geneva"}
		if err := Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, g := range items {
			if strings.HasPrefix(g.Note, "hard") {
				continue
			}
			checked++
			found := false
			for _, x := range a.Timexes {
				if strings.Contains(x.Text, g.Text) && x.Value == g.Value {
					found = true
					break
				}
			}
			if !found {
				var got []string
				for _, x := range a.Timexes {
					if strings.Contains(x.Text, g.Text) || strings.Contains(g.Text, x.Text) {
						got = append(got, x.Text+"="+x.Value)
					}
				}
				t.Errorf("%s: %q want %s, got %v", id, g.Text, g.Value, got)
			}
		}
		var ev string
		if err := json.Unmarshal(art["event"], &ev); err == nil {
			if want := gold.Events[ev].Date; want != "" && a.EventDate != want {
				t.Errorf("%s: event date %s, want %s", id, a.EventDate, want)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no gold time expressions read")
	}
}
