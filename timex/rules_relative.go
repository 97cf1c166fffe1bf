package timex

// Relative words (this, last, next, past, coming, that, the following...)
// and what they modify: the first rule that matches or vetoes decides.
func relativeRules() []rule {
	return []rule{
		{name: "relative word that is no time", on: cRel, starts: words("last these"), parse: (*parser).relNoTime},
		{name: "the past two months", on: cRel, parse: (*parser).relCount},
		{name: "the next day", on: cRel, starts: words("next"), parse: (*parser).theNextDay},
		{name: "that year", on: cRel, starts: words("that same following previous prior preceding"), parse: (*parser).relAnaphor},
		{name: "recent weeks", on: cRel, starts: words("recent"), parse: (*parser).recentUnits},
		{name: "coming weeks", on: cRel, starts: words("coming upcoming"), parse: (*parser).comingUnits},
		{name: "This Week (a title)", on: cRel, parse: (*parser).relTitle},
		{name: "past weeks", on: cRel, parse: (*parser).relPlural},
		{name: "the latest quarter", on: cRel, starts: words("latest"), parse: (*parser).latestUnit},
		{name: "this year's third quarter", on: cRel, parse: (*parser).relYearsPart},
		{name: "this week", on: cRel, parse: (*parser).relUnit},
		{name: "last June", on: cRel, parse: (*parser).relMonth},
		{name: "last Friday", on: cRel, parse: (*parser).relWeekday},
		{name: "last summer", on: cRel, parse: (*parser).relSeason},
		{name: "this morning", on: cRel, starts: words("this last"), parse: (*parser).relPartOfDay},
	}
}

// relHead is the relative word's offset (-1 last, 0 this, +1 next) and
// the index of what it modifies ("last fiscal year": "year").
func (p *parser) relHead(i int) (rel, j int) {
	j = i + 1
	if p.lw(j) == "fiscal" {
		j++
	}
	return p.word(i).n, j
}

// relNoTime: "expected to last two days" (the verb); "these" never starts
// a date but in "these days" (a fallback rule).
func (p *parser) relNoTime(i int) (match, outcome) {
	switch p.lw(i) {
	case "last":
		if p.lwIn(i-1, "to", "will", "would", "could", "may", "might", "should", "can", "must", "'ll") {
			return match{}, veto
		}
	case "these":
		return match{}, veto
	}
	return match{}, pass
}

// unitOK reports whether token j is a unit word.
func (p *parser) unitOK(j int) bool {
	_, ok := p.unitAt(j)
	return ok
}

// relCount: "the past two months", "last five years", "the next 12
// months": a stretch of time.
func (p *parser) relCount(i int) (match, outcome) {
	if p.lwIn(i, "that", "same", "these", "this") {
		return match{}, pass
	}
	_, j := p.relHead(i)
	n, known, k, ok := p.count(j)
	if !ok {
		return match{}, pass
	}
	u, ok := p.unitAt(k)
	if !ok || n == 1 && known && p.lw(j) != "one" {
		return match{}, pass
	}
	return fixed(i, k+1, typeDuration, durationValue(n, known, u)), found
}

// theNextDay: "the next day", "the next morning": the day after the one
// under discussion.
func (p *parser) theNextDay(i int) (match, outcome) {
	if p.lw(i) != "next" || p.lw(i-1) != "the" {
		return match{}, pass
	}
	_, j := p.relHead(i)
	pw := p.word(j)
	if p.lw(j) == "day" || pw != nil && pw.class&cPart != 0 && p.lw(j) != "night" {
		return match{from: i, to: j + 1, kind: kAnaphor, typ: typeDate, u: uDay, n: 1}, found
	}
	return match{}, pass
}

// relAnaphor: "that year", "the same month", "the following week", "the
// previous year": counted from the time under discussion. "That" and
// "same" start nothing else.
func (p *parser) relAnaphor(i int) (match, outcome) {
	if !p.lwIn(i, "that", "same", "following", "previous", "prior", "preceding") {
		return match{}, pass
	}
	rel, j := p.relHead(i)
	if u, ok := p.unitAt(j); ok && !plural(p.lw(j)) {
		return match{from: i, to: j + 1, kind: kAnaphor, typ: typeDate, u: u, n: float64(rel)}, found
	}
	if p.lwIn(i, "that", "same") {
		return match{}, veto
	}
	return match{}, pass
}

// recentUnits: "recent years" is the past; "recent weeks" a stretch of
// time; "recent weeks and months" one expression. "Recent" starts nothing
// else.
func (p *parser) recentUnits(i int) (match, outcome) {
	if p.lw(i) != "recent" {
		return match{}, pass
	}
	_, j := p.relHead(i)
	u, ok := p.unitAt(j)
	if !ok || !plural(p.lw(j)) {
		return match{}, veto
	}
	m := fixed(i, j+1, typeDate, "PAST_REF")
	if u < uYear {
		m.typ, m.val = typeDuration, durationValue(0, false, u)
	}
	if p.lwIn(j+1, "and", "or") && p.unitOK(j+2) && plural(p.lw(j+2)) {
		m.to = j + 3
	}
	return m, found
}

// comingUnits: "the coming weeks", "upcoming months": a vague stretch.
func (p *parser) comingUnits(i int) (match, outcome) {
	if !p.lwIn(i, "coming", "upcoming") {
		return match{}, pass
	}
	_, j := p.relHead(i)
	u, ok := p.unitAt(j)
	if !ok || !plural(p.lw(j)) {
		return match{}, pass
	}
	return fixed(i, j+1, typeDuration, durationValue(0, false, u)), found
}

