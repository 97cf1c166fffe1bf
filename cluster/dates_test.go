package cluster

import (
	"slices"
	"testing"

	storyline "github.com/storyline-news/storyline"
)

func TestFindDates(t *testing.T) {
	ref := parseDay("2021-09-30") // a Thursday
	tests := []struct {
		text string
		want []string
	}{
		{"The meeting on July 28 made little progress.", []string{"2021-07-28"}},
		{"Published: Tuesday, Dec. 20 2005 12: 00 a. m. MST", []string{"2005-12-20"}},
		{"12 January 2010 @ 09: 29 pm", []string{"2010-01-12"}},
		{"First Posted 05 / 05 / 2010", []string{"2010-05-05"}},
		{"They agreed at a summit in June to restart talks.", []string{"2021-06"}},
		{"She will meet Leu on Friday.", []string{"2021-10-01"}},
		{"She spoke at a conference on Wednesday.", []string{"2021-09-29"}},
		{"It happened yesterday, not today.", []string{"2021-09-29", "2021-09-30"}},
		{"date 2021-09-30 The Oslo summit", []string{"2021-09-30"}},
		{"You may go.", nil},
		{"\xff\xfe broken bytes July 4", []string{"2021-07-04"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, d := range findDates(tt.text, ref) {
				got = append(got, d.value)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findDates = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("findDates = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestHeaderDate(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Headline here\nJuly 27,2021\n\nBody.", "2021-07-27"},
		{" date 2021-09-30 The Oslo summit follows.", "2021-09-30"},
		{"Title\nFILE PHOTO: a long caption about ministers who gathered at the town hall in Bergen, Norway May 12, 2021.", ""},
	}
	for _, tt := range tests {
		if got := dayString(headerDate(tt.text)); got != tt.want {
			t.Errorf("headerDate(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStartTimeAndVenue(t *testing.T) {
	e := &builtEvent{day: parseDay("2021-09-30")}
	e.Place = "Geneva"
	tests := []struct{ sentence, want string }{
		{"The hearing reportedly opened in Geneva at 10am on Thursday.", "08:00Z"},
		{"The hearing opened near 8 a.m. GMT (9 a.m. BST).", "08:00Z"},
		{"Talks began at 14:30 CET.", "13:30Z"},
	}
	for _, tt := range tests {
		c, _, ok := firstClock(tt.sentence)
		if got := startValue(c, e); !ok || got != tt.want {
			t.Errorf("start time of %q = %q, %v; want %q", tt.sentence, got, ok, tt.want)
		}
	}
	if a, b := venueKey("US diplomatic mission"), venueKey("Permanent Mission of the United States"); a != b {
		t.Errorf("venueKey: %q != %q", a, b)
	}
	if a, b := venueKey("Russian diplomatic mission"), venueKey("U.S. diplomatic mission"); a == b {
		t.Errorf("venueKey: Russian and U.S. missions both %q", a)
	}
}

func TestTokenizeOddInput(t *testing.T) {
	for _, s := range []string{"", "\xff\xfe\xfd", "—", "a.b.c", "1,2,3", "Ryabkov’s", string(make([]byte, 1000))} {
		_ = tokenize(s)
		_ = splitSentences(s)
		_ = findDates(s, noDay)
		_ = headerDate(s)
		_ = guessHeadline(s)
	}
}

// A duration that points at a day ("in three weeks") is a date the
// article mentions; one that points nowhere ("for two years") is not.
func TestArticleDatesTakeAnchoredDurations(t *testing.T) {
	a := &storyline.Article{
		Published: "2024-03-01",
		Timexes: []storyline.TimeExpr{
			{Text: "in three weeks", Type: "DURATION", Value: "P3W", Anchor: "2024-03-22"},
			{Text: "for two years", Type: "DURATION", Value: "P2Y"},
			{Text: "Friday", Type: "DATE", Value: "2024-03-01"},
		},
	}
	var got []string
	for _, dm := range articleDates(a, parseDay(a.Published)) {
		got = append(got, dm.value)
	}
	want := []string{"2024-03-22", "2024-03-01"}
	if !slices.Equal(got, want) {
		t.Fatalf("dates %q, want %q", got, want)
	}
}
