package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// fuzzRead reads data as an input named name and checks the walk's
// promises: no panic, exactly one of item or error per call, no error from
// ReadBytes itself.
func fuzzRead(t *testing.T, name string, data []byte) {
	err := ReadBytes(context.Background(), name, data, Options{MaxBytes: 1 << 20}, func(it *Item, ie *ItemError) error {
		if (it == nil) == (ie == nil) {
			t.Fatalf("exactly one of item and error must be set: %v %v", it, ie)
		}
		if ie != nil && ie.Err == nil {
			t.Fatalf("ItemError without error at %s", ie.Origin)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("ReadBytes: %v", err)
	}
}

func addFile(f *testing.F, parts ...string) {
	b, err := os.ReadFile(filepath.Join(parts...))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

func FuzzJSONLines(f *testing.F) {
	addFile(f, "testdata", "formats", "articles.jsonl")
	addFile(f, "testdata", "bad", "mixed.jsonl")
	f.Add([]byte(`{"id":1,"text":"a","published":"2021-09-30T08:00:00+02:00"}` + "\n{}\n" + `{"html":"<p>x</p>"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "in.jsonl", data)
	})
}

func FuzzFeed(f *testing.F) {
	addFile(f, "testdata", "formats", "feed.rss")
	addFile(f, "testdata", "formats", "feed.atom")
	addFile(f, "testdata", "formats", "feed.json")
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>\xcc\xee\xf1\xf2</title><body><p>x</p></body></item></channel></rss>"))
	f.Add([]byte("\xff\xfe<\x00?\x00x\x00m\x00l\x00 \x00e\x00n\x00c\x00o\x00d\x00i\x00n\x00g\x00=\x00\"\x00U\x00T\x00F\x00-\x001\x006\x00\"\x00?\x00>\x00"))
	f.Add([]byte(`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>1</a:id><a:title>t&nbsp;</a:title></a:entry></a:feed>`))
	f.Add([]byte(`<rss xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><guid>g</guid><xhtml:body><xhtml:p>a</xhtml:p></xhtml:body><media:group><media:description>d</media:description></media:group></item><item><guid>g</guid><fullitem>b</fullitem></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "feed.xml", data)
	})
}

func FuzzWARC(f *testing.F) {
	recs := warcRecords(f)
	for _, r := range recs {
		f.Add(r)
	}
	f.Add(gzipBytes(f, recs[2]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "in.warc", data)
	})
}

func FuzzARC(f *testing.F) {
	f.Add([]byte("filedesc://x.arc 0.0.0.0 20210409100000 text/plain 4\n1 0\n\nhttps://a.example/ 192.0.2.1 20210409100000 text/html 60\nHTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Body of the page.</p>\n"))
	f.Add([]byte("filedesc://x.arc 0 20210409100000 text/plain 999999\n"))
	f.Add([]byte("filedesc://x.arc 0 20210409 text/plain 0\njunk\nhttps://a.example/ 1 20210409100000 text/html 5\n<p>x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "in.arc", data)
	})
}

// FuzzText reads any bytes as a text or a page, through charset decoding:
// whatever the encoding, an item's text comes out as UTF-8.
func FuzzText(f *testing.F) {
	f.Add([]byte("Caf\xe9 au lait"), "a.txt")
	f.Add([]byte("<meta charset=\"koi8-r\"><p>\xee\xcf\xd7\xd9\xca</p>"), "a.html")
	f.Add([]byte("\xfe\xff\x00h\x00i"), "a.txt")
	f.Add([]byte("h\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00!\x00"), "a.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		ReadBytes(context.Background(), name, data, Options{MaxBytes: 1 << 20}, func(it *Item, ie *ItemError) error {
			if it != nil && (!utf8.ValidString(it.Text) || !utf8.Valid(it.HTML)) {
				t.Fatalf("%s: item is not UTF-8: %q %q", it.Origin, it.Text, it.HTML)
			}
			return nil
		})
	})
}

func FuzzSitemap(f *testing.F) {
	f.Add([]byte(newsSitemap))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<urlset><url><loc>https://a.example/</loc><news:news><news:title>&bogus;</news:title></news:news></url>`))
	f.Add([]byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ReadSitemap(data, Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		if len(sm.Entries)+len(sm.Sitemaps) > MaxSitemapEntries {
			t.Fatalf("%d entries, over the limit", len(sm.Entries)+len(sm.Sitemaps))
		}
		for _, e := range sm.Entries {
			if _, ok := webURL(e.URL); !ok {
				t.Fatalf("entry with a non-web URL %q", e.URL)
			}
		}
		Sniff(data)
	})
}
