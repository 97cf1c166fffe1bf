package queue

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/pgtest"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
)

// deployment is a store in a schema of its own with its queue.
type deployment struct {
	dsn string
	st  *postgres.DB
	q   *Queue
}

func newDeployment(t *testing.T) *deployment {
	t.Helper()
	ctx := context.Background()
	d := &deployment{}
	d.st, d.dsn = pgtest.Store(t)
	var err error
	if d.q, err = Open(ctx, d.st); err != nil {
		t.Fatal(err)
	}
	return d
}

// work runs n workers, each with a store of its own, until the queue is
// done with everything submitted so far; then it stops them.
func (d *deployment) work(t *testing.T, n int) {
	t.Helper()
	ctx := context.Background()
	stop, err := StartWorkers(ctx, d.dsn, n, WorkerOptions{Jobs: 2, Poll: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("workers: %v", err)
		}
	}()
	m, err := d.q.Mark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := d.q.Wait(wait, m, nil); err != nil {
		s, _ := d.q.Stats(ctx)
		t.Fatalf("wait: %v (%s)", err, s)
	}
}

func (d *deployment) submit(t *testing.T, items ...*source.Item) {
	t.Helper()
	subs := make([]pipeline.Submission, len(items))
	for i, it := range items {
		subs[i] = pipeline.Submission{Item: it}
	}
	if err := d.q.Submit(context.Background(), subs); err != nil {
		t.Fatal(err)
	}
}

