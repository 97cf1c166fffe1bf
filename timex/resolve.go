package timex

import "time"

// resolve computes the value of match k.
func (r *resolver) resolve(ms []match, k int) (point, string) {
	m := &ms[k]
	switch m.kind {
	case kNone:
		return point{}, ""
	case kFixed:
		if m.typ == typeDate && m.p.g == gDecade && r.opts.TimeML {
			// TimeBank writes decades as 199X.
			return point{}, m.val + "X"
		}
		return point{}, m.val
	case kTime:
		return r.clock(ms, k)
	}
	pt, ok := r.date(m)
	if !ok {
		return point{}, ""
	}
	if m.kind != kAgo && referable(pt.g) {
		r.ref, r.hasRef = pt, true
		if pt.g == gQuarter {
			r.quarter = true
		}
	}
	return pt, pt.String()
}

// anchorOf is the date a placed duration points at, at the granularity of
// its unit ("in three weeks" from a Thursday is the ISO week three weeks
// on), or "" when it places nothing or what it counts from is unknown: no
// DCT, a clause in the past ("the strike ended after four days"), no day
// under discussion for "two days later".
func (r *resolver) anchorOf(m *match) string {
	var base time.Time
	switch m.place {
	case placeDCT, placeDCTAhead:
		if t := r.tense(m); !r.hasDCT || t < 0 || t == 0 && m.place == placeDCTAhead {
			return ""
		}
		base = r.dct
	case placeRef:
		if !r.hasRef || r.ref.g != gDay {
			return ""
		}
		base = date(r.ref.y, r.ref.m, r.ref.d)
	default:
		return ""
	}
	return at(moveDay(base, m.u, m.n), unitGran(m.u)).String()
}

// referable reports whether a date of granularity g becomes the date
// under discussion, which "that year" and "a week later" count from.
func referable(g gran) bool {
	switch g {
	case gDay, gMonth, gYear, gQuarter, gHalf, gWeek:
		return true
	}
	return false
}

// date resolves a calendar expression to a point.
func (r *resolver) date(m *match) (point, bool) {
	if m.kind == kAbs {
		return r.absolute(m)
	}
	if !r.hasDCT {
		return point{}, false
	}
	switch m.kind {
	case kDayRel:
		return r.dayRel(m), true
	case kWeekday:
		return r.weekdayPoint(m), true
	case kUnitRel:
		return r.unitRel(m), true
	case kMonthRel:
		return r.monthRel(m), true
	case kSeasonRel:
		return r.seasonRel(m), true
	case kPartRel:
		return r.partRel(m), true
	case kLatestPart:
		return at(r.dct, m.p.g).shift(-1), true
	case kAgo:
		return r.ago(m), true
	case kAnaphor:
		return r.anaphor(m), true
	case kHoliday:
		return r.holiday(m)
	}
	return point{}, false
}

// absolute: a calendar point the text names, possibly without its year.
func (r *resolver) absolute(m *match) (point, bool) {
	if (m.p.g == gQuarter || m.p.g == gHalf) && m.p.m == 0 {
		return r.periodOfYear(m), true
	}
	if m.p.y != 0 {
		return m.p, true
	}
	if !r.hasDCT {
		return point{}, false
	}
	if m.hasYrel {
		pt := m.p
		pt.y = r.dct.Year() + m.yrel
		return pt, true
	}
	return r.yearless(m)
}

// periodOfYear: "the 1988 quarter", "the 1988 period": the quarter under
// discussion, in that year.
func (r *resolver) periodOfYear(m *match) point {
	pt := m.p
	switch {
	case r.hasRef && r.ref.g == pt.g:
		pt.m = r.ref.m
	case r.hasDCT:
		pt.m = at(r.dct, pt.g).shift(-1).m
	default:
		pt.g = gYear
	}
	return pt
}

// dayRel: today, yesterday, tomorrow, "this morning".
func (r *resolver) dayRel(m *match) point {
	pt := dayPoint(r.dct.AddDate(0, 0, int(m.n)))
	if m.part != "" && m.typ == typeTime {
		pt.g, pt.part = gPart, m.part
	}
	return pt
}

// weekdayPoint: a weekday's day, with the part of day where TimeML wants
// it.
func (r *resolver) weekdayPoint(m *match) point {
	pt := dayPoint(r.weekday(m))
	if r.opts.TimeML && (m.part == "EV" || m.part == "AF") {
		// TimeML gives "Friday evening" the part of day (TEV); "Friday
		// night" and "Friday morning" are mostly annotated as the day
		// itself. The storyline contract keeps the day.
		pt.g, pt.part = gPart, m.part
	}
	return pt
}

