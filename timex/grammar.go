package timex

import (
	"strconv"
)

// kind says how a match's value is computed once the creation time, the
// tense of its clause and the reference time are known.
type kind uint8

const (
	kFixed      kind = iota // value known from the text alone
	kAbs                    // calendar point; y == 0 when the year is missing
	kWeekday                // bare or modified weekday (wd, rel)
	kDayRel                 // today, yesterday, tomorrow (n days)
	kUnitRel                // this/last/next week, month, year... (n units)
	kAgo                    // n units ago (from DCT) or earlier/later (from the reference time)
	kPartRel                // a quarter or a half of an unstated year (p.g, p.m)
	kSeasonRel              // a season of an unstated year, possibly with rel
	kMonthRel               // "last June"
	kTime                   // clock time, date from context
	kAnaphor                // that year, the next day: n units from the reference time
	kHoliday                // a feast day of an unstated year
	kLatestPart             // "the quarter", "the latest quarter": the last reported one
)

const relNone = -99

// match is one time expression found in the token stream, before
// normalisation.
type match struct {
	from, to  int // token range [from, to)
	kind      kind
	typ       string
	val       string // kFixed
	p         point
	wd        int
	rel       int
	n         float64
	u         unit
	part      string
	anchorRef bool // kAgo: from the reference time rather than the DCT
	noThe     bool // the grammar consumed a leading "the" that must not be in the span
	day       int  // kTime: 1 + index of the day match it swallowed
	yrel      int  // kAbs: year relative to the DCT's ("June last year")
	hasYrel   bool
	cont      bool // the second day of "April 24 and 25": same year as the first
}

type parser struct {
	text   string
	toks   []token
	noPoss bool   // keep "'s" out of spans (TimeBank style)
	cues   []int8 // tense cue of each token, +2; 0 until computed
}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

func (p *parser) lw(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].lw
}

func (p *parser) word(i int) *word {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return nil
	}
	return lexicon[p.toks[i].lw]
}

func (p *parser) has(i int, c uint32) bool {
	w := p.word(i)
	return w != nil && w.class&c != 0
}

// adj reports whether token i follows token i-1 without space.
func (p *parser) adj(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].space
}

func (p *parser) num(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || len(t.lw) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(t.lw)
	return n, err == nil
}

// possessive skips a "'s" or "'" after token i-1.
func (p *parser) possessive(i int) int {
	if p.noPoss {
		return i
	}
	if p.lw(i) == "'" && p.adj(i) {
		if p.lw(i+1) == "s" && p.adj(i+1) {
			return i + 2
		}
	}
	return i
}

// dot skips an abbreviation dot.
func (p *parser) dot(i int) int {
	if p.lw(i) == "." && p.adj(i) {
		return i + 1
	}
	return i
}

// hyphen skips a "-" joining two tokens.
func (p *parser) hyphen(i int) (int, bool) {
	if p.lw(i) == "-" && (p.adj(i) || p.adj(i+1)) {
		return i + 1, true
	}
	return i, false
}

// scan finds every time expression, longest match first at each position.
func (p *parser) scan(out []match) []match {
	for i := 0; i < len(p.toks); {
		t := &p.toks[i]
		if t.kind == tWord && lexicon[t.lw] == nil {
			i++
			continue
		}
		if m, ok := p.matchAt(i); ok && m.to > i {
			out = p.yearAgoPeriod(out, &m)
			// "the next year or so" is one vague stretch.
			if p.lw(m.to) == "or" && p.lw(m.to+1) == "so" && (m.typ == "DURATION" || m.kind == kUnitRel) {
				m.to += 2
			}
			out = append(out, m)
			i = m.to
			// "April 24 and 25": the second day shares the month.
			if m.kind == kAbs && m.p.g == gDay && (p.lw(i) == "and" || p.lw(i) == "or") {
				if d, e, ok := p.dayOfMonth(i + 1); ok && p.toks[i+1].kind == tNum && d <= daysIn(m.p.m) && !p.has(e, cUnit|cMonth) {
					m2 := m
					m2.from, m2.to, m2.p.d, m2.cont = i+1, e, d, true
					if y, ok := p.yearAt(e + 1); ok && p.lw(e) == "," {
						m2.to, m2.p.y = e+2, y
					}
					out = append(out, m2)
					i = m2.to
				}
			}
			continue
		}
		i++
	}
	return out
}

// matchAt tries the prefixes (quantifiers, "the", position modifiers) and
// then the core grammar at token i.
func (p *parser) matchAt(i int) (match, bool) {
	// Quantifiers: "at least two years", "nearly four years ago", "around
	// 7:15 p.m.".
	if q, loose := p.quant(i); q > i {
		if m, ok := p.matchAt(q); ok && (m.kind == kAgo || m.kind == kTime || !loose && m.typ == "DURATION") {
			m.from = i
			return m, true
		}
	}
	// "this past spring", "this coming Sunday": the determiner is part of it.
	if p.lw(i) == "this" && (p.lw(i+1) == "past" || p.lw(i+1) == "coming") {
		if m, ok := p.matchAt(i + 1); ok && m.from == i+1 && m.typ == "DATE" {
			m.from = i
			return m, true
		}
	}
	if p.lw(i) == "the" {
		if m, ok := p.modified(i + 1); ok {
			if !m.noThe {
				m.from = i
			}
			return m, true
		}
		if m, ok := p.afterThe(i + 1); ok {
			if !m.noThe {
				m.from = i
			}
			return m, true
		}
		return match{}, false
	}
	if m, ok := p.modified(i); ok {
		return m, true
	}
	return p.core(i)
}

// modified parses a position modifier and what it modifies: "early
// 1991", "late-November", "the end of July", "earlier this year".
func (p *parser) modified(i int) (match, bool) {
	lw := p.lw(i)
	switch lw {
	case "early", "late", "mid", "earlier", "later":
		j := i + 1
		if lw == "mid" || lw == "late" || lw == "early" {
			j, _ = p.hyphen(j)
		}
		if m, ok := p.core(j); ok && modifiable(m, lw) {
			m.from, m.noThe = i, false
			return m, true
		}
		if lw2 := p.lw(i + 1); lw2 == "that" || lw2 == "the" {
			if m, ok := p.afterThe(i + 2); ok && m.kind == kAnaphor {
				m.from = i
				return m, true
			}
		}
	case "end", "beginning", "start", "middle", "close", "turn", "dawn", "first", "second", "last":
		k := i + 1
		if lw == "first" || lw == "second" || lw == "last" {
			if p.lw(k) != "half" {
				return match{}, false
			}
			k++
		}
		if p.lw(k) == "of" {
			j := k + 1
			if p.lw(j) == "the" {
				j++
			}
			m, ok := p.core(j)
			if !ok && (p.lw(j) == "year" || p.lw(j) == "month" || p.lw(j) == "week") && p.lw(j-1) == "the" {
				m, ok = match{from: j, to: j + 1, kind: kUnitRel, typ: "DATE", u: lexicon[p.lw(j)].u, rel: 0}, true
			}
			if ok && modifiable(m, "end") {
				m.from, m.noThe = i, false
				h := 1
				if lw != "first" {
					h = 2
				}
				if k > i+1 && (m.kind == kAbs && m.p.g == gYear) {
					// "the first half of 1989"
					m.p = point{g: gHalf, y: m.p.y, m: h}
				} else if k > i+1 && m.kind == kUnitRel && m.u == uYear && m.p.g != gCentury {
					// "the second half of next year"
					m.p = point{g: gHalf, m: h}
				}
				return m, true
			}
		}
	}
	return match{}, false
}

// quant returns the index after a quantifier such as "at least" or
// "nearly", or i when there is none. loose quantifiers ("about") are kept
// out of durations, as the TimeBank annotators did.
func (p *parser) quant(i int) (int, bool) {
	switch p.lw(i) {
	case "at":
		if p.lw(i+1) == "least" || p.lw(i+1) == "most" {
			return i + 2, false
		}
	case "more", "less", "fewer":
		if p.lw(i+1) == "than" {
			return i + 2, false
		}
	case "no":
		if p.lw(i+1) == "more" || p.lw(i+1) == "less" {
			if p.lw(i+2) == "than" {
				return i + 3, false
			}
		}
	case "up":
		if p.lw(i+1) == "to" {
			return i + 2, false
		}
	case "nearly", "almost":
		return i + 1, false
	case "about", "approximately", "roughly", "around", "some":
		return i + 1, true
	}
	return i, false
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
		return m.typ == "DATE" && len(m.val) > 0 && m.val[0] >= '0' && m.val[0] <= '9'
	}
	return false
}

