// Package loadtest measures the server under load: Generate fills a store
// with invented articles (and the entities, events, stories and quotes
// built from them) and Run sends a steady rate of mixed API and page reads
// to a server on this machine, reporting latency percentiles and errors.
//
// Everything is derived from Config, so Run knows which ids and words exist
// without reading the store.
package loadtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// Config sizes the generated corpus.
type Config struct {
	Articles int   // 0: 10,000
	Seed     int64 // generator seed
}

// Shape of the generated corpus.
const (
	articlesPerEvent = 5
	eventsPerStory   = 4
	persons          = 300
	orgs             = 100
	places           = 100
	outlets          = 15
	vocabulary       = 4000
)

func (c Config) articles() int {
	if c.Articles <= 0 {
		return 10000
	}
	return c.Articles
}

func (c Config) events() int  { return max(1, (c.articles()+articlesPerEvent-1)/articlesPerEvent) }
func (c Config) stories() int { return max(1, (c.events()+eventsPerStory-1)/eventsPerStory) }

func articleID(i int) string { return fmt.Sprintf("gen-a%05d", i) }
func eventID(i int) string   { return fmt.Sprintf("gen-ev%05d", i) }
func storyID(i int) string   { return fmt.Sprintf("gen-st%04d", i) }
func entityID(i int) string  { return fmt.Sprintf("gen-en%04d", i) }
func quoteID(i int) string   { return fmt.Sprintf("gen-q%05d", i) }

var syllables = []string{"ka", "lo", "mir", "ten", "sa", "vo", "ri", "dan", "bel", "ush", "ne", "tor", "pa", "gri", "lem", "os", "vik", "ha", "zun", "e", "mo", "rak", "il", "fen", "du", "sar", "po", "quin", "ta", "bro"}

// word makes the pseudo-word number i: a deterministic, pronounceable
// string, distinct for distinct i.
func word(i int) string {
	var b strings.Builder
	n := i
	for {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
		if n == 0 {
			break
		}
		n--
	}
	if b.Len() < 4 {
		b.WriteString("n")
	}
	return b.String()
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// world is the cast every article draws from.
type world struct {
	entities []storyline.Entity
	outlets  []string
}

func newWorld() *world {
	w := &world{}
	for i := range persons + orgs + places {
		e := storyline.Entity{ID: entityID(i)}
		switch {
		case i < persons:
			first, last := capital(word(1000+i)), capital(word(2000+i*7))
			e.Type, e.Name = storyline.Person, first+" "+last
			// Outlets spell transliterated names differently.
			e.Aliases = []string{e.Name, last, first + " " + strings.ReplaceAll(strings.ReplaceAll(last, "k", "c"), "v", "w")}
			e.Roles = []string{[]string{"Minister", "Mayor", "Spokesperson", "Director", "Envoy"}[i%5]}
		case i < persons+orgs:
			e.Type, e.Name = storyline.Org, capital(word(3000+i))+" "+[]string{"Council", "Agency", "Union", "Institute", "Group"}[i%5]
			e.Aliases = []string{e.Name}
		default:
			e.Type, e.Name = storyline.Place, capital(word(3500+i))
			e.Aliases = []string{e.Name}
		}
		w.entities = append(w.entities, e)
	}
	for i := range outlets {
		w.outlets = append(w.outlets, "The "+capital(word(500+i))+" "+[]string{"Gazette", "Courier", "Ledger", "Herald", "Post"}[i%5])
	}
	return w
}

// zipf draws vocabulary ranks the way words occur in text: a few very
// common, most rare, so that searches match from a handful to thousands of
// articles.
func newZipf(r *rand.Rand) func() int {
	z := rand.NewZipf(r, 1.1, 2, vocabulary-1)
	return func() int { return int(z.Uint64()) }
}

// textBuilder writes article text and records the entity mentions' offsets.
type textBuilder struct {
	b        strings.Builder
	mentions []storyline.Mention
}

func (t *textBuilder) mention(e storyline.Entity, surface string) {
	start := t.b.Len()
	t.b.WriteString(surface)
	t.mentions = append(t.mentions, storyline.Mention{Entity: e.ID, Name: e.Name, Type: e.Type, Text: surface, Start: start, End: t.b.Len()})
}

var epoch = time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)

