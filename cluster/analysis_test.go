package cluster

import (
	"context"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

// TestUsesAnalysis checks that what the per-article analysis fills in
// (resolved entities, time expressions, event date, dateline) is used when
// present: entities become the event's central entities, EventDate dates
// the event, the dateline places it, and TIME expressions feed no errors.
func TestUsesAnalysis(t *testing.T) {
	mk := func(id, text string, ents ...string) *storyline.Article {
		a := &storyline.Article{ID: id, Text: text, Published: "2021-09-30", EventDate: "2021-09-30", Dateline: "Geneva"}
		for _, e := range ents {
			i := strings.Index(text, e)
			if i < 0 {
				t.Fatalf("%q not in %q", e, text)
			}
			a.Entities = append(a.Entities, storyline.Mention{Entity: "ent-" + strings.ToLower(e), Name: e, Type: storyline.Person, Text: e, Start: i, End: i + len(e)})
		}
		a.Timexes = []storyline.TimeExpr{{Text: "Thursday", Type: "DATE", Value: "2021-09-30"}, {Text: "10am", Type: "TIME", Value: "2021-09-30T10:00"}}
		return a
	}
	arts := []*storyline.Article{
		mk("a1", "Sherman and Ryabkov met in the city on Thursday for strategic stability talks on arms control.", "Sherman", "Ryabkov"),
		mk("a2", "Ryabkov and Sherman held strategic stability talks on arms control on Thursday.", "Ryabkov", "Sherman"),
		mk("b1", "A magnitude 6 earthquake struck the island of Qeshm, damaging villages.", "Qeshm"),
	}
	arts[2].EventDate, arts[2].Published, arts[2].Dateline = "2008-09-10", "2008-09-10", ""
	evs, stories, err := Build(context.Background(), arts, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2", len(evs))
	}
	for _, e := range evs {
		if len(e.Articles) == 2 {
			if e.Date != "2021-09-30" || e.Place != "Geneva" {
				t.Errorf("date %q place %q, want 2021-09-30 Geneva", e.Date, e.Place)
			}
			if len(e.Entities) != 2 || !strings.HasPrefix(e.Entities[0], "ent-") {
				t.Errorf("entities = %v, want the two resolved ids", e.Entities)
			}
		}
	}
	if len(stories) != 2 {
		t.Errorf("%d stories, want 2 (nothing links the talks and the quake)", len(stories))
	}
}

// TestNoPanicOnOddText runs the whole batch pass over odd texts: invalid
// UTF-8, dates at the very ends, lone punctuation, huge numbers.
func TestNoPanicOnOddText(t *testing.T) {
	odd := []string{
		"", " ", "\n\n\n", "\xff", "July", "July 4", "on Monday", "Monday.", "(", "((Geneva)", "GENEVA -",
		"started at 10am", "began at 99:99 GMT", "at the US mission", "1,000,000,000,000,000,000 troops",
		"date 2021-13-45 x", "2021-02-30", "Published: Feb. 30 2021", strings.Repeat("Sherman met Ryabkov in Geneva on July 28. ", 500),
		"a\xffb July 28, 2021\xfe on Friday in Bern, and on Thursday in Vienna",
	}
	var arts []*storyline.Article
	for i, s := range odd {
		arts = append(arts, &storyline.Article{ID: strings.Repeat("x", i+1), Text: s, Published: "2021-09-30"})
		arts = append(arts, &storyline.Article{ID: strings.Repeat("y", i+1), Text: s, Title: s, EventDate: "garbage", Published: "not a date",
			Timexes: []storyline.TimeExpr{{Text: s, Value: "2021-W30", Type: "DATE", Start: -5, End: 1 << 30}}})
	}
	if _, _, err := Build(context.Background(), arts, DefaultConfig()); err != nil {
		t.Fatal(err)
	}
}
