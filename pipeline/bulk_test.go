package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/store/sqlite"
)

// A file ingested in bulk (analysis on every CPU, linking in the batches
// analysis finishes, settling between them and at the end) gives events
// close to what a stream of the same articles gets: on 3,000 generated
// news articles the events keep their B-cubed F1 at 0.93 or more. Batches
// form by timing, so the figure moves by a few thousandths between runs.
func TestBulkIngestEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses and links 3,000 generated articles")
	}
	ctx := context.Background()
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := sample.NewNews(sample.NewsConfig{Seed: 7, ArticlesPerDay: 150}).WriteNews(&buf, 3000); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	truth := map[string]string{}
	gen := sample.NewNews(sample.NewsConfig{Seed: 7, ArticlesPerDay: 150})
	for range 3000 {
		g := gen.Next()
		truth[g.ID] = fmt.Sprint(g.Event)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := Ingest(ctx, st, []string{in}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed > 0 {
		t.Fatalf("%d articles failed", sum.Failed)
	}
	got := map[string]string{}
	for id := range truth {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Event == "" {
			t.Fatalf("%s stored without an event", id)
		}
		got[id] = a.Event
	}
	b := cluster.Score(got, truth).BCubed
	t.Logf("bulk: events B-cubed P %.4f R %.4f F1 %.4f", b.Precision, b.Recall, b.F1)
	if b.F1 < 0.93 {
		t.Errorf("bulk ingest: events B-cubed F1 %.4f, want ≥ 0.93", b.F1)
	}
}
