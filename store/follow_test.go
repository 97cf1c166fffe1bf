package store

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// spelledKey is TextKey as it was first written, rune by rune through a
// string: stores hold keys made that way, so the fast reading must give
// the same key to every text.
func spelledKey(text string) string {
	var b strings.Builder
	words := 0
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			if !inWord {
				words++
			}
			inWord = true
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		inWord = false
	}
	if words < minKeyWords {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:16])
}

func TestTextKey(t *testing.T) {
	wire := strings.Repeat("Officials from Drevia and Solvara opened talks in Brennick on Monday, 3 March. ", 4)
	for _, tc := range []struct {
		name, a, b string
		same       bool
	}{
		{"case, punctuation and spacing", wire, strings.ToUpper(strings.ReplaceAll(wire, ", ", " -- ")), true},
		{"a changed word", wire, strings.Replace(wire, "Monday", "Tuesday", 1), false},
		{"accents and other scripts", wire + " Genève Женева", wire + " GENÈVE ЖЕНЕВА", true},
		{"digits split from letters by nothing", wire + " G7", wire + " g7", true},
		{"invalid bytes split words", wire + " ab\xffcd", wire + " ab cd", true},
	} {
		ka, kb := TextKey(tc.a), TextKey(tc.b)
		if ka == "" || (ka == kb) != tc.same {
			t.Errorf("%s: keys %q and %q, same %v, want %v", tc.name, ka, kb, ka == kb, tc.same)
		}
	}
	if k := TextKey("A flash of eleven words, too short to be anyone's copy."); k != "" {
		t.Errorf("short text keyed %q", k)
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"word", "Word", "WORD", " ", ", ", "\n\n", "É", "é", "ß", "Ж", "ж", "7", "٣", "’", "\xff", "\xe2\x80", "İ", "ǅ", "ﬁ", "-", "日本"}
	texts := []string{"", wire, strings.Repeat("x ", 39), strings.Repeat("x ", 40)}
	for range 300 {
		var b strings.Builder
		for range 20 + r.IntN(200) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		if got, want := TextKey(text), spelledKey(text); got != want {
			t.Fatalf("TextKey(%q) = %q, rune by rune %q", text, got, want)
		}
	}
}
