package watch

import (
	"encoding/xml"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/store"
)

// atomFeed is an Atom 1.0 document (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary string     `xml:"summary"`
}

// AlertTitle is how an alert is headed in feeds and on pages.
func AlertTitle(a store.Alert) string {
	title := a.Title
	if title == "" {
		title = "Event " + a.Event
	}
	if a.Kind == store.AlertOutlets {
		return title + " — now also in " + strings.Join(a.Outlets, ", ")
	}
	return "New: " + title
}

// AlertText is an alert's plain-text body: what happened, where, when,
// who carries it and why it matched.
func AlertText(a store.Alert) string {
	var parts []string
	if a.Summary != "" {
		parts = append(parts, a.Summary)
	}
	var where []string
	if a.Date != "" {
		where = append(where, a.Date)
	}
	if a.Place != "" {
		where = append(where, a.Place)
	}
	if len(where) > 0 {
		parts = append(parts, strings.Join(where, ", ")+".")
	}
	if len(a.Outlets) > 0 {
		parts = append(parts, "Outlets: "+strings.Join(a.Outlets, ", ")+".")
	}
	if len(a.Matched) > 0 {
		parts = append(parts, "Matched "+strings.Join(a.Matched, "; ")+".")
	}
	return strings.Join(parts, " ")
}

// WriteAtom writes a watchlist's alerts (newest first) as an Atom feed;
// base is the server's absolute URL ("http://127.0.0.1:8080"), which
// links to events are made from.
func WriteAtom(w io.Writer, wl store.Watchlist, alerts []store.Alert, base string) error {
	base = strings.TrimRight(base, "/")
	self := base + "/watchlists/" + url.PathEscape(wl.ID) + "/feed.atom"
	updated := wl.Created
	if len(alerts) > 0 {
		updated = alerts[0].Created
	}
	f := atomFeed{
		ID:      "urn:storyline:watchlist:" + wl.ID + ":" + wl.Created,
		Title:   "Storyline: " + wl.Name,
		Updated: atomTime(updated),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: base + "/watchlists/" + url.PathEscape(wl.ID)}},
		Author: atomAuthor{Name: "Storyline"},
	}
	for _, a := range alerts {
		f.Entries = append(f.Entries, atomEntry{
			ID:      "urn:storyline:alert:" + wl.ID + ":" + wl.Created + ":" + strconv.FormatInt(a.ID, 10),
			Title:   AlertTitle(a),
			Updated: atomTime(a.Created),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "/events/" + url.PathEscape(a.Event)}},
			Summary: AlertText(a),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	return enc.Close()
}

// atomTime is an RFC 3339 stamp as Atom wants it, now when unreadable.
func atomTime(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	return time.Now().UTC().Format(time.RFC3339)
}
