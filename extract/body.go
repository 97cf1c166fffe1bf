package extract

import (
	nurl "net/url"
	"strings"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// mainText runs the extractors on doc and returns the chosen body as text,
// with the page's metadata.
func mainText(doc *html.Node, u *nurl.URL, date *htmldate.Result) (string, trafilatura.Metadata) {
	opts := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		Focus:           trafilatura.Balanced,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if date != nil {
		opts.HtmlDateOverride = date
	} else {
		opts.HtmlDateOverride = &htmldate.Result{}
	}
	r, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || r == nil {
		return "", trafilatura.Metadata{}
	}
	return nodeText(r.ContentNode), r.Metadata
}

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

// nodeText renders an HTML subtree as plain text: paragraphs (block
// elements) separated by a blank line, <br> as a line break, runs of
// whitespace collapsed.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		lines := strings.Split(cur.String(), "\n")
		var kept []string
		for _, l := range lines {
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
			cur.WriteString(n.Data)
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
