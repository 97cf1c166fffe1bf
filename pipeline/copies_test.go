package pipeline

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
)

// A syndicated copy (another outlet, the same text) joins the event of the
// article it copies, however long ago that one came and however far its
// event has drifted from it since.
func TestCopiesJoinTheirOriginalsEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses and links 3,000 generated articles")
	}
	ctx := context.Background()
	arts, _, _ := generatedNews(t)
	st, l := memoryStore(t)
	linkInBatches(ctx, t, st, l, arts, 30)

	var copies []*storyline.Article
	original := map[string]string{}
	chain := Analyzers()
	for i := 7; i < len(arts); i += 150 {
		a := arts[i]
		c := &storyline.Article{ID: "copy-" + a.ID, Title: a.Title, Text: a.Text, Published: a.Published, Outlet: "The Syndicated Herald"}
		if err := Analyze(ctx, chain, c); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, c)
		original[c.ID] = a.ID
	}
	linkInBatches(ctx, t, st, l, copies, 30)

	eventOf := map[string]string{}
	err := st.EachEvent(ctx, func(e *storyline.Event) error {
		for _, a := range e.Articles {
			eventOf[a] = e.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range copies {
		if got, want := eventOf[c.ID], eventOf[original[c.ID]]; got != want || got == "" {
			t.Errorf("copy %s is in event %q, its original %s in %q", c.ID, got, original[c.ID], want)
		}
	}
}
