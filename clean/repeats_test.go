package clean

import (
	"strings"
	"testing"
)

func TestDropRepeats(t *testing.T) {
	lead := "The town council voted on Tuesday to repaint the old lighthouse in green and white stripes, ending a long dispute that had divided the harbour."
	second := "Mayor Ada Quillfeather said the work would begin in May and take about six weeks, weather permitting, and that the marine paint would resist the salt spray for years."
	pull := "the work would begin in May and take about six weeks, weather permitting, and that the marine paint would resist"
	short := "the work would begin in May and take about six weeks"
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"lead twice", []string{lead, lead, second}, []string{lead, second}},
		{"long paragraph twice, apart", []string{lead, second, lead}, []string{lead, second}},
		{"long excerpt before its paragraph", []string{lead, "“" + pull + "”", second}, []string{lead, second}},
		{"long excerpt after its paragraph", []string{lead, second, pull}, []string{lead, second}},
		{"short repeats stay", []string{"Swiss partnership", lead, "Swiss partnership", second}, []string{"Swiss partnership", lead, "Swiss partnership", second}},
		{"a short pull quote stays", []string{lead, short, second}, []string{lead, short, second}},
		{"different paragraphs stay", []string{lead, second}, []string{lead, second}},
	}
	for _, tt := range tests {
		rep := repeated(tt.in)
		var got []string
		for i, p := range tt.in {
			if rep == nil || !rep[i] {
				got = append(got, p)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
