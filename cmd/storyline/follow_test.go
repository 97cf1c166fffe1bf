package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The follow commands end to end: sources added and imported, one pass,
// the status list, watchlists.
func TestFollowCommands(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Gazette</title>
<item><guid>tag:harbour,2030:1</guid><title>Budget talks open in Portvale</title><link>http://harbour.invalid/1</link><pubDate>Sat, 02 Mar 2030 09:00:00 +0000</pubDate>
<content:encoded>&lt;p&gt;PORTVALE — Mayor Ilsa Warga opened talks on the harbour budget on Monday, saying the city would not raise ferry fares this year. The council is expected to vote on the plan next week.&lt;/p&gt;</content:encoded></item>
</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Write([]byte(feed))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "s.db")
	opml := filepath.Join(dir, "subs.opml")
	os.WriteFile(opml, []byte(`<opml version="2.0"><body><outline text="Broken" xmlUrl="`+srv.URL+`/missing.xml"/></body></opml>`), 0o644)

	if code, out, errOut := run(t, "sources", "add", "--db", db, "--name", "Harbour", srv.URL+"/feed.xml"); code != exitOK || !strings.Contains(out, "/feed.xml") {
		t.Fatalf("sources add: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := run(t, "sources", "add", "--db", db, "ftp://nope.invalid/"); code != exitFailed {
		t.Errorf("sources add of an ftp URL: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "sources", "import", "--db", db, opml); code != exitOK || !strings.Contains(errOut, "1 sources imported") {
		t.Fatalf("sources import: %d %q", code, errOut)
	}
	if code, out, errOut := run(t, "watch", "add", "--db", db, "--name", "Mayor", "--entity", "Ilsa Varga"); code != exitOK || !strings.HasPrefix(out, "mayor\t") {
		t.Fatalf("watch add: %d %q %q", code, out, errOut)
	}
	if code, _, _ := run(t, "watch", "add", "--db", db, "--name", "Nothing"); code != exitFailed {
		t.Errorf("watch add without criteria: %d", code)
	}

	// One source works, the other answers 404: partial.
	code, _, errOut := run(t, "follow", "--db", db, "--once")
	if code != exitPartial || !strings.Contains(errOut, "storyline: 1 ingested, 0 unchanged, 0 updated, 0 failed") || !strings.Contains(errOut, "HTTP 404") {
		t.Fatalf("follow --once: %d\n%s", code, errOut)
	}
	code, out, _ := run(t, "sources", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "NEXT POLL") || !strings.Contains(out, "last error:") || strings.Count(out, "\n") < 4 {
		t.Errorf("sources list: %d\n%s", code, out)
	}
	code, out, _ = run(t, "watch", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, `entity "Ilsa Varga"`) || !strings.Contains(out, "New: ") {
		t.Errorf("watch list: %d\n%s", code, out)
	}
	// Nothing is due right after: nothing polled, nothing failed.
	if code, _, errOut := run(t, "follow", "--db", db, "--once"); code != exitOK || !strings.Contains(errOut, "0 sources polled") {
		t.Errorf("second follow --once: %d\n%s", code, errOut)
	}
	if code, _, _ := run(t, "watch", "remove", "--db", db, "mayor"); code != exitOK {
		t.Errorf("watch remove: %d", code)
	}
	if code, _, _ := run(t, "sources", "remove", "--db", db, srv.URL+"/feed.xml"); code != exitOK {
		t.Errorf("sources remove: %d", code)
	}
	if code, _, _ := run(t, "sources", "remove", "--db", db, "s0000000000"); code != exitPartial {
		t.Errorf("sources remove of nothing: %d", code)
	}
}