// relOf is a match's relative offset, 0 when it has none.
func relOf(m *match) int {
	if m.rel == relNone {
		return 0
	}
	return m.rel
}

// unitRel: this week, last month, next year, the second half of next year.
func (r *resolver) unitRel(m *match) point {
	if m.p.g == gHalf && m.p.m > 0 {
		pt := m.p
		pt.y = r.dct.Year() + relOf(m)
		return pt
	}
	if m.u == uWeekend {
		return r.weekend(m)
	}
	g := unitGran(m.u)
	if m.p.g == gCentury {
		g = gCentury
	}
	return at(r.dct, g).shift(relOf(m))
}

// lastOrNext moves pt, a period of the year like cur, to the year of the
// last (rel -1) or next (rel +1) such period; any other rel leaves it.
func lastOrNext(pt, cur point, rel int) point {
	switch rel {
	case -1:
		if pt.m >= cur.m {
			pt.y--
		}
	case 1:
		if pt.m <= cur.m {
			pt.y++
		}
	}
	return pt
}

// monthRel: "last June", "next March".
func (r *resolver) monthRel(m *match) point {
	cur := at(r.dct, gMonth)
	return lastOrNext(point{g: gMonth, y: cur.y, m: m.p.m}, cur, m.rel)
}

// seasonRel: "last fall", "this summer", "summer": without a relative
// word, the tense of the clause says which.
func (r *resolver) seasonRel(m *match) point {
	cur := seasonOf(r.dct)
	pt := point{g: gSeason, y: cur.y, m: m.p.m}
	switch m.rel {
	case -1, 1:
		pt = lastOrNext(pt, cur, m.rel)
	case 0:
		// In January and February the current season is the winter that
		// began the year before; "this summer" is still this year's.
		if cur.m == 4 && pt.m != 4 && cur.y < r.dct.Year() {
			pt.y = r.dct.Year()
		}
	default:
		dir := r.tense(m)
		if dir < 0 && pt.m > cur.m {
			pt.y--
		} else if dir > 0 && pt.m < cur.m {
			pt.y++
		}
	}
	return pt
}

// partRel: a quarter or half of an unstated year; results for the fourth
// quarter come out in the new year.
func (r *resolver) partRel(m *match) point {
	g := m.p.g
	cur := at(r.dct, g)
	pt := point{g: g, y: cur.y, m: m.p.m}
	switch {
	case m.rel == -1 || m.rel == 1:
		pt.y += m.rel
	case pt.m > cur.m && r.tense(m) <= 0:
		pt.y--
	}
	return pt
}

// anaphor: "that year", "the next day": from the date under discussion.
func (r *resolver) anaphor(m *match) point {
	base := r.ref
	if !r.hasRef {
		base = dayPoint(r.dct)
	}
	g := unitGran(m.u)
	if g == gTime || g == gNone {
		g = gDay
	}
	pt := at(base.start(), g)
	if g == gDay && base.g == gDay {
		pt = base
	}
	return pt.shift(int(m.n))
}

// holiday: a feast of the year the tense points to.
func (r *resolver) holiday(m *match) (point, bool) {
	d := r.dct
	y := d.Year()
	t := holidayDate(m.part, y)
	if t.IsZero() {
		return point{}, false
	}
	dir := r.tense(m)
	if dir < 0 && t.After(d) {
		t = holidayDate(m.part, y-1)
	} else if dir > 0 && t.Before(d) {
		t = holidayDate(m.part, y+1)
	}
	return dayPoint(t), true
}

// ago: "two days ago" from the DCT; "a year earlier" from the reference
// time, at the reference's granularity when it is a quarter.
func (r *resolver) ago(m *match) point {
	base := r.agoBase(m)
	if r.quarterComparison(m, base) {
		// "the year-ago quarter"; "a year ago" in results news.
		return r.comparedQuarter(base).shift(int(m.n) * 4)
	}
	g := unitGran(m.u)
	if g == gTime {
		g = gDay
	}
	if base.g == gDay || base.g == gPart || base.g == gTime {
		return at(moveDay(date(base.y, base.m, base.d), m.u, m.n), g)
	}
	// Reference coarser than the unit: move at the unit's granularity.
	t := moveDay(base.start(), m.u, m.n)
	if unitGran(m.u) > base.g {
		return at(t, unitGran(m.u))
	}
	return at(t, base.g)
}

// refPast reports whether the date under discussion has begun by the DCT:
// a comparison with a year before is made for a reported period, never
// for a forecast one ("losses through the third quarter of 1990 ... in
// the year-ago period").
func (r *resolver) refPast() bool {
	return r.hasRef && !r.ref.start().After(r.dct)
}

