// Package sourcelist keeps the list of sources Storyline follows: a
// source's settings checked and its id made from its URL (the same URL,
// however written, is one source), sources added and removed, OPML
// subscription lists read. Package follow polls them; the server and
// the command line manage them through this package, which needs only
// the store.
package sourcelist

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/storyline-news/storyline/store"
)

// Poll intervals.
const (
	DefaultInterval = 15 * time.Minute
	MinInterval     = time.Minute
)

// SourceID is the id of the source at a URL: the same URL, however
// written, is one source.
func SourceID(rawURL string) string {
	sum := sha256.Sum256([]byte(NormalizeURL(rawURL)))
	return "s" + hex.EncodeToString(sum[:5])
}

// NewSource checks a source's settings and makes it. kind is "" (found
// out at the first fetch), "feed", "sitemap" or "page"; interval 0 means
// DefaultInterval.
func NewSource(rawURL, kind, name string, interval time.Duration, now time.Time) (*store.Source, error) {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("source %q: not an http or https URL", rawURL)
	}
	switch kind {
	case store.SourceAuto, store.SourceFeed, store.SourceSitemap, store.SourcePage:
	default:
		return nil, fmt.Errorf("source %q: kind %q is not feed, sitemap or page", rawURL, kind)
	}
	if interval == 0 {
		interval = DefaultInterval
	}
	if interval < MinInterval {
		return nil, fmt.Errorf("source %q: interval %s is under the %s minimum", rawURL, interval, MinInterval)
	}
	return &store.Source{ID: SourceID(rawURL), URL: u.String(), Kind: kind, Name: strings.TrimSpace(name),
		Interval: int(interval / time.Second), Added: now.UTC().Format(time.RFC3339)}, nil
}

// AddSources stores sources; one already there keeps its state and takes
// the new settings.
func AddSources(ctx context.Context, st store.Store, srcs ...*store.Source) error {
	return st.Update(ctx, func(tx store.Tx) error {
		for _, s := range srcs {
			if err := tx.PutSource(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
}

// ErrNoSource is RemoveSource's answer for what names no source.
var ErrNoSource = errors.New("no such source")

// RemoveSource removes the source an id or URL names.
func RemoveSource(ctx context.Context, st store.Store, idOrURL string) (*store.Source, error) {
	srcs, err := st.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range srcs {
		if s.ID == idOrURL || s.ID == SourceID(idOrURL) {
			return &s, st.Update(ctx, func(tx store.Tx) error { return tx.DeleteSource(ctx, s.ID) })
		}
	}
	return nil, fmt.Errorf("%q: %w", idOrURL, ErrNoSource)
}

// opmlOutline is an OPML outline: a feed when it has an xmlUrl, else a
// folder of outlines.
type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// OPMLFeed is one feed an OPML file lists.
type OPMLFeed struct{ URL, Title string }

// ReadOPML lists the feeds of an OPML subscription list (folders
// flattened), in order, each URL once.
func ReadOPML(data []byte) ([]OPMLFeed, error) {
	var doc struct {
		XMLName xml.Name
		Body    struct {
			Outlines []opmlOutline `xml:"outline"`
		} `xml:"body"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	if !strings.EqualFold(doc.XMLName.Local, "opml") {
		return nil, fmt.Errorf("opml: root element is <%s>, not <opml>", doc.XMLName.Local)
	}
	var out []OPMLFeed
	seen := map[string]bool{}
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[NormalizeURL(u)] {
				seen[NormalizeURL(u)] = true
				out = append(out, OPMLFeed{URL: u, Title: strings.TrimSpace(firstNonEmpty(o.Title, o.Text))})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body.Outlines)
	return out, nil
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// trackingParams are query parameters that say how a reader came to a
// page, not which page it is: two URLs differing only in them name the
// same article. Parameters starting with "utm_" are tracking too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true, "ocid": true, "cmpid": true,
	"ns_mchannel": true, "ns_source": true, "ns_campaign": true, "ns_linkname": true, "ns_fee": true,
	"at_medium": true, "at_campaign": true,
}

func isTracking(name string) bool {
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "utm_") || trackingParams[name]
}

// NormalizeURL is the form of a URL that dedup compares: scheme and host
// lowercased, default port, fragment and tracking parameters dropped, an
// empty path written "/". Other parameters keep their order: some sites
// tell articles apart by them. A string that is no absolute http(s) URL
// comes back trimmed, as it is.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if port := u.Port(); (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		var kept []string
		for _, part := range strings.Split(u.RawQuery, "&") {
			name, _, _ := strings.Cut(part, "=")
			if dec, err := url.QueryUnescape(name); err == nil {
				name = dec
			}
			if part != "" && !isTracking(name) {
				kept = append(kept, part)
			}
		}
		u.RawQuery = strings.Join(kept, "&")
	}
	u.ForceQuery = false
	return u.String()
}