// afterThe parses what may follow "the".
func (p *parser) afterThe(j int) (match, bool) {
	lw := p.lw(j)
	switch lw {
	case "past":
		if m, ok := p.relUnit(j); ok {
			return m, true
		}
		if !p.has(j+1, cUnit|cNumWord) && p.tok(j+1) != nil && p.toks[j+1].kind != tNum {
			return match{from: j, to: j + 1, kind: kFixed, typ: "DATE", val: "PAST_REF"}, true
		}
	case "future":
		m := match{from: j, to: j + 1, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}
		// "the future dialogue": an adjective, without its determiner.
		if nx := p.tok(j + 1); nx != nil && nx.kind == tWord && lexicon[nx.lw] == nil && !nx.upper && !functionWord(nx.lw) {
			m.noThe = true
		}
		return m, true
	case "present":
		if !p.has(j+1, cUnit) && p.tok(j+1) != nil && p.toks[j+1].kind == tPunct {
			return match{from: j, to: j + 1, kind: kFixed, typ: "DATE", val: "PRESENT_REF"}, true
		}
	case "near":
		if p.lw(j+1) == "term" {
			return match{from: j, to: j + 2, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}, true
		}
		if p.lw(j+1) == "future" {
			return match{from: j, to: j + 2, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}, true
		}
	case "year":
		// "the year two thousand", "the year 1990"
		if n, ok := p.num(j + 1); ok && n >= 1000 && n < 3000 {
			return match{from: j, to: j + 2, kind: kAbs, typ: "DATE", p: point{g: gYear, y: n}}, true
		}
		if p.lw(j+1) == "two" && p.lw(j+2) == "thousand" {
			return match{from: j, to: j + 3, kind: kAbs, typ: "DATE", p: point{g: gYear, y: 2000}}, true
		}
		if p.lw(j+1) == "-" {
			if m, ok := p.yearAgo(j); ok {
				return m, true
			}
			return match{}, false
		}
		if p.lw(j-2) == "throughout" {
			// "throughout the year": the whole stretch.
			return match{from: j, to: j + 1, kind: kFixed, typ: "DURATION", val: "P1Y"}, true
		}
		if p.lw(j+1) == "ended" || p.lw(j+1) == "ending" || p.lw(j+1) == "before" || p.lw(j+1) == "earlier" || p.lw(j+1) == "ago" || p.lw(j+1) == "'" {
			if p.lw(j+1) == "ended" || p.lw(j+1) == "ending" {
				return match{from: j, to: j + 1, kind: kFixed, typ: "DURATION", val: "P1Y"}, true
			}
			break
		}
		return match{from: j, to: j + 1, kind: kUnitRel, typ: "DATE", u: uYear, rel: 0}, true
	case "full", "entire", "whole":
		if p.lw(j+1) == "year" {
			return match{from: j, to: j + 2, kind: kUnitRel, typ: "DATE", u: uYear, rel: 0}, true
		}
	case "time":
		if p.lw(j-2) == "at" && p.tok(j+1) != nil && p.toks[j+1].kind == tPunct {
			return match{from: j, to: j + 1, kind: kFixed, typ: "DATE", val: "PAST_REF"}, true
		}
	case "short", "long", "medium":
		if p.lw(j+1) == "term" {
			return match{from: j, to: j + 2, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}, true
		}
	case "current", "recent":
		if m, ok := p.core(j); ok {
			m.noThe = m.kind == kFixed && m.typ == "DATE"
			return m, true
		}
		return match{}, false
	case "quarter", "period":
		if p.lw(j+1) == "-" {
			return match{}, false
		}
		if lw == "quarter" {
			return match{from: j, to: j + 1, kind: kLatestPart, typ: "DATE", p: point{g: gQuarter}}, true
		}
	case "latest", "same", "previous", "prior", "preceding", "following", "next", "last", "coming", "comparable", "corresponding":
		// "the comparable year-ago quarter"
		if lw == "same" || lw == "comparable" || lw == "corresponding" {
			if m, ok := p.yearAgo(j + 1); ok && !m.noThe {
				m.from = j
				return m, true
			}
		}
		if m, ok := p.relUnit(j); ok {
			return m, true
		}
		if lw == "latest" && (p.lw(j+1) == "period" || p.lw(j+1) == "quarter") {
			return match{from: j, to: j + 2, kind: kLatestPart, typ: "DATE", p: point{g: gQuarter}}, true
		}
		// "the latest fiscal year": the last one reported.
		if lw == "latest" && p.lw(j+1) == "fiscal" && p.lw(j+2) == "year" {
			return match{from: j, to: j + 3, kind: kLatestPart, typ: "DATE", p: point{g: gYear}}, true
		}
	case "fiscal":
		// "lower earnings for the fiscal year": the current one; "the
		// fiscal year ended Sept. 30" stays a duration.
		if p.lw(j+1) == "year" {
			if w := p.lw(j + 2); w == "ended" || w == "ending" || w == "-" || p.lw(j-2) == "throughout" {
				return match{from: j, to: j + 2, kind: kFixed, typ: "DURATION", val: "P1Y"}, true
			}
			return match{from: j, to: j + 2, kind: kUnitRel, typ: "DATE", u: uYear, rel: 0}, true
		}
	case "weekend":
		return match{from: j, to: j + 1, kind: kUnitRel, typ: "DATE", u: uWeekend, rel: relNone}, true
	case "days", "weeks", "months", "years":
		if pv := p.lw(j - 2); pv == "over" || pv == "through" || pv == "throughout" || pv == "across" {
			return match{from: j, to: j + 1, kind: kFixed, typ: "DURATION", val: durationValue(0, false, lexicon[lw].u)}, true
		}
		if p.lw(j+1) == "ahead" {
			return match{from: j, to: j + 2, kind: kFixed, typ: "DURATION", val: durationValue(0, false, lexicon[lw].u)}, true
		}
	case "day", "week", "month":
		if p.lw(j+1) == "before" || p.lw(j+1) == "after" {
			if w := p.lw(j + 2); w == "yesterday" || w == "tomorrow" {
				off := -2
				if w == "tomorrow" {
					off = 2
				}
				if lw == "day" {
					return match{from: j, to: j + 3, kind: kDayRel, typ: "DATE", n: float64(off)}, true
				}
			}
			if lw == "day" && p.tok(j+2) != nil && p.toks[j+2].kind == tPunct {
				n := -1.0
				if p.lw(j+1) == "after" {
					n = 1
				}
				return match{from: j, to: j + 2, kind: kAnaphor, typ: "DATE", u: uDay, n: n}, true
			}
		}
	}
	if m, ok := p.core(j); ok {
		switch m.kind {
		case kAbs:
			m.noThe = m.noThe || m.p.g == gDay || m.p.g == gMonth || m.p.g == gYear
		case kWeekday, kHoliday:
			m.noThe = true
		}
		if m.kind == kFixed && m.typ == "DATE" && m.val != "" && m.val[0] >= '0' && m.val[0] <= '9' && m.p.g != gDecade && m.p.g != gCentury {
			m.noThe = true
		}
		return m, true
	}
	return match{}, false
}

// functionWord reports words that cannot be the noun of "the future X":
// after them "the future" is itself the noun ("the future is uncertain").
func functionWord(w string) bool {
	switch w {
	case "is", "was", "are", "were", "will", "would", "could", "may", "might", "must", "should", "can",
		"looks", "look", "looked", "seems", "seem", "remains", "lies", "holds", "belongs",
		"if", "and", "or", "but", "that", "which", "who", "when", "with", "for", "of", "to", "as", "because", "unless", "so":
		return true
	}
	return false
}

