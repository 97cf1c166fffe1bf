package follow

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// canonicalLink is the page's <link rel="canonical"> resolved against
// base, when it is an http(s) URL; "" when the page has none. Only the
// head is read.
func canonicalLink(page []byte, base string) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Link:
				if href := canonicalHref(z, hasAttr); href != "" {
					return resolve(base, href)
				}
			}
		}
	}
}

func canonicalHref(z *html.Tokenizer, hasAttr bool) string {
	var rel, href string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "rel":
			rel = string(v)
		case "href":
			href = string(v)
		}
	}
	for _, r := range strings.Fields(rel) {
		if strings.EqualFold(r, "canonical") {
			return strings.TrimSpace(href)
		}
	}
	return ""
}

// resolve is ref against base, when the result is an http(s) URL.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u := b.ResolveReference(r)
	if u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
