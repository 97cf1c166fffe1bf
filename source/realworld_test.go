package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// The inputs below are invented, each standing for a kind of real input
// that other tools read and Storyline used to reject.

func encodeAs(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	russianFeed = `<?xml version="1.0" encoding="%s"?>
<rss version="2.0"><channel><title>Речной вестник</title><language>ru</language>
<item><title>Мост откроют в пятницу</title><link>https://vestnik.example/most</link>
<description>Новый мост через реку откроют в пятницу, сообщили в администрации города.</description></item>
</channel></rss>`
	japaneseFeed = `<?xml version="1.0" encoding="%s"?>
<rss version="2.0"><channel><title>港町新聞</title>
<item><title>灯台が点灯</title><link>https://minato.example/toudai</link>
<description>港の新しい灯台は金曜日に点灯されると市役所が発表した。</description></item>
</channel></rss>`
)

func TestEncodings(t *testing.T) {
	utf16Feed := `<?xml version="1.0" encoding="UTF-16"?>
<rss version="2.0"><channel><title>Quay News</title>
<item><title>Café reopens</title><link>https://quay.example/cafe</link><description>The quay café reopens on Monday after repairs.</description></item>
</channel></rss>`
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name  string
		data  []byte
		title string // the first item's title, for feeds
		text  string // in the first item's text or page
		warn  string // in the one warning expected, "" for none
	}{
		{"stray.html", []byte("<html><head><meta charset=\"utf-8\"></head><body><p>Über den Kai — the caf\xe9 owners say the cr\xe8me is fine, d\xe9j\xe0 vu.</p></body></html>"),
			"", "café owners say the crème is fine, déjà vu", "repaired 4 invalid utf-8 bytes"},
		{"latin1.html", encodeAs(t, charmap.ISO8859_1, "<html><body><p>Le café du port ouvre à six heures; les marins y prennent leur thé avant la première traversée.</p></body></html>"),
			"", "Le café du port ouvre à six heures", "no usable charset declared; read as windows-1252"},
		{"cp1251.rss", encodeAs(t, charmap.Windows1251, fmt.Sprintf(russianFeed, "windows-1251")), "Мост откроют в пятницу", "Новый мост через реку", ""},
		{"cp1251.rss.gz", gzipBytes(t, encodeAs(t, charmap.Windows1251, fmt.Sprintf(russianFeed, "windows-1251"))), "Мост откроют в пятницу", "Новый мост через реку", ""},
		{"koi8.rss", encodeAs(t, charmap.KOI8R, fmt.Sprintf(russianFeed, "KOI8-R")), "Мост откроют в пятницу", "Новый мост через реку", ""},
		{"sjis.rss", encodeAs(t, japanese.ShiftJIS, fmt.Sprintf(japaneseFeed, "Shift_JIS")), "灯台が点灯", "港の新しい灯台", ""},
		{"eucjp.rss", encodeAs(t, japanese.EUCJP, fmt.Sprintf(japaneseFeed, "EUC-JP")), "灯台が点灯", "港の新しい灯台", ""},
		{"utf16-bom.rss", append([]byte("\xff\xfe"), encodeAs(t, le, utf16Feed)...), "Café reopens", "quay café reopens", ""},
		{"utf16be-bom.rss", append([]byte("\xfe\xff"), encodeAs(t, be, utf16Feed)...), "Café reopens", "quay café reopens", ""},
		{"utf16-nobom.xml", encodeAs(t, le, utf16Feed), "Café reopens", "quay café reopens", ""},
		{"latin1.jsonl", []byte("{\"id\":\"j\",\"text\":\"Caf\xe9 au lait on the quay.\"}\n"), "", "Café au lait on the quay.", "repaired 1 invalid utf-8 byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := readAll(t, tt.name, tt.data, Options{})
			if len(c.errs) > 0 || len(c.items) != 1 {
				t.Fatalf("got %d items, errors %v", len(c.items), c.errs)
			}
			it := c.items[0]
			body := it.Text + string(it.HTML)
			if !strings.Contains(body, tt.text) {
				t.Errorf("text %q does not hold %q", body, tt.text)
			}
			if it.Title != tt.title {
				t.Errorf("title %q, want %q", it.Title, tt.title)
			}
			switch {
			case tt.warn == "" && len(c.warns) > 0:
				t.Errorf("unexpected warnings %v", c.warns)
			case tt.warn != "" && (len(c.warns) != 1 || !strings.Contains(c.warns[0].Error(), tt.warn)):
				t.Errorf("warnings %v, want one saying %q", c.warns, tt.warn)
			}
		})
	}
}