// yearAgoPeriod joins a period and the year that places it into one
// expression, as TimeML does: "the quarter a year ago", "the corresponding
// period last year", "last year's quarter". It may drop the period's own
// match from out, and returns out.
func (p *parser) yearAgoPeriod(out []match, m *match) []match {
	lastYear := m.kind == kUnitRel && m.u == uYear && m.rel == -1
	if !lastYear && !(m.kind == kAgo && m.u == uYear && m.n == -1 && m.p.g == 0) {
		return out
	}
	periodNoun := func(w string) bool { return w == "quarter" || w == "period" }
	// "last year's quarter"
	if lastYear && p.lw(m.to) == "'" && p.lw(m.to+1) == "s" && periodNoun(p.lw(m.to+2)) {
		if p.lw(m.to+2) == "quarter" {
			m.p.g = gQuarter
		}
		m.to += 3
		m.kind, m.n, m.anchorRef, m.rel = kAgo, -1, true, 0
		return out
	}
	k := m.from - 1
	if !periodNoun(p.lw(k)) {
		return out
	}
	noun := k
	k--
	switch p.lw(k) {
	case "same", "corresponding", "comparable", "like":
		k--
	}
	if p.lw(k) != "the" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].to > k {
		if out[n-1].from < k {
			return out
		}
		out = out[:n-1]
	}
	m.from = k
	if p.lw(noun) == "quarter" {
		m.p.g = gQuarter
	}
	m.kind, m.n, m.anchorRef, m.rel = kAgo, -1, true, 0
	return out
}

// yearAgo: "year-earlier", "year-ago quarter", "the year-earlier period".
func (p *parser) yearAgo(j int) (match, bool) {
	if p.lw(j) != "year" || p.lw(j+1) != "-" || p.lw(j+2) != "ago" && p.lw(j+2) != "earlier" {
		return match{}, false
	}
	m := match{from: j, to: j + 3, kind: kAgo, typ: "DATE", u: uYear, n: -1, anchorRef: true}
	// "the year-earlier nine months": a stretch of time.
	if n, known, k, ok := p.count(j + 3); ok && known && n > 1 && p.lw(j+3) != "a" {
		if u, ok := p.unitAt(k); ok && plural(p.lw(k)) {
			return match{from: j, to: k + 1, kind: kFixed, typ: "DURATION", val: durationValue(n, known, u)}, true
		}
	}
	// "the year-ago third quarter"
	if q, ok := p.ordinal(j + 3); ok && q.kind == kPartRel && q.rel == 0 && q.p.g == gQuarter {
		m.to, m.p.g = q.to, gQuarter
		return m, true
	}
	switch p.lw(j + 3) {
	case "quarter", "period":
		m.to++
		if p.lw(j+3) == "quarter" {
			m.p.g = gQuarter
		}
	default:
		// An adjective before a noun: the determiner is not part of it.
		m.noThe = true
	}
	return m, true
}

// core is the grammar proper, tried at token i.
func (p *parser) core(i int) (match, bool) {
	t := p.tok(i)
	if t == nil {
		return match{}, false
	}
	switch t.kind {
	case tNum:
		return p.number(i)
	case tPunct:
		// '80s
		if t.lw == "'" {
			if n, ok := p.num(i + 1); ok && p.adj(i+1) && len(p.lw(i+1)) == 2 && p.lw(i+2) == "s" && p.adj(i+2) && n%10 == 0 {
				return match{from: i, to: i + 3, kind: kFixed, typ: "DATE", val: strconv.Itoa(190 + n/10), p: point{g: gDecade}}, true
			}
		}
		return match{}, false
	}
	if d, ok := decadeWords[t.lw]; ok && p.lw(i-1) == "the" {
		return match{from: i, to: i + 1, kind: kFixed, typ: "DATE", val: d, p: point{g: gDecade}}, true
	}
	w := lexicon[t.lw]
	if w == nil {
		return match{}, false
	}
	best, found := match{}, false
	try := func(m match, ok bool) {
		if ok && (!found || m.to > best.to) {
			best, found = m, true
		}
	}
	if w.class&cMonth != 0 {
		try(p.monthFirst(i))
	}
	if w.class&cWeekday != 0 {
		try(p.weekday(i))
	}
	if w.class&cDayWord != 0 {
		try(p.dayWord(i))
	}
	if w.class&(cNumWord|cOrdinal) != 0 {
		try(p.numberWords(i))
	}
	if w.class&cOrdinal != 0 {
		try(p.ordinal(i))
	}
	if w.class&cRel != 0 {
		try(p.relUnit(i))
	}
	if w.class&cSeason != 0 {
		try(p.season(i, relNone, i))
	}
	if w.class&cSetWord != 0 {
		try(p.set(i))
	}
	if w.class&cHoliday != 0 {
		try(p.holiday(i))
	}
	if w.class&cTimeWord != 0 && p.lw(i-1) != "high" {
		try(match{from: i, to: i + 1, kind: kTime, typ: "TIME", p: point{g: gTime, hh: w.n}}, true)
	}
	if w.class&cRefWord != 0 && !found {
		try(p.refWord(i))
	}
	if w.class&cUnit != 0 && !found && p.lw(i+1) == "-" && p.adj(i+1) && p.lw(i-1) != "-" &&
		(p.lw(i+2) == "long" || p.lw(i+2) == "old" && plural(t.lw)) {
		// "decades-long", "years-old", "day-long"
		n, known := 1.0, true
		if plural(t.lw) {
			n, known = 0, false
		}
		try(match{from: i, to: i + 3, kind: kFixed, typ: "DURATION", val: durationValue(n, known, w.u)}, true)
	}
	if w.class&cUnit != 0 && !found && plural(t.lw) && p.toks[i].kind == tWord {
		// "for weeks", "within months", "for centuries"
		switch p.lw(i - 1) {
		case "for", "within", "in", "over", "after", "than", "took", "takes", "take", "lasted", "last":
			if nx := p.lw(i + 1); nx != "of" && nx != "-" && nx != "'" {
				try(match{from: i, to: i + 1, kind: kFixed, typ: "DURATION", val: durationValue(0, false, w.u)}, true)
			}
		}
	}
	if !found {
		try(p.misc(i))
	}
	return best, found
}

// refWord handles now, currently, recently and friends.
func (p *parser) refWord(i int) (match, bool) {
	lw := p.lw(i)
	w := lexicon[lw]
	switch lw {
	case "past", "present", "earlier", "later", "once", "immediately", "formerly", "lately":
		return match{}, false
	case "recent":
		return match{}, false
	case "current":
		// Adjectives: only before a noun.
		nx := p.tok(i + 1)
		if nx == nil || nx.kind != tWord || p.has(i+1, cMisc) {
			return match{}, false
		}
		if lw == "current" && (nx.lw == "account" || nx.lw == "accounts" || nx.lw == "events" || nx.lw == "affairs") {
			return match{}, false
		}
	case "future":
		// Only "in future"; the adjective ("future payments") is mostly
		// left unannotated.
		if p.lw(i-1) == "in" {
			break
		}
		return match{}, false
	case "now":
		if p.lw(i+1) == "-" {
			return match{}, false
		}
	case "soon":
		if p.lw(i-1) == "as" && p.lw(i+1) == "as" {
			return match{}, false
		}
	}
	return match{from: i, to: i + 1, kind: kFixed, typ: "DATE", val: w.s}, true
}

// misc handles "fiscal 1989", "Q3", "year-end" and "as soon as possible".
func (p *parser) misc(i int) (match, bool) {
	switch p.lw(i) {
	case "fiscal", "fy":
		j := i + 1
		if n, ok := p.num(j); ok && n >= 1900 && n < 2100 {
			return match{from: i, to: j + 1, kind: kAbs, typ: "DATE", p: point{g: gYear, y: n}}, true
		}
		if p.lw(j) == "year" {
			return match{from: i, to: j + 1, kind: kFixed, typ: "DURATION", val: "P1Y"}, true
		}
		if m, ok := p.ordinal(j); ok {
			m.from = i
			return m, true
		}
	case "q", "h":
		if n, ok := p.num(i + 1); ok && p.adj(i+1) && n >= 1 && (p.lw(i) == "q" && n <= 4 || n <= 2) && p.toks[i].upper {
			g := gQuarter
			if p.lw(i) == "h" {
				g = gHalf
			}
			m := match{from: i, to: i + 2, kind: kPartRel, typ: "DATE", p: point{g: g, m: n}}
			if y, ok := p.num(i + 2); ok && y >= 1900 && y < 2100 {
				m.to, m.kind, m.p.y = i+3, kAbs, y
			}
			return m, true
		}
	case "as":
		if p.lw(i+1) == "soon" && p.lw(i+2) == "as" && p.lw(i+3) == "possible" {
			return match{from: i, to: i + 4, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}, true
		}
	case "year", "yearend":
		if m, ok := p.yearAgo(i); ok {
			return m, true
		}
		// "by year end", "by year's end"
		if e := p.possessive(i + 1); p.lw(e) == "end" && (e > i+1 || p.lw(i+1) == "end") {
			return match{from: i, to: e + 1, kind: kUnitRel, typ: "DATE", u: uYear, rel: 0}, true
		}
		j := i + 1
		if p.lw(i) == "year" {
			if p.lw(j) != "-" || p.lw(j+1) != "end" {
				break
			}
			j += 2
		}
		return match{from: i, to: j, kind: kAbs, typ: "DATE", p: point{g: gDay, m: 12, d: 31}}, true
	case "a":
		if p.lw(i+1) == "while" {
			switch p.lw(i - 1) {
			case "for", "in", "after", "within":
				return match{from: i, to: i + 2, kind: kFixed, typ: "DURATION", val: "PXX"}, true
			}
		}
	case "these":
		if p.lw(i+1) == "days" {
			return match{from: i, to: i + 2, kind: kFixed, typ: "DATE", val: "PRESENT_REF"}, true
		}
	case "at":
		if p.lw(i+1) == "present" {
			return match{from: i + 1, to: i + 2, kind: kFixed, typ: "DATE", val: "PRESENT_REF"}, true
		}
	case "that":
		return p.relUnit(i)
	}
	return match{}, false
}

