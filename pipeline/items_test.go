package pipeline

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

func TestIngestItemsRunsTheHookAfterSettling(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := New(st, nil)
	calls, waiting := 0, 0
	p.AfterSettle(func(ctx context.Context) error {
		calls++
		return st.Update(ctx, func(tx store.Tx) error {
			ids, err := tx.Pending(ctx, link.PendingChanged, 100)
			waiting += len(ids)
			if err == nil {
				err = tx.DonePending(ctx, link.PendingChanged, ids)
			}
			return err
		})
	})
	items := []*source.Item{
		{ID: "a1", Text: "The harbour council of Portvale opened budget talks on Monday, Mayor Ilsa Varga said.", Published: "2030-03-02", Outlet: "North Gazette", Format: "text", Origin: "a1"},
		{ID: "a2", HTML: []byte(`<html><head><title>Talks</title></head><body><article><p>Budget talks began in Portvale on Monday. Mayor Ilsa Warga called the session constructive.</p></article></body></html>`), Published: "2030-03-02", Format: "html", Origin: "a2"},
	}
	sum, err := p.IngestItems(ctx, func(ctx context.Context, emit func(*source.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}, Options{})
	if err != nil || sum.Ingested != 2 || sum.Failed != 0 {
		t.Fatalf("IngestItems = %v, %v", sum, err)
	}
	if calls == 0 || waiting == 0 {
		t.Errorf("hook called %d times, saw %d changed events; want it called with the settled events waiting", calls, waiting)
	}
	if a, err := st.Article(ctx, "a2"); err != nil || a.Text == "" {
		t.Errorf("the page item was not extracted: %+v, %v", a, err)
	}
}
