package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

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
	if titleHeads[lw] {
		return true, titleModifiers[lw], false
	}
	if titleModifiers[lw] {
		return false, true, false
	}
	if _, ok := pluralHead(lw); ok {
		return true, false, true
	}
	if strings.ContainsAny(lw, "-‑") {
		parts := strings.FieldsFunc(lw, func(r rune) bool { return r == '-' || r == '‑' })
		all := len(parts) > 0
		for _, p := range parts {
			switch {
			case titleHeads[p]:
				head = true
			case titleModifiers[p] || p == "in" || p == "of":
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
	if notQualifiers[lw] || honorifics[lw] {
		return false
	}
	head, mod, _ := classify(w)
	return !head && !mod
}

func isComplement(w string, allowCap bool) bool {
	lw := lowerWord(w)
	if titleComplements[lw] {
		return true
	}
	if !allowCap || isPossessive(w) {
		return false
	}
	return isCapitalised(w) && !notQualifiers[lw] && !unicode.IsDigit(firstRune(w))
}

// parseTitle analyses words as a title phrase from the first word on.
// allowCap lets capitalised words be complements ("Minister of Foreign
// Affairs of Ukraine"); it is off when the end of the phrase is unknown, so
// that a name after the title is not swallowed.
func parseTitle(words []string, allowCap bool) titleParse {
	n := len(words)
	p := titleParse{words: words, classes: make([]wclass, n), plural: make([]bool, n)}
	i := 0
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
	sawHead := false
	for i < n {
		w := words[i]
		head, mod, plural := classify(w)
		if head || mod {
			// A head also works as a modifier (deputy minister, chief
			// negotiator); it counts as a head where the phrase ends.
			if head {
				p.classes[i] = wHead
				p.plural[i] = plural
			} else {
				p.classes[i] = wMod
			}
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
		if (lw == "of" || lw == "for") && sawHead && i+1 < n {
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
				return p
			}
			for x := i; x < k; x++ {
				lx := strings.ToLower(words[x])
				if x < j || lx == "and" {
					p.classes[x] = wConn
				} else {
					p.classes[x] = wComp
				}
			}
			i = k
			p.ends = append(p.ends, i)
			continue
		}
		break
	}
	return p
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
		var s string
		switch p.classes[i] {
		case wDrop:
			continue
		case wQual:
			s = stripPossessive(w)
			if isAllCaps(s) || isInitial(s) {
				s = strings.ReplaceAll(s, ".", "")
			}
			// "U. S." is spelled as one acronym.
			if isInitial(w) && len(full) > 0 && i > 0 && p.classes[i-1] == wQual && isInitial(p.words[i-1]) {
				full[len(full)-1] += s
				continue
			}
		case wConn:
			s = strings.ToLower(w)
		default:
			lw := lowerWord(w)
			if p.plural[i] {
				lw, _ = pluralHead(lw)
			}
			if d, ok := titleDisplay[lw]; ok {
				s = d
			} else if isAllCaps(w) && len(w) <= 5 {
				s = w
			} else {
				s = titleCase(lw)
			}
		}
		full = append(full, s)
		if p.classes[i] != wQual {
			bare = append(bare, s)
		}
	}
	return strings.Join(full, " "), strings.Join(bare, " ")
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
	for i < len(words)-1 && honorifics[lowerWord(words[i])] {
		i++
	}
	rest := words[i:]
	if len(rest) > 1 {
		p := parseTitle(rest, false)
		best := 0
		for _, e := range p.ends {
			if e < len(rest) && isCapitalised(rest[e]) {
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
	for len(rest) > 1 && honorifics[lowerWord(rest[0])] {
		rest = rest[1:]
	}
	return title, rest
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

// validSpan reports whether a mention's offsets address its article's text.
func validSpan(a *storyline.Article, m *storyline.Mention) bool {
	return m.Start >= 0 && m.End <= len(a.Text) && m.Start < m.End
}

const roleWindow = 160 // bytes of context searched on each side of a mention

// Roles finds the title or apposition attached to each person mention of an
// article and sets Mention.Role: a title before the name ("Russian Deputy
// Foreign Minister Sergei Ryabkov", "The Kremlin's spokesman Dmitry
// Peskov"), inside the mention ("President Putin"), or an apposition after
// it ("Dmitry Peskov, the Kremlin spokesman,"). A plural title before a
// coordination ("presidents Joe Biden and Vladimir Putin") goes to both
// names. Mentions with offsets outside the text are left alone.
func Roles(a *storyline.Article) {
	if a == nil {
		return
	}
	idx := make([]int, 0, len(a.Entities))
	for i := range a.Entities {
		if a.Entities[i].Type == storyline.Person && validSpan(a, &a.Entities[i]) {
			idx = append(idx, i)
		}
	}
	rolesFor(a, idx)
}

// rolesFor sets the roles of the given mentions of a.
func rolesFor(a *storyline.Article, idx []int) {
	sort.SliceStable(idx, func(x, y int) bool { return a.Entities[idx[x]].Start < a.Entities[idx[y]].Start })
	text := a.Text
	prevEnd, prevRole, prevPlural := -1, "", false
	for x, i := range idx {
		m := &a.Entities[i]
		// Other names bound the context: the title before "and Sergei
		// Ryabkov" is not the one before the name preceding it.
		lo, hi := 0, len(text)
		if prevEnd >= 0 && prevEnd <= m.Start {
			lo = prevEnd
		}
		if x+1 < len(idx) {
			if s := a.Entities[idx[x+1]].Start; s >= m.End {
				hi = s
			}
		}
		role, plural := mentionRole(text, m, lo, hi)
		if role == "" && prevPlural && prevEnd >= 0 && prevEnd <= m.Start {
			// The second name of "presidents X and Y".
			if strings.EqualFold(strings.TrimSpace(text[prevEnd:m.Start]), "and") {
				role = prevRole
			}
		}
		if role != "" {
			m.Role = role
		}
		prevEnd, prevRole, prevPlural = m.End, role, plural
	}
}

// mentionRole finds the role of one mention whose span is valid.
// Context is searched within text[lo:hi].
func mentionRole(text string, m *storyline.Mention, lo, hi int) (role string, plural bool) {
	surface := text[m.Start:m.End]
	inner, _ := mentionTitle(strings.Fields(surface))

	// Title before the name, in the same clause.
	from := m.Start - roleWindow
	if from < lo {
		from = lo
	}
	for from < m.Start && !utf8.RuneStart(text[from]) {
		from++
	}
	toks := tokenize(text[from:m.Start], from)
	k := len(toks)
	for k > 0 && !toks[k-1].punct {
		k--
	}
	before := wordsOf(toks[k:])
	for len(before) > 0 && honorifics[lowerWord(before[len(before)-1])] {
		before = before[:len(before)-1]
	}
	words := append(before, inner...)
	if !anyHead(words) {
		words = nil // most names have no title before them
	}
	for s := 0; s < len(words); s++ {
		p := parseTitle(words[s:], true)
		if n := len(words) - s; p.endsAt(n) {
			r, _ := p.render(n)
			if r != "" {
				return r, p.plural[n-1]
			}
		}
	}

	// A title set off by a comma before the name: "said the Kremlin
	// spokesman, Dmitry Peskov". The title must open with a determiner or
	// a possessive, so that a list of names is not read as one.
	if len(inner) == 0 && k > 0 && k == len(toks) && toks[k-1].s == "," {
		j := k - 1
		for j > 0 && !toks[j-1].punct {
			j--
		}
		words := wordsOf(toks[j : k-1])
		for s := 0; s < len(words); s++ {
			p := parseTitle(words[s:], true)
			n := len(words) - s
			if !p.endsAt(n) || !(isDeterminer(words[s]) || isPossessive(words[s]) && isCapitalised(words[s])) {
				continue
			}
			if r, _ := p.render(n); r != "" && !p.plural[n-1] {
				return r, false
			}
		}
	}

	// Apposition after the name: ", the Kremlin spokesman," / ", US
	// secretary of state."
	if isPossessive(strings.TrimSpace(surface)) {
		return "", false
	}
	to := m.End + roleWindow
	if to > hi {
		to = hi
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	after := tokenize(text[m.End:to], m.End)
	if len(after) == 0 || after[0].s != "," {
		return "", false
	}
	var ap []token
	for _, t := range after[1:] {
		if t.punct {
			break
		}
		ap = append(ap, t)
	}
	aw := wordsOf(ap)
	if len(aw) >= 2 && strings.EqualFold(aw[0], "who") && (strings.EqualFold(aw[1], "is") || strings.EqualFold(aw[1], "was")) {
		aw = aw[2:]
	}
	p := parseTitle(aw, true)
	for x := len(p.ends) - 1; x >= 0; x-- {
		n := p.ends[x]
		// The apposition must end here: at punctuation, or before a
		// lower-case word (a verb, "and her team").
		if n == len(aw) || unicode.IsLower(firstRune(aw[n])) && !strings.EqualFold(aw[n], "of") && !strings.EqualFold(aw[n], "for") {
			r, _ := p.render(n)
			if r != "" {
				return r, false
			}
		}
	}
	return "", false
}
