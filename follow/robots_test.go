package follow

import (
	"testing"
	"time"
)

func TestPatternMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/anything", true},
		{"/private", "/private/a", true},
		{"/private", "/privately", true},
		{"/private/", "/private", false},
		{"/*.pdf$", "/files/a.pdf", true},
		{"/*.pdf$", "/files/a.pdf?x=1", false},
		{"/*.pdf", "/files/a.pdf?x=1", true},
		{"/a*b*c", "/axxbyyc", true},
		{"/a*b*c", "/axxbyy", false},
		{"/fish$", "/fish", true},
		{"/fish$", "/fishes", false},
		{"*", "/x", true},
		{"/news/*/amp", "/news/2030/03/amp/story", true},
		{"/news/*/amp", "/news/amp", false},
	} {
		if got := patternMatch(c.pattern, c.path); got != c.want {
			t.Errorf("patternMatch(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}

func TestRobots(t *testing.T) {
	const txt = `# a comment
User-agent: OtherBot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Crawl-delay: 7

Sitemap: https://harbour.example/sitemap.xml
`
	const mine = txt + `
User-agent: storyline/1.0
User-Agent: somebot
Disallow: /drafts/   # not ready
Allow: /drafts/public$
Crawl-delay: 0.5

User-agent: storyline
Disallow: /tmp
`
	for _, c := range []struct {
		name, txt, path string
		want            bool
	}{
		{"star group applies", txt, "/private/a", false},
		{"longer allow wins", txt, "/private/open/a", true},
		{"no rule allows", txt, "/news/a", true},
		{"robots.txt itself", "User-agent: *\nDisallow: /", "/robots.txt", true},
		{"empty disallow allows", "User-agent: *\nDisallow:", "/a", true},
		{"own groups win over star", mine, "/private/a", true},
		{"own groups merge", mine, "/tmp/x", false},
		{"own rule", mine, "/drafts/x", false},
		{"anchored allow", mine, "/drafts/public", true},
		{"anchored allow, longer path", mine, "/drafts/public/2", false},
		{"equal length: allow wins", "User-agent: *\nDisallow: /a\nAllow: /a", "/a", true},
		{"no group for anyone", "Disallow: /", "/a", true},
	} {
		if got := parseRobots([]byte(c.txt), "storyline").allowed(c.path); got != c.want {
			t.Errorf("%s: allowed(%q) = %v, want %v", c.name, c.path, got, c.want)
		}
	}
	if d := parseRobots([]byte(txt), "storyline").delay; d != 7*time.Second {
		t.Errorf("crawl delay from the star group = %v", d)
	}
	if d := parseRobots([]byte(mine), "storyline").delay; d != 500*time.Millisecond {
		t.Errorf("crawl delay from the own group = %v", d)
	}
}