func (d *deployment) count(t *testing.T, query string) int {
	t.Helper()
	var n int
	if err := d.st.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// report is an invented wire story; the three of one happening share
// most of their words.
func report(id, outlet, text string) *source.Item {
	line := `{"id":"` + id + `","text":"` + text + `"}`
	return &source.Item{ID: id, Outlet: outlet, Published: "2024-03-12", PublishedFrom: storyline.FromMeta, Text: text, Format: "jsonl", Origin: id + ".jsonl:line 1", Raw: []byte(line)}
}

func reports() []*source.Item {
	quake := "A strong earthquake struck near the town of Veldmark on Tuesday, damaging houses and the old bridge, officials in Veldmark said. Rescue teams from Arnhold reached the town by evening."
	vote := "Lawmakers in Korsby approved the harbour budget on Tuesday after a long debate, the speaker of the Korsby council, Mira Dalen, said. The vote was 31 to 12."
	return []*source.Item{
		report("q1", "Daily", quake),
		report("q2", "Weekly", quake+" Aftershocks followed overnight."),
		report("v1", "Daily", vote),
		report("q3", "Evening", "Houses and the old bridge in Veldmark were damaged when a strong earthquake struck on Tuesday, officials said."),
	}
}

// Every item is stored with its job, and a submission that fails leaves
// neither items nor jobs.
func TestItemsAndJobsGoTogether(t *testing.T) {
	d := newDeployment(t)
	d.submit(t, reports()...)
	if n := d.count(t, `SELECT count(*) FROM queue_items`); n != 4 {
		t.Fatalf("%d items, want 4", n)
	}
	if n := d.count(t, `SELECT count(*) FROM river_job j JOIN queue_items q ON q.seq = (j.args->>'item')::bigint WHERE j.kind = '`+kindAnalyse+`'`); n != 4 {
		t.Fatalf("%d jobs with their item, want 4", n)
	}
	ctx := context.Background()
	// Make the job insert fail after the items went in.
	if _, err := d.st.SQL().ExecContext(ctx, `ALTER TABLE river_job ADD CONSTRAINT no_more_jobs CHECK (kind <> '`+kindAnalyse+`') NOT VALID`); err != nil {
		t.Fatal(err)
	}
	err := d.q.Submit(ctx, []pipeline.Submission{{Item: report("late", "Daily", "Late text.")}})
	if err == nil {
		t.Fatal("Submit succeeded with jobs refused")
	}
	if n := d.count(t, `SELECT count(*) FROM queue_items`); n != 4 {
		t.Errorf("%d items after a failed submission, want the 4 from before", n)
	}
}

// Items queued twice, and again once linked, are one article each: a
// job run again, or an item linked again, duplicates nothing.
func TestRepeatsDuplicateNothing(t *testing.T) {
	ctx := context.Background()
	d := newDeployment(t)
	d.submit(t, reports()...)
	d.submit(t, reports()...)
	d.work(t, 2)
	first := snapshot(t, d.st)
	d.submit(t, reports()...)
	d.work(t, 1)
	if got := snapshot(t, d.st); got != first {
		t.Errorf("after queueing the same items again:\n%s\nwant\n%s", got, first)
	}
	if n, _ := d.st.CountArticles(ctx); n != 4 {
		t.Errorf("%d articles, want 4", n)
	}
	t.Logf("linked:\n%s", first)
	if !strings.Contains(first, "events q1+q2+q3 v1") {
		t.Errorf("events are not the two happenings:\n%s", first)
	}
	if n := d.count(t, `SELECT count(*) FROM queue_items`); n != 0 {
		t.Errorf("%d items left in the queue, want 0", n)
	}
	s, err := d.q.Stats(ctx)
	if err != nil || s.Done != 12 || s.Failed != 0 || s.ToLink != 0 || s.Queued != 0 {
		t.Errorf("Stats = %s, %v; want 12 jobs done and nothing else", s, err)
	}
}

// snapshot is what readers see: articles with their mentions and quotes,
// events by their articles, entities by their articles.
func snapshot(t *testing.T, st store.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	byEvent := map[string][]string{}
	err := st.EachArticle(ctx, func(a *storyline.Article) error {
		byEvent[a.Event] = append(byEvent[a.Event], a.ID)
		b.WriteString(a.ID + ":")
		for _, m := range a.Entities {
			b.WriteString(" " + m.Text)
		}
		b.WriteString(" |")
		for _, q := range a.Quotes {
			b.WriteString(" " + q.Text)
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	err = st.EachEvent(ctx, func(e *storyline.Event) error {
		events = append(events, strings.Join(e.Articles, "+"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(events)
	b.WriteString("events " + strings.Join(events, " ") + "\n")
	var ents []string
	err = st.EachEntity(ctx, func(e *storyline.Entity) error {
		ents = append(ents, e.Name+"="+strings.Join(e.Articles, "+"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ents)
	b.WriteString("entities " + strings.Join(ents, " "))
	return b.String()
}

// An item that cannot be analysed fails alone: its job is cancelled, the
// item kept with why, and the wait ends.
func TestAnItemWithoutTextFails(t *testing.T) {
	ctx := context.Background()
	d := newDeployment(t)
	empty := report("e1", "Daily", "   ")
	d.submit(t, empty, reports()[2])
	d.work(t, 1)
	s, err := d.q.Stats(ctx)
	if err != nil || s.Failed != 1 || s.Done != 1 {
		t.Fatalf("Stats = %s, %v; want one failed and one done", s, err)
	}
	if n, _ := d.st.CountArticles(ctx); n != 1 {
		t.Errorf("%d articles, want the one with text", n)
	}
	var why string
	if err := d.st.SQL().QueryRowContext(ctx, `SELECT failed FROM queue_items`).Scan(&why); err != nil || !strings.Contains(why, "no article text") {
		t.Errorf("failed item says %q, %v", why, err)
	}
}

// Stats and Wait read the settling pass's pending work under the name
// link files it by.
func TestStatsSeeEventsWaitingToSettle(t *testing.T) {
	ctx := context.Background()
	d := newDeployment(t)
	it := reports()[0]
	a, err := pipeline.Prepare(it, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.Analyze(ctx, pipeline.Analyzers(), a); err != nil {
		t.Fatal(err)
	}
	l := link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil)
	if _, err := l.Link(ctx, d.st, []link.Item{{Article: a, Hash: pipeline.Hash(a)}}); err != nil {
		t.Fatal(err)
	}
	if s, err := d.q.Stats(ctx); err != nil || s.ToSettle != 1 {
		t.Fatalf("after linking: Stats = %s, %v; want one event waiting to settle", s, err)
	}
	if _, err := l.Settle(ctx, d.st); err != nil {
		t.Fatal(err)
	}
	if s, err := d.q.Stats(ctx); err != nil || s.ToSettle != 0 {
		t.Fatalf("after settling: Stats = %s, %v; want none waiting", s, err)
	}
}

func TestQueuedItemsKeepWhatTheyWere(t *testing.T) {
	page := []byte("<html><head><title>Quake</title></head><body><p>A quake struck.</p></body></html>")
	meta := &pipeline.Meta{ID: "p1", Published: "2024-03-12"}
	for _, it := range []*source.Item{
		{ID: "p1", HTML: page, Raw: page, Format: "html", Origin: "p1.html"},
		{ID: "p2", HTML: page, Raw: []byte(`{"html":"..."}`), Format: "jsonl", Origin: "x.jsonl:line 2"},
		{ID: "t1", Text: "Plain.", Raw: []byte("Plain."), Credits: []string{"Photo: A. B."}, Format: "text"},
	} {
		data, err := encodeItem(pipeline.Submission{Item: it, Meta: meta})
		if err != nil {
			t.Fatal(err)
		}
		got, gotMeta, err := decodeItem(data)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.HTML) != string(it.HTML) || string(got.Raw) != string(it.Raw) || got.Text != it.Text || got.Origin != it.Origin || len(got.Credits) != len(it.Credits) {
			t.Errorf("%s: decoded %+v, want %+v", it.ID, got, it)
		}
		if gotMeta[it.ID] != *meta {
			t.Errorf("%s: meta %v, want %v under the item's id", it.ID, gotMeta, *meta)
		}
	}
	if _, _, err := decodeItem([]byte("{broken")); err == nil {
		t.Error("a damaged item decodes")
	}
}

// One worker at a time holds the linker lease; when its connection goes,
// the next one takes it.
func TestTheLeaseHasOneHolder(t *testing.T) {
	ctx := context.Background()
	st, _ := pgtest.Store(t)
	first := &lease{key: st.LeaseKey(), config: st.Pool().Config().ConnConfig}
	second := &lease{key: st.LeaseKey(), config: st.Pool().Config().ConnConfig}
	defer first.release(ctx)
	defer second.release(ctx)
	if err := first.take(ctx); err != nil || !first.held {
		t.Fatalf("first take: held %v, %v", first.held, err)
	}
	if err := second.take(ctx); err != nil || second.held {
		t.Fatalf("second take while the first holds it: held %v, %v", second.held, err)
	}
	first.release(ctx)
	// The server ends the first session a moment after it is closed.
	for deadline := time.Now().Add(10 * time.Second); !second.held && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := second.take(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if !second.held {
		t.Fatal("the second never took the lease once the first let go")
	}
}
