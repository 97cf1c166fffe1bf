package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
)

// The conformance tests of store.FollowReader and store.FollowWriter.

func sourcesKeepTheirState(t *testing.T, s store.Store) {
	ctx := context.Background()
	src := &store.Source{ID: "s1", URL: "https://a.example/feed.xml", Kind: store.SourceFeed, Name: "A", Interval: 900, Added: "2030-01-01T00:00:00Z"}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutSource(ctx, src); err != nil {
			return err
		}
		if err := tx.PutSource(ctx, &store.Source{ID: "s2", URL: "https://b.example/", Kind: store.SourcePage, Interval: 60, Added: "2030-01-01T00:00:00Z"}); err != nil {
			return err
		}
		return tx.PutFetchState(ctx, "s1", store.FetchState{ETag: `"v1"`, LastModified: "Mon, 01 Jan 2030 00:00:00 GMT", NextPoll: "2030-01-01T00:15:00Z", Items: 3, Failures: 2, Failing: true, LastError: "timeout"})
	})
	list, err := s.Sources(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Sources = %+v, %v; want 2", list, err)
	}
	got := list[0]
	if got.ID != "s1" || got.URL != src.URL || got.Name != "A" || got.Interval != 900 || got.State.ETag != `"v1"` || got.State.Items != 3 || !got.State.Failing || got.State.LastError != "timeout" {
		t.Errorf("source s1 = %+v", got)
	}
	if list[1].State != (store.FetchState{}) {
		t.Errorf("a source never polled has state %+v", list[1].State)
	}
	// New settings keep the state; deleting takes both.
	src.Interval = 120
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.PutSource(ctx, src) })
	list, _ = s.Sources(ctx)
	if list[0].Interval != 120 || list[0].State.ETag != `"v1"` {
		t.Errorf("after new settings: %+v", list[0])
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.DeleteSource(ctx, "s1") })
	list, _ = s.Sources(ctx)
	if len(list) != 1 || list[0].ID != "s2" {
		t.Errorf("after delete: %+v", list)
	}
	// A source added again under the same id starts afresh.
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.PutSource(ctx, src) })
	list, _ = s.Sources(ctx)
	if list[0].ID != "s1" || list[0].State.ETag != "" {
		t.Errorf("re-added source = %+v", list[0])
	}
}

func seenItemsKeepFirstSighting(t *testing.T, s store.Store) {
	ctx := context.Background()
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		return tx.PutSeenItems(ctx, []store.SeenItem{
			{Key: "g:1", Source: "s1", Article: "a1", Fingerprint: "f1", Seen: "2030-01-01T00:00:00Z"},
			{Key: "u:https://a.example/1", Source: "s1", Article: "a1", Fingerprint: "f1", Seen: "2030-01-01T00:00:00Z"},
		})
	})
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		return tx.PutSeenItems(ctx, []store.SeenItem{{Key: "g:1", Source: "s1", Article: "a1", Fingerprint: "f2", Attempts: 1, Error: "x", Seen: "2030-02-01T00:00:00Z"}})
	})
	got, err := s.SeenItems(ctx, []string{"g:1", "u:https://a.example/1", "g:nope"})
	if err != nil || len(got) != 2 {
		t.Fatalf("SeenItems = %+v, %v", got, err)
	}
	if g := got["g:1"]; g.Fingerprint != "f2" || g.Attempts != 1 || g.Error != "x" || g.Seen != "2030-01-01T00:00:00Z" || g.Article != "a1" {
		t.Errorf("updated seen item = %+v", g)
	}
}

