package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// languages are the common news languages the detector chooses among.
// Restricting the set keeps memory low and avoids confusions between close
// minor languages (Bokmål/Nynorsk, Bosnian/Croatian) that matter little here.
var languages = []lingua.Language{
	lingua.English, lingua.French, lingua.German, lingua.Spanish,
	lingua.Portuguese, lingua.Italian, lingua.Dutch, lingua.Russian,
	lingua.Ukrainian, lingua.Polish, lingua.Turkish, lingua.Arabic,
	lingua.Persian, lingua.Chinese, lingua.Japanese, lingua.Korean,
	lingua.Hindi, lingua.Indonesian, lingua.Swedish,
}

// sampleBytes bounds the text the detector reads: a few sentences decide
// the language, and the detector's cost grows with the input.
const sampleBytes = 600

// minLetters is the least number of letters we trust a guess on; shorter
// inputs (a headline fragment, a number) give unstable answers.
const minLetters = 20

var (
	once     sync.Once
	detector lingua.LanguageDetector
)

func load() {
	detector = lingua.NewLanguageDetectorBuilder().
		FromLanguages(languages...).
		WithLowAccuracyMode().
		WithMinimumRelativeDistance(0.05).
		Build()
}

// Detect returns the ISO 639-1 code of text's language ("en", "fr"...), or
// "" when the text is too short or the detector is unsure. The models load
// on first use; Detect is safe for concurrent use.
func Detect(text string) string {
	sample := cut(text, sampleBytes)
	if letters(sample) < minLetters {
		return ""
	}
	once.Do(load)
	l, ok := detector.DetectLanguageOf(sample)
	if !ok || l == lingua.Unknown {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// cut returns at most n bytes of s, ending on a word boundary when one is
// near and never inside a UTF-8 sequence.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > n/2 {
		i = j
	}
	return s[:i]
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if n >= minLetters {
				return n
			}
		}
	}
	return n
}
