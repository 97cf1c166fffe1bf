package timex

// count reads a number written in digits or words: "two", "twenty-four",
// "24", "a", "several", "a few", "5 1/2". known is false for vague counts.
func (p *parser) count(i int) (n float64, known bool, end int, ok bool) {
	if _, isNum := p.num(i); isNum {
		return p.countDigits(i)
	}
	w := p.word(i)
	if w == nil || w.class&cNumWord == 0 {
		return 0, false, i, false
	}
	switch lw := p.lw(i); {
	case lw == "a" || lw == "an":
		n, known, end = p.countAfterArticle(i)
		return n, known, end, true
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
	n, end = p.countWords(i, w)
	return n, true, end, true
}

// countDigits: "24", "5 1/2", "1.5".
func (p *parser) countDigits(i int) (float64, bool, int, bool) {
	v, _ := p.num(i)
	if len(p.lw(i)) > 6 {
		return 0, false, i, false
	}
	n, end := float64(v), i+1
	if a, ok := p.num(end); ok && a == 1 && p.lw(end+1) == "/" && p.lw(end+2) == "2" {
		n += 0.5
		end += 3
	}
	if p.lw(end) == "." && p.adj(end) && p.adj(end+1) {
		if f, ok := p.num(end + 1); ok && f < 10 && len(p.lw(end+1)) == 1 {
			n += float64(f) / 10
			end += 2
		}
	}
	return n, true, end, true
}

// countAfterArticle: "a", "a few", "a couple of", "a half", "a hundred",
// "a dozen".
func (p *parser) countAfterArticle(i int) (float64, bool, int) {
	switch p.lw(i + 1) {
	case "few":
		return 0, false, i + 2
	case "couple":
		if p.lw(i+2) == "of" {
			return 2, true, i + 3
		}
		return 2, true, i + 2
	case "half":
		return 0.5, true, i + 2
	case "hundred":
		return 100, true, i + 2
	case "thousand":
		return 1000, true, i + 2
	case "dozen":
		return 12, true, i + 2
	}
	return 1, true, i + 1
}

// countWords: "two", "twenty-four", "three hundred", "two and a half".
func (p *parser) countWords(i int, w *word) (float64, int) {
	n, end := float64(w.n), i+1
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
	if p.seq(end, []string{"and", "a", "half"}) {
		n += 0.5
		end += 3
	}
	return n, end
}

// counted is a count and its unit: "two years", "a 90-day", "three
// straight weeks", "two to three weeks".
type counted struct {
	from, unitTok, end int // the count's first token, the unit word, the token after
	n                  float64
	known              bool
	u                  unit
	first              string // the count's first word ("a", "one", "24")
	old                bool   // followed by "-old"
}

// countRule is a rule about a count and its unit: a veto ("a quarter of
// the market") or a reading ("two days ago").
type countRule struct {
	name string
	read func(p *parser, c *counted) (match, outcome)
}

// countAndUnit reads a count and its unit at i.
func (p *parser) countAndUnit(i int) (counted, bool) {
	n, known, j, ok := p.count(i)
	if !ok {
		return counted{}, false
	}
	j = p.rangeEnd(j)
	if k, ok := p.hyphen(j); ok {
		j = k
	}
	if p.lwIn(j, "more", "additional", "straight", "consecutive", "full", "long") && p.unitOK(j+1) {
		j++
	}
	u, ok := p.unitAt(j)
	if !ok {
		return counted{}, false
	}
	c := counted{from: i, unitTok: j, end: j + 1, n: n, known: known, u: u, first: p.lw(i)}
	if p.lw(c.end) == "-" && p.adj(c.end) {
		switch p.lw(c.end + 1) {
		case "long":
			c.end += 2
		case "old":
			c.old = true
			c.end += 2
		}
	}
	return c, true
}

// rangeEnd skips the second figure of a range, which keeps its first:
// "two to three weeks", "two or three days", "10-12 years".
func (p *parser) rangeEnd(j int) int {
	if !p.lwIn(j, "to", "or") && !(p.lw(j) == "-" && p.isKind(j+1, tNum)) {
		return j
	}
	if _, _, k, ok := p.count(j + 1); ok && p.lw(j+1) != "a" && p.unitOK(k) {
		return k
	}
	return j
}

// countUnit: "two years", "a 90-day", "two days ago", "a year earlier",
// "three-year".
func (p *parser) countUnit(i int) (match, bool) {
	c, ok := p.countAndUnit(i)
	if !ok {
		return match{}, false
	}
	for _, v := range p.g.countVetoes {
		if _, o := v.read(p, &c); o == veto {
			return match{}, false
		}
	}
	// "a minute and a half", "a week or so"
	if p.seq(c.end, []string{"and", "a", "half"}) && c.known {
		c.n += 0.5
		c.end += 3
	} else if p.lw(c.end) == "or" && p.lw(c.end+1) == "so" {
		c.end += 2
	}
	for _, r := range p.g.counts {
		if m, o := r.read(p, &c); o == found {
			p.traced(&m, r.name)
			return m, true
		}
	}
	return match{}, false
}

// article reports whether the count is "a" or "an".
func (c *counted) article() bool { return c.first == "a" || c.first == "an" }

// Counts and units that are no time expression.
func countVetoes() []countRule {
	return []countRule{
		{name: "a year-earlier loss", read: yearEarlierAdjective},
		{name: "a second (not a time unit)", read: articleNonUnit},
		{name: "third quarter without ordinal", read: quarterFraction},
		{name: "the second (ordinal)", read: secondsOrdinal},
		{name: "60 Minutes (a title)", read: unitTitle},
		{name: "6-year-old (an age)", read: age},
		{name: "day-to-day", read: dayToDay},
		{name: "a quarter of the market", read: quarterOf},
		{name: "three-quarters", read: threeQuarters},
	}
}

// vetoIf is the outcome of a veto rule.
func vetoIf(b bool) (match, outcome) {
	if b {
		return match{}, veto
	}
	return match{}, pass
}

// yearEarlierAdjective: in "a year-earlier loss" the article belongs to
// the noun.
func yearEarlierAdjective(p *parser, c *counted) (match, outcome) {
	j := c.unitTok
	return vetoIf(c.article() && j == c.from+1 && p.lw(j) == "year" && p.lw(j+1) == "-" && p.lwIn(j+2, "earlier", "ago"))
}

// articleNonUnit: "a second", "a min" are no durations; with an article
// only whole calendar units are.
func articleNonUnit(p *parser, c *counted) (match, outcome) {
	return vetoIf(c.article() && c.unitTok == c.from+1 &&
		!p.lwIn(c.unitTok, "year", "month", "week", "day", "decade", "century", "fortnight", "quarter", "weekend", "hour", "minute"))
}

// quarterFraction: "3 quarter" is a part, not three quarters of a year.
func quarterFraction(p *parser, c *counted) (match, outcome) {
	return vetoIf(c.u == uQuarter && c.known && c.n < 5 && p.lw(c.unitTok) == "quarter" && c.first != "a" && c.first != "one")
}

// secondsOrdinal: "the 2 second" is no count of seconds; thousands of
// quarters or seconds are not said.
func secondsOrdinal(p *parser, c *counted) (match, outcome) {
	return vetoIf(c.u == uSecond && p.lw(c.unitTok) == "second" && c.n != 1 || c.n >= 1000 && (c.u == uQuarter || c.u == uSecond))
}

// unitTitle: "60 Minutes" is a programme.
func unitTitle(p *parser, c *counted) (match, outcome) {
	return vetoIf(p.upper(c.unitTok) && p.isKind(c.from, tNum))
}

// age: "6-year-old", "6 years old" is an age, not a time.
func age(p *parser, c *counted) (match, outcome) {
	return vetoIf(c.known && (c.old || p.lw(c.end) == "old"))
}

func dayToDay(p *parser, c *counted) (match, outcome) {
	return vetoIf(p.lw(c.end) == "-" && p.lw(c.end+1) == "to")
}

// quarterOf: "a quarter of the market" is a fraction; "a quarter of 1990"
// and "a quarter of next year" are not.
func quarterOf(p *parser, c *counted) (match, outcome) {
	if c.u != uQuarter || c.first != "a" && c.first != "one" || p.lw(c.end) != "of" || p.has(c.end+1, cRel) {
		return match{}, pass
	}
	_, isYear := p.yearAt(c.end + 1)
	return vetoIf(!isYear && p.lw(c.end+2) != "year")
}

// threeQuarters: "three-quarters" is a fraction.
func threeQuarters(p *parser, c *counted) (match, outcome) {
	return vetoIf(c.u == uQuarter && plural(p.lw(c.unitTok)) && p.lw(c.unitTok-1) == "-")
}

// What a count and its unit are: the first reading that matches decides;
// the last always does.
func countReadings() []countRule {
	return []countRule{
		{name: "will one day", read: oneDay},
		{name: "two days ago", read: ago},
		{name: "a year later", read: later},
		{name: "two days later", read: daysLater},
		{name: "$5 a year (a rate)", read: rate},
		{name: "two years (a duration)", read: duration},
	}
}

// oneDay: "Islam will one day be": some day to come.
func oneDay(p *parser, c *counted) (match, outcome) {
	if c.first != "one" || p.lw(c.unitTok) != "day" || c.end != c.unitTok+1 ||
		!p.lwIn(c.from-1, "will", "would", "could", "may", "might", "can", "shall", "should") {
		return match{}, pass
	}
	return fixed(c.from, c.end, typeDate, "FUTURE_REF"), found
}

// ago: "two days ago" counts back from the DCT; "years ago" is the past.
func ago(p *parser, c *counted) (match, outcome) {
	if p.lw(c.end) != "ago" {
		return match{}, pass
	}
	if !c.known {
		return fixed(c.from, c.end+1, typeDate, "PAST_REF"), found
	}
	return match{from: c.from, to: c.end + 1, kind: kAgo, typ: typeDate, u: c.u, n: -c.n}, found
}

// later: "a year later", "two weeks earlier" count from the time under
// discussion, "two years hence" and "a year from now" from the DCT. A
// clause may follow "before" and "after" ("a year after the war"): then it
// is the duration. Days and shorter units before "earlier"/"later" are
// durations in TimeML.
func later(p *parser, c *counted) (match, outcome) {
	next := p.lw(c.end)
	switch next {
	case "earlier", "later", "hence":
	case "before", "after":
		if p.tok(c.end+1) != nil && !p.isKind(c.end+1, tPunct) {
			return match{}, pass
		}
	case "from":
		if p.lw(c.end+1) != "now" {
			return match{}, pass
		}
	default:
		return match{}, pass
	}
	if !c.known || c.u <= uDay && (next == "earlier" || next == "later") {
		return match{}, pass
	}
	sign, to := -1.0, c.end+1
	switch next {
	case "later", "after", "hence":
		sign = 1
	case "from":
		sign, to = 1, c.end+2
	}
	return match{from: c.from, to: to, kind: kAgo, typ: typeDate, u: c.u, n: sign * c.n, anchorRef: next != "hence" && next != "from"}, found
}

// daysLater: "two days later", "a day earlier" are durations in TimeML,
// anchored on the day under discussion.
func daysLater(p *parser, c *counted) (match, outcome) {
	next := p.lw(c.end)
	if c.u != uDay || !c.known || next != "later" && next != "earlier" {
		return match{}, pass
	}
	m, _ := duration(p, c)
	m.place, m.u, m.n = placeRef, c.u, c.n
	if next == "earlier" {
		m.n = -c.n
	}
	return m, found
}

// rate: "$5 a year", "twice a day".
func rate(p *parser, c *counted) (match, outcome) {
	if c.first != "a" || !c.known || c.n != 1 {
		return match{}, pass
	}
	pt := p.tok(c.from - 1)
	if pt == nil || !(pt.kind == tNum || p.lwIn(c.from-1, "%", "percent", "cents", "dollars", "million", "billion", "times", "twice", "once")) {
		return match{}, pass
	}
	return fixed(c.from, c.end, typeSet, durationValue(1, true, c.u)), found
}

// duration: "two years"; "a 90-day stay" leaves out the article of the
// adjective.
func duration(p *parser, c *counted) (match, outcome) {
	m := fixed(c.from, c.end, typeDuration, durationValue(c.n, c.known, c.u))
	m.noThe = !plural(p.lw(c.unitTok)) && c.n != 1 && c.known
	if c.known && !m.noThe && p.lw(c.unitTok-1) != "-" {
		// A count of units (not the adjective of "a one-day trial") that
		// "in", "within" or "after" may place.
		m.u, m.n = c.u, c.n
	}
	return m, found
}

// yearAgo: "year-earlier", "year-ago quarter", "the year-earlier period",
// "the year-ago third quarter".
func (p *parser) yearAgo(j int) (match, bool) {
	if p.lw(j) != "year" || p.lw(j+1) != "-" || !p.lwIn(j+2, "ago", "earlier") {
		return match{}, false
	}
	if m, ok := p.yearAgoStretch(j); ok {
		return m, true
	}
	m := match{from: j, to: j + 3, kind: kAgo, typ: typeDate, u: uYear, n: -1, anchorRef: true}
	if q, ok := p.ordinal(j + 3); ok && q.kind == kPartRel && q.rel == 0 && q.p.g == gQuarter {
		m.to, m.p.g = q.to, gQuarter
		return m, true
	}
	switch p.lw(j + 3) {
	case "quarter":
		m.to++
		m.p.g = gQuarter
	case "period":
		m.to++
	default:
		// An adjective before a noun: the determiner is not part of it.
		m.noThe = true
	}
	return m, true
}

// yearAgoStretch: "the year-earlier nine months" is a stretch of time.
func (p *parser) yearAgoStretch(j int) (match, bool) {
	n, known, k, ok := p.count(j + 3)
	if !ok || !known || n <= 1 || p.lw(j+3) == "a" {
		return match{}, false
	}
	u, ok := p.unitAt(k)
	if !ok || !plural(p.lw(k)) {
		return match{}, false
	}
	return fixed(j, k+1, typeDuration, durationValue(n, known, u)), true
}

// yearAgoPeriod joins a period and the year that places it into one
// expression, as TimeML does: "the quarter a year ago", "the corresponding
// period last year", "last year's quarter". It may drop the period's own
// match from out, and returns out.
func (p *parser) yearAgoPeriod(out []match, m *match) []match {
	lastYear := m.kind == kUnitRel && m.u == uYear && m.rel == -1
	if lastYear && p.lastYearsPeriod(m) {
		return out
	}
	if !lastYear && !(m.kind == kAgo && m.u == uYear && m.n == -1 && m.p.g == 0) {
		return out
	}
	noun := m.from - 1
	k, ok := p.periodBefore(noun)
	if !ok {
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
	p.traced(m, joinYearAgoPeriod)
	return out
}

// periodBefore reports "the quarter", "the same period" ending at noun and
// returns the index of its "the".
func (p *parser) periodBefore(noun int) (int, bool) {
	if !p.lwIn(noun, "quarter", "period") {
		return 0, false
	}
	k := noun - 1
	if p.lwIn(k, "same", "corresponding", "comparable", "like") {
		k--
	}
	return k, p.lw(k) == "the"
}

// lastYearsPeriod: "last year's quarter".
func (p *parser) lastYearsPeriod(m *match) bool {
	if p.lw(m.to) != "'" || p.lw(m.to+1) != "s" || !p.lwIn(m.to+2, "quarter", "period") {
		return false
	}
	if p.lw(m.to+2) == "quarter" {
		m.p.g = gQuarter
	}
	m.to += 3
	m.kind, m.n, m.anchorRef, m.rel = kAgo, -1, true, 0
	p.traced(m, joinLastYearsPeriod)
	return true
}

// Ordinals: "third quarter", "the first nine months", "twentieth
// century", "the fifth of March" (with digits, the number rules).
func ordinalRules() []rule {
	return []rule{
		{name: "third quarter", on: cOrdinal, parse: (*parser).ordinalPart},
		{name: "first nine months", on: cOrdinal, parse: (*parser).ordinalStretch},
		{name: "twentieth century", on: cOrdinal, parse: (*parser).ordinalCentury},
		{name: "fifth of March", on: cOrdinal, parse: (*parser).ordinalOfMonth},
	}
}

// ordinal: see ordinalRules.
func (p *parser) ordinal(i int) (match, bool) { return p.firstOf(p.g.ordinals, i) }

// ordinalPart: "third quarter", "third-quarter", "first half", "the third
// quarter of 1990", "the fourth fiscal quarter".
func (p *parser) ordinalPart(i int) (match, outcome) {
	w := p.word(i)
	j, hyph := p.hyphen(i + 1)
	if p.lw(j) == "fiscal" {
		j++
	}
	g := gQuarter
	switch {
	case p.lw(j) == "quarter" && w.n <= 4:
	case p.lw(j) == "half" && w.n <= 2:
		g = gHalf
	default:
		return match{}, pass
	}
	m := match{from: i, to: j + 1, kind: kPartRel, typ: typeDate, p: point{g: g, m: w.n}}
	p.partYear(&m, j+1)
	// "the third-quarter loss": an adjective, without the determiner.
	m.noThe = hyph && m.to == j+1
	return m, found
}

// partYear reads the year of a quarter or half at k: "of 1990", "of
// fiscal 1990", "of this year", "of the year", "1990".
func (p *parser) partYear(m *match, k int) {
	if p.lw(k) != "of" {
		if y, ok := p.yearAt(k); ok {
			m.to, m.kind, m.p.y = k+1, kAbs, y
		}
		return
	}
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
}

// ordinalStretch: "the first nine months", "first two weeks": a duration.
func (p *parser) ordinalStretch(i int) (match, outcome) {
	n, known, k, ok := p.count(i + 1)
	if !ok || p.lw(i+1) == "a" {
		return match{}, pass
	}
	u, ok := p.unitAt(k)
	if !ok || !plural(p.lw(k)) {
		return match{}, pass
	}
	return fixed(i, k+1, typeDuration, durationValue(n, known, u)), found
}

// ordinalCentury: "the twentieth century".
func (p *parser) ordinalCentury(i int) (match, outcome) {
	if p.lw(i+1) != "century" {
		return match{}, pass
	}
	m := fixed(i, i+2, typeDate, pad(p.word(i).n-1, 2))
	m.p.g = gCentury
	return m, found
}

// ordinalOfMonth: "the fifth of March", "the fifth of March 1998".
func (p *parser) ordinalOfMonth(i int) (match, outcome) {
	d := p.word(i).n
	if p.lw(i+1) != "of" || !p.has(i+2, cMonth) || d > 31 {
		return match{}, pass
	}
	m := match{from: i, to: i + 3, kind: kAbs, typ: typeDate, p: point{g: gDay, m: p.g.lex[p.lw(i+2)].n, d: d}}
	if y, ok := p.yearAt(i + 3); ok {
		m.to, m.p.y = i+4, y
	}
	return m, found
}
