package source

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/storyline-news/storyline/internal/htmltext"
	"github.com/storyline-news/storyline/internal/textenc"
)

// Sitemap is what a sitemap lists: pages (a news sitemap's carry their
// headline and publication date) or, for a sitemap index, other sitemaps.
// Sitemaps list pages rather than articles, so they are read by
// ReadSitemap, not by Walk: a follower fetches the pages they list.
type Sitemap struct {
	Entries  []SitemapEntry
	Sitemaps []SitemapRef // a sitemap index's sitemaps
}

// SitemapEntry is one page a sitemap lists.
type SitemapEntry struct {
	URL     string
	LastMod string // as NormalizeDate gives it; "" unknown
	// From <news:news>, when the entry has it.
	News      bool
	Title     string
	Published string // as NormalizeDate gives it
	Outlet    string // the publication's name
	Lang      string
}

// SitemapRef is one sitemap a sitemap index lists.
type SitemapRef struct {
	URL     string
	LastMod string
}

// MaxSitemapEntries is the most entries one sitemap may list (the
// sitemaps protocol's own limit); the rest are not read.
const MaxSitemapEntries = 50000

// sitemapURL is a <url> element of a urlset.
type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    *struct {
		Publication struct {
			Name     string `xml:"name"`
			Language string `xml:"language"`
		} `xml:"publication"`
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
	} `xml:"news"`
}

// sitemapRef is a <sitemap> element of a sitemap index.
type sitemapRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// ReadSitemap reads a sitemap or sitemap index (XML, possibly gzipped, in
// the encoding it declares), keeping the entries whose location is an
// absolute http or https URL. Sizes are bounded by opts.MaxBytes before
// and after decompression.
func ReadSitemap(data []byte, opts Options) (*Sitemap, error) {
	max := opts.maxBytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("sitemap is %d bytes, over the %s limit", len(data), humanBytes(max))
	}
	if len(data) > 1 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("sitemap: gzip: %w", err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, max+1))
		if err != nil {
			return nil, fmt.Errorf("sitemap: gzip: %w", err)
		}
		if int64(len(data)) > max {
			return nil, fmt.Errorf("sitemap is over the %s limit once decompressed", humanBytes(max))
		}
	}
	text := textenc.Decode(data, textenc.XML, "").Text
	dec := xml.NewDecoder(bytes.NewReader(text))
	// The text is UTF-8 now, whatever the declaration says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Strict = false
	sm := &Sitemap{}
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if root == "" {
				return nil, fmt.Errorf("sitemap: %w", err)
			}
			break // a cut-off sitemap: keep what was read
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "urlset" && root != "sitemapindex" {
				return nil, fmt.Errorf("sitemap: root element is <%s>, not <urlset> or <sitemapindex>", root)
			}
			continue
		}
		if len(sm.Entries)+len(sm.Sitemaps) >= MaxSitemapEntries {
			break
		}
		switch {
		case root == "urlset" && se.Name.Local == "url":
			var u sitemapURL
			if err := dec.DecodeElement(&u, &se); err != nil {
				return sm, nil // a damaged tail: keep what was read
			}
			if e, ok := sitemapEntry(u); ok {
				sm.Entries = append(sm.Entries, e)
			}
		case root == "sitemapindex" && se.Name.Local == "sitemap":
			var r sitemapRef
			if err := dec.DecodeElement(&r, &se); err != nil {
				return sm, nil
			}
			if loc, ok := webURL(r.Loc); ok {
				sm.Sitemaps = append(sm.Sitemaps, SitemapRef{URL: loc, LastMod: NormalizeDate(r.LastMod)})
			}
		}
	}
	if root == "" {
		return nil, errors.New("sitemap: no XML element")
	}
	return sm, nil
}

func sitemapEntry(u sitemapURL) (SitemapEntry, bool) {
	loc, ok := webURL(u.Loc)
	if !ok {
		return SitemapEntry{}, false
	}
	e := SitemapEntry{URL: loc, LastMod: NormalizeDate(u.LastMod)}
	if n := u.News; n != nil {
		e.News = true
		e.Title = htmltext.Line(n.Title)
		e.Published = NormalizeDate(n.PublicationDate)
		e.Outlet = htmltext.Line(n.Publication.Name)
		e.Lang = primaryLang(n.Publication.Language)
	}
	return e, true
}

// webURL is s when it is an absolute http or https URL.
func webURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", false
	}
	return s, true
}

// Kinds of document Sniff tells apart.
const (
	KindFeed    = "feed"
	KindSitemap = "sitemap"
	KindPage    = "page"
	KindOther   = "other"
)

// Sniff tells what a fetched document is by its start: a feed (RSS, Atom,
// JSON Feed), a sitemap or sitemap index, a page, or something else. A
// gzipped start is looked into.
func Sniff(head []byte) string {
	if len(head) > 1 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return KindOther
		}
		head, _ = io.ReadAll(io.LimitReader(zr, sniffSize))
	}
	head = head[:min(len(head), sniffSize)]
	s := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\f")
	if len(s) > 0 && s[0] == '<' {
		root := rootElement(bytes.ToLower(s))
		if i := strings.IndexByte(root, ':'); i >= 0 {
			root = root[i+1:]
		}
		if root == "urlset" || root == "sitemapindex" {
			return KindSitemap
		}
	}
	switch detect(head, "") {
	case formatFeed:
		return KindFeed
	case formatHTML:
		return KindPage
	}
	return KindOther
}
