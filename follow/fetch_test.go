package follow

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"
)

// Requests to one host start at least the host interval apart, and no
// more than the host's concurrency are in flight.
func TestHostSpacingAndConcurrency(t *testing.T) {
	h := &host{sem: make(chan struct{}, 2), delay: 40 * time.Millisecond}
	u, _ := url.Parse("http://a.test/")
	var mu sync.Mutex
	var starts []time.Time
	inFlight, most := 0, 0
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := h.acquire(context.Background(), u, time.Minute)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			starts = append(starts, time.Now())
			inFlight++
			most = max(most, inFlight)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			mu.Lock()
			inFlight--
			mu.Unlock()
			release()
		}()
	}
	wg.Wait()
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 40*time.Millisecond {
			t.Errorf("requests %d and %d started %s apart, want at least 40 ms", i-1, i, gap)
		}
	}
	if most > 2 {
		t.Errorf("%d requests in flight at once, want at most 2", most)
	}
	// A host that asked to be left alone longer than we wait fails fast.
	h.holdOff(time.Hour)
	var later *RetryLaterError
	if _, err := h.acquire(context.Background(), u, time.Minute); !errors.As(err, &later) || later.After < 59*time.Minute {
		t.Errorf("acquire on a held-off host: %v", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2030, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		v    string
		want time.Duration
	}{
		{"120", 2 * time.Minute},
		{"0", 0},
		{"-5", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"soon", 0},
		{"", 0},
	} {
		if got := parseRetryAfter(c.v, now); got != c.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", c.v, got, c.want)
		}
	}
}

func TestPermanent(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&StatusError{Code: 404}, true},
		{&StatusError{Code: 410}, true},
		{&StatusError{Code: 429}, false},
		{&StatusError{Code: 408}, false},
		{&StatusError{Code: 502}, false},
		{ErrDisallowed, true},
		{ErrTooLarge, true},
		{ErrRedirectLoop, true},
		{ErrRobotsUnreachable, false},
		{context.DeadlineExceeded, false},
	} {
		if got := Permanent(c.err); got != c.want {
			t.Errorf("Permanent(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// An unreachable robots.txt closes its host; a missing one opens it.
func TestRobotsUnreachable(t *testing.T) {
	w := newWeb(t)
	w.host("down.test").HandleFunc("/robots.txt", func(rw http.ResponseWriter, r *http.Request) {
		http.Error(rw, "oops", http.StatusInternalServerError)
	})
	w.host("down.test").HandleFunc("/a", func(rw http.ResponseWriter, r *http.Request) { rw.Write([]byte("a")) })
	w.host("open.test").HandleFunc("/a", func(rw http.ResponseWriter, r *http.Request) { rw.Write([]byte("a")) })
	f := NewFetcher(FetchOptions{Transport: w.transport(), HostInterval: -1, Retries: -1})
	if _, err := f.Get(context.Background(), Request{URL: "http://down.test/a"}); !errors.Is(err, ErrRobotsUnreachable) {
		t.Errorf("down host: %v", err)
	}
	if w.count("down.test", "/a") != 0 {
		t.Error("a page was fetched from a host whose robots.txt is unreachable")
	}
	resp, err := f.Get(context.Background(), Request{URL: "http://open.test/a"})
	if err != nil || string(resp.Body) != "a" {
		t.Errorf("open host: %v", err)
	}
}
