package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// The title grammar: a role is a phrase of optional determiners and
// qualifiers, modifiers and head nouns, with "of"/"for" complements (see
// the lexicon in lexicon.go). It reads the titles of roles ("Russian
// Deputy Foreign Minister") and the titles and honorifics that open a
// person mention ("President Putin", "Ms. Wendy Sherman").

type wclass uint8

const (
	wDrop wclass = iota // determiner, not part of the role
	wQual               // nationality or organisation qualifier
	wMod                // title modifier
	wHead               // title head noun
	wConn               // of / for / and / the inside the title
	wComp               // complement of "of"/"for"
)

// titleParse is the analysis of a word sequence as a title phrase.
type titleParse struct {
	words   []string
	classes []wclass
	plural  []bool
	ends    []int // lengths at which words[:n] is a complete title
}

// classify tells whether a word is a title head or modifier, possibly
// hyphenated (vice-president, ex-minister, president-elect).
func classify(w string) (head, mod, plural bool) {
	lw := lowerWord(w)
	if newstext.English().TitleHead(lw) {
		return true, newstext.English().TitleModifier(lw), false
	}
	if newstext.English().TitleModifier(lw) {
		return false, true, false
	}
	if _, ok := newstext.English().TitleHeadOfPlural(lw); ok {
		return true, false, true
	}
	if strings.ContainsAny(lw, "-‑") {
		parts := strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '‑' })
		all := len(parts) > 0
		for _, p := range parts {
			switch {
			case newstext.English().TitleHead(p):
				head = true
			case newstext.English().TitleModifier(p) || p == "in" || p == "of":
			default:
				all = false
			}
		}
		if all {
			return head, !head, false
		}
	}
	return false, false, false
}

func isDeterminer(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "the", "a", "an", "his", "her", "its", "their", "our":
		return true
	}
	// "the country's foreign minister": a lower-case possessive only says
	// whose title it is.
	r := firstRune(w)
	return unicode.IsLower(r) && isPossessive(w)
}

func isQualifier(w string) bool {
	if !isCapitalised(w) || unicode.IsDigit(firstRune(w)) {
		return false
	}
	lw := lowerWord(w)
	if notQualifier(lw) || newstext.English().Honorific(lw) {
		return false
	}
	head, mod, _ := classify(w)
	return !head && !mod
}

func isComplement(w string, allowCap bool) bool {
	lw := lowerWord(w)
	if newstext.English().TitleComplement(lw) {
		return true
	}
	if !allowCap || isPossessive(w) {
		return false
	}
	return isCapitalised(w) && !notQualifier(lw) && !unicode.IsDigit(firstRune(w))
}

// parseTitle analyses words as a title phrase from the first word on:
// up to two determiners, up to three qualifiers, then heads and modifiers
// with "of"/"for" complements. allowCap lets capitalised words be
// complements ("Minister of Foreign Affairs of Ukraine"); it is off when
// the end of the phrase is unknown, so that a name after the title is not
// swallowed.
func parseTitle(words []string, allowCap bool) titleParse {
	n := len(words)
	p := titleParse{words: words, classes: make([]wclass, n), plural: make([]bool, n)}
	i := p.prefix()
	sawHead := false
	for i < n {
		w := words[i]
		if head, mod, plural := classify(w); head || mod {
			p.setHead(i, head, plural)
			i++
			if isPossessive(w) {
				// "the president's son": a possessive title belongs to
				// someone else.
				return p
			}
			if head {
				sawHead = true
				p.ends = append(p.ends, i)
			}
			continue
		}
		lw := strings.ToLower(w)
		if (lw != "of" && lw != "for") || !sawHead || i+1 >= n {
			break
		}
		k, ok := p.complement(i, allowCap)
		if !ok {
			return p
		}
		i = k
		p.ends = append(p.ends, i)
	}
	return p
}

// prefix classes the determiners and qualifiers that open the phrase
// ("the Kremlin's", "Russian") and returns where the title words start.
func (p titleParse) prefix() int {
	words, n, i := p.words, len(p.words), 0
	for d := 0; i < n && d < 2 && isDeterminer(words[i]); d++ {
		p.classes[i] = wDrop
		i++
	}
	for q := 0; i < n && q < 3 && isQualifier(words[i]); q++ {
		p.classes[i] = wQual
		i++
		if isPossessive(words[i-1]) {
			break
		}
	}
	return i
}

// setHead classes word i a head or a modifier. A head also works as a
// modifier (deputy minister, chief negotiator); it counts as a head where
// the phrase ends.
func (p titleParse) setHead(i int, head, plural bool) {
	if head {
		p.classes[i] = wHead
		p.plural[i] = plural
	} else {
		p.classes[i] = wMod
	}
}

