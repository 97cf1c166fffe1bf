package timex

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// The time expressions of the languages that have tables of their own in
// newstext (French, German, Spanish, Russian). Their grammar is far
// smaller than the English one: each language is a list of named rules
// (rules_lang.go), each a pattern over the pieces of the text whose slots
// ({WEEKDAY}, {MONTH}, {DAY}...) are read from the language's lexicon, so
// that a declined Russian month or an elided French article is the
// lexicon's business, not the rule's.

// langKind is how a rule's match is normalised.
type langKind uint8

const (
	lkDate     langKind = iota + 1 // day and month, maybe a year: "3 décembre 2026"
	lkMonth                        // a month, maybe with its year: "im Dezember", "mars 2025"
	lkYear                         // "en 2025"
	lkRelDay                       // "hier", "gestern", "послезавтра"
	lkEve                          // the day before the day under discussion: "la veille", "накануне"
	lkWeekday                      // "jeudi", "letzten Donnerstag", "el próximo lunes"
	lkUnitRel                      // "la semaine dernière", "diese Woche", "в прошлом году"
	lkAgo                          // "il y a trois jours", "vor drei Tagen"
	lkIn                           // "dans trois jours", "через три дня"
	lkDuration                     // "une semaine", "drei Tage": how long, not when
	lkVeto                         // no time expression: "la mañana" is the morning, "am Morgen" too
)

// langRule is one pattern of a language's time grammar. Before lists the
// words (alternatives split by |) one of which must stand right before
// the expression without being part of it: "en" of "en 2025".
type langRule struct {
	name    string
	before  string
	pattern string
	kind    langKind
}

// element is one compiled element of a pattern: a literal piece (with
// alternatives), a slot, or an optional group.
type element struct {
	words    []string // literal alternatives, by PieceWord
	slot     string   // WEEKDAY MONTH DAY MONNUM YEAR RELDAY EVE DIR UNIT NUM
	joined   bool     // must touch the piece before it: "~/" in "3/12/2026"
	optional []element
}

type compiledRule struct {
	langRule
	before map[string]bool
	elems  []element
}

// compilePattern reads a pattern: elements separated by spaces; {SLOT};
// a|b alternatives; [ ... ] an optional group; ~ before an element: it
// touches the piece before it.
func compilePattern(pattern string) ([]element, error) {
	fs := strings.Fields(pattern)
	elems, rest, err := compileElems(fs)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("pattern %q: unbalanced ]", pattern)
	}
	return elems, nil
}

func compileElems(fs []string) ([]element, []string, error) {
	var out []element
	for len(fs) > 0 {
		f := fs[0]
		fs = fs[1:]
		switch {
		case f == "]":
			return out, append([]string{"]"}, fs...), nil
		case f == "[":
			inner, rest, err := compileElems(fs)
			if err != nil {
				return nil, nil, err
			}
			if len(rest) == 0 || rest[0] != "]" {
				return nil, nil, fmt.Errorf("unclosed [")
			}
			fs = rest[1:]
			out = append(out, element{optional: inner})
			continue
		}
		e := element{}
		if strings.HasPrefix(f, "~") {
			e.joined, f = true, f[1:]
		}
		if strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}") {
			e.slot = f[1 : len(f)-1]
			switch e.slot {
			case "WEEKDAY", "MONTH", "DAY", "MONNUM", "YEAR", "RELDAY", "EVE", "DIR", "UNIT", "NUM":
			default:
				return nil, nil, fmt.Errorf("unknown slot %s", f)
			}
		} else {
			for _, w := range strings.Split(f, "|") {
				e.words = append(e.words, newstext.PieceWord(w))
			}
		}
		out = append(out, e)
	}
	return out, nil, nil
}

// langGrammars are the compiled rule lists, by language code.
var langGrammars = sync.OnceValues(func() (map[string][]compiledRule, error) {
	out := map[string][]compiledRule{}
	for code, rules := range langRules() {
		for _, r := range rules {
			elems, err := compilePattern(r.pattern)
			if err != nil {
				return nil, fmt.Errorf("timex: rule %s: %w", r.name, err)
			}
			cr := compiledRule{langRule: r, elems: elems}
			if r.before != "" {
				cr.before = map[string]bool{}
				for _, w := range strings.Split(r.before, "|") {
					cr.before[newstext.PieceWord(w)] = true
				}
			}
			out[code] = append(out[code], cr)
		}
	}
	return out, nil
})

// ltok is a piece of the text as the language rules read it.
type ltok struct {
	start, end int
	w          string // PieceWord
	kind       newstext.PieceKind
	gap        newstext.Gap
}

