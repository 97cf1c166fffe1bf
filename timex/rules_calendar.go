package timex

import (
	"strconv"

	"github.com/storyline-news/storyline/newstext"
)

// Month names: the first rule that matches decides.
func monthRules() []rule {
	return []rule{
		{name: "month day", on: cMonth, parse: (*parser).monthDay},
		{name: "month year", on: cMonth, parse: (*parser).monthYear},
		{name: "month last year", on: cMonth, parse: (*parser).monthRelYear},
		{name: "month '98", on: cMonth, parse: (*parser).monthShortYear},
		{name: "month alone", on: cMonth, parse: (*parser).monthAlone},
	}
}

// monthHead reads a capitalised month name with its abbreviation dot and
// returns the month and the index after it. An abbreviation without a dot
// must be followed by a number ("Jan 5"): "Mar" and "Dec" are names too.
func (p *parser) monthHead(i int) (mo, j int, abbr, ok bool) {
	t := &p.toks[i]
	if !t.upper {
		return 0, i, false, false
	}
	mo = p.g.lex[t.lw].n
	abbr = monthAbbreviation(t.lw)
	j = i + 1
	if !abbr {
		return mo, j, false, true
	}
	if p.lw(j) == "." && p.adj(j) {
		return mo, j + 1, true, true
	}
	if _, isNum := p.num(j); !isNum && t.lw != "sept" {
		return 0, i, false, false
	}
	return mo, j, true, true
}

// monthAbbreviation reports a month word that is no month's full name:
// "jan", "sept", "febr" (not "june", "july", "may").
func monthAbbreviation(lw string) bool {
	return !newstext.English().CalendarName(lw)
}

// monthDay: "July 28", "July 28, 2021", "July 27,2021", "July 28 2021",
// "March third".
func (p *parser) monthDay(i int) (match, outcome) {
	mo, j, _, ok := p.monthHead(i)
	if !ok {
		return match{}, veto
	}
	d, k, ok := p.dayOfMonth(j)
	if !ok || !p.isKind(j, tNum) && !p.ordinalDay(j) {
		return match{}, pass
	}
	if d > daysIn(mo) {
		return match{}, veto
	}
	m := match{from: i, to: k, kind: kAbs, typ: typeDate, p: point{g: gDay, m: mo, d: d}}
	y := k
	if p.lw(y) == "," {
		y++
	}
	if n, ok := p.yearAt(y); ok && !(p.lw(y+1) == "-" && p.adj(y+1)) {
		m.to, m.p.y = y+1, n
	}
	return m, found
}

// ordinalDay reports whether the ordinal word at j is a day of the month
// ("March eighth" in transcripts), not "March second-quarter sales".
func (p *parser) ordinalDay(j int) bool {
	if !p.isKind(j, tWord) || p.lw(j+1) == "-" || p.has(j+1, cUnit|cPart) {
		return false
	}
	return !p.lwIn(j+1, "quarter", "half", "straight", "consecutive", "time", "round", "largest", "biggest")
}

// yearPlace is where the year of "March of 1990" or "June, 1998" starts.
func (p *parser) yearPlace(j int) int {
	if p.lwIn(j, ",", "of") {
		return j + 1
	}
	return j
}

// monthYear: "July 1997", "March of 1990", "June nineteen ninety".
func (p *parser) monthYear(i int) (match, outcome) {
	mo, j, _, ok := p.monthHead(i)
	if !ok {
		return match{}, veto
	}
	y, e, ok := p.yearAny(p.yearPlace(j))
	if !ok {
		return match{}, pass
	}
	return match{from: i, to: e, kind: kAbs, typ: typeDate, p: point{g: gMonth, y: y, m: mo}}, found
}

// monthRelYear: "June last year", "January this year".
func (p *parser) monthRelYear(i int) (match, outcome) {
	mo, j, _, ok := p.monthHead(i)
	if !ok {
		return match{}, veto
	}
	if !p.lwIn(j, "this", "last", "next") || p.lw(j+1) != "year" {
		return match{}, pass
	}
	return match{from: i, to: j + 2, kind: kAbs, typ: typeDate, p: point{g: gMonth, m: mo}, yrel: p.word(j).n, hasYrel: true}, found
}

