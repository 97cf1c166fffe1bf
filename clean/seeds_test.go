package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

type goldArticle struct {
	Pub           *string  `json:"pub"`
	Title         string   `json:"title"`
	TitleContains string   `json:"title_contains"`
	Byline        string   `json:"byline"`
	Outlet        string   `json:"outlet"`
	Credits       []string `json:"credits"`
	Noise         []string `json:"noise"`
	Caption       string   `json:"caption"`
}

func loadSeeds(t *testing.T) (map[string]goldArticle, map[string]string) {
	t.Helper()
	shared := shareddata.Path(t)
	b, err := os.ReadFile(filepath.Join(shared, "seeds", "gold.json"))
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	var gold struct {
		Articles map[string]goldArticle `json:"articles"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("parse gold: %v", err)
	}
	texts := map[string]string{}
	for id := range gold.Articles {
		b, err := os.ReadFile(filepath.Join(shared, "seeds", "articles", id+".txt"))
		if err != nil {
			t.Fatalf("read seed %s: %v", id, err)
		}
		texts[id] = string(b)
	}
	return gold.Articles, texts
}

// TestSeeds checks what gold.json says a careful reader gets from each seed
// article, as properties of the output (the seed texts stay out of the repo).
func TestSeeds(t *testing.T) {
	gold, texts := loadSeeds(t)
	// What the issue adds to gold.json: where the dates come from, the
	// credits of the captions, and what no seed may have as outlet.
	wantCredits := map[string][]string{
		"000_81b8266bd6d8daf7": {"Us Mission Geneva"},
		"001_9ad700c2782f298a": nil,
		"002_d42b31f01e8b989e": {"U.S. Mission Geneva", "Reuters"},
		"004_2aae9da70f671afc": nil,
	}
	wantDateline := map[string]string{"001_9ad700c2782f298a": "Geneva"}
	for id, g := range gold {
		t.Run(id, func(t *testing.T) {
			r := Text(texts[id], Known{})
			// Noise entries are literal strings unless they describe.
			for _, n := range g.Noise {
				if strings.Contains(n, " ") && !strings.HasPrefix(n, "a photo caption") && !strings.HasPrefix(n, "hard line") && !strings.HasPrefix(n, "doubled") && !strings.HasPrefix(n, "'") {
					if strings.Contains(r.Text, strings.TrimSuffix(n, " …")) {
						t.Errorf("noise %q left in text", n)
					}
				}
			}
			if strings.Contains(r.Text, "External link") {
				t.Errorf("link artefact left in text")
			}
			// A caption that does not restate the body stays (it is the
			// only text that dates the file photo's meeting), without its
			// credit.
			if g.Caption != "" {
				body, credit := splitFinal(g.Caption)
				if !strings.Contains(r.Text, body) || strings.Contains(r.Text, credit) {
					t.Errorf("caption: want %q kept without its credit %q", body, credit)
				}
			}
			if g.Title != "" {
				if r.Title != g.Title {
					t.Errorf("title = %q, want %q", r.Title, g.Title)
				}
				if strings.Contains(r.Text, g.Title) {
					t.Errorf("title %q repeated in text", g.Title)
				}
			}
			if g.TitleContains != "" && !strings.Contains(r.Title, g.TitleContains) {
				t.Errorf("title = %q, want it to contain %q", r.Title, g.TitleContains)
			}
			if r.Title == "" {
				t.Errorf("no title")
			}
			if r.Byline != g.Byline {
				t.Errorf("byline = %q, want %q", r.Byline, g.Byline)
			}
			if g.Byline != "" && strings.Contains(r.Text, "By "+g.Byline) {
				t.Errorf("byline left in text")
			}
			if r.Outlet != g.Outlet {
				t.Errorf("outlet = %q, want %q", r.Outlet, g.Outlet)
			}
			want := g.Credits
			if w, ok := wantCredits[id]; ok {
				want = w
			}
			if !slices.Equal(r.Credits, want) && (len(want) > 0 || len(r.Credits) > 0) {
				t.Errorf("credits = %q, want %q", r.Credits, want)
			}
			for _, c := range r.Credits {
				if c == r.Outlet {
					t.Errorf("credit %q taken as outlet", c)
				}
			}
			wantPub := ""
			if g.Pub != nil {
				wantPub = *g.Pub
			}
			if r.Published != wantPub {
				t.Errorf("published = %q, want %q (from the text)", r.Published, wantPub)
			}
			if r.Dateline != wantDateline[id] {
				t.Errorf("dateline = %q, want %q", r.Dateline, wantDateline[id])
			}
			// Credit lines are metadata, not body; a date line written for
			// readers stays.
			for _, p := range strings.Split(r.Text, "\n\n") {
				if _, ok := agencyLine(p); ok {
					t.Errorf("credit line %q left in text", p)
				}
			}
			if strings.HasPrefix(strings.TrimSpace(r.Text), "date ") {
				t.Errorf("leading date label left in text")
			}
			if strings.Contains(r.Text, `""`) || strings.Contains(r.Text, "’’") {
				t.Errorf("doubled quote marks left in text")
			}
			if strings.Contains(r.Text, "\n\n\n") || strings.TrimSpace(r.Text) != r.Text {
				t.Errorf("paragraphs not separated by exactly one blank line")
			}
		})
	}
}

// TestSeedJoined checks the hard-wrapped seed: every paragraph is one line
// that ends a sentence (a short heading aside), and the quotation marks of
// each paragraph balance.
func TestSeedJoined(t *testing.T) {
	_, texts := loadSeeds(t)
	const id = "003_86760deab0954b74"
	raw, ok := texts[id]
	if !ok {
		t.Skipf("seed %s absent", id)
	}
	r := Text(raw, Known{})
	paras := strings.Split(r.Text, "\n\n")
	if len(paras) < 8 {
		t.Fatalf("only %d paragraphs: paragraph breaks lost", len(paras))
	}
	for _, p := range paras {
		if strings.Contains(p, "\n") {
			t.Errorf("line break inside paragraph %.60q", p)
		}
		if _, date := dateLine(p); !endsSentence(p) && !date {
			t.Errorf("paragraph does not end a sentence: %.60q...%q", p, p[max(0, len(p)-20):])
		}
		if strings.Count(p, `"`)%2 != 0 {
			t.Errorf("unbalanced quotes in %.60q", p)
		}
	}
	joins := wrappedJoins(raw)
	if len(joins) == 0 {
		t.Fatalf("seed %s has no hard-wrapped body line", id)
	}
	for _, j := range joins {
		if !strings.Contains(r.Text, j) {
			t.Errorf("wrapped sentence not joined at %q", j)
		}
	}
}