// capture is what a match's slots read.
type capture struct {
	weekday    time.Weekday
	hasWeekday bool
	month      int
	day        int
	year       int
	rel        int
	hasRel     bool
	dir        int
	hasDir     bool
	unit       newstext.Unit
	num        int
}

// langMatch is one rule's match: tokens [from, to).
type langMatch struct {
	from, to int
	rule     *compiledRule
	c        capture
}

// langTagger tags one text in one language.
type langTagger struct {
	lex   *newstext.Lexicon
	rules []compiledRule
	text  string
	toks  []ltok
}

// tagLang finds and normalises the time expressions of text in the
// language of lex; with trace it also returns each one's rule.
func tagLang(text string, lex *newstext.Lexicon, opts Options, trace bool) ([]storyline.TimeExpr, []string) {
	grammars, err := langGrammars()
	if err != nil {
		// The rule tables are the package's own, compiled by a test.
		return nil, nil
	}
	return tagLangWith(text, lex, grammars[lex.Lang()], opts, trace)
}

// tagLangWith is tagLang with the given rules.
func tagLangWith(text string, lex *newstext.Lexicon, rules []compiledRule, opts Options, trace bool) ([]storyline.TimeExpr, []string) {
	if len(rules) == 0 {
		return nil, nil
	}
	t := &langTagger{lex: lex, rules: rules, text: text}
	sc := newstext.NewScanner(text)
	for {
		p, ok := sc.Next()
		if !ok {
			break
		}
		t.toks = append(t.toks, ltok{start: p.Start, end: p.End, w: newstext.PieceWord(text[p.Start:p.End]), kind: p.Kind, gap: p.Gap})
	}
	var ms []langMatch
	for i := 0; i < len(t.toks); {
		m, ok := t.best(i)
		if !ok {
			i++
			continue
		}
		if m.rule.kind != lkVeto {
			ms = append(ms, m)
		}
		i = m.to
	}
	return t.resolve(ms, opts, trace)
}

// best is the longest match of any rule at token i; of equal ones, the
// first in the table.
func (t *langTagger) best(i int) (langMatch, bool) {
	var out langMatch
	found := false
	for k := range t.rules {
		r := &t.rules[k]
		if r.before != nil && (i == 0 || !r.before[t.toks[i-1].w] || t.toks[i].gap >= newstext.BlankLine) {
			continue
		}
		var c capture
		end := t.match(r.elems, i, &c)
		if end > i && (!found || end > out.to) {
			out, found = langMatch{from: i, to: end, rule: r, c: c}, true
		}
	}
	return out, found
}

// match matches elems from token i and returns the end of the longest
// match (-1: none), filling c with what its slots read.
func (t *langTagger) match(elems []element, i int, c *capture) int {
	if len(elems) == 0 {
		return i
	}
	e := elems[0]
	best, bestC := -1, *c
	try := func(j int, cc capture) {
		if end := t.match(elems[1:], j, &cc); end > best {
			best, bestC = end, cc
		}
	}
	switch {
	case e.optional != nil:
		with := *c
		if j := t.match(e.optional, i, &with); j >= 0 {
			try(j, with)
		}
		try(i, *c)
	case i < len(t.toks) && (!e.joined || t.toks[i].gap == newstext.Joined):
		for _, n := range t.readElement(e, i) {
			cc := *c
			t.fill(e, i, n, &cc)
			try(i+n, cc)
		}
	}
	if best >= 0 {
		*c = bestC
	}
	return best
}

// readElement is the numbers of tokens element e may take at token i.
func (t *langTagger) readElement(e element, i int) []int {
	tok := t.toks[i]
	if e.slot == "" {
		for _, w := range e.words {
			if tok.w == w {
				return []int{1}
			}
		}
		return nil
	}
	switch e.slot {
	case "WEEKDAY":
		if _, ok := t.lex.Weekday(tok.w); ok && tok.kind == newstext.Letters {
			return []int{1}
		}
	case "MONTH":
		if _, ok := t.lex.Month(tok.w); ok && tok.kind == newstext.Letters {
			return []int{1}
		}
	case "DAY":
		if n, ok := digits(tok, 1, 2); ok && n >= 1 && n <= 31 {
			if i+1 < len(t.toks) && t.toks[i+1].gap == newstext.Joined && t.lex.OrdinalEnd(t.toks[i+1].w) {
				return []int{2, 1}
			}
			return []int{1}
		}
	case "MONNUM":
		if n, ok := digits(tok, 1, 2); ok && n >= 1 && n <= 12 {
			return []int{1}
		}
	case "YEAR":
		if n, ok := digits(tok, 4, 4); ok && n >= 1900 && n <= 2100 {
			return []int{1}
		}
	case "NUM":
		if n, ok := digits(tok, 1, 2); ok && n > 0 {
			return []int{1}
		}
		if _, ok := t.lex.Number(tok.w); ok {
			return []int{1}
		}
	case "DIR":
		if _, ok := t.lex.Direction(tok.w); ok {
			return []int{1}
		}
	case "UNIT":
		if t.lex.UnitWord(tok.w) != newstext.NoUnit {
			return []int{1}
		}
	case "RELDAY", "EVE":
		var out []int
		key := ""
		for n := 1; n <= 3 && i+n <= len(t.toks); n++ {
			if n > 1 {
				key += " "
			}
			key += t.toks[i+n-1].w
			if _, ok := t.lex.RelativeDay(key); ok && e.slot == "RELDAY" || e.slot == "EVE" && t.lex.Eve(key) {
				out = append([]int{n}, out...)
			}
		}
		return out
	}
	return nil
}

