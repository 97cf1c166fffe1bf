package quote

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/newstext"
)

type goldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Variants []string `json:"variants"`
}

type gold struct {
	Articles map[string]struct {
		Title string   `json:"title"`
		Noise []string `json:"noise"`
	} `json:"articles"`
	Entities []goldEntity `json:"entities"`
	Quotes   []struct {
		Speaker  string   `json:"speaker"`
		Contains string   `json:"contains"`
		Articles []string `json:"articles"`
	} `json:"quotes"`
}

func loadGold(t testing.TB, shared string) gold {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, "seeds", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return g
}

// seedPipeline turns the seed files into analysed, resolved articles and
// their entities. The seed tests run on goldPipeline; with the pipeline
// build tag they run on the real pipeline too (pipeline_test.go).
type seedPipeline func(t testing.TB, shared string, g gold) ([]*storyline.Article, []storyline.Entity)

// goldPipeline cleans the seed files as the pipeline cleans them, with the
// gold entity names standing in for the tagger and the resolver, so that
// the tests below score quote attribution alone.
func goldPipeline(t testing.TB, shared string, g gold) ([]*storyline.Article, []storyline.Entity) {
	t.Helper()
	meta := map[string]string{}
	if b, err := os.ReadFile(filepath.Join(shared, "seeds", "meta.jsonl")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			var m struct{ ID, Published string }
			if json.Unmarshal([]byte(line), &m) == nil {
				meta[m.ID] = m.Published
			}
		}
	}
	var arts []*storyline.Article
	for _, seed := range shareddata.Seeds(t) {
		id := seed.ID
		c := clean.Text(seed.Text, clean.Known{Title: g.Articles[id].Title, Published: meta[id]})
		a := &storyline.Article{ID: id, Text: c.Text, Paragraphs: c.Paragraphs, Published: meta[id], Title: g.Articles[id].Title}
		a.Entities = goldMentions(a.Text, g.Entities)
		if err := Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts, goldResolve(arts, g.Entities)
}

func slug(s string) string {
	return "e-" + strings.ReplaceAll(strings.ToLower(s), " ", "-")
}

