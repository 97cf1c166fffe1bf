package entity

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/shareddata"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ner"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

type goldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Role     string   `json:"role"`
	Variants []string `json:"variants"`
}

type gold struct {
	Entities []goldEntity `json:"entities"`
}

func loadSeeds(t testing.TB) ([]*storyline.Article, gold) {
	shared := shareddata.Path(t)
	var g gold
	raw, err := os.ReadFile(filepath.Join(shared, "seeds", "gold.json"))
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("parse gold: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(shared, "seeds", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles: %v", err)
	}
	sort.Strings(files)
	var arts []*storyline.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		arts = append(arts, &storyline.Article{ID: id, Text: string(b)})
	}
	return arts, g
}

// mentionSource fills the Entities of seed articles: the gold tagger, a
// noisy variant of it, or the real NER tagger.
type mentionSource func(t testing.TB, arts []*storyline.Article, g gold)

// nerTagger runs the embedded NER model on the raw seed texts (headline and
// boilerplate included, as the pipeline does not clean them here).
func nerTagger(t testing.TB, arts []*storyline.Article, _ gold) {
	an := ner.Analyzer()
	for _, a := range arts {
		if err := an.Analyze(context.Background(), a); err != nil {
			t.Fatalf("NER tagger: %v", err)
		}
	}
}

// goldTagger marks every occurrence of a gold name or variant, longest
// first, at word boundaries.
func goldTagger(t testing.TB, arts []*storyline.Article, g gold) {
	type pat struct{ s, typ string }
	var pats []pat
	for _, e := range g.Entities {
		pats = append(pats, pat{e.Name, e.Type})
		for _, v := range e.Variants {
			pats = append(pats, pat{v, e.Type})
		}
	}
	sort.SliceStable(pats, func(i, j int) bool { return len(pats[i].s) > len(pats[j].s) })
	for _, a := range arts {
		taken := make([]bool, len(a.Text))
		var ms []storyline.Mention
		for _, p := range pats {
			for off := 0; ; {
				i := strings.Index(a.Text[off:], p.s)
				if i < 0 {
					break
				}
				s, e := off+i, off+i+len(p.s)
				off = e
				if !wordBoundary(a.Text, s, e) {
					continue
				}
				free := true
				for k := s; k < e; k++ {
					free = free && !taken[k]
				}
				if !free {
					continue
				}
				for k := s; k < e; k++ {
					taken[k] = true
				}
				ms = append(ms, storyline.Mention{Type: p.typ, Text: p.s, Start: s, End: e})
			}
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		a.Entities = ms
	}
}

// noisyTagger adds what a statistical tagger also does on news text: other
// names, types it gets wrong, titles inside a span, possessives.
func noisyTagger(t testing.TB, arts []*storyline.Article, g gold) {
	extra := gold{Entities: append(append([]goldEntity{}, g.Entities...), []goldEntity{
		{Name: "United States", Type: storyline.Place}, {Name: "US", Type: storyline.Place},
		{Name: "U.S.", Type: storyline.Place}, {Name: "Russia", Type: storyline.Place},
		{Name: "Moscow", Type: storyline.Place}, {Name: "Washington", Type: storyline.Place},
		{Name: "Russian", Type: storyline.Other}, {Name: "Russians", Type: storyline.Other},
		{Name: "American", Type: storyline.Other}, {Name: "Americans", Type: storyline.Other},
		{Name: "Swiss", Type: storyline.Other}, {Name: "Cold War", Type: storyline.Other},
		{Name: "China", Type: storyline.Place}, {Name: "Iran", Type: storyline.Place},
		{Name: "CNN", Type: storyline.Org}, {Name: "AFP", Type: storyline.Org}, {Name: "TASS", Type: storyline.Org},
		{Name: "Lake Geneva", Type: storyline.Place}, {Name: "Kevin Zhang", Type: storyline.Person},
		{Name: "Al Mayadeen", Type: storyline.Org}, {Name: "Al Mayadeen's", Type: storyline.Org},
		{Name: "Russia’s", Type: storyline.Place}, {Name: "Putin’s", Type: storyline.Person},
		{Name: "Sergei Ryabkov’s", Type: storyline.Person},
		{Name: "Strategic Stability Dialogue", Type: storyline.Other},
		{Name: "US Mission Geneva", Type: storyline.Org}, {Name: "U.S. Mission Geneva", Type: storyline.Org},
		{Name: "Permanent Mission of the United States", Type: storyline.Org},
		{Name: "Deputy Foreign Minister Sergei Riabkov", Type: storyline.Person},
	}...)}
	goldTagger(t, arts, extra)
	for _, a := range arts {
		for i := range a.Entities {
			m := &a.Entities[i]
			rest := a.Text[m.End:]
			switch {
			case m.Text == "Ryabkov" && strings.HasPrefix(rest, ":"):
				m.Type = storyline.Org
			case m.Text == "Kremlin" && strings.HasPrefix(rest, " also"):
				m.Type = storyline.Person
			case m.Text == "Geneva" && strings.HasPrefix(rest, " correspondent"):
				m.Type = storyline.Other
			}
		}
	}
}

func wordBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func TestSeedsGolden(t *testing.T) {
	// The real tagger's output changes whenever its model is retrained, so
	// it is checked against gold.json but has no golden file.
	sources := []struct {
		name   string
		source mentionSource
		golden bool
	}{
		{"gold-tagger", goldTagger, true},
		{"noisy-tagger", noisyTagger, true},
		{"ner", nerTagger, false},
	}
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			arts, g := loadSeeds(t)
			src.source(t, arts, g)
			ents := Resolve(arts)
			checkSeeds(t, arts, g, ents)
			if src.golden {
				compareGolden(t, filepath.Join("testdata", "seeds_entities_"+src.name+".golden.json"), ents)
			}
		})
	}
}

