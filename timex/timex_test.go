package timex

import (
	"context"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the expression whose text is want, or nil.
func find(xs []storyline.TimeExpr, want string) *storyline.TimeExpr {
	for i := range xs {
		if xs[i].Text == want {
			return &xs[i]
		}
	}
	return nil
}

func TestNormalise(t *testing.T) {
	geneva := Zone("Geneva")
	tests := []struct {
		name string
		text string
		dct  string // "" = unknown
		zone *time.Location
		expr string // the expression to check
		typ  string
		val  string
	}{
		// Weekdays: past clause → most recent, counting the DCT; future → next.
		{"past weekday is DCT itself", "The talks began on Thursday in Geneva.", "2021-09-30", nil, "Thursday", "DATE", "2021-09-30"},
		{"past weekday earlier in week", "Jenkins spoke at a conference on Wednesday.", "2021-09-30", nil, "Wednesday", "DATE", "2021-09-29"},
		{"future weekday", "The two ministers will sign the accord on Wednesday.", "2021-07-27", nil, "Wednesday", "DATE", "2021-07-28"},
		{"future weekday is DCT itself", "Both sides will talk it over on Monday.", "2022-01-10", nil, "Monday", "DATE", "2022-01-10"},
		{"future weekday next week", "She will meet the minister on Friday.", "2021-09-30", nil, "Friday", "DATE", "2021-10-01"},
		{"said weekday", "Russia on Tuesday said the talks were serious.", "2021-07-27", nil, "Tuesday", "DATE", "2021-07-27"},
		{"possessive weekday tomorrow", "She hoped the strike would end after Wednesday's vote.", "2021-07-27", nil, "Wednesday's", "DATE", "2021-07-28"},
		{"last weekday", "He resigned last Friday.", "2021-10-01", nil, "last Friday", "DATE", "2021-09-24"},
		{"next weekday", "The vote is next Tuesday.", "2021-09-30", nil, "next Tuesday", "DATE", "2021-10-05"},
		{"weekday and part of day", "The ministers shared a late supper on Sunday evening.", "2022-01-10", nil, "Sunday evening", "DATE", "2022-01-09"},
		{"weekday with date", "It happened on Monday, Oct. 26, officials said.", "1998-10-28", nil, "Monday, Oct. 26", "DATE", "1998-10-26"},

		// Weeks, months, years relative to the DCT.
		{"this week is ISO week", "High-level talks this week will show how serious they are.", "2021-07-27", nil, "this week", "DATE", "2021-W30"},
		{"last week", "The bombings last week killed 200 people.", "1998-08-11", nil, "last week", "DATE", "1998-W32"},
		{"last month", "Presidents met last month.", "2021-07-27", nil, "last month", "DATE", "2021-06"},
		{"last month in January", "Prices rose last month.", "2021-01-15", nil, "last month", "DATE", "2020-12"},
		{"this year", "Growth slowed earlier this year.", "2021-07-27", nil, "earlier this year", "DATE", "2021"},
		{"next year", "Elections are due next year.", "2021-07-27", nil, "next year", "DATE", "2022"},
		{"yesterday's", "Ryabkov commented on yesterday's talks.", "2022-01-10", nil, "yesterday's", "DATE", "2022-01-09"},
		{"today", "The ministry confirmed today that no vote is planned.", "2022-01-10", nil, "today", "DATE", "2022-01-10"},
		{"tomorrow", "The court rules tomorrow.", "2022-01-10", nil, "tomorrow", "DATE", "2022-01-11"},
		{"days ago", "He arrived two days ago.", "2021-07-27", nil, "two days ago", "DATE", "2021-07-25"},
		{"year ago", "Sales were lower a year ago.", "2021-07-27", nil, "a year ago", "DATE", "2020"},
		{"weekend", "Talks continued over the weekend.", "2022-01-10", nil, "the weekend", "DATE", "2022-W01-WE"},

		// Months and days without a year: nearest in the clause's direction.
		{"past month", "Biden and Putin met at a summit in June.", "2021-09-30", nil, "June", "DATE", "2021-06"},
		{"past month across year", "The treaty was signed in November.", "2022-01-10", nil, "November", "DATE", "2021-11"},
		{"future month across year", "The summit will be held in February.", "2021-11-10", nil, "February", "DATE", "2022-02"},
		{"month day past", "The first meeting took place on July 28.", "2021-09-30", nil, "July 28", "DATE", "2021-07-28"},
		{"month day future", "A new round will start on Jan. 10.", "2021-12-20", nil, "Jan. 10", "DATE", "2022-01-10"},
		{"end of month", "The previous hearing at the end of July was held in Lyon.", "2021-09-30", nil, "the end of July", "DATE", "2021-07"},
		{"month last year", "He was arrested in June last year.", "1998-02-19", nil, "June last year", "DATE", "1997-06"},

		// Absolute forms.
		{"broken comma", "July 27,2021", "", nil, "July 27,2021", "DATE", "2021-07-27"},
		{"full date", "Geneva, Switzerland July 28, 2021.", "", nil, "July 28, 2021", "DATE", "2021-07-28"},
		{"day first", "The accord of 28 July 2021 stands.", "", nil, "28 July 2021", "DATE", "2021-07-28"},
		{"iso date", "date 2021-09-30 The gathering", "", nil, "2021-09-30", "DATE", "2021-09-30"},
		{"numeric date", "Filed on 9/30/2021 in court.", "", nil, "9/30/2021", "DATE", "2021-09-30"},
		{"month year", "Prices peaked in August 1998.", "", nil, "August 1998", "DATE", "1998-08"},
		{"year", "Switzerland has represented US interests in Iran since 1980.", "", nil, "1980", "DATE", "1980"},
		{"decade", "It was built in the 1990s.", "", nil, "the 1990s", "DATE", "199"},
		{"quarter of year", "Losses continued through the third quarter of 1990.", "", nil, "the third quarter of 1990", "DATE", "1990-Q3"},
		{"iso quarter", "Results for 1998-Q1 were flat.", "", nil, "1998-Q1", "DATE", "1998-Q1"},
		{"fiscal year", "In fiscal 1989 the company earned more.", "", nil, "fiscal 1989", "DATE", "1989"},
		{"season with year", "Oil fell in the winter of 1994.", "", nil, "the winter of 1994", "DATE", "1994-WI"},
		{"spelled year", "One person was killed in nineteen ninety-six.", "", nil, "nineteen ninety-six", "DATE", "1996"},

		// Quarters, seasons relative to the DCT.
		{"third quarter", "Net income fell in the third quarter.", "1989-11-02", nil, "the third quarter", "DATE", "1989-Q3"},
		{"fourth quarter in january", "Fourth-quarter profit fell.", "1990-01-15", nil, "Fourth-quarter", "DATE", "1989-Q4"},
		{"last fall", "A strike began last fall.", "1989-02-10", nil, "last fall", "DATE", "1988-FA"},

		// Durations and sets.
		{"90-day stay", "He was given a 90-day stay.", "", nil, "90-day", "DURATION", "P90D"},
		{"two years", "The talks lasted two years.", "", nil, "two years", "DURATION", "P2Y"},
		{"the nine months", "Profit rose in the nine months.", "", nil, "the nine months", "DURATION", "P9M"},
		{"half hours", "He spent 5 1/2 hours in Nairobi.", "", nil, "5 1/2 hours", "DURATION", "PT5H30M"},
		{"vague duration", "It could take several years.", "", nil, "several years", "DURATION", "PXY"},
		{"every monday", "The committee meets every Monday.", "", nil, "every Monday", "SET", "XXXX-WXX-1"},
		{"daily", "Flights leave daily.", "", nil, "daily", "SET", "P1D"},
		{"each year", "The march is held each year.", "", nil, "each year", "SET", "P1Y"},

		// Vague references.
		{"now", "Formal talks are now ongoing.", "2022-01-10", nil, "now", "DATE", "PRESENT_REF"},
		{"currently", "The firm currently employs 80 people.", "2022-01-10", nil, "currently", "DATE", "PRESENT_REF"},
		{"the past", "That was in the past.", "2022-01-10", nil, "the past", "DATE", "PAST_REF"},
		{"recently", "He recently moved.", "2022-01-10", nil, "recently", "DATE", "PAST_REF"},

		// Clock times and zones.
		{"time with dateline zone", "The hearing opened in Geneva at 10am on Thursday.", "2021-09-30", geneva, "10am", "TIME", "2021-09-30T10:00+02:00"},
		{"time in winter zone", "They met at 3 p.m. on Monday.", "2022-01-10", geneva, "3 p.m.", "TIME", "2022-01-10T15:00+01:00"},
		{"time with GMT", "Voting opened around 8 a.m. GMT (4 a.m. EDT).", "2021-09-30", geneva, "around 8 a.m. GMT", "TIME", "2021-09-30T08:00Z"},
		{"time with EDT", "Voting opened around 8 a.m. GMT (4 a.m. EDT).", "2021-09-30", geneva, "4 a.m. EDT", "TIME", "2021-09-30T04:00-04:00"},
		{"time without zone", "The vote closes at 10:30 p.m.", "2021-09-30", nil, "10:30 p.m.", "TIME", "2021-09-30T22:30"},
		{"time and weekday", "The deadline is 9 a.m. Tuesday.", "2000-04-03", nil, "9 a.m. Tuesday", "TIME", "2000-04-04T09:00"},
		{"noon", "The session resumed at noon.", "2021-09-30", nil, "noon", "TIME", "2021-09-30T12:00"},

		// Quotations count from when they were spoken, where the text says so.
		{"quote anchored", "\"We will meet again tomorrow,\" Ryabkov said on Sunday.", "2022-01-10", nil, "tomorrow", "DATE", "2022-01-10"},
		{"quote unanchored", "\"We will meet again tomorrow,\" Ryabkov said.", "2022-01-10", nil, "tomorrow", "DATE", "2022-01-11"},

		// Tense cues beyond single verbs.
		{"past perfect plan", "The offer had been due to expire Friday evening.", "1989-10-30", nil, "Friday evening", "DATE", "1989-10-27"},
		{"is to", "The stock is to resume trading in Paris Tuesday.", "1989-10-27", nil, "Tuesday", "DATE", "1989-10-31"},
		{"day before verb of intention", "On Friday, the government planned to open the road.", "1998-09-30", nil, "Friday", "DATE", "1998-09-25"},
		{"May is no modal", "From March to May, it rained.", "1998-10-14", nil, "March", "DATE", "1998-03"},
		{"will one day", "Islam will one day be the second largest religion.", "1998-03-03", nil, "one day", "DATE", "FUTURE_REF"},

		// Results news: periods compared with a year before.
		{"a year-earlier loss", "Net was $1 million, compared with a year-earlier loss of $2 million.", "1989-10-26", nil, "year-earlier", "DATE", "1988"},
		{"quarter a year ago", "Profit rose in the third quarter. For the quarter a year ago, it earned $1.", "1989-10-26", nil, "the quarter a year ago", "DATE", "1988-Q3"},
		{"corresponding period last year", "Profit rose in the third quarter, against $2 million for the corresponding period last year.", "1989-11-01", nil, "the corresponding period last year", "DATE", "1988-Q3"},
		{"year-ago third quarter", "Profit rose in the third quarter from $2 million in the year-ago third quarter.", "1989-10-30", nil, "the year-ago third quarter", "DATE", "1988-Q3"},
		{"year-earlier nine months", "Net for the year-earlier nine months included a gain.", "1989-10-26", nil, "the year-earlier nine months", "DURATION", "P9M"},
		{"two years ago in results news", "Third-quarter profit fell. Two years ago, the firm was nearly bankrupt.", "1998-10-14", nil, "Two years ago", "DATE", "1996"},
		{"half of next year", "Growth will pick up in the second half of next year.", "2000-10-18", nil, "the second half of next year", "DATE", "2001-H2"},
		{"the fiscal year", "The charge will lower earnings for the fiscal year.", "1989-11-02", nil, "the fiscal year", "DATE", "1989"},
		{"the latest fiscal year", "Sales were $6 billion in the latest fiscal year.", "1989-10-26", nil, "the latest fiscal year", "DATE", "1988"},
		{"year or so", "Rates will stay high for the next year or so.", "1989-11-02", nil, "the next year or so", "DATE", "1990"},

		// Anaphora and arithmetic.
		{"the next day", "He was arrested on March 3. He appeared in court the next day.", "1998-03-13", nil, "the next day", "DATE", "1998-03-04"},
		{"a week later", "On Sept. 11, 2001, terrorists attacked. A week later, markets reopened.", "2002-10-18", nil, "A week later", "DATE", "2001-W38"},
		{"month and ordinal word", "He arrived March third.", "1998-03-05", nil, "March third", "DATE", "1998-03-03"},
		{"coming weekday with date", "The vote is this coming Sunday, March eighth.", "1998-03-05", nil, "this coming Sunday, March eighth", "DATE", "1998-03-08"},
		{"minute and a half", "But a minute and a half later, a pilot called.", "", nil, "a minute and a half", "DURATION", "PT1M30S"},

		// No DCT: relative expressions get a type but no value.
		{"no dct weekday", "The talks began on Thursday.", "", nil, "Thursday", "DATE", ""},
		{"no dct this week", "Talks this week will decide.", "", nil, "this week", "DATE", ""},
		{"no dct month", "They met in June.", "", nil, "June", "DATE", ""},
		{"no dct yesterday", "He left yesterday.", "", nil, "yesterday", "DATE", ""},
		{"no dct time", "It began at 10am.", "", nil, "10am", "TIME", ""},
		{"no dct absolute", "It began on July 28, 2021.", "", nil, "July 28, 2021", "DATE", "2021-07-28"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Zone: tc.zone}
			if tc.dct != "" {
				opts.DCT = day(tc.dct)
			}
			got := Tag(tc.text, opts)
			x := find(got, tc.expr)
			if x == nil {
				t.Fatalf("%q: no expression %q in %+v", tc.text, tc.expr, got)
			}
			if x.Type != tc.typ || x.Value != tc.val {
				t.Errorf("%q: %q = %s %q, want %s %q", tc.text, tc.expr, x.Type, x.Value, tc.typ, tc.val)
			}
			if tc.text[x.Start:x.End] != x.Text {
				t.Errorf("offsets %d-%d do not cover %q", x.Start, x.End, x.Text)
			}
		})
	}
}