// Corpus generates the whole corpus in memory.
func Corpus(cfg Config) *storyline.Corpus {
	r := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed))
	zipf := newZipf(r)
	w := newWorld()
	c := &storyline.Corpus{Entities: w.entities}
	nEv, nSt := cfg.events(), cfg.stories()
	entArticles := make([][]string, len(w.entities))

	for s := range nSt {
		c.Stories = append(c.Stories, storyline.Story{ID: storyID(s)})
	}
	for i := range nEv {
		s := i / eventsPerStory
		day := epoch.AddDate(0, 0, s*3+(i%eventsPerStory)*9)
		p1, p2 := r.IntN(persons), r.IntN(persons)
		org, place := persons+r.IntN(orgs), persons+orgs+r.IntN(places)
		ev := storyline.Event{
			ID: eventID(i), Date: day.Format(time.DateOnly), Story: storyID(s),
			Place:    w.entities[place].Name,
			Title:    fmt.Sprintf("%s and %s meet in %s over %s", w.entities[p1].Name, w.entities[p2].Name, w.entities[place].Name, word(zipf())),
			Entities: []string{entityID(p1), entityID(p2), entityID(org), entityID(place)},
		}
		ev.Summary = fmt.Sprintf("%s met %s in %s; the %s took part.", w.entities[p1].Name, w.entities[p2].Name, w.entities[place].Name, w.entities[org].Name)
		c.Events = append(c.Events, ev)
		st := &c.Stories[s]
		st.Events = append(st.Events, ev.ID)
		if st.Title == "" {
			st.Title = fmt.Sprintf("%s talks: %s and %s", w.entities[place].Name, w.entities[p1].Name, w.entities[p2].Name)
			st.Timeline = append(st.Timeline, storyline.TimelineEntry{Date: day.AddDate(0, -2, 0).Format("2006-01"), What: "Earlier contacts about " + word(zipf())})
		}
		st.Timeline = append(st.Timeline, storyline.TimelineEntry{Date: ev.Date, What: ev.Title, Event: ev.ID})
		c.Quotes = append(c.Quotes, storyline.Quote{ID: quoteID(i), Speaker: entityID(p1), SpeakerName: w.entities[p1].Name,
			Text: capital(sentence(zipf, 9)) + "."})
	}
	n := cfg.articles()
	for i := range n {
		evi := i / articlesPerEvent
		ev := &c.Events[evi]
		q := &c.Quotes[evi]
		pub, _ := time.Parse(time.DateOnly, ev.Date)
		a := &storyline.Article{
			ID: articleID(i), URL: "https://news.invalid/" + articleID(i), Outlet: w.outlets[r.IntN(len(w.outlets))],
			Published: pub.AddDate(0, 0, r.IntN(3)).Format(time.DateOnly), PublishedFrom: storyline.FromMeta,
			Lang: "en", Event: ev.ID, Title: ev.Title,
		}
		var t textBuilder
		cast := ev.Entities
		for s := range 8 + r.IntN(6) {
			if s%3 == 0 {
				id := cast[r.IntN(len(cast))]
				e := w.entities[entityIndex(id)]
				t.mention(e, e.Aliases[r.IntN(len(e.Aliases))])
				t.b.WriteString(" said ")
			}
			t.b.WriteString(sentence(zipf, 8+r.IntN(12)))
			t.b.WriteString(". ")
			if s == 3 {
				start := t.b.Len()
				t.b.WriteString(`"` + q.Text + `"`)
				a.Quotes = append(a.Quotes, storyline.QuoteMention{Quote: q.ID, Text: q.Text, Speaker: q.Speaker, SpeakerName: q.SpeakerName, Start: start, End: t.b.Len(), Direct: true})
				t.b.WriteString("\n")
			}
		}
		a.Text = strings.TrimSpace(t.b.String())
		a.Entities = t.mentions
		seen := map[string]bool{}
		for _, m := range a.Entities {
			if !seen[m.Entity] {
				seen[m.Entity] = true
				k := entityIndex(m.Entity)
				entArticles[k] = append(entArticles[k], a.ID)
			}
		}
		ev.Articles = append(ev.Articles, a.ID)
		q.Articles = append(q.Articles, a.ID)
		c.Articles = append(c.Articles, a)
	}
	for k := range c.Entities {
		c.Entities[k].Articles = entArticles[k]
	}
	// Events past the last article (when Articles is not a multiple of
	// articlesPerEvent) still exist, with fewer articles.
	return c
}

func entityIndex(id string) int {
	var k int
	fmt.Sscanf(id, "gen-en%d", &k)
	return k
}

func sentence(zipf func() int, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = word(zipf())
	}
	return strings.Join(words, " ")
}

// Generate writes the generated corpus into st as it is.
func Generate(ctx context.Context, st store.Store, cfg Config) error {
	if err := store.WriteCorpus(ctx, st, Corpus(cfg)); err != nil {
		return fmt.Errorf("loadtest: generate: %w", err)
	}
	return nil
}
