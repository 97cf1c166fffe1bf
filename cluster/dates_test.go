package cluster

import (
	"slices"
	"strings"
	"testing"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

func TestStartTime(t *testing.T) {
	geneva := &builtEvent{day: parseDay("2021-09-30")}
	geneva.Place = "Geneva"
	nowhere := &builtEvent{day: parseDay("2021-09-30")}
	tests := []struct {
		value string
		e     *builtEvent
		want  string
	}{
		{"2021-09-30T10:00+02:00", geneva, "08:00Z"},  // "10am" under a Geneva dateline
		{"2021-09-30T08:00Z", geneva, "08:00Z"},       // "8 a.m. GMT"
		{"2021-09-30T14:30+01:00", nowhere, "13:30Z"}, // "14:30 CET"
		{"2021-09-30T10:00", geneva, "08:00Z"},        // no zone: the event's place's
		{"2021-09-30T10:00", nowhere, "10:00 local"},  // no zone, no place known
		{"2021-12-30T10:00", geneva, "09:00Z"},        // winter time
		{"2021-09-30TMO", geneva, ""},                 // "in the morning": no clock
		{"garbage", geneva, ""},
	}
	for _, tt := range tests {
		if got := startValue(tt.value, tt.e); got != tt.want {
			t.Errorf("startValue(%q, %q) = %q, want %q", tt.value, tt.e.Place, got, tt.want)
		}
	}
}

func TestFirstClock(t *testing.T) {
	timexes := []storyline.TimeExpr{
		{Text: "Thursday", Start: 40, End: 48, Type: "DATE", Value: "2021-09-30"},
		{Text: "in the morning", Start: 50, End: 64, Type: "TIME", Value: "2021-09-30TMO"},
		{Text: "10am", Start: 70, End: 74, Type: "TIME", Value: "2021-09-30T10:00+02:00"},
		{Text: "noon", Start: 120, End: 124, Type: "TIME", Value: "2021-09-30T12:00+02:00"},
	}
	if x, ok := firstClock(timexes, newstext.Span{Start: 30, End: 100}); !ok || x.Text != "10am" {
		t.Errorf("firstClock = %+v, %v; want 10am", x, ok)
	}
	if x, ok := firstClock(timexes, newstext.Span{Start: 0, End: 60}); ok {
		t.Errorf("firstClock found %+v in a sentence without a clock", x)
	}
}

func TestVenueKey(t *testing.T) {
	same := [][2]string{
		{"US diplomatic mission", "Permanent Mission of the United States"},
		{"American embassy", "U.S. Embassy"},
		{"Russian mission", "mission of Russia"},
		{"Kremlin's headquarters", "Kremlin"},
	}
	for _, p := range same {
		if a, b := venueKey(p[0]), venueKey(p[1]); a != b {
			t.Errorf("venueKey: %q = %q, %q = %q", p[0], a, p[1], b)
		}
	}
	if a, b := venueKey("Russian diplomatic mission"), venueKey("U.S. diplomatic mission"); a == b {
		t.Errorf("venueKey: Russian and U.S. missions both %q", a)
	}
	if k := venueKey("the new main"); k != "" {
		t.Errorf("venueKey of shared words = %q", k)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // folded words, names marked with *
	}{
		{"Ryabkov's talks with NATO resumed.", "ryabkov talk with *nato resum"},
		{"Officials met Sherman in Geneva", "official met *sherman in *geneva"},
		{"The U.S. Deputy Secretary arrived", "the us deputy *secretary arriv"},
		{"He said \"Geneva\" twice", "he said geneva twice"},
		{"A 5.6 quake hit 100,000 homes", "a 5.6 quake hit 100000 home"},
		{"al-Qaeda fighters\nGeneva", "al-qaeda fighter geneva"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.in) {
			w := tok.fold
			if tok.name {
				w = "*" + w
			}
			got = append(got, w)
		}
		if want := strings.Fields(tt.want); !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestTokenizeOddInput(t *testing.T) {
	for _, s := range []string{"", "\xff\xfe\xfd", "—", "a.b.c", "1,2,3", "Ryabkov’s", string(make([]byte, 1000))} {
		for _, tok := range tokenize(s) {
			if tok.start < 0 || tok.start >= len(s) {
				t.Errorf("tokenize(%q): token %+v outside the text", s, tok)
			}
		}
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
	for _, dm := range articleDates(a) {
		got = append(got, dm.value)
	}
	want := []string{"2024-03-22", "2024-03-01"}
	if !slices.Equal(got, want) {
		t.Fatalf("dates %q, want %q", got, want)
	}
}
