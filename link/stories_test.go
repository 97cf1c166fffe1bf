package link

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
)

func TestClosestByNames(t *testing.T) {
	// Each event is posted under its names at its day.
	events := []struct {
		id    string
		day   int64
		names []string
	}{
		{"self", 100, []string{"holt", "varga"}},
		{"e-far", 130, []string{"holt", "lindmark"}},
		{"e-near", 100, []string{"holt", "varga"}},
		{"e-two", 100, []string{"varga", "lindmark"}},
		{"e-one", 101, []string{"holt"}},
		{"e-undated", store.NoDay, []string{"varga"}},
	}
	var ps []store.Posting
	for _, e := range events {
		for _, name := range e.names {
			ps = append(ps, store.Posting{Key: name, Rank: e.day, ID: e.id})
		}
	}
	for _, tt := range []struct {
		name string
		day  int32
		n    int
		want []string
	}{
		{"all, self left out", 100, 10, []string{"e-far", "e-near", "e-one", "e-two", "e-undated"}},
		{"most names shared first", 100, 3, []string{"e-far", "e-near", "e-two"}},
		{"then the nearest in days", 128, 1, []string{"e-far"}},
		{"then by id", 100, 2, []string{"e-near", "e-two"}},
		{"an undated search: names, then id", cluster.NoDay, 4, []string{"e-far", "e-near", "e-one", "e-two"}},
	} {
		got := closestByNames(ps, "self", tt.day, tt.n)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