func watchlistsAlertsDeliveries(t *testing.T, s store.Store) {
	ctx := context.Background()
	w := &store.Watchlist{ID: "w1", Name: "Varga", Entities: []string{"Ilsa Varga"}, Keywords: []string{"ferry fares"}, Webhook: "https://hook.example/in", Secret: "k", Created: "2030-01-01T00:00:00Z"}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutWatchlist(ctx, w); err != nil {
			return err
		}
		if err := tx.PutWatchlist(ctx, &store.Watchlist{ID: "w2", Name: "Other", Outlets: []string{"East Ledger"}, Created: "2030-01-01T00:00:00Z"}); err != nil {
			return err
		}
		in, err := tx.Watchlists(ctx)
		if err != nil || len(in) != 2 {
			t.Errorf("Tx.Watchlists = %+v, %v", in, err)
		}
		if _, ok, err := tx.WatchedEvent(ctx, "w1", "ev1"); ok || err != nil {
			t.Errorf("WatchedEvent before any = %v, %v", ok, err)
		}
		if err := tx.PutWatchedEvent(ctx, "w1", "ev1", []string{"South", "North"}); err != nil {
			return err
		}
		if outlets, ok, err := tx.WatchedEvent(ctx, "w1", "ev1"); !ok || err != nil || !slices.Equal(outlets, []string{"North", "South"}) {
			t.Errorf("WatchedEvent = %v, %v, %v", outlets, ok, err)
		}
		for _, ev := range []string{"ev1", "ev2"} {
			a := &store.Alert{Watchlist: "w1", Event: ev, Kind: store.AlertNew, Title: "Talks on " + ev, Outlets: []string{"North"}, Matched: []string{"entity: Ilsa Varga"}, Created: "2030-01-02T00:00:00Z"}
			if err := tx.AddAlert(ctx, a, w.Webhook); err != nil {
				return err
			}
			if a.ID == 0 {
				t.Error("AddAlert gave no id")
			}
		}
		return tx.AddAlert(ctx, &store.Alert{Watchlist: "w2", Event: "ev3", Kind: store.AlertNew}, "")
	})
	got, err := s.Watchlist(ctx, "w1")
	if err != nil || got.Name != "Varga" || got.Secret != "k" || !slices.Equal(got.Entities, w.Entities) || !slices.Equal(got.Keywords, w.Keywords) || got.Webhook != w.Webhook || len(got.Places) != 0 {
		t.Fatalf("Watchlist = %+v, %v", got, err)
	}
	if _, err := s.Watchlist(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Watchlist(nope): %v", err)
	}
	alerts, err := s.Alerts(ctx, "w1", 10, 0)
	if err != nil || len(alerts) != 2 || alerts[0].Event != "ev2" || alerts[0].ID <= alerts[1].ID || alerts[0].Matched[0] != "entity: Ilsa Varga" {
		t.Fatalf("Alerts = %+v, %v; want ev2 then ev1", alerts, err)
	}
	if one, err := s.Alert(ctx, alerts[1].ID); err != nil || one.Event != "ev1" || one.Title != "Talks on ev1" {
		t.Errorf("Alert(%d) = %+v, %v", alerts[1].ID, one, err)
	}
	if _, err := s.Alert(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Alert(999): %v", err)
	}
	due, err := s.DueDeliveries(ctx, "2030-01-02T00:00:00Z", 10)
	if err != nil || len(due) != 2 || due[0].URL != w.Webhook || due[0].Status != store.DeliveryPending {
		t.Fatalf("DueDeliveries = %+v, %v", due, err)
	}
	if early, _ := s.DueDeliveries(ctx, "2030-01-01T23:59:59Z", 10); len(early) != 0 {
		t.Errorf("deliveries due before their time: %+v", early)
	}
	d := due[0]
	d.Status, d.Attempts, d.LastCode = store.DeliveryDelivered, 1, 204
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.PutDelivery(ctx, &d) })
	if due, _ := s.DueDeliveries(ctx, "2031-01-01T00:00:00Z", 10); len(due) != 1 {
		t.Errorf("after one delivered: %d due, want 1", len(due))
	}
	ds, _ := s.Deliveries(ctx, "w1", 10)
	if len(ds) != 2 || ds[0].Alert < ds[1].Alert {
		t.Errorf("Deliveries = %+v", ds)
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error { return tx.DeleteWatchlist(ctx, "w1") })
	if alerts, _ := s.Alerts(ctx, "w1", 10, 0); len(alerts) != 0 {
		t.Errorf("alerts outlive their watchlist: %+v", alerts)
	}
	if ds, _ := s.Deliveries(ctx, "w1", 10); len(ds) != 0 {
		t.Errorf("deliveries outlive their watchlist: %+v", ds)
	}
	if all, _ := s.Watchlists(ctx); len(all) != 1 || all[0].ID != "w2" {
		t.Errorf("Watchlists after delete = %+v", all)
	}
}

