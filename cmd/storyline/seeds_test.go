package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

// seedGold is the part of ../shared/seeds/gold.json the foundation checks.
type seedGold struct {
	Articles map[string]struct {
		Pub           *string  `json:"pub"`
		Title         string   `json:"title"`
		TitleContains string   `json:"title_contains"`
		Byline        string   `json:"byline"`
		Outlet        string   `json:"outlet"`
		Credits       []string `json:"credits"`
		Noise         []string `json:"noise"`
	} `json:"articles"`
}

// runSeeds runs the batch contract on the seeds once per test binary.
func runSeeds(t *testing.T, withMeta bool) (string, seedGold) {
	t.Helper()
	shared := shareddata.Path(t)
	var gold seedGold
	data, err := os.ReadFile(filepath.Join(shared, "seeds", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	args := []string{"run", "--quiet", "--out", out}
	if withMeta {
		args = append(args, "--meta", filepath.Join(shared, "seeds", "meta.jsonl"))
	}
	args = append(args, filepath.Join(shared, "seeds", "articles"))
	if code, _, stderr := run(t, args...); code != exitOK {
		t.Fatalf("run: status %d\n%s", code, stderr)
	}
	return out, gold
}

func TestSeedArticlesAreClean(t *testing.T) {
	out, gold := runSeeds(t, true)
	for _, name := range []string{"articles.jsonl", "events.jsonl", "stories.jsonl", "entities.jsonl", "quotes.jsonl"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing export file: %v", err)
		}
	}
	articles := readJSONL(t, filepath.Join(out, "articles.jsonl"))
	if len(articles) != len(gold.Articles) {
		t.Fatalf("%d articles exported, want %d", len(articles), len(gold.Articles))
	}
	meta := map[string]string{"002_d42b31f01e8b989e": "2022-01-10", "004_2aae9da70f671afc": "2022-01-10"}
	for id, g := range gold.Articles {
		a := articles[id]
		if a == nil {
			t.Errorf("%s: not exported", id)
			continue
		}
		str := func(k string) string { s, _ := a[k].(string); return s }
		text := str("text")
		if g.Title != "" && str("title") != g.Title {
			t.Errorf("%s: title %q, want %q", id, str("title"), g.Title)
		}
		if g.TitleContains != "" && !strings.Contains(str("title"), g.TitleContains) {
			t.Errorf("%s: title %q does not contain %q", id, str("title"), g.TitleContains)
		}
		if g.Byline != "" && str("byline") != g.Byline {
			t.Errorf("%s: byline %q, want %q", id, str("byline"), g.Byline)
		}
		if g.Outlet != "" && str("outlet") != g.Outlet {
			t.Errorf("%s: outlet %q, want %q", id, str("outlet"), g.Outlet)
		}
		if g.Outlet == "" && str("outlet") != "" {
			t.Errorf("%s: outlet %q, want none (unknown)", id, str("outlet"))
		}
		var credits []string
		for _, c := range a["credits"].([]any) {
			credits = append(credits, c.(string))
		}
		for _, c := range g.Credits {
			if !slices.Contains(credits, c) {
				t.Errorf("%s: credits %v lack %q", id, credits, c)
			}
		}
		switch {
		case g.Pub != nil:
			if str("published") != *g.Pub || str("published_from") != "text" {
				t.Errorf("%s: published %q from %q, want %q from text", id, str("published"), str("published_from"), *g.Pub)
			}
		default:
			if str("published") != meta[id] || str("published_from") != "meta" {
				t.Errorf("%s: published %q from %q, want %q from meta", id, str("published"), str("published_from"), meta[id])
			}
		}
		for _, n := range g.Noise {
			if strings.HasPrefix(n, "a photo caption") || strings.HasPrefix(n, "hard line breaks") || strings.HasPrefix(n, "doubled quote") || strings.HasPrefix(n, "'Iwould'") {
				continue // described, not quoted: checked below
			}
			if strings.Contains(text, n) {
				t.Errorf("%s: noise %q is still in the text", id, n)
			}
		}
		// The title lives in its field, not at the top of the body.
		if title := str("title"); g.Title != "" && strings.HasPrefix(strings.TrimSpace(text), title) {
			t.Errorf("%s: title repeated as the first body line", id)
		}
		if g.Byline != "" && strings.Contains(text, "By "+g.Byline) {
			t.Errorf("%s: byline still in the text", id)
		}
		if strings.Contains(text, `""`) {
			t.Errorf("%s: doubled quote marks remain", id)
		}
	}
	// 000's first line was a caption repeating a body sentence and ending with
	// its photo credit: the sentence stays once, the credit moves to credits.
	a0 := articles["000_81b8266bd6d8daf7"]
	if n := strings.Count(a0["text"].(string), "follows an initial strategic meeting"); n != 1 {
		t.Errorf("000: the repeated caption sentence appears %d times, want 1", n)
	}
	if strings.Contains(a0["text"].(string), "Us Mission Geneva") {
		t.Errorf("000: the photo credit is still in the text")
	}
	// 003 was hard-wrapped: every paragraph must be one line.
	for _, para := range strings.Split(articles["003_86760deab0954b74"]["text"].(string), "\n\n") {
		if strings.Contains(strings.TrimSpace(para), "\n") {
			t.Errorf("003: paragraph still wrapped: %q", para)
		}
	}
}