// wrappedJoins reads, from the raw seed, what each mid-sentence line break
// of a body paragraph must become once joined: the last two words of the
// line, a space, and the first two words of the next (single quote marks
// and doubled ones aside: repairQuotes changes those). Reading it from the
// seed keeps article text out of the repository.
func wrappedJoins(raw string) []string {
	lines := strings.Split(raw, "\n")
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		cur, next := strings.Fields(lines[i]), strings.Fields(lines[i+1])
		if len(cur) < 8 || len(next) < 2 || endsSentence(lines[i]) {
			continue
		}
		j := strings.Join(cur[len(cur)-2:], " ") + " " + strings.Join(next[:2], " ")
		if strings.Contains(j, "'") || strings.Contains(j, `""`) {
			continue // quote repair rightly rewrites these marks
		}
		out = append(out, j)
	}
	return out
}

// TestSeedsKnown checks that what the reader knows wins and is not repeated.
func TestSeedsKnown(t *testing.T) {
	gold, texts := loadSeeds(t)
	for id, g := range gold {
		if g.Title == "" {
			continue
		}
		k := Known{Title: g.Title, Outlet: "Some Outlet", Published: "2020-01-01", Byline: "Jane Roe"}
		r := Text(texts[id], k)
		if r.Title != k.Title || r.Outlet != k.Outlet || r.Published != k.Published || r.Byline != k.Byline {
			t.Errorf("%s: known fields overridden: %+v", id, r)
		}
		if strings.Contains(r.Text, g.Title) {
			t.Errorf("%s: known title left in text", id)
		}
	}
}

// TestIdempotent cleans cleaned text again (title known): nothing changes.
func TestIdempotent(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "seeds")); err == nil {
		_, seeds := loadSeeds(t)
		for _, s := range seeds {
			texts = append(texts, s)
		}
	}
	for _, raw := range texts {
		r := Text(raw, Known{})
		again := Text(r.Text, Known{Title: r.Title})
		if again.Text != r.Text {
			t.Errorf("second pass changed the text:\n%q\n->\n%q", r.Text, again.Text)
		}
	}
}
