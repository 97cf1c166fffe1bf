package timex

import (
	"strconv"
	"strings"
)

// The grammar is entered at every token the lexicon knows: phrase rules
// (the prefixes, then the core) find the longest expression there, and a
// few joins widen it with what follows ("or so", "and 25") or what comes
// before ("the quarter a year ago").

// The joins and the one rule outside the tables, by the names their
// traces carry.
const (
	joinOrSo             = "or so"
	joinSecondDay        = "second day"
	joinYearAgoPeriod    = "year-ago period"
	joinLastYearsPeriod  = "last year's quarter"
	joinPlacedDuration   = "in three weeks"
	ruleApostropheDecade = "'80s"
)

// untabled lists the names above, for tests that check each has its
// examples.
func untabled() []string {
	return []string{joinOrSo, joinSecondDay, joinYearAgoPeriod, joinLastYearsPeriod, joinPlacedDuration, ruleApostropheDecade}
}

// scan finds every time expression, longest match first at each position.
func (p *parser) scan(out []match) []match {
	for i := 0; i < len(p.toks); {
		t := &p.toks[i]
		if t.kind == tWord && !p.g.starters[t.id] || t.kind == tPunct && t.lw != "'" {
			i++
			continue
		}
		m, ok := p.matchAt(i)
		if !ok || m.to <= i {
			i++
			continue
		}
		out = p.yearAgoPeriod(out, &m)
		p.orSo(&m)
		p.placedDuration(&m)
		out = append(out, m)
		i = m.to
		if m2, ok := p.secondDay(&m); ok {
			out = append(out, m2)
			i = m2.to
		}
	}
	return out
}

// orSo: "the next year or so" is one vague stretch.
func (p *parser) orSo(m *match) {
	if p.lw(m.to) == "or" && p.lw(m.to+1) == "so" && (m.typ == typeDuration || m.kind == kUnitRel) {
		m.to += 2
		p.traced(m, joinOrSo)
	}
}

// placedDuration: "in three weeks", "within a year", "after 4 days", "in
// about 30 days": a count of whole units after one of these prepositions
// says when something happens, counted from the DCT. "Within" does so in
// any clause not in the past; "in" opening a sentence ("In four days it is
// hard to...") only in one about the future; "after" only after a modal
// ("will reopen after four days"): "after 22 months" mostly looks back.
// Not "after four days of talks", "in a week when prices fell", a
// weekend, nor where the count looks back: "the lowest in two years", "the
// second time in two months", "twice in a year".
func (p *parser) placedDuration(m *match) {
	if m.kind != kFixed || m.typ != typeDuration || m.u < uDay || m.u == uWeekend || m.n != float64(int(m.n)) || m.place != placeNone {
		return
	}
	k := m.from - 1
	if p.lwIn(k, "about", "approximately", "roughly", "around", "some", "just") {
		k--
	}
	if p.lwIn(m.to, "of", "that", "which", "when", "where") || p.looksBack(k-1) {
		return
	}
	switch {
	case p.lw(k) == "within", p.lw(k) == "in" && !p.opensSentence(k), p.lw(k) == "after" && p.modalBefore(k-1):
		m.place = placeDCT
	case p.lw(k) == "in":
		m.place = placeDCTAhead
	default:
		return
	}
	p.traced(m, joinPlacedDuration)
}

// opensSentence reports whether token i starts a sentence or a paragraph.
func (p *parser) opensSentence(i int) bool {
	return i == 0 || p.toks[i].para || p.breakAt(i-1)
}

// modalBefore reports a modal verb in the clause before token i: "will",
// "would", "'ll", "shall", "should", "can", "could", "may", "might", "must".
func (p *parser) modalBefore(i int) bool {
	for n := 0; i >= 0 && n < tenseWindow && !p.breakAt(i); i, n = i-1, n+1 {
		if p.lwIn(i, "will", "would", "shall", "should", "can", "could", "might", "must") ||
			p.lw(i) == "may" && !p.upper(i) || p.lw(i) == "ll" && p.lw(i-1) == "'" {
			return true
		}
	}
	return false
}

// looksBack reports a word before token i, in its clause, that makes "in
// two years" a stretch up to now: an ordinal ("the second death in two
// days"), a superlative ("the lowest level in a decade", "its best year in
// five years"), a count of times ("twice in a year", "for the first time
// in ten years"), "ever" or "record".
func (p *parser) looksBack(i int) bool {
	for n := 0; i >= 0 && n < tenseWindow && !p.breakAt(i); i, n = i-1, n+1 {
		lw := p.lw(i)
		switch {
		case p.has(i, cOrdinal), p.lwIn(i, "time", "times", "twice", "once", "ever", "record", "best", "most", "least", "worst"):
			return true
		case len(lw) > 4 && strings.HasSuffix(lw, "est") && p.lwIn(i-1, "the", "its", "their", "his", "her", "our", "my", "your"):
			return true
		}
	}
	return false
}