// agoBase is what "earlier" and "later" count from: the quarter or day
// under discussion, else the DCT.
func (r *resolver) agoBase(m *match) point {
	switch {
	case m.anchorRef && r.hasRef && (r.ref.g == gQuarter || r.ref.g == gHalf):
		if !r.refPast() {
			return at(r.dct, r.ref.g).shift(-1)
		}
		return r.ref
	case m.anchorRef && r.hasRef && r.ref.g == gDay:
		// "A week later": from the day under discussion.
		return r.ref
	case m.anchorRef && m.n > 0 && r.hasRef && (r.ref.g == gYear || r.ref.g == gMonth) && unitGran(m.u) <= r.ref.g:
		// "Five years later", "nine months later": from the year or month
		// under discussion, in units no finer than it. ("A year earlier"
		// in results news compares with the DCT's year.)
		return r.ref
	}
	return dayPoint(r.dct)
}

// quarterComparison reports whether m compares with the same quarter a
// year before. Only "a year ago" is the standard comparison of results
// news; "two years ago" is a plain date.
func (r *resolver) quarterComparison(m *match, base point) bool {
	if m.p.g == gQuarter {
		return true
	}
	return r.quarter && m.u == uYear && (m.n == -1 || m.n == 1) && (base.g == gQuarter || !m.anchorRef)
}

// comparedQuarter is the quarter a comparison with a year before starts
// from: base when it is one, else the reported quarter under discussion,
// else the last one before the DCT.
func (r *resolver) comparedQuarter(base point) point {
	if base.g == gQuarter {
		return base
	}
	if r.refPast() && r.ref.g == gQuarter {
		return r.ref
	}
	return at(r.dct, gQuarter).shift(-1)
}

// weekday resolves a weekday against the DCT and the clause's tense.
func (r *resolver) weekday(m *match) time.Time {
	d := r.dct
	if m.anchorRef && r.hasRef && r.ref.g == gDay {
		d = date(r.ref.y, r.ref.m, r.ref.d)
	}
	cur := int(d.Weekday()+6)%7 + 1 // ISO: Monday = 1
	back := (cur - m.wd + 7) % 7    // days back to the most recent one, 0 = today
	fwd := (m.wd - cur + 7) % 7     // days ahead to the next one, 0 = today
	switch m.rel {
	case -1:
		return d.AddDate(0, 0, -orWeek(back))
	case 1:
		return d.AddDate(0, 0, orWeek(fwd))
	case 0:
		return d.AddDate(0, 0, m.wd-cur)
	}
	if weekdayAhead(r.tense(m), back, fwd) {
		return d.AddDate(0, 0, fwd)
	}
	return d.AddDate(0, 0, -back)
}

// orWeek is n days, or a week for 0: "last Friday" on a Friday is a week
// back.
func orWeek(n int) int {
	if n == 0 {
		return 7
	}
	return n
}

// weekdayAhead reports whether a bare weekday is the coming one, from the
// tense of its clause (dir) and the days back and ahead to it. A weekday
// six days away when the other reading is tomorrow or yesterday is almost
// always that nearer day; with no tense, news mostly reports what
// happened, and tomorrow is the one exception worth making.
func weekdayAhead(dir, back, fwd int) bool {
	switch {
	case dir < 0 && back == 6 && fwd == 1:
		return true
	case dir > 0 && fwd == 6 && back == 1:
		return false
	case dir != 0:
		return dir > 0
	}
	return fwd == 1 && back == 6
}

// weekend: "the weekend" is the one just past early in the week, the
// coming one late in it.
func (r *resolver) weekend(m *match) point {
	d := r.dct
	cur := int(d.Weekday()+6)%7 + 1
	pt := at(d, gWeekend)
	switch m.rel {
	case -1:
		if cur < 6 {
			pt = pt.shift(-1)
		}
		return pt
	case 1:
		if cur >= 6 {
			pt = pt.shift(1)
		}
		return pt
	case 0:
		return pt
	}
	dir := r.tense(m)
	if cur < 6 && (dir < 0 || dir == 0 && cur <= 3) {
		pt = pt.shift(-1)
	}
	return pt
}

// yearless gives a year to "July 28" or "June" from the DCT and the tense.
func (r *resolver) yearless(m *match) (point, bool) {
	pt := m.p
	pt.y = r.dct.Year()
	switch pt.g {
	case gMonth:
		return r.yearlessMonth(pt, r.tense(m)), true
	case gDay:
		return r.yearlessDay(pt, m.wd, r.tense(m))
	}
	return pt, true
}

