package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

// ingestSeeds runs the whole pipeline on the seeds and returns the corpus as
// stored.
func ingestSeeds(t *testing.T, withMeta bool) *storyline.Corpus {
	t.Helper()
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opts := Options{}
	if withMeta {
		opts.MetaFile = filepath.Join(shared, "seeds", "meta.jsonl")
	}
	sum, err := Ingest(ctx, st, []string{filepath.Join(shared, "seeds", "articles")}, opts)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	return loadCorpus(t, st)
}

func loadCorpus(t *testing.T, st store.Store) *storyline.Corpus {
	t.Helper()
	ctx := context.Background()
	c := &storyline.Corpus{}
	if err := st.EachArticle(ctx, func(a *storyline.Article) error { c.Articles = append(c.Articles, a); return nil }); err != nil {
		t.Fatal(err)
	}
	all := store.Query{Limit: 1 << 20}
	var err error
	if c.Entities, err = st.Entities(ctx, all); err != nil {
		t.Fatal(err)
	}
	if c.Events, err = st.Events(ctx, all); err != nil {
		t.Fatal(err)
	}
	if c.Stories, err = st.Stories(ctx, all); err != nil {
		t.Fatal(err)
	}
	if c.Quotes, err = st.Quotes(ctx, all); err != nil {
		t.Fatal(err)
	}
	return c
}

// gold is ../shared/seeds/gold.json, the parts the acceptance tests read.
type gold struct {
	Articles map[string]struct {
		Timexes     []goldTimex `json:"timexes"`
		TimexesMeta []goldTimex `json:"timexes_given_meta_pub_2022-01-10"`
		Event       string      `json:"event"`
		Noise       []string    `json:"noise"`
		Title       string      `json:"title"`
	} `json:"articles"`
	Events map[string]struct {
		Date  string `json:"date"`
		Place string `json:"place"`
	} `json:"events"`
	Story struct {
		EventsInOrder []string `json:"events_in_order"`
	} `json:"story"`
	Background []struct {
		Date        string   `json:"date"`
		What        string   `json:"what"`
		MentionedIn []string `json:"mentioned_in"`
	} `json:"background_events_a_timeline_should_show"`
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Role     string   `json:"role"`
		Variants []string `json:"variants"`
	} `json:"entities"`
	Quotes []struct {
		Speaker  string   `json:"speaker"`
		Contains string   `json:"contains"`
		Articles []string `json:"articles"`
	} `json:"quotes"`
}

type goldTimex struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Note  string `json:"note"`
}

func readGold(t *testing.T) gold {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shareddata.Path(t), "seeds", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}
