package cluster

import (
	"context"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/timex"
)

// prepared makes of raw articles what the pipeline gives clustering,
// entities aside: the cleaned text with its roles, title, dateline and
// publication date, and the time expressions. (Package pipeline imports
// this one, so its Prepare cannot be called from here.)
func prepared(t testing.TB, raw []*storyline.Article) []*storyline.Article {
	t.Helper()
	out := make([]*storyline.Article, 0, len(raw))
	for _, r := range raw {
		c := clean.Text(r.Text, clean.Known{Title: r.Title, Published: r.Published})
		a := &storyline.Article{ID: r.ID, URL: r.URL, Title: c.Title, Published: c.Published, PublishedFrom: r.PublishedFrom,
			Text: c.Text, Paragraphs: c.Paragraphs, Dateline: c.Dateline, Credits: c.Credits}
		if a.Published != "" && a.PublishedFrom == "" {
			a.PublishedFrom = storyline.FromText
		}
		if err := timex.Analyzer().Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}