func TestFeedContent(t *testing.T) {
	feed := `<?xml version="1.0"?>
<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Harbour&nbsp;Notes</title><link>https://harbour.example/</link>
<item><guid>https://harbour.example/1</guid><title>Crane</title><body><p>The crane works again.</p><p>Crews are relieved.</p></body></item>
<item><guid>https://harbour.example/2</guid><title>Ferry</title><xhtml:body><xhtml:h2>Timetable</xhtml:h2><xhtml:p>The ferry runs &amp; sails hourly.</xhtml:p><xhtml:p>Fares are unchanged.</xhtml:p></xhtml:body></item>
<item><guid>https://harbour.example/3</guid><title>Market</title><fullitem>&lt;p&gt;The fish market opens at five.&lt;/p&gt;</fullitem></item>
<item><guid>https://harbour.example/4</guid><title>Harbour film</title><media:group><media:title>Harbour film</media:title><media:description>A short film about the night shift at the harbour.</media:description></media:group></item>
<item><guid>https://harbour.example/5</guid><title>Storm warning for Friday</title></item>
<item><guid>https://harbour.example/6</guid><title>Prices&nbsp;rise &hellip; again</title><description>Fuel costs&nbsp;more &mdash; the third rise this year.</description><media:description>Short teaser.</media:description></item>
<item><guid>https://harbour.example/7</guid></item>
</channel></rss>`
	c := readAll(t, "notes.rss", []byte(feed), Options{})
	want := []struct{ title, text string }{
		{"Crane", "The crane works again.\n\nCrews are relieved."},
		{"Ferry", "Timetable\n\nThe ferry runs & sails hourly.\n\nFares are unchanged."},
		{"Market", "The fish market opens at five."},
		{"Harbour film", "A short film about the night shift at the harbour."},
		{"Storm warning for Friday", ""},
		{"Prices rise … again", "Fuel costs more — the third rise this year."},
	}
	if len(c.items) != len(want) {
		t.Fatalf("got %d items, want %d; errors %v", len(c.items), len(want), c.errs)
	}
	for i, w := range want {
		it := c.items[i]
		if strings.ReplaceAll(it.Title, "\u00a0", " ") != w.title || strings.ReplaceAll(it.Text, "\u00a0", " ") != w.text {
			t.Errorf("item %d: title %q text %q, want %q and %q", i+1, it.Title, it.Text, w.title, w.text)
		}
		if it.Outlet != "Harbour Notes" && it.Outlet != "Harbour\u00a0Notes" {
			t.Errorf("item %d: outlet %q", i+1, it.Outlet)
		}
	}
	if len(c.errs) != 1 || c.errs[0].Error() != "notes.rss: item 7: item has neither a title nor any text" {
		t.Errorf("errors %v, want one for item 7", c.errs)
	}
}