// monthShortYear: "June '98".
func (p *parser) monthShortYear(i int) (match, outcome) {
	mo, j, _, ok := p.monthHead(i)
	if !ok {
		return match{}, veto
	}
	k := p.yearPlace(j)
	n, ok := p.num(k + 1)
	if p.lw(k) != "'" || !ok || len(p.lw(k+1)) != 2 {
		return match{}, pass
	}
	return match{from: i, to: k + 2, kind: kAbs, typ: typeDate, p: point{g: gMonth, y: 1900 + n, m: mo}}, found
}

// monthAlone: "June"; "may" and "march" are verbs too, so they need a
// preposition or a determiner before them; "Sept" alone is the month, "Dec"
// alone is not.
func (p *parser) monthAlone(i int) (match, outcome) {
	mo, j, abbr, ok := p.monthHead(i)
	if !ok {
		return match{}, veto
	}
	lw := p.lw(i)
	if (lw == "may" || lw == "march") && !p.monthVerbContext(i) {
		return match{}, veto
	}
	if abbr && j == i+1 && lw != "sept" {
		return match{}, veto
	}
	return match{from: i, to: j, kind: kAbs, typ: typeDate, p: point{g: gMonth, m: mo}}, found
}

// monthVerbContext reports whether the word before "May" or "March" makes
// it the month.
func (p *parser) monthVerbContext(i int) bool {
	switch p.lw(i - 1) {
	case "in", "since", "until", "by", "of", "from", "through", "early", "late", "mid", "-", "last", "next", "this", "to", "the",
		"during", "before", "after", "between", "and", "till", "or", "that", "each", "every":
		return true
	}
	return false
}

// Weekdays: the first rule that matches decides.
func weekdayRules() []rule {
	return []rule{
		{name: "weekday with date", on: cWeekday, parse: (*parser).weekdayDate},
		{name: "weekday alone", on: cWeekday, parse: (*parser).weekdayAlone},
	}
}

// weekdayHead reads a capitalised weekday with its abbreviation dot and
// returns its ISO number and the index after it.
func (p *parser) weekdayHead(i int) (wd, j int, ok bool) {
	t := &p.toks[i]
	if !t.upper {
		return 0, i, false
	}
	j = i + 1
	if len(t.lw) <= 5 && t.lw != "friday" {
		j = p.dot(j)
	}
	return p.g.lex[t.lw].n, j, true
}

// weekdayDate: "Monday, Oct. 26", "Monday, Oct. 26, 1998", "Monday 26
// October": the date says which.
func (p *parser) weekdayDate(i int) (match, outcome) {
	wd, j, ok := p.weekdayHead(i)
	if !ok {
		return match{}, veto
	}
	k := j
	if p.lw(k) == "," {
		k++
	}
	if p.has(k, cMonth) {
		if m, ok := p.monthFirst(k); ok && m.p.d > 0 {
			m.from, m.wd = i, wd
			return m, found
		}
	}
	d, e, ok := p.dayOfMonth(k)
	if !ok || !p.isKind(k, tNum) || !p.has(e, cMonth) {
		return match{}, pass
	}
	if m, ok := p.core(k); ok && m.p.d == d {
		m.from, m.wd = i, wd
		return m, found
	}
	return match{}, pass
}

// weekdayAlone: "Thursday", "Thursday's", "Sunday evening".
func (p *parser) weekdayAlone(i int) (match, outcome) {
	wd, j, ok := p.weekdayHead(i)
	if !ok {
		return match{}, veto
	}
	m := match{from: i, to: j, kind: kWeekday, typ: typeDate, wd: wd, rel: relNone}
	m.to = p.possessive(m.to)
	if pw := p.word(m.to); pw != nil && pw.class&cPart != 0 && m.to == j {
		m.to++
		m.part = pw.s
	}
	return m, found
}

// Feasts: Christmas, New Year's Day, Thanksgiving, Easter.
func holidayRules() []rule {
	return []rule{
		{name: "New Year's Day", on: cHoliday, parse: (*parser).newYear},
		{name: "Independence Day", on: cHoliday, parse: (*parser).namedDay},
		{name: "Valentine's Day", on: cHoliday, parse: (*parser).valentine},
		{name: "Christmas", on: cHoliday, parse: (*parser).feast},
	}
}

func (p *parser) newYear(i int) (match, outcome) {
	if p.lw(i) != "new" || !p.upper(i) || p.lw(i+1) != "year" {
		return match{}, pass
	}
	j := p.possessive(i + 2)
	name := ""
	switch p.lw(j) {
	case "day":
		name = "newyear"
	case "eve":
		name = "newyeareve"
	default:
		return match{}, pass
	}
	return match{from: i, to: j + 1, kind: kHoliday, typ: typeDate, part: name, rel: relNone}, found
}