// relTitle: "This Week" in title case is a programme's name.
func (p *parser) relTitle(i int) (match, outcome) {
	_, j := p.relHead(i)
	if p.unitOK(j) && p.upper(i) && p.upper(j) && p.isKind(j, tWord) {
		return match{}, veto
	}
	return match{}, pass
}

// relPlural: "the past weeks" is the past, "the next weeks" a vague
// stretch; other relative words with plural units are no time.
func (p *parser) relPlural(i int) (match, outcome) {
	_, j := p.relHead(i)
	u, ok := p.unitAt(j)
	if !ok || !plural(p.lw(j)) {
		return match{}, pass
	}
	switch p.lw(i) {
	case "past", "last", "previous":
		return fixed(i, j+1, typeDate, "PAST_REF"), found
	case "next", "coming":
		return fixed(i, j+1, typeDuration, durationValue(0, false, u)), found
	}
	return match{}, veto
}

// latestUnit: "the latest quarter" is the last one reported; "latest"
// with another unit is no time.
func (p *parser) latestUnit(i int) (match, outcome) {
	_, j := p.relHead(i)
	u, ok := p.unitAt(j)
	if !ok || p.lw(i) != "latest" {
		return match{}, pass
	}
	if u != uQuarter {
		return match{}, veto
	}
	return match{from: i, to: j + 1, kind: kLatestPart, typ: typeDate, p: point{g: gQuarter}}, found
}

// relYearsPart: "this year's third quarter".
func (p *parser) relYearsPart(i int) (match, outcome) {
	rel, j := p.relHead(i)
	if u, ok := p.unitAt(j); !ok || u != uYear || p.lw(j+1) != "'" || p.lw(j+2) != "s" {
		return match{}, pass
	}
	q, ok := p.ordinal(j + 3)
	if !ok || q.kind != kPartRel {
		return match{}, pass
	}
	q.from, q.rel = i, rel
	return q, found
}

// relUnit: "this week", "last month", "next year", "last decade" (the
// one before this, as TimeBank has it), "the past decade" and "over the
// last decade" (the stretch up to now), "this century"; not "last day" or
// "next hour".
func (p *parser) relUnit(i int) (match, outcome) {
	rel, j := p.relHead(i)
	u, ok := p.unitAt(j)
	if !ok {
		return match{}, pass
	}
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return match{}, veto
	case uDecade, uCentury:
		if p.lw(i) == "past" || p.lw(i) == "last" && p.stretchBefore(i) {
			return fixed(i, j+1, typeDuration, durationValue(1, true, u)), found
		}
	}
	m := match{from: i, to: j + 1, kind: kUnitRel, typ: typeDate, u: u, rel: rel}
	if u == uCentury {
		m.p.g = gCentury
	}
	return m, found
}

// stretchBefore reports a word of extent before the phrase at i (or its
// "the"): "over the last decade", "for the last century", "spent the last
// decade".
func (p *parser) stretchBefore(i int) bool {
	k := i - 1
	if p.lw(k) == "the" {
		k--
	}
	return p.lwIn(k, "over", "for", "throughout", "through", "across", "during", "spent", "spend", "spends", "spending")
}

// relMonth: "last June", "this March".
func (p *parser) relMonth(i int) (match, outcome) {
	rel, j := p.relHead(i)
	if !p.has(j, cMonth) || !p.upper(j) {
		return match{}, pass
	}
	m, ok := p.monthFirst(j)
	if !ok || m.p.y != 0 || m.p.d != 0 {
		return match{}, pass
	}
	return match{from: i, to: m.to, kind: kMonthRel, typ: typeDate, p: point{g: gMonth, m: m.p.m}, rel: rel}, found
}

// relWeekday: "last Friday", "next Tuesday", "the previous Friday" (from
// the day under discussion), "coming Sunday, March 8" (the date says
// which).
func (p *parser) relWeekday(i int) (match, outcome) {
	rel, j := p.relHead(i)
	if !p.has(j, cWeekday) {
		return match{}, pass
	}
	m, ok := p.weekday(j)
	if !ok {
		return match{}, pass
	}
	lw := p.lw(i)
	switch {
	case m.kind == kAbs && p.lwIn(i, "coming", "next", "last", "past"):
		m.from = i
		return m, found
	case m.kind == kWeekday:
		m.from, m.rel = i, rel
		m.anchorRef = lw == "previous" || lw == "preceding" || lw == "prior" || lw == "following"
		return m, found
	}
	return match{}, pass
}

// relSeason: "last fall", "this summer".
func (p *parser) relSeason(i int) (match, outcome) {
	rel, j := p.relHead(i)
	if !p.has(j, cSeason) {
		return match{}, pass
	}
	if m, ok := p.season(j, rel, i); ok {
		return m, found
	}
	return match{}, veto
}

// relPartOfDay: "this morning", "last night" (of the other parts of the
// day only "last night" is said).
func (p *parser) relPartOfDay(i int) (match, outcome) {
	_, j := p.relHead(i)
	pw := p.word(j)
	if pw == nil || pw.class&cPart == 0 || !p.lwIn(i, "this", "last") {
		return match{}, pass
	}
	m := match{from: i, to: j + 1, kind: kDayRel, typ: typeTime, part: pw.s}
	if p.lw(i) == "last" {
		if pw.s != "NI" {
			return match{}, veto
		}
		m.n = -1
	}
	return m, found
}