// fill records in c what slot e read from the n tokens at i.
func (t *langTagger) fill(e element, i, n int, c *capture) {
	tok := t.toks[i]
	switch e.slot {
	case "WEEKDAY":
		c.weekday, _ = t.lex.Weekday(tok.w)
		c.hasWeekday = true
	case "MONTH":
		m, _ := t.lex.Month(tok.w)
		c.month = int(m)
	case "DAY":
		c.day, _ = strconv.Atoi(tok.w)
	case "MONNUM":
		c.month, _ = strconv.Atoi(tok.w)
	case "YEAR":
		c.year, _ = strconv.Atoi(tok.w)
	case "NUM":
		if v, ok := digits(tok, 1, 2); ok {
			c.num = v
		} else {
			c.num, _ = t.lex.Number(tok.w)
		}
	case "DIR":
		c.dir, _ = t.lex.Direction(tok.w)
		c.hasDir = true
	case "UNIT":
		c.unit = t.lex.UnitWord(tok.w)
	case "RELDAY":
		key := t.toks[i].w
		for k := 1; k < n; k++ {
			key += " " + t.toks[i+k].w
		}
		c.rel, _ = t.lex.RelativeDay(key)
		c.hasRel = true
	}
}

// digits reads a token of lo to hi ASCII digits.
func digits(tok ltok, lo, hi int) (int, bool) {
	if tok.kind != newstext.Digits || len(tok.w) < lo || len(tok.w) > hi {
		return 0, false
	}
	n, err := strconv.Atoi(tok.w)
	return n, err == nil
}

// resolve gives each match its value against the publication date and
// the date under discussion, in text order.
func (t *langTagger) resolve(ms []langMatch, opts Options, trace bool) ([]storyline.TimeExpr, []string) {
	var out []storyline.TimeExpr
	var rules []string
	dct := time.Time{}
	if !opts.DCT.IsZero() {
		dct = time.Date(opts.DCT.Year(), opts.DCT.Month(), opts.DCT.Day(), 0, 0, 0, 0, time.UTC)
	}
	ref := dct // the day under discussion, for "la veille"
	for _, m := range ms {
		val, day, ok := t.value(m, dct, ref)
		if !ok {
			continue
		}
		if !day.IsZero() && m.rule.kind != lkEve {
			ref = day
		}
		start, end := t.toks[m.from].start, t.toks[m.to-1].end
		typ := "DATE"
		if m.rule.kind == lkDuration {
			typ = "DURATION"
		}
		out = append(out, storyline.TimeExpr{Text: t.text[start:end], Start: start, End: end, Type: typ, Value: val})
		if trace {
			rules = append(rules, m.rule.name)
		}
	}
	return out, rules
}