// namedDay: "Independence Day", "Labor Day", "Election Day" (also "election
// day").
func (p *parser) namedDay(i int) (match, outcome) {
	lw := p.lw(i)
	if !p.lwIn(i, "independence", "election", "labor", "memorial", "boxing") || !p.upper(i) ||
		p.lw(i+1) != "day" || !p.upper(i+1) && lw != "election" {
		return match{}, pass
	}
	return match{from: i, to: i + 2, kind: kHoliday, typ: typeDate, part: lw, rel: relNone}, found
}

func (p *parser) valentine(i int) (match, outcome) {
	if p.lw(i) != "valentine" || !p.upper(i) {
		return match{}, pass
	}
	j := p.possessive(i + 1)
	if p.lw(j) != "day" {
		return match{}, pass
	}
	return match{from: i, to: j + 1, kind: kHoliday, typ: typeDate, part: "valentine", rel: relNone}, found
}

// feast: "Christmas", "Christmas Day", "Christmas Eve", "Easter".
func (p *parser) feast(i int) (match, outcome) {
	if !p.lwIn(i, "christmas", "thanksgiving", "easter", "halloween") || !p.upper(i) {
		return match{}, pass
	}
	name, j := p.lw(i), i+1
	switch p.lw(j) {
	case "day":
		j++
	case "eve":
		name += "eve"
		j++
	}
	return match{from: i, to: j, kind: kHoliday, typ: typeDate, part: name, rel: relNone}, found
}

// Recurrences: "daily", "every Monday", "each year", "every two weeks".
func setRules() []rule {
	return []rule{
		{name: "daily", on: cSetWord, parse: (*parser).setAdverb},
		{name: "every Monday", on: cSetWord, parse: (*parser).everyWeekday},
		{name: "every January", on: cSetWord, parse: (*parser).everyMonth},
		{name: "every morning", on: cSetWord, parse: (*parser).everyPartOfDay},
		{name: "every two weeks", on: cSetWord, parse: (*parser).everyUnit},
	}
}

// setAdverb: "daily", "weekly", "nightly"; "quarterly" and "annually" are
// mostly about reports, "average daily volume" a statistic.
func (p *parser) setAdverb(i int) (match, outcome) {
	u := p.word(i).u
	if u == uNone {
		return match{}, pass
	}
	if p.lwIn(i, "quarterly", "annually") || p.lw(i-1) == "average" {
		return match{}, veto
	}
	return fixed(i, i+1, typeSet, durationValue(1, true, u)), found
}

// setHead is the index after "every" or "every other".
func (p *parser) setHead(i int) int {
	if p.lw(i+1) == "other" {
		return i + 2
	}
	return i + 1
}

func (p *parser) everyWeekday(i int) (match, outcome) {
	j := p.setHead(i)
	w := p.word(j)
	if w == nil || w.class&cWeekday == 0 {
		return match{}, pass
	}
	return fixed(i, j+1, typeSet, "XXXX-WXX-"+strconv.Itoa(w.n)), found
}

func (p *parser) everyMonth(i int) (match, outcome) {
	j := p.setHead(i)
	w := p.word(j)
	if w == nil || w.class&cMonth == 0 || !p.upper(j) {
		return match{}, pass
	}
	return fixed(i, j+1, typeSet, "XXXX-"+pad(w.n, 2)), found
}

func (p *parser) everyPartOfDay(i int) (match, outcome) {
	j := p.setHead(i)
	w := p.word(j)
	if w == nil || w.class&cPart == 0 {
		return match{}, pass
	}
	return fixed(i, j+1, typeSet, "XXXX-XX-XXT"+w.s), found
}

// everyUnit: "each year", "every two weeks", "per year".
func (p *parser) everyUnit(i int) (match, outcome) {
	j := p.setHead(i)
	n, known, k := 1.0, true, j
	if c, kn, e, ok := p.count(j); ok && p.lw(j) != "a" {
		n, known, k = c, kn, e
	}
	u, ok := p.unitAt(k)
	if !ok {
		return match{}, pass
	}
	return fixed(i, k+1, typeSet, durationValue(n, known, u)), found
}
