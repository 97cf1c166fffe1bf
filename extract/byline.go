package extract

import (
	nurl "net/url"
	"regexp"
	"strings"

	storyclean "github.com/storyline-news/storyline/clean"
)

// bylineNoise is what metadata and page furniture leave around author
// names: "By", and the date that follows the name on the page.
var (
	bylineBy    = regexp.MustCompile(`(?i)^\s*(by|por|par|von|di|door)\s+`)
	bylineTrail = regexp.MustCompile(`(?i)(^|\s+)(published|updated|posted|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|\d[\d:/.,-]*)$`)
)

// cleanByline tidies the authors the metadata gives: "By" dropped, dates
// trailing a name dropped, and only the names of people and agencies kept
// (clean.Byline), separated by ", ".
func cleanByline(s string) string {
	var out []string
	for _, part := range strings.Split(clean(s), ";") {
		part = bylineBy.ReplaceAllString(strings.TrimSpace(part), "")
		for {
			t := bylineTrail.ReplaceAllString(part, "")
			if t == part {
				break
			}
			part = t
		}
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return storyclean.Byline(strings.Join(out, "; "))
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

// agencies are the news agencies whose names in a byline or a credit line
// make them a credit of the article.
var agencies = regexp.MustCompile(`\b(Associated Press|AP|Reuters|REUTERS|AFP|Agence France-Presse|dpa|DPA|EFE|ANSA|Xinhua|Kyodo|Yonhap|UPI|TASS|Anadolu|Bloomberg|PA Media|Press Association|ANP|Belga|APA|Lusa|Europa Press|CNA|PTI|IANS)\b`)

// agencyCredits lists the agencies named in the texts, each once, with
// its most common spelling.
func agencyCredits(texts ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range texts {
		for _, m := range agencies.FindAllString(t, -1) {
			name := m
			switch strings.ToLower(m) {
			case "reuters":
				name = "Reuters"
			case "dpa":
				name = "dpa"
			case "ap":
				name = "Associated Press"
			}
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
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
