package extract

import (
	nurl "net/url"
	"regexp"
	"strings"

	storyclean "github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/newstext"
)

// bylineBy is the "By" that metadata and page furniture leave before
// author names; trimBylineTrail takes the date that follows them.
var bylineBy = regexp.MustCompile(`(?i)^\s*(by|por|par|von|di|door)\s+`)

// cleanByline tidies the authors the metadata gives: "By" dropped, dates
// trailing a name dropped, and only the names of people and agencies kept
// (clean.Byline), separated by ", ".
func cleanByline(s string) string {
	var out []string
	for _, part := range strings.Split(clean(s), ";") {
		part = bylineBy.ReplaceAllString(strings.TrimSpace(part), "")
		part = trimBylineTrail(part)
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return storyclean.Byline(strings.Join(out, "; "))
}

// trimBylineTrail drops the words of a date that follow the names:
// "Ada Quill Published Monday 12:30" → "Ada Quill".
func trimBylineTrail(s string) string {
	for {
		i := strings.LastIndexAny(s, " \t\n\r\f\v")
		if !bylineTrailWord(s[i+1:]) {
			return s
		}
		s = strings.TrimRight(s[:i+1], " \t\n\r\f\v")
	}
}

// bylineTrailWord is a word of the date after a byline's names: a label,
// the name of an English month or weekday, or a number ("12:30", "2021,").
// May is left alone: Theresa May.
func bylineTrailWord(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "published", "updated", "posted", "on":
		return true
	case "may":
		return false
	}
	if lw != "" && lw[0] >= '0' && lw[0] <= '9' {
		return strings.Trim(lw, "0123456789:/.,-") == ""
	}
	return newstext.English().CalendarName(lw)
}

// cleanSite turns a site name that is a URL into its host name; pages
// sometimes give their social-media profile or their home page as name.
func cleanSite(site, pageURL string) string {
	site = clean(site)
	if !strings.HasPrefix(site, "http://") && !strings.HasPrefix(site, "https://") {
		return site
	}
	u, err := nurl.Parse(site)
	if err != nil || u.Host == "" || isSocialHost(u.Host) {
		if p, err := nurl.Parse(pageURL); err == nil && p.Host != "" {
			return strings.TrimPrefix(p.Host, "www.")
		}
		return ""
	}
	return strings.TrimPrefix(u.Host, "www.")
}

func isSocialHost(h string) bool {
	h = strings.TrimPrefix(h, "www.")
	for _, s := range []string{"facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "linkedin.com"} {
		if h == s || strings.HasSuffix(h, "."+s) {
			return true
		}
	}
	return false
}

// titleSeparators split a page title from the site name pages append to it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » "}

// cleanTitle drops the site name from the end (or start) of a page title:
// "Headline - Site" → "Headline", when the part cut off names the site.
func cleanTitle(title, site, pageURL string) string {
	title = clean(title)
	names := []string{strings.ToLower(site)}
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
		names = append(names, host, strings.SplitN(host, ".", 2)[0])
	}
	isSite := func(s string) bool {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, n := range names {
			if n != "" && (s == n || strings.ReplaceAll(s, " ", "") == strings.ReplaceAll(n, " ", "")) {
				return true
			}
		}
		return false
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}
