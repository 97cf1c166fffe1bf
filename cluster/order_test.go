package cluster

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

func copyArticles(arts []*storyline.Article) []*storyline.Article {
	out := make([]*storyline.Article, len(arts))
	for i, a := range arts {
		c := *a
		out[i] = &c
	}
	return out
}

// TestOrderIndependence builds the same corpus in several orders and wants
// the same events, ids, fields and stories each time.
func TestOrderIndependence(t *testing.T) {
	corpora := map[string][]*storyline.Article{
		"generated": newCorpusGen(7, 40).batch(250),
	}
	if s := trySharedDir(); s != "" {
		if arts, _, err := LoadDataset(s + "/data/ecbplus-dev"); err == nil {
			corpora["ecbplus-dev"] = arts[:200]
		}
	}
	for name, base := range corpora {
		t.Run(name, func(t *testing.T) {
			var first []storyline.Event
			var firstStories []storyline.Story
			r := rand.New(rand.NewPCG(1, 2))
			for round := 0; round < 3; round++ {
				arts := copyArticles(base)
				r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
				evs, stories, err := Build(context.Background(), arts, DefaultConfig())
				if err != nil {
					t.Fatal(err)
				}
				if round == 0 {
					first, firstStories = evs, stories
					continue
				}
				if !reflect.DeepEqual(evs, first) {
					t.Fatalf("round %d: events differ after shuffling (%d vs %d events)", round, len(evs), len(first))
				}
				if !reflect.DeepEqual(stories, firstStories) {
					t.Fatalf("round %d: stories differ after shuffling", round)
				}
			}
		})
	}
}

func TestBuildEmptyAndNil(t *testing.T) {
	evs, stories, err := Build(context.Background(), nil, DefaultConfig())
	if err != nil || len(evs) != 0 || len(stories) != 0 {
		t.Fatalf("Build(nil) = %d events, %d stories, %v", len(evs), len(stories), err)
	}
	arts := []*storyline.Article{nil, {ID: "x"}, {ID: "y", Text: "\xff\xfe"}}
	evs, _, err = Build(context.Background(), arts, DefaultConfig())
	if err != nil || len(evs) != 2 {
		t.Fatalf("Build(odd articles) = %d events, %v; want 2", len(evs), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Build(ctx, newCorpusGen(1, 50).batch(2000), DefaultConfig()); err == nil {
		t.Error("Build with a cancelled context: no error")
	}
}