func eventFacts(t *testing.T, s store.Store) {
	a1 := article("a1", "North Gazette", "2030-03-02", "The harbour council opened budget talks on ferry fares.")
	a2 := article("a2", "South Courier", "2030-03-02", "Budget talks began in Portvale.")
	a3 := article("a3", "North Gazette", "2030-03-02", "Ferry fares stay.")
	for _, a := range []*storyline.Article{a1, a2, a3} {
		mustPut(t, s, a, "h")
	}
	update(t, s, func(ctx context.Context, tx store.Tx) error {
		if err := tx.SetEvent(ctx, "ev1", []string{"a1", "a2"}); err != nil {
			return err
		}
		if err := tx.SetEvent(ctx, "ev2", []string{"a3"}); err != nil {
			return err
		}
		if err := tx.SetArticleEntities(ctx, "a1", a1.Published, []string{"p-varga", "o-council"}); err != nil {
			return err
		}
		if err := tx.SetArticleEntities(ctx, "a2", a2.Published, []string{"p-varga", "l-portvale"}); err != nil {
			return err
		}
		outlets, err := tx.EventOutlets(ctx, "ev1")
		if err != nil || !slices.Equal(outlets, []string{"North Gazette", "South Courier"}) {
			t.Errorf("EventOutlets = %v, %v", outlets, err)
		}
		ents, err := tx.EventArticleEntities(ctx, "ev1")
		if err != nil || !slices.Equal(ents, []string{"l-portvale", "o-council", "p-varga"}) {
			t.Errorf("EventArticleEntities = %v, %v", ents, err)
		}
		for _, c := range []struct {
			event, q string
			want     bool
		}{{"ev1", "ferry fares", true}, {"ev1", "FERRY", true}, {"ev1", "ferry lighthouse", false}, {"ev2", "portvale", false}, {"ev1", "***", false}} {
			if got, err := tx.EventMatches(ctx, c.event, c.q); got != c.want || err != nil {
				t.Errorf("EventMatches(%s, %q) = %v, %v; want %v", c.event, c.q, got, err, c.want)
			}
		}
		return nil
	})
}

func syndicatedCopies(t *testing.T, s store.Store) {
	ctx := context.Background()
	wire := strings.Repeat("The harbour council approved the budget after a compromise on ferry fares, officials said on Tuesday. ", 4)
	mustPut(t, s, article("first", "North Gazette", "2030-03-02", wire), "h")
	mustPut(t, s, article("copy", "South Courier", "2030-03-02", "  "+strings.ToUpper(wire)+" "), "h")
	mustPut(t, s, article("short", "East Ledger", "2030-03-02", "Budget approved."), "h")
	mustPut(t, s, article("short2", "West Post", "2030-03-02", "Budget approved!"), "h")
	for _, c := range []struct{ id, want string }{{"first", ""}, {"copy", "first"}, {"short", ""}, {"short2", ""}} {
		if got, err := s.CopyOf(ctx, c.id); got != c.want || err != nil {
			t.Errorf("CopyOf(%s) = %q, %v; want %q", c.id, got, err, c.want)
		}
	}
	if _, err := s.CopyOf(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("CopyOf(nope): %v", err)
	}
}