// complement classes the "of"/"for" complement at word i ("of State",
// "for Arms Control and International Security") and returns where it
// ends; false when there is none, or it ends on a possessive.
func (p titleParse) complement(i int, allowCap bool) (int, bool) {
	words, n := p.words, len(p.words)
	j := i + 1
	if strings.ToLower(words[j]) == "the" {
		j++
	}
	k := j
	for k < n && k-j < 5 && isComplement(words[k], allowCap) {
		k++
		if k+1 < n && strings.ToLower(words[k]) == "and" && isComplement(words[k+1], allowCap) {
			k++
		}
		if isPossessive(words[k-1]) {
			break
		}
	}
	if k == j || isPossessive(words[k-1]) {
		return 0, false
	}
	for x := i; x < k; x++ {
		if x < j || strings.ToLower(words[x]) == "and" {
			p.classes[x] = wConn
		} else {
			p.classes[x] = wComp
		}
	}
	return k, true
}

func (p titleParse) endsAt(n int) bool {
	for _, e := range p.ends {
		if e == n {
			return true
		}
	}
	return false
}

// render spells the title words[:n] in title case; core leaves out the
// qualifiers ("Russian Deputy Foreign Minister" → "Deputy Foreign Minister").
func (p titleParse) render(n int) (role, core string) {
	var full, bare []string
	for i := 0; i < n; i++ {
		w := p.words[i]
		switch p.classes[i] {
		case wDrop:
			continue
		case wQual:
			s := newstext.StripPossessive(w)
			if isAllCaps(s) || isInitial(s) {
				s = strings.ReplaceAll(s, ".", "")
			}
			// "U. S." is spelled as one acronym.
			if isInitial(w) && len(full) > 0 && i > 0 && p.classes[i-1] == wQual && isInitial(p.words[i-1]) {
				full[len(full)-1] += s
				continue
			}
			full = append(full, s)
		default:
			s := p.spell(i)
			full = append(full, s)
			bare = append(bare, s)
		}
	}
	return strings.Join(full, " "), strings.Join(bare, " ")
}

// spell spells title word i: connectives in lower case, abbreviations in
// full (Sen. → Senator), short acronyms as written (CEO), heads singular,
// other words in title case.
func (p titleParse) spell(i int) string {
	w := p.words[i]
	if p.classes[i] == wConn {
		return strings.ToLower(w)
	}
	lw := lowerWord(w)
	if p.plural[i] {
		lw, _ = newstext.English().TitleHeadOfPlural(lw)
	}
	if d, ok := newstext.English().TitleSpelling(lw); ok {
		return d
	}
	if isAllCaps(w) && len(w) <= 5 {
		return w
	}
	return titleCase(lw)
}

// isInitial reports a single capital letter with its period ("U.").
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// titleCase capitalises each hyphen-separated part of a lower-case word.
func titleCase(w string) string {
	b := []byte(w)
	up := true
	var out strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if up {
			out.WriteRune(unicode.ToUpper(r))
		} else {
			out.WriteRune(r)
		}
		up = r == '-'
		b = b[n:]
	}
	return out.String()
}

// roleCore returns a role without its qualifiers ("US Secretary of State" →
// "Secretary of State").
func roleCore(role string) string {
	words := strings.Fields(role)
	p := parseTitle(words, true)
	if !p.endsAt(len(words)) {
		return role
	}
	_, core := p.render(len(words))
	if core == "" {
		return role
	}
	return core
}

// mentionTitle splits a leading title off a mention's surface
// ("President Putin" → "President", "Putin"); honorifics go too ("Ms. Wendy
// Sherman" → "", "Wendy Sherman"). It returns the title words and the
// remaining name words.
func mentionTitle(words []string) (title, name []string) {
	i := 0
	for i < len(words)-1 && newstext.English().Honorific(lowerWord(words[i])) {
		i++
	}
	rest := words[i:]
	if len(rest) > 1 {
		p := parseTitle(rest, false)
		best := 0
		for _, e := range p.ends {
			if e < len(rest) && isCapitalised(rest[e]) && !suffixesOnly(rest[e:]) {
				best = e
			}
		}
		if best > 0 {
			title = rest[:best]
			rest = rest[best:]
		}
	}
	// Honorifics after a title ("Deputy Minister Mr Ryabkov") are rare but
	// cheap to drop.
	for len(rest) > 1 && newstext.English().Honorific(lowerWord(rest[0])) {
		rest = rest[1:]
	}
	return title, rest
}

// suffixesOnly reports words that are name suffixes only ("Jr.", "III"):
// what is left after a title must be a name, so in "Martin Luther King
// Jr." King is the surname, not a title.
func suffixesOnly(words []string) bool {
	for _, w := range words {
		if !newstext.English().NameSuffix(lowerWord(w)) {
			return false
		}
	}
	return true
}

func wordsOf(toks []token) []string {
	ws := make([]string, 0, len(toks))
	for _, t := range toks {
		ws = append(ws, t.s)
	}
	return ws
}

func anyHead(words []string) bool {
	for _, w := range words {
		if head, _, _ := classify(w); head {
			return true
		}
	}
	return false
}
