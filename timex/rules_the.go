package timex

// What may follow "the": each rule is tried on the word after it (j); the
// last one is the core grammar, which decides whether "the" belongs to the
// span.
func afterTheRules() []rule {
	return []rule{
		{name: "the future", starts: words("future"), parse: (*parser).theFuture},
		{name: "the present", starts: words("present"), parse: (*parser).thePresent},
		{name: "the near future", starts: words("near"), parse: (*parser).theNearTerm},
		{name: "the year 1990", starts: words("year"), parse: (*parser).theYearNumber},
		{name: "the year-ago period", starts: words("year"), parse: (*parser).theYearAgo},
		{name: "throughout the year", starts: words("year"), parse: (*parser).throughoutTheYear},
		{name: "the year", starts: words("year"), parse: (*parser).theYear},
		{name: "the full year", starts: words("full entire whole"), parse: (*parser).theFullYear},
		{name: "at the time", starts: words("time"), parse: (*parser).atTheTime},
		{name: "the long term", starts: words("short long medium"), parse: (*parser).theLongTerm},
		{name: "the current X", starts: words("current recent"), parse: (*parser).theCurrent},
		{name: "the quarter", starts: words("quarter period"), parse: (*parser).theQuarter},
		{name: "the same year-ago period", starts: words("same comparable corresponding"), parse: (*parser).theSameYearAgo},
		{name: "the next X", starts: words("past latest same previous prior preceding following next last coming"), parse: (*parser).theRelative},
		{name: "the past (vague)", starts: words("past"), parse: (*parser).thePast},
		{name: "the latest quarter", starts: words("latest"), parse: (*parser).theLatestQuarter},
		{name: "the fiscal year", starts: words("fiscal"), parse: (*parser).theFiscalYear},
		{name: "the weekend", starts: words("weekend"), parse: (*parser).theWeekend},
		{name: "over the years", starts: words("days weeks months years"), parse: (*parser).overTheYears},
		{name: "the day before yesterday", starts: words("day"), parse: (*parser).theDayBefore},
		{name: "the X", parse: (*parser).theCore},
	}
}

// thePast: "in the past" when no unit or count follows ("the past two
// months" is theRelative's).
func (p *parser) thePast(j int) (match, outcome) {
	if p.lw(j) != "past" || p.has(j+1, cUnit|cNumWord) || p.tok(j+1) == nil || p.isKind(j+1, tNum) {
		return match{}, pass
	}
	return fixed(j, j+1, typeDate, "PAST_REF"), found
}

