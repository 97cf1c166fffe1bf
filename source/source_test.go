package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// collected is what a walk delivered.
type collected struct {
	items []*Item
	errs  []*ItemError
	warns []*ItemError
}

func collect(t *testing.T, paths []string, opts Options) collected {
	t.Helper()
	var c collected
	opts.OnWarning = func(w *ItemError) { c.warns = append(c.warns, w) }
	err := Walk(context.Background(), paths, opts, func(it *Item, ie *ItemError) error {
		if (it == nil) == (ie == nil) {
			t.Errorf("exactly one of item and error must be set: %v %v", it, ie)
		}
		if it != nil {
			c.items = append(c.items, it)
		} else {
			c.errs = append(c.errs, ie)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return c
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// want describes one expected item.
type want struct {
	id, format, url, title, byline, outlet, lang, published, from, text string
}

func check(t *testing.T, got *Item, w want) {
	t.Helper()
	fields := []struct{ name, got, want string }{
		{"ID", got.ID, w.id}, {"Format", got.Format, w.format}, {"URL", got.URL, w.url},
		{"Title", got.Title, w.title}, {"Byline", got.Byline, w.byline}, {"Outlet", got.Outlet, w.outlet},
		{"Lang", got.Lang, w.lang}, {"Published", got.Published, w.published}, {"PublishedFrom", got.PublishedFrom, w.from},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s: %s = %q, want %q", got.Origin, f.name, f.got, f.want)
		}
	}
	// A page's text is extracted later (pipeline, package extract): here
	// it is in the page.
	body := got.Text
	if got.HTML != nil {
		body = string(got.HTML)
	}
	if !strings.Contains(body, w.text) {
		t.Errorf("%s: text %q does not contain %q", got.Origin, body, w.text)
	}
	if len(got.Raw) == 0 {
		t.Errorf("%s: no raw bytes", got.Origin)
	}
}

// lighthouse is the test page as read: its metadata is extracted later.
var lighthouse = want{id: "article", format: "html", text: "green and white stripes, ending a dispute"}

const lighthouseURL = "https://ledger.example/2021/04/lighthouse-stripes"

func TestFormats(t *testing.T) {
	tests := []struct {
		file string
		want []want
	}{
		{"plain.txt", []want{{id: "plain", format: "text", text: "LUMENVILLE (Storyline Wire) - The town council"}}},
		{"article.html", []want{lighthouse}},
		{"articles.jsonl", []want{
			{id: "ledger-1", format: "jsonl", url: "https://ledger.example/a", title: "Ferry timetable changes",
				outlet: "The Lumenville Ledger", lang: "en", published: "2021-05-02", from: "meta", text: "every forty minutes"},
			{id: "ledger-2", format: "jsonl", published: "2021-04-08T07:30:00Z", from: "meta", text: lighthouse.text},
		}},
		{"feed.rss", []want{
			{id: "https://courier.example/news/crane", format: "rss", url: "https://courier.example/news/crane",
				title: "Harbour crane repaired", byline: "Tamsin Brightwater", outlet: "Saltcombe Courier", lang: "en",
				published: "2021-04-09T08:00:00+01:00", from: "feed", text: "worn cable.\n\nFishing crews"},
			{id: "https://courier.example/news/library", format: "rss", url: "https://courier.example/news/library",
				title: "Library extends opening hours", outlet: "Saltcombe Courier", lang: "en",
				published: "2021-04-10T12:15:00Z", from: "feed", text: "nine in the evening on Thursdays."},
		}},
		{"feed.atom", []want{{id: "urn:example:gazette:1", format: "atom", url: "https://gazette.example/marche",
			title: "Le marché couvert rouvre", byline: "Léonie Cassard", outlet: "Gazette de Brumeval", lang: "fr",
			published: "2021-04-11T09:00:00+02:00", from: "feed", text: "rouvre samedi après six mois"}}},
		{"feed.json", []want{{id: "feed#1", format: "jsonfeed", url: "https://radio.example/1",
			title: "Bridge closed", outlet: "Brumeval Radio", published: "2021-04-12T06:00:00Z", from: "feed",
			text: "closed for inspection"}}},
	}
	for _, tt := range tests {
		src := filepath.Join("testdata", "formats", tt.file)
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		gz := filepath.Join(t.TempDir(), tt.file+".gz")
		if err := os.WriteFile(gz, gzipBytes(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{src, gz} {
			t.Run(filepath.Base(path), func(t *testing.T) {
				c := collect(t, []string{path}, Options{})
				for _, e := range c.errs {
					t.Errorf("unexpected error: %v", e)
				}
				if len(c.items) != len(tt.want) {
					t.Fatalf("got %d items, want %d", len(c.items), len(tt.want))
				}
				for i, w := range tt.want {
					check(t, c.items[i], w)
				}
			})
		}
	}
}

// warcRecord builds one WARC record.
func buildRecord(typ, uri, ctype string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d>\r\nWARC-Date: 2021-04-09T10:00:00Z\r\n", typ, len(block))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func chunked(b []byte, n int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		c := b[:min(n, len(b))]
		b = b[len(c):]
		fmt.Fprintf(&out, "%x\r\n%s\r\n", len(c), c)
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

const quayPage = `<html><head><title>Quay lights switched to LED</title></head><body><article><h1>Quay lights switched to LED</h1>
<p>All forty lamps along the Lumenville quay now use LED bulbs, the harbour office said on Friday, cutting the electricity bill by about a third.</p>
<p>The old sodium lamps will be recycled. Residents had complained for years about the orange glow over the water at night.</p>
<p>The harbour office plans to fit motion sensors next spring so that the lamps dim when the quay is empty.</p></article></body></html>`

// warcRecords are the records of the test archive: two pages among records
// that are no articles.
func warcRecords(t testing.TB) [][]byte {
	page, err := os.ReadFile(filepath.Join("testdata", "formats", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	resp := append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"),
		chunked(gzipBytes(t, page), 300)...)
	return [][]byte{
		buildRecord("warcinfo", "", "application/warc-fields", []byte("software: storyline-test\r\n")),
		buildRecord("request", lighthouseURL, "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: ledger.example\r\n\r\n")),
		buildRecord("response", lighthouseURL, "application/http; msgtype=response", resp),
		buildRecord("response", "https://ledger.example/logo.png", "application/http; msgtype=response",
			[]byte("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00")),
		buildRecord("response", "https://ledger.example/old", "application/http; msgtype=response",
			[]byte("HTTP/1.1 301 Moved Permanently\r\nLocation: https://ledger.example/new\r\n\r\n")),
		buildRecord("resource", "<https://ledger.example/2021/04/quay-lights>", "text/html", []byte(quayPage)),
	}
}

func TestWARC(t *testing.T) {
	recs := warcRecords(t)
	plain := bytes.Join(recs, nil)
	var members []byte
	for _, r := range recs {
		members = append(members, gzipBytes(t, r)...)
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"crawl.warc":            plain,
		"crawl-whole.warc.gz":   gzipBytes(t, plain),
		"crawl-members.warc.gz": members,
		"crawl-noext":           plain,
	}
	quay := want{id: "https://ledger.example/2021/04/quay-lights", format: "warc", url: "https://ledger.example/2021/04/quay-lights",
		text: "cutting the electricity bill"}
	lh := lighthouse
	lh.id, lh.url, lh.format = lighthouseURL, lighthouseURL, "warc"
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			c := collect(t, []string{path}, Options{})
			for _, e := range c.errs {
				t.Errorf("unexpected error: %v", e)
			}
			if len(c.items) != 2 {
				t.Fatalf("got %d items, want 2", len(c.items))
			}
			check(t, c.items[0], lh)
			check(t, c.items[1], quay)
			if got := c.items[1].Origin; got != path+": record 6" {
				t.Errorf("origin %q", got)
			}
		})
	}

	t.Run("truncated", func(t *testing.T) {
		for name, data := range map[string][]byte{
			"cut.warc":    plain[:len(plain)-200],
			"cut.warc.gz": members[:len(members)-100],
		} {
			c := readAll(t, name, data, Options{})
			if len(c.items) != 1 || len(c.errs) != 1 {
				t.Fatalf("%s: got %d items and %d errors, want 1 and 1: %v", name, len(c.items), len(c.errs), c.errs)
			}
			if !strings.Contains(c.errs[0].Error(), "record 6") {
				t.Errorf("%s: error %q does not name record 6", name, c.errs[0])
			}
		}
	})

	t.Run("record over the limit", func(t *testing.T) {
		c := readAll(t, "big.warc", plain, Options{MaxBytes: 1000})
		if len(c.items) != 1 || len(c.errs) != 1 || !strings.Contains(c.errs[0].Error(), "record 3: ") || !strings.Contains(c.errs[0].Error(), "limit") {
			t.Fatalf("got %d items, errors %v", len(c.items), c.errs)
		}
	})

	t.Run("junk between records", func(t *testing.T) {
		// Damage the reader gets past is a warning: the run succeeds.
		junk := bytes.Join([][]byte{recs[0], []byte("garbage line\r\n"), recs[5], recs[5]}, nil)
		c := readAll(t, "junk.warc", junk, Options{})
		if len(c.items) != 1 || len(c.errs) != 0 || len(c.warns) != 2 {
			t.Fatalf("got %d items, errors %v, warnings %v; want 1 item, no error, 2 warnings", len(c.items), c.errs, c.warns)
		}
		if c.warns[0].Error() != "junk.warc: record 2: skipped 12 bytes of junk before the record" ||
			c.warns[1].Error() != "junk.warc: record 3: repeats junk.warc: record 2 (same id and content); read once" {
			t.Errorf("warnings %v", c.warns)
		}
	})

	t.Run("record cut short before another", func(t *testing.T) {
		cut := bytes.Join([][]byte{recs[2][:200], recs[5]}, []byte("\r\n"))
		c := readAll(t, "cut.warc", cut, Options{})
		if len(c.items) != 1 || len(c.errs) != 0 || len(c.warns) != 1 || !strings.Contains(c.warns[0].Error(), "of junk before the record") {
			t.Fatalf("got %d items, errors %v, warnings %v", len(c.items), c.errs, c.warns)
		}
	})
}

func readAll(t *testing.T, name string, data []byte, opts Options) collected {
	t.Helper()
	var c collected
	opts.OnWarning = func(w *ItemError) { c.warns = append(c.warns, w) }
	err := ReadBytes(context.Background(), name, data, opts, func(it *Item, ie *ItemError) error {
		if it != nil {
			c.items = append(c.items, it)
		} else {
			c.errs = append(c.errs, ie)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDetect checks that content wins over the extension.
func TestDetect(t *testing.T) {
	c := collect(t, []string{filepath.Join("testdata", "detect")}, Options{})
	for _, e := range c.errs {
		t.Errorf("unexpected error: %v", e)
	}
	got := map[string]string{}
	for _, it := range c.items {
		got[it.ID] = it.Format
	}
	want := map[string]string{
		"really-html":                          "html",
		"https://courier.example/news/crane":   "rss",
		"https://courier.example/news/library": "rss",
		"note":                                 "text",
	}
	for id, f := range want {
		if got[id] != f {
			t.Errorf("%s: format %q, want %q", id, got[id], f)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	c := collect(t, []string{dir}, Options{})
	var ids []string
	for _, it := range c.items {
		ids = append(ids, it.ID)
	}
	// A page without an article is read (extraction fails it later); a
	// Latin-1 text that declares nothing is read with a warning.
	if strings.Join(ids, " ") != "broken good invalid ok-1" {
		t.Errorf("items %v, want broken, good, invalid and ok-1", ids)
	}
	if len(c.warns) != 1 || !strings.Contains(c.warns[0].Error(), "invalid.txt: no usable charset declared; read as windows-1252") {
		t.Errorf("warnings %v", c.warns)
	}
	if got := c.items[2].Text; !strings.HasPrefix(got, "Café in Latin-1") {
		t.Errorf("Latin-1 text read as %q", got)
	}
	wantErrs := []string{
		filepath.Join(dir, "binary.txt") + ": binary file",
		filepath.Join(dir, "empty.txt") + ": empty file",
		filepath.Join(dir, "mixed.jsonl") + ":line 2: invalid JSON: ",
	}
	if len(c.errs) != len(wantErrs) {
		t.Errorf("got %d errors, want %d: %v", len(c.errs), len(wantErrs), c.errs)
	}
	for i, w := range wantErrs {
		if i < len(c.errs) && !strings.HasPrefix(c.errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, c.errs[i], w)
		}
	}

	// The same bad inputs, gzipped, fail the same way.
	gzDir := t.TempDir()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if len(b) == 0 {
			continue // gzip of nothing is not an empty file on disk
		}
		os.WriteFile(filepath.Join(gzDir, e.Name()+".gz"), gzipBytes(t, b), 0o644)
	}
	cz := collect(t, []string{gzDir}, Options{})
	if len(cz.items) != 4 || len(cz.errs) != 2 {
		t.Errorf("gzipped: %d items and errors %v, want 4 and 2", len(cz.items), cz.errs)
	}
}

func TestLimitsAndOddInputs(t *testing.T) {
	page, _ := os.ReadFile(filepath.Join("testdata", "formats", "article.html"))
	tests := []struct {
		name    string
		data    []byte
		opts    Options
		items   int
		wantErr string
	}{
		{"big.html", page, Options{MaxBytes: 100}, 0, "big.html: file is 1612 bytes, over the 100 bytes limit (--max-bytes)"},
		{"big.html.gz", gzipBytes(t, bytes.Repeat([]byte("<p>a</p>"), 2000)), Options{MaxBytes: 1000}, 0, "over the 1000 bytes limit once decompressed"},
		{"bomb.txt", bytes.Repeat([]byte("word "), 3<<20), Options{}, 0, "over the 10 MB limit"},
		{"x.gz", []byte{0x1f, 0x8b, 0x08, 0, 0, 0}, Options{}, 0, "x.gz: "},
		{"cut.html.gz", gzipBytes(t, page)[:400], Options{}, 0, "cut.html.gz: reading: unexpected EOF"},
		{"spaces.txt", []byte("  \n\t \n"), Options{}, 0, "spaces.txt: empty file"},
		{"latin1.html", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 au lait on the quay, served every morning to the ferry crews before the first crossing of the day.</p></body></html>"), Options{}, 1, ""},
		{"long.jsonl", []byte(`{"text":"` + strings.Repeat("a", 200) + `"}` + "\n" + `{"text":"short"}`), Options{MaxBytes: 100}, 1, "long.jsonl:line 1: line is over the 100 bytes limit"},
		{"nobody.jsonl", []byte(`{"id":"x","title":"no body"}`), Options{}, 0, `nobody.jsonl:line 1: neither "text" nor "html"`},
		{"baddate.jsonl", []byte(`{"id":"x","text":"t","published":"yesterday"}`), Options{}, 0, "published"},
		{"noid.jsonl", []byte("\n" + `{"text":"t"}`), Options{}, 1, ""},
		{"empty.rss", []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`), Options{}, 0, "feed has no items"},
		{"broken.rss", []byte(`<rss version="2.0"><channel><title>x</title><item><title>a</ti`), Options{}, 0, "broken.rss"},
		{"utf16.txt", []byte("\xff\xfeh\x00i\x00"), Options{}, 1, ""},
		{"utf16be.txt", []byte("\xfe\xff\x00h\x00i"), Options{}, 1, ""},
		{"nul.txt", []byte("h\x00i\x00"), Options{}, 0, "binary file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := readAll(t, tt.name, tt.data, tt.opts)
			if len(c.items) != tt.items {
				t.Errorf("got %d items, want %d (errors %v)", len(c.items), tt.items, c.errs)
			}
			if tt.wantErr == "" {
				for _, e := range c.errs {
					t.Errorf("unexpected error %v", e)
				}
				return
			}
			if len(c.errs) != 1 || !strings.Contains(c.errs[0].Error(), tt.wantErr) {
				t.Errorf("errors %v, want one containing %q", c.errs, tt.wantErr)
			}
		})
	}
}

func TestWalkStopsOnlyWhenAsked(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{"testdata"}, Options{}, func(*Item, *ItemError) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Walk = %v after %d calls, want stop after 3", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{"testdata"}, Options{}, func(*Item, *ItemError) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk = %v after %d calls, want context.Canceled after 1", err, n)
	}

	c := collect(t, []string{filepath.Join("testdata", "missing")}, Options{})
	if len(c.errs) != 1 {
		t.Errorf("missing path: errors %v", c.errs)
	}
}

func TestFileID(t *testing.T) {
	for name, want := range map[string]string{
		"000_81b8266bd6d8daf7.txt": "000_81b8266bd6d8daf7",
		"X.html.gz":                "X",
		"dir/a.warc.gz":            "a",
		"report.2021-09-30.txt":    "report.2021-09-30",
		"noext":                    "noext",
		".hidden":                  ".hidden",
	} {
		if got := fileID(name); got != want {
			t.Errorf("fileID(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2021-09-30":                "2021-09-30",
		"2021-09-30T08:00:00Z":      "2021-09-30T08:00:00Z",
		"2021-09-30T08:00:00+02:00": "2021-09-30T08:00:00+02:00",
		"2021-09-30T08:00:00":       "2021-09-30",
		"30 September 2021":         "",
		"":                          "",
	} {
		if got := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONDocuments(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		ids   []string
		nerrs int
	}{
		{"array.json", `[{"id":"a","text":"one"}, {"id":"b","text":"two"}]`, []string{"a", "b"}, 0},
		{"pretty.json", "{\n  \"id\": \"a\",\n  \"text\": \"one\"\n}\n{\n  \"id\": \"b\",\n  \"text\": \"two\"\n}\n", []string{"a", "b"}, 0},
		{"bad-item.json", `[{"id":"a","text":"one"}, {"id":"b"}, {"id":"c","text":"three"}]`, []string{"a", "c"}, 1},
		{"broken.json", `[{"id":"a","text":"one"}, {"id":"b","te`, []string{"a"}, 1},
		{"array-noext", "\n  [{\"id\":\"a\",\"text\":\"one\"}]", []string{"a"}, 0},
	}
	for _, tt := range tests {
		c := readAll(t, tt.name, []byte(tt.data), Options{})
		var ids []string
		for _, it := range c.items {
			ids = append(ids, it.ID)
		}
		if strings.Join(ids, " ") != strings.Join(tt.ids, " ") || len(c.errs) != tt.nerrs {
			t.Errorf("%s: items %v errors %v, want %v and %d errors", tt.name, ids, c.errs, tt.ids, tt.nerrs)
		}
	}
}

func TestWARCCharset(t *testing.T) {
	page := []byte("<html><body><article><p>Caf\xe9 au lait is served on the quay every morning to the crews of the first ferry, the harbour office said.</p></article></body></html>")
	resp := append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n"), page...)
	c := readAll(t, "latin1.warc", buildRecord("response", "https://ledger.example/cafe", "application/http; msgtype=response", resp), Options{})
	if len(c.items) != 1 || !strings.Contains(string(c.items[0].HTML), "Café au lait") || len(c.warns) != 0 {
		t.Errorf("items %v errors %v warnings %v", c.items, c.errs, c.warns)
	}
}