// secondDay: in "April 24 and 25" the second day shares the month (and
// the year, resolveAll makes sure).
func (p *parser) secondDay(m *match) (match, bool) {
	i := m.to
	if m.kind != kAbs || m.p.g != gDay || !p.lwIn(i, "and", "or") {
		return match{}, false
	}
	d, e, ok := p.dayOfMonth(i + 1)
	if !ok || !p.isKind(i+1, tNum) || d > daysIn(m.p.m) || p.has(e, cUnit|cMonth) {
		return match{}, false
	}
	m2 := *m
	m2.from, m2.to, m2.p.d, m2.cont = i+1, e, d, true
	if y, ok := p.yearAt(e + 1); ok && p.lw(e) == "," {
		m2.to, m2.p.y = e+2, y
	}
	m2.rule = ""
	p.traced(&m2, joinSecondDay)
	return m2, true
}

// matchAt tries the phrase rules at token i, then the core grammar.
func (p *parser) matchAt(i int) (match, bool) {
	if len(p.g.phrase.candidates(p, i)) == 0 {
		return p.core(i)
	}
	if m, o := p.decide(p.g.phrase, i); o != pass {
		return m, o == found
	}
	return p.core(i)
}

func phraseRules() []rule {
	return []rule{
		{name: "quantified", starts: words(quantifierWords), parse: (*parser).quantified},
		{name: "this past / this coming", starts: words("this"), parse: (*parser).thisPast},
		{name: "the", starts: words("the"), parse: (*parser).determiner},
		{name: "position modifier", starts: words(earlyWords + " " + endWords + " " + halfWords), parse: (*parser).modifiedRule},
	}
}

// quantified: "at least two years", "nearly four years ago", "around 7:15
// p.m."; loose quantifiers ("about") are kept out of durations, as the
// TimeBank annotators did.
func (p *parser) quantified(i int) (match, outcome) {
	q, loose := p.quant(i)
	if q == i {
		return match{}, pass
	}
	m, ok := p.matchAt(q)
	if !ok || !(m.kind == kAgo || m.kind == kTime || !loose && m.typ == typeDuration) {
		return match{}, pass
	}
	m.from = i
	return m, found
}

// quantifier is a word sequence that may precede a time expression.
type quantifier struct {
	words []string
	loose bool // vague: not part of a duration
}

// quantifiers are the quantifiers by their first word.
func quantifiers() map[string][]quantifier {
	q := map[string][]quantifier{}
	for _, w := range []string{"at least", "at most", "more than", "less than", "fewer than", "no more than", "no less than",
		"up to", "nearly", "almost"} {
		ws := strings.Fields(w)
		q[ws[0]] = append(q[ws[0]], quantifier{words: ws})
	}
	for _, w := range []string{"about", "approximately", "roughly", "around", "some"} {
		q[w] = append(q[w], quantifier{words: []string{w}, loose: true})
	}
	return q
}

// quantifierWords are the first words of the quantifiers.
const quantifierWords = "at more less fewer no up nearly almost about approximately roughly around some"

// quant returns the index after a quantifier at i, or i when there is
// none.
func (p *parser) quant(i int) (int, bool) {
	for _, q := range p.g.quantifiers[p.lw(i)] {
		if p.seq(i, q.words) {
			return i + len(q.words), q.loose
		}
	}
	return i, false
}

// seq reports whether the tokens from i are the words ws.
func (p *parser) seq(i int, ws []string) bool {
	for k, w := range ws {
		if p.lw(i+k) != w {
			return false
		}
	}
	return true
}

// thisPast: "this past spring", "this coming Sunday": the determiner is
// part of it.
func (p *parser) thisPast(i int) (match, outcome) {
	if p.lw(i) != "this" || !p.lwIn(i+1, "past", "coming") {
		return match{}, pass
	}
	m, ok := p.matchAt(i + 1)
	if !ok || m.from != i+1 || m.typ != typeDate {
		return match{}, pass
	}
	m.from = i
	return m, found
}

// determiner: "the" and what may follow it; nothing else starts with it.
func (p *parser) determiner(i int) (match, outcome) {
	if p.lw(i) != "the" {
		return match{}, pass
	}
	m, ok := p.firstOf(p.g.modified, i+1)
	if !ok {
		m, ok = p.firstOf(p.g.afterThe, i+1)
	}
	if !ok {
		return match{}, veto
	}
	if !m.noThe {
		m.from = i
	}
	return m, found
}

func (p *parser) modifiedRule(i int) (match, outcome) {
	return outcomeOf(p.firstOf(p.g.modified, i))
}

// outcomeOf turns a parse's (match, ok) into an outcome.
func outcomeOf(m match, ok bool) (match, outcome) {
	if ok {
		return m, found
	}
	return match{}, pass
}

// Position modifiers and what they modify: "early 1991", "late-November",
// "the end of July", "earlier this year", "the first half of 1989".
func modifiedRules() []rule {
	return []rule{
		{name: "early / late X", starts: words(earlyWords), parse: (*parser).earlyLate},
		{name: "earlier that same day", starts: words(earlyWords), parse: (*parser).earlierThat},
		{name: "the end of X", starts: words(endWords), parse: (*parser).endOf},
		{name: "the first half of X", starts: words(halfWords), parse: (*parser).halfOf},
	}
}

