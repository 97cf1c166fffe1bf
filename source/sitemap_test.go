package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
)

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://harbour.example/2030/03/budget-talks</loc><lastmod>2030-03-02T10:05:00+01:00</lastmod>
<news:news><news:publication><news:name>Harbour Gazette</news:name><news:language>en-GB</news:language></news:publication>
<news:publication_date>2030-03-02T10:00:00+01:00</news:publication_date><news:title>Budget talks &amp; ferry fares</news:title></news:news></url>
<url><loc>javascript:alert(1)</loc></url>
<url><loc> https://harbour.example/about </loc></url>
</urlset>`

func TestReadNewsSitemap(t *testing.T) {
	sm, err := ReadSitemap([]byte(newsSitemap), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Entries) != 2 || len(sm.Sitemaps) != 0 {
		t.Fatalf("entries = %+v, sitemaps = %+v", sm.Entries, sm.Sitemaps)
	}
	e := sm.Entries[0]
	want := SitemapEntry{URL: "https://harbour.example/2030/03/budget-talks", LastMod: "2030-03-02T10:05:00+01:00", News: true,
		Title: "Budget talks & ferry fares", Published: "2030-03-02T10:00:00+01:00", Outlet: "Harbour Gazette", Lang: "en"}
	if e != want {
		t.Errorf("news entry = %+v\nwant %+v", e, want)
	}
	if plain := sm.Entries[1]; plain.URL != "https://harbour.example/about" || plain.News {
		t.Errorf("plain entry = %+v", plain)
	}
}

func TestReadSitemapIndexGzipped(t *testing.T) {
	index := `<?xml version="1.0" encoding="windows-1252"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://harbour.example/news-sitemap.xml</loc><lastmod>2030-03-02</lastmod></sitemap>
<sitemap><loc>/relative.xml</loc></sitemap></sitemapindex>`
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(index))
	zw.Close()
	sm, err := ReadSitemap(buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Sitemaps) != 1 || sm.Sitemaps[0] != (SitemapRef{URL: "https://harbour.example/news-sitemap.xml", LastMod: "2030-03-02"}) || len(sm.Entries) != 0 {
		t.Errorf("index = %+v", sm)
	}
}

func TestReadSitemapRefusals(t *testing.T) {
	for name, data := range map[string]string{
		"a feed":  `<rss><channel><item><title>x</title></item></channel></rss>`,
		"no XML":  `hello`,
		"empty":   ``,
		"too big": `<urlset>` + strings.Repeat(" ", 2000) + `</urlset>`,
	} {
		if _, err := ReadSitemap([]byte(data), Options{MaxBytes: 1000}); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
	// A cut-off sitemap keeps what was read.
	sm, err := ReadSitemap([]byte(`<urlset><url><loc>https://a.example/1</loc></url><url><loc>https://a.exa`), Options{})
	if err != nil || len(sm.Entries) != 1 {
		t.Errorf("cut-off sitemap = %+v, %v", sm, err)
	}
}

func TestSniff(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>`))
	zw.Close()
	for _, c := range []struct{ data, want string }{
		{`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, KindFeed},
		{`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, KindFeed},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, KindFeed},
		{`<?xml version="1.0"?><!-- x --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`, KindSitemap},
		{`<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"></sm:sitemapindex>`, KindSitemap},
		{gz.String(), KindSitemap},
		{`<!doctype html><html><body><p>Talks</p></body></html>`, KindPage},
		{"\x00\x01\x02binary", KindOther},
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("Sniff(%.40q) = %s, want %s", c.data, got, c.want)
		}
	}
}

func TestFeedItemSummary(t *testing.T) {
	long := strings.Repeat("word ", SummaryWords+5)
	feed := `<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><guid>https://a.example/1</guid><title>Summary only</title><description>Talks began.</description></item>
<item><guid>https://a.example/2</guid><title>Full in content</title><description>Talks began.</description><content:encoded>&lt;p&gt;Talks began in Portvale.&lt;/p&gt;</content:encoded></item>
<item><guid>https://a.example/3</guid><title>Full in description</title><description>` + long + `</description></item>
<item><guid>https://a.example/4</guid><title>Headline only</title></item>
</channel></rss>`
	got := map[string]bool{}
	err := ReadBytes(context.Background(), "f.xml", []byte(feed), Options{}, func(it *Item, ie *ItemError) error {
		if ie != nil {
			t.Fatal(ie)
		}
		got[it.ID] = it.Summary
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"https://a.example/1": true, "https://a.example/2": false, "https://a.example/3": false, "https://a.example/4": true}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: Summary = %v, want %v", id, got[id], w)
		}
	}
}
