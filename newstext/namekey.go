package newstext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameKey returns the transliteration-aware comparison key of a name: lower case,
// diacritics and Cyrillic folded to ASCII, punctuation and possessives
// dropped, and each word reduced so that the spellings outlets use for the
// same transliterated name meet (Sergey/Sergei, Ryabkov/Riabkov,
// Poutine/Putin, Lavrow/Lavrov, Khodorkovsky/Hodorkovski). Words are joined
// by single spaces. Titles and honorifics are kept: Key compares names, it
// does not parse them.
func NameKey(name string) string {
	words := nameWords(name)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if k := wordKey(w); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, " ")
}

// nameWords folds a name to lower-case ASCII words. Hyphens and apostrophes
// join the parts of one word ("Al-Qaeda", "O'Brien") because outlets differ in
// whether they write them at all.
func nameWords(name string) []string {
	name = strings.ToValidUTF8(name, " ")
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, w := range strings.Fields(name) {
		w = StripPossessive(w)
		if acronymWord(w) {
			// Acronyms are spelled, not transliterated: KKK is not K.
			b.WriteByte(acronymMark)
		}
		for _, r := range w {
			switch {
			case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
				b.WriteRune(r)
			case r >= 'A' && r <= 'Z':
				b.WriteRune(r + ('a' - 'A'))
			case r < utf8.RuneSelf:
				// Punctuation inside a word (U.S., O'Brien, Al-Qaeda) is
				// dropped; the parts stay one word.
			default:
				if s, ok := foldRune(unicode.ToLower(r)); ok {
					b.WriteString(s)
				} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
					b.WriteRune(unicode.ToLower(r))
				}
			}
		}
		flush()
	}
	return words
}

// acronymMark flags an acronym inside nameWords' output; it is never part
// of a key.
const acronymMark = '\x01'

// acronymWord reports a short all-capitals word (NATO, KKK, U.S.): its key
// is its letters. Longer capitalised words are headline names (PUTIN).
func acronymWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 4
}

// StripPossessive removes a trailing 's / ’s / ' from a word.
func StripPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S", "ʼs"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	for _, suf := range []string{"'", "’"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// wordRules rewrite spelling variants to one form. They run in order on a
// lower-case ASCII word; later rules see the output of earlier ones.
var wordRules = []struct{ from, to string }{
	{"tch", "ch"}, // Tchaikovsky, -vitch (French/German) → ch
	{"kh", "h"},   // Khodorkovsky / Hodorkovski
	{"tz", "ts"},  // Kuznetzov / Kuznetsov
	{"ph", "f"},
	{"th", "t"}, // Anthony / Antony
	{"ck", "k"},
	{"ou", "u"}, // French transliteration: Poutine, Iouri
	{"w", "v"},  // German transliteration: Lawrow
	{"x", "ks"}, // Alexander / Aleksandr
	{"gue", "ge"},
	{"gui", "gi"}, // French: Evgueni
}

// wordKey reduces one folded word. The order matters: digraphs first, then
// y/j → i (й, ий, ей, я, ю all end up as i-forms), then doubled letters.
func wordKey(w string) string {
	if w == "" {
		return ""
	}
	if w[0] == acronymMark {
		return w[1:]
	}
	if strings.HasSuffix(w, "off") && len(w) > 5 {
		w = w[:len(w)-3] + "ov" // French/older spelling: Smirnoff
	}
	for _, r := range wordRules {
		if strings.Contains(w, r.from) {
			w = strings.ReplaceAll(w, r.from, r.to)
		}
	}
	b := []byte(w)
	for i, c := range b {
		switch c {
		case 'y':
			b[i] = 'i'
		case 'j':
			// Word-initial j is English (John); elsewhere it is the German
			// or Polish spelling of й (Sergej).
			if i > 0 {
				b[i] = 'i'
			}
		case 'c':
			// c before a back vowel or a consonant sounds k (Nicolas/Nikolas).
			if i+1 < len(b) && !strings.ContainsRune("eiyh", rune(b[i+1])) {
				b[i] = 'k'
			} else if i+1 == len(b) {
				b[i] = 'k'
			}
		}
	}
	// Collapse doubled letters (Dmitrii, Zelenskyy, Jenkkins).
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	w = string(out)
	// Initial ye-/ie- is the English spelling of Cyrillic е (Yevgeny/Evgeny).
	if len(w) > 3 && strings.HasPrefix(w, "ie") {
		w = w[1:]
	}
	// A French final mute e (Poutine) after a consonant.
	if n := len(w); n >= 5 && w[n-1] == 'e' && !isVowel(w[n-2]) {
		w = w[:n-1]
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// foldRune maps a non-ASCII lower-case letter to ASCII: Latin letters lose
// their diacritics, Cyrillic and Greek letters are transliterated.
func foldRune(r rune) (string, bool) {
	if s, ok := cyrillic[r]; ok {
		return s, true
	}
	if s, ok := latin[r]; ok {
		return s, true
	}
	return "", false
}

var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
}

var latin = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
		'þ': "th", 'ł': "l", 'ı': "i", 'ŀ': "l", 'ħ': "h",
	}
	groups := map[string]string{
		"a": "àáâãäåāăąǎ",
		"c": "çćĉċč",
		"d": "ď",
		"e": "èéêëēĕėęěẽ",
		"g": "ĝğġģ",
		"h": "ĥ",
		"i": "ìíîïĩīĭįǐ",
		"j": "ĵ",
		"k": "ķ",
		"l": "ĺļľ",
		"n": "ñńņňŉ",
		"o": "òóôõöōŏőǒ",
		"r": "ŕŗř",
		"s": "śŝşšș",
		"t": "ţťŧț",
		"u": "ùúûüũūŭůűųǔ",
		"w": "ŵ",
		"y": "ýÿŷ",
		"z": "źżž",
	}
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()