func TestPrefixedAtom(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Brumeval Notes</a:title>
<a:entry><a:id>tag:brumeval.example,2021:1</a:id><a:title>Bridge reopens</a:title><a:link href="https://brumeval.example/bridge"/>
<a:updated>2021-04-12T06:00:00+02:00</a:updated><a:content type="html">&lt;p&gt;The old bridge reopens after its inspection.&lt;/p&gt;</a:content></a:entry>
</a:feed>`
	c := readAll(t, "notes", []byte(feed), Options{})
	if len(c.items) != 1 || len(c.errs) != 0 {
		t.Fatalf("got %d items, errors %v", len(c.items), c.errs)
	}
	it := c.items[0]
	if it.Format != "atom" || it.ID != "tag:brumeval.example,2021:1" || it.Text != "The old bridge reopens after its inspection." || it.Published != "2021-04-12T06:00:00+02:00" {
		t.Errorf("item %+v", it)
	}
}

func TestFeedIDs(t *testing.T) {
	// A podcast: every episode links to the show's page, each has its
	// own GUID, and one episode is listed twice.
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Quay Talk</title><link>https://quaytalk.example/</link>`)
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, `<item><title>Episode %d</title><link>https://quaytalk.example/</link><guid isPermaLink="false">quaytalk-episode-%04d</guid><description>Episode %d of the show.</description></item>`, i, i, i)
	}
	b.WriteString(`<item><title>Episode 3</title><link>https://quaytalk.example/</link><guid isPermaLink="false">quaytalk-episode-0003</guid><description>Episode 3 of the show.</description></item>`)
	b.WriteString(`<item><title>Episode 3, corrected</title><link>https://quaytalk.example/</link><guid isPermaLink="false">quaytalk-episode-0003</guid><description>Episode 3, with a correction.</description></item>`)
	b.WriteString(`<item><title>Trailer</title><link>https://quaytalk.example/trailer</link><description>What the show is about.</description></item>`)
	b.WriteString(`<item><title>Bonus</title><guid>7</guid><description>A short bonus.</description></item>`)
	b.WriteString(`</channel></rss>`)
	c := readAll(t, "podcast.rss", []byte(b.String()), Options{})
	if len(c.items) != 14 {
		t.Fatalf("got %d items, want 14 (12 episodes, the trailer, the bonus)", len(c.items))
	}
	ids := map[string]bool{}
	for _, it := range c.items {
		ids[it.ID] = true
	}
	for _, id := range []string{"quaytalk-episode-0001", "quaytalk-episode-0012", "https://quaytalk.example/trailer", "https://quaytalk.example/#7"} {
		if !ids[id] {
			t.Errorf("no item with id %q", id)
		}
	}
	if len(ids) != 14 {
		t.Errorf("%d distinct ids, want 14", len(ids))
	}
	if len(c.warns) != 1 || c.warns[0].Error() != "podcast.rss: item 13: repeats podcast.rss: item 3 (same id and content); read once" {
		t.Errorf("warnings %v", c.warns)
	}
	if len(c.errs) != 1 || c.errs[0].Error() != `podcast.rss: item 14: id "quaytalk-episode-0003" is already taken by a different article (podcast.rss: item 3); not stored` {
		t.Errorf("errors %v", c.errs)
	}
}

func TestIDsAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a/report.txt": "The quay lights were switched to LED on Friday.",
		"b/report.txt": "The ferry timetable changes in June.",
		"c/report.txt": "The quay lights were switched to LED on Friday.",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	c := collect(t, []string{dir}, Options{})
	if len(c.items) != 1 || c.items[0].Origin != filepath.Join(dir, "a", "report.txt") {
		t.Errorf("items %v", c.items)
	}
	if len(c.errs) != 1 || !strings.Contains(c.errs[0].Error(), `b/report.txt: id "report" is already taken by a different article`) {
		t.Errorf("errors %v", c.errs)
	}
	if len(c.warns) != 1 || !strings.Contains(c.warns[0].Error(), "c/report.txt: repeats") {
		t.Errorf("warnings %v", c.warns)
	}
}

func TestFeedTimes(t *testing.T) {
	for stamp, want := range map[string]string{
		"Wed, 08 Nov 2023 17:49:09 -0800": "2023-11-08T17:49:09-08:00",
		"Wed, 08 Nov 2023 17:49:09 PST":   "2023-11-08T17:49:09-08:00",
		"Wed, 08 Nov 2023 20:49:09 EST":   "2023-11-08T20:49:09-05:00",
		"Wed, 08 Nov 2023 17:49:09 GMT":   "2023-11-08T17:49:09Z",
		"2023-11-08T17:49:09-08:00":       "2023-11-08T17:49:09-08:00",
		"2023-11-09T01:49:09Z":            "2023-11-09T01:49:09Z",
	} {
		feed := `<rss version="2.0"><channel><title>T</title><item><title>A</title><pubDate>` + stamp + `</pubDate></item></channel></rss>`
		c := readAll(t, "t.rss", []byte(feed), Options{})
		if len(c.items) != 1 || c.items[0].Published != want {
			t.Errorf("%s: items %v, want published %s", stamp, c.items, want)
		}
	}
}

// arcRecord builds one ARC version 1 record.
func arcRecord(url, ctype string, content []byte) []byte {
	return append([]byte(fmt.Sprintf("%s 192.0.2.7 20210409100000 %s %d\n", url, ctype, len(content))), append(content, '\n')...)
}

