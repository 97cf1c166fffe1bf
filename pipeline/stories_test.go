package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// generatedNews is 3,000 articles of sample.News, analysed, with the
// story each was written for (its event's, when it has no story) and its
// event.
func generatedNews(t *testing.T) (arts []*storyline.Article, story, event map[string]string) {
	t.Helper()
	gen := sample.NewNews(sample.NewsConfig{Seed: 7, ArticlesPerDay: 150})
	story, event = map[string]string{}, map[string]string{}
	for range 3000 {
		g := gen.Next()
		arts = append(arts, &storyline.Article{ID: g.ID, Title: g.Title, Text: g.Text, Published: g.Published, Outlet: g.Outlet})
		event[g.ID] = fmt.Sprint(g.Event)
		story[g.ID] = "event " + event[g.ID]
		if g.Story != 0 {
			story[g.ID] = fmt.Sprint("story ", g.Story)
		}
	}
	analyseAll(t, arts)
	return arts, story, event
}

// analyseAll runs the analysis on articles, on every CPU.
func analyseAll(t *testing.T, arts []*storyline.Article) {
	t.Helper()
	chain := Analyzers()
	var wg sync.WaitGroup
	next := make(chan *storyline.Article)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for a := range next {
				if err := Analyze(context.Background(), chain, a); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for _, a := range arts {
		next <- a
	}
	close(next)
	wg.Wait()
}

// memoryStore is an empty in-memory store, closed when t ends, and a
// linker with the default bounds.
func memoryStore(t *testing.T) (store.Store, *link.Linker) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil)
}

// linkInBatches links arts into st n at a time, settling after each
// batch, as a busy feed is linked.
func linkInBatches(ctx context.Context, t *testing.T, st store.Store, l *link.Linker, arts []*storyline.Article, n int) {
	t.Helper()
	for i := 0; i < len(arts); i += n {
		var items []link.Item
		for _, a := range arts[i:min(i+n, len(arts))] {
			items = append(items, link.Item{Article: a, Hash: Hash(a)})
		}
		if _, err := l.Link(ctx, st, items); err != nil {
			t.Fatal(err)
		}
		for more := true; more; {
			var err error
			if more, err = l.Settle(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// largest is the size of the largest group of a labelling.
func largest(label map[string]string) (size int, name string) {
	n := map[string]int{}
	for _, l := range label {
		n[l]++
		if n[l] > size {
			size, name = n[l], l
		}
	}
	return size, name
}

// Stories chain events that share their core cast and subject, not any
// two events that share a frequent name: on weeks of generated news (many
// unrelated events; places, organisations and people that recur across
// them with the skew of real news) no story is larger than the largest
// story the generator wrote, whether the store links the articles as they
// come or Build clusters them at once. Events keep same-kind happenings of
// one day, and a story's rounds days apart, apart.
func TestStoriesNoLargerThanTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses and links 3,000 generated articles")
	}
	ctx := context.Background()
	arts, trueStory, trueEvent := generatedNews(t)
	trueLargest, _ := largest(trueStory)

	check := func(name string, story, event map[string]string) {
		t.Helper()
		size, id := largest(story)
		ev := cluster.Score(event, trueEvent).BCubed
		chains := map[string]string{}
		for a, s := range story {
			if s == "" {
				s = "event " + event[a]
			}
			chains[a] = s
		}
		sb := cluster.Score(chains, trueStory).BCubed
		t.Logf("%s: largest story %d articles (true: %d); events B-cubed P %.3f R %.3f F1 %.3f; stories B-cubed P %.3f R %.3f F1 %.3f", name, size, trueLargest, ev.Precision, ev.Recall, ev.F1, sb.Precision, sb.Recall, sb.F1)
		if size > trueLargest {
			t.Errorf("%s: story %s has %d articles, the largest true story %d", name, id, size, trueLargest)
		}
		if ev.F1 < 0.94 {
			t.Errorf("%s: events B-cubed F1 %.3f, want ≥ 0.94", name, ev.F1)
		}
	}

	// Linked as they come, 30 articles at a time (a busy feed), settled
	// after each batch.
	st, l := memoryStore(t)
	linkInBatches(ctx, t, st, l, arts, 30)
	story, event := map[string]string{}, map[string]string{}
	err := st.EachEvent(ctx, func(e *storyline.Event) error {
		for _, a := range e.Articles {
			story[a], event[a] = e.Story, e.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("linked as they come", story, event)

	// Built at once.
	entity.Resolve(arts)
	evs, _, err := cluster.Build(ctx, arts, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	story, event = map[string]string{}, map[string]string{}
	for _, e := range evs {
		for _, a := range e.Articles {
			story[a], event[a] = e.Story, e.ID
		}
	}
	check("built at once", story, event)
}
