package follow

import "testing"

func TestNormalizeURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://Harbour.Example/Story?utm_source=rss&utm_medium=feed", "https://harbour.example/Story"},
		{"https://harbour.example:443/a?id=7&fbclid=x&UTM_Campaign=y#comments", "https://harbour.example/a?id=7"},
		{"http://harbour.example:80", "http://harbour.example/"},
		{"http://harbour.example:8080/a?b=1&a=2", "http://harbour.example:8080/a?b=1&a=2"},
		{"https://user:pw@harbour.example/a?", "https://harbour.example/a"},
		{"  https://harbour.example/a?gclid=1  ", "https://harbour.example/a"},
		{"tag:harbour.example,2030:1", "tag:harbour.example,2030:1"},
		{"/relative", "/relative"},
	} {
		if got := NormalizeURL(c.in); got != c.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCanonicalLink(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<html><head><link rel="canonical" href="/story"></head><body></body></html>`, "https://harbour.example/story"},
		{`<html><head><LINK REL="Canonical" HREF="https://other.example/s"></head>`, "https://other.example/s"},
		{`<html><head><link rel="alternate canonical" href="s2"></head>`, "https://harbour.example/amp/s2"},
		{`<html><head><link rel="stylesheet" href="/x.css"></head><body><link rel="canonical" href="/late"></body>`, ""},
		{`<html><head><link rel="canonical" href="javascript:alert(1)"></head>`, ""},
		{`not html at all`, ""},
	} {
		if got := canonicalLink([]byte(c.page), "https://harbour.example/amp/story"); got != c.want {
			t.Errorf("canonicalLink(%q) = %q, want %q", c.page, got, c.want)
		}
	}
}
