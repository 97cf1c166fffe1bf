package timex

import "strconv"

// The core grammar at digits: the longest match of these rules wins.
func numberRules() []rule {
	return []rule{
		{name: "ISO date", parse: (*parser).isoDate},
		{name: "ISO quarter", parse: (*parser).isoQuarter},
		{name: "numeric date", parse: (*parser).numericDate},
		{name: "day month", parse: (*parser).dayMonth},
		{name: "20th century", parse: (*parser).centuryNumber},
		{name: "clock time", parse: (*parser).clock},
	}
}

// The core grammar at digits when no number rule matched: the first match
// wins.
func numberFallbackRules() []rule {
	return []rule{
		{name: "count and unit", parse: (*parser).countUnitRule},
		{name: "1990s", parse: (*parser).decadeNumber},
		{name: "year", parse: (*parser).year},
	}
}

// isoPrefix reports "YYYY-" joined to what follows.
func (p *parser) isoPrefix(i int) bool {
	return len(p.lw(i)) == 4 && p.lw(i+1) == "-" && p.adj(i+1) && p.adj(i+2)
}

// twoDigits reads a two-digit number at i.
func (p *parser) twoDigits(i int) (int, bool) {
	n, ok := p.num(i)
	return n, ok && len(p.lw(i)) == 2
}

// isoDate: "2021-09-30", "2021-09-30T10:00".
func (p *parser) isoDate(i int) (match, outcome) {
	if !p.isoPrefix(i) {
		return match{}, pass
	}
	y, _ := p.num(i)
	mo, ok := p.twoDigits(i + 2)
	if !ok || mo < 1 || mo > 12 || p.lw(i+3) != "-" || !p.adj(i+3) {
		return match{}, pass
	}
	d, ok := p.twoDigits(i + 4)
	if !ok || d < 1 || d > daysIn(mo) || !p.adj(i+4) {
		return match{}, pass
	}
	pt := point{g: gDay, y: y, m: mo, d: d}
	if hh, mm, ok := p.isoClock(i + 5); ok {
		pt.g, pt.hh, pt.mm = gTime, hh, mm
		return match{from: i, to: i + 9, kind: kAbs, typ: typeTime, p: pt}, found
	}
	return match{from: i, to: i + 5, kind: kAbs, typ: typeDate, p: pt}, found
}

// isoClock reads "T10:00" at i.
func (p *parser) isoClock(i int) (int, int, bool) {
	if p.lw(i) != "t" || !p.adj(i) || p.lw(i+2) != ":" {
		return 0, 0, false
	}
	hh, okH := p.num(i + 1)
	mm, okM := p.num(i + 3)
	return hh, mm, okH && okM && hh < 24 && mm < 60
}

// isoQuarter: "1998-Q1".
func (p *parser) isoQuarter(i int) (match, outcome) {
	if !p.isoPrefix(i) || p.lw(i+2) != "q" {
		return match{}, pass
	}
	y, _ := p.num(i)
	q, ok := p.num(i + 3)
	if !ok || q < 1 || q > 4 {
		return match{}, pass
	}
	return match{from: i, to: i + 4, kind: kAbs, typ: typeDate, p: point{g: gQuarter, y: y, m: q}}, found
}

