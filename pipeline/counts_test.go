package pipeline

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/sample"
)

// Linking keeps each entity's number of articles exact without counting
// it: after batches of new articles, articles changed so that they name
// other entities, and the merges linking makes on the way, every entity's
// kept number is the number of articles whose rows name it.
func TestEntityArticleCountsStayExact(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses and links 600 generated articles")
	}
	ctx := context.Background()
	gen := sample.NewNews(sample.NewsConfig{Seed: 3, ArticlesPerDay: 60})
	var arts []*storyline.Article
	for range 600 {
		g := gen.Next()
		arts = append(arts, &storyline.Article{ID: g.ID, Title: g.Title, Text: g.Text, Published: g.Published, Outlet: g.Outlet})
	}
	// Every 20th article comes again with the text of the one after it.
	var changed []*storyline.Article
	for i := 0; i+1 < len(arts); i += 20 {
		a, next := arts[i], arts[i+1]
		changed = append(changed, &storyline.Article{ID: a.ID, Title: next.Title, Text: next.Text, Published: a.Published, Outlet: a.Outlet})
	}
	analyseAll(t, append(arts, changed...))
	st, l := memoryStore(t)
	linkInBatches(ctx, t, st, l, arts, 40)
	linkInBatches(ctx, t, st, l, changed, 10)

	checked := 0
	err := st.EachEntity(ctx, func(all *storyline.Entity) error {
		kept, err := st.Entity(ctx, all.ID)
		if err != nil {
			return err
		}
		if kept.ArticleCount != len(all.Articles) {
			t.Errorf("entity %s: kept number of articles %d, %d articles name it", all.ID, kept.ArticleCount, len(all.Articles))
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("linking made no entity")
	}
}
