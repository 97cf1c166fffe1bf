package timex

// The core grammar at a word: the longest match of these rules wins.
func wordRules() []rule {
	return []rule{
		{name: "month", on: cMonth, parse: (*parser).monthRule},
		{name: "weekday", on: cWeekday, parse: (*parser).weekdayRule},
		{name: "today / yesterday / tomorrow", on: cDayWord, parse: (*parser).dayWord},
		{name: "spelled year", on: cNumWord, parse: (*parser).spelledYearRule},
		{name: "count and unit", on: cNumWord | cOrdinal, parse: (*parser).countUnitRule},
		{name: "ordinal", on: cOrdinal, parse: (*parser).ordinalRule},
		{name: "relative", on: cRel, parse: (*parser).relativeRule},
		{name: "season", on: cSeason, parse: (*parser).seasonRule},
		{name: "set", on: cSetWord, parse: (*parser).setRule},
		{name: "holiday", on: cHoliday, parse: (*parser).holidayRule},
		{name: "noon / midnight", on: cTimeWord, parse: (*parser).clockWord},
		{name: "the twenties", starts: words("twenties thirties forties fifties sixties seventies eighties nineties"), parse: (*parser).decadeWord},
	}
}

// The core grammar at a word when no word rule matched: the first match
// wins.
func wordFallbackRules() []rule {
	return []rule{
		{name: "now / recently", on: cRefWord, parse: (*parser).refWord},
		{name: "decades-long", on: cUnit, parse: (*parser).unitLong},
		{name: "for weeks", on: cUnit, parse: (*parser).barePlural},
		{name: "fiscal 1989", starts: words("fiscal fy"), parse: (*parser).fiscal},
		{name: "Q3 / H1", starts: words("q h"), parse: (*parser).quarterCode},
		{name: "as soon as possible", starts: words("as"), parse: (*parser).asSoonAsPossible},
		{name: "year-earlier", starts: words("year"), parse: (*parser).yearAgoRule},
		{name: "year's end", starts: words("year yearend"), parse: (*parser).yearsEnd},
		{name: "year-end", starts: words("year yearend"), parse: (*parser).yearEnd},
		{name: "a while", starts: words("a"), parse: (*parser).aWhile},
		{name: "these days", starts: words("these"), parse: (*parser).theseDays},
		{name: "at present", starts: words("at"), parse: (*parser).atPresent},
	}
}

func (p *parser) monthRule(i int) (match, outcome)   { return outcomeOf(p.monthFirst(i)) }
func (p *parser) weekdayRule(i int) (match, outcome) { return outcomeOf(p.weekday(i)) }
func (p *parser) ordinalRule(i int) (match, outcome) { return outcomeOf(p.ordinal(i)) }
func (p *parser) relativeRule(i int) (match, outcome) {
	return outcomeOf(p.firstOf(p.g.relative, i))
}
func (p *parser) seasonRule(i int) (match, outcome) { return outcomeOf(p.season(i, relNone, i)) }
func (p *parser) setRule(i int) (match, outcome)    { return outcomeOf(p.firstOf(p.g.sets, i)) }
func (p *parser) holidayRule(i int) (match, outcome) {
	return outcomeOf(p.firstOf(p.g.holidays, i))
}

// monthFirst: "July 28", "July 28, 2021", "July 1997", "June last year",
// "July", "Sept. 30".
func (p *parser) monthFirst(i int) (match, bool) { return p.firstOf(p.g.months, i) }

// weekday: "Thursday", "Thursday's", "Sunday evening", "Monday, Oct. 26".
func (p *parser) weekday(i int) (match, bool) { return p.firstOf(p.g.weekdays, i) }

// genericNoun lists nouns that make "today's" mean the present age.
func genericNoun(w string) bool {
	switch w {
	case "world", "society", "youth", "young", "generation", "children", "kids", "students", "consumers",
		"computers", "technology", "economy", "culture", "politics", "standards", "life", "families", "women", "men", "leaders", "jobs", "industries", "weapons", "cities":
		return true
	}
	return false
}

// presentAge reports "today's world", "the people of tomorrow": the
// present or future age, not a day.
func (p *parser) presentAge(i int) bool {
	switch p.lw(i) {
	case "today":
		return p.lw(i+1) == "'" && p.lw(i+2) == "s" && genericNoun(p.lw(i+3))
	case "tomorrow":
		return p.lw(i+1) == "'" && p.lw(i+2) == "s" && genericNoun(p.lw(i+3)) ||
			p.lw(i-1) == "of" && (genericNoun(p.lw(i-2)) || p.lw(i-2) == "people")
	}
	return false
}