// numericDate: "9/30/2021", "30/09/2021", "30.09.2021", "9/30/21": month
// first with slashes unless the first figure cannot be a month.
func (p *parser) numericDate(i int) (match, outcome) {
	a, b, y, ok := p.numericParts(i)
	if !ok {
		return match{}, pass
	}
	mo, d := a, b
	if p.lw(i+1) == "." || a > 12 {
		mo, d = b, a
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(mo) {
		return match{}, pass
	}
	return match{from: i, to: i + 5, kind: kAbs, typ: typeDate, p: point{g: gDay, y: y, m: mo, d: d}}, found
}

// numericParts reads the three figures of "9/30/2021" or "30.09.98"; a
// two-digit year is 1950-2049.
func (p *parser) numericParts(i int) (a, b, y int, ok bool) {
	sep := p.lw(i + 1)
	if len(p.lw(i)) > 2 || sep != "/" && sep != "." || !p.adj(i+1) || !p.adj(i+2) ||
		len(p.lw(i+2)) > 2 || p.lw(i+3) != sep || !p.adj(i+3) || !p.adj(i+4) {
		return 0, 0, 0, false
	}
	a, _ = p.num(i)
	b, okB := p.num(i + 2)
	y, okY := p.num(i + 4)
	if !okB || !okY || len(p.lw(i+4)) != 4 && len(p.lw(i+4)) != 2 {
		return 0, 0, 0, false
	}
	return a, b, fullYear(y), true
}

// fullYear reads a two-digit year as 1950-2049.
func fullYear(y int) int {
	switch {
	case y >= 100:
		return y
	case y < 50:
		return 2000 + y
	}
	return 1900 + y
}

// dayMonth: "28 July 2021", "5th of March", "30 Sept., 1998".
func (p *parser) dayMonth(i int) (match, outcome) {
	d, k, ok := p.dayOfMonth(i)
	if !ok {
		return match{}, pass
	}
	if p.lw(k) == "of" {
		k++
	}
	if !p.has(k, cMonth) || !p.upper(k) {
		return match{}, pass
	}
	mo := p.g.lex[p.lw(k)].n
	if d > daysIn(mo) {
		return match{}, pass
	}
	// "30 Sept." keeps its abbreviation dot; "26 October." ends a sentence.
	e := k + 1
	if monthAbbreviation(p.lw(k)) {
		e = p.dot(e)
	}
	m := match{from: i, to: e, kind: kAbs, typ: typeDate, p: point{g: gDay, m: mo, d: d}}
	y := e
	if p.lw(y) == "," {
		y++
	}
	if yy, ok := p.yearAt(y); ok {
		m.to, m.p.y = y+1, yy
	}
	return m, found
}

// centuryNumber: "the 20th century".
func (p *parser) centuryNumber(i int) (match, outcome) {
	n, _ := p.num(i)
	if len(p.lw(i)) > 2 || n < 1 || n > 30 || !p.adj(i+1) || !p.lwIn(i+1, "st", "nd", "rd", "th") || p.lw(i+2) != "century" {
		return match{}, pass
	}
	m := fixed(i, i+3, typeDate, pad(n-1, 2))
	m.p.g = gCentury
	return m, found
}

// decadeNumber: "the 1990s".
func (p *parser) decadeNumber(i int) (match, outcome) {
	n, _ := p.num(i)
	if len(p.lw(i)) != 4 || n < 1000 || n >= 2100 || p.lw(i+1) != "s" || !p.adj(i+1) || n%10 != 0 {
		return match{}, pass
	}
	m := fixed(i, i+2, typeDate, strconv.Itoa(n/10))
	m.p.g = gDecade
	return m, found
}

// year: "1998", "the 1988 second quarter", "the 1988 period".
func (p *parser) year(i int) (match, outcome) {
	n, _ := p.num(i)
	if len(p.lw(i)) != 4 || n < 1000 || n >= 2100 || !p.plausibleYear(i, n) {
		return match{}, pass
	}
	m := match{from: i, to: i + 1, kind: kAbs, typ: typeDate, p: point{g: gYear, y: n}}
	if q, ok := p.ordinal(i + 1); ok && q.kind == kPartRel {
		m.to, m.p = q.to, point{g: q.p.g, y: n, m: q.p.m}
	} else if p.lwIn(i+1, "period", "quarter") {
		m.to++
		m.p.g = gQuarter
	}
	return m, found
}

// plausibleYear rejects four-digit numbers that count things.
func (p *parser) plausibleYear(i, n int) bool {
	if n < 1800 || n > 2099 {
		return false
	}
	if nx := p.tok(i + 1); nx != nil && (nx.kind == tWord && countedNouns[nx.lw] || p.numberGoesOn(i+1)) {
		return false
	}
	return !p.isKind(i-1, tWord) || !p.lwIn(i-1, "no", "number", "nos", "route", "flight", "room")
}

// numberGoesOn reports a percent sign, a clock colon or a thousands or
// decimal separator at i: "1990%", "1990:12", "1,990.5".
func (p *parser) numberGoesOn(i int) bool {
	t := &p.toks[i]
	if t.kind != tPunct {
		return false
	}
	switch t.lw {
	case "%", ":":
		return true
	case ",", ".":
		return !t.space && p.isKind(i+1, tNum) && !p.toks[i+1].space
	}
	return false
}

// countedNouns are nouns that make a four-digit number a count.
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

// clock: "10am", "10 a.m.", "10:35 a.m. EDT", "8 a.m. GMT", "10:00 GMT",
// "4 in the morning", "9 o'clock".
func (p *parser) clock(i int) (match, outcome) {
	hh, ok := p.num(i)
	if !ok || hh > 24 || len(p.lw(i)) > 2 {
		return match{}, pass
	}
	mm, hasMin, dotSep, j := p.clockMinutes(i + 1)
	ampm, j := p.meridiem(j)
	zone, j := p.clockZone(j, ampm != "" || hasMin)
	if ampm == "" && (!hasMin || dotSep || !p.bareClock(i, zone, hh)) {
		return match{}, pass
	}
	hh, ok = hour24(hh, ampm)
	if !ok {
		return match{}, pass
	}
	m := match{from: i, to: j, kind: kTime, typ: typeTime, p: point{g: gTime, hh: hh, mm: mm, zone: zone}}
	if zone != "" {
		m.part = "zone"
	}
	return m, found
}

// clockMinutes reads ":35" or ".35" at j.
func (p *parser) clockMinutes(j int) (mm int, hasMin, dotSep bool, end int) {
	sep := p.lw(j)
	if !p.adj(j) || sep != ":" && !(sep == "." && p.adj(j+1)) {
		return 0, false, false, j
	}
	v, ok := p.twoDigits(j + 1)
	if !ok || v >= 60 {
		return 0, false, false, j
	}
	return v, true, sep == ".", j + 2
}

// meridiem reads "a.m.", "pm", "a . m", "o'clock" or "in the morning" at j:
// "a" or "p" for the half of the day, "o" for o'clock.
func (p *parser) meridiem(j int) (string, int) {
	switch lw := p.lw(j); lw {
	case "am", "a.m.", "a.m", "pm", "p.m.", "p.m":
		// "a.m" followed by "." at the end of a sentence is kept out.
		return lw[:1], j + 1
	case "a", "p":
		if p.lw(j+1) == "." && p.lw(j+2) == "m" {
			return lw, p.dot(j + 3)
		}
	case "o":
		if p.lw(j+1) == "'" && p.lw(j+2) == "clock" {
			return "o", j + 3
		}
	case "in":
		if p.lw(j+1) == "the" {
			switch p.lw(j + 2) {
			case "morning":
				return "a", j + 3
			case "afternoon", "evening":
				return "p", j + 3
			}
		}
	}
	return "", j
}

// clockZone reads a zone after a clock time ("GMT", "EDT", "local time");
// a bare hour takes none.
func (p *parser) clockZone(j int, clocked bool) (string, int) {
	if !clocked {
		return "", j
	}
	if w := p.word(j); w != nil && w.class&cZone != 0 && (p.toks[j].upper || w.s == "Z") && p.lw(j) != "z" {
		return w.s, j + 1
	}
	if p.lw(j) == "local" && p.lw(j+1) == "time" {
		return "", j + 2
	}
	return "", j
}

// bareClock: a "10:35" without a.m. or p.m. is a time only next to a zone
// or after "at", "until"...
func (p *parser) bareClock(i int, zone string, hh int) bool {
	return (zone != "" || p.lwIn(i-1, "at", "until", "by", "from", "around")) && hh <= 23
}

// hour24 is the hour on a 24-hour clock.
func hour24(hh int, ampm string) (int, bool) {
	switch ampm {
	case "a":
		if hh == 12 {
			hh = 0
		}
		return hh, hh <= 12
	case "p":
		if hh < 12 {
			hh += 12
		}
		return hh, hh <= 23
	}
	return hh, true
}
