package newstext

import (
	"strings"
	"testing"
)

// pieces renders a text's pieces as "text/kind/gap" joined by spaces.
func pieces(s string) string {
	kinds := map[PieceKind]string{Letters: "L", Digits: "D", Mark: "M"}
	gaps := map[Gap]string{Joined: "", Spaced: "_", LineBreak: "^", BlankLine: "¶"}
	var out []string
	sc := NewScanner(s)
	for p, ok := sc.Next(); ok; p, ok = sc.Next() {
		out = append(out, gaps[p.Gap]+s[p.Start:p.End]+"/"+kinds[p.Kind])
	}
	return strings.Join(out, " ")
}

func TestScanner(t *testing.T) {
	tests := []struct{ in, want string }{
		{"talks at 10:30 a.m.", "^talks/L _at/L _10/D :/M 30/D _a/L ./M m/L ./M"},
		{"Ryabkov’s envoy", "^Ryabkov/L ’/M s/L _envoy/L"},
		{"mid-1990s", "^mid/L -/M 1990/D s/L"},
		{"Genève\u00a0— Zürich", "^Genève/L _—/M _Zürich/L"},
		{"one\ntwo\n\n three", "^one/L ^two/L ¶three/L"},
		{"a\u2028b", "^a/L ^b/L"},
		{"  \t\n ", ""},
		{"", ""},
		{"bad\xffbyte", "^bad/L \xff/M byte/L"},
		{"e\u0301te", "^e\u0301te/L"}, // a combining accent stays in its word
	}
	for _, tt := range tests {
		if got := pieces(tt.in); got != tt.want {
			t.Errorf("pieces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The U.S. envoy met Mr. Ryabkov at 10 a.m.", "The|U.S.|envoy|met|Mr|.|Ryabkov|at|10|a.m."},
		{"Russia’s al-Qaeda didn't", "Russia’s|al-Qaeda|didn't"},
		{"rose 3.5 percent, to 100,000 troops.", "rose|3.5|percent|,|to|100,000|troops|."},
		{"Moscow, Geneva and Bern", "Moscow|,|Geneva|and|Bern"},
		{`"We will listen," Sherman said`, `"|We|will|listen|,|"|Sherman|said`},
		{"the 1990s—and G7", "the|1990s|—|and|G7"},
		{"end. Next", "end|.|Next"},
		{"wait...", "wait|.|.|."},
		{"-word word-", "-|word|word|-"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range Words(tt.in, 0, len(tt.in), nil) {
			got = append(got, tt.in[w.Start:w.End])
		}
		if s := strings.Join(got, "|"); s != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
	// A range: offsets stay the whole text's.
	s := "Said: Ryabkov spoke."
	ws := Words(s, 6, 13, nil)
	if len(ws) != 1 || s[ws[0].Start:ws[0].End] != "Ryabkov" || !ws[0].IsWord {
		t.Errorf("Words in a range = %+v", ws)
	}
	if ws := Words(s, 5, 99, nil); ws != nil {
		t.Errorf("Words past the end = %+v, want none", ws)
	}
	// Appended after what into holds, which stays.
	prior := []Word{{Start: 1, End: 2}, {Start: 3, End: 4, IsWord: true}}
	ws = Words(s, 6, len(s), prior[:2:2])
	if len(ws) != 5 || ws[0] != prior[0] || ws[1] != prior[1] || s[ws[2].Start:ws[2].End] != "Ryabkov" || s[ws[4].Start:ws[4].End] != "." {
		t.Errorf("Words after two = %+v", ws)
	}
}

func FuzzWords(f *testing.F) {
	f.Add("U.S. a.m. 100,000 Russia’s \xff mid-1990s")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, w := range Words(s, 0, len(s), nil) {
			if w.Start < prev || w.End <= w.Start || w.End > len(s) {
				t.Fatalf("bad word %+v (prev end %d, len %d)", w, prev, len(s))
			}
			prev = w.End
		}
	})
}
