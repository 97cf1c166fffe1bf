package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/quote"
	"github.com/storyline-news/storyline/store"
)

func TestQuotesBySpeaker(t *testing.T) {
	ctx := context.Background()
	st, err := openStore(ctx, "sqlite:"+filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Each text names its speaker once, as the tagger would mark it.
	mk := func(id, outlet, pub, speaker, text string) *storyline.Article {
		s := strings.Index(text, speaker)
		return &storyline.Article{ID: id, Outlet: outlet, Published: pub, Text: text,
			Entities: []storyline.Mention{{Type: storyline.Person, Text: speaker, Start: s, End: s + len(speaker)}}}
	}
	arts := []*storyline.Article{
		mk("a1", "Outlet One", "2022-01-10", "Sergei Ryabkov", `Sergei Ryabkov described the talks as "difficult but businesslike".`),
		mk("a2", "", "2022-01-10", "Sergey Ryabkov", `"The conversation was difficult but businesslike," Sergey Ryabkov said.`),
		mk("a3", "Outlet Three", "2021-07-27", "Sergei Ryabkov", `"We would not raise the bar of expectations," Sergei Ryabkov said.`),
		mk("a4", "Outlet Four", "2022-01-09", "Antony Blinken", `"There are two paths before us," Antony Blinken said.`),
	}
	ids := map[string]string{"Sergei Ryabkov": "e-ryabkov", "Sergey Ryabkov": "e-ryabkov", "Antony Blinken": "e-blinken"}
	for _, a := range arts {
		if err := quote.Analyzer().Analyze(ctx, a); err != nil {
			t.Fatal(err)
		}
		for i := range a.Entities {
			a.Entities[i].Entity = ids[a.Entities[i].Text]
			a.Entities[i].Name = strings.Replace(a.Entities[i].Text, "Sergey", "Sergei", 1)
		}
	}
	ents := []storyline.Entity{
		{ID: "e-ryabkov", Name: "Sergei Ryabkov", Type: storyline.Person, Aliases: []string{"Sergey Ryabkov"}, Articles: []string{"a1", "a2", "a3"}},
		{ID: "e-blinken", Name: "Antony Blinken", Type: storyline.Person, Articles: []string{"a4"}},
	}
	quotes := quote.Merge(arts, ents)
	if err := store.WriteCorpus(ctx, st, &storyline.Corpus{Articles: arts, Entities: ents, Quotes: quotes}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Sergei Ryabkov", "ryabkov", "Riabkov"} {
		got, err := quotesBySpeaker(ctx, st, name, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("%s: %d quotes, want 2: %+v", name, len(got), got)
		}
		// Newest first; the merged quote is carried by both outlets, the
		// unknown outlet shown by its article id.
		if got[0].Latest != "2022-01-10" || len(got[0].Sources) != 2 {
			t.Errorf("%s: first quote %+v, want the 2022-01-10 one carried twice", name, got[0])
		}
		var outlets []string
		for _, s := range got[0].Sources {
			outlets = append(outlets, s.Outlet)
		}
		if strings.Join(outlets, ",") != "Outlet One,a2" {
			t.Errorf("%s: outlets %v, want [Outlet One a2]", name, outlets)
		}
		if !got[0].Direct || !got[1].Direct {
			t.Errorf("%s: direct quotes listed as reported speech", name)
		}
		if got[1].Latest != "2021-07-27" || !strings.Contains(got[1].Text, "bar of expectations") {
			t.Errorf("%s: second quote %+v", name, got[1])
		}
	}
	if got, err := quotesBySpeaker(ctx, st, "Nobody Known", 10); err != nil || len(got) != 0 {
		t.Errorf("unknown speaker: %v, %v", got, err)
	}
}
