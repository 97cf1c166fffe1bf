package lang

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// sampleBytes bounds the text the detector reads: a few sentences decide
// the language, and the detector's cost grows with the input.
const sampleBytes = 600

// minLetters is the least number of letters we trust a guess on in a
// script several languages share; shorter inputs (a headline fragment, a
// number) give unstable answers.
const minLetters = 20

// minOwnScriptLetters is the same floor for scripts that name the language
// by themselves (hangul, kana, Han, Devanagari among the languages Detect
// knows): there a short line is as sure as a long one, and one character
// carries a syllable or a word.
const minOwnScriptLetters = 8

// Detect returns the ISO 639-1 code of text's language ("en", "fr"...), or
// "" when the text is too short or the detector is unsure. Detect is safe
// for concurrent use.
func Detect(text string) string {
	sample := cut(text, sampleBytes)
	counts := countScripts(sample)
	switch counts.main() {
	case han:
		if counts[han]+counts[kana]+counts[hangul] < minOwnScriptLetters {
			return ""
		}
		return cjkLanguage(counts)
	case devanagari:
		if counts[devanagari] < minOwnScriptLetters {
			return ""
		}
		return "hi"
	case latin:
		return choose(sample, counts, latin, latinFamily)
	case cyrillic:
		return choose(sample, counts, cyrillic, cyrillicFamily)
	case arabic:
		return choose(sample, counts, arabic, arabicFamily)
	}
	return ""
}

// choose picks among the languages written in one script: by evidence
// when it is decisive, otherwise by whatlanggo's trigram profiles among
// the languages the evidence leaves.
func choose(sample string, counts scriptCounts, sc script, f family) string {
	if counts.letters() < minLetters {
		return ""
	}
	sample = only(sample, sc)
	lower := strings.ToLower(sample)
	langs := plausible(lower, contenders(f.langs, f.score(lower)))
	if len(langs) == 1 {
		return langs[0].code
	}
	return trigramGuess(sample, langs)
}

// only blanks the letters of other scripts, so that a brand name in Latin
// letters inside Russian or Arabic text neither counts as evidence nor
// turns the trigram detector to the Latin profiles.
func only(s string, sc script) string {
	foreign := func(r rune) bool {
		o := scriptOf(r)
		return o != noScript && o != sc
	}
	if strings.IndexFunc(s, foreign) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if foreign(r) {
			return ' '
		}
		return r
	}, s)
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

// trigramGuess asks whatlanggo, restricted to langs, and returns "" when
// it finds no language among them.
func trigramGuess(sample string, langs []evidence) string {
	allowed := make(map[whatlanggo.Lang]bool, len(langs))
	for _, l := range langs {
		allowed[l.profile] = true
	}
	got := whatlanggo.DetectLangWithOptions(sample, whatlanggo.Options{Whitelist: allowed})
	for _, l := range langs {
		if l.profile == got {
			return l.code
		}
	}
	return ""
}