// dayWord: today, yesterday, tomorrow, tonight, with "'s" and a part of
// day.
func (p *parser) dayWord(i int) (match, outcome) {
	if p.presentAge(i) {
		return match{}, pass
	}
	lw := p.lw(i)
	m := match{from: i, to: i + 1, kind: kDayRel, typ: typeDate, n: float64(p.g.lex[lw].n)}
	if lw == "tonight" {
		m.part = "NI"
	}
	m.to = p.possessive(m.to)
	if pw := p.word(m.to); pw != nil && pw.class&cPart != 0 && m.to == i+1 && lw != "tonight" {
		m.to++
		m.part = pw.s
	}
	return m, found
}

// spelledYearRule: "nineteen ninety-six".
func (p *parser) spelledYearRule(i int) (match, outcome) {
	y, end, ok := p.spelledYear(i)
	if !ok {
		return match{}, pass
	}
	return match{from: i, to: end, kind: kAbs, typ: typeDate, p: point{g: gYear, y: y}}, found
}

func (p *parser) countUnitRule(i int) (match, outcome) { return outcomeOf(p.countUnit(i)) }

// season: "summer", "the summer of 1990", "last fall".
func (p *parser) season(i, rel, from int) (match, bool) {
	lw := p.lw(i)
	m := match{from: from, to: i + 1, kind: kSeasonRel, typ: typeDate, p: point{g: gSeason, m: p.g.lex[lw].n}, rel: rel}
	k := i + 1
	if p.lwIn(k, "of", ",") {
		k++
	}
	if y, e, ok := p.yearAny(k); ok {
		m.to, m.kind, m.p.y = e, kAbs, y
		return m, true
	}
	if rel == relNone && !p.seasonNoun(i, from) {
		return match{}, false
	}
	return m, true
}

// seasonNoun reports whether a bare season name is the season: "fall"
// and "spring" are verbs and nouns too.
func (p *parser) seasonNoun(i, from int) bool {
	switch p.lw(from - 1) {
	case "in", "this", "last", "next", "the", "early", "late", "since", "until", "by", "during", "through", "mid", "-":
		return true
	}
	switch p.lw(i) {
	case "fall", "spring", "summer":
		return false
	case "winter":
		return p.upper(i)
	}
	return true
}

// clockWord: "noon", "midnight"; not "high noon".
func (p *parser) clockWord(i int) (match, outcome) {
	if p.lw(i-1) == "high" {
		return match{}, pass
	}
	return match{from: i, to: i + 1, kind: kTime, typ: typeTime, p: point{g: gTime, hh: p.g.lex[p.lw(i)].n}}, found
}

// decadeWord: "the twenties".
func (p *parser) decadeWord(i int) (match, outcome) {
	d, ok := decadeWords[p.lw(i)]
	if !ok || p.lw(i-1) != "the" {
		return match{}, pass
	}
	m := fixed(i, i+1, typeDate, d)
	m.p.g = gDecade
	return m, found
}

var decadeWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
	"sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

// refWord: now, currently, recently and friends.
func (p *parser) refWord(i int) (match, outcome) {
	if !p.refWordFits(i) {
		return match{}, pass
	}
	return fixed(i, i+1, typeDate, p.g.lex[p.lw(i)].s), found
}

// refWordFits rules out the reference words that are mostly not annotated
// alone: adjectives, and words that are rather part of other phrases.
func (p *parser) refWordFits(i int) bool {
	switch p.lw(i) {
	case "past", "present", "earlier", "later", "once", "immediately", "formerly", "lately", "recent":
		return false
	case "current":
		// An adjective: only before a noun, and not "current account".
		nx := p.tok(i + 1)
		return nx != nil && nx.kind == tWord && !p.has(i+1, cMisc) &&
			!p.lwIn(i+1, "account", "accounts", "events", "affairs")
	case "future":
		// Only "in future"; the adjective ("future payments") is mostly
		// left unannotated.
		return p.lw(i-1) == "in"
	case "now":
		return p.lw(i+1) != "-"
	}
	return true
}

// unitLong: "decades-long", "years-old", "day-long".
func (p *parser) unitLong(i int) (match, outcome) {
	lw := p.lw(i)
	if p.lw(i+1) != "-" || !p.adj(i+1) || p.lw(i-1) == "-" || !(p.lw(i+2) == "long" || p.lw(i+2) == "old" && plural(lw)) {
		return match{}, pass
	}
	n, known := 1.0, true
	if plural(lw) {
		n, known = 0, false
	}
	return fixed(i, i+3, typeDuration, durationValue(n, known, p.g.lex[lw].u)), found
}

