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
