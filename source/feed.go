package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/internal/htmltext"
	"github.com/storyline-news/storyline/internal/textenc"
)

// readFeed reads an RSS, Atom or JSON feed: one item per entry, its body
// the longest of what the entry carries (content, summary, an RSS <body>,
// <xhtml:body> or <fullitem>, a media description), as text. An entry with
// a headline and no body is kept: the pipeline makes the headline its text.
func (in *input) readFeed(data []byte) error {
	kind := textenc.XML
	if t := bytes.TrimLeft(data, "\xef\xbb\xbf \t\r\n"); len(t) > 0 && t[0] == '{' {
		kind = textenc.Text
	}
	text := in.decode(in.origin, data, kind, "")
	if kind == textenc.XML {
		text = unprefixXHTML(text)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(text))
	if err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	format := feed.FeedType
	if format == "json" {
		format = "jsonfeed"
	}
	outlet := htmltext.Line(feed.Title)
	lang := primaryLang(feed.Language)
	// A GUID that is no URI is unique only within its feed.
	scope := strings.TrimSpace(feed.Link)
	if scope == "" {
		scope = in.id
	}
	if len(feed.Items) == 0 {
		return errors.New("feed has no items")
	}
	for i, fi := range feed.Items {
		origin := fmt.Sprintf("%s: item %d", in.origin, i+1)
		if fi == nil {
			continue
		}
		it, err := safely(func() (*Item, error) { return feedItem(fi, format, outlet, lang, scope) })
		if err != nil {
			err = in.fail(origin, err)
		} else {
			it.Origin = origin
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s#%d", in.id, i+1)
			}
			err = in.emit(it, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// xhtmlPrefix finds the prefixes a feed binds to the XHTML namespace.
var xhtmlPrefix = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://www\.w3\.org/1999/xhtml["']`)

// unprefixXHTML writes XHTML elements without their namespace prefix
// (<xhtml:body><xhtml:p> → <body><p>), as a browser would show them, so that
// the feed parser keeps an RSS item's <xhtml:body> as markup in document
// order rather than as an unordered tree of extensions.
func unprefixXHTML(data []byte) []byte {
	for _, m := range xhtmlPrefix.FindAllSubmatch(data[:min(len(data), 8192)], -1) {
		p := string(m[1])
		data = bytes.ReplaceAll(data, []byte("<"+p+":"), []byte("<"))
		data = bytes.ReplaceAll(data, []byte("</"+p+":"), []byte("</"))
	}
	return data
}

func feedItem(fi *gofeed.Item, format, outlet, lang, scope string) (*Item, error) {
	title := htmltext.Line(htmltext.Fragment(fi.Title))
	text := feedText(fi)
	if text == "" && title == "" {
		return nil, errors.New("item has neither a title nor any text")
	}
	raw, err := json.Marshal(fi)
	if err != nil {
		return nil, fmt.Errorf("encoding item: %w", err)
	}
	link := strings.TrimSpace(fi.Link)
	guid := strings.TrimSpace(fi.GUID)
	if link == "" && (strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://")) {
		link = guid // an RSS guid that is a permalink
	}
	// The GUID is what a feed promises to keep unique and stable; links
	// are not unique (a podcast's episodes may all link to its home page).
	id := link
	if guid != "" {
		id = qualifiedGUID(guid, scope)
	}
	it := &Item{
		ID:      id,
		URL:     link,
		Title:   title,
		Outlet:  outlet,
		Lang:    lang,
		Text:    text,
		Format:  format,
		Raw:     raw,
		Summary: isSummary(fi, text),
	}
	var names []string
	for _, p := range fi.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	it.Byline = clean.Byline(strings.Join(names, ", "))
	stamp, date := fi.Published, fi.PublishedParsed
	if date == nil {
		stamp, date = fi.Updated, fi.UpdatedParsed
	}
	if date != nil && !date.IsZero() {
		it.Published, it.PublishedFrom = feedTime(stamp, *date).Format(time.RFC3339), storyline.FromFeed
	}
	return it, nil
}

// isSummary tells a feed item that carries no more than a summary of its
// article (see Item.Summary).
func isSummary(fi *gofeed.Item, text string) bool {
	for _, full := range []string{fi.Content, fi.Custom["body"], fi.Custom["fullitem"]} {
		if strings.TrimSpace(full) != "" {
			return false
		}
	}
	return len(strings.Fields(text)) < SummaryWords
}

// qualifiedGUID is an item's GUID as an article id: as it is when it is a
// URI ("https://...", "tag:...", "urn:uuid:...") or long enough to be unique
// by construction (a UUID), else prefixed by its feed ("https://radio.example/#1"):
// a JSON Feed's "1" is unique only within that feed.
func qualifiedGUID(guid, scope string) string {
	if strings.Contains(guid, ":") || len(guid) >= 16 && !strings.ContainsAny(guid, " \t") {
		return guid
	}
	return scope + "#" + guid
}

// feedText is the longest text an item carries: feeds put the full text in
// content:encoded, an Atom <content>, an RSS <body>, <xhtml:body> or
// <fullitem>, and a teaser or a video's description elsewhere.
func feedText(fi *gofeed.Item) string {
	cands := []string{fi.Content, fi.Description}
	for _, k := range []string{"body", "fullitem"} {
		cands = append(cands, fi.Custom[k])
	}
	cands = append(cands, mediaDescriptions(fi.Extensions)...)
	best := ""
	for _, c := range cands {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if t := htmltext.Fragment(c); len(t) > len(best) {
			best = t
		}
	}
	return best
}

// mediaDescriptions are an item's Media RSS descriptions, directly under the
// item or in a media:group (as YouTube's feeds have them).
func mediaDescriptions(exts ext.Extensions) []string {
	media := exts["media"]
	if media == nil {
		return nil
	}
	var out []string
	for _, d := range media["description"] {
		out = append(out, d.Value)
	}
	for _, g := range media["group"] {
		for _, d := range g.Children["description"] {
			out = append(out, d.Value)
		}
	}
	return out
}

// feedTime is a feed item's publication instant with the feed's own UTC
// offset, so that the day is the publisher's day. The feed parser gives the
// instant in UTC; the stamp gives the offset, directly ("-0800") or by a zone
// abbreviation ("PST"), whose offset is the difference between the stamp's
// clock reading and the instant.
func feedTime(stamp string, instant time.Time) time.Time {
	local, ok := parseFeedDate(stamp)
	if !ok {
		return instant
	}
	if local.Equal(instant) {
		return local
	}
	wall := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), local.Nanosecond(), time.UTC)
	off := wall.Sub(instant)
	if off%(15*time.Minute) != 0 || off.Abs() > 14*time.Hour {
		return instant
	}
	name, _ := local.Zone()
	return instant.In(time.FixedZone(name, int(off/time.Second)))
}

// feedDateLayouts are the usual RSS (RFC 822) and Atom (RFC 3339) forms.
var feedDateLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST",
	time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04 MST", "Mon, 2 Jan 2006 15:04 -0700",
}

func parseFeedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range feedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