// goldMentions finds the gold entity names and variants in text, longest
// first, as unresolved mentions (the tagger's output).
func goldMentions(text string, ents []goldEntity) []storyline.Mention {
	type form struct{ s, typ string }
	var forms []form
	for _, e := range ents {
		forms = append(forms, form{e.Name, e.Type})
		for _, v := range e.Variants {
			forms = append(forms, form{v, e.Type})
		}
	}
	sort.Slice(forms, func(i, j int) bool { return len(forms[i].s) > len(forms[j].s) })
	taken := make([]bool, len(text))
	var out []storyline.Mention
	for _, f := range forms {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(f.s) + `\b`)
		for _, loc := range re.FindAllStringIndex(text, -1) {
			free := true
			for i := loc[0]; i < loc[1]; i++ {
				free = free && !taken[i]
			}
			if !free {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			out = append(out, storyline.Mention{Type: f.typ, Text: text[loc[0]:loc[1]], Start: loc[0], End: loc[1]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// goldResolve stands in for entity.Resolve: ids and canonical names from
// the gold entity list.
func goldResolve(arts []*storyline.Article, ents []goldEntity) []storyline.Entity {
	canon := map[string]goldEntity{}
	for _, e := range ents {
		canon[e.Name] = e
		for _, v := range e.Variants {
			canon[v] = e
		}
	}
	byID := map[string]*storyline.Entity{}
	var ids []string
	for _, a := range arts {
		for i := range a.Entities {
			m := &a.Entities[i]
			e, ok := canon[m.Text]
			if !ok {
				continue
			}
			m.Entity, m.Name = slug(e.Name), e.Name
			ent := byID[m.Entity]
			if ent == nil {
				ent = &storyline.Entity{ID: m.Entity, Name: e.Name, Type: e.Type}
				byID[m.Entity] = ent
				ids = append(ids, m.Entity)
			}
			if n := len(ent.Articles); n == 0 || ent.Articles[n-1] != a.ID {
				ent.Articles = append(ent.Articles, a.ID)
			}
		}
	}
	sort.Strings(ids)
	var out []storyline.Entity
	for _, id := range ids {
		out = append(out, *byID[id])
	}
	return out
}

// speakerMatches: the speaker name is the gold speaker's name or one of
// its variants, however transliterated.
func speakerMatches(name string, g goldEntity) bool {
	if newstext.NameKey(name) == newstext.NameKey(g.Name) {
		return true
	}
	for _, v := range g.Variants {
		if newstext.NameKey(name) == newstext.NameKey(v) {
			return true
		}
	}
	return false
}

func TestSeedsGolden(t *testing.T) { testSeedsGolden(t, goldPipeline) }

func testSeedsGolden(t *testing.T, prepare seedPipeline) {
	shared := shareddata.Path(t)
	g := loadGold(t, shared)
	arts, ents := prepare(t, shared, g)
	quotes := Merge(arts, ents)
	byArticle := map[string]*storyline.Article{}
	for _, a := range arts {
		byArticle[a.ID] = a
		for _, q := range a.Quotes {
			t.Logf("%s [%d:%d] direct=%v speaker=%q (%s) quote=%s: %q", a.ID[:3], q.Start, q.End, q.Direct, q.SpeakerName, q.Speaker, q.Quote, q.Text)
		}
	}
	goldEnt := map[string]goldEntity{}
	for _, e := range g.Entities {
		goldEnt[e.Name] = e
	}
	// The speaker's entity ids: whatever ids the resolver gives, those
	// of the entities named like the gold speaker.
	speakerIDs := func(g goldEntity) map[string]bool {
		ids := map[string]bool{}
		for _, e := range ents {
			if speakerMatches(e.Name, g) {
				ids[e.ID] = true
			}
		}
		return ids
	}
	quoteByID := map[string]storyline.Quote{}
	for _, q := range quotes {
		quoteByID[q.ID] = q
	}
	for _, gq := range g.Quotes {
		t.Run(gq.Contains, func(t *testing.T) {
			spk := goldEnt[gq.Speaker]
			ids := map[string]bool{}
			for _, id := range gq.Articles {
				var hit *storyline.QuoteMention
				for i, q := range byArticle[id].Quotes {
					if q.Direct && strings.Contains(strings.ToLower(q.Text), strings.ToLower(gq.Contains)) {
						hit = &byArticle[id].Quotes[i]
						break
					}
				}
				if hit == nil {
					t.Errorf("%s: no direct quote contains %q", id, gq.Contains)
					continue
				}
				if !speakerMatches(hit.SpeakerName, spk) {
					t.Errorf("%s: %q attributed to %q, want %s", id, gq.Contains, hit.SpeakerName, gq.Speaker)
				}
				if !speakerIDs(spk)[hit.Speaker] {
					t.Errorf("%s: %q speaker id %q, want one of %v", id, gq.Contains, hit.Speaker, speakerIDs(spk))
				}
				ids[hit.Quote] = true
			}
			if len(gq.Articles) > 1 {
				if len(ids) != 1 {
					t.Fatalf("%q is %d quotes across %v, want one", gq.Contains, len(ids), gq.Articles)
				}
				for id := range ids {
					q := quoteByID[id]
					if strings.Join(q.Articles, ",") != strings.Join(gq.Articles, ",") {
						t.Errorf("quote %s carried by %v, want %v", id, q.Articles, gq.Articles)
					}
					if !speakerIDs(spk)[q.Speaker] {
						t.Errorf("quote %s speaker %q, want one of %v", id, q.Speaker, speakerIDs(spk))
					}
				}
			}
		})
	}
}

// TestSeedsNoQuoteFromNoise: no quote lies in a headline, a crosshead, a
// caption or the boilerplate gold.json lists.
func TestSeedsNoQuoteFromNoise(t *testing.T) { testSeedsNoQuoteFromNoise(t, goldPipeline) }

func testSeedsNoQuoteFromNoise(t *testing.T, prepare seedPipeline) {
	shared := shareddata.Path(t)
	g := loadGold(t, shared)
	arts, _ := prepare(t, shared, g)
	for _, a := range arts {
		var noise []string
		ga := g.Articles[a.ID]
		for _, n := range append(ga.Noise, ga.Title) {
			// Descriptions of noise ("a photo caption ...") are not text.
			if n != "" && strings.Contains(a.Text, strings.TrimSuffix(n, " …")) {
				noise = append(noise, strings.TrimSuffix(n, " …"))
			}
		}
		// Headlines and crossheads: any line that reads as a title (Title
		// Case, or a colon crosshead, without a final stop).
		for _, l := range strings.Split(a.Text, "\n") {
			l = strings.TrimSpace(l)
			if l != "" && len(l) < 60 && headlineLike(l) { // long ones are hard-wrapped prose
				noise = append(noise, l)
			}
		}
		for _, n := range noise {
			for off := 0; ; {
				i := strings.Index(a.Text[off:], n)
				if i < 0 || n == "" {
					break
				}
				s, e := off+i, off+i+len(n)
				for _, q := range a.Quotes {
					if q.Start < e && s < q.End {
						t.Errorf("%s: quote %q [%d:%d] comes from noise line %q", a.ID, q.Text, q.Start, q.End, n)
					}
				}
				off = e
			}
		}
		// The title words must never be a quote on their own.
		for _, q := range a.Quotes {
			if ga.Title != "" && strings.Contains(ga.Title, q.Text) {
				t.Errorf("%s: quote %q is the headline's", a.ID, q.Text)
			}
		}
	}
}

// headlineLike: no sentence-final punctuation, short, and most long words
// capitalised — a headline or a crosshead, not prose.
func headlineLike(s string) bool {
	if hasFinalPunct(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 20 {
		return false
	}
	long, caps := 0, 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if newstext.English().SpeechVerb(w) != newstext.NotSpeech {
			return false // `"Amazing," Ryabkov stated` is prose; headlines write "Says"
		}
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if isCapitalised(w) {
			caps++
		}
	}
	if long == 0 {
		return true
	}
	return caps*10 >= long*6
}
