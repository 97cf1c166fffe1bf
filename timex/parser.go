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
	kNone       kind = 255  // dropped: a day swallowed by the clock time before it
)

const relNone = -99

// match is one time expression found in the token stream, before
// normalisation.
type match struct {
	from, to int // token range [from, to)
	p        point
	val      string // kFixed
	part     string
	rule     string  // the rules that made the match, outermost first (only when tracing)
	n        float64 // units: "two days ago" is -2 days; a placed duration's count
	wd       int
	rel      int
	day      int // kTime: 1 + index of the day match it swallowed
	yrel     int // kAbs: year relative to the DCT's ("June last year")
	kind     kind
	typ      timexType
	u        unit
	place    place // a duration that says when: n units (u) from the DCT or the date under discussion
	// anchorRef: kAgo from the reference time rather than the DCT.
	anchorRef bool
	noThe     bool // the grammar consumed a leading "the" that must not be in the span
	hasYrel   bool
	cont      bool // the second day of "April 24 and 25": same year as the first
}

// place says what a duration that places something in time ("in three
// weeks", "two days later") counts from; its anchor is that point moved by
// the match's n units u.
type place uint8

const (
	placeNone     place = iota
	placeDCT            // "within a year": from the DCT, in a clause not in the past
	placeDCTAhead       // "In three weeks, ...": from the DCT, in a clause about the future
	placeRef            // "two days later": from the day under discussion
)

// timexType is the TIMEX3 type of an expression.
type timexType uint8

const (
	typeDate timexType = iota
	typeTime
	typeDuration
	typeSet
)

func (t timexType) String() string {
	switch t {
	case typeTime:
		return "TIME"
	case typeDuration:
		return "DURATION"
	case typeSet:
		return "SET"
	}
	return "DATE"
}

// fixed is a match whose value the text alone gives.
func fixed(from, to int, typ timexType, val string) match {
	return match{from: from, to: to, kind: kFixed, typ: typ, val: val}
}

type parser struct {
	g      *grammar
	text   string
	toks   []token
	noPoss bool   // keep "'s" out of spans (TimeBank style)
	trace  bool   // record in each match the rules that made it
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

// lwIn reports whether token i is one of the words ws.
func (p *parser) lwIn(i int, ws ...string) bool {
	lw := p.lw(i)
	for _, w := range ws {
		if lw == w {
			return true
		}
	}
	return false
}

// isKind reports whether token i exists and is of kind k.
func (p *parser) isKind(i int, k uint8) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == k
}

// upper reports whether token i exists and starts with a capital.
func (p *parser) upper(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].upper
}

func (p *parser) word(i int) *word {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return nil
	}
	return p.g.entries[p.toks[i].id]
}

// known reports whether w is a word of the lexicon.
func (p *parser) known(w string) bool { return p.g.lex[w] != nil }

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

// spelledYear reads "nineteen ninety-four" or "twenty twelve" at i and
// returns the index after it.
func (p *parser) spelledYear(i int) (int, int, bool) {
	base := 0
	switch p.lw(i) {
	case "nineteen":
		base = 1900
	case "twenty":
		base = 2000
	default:
		return 0, i, false
	}
	w := p.word(i + 1)
	if w == nil || w.class&cNumWord == 0 || w.n < 10 || w.n >= 100 {
		return 0, i, false
	}
	n, _, end, _ := p.count(i + 1)
	return base + int(n), end, true
}

// yearAny reads a year in digits or words ("nineteen ninety-four") at i
// and returns the index after it.
func (p *parser) yearAny(i int) (int, int, bool) {
	if y, ok := p.yearAt(i); ok {
		return y, i + 1, true
	}
	return p.spelledYear(i)
}

// dayOfMonth reads "30", "30th", "1st" or "thirtieth" at i and returns the
// index after it.
func (p *parser) dayOfMonth(i int) (int, int, bool) {
	n, ok := p.num(i)
	if !ok || n < 1 || n > 31 || len(p.lw(i)) > 2 {
		if w := p.word(i); w != nil && w.class&cOrdinal != 0 && w.n <= 31 {
			return w.n, i + 1, true
		}
		return 0, i, false
	}
	j := i + 1
	if p.lwIn(j, "st", "nd", "rd", "th") && p.adj(j) {
		j++
	}
	// Not a clock time or a thousands group.
	if p.lw(j) == ":" && p.adj(j) && p.adj(j+1) {
		if _, ok := p.num(j + 1); ok {
			return 0, i, false
		}
	}
	return n, j, true
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

// unitAt reads a unit word at i (singular or plural).
func (p *parser) unitAt(i int) (unit, bool) {
	w := p.word(i)
	if w == nil || w.class&cUnit == 0 {
		return uNone, false
	}
	return w.u, true
}

func plural(s string) bool { return len(s) > 1 && s[len(s)-1] == 's' || s == "centuries" }