// TestNotTimes lists text that must not produce time expressions.
func TestNotTimes(t *testing.T) {
	for _, text := range []string{
		"He paid $1990 for it.",
		"Some 2000 people marched.",
		"She may resign, and troops will march on the capital.",
		"The 6-year-old boy smiled.",
		"Prices fall as spring markets open.",
		"Sales were 2.46 billion guilders.",
		"The current account deficit widened.",
		"Paternity counts in today's world.",
		"Baker said on ABC News' \"This Week\" that the request was serious.",
		"It accounts for more than a quarter of the market.",
		"That is 5% of average daily volume.",
	} {
		if got := Tag(text, Options{DCT: day("2021-09-30")}); len(got) > 0 {
			t.Errorf("%q: unexpected %+v", text, got)
		}
	}
}

func TestAnalyzer(t *testing.T) {
	tests := []struct {
		name, published, dateline, text, event string
		zoned                                  string // an expression whose value must carry this offset
	}{
		{"lead weekday", "2021-09-30", "", "GENEVA (AFP) - A closed hearing opened in Geneva at 10am on Thursday between the two unions and the employers.", "2021-09-30", "+02:00"},
		{"preview", "2021-07-27", "Moscow", "Norway on Tuesday said fishing talks with Iceland this week will show how flexible Reykjavik is. The two countries will open the talks on Wednesday in Bergen.", "2021-07-28", ""},
		{"no date in lead", "2022-01-10T09:30:00+01:00", "Geneva", "Formal hearings are now under way between union and company lawyers in Geneva about the future of the plant. Hopes are low.", "2022-01-10", ""},
		{"unknown publication", "", "", "Formal hearings are now under way between union and company lawyers in Geneva about the future of the plant.", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &storyline.Article{Published: tc.published, Dateline: tc.dateline, Text: tc.text}
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if a.EventDate != tc.event {
				t.Errorf("event date %q, want %q (timexes %+v)", a.EventDate, tc.event, a.Timexes)
			}
			if tc.zoned != "" {
				ok := false
				for _, x := range a.Timexes {
					ok = ok || strings.HasSuffix(x.Value, tc.zoned)
				}
				if !ok {
					t.Errorf("no value with offset %s in %+v", tc.zoned, a.Timexes)
				}
			}
		})
	}
}

