package link

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// A story refreshed from the entries it kept takes again the events that
// changed since, as their size shows, and not the others: an event that
// took an article on a clear fit is written without its story being
// refreshed, and the story's next refresh must show that article.
func TestRefreshReadsEventsThatChangedSince(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	l := New(cluster.DefaultConfig(), DefaultOptions(), nil)
	putEvent := func(tx store.Tx, id, date, title string, members []string) error {
		state := &eventState{Sum: cluster.Sum{1: 1}, Sketch: cluster.Sketch{Day: cluster.DayOf(date)}, Members: members}
		data, err := state.encode()
		if err != nil {
			return err
		}
		return tx.PutEvent(ctx, &store.EventRow{Event: storyline.Event{ID: id, Date: date, Title: title, Story: "s-1"}, Day: int64(cluster.DayOf(date)), N: len(members), State: data})
	}
	refresh := func() *storyline.Story {
		t.Helper()
		// A fresh linker each time, as a new process: nothing held.
		l = New(cluster.DefaultConfig(), DefaultOptions(), nil)
		err := st.Update(ctx, func(tx store.Tx) error {
			b := &batch{l: l, tx: tx, ctx: ctx}
			if err := b.begin(); err != nil {
				return err
			}
			return b.refreshStory("s-1")
		})
		if err != nil {
			t.Fatal(err)
		}
		s, err := st.Story(ctx, "s-1")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	articlesOf := func(s *storyline.Story, event string) []string {
		for _, e := range s.Timeline {
			if e.Event == event {
				return e.Articles
			}
		}
		return nil
	}
	err = st.Update(ctx, func(tx store.Tx) error {
		if err := putEvent(tx, "e-1", "2024-03-01", "Talks open in Geneva", []string{"a1", "a2"}); err != nil {
			return err
		}
		return putEvent(tx, "e-2", "2024-03-08", "Talks resume in Geneva", []string{"a3"})
	})
	if err != nil {
		t.Fatal(err)
	}
	s := refresh()
	if got := articlesOf(s, "e-2"); !slices.Equal(got, []string{"a3"}) {
		t.Fatalf("e-2 on the timeline with %v, want [a3]", got)
	}
	// e-2 takes a4; its story is not refreshed then. e-1's title changes
	// behind the linker's back, size and day unchanged: the kept entry
	// stands, which shows that it is read from the entries.
	err = st.Update(ctx, func(tx store.Tx) error {
		if err := putEvent(tx, "e-1", "2024-03-01", "A title nothing described", []string{"a1", "a2"}); err != nil {
			return err
		}
		return putEvent(tx, "e-2", "2024-03-08", "Talks resume in Geneva", []string{"a3", "a4"})
	})
	if err != nil {
		t.Fatal(err)
	}
	s = refresh()
	if got := articlesOf(s, "e-2"); !slices.Equal(got, []string{"a3", "a4"}) {
		t.Errorf("after e-2 took a4, e-2 on the timeline with %v, want [a3 a4]", got)
	}
	for _, e := range s.Timeline {
		if e.Event == "e-1" && e.What != "Talks open in Geneva" {
			t.Errorf("e-1 on the timeline as %q: read again though its size and day held", e.What)
		}
	}
}
