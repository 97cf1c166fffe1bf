package timex

import (
	"cmp"
	"context"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/newstext"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
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
			// As the pipeline prepares it: the cleaner reads the dateline
			// and the roles.
			c := clean.Text(tc.text, clean.Known{Published: tc.published})
			a := &storyline.Article{Published: tc.published, Dateline: cmp.Or(tc.dateline, c.Dateline), Text: c.Text, Paragraphs: c.Paragraphs}
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

// TestLead holds the event date to the lead the cleaner's roles give: the
// first sentences of the report, not the headline, a caption or a
// dateline line.
func TestLead(t *testing.T) {
	body := func(s, e int) storyline.Paragraph {
		return storyline.Paragraph{Role: storyline.RoleBody, Start: s, End: e}
	}
	tests := []struct {
		name  string
		text  string
		paras func(text string) []storyline.Paragraph
		want  string
	}{
		{"a caption first", "Pictured on Monday, the delegations.\n\nThe talks opened on Wednesday. They end on Friday.",
			func(text string) []storyline.Paragraph {
				return []storyline.Paragraph{{Role: storyline.RoleCaption, Start: 0, End: 36}, body(38, len(text))}
			}, "2021-09-29"},
		{"two sentences over two paragraphs", "The talks were long.\n\nThey opened on Wednesday.\n\nA vote is due on Friday.",
			func(text string) []storyline.Paragraph {
				return []storyline.Paragraph{body(0, 20), body(22, 47), body(49, len(text))}
			},
			"2021-09-29"},
		{"the third sentence is no lead", "The talks were long.\n\nThey were hard.\n\nA vote is due on Friday.",
			func(text string) []storyline.Paragraph {
				return []storyline.Paragraph{body(0, 20), body(22, 37), body(39, len(text))}
			},
			"2021-09-30"},
		{"said on a day", "Norway on Tuesday confirmed that the talks opened on Wednesday.", nil, "2021-09-29"},
		{"no cleaner: the text is the report", "The talks opened on Wednesday.", nil, "2021-09-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &storyline.Article{Published: "2021-09-30", Text: tt.text}
			if tt.paras != nil {
				a.Paragraphs = tt.paras(tt.text)
			}
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if a.EventDate != tt.want {
				t.Errorf("event date %q, want %q (timexes %+v)", a.EventDate, tt.want, a.Timexes)
			}
		})
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
			for _, x := range Tag(in, Options{DCT: dct, Zone: newstext.PlaceZone("Geneva")}) {
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
		for _, x := range Tag(s, Options{DCT: day("2021-09-30"), Zone: newstext.PlaceZone("Geneva")}) {
			if x.Start < 0 || x.End > len(s) || x.Start >= x.End || s[x.Start:x.End] != x.Text {
				t.Fatalf("%q: bad span %+v", s, x)
			}
		}
	})
}
