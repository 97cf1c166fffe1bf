package quote

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestLabelledSpeaker(t *testing.T) {
	tests := []struct {
		want string
		also []string
		got  string
		ok   bool
	}{
		{"Sergei Ryabkov", nil, "Ryabkov", true},
		{"Sergei Ryabkov", nil, "Sergey Riabkov", true},
		{"Sergei Ryabkov", nil, "Deputy Foreign Minister Sergei Ryabkov", true},
		{"Sergei Ryabkov", nil, "Sergei", false}, // a first name alone keeps no surname
		{"Sergei Ryabkov", nil, "", false},
		{"Dave Moss", nil, "Insp Moss", true},
		{"Tara Lee", nil, "Tara Lee's rep", false},
		{"Ann Wolfe", nil, "David Wolfe", false},
		{"rep", nil, "Lee's rep", true},
		{"rep", nil, "Lee", false},
		{"spokeswoman", []string{"Surrey Police"}, "Surrey Police", true},
		{"spokeswoman", []string{"Surrey Police"}, "police spokeswoman", true},
		{"Ada Finn", []string{"Tom Reyes"}, "Reyes", true},
		{"A.J. Smith", nil, "Smith", true},
	}
	for _, tt := range tests {
		l := Label{Speaker: tt.want, Also: tt.also}
		if got := labelledSpeaker(l, tt.got); got != tt.ok {
			t.Errorf("labelledSpeaker(%q %v, %q) = %v, want %v", tt.want, tt.also, tt.got, got, tt.ok)
		}
	}
}

func TestLocate(t *testing.T) {
	raw := "Headline\nHe said \"we stay\" twice.\nThen: \"we stay\" again.\n"
	clean := "He said “we stay” twice.\n\nThen: “we stay” again."
	second := strings.LastIndex(raw, "we stay")
	s, e, ok := locate(raw, second, second+len("we stay"), clean)
	if !ok || clean[s:e] != "we stay" || s != strings.LastIndex(clean, "we stay") {
		t.Errorf("locate the second repetition: %d-%d %v", s, e, ok)
	}
	if _, _, ok := locate(raw, 0, len("Headline"), clean); ok {
		t.Error("a span the cleaner dropped was located")
	}
}

func TestEvaluate(t *testing.T) {
	raw1 := `"We will win," Ann Lee said. "Nobody doubts it."`
	raw2 := `Ann Lee told reporters: "We will win."`
	label := func(id, raw, words, speaker, group string) Label {
		s := strings.Index(raw, words)
		return Label{Article: id, Start: s, End: s + len(words), SHA: SpanHash(words), Speaker: speaker, Kind: "after", Group: group}
	}
	labels := []Label{
		label("a1", raw1, "We will win,", "Ann Lee", "g"),
		label("a1", raw1, "Nobody doubts it.", "Ann Lee", ""),
		label("a2", raw2, "We will win.", "Lee", "g"),
	}
	arts := map[string]EvalArticle{
		"a1": {Raw: raw1, Text: raw1, Quotes: []storyline.QuoteMention{
			{Text: "We will win", SpeakerName: "Ann Lee", Start: 1, End: 12},
			{Text: "Nobody doubts it.", SpeakerName: "Tom Ray", Start: 30, End: 47},
		}, QuoteIDs: []string{"q1", "q2"}},
		"a2": {Raw: raw2, Text: raw2, QuoteIDs: nil},
	}
	r, err := Evaluate(labels, arts)
	if err != nil {
		t.Fatal(err)
	}
	if r.Attributable != 3 || r.Found != 2 || r.Attributed != 1 || r.Groups != 1 || r.Grouped != 0 {
		t.Errorf("got %+v", r)
	}
	kinds := r.ByKind()
	if len(kinds) != 1 || kinds[0] != (KindScore{Kind: "after", Labels: 3, Right: 1}) {
		t.Errorf("by kind: %+v", kinds)
	}
	labels[0].SHA = "000000000000"
	if _, err := Evaluate(labels, arts); err == nil {
		t.Error("a label whose words changed was scored")
	}
}
