package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// cleanSurface normalises a mention's surface form for display: valid UTF-8,
// single spaces (hard-wrapped text), no surrounding quotes or punctuation,
// no trailing possessive ("Putin’s" → "Putin").
func cleanSurface(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimFunc(s, func(r rune) bool {
		return r != '.' && (unicode.IsPunct(r) || unicode.IsSymbol(r)) && r != '&' && r != ')' || unicode.IsSpace(r)
	})
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r == '.' || r == ')' })
	// A closing parenthesis stays only when it closes one in the name.
	if strings.HasSuffix(s, ")") && !strings.Contains(s, "(") {
		s = strings.TrimRight(s, ")")
	}
	s = trimFullStop(s)
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[:i+1] + newstext.StripPossessive(s[i+1:])
	} else {
		s = newstext.StripPossessive(s)
	}
	return strings.TrimSpace(s)
}

// trimFullStop drops a trailing period that is sentence punctuation, not
// the end of an acronym or abbreviation (U.S., Jr.) or an initial.
func trimFullStop(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	words := strings.Fields(s)
	core := strings.TrimSuffix(words[len(words)-1], ".")
	if strings.Contains(core, ".") || newstext.English().WithoutFullStop(strings.ToLower(core)) || utf8.RuneCountInString(core) <= 1 {
		return s
	}
	return strings.TrimSuffix(s, ".")
}

// personName is a person mention's name with titles and honorifics removed.
type personName struct {
	display string   // "Wendy Sherman"
	words   []string // display words
	first   string   // key of the first name, "" when absent
	initial bool     // the first name is only an initial ("S. Ryabkov")
	middle  string   // keys of middle names or initials ("w" in George W. Bush)
	sur     string   // key of the surname
}

// parsePerson reads a person mention: titles and honorifics off
// (mentionTitle), the surname last but for suffixes (Jr., III), a first
// name or initial unless the name opens with a surname particle (van
// Gogh), middle names or initials between.
func parsePerson(surface string) personName {
	_, name := mentionTitle(strings.Fields(surface))
	end := len(name)
	for end > 1 && newstext.English().NameSuffix(lowerWord(name[end-1])) {
		end--
	}
	p := personName{display: strings.Join(name, " "), words: name}
	if end == 0 {
		return p
	}
	p.sur = surnameKey(name[end-1])
	if end < 2 {
		return p
	}
	f := name[0]
	fk := newstext.NameKey(f)
	if fk == "" || newstext.English().SurnameParticle(lowerWord(f)) {
		return p
	}
	p.first, p.initial = fk, isInitialWord(f)
	var mid []string
	for _, w := range name[1 : end-1] {
		if newstext.English().SurnameParticle(lowerWord(w)) || !isCapitalised(w) {
			continue
		}
		if k := newstext.NameKey(w); k != "" {
			if isInitialWord(w) {
				k = k[:1]
			}
			mid = append(mid, k)
		}
	}
	p.middle = strings.Join(mid, " ")
	return p
}

// isInitialWord reports a name word of one letter, with or without its
// period ("S.", "W").
func isInitialWord(w string) bool {
	return utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1
}

// middleCompatible reports whether two middle-name keys can belong to one
// person: either is absent, or they agree word by word (an initial agrees
// with a name it begins): George W. Bush is not George H. W. Bush.
func middleCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		x, y := wa[i], wb[i]
		if x != y && !(len(x) == 1 && strings.HasPrefix(y, x)) && !(len(y) == 1 && strings.HasPrefix(x, y)) {
			return false
		}
	}
	return true
}

// surnameKey keys a surname; the Arabic article (al-Assad, el-Sisi) is
// written or left out by outlets, so it is dropped.
func surnameKey(w string) string {
	lw := strings.ToLower(w)
	for _, pre := range []string{"al-", "el-", "al‑", "el‑", "al ", "el "} {
		if strings.HasPrefix(lw, pre) && len(lw) > len(pre)+1 {
			w = w[len(pre):]
			break
		}
	}
	return newstext.NameKey(w)
}

