package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
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

// readBefore is a store whose named stories and articles were read before
// a merge the rest of it already shows: what a page meets when a settling
// step commits between two of its reads.
type readBefore struct {
	store.Store
	stories  map[string]*storyline.Story
	articles map[string]*storyline.Article
}

func (r readBefore) Story(ctx context.Context, id string) (*storyline.Story, error) {
	if s, ok := r.stories[id]; ok {
		c := *s
		return &c, nil
	}
	return r.Store.Story(ctx, id)
}

func (r readBefore) Article(ctx context.Context, id string) (*storyline.Article, error) {
	if a, ok := r.articles[id]; ok {
		c := *a
		return &c, nil
	}
	return r.Store.Article(ctx, id)
}

// A page that meets an event merged away since it read what names it
// shows the event it went into, once, and answers for itself: before, the
// story page redirected to the event's new id as if the story had moved,
// a 404 (seen in the load test at a million articles, where settling
// merges events while long stories are read).
func TestPagesFollowWhatMergedWhileTheyRead(t *testing.T) {
	ctx := t.Context()
	st := openStore(t)
	fill(t, st, fixture())
	story, err := st.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	article, err := st.Article(ctx, "a3")
	if err != nil {
		t.Fatal(err)
	}
	if article.Event != "ev2" || !slices.Contains(story.Events, "ev2") {
		t.Fatalf("fixture: a3 in %q, s1 holds %v; want ev2 in both", article.Event, story.Events)
	}
	if err := st.Update(ctx, func(tx store.Tx) error { return tx.Move(ctx, store.KindEvent, "ev2", "ev1") }); err != nil {
		t.Fatal(err)
	}
	srv := New(readBefore{Store: st, stories: map[string]*storyline.Story{"s1": story}, articles: map[string]*storyline.Article{"a3": article}}, Options{Log: discard()})

	r := get(t, srv, "/stories/s1")
	// (Its timeline, written before the merge, still links ev2, which
	// redirects.)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `href="/events/ev1">Budget talks`) {
		t.Errorf("story page: %d %q, want 200 showing ev1 for ev2", r.Status, r.Header.Get("Location"))
	}
	r = get(t, srv, "/api/stories/s1")
	var got struct {
		Details []storyline.Event `json:"event_details"`
	}
	if err := json.Unmarshal([]byte(r.Body), &got); r.Status != http.StatusOK || err != nil {
		t.Fatalf("story API: %d %v %s", r.Status, err, r.Body)
	}
	var ids []string
	for _, e := range got.Details {
		ids = append(ids, e.ID)
	}
	if want := []string{"ev1", "ev3"}; !slices.Equal(ids, want) {
		t.Errorf("story API events %v, want %v", ids, want)
	}
	r = get(t, srv, "/articles/a3")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `href="/events/ev1"`) {
		t.Errorf("article page: %d %q, want 200 linking its event's new id ev1", r.Status, r.Header.Get("Location"))
	}
}
