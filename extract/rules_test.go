package extract

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/htmltext"
)

func TestCleanByline(t *testing.T) {
	for in, want := range map[string]string{
		"By Orla Penhallow":                "Orla Penhallow",
		"Jeff Foust Monday; November":      "Jeff Foust",
		"Wire services Published":          "", // no one's name
		"Theresa May":                      "Theresa May",
		"Ada Quill Updated 12:30 2021,":    "Ada Quill",
		"Ada Quill on Sunday":              "Ada Quill",
		"Ada Quill;  Tamsin Brightwater  ": "Ada Quill, Tamsin Brightwater",
		"Name":                             "", // a comment form's label
		"Auteurs":                          "",
		"Abgelegt Unter":                   "",
		"Art Edwards says":                 "", // a commenter, not the author
		"Unknown":                          "",
		"":                                 "",
	} {
		if got := cleanByline(in); got != want {
			t.Errorf("cleanByline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsTimestamp(t *testing.T) {
	for p, want := range map[string]bool{
		"Updated 10:43 GMT, 19 November 2019":      true,
		"segunda-feira, 22 de março de 2018 10:13": true,
		"giovedì 4 marzo 2021":                     true,
		"Mittwoch, 3. März 2021, 12:00 Uhr":        true,
		"3 - 1":                                    false, // a score, nothing surely a date
		"Talks resumed on Monday":                  false,
	} {
		if got := isTimestamp(p, Words(p)); got != want {
			t.Errorf("isTimestamp(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestCleanSite(t *testing.T) {
	tests := []struct{ site, page, want string }{
		{"The Lumenville Ledger", "", "The Lumenville Ledger"},
		{"https://www.ledger.example", "", "ledger.example"},
		{"https://www.facebook.com/Ledger", "https://www.ledger.example/a", "ledger.example"},
	}
	for _, tt := range tests {
		if got := cleanSite(tt.site, tt.page); got != tt.want {
			t.Errorf("cleanSite(%q, %q) = %q, want %q", tt.site, tt.page, got, tt.want)
		}
	}
}

func TestRemoveBoilerplate(t *testing.T) {
	prose := "The harbour crane in Saltcombe is working again after engineers replaced a worn cable on Tuesday."
	tests := []struct {
		name, para string
		drop       bool
	}{
		{"headline", "Crane repaired", true},
		{"prose", prose, false},
		{"share bar", "Share on Facebook Twitter WhatsApp Email", true},
		{"timestamp", "UPDATED: Tue., Nov. 19, 2019 10:43", true},
		{"portuguese timestamp", "segunda-feira, 22 de janeiro de 2018 às 0:13", true},
		{"scores", "Rockledge 14 11 6 15 — 44", false},
		{"read more", "READ MORE: Ferry timetable changes from June", true},
		{"related label", "Related: The ten best harbour walks", true},
		{"related prose", "Related questions about the cable will be answered by the harbour office next week.", false},
		{"newsletter", "Get the day's top headlines. Subscribe to our newsletter.", true},
		{"contact", "tamsin.brightwater@courier.example", true},
		{"byline", "By Tamsin Brightwater", true},
		{"tags", "Tags\nharbour, crane, Saltcombe", true},
		{"credit", "Reporting by Tamsin Brightwater; Editing by Ada Quill", true},
		{"shortcode", "[button link=x] Send us your photos[/button]", true},
	}
	for _, tt := range tests {
		text := tt.para + "\n\n" + prose
		if tt.name != "headline" {
			text = prose + "\n\n" + tt.para + "\n\n" + prose
		}
		got, _ := removeBoilerplate(text, "Crane repaired | Saltcombe Courier")
		dropped := !strings.Contains(got, tt.para)
		if dropped != tt.drop {
			t.Errorf("%s: dropped = %v, want %v (%q)", tt.name, dropped, tt.drop, got)
		}
	}
	_, credits := removeBoilerplate(prose+"\n\nReporting by Ada Quill; Editing by Orla Penhallow", "")
	if len(credits) != 1 {
		t.Errorf("credits %q, want the reporting line", credits)
	}
	// An echo of a dropped tag list goes too.
	got, _ := removeBoilerplate(prose+"\n\nTags\nharbour, crane\n\nharbour, crane", "")
	if got != prose {
		t.Errorf("echo kept: %q", got)
	}
}

func TestVoting(t *testing.T) {
	a := "Lead paragraph of the ferry story with enough words to count for the vote here."
	b := "Second paragraph of the ferry story, also long enough to be counted as article prose by the vote."
	c := "Third paragraph of the ferry story ends the article with a quote from the operator and the harbour master."
	teaser := "Other story: harbour cat adopted"
	base := strings.Join([]string{teaser, a, b, teaser, c, "Promo line at the end"}, "\n\n")
	other := strings.Join([]string{a, b, c}, "\n\n")
	got := trimEnds(base, []string{other, other})
	if want := strings.Join([]string{a, b, teaser, c}, "\n\n"); got != want {
		t.Errorf("trimEnds = %q, want %q", got, want)
	}
	if !isListing("x\n\nShare on Facebook\n\ny\n\nShare on Facebook\n\nz\n\nShare on Facebook") || isListing(other) {
		t.Error("isListing")
	}
	long := strings.Repeat(a+"\n\n", 4) + b + "\n\n" + c
	if got, _ := chooseBase([3]string{a, long, long}); got != long {
		t.Errorf("chooseBase kept the short body")
	}
	if got, _ := chooseBase([3]string{other, other, long}); got != other {
		t.Errorf("chooseBase left the base body")
	}
}

func TestMarkWordBoundaries(t *testing.T) {
	res, err := HTML([]byte(`<html><body><article><p>An opening paragraph that is long enough for the extractor to keep as article text here.</p><ul><li>You have to <em>market</em> it, and <b>reach</b> prospects.</li><li>Second item with a <a href="/x">link</a> inside it.</li></ul><p>A closing paragraph that is long enough for the extractor to keep as article text too.</p></article></body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"to market it, and reach prospects.", "with a link inside"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text %q lacks %q", res.Text, want)
		}
	}
	if strings.Contains(res.Text, htmltext.Boundary) {
		t.Errorf("boundary mark left in %q", res.Text)
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ title, site, url, want string }{
		{"Ferry resumes - Saltcombe Courier", "Saltcombe Courier", "", "Ferry resumes"},
		{"Ferry resumes | courier.example", "", "https://www.courier.example/a", "Ferry resumes"},
		{"Saltcombe Courier | Ferry resumes", "Saltcombe Courier", "", "Ferry resumes"},
		{"Ferry resumes - but not on Sundays", "Saltcombe Courier", "", "Ferry resumes - but not on Sundays"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, tt.url); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestHugePage(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Harbour log</title></head><body><nav><a href=/>Home</a></nav><article>")
	for i := 0; i < maxElements; i++ {
		b.WriteString("<p>The ferry left the quay.</p>")
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>")
	res, err := HTML([]byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Harbour log" || strings.Count(res.Text, "The ferry left the quay.") != maxElements ||
		strings.Contains(res.Text, "Home") || strings.Contains(res.Text, "Copyright") {
		t.Errorf("title %q, text of %d bytes", res.Title, len(res.Text))
	}
}
