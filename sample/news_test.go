package sample

import (
	"strings"
	"testing"
)

func TestNewsIsDeterministicAndSkips(t *testing.T) {
	a, b := NewNews(NewsConfig{Seed: 3, ArticlesPerDay: 300}), NewNews(NewsConfig{Seed: 3, ArticlesPerDay: 300})
	b.Skip(700)
	for range 700 {
		a.Next()
	}
	for range 50 {
		x, y := a.Next(), b.Next()
		if x.ID != y.ID || x.Text != y.Text || x.Published != y.Published {
			t.Fatalf("after Skip: %s/%s differ", x.ID, y.ID)
		}
	}
}

// The stream has the shape the benchmarks rely on: many events of a few
// reports each, copies, stories of several events, months of days.
func TestNewsShape(t *testing.T) {
	s := NewNews(NewsConfig{Seed: 1, ArticlesPerDay: 150})
	events, stories := map[int]int{}, map[int]map[int]bool{}
	texts := map[string]int{}
	days := map[string]bool{}
	ids := map[string]bool{}
	const n = 5000
	for range n {
		g := s.Next()
		if ids[g.ID] {
			t.Fatalf("id %s twice", g.ID)
		}
		ids[g.ID] = true
		if g.Text == "" || g.Title == "" || g.Outlet == "" || !strings.Contains(g.Text, " said") {
			t.Fatalf("article %s lacks text, title, outlet or attribution: %+v", g.ID, g)
		}
		events[g.Event]++
		texts[g.Text]++
		days[g.Published] = true
		if g.Story != 0 {
			if stories[g.Story] == nil {
				stories[g.Story] = map[int]bool{}
			}
			stories[g.Story][g.Event] = true
		}
	}
	if len(events) < n/12 || len(events) > n/2 {
		t.Errorf("%d events for %d articles", len(events), n)
	}
	copies := 0
	for _, c := range texts {
		copies += c - 1
	}
	if copies < n/20 {
		t.Errorf("%d syndicated copies in %d articles", copies, n)
	}
	long := 0
	for _, evs := range stories {
		if len(evs) >= 3 {
			long++
		}
	}
	if long < 10 {
		t.Errorf("%d stories of three or more events", long)
	}
	if len(days) < 9 {
		t.Errorf("%d days", len(days))
	}
}
