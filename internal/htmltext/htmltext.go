// Package htmltext renders HTML as plain text: paragraphs (block elements)
// separated by blank lines, <br> as a line break, whitespace collapsed.
//
// It is shared by the reader of inputs (package source renders feed item
// fragments) and the article extractor (package extract renders what its
// extractors kept), so that both agree on what a paragraph is. It depends
// on nothing but golang.org/x/net/html.
package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Boundary marks whitespace between a word and an inline element. Some
// extractors trim text at element edges ("<em>reach</em> prospects" comes
// out as "reachprospects"); a character that is no space survives the
// trimming and Render turns it back into a space.
const Boundary = "\ue000"

// blockTags start a new paragraph in the rendered text.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true,
	"tbody": true, "tfoot": true, "caption": true, "figure": true, "figcaption": true,
	"header": true, "footer": true, "aside": true, "nav": true, "form": true,
	"hr": true, "address": true, "details": true, "summary": true, "body": true,
	"html": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "head": true, "iframe": true, "object": true, "button": true,
	"select": true, "textarea": true,
}

// IsBlock reports whether an element (lower-case tag name) starts a paragraph.
func IsBlock(tag string) bool { return blockTags[tag] }

// IsSkipped reports whether an element holds no readable text.
func IsSkipped(tag string) bool { return skipTags[tag] }

// Render renders an HTML subtree as plain text: paragraphs separated by a
// blank line, <br> as a line break, runs of whitespace collapsed.
func Render(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		var kept []string
		for _, l := range strings.Split(cur.String(), "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			paras = append(paras, strings.Join(kept, "\n"))
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(strings.ReplaceAll(n.Data, Boundary, " "))
			return
		case html.ElementNode:
			tag := strings.ToLower(n.Data)
			if skipTags[tag] {
				return
			}
			switch tag {
			case "br":
				cur.WriteString("\n")
				return
			case "td", "th":
				cur.WriteString(" ")
			}
			if blockTags[tag] {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// Line collapses a one-line string: boundary marks and runs of whitespace
// become single spaces.
func Line(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, Boundary, " ")), " ")
}

// Fragment renders an HTML fragment (a feed item's content or summary) as
// plain text, paragraphs separated by blank lines. Plain text passes through
// with its whitespace normalised.
func Fragment(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{
		Type: html.ElementNode, Data: "body", DataAtom: atom.Body,
	})
	if err != nil {
		return Line(fragment)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return Render(root)
}