// yearAt reads a four-digit year at i.
func (p *parser) yearAt(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || len(t.lw) != 4 {
		return 0, false
	}
	n, _ := strconv.Atoi(t.lw)
	if n < 1000 || n >= 2200 {
		return 0, false
	}
	return n, true
}

// yearAny reads a year in digits or words ("nineteen ninety-four") at i
// and returns the index after it.
func (p *parser) yearAny(i int) (int, int, bool) {
	if y, ok := p.yearAt(i); ok {
		return y, i + 1, true
	}
	if p.lw(i) == "nineteen" || p.lw(i) == "twenty" {
		if w := p.word(i + 1); w != nil && w.class&cNumWord != 0 && w.n >= 10 && w.n < 100 {
			n, _, end, _ := p.count(i + 1)
			base := 1900
			if p.lw(i) == "twenty" {
				base = 2000
			}
			return base + int(n), end, true
		}
	}
	return 0, i, false
}

// dayOfMonth reads "30", "30th", "1st" at i and returns the index after it.
func (p *parser) dayOfMonth(i int) (int, int, bool) {
	n, ok := p.num(i)
	if !ok || n < 1 || n > 31 || len(p.lw(i)) > 2 {
		if w := p.word(i); w != nil && w.class&cOrdinal != 0 && w.n <= 31 {
			return w.n, i + 1, true
		}
		return 0, i, false
	}
	j := i + 1
	switch p.lw(j) {
	case "st", "nd", "rd", "th":
		if p.adj(j) {
			j++
		}
	}
	// Not a clock time or a thousands group.
	if p.lw(j) == ":" && p.adj(j) && p.adj(j+1) {
		if _, ok := p.num(j + 1); ok {
			return 0, i, false
		}
	}
	return n, j, true
}

// ordinalDay reports whether the ordinal word at j is a day of the month
// ("March eighth" in transcripts), not "March second-quarter sales".
func (p *parser) ordinalDay(j int) bool {
	if p.tok(j) == nil || p.toks[j].kind != tWord || p.lw(j+1) == "-" {
		return false
	}
	if w := p.word(j + 1); w != nil && w.class&(cUnit|cPart) != 0 {
		return false
	}
	switch p.lw(j + 1) {
	case "quarter", "half", "straight", "consecutive", "time", "round", "largest", "biggest":
		return false
	}
	return true
}

// monthFirst: "July 28", "July 28, 2021", "July 27,2021", "July 1997",
// "July", "Sept. 30".
func (p *parser) monthFirst(i int) (match, bool) {
	t := &p.toks[i]
	mo := lexicon[t.lw].n
	abbr := len(t.lw) <= 4 && t.lw != "june" && t.lw != "july" && t.lw != "may"
	if !t.upper {
		return match{}, false
	}
	j := i + 1
	if abbr {
		if p.lw(j) == "." && p.adj(j) {
			j++
		} else if t.lw != "sept" && t.lw != "may" {
			if _, ok := p.num(j); !ok {
				return match{}, false
			}
		}
	}
	if d, k, ok := p.dayOfMonth(j); ok && (p.toks[j].kind == tNum || p.ordinalDay(j)) {
		m := match{from: i, to: k, kind: kAbs, typ: "DATE", p: point{g: gDay, m: mo, d: d}}
		// Year: "July 28, 2021", "July 27,2021", "July 28 2021".
		y := k
		if p.lw(y) == "," {
			y++
		}
		if n, ok := p.yearAt(y); ok && !(p.lw(y+1) == "-" && p.adj(y+1)) {
			m.to, m.p.y = y+1, n
		}
		if d > daysIn(mo) {
			return match{}, false
		}
		return m, true
	}
	// "the 5th of March" is handled from the number; here "March of 1990".
	k := j
	if p.lw(k) == "," || p.lw(k) == "of" {
		k++
	}
	if n, e, ok := p.yearAny(k); ok {
		return match{from: i, to: e, kind: kAbs, typ: "DATE", p: point{g: gMonth, y: n, m: mo}}, true
	}
	// "June last year", "January this year"
	if r := p.word(j); r != nil && r.class&cRel != 0 && p.lw(j+1) == "year" && (p.lw(j) == "this" || p.lw(j) == "last" || p.lw(j) == "next") {
		return match{from: i, to: j + 2, kind: kAbs, typ: "DATE", p: point{g: gMonth, m: mo}, yrel: r.n, hasYrel: true}, true
	}
	if p.lw(k) == "'" {
		if n, ok := p.num(k + 1); ok && len(p.lw(k+1)) == 2 {
			return match{from: i, to: k + 2, kind: kAbs, typ: "DATE", p: point{g: gMonth, y: 1900 + n, m: mo}}, true
		}
	}
	// A bare month name: "may" and "march" are verbs too.
	if t.lw == "may" || t.lw == "march" {
		prev := p.lw(i - 1)
		switch prev {
		case "in", "since", "until", "by", "of", "from", "through", "early", "late", "mid", "-", "last", "next", "this", "to", "the",
			"during", "before", "after", "between", "and", "till", "or", "that", "each", "every":
		default:
			return match{}, false
		}
	}
	if abbr && j == i+1 && t.lw != "sept" {
		return match{}, false
	}
	return match{from: i, to: j, kind: kAbs, typ: "DATE", p: point{g: gMonth, m: mo}}, true
}