func TestARC(t *testing.T) {
	desc := "1 0 Storyline Test\nURL IP-address Archive-date Content-type Archive-length\n"
	page := []byte(quayPage)
	recs := [][]byte{
		arcRecord("filedesc://crawl.arc", "text/plain", []byte(desc)),
		arcRecord("https://ledger.example/quay", "text/html", append([]byte("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"), page...)),
		arcRecord("https://ledger.example/logo.png", "image/png", []byte("HTTP/1.0 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n")),
		arcRecord("https://ledger.example/cafe", "text/html", append([]byte("HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n"),
			[]byte("<html><body><p>Caf\xe9 au lait on the quay.</p></body></html>")...)),
	}
	plain := bytes.Join(recs, nil)
	var members []byte
	for _, r := range recs {
		members = append(members, gzipBytes(t, r)...)
	}
	for name, data := range map[string][]byte{"crawl.arc": plain, "crawl.arc.gz": members, "noext": plain} {
		t.Run(name, func(t *testing.T) {
			c := readAll(t, name, data, Options{})
			if len(c.items) != 2 || len(c.errs) != 0 || len(c.warns) != 0 {
				t.Fatalf("got %d items, errors %v, warnings %v", len(c.items), c.errs, c.warns)
			}
			check(t, c.items[0], want{id: "https://ledger.example/quay", format: "arc", url: "https://ledger.example/quay", text: "cutting the electricity bill"})
			check(t, c.items[1], want{id: "https://ledger.example/cafe", format: "arc", url: "https://ledger.example/cafe", text: "Café au lait"})
			if c.items[1].Origin != name+": record 4" {
				t.Errorf("origin %q", c.items[1].Origin)
			}
		})
	}
	t.Run("junk and a cut", func(t *testing.T) {
		cut := recs[3][:bytes.IndexByte(recs[3], '\n')+20]
		data := bytes.Join([][]byte{recs[0], []byte("stray bytes\n"), recs[1], cut}, nil)
		c := readAll(t, "damaged.arc", data, Options{})
		if len(c.items) != 1 || len(c.warns) != 1 || len(c.errs) != 1 {
			t.Fatalf("got %d items, errors %v, warnings %v", len(c.items), c.errs, c.warns)
		}
		if c.warns[0].Error() != "damaged.arc: record 2: skipped 12 bytes of junk before the record" || !strings.Contains(c.errs[0].Error(), "record 3: truncated record") {
			t.Errorf("warning %v, error %v", c.warns[0], c.errs[0])
		}
	})
}

func TestTruncatedGzipPayload(t *testing.T) {
	page := []byte(quayPage)
	z := gzipBytes(t, page)
	resp := append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n"), z[:len(z)*2/3]...)
	c := readAll(t, "cut.warc", buildRecord("response", "https://ledger.example/q", "application/http; msgtype=response", resp), Options{})
	if len(c.items) != 1 || len(c.errs) != 0 || len(c.warns) != 1 || !strings.Contains(c.warns[0].Error(), "compressed payload cut short") {
		t.Fatalf("got %d items, errors %v, warnings %v", len(c.items), c.errs, c.warns)
	}
	if !strings.Contains(string(c.items[0].HTML), "All forty lamps along the Lumenville quay") {
		t.Errorf("page %q", c.items[0].HTML)
	}
}

// Undefined entities (HTML's, or none at all) are read as browsers and feed
// readers read them, in every kind of feed.
func TestFeedEntities(t *testing.T) {
	tests := []struct{ feed, format, title, text string }{
		{`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T&nbsp;x</title><entry><id>tag:a,1</id><title type="html">A&nbsp;b</title><link href="https://a.example/x?a=1&b=2"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body&nbsp;text &copy; here</p></div></content></entry></feed>`,
			"atom", "A b", "Body text © here"},
		{`<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>T</title><item><title>Caf&eacute; &amp; bar&rsquo;s</title><link>https://a.example/1</link><description>Text&hellip; &undefinedthing; more</description></item></channel></rss>`,
			"rss", "Café & bar’s", "Text… &undefinedthing; more"},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item rdf:about="https://a.example/r"><title>R&nbsp;1</title><link>https://a.example/r</link><description>RDF body&nbsp;text</description></item></rdf:RDF>`,
			"rss", "R 1", "RDF body text"},
	}
	for _, tt := range tests {
		c := readAll(t, "f.xml", []byte(tt.feed), Options{})
		if len(c.items) != 1 || len(c.errs) > 0 {
			t.Errorf("%.40s: %d items, errors %v", tt.feed, len(c.items), c.errs)
			continue
		}
		it := c.items[0]
		if it.Format != tt.format || it.Title != tt.title || it.Text != tt.text {
			t.Errorf("%.40s: %s %q %q, want %s %q %q", tt.feed, it.Format, it.Title, it.Text, tt.format, tt.title, tt.text)
		}
	}
}
