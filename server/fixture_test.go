package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/sqlite"
)

const testToken = "s3cret-test-token"

// fixture is an invented corpus: two stories, four events, three outlets,
// entities with aliases, quotes and cross-source facts.
func fixture() *storyline.Corpus {
	mention := func(id, name, typ, text string) storyline.Mention {
		return storyline.Mention{Entity: id, Name: name, Type: typ, Text: text}
	}
	arts := []*storyline.Article{
		{ID: "a1", URL: "https://north.example/a1", Title: "Harbour council opens budget talks", Outlet: "North Gazette", Published: "2030-03-02",
			Text:     "The harbour council opened budget talks in Portvale on Monday.\nMayor Ilsa Varga called the session constructive.",
			Entities: []storyline.Mention{mention("e-varga", "Ilsa Varga", storyline.Person, "Ilsa Varga"), mention("e-portvale", "Portvale", storyline.Place, "Portvale")},
			Quotes:   []storyline.QuoteMention{{Quote: "q1", Text: "constructive", Speaker: "e-varga", SpeakerName: "Ilsa Varga"}},
			Event:    "ev1"},
		{ID: "a2", URL: "https://south.example/a2", Title: "Portvale budget talks begin", Outlet: "South Courier", Published: "2030-03-02",
			Text:     "Budget talks began in Portvale. Mayor Ilsa Warga said the session was constructive and unhurried.",
			Entities: []storyline.Mention{mention("e-varga", "Ilsa Varga", storyline.Person, "Ilsa Warga"), mention("e-portvale", "Portvale", storyline.Place, "Portvale")},
			Quotes:   []storyline.QuoteMention{{Quote: "q1", Text: "constructive", Speaker: "e-varga", SpeakerName: "Ilsa Varga"}},
			Event:    "ev1"},
		{ID: "a3", URL: "https://north.example/a3", Title: "Budget talks stall over ferry fares", Outlet: "North Gazette", Published: "2030-03-20",
			Text:     "Talks stalled over ferry fares, the harbour council said, after a tense morning.",
			Entities: []storyline.Mention{mention("e-council", "Harbour Council", storyline.Org, "harbour council")},
			Event:    "ev2"},
		{ID: "a4", URL: "https://east.example/a4", Title: "Ferry fares dispute deepens", Outlet: "East Ledger", Published: "2030-03-21",
			Text:     "The ferry fares dispute deepened as the council met again. Ilsa Varga was absent.",
			Entities: []storyline.Mention{mention("e-council", "Harbour Council", storyline.Org, "council"), mention("e-varga", "Ilsa Varga", storyline.Person, "Ilsa Varga")},
			Event:    "ev2"},
		{ID: "a5", URL: "https://south.example/a5", Title: "Budget approved after ferry compromise", Outlet: "South Courier", Published: "2030-04-10",
			Text:     "The council approved the budget after a compromise on ferry fares, Varga said.",
			Entities: []storyline.Mention{mention("e-varga", "Ilsa Varga", storyline.Person, "Varga"), mention("e-council", "Harbour Council", storyline.Org, "council")},
			Event:    "ev3"},
		{ID: "a6", URL: "https://east.example/a6", Title: "Lighthouse restoration finished", Outlet: "East Ledger", Published: "2029-11-05",
			Text:  "Restoration of the old lighthouse finished ahead of winter storms.",
			Event: "ev4"},
	}
	return &storyline.Corpus{
		Articles: arts,
		Entities: []storyline.Entity{
			{ID: "e-varga", Name: "Ilsa Varga", Type: storyline.Person, Aliases: []string{"Ilsa Varga", "Ilsa Warga", "Varga"}, Roles: []string{"Mayor"}, Articles: []string{"a1", "a2", "a4", "a5"}},
			{ID: "e-council", Name: "Harbour Council", Type: storyline.Org, Aliases: []string{"harbour council", "council"}, Articles: []string{"a3", "a4", "a5"}},
			{ID: "e-portvale", Name: "Portvale", Type: storyline.Place, Aliases: []string{"Portvale"}, Articles: []string{"a1", "a2"}},
		},
		Quotes: []storyline.Quote{{ID: "q1", Speaker: "e-varga", SpeakerName: "Ilsa Varga", Text: "constructive", Articles: []string{"a1", "a2"}}},
		Events: []storyline.Event{
			{ID: "ev1", Title: "Budget talks open in Portvale", Date: "2030-03-02", Place: "Portvale", Summary: "The harbour council opened budget talks.", Articles: []string{"a1", "a2"}, Entities: []string{"e-varga", "e-portvale"}, Story: "s1",
				Facts: []storyline.Fact{{Kind: "start", Value: "2030-03-02", Verdict: "agree", Values: map[string]string{"a1": "2030-03-02", "a2": "2030-03-02"}, Articles: []string{"a1", "a2"}}}},
			{ID: "ev2", Title: "Talks stall over ferry fares", Date: "2030-03-20", Summary: "Talks stalled over ferry fares.", Articles: []string{"a3", "a4"}, Entities: []string{"e-council", "e-varga"}, Story: "s1"},
			{ID: "ev3", Title: "Budget approved", Date: "2030-04-10", Summary: "The budget passed.", Articles: []string{"a5"}, Entities: []string{"e-varga", "e-council"}, Story: "s1"},
			{ID: "ev4", Title: "Lighthouse restored", Date: "2029-11-05", Articles: []string{"a6"}, Story: "s2"},
		},
		Stories: []storyline.Story{
			{ID: "s1", Title: "Portvale budget", Events: []string{"ev1", "ev2", "ev3"}, Timeline: []storyline.TimelineEntry{
				{Date: "2030-02", What: "Council drafts the budget", Articles: []string{"a1"}},
				{Date: "2030-03-02", What: "Budget talks open in Portvale", Event: "ev1", Articles: []string{"a1", "a2"}},
				{Date: "2030-03-20", What: "Talks stall over ferry fares", Event: "ev2", Articles: []string{"a3", "a4"}},
				{Date: "2030-04-10", What: "Budget approved", Event: "ev3", Articles: []string{"a5"}},
				{Date: "", What: "An undated earlier round", Articles: []string{"a3"}},
			}},
			{ID: "s2", Title: "Lighthouse", Events: []string{"ev4"}},
		},
	}
}

