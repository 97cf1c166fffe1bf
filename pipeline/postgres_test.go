package pipeline_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/queue"
	"github.com/storyline-news/storyline/store/sqlite"
)

// The seed acceptance checks on the PostgreSQL deployment: items queued by
// ingest, analysed and linked by two workers, give what gold.json gives,
// as the embedded store does.
func TestSeedsThroughWorkers(t *testing.T) {
	pgtest.ServerDSN(t)
	shareddata.Path(t)
	for name, check := range pipeline.SeedChecks() {
		t.Run(name, func(t *testing.T) { check(t, ingestSeedsThroughWorkers) })
	}
}

// The same checks with the pipeline linking into PostgreSQL itself, as
// reanalyze and the benchmarks do.
func TestSeedsIntoPostgres(t *testing.T) {
	pgtest.ServerDSN(t)
	shareddata.Path(t)
	for name, check := range pipeline.SeedChecks() {
		t.Run(name, func(t *testing.T) { check(t, ingestSeedsIntoPostgres) })
	}
}

func ingestSeedsIntoPostgres(t *testing.T, withMeta bool) *storyline.Corpus {
	t.Helper()
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, _ := pgtest.Store(t)
	sum, err := pipeline.Ingest(ctx, st, []string{filepath.Join(shared, "seeds", "articles")}, seedOptions(shared, withMeta))
	if err != nil || sum.Failed > 0 || sum.Ingested != 5 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	return pipeline.LoadCorpus(t, st)
}

func seedOptions(shared string, withMeta bool) pipeline.Options {
	var opts pipeline.Options
	if withMeta {
		opts.MetaFile = filepath.Join(shared, "seeds", "meta.jsonl")
	}
	return opts
}

func ingestSeedsThroughWorkers(t *testing.T, withMeta bool) *storyline.Corpus {
	t.Helper()
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, dsn := pgtest.Store(t)
	q, err := queue.Open(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	// Two workers with stores of their own, as two processes would be.
	stop, err := queue.StartWorkers(ctx, dsn, 2, queue.WorkerOptions{Jobs: 2, Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("workers: %v", err)
		}
	}()
	sum, err := pipeline.NewSubmitting(st, q, nil).Ingest(ctx, []string{filepath.Join(shared, "seeds", "articles")}, seedOptions(shared, withMeta))
	if err != nil || sum.Failed > 0 || sum.Queued != 5 {
		t.Fatalf("ingest: %v %v %v", sum, err, sum.Errors)
	}
	m, err := q.Mark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := q.Wait(wait, m, nil); err != nil {
		t.Fatal(err)
	}
	if s, err := q.Stats(ctx); err != nil || s.Done != 5 || s.Failed != 0 {
		t.Fatalf("after the wait: %v, %v; want 5 jobs done, none failed", s, err)
	}
	return pipeline.LoadCorpus(t, st)
}

// For the same input, the PostgreSQL deployment exports what the embedded
// store does. Only ids may differ, and with them the order of items of
// equal weight, which ties are broken by: an entity, event, story or quote
// takes its id from the first article linked into it, and the workers link
// in an order of their own.
func TestSameResultsOnBothStores(t *testing.T) {
	pgtest.ServerDSN(t)
	shared := shareddata.Path(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if sum, err := pipeline.Ingest(ctx, st, []string{filepath.Join(shared, "seeds", "articles")}, seedOptions(shared, true)); err != nil || sum.Failed > 0 {
		t.Fatalf("embedded ingest: %v %v", sum, err)
	}
	embedded := canonical(t, pipeline.LoadCorpus(t, st))
	onPostgres := canonical(t, ingestSeedsThroughWorkers(t, true))
	if embedded != onPostgres {
		a, b := strings.Split(embedded, "\n"), strings.Split(onPostgres, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("the stores differ (of %d and %d lines), first at line %d:\nembedded:   %s\nPostgreSQL: %s", len(a), len(b), i+1, a[i], b[i])
			}
		}
		t.Fatalf("the stores differ: %d lines against %d", len(a), len(b))
	}
}

// canonical is a corpus as sorted JSON lines, each id replaced by what
// names the item whatever its id (an entity by its type, name and
// articles, an event by its articles, a story by its events, a quote by
// its text and articles), lists of names sorted.
func canonical(t *testing.T, c *storyline.Corpus) string {
	t.Helper()
	key := map[string]string{}
	for _, e := range c.Entities {
		key[e.ID] = "entity " + string(e.Type) + " " + e.Name + " " + strings.Join(slices.Sorted(slices.Values(e.Articles)), "+")
	}
	for _, e := range c.Events {
		key[e.ID] = "event " + strings.Join(slices.Sorted(slices.Values(e.Articles)), "+")
	}
	for _, s := range c.Stories {
		var evs []string
		for _, id := range s.Events {
			evs = append(evs, key[id])
		}
		slices.Sort(evs)
		key[s.ID] = "story " + strings.Join(evs, ", ")
	}
	for _, q := range c.Quotes {
		key[q.ID] = "quote " + q.Text + " " + strings.Join(slices.Sorted(slices.Values(q.Articles)), "+")
	}
	var lines []string
	add := func(kind string, v any) {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		data, err = json.Marshal(replaceIDs(doc, key))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, kind+" "+string(data))
	}
	for _, a := range c.Articles {
		add("article", a)
	}
	for _, e := range c.Entities {
		add("entity", e)
	}
	for _, e := range c.Events {
		add("event", e)
	}
	for _, s := range c.Stories {
		add("story", s)
	}
	for _, q := range c.Quotes {
		add("quote", q)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// replaceIDs replaces every string of a decoded JSON document that is an
// id in key, and sorts lists of strings.
func replaceIDs(doc any, key map[string]string) any {
	switch v := doc.(type) {
	case string:
		if k, ok := key[v]; ok {
			return k
		}
	case []any:
		for i := range v {
			v[i] = replaceIDs(v[i], key)
		}
		slices.SortStableFunc(v, func(a, b any) int {
			sa, okA := a.(string)
			sb, okB := b.(string)
			if okA && okB {
				return strings.Compare(sa, sb)
			}
			return 0
		})
	case map[string]any:
		for k := range v {
			v[k] = replaceIDs(v[k], key)
		}
	}
	return doc
}
