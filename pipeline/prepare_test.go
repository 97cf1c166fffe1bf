package pipeline

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/source"
)

const stripesPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse to get stripes | The Lumenville Ledger</title>
<meta property="og:site_name" content="The Lumenville Ledger">
<meta name="author" content="Name">
<meta property="article:published_time" content="2023-11-08T17:49:09-08:00">
<link rel="canonical" href="https://ledger.example/stripes"></head><body><article>
<h1>Lighthouse to get stripes</h1>
<p>The town council of Lumenville voted on Tuesday to repaint the old lighthouse in green and white stripes, ending a dispute that has divided the harbour district for more than a decade.</p>
<p>Mayor Ada Quillfeather said the work would begin in May and take about six weeks, weather permitting, and that the paint would resist salt spray.</p>
</article></body></html>`

// A page item is extracted in Prepare: reading and extracting are two steps.
func TestPrepareExtractsPages(t *testing.T) {
	a, err := Prepare(&source.Item{ID: "stripes", HTML: []byte(stripesPage), Format: "html"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Lighthouse to get stripes" || a.Outlet != "The Lumenville Ledger" || a.URL != "https://ledger.example/stripes" ||
		a.Lang != "en" || !strings.Contains(a.Text, "green and white stripes") || a.PublishedFrom != "html" {
		t.Errorf("article %+v", a)
	}
	// The publisher's own offset is kept: the day is the publisher's day.
	if a.Published != "2023-11-08T17:49:09-08:00" {
		t.Errorf("published %q", a.Published)
	}
	// A comment form's label is no byline.
	if a.Byline != "" {
		t.Errorf("byline %q, want none", a.Byline)
	}

	// What the item says wins over the page.
	a, err = Prepare(&source.Item{ID: "j", HTML: []byte(stripesPage), Title: "Stripes for the lighthouse", URL: "https://ledger.example/j", Format: "jsonl"}, nil)
	if err != nil || a.Title != "Stripes for the lighthouse" || a.URL != "https://ledger.example/j" {
		t.Errorf("article %+v, %v", a, err)
	}

	if _, err := Prepare(&source.Item{ID: "empty", HTML: []byte("<html><head><title>x</title></head><body></body></html>"), Format: "html"}, nil); err == nil || !strings.Contains(err.Error(), "no article text") {
		t.Errorf("empty page: %v", err)
	}
}

// Meta that gives the same instant in UTC confirms the article's own date,
// which keeps its offset; a different day from meta wins.
func TestPreparePublishedOffset(t *testing.T) {
	it := &source.Item{ID: "stripes", HTML: []byte(stripesPage), Format: "html"}
	for metaDate, want := range map[string]string{
		"2023-11-09T01:49:09Z": "2023-11-08T17:49:09-08:00",
		"2023-11-08":           "2023-11-08T17:49:09-08:00",
		"2023-11-10":           "2023-11-10",
	} {
		a, err := Prepare(it, map[string]Meta{"stripes": {ID: "stripes", Published: metaDate}})
		if err != nil || a.Published != want {
			t.Errorf("meta %s: published %q (%v), want %s", metaDate, a.Published, err, want)
		}
	}
}

// A feed item with a headline and no text is kept: its headline is its text.
func TestPrepareHeadlineOnly(t *testing.T) {
	a, err := Prepare(&source.Item{ID: "https://harbour.example/5", Title: "Storm warning for Friday", Format: "rss"}, nil)
	if err != nil || a.Text != "Storm warning for Friday" || a.Title != "Storm warning for Friday" {
		t.Errorf("article %+v, %v", a, err)
	}
}