// firstCompatible reports whether two first-name keys can name the same
// person: equal, an initial of the other, a familiar form (Joe/Joseph), or
// one spelling apart inside the word (Aleksandr/Aleksander).
func firstCompatible(a, b string, aInitial, bInitial bool) bool {
	if a == "" || b == "" {
		return true
	}
	if aInitial || bInitial {
		return a[0] == b[0]
	}
	if a == b {
		return true
	}
	na, nb := a, b
	if v, ok := nicknames[a]; ok {
		na = v
	}
	if v, ok := nicknames[b]; ok {
		nb = v
	}
	if na == nb {
		return true
	}
	return nearSpelling(a, b, 5)
}

// nearSpelling reports an edit distance of one between words of at least
// minLen bytes that share their first and last letters: a spelling
// variant, not a different name (Maria/Mario differ at the end).
func nearSpelling(a, b string, minLen int) bool {
	if len(a) < minLen || len(b) < minLen || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	return editDistanceOne(a, b)
}

func editDistanceOne(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// nonPersonDisplay drops a leading article ("The US State Department").
func nonPersonDisplay(surface string) string {
	words := strings.Fields(surface)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// nonPersonKey is the grouping key of an organisation or place name.
func nonPersonKey(display string) string {
	k := newstext.NameKey(display)
	if v, ok := placeAliases[k]; ok {
		return v
	}
	if v, ok := bodyAliases[k]; ok {
		return v
	}
	return k
}

// acronymStop are the words an acronym leaves out.
var acronymStop = wordSet(`and for of the in on de des du la le et y del of to at`)

// acronyms builds the acronyms of a long name: the initials of its
// capitalised words ("Organization for Security and Co-operation in Europe"
// → OSCE), and a variant that keeps acronym words whole ("US Agency for
// International Development" → USAID).
func acronyms(words []string) []string {
	if len(words) < 2 {
		return nil
	}
	var ini, whole strings.Builder
	for _, w := range words {
		lw := strings.ToLower(w)
		if acronymStop[lw] {
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) {
			return nil
		}
		ini.WriteRune(r)
		if isAllCaps(w) {
			whole.WriteString(strings.ReplaceAll(w, ".", ""))
		} else {
			whole.WriteRune(r)
		}
	}
	if ini.Len() < 2 {
		return nil
	}
	out := []string{ini.String()}
	if whole.String() != ini.String() {
		out = append(out, whole.String())
	}
	return out
}

// qualifiedOrg splits a country qualifier off an organisation name ("US State
// Department" → "us", "State Department").
func qualifiedOrg(words []string) (code string, rest []string) {
	// The rest must be a name of its own: "European Union" is not a
	// European "Union".
	if len(words) >= 4 {
		if c, ok := newstext.English().Nationality(strings.ToLower(words[0] + " " + words[1])); ok {
			return c, words[2:]
		}
	}
	if len(words) >= 3 {
		w := strings.ToLower(strings.ReplaceAll(newstext.StripPossessive(words[0]), ".", ""))
		if c, ok := newstext.English().Nationality(w); ok {
			return c, words[1:]
		}
	}
	return "", nil
}

// trimRank drops the "No." of a rank that a tagger took into a name
// ("[State Department No.] 2").
func trimRank(alias, after string) string {
	i := strings.LastIndexByte(alias, ' ')
	if i < 0 || alias[i+1:] != "No." && alias[i+1:] != "No" {
		return alias
	}
	after = strings.TrimLeft(after, " \u00a0")
	if after == "" || after[0] < '0' || after[0] > '9' {
		return alias
	}
	return alias[:i]
}

// onlyTitle reports a person mention that is titles and honorifics only
// ("the President", "Mr"): it names no one in particular.
func onlyTitle(words []string) bool {
	for _, w := range words {
		head, mod, _ := classify(w)
		if !head && !mod && !newstext.English().Honorific(lowerWord(w)) && !strings.EqualFold(w, "the") {
			return false
		}
	}
	return true
}