func daysIn(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// weekday: "Thursday", "Thursday's", "Sunday evening", "Monday, Oct. 26".
func (p *parser) weekday(i int) (match, bool) {
	t := &p.toks[i]
	if !t.upper {
		return match{}, false
	}
	wd := lexicon[t.lw].n
	j := i + 1
	if len(t.lw) <= 5 && t.lw != "friday" {
		j = p.dot(j)
	}
	// Monday, Oct. 26 [, 1998]
	k := j
	if p.lw(k) == "," {
		k++
	}
	if p.has(k, cMonth) {
		if m, ok := p.monthFirst(k); ok && m.p.d > 0 {
			m.from, m.wd = i, wd
			return m, true
		}
	}
	if d, e, ok := p.dayOfMonth(k); ok && p.toks[k].kind == tNum && p.has(e, cMonth) {
		if m, ok := p.number(k); ok && m.p.d == d {
			m.from, m.wd = i, wd
			return m, true
		}
	}
	m := match{from: i, to: j, kind: kWeekday, typ: "DATE", wd: wd, rel: relNone}
	m.to = p.possessive(m.to)
	if pw := p.word(m.to); pw != nil && pw.class&cPart != 0 && m.to == j {
		m.to++
		m.part = pw.s
	}
	return m, true
}

// genericNoun lists nouns that make "today's" mean the present age.
func genericNoun(w string) bool {
	switch w {
	case "world", "society", "youth", "young", "generation", "children", "kids", "students", "consumers",
		"computers", "technology", "economy", "culture", "politics", "standards", "life", "families", "women", "men", "leaders", "jobs", "industries", "weapons", "cities":
		return true
	}
	return false
}

// dayWord: today, yesterday, tomorrow, tonight, with "'s" and a part of day.
func (p *parser) dayWord(i int) (match, bool) {
	lw := p.lw(i)
	// "today's world", "the people of tomorrow": the present or future
	// age, not a day.
	if (lw == "today" || lw == "tomorrow") && p.lw(i+1) == "'" && p.lw(i+2) == "s" && genericNoun(p.lw(i+3)) ||
		lw == "tomorrow" && p.lw(i-1) == "of" && genericNoun(p.lw(i-2)) || lw == "tomorrow" && p.lw(i-1) == "of" && p.lw(i-2) == "people" {
		return match{}, false
	}
	m := match{from: i, to: i + 1, kind: kDayRel, typ: "DATE", n: float64(lexicon[lw].n)}
	if lw == "tonight" {
		m.part = "NI"
	}
	m.to = p.possessive(m.to)
	if pw := p.word(m.to); pw != nil && pw.class&cPart != 0 && m.to == i+1 && lw != "tonight" {
		m.to++
		m.part = pw.s
	}
	return m, true
}

// season: "summer", "the summer of 1990", "last fall".
func (p *parser) season(i, rel, from int) (match, bool) {
	lw := p.lw(i)
	s := lexicon[lw].n
	m := match{from: from, to: i + 1, kind: kSeasonRel, typ: "DATE", p: point{g: gSeason, m: s}, rel: rel}
	k := i + 1
	if p.lw(k) == "of" || p.lw(k) == "," {
		k++
	}
	if y, e, ok := p.yearAny(k); ok {
		m.to, m.kind, m.p.y = e, kAbs, y
		return m, true
	}
	if rel == relNone {
		// Bare "fall" and "spring" are verbs and nouns too.
		prev := p.lw(from - 1)
		switch prev {
		case "in", "this", "last", "next", "the", "early", "late", "since", "until", "by", "during", "through", "mid", "-":
		default:
			if lw == "fall" || lw == "spring" || lw == "summer" || lw == "winter" && !p.toks[i].upper {
				if prev != "in" {
					return match{}, false
				}
			}
		}
	}
	return m, true
}

// unitAt reads a unit word at i (singular or plural).
func (p *parser) unitAt(i int) (unit, bool) {
	w := p.word(i)
	if w == nil || w.class&cUnit == 0 {
		return uNone, false
	}
	return w.u, true
}

func plural(s string) bool { return len(s) > 1 && s[len(s)-1] == 's' || s == "centuries" }

// relUnit: this/last/next/past/coming + week, month, year, weekend,
// quarter, month name, weekday, season, part of day; or + number + unit
// (a duration).
func (p *parser) relUnit(i int) (match, bool) {
	lw := p.lw(i)
	w := lexicon[lw]
	if w == nil || w.class&cRel == 0 {
		return match{}, false
	}
	rel := w.n
	j := i + 1
	if p.lw(j) == "fiscal" {
		j++
	}
	if lw == "last" {
		// "expected to last two days": the verb.
		switch p.lw(i - 1) {
		case "to", "will", "would", "could", "may", "might", "should", "can", "must", "'ll":
			return match{}, false
		}
	}
	// this/last + number + unit: "the past two months", "last five years"
	if n, known, k, ok := p.count(j); ok && lw != "that" && lw != "same" && lw != "these" && lw != "this" {
		if u, ok := p.unitAt(k); ok && (n != 1 || !known || p.lw(j) == "one") {
			m := match{from: i, to: k + 1, kind: kFixed, typ: "DURATION", val: durationValue(n, known, u)}

			return m, true
		}
	}
	// "the next day", "the next morning": the day after the one under
	// discussion.
	if lw == "next" && p.lw(i-1) == "the" {
		if u, ok := p.unitAt(j); ok && u == uDay && p.lw(j) == "day" {
			return match{from: i, to: j + 1, kind: kAnaphor, typ: "DATE", u: uDay, n: 1}, true
		}
		if pw := p.word(j); pw != nil && pw.class&cPart != 0 && p.lw(j) != "night" {
			return match{from: i, to: j + 1, kind: kAnaphor, typ: "DATE", u: uDay, n: 1}, true
		}
	}
	switch lw {
	case "that", "same", "following", "previous", "prior", "preceding":
		if u, ok := p.unitAt(j); ok && !plural(p.lw(j)) {
			n := float64(rel)
			return match{from: i, to: j + 1, kind: kAnaphor, typ: "DATE", u: u, n: n}, true
		}
		if lw == "that" || lw == "same" {
			return match{}, false
		}
	case "recent":
		if u, ok := p.unitAt(j); ok && plural(p.lw(j)) {
			m := match{from: i, to: j + 1, kind: kFixed, typ: "DATE", val: "PAST_REF"}
			if u < uYear {
				// "recent weeks" is a stretch of time, "recent years" the past.
				m.typ, m.val = "DURATION", durationValue(0, false, u)
			}
			// "recent weeks and months"
			if p.lw(j+1) == "and" || p.lw(j+1) == "or" {
				if _, ok := p.unitAt(j + 2); ok && plural(p.lw(j+2)) {
					m.to = j + 3
				}
			}
			return m, true
		}
		return match{}, false
	case "coming", "upcoming":
		if u, ok := p.unitAt(j); ok && plural(p.lw(j)) {
			return match{from: i, to: j + 1, kind: kFixed, typ: "DURATION", val: durationValue(0, false, u)}, true
		}
	case "these":
		return match{}, false
	}
	if u, ok := p.unitAt(j); ok {
		// "This Week" in title case is a programme's name.
		if p.toks[i].upper && p.toks[j].upper && p.toks[j].kind == tWord {
			return match{}, false
		}
		if plural(p.lw(j)) {
			switch lw {
			case "past", "last", "previous":
				return match{from: i, to: j + 1, kind: kFixed, typ: "DATE", val: "PAST_REF"}, true
			case "next", "coming":
				return match{from: i, to: j + 1, kind: kFixed, typ: "DURATION", val: durationValue(0, false, u)}, true
			}
			return match{}, false
		}
		if lw == "latest" && (u == uQuarter) {
			return match{from: i, to: j + 1, kind: kLatestPart, typ: "DATE", p: point{g: gQuarter}}, true
		}
		if lw == "latest" {
			return match{}, false
		}
		if u == uYear && p.lw(j+1) == "'" && p.lw(j+2) == "s" {
			if q, ok := p.ordinal(j + 3); ok && q.kind == kPartRel {
				q.from, q.rel = i, rel
				return q, true
			}
		}
		m := match{from: i, to: j + 1, kind: kUnitRel, typ: "DATE", u: u, rel: rel}
		if u == uDay || u == uHour || u == uMinute || u == uSecond {
			return match{}, false
		}
		if (u == uDecade || u == uCentury) && (lw == "past" || lw == "last") {
			// "the past decade" is the stretch up to now.
			return match{from: i, to: j + 1, kind: kFixed, typ: "DURATION", val: durationValue(1, true, u)}, true
		}
		if u == uCentury {
			m.kind, m.p.g = kUnitRel, gCentury
		}
		return m, true
	}
	if p.has(j, cMonth) && p.toks[j].upper {
		if m, ok := p.monthFirst(j); ok && m.p.y == 0 && m.p.d == 0 {
			return match{from: i, to: m.to, kind: kMonthRel, typ: "DATE", p: point{g: gMonth, m: m.p.m}, rel: rel}, true
		}
	}
	if p.has(j, cWeekday) {
		if m, ok := p.weekday(j); ok && m.kind == kAbs && (lw == "coming" || lw == "next" || lw == "last" || lw == "past") {
			// "coming Sunday, March 8": the date says which.
			m.from = i
			return m, true
		}
		if m, ok := p.weekday(j); ok && m.kind == kWeekday {
			m.from, m.rel = i, rel
			// "the previous Friday" counts from the day under discussion.
			m.anchorRef = lw == "previous" || lw == "preceding" || lw == "prior" || lw == "following"
			return m, true
		}
	}
	if p.has(j, cSeason) {
		return p.season(j, rel, i)
	}
	if pw := p.word(j); pw != nil && pw.class&cPart != 0 && (lw == "this" || lw == "last" || lw == "that") {
		m := match{from: i, to: j + 1, kind: kDayRel, typ: "TIME", part: pw.s}
		if lw == "last" {
			if pw.s != "NI" {
				return match{}, false
			}
			m.n = -1
		}
		if lw == "that" {
			m.kind, m.u, m.n = kAnaphor, uDay, 0
		}
		return m, true
	}
	// "this year's third quarter"
	return match{}, false
}

// count reads a number written in digits or words: "two", "twenty-four",
// "24", "a", "several", "a few", "5 1/2". known is false for vague counts.
func (p *parser) count(i int) (n float64, known bool, end int, ok bool) {
	if v, isNum := p.num(i); isNum {
		if len(p.lw(i)) > 6 {
			return 0, false, i, false
		}
		n, end = float64(v), i+1
		// 5 1/2
		if a, ok := p.num(end); ok && a == 1 && p.lw(end+1) == "/" && p.lw(end+2) == "2" {
			n += 0.5
			end += 3
		}
		// 1.5
		if p.lw(end) == "." && p.adj(end) && p.adj(end+1) {
			if f, ok := p.num(end + 1); ok && f < 10 && len(p.lw(end+1)) == 1 {
				n += float64(f) / 10
				end += 2
			}
		}
		return n, true, end, true
	}
	w := p.word(i)
	if w == nil || w.class&cNumWord == 0 {
		return 0, false, i, false
	}
	lw := p.lw(i)
	switch {
	case lw == "a" || lw == "an":
		switch p.lw(i + 1) {
		case "few":
			return 0, false, i + 2, true
		case "couple":
			if p.lw(i+2) == "of" {
				return 2, true, i + 3, true
			}
			return 2, true, i + 2, true
		case "half":
			return 0.5, true, i + 2, true
		case "hundred":
			return 100, true, i + 2, true
		case "thousand":
			return 1000, true, i + 2, true
		case "dozen":
			return 12, true, i + 2, true
		}
		return 1, true, i + 1, true
	case lw == "couple":
		if p.lw(i+1) == "of" {
			return 2, true, i + 2, true
		}
		return 2, true, i + 1, true
	case w.n == -1:
		return 0, false, i + 1, true
	case lw == "half":
		return 0.5, true, i + 1, true
	}
	n, end = float64(w.n), i+1
	if w.n >= 20 && w.n%10 == 0 && w.n < 100 {
		k := end
		if p.lw(k) == "-" {
			k++
		}
		if w2 := p.word(k); w2 != nil && w2.class&cNumWord != 0 && w2.n > 0 && w2.n < 10 {
			n += float64(w2.n)
			end = k + 1
		}
	}
	if p.lw(end) == "hundred" {
		n *= 100
		end++
	}
	if p.lw(end) == "thousand" {
		n *= 1000
		end++
	}
	// "two and a half years"
	if p.lw(end) == "and" && p.lw(end+1) == "a" && p.lw(end+2) == "half" {
		n += 0.5
		end += 3
	}
	return n, true, end, true
}

// numberWords: counts in words followed by a unit, and spelled years
// ("nineteen ninety-six").
func (p *parser) numberWords(i int) (match, bool) {
	if p.lw(i) == "nineteen" || p.lw(i) == "twenty" {
		if w := p.word(i + 1); w != nil && w.class&cNumWord != 0 && w.n >= 10 && w.n < 100 {
			n, _, end, _ := p.count(i + 1)
			base := 1900
			if p.lw(i) == "twenty" {
				base = 2000
			}
			return match{from: i, to: end, kind: kAbs, typ: "DATE", p: point{g: gYear, y: base + int(n)}}, true
		}
	}
	return p.countUnit(i)
}

// countUnit: "two years", "a 90-day", "two days ago", "a year earlier",
// "three-year".
func (p *parser) countUnit(i int) (match, bool) {
	n, known, j, ok := p.count(i)
	if !ok {
		return match{}, false
	}
	// A range keeps its first figure: "two to three weeks".
	if p.lw(j) == "to" || p.lw(j) == "or" || p.lw(j) == "-" && p.tok(j+1) != nil && p.toks[j+1].kind == tNum {
		if _, _, k, ok := p.count(j + 1); ok && p.lw(j+1) != "a" {
			if _, ok := p.unitAt(k); ok {
				j = k
			}
		}
	}
	if k, ok := p.hyphen(j); ok {
		j = k
	}
	if p.lw(j) == "more" || p.lw(j) == "additional" || p.lw(j) == "straight" || p.lw(j) == "consecutive" || p.lw(j) == "full" || p.lw(j) == "long" {
		if _, ok := p.unitAt(j + 1); ok {
			j++
		}
	}
	u, ok := p.unitAt(j)
	if !ok {
		return match{}, false
	}
	lw := p.lw(i)
	if (lw == "a" || lw == "an") && j == i+1 && p.lw(j) == "year" && p.lw(j+1) == "-" && (p.lw(j+2) == "earlier" || p.lw(j+2) == "ago") {
		// "a year-earlier loss": the article belongs to the noun.
		return match{}, false
	}
	if (lw == "a" || lw == "an") && j == i+1 {
		switch p.lw(j) {
		case "year", "month", "week", "day", "decade", "century", "fortnight", "quarter", "weekend", "hour", "minute":
		default:
			return match{}, false
		}
	}
	if u == uQuarter && known && n < 5 && p.toks[j].lw == "quarter" && lw != "a" && lw != "one" {
		return match{}, false
	}
	if u == uSecond && p.toks[j].lw == "second" && n != 1 || n >= 1000 && (u == uQuarter || u == uSecond) {
		return match{}, false
	}
	if p.toks[j].upper && p.toks[i].kind == tNum {
		// "60 Minutes" is a programme.
		return match{}, false
	}
	end := j + 1
	// "-long"; "-old" is an age, not a time.
	if p.lw(end) == "-" && p.adj(end) {
		switch p.lw(end + 1) {
		case "long":
			end += 2
		case "old":
			if known {
				return match{}, false
			}
			end += 2
		}
	}
	if p.lw(end) == "-" && p.lw(end+1) == "to" || p.lw(end) == "old" && known {
		return match{}, false
	}
	if u == uQuarter && (lw == "a" || lw == "one") && p.lw(end) == "of" && !p.has(end+1, cRel) {
		if _, ok := p.yearAt(end + 1); !ok && p.lw(end+2) != "year" {
			// "a quarter of the market" is a fraction.
			return match{}, false
		}
	}
	if u == uQuarter && plural(p.lw(j)) && j > 0 && p.lw(j-1) == "-" {
		// "three-quarters" is a fraction.
		return match{}, false
	}
	// "a minute and a half", "a week or so"
	if p.lw(end) == "and" && p.lw(end+1) == "a" && p.lw(end+2) == "half" && known {
		n += 0.5
		end += 3
	} else if p.lw(end) == "or" && p.lw(end+1) == "so" {
		end += 2
	}
	if lw == "one" && p.toks[j].lw == "day" && end == j+1 {
		switch p.lw(i - 1) {
		case "will", "would", "could", "may", "might", "can", "shall", "should":
			// "Islam will one day be": some day to come.
			return match{from: i, to: end, kind: kFixed, typ: "DATE", val: "FUTURE_REF"}, true
		}
	}
	adjectival := !plural(p.lw(j)) && n != 1 && known
	m := match{from: i, to: end, kind: kFixed, typ: "DURATION", val: durationValue(n, known, u), noThe: adjectival}
	switch p.lw(end) {
	case "ago":
		if !known {
			return match{from: i, to: end + 1, kind: kFixed, typ: "DATE", val: "PAST_REF"}, true
		}
		return match{from: i, to: end + 1, kind: kAgo, typ: "DATE", u: u, n: -n}, true
	case "earlier", "before", "later", "after", "hence", "from":
		next := p.lw(end)
		if next == "from" && p.lw(end+1) != "now" {
			break
		}
		if (next == "before" || next == "after") && !(p.tok(end+1) == nil || p.toks[end+1].kind == tPunct) {
			break
		}
		if !known || u <= uDay && (next == "earlier" || next == "later") {
			break
		}
		sign := -1.0
		if next == "later" || next == "after" || next == "hence" || next == "from" {
			sign = 1
		}
		to := end + 1
		if next == "from" {
			to++
		}
		return match{from: i, to: to, kind: kAgo, typ: "DATE", u: u, n: sign * n, anchorRef: next != "hence" && next != "from"}, true
	}
	// "$5 a year", "twice a day": a rate.
	if (lw == "a" || lw == "per") && known && n == 1 {
		if pt := p.tok(i - 1); pt != nil && (pt.kind == tNum || pt.lw == "%" || pt.lw == "percent" || pt.lw == "cents" || pt.lw == "dollars" ||
			pt.lw == "million" || pt.lw == "billion" || pt.lw == "times" || pt.lw == "twice" || pt.lw == "once") {
			return match{from: i, to: end, kind: kFixed, typ: "SET", val: durationValue(1, true, u)}, true
		}
	}
	return m, true
}

// ordinal: "third quarter", "third-quarter", "first half", "the first nine
// months", "the 5th of March" (with a number handled in number()).
func (p *parser) ordinal(i int) (match, bool) {
	w := p.word(i)
	if w == nil || w.class&cOrdinal == 0 {
		return match{}, false
	}
	j := i + 1
	hyph := false
	if k, ok := p.hyphen(j); ok {
		j, hyph = k, true
	}
	lw := p.lw(j)
	if lw == "fiscal" {
		j++
		lw = p.lw(j)
	}
	switch {
	case (lw == "quarter" || lw == "half") && (w.n <= 4 && lw == "quarter" || w.n <= 2):
		g := gQuarter
		if lw == "half" {
			g = gHalf
		}
		m := match{from: i, to: j + 1, kind: kPartRel, typ: "DATE", p: point{g: g, m: w.n}}
		// "of 1990", "of fiscal 1990", "of this year", "of next year"
		k := j + 1
		if p.lw(k) == "of" {
			k++
			if p.lw(k) == "fiscal" {
				k++
			}
			if y, ok := p.yearAt(k); ok {
				m.to, m.kind, m.p.y = k+1, kAbs, y
			} else if r := p.word(k); r != nil && r.class&cRel != 0 && p.lw(k+1) == "year" {
				m.to, m.rel = k+2, r.n
			} else if p.lw(k) == "the" && p.lw(k+1) == "year" {
				m.to = k + 2
			}
		} else if y, ok := p.yearAt(k); ok {
			m.to, m.kind, m.p.y = k+1, kAbs, y
		}
		// "the third-quarter loss": an adjective, without the determiner.
		m.noThe = hyph && m.to == j+1
		return m, true
	}
	// "the first nine months", "first two weeks": a duration.
	if n, known, k, ok := p.count(i + 1); ok && p.lw(i+1) != "a" {
		if u, ok := p.unitAt(k); ok && plural(p.lw(k)) {
			return match{from: i, to: k + 1, kind: kFixed, typ: "DURATION", val: durationValue(n, known, u)}, true
		}
	}
	if p.lw(i+1) == "century" {
		return match{from: i, to: i + 2, kind: kFixed, typ: "DATE", val: pad(w.n-1, 2), p: point{g: gCentury}}, true
	}
	// "the fifth of March"
	if p.lw(i+1) == "of" && p.has(i+2, cMonth) && w.n <= 31 {
		m := match{from: i, to: i + 3, kind: kAbs, typ: "DATE", p: point{g: gDay, m: lexicon[p.lw(i+2)].n, d: w.n}}
		if y, ok := p.yearAt(i + 3); ok {
			m.to, m.p.y = i+4, y
		}
		return m, true
	}
	return match{}, false
}

// set: every Monday, each year, daily.
func (p *parser) set(i int) (match, bool) {
	lw := p.lw(i)
	w := lexicon[lw]
	if w.u != uNone {
		if lw == "quarterly" || lw == "annually" {
			return match{}, false
		}
		// "average daily volume" is a statistic, not a recurrence.
		if p.lw(i-1) == "average" {
			return match{}, false
		}
		return match{from: i, to: i + 1, kind: kFixed, typ: "SET", val: durationValue(1, true, w.u)}, true
	}
	j := i + 1
	if p.lw(j) == "other" {
		j++
	}
	if pw := p.word(j); pw != nil && pw.class&cWeekday != 0 {
		return match{from: i, to: j + 1, kind: kFixed, typ: "SET", val: "XXXX-WXX-" + strconv.Itoa(pw.n)}, true
	}
	if pw := p.word(j); pw != nil && pw.class&cMonth != 0 && p.toks[j].upper {
		return match{from: i, to: j + 1, kind: kFixed, typ: "SET", val: "XXXX-" + pad(pw.n, 2)}, true
	}
	if pw := p.word(j); pw != nil && pw.class&cPart != 0 {
		return match{from: i, to: j + 1, kind: kFixed, typ: "SET", val: "XXXX-XX-XXT" + pw.s}, true
	}
	n, known, k := 1.0, true, j
	if c, kn, e, ok := p.count(j); ok && p.lw(j) != "a" {
		n, known, k = c, kn, e
	}
	if u, ok := p.unitAt(k); ok {
		if lw == "per" && k == j {
			// "per year" after an amount.
			return match{from: i, to: k + 1, kind: kFixed, typ: "SET", val: durationValue(n, known, u)}, true
		}
		return match{from: i, to: k + 1, kind: kFixed, typ: "SET", val: durationValue(n, known, u)}, true
	}
	return match{}, false
}

// holiday: Christmas, New Year's Day, Thanksgiving, Easter.
func (p *parser) holiday(i int) (match, bool) {
	t := &p.toks[i]
	if !t.upper {
		return match{}, false
	}
	j := i + 1
	name := t.lw
	switch t.lw {
	case "new":
		if p.lw(j) != "year" {
			return match{}, false
		}
		j = p.possessive(j + 1)
		if p.lw(j) == "day" || p.lw(j) == "eve" {
			name = "newyear" + p.lw(j)
			j++
		} else {
			return match{}, false
		}
		if name == "newyearday" {
			name = "newyear"
		}
		return match{from: i, to: j, kind: kHoliday, typ: "DATE", part: name, rel: relNone}, true
	case "independence", "election", "labor", "memorial", "boxing":
		if p.lw(j) != "day" || !p.toks[j].upper && t.lw != "election" {
			return match{}, false
		}
		return match{from: i, to: j + 1, kind: kHoliday, typ: "DATE", part: t.lw, rel: relNone}, true
	case "valentine":
		j = p.possessive(j)
		if p.lw(j) != "day" {
			return match{}, false
		}
		return match{from: i, to: j + 1, kind: kHoliday, typ: "DATE", part: t.lw, rel: relNone}, true
	case "christmas", "thanksgiving", "easter", "halloween":
		switch p.lw(j) {
		case "day":
			j++
		case "eve":
			name += "eve"
			j++
		}
		return match{from: i, to: j, kind: kHoliday, typ: "DATE", part: name, rel: relNone}, true
	}
	return match{}, false
}

var decadeWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
	"sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

var countedNouns = map[string]bool{
	"people": true, "troops": true, "soldiers": true, "workers": true, "employees": true, "shares": true, "cars": true,
	"units": true, "votes": true, "tons": true, "feet": true, "meters": true, "metres": true, "miles": true, "kilometers": true,
	"points": true, "dollars": true, "yen": true, "marks": true, "barrels": true, "jobs": true, "seats": true, "members": true,
	"cases": true, "deaths": true, "acres": true, "pounds": true, "euros": true, "francs": true, "students": true, "homes": true,
	"square": true, "words": true, "pages": true, "hectares": true, "residents": true, "civilians": true, "refugees": true,
	"percent": true, "per": true, "m": true, "km": true, "kg": true, "ft": true, "cc": true, "mm": true, "cm": true, "mw": true,
	"kilograms": true, "prisoners": true, "patients": true, "children": true, "others": true, "rooms": true, "hours": true,
	"minutes": true, "days": true, "weeks": true, "months": true, "years": true,
}

// number: everything that starts with digits.
func (p *parser) number(i int) (match, bool) {
	lwi := p.lw(i)
	n, ok := p.num(i)
	if !ok {
		return match{}, false
	}
	prev := p.tok(i - 1)
	if prev != nil && prev.kind == tPunct && (prev.lw == "$" || prev.lw == "£" || prev.lw == "€" || prev.lw == "#" || prev.lw == "." && p.adj(i) || prev.lw == "," && p.adj(i)) {
		return match{}, false
	}
	best, found := match{}, false
	try := func(m match, ok bool) {
		if ok && (!found || m.to > best.to) {
			best, found = m, true
		}
	}
	// ISO 2021-09-30, 2021-09, 1998-Q1
	if len(lwi) == 4 && p.lw(i+1) == "-" && p.adj(i+1) && p.adj(i+2) {
		if mo, ok := p.num(i + 2); ok && len(p.lw(i+2)) == 2 && mo >= 1 && mo <= 12 {
			if p.lw(i+3) == "-" && p.adj(i+3) {
				if d, ok := p.num(i + 4); ok && len(p.lw(i+4)) == 2 && d >= 1 && d <= daysIn(mo) && p.adj(i+4) {
					m := match{from: i, to: i + 5, kind: kAbs, typ: "DATE", p: point{g: gDay, y: n, m: mo, d: d}}
					// 2021-09-30T10:00
					if p.lw(i+5) == "t" && p.adj(i+5) {
						if hh, ok := p.num(i + 6); ok && p.lw(i+7) == ":" {
							if mm, ok := p.num(i + 8); ok && hh < 24 && mm < 60 {
								m = match{from: i, to: i + 9, kind: kAbs, typ: "TIME", p: point{g: gTime, y: n, m: mo, d: d, hh: hh, mm: mm}}
							}
						}
					}
					try(m, true)
				}
			}
		} else if p.lw(i+2) == "q" {
			if q, ok := p.num(i + 3); ok && q >= 1 && q <= 4 {
				try(match{from: i, to: i + 4, kind: kAbs, typ: "DATE", p: point{g: gQuarter, y: n, m: q}}, true)
			}
		}
	}
	// Numeric dates: 9/30/2021, 30/09/2021, 30.09.2021
	if sep := p.lw(i + 1); (sep == "/" || sep == "." && len(lwi) <= 2) && p.adj(i+1) && p.adj(i+2) && len(lwi) <= 2 {
		if b, ok := p.num(i + 2); ok && len(p.lw(i+2)) <= 2 && p.lw(i+3) == sep && p.adj(i+3) && p.adj(i+4) {
			if y, ok := p.num(i + 4); ok && (len(p.lw(i+4)) == 4 || len(p.lw(i+4)) == 2) {
				if y < 100 {
					y += 1900
					if y < 1950 {
						y += 100
					}
				}
				mo, d := n, b
				if sep == "." || n > 12 {
					mo, d = b, n
				}
				if mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo) {
					try(match{from: i, to: i + 5, kind: kAbs, typ: "DATE", p: point{g: gDay, y: y, m: mo, d: d}}, true)
				}
			}
		}
	}
	// Day first: "28 July 2021", "5th of March"
	if d, j, ok := p.dayOfMonth(i); ok {
		k := j
		if p.lw(k) == "of" {
			k++
		}
		if p.has(k, cMonth) && p.toks[k].upper {
			mo := lexicon[p.lw(k)].n
			e := p.dot(k + 1)
			if d <= daysIn(mo) {
				m := match{from: i, to: e, kind: kAbs, typ: "DATE", p: point{g: gDay, m: mo, d: d}}
				y := e
				if p.lw(y) == "," {
					y++
				}
				if yy, ok := p.yearAt(y); ok {
					m.to, m.p.y = y+1, yy
				}
				try(m, true)
			}
		}
	}
	// "the 20th century"
	if len(lwi) <= 2 && n >= 1 && n <= 30 && p.adj(i+1) {
		switch p.lw(i + 1) {
		case "st", "nd", "rd", "th":
			if p.lw(i+2) == "century" {
				try(match{from: i, to: i + 3, kind: kFixed, typ: "DATE", val: pad(n-1, 2), p: point{g: gCentury}}, true)
			}
		}
	}
	// Clock times.
	try(p.clock(i))
	// Counts with units.
	if !found {
		try(p.countUnit(i))
	}
	// Years and decades.
	if !found && len(lwi) == 4 && n >= 1000 && n < 2100 {
		if p.lw(i+1) == "s" && p.adj(i+1) && n%10 == 0 {
			try(match{from: i, to: i + 2, kind: kFixed, typ: "DATE", val: strconv.Itoa(n / 10), p: point{g: gDecade}}, true)
		} else if p.plausibleYear(i, n) {
			m := match{from: i, to: i + 1, kind: kAbs, typ: "DATE", p: point{g: gYear, y: n}}
			if q, ok := p.ordinal(i + 1); ok && q.kind == kPartRel {
				// "the 1988 second quarter"
				m.to, m.p = q.to, point{g: q.p.g, y: n, m: q.p.m}
			} else if p.lw(i+1) == "period" || p.lw(i+1) == "quarter" {
				m.to++
				m.p.g = gQuarter
			}
			try(m, true)
		}
	}
	return best, found
}

