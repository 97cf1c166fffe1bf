package ner

import (
	"strings"
	"testing"
)

func toks(text string) []string {
	var out []string
	for _, s := range Tokens(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"The U.S. envoy met Mr. Ryabkov at 10 a.m. on Thursday.", "The|U.S.|envoy|met|Mr.|Ryabkov|at|10|a.m.|on|Thursday|."},
		{"State Department No. 2, Ms. Wendy Sherman", "State|Department|No.|2|,|Ms.|Wendy|Sherman"},
		{`"We will listen," Sherman said.`, `"|We|will|listen|,|"|Sherman|said|.`},
		{"He said “the talks were useful.” Then", "He|said|“|the|talks|were|useful|.|”|Then"},
		{"Russia’s call didn't come", "Russia|’s|call|did|n't|come"},
		{"It's Russia's call", "It|'s|Russia|'s|call"},
		{"GENEVA (AFP) - Talks began", "GENEVA|(|AFP|)|-|Talks|began"},
		{"Geneva — where presidents met", "Geneva|—|where|presidents|met"},
		{"Biden—who", "Biden|—|who"},
		{"rose 3.5 percent to $1,200.50 in Jan.", "rose|3.5|percent|to|$|1,200.50|in|Jan."},
		{"Moscow-Washington relations", "Moscow-Washington|relations"},
		{"wait...", "wait|..."},
		{"(Geneva)", "(|Geneva|)"},
		{"Washington, D.C.", "Washington|,|D.C."},
		{"", ""},
		{"   \n\t ", ""},
		{"bad \xff\xfe bytes", "bad|\xff\xfe|bytes"},
	}
	for _, tt := range tests {
		got := strings.Join(toks(tt.in), "|")
		if got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "The U.S. envoy met Mr. Ryabkov at 10 a.m. on Thursday. He left at noon.",
			[]string{"The U.S. envoy met Mr. Ryabkov at 10 a.m. on Thursday.", "He left at noon."}},
		{"number abbreviation", "Talks between State Department No. 2 Wendy Sherman and Russia began. They ended.",
			[]string{"Talks between State Department No. 2 Wendy Sherman and Russia began.", "They ended."}},
		{"quotes", `"We will listen," Sherman said. "The talks promise to be long."`,
			[]string{`"We will listen," Sherman said.`, `"The talks promise to be long."`}},
		{"curly quotes", "He said “the talks were useful.” Then he left for Bern.",
			[]string{"He said “the talks were useful.”", "Then he left for Bern."}},
		{"acronym at end", "He moved to the U.S. The talks failed.",
			[]string{"He moved to the U.S.", "The talks failed."}},
		{"acronym before name", "Talks with U.S. Deputy Secretary Wendy Sherman ended.",
			[]string{"Talks with U.S. Deputy Secretary Wendy Sherman ended."}},
		{"titles", "Sen. John McCain and Gen. Mark Milley spoke.",
			[]string{"Sen. John McCain and Gen. Mark Milley spoke."}},
		{"paragraphs", "Russian, American Diplomats Meet in Geneva\n\nBy Kevin Zhang\n\nFormal talks are now ongoing.",
			[]string{"Russian, American Diplomats Meet in Geneva", "By Kevin Zhang", "Formal talks are now ongoing."}},
		{"headline line", "Diplomats Meet in Geneva\nFormal talks are now ongoing.",
			[]string{"Diplomats Meet in Geneva", "Formal talks are now ongoing."}},
		{"hard wrapped", "Russia said the talks will show how\nserious Washington is in seeking\ngenuine dialogue with Moscow.\nThe two countries will hold the\ntalks on Wednesday in Geneva.",
			[]string{"Russia said the talks will show how\nserious Washington is in seeking\ngenuine dialogue with Moscow.", "The two countries will hold the\ntalks on Wednesday in Geneva."}},
		{"dateline", "GENEVA (AFP) - Talks began on Thursday. They ended late.",
			[]string{"GENEVA (AFP) - Talks began on Thursday.", "They ended late."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("The U.S. envoy met Mr. Ryabkov at 10 a.m. “Quote.” didn't")
	f.Add("\xff\xfe'")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Tokens(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v (prev end %d, len %d)", sp, prev, len(s))
			}
			prev = sp.End
		}
		for _, sp := range Sentences(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.End < sp.Start {
				t.Fatalf("bad sentence %v", sp)
			}
		}
	})
}
