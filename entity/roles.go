package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

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
	rolesFor(a, idx, roleRules())
}

// roleRule is one way a person mention's role is written: the first rule
// that finds one decides.
type roleRule struct {
	name string
	find func(c *roleContext) (role string, plural, ok bool)
}

// roleRules are the ways a role is written around a name.
func roleRules() []roleRule {
	return []roleRule{
		{name: "a title before the name", find: titleBefore},
		{name: "a title set off by a comma before the name", find: titleBeforeComma},
		{name: "an apposition after the name", find: appositionAfter},
		{name: "coordinated names share a plural title", find: sharedPluralTitle},
	}
}

// roleContext is what the role rules read around one mention whose span
// is valid: context is searched within text[lo:hi].
type roleContext struct {
	text    string
	m       *storyline.Mention
	lo, hi  int
	surface string
	inner   []string // the title inside the mention ("President Putin")
	before  []token  // the text before the mention, up to roleWindow bytes
	clause  int      // where the clause before the mention starts in before
	prev    prevName // the person named before, in the article
}

// prevName is the person mention before the one whose role is sought,
// and the role found for it.
type prevName struct {
	end    int // -1: none
	role   string
	plural bool
}

func newRoleContext(text string, m *storyline.Mention, lo, hi int, prev prevName) *roleContext {
	c := &roleContext{text: text, m: m, lo: lo, hi: hi, surface: text[m.Start:m.End], prev: prev}
	c.inner, _ = mentionTitle(strings.Fields(c.surface))
	from := max(m.Start-roleWindow, lo)
	for from < m.Start && !utf8.RuneStart(text[from]) {
		from++
	}
	c.before = tokenize(text[from:m.Start], from)
	c.clause = len(c.before)
	for c.clause > 0 && !c.before[c.clause-1].punct {
		c.clause--
	}
	return c
}

// rolesFor sets the roles of the given mentions of a, as the rules find
// them.
func rolesFor(a *storyline.Article, idx []int, rules []roleRule) {
	sort.SliceStable(idx, func(x, y int) bool { return a.Entities[idx[x]].Start < a.Entities[idx[y]].Start })
	text := a.Text
	prev := prevName{end: -1}
	for x, i := range idx {
		m := &a.Entities[i]
		// Other names bound the context: the title before "and Sergei
		// Ryabkov" is not the one before the name preceding it.
		lo, hi := 0, len(text)
		if prev.end >= 0 && prev.end <= m.Start {
			lo = prev.end
		}
		if x+1 < len(idx) {
			if s := a.Entities[idx[x+1]].Start; s >= m.End {
				hi = s
			}
		}
		role, plural := mentionRole(rules, newRoleContext(text, m, lo, hi, prev))
		if role != "" {
			m.Role = role
		}
		prev = prevName{end: m.End, role: role, plural: plural}
	}
}

// mentionRole is the role the first rule finds, and whether its title
// is plural.
func mentionRole(rules []roleRule, c *roleContext) (role string, plural bool) {
	for _, rl := range rules {
		if role, plural, ok := rl.find(c); ok {
			return role, plural
		}
	}
	return "", false
}

// sharedPluralTitle: the second of two names joined by "and" after a
// plural title shares it: "presidents Joe Biden and Vladimir Putin".
func sharedPluralTitle(c *roleContext) (string, bool, bool) {
	p := c.prev
	if !p.plural || p.end < 0 || p.end > c.m.Start || !strings.EqualFold(strings.TrimSpace(c.text[p.end:c.m.Start]), "and") {
		return "", false, false
	}
	return p.role, false, true
}

// titleBefore: a title before the name in the same clause ("Russian
// Deputy Foreign Minister Sergei Ryabkov", "The Kremlin's spokesman
// Dmitry Peskov"), or inside the mention ("President Putin"); honorifics
// between are no part of it ("Deputy Minister Mr Ryabkov").
func titleBefore(c *roleContext) (string, bool, bool) {
	before := wordsOf(c.before[c.clause:])
	for len(before) > 0 && newstext.English().Honorific(lowerWord(before[len(before)-1])) {
		before = before[:len(before)-1]
	}
	words := append(before, c.inner...)
	if !anyHead(words) {
		return "", false, false // most names have no title before them
	}
	for s := 0; s < len(words); s++ {
		p := parseTitle(words[s:], true)
		if n := len(words) - s; p.endsAt(n) {
			if r, _ := p.render(n); r != "" {
				return r, p.plural[n-1], true
			}
		}
	}
	return "", false, false
}

// titleBeforeComma: a title set off by a comma before the name: "said the
// Kremlin spokesman, Dmitry Peskov". The title must open with a
// determiner or a possessive, so that a list of names is not read as one.
func titleBeforeComma(c *roleContext) (string, bool, bool) {
	k := c.clause
	if len(c.inner) != 0 || k == 0 || k != len(c.before) || c.before[k-1].s != "," {
		return "", false, false
	}
	j := k - 1
	for j > 0 && !c.before[j-1].punct {
		j--
	}
	words := wordsOf(c.before[j : k-1])
	for s := 0; s < len(words); s++ {
		p := parseTitle(words[s:], true)
		n := len(words) - s
		if !p.endsAt(n) || !(isDeterminer(words[s]) || isPossessive(words[s]) && isCapitalised(words[s])) {
			continue
		}
		if r, _ := p.render(n); r != "" && !p.plural[n-1] {
			return r, false, true
		}
	}
	return "", false, false
}

// appositionAfter: an apposition after the name, ", the Kremlin
// spokesman," or ", US secretary of state." or ", who is the UN special
// envoy"; not after a possessive ("Putin's").
func appositionAfter(c *roleContext) (string, bool, bool) {
	if isPossessive(strings.TrimSpace(c.surface)) {
		return "", false, false
	}
	aw := appositionWords(c.text, c.m.End, c.hi)
	p := parseTitle(aw, true)
	for x := len(p.ends) - 1; x >= 0; x-- {
		n := p.ends[x]
		// The apposition must end here: at punctuation, or before a
		// lower-case word (a verb, "and her team").
		if n == len(aw) || unicode.IsLower(firstRune(aw[n])) && !strings.EqualFold(aw[n], "of") && !strings.EqualFold(aw[n], "for") {
			if r, _ := p.render(n); r != "" {
				return r, false, true
			}
		}
	}
	return "", false, false
}

// appositionWords are the words between a comma right after the name
// (at end) and the next punctuation, without a leading "who is/was".
func appositionWords(text string, end, hi int) []string {
	to := min(end+roleWindow, hi)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	after := tokenize(text[end:to], end)
	if len(after) == 0 || after[0].s != "," {
		return nil
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
	return aw
}
