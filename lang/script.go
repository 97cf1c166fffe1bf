package lang

import "unicode"

// script is the writing system a text is mostly written in, as far as it
// narrows the choice of language.
type script int

const (
	noScript script = iota
	latin
	cyrillic
	arabic
	devanagari
	han
	kana
	hangul
	otherScript
)

// scriptOf tells the script of one rune; runes that are not letters or
// the combining marks that scripts such as Devanagari spell vowels with
// are noScript.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return latin
		}
		return noScript
	case !unicode.IsLetter(r) && !unicode.IsMark(r):
		return noScript
	case unicode.Is(unicode.Latin, r):
		return latin
	case unicode.Is(unicode.Cyrillic, r):
		return cyrillic
	case unicode.Is(unicode.Arabic, r):
		return arabic
	case unicode.Is(unicode.Devanagari, r):
		return devanagari
	case unicode.Is(unicode.Hangul, r):
		return hangul
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), r == 'ー':
		return kana
	case unicode.Is(unicode.Han, r):
		return han
	}
	return otherScript
}

// scriptCounts counts the letters of each script in a text.
type scriptCounts [otherScript + 1]int

func countScripts(s string) scriptCounts {
	var c scriptCounts
	for _, r := range s {
		c[scriptOf(r)]++
	}
	return c
}

func (c scriptCounts) letters() int {
	n := 0
	for sc := latin; sc <= otherScript; sc++ {
		n += c[sc]
	}
	return n
}

// main is the script the text is written in. Latin letters count for less
// than the others: news in Cyrillic, Arabic or Asian scripts quotes brand
// and product names in Latin letters (Apple, Premium Plus), while the
// reverse is rare. Han, kana and hangul are summed as one: Japanese writes
// with kanji and kana, and the choice among the three is cjkLanguage's.
func (c scriptCounts) main() script {
	best, bestCount := noScript, 0
	for _, sc := range []script{cyrillic, arabic, devanagari, otherScript} {
		if c[sc] > bestCount {
			best, bestCount = sc, c[sc]
		}
	}
	if cjk := c[han] + c[kana] + c[hangul]; cjk > bestCount {
		best, bestCount = han, cjk
	}
	if c[latin] > 2*bestCount {
		return latin
	}
	return best
}

// cjkLanguage tells Chinese, Japanese and Korean apart by the script alone:
// hangul is Korean only, kana Japanese only, and Han characters with
// neither are Chinese. Any kana marks Japanese: a headline may be nearly
// all kanji, but Chinese writes no kana at all.
func cjkLanguage(c scriptCounts) string {
	total := c[han] + c[kana] + c[hangul]
	switch {
	case total == 0:
		return ""
	case c[hangul] >= c[kana] && c[hangul]*4 >= total:
		return "ko"
	case c[kana] > 0:
		return "ja"
	case c[hangul] == 0:
		return "zh"
	}
	return "" // a few hangul among Han characters: too mixed to say
}