// monthAhead is how many months ahead a month name without tense may be
// read as the coming one.
const monthAhead = 2

// yearlessMonth: "in June" is the nearest June in the clause's direction;
// a month a year away in that direction but just past (or just ahead) the
// other way is the near one.
func (r *resolver) yearlessMonth(pt point, dir int) point {
	cur := int(r.dct.Month())
	back := (cur - pt.m + 12) % 12 // months back to the latest such month
	fwd := (pt.m - cur + 12) % 12
	switch {
	case dir > 0 && fwd > 9 && back <= 1, dir == 0 && fwd > monthAhead:
		dir = -1
	case dir < 0 && back > 9 && fwd <= 1:
		dir = 1
	case dir == 0:
		dir = 1
	}
	if dir < 0 && pt.m > cur {
		pt.y--
	} else if dir > 0 && pt.m < cur {
		pt.y++
	}
	return pt
}

// yearlessDay: "July 28" is the nearest such day in the clause's
// direction, unless that is most of a year away; "Sunday, March 5" the
// nearest year where that day is a Sunday.
func (r *resolver) yearlessDay(pt point, wd, dir int) (point, bool) {
	if wd > 0 {
		if y, ok := yearOfWeekday(pt, wd); ok {
			pt.y = y
			return pt, true
		}
	}
	d := r.dct
	past, future := date(pt.y, pt.m, pt.d), date(pt.y, pt.m, pt.d)
	if past.After(d) {
		past = date(pt.y-1, pt.m, pt.d)
	}
	if future.Before(d) {
		future = date(pt.y+1, pt.m, pt.d)
	}
	pt.y = future.Year()
	if dayBehind(dir, d.Sub(past).Hours()/24, future.Sub(d).Hours()/24) {
		pt.y = past.Year()
	}
	if pt.m == 2 && pt.d == 29 && !isLeap(pt.y) {
		return point{}, false
	}
	return pt, true
}

// dayBehind reports whether a day of the year without its year is the
// past one, from the tense (dir) and the days back to the past one and
// ahead to the coming one: without tense the coming one only if it is
// within two months, and never the one most of a year away when the other
// is close.
func dayBehind(dir int, back, fwd float64) bool {
	switch {
	case dir > 0 && fwd > 300 && back < 45, dir == 0 && fwd > 60:
		return true
	case dir < 0 && back > 300 && fwd < 45:
		return false
	}
	return dir < 0
}

// yearOfWeekday is the year near pt.y in which the day pt falls on ISO
// weekday wd.
func yearOfWeekday(pt point, wd int) (int, bool) {
	for _, dy := range []int{0, 1, -1, 2, -2} {
		t := date(pt.y+dy, pt.m, pt.d)
		if int(t.Weekday()+6)%7+1 == wd && t.Day() == pt.d {
			return t.Year(), true
		}
	}
	return 0, false
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// fixedFeast is the month and day of a feast on the same day every year.
func fixedFeast(name string) (int, int, bool) {
	switch name {
	case "christmas":
		return 12, 25, true
	case "christmaseve":
		return 12, 24, true
	case "newyear":
		return 1, 1, true
	case "newyeareve":
		return 12, 31, true
	case "independence":
		return 7, 4, true
	case "halloween":
		return 10, 31, true
	case "valentine":
		return 2, 14, true
	case "boxing":
		return 12, 26, true
	}
	return 0, 0, false
}

// holidayDate is the day of a named feast in year y, or zero.
func holidayDate(name string, y int) time.Time {
	if m, d, ok := fixedFeast(name); ok {
		return date(y, m, d)
	}
	switch name {
	case "thanksgiving":
		return nthWeekday(y, 11, time.Thursday, 4)
	case "labor":
		return nthWeekday(y, 9, time.Monday, 1)
	case "memorial":
		// The last Monday of May.
		t := nthWeekday(y, 5, time.Monday, 4)
		if t.AddDate(0, 0, 7).Month() == 5 {
			t = t.AddDate(0, 0, 7)
		}
		return t
	case "election":
		// US federal elections: the Tuesday after the first Monday of November.
		return nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1)
	case "easter":
		return easter(y)
	case "eastereve":
		return easter(y).AddDate(0, 0, -1)
	case "thanksgivingeve":
		return nthWeekday(y, 11, time.Thursday, 4).AddDate(0, 0, -1)
	}
	return time.Time{}
}

// easter is Easter Sunday of year y (the Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	mm := (a + 11*h + 22*l) / 451
	month := (h + l - 7*mm + 114) / 31
	day := (h+l-7*mm+114)%31 + 1
	return date(y, month, day)
}

func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	t := date(y, m, 1)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}
