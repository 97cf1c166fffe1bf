package server

import (
	"bufio"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/store"
)

// After any sequence of uploads, every event and story id the API ever
// returned still answers: 200, or a permanent redirect to where its
// articles went (that answers 200). Reports of a few ECB+ topics arrive
// one upload at a time in a random order, so that events form, split and
// merge as they would in a stream.
func TestIDsKeepAnsweringAfterUploads(t *testing.T) {
	dir := shareddata.Path(t, "data", "ecbplus-dev")
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(sc.Bytes(), &a) == nil && (strings.HasPrefix(a.ID, "1_") || strings.HasPrefix(a.ID, "3_") || strings.HasPrefix(a.ID, "4_")) {
			lines = append(lines, append([]byte(nil), sc.Bytes()...))
		}
	}
	if len(lines) < 30 {
		t.Fatalf("%d articles of topics 1, 3 and 4; the data set changed?", len(lines))
	}
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })

	st := openStore(t)
	srv := New(st, Options{Token: testToken, Ingest: pipelineIngest(st), Log: discard()})
	seen := map[string]string{} // path → first time seen
	for _, line := range lines {
		r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(string(line)), "Content-Type", "application/json", "Authorization", "Bearer "+testToken)
		if r.Status != http.StatusCreated {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		var evs struct {
			Items []storyline.Event `json:"items"`
		}
		if err := json.Unmarshal([]byte(get(t, srv, "/api/events?limit=200").Body), &evs); err != nil {
			t.Fatal(err)
		}
		for _, e := range evs.Items {
			seen["/api/events/"+e.ID] = "event"
			if e.Story != "" {
				seen["/api/stories/"+e.Story] = "story"
			}
		}
	}
	moved := 0
	for path := range seen {
		r := get(t, srv, path)
		if r.Status == http.StatusPermanentRedirect {
			moved++
			loc := r.Header.Get("Location")
			if loc == "" || loc == path {
				t.Errorf("%s: redirect without a new location", path)
				continue
			}
			r = get(t, srv, loc)
		}
		if r.Status != http.StatusOK {
			t.Errorf("%s: status %d %s", path, r.Status, r.Body)
		}
	}
	// The pages follow too.
	for path := range seen {
		page := strings.TrimPrefix(path, "/api")
		r := get(t, srv, page)
		if r.Status != http.StatusOK && r.Status != http.StatusMovedPermanently {
			t.Errorf("%s: status %d", page, r.Status)
		}
		// An event's page redirects to an event, a story's to a story.
		if kind := page[:strings.LastIndexByte(page, '/')+1]; r.Status == http.StatusMovedPermanently && !strings.HasPrefix(r.Header.Get("Location"), kind) {
			t.Errorf("%s: redirected to %q", page, r.Header.Get("Location"))
		}
	}
	// Events as they are now name stories as they are now: never one that
	// merged into another.
	var now struct {
		Items []storyline.Event `json:"items"`
	}
	if err := json.Unmarshal([]byte(get(t, srv, "/api/events?limit=200").Body), &now); err != nil {
		t.Fatal(err)
	}
	for _, e := range now.Items {
		if e.Story == "" {
			continue
		}
		if r := get(t, srv, "/api/stories/"+e.Story); r.Status != http.StatusOK {
			t.Errorf("event %s names story %s: status %d", e.ID, e.Story, r.Status)
		}
	}
	if len(seen) < 10 {
		t.Fatalf("only %d ids seen", len(seen))
	}
	t.Logf("%d ids seen over %d uploads, %d moved", len(seen), len(lines), moved)
}

// A merged id answers with where it went, in the API and in the pages.
func TestMergedIDRedirects(t *testing.T) {
	st := openStore(t)
	fill(t, st, fixture())
	srv := New(st, Options{Log: discard()})
	evs, _ := st.Events(t.Context(), store.Query{Limit: 2})
	if len(evs) < 2 {
		t.Fatal("fixture has fewer than two events")
	}
	from, to := evs[0].ID, evs[1].ID
	err := st.Update(t.Context(), func(tx store.Tx) error { return tx.Move(t.Context(), store.KindEvent, from, to) })
	if err != nil {
		t.Fatal(err)
	}
	var moved *store.Moved
	if _, err := st.Event(t.Context(), from); !errors.As(err, &moved) {
		t.Fatalf("Event(%s) = %v, want *store.Moved", from, err)
	}
	r := get(t, srv, "/api/events/"+from)
	if r.Status != http.StatusPermanentRedirect || r.Header.Get("Location") != "/api/events/"+to || !strings.Contains(r.Body, `"merged_into":"`+to+`"`) {
		t.Errorf("API: %d %q %s", r.Status, r.Header.Get("Location"), r.Body)
	}
	r = get(t, srv, "/events/"+from)
	if r.Status != http.StatusMovedPermanently || r.Header.Get("Location") != "/events/"+to {
		t.Errorf("page: %d %q", r.Status, r.Header.Get("Location"))
	}
}