func TestZone(t *testing.T) {
	for place, want := range map[string]string{"Geneva": "Europe/Zurich", "MOSCOW": "Europe/Moscow", "Washington": "America/New_York"} {
		if z := Zone(place); z == nil || z.String() != want {
			t.Errorf("Zone(%q) = %v, want %s", place, z, want)
		}
	}
	if z := Zone("Atlantis"); z != nil {
		t.Errorf("Zone(Atlantis) = %v, want nil", z)
	}
	if got := DetectDateline("GENEVA (AFP) - Talks began."); got != "GENEVA" {
		t.Errorf("DetectDateline = %q", got)
	}
	if got := DetectDateline("(Geneva) Russians and Americans"); got != "Geneva" {
		t.Errorf("DetectDateline = %q", got)
	}
}

// TestRobust feeds hostile input: it must not panic.
func TestRobust(t *testing.T) {
	inputs := []string{
		"", "\xff\xfe\xfd", "July", "July 32", "Feb. 30, 2021", "99:99 a.m.", "the the the", "'", "'80",
		strings.Repeat("Monday, ", 1000), strings.Repeat("9", 100) + " years ago", "1998-13-45", "at 25:00 GMT",
		"Q5 2021", "the 999th century", "a", "2021-02-29",
	}
	for _, in := range inputs {
		for _, dct := range []time.Time{{}, day("2021-09-30")} {
			for _, x := range Tag(in, Options{DCT: dct, Zone: Zone("Geneva")}) {
				if x.Start < 0 || x.End > len(in) || x.Start >= x.End || in[x.Start:x.End] != x.Text {
					t.Errorf("%q: bad span %+v", in, x)
				}
			}
		}
	}
}

// FuzzTag checks that any input yields well-formed spans.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"July 27,2021", "at 10am on Thursday", "8 a.m. GMT (4 a.m. EDT)", "the 1990s", "Q3 1998",
		"5 1/2 hours", "Monday, Oct. 26, 1998", "two to three weeks ago", "\"tomorrow,\" he said on Sunday"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, x := range Tag(s, Options{DCT: day("2021-09-30"), Zone: Zone("Geneva")}) {
			if x.Start < 0 || x.End > len(s) || x.Start >= x.End || s[x.Start:x.End] != x.Text {
				t.Fatalf("%q: bad span %+v", s, x)
			}
		}
	})
}
