package server

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A search that holds no word (only a quote, an operator, an emoji, an
// invisible character) finds nothing; it is no server error.
func TestSearchWithoutWords(t *testing.T) {
	srv, _ := newTestServer(t, fixture())
	for _, q := range []string{`"`, `*`, `(`, `NEAR(`, "👍", "\u200b", `" OR "`, "-"} {
		for _, path := range []string{"/api/articles", "/api/events", "/api/stories", "/api/search", "/api/quotes", "/search"} {
			r := get(t, srv, path+"?q="+url.QueryEscape(q))
			if r.Status != http.StatusOK {
				t.Errorf("%s?q=%q: status %d: %s", path, q, r.Status, r.Body)
				continue
			}
			if strings.HasPrefix(path, "/api/") && path != "/api/search" && path != "/api/quotes" {
				if got, _ := ids(t, r.Body); len(got) != 0 {
					t.Errorf("%s?q=%q: items %v, want none", path, q, got)
				}
			}
		}
	}
}

// A request body that trickles in slower than the server's read timeout is
// answered 408, not 500.
func TestSlowBody(t *testing.T) {
	srv, _ := newTestServer(t, nil)
	ts := httptest.NewUnstartedServer(srv)
	ts.Config.ReadTimeout = 300 * time.Millisecond
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":", testToken)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Errorf("status %d, want 408", resp.StatusCode)
	}
}

// A page dated in the evening west of Greenwich shows the publisher's day.
func TestDayLabelKeepsOffset(t *testing.T) {
	for v, want := range map[string]string{
		"2023-11-08T17:49:09-08:00": "8 Nov 2023 17:49 -08:00",
		"2023-11-09T01:49:09Z":      "9 Nov 2023 01:49 UTC",
		"2023-11-08":                "8 Nov 2023",
		"":                          "undated",
	} {
		if got := dayLabel(v); got != want {
			t.Errorf("dayLabel(%q) = %q, want %q", v, got, want)
		}
	}
}
