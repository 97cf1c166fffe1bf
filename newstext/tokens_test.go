package newstext

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
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
		{"Finance Ministry No. 3, Ms. Laura Finch", "Finance|Ministry|No.|3|,|Ms.|Laura|Finch"},
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

// AppendTokens gives what Tokens gives, after what the slice held.
func TestAppendTokens(t *testing.T) {
	texts := []string{"The U.S. envoy met Mr. Ryabkov.", "", "Russia’s call didn't come", "bad \xff bytes"}
	prior := []Span{{1, 2}, {3, 4}}
	for _, text := range texts {
		got := English().AppendTokens(append([]Span(nil), prior...), text)
		want := append(append([]Span(nil), prior...), Tokens(text)...)
		if len(got) != len(want) {
			t.Fatalf("AppendTokens(%q): %v, want %v", text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("AppendTokens(%q): %v, want %v", text, got, want)
			}
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
		{"number abbreviation", "Talks between Finance Ministry No. 3 Laura Finch and Norway began. They ended.",
			[]string{"Talks between Finance Ministry No. 3 Laura Finch and Norway began.", "They ended."}},
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
		{"paragraphs", "Danish, Swedish Ministers Gather in Bergen\n\nBy Laura Finch\n\nFormal sessions are now under way.",
			[]string{"Danish, Swedish Ministers Gather in Bergen", "By Laura Finch", "Formal sessions are now under way."}},
		{"headline line", "Ministers Gather in Bergen\nFormal sessions are now under way.",
			[]string{"Ministers Gather in Bergen", "Formal sessions are now under way."}},
		{"hard wrapped", "Norway said the vote will show how\nsincere Brussels is in seeking\na real deal with Oslo.\nThe two delegations will hold the\nvote on Friday in Bergen.",
			[]string{"Norway said the vote will show how\nsincere Brussels is in seeking\na real deal with Oslo.", "The two delegations will hold the\nvote on Friday in Bergen."}},
		{"titles the tagger's text spells without a period", "\"Nobody else was there,\" Const. Tim Fanning said. Mme. Lagarde agreed.",
			[]string{"\"Nobody else was there,\" Const. Tim Fanning said.", "Mme. Lagarde agreed."}},
		{"a title at a sentence's end", "He spoke to the Det. The talks ended.",
			[]string{"He spoke to the Det. The talks ended."}},
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

// BenchmarkSentences splits the seed articles into sentences (the
// tagger's first step).
func BenchmarkSentences(b *testing.B) {
	s := shareddata.SeedArticles(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sentences(s)
	}
}

// lastApostrophe finds what strings.LastIndexAny(w, "'’") finds, in any
// bytes.
func TestLastApostrophe(t *testing.T) {
	words := []string{"", "Russia’s", "didn't", "rock'n’roll", "’", "'", "no", "\xe2\x80", "\x80\x99", "a\xe2\x80\x99\x80",
		"\xf0\xe2\x80\x99", "’\xff", "o’\xe2\x80\x99", "l'’"}
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{"a", "’", "'", "\xe2", "\x80", "\x99", "\xff", "é", "s"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := lastApostrophe(w), strings.LastIndexAny(w, "'’"); got != want {
			t.Fatalf("lastApostrophe(%q) = %d, LastIndexAny %d", w, got, want)
		}
	}
}
