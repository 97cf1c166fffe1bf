package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

func TestDates(t *testing.T) {
	tests := []struct {
		in, want string
		line     bool // the line gives nothing but the date
	}{
		{"July 27,2021", "2021-07-27", true},
		{"July 27, 2021", "2021-07-27", true},
		{"Published: 30 September 2021 10:15 GMT", "2021-09-30", true},
		{"Updated Sept. 3, 2022, 4:05 p.m. ET", "2022-09-03", true},
		{"Thursday, 3rd March 2022", "2022-03-03", true},
		{"14.02.2020", "2020-02-14", true},
		{"2021/09/30", "2021-09-30", true},
		{"2021-09-30T10:00:00+02:00", "2021-09-30T10:00:00+02:00", true},
		{"le 5 mai 2020", "2020-05-05", true},
		{"Talks resumed on July 27, 2021 in Geneva.", "2021-07-27", false},
		{"2021-02-30", "", false},
		{"Mayor 12, 2021", "", false},
	}
	for _, tt := range tests {
		d, ok := findDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("findDate(%q) = %q, want none", tt.in, d.value)
			}
			continue
		}
		if !ok || d.value != tt.want {
			t.Errorf("findDate(%q) = %q, %v; want %q", tt.in, d.value, ok, tt.want)
		}
		if _, ok := dateLine(tt.in); ok != tt.line {
			t.Errorf("dateLine(%q) = %v, want %v", tt.in, ok, tt.line)
		}
	}
}

