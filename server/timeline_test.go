package server

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

func TestParseWhen(t *testing.T) {
	tests := []struct {
		in, label string
		ok        bool
	}{
		{"2021-09-30", "30 Sep 2021", true},
		{"2021-06", "Jun 2021", true},
		{"1980", "1980", true},
		{"2021-W30", "week 30, 2021", true},
		{"2021-09-30T08:00Z", "30 Sep 2021 08:00 UTC", true},
		{"2021-09-30T10:00+02:00", "30 Sep 2021 08:00 UTC", true},
		{"2021-09-30TMO", "30 Sep 2021", true},
		{"P3D", "", false},
		{"2021-SU", "", false},
		{"PRESENT_REF", "", false},
		{"", "", false},
		{"2021-13", "", false},
		{"2021-W60", "", false},
		{"<script>", "", false},
	}
	for _, tt := range tests {
		w, ok := parseWhen(tt.in)
		if ok != tt.ok || w.Label != tt.label {
			t.Errorf("parseWhen(%q) = %q, %v; want %q, %v", tt.in, w.Label, ok, tt.label, tt.ok)
		}
	}
	// ISO week 1 of 2021 starts on Monday 4 January.
	if w, _ := parseWhen("2021-W01"); w.T.Format("2006-01-02") != "2021-01-04" {
		t.Errorf("2021-W01 starts %s", w.T.Format("2006-01-02"))
	}
}

func TestLayoutTimeline(t *testing.T) {
	st := &storyline.Story{Timeline: []storyline.TimelineEntry{
		{Date: "2021-09-30", What: "Second round", Event: "b"},
		{Date: "2021-06", What: "Summit in June"},
		{Date: "2021-07-28", What: "First round", Event: "a"},
		{Date: "2021-07-28", What: "Same day mention"},
		{Date: "", What: "Undated"},
	}}
	events := []storyline.Event{{ID: "a", Date: "2021-07-28"}, {ID: "b", Date: "2021-09-30"}, {ID: "c", Date: "2022-01-10", Title: "Third round"}}
	dated, undated := storyTimeline(st, events)
	if len(undated) != 1 || len(dated) != 5 {
		t.Fatalf("dated %d, undated %d", len(dated), len(undated))
	}
	var whats []string
	for _, e := range dated {
		whats = append(whats, e.What)
	}
	if got := strings.Join(whats, "|"); got != "Summit in June|First round|Same day mention|Second round|Third round" {
		t.Fatalf("order: %s", got)
	}
	tl := layoutTimeline(dated)
	last := 0
	for i, m := range tl.Marks {
		if m.Y < last-1 && i > 0 && dated[i].When.T.After(dated[i-1].When.T) {
			t.Errorf("mark %d goes up the axis", i)
		}
		last = m.Y
		if i > 0 {
			prev := tl.Marks[i-1]
			if m.LabelY < prev.Lines[len(prev.Lines)-1].Y+tlGap {
				t.Errorf("label %d overlaps the one before", i)
			}
		}
		if m.Event != (dated[i].Event != "") || (m.Event && m.Href == "") {
			t.Errorf("mark %d: event %v href %q", i, m.Event, m.Href)
		}
		if m.LabelY > tl.Height {
			t.Errorf("label %d below the drawing", i)
		}
	}
	if len(tl.Ticks) == 0 {
		t.Error("no ticks")
	}
	if layoutTimeline(nil) != nil {
		t.Error("a timeline for nothing")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		lines []string
	}{
		{"short", []string{"short"}},
		{"", []string{"(untitled)"}},
		{"one two three four five six", []string{"one two", "three…"}},
		{"averyveryverylongword", []string{"averyve…"}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, 8, 2)
		if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
			t.Errorf("wrap(%q) = %q, want %q", tt.in, got, tt.lines)
		}
	}
}

func FuzzLayout(f *testing.F) {
	f.Add("2021-09-30", "2021-W30", "a b c d e f g", "1980")
	f.Add("2021-06", "9999-12-31T23:59Z", "\xff\xfe", "0001")
	f.Fuzz(func(t *testing.T, d1, d2, what, d3 string) {
		st := &storyline.Story{Timeline: []storyline.TimelineEntry{{Date: d1, What: what, Event: "e"}, {Date: d2, What: what}, {Date: d3, What: what}}}
		dated, _ := storyTimeline(st, nil)
		tl := layoutTimeline(dated)
		if tl != nil && tl.Height <= 0 {
			t.Fatal("empty drawing")
		}
		for _, l := range wrap(what, 10, 2) {
			if !utf8.ValidString(l) && utf8.ValidString(what) {
				t.Fatalf("wrap broke a rune: %q", l)
			}
		}
		snippetSegments(what)
		safeURL(what)
	})
}
