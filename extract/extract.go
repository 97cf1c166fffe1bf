// Package extract finds the article in a web page: its main text, title,
// byline, outlet, language, credits and original publication date.
//
// Three extractors read the page: go-trafilatura gives the body (and the
// metadata), go-readability and go-domdistiller vote on which of its edge
// paragraphs are article; general boilerplate rules (headline, bylines,
// timestamps, share bars, teasers, promotions, credit lines) run last. The
// date comes from go-htmldate: the original publication date, not the last
// modification, and from the URL only when the page itself gives none.
//
// Evaluate and CompareShingles measure bodies against a labelled data set
// with the article-extraction benchmark's metric (word 4-gram shingles).
package extract

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	storyclean "github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/internal/htmltext"
	"github.com/storyline-news/storyline/internal/textenc"
	"golang.org/x/net/html"
)

// Result is what a page yields.
type Result struct {
	Title     string
	URL       string // canonical URL, when the page declares one
	Byline    string
	Site      string // outlet name, from the page's metadata
	Text      string // main text; paragraphs separated by blank lines
	Published string // YYYY-MM-DD or RFC 3339; "" when unknown
	Lang      string // ISO 639-1 code, when declared or detected
	Credits   []string
}

// ErrNoText is returned when a page parses but holds no article text.
var ErrNoText = errors.New("no article text found in HTML")

// HTML extracts the article from an HTML page. pageURL may be empty; it helps
// to resolve relative links and canonical URLs.
func HTML(data []byte, pageURL string) (res Result, err error) {
	// The third-party extractors walk arbitrary trees; a bug in them must
	// not take the whole batch down.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extracting HTML: internal error: %v", r)
		}
	}()
	// A page read by package source is UTF-8 already; one given directly
	// (the evaluation's pages) is decoded the same way.
	data = textenc.Decode(data, textenc.HTML, "").Text
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Result{}, fmt.Errorf("parsing HTML: %w", err)
	}
	var u *nurl.URL
	if pageURL != "" {
		if p, err := nurl.Parse(pageURL); err == nil && p.IsAbs() {
			u = p
		}
	}

	date := publishedDate(doc, pageURL)
	body, meta, credits := mainText(doc, u)
	known := pageURL
	if known == "" {
		known = meta.URL
	}
	site := cleanSite(meta.Sitename, known)
	res = Result{
		Title:   cleanTitle(meta.Title, site, known),
		Byline:  cleanByline(meta.Author),
		Site:    site,
		URL:     meta.URL,
		Text:    body,
		Lang:    meta.Language,
		Credits: append(storyclean.Agencies(meta.Author), credits...),
	}
	if date != nil {
		res.Published = formatDate(*date)
	}
	// A page with no body leaves extractors with its title or a stray
	// label; that is no article.
	if words := Words(res.Text); len(words) == 0 || strings.Join(words, " ") == strings.Join(Words(res.Title), " ") {
		return res, ErrNoText
	}
	return res, nil
}

// publishedDate finds the original publication date. A date in the URL is
// used only when neither the metadata nor the structured data give one:
// URLs often carry the date of a section or an update.
func publishedDate(doc *html.Node, pageURL string) *htmldate.Result {
	r, err := htmldate.FromDocument(doc, htmldate.Options{
		UseOriginalDate:     true,
		ExtractTime:         true,
		URL:                 pageURL,
		DeferUrlExtractor:   true,
		SkipExtensiveSearch: false,
	})
	if err != nil || r.DateTime.IsZero() {
		return nil
	}
	return &r
}

func formatDate(r htmldate.Result) string {
	if r.HasTime && r.HasTimezone {
		return r.DateTime.Format(time.RFC3339)
	}
	return r.DateTime.Format("2006-01-02")
}

// clean collapses a metadata string onto one line.
func clean(s string) string { return htmltext.Line(s) }
