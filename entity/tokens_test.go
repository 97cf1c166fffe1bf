package entity

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string // punctuation in brackets
	}{
		{"Mr. Smith, the U.S. envoy.", []string{"Mr.", "Smith", "[,]", "the", "U.S.", "envoy", "[.]"}},
		{"said S. Ryabkov", []string{"said", "S.", "Ryabkov"}},
		{"the talks.\n\nDeputy Minister", []string{"the", "talks", "[.]", "[\n\n]", "Deputy", "Minister"}},
		{"wrapped\nline", []string{"wrapped", "line"}},
		{"end of a paragraph.\n \n", []string{"end", "of", "a", "paragraph", "[.]", "[\n\n]"}},
		{"O'Brien, vice-president", []string{"O'Brien", "[,]", "vice-president"}},
		{"", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range tokenize(tc.text, 100) {
			if tc.text[tok.start-100:tok.end-100] != tok.s && tok.s != "\n\n" {
				t.Errorf("tokenize(%q): %q at %d–%d is not the text there", tc.text, tok.s, tok.start, tok.end)
			}
			s := tok.s
			if tok.punct {
				s = "[" + s + "]"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
