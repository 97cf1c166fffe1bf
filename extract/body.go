package extract

import (
	nurl "net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"github.com/storyline-news/storyline/internal/htmltext"
	"golang.org/x/net/html"
)

// mainText runs the extractors on doc and returns the body as text, with
// the page's metadata and the credit lines taken out of the body.
//
// Three extractors vote: go-trafilatura (favouring recall) gives the body,
// go-readability and go-domdistiller say which of its edge paragraphs are
// article and which are boilerplate; then general boilerplate rules run.
// On the development pages this beats each extractor alone, trafilatura's
// own fallback logic included (see TestEvalDev).
func mainText(doc *html.Node, u *nurl.URL) (string, trafilatura.Metadata, []string) {
	pruneHidden(doc)
	keepEmbeds(doc)
	markWordBoundaries(doc)
	if countElements(doc, maxElements) > maxElements {
		return baselineText(doc)
	}
	t, meta := trafilaturaText(doc, u, trafilatura.FavorRecall, false)
	cands := [3]string{t, readabilityText(doc, u), distillerText(doc, u)}
	base, others := chooseBase(cands)
	body, credits := removeBoilerplate(trimEnds(base, others), meta.Title)
	return body, meta, credits
}

// maxElements bounds the pages the extractors run on. Their cost grows
// faster than the page (quadratic, in trafilatura and DOM Distiller: a
// 6 MB page of 20,000 paragraphs takes minutes), and no article page comes
// near: the largest of the development pages has 1,600 elements. Larger
// pages get baselineText.
const maxElements = 15000

// baselineText is the text of a page's <article> (or <main>, or <body>)
// without navigation and page furniture, and its <title>: a linear-time
// stand-in for the extractors on pages too large for them.
func baselineText(doc *html.Node) (string, trafilatura.Metadata, []string) {
	var meta trafilatura.Metadata
	var article, main, body *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if meta.Title == "" && n.FirstChild != nil {
					meta.Title = n.FirstChild.Data
				}
			case "article":
				if article == nil {
					article = n
				}
			case "main":
				if main == nil {
					main = n
				}
			case "body":
				body = n
			case "nav", "header", "footer", "aside", "form":
				n.Parent.RemoveChild(n)
				return
			}
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			walk(c)
			c = next
		}
	}
	walk(doc)
	for _, n := range []*html.Node{article, main, body} {
		if n != nil {
			return htmltext.Render(n), meta, nil
		}
	}
	return "", meta, nil
}

// countElements counts the elements of a tree, stopping past limit.
func countElements(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count <= limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// markWordBoundaries puts a boundary mark on the whitespace at the edges of
// text nodes that touch an element. Whitespace-only nodes stay as they are:
// the extractors treat them as layout, not as text.
func markWordBoundaries(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if !htmltext.IsSkipped(c.Data) {
				markWordBoundaries(c)
			}
		case html.TextNode:
			if strings.TrimSpace(c.Data) == "" {
				continue
			}
			first, _ := utf8.DecodeRuneInString(c.Data)
			last, _ := utf8.DecodeLastRuneInString(c.Data)
			if c.PrevSibling != nil && unicode.IsSpace(first) {
				c.Data = htmltext.Boundary + c.Data
			}
			if (c.NextSibling != nil || n.Type == html.ElementNode && !htmltext.IsBlock(n.Data)) && unicode.IsSpace(last) {
				c.Data += htmltext.Boundary
			}
		}
	}
}

// hiddenClass matches class names of page furniture that is hidden until
// hovered or clicked: tooltips, pop-overs, hover cards.
var hiddenClass = regexp.MustCompile(`(?i)^(tooltip|popover|rollover|hovercard|hover-card)([_-]|$)`)

// pruneHidden removes hover furniture, which a reader sees only on demand.
// Extractors read the markup, not the rendering, and would take its text
// for the article's. (Inline display:none and the hidden attribute are no
// guide: pages hide their whole body until a script has run.) A hover card
// is often nested in a wrapper of the same family that also holds the
// visible link, so only the innermost matches go, and never a link.
func pruneHidden(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.Data != "body" && c.Data != "html" && c.Data != "a" && isHidden(c) && !hasHidden(c) {
				n.RemoveChild(c)
			} else {
				pruneHidden(c)
			}
		}
		c = next
	}
}

// hasHidden reports whether a descendant of n (other than a link) is hover
// furniture.
func hasHidden(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data != "a" && isHidden(c) || hasHidden(c)) {
			return true
		}
	}
	return false
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if hiddenClass.MatchString(tok) {
				return true
			}
		}
	}
	return false
}

// embedClass matches the class of an embedded social-media post.
var embedClass = regexp.MustCompile(`(?i)\b(twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|fb-post)\b`)

// wrapperClass matches the wrappers that sites put around embedded posts.
var wrapperClass = regexp.MustCompile(`(?i)(embed|social|tweet|twitter|instagram)`)

// keepEmbeds makes embedded posts (tweets and the like, quoted in an
// article as a source) look like the plain quotations they are: the
// extractors discard anything classed "twitter" or "social" as share
// buttons. Their text is part of the story.
func keepEmbeds(n *html.Node) {
	var embeds []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data == "blockquote" && embedClass.MatchString(attr(c, "class")) {
				embeds = append(embeds, c)
				continue
			}
			find(c)
		}
	}
	find(n)
	for _, e := range embeds {
		e.Attr = nil
		// Unwrap the wrappers that hold nothing but the post.
		for p := e.Parent; p != nil && p.Type == html.ElementNode && p.Parent != nil &&
			p.Data != "body" && onlyElementChild(p) == e &&
			wrapperClass.MatchString(attr(p, "class")+" "+attr(p, "id")); p = e.Parent {
			gp := p.Parent
			p.RemoveChild(e)
			gp.InsertBefore(e, p)
			gp.RemoveChild(p)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// onlyElementChild is n's one element child, or nil when it has none or
// several.
func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data != "script" {
			if only != nil {
				return nil
			}
			only = c
		}
	}
	return only
}
