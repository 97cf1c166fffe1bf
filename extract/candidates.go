package extract

import (
	nurl "net/url"

	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	distiller "github.com/markusmobius/go-domdistiller"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"github.com/storyline-news/storyline/internal/htmltext"
	"golang.org/x/net/html"
)

// Each extractor runs under its own recover: a bug one of them hits on an
// odd page leaves the vote to the others instead of losing the page.

// trafilaturaText runs go-trafilatura alone with the given focus.
func trafilaturaText(doc *html.Node, u *nurl.URL, focus trafilatura.ExtractionFocus, fallback bool) (text string, meta trafilatura.Metadata) {
	defer func() {
		if recover() != nil {
			text, meta = "", trafilatura.Metadata{}
		}
	}()
	r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:      u,
		EnableFallback:   fallback,
		Focus:            focus,
		ExcludeComments:  true,
		HtmlDateMode:     trafilatura.Disabled,
		HtmlDateOverride: &htmldate.Result{},
	})
	if err != nil || r == nil {
		return "", trafilatura.Metadata{}
	}
	return htmltext.Render(r.ContentNode), r.Metadata
}

// readabilityText runs go-readability (Mozilla's Readability.js port).
func readabilityText(doc *html.Node, u *nurl.URL) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	a, err := readability.FromDocument(dom.Clone(doc, true), u)
	if err != nil || a.Node == nil {
		return ""
	}
	return htmltext.Render(a.Node)
}

// distillerText runs go-domdistiller (Chromium's DOM Distiller port).
func distillerText(doc *html.Node, u *nurl.URL) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	r, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: u, SkipPagination: true})
	if err != nil || r == nil || r.Node == nil {
		return ""
	}
	return htmltext.Render(r.Node)
}
