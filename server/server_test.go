package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestGracefulShutdown cancels the serving context while a request is in
// flight: the request must complete and Serve must return cleanly.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, discard()) }()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- string(b)
	}()
	<-started
	cancel()
	// New connections are refused once shutdown has begun.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 100*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections after cancel")
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(release)
	if b := <-got; b != "done" {
		t.Fatalf("in-flight request: %q", b)
	}
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	if err := ListenAndServe(context.Background(), "256.0.0.1:http", http.NotFoundHandler(), discard()); err == nil {
		t.Fatal("no error for a bad address")
	}
}

func TestPanicIsRecovered(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	srv.mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	if r := get(t, srv, "/boom"); r.Status != http.StatusInternalServerError {
		t.Fatalf("status %d", r.Status)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	for _, path := range []string{"/api/stories", "/api/articles/a1", "/stories/s1"} {
		r := do(t, srv, http.MethodDelete, path, nil)
		if r.Status != http.StatusMethodNotAllowed || r.Header.Get("Allow") == "" {
			t.Errorf("DELETE %s: %d, Allow %q", path, r.Status, r.Header.Get("Allow"))
		}
	}
}