// barePlural: "for weeks", "within months", "for centuries".
func (p *parser) barePlural(i int) (match, outcome) {
	if !plural(p.lw(i)) || !p.isKind(i, tWord) || p.lwIn(i+1, "of", "-", "'") ||
		!p.lwIn(i-1, "for", "within", "in", "over", "after", "than", "took", "takes", "take", "lasted", "last") {
		return match{}, pass
	}
	return fixed(i, i+1, typeDuration, durationValue(0, false, p.g.lex[p.lw(i)].u)), found
}

// fiscal: "fiscal 1989", "FY 1990", "fiscal third quarter"; "fiscal year"
// alone is a stretch.
func (p *parser) fiscal(i int) (match, outcome) {
	if !p.lwIn(i, "fiscal", "fy") {
		return match{}, pass
	}
	j := i + 1
	if n, ok := p.num(j); ok && n >= 1900 && n < 2100 {
		return match{from: i, to: j + 1, kind: kAbs, typ: typeDate, p: point{g: gYear, y: n}}, found
	}
	if p.lw(j) == "year" {
		return fixed(i, j+1, typeDuration, "P1Y"), found
	}
	if m, ok := p.ordinal(j); ok {
		m.from = i
		return m, found
	}
	return match{}, pass
}

// quarterCode: "Q3", "Q3 1998", "H1".
func (p *parser) quarterCode(i int) (match, outcome) {
	lw := p.lw(i)
	if lw != "q" && lw != "h" || !p.upper(i) {
		return match{}, pass
	}
	n, ok := p.num(i + 1)
	if !ok || !p.adj(i+1) || n < 1 || lw == "q" && n > 4 || lw == "h" && n > 2 {
		return match{}, pass
	}
	g := gQuarter
	if lw == "h" {
		g = gHalf
	}
	m := match{from: i, to: i + 2, kind: kPartRel, typ: typeDate, p: point{g: g, m: n}}
	if y, ok := p.num(i + 2); ok && y >= 1900 && y < 2100 {
		m.to, m.kind, m.p.y = i+3, kAbs, y
	}
	return m, found
}

func (p *parser) asSoonAsPossible(i int) (match, outcome) {
	if !p.seq(i, []string{"as", "soon", "as", "possible"}) {
		return match{}, pass
	}
	return fixed(i, i+4, typeDate, "FUTURE_REF"), found
}

// yearAgoRule: "year-earlier results" without a determiner.
func (p *parser) yearAgoRule(i int) (match, outcome) { return outcomeOf(p.yearAgo(i)) }

// yearsEnd: "by year end", "by year's end": this year.
func (p *parser) yearsEnd(i int) (match, outcome) {
	if !p.lwIn(i, "year", "yearend") {
		return match{}, pass
	}
	e := p.possessive(i + 1)
	if p.lw(e) != "end" {
		return match{}, pass
	}
	return match{from: i, to: e + 1, kind: kUnitRel, typ: typeDate, u: uYear, rel: 0}, found
}

// yearEnd: "yearend", "year-end": the last day of the year.
func (p *parser) yearEnd(i int) (match, outcome) {
	j := i + 1
	switch p.lw(i) {
	case "yearend":
	case "year":
		if p.lw(j) != "-" || p.lw(j+1) != "end" {
			return match{}, pass
		}
		j += 2
	default:
		return match{}, pass
	}
	return match{from: i, to: j, kind: kAbs, typ: typeDate, p: point{g: gDay, m: 12, d: 31}}, found
}

// aWhile: "for a while", "in a while".
func (p *parser) aWhile(i int) (match, outcome) {
	if p.lw(i) != "a" || p.lw(i+1) != "while" || !p.lwIn(i-1, "for", "in", "after", "within") {
		return match{}, pass
	}
	return fixed(i, i+2, typeDuration, "PXX"), found
}

func (p *parser) theseDays(i int) (match, outcome) {
	if p.lw(i) != "these" || p.lw(i+1) != "days" {
		return match{}, pass
	}
	return fixed(i, i+2, typeDate, "PRESENT_REF"), found
}

// atPresent: "at present", without "at".
func (p *parser) atPresent(i int) (match, outcome) {
	if p.lw(i) != "at" || p.lw(i+1) != "present" {
		return match{}, pass
	}
	return fixed(i+1, i+2, typeDate, "PRESENT_REF"), found
}
