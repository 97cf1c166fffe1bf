package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline"
)

func TestCacheClearedByUpload(t *testing.T) {
	srv, st := newTestServer(t, fixture())
	if r := get(t, srv, "/api/search?q=walrus"); !strings.Contains(r.Body, `"items":[]`) {
		t.Fatalf("before: %s", r.Body)
	}
	// A write by another process shows only after the TTL...
	if _, err := putArticle(t.Context(), st, &storyline.Article{ID: "w1", Text: "A walrus."}); err != nil {
		t.Fatal(err)
	}
	if r := get(t, srv, "/api/search?q=walrus"); !strings.Contains(r.Body, `"items":[]`) {
		t.Fatalf("not cached: %s", r.Body)
	}
	// ...an upload through the server clears the cache at once.
	r := do(t, srv, http.MethodPost, "/api/articles", strings.NewReader(`{"id":"w2","text":"Another walrus."}`), "Content-Type", "application/json", "Authorization", "Bearer "+testToken)
	if r.Status != http.StatusCreated {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	if got, _ := ids(t, get(t, srv, "/api/search?q=walrus").Body); len(got) != 2 {
		t.Fatalf("after upload: %v", got)
	}
}

func TestCacheComputesOnce(t *testing.T) {
	var calls atomic.Int32
	c := newRespCache(time.Minute, 10)
	h := c.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("page " + r.URL.Query().Get("p")))
	}))
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/?p=1", nil))
			if rec.Body.String() != "page 1" || rec.Header().Get("Content-Type") != "text/plain" {
				t.Errorf("got %q %v", rec.Body.String(), rec.Header())
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("computed %d times", n)
	}
	// Errors are not kept.
	bad := c.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	for range 2 {
		rec := httptest.NewRecorder()
		bad.ServeHTTP(rec, httptest.NewRequest("GET", "/err", nil))
		if rec.Code != 500 {
			t.Fatalf("status %d", rec.Code)
		}
	}
	if n := calls.Load(); n != 3 {
		t.Fatalf("error answers were cached (%d calls)", n)
	}
}