// theFuture: "the future"; in "the future dialogue" it is an adjective,
// annotated without its determiner.
func (p *parser) theFuture(j int) (match, outcome) {
	if p.lw(j) != "future" {
		return match{}, pass
	}
	m := fixed(j, j+1, typeDate, "FUTURE_REF")
	if nx := p.tok(j + 1); nx != nil && nx.kind == tWord && !p.known(nx.lw) && !nx.upper && !functionWord(nx.lw) {
		m.noThe = true
	}
	return m, found
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

// thePresent: "the present" before punctuation.
func (p *parser) thePresent(j int) (match, outcome) {
	if p.lw(j) != "present" || p.has(j+1, cUnit) || !p.isKind(j+1, tPunct) {
		return match{}, pass
	}
	return fixed(j, j+1, typeDate, "PRESENT_REF"), found
}

// theNearTerm: "the near term", "the near future".
func (p *parser) theNearTerm(j int) (match, outcome) {
	if p.lw(j) != "near" || !p.lwIn(j+1, "term", "future") {
		return match{}, pass
	}
	return fixed(j, j+2, typeDate, "FUTURE_REF"), found
}

// theYearNumber: "the year 1990", "the year two thousand".
func (p *parser) theYearNumber(j int) (match, outcome) {
	if p.lw(j) != "year" {
		return match{}, pass
	}
	if n, ok := p.num(j + 1); ok && n >= 1000 && n < 3000 {
		return match{from: j, to: j + 2, kind: kAbs, typ: typeDate, p: point{g: gYear, y: n}}, found
	}
	if p.lw(j+1) == "two" && p.lw(j+2) == "thousand" {
		return match{from: j, to: j + 3, kind: kAbs, typ: typeDate, p: point{g: gYear, y: 2000}}, found
	}
	return match{}, pass
}

// theYearAgo: "the year-ago quarter"; any other "the year-" is not a time.
func (p *parser) theYearAgo(j int) (match, outcome) {
	if p.lw(j) != "year" || p.lw(j+1) != "-" {
		return match{}, pass
	}
	if m, ok := p.yearAgo(j); ok {
		return m, found
	}
	return match{}, veto
}

// throughoutTheYear: the whole stretch.
func (p *parser) throughoutTheYear(j int) (match, outcome) {
	if p.lw(j) != "year" || p.lw(j-2) != "throughout" {
		return match{}, pass
	}
	return fixed(j, j+1, typeDuration, "P1Y"), found
}

// theYear: the current year; "the year ended Sept. 30" is a stretch; "the
// year before" is left to the core.
func (p *parser) theYear(j int) (match, outcome) {
	if p.lw(j) != "year" {
		return match{}, pass
	}
	switch p.lw(j + 1) {
	case "ended", "ending":
		return fixed(j, j+1, typeDuration, "P1Y"), found
	case "before", "earlier", "ago", "'":
		return match{}, pass
	}
	return match{from: j, to: j + 1, kind: kUnitRel, typ: typeDate, u: uYear, rel: 0}, found
}

// theFullYear: "the full year", "the entire year".
func (p *parser) theFullYear(j int) (match, outcome) {
	if !p.lwIn(j, "full", "entire", "whole") || p.lw(j+1) != "year" {
		return match{}, pass
	}
	return match{from: j, to: j + 2, kind: kUnitRel, typ: typeDate, u: uYear, rel: 0}, found
}

// atTheTime: "at the time" closing a clause.
func (p *parser) atTheTime(j int) (match, outcome) {
	if p.lw(j) != "time" || p.lw(j-2) != "at" || !p.isKind(j+1, tPunct) {
		return match{}, pass
	}
	return fixed(j, j+1, typeDate, "PAST_REF"), found
}

// theLongTerm: "the short term", "the long term".
func (p *parser) theLongTerm(j int) (match, outcome) {
	if !p.lwIn(j, "short", "long", "medium") || p.lw(j+1) != "term" {
		return match{}, pass
	}
	return fixed(j, j+2, typeDate, "FUTURE_REF"), found
}

// theCurrent: "the current quarter"; "the current" of anything else is no
// time.
func (p *parser) theCurrent(j int) (match, outcome) {
	if !p.lwIn(j, "current", "recent") {
		return match{}, pass
	}
	m, ok := p.core(j)
	if !ok {
		return match{}, veto
	}
	m.noThe = m.kind == kFixed && m.typ == typeDate
	return m, found
}

// theQuarter: "the quarter" is the last reported one; "the quarter-end"
// and "the period-" are no time.
func (p *parser) theQuarter(j int) (match, outcome) {
	if !p.lwIn(j, "quarter", "period") {
		return match{}, pass
	}
	if p.lw(j+1) == "-" {
		return match{}, veto
	}
	if p.lw(j) != "quarter" {
		return match{}, pass
	}
	return match{from: j, to: j + 1, kind: kLatestPart, typ: typeDate, p: point{g: gQuarter}}, found
}

// theSameYearAgo: "the comparable year-ago quarter".
func (p *parser) theSameYearAgo(j int) (match, outcome) {
	if !p.lwIn(j, "same", "comparable", "corresponding") {
		return match{}, pass
	}
	m, ok := p.yearAgo(j + 1)
	if !ok || m.noThe {
		return match{}, pass
	}
	m.from = j
	return m, found
}

// theRelative: "the past two months", "the next week", "the previous
// Friday".
func (p *parser) theRelative(j int) (match, outcome) {
	if !p.lwIn(j, "past", "latest", "same", "previous", "prior", "preceding", "following", "next", "last", "coming") {
		return match{}, pass
	}
	return outcomeOf(p.firstOf(p.g.relative, j))
}

// theLatestQuarter: "the latest period", "the latest quarter", "the latest
// fiscal year": the last one reported.
func (p *parser) theLatestQuarter(j int) (match, outcome) {
	if p.lw(j) != "latest" {
		return match{}, pass
	}
	if p.lwIn(j+1, "period", "quarter") {
		return match{from: j, to: j + 2, kind: kLatestPart, typ: typeDate, p: point{g: gQuarter}}, found
	}
	if p.lw(j+1) == "fiscal" && p.lw(j+2) == "year" {
		return match{from: j, to: j + 3, kind: kLatestPart, typ: typeDate, p: point{g: gYear}}, found
	}
	return match{}, pass
}

// theFiscalYear: "lower earnings for the fiscal year" is the current one;
// "the fiscal year ended Sept. 30" stays a duration.
func (p *parser) theFiscalYear(j int) (match, outcome) {
	if p.lw(j) != "fiscal" || p.lw(j+1) != "year" {
		return match{}, pass
	}
	if p.lwIn(j+2, "ended", "ending", "-") || p.lw(j-2) == "throughout" {
		return fixed(j, j+2, typeDuration, "P1Y"), found
	}
	return match{from: j, to: j + 2, kind: kUnitRel, typ: typeDate, u: uYear, rel: 0}, found
}

// theWeekend: which weekend depends on the tense (resolver.weekend).
func (p *parser) theWeekend(j int) (match, outcome) {
	if p.lw(j) != "weekend" {
		return match{}, pass
	}
	return match{from: j, to: j + 1, kind: kUnitRel, typ: typeDate, u: uWeekend, rel: relNone}, found
}

// overTheYears: "over the years", "the weeks ahead": a vague stretch.
func (p *parser) overTheYears(j int) (match, outcome) {
	if !p.lwIn(j, "days", "weeks", "months", "years") {
		return match{}, pass
	}
	val := durationValue(0, false, p.g.lex[p.lw(j)].u)
	if p.lwIn(j-2, "over", "through", "throughout", "across") {
		return fixed(j, j+1, typeDuration, val), found
	}
	if p.lw(j+1) == "ahead" {
		return fixed(j, j+2, typeDuration, val), found
	}
	return match{}, pass
}

// theDayBefore: "the day before yesterday" is two days back, "the day
// after tomorrow" two ahead; "the day before." is the day before the one
// under discussion.
func (p *parser) theDayBefore(j int) (match, outcome) {
	if p.lw(j) != "day" || !p.lwIn(j+1, "before", "after") {
		return match{}, pass
	}
	n := -1.0
	if p.lw(j+1) == "after" {
		n = 1
	}
	if p.lwIn(j+2, "yesterday", "tomorrow") {
		return match{from: j, to: j + 3, kind: kDayRel, typ: typeDate, n: n + float64(p.word(j+2).n)}, found
	}
	if !p.isKind(j+2, tPunct) {
		return match{}, pass
	}
	return match{from: j, to: j + 2, kind: kAnaphor, typ: typeDate, u: uDay, n: n}, found
}

// theCore: the core grammar after "the"; dates that name their day, month
// or year are annotated without the determiner, decades and periods with
// it.
func (p *parser) theCore(j int) (match, outcome) {
	m, ok := p.core(j)
	if !ok {
		return match{}, pass
	}
	switch m.kind {
	case kAbs:
		m.noThe = m.noThe || m.p.g == gDay || m.p.g == gMonth || m.p.g == gYear
	case kWeekday, kHoliday:
		m.noThe = true
	case kFixed:
		if m.typ == typeDate && startsWithDigit(m.val) && m.p.g != gDecade && m.p.g != gCentury {
			m.noThe = true
		}
	}
	return m, found
}
