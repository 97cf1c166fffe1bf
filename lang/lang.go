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
	if plainEnglish(sample) {
		return "en"
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

// englishFunctionWords are the commonest English words that no other
// language of the set writes as words of its own.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "that": true, "is": true, "was": true,
	"for": true, "with": true, "said": true, "he": true, "his": true, "from": true, "by": true,
	"has": true, "have": true, "are": true, "were": true, "this": true, "which": true, "it": true,
	"on": true, "at": true, "will": true, "would": true, "been": true, "its": true, "their": true,
}

// plainEnglish is a fast path for most of a news stream: text where
// English function words make up a large share of the words is English,
// without running the n-gram models (the slowest step of cleaning). Mixed
// or short texts still go to the detector.
func plainEnglish(s string) bool {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		for _, r := range w {
			if r > unicode.MaxLatin1 {
				return false // another script: leave it to the detector
			}
		}
		words++
		if englishFunctionWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 30 && hits*100 >= words*22
}
