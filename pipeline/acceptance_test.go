package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
)

// The seed acceptance tests run the whole pipeline, as `storyline run`
// does, and compare with what a careful reader gets (gold.json).

func entityByName(c *storyline.Corpus, name string) *storyline.Entity {
	for i := range c.Entities {
		e := &c.Entities[i]
		if strings.EqualFold(e.Name, name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return e
		}
	}
	return nil
}

// seedIngest runs the seeds through a deployment (with or without the
// meta file) and returns the corpus as stored: the acceptance checks run
// on SQLite's here and on PostgreSQL's in postgres_test.go.
type seedIngest func(t *testing.T, withMeta bool) *storyline.Corpus

func TestSeedEntities(t *testing.T) { checkSeedEntities(t, ingestSeeds) }

func checkSeedEntities(t *testing.T, ingest seedIngest) {
	g := readGold(t)
	c := ingest(t, true)
	for _, ge := range g.Entities {
		e := entityByName(c, ge.Name)
		if e == nil {
			t.Errorf("entity %q (%s) not found", ge.Name, ge.Type)
			continue
		}
		if e.Type != ge.Type {
			t.Errorf("entity %q: type %s, want %s", ge.Name, e.Type, ge.Type)
		}
		// A variant resolves when it is one of the entity's aliases or,
		// for forms the texts never write alone ("Blinken"), when a search
		// for it finds this entity and no other of its type.
		for _, v := range ge.Variants {
			if ve := entityByName(c, v); ve != nil {
				if ve.ID != e.ID {
					t.Errorf("entity %q: variant %q is the alias of another entity %s", ge.Name, v, ve.ID)
				}
				continue
			}
			var matches []string
			for _, other := range c.Entities {
				if other.Type == e.Type && entity.Match(other, v) {
					matches = append(matches, other.ID)
				}
			}
			if !slices.Equal(matches, []string{e.ID}) {
				t.Errorf("entity %q: variant %q matches %v, want only %s", ge.Name, v, matches, e.ID)
			}
		}
	}
	wantRoles := map[string]bool{"Wendy Sherman": true, "Sergei Ryabkov": true, "Antony Blinken": true, "Livia Leu": true, "Dmitry Peskov": true}
	for _, ge := range g.Entities {
		if !wantRoles[ge.Name] {
			continue
		}
		e := entityByName(c, ge.Name)
		if e == nil || !slices.ContainsFunc(e.Roles, func(r string) bool { return strings.EqualFold(r, ge.Role) }) {
			t.Errorf("entity %q: roles %v lack %q", ge.Name, rolesOf(e), ge.Role)
		}
	}
	for _, pair := range [][2]string{{"Vladimir Putin", "Joe Biden"}, {"Wendy Sherman", "Sergei Ryabkov"}} {
		a, b := entityByName(c, pair[0]), entityByName(c, pair[1])
		if a != nil && b != nil && a.ID == b.ID {
			t.Errorf("%s and %s are one entity", pair[0], pair[1])
		}
	}
}

func rolesOf(e *storyline.Entity) []string {
	if e == nil {
		return nil
	}
	return e.Roles
}

func TestSeedTimexes(t *testing.T) { checkSeedTimexes(t, ingestSeeds) }

func checkSeedTimexes(t *testing.T, ingest seedIngest) {
	g := readGold(t)
	c := ingest(t, true)
	byID := map[string]*storyline.Article{}
	for _, a := range c.Articles {
		byID[a.ID] = a
	}
	for id, ga := range g.Articles {
		a := byID[id]
		for _, gt := range append(ga.Timexes, ga.TimexesMeta...) {
			if strings.HasPrefix(gt.Note, "hard") {
				continue
			}
			if !slices.ContainsFunc(a.Timexes, func(x storyline.TimeExpr) bool {
				return strings.Contains(x.Text, gt.Text) && x.Value == gt.Value
			}) {
				t.Errorf("%s: no time expression %q = %s; found %v", id, gt.Text, gt.Value, a.Timexes)
			}
		}
	}
}

// groups is the events as sorted lists of article ids, sorted.
func groups(c *storyline.Corpus) []string {
	return eventGroups(c, "+", func(a *storyline.Article) string { return a.ID[:3] })
}

func TestSeedEvents(t *testing.T) { checkSeedEvents(t, ingestSeeds) }

func checkSeedEvents(t *testing.T, ingest seedIngest) {
	g := readGold(t)
	want := []string{"000+001", "002+004", "003"}
	for _, withMeta := range []bool{false, true} {
		c := ingest(t, withMeta)
		if got := groups(c); !slices.Equal(got, want) {
			t.Errorf("meta=%v: events %v, want %v", withMeta, got, want)
			continue
		}
		if len(c.Stories) != 1 || len(c.Stories[0].Events) != 3 {
			t.Errorf("meta=%v: stories %+v, want one story of three events", withMeta, c.Stories)
			continue
		}
		if !withMeta {
			continue
		}
		events := map[string]storyline.Event{}
		for _, e := range c.Events {
			events[e.ID] = e
		}
		eventOf := map[string]string{}
		for _, a := range c.Articles {
			eventOf[g.Articles[a.ID].Event] = a.Event
		}
		for i, label := range g.Story.EventsInOrder {
			ev := events[c.Stories[0].Events[i]]
			if ev.ID != eventOf[label] {
				t.Errorf("story event %d is %s, want the event of gold %s (%s)", i, ev.ID, label, eventOf[label])
			}
			ge := g.Events[label]
			if ev.Date != ge.Date || ev.Place != ge.Place {
				t.Errorf("event %s: date %q place %q, want %q %q", label, ev.Date, ev.Place, ge.Date, ge.Place)
			}
		}
		for _, bg := range g.Background {
			tl := c.Stories[0].Timeline
			if !slices.ContainsFunc(tl, func(e storyline.TimelineEntry) bool {
				return (e.Date == bg.Date || strings.HasPrefix(bg.Date, e.Date)) && e.Event == "" &&
					slices.ContainsFunc(bg.MentionedIn, func(id string) bool { return slices.Contains(e.Articles, id) })
			}) {
				t.Errorf("timeline lacks %s %q; timeline: %+v", bg.Date, bg.What, tl)
			}
		}
	}
}

func TestSeedQuotes(t *testing.T) { checkSeedQuotes(t, ingestSeeds) }

func checkSeedQuotes(t *testing.T, ingest seedIngest) {
	g := readGold(t)
	c := ingest(t, true)
	for _, gq := range g.Quotes {
		found := false
		for _, q := range c.Quotes {
			if strings.Contains(strings.ToLower(q.Text), strings.ToLower(gq.Contains)) && q.SpeakerName == gq.Speaker {
				found = true
				for _, id := range gq.Articles {
					if !slices.Contains(q.Articles, id) {
						t.Errorf("quote %q (%s): articles %v lack %s", gq.Contains, gq.Speaker, q.Articles, id)
					}
				}
			}
		}
		if !found {
			t.Errorf("quote %q by %s not found", gq.Contains, gq.Speaker)
		}
	}
	// Nothing is quoted from a headline or boilerplate.
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			for _, n := range g.Articles[a.ID].Noise {
				if strings.Contains(n, q.Text) {
					t.Errorf("%s: quote %q comes from noise %q", a.ID, q.Text, n)
				}
			}
			if a.Title != "" && strings.Contains(a.Title, q.Text) {
				t.Errorf("%s: quote %q comes from the headline", a.ID, q.Text)
			}
		}
	}
}