// plausibleYear rejects four-digit numbers that count things.
func (p *parser) plausibleYear(i, n int) bool {
	if n < 1800 || n > 2099 {
		return false
	}
	nx := p.tok(i + 1)
	if nx != nil {
		if nx.kind == tPunct && (nx.lw == "%" || nx.lw == ":" || (nx.lw == "," || nx.lw == ".") && !nx.space && p.tok(i+2) != nil && p.toks[i+2].kind == tNum && !p.toks[i+2].space) {
			return false
		}
		if nx.kind == tWord && countedNouns[nx.lw] {
			return false
		}
	}
	if pv := p.tok(i - 1); pv != nil && pv.kind == tWord && (pv.lw == "no" || pv.lw == "number" || pv.lw == "nos" || pv.lw == "route" || pv.lw == "flight" || pv.lw == "room") {
		return false
	}
	return true
}

// clock: "10am", "10 a.m.", "10:35 a.m. EDT", "8 a.m. GMT", "10:00 GMT",
// "4 in the morning", "9 o'clock".
func (p *parser) clock(i int) (match, bool) {
	hh, ok := p.num(i)
	if !ok || hh > 24 || len(p.lw(i)) > 2 {
		return match{}, false
	}
	j := i + 1
	mm := 0
	hasMin, dotSep := false, false
	if (p.lw(j) == ":" || p.lw(j) == "." && p.adj(j+1)) && p.adj(j) {
		if v, ok := p.num(j + 1); ok && len(p.lw(j+1)) == 2 && v < 60 {
			mm, hasMin, dotSep, j = v, true, p.lw(j) == ".", j+2
		}
	}
	m := match{from: i, kind: kTime, typ: "TIME"}
	ampm := ""
	switch p.lw(j) {
	case "am", "a.m.", "a.m", "pm", "p.m.", "p.m":
		ampm = p.lw(j)[:1]
		j++
		// "a.m" followed by "." at the end of a sentence is kept out.
	case "a", "p":
		if p.lw(j+1) == "." && p.lw(j+2) == "m" {
			ampm = p.lw(j)
			j += 3
			j = p.dot(j)
		}
	case "o":
		if p.lw(j+1) == "'" && p.lw(j+2) == "clock" {
			j += 3
			ampm = "o"
		}
	case "in":
		if p.lw(j+1) == "the" {
			switch p.lw(j + 2) {
			case "morning":
				ampm, j = "a", j+3
			case "afternoon", "evening":
				ampm, j = "p", j+3
			}
		}
	}
	zone := ""
	if w := p.word(j); w != nil && w.class&cZone != 0 && (p.toks[j].upper || w.s == "Z") && p.lw(j) != "z" && (ampm != "" || hasMin) {
		zone = w.s
		j++
	} else if p.lw(j) == "local" && p.lw(j+1) == "time" && (ampm != "" || hasMin) {
		j += 2
	}
	if ampm == "" && (!hasMin || dotSep) {
		return match{}, false
	}
	if ampm == "" {
		// A bare "10:35" is a time only next to a zone or after "at".
		if zone == "" && p.lw(i-1) != "at" && p.lw(i-1) != "until" && p.lw(i-1) != "by" && p.lw(i-1) != "from" && p.lw(i-1) != "around" {
			return match{}, false
		}
		if hh > 23 {
			return match{}, false
		}
	}
	switch ampm {
	case "a":
		if hh == 12 {
			hh = 0
		}
		if hh > 12 {
			return match{}, false
		}
	case "p":
		if hh < 12 {
			hh += 12
		}
		if hh > 23 {
			return match{}, false
		}
	}
	m.to = j
	m.p = point{g: gTime, hh: hh, mm: mm, zone: zone}
	if zone != "" {
		m.part = "zone"
	}
	return m, true
}
