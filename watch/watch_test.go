package watch

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

func ingest(t *testing.T, p *pipeline.Pipeline, items ...*source.Item) {
	t.Helper()
	sum, err := p.IngestItems(context.Background(), func(ctx context.Context, emit func(*source.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}, pipeline.Options{})
	if err != nil || sum.Failed > 0 || sum.Ingested != len(items) {
		t.Fatalf("ingest: %v, %v", sum, err)
	}
}

func article(id, outlet, text string) *source.Item {
	return &source.Item{ID: id, Outlet: outlet, Published: "2030-03-02", Text: text, Format: "text", Origin: id}
}

// receiver is a local webhook endpoint that fails its first request.
type receiver struct {
	mu     sync.Mutex
	bodies [][]byte
	sigs   []string
	ids    []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.bodies = append(rc.bodies, body)
	rc.sigs = append(rc.sigs, r.Header.Get(SignatureHeader))
	rc.ids = append(rc.ids, r.Header.Get(DeliveryHeader))
	if len(rc.bodies) == 1 {
		http.Error(w, "not yet", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// A watchlist on a person under one spelling gets exactly one alert when
// articles naming the person under another spelling form a new event,
// on its Atom feed and on its webhook (signed, retried), and none for an
// unrelated event.
func TestOneAlertForANewEventUnderAnotherSpelling(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := pipeline.New(st, nil)
	p.AfterSettle(Hook(st, link.PendingChanged))

	rc := &receiver{}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	const secret = "harbour-secret"
	now := time.Date(2030, 3, 2, 12, 0, 0, 0, time.UTC)
	wl, err := NewWatchlist(Spec{Name: "Mayor Varga", Entities: []string{"Ilsa Varga"}, Webhook: hook.URL + "/in", Secret: secret}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := Add(ctx, st, wl); err != nil {
		t.Fatal(err)
	}
	other, _ := NewWatchlist(Spec{Name: "Ferries", Keywords: []string{"ferry fares"}}, now)
	if err := Add(ctx, st, other); err != nil {
		t.Fatal(err)
	}

	// An unrelated event first.
	ingest(t, p,
		article("light-1", "East Ledger", "KETTLEBY — Restoration of the old Kettleby lighthouse finished on Saturday, ahead of the winter storms. Engineer Ana Fjord said the lamp would be lit again next month after thirty years of darkness."),
		article("light-2", "West Post", "KETTLEBY — The old Kettleby lighthouse has been restored, engineer Ana Fjord said on Saturday. The lamp is to shine again next month, thirty years after it went dark, before the winter storms."),
	)
	if alerts, _ := st.Alerts(ctx, wl.ID, 10, 0); len(alerts) != 0 {
		t.Fatalf("alerts for an unrelated event: %+v", alerts)
	}

	// Articles naming the mayor as "Ilsa Warga" form a new event.
	ingest(t, p,
		article("harbour-1", "North Gazette", "PORTVALE — Mayor Ilsa Warga opened talks on the harbour budget on Monday, saying the city would not raise ferry fares this year. \"We will keep the ferries affordable,\" Warga told reporters at the town hall. The council is expected to vote on the harbour plan next week."),
		article("harbour-2", "South Courier", "PORTVALE — Harbour budget talks opened on Monday in Portvale, where Mayor Ilsa Warga promised that ferry fares would not rise this year. \"We will keep the ferries affordable,\" Warga said at the town hall. A council vote on the harbour plan is due next week."),
		article("harbour-3", "North Gazette", "PORTVALE — Mayor Ilsa Warga told the town hall on Monday that ferry fares would stay the same this year as harbour budget talks opened. The council votes on the harbour plan next week, Warga said."),
	)
	alerts, err := st.Alerts(ctx, wl.ID, 10, 0)
	if err != nil || len(alerts) != 1 {
		t.Fatalf("alerts = %+v, %v; want exactly one", alerts, err)
	}
	a := alerts[0]
	ev, err := st.Event(ctx, a.Event)
	if err != nil || a.Kind != store.AlertNew || !strings.HasPrefix(ev.Articles[0], "harbour-") {
		t.Fatalf("alert %+v for event %+v, %v", a, ev, err)
	}
	if len(a.Matched) != 1 || !strings.Contains(a.Matched[0], "Warga") || strings.Join(a.Outlets, ",") != "North Gazette,South Courier" {
		t.Errorf("alert says matched %v, outlets %v", a.Matched, a.Outlets)
	}
	if ferry, _ := st.Alerts(ctx, other.ID, 10, 0); len(ferry) != 1 || ferry[0].Event != a.Event {
		t.Errorf("keyword watchlist alerts = %+v", ferry)
	}

	// Nothing new: nothing more, and the queue is empty.
	if n, err := Pass(ctx, st, link.PendingChanged); n != 0 || err != nil {
		t.Errorf("a second pass filed %d alerts, %v", n, err)
	}
	st.Update(ctx, func(tx store.Tx) error {
		if left, _ := tx.Pending(ctx, link.PendingChanged, 10); len(left) != 0 {
			t.Errorf("changed events left waiting: %v", left)
		}
		return nil
	})

	// Atom.
	var buf strings.Builder
	if err := WriteAtom(&buf, *wl, alerts, "http://127.0.0.1:8080"); err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Entries []struct {
			ID    string `xml:"id"`
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(buf.String()), &feed); err != nil {
		t.Fatalf("the Atom feed does not parse: %v", err)
	}
	if len(feed.Entries) != 1 || !strings.HasPrefix(feed.Entries[0].Title, "New: ") || feed.Entries[0].Link.Href != "http://127.0.0.1:8080/events/"+a.Event {
		t.Errorf("Atom entries = %+v", feed.Entries)
	}

	// The webhook: the receiver fails once, the retry waits its backoff.
	clock := now
	d := NewDeliverer(st, DeliverOptions{Backoff: time.Minute, Now: func() time.Time { return clock }, BaseURL: "http://127.0.0.1:8080"})
	if ok, failed, err := d.Flush(ctx); ok != 0 || failed != 1 || err != nil {
		t.Fatalf("first flush: %d delivered, %d failed, %v", ok, failed, err)
	}
	if ok, failed, _ := d.Flush(ctx); ok+failed != 0 {
		t.Errorf("a delivery retried before its backoff")
	}
	clock = clock.Add(2 * time.Minute)
	if ok, failed, err := d.Flush(ctx); ok != 1 || failed != 0 || err != nil {
		t.Fatalf("retry: %d delivered, %d failed, %v", ok, failed, err)
	}
	if ok, failed, _ := d.Flush(ctx); ok+failed != 0 {
		t.Errorf("a delivered alert was sent again")
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bodies) != 2 || rc.ids[0] != rc.ids[1] || string(rc.bodies[0]) != string(rc.bodies[1]) {
		t.Fatalf("receiver got %d posts (ids %v); want the same alert twice", len(rc.bodies), rc.ids)
	}
	if !Verify(secret, rc.bodies[1], rc.sigs[1]) || Verify("wrong", rc.bodies[1], rc.sigs[1]) {
		t.Errorf("signature %q does not verify", rc.sigs[1])
	}
	var got Payload
	if err := json.Unmarshal(rc.bodies[1], &got); err != nil || got.Alert.Event != a.Event || got.Watchlist.ID != wl.ID || got.EventURL == "" {
		t.Errorf("payload = %+v, %v", got, err)
	}
	ds, _ := st.Deliveries(ctx, wl.ID, 10)
	if len(ds) != 1 || ds[0].Status != store.DeliveryDelivered || ds[0].Attempts != 2 || ds[0].LastCode != http.StatusNoContent {
		t.Errorf("delivery record = %+v", ds)
	}

	// A new outlet joining the watched event is told once.
	ingest(t, p, article("harbour-4", "East Ledger", "PORTVALE — Ferry fares will not rise this year, Mayor Ilsa Warga said on Monday as harbour budget talks opened at the Portvale town hall. The council votes on the harbour plan next week, Warga added."))
	alerts, _ = st.Alerts(ctx, wl.ID, 10, 0)
	if len(alerts) != 2 || alerts[0].Kind != store.AlertOutlets || strings.Join(alerts[0].Outlets, ",") != "East Ledger" {
		t.Errorf("after a new outlet: %+v", alerts)
	}
}

func TestMatchRules(t *testing.T) {
	varga := storyline.Entity{Name: "Ilsa Warga", Type: storyline.Person, Aliases: []string{"Ilsa Warga", "Warga"}}
	for _, c := range []struct {
		name string
		want bool
	}{{"Ilsa Varga", true}, {"ilsa  warga", true}, {"Warga", true}, {"Ilsa Vargas Llosa", false}, {"", false}, {"Portvale", false}} {
		if got := SameName(varga, c.name); got != c.want {
			t.Errorf("SameName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		text, q string
		want    bool
	}{{"Ferry fares stay the same", "ferry fares", true}, {"Ferry fares", "FARES, ferry!", true}, {"Ferry prices", "ferry fares", false}, {"anything", "...", false}} {
		if got := containsWords(c.text, c.q); got != c.want {
			t.Errorf("containsWords(%q, %q) = %v, want %v", c.text, c.q, got, c.want)
		}
	}
}

func TestNewWatchlist(t *testing.T) {
	now := time.Date(2030, 3, 2, 0, 0, 0, 0, time.UTC)
	w, err := NewWatchlist(Spec{Name: " Ferries ", Keywords: []string{" ferry fares ", ""}, Outlets: []string{"North Gazette"}}, now)
	if err != nil || w.Name != "Ferries" || len(w.Keywords) != 1 || w.Keywords[0] != "ferry fares" || len(w.Entities) != 0 {
		t.Errorf("NewWatchlist = %+v, %v", w, err)
	}
	for _, spec := range []Spec{
		{Name: "", Keywords: []string{"x"}},
		{Name: "nothing to watch"},
		{Name: "w", Keywords: []string{"!!!"}},
		{Name: "w", Keywords: []string{"x"}, Webhook: "ftp://hook.example/"},
		{Name: "w", Keywords: []string{"x"}, Webhook: "https://hook.example/"},
		{Name: "w", Keywords: []string{"x"}, Secret: "s"},
	} {
		if _, err := NewWatchlist(spec, now); err == nil {
			t.Errorf("NewWatchlist(%+v) accepted", spec)
		}
	}
	for _, c := range []struct{ in, want string }{{"Mayor Varga", "mayor-varga"}, {"Éva Szőke!", "eva-szoke"}, {"東京", "watchlist"}} {
		if got := slug(c.in); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
