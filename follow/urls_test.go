package follow

import "testing"

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