// value is the TIMEX3 value of match m and, when it names a day, that
// day; false when the match is no expression after all ("le dernier
// jour" is no relative day).
func (t *langTagger) value(m langMatch, dct, ref time.Time) (string, time.Time, bool) {
	c := m.c
	known := !dct.IsZero()
	switch m.rule.kind {
	case lkDate:
		if c.month == 0 || c.day == 0 {
			return "", time.Time{}, false
		}
		y := c.year
		if y == 0 {
			if !known {
				return fmt.Sprintf("XXXX-%02d-%02d", c.month, c.day), time.Time{}, true
			}
			y = t.nearestYear(m, dct, func(y int) time.Time { return time.Date(y, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC) })
		}
		d := time.Date(y, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC)
		if d.Day() != c.day {
			return "", time.Time{}, false // 31 November
		}
		return d.Format("2006-01-02"), d, true
	case lkMonth:
		y := c.year
		if y == 0 {
			if !known {
				return fmt.Sprintf("XXXX-%02d", c.month), time.Time{}, true
			}
			y = t.nearestYear(m, dct, func(y int) time.Time { return time.Date(y, time.Month(c.month), 15, 0, 0, 0, 0, time.UTC) })
		}
		return fmt.Sprintf("%04d-%02d", y, c.month), time.Time{}, true
	case lkYear:
		return fmt.Sprintf("%04d", c.year), time.Time{}, true
	case lkDuration:
		u := map[newstext.Unit]string{newstext.Day: "D", newstext.Week: "W", newstext.Month: "M", newstext.Year: "Y"}[c.unit]
		return fmt.Sprintf("P%d%s", c.num, u), time.Time{}, u != "" && c.num > 0
	}
	if !known {
		// Relative to a date the article does not give.
		return "", time.Time{}, m.rule.kind != lkUnitRel || c.unit != newstext.Day
	}
	switch m.rule.kind {
	case lkRelDay:
		d := dct.AddDate(0, 0, c.rel)
		return d.Format("2006-01-02"), d, true
	case lkEve:
		d := ref.AddDate(0, 0, -1)
		return d.Format("2006-01-02"), d, true
	case lkWeekday:
		d := t.weekday(m, dct)
		return d.Format("2006-01-02"), d, true
	case lkUnitRel:
		return unitValue(c.unit, dct, c.dir)
	case lkAgo, lkIn:
		n := c.num
		if m.rule.kind == lkAgo {
			n = -n
		}
		switch c.unit {
		case newstext.Day:
			d := dct.AddDate(0, 0, n)
			return d.Format("2006-01-02"), d, true
		default:
			return unitValue(c.unit, dct, n)
		}
	}
	return "", time.Time{}, false
}

// unitValue is the week, month or year n units from dct.
func unitValue(u newstext.Unit, dct time.Time, n int) (string, time.Time, bool) {
	switch u {
	case newstext.Week:
		y, w := dct.AddDate(0, 0, 7*n).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), time.Time{}, true
	case newstext.Month:
		d := time.Date(dct.Year(), dct.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return d.Format("2006-01"), time.Time{}, true
	case newstext.Year:
		return strconv.Itoa(dct.Year() + n), time.Time{}, true
	}
	return "", time.Time{}, false
}

// weekday resolves a day of the week: a direction word says which
// ("jeudi dernier" the last before the publication date, "nächsten
// Montag" the first after it); a bare one, or "this" one, is the nearest
// in the direction of its clause's tense, the publication day included.
func (t *langTagger) weekday(m langMatch, dct time.Time) time.Time {
	c := m.c
	back := (int(dct.Weekday()) - int(c.weekday) + 7) % 7
	ahead := (int(c.weekday) - int(dct.Weekday()) + 7) % 7
	switch {
	case c.hasDir && c.dir < 0:
		if back == 0 {
			back = 7
		}
		return dct.AddDate(0, 0, -back)
	case c.hasDir && c.dir > 0:
		if ahead == 0 {
			ahead = 7
		}
		return dct.AddDate(0, 0, ahead)
	case t.future(m):
		return dct.AddDate(0, 0, ahead)
	}
	return dct.AddDate(0, 0, -back)
}

// nearestYear is the year that puts the date at(y) nearest the
// publication date on the side of its clause's tense: a month or so
// before it at most in the future, after it in the past (news reports
// what happened: the past is the default).
func (t *langTagger) nearestYear(m langMatch, dct time.Time, at func(int) time.Time) int {
	const slack = 31 * 24 * time.Hour
	best, bestDist := dct.Year(), time.Duration(1<<62)
	fut := t.future(m)
	for _, y := range []int{dct.Year() - 1, dct.Year(), dct.Year() + 1} {
		d := at(y).Sub(dct)
		if fut && d < -slack || !fut && d > slack {
			continue
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = y, d
		}
	}
	return best
}

// sentenceReach bounds how far the tense of a clause is looked for.
const sentenceReach = 20

// future reports whether the sentence of match m speaks of the future: a
// word of the lexicon's future ("wird", "réunira", "будет") within it.
func (t *langTagger) future(m langMatch) bool {
	for i := m.from - 1; i >= 0 && i >= m.from-sentenceReach; i-- {
		if t.sentenceEnd(i) {
			break
		}
		if t.lex.Future(t.toks[i].w) {
			return true
		}
	}
	for i := m.to; i < len(t.toks) && i < m.to+sentenceReach; i++ {
		if t.sentenceEnd(i) {
			break
		}
		if t.lex.Future(t.toks[i].w) {
			return true
		}
	}
	return false
}

// sentenceEnd reports a piece that ends a sentence, or a paragraph break
// before a piece.
func (t *langTagger) sentenceEnd(i int) bool {
	if t.toks[i].gap >= newstext.BlankLine {
		return true
	}
	switch t.toks[i].w {
	case ".", "!", "?", "…":
		return i+1 >= len(t.toks) || t.toks[i+1].gap != newstext.Joined
	}
	return false
}