// fill stores a corpus as it is (built by hand for the tests).
func fill(t testing.TB, st store.Store, c *storyline.Corpus) {
	t.Helper()
	if err := store.WriteCorpus(context.Background(), st, c); err != nil {
		t.Fatal(err)
	}
}

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// putArticle stores one article without analysis or linking.
func putArticle(ctx context.Context, st store.Store, a *storyline.Article) (store.PutResult, error) {
	var r store.PutResult
	err := st.Update(ctx, func(tx store.Tx) error {
		if h, err := tx.ArticleHash(ctx, a.ID); err != nil {
			return err
		} else if h == "h" {
			r = store.Unchanged
			return nil
		}
		var err error
		r, err = tx.PutArticle(ctx, a, "h", store.Raw{Format: "jsonl"}, nil)
		return err
	})
	return r, err
}

// fakeIngest stores uploaded JSON Lines without analysis: enough to see
// that the server hands the right bytes over.
func fakeIngest(st store.Store) IngestFunc {
	return func(ctx context.Context, name string, data []byte) (IngestSummary, error) {
		var sum IngestSummary
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			var u uploadArticle
			if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
				sum.Failed++
				sum.Errors = append(sum.Errors, err.Error())
				continue
			}
			if u.ID == "" {
				u.ID = fmt.Sprintf("upload-%d", sum.Ingested+sum.Unchanged)
			}
			r, err := putArticle(ctx, st, &storyline.Article{ID: u.ID, URL: u.URL, Title: u.Title, Text: u.Text + u.HTML, Outlet: u.Outlet, Published: u.Published})
			if err != nil {
				return sum, err
			}
			if r == store.Unchanged {
				sum.Unchanged++
			} else {
				sum.Ingested++
			}
		}
		return sum, nil
	}
}

func newTestServer(t testing.TB, c *storyline.Corpus) (*Server, store.Store) {
	t.Helper()
	st := openStore(t)
	if c != nil {
		fill(t, st, c)
	}
	srv := New(st, Options{Token: testToken, Ingest: fakeIngest(st), Log: discard()})
	return srv, st
}

type response struct {
	Status int
	Header http.Header
	Body   string
}

func do(t testing.TB, h http.Handler, method, path string, body io.Reader, headers ...string) response {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.String()}
}

func get(t testing.TB, h http.Handler, path string) response {
	t.Helper()
	return do(t, h, http.MethodGet, path, nil)
}

// ids extracts the ids of a list response's items.
func ids(t testing.TB, body string) ([]string, int) {
	t.Helper()
	var p struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
		NextOffset int `json:"next_offset"`
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("list response is not JSON: %v\n%s", err, body)
	}
	out := []string{}
	for _, it := range p.Items {
		out = append(out, it.ID)
	}
	return out, p.NextOffset
}

func join(s []string) string { return strings.Join(s, ",") }

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
