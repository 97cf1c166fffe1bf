package timex

import (
	"maps"
	"slices"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// example is a sentence that motivated a rule: the rule must make the
// expression expr in it, with type typ and value val. With none set, expr
// is words that the rule keeps from being (within) one expression.
type example struct {
	text   string
	expr   string
	typ    string
	val    string
	anchor string // the date a duration points at ("in three weeks")
	dct    string // the DCT; "" is 2021-09-30 (a Thursday), "none" unknown
	zone   string // the dateline place
	timeML bool   // TimeBank conventions
	none   bool
	limit  bool // where the rule stops: the values are checked, not which rule made them
}

// no is an example of words that must stay untagged.
func no(text, expr string) example { return example{text: text, expr: expr, none: true} }

// allRuleExamples are the examples of every rule, by rule name.
func allRuleExamples() map[string][]example {
	all := map[string][]example{}
	for _, part := range []map[string][]example{phraseExamples(), joinExamples(), afterTheExamples(), afterTheMoreExamples(),
		wordExamples(), fallbackExamples(), calendarExamples(), holidayAndSetExamples(), weekdayExamples(), numberExamples(),
		relativeExamples(), relativeUnitExamples(), countExamples(), countVetoExamples()} {
		maps.Copy(all, part)
	}
	return all
}

// TestRules runs the examples of each rule as its own test.
func TestRules(t *testing.T) {
	for name, examples := range allRuleExamples() {
		t.Run(name, func(t *testing.T) {
			for _, ex := range examples {
				checkExample(t, name, ex)
			}
		})
	}
}

func checkExample(t *testing.T, rule string, ex example) {
	t.Helper()
	xs, rules := tag(ex.text, ex.options(), true)
	at := strings.Index(ex.text, ex.expr)
	if at < 0 {
		t.Fatalf("%q is not in %q", ex.expr, ex.text)
	}
	if ex.none {
		for k, x := range xs {
			if x.Start <= at && x.End >= at+len(ex.expr) {
				t.Errorf("%q: %q should not be tagged, got %q = %s (%s)", ex.text, ex.expr, x.Text, x.Value, rules[k])
			}
		}
		return
	}
	k := slices.IndexFunc(xs, func(x storyline.TimeExpr) bool { return x.Text == ex.expr })
	if k < 0 {
		var got []string
		for k, x := range xs {
			got = append(got, x.Text+"="+x.Value+" ("+rules[k]+")")
		}
		t.Fatalf("%q: no expression %q; got %v", ex.text, ex.expr, got)
	}
	x := xs[k]
	if !ex.limit && !strings.Contains(" > "+rules[k]+" > ", " > "+rule+" > ") {
		t.Errorf("%q: %q made by %q, not by this rule", ex.text, ex.expr, rules[k])
	}
	if x.Type != ex.typ || x.Value != ex.val || x.Anchor != ex.anchor {
		t.Errorf("%q: %q = %s %q anchor %q, want %s %q anchor %q (%s)", ex.text, ex.expr, x.Type, x.Value, x.Anchor,
			ex.typ, ex.val, ex.anchor, rules[k])
	}
	if ex.text[x.Start:x.End] != x.Text {
		t.Errorf("offsets %d-%d do not cover %q", x.Start, x.End, x.Text)
	}
}

// options are the tagging options of an example.
func (ex example) options() Options {
	opts := Options{TimeML: ex.timeML, Zone: newstext.PlaceZone(ex.zone)}
	switch ex.dct {
	case "":
		opts.DCT = day("2021-09-30")
	case "none":
	default:
		opts.DCT = day(ex.dct)
	}
	return opts
}

// TestEveryRuleHasExamples keeps the rules and their examples together: a
// new rule needs the sentences that motivated it, and examples of a rule
// that is gone go too.
func TestEveryRuleHasExamples(t *testing.T) {
	g := builtGrammar()
	names := map[string]bool{}
	for _, rules := range g.tables() {
		for _, r := range rules {
			names[r.name] = true
		}
	}
	for _, r := range append(g.counts, g.countVetoes...) {
		names[r.name] = true
	}
	for _, n := range untabled() {
		names[n] = true
	}
	examples := allRuleExamples()
	for n := range names {
		if len(examples[n]) == 0 {
			t.Errorf("rule %q has no examples", n)
		}
	}
	for n := range examples {
		if !names[n] {
			t.Errorf("examples for %q, which is no rule", n)
		}
	}
}

func phraseExamples() map[string][]example {
	return map[string][]example{
		"quantified": {
			{text: "Voting opened around 8 a.m. GMT.", expr: "around 8 a.m. GMT", typ: "TIME", val: "2021-09-30T08:00Z"},
			{text: "The talks lasted at least two years.", expr: "at least two years", typ: "DURATION", val: "P2Y"},
			{text: "He left nearly four years ago.", expr: "nearly four years ago", typ: "DATE", val: "2017"},
		},
		"this past / this coming": {
			{text: "The vote is this coming Sunday.", expr: "this coming Sunday", typ: "DATE", val: "2021-10-03"},
			{text: "Prices rose this past spring.", expr: "this past spring", typ: "DATE", val: "2021-SP"},
			{text: "The vote is this coming Sunday, March eighth.", dct: "1998-03-05", expr: "this coming Sunday, March eighth", typ: "DATE", val: "1998-03-08"},
		},
		"the": {
			{text: "Net income fell in the third quarter.", dct: "1989-11-02", expr: "the third quarter", typ: "DATE", val: "1989-Q3"},
			{text: "The deal was signed on the fifth of March.", expr: "fifth of March", typ: "DATE", val: "2021-03-05"},
		},
		"position modifier": {
			{text: "Growth slowed in early 1991.", expr: "early 1991", typ: "DATE", val: "1991"},
		},
		"early / late X": {
			{text: "Growth slowed earlier this year.", dct: "2021-07-27", expr: "earlier this year", typ: "DATE", val: "2021"},
			{text: "Talks resume in mid-November.", expr: "mid-November", typ: "DATE", val: "2021-11"},
			{text: "He moved to Paris in 1990. Later that year he married.", expr: "Later that year", typ: "DATE", val: "1990"},
		},
		"earlier that same day": {
			{text: "He landed in Rome on March 3. Earlier that same day, he had called.", expr: "Earlier that same day", typ: "DATE", val: "2021-03-03"},
			{text: "He landed in Rome on March 3. Later the next day, he left.", expr: "Later the next day", typ: "DATE", val: "2021-03-04"},
		},
		"the end of X": {
			{text: "The previous hearing at the end of July was held in Lyon.", expr: "the end of July", typ: "DATE", val: "2021-07"},
			{text: "The plant closes at the end of the year.", expr: "the end of the year", typ: "DATE", val: "2021"},
		},
		"the first half of X": {
			{text: "Growth will pick up in the second half of next year.", dct: "2000-10-18", expr: "the second half of next year", typ: "DATE", val: "2001-H2"},
			{text: "Sales rose in the first half of 1989.", expr: "the first half of 1989", typ: "DATE", val: "1989-H1"},
		},
	}
}

func joinExamples() map[string][]example {
	return map[string][]example{
		joinOrSo: {
			{text: "Rates will stay high for the next year or so.", dct: "1989-11-02", expr: "the next year or so", typ: "DATE", val: "1990"},
		},
		joinSecondDay: {
			{text: "Talks were held on April 24 and 25.", expr: "25", typ: "DATE", val: "2021-04-25"},
			{text: "Talks were held on April 24 and 25, 1998.", expr: "25, 1998", typ: "DATE", val: "1998-04-25"},
		},
		joinYearAgoPeriod: {
			{text: "Profit rose in the third quarter. For the quarter a year ago, it earned $1.", dct: "1989-10-26", expr: "the quarter a year ago", typ: "DATE", val: "1988-Q3"},
			{text: "Profit rose in the third quarter, against $2 million for the corresponding period last year.", dct: "1989-11-01", expr: "the corresponding period last year", typ: "DATE", val: "1988-Q3"},
		},
		joinLastYearsPeriod: {
			{text: "Profit rose in the third quarter from last year's quarter.", expr: "last year's quarter", typ: "DATE", val: "2020-Q3"},
		},
		joinPlacedDuration: {
			{text: "The talks will resume in three weeks.", expr: "three weeks", typ: "DURATION", val: "P3W", anchor: "2021-W42"},
			{text: "Elections are in a week.", expr: "a week", typ: "DURATION", val: "P1W", anchor: "2021-W40"},
			{text: "A ruling is expected within a year.", expr: "a year", typ: "DURATION", val: "P1Y", anchor: "2022"},
			{text: "The border will reopen after 4 days.", expr: "4 days", typ: "DURATION", val: "P4D", anchor: "2021-10-04"},
			{text: "In two months the law will take effect.", expr: "two months", typ: "DURATION", val: "P2M", anchor: "2021-11"},
			{text: "The new rules will take effect in about 30 days.", expr: "30 days", typ: "DURATION", val: "P30D", anchor: "2021-10-30"},
			{text: "The bonds mature within a decade.", expr: "a decade", typ: "DURATION", val: "P10Y", anchor: "203"},
			{text: "\"We will meet again in two weeks,\" Ryabkov said on Sunday.", dct: "2022-01-10", expr: "two weeks", typ: "DURATION", val: "P2W", anchor: "2022-W03"},
			{text: "The talks will resume in three weeks.", dct: "none", expr: "three weeks", typ: "DURATION", val: "P3W"},
			// Durations that place nothing.
			{text: "The strike ended after four days.", expr: "four days", limit: true, typ: "DURATION", val: "P4D"},
			{text: "He was freed after 22 months.", expr: "22 months", limit: true, typ: "DURATION", val: "P22M"},
			{text: "Talks will resume after four days of fighting.", expr: "four days", limit: true, typ: "DURATION", val: "P4D"},
			{text: "It is the lowest level in two years.", expr: "two years", limit: true, typ: "DURATION", val: "P2Y"},
			{text: "It is the second death in two days.", expr: "two days", limit: true, typ: "DURATION", val: "P2D"},
			{text: "For the first time in a decade, prices fell.", expr: "a decade", limit: true, typ: "DURATION", val: "P10Y"},
			{text: "In four days it is hard to finish.", expr: "four days", limit: true, typ: "DURATION", val: "P4D"},
			{text: "It happened in a week when prices fell.", expr: "a week", limit: true, typ: "DURATION", val: "P1W"},
			{text: "Talks will resume in two-year cycles.", expr: "two-year", limit: true, typ: "DURATION", val: "P2Y"},
		},
		ruleApostropheDecade: {
			{text: "Rock music of the '80s is back.", expr: "the '80s", typ: "DATE", val: "198"},
		},
	}
}

func afterTheExamples() map[string][]example {
	return map[string][]example{
		"the past (vague)": {
			{text: "That was in the past.", expr: "the past", typ: "DATE", val: "PAST_REF"},
		},
		"the future": {
			{text: "Nobody knows what the future holds.", expr: "the future", typ: "DATE", val: "FUTURE_REF"},
			{text: "They discussed the future dialogue.", expr: "future", typ: "DATE", val: "FUTURE_REF"},
		},
		"the present": {
			{text: "Prices rose from 1990 to the present.", expr: "the present", typ: "DATE", val: "PRESENT_REF"},
		},
		"the near future": {
			{text: "Rates will stay low in the near future.", expr: "the near future", typ: "DATE", val: "FUTURE_REF"},
			{text: "Rates will stay low in the near term.", expr: "the near term", typ: "DATE", val: "FUTURE_REF"},
		},
		"the year 1990": {
			{text: "It happened in the year 1990.", expr: "the year 1990", typ: "DATE", val: "1990"},
			{text: "Computers may fail in the year two thousand.", expr: "the year two thousand", typ: "DATE", val: "2000"},
		},
		"the year-ago period": {
			{text: "Profit rose from $2 million in the year-ago period.", expr: "the year-ago period", typ: "DATE", val: "2020"},
			{text: "Profit rose in the third quarter from $2 million in the year-ago third quarter.", dct: "1989-10-30", expr: "the year-ago third quarter", typ: "DATE", val: "1988-Q3"},
			{text: "Net for the year-earlier nine months included a gain.", dct: "1989-10-26", expr: "the year-earlier nine months", typ: "DURATION", val: "P9M"},
			no("Bonds are sold at the year-end.", "the"),
		},
		"throughout the year": {
			{text: "Prices rose throughout the year.", expr: "the year", typ: "DURATION", val: "P1Y"},
		},
		"the year": {
			{text: "Sales fell during the year.", expr: "the year", typ: "DATE", val: "2021"},
			{text: "Net rose in the year ended Sept. 30.", expr: "the year", typ: "DURATION", val: "P1Y"},
		},
		"the full year": {
			{text: "Profit for the full year rose.", expr: "the full year", typ: "DATE", val: "2021"},
		},
		"at the time": {
			{text: "He was ill at the time.", expr: "the time", typ: "DATE", val: "PAST_REF"},
		},
		"the long term": {
			{text: "Rates will rise in the long term.", expr: "the long term", typ: "DATE", val: "FUTURE_REF"},
		},
	}
}

func afterTheMoreExamples() map[string][]example {
	return map[string][]example{
		"the current X": {
			{text: "Sales rose in the current quarter.", expr: "the current quarter", typ: "DATE", val: "2021-Q3"},
			no("The current account deficit widened.", "current"),
		},
		"the quarter": {
			{text: "Net fell 5% in the quarter.", expr: "the quarter", typ: "DATE", val: "2021-Q2"},
			no("Bonds are sold at the quarter-end.", "the"),
		},
		"the same year-ago period": {
			{text: "Profit rose in the third quarter, against $2 million in the comparable year-ago quarter.", expr: "the comparable year-ago quarter", typ: "DATE", val: "2020-Q3"},
		},
		"the next X": {
			{text: "The plant will close in the coming week.", expr: "the coming week", typ: "DATE", val: "2021-W40"},
		},
		"the latest quarter": {
			{text: "Sales were $6 billion in the latest fiscal year.", dct: "1989-10-26", expr: "the latest fiscal year", typ: "DATE", val: "1988"},
			{text: "Sales fell in the latest period.", expr: "the latest period", typ: "DATE", val: "2021-Q2"},
		},
		"the fiscal year": {
			{text: "The charge will lower earnings for the fiscal year.", dct: "1989-11-02", expr: "the fiscal year", typ: "DATE", val: "1989"},
			{text: "Net rose in the fiscal year ended Sept. 30.", expr: "the fiscal year", typ: "DURATION", val: "P1Y"},
		},
		"the weekend": {
			{text: "Talks continued over the weekend.", dct: "2022-01-10", expr: "the weekend", typ: "DATE", val: "2022-W01-WE"},
		},
		"over the years": {
			{text: "Prices rose over the years.", expr: "the years", typ: "DURATION", val: "PXY"},
			{text: "Talks will be hard in the weeks ahead.", expr: "the weeks ahead", typ: "DURATION", val: "PXW"},
		},
		"the day before yesterday": {
			{text: "He left the day before yesterday.", expr: "the day before yesterday", typ: "DATE", val: "2021-09-28"},
			{text: "The vote is the day after tomorrow.", expr: "the day after tomorrow", typ: "DATE", val: "2021-10-02"},
			{text: "He was arrested on March 3. He had arrived the day before.", expr: "the day before", typ: "DATE", val: "2021-03-02"},
		},
		"the X": {
			{text: "They met in the summer.", expr: "the summer", typ: "DATE", val: "2021-SU"},
			{text: "Profit rose in the nine months.", expr: "the nine months", typ: "DURATION", val: "P9M"},
			{text: "Net income fell in the third quarter.", dct: "1989-11-02", expr: "the third quarter", typ: "DATE", val: "1989-Q3"},
		},
	}
}

func wordExamples() map[string][]example {
	return map[string][]example{
		"month": {
			{text: "Biden and Putin met at a summit in June.", expr: "June", typ: "DATE", val: "2021-06"},
		},
		"weekday": {
			{text: "The talks began on Thursday in Geneva.", expr: "Thursday", typ: "DATE", val: "2021-09-30"},
		},
		"today / yesterday / tomorrow": {
			{text: "Ryabkov commented on yesterday's talks.", dct: "2022-01-10", expr: "yesterday's", typ: "DATE", val: "2022-01-09"},
			{text: "The ministry confirmed today that no vote is planned.", dct: "2022-01-10", expr: "today", typ: "DATE", val: "2022-01-10"},
			{text: "The court rules tomorrow.", dct: "2022-01-10", expr: "tomorrow", typ: "DATE", val: "2022-01-11"},
			{text: "He left yesterday.", dct: "none", expr: "yesterday", typ: "DATE", val: ""},
			{text: "He spoke yesterday afternoon.", expr: "yesterday afternoon", typ: "DATE", val: "2021-09-29"},
			// Quotations count from when they were spoken, where the text says so.
			{text: "\"We will meet again tomorrow,\" Ryabkov said on Sunday.", dct: "2022-01-10", expr: "tomorrow", typ: "DATE", val: "2022-01-10"},
			{text: "\"We will meet again tomorrow,\" Ryabkov said.", dct: "2022-01-10", expr: "tomorrow", typ: "DATE", val: "2022-01-11"},
			no("Paternity counts in today's world.", "today"),
			no("They are the people of tomorrow.", "tomorrow"),
		},
		"spelled year": {
			{text: "One person was killed in nineteen ninety-six.", expr: "nineteen ninety-six", typ: "DATE", val: "1996"},
		},
		"count and unit": {
			{text: "The talks lasted two years.", expr: "two years", typ: "DURATION", val: "P2Y"},
			{text: "He spent 5 1/2 hours in Nairobi.", expr: "5 1/2 hours", typ: "DURATION", val: "PT5H30M"},
			{text: "He was given a 90-day stay.", expr: "90-day", typ: "DURATION", val: "P90D"},
			{text: "It took about two years.", expr: "two years", typ: "DURATION", val: "P2Y"},
			{text: "The talks lasted two to three weeks.", expr: "two to three weeks", typ: "DURATION", val: "P2W"},
			{text: "It could take several years.", expr: "several years", typ: "DURATION", val: "PXY"},
			{text: "But a minute and a half later, a pilot called.", expr: "a minute and a half", typ: "DURATION", val: "PT1M30S"},
		},
		"ordinal": {
			{text: "Losses continued through the third quarter of 1990.", expr: "the third quarter of 1990", typ: "DATE", val: "1990-Q3"},
		},
		"relative": {
			{text: "Presidents met last month.", dct: "2021-07-27", expr: "last month", typ: "DATE", val: "2021-06"},
		},
		"season": {
			{text: "A strike began in summer.", expr: "summer", typ: "DATE", val: "2021-SU"},
			{text: "Oil fell in the winter of 1994.", expr: "the winter of 1994", typ: "DATE", val: "1994-WI"},
			no("Prices fall as spring markets open.", "spring"),
		},
		"set": {
			{text: "Flights leave daily.", expr: "daily", typ: "SET", val: "P1D"},
		},
		"holiday": {
			{text: "They met at Christmas.", expr: "Christmas", typ: "DATE", val: "2020-12-25"},
		},
		"noon / midnight": {
			{text: "The session resumed at noon.", expr: "noon", typ: "TIME", val: "2021-09-30T12:00"},
			{text: "The deadline expires at midnight.", expr: "midnight", typ: "TIME", val: "2021-09-30T24:00"},
			no("It was high noon for the party.", "noon"),
		},
		"the twenties": {
			{text: "Jazz flourished in the twenties.", expr: "the twenties", typ: "DATE", val: "192"},
		},
	}
}

func fallbackExamples() map[string][]example {
	return map[string][]example{
		"now / recently": {
			{text: "Formal talks are now ongoing.", expr: "now", typ: "DATE", val: "PRESENT_REF"},
			{text: "The firm currently employs 80 people.", expr: "currently", typ: "DATE", val: "PRESENT_REF"},
			{text: "He recently moved.", expr: "recently", typ: "DATE", val: "PAST_REF"},
			{text: "Things will change in future.", expr: "future", typ: "DATE", val: "FUTURE_REF"},
			no("Future payments are due.", "Future"),
			no("He once lived here.", "once"),
		},
		"decades-long": {
			{text: "It ended a decades-long feud.", expr: "decades-long", typ: "DURATION", val: "PXY"},
			{text: "Talks were held in day-long sessions.", expr: "day-long", typ: "DURATION", val: "P1D"},
		},
		"for weeks": {
			{text: "The talks dragged on for weeks.", expr: "weeks", typ: "DURATION", val: "PXW"},
			no("It took years of work.", "years"),
		},
		"fiscal 1989": {
			{text: "In fiscal 1989 the company earned more.", expr: "fiscal 1989", typ: "DATE", val: "1989"},
			{text: "Its fiscal year ends in June.", expr: "fiscal year", typ: "DURATION", val: "P1Y"},
		},
		"Q3 / H1": {
			{text: "Results for Q3 were flat.", expr: "Q3", typ: "DATE", val: "2021-Q3"},
			{text: "Results for Q3 1998 were flat.", expr: "Q3 1998", typ: "DATE", val: "1998-Q3"},
			{text: "Sales rose in H1.", expr: "H1", typ: "DATE", val: "2021-H1"},
		},
		"as soon as possible": {
			{text: "Talks will resume as soon as possible.", expr: "as soon as possible", typ: "DATE", val: "FUTURE_REF"},
		},
		"year-earlier": {
			{text: "Net was $1 million, compared with a year-earlier loss of $2 million.", dct: "1989-10-26", expr: "year-earlier", typ: "DATE", val: "1988"},
		},
		"year's end": {
			{text: "The plant will close by year's end.", expr: "year's end", typ: "DATE", val: "2021"},
			{text: "The plant will close by year end.", expr: "year end", typ: "DATE", val: "2021"},
		},
		"year-end": {
			{text: "Rates will rise before year-end.", expr: "year-end", typ: "DATE", val: "2021-12-31"},
		},
		"a while": {
			{text: "Talks stalled for a while.", expr: "a while", typ: "DURATION", val: "PXX"},
		},
		"these days": {
			{text: "Few people write letters these days.", expr: "these days", typ: "DATE", val: "PRESENT_REF"},
		},
		"at present": {
			{text: "At present, no talks are planned.", expr: "present", typ: "DATE", val: "PRESENT_REF"},
		},
	}
}

func calendarExamples() map[string][]example {
	return map[string][]example{
		"month day": {
			{text: "The first meeting took place on July 28.", expr: "July 28", typ: "DATE", val: "2021-07-28"},
			{text: "A new round will start on Jan. 10.", dct: "2021-12-20", expr: "Jan. 10", typ: "DATE", val: "2022-01-10"},
			{text: "July 27,2021", dct: "none", expr: "July 27,2021", typ: "DATE", val: "2021-07-27"},
			{text: "Geneva, Switzerland July 28, 2021.", dct: "none", expr: "July 28, 2021", typ: "DATE", val: "2021-07-28"},
			{text: "He arrived March third.", dct: "1998-03-05", expr: "March third", typ: "DATE", val: "1998-03-03"},
			{text: "It began on July 28, 2021.", dct: "none", expr: "July 28, 2021", typ: "DATE", val: "2021-07-28"},
			no("It happened on Feb. 30.", "Feb. 30"),
			no("Sales rose in March second-quarter trading.", "March second"),
		},
		"month year": {
			{text: "Prices peaked in August 1998.", dct: "none", expr: "August 1998", typ: "DATE", val: "1998-08"},
			{text: "He left in March of 1990.", expr: "March of 1990", typ: "DATE", val: "1990-03"},
		},
		"month last year": {
			{text: "He was arrested in June last year.", dct: "1998-02-19", expr: "June last year", typ: "DATE", val: "1997-06"},
		},
		"month '98": {
			{text: "It opened in June '98.", expr: "June '98", typ: "DATE", val: "1998-06"},
		},
		"month alone": {
			{text: "The treaty was signed in November.", dct: "2022-01-10", expr: "November", typ: "DATE", val: "2021-11"},
			{text: "The summit will be held in February.", dct: "2021-11-10", expr: "February", typ: "DATE", val: "2022-02"},
			{text: "From March to May, it rained.", dct: "1998-10-14", expr: "March", typ: "DATE", val: "1998-03"},
			{text: "They met in June.", dct: "none", expr: "June", typ: "DATE", val: ""},
			{text: "Rates rose in Sept. and fell after.", expr: "Sept.", typ: "DATE", val: "2021-09"},
			no("She may resign, and troops will march on the capital.", "may"),
			no("Dec said no.", "Dec"),
		},
	}
}

func holidayAndSetExamples() map[string][]example {
	return map[string][]example{
		"New Year's Day": {
			{text: "Markets will close on New Year's Day.", expr: "New Year's Day", typ: "DATE", val: "2022-01-01"},
			{text: "Markets will close on New Year's Eve.", expr: "New Year's Eve", typ: "DATE", val: "2021-12-31"},
		},
		"Independence Day": {
			{text: "The parade will be held on Independence Day.", expr: "Independence Day", typ: "DATE", val: "2022-07-04"},
			{text: "Voters went to the polls on Election day.", expr: "Election day", typ: "DATE", val: "2020-11-03"},
		},
		"Valentine's Day": {
			{text: "Sales peak before Valentine's Day.", expr: "Valentine's Day", typ: "DATE", val: "2021-02-14"},
		},
		"Christmas": {
			{text: "He will return at Easter.", expr: "Easter", typ: "DATE", val: "2022-04-17"},
			{text: "They met on Christmas Eve.", expr: "Christmas Eve", typ: "DATE", val: "2020-12-24"},
		},
		"daily": {
			{text: "Flights leave daily.", expr: "daily", typ: "SET", val: "P1D"},
			no("That is 5% of average daily volume.", "daily"),
			no("Results are reported quarterly.", "quarterly"),
		},
		"every Monday": {
			{text: "The committee meets every Monday.", expr: "every Monday", typ: "SET", val: "XXXX-WXX-1"},
			{text: "The committee meets every other Friday.", expr: "every other Friday", typ: "SET", val: "XXXX-WXX-5"},
		},
		"every January": {
			{text: "The fair opens every January.", expr: "every January", typ: "SET", val: "XXXX-01"},
		},
		"every morning": {
			{text: "He runs every morning.", expr: "every morning", typ: "SET", val: "XXXX-XX-XXTMO"},
		},
		"every two weeks": {
			{text: "The board meets every two weeks.", expr: "every two weeks", typ: "SET", val: "P2W"},
			{text: "The march is held each year.", expr: "each year", typ: "SET", val: "P1Y"},
			{text: "It costs $5 per year.", expr: "per year", typ: "SET", val: "P1Y"},
		},
	}
}

func weekdayExamples() map[string][]example {
	return map[string][]example{
		// Weekdays: past clause → most recent, counting the DCT; future → next.
		"weekday alone": {
			{text: "The talks began on Thursday in Geneva.", expr: "Thursday", typ: "DATE", val: "2021-09-30"},
			{text: "Jenkins spoke at a conference on Wednesday.", expr: "Wednesday", typ: "DATE", val: "2021-09-29"},
			{text: "The two ministers will sign the accord on Wednesday.", dct: "2021-07-27", expr: "Wednesday", typ: "DATE", val: "2021-07-28"},
			{text: "Both sides will talk it over on Monday.", dct: "2022-01-10", expr: "Monday", typ: "DATE", val: "2022-01-10"},
			{text: "She will meet the minister on Friday.", expr: "Friday", typ: "DATE", val: "2021-10-01"},
			{text: "Russia on Tuesday said the talks were serious.", dct: "2021-07-27", expr: "Tuesday", typ: "DATE", val: "2021-07-27"},
			{text: "She hoped the strike would end after Wednesday's vote.", dct: "2021-07-27", expr: "Wednesday's", typ: "DATE", val: "2021-07-28"},
			{text: "The ministers shared a late supper on Sunday evening.", dct: "2022-01-10", expr: "Sunday evening", typ: "DATE", val: "2022-01-09"},
			{text: "The offer had been due to expire Friday evening.", dct: "1989-10-30", expr: "Friday evening", typ: "DATE", val: "1989-10-27"},
			{text: "The stock is to resume trading in Paris Tuesday.", dct: "1989-10-27", expr: "Tuesday", typ: "DATE", val: "1989-10-31"},
			{text: "On Friday, the government planned to open the road.", dct: "1998-09-30", expr: "Friday", typ: "DATE", val: "1998-09-25"},
			{text: "The talks began on Thursday.", dct: "none", expr: "Thursday", typ: "DATE", val: ""},
			{text: "The offer expired Friday evening.", dct: "1989-10-30", timeML: true, expr: "Friday evening", typ: "DATE", val: "1989-10-27TEV"},
		},
		"weekday with date": {
			{text: "It happened on Monday, Oct. 26, officials said.", dct: "1998-10-28", expr: "Monday, Oct. 26", typ: "DATE", val: "1998-10-26"},
			{text: "It happened on Monday 26 October.", dct: "2020-10-27", expr: "Monday 26 October", typ: "DATE", val: "2020-10-26"},
		},
	}
}

func numberExamples() map[string][]example {
	return map[string][]example{
		"ISO date": {
			{text: "date 2021-09-30 The gathering", dct: "none", expr: "2021-09-30", typ: "DATE", val: "2021-09-30"},
			{text: "Posted 2021-09-30T10:00 by the desk.", dct: "none", expr: "2021-09-30T10:00", typ: "TIME", val: "2021-09-30T10:00"},
		},
		"ISO quarter": {
			{text: "Results for 1998-Q1 were flat.", dct: "none", expr: "1998-Q1", typ: "DATE", val: "1998-Q1"},
		},
		"numeric date": {
			{text: "Filed on 9/30/2021 in court.", dct: "none", expr: "9/30/2021", typ: "DATE", val: "2021-09-30"},
			{text: "Filed on 30.09.2021 in court.", dct: "none", expr: "30.09.2021", typ: "DATE", val: "2021-09-30"},
			{text: "Filed on 9/30/98 in court.", dct: "none", expr: "9/30/98", typ: "DATE", val: "1998-09-30"},
		},
		"day month": {
			{text: "The accord of 28 July 2021 stands.", dct: "none", expr: "28 July 2021", typ: "DATE", val: "2021-07-28"},
			{text: "He arrived on the 5th of March.", expr: "5th of March", typ: "DATE", val: "2021-03-05"},
			{text: "The books close on 30 Sept., officials said.", expr: "30 Sept.", typ: "DATE", val: "2021-09-30"},
		},
		"20th century": {
			{text: "It was built in the 20th century.", expr: "the 20th century", typ: "DATE", val: "19"},
		},
		"clock time": {
			{text: "The vote closes at 10:30 p.m.", expr: "10:30 p.m.", typ: "TIME", val: "2021-09-30T22:30"},
			{text: "The hearing opened in Geneva at 10am on Thursday.", zone: "Geneva", expr: "10am", typ: "TIME", val: "2021-09-30T10:00+02:00"},
			{text: "They met at 3 p.m. on Monday.", dct: "2022-01-10", zone: "Geneva", expr: "3 p.m.", typ: "TIME", val: "2022-01-10T15:00+01:00"},
			{text: "Voting opened around 8 a.m. GMT (4 a.m. EDT).", zone: "Geneva", expr: "4 a.m. EDT", typ: "TIME", val: "2021-09-30T04:00-04:00"},
			{text: "The deadline is 9 a.m. Tuesday.", dct: "2000-04-03", expr: "9 a.m. Tuesday", typ: "TIME", val: "2000-04-04T09:00"},
			{text: "The vote closed at 8 p.m. GMT (4 p.m. EDT) yesterday.", expr: "8 p.m. GMT", typ: "TIME", val: "2021-09-29T20:00Z"},
			{text: "The vote closed at 8 p.m. GMT (4 p.m. EDT) yesterday.", expr: "4 p.m. EDT", typ: "TIME", val: "2021-09-29T16:00-04:00"},
			{text: "Shares fell at 10:35 a.m. (0735 GMT) Friday.", dct: "2021-10-01", expr: "10:35 a.m.", typ: "TIME", val: "2021-10-01T10:35"},
			{text: "He woke at 4 in the morning.", expr: "4 in the morning", typ: "TIME", val: "2021-09-30T04:00"},
			{text: "They met at 9 o'clock.", expr: "9 o'clock", typ: "TIME", val: "2021-09-30T09:00"},
			{text: "The polls close at 20:00 local time.", expr: "20:00 local time", typ: "TIME", val: "2021-09-30T20:00"},
			{text: "It began at 10am.", dct: "none", expr: "10am", typ: "TIME", val: ""},
			no("The score was 10:35 at the break.", "10:35"),
		},
		"1990s": {
			{text: "It was built in the 1990s.", dct: "none", expr: "the 1990s", typ: "DATE", val: "199"},
			{text: "It was built in the 1990s.", dct: "none", timeML: true, expr: "the 1990s", typ: "DATE", val: "199X"},
		},
		"year": {
			{text: "Switzerland has represented US interests in Iran since 1980.", dct: "none", expr: "1980", typ: "DATE", val: "1980"},
			{text: "Profit fell from the 1988 second quarter.", expr: "the 1988 second quarter", typ: "DATE", val: "1988-Q2"},
			no("Some 2000 people marched.", "2000"),
			no("He paid $1990 for it.", "1990"),
			no("The flight 1990 landed.", "1990"),
		},
	}
}

func relativeExamples() map[string][]example {
	return map[string][]example{
		"relative word that is no time": {
			no("The strike is expected to last two days.", "last"),
			no("These changes are welcome.", "These"),
		},
		"the past two months": {
			{text: "Prices rose in the past two months.", expr: "the past two months", typ: "DURATION", val: "P2M"},
			{text: "He has worked there for the last five years.", expr: "the last five years", typ: "DURATION", val: "P5Y"},
		},
		"the next day": {
			{text: "He was arrested on March 3. He appeared in court the next day.", dct: "1998-03-13", expr: "the next day", typ: "DATE", val: "1998-03-04"},
			{text: "He was arrested on March 3. He appeared in court the next morning.", dct: "1998-03-13", expr: "the next morning", typ: "DATE", val: "1998-03-04"},
		},
		"that year": {
			{text: "He moved to Paris in 1990. That year he married.", expr: "That year", typ: "DATE", val: "1990"},
			{text: "The law passed in May 1990. The following month it was repealed.", expr: "The following month", typ: "DATE", val: "1990-06"},
		},
		"recent weeks": {
			{text: "Prices rose in recent weeks.", expr: "recent weeks", typ: "DURATION", val: "PXW"},
			{text: "Prices rose in recent years.", expr: "recent years", typ: "DATE", val: "PAST_REF"},
			{text: "Prices rose in recent weeks and months.", expr: "recent weeks and months", typ: "DURATION", val: "PXW"},
			no("A recent decision stands.", "recent"),
		},
		"coming weeks": {
			{text: "Talks resume in the coming weeks.", expr: "the coming weeks", typ: "DURATION", val: "PXW"},
			{text: "Talks resume in upcoming months.", expr: "upcoming months", typ: "DURATION", val: "PXM"},
		},
		"This Week (a title)": {
			no("Baker said on ABC News' \"This Week\" that the request was serious.", "This Week"),
		},
		"past weeks": {
			{text: "He has worked hard in past weeks.", expr: "past weeks", typ: "DATE", val: "PAST_REF"},
			{text: "Talks resume in the next months.", expr: "the next months", typ: "DURATION", val: "PXM"},
			no("Sales rose in these years.", "these years"),
		},
		"the latest quarter": {
			{text: "Sales fell in the latest quarter.", expr: "the latest quarter", typ: "DATE", val: "2021-Q2"},
			no("Sales fell in the latest year.", "latest"),
		},
		"this year's third quarter": {
			{text: "Profit fell in this year's third quarter.", expr: "this year's third quarter", typ: "DATE", val: "2021-Q3"},
			{text: "Profit fell in last year's third quarter.", expr: "last year's third quarter", typ: "DATE", val: "2020-Q3"},
		},
	}
}

func relativeUnitExamples() map[string][]example {
	return map[string][]example{
		"this week": {
			{text: "High-level talks this week will show how serious they are.", dct: "2021-07-27", expr: "this week", typ: "DATE", val: "2021-W30"},
			{text: "The bombings last week killed 200 people.", dct: "1998-08-11", expr: "last week", typ: "DATE", val: "1998-W32"},
			{text: "Prices rose last month.", dct: "2021-01-15", expr: "last month", typ: "DATE", val: "2020-12"},
			{text: "Elections are due next year.", dct: "2021-07-27", expr: "next year", typ: "DATE", val: "2022"},
			{text: "Talks this week will decide.", dct: "none", expr: "this week", typ: "DATE", val: ""},
			{text: "Prices doubled over the past decade.", expr: "the past decade", typ: "DURATION", val: "P10Y"},
			{text: "Workers lost to inflation in the last decade.", dct: "1998-02-06", expr: "the last decade", typ: "DATE", val: "198"},
			{text: "Prices doubled over the last decade.", expr: "the last decade", typ: "DURATION", val: "P10Y"},
			{text: "She spent the last decade abroad.", expr: "the last decade", typ: "DURATION", val: "P10Y"},
			{text: "This century will be different.", expr: "This century", typ: "DATE", val: "20"},
			no("It was his last day at work.", "last day"),
		},
		"last June": {
			{text: "He was arrested last June.", expr: "last June", typ: "DATE", val: "2021-06"},
			{text: "He will return next March.", expr: "next March", typ: "DATE", val: "2022-03"},
		},
		"last Friday": {
			{text: "He resigned last Friday.", dct: "2021-10-01", expr: "last Friday", typ: "DATE", val: "2021-09-24"},
			{text: "The vote is next Tuesday.", expr: "next Tuesday", typ: "DATE", val: "2021-10-05"},
			{text: "He left on March 3. The previous Friday he had resigned.", expr: "The previous Friday", typ: "DATE", val: "2021-02-26"},
		},
		"last summer": {
			{text: "A strike began last fall.", dct: "1989-02-10", expr: "last fall", typ: "DATE", val: "1988-FA"},
			{text: "Talks will resume this summer.", dct: "2022-01-10", expr: "this summer", typ: "DATE", val: "2022-SU"},
			{text: "It has been a cold winter this winter.", dct: "2022-01-10", expr: "this winter", typ: "DATE", val: "2021-WI"},
			{text: "Talks will resume next summer.", dct: "2022-01-10", expr: "next summer", typ: "DATE", val: "2022-SU"},
		},
		"this morning": {
			{text: "He spoke this morning.", expr: "this morning", typ: "TIME", val: "2021-09-30TMO"},
			{text: "Shots were heard last night.", expr: "last night", typ: "TIME", val: "2021-09-29TNI"},
			no("It was his last morning at home.", "last morning"),
		},
	}
}

func countExamples() map[string][]example {
	return map[string][]example{
		"third quarter": {
			{text: "Net income fell in the third quarter.", dct: "1989-11-02", expr: "the third quarter", typ: "DATE", val: "1989-Q3"},
			{text: "Fourth-quarter profit fell.", dct: "1990-01-15", expr: "Fourth-quarter", typ: "DATE", val: "1989-Q4"},
			{text: "The third-quarter loss widened.", dct: "1989-11-02", expr: "third-quarter", typ: "DATE", val: "1989-Q3"},
			{text: "Losses continued through the third quarter of 1990.", dct: "none", expr: "the third quarter of 1990", typ: "DATE", val: "1990-Q3"},
		},
		"first nine months": {
			{text: "Profit rose in the first nine months.", expr: "the first nine months", typ: "DURATION", val: "P9M"},
		},
		"twentieth century": {
			{text: "It was built in the twentieth century.", expr: "the twentieth century", typ: "DATE", val: "19"},
		},
		"fifth of March": {
			{text: "The deal was signed on the fifth of March.", expr: "fifth of March", typ: "DATE", val: "2021-03-05"},
		},
		"will one day": {
			{text: "Islam will one day be the second largest religion.", dct: "1998-03-03", expr: "one day", typ: "DATE", val: "FUTURE_REF"},
		},
		"two days ago": {
			{text: "He arrived two days ago.", dct: "2021-07-27", expr: "two days ago", typ: "DATE", val: "2021-07-25"},
			{text: "Sales were lower a year ago.", dct: "2021-07-27", expr: "a year ago", typ: "DATE", val: "2020"},
			{text: "Third-quarter profit fell. Two years ago, the firm was nearly bankrupt.", dct: "1998-10-14", expr: "Two years ago", typ: "DATE", val: "1996"},
			{text: "It closed several years ago.", expr: "several years ago", typ: "DATE", val: "PAST_REF"},
		},
		"a year later": {
			{text: "On Sept. 11, 2001, terrorists attacked. A week later, markets reopened.", dct: "2002-10-18", expr: "A week later", typ: "DATE", val: "2001-W38"},
			{text: "He was arrested on March 3. A fortnight later, he was freed.", expr: "A fortnight later", typ: "DATE", val: "2021-W11"},
			{text: "Felt left the FBI in 1973. Five years later he was indicted.", expr: "Five years later", typ: "DATE", val: "1978"},
			{text: "She was kidnapped in June last year. She died nine months later.", expr: "nine months later", typ: "DATE", val: "2021-03"},
			{text: "Net rose in 1988 from $2 million a year earlier.", dct: "1989-10-30", expr: "a year earlier", typ: "DATE", val: "1988"},
			{text: "The mine will close two years hence.", expr: "two years hence", typ: "DATE", val: "2023"},
			{text: "The mine will close a year from now.", expr: "a year from now", typ: "DATE", val: "2022"},
		},
		"two days later": {
			{text: "He was arrested on March 3. Two days later, he was freed.", expr: "Two days", typ: "DURATION", val: "P2D", anchor: "2021-03-05"},
			{text: "He was arrested on March 3. 2 days later, he was freed.", expr: "2 days", typ: "DURATION", val: "P2D", anchor: "2021-03-05"},
			{text: "He resigned on March 3. A day earlier, he had been warned.", expr: "A day", typ: "DURATION", val: "P1D", anchor: "2021-03-02"},
			{text: "He was arrested in March. Two days later, he was freed.", expr: "Two days", typ: "DURATION", val: "P2D"},
		},
		"$5 a year (a rate)": {
			{text: "It costs $5 a year.", expr: "a year", typ: "SET", val: "P1Y"},
			{text: "He eats twice a day.", expr: "a day", typ: "SET", val: "P1D"},
		},
		"two years (a duration)": {
			{text: "The talks lasted two years.", expr: "two years", typ: "DURATION", val: "P2Y"},
			{text: "The talks were expected to last two days.", expr: "two days", typ: "DURATION", val: "P2D"},
			{text: "It will take a week or so.", expr: "a week or so", typ: "DURATION", val: "P1W"},
		},
	}
}

func countVetoExamples() map[string][]example {
	return map[string][]example{
		"a year-earlier loss":           {no("Net fell from a year-earlier loss.", "a ")},
		"a second (not a time unit)":    {no("He took a second look.", "a second")},
		"third quarter without ordinal": {no("Rates rose 3 quarter points.", "3 quarter")},
		"the second (ordinal)":          {no("He placed 2 second-tier bids.", "2 second")},
		"60 Minutes (a title)":          {no("He told 60 Minutes the plan was dead.", "60 Minutes")},
		"6-year-old (an age)":           {no("The 6-year-old boy smiled.", "6-year-old"), no("He is 40 years old.", "40 years")},
		"day-to-day":                    {no("He runs a day-to-day business.", "a day")},
		"a quarter of the market":       {no("It accounts for more than a quarter of the market.", "a quarter")},
		"three-quarters":                {no("Three-quarters of voters agreed.", "Three-quarters")},
	}
}
