package newstext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameKey returns the transliteration-aware comparison key of a name: lower case,
// diacritics and Cyrillic folded to ASCII, punctuation and possessives
// dropped, and each word reduced so that the spellings outlets use for the
// same transliterated name meet (Sergey/Sergei, Ryabkov/Riabkov,
// Poutine/Putin, Lavrow/Lavrov, Khodorkovsky/Hodorkovski). Words are joined
// by single spaces. Titles and honorifics are kept: NameKey compares names,
// it does not parse them. Entity resolution, entity linking and quote
// attribution all compare names by it, so a speaker and the entity that
// names them always meet.
func NameKey(name string) string { return keyWith(name, spellings) }

// keyWith is NameKey with the given spelling rules: the tests take one
// rule out to see that its examples need it.
func keyWith(name string, rules []spelling) string {
	words := splitWords(name)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if k := wordKey(w, rules); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, " ")
}

// splitWords folds a name to lower-case ASCII words. Hyphens and apostrophes
// join the parts of one word ("Al-Qaeda", "O'Brien") because outlets differ in
// whether they write them at all.
func splitWords(name string) []string {
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
		foldWord(&b, w)
		flush()
	}
	return words
}

// foldWord writes a word in lower-case ASCII: other scripts
// transliterated, diacritics dropped; punctuation inside a word (U.S.,
// O'Brien, Al-Qaeda) is dropped too, the parts staying one word.
func foldWord(b *strings.Builder, w string) {
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r < utf8.RuneSelf:
		default:
			if s, ok := foldRune(unicode.ToLower(r)); ok {
				b.WriteString(s)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
}

// acronymMark flags an acronym inside splitWords' output; it is never part
// of a key.
const acronymMark = '\x01'

// acronymWord reports a short all-capitals word (NATO, KKK, U.S., ООН):
// its key is its letters. Longer capitalised words are headline names
// (PUTIN).
func acronymWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r == 'Ё' || r == 'І' || r == 'Ї' || r == 'Є' || r == 'Ґ':
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
	// Every suffix below ends in one of these bytes (’ is E2 80 99); most
	// words end in none, and clustering asks for every word of a text.
	if len(w) < 2 {
		return w
	}
	switch w[len(w)-1] {
	case 's', 'S', '\'', 0x99:
	default:
		return w
	}
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

// spelling is a rule of the key: a letter sequence that outlets'
// transliterations of one name write otherwise, rewritten to one form.
type spelling struct{ name, from, to string }

// spellings run in order on a lower-case ASCII word; later rules see the
// output of earlier ones. Each has its examples in key_test.go.
var spellings = []spelling{
	{"German tsch for ч", "tsch", "ch"},
	{"German sch for ш", "sch", "sh"},
	{"tch for ч", "tch", "ch"},
	{"kh or h for х", "kh", "h"},
	{"tz or ts for ц", "tz", "ts"},
	{"ph is f", "ph", "f"},
	{"th is t", "th", "t"},
	{"French ou for у", "ou", "u"},
	{"German w for в", "w", "v"},
	{"x is ks", "x", "ks"},
	{"French gue for ге", "gue", "ge"},
	{"French gui for ги", "gui", "gi"},
}

// wordKey reduces one folded word. The order matters: digraphs first, then
// y/j → i (й, ий, ей, я, ю all end up as i-forms), then doubled letters.
func wordKey(w string, rules []spelling) string {
	if w == "" {
		return ""
	}
	if w[0] == acronymMark {
		return w[1:]
	}
	if strings.HasSuffix(w, "off") && len(w) > 5 {
		w = w[:len(w)-3] + "ov" // French/older spelling: Smirnoff
	}
	w = respell(w, rules)
	b := []byte(w)
	foldLetters(b)
	return trimEnds(string(collapseDoubles(b)))
}

// respell applies the spelling rules to a word.
func respell(w string, rules []spelling) string {
	for _, r := range rules {
		if strings.Contains(w, r.from) {
			w = strings.ReplaceAll(w, r.from, r.to)
		}
	}
	return w
}

// foldLetters rewrites the letters that transliterations spell two ways,
// in place: y is i; j is i but at the start of a word (John, but Sergej);
// c before a back vowel or a consonant, or at the end, is k
// (Nicolas/Nikolas).
func foldLetters(b []byte) {
	for i, c := range b {
		switch c {
		case 'y':
			b[i] = 'i'
		case 'j':
			if i > 0 {
				b[i] = 'i'
			}
		case 'c':
			if i+1 < len(b) && !strings.ContainsRune("eiyh", rune(b[i+1])) || i+1 == len(b) {
				b[i] = 'k'
			}
		}
	}
}

// collapseDoubles writes doubled letters once (Dmitrii, Zelenskyy,
// Jenkkins), in place.
func collapseDoubles(b []byte) []byte {
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// trimEnds drops an initial y/i before e, the English spelling of
// Cyrillic е (Yevgeny/Evgeny), and a French final mute e after a
// consonant (Poutine).
func trimEnds(w string) string {
	if len(w) > 3 && strings.HasPrefix(w, "ie") {
		w = w[1:]
	}
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

// NameWords are the words of a name as NameKey folds them before its
// spelling rules: lower-case ASCII, other scripts transliterated,
// punctuation inside a word dropped. Entity ids are spelled with them, so
// an id reads like the name and does not change when a spelling rule does.
func NameWords(name string) []string {
	words := splitWords(name)
	for i, w := range words {
		words[i] = strings.TrimPrefix(w, string(rune(acronymMark)))
	}
	return words
}

// WordsWithin reports whether every word of small is a word of big: how a
// shortened name meets the full one, compared by their keys' words
// ("ryabkov" within "sergei ryabkov").
func WordsWithin(small, big []string) bool {
	for _, w := range small {
		if !slices.Contains(big, w) {
			return false
		}
	}
	return true
}