func TestDatePrefix(t *testing.T) {
	tests := []struct{ in, date, rest string }{
		{" date 2021-09-30 The talks began.", "2021-09-30", "The talks began."},
		{"2021-09-30 The talks began.", "2021-09-30", "The talks began."},
		{"Published: July 27, 2021 | The talks began.", "2021-07-27", "The talks began."},
		{"May 5, 2021 was a quiet day in the capital.", "", ""},
		{"The talks began on 2021-09-30.", "", ""},
	}
	for _, tt := range tests {
		d, rest, ok := datePrefix(strings.TrimSpace(tt.in))
		if tt.date == "" {
			if ok {
				t.Errorf("datePrefix(%q) = %q, want none", tt.in, d)
			}
			continue
		}
		if d != tt.date || rest != tt.rest {
			t.Errorf("datePrefix(%q) = %q, %q; want %q, %q", tt.in, d, rest, tt.date, tt.rest)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	yes := []string{"Advertisement", "ADVERTISEMENT", "Sponsored by Acme, Foo and Bar", "Share this:", "Leave a Reply",
		"Your email address will not be published. Required fields are marked *", "Read more: Ten ways to save",
		"Story continues below advertisement", "Skip to main content"}
	no := []string{"The advertisement was pulled after complaints.", "Share prices fell sharply on Monday.",
		"Read more about the plan in the report, officials said, adding that it would be published next week and then discussed in parliament in the autumn."}
	for _, s := range yes {
		if !boilerplate(s) {
			t.Errorf("boilerplate(%q) = false", s)
		}
	}
	for _, s := range no {
		if boilerplate(s) {
			t.Errorf("boilerplate(%q) = true", s)
		}
	}
}

func TestBreadcrumb(t *testing.T) {
	tests := []struct {
		in, last string
		ok       bool
	}{
		{"Home / News / Mayor Opens New Bridge", "Mayor Opens New Bridge", true},
		{"World > Europe > Storm hits coast", "Storm hits coast", true},
		{"Home » Sport", "Sport", true},
		{"Prices rose 3 / 4 / 5 percent in the three quarters.", "", false},
		{"He said the ratio was 1 / 2", "", false},
	}
	for _, tt := range tests {
		last, ok := breadcrumb(tt.in)
		if ok != tt.ok || last != tt.last {
			t.Errorf("breadcrumb(%q) = %q, %v; want %q, %v", tt.in, last, ok, tt.last, tt.ok)
		}
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		in, name string
		credits  []string
		date     string
		ok       bool
	}{
		{"By Kevin Zhang", "Kevin Zhang", nil, "", true},
		{"By AFP", "", []string{"AFP"}, "", true},
		{"By Jane Doe, Reuters", "Jane Doe", []string{"Reuters"}, "", true},
		{"BY JOHN SMITH and Ana de la Cruz | March 3, 2023", "JOHN SMITH and Ana de la Cruz", nil, "2023-03-03", true},
		{"Posted by Jane Doe on March 3, 2023", "Jane Doe", nil, "2023-03-03", true},
		{"Author: Jean Dupont", "Jean Dupont", nil, "", true},
		{"By Sunday the talks had stalled", "", nil, "", false},
		{"By the way, nobody came.", "", nil, "", false},
		{"By Laura Finch Rebel group Red Hand confirmed on Friday that a senior commander fled", "", nil, "", false},
	}
	for _, tt := range tests {
		name, cr, d, ok := byline(tt.in)
		if ok != tt.ok || name != tt.name || !slices.Equal(cr, tt.credits) || d != tt.date {
			t.Errorf("byline(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.in, name, cr, d, ok, tt.name, tt.credits, tt.date, tt.ok)
		}
	}
}

func TestCaptions(t *testing.T) {
	tests := []struct {
		in      string
		credits []string
		ok      bool
	}{
		{"FILE PHOTO: A ship enters the port of Hamburg, Germany, May 2, 2020. REUTERS/Fabian Bimmer/File Photo", []string{"Reuters", "Fabian Bimmer"}, true},
		{"The ministers pose before talks in Oslo, Norway July 28, 2021. Norwegian Foreign Ministry/Handout via REUTERS", []string{"Norwegian Foreign Ministry", "Reuters"}, true},
		{"Firefighters at work near the village. (Photo: AFP)", []string{"AFP"}, true},
		{"A man walks past the ministry. Photo by Ana Ruiz", []string{"Ana Ruiz"}, true},
		{"Volunteers unload food parcels. AFP via Getty Images", []string{"AFP", "Getty Images"}, true},
		{"Gov. Kristi Noem (R) defended the campaign on Monday.", nil, false},
		{"The minister said the talks would continue. He did not say when.", nil, false},
	}
	for _, tt := range tests {
		cr, ok := explicitCaption(tt.in)
		if ok != tt.ok || !slices.Equal(cr, tt.credits) {
			t.Errorf("explicitCaption(%q) = %q, %v; want %q, %v", tt.in, cr, ok, tt.credits, tt.ok)
		}
	}
}

// TestRepeatedCaption covers a caption that restates the body and ends with
// a bare credit, in the first lines of a plain text.
func TestRepeatedCaption(t *testing.T) {
	raw := "The meeting follows a first round of talks in Oslo on May 3 between the two foreign ministers. Nordic Press Office\n\n" +
		"The two countries are holding a second round of talks on fishing rights.\n\n" +
		"The meeting follows a first round of talks in Oslo on May 3 that ended without agreement.\n"
	r := Text(raw, Known{})
	if strings.Contains(r.Text, "Nordic Press Office") || strings.Contains(r.Text, "foreign ministers") {
		t.Errorf("caption kept: %q", r.Text)
	}
	if !slices.Equal(r.Credits, []string{"Nordic Press Office"}) {
		t.Errorf("credits = %q", r.Credits)
	}
	// From HTML, resemblance alone removes nothing.
	if r := Text(raw, Known{FromHTML: true}); !strings.Contains(r.Text, "foreign ministers") {
		t.Errorf("FromHTML: caption-like line dropped")
	}
}

func TestLinkArtefacts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"According to Le MondeExternal link, the talks failed.", "According to Le Monde, the talks failed."},
		{"See the report (opens in new tab) for details.", "See the report for details."},
		{"The report External link", "The report"},
		{"An external link to the site was broken.", "An external link to the site was broken."},
	}
	for _, tt := range tests {
		if got := linkArtefacts(tt.in); got != tt.want {
			t.Errorf("linkArtefacts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEndMatter(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday and approved the budget for the coming year. ", 5)
	tests := []struct {
		name, raw, gone, kept string
	}{
		{"related", body + "\n\nRelated Stories\n\nBudget row deepens\n", "Budget row", "approved"},
		{"author box", body + "\n\nAbout Maria Lopez\n\nMaria Lopez covers city hall.\n", "covers city hall", "approved"},
		{"comment form", body + "\n\nLeave a Reply\n\nName *\n", "Name *", "approved"},
		{"early marker kept text", "Related\n\n" + body + "\n\nThe mayor said more was needed.\n", "Related", "more was needed"},
		{"truncated teasers are no sentences", strings.Repeat("The council met on Tuesday and approved the budget. ", 3) +
			"\n\nRelated\n\nBy Ann Roe \"We will not pay for the new stadium and the roads around it,\" the mayor said …\n\nLeave a Reply\n",
			"We will not pay", "approved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Text(tt.raw, Known{FromHTML: true})
			if strings.Contains(r.Text, tt.gone) {
				t.Errorf("%q kept: %q", tt.gone, r.Text)
			}
			if !strings.Contains(r.Text, tt.kept) {
				t.Errorf("%q lost: %q", tt.kept, r.Text)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, raw string
		want      []string
	}{
		{
			"wrapped",
			"The committee said on Monday that the new rules would apply from\nnext year and that companies would have six months to comply with\nthem.\n\nCritics said the rules did not go far enough and would leave most\nsmall firms untouched.",
			[]string{
				"The committee said on Monday that the new rules would apply from next year and that companies would have six months to comply with them.",
				"Critics said the rules did not go far enough and would leave most small firms untouched.",
			},
		},
		{
			"one paragraph a line, with a crosshead",
			"The first paragraph ends here.\nA crosshead\nThe second paragraph ends here.",
			[]string{"The first paragraph ends here.", "A crosshead", "The second paragraph ends here."},
		},
		{
			"broken sentence outside wrapped text",
			"The minister said the plan,\nwhich was announced in May, would cost millions.\nShe left.",
			[]string{"The minister said the plan, which was announced in May, would cost millions.", "She left."},
		},
		{
			"indented paragraphs in wrapped text",
			"The river rose by two metres overnight and the authorities closed the\nbridges to traffic as a precaution, the mayor said on Sunday morning.\n  Residents were told to stay at home until the water receded and to\navoid the embankment, where the current was strongest, the mayor said.",
			[]string{
				"The river rose by two metres overnight and the authorities closed the bridges to traffic as a precaution, the mayor said on Sunday morning.",
				"Residents were told to stay at home until the water receded and to avoid the embankment, where the current was strongest, the mayor said.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphTexts(paragraphs(splitLines(tt.raw)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestRepairQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said the ""approaches" do not always ""match."`, `He said the "approaches" do not always "match."`},
		{`It stays "an open matter' whether they will "sign the deal."`, `It stays "an open matter" whether they will "sign the deal."`},
		{`"We will try,'" he said.`, `"We will try," he said.`},
		{`He welcomed that "there is contact' between them.`, `He welcomed that "there is contact" between them.`},
		{`Russia's "serious" approach isn't new.`, `Russia's "serious" approach isn't new.`},
		{`He called it "the 'new normal' for us" today.`, `He called it "the 'new normal' for us" today.`},
		{`"The two nations' goals differ," he said.`, `"The two nations' goals differ," he said.`},
		{`Russia’’s concerns`, `Russia’s concerns`},
		{`An empty "" string stays.`, `An empty "" string stays.`},
	}
	for _, tt := range tests {
		if got := repairQuotes(tt.in); got != tt.want {
			t.Errorf("repairQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := repairQuotes(tt.want); got != tt.want {
			t.Errorf("repairQuotes not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestDateline(t *testing.T) {
	tests := []struct{ in, place, agency, head string }{
		{"GENEVA (Reuters) - The talks began.", "Geneva", "Reuters", "GENEVA (Reuters) - "},
		{"Geneva, Sept 30 (AFP) — The talks began.", "Geneva", "AFP", "Geneva, Sept 30 (AFP) — "},
		{"(Geneva) Russians and Americans met.", "Geneva", "", "(Geneva) "},
		{"NEW YORK — Stocks rose.", "New York", "", "NEW YORK — "},
		{"MOSCOW, July 27. /TASS/. Russia said.", "Moscow", "TASS", "MOSCOW, July 27. /TASS/. "},
		{"(AP) — The talks began.", "", "AP", "(AP) — "},
		{"The talks began in Geneva.", "", "", ""},
		{"US-Russia talks - what to expect", "", "", ""},
	}
	for _, tt := range tests {
		place, agency, end := dateline(tt.in)
		if place != tt.place || agency != tt.agency || tt.in[:end] != tt.head {
			t.Errorf("dateline(%q) = %q, %q, %q; want %q, %q, %q", tt.in, place, agency, tt.in[:end], tt.place, tt.agency, tt.head)
		}
	}
}

func TestLeadTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ministers met on Monday. They agreed.", "Ministers met on Monday"},
		{"OSLO (Reuters) - Norway and Sweden are holding a third round of deep-sea fishing quota talks in Oslo in an attempt to settle several old disputes.",
			"Norway and Sweden are holding a third round of deep-sea fishing quota talks in Oslo"},
		{"Mr. Smith went to Washington on Friday.", "Mr. Smith went to Washington on Friday"},
	}
	for _, tt := range tests {
		if got := leadTitle(tt.in); got != tt.want {
			t.Errorf("leadTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOutlet(t *testing.T) {
	tests := []struct {
		paras []string
		want  string
	}{
		{[]string{"Al Jazeera's correspondent reports that the talks began."}, "Al Jazeera"},
		{[]string{"Radio Nord's Oslo correspondent reported that the vote was close."}, "Radio Nord"},
		{[]string{"The minister said so.", "He told CNN's correspondent that he would stay."}, ""},
		{[]string{"His correspondent reports nothing."}, ""},
	}
	for _, tt := range tests {
		if got := selfOutlet(tt.paras); got != tt.want {
			t.Errorf("selfOutlet(%q) = %q, want %q", tt.paras, got, tt.want)
		}
	}
}

func TestKnownWins(t *testing.T) {
	raw := "A Headline Here\n\nBy Ann Lee\n\nJuly 1, 2020\n\nThe body says something long enough to count as a body line of text.\n"
	k := Known{Title: "Given Title", Byline: "Someone Else", Outlet: "Given", Published: "2019-01-01"}
	r := Text(raw, k)
	if r.Title != k.Title || r.Byline != k.Byline || r.Outlet != k.Outlet || r.Published != k.Published {
		t.Errorf("known fields overridden: %+v", r)
	}
	r = Text("Given Title\n\nThe body says something long enough to count as a body line of text.\n", Known{Title: "Given title", FromHTML: true})
	if strings.Contains(r.Text, "Given") {
		t.Errorf("known title repeated in text: %q", r.Text)
	}
}

func TestHugeAndBrokenInput(t *testing.T) {
	for _, raw := range []string{"", "\n\n\n", "\xff\xfe", strings.Repeat("word ", 200000), strings.Repeat("Line.\n", 50000), "\"\"\"''''\"'\"'", "By", "About "} {
		r := Text(raw, Known{})
		if strings.Contains(r.Text, "\n\n\n") {
			t.Errorf("triple newline in output")
		}
	}
}

func TestDateLinesInOtherLanguages(t *testing.T) {
	for in, want := range map[string]string{
		"segunda-feira, 22 de janeiro de 2018 às 0:13": "2018-01-22",
		"Publié le 3 mars 2021 à 10h05":                "2021-03-03",
		"Veröffentlicht am 4. Mai 2020, 12:00 Uhr":     "2020-05-04",
	} {
		if got, ok := dateLine(in); !ok || got != want {
			t.Errorf("dateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestDateWord(t *testing.T) {
	for w, want := range map[string]bool{"updated": true, "gmt": true, "mardi": true, "sexta": true, "feira": true,
		"márz": false, "märz": true, "sept": true, "talks": false, "": false} {
		if got := DateWord(w); got != want {
			t.Errorf("DateWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestAgencies(t *testing.T) {
	for in, want := range map[string][]string{
		"ADA QUILL; Associated Press": {"AP"},
		"REUTERS and AP":              {"Reuters", "AP"},
		"Jane Doe, Lusa/EFE":          {"Lusa", "EFE"},
		"Ada Quill":                   nil,
		"":                            nil,
	} {
		if got := Agencies(in); !slices.Equal(got, want) {
			t.Errorf("Agencies(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAgencyEndingIsNoCaption(t *testing.T) {
	for _, s := range []string{
		"The talks will resume next week, officials said. (AP)",
		"The ministers will meet again in Brussels on Wednesday, the ministry said. Reuters",
	} {
		if _, ok := explicitCaption(s); ok {
			t.Errorf("explicitCaption(%q) = true", s)
		}
		if r := Text("Some Title Here\n\n"+s, Known{}); !strings.Contains(r.Text, "officials said") && !strings.Contains(r.Text, "ministry said") {
			t.Errorf("body paragraph dropped: %q", r.Text)
		}
	}
}

func TestKeyEqual(t *testing.T) {
	for _, s := range []string{"Russian, American Diplomats Meet in Geneva", "  Ça va?  Très bien! ", "", "a--b", "Ünïcode ŞEHİR 2021"} {
		for _, o := range []string{s, s + "x", "Russian American diplomats meet in Geneva", "ça va très bien"} {
			if got, want := keyEqual(o, key(s)), key(o) == key(s); got != want {
				t.Errorf("keyEqual(%q, key(%q)) = %v, want %v", o, s, got, want)
			}
		}
	}
}

func TestHyphenation(t *testing.T) {
	raw := "The government said on Monday that the new rules would apply from next\nyear, and the govern-\nment would review them in a well-\nknown process that takes about a year to complete in most of the\ncases that were brought before the courts, officials said."
	got := paragraphTexts(paragraphs(splitLines(raw)))
	want := "The government said on Monday that the new rules would apply from next year, and the government would review them in a well-known process that takes about a year to complete in most of the cases that were brought before the courts, officials said."
	if len(got) != 1 || got[0] != want {
		t.Errorf("paragraphs = %q\nwant %q", got, want)
	}
}

func TestCaptionInBody(t *testing.T) {
	raw := "Fishing Talks Resume\n\nThe two countries are holding a second round of talks on fishing rights this week.\n\n" +
		"Negotiators met in Oslo on Tuesday to discuss quotas for the coming season, the ministry said.\n\n" +
		"Negotiators met in Oslo on Tuesday to discuss quotas for the coming season. Nordic Press Office\n\n" +
		"The talks are expected to last until Friday.\n"
	r := Text(raw, Known{})
	if strings.Contains(r.Text, "Nordic Press Office") || strings.Count(r.Text, "Negotiators met") != 1 {
		t.Errorf("caption kept: %q", r.Text)
	}
	if !slices.Equal(r.Credits, []string{"Nordic Press Office"}) {
		t.Errorf("credits = %q", r.Credits)
	}
	if r := Text(raw, Known{FromHTML: true}); strings.Count(r.Text, "Negotiators met") != 2 {
		t.Errorf("FromHTML: caption-like paragraph dropped: %q", r.Text)
	}
}

func TestKnownTitleWithSiteName(t *testing.T) {
	raw := "Harbour Workers Strike Over Pay\n\nDock workers in three ports walked off the job on Friday, halting most container traffic.\n"
	r := Text(raw, Known{Title: "Harbour Workers Strike Over Pay | The Daily Port", FromHTML: true})
	if strings.Contains(r.Text, "Harbour Workers") {
		t.Errorf("title line kept: %q", r.Text)
	}
}

func TestClosingAgencyLine(t *testing.T) {
	r := Text("Some Headline Here\n\nThe council approved the budget for the coming year on Tuesday evening.\n\n(AFP)\n", Known{})
	if strings.Contains(r.Text, "AFP") || !slices.Equal(r.Credits, []string{"AFP"}) {
		t.Errorf("text %q credits %q", r.Text, r.Credits)
	}
}

func TestPlaceDateLine(t *testing.T) {
	tests := []struct {
		in, place, date, agency string
		ok                      bool
	}{
		{"WASHINGTON, DC, April 28, 2009", "Washington", "2009-04-28", "", true},
		{"Geneva, 30 Sep 2021 (AFP)", "Geneva", "2021-09-30", "AFP", true},
		{"Reuters Sep 18, 2013, 02: 16PM IST", "", "2013-09-18", "Reuters", true},
		{"The talks began on April 28, 2009", "", "", "", false},
		{"April 28, 2009", "", "", "", false},
	}
	for _, tt := range tests {
		place, date, agency, ok := placeDateLine(tt.in)
		if place != tt.place || date != tt.date || agency != tt.agency || ok != tt.ok {
			t.Errorf("placeDateLine(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.in, place, date, agency, ok, tt.place, tt.date, tt.agency, tt.ok)
		}
	}
}

func TestCredit(t *testing.T) {
	for in, want := range map[string]string{"REUTERS": "Reuters", "Associated Press": "AP", " (AFP) ": "AFP", "Us Mission Geneva": "Us Mission Geneva"} {
		if got := Credit(in); got != want {
			t.Errorf("Credit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFooters(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday and approved the budget for the coming year. ", 3)
	tests := []struct {
		name, raw, gone string
		credits         []string
		outlet          string
	}{
		{"agency copyright", body + "\n\nCopyright 2021 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n", "Copyright", []string{"AP"}, ""},
		{"outlet copyright", body + "\n\n© 2022 Harbour Weekly. All rights reserved.\n", "©", nil, "Harbour Weekly"},
		{"reuters standards", body + "\n\nOur Standards: The Thomson Reuters Trust Principles.\n", "Standards", nil, ""},
		{"credit line in body (plain text)", "Council Approves Budget\n\n" + body + "\n\nREUTERS/Jane Roe\n\n" + body, "Jane Roe", []string{"Reuters", "Jane Roe"}, ""},
		{"image source (plain text)", "Council Approves Budget\n\n" + body + "\n\nImage source, Getty Images\n\nImage caption, Council members voted late\n\n" + body, "Image", []string{"Getty Images"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := !strings.HasSuffix(tt.name, "(plain text)")
			r := Text(tt.raw, Known{FromHTML: html})
			if strings.Contains(r.Text, tt.gone) {
				t.Errorf("%q kept: %q", tt.gone, r.Text)
			}
			if !html {
				// Extracted text keeps a lone credit line, but credits it.
				h := Text(tt.raw, Known{FromHTML: true})
				if !strings.Contains(h.Text, "Getty Images") && !strings.Contains(h.Text, "REUTERS/") {
					t.Errorf("FromHTML: credit line dropped: %q", h.Text)
				}
				if len(h.Credits) == 0 {
					t.Errorf("FromHTML: no credits")
				}
			}
			if !slices.Equal(r.Credits, tt.credits) && (len(r.Credits) > 0 || len(tt.credits) > 0) {
				t.Errorf("credits = %q, want %q", r.Credits, tt.credits)
			}
			if r.Outlet != tt.outlet {
				t.Errorf("outlet = %q, want %q", r.Outlet, tt.outlet)
			}
		})
	}
}

func TestWrappedTextWithoutHeadline(t *testing.T) {
	raw := "The committee said on Monday that the new rules would apply from\nnext year and that companies would have six months to comply with\nthem, officials said.\n\nCritics said the rules did not go far enough and would leave most\nsmall firms untouched by the changes, which start in January.\n"
	r := Text(raw, Known{})
	if !strings.HasPrefix(r.Text, "The committee said on Monday") {
		t.Errorf("first wrapped line taken as headline: title %q, text %q", r.Title, r.Text)
	}
}

func paragraphTexts(ps []paragraph) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.s)
	}
	return out
}

func TestRoles(t *testing.T) {
	type para struct {
		role storyline.Role
		text string // the paragraph's span of Text, or its removed words
	}
	tests := []struct {
		name  string
		raw   string
		known Known
		want  []para
	}{
		{
			"header lines",
			"Fishing Talks Resume in Bergen\n\nBy Ola Berg, Reuters\n\nPublished: May 4, 2021 09:00 CET\n\n" +
				"BERGEN, Norway (Reuters) - Norway and Iceland resumed talks on fishing quotas on Tuesday, officials said.",
			Known{},
			[]para{
				{storyline.RoleHeadline, "Fishing Talks Resume in Bergen"},
				{storyline.RoleByline, "By Ola Berg, Reuters"},
				{storyline.RoleDateline, "Published: May 4, 2021 09:00 CET"},
				{storyline.RoleDateline, "BERGEN, Norway (Reuters) - "},
				{storyline.RoleBody, "Norway and Iceland resumed talks on fishing quotas on Tuesday, officials said."},
			},
		},
		{
			"standfirst, caption, crosshead, furniture, credit",
			"Fishing Talks Resume in Bergen\n\nNorway and Iceland Seek a Deal on Quotas\n\n" +
				"Negotiators from the two countries met in Bergen on Tuesday for a second round of talks on quotas, the ministry said.\n\n" +
				"FILE PHOTO: A trawler leaves the harbour of Bergen for the northern fishing grounds. REUTERS/Ola Berg\n\n" +
				"Advertisement\n\nA long dispute\n\nThe two countries have argued over the stocks for a decade, and earlier rounds failed.\n\n(AFP)",
			Known{},
			[]para{
				{storyline.RoleHeadline, "Fishing Talks Resume in Bergen"},
				{storyline.RoleStandfirst, "Norway and Iceland Seek a Deal on Quotas"},
				{storyline.RoleBody, "Negotiators from the two countries met in Bergen on Tuesday for a second round of talks on quotas, the ministry said."},
				{storyline.RoleCaption, "FILE PHOTO: A trawler leaves the harbour of Bergen for the northern fishing grounds."},
				{storyline.RoleFurniture, "Advertisement"},
				{storyline.RoleCrosshead, "A long dispute"},
				{storyline.RoleBody, "The two countries have argued over the stocks for a decade, and earlier rounds failed."},
				{storyline.RoleCredit, "(AFP)"},
			},
		},
		{
			"a place-and-date line goes, a reader's date stays",
			"OSLO, May 4, 2021\n\nThe talks began on Tuesday and were to last three days, the ministry said in a statement.",
			Known{Title: "Talks begin"},
			[]para{
				{storyline.RoleDateline, "OSLO, May 4, 2021"},
				{storyline.RoleBody, "The talks began on Tuesday and were to last three days, the ministry said in a statement."},
			},
		},
		{
			"no header: all body",
			"The talks began on Tuesday and were to last three days, the ministry said in a statement.\n\nThey ended early.",
			Known{Title: "Talks begin", FromHTML: true},
			[]para{
				{storyline.RoleBody, "The talks began on Tuesday and were to last three days, the ministry said in a statement."},
				{storyline.RoleBody, "They ended early."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Text(tt.raw, tt.known)
			if err := checkParagraphs(r); err != nil {
				t.Fatal(err)
			}
			var got []para
			for _, p := range r.Paragraphs {
				s := p.Removed
				if p.InText() {
					s = r.Text[p.Start:p.End]
				}
				got = append(got, para{p.Role, s})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// endsSentence decides most lines by their last character alone; what it
// says is what trimming the closing marks first says.
func TestEndsSentence(t *testing.T) {
	trimmed := func(s string) bool {
		cut := "\"'”’»)]* "
		if strings.ContainsAny(s, "„»") {
			cut += "“‘«"
		}
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, cut))
		return sentenceFinal(r)
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"The talks ended.", true},
		{"The talks ended", false},
		{`"We will listen," Sherman said.`, true},
		{`He said: "We will listen."`, true},
		{"He said: “We will listen.”", true},
		{"Er sagte: „Wir hören zu.“", true},
		{"Er sagte: »Wir hören zu.«", true},
		{"He said “we will listen”", false},
		{"(Reuters)", false},
		{"They left (for Bern.)", true},
		{"Really?! ", true},
		{"Wait…", true},
		{"会谈结束。", true},
		{"", false},
		{"\xff", false},
		{"“", false},
		{"Ende.“", false}, // “ closes only after „
		{"Ende“", false},
	} {
		if got := endsSentence(tc.line); got != tc.want || got != trimmed(tc.line) {
			t.Errorf("endsSentence(%q) = %v, want %v (trimming first: %v)", tc.line, got, tc.want, trimmed(tc.line))
		}
	}
}