// The position words.
const (
	earlyWords = "early late mid earlier later"
	endWords   = "end beginning start middle close turn dawn"
	halfWords  = "first second last"
)

func (p *parser) earlyLate(i int) (match, outcome) {
	lw := p.lw(i)
	j := i + 1
	switch lw {
	case "early", "late", "mid":
		j, _ = p.hyphen(j)
	case "earlier", "later":
	default:
		return match{}, pass
	}
	m, ok := p.core(j)
	if !ok || !modifiable(m, lw) {
		return match{}, pass
	}
	m.from, m.noThe = i, false
	return m, found
}

func (p *parser) earlierThat(i int) (match, outcome) {
	if !p.lwIn(i, "early", "late", "mid", "earlier", "later") || !p.lwIn(i+1, "that", "the") {
		return match{}, pass
	}
	m, ok := p.firstOf(p.g.afterThe, i+2)
	if !ok || m.kind != kAnaphor {
		return match{}, pass
	}
	m.from = i
	return m, found
}

func (p *parser) endOf(i int) (match, outcome) {
	if !p.lwIn(i, "end", "beginning", "start", "middle", "close", "turn", "dawn") {
		return match{}, pass
	}
	return p.periodOf(i, i+1, 0)
}

func (p *parser) halfOf(i int) (match, outcome) {
	if !p.lwIn(i, "first", "second", "last") || p.lw(i+1) != "half" {
		return match{}, pass
	}
	half := 2
	if p.lw(i) == "first" {
		half = 1
	}
	return p.periodOf(i, i+2, half)
}

// periodOf reads "of [the] X" at k for a position word at i; half (1 or 2)
// turns a year into one of its halves.
func (p *parser) periodOf(i, k, half int) (match, outcome) {
	if p.lw(k) != "of" {
		return match{}, pass
	}
	j := k + 1
	if p.lw(j) == "the" {
		j++
	}
	m, ok := p.core(j)
	if !ok && p.lwIn(j, "year", "month", "week") && p.lw(j-1) == "the" {
		m, ok = match{from: j, to: j + 1, kind: kUnitRel, typ: typeDate, u: p.g.lex[p.lw(j)].u, rel: 0}, true
	}
	if !ok || !modifiable(m, "end") {
		return match{}, pass
	}
	m.from, m.noThe = i, false
	switch {
	case half == 0:
	case m.kind == kAbs && m.p.g == gYear:
		// "the first half of 1989"
		m.p = point{g: gHalf, y: m.p.y, m: half}
	case m.kind == kUnitRel && m.u == uYear && m.p.g != gCentury:
		// "the second half of next year"
		m.p = point{g: gHalf, m: half}
	}
	return m, found
}

// modifiable says whether a position modifier (early, late, the end of)
// may wrap m without changing its value.
func modifiable(m match, mod string) bool {
	switch m.kind {
	case kAbs:
		return m.p.d == 0 || mod == "late" || mod == "early"
	case kUnitRel:
		return m.u != uWeek && m.u != uWeekend || mod == "early" || mod == "late" || mod == "end"
	case kMonthRel, kSeasonRel, kPartRel, kAnaphor:
		return true
	case kDayRel, kWeekday:
		return mod == "late" || mod == "early" && m.part == ""
	case kFixed:
		return m.typ == typeDate && startsWithDigit(m.val)
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// core is the grammar proper at token i: digits, the apostrophe of
// "'80s", or a word.
func (p *parser) core(i int) (match, bool) {
	t := p.tok(i)
	if t == nil {
		return match{}, false
	}
	switch t.kind {
	case tNum:
		if _, ok := p.num(i); !ok || p.moneyOrDecimal(i) {
			return match{}, false
		}
		return p.longestOf(p.g.numbers, p.g.numberFallbacks, i)
	case tPunct:
		return p.apostropheDecade(i)
	}
	return p.longestOf(p.g.words, p.g.wordFallbacks, i)
}

// moneyOrDecimal reports digits that are an amount or the tail of a number:
// "$1990", "#2000", "2.1990", "3,1998".
func (p *parser) moneyOrDecimal(i int) bool {
	prev := p.tok(i - 1)
	if prev == nil || prev.kind != tPunct {
		return false
	}
	switch prev.lw {
	case "$", "£", "€", "#":
		return true
	case ".", ",":
		return p.adj(i)
	}
	return false
}

// apostropheDecade: "'80s".
func (p *parser) apostropheDecade(i int) (match, bool) {
	if p.lw(i) != "'" {
		return match{}, false
	}
	n, ok := p.num(i + 1)
	if !ok || !p.adj(i+1) || len(p.lw(i+1)) != 2 || p.lw(i+2) != "s" || !p.adj(i+2) || n%10 != 0 {
		return match{}, false
	}
	m := fixed(i, i+3, typeDate, strconv.Itoa(190+n/10))
	m.p.g = gDecade
	p.traced(&m, ruleApostropheDecade)
	return m, true
}