func checkSeeds(t *testing.T, arts []*storyline.Article, g gold, ents []storyline.Entity) {
	byID := map[string]storyline.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	surfaceIDs := resolvedSurfaces(t, arts, byID)
	entityOf := map[string]string{} // gold name → entity id
	for _, ge := range g.Entities {
		if id, ok := checkGoldEntity(t, ge, surfaceIDs, byID); ok {
			entityOf[ge.Name] = id
		}
	}
	wantRole := map[string]string{
		"Wendy Sherman":  "Deputy Secretary of State",
		"Sergei Ryabkov": "Deputy Foreign Minister",
		"Antony Blinken": "Secretary of State",
		"Livia Leu":      "State Secretary",
		"Dmitry Peskov":  "Spokesman",
	}
	for name, head := range wantRole {
		e := byID[entityOf[name]]
		found := false
		for _, r := range e.Roles {
			found = found || strings.Contains(strings.ToLower(r), strings.ToLower(head))
		}
		if !found {
			t.Errorf("%s: roles %q lack %q", name, e.Roles, head)
		}
	}
	for _, pair := range [][2]string{{"Vladimir Putin", "Joe Biden"}, {"Wendy Sherman", "Sergei Ryabkov"}} {
		a, b := entityOf[pair[0]], entityOf[pair[1]]
		if a == "" || a == b {
			t.Errorf("%s and %s are one entity %q", pair[0], pair[1], a)
		}
	}
}

// resolvedSurfaces checks that every mention resolved to a known entity
// and returns the entity ids each surface form resolved to.
func resolvedSurfaces(t *testing.T, arts []*storyline.Article, byID map[string]storyline.Entity) map[string]map[string]bool {
	surfaceIDs := map[string]map[string]bool{}
	for _, a := range arts {
		for _, m := range a.Entities {
			if m.Entity == "" {
				t.Errorf("%s: mention %q [%d:%d] unresolved", a.ID, m.Text, m.Start, m.End)
				continue
			}
			if _, ok := byID[m.Entity]; !ok {
				t.Errorf("%s: mention %q has unknown entity %q", a.ID, m.Text, m.Entity)
			}
			if surfaceIDs[m.Text] == nil {
				surfaceIDs[m.Text] = map[string]bool{}
			}
			surfaceIDs[m.Text][m.Entity] = true
		}
	}
	return surfaceIDs
}

// checkGoldEntity checks that a gold entity's name and variants resolved
// to one entity of its type, which Match takes every variant for, and
// returns its id.
func checkGoldEntity(t *testing.T, ge goldEntity, surfaceIDs map[string]map[string]bool, byID map[string]storyline.Entity) (string, bool) {
	ids := map[string]bool{}
	for _, form := range append([]string{ge.Name}, ge.Variants...) {
		for id := range surfaceIDs[form] {
			ids[id] = true
		}
	}
	if len(ids) == 0 {
		t.Errorf("%s: not found", ge.Name)
		return "", false
	}
	if len(ids) > 1 {
		t.Errorf("%s: variants resolve to %d entities: %v", ge.Name, len(ids), sortedKeys(ids))
	}
	last := ""
	for _, id := range sortedKeys(ids) {
		e := byID[id]
		last = id
		if e.Type != ge.Type {
			t.Errorf("%s: type %s, want %s", ge.Name, e.Type, ge.Type)
		}
		// Every listed variant, seen in the texts or not, finds it.
		for _, v := range append([]string{ge.Name}, ge.Variants...) {
			if !Match(e, v) {
				t.Errorf("%s: Match(%q) = false", ge.Name, v)
			}
		}
	}
	return last, true
}

func compareGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("mkdir: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the result (go test ./entity -run %s -update to refresh):\n%s", path, t.Name(), got)
	}
}
