// Package timex finds time expressions in news English and normalises them
// to TIMEX3 values against the document creation time (DCT), with the
// conventions of news writing: a bare weekday in a past-tense clause is the
// most recent such day, in a future clause the next one; a month without a
// year is the nearest one in the clause's direction; clock times take the
// dateline's zone.
//
// Tagging is one pass of a hand-written tokenizer and a small grammar that
// is only entered on trigger words, so it runs in linear time.
package timex

import (
	"sort"
	"strings"
	"sync"
	"time"

	storyline "github.com/storyline-news/storyline"

	_ "time/tzdata" // dateline zones must resolve on any machine
)

// Options are what normalisation is anchored to.
type Options struct {
	// DCT is the document creation (publication) time; zero when unknown,
	// in which case relative expressions get an empty value.
	DCT time.Time
	// Zone is the dateline's zone, given to clock times that name none.
	Zone *time.Location
	// TimeML writes clock times without zone offsets (TimeBank style).
	TimeML bool
}

var tokPool = sync.Pool{New: func() any { s := make([]token, 0, 512); return &s }}

// Tag finds the time expressions of text and normalises them.
func Tag(text string, opts Options) []storyline.TimeExpr {
	tp := tokPool.Get().(*[]token)
	if need := len(text)/5 + 16; cap(*tp) < need {
		*tp = make([]token, 0, need)
	}
	g := builtGrammar()
	toks := lex(text, *tp, g.vocabulary)
	p := &parser{g: g, text: text, toks: toks, noPoss: opts.TimeML}
	ms := p.scan(nil)
	out := p.resolveAll(ms, opts)
	*tp = toks[:0]
	if cap(toks) <= 1<<20 {
		tokPool.Put(tp)
	}
	return out
}

// resolver carries the state of normalisation through a document.
type resolver struct {
	p       *parser
	opts    Options
	hasDCT  bool
	dct     time.Time // the DCT's calendar day, in UTC
	ref     point     // the last date mentioned, for "that year" and "a year earlier"
	hasRef  bool
	quarter bool // the text speaks of quarters: "a year ago" is a quarter
}

func (p *parser) resolveAll(ms []match, opts Options) []storyline.TimeExpr {
	r := &resolver{p: p, opts: opts}
	if !opts.DCT.IsZero() {
		r.hasDCT = true
		t := opts.DCT
		if opts.Zone != nil && (t.Hour() != 0 || t.Minute() != 0) {
			t = t.In(opts.Zone)
		}
		r.dct = date(t.Year(), int(t.Month()), t.Day())
		r.ref = dayPoint(r.dct)
	}
	out := make([]storyline.TimeExpr, 0, len(ms))
	vals := make([]point, len(ms))
	anchors := r.quoteAnchors(ms)
	for k := range ms {
		m := &ms[k]
		// A clock time directly followed by its day ("9 a.m. Tuesday")
		// is one expression.
		if m.kind == kTime && k+1 < len(ms) && isDayMatch(ms[k+1]) &&
			(ms[k+1].from == m.to || ms[k+1].from == m.to+1 && p.lw(m.to) == "," && ms[k+1].kind == kAbs) {
			m.to = ms[k+1].to
			m.day = k + 2
		}
		var v point
		var val string
		if m.cont && k > 0 && vals[k-1].g == gDay && m.p.y == 0 {
			m.p.y = vals[k-1].y
		}
		if a, ok := anchors[k]; ok {
			// Words inside a quotation count from when they were spoken.
			saved := r.dct
			r.dct = a
			v, val = r.resolve(ms, k)
			r.dct = saved
		} else {
			v, val = r.resolve(ms, k)
		}
		vals[k] = v
		start, end := p.toks[m.from].start, p.toks[m.to-1].end
		out = append(out, storyline.TimeExpr{Text: p.text[start:end], Start: start, End: end, Type: m.typ, Value: val})
		if m.kind == kTime && m.day > 0 {
			// The day was consumed by the time.
			ms[k+1].kind = kNone
		}
	}
	// Drop the days swallowed by a preceding clock time.
	w := 0
	for k := range ms {
		if ms[k].kind == kNone {
			continue
		}
		out[w] = out[k]
		w++
	}
	return out[:w]
}

// quoteAnchors finds quotations whose attribution says on which day they
// were spoken ("...tomorrow," he said on Sunday) and maps the index of each
// relative expression inside them to that day.
func (r *resolver) quoteAnchors(ms []match) map[int]time.Time {
	if !r.hasDCT || len(ms) == 0 {
		return nil
	}
	p := r.p
	var anchors map[int]time.Time
	open := -1
	for i := range p.toks {
		t := &p.toks[i]
		if t.para {
			open = -1
		}
		if t.lw != "\"" {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		qs, qe := open, i // quote marks
		open = -1
		day, ok := r.attributionDay(ms, qs, qe)
		if !ok {
			continue
		}
		for k := firstMatch(ms, qs); k < len(ms) && ms[k].from < qe; k++ {
			m := &ms[k]
			if m.from <= qs || m.to > qe {
				continue
			}
			switch m.kind {
			case kDayRel, kWeekday, kUnitRel, kTime:
				if anchors == nil {
					anchors = map[int]time.Time{}
				}
				anchors[k] = day
			}
		}
	}
	return anchors
}

// firstMatch is the index of the first match ending after token i (the
// matches are in text order).
func firstMatch(ms []match, i int) int {
	return sort.Search(len(ms), func(k int) bool { return ms[k].to > i })
}

// attributionDay is the day named next to a reporting verb just before or
// just after the quotation between quote marks qs and qe.
func (r *resolver) attributionDay(ms []match, qs, qe int) (time.Time, bool) {
	p := r.p
	for k := firstMatch(ms, qs-12); k < len(ms) && ms[k].from <= qe+12; k++ {
		m := &ms[k]
		inside := m.from > qs && m.to <= qe
		near := m.to <= qs && qs-m.to <= 12 || m.from > qe && m.from-qe <= 12
		if inside || !near || !(m.kind == kWeekday || m.kind == kDayRel || m.kind == kAbs && m.p.g == gDay) {
			continue
		}
		// Nothing but the attribution between the match and the quote.
		a, b := m.to, qs
		if m.from > qe {
			a, b = qe+1, m.from
		}
		clean := true
		for i := a; i < b; i++ {
			if p.breakAt(i) && p.lw(i) != "\"" {
				clean = false
				break
			}
		}
		if !clean || !p.reportedAt(m) {
			continue
		}
		saved, savedOK := r.ref, r.hasRef
		pt, ok := r.date(m)
		r.ref, r.hasRef = saved, savedOK
		if ok && pt.g == gDay {
			return date(pt.y, pt.m, pt.d), true
		}
	}
	return time.Time{}, false
}

// reportedAt reports whether a day expression is attached to a reporting
// verb: "said Sunday", "said on Sunday", "on Sunday said", "Sunday's remarks".
func (p *parser) reportedAt(m *match) bool {
	i := m.from - 1
	if p.lw(i) == "on" {
		i--
	}
	if reportingVerb(p.lw(i)) {
		return true
	}
	return reportingVerb(p.lw(m.to)) || p.lw(m.to) == "," && reportingVerb(p.lw(m.to+1))
}

func reportingVerb(w string) bool {
	switch w {
	case "said", "says", "told", "stated", "added", "declared", "announced", "tweeted", "wrote", "commented", "remarked", "insisted", "warned":
		return true
	}
	return false
}

func isDayMatch(m match) bool {
	return m.kind == kWeekday && m.part == "" || m.kind == kDayRel && m.part == "" || m.kind == kAbs && m.p.g == gDay
}

// resolve computes the value of match k.
func (r *resolver) resolve(ms []match, k int) (point, string) {
	m := &ms[k]
	if m.kind == kNone {
		return point{}, ""
	}
	switch m.kind {
	case kFixed:
		if m.typ == "DATE" && m.p.g == gDecade && r.opts.TimeML {
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
	if m.kind != kAgo && (pt.g == gDay || pt.g == gMonth || pt.g == gYear || pt.g == gQuarter || pt.g == gHalf || pt.g == gWeek) {
		r.ref, r.hasRef = pt, true
		if pt.g == gQuarter {
			r.quarter = true
		}
	}
	return pt, pt.String()
}

// date resolves a calendar expression to a point.
func (r *resolver) date(m *match) (point, bool) {
	switch m.kind {
	case kAbs:
		if (m.p.g == gQuarter || m.p.g == gHalf) && m.p.m == 0 {
			// "the 1988 quarter", "the 1988 period": the quarter under
			// discussion, in that year.
			pt := m.p
			switch {
			case r.hasRef && r.ref.g == pt.g:
				pt.m = r.ref.m
			case r.hasDCT:
				pt.m = at(r.dct, pt.g).shift(-1).m
			default:
				pt.g = gYear
			}
			return pt, true
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
	if !r.hasDCT {
		return point{}, false
	}
	d := r.dct
	switch m.kind {
	case kDayRel:
		t := d.AddDate(0, 0, int(m.n))
		pt := dayPoint(t)
		if m.part != "" && m.typ == "TIME" {
			pt.g, pt.part = gPart, m.part
		}
		return pt, true
	case kWeekday:
		pt := dayPoint(r.weekday(m))
		if r.opts.TimeML && (m.part == "EV" || m.part == "AF") {
			// TimeML gives "Friday evening" the part of day (TEV);
			// "Friday night" and "Friday morning" are mostly annotated
			// as the day itself. The storyline contract keeps the day.
			pt.g, pt.part = gPart, m.part
		}
		return pt, true
	case kUnitRel:
		if m.p.g == gHalf && m.p.m > 0 {
			rel := m.rel
			if rel == relNone {
				rel = 0
			}
			pt := m.p
			pt.y = d.Year() + rel
			return pt, true
		}
		g := unitGran(m.u)
		if m.p.g == gCentury {
			g = gCentury
		}
		if m.u == uWeekend {
			return r.weekend(m), true
		}
		rel := m.rel
		if rel == relNone {
			rel = 0
		}
		return at(d, g).shift(rel), true
	case kMonthRel:
		cur := at(d, gMonth)
		pt := point{g: gMonth, y: cur.y, m: m.p.m}
		switch m.rel {
		case -1:
			if pt.m >= cur.m {
				pt.y--
			}
		case 1:
			if pt.m <= cur.m {
				pt.y++
			}
		}
		return pt, true
	case kSeasonRel:
		cur := seasonOf(d)
		pt := point{g: gSeason, y: cur.y, m: m.p.m}
		switch m.rel {
		case -1:
			if pt.m >= cur.m {
				pt.y--
			}
		case 1:
			if pt.m <= cur.m {
				pt.y++
			}
		case 0:
		default:
			dir := r.tense(m)
			if dir < 0 && pt.m > cur.m {
				pt.y--
			} else if dir > 0 && pt.m < cur.m {
				pt.y++
			}
		}
		if pt.m == 4 && cur.m != 4 && int(d.Month()) <= 2 && m.rel == relNone {
			pt.y = cur.y
		}
		return pt, true
	case kPartRel:
		g := m.p.g
		cur := at(d, g)
		pt := point{g: g, y: cur.y, m: m.p.m}
		switch {
		case m.rel != relNone && m.rel != 0 && (m.rel == -1 || m.rel == 1):
			pt.y += m.rel
		case pt.m > cur.m && r.tense(m) <= 0:
			// Results for the fourth quarter come out in the new year.
			pt.y--
		}
		return pt, true
	case kLatestPart:
		return at(d, m.p.g).shift(-1), true
	case kAgo:
		return r.ago(m), true
	case kAnaphor:
		base := r.ref
		if !r.hasRef {
			base = dayPoint(d)
		}
		g := unitGran(m.u)
		if g == gTime || g == gNone {
			g = gDay
		}
		pt := at(base.start(), g)
		if g == gDay && base.g == gDay {
			pt = base
		}
		return pt.shift(int(m.n)), true
	case kHoliday:
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
	return point{}, false
}

// ago: "two days ago" from the DCT; "a year earlier" from the reference
// time, at the reference's granularity when it is a quarter.
func (r *resolver) ago(m *match) point {
	base := dayPoint(r.dct)
	// A comparison with a year before is made for a reported period, never
	// for a forecast one ("losses through the third quarter of 1990 ...
	// in the year-ago period").
	refPast := r.hasRef && !r.ref.start().After(r.dct)
	if m.anchorRef && r.hasRef && (r.ref.g == gQuarter || r.ref.g == gHalf) {
		base = r.ref
		if !refPast {
			base = at(r.dct, r.ref.g).shift(-1)
		}
	} else if m.anchorRef && r.hasRef && r.ref.g == gDay {
		// "A week later": from the day under discussion.
		base = r.ref
	}
	g := unitGran(m.u)
	if g == gTime {
		g = gDay
	}
	// Only "a year ago" is the standard comparison of results news; "two
	// years ago" is a plain date.
	if m.p.g == gQuarter || (r.quarter && m.u == uYear && (m.n == -1 || m.n == 1) && (base.g == gQuarter || !m.anchorRef)) {
		// "the year-ago quarter"; "a year ago" in results news.
		q := base
		if q.g != gQuarter {
			q = at(r.dct, gQuarter).shift(-1)
			if r.hasRef && refPast && r.ref.g == gQuarter {
				q = r.ref
			}
		}
		return q.shift(int(m.n) * 4)
	}
	if base.g == gDay || base.g == gPart || base.g == gTime {
		t := moveDay(date(base.y, base.m, base.d), m.u, m.n)
		return at(t, g)
	}
	// Reference coarser than the unit: move at the unit's granularity.
	t := moveDay(base.start(), m.u, m.n)
	if unitGran(m.u) > base.g {
		return at(t, unitGran(m.u))
	}
	return at(t, base.g)
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
		if back == 0 {
			back = 7
		}
		return d.AddDate(0, 0, -back)
	case 1:
		if fwd == 0 {
			fwd = 7
		}
		return d.AddDate(0, 0, fwd)
	case 0:
		return d.AddDate(0, 0, m.wd-cur)
	}
	dir := r.tense(m)
	// A bare weekday six days away when the other reading is tomorrow
	// or yesterday is almost always that nearer day.
	if dir < 0 && back == 6 && fwd == 1 {
		dir = 1
	} else if dir > 0 && fwd == 6 && back == 1 {
		dir = -1
	}
	switch dir {
	case -1:
		return d.AddDate(0, 0, -back)
	case 1:
		return d.AddDate(0, 0, fwd)
	}
	// No tense: news mostly reports what happened; tomorrow is the one
	// exception worth making.
	if fwd == 1 && back == 6 {
		return d.AddDate(0, 0, fwd)
	}
	return d.AddDate(0, 0, -back)
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
	d := r.dct
	pt := m.p
	pt.y = d.Year()
	dir := r.tense(m)
	switch pt.g {
	case gMonth:
		cur := int(d.Month())
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
	case gDay:
		past, future := date(pt.y, pt.m, pt.d), date(pt.y, pt.m, pt.d)
		if past.After(d) {
			past = date(pt.y-1, pt.m, pt.d)
		}
		if future.Before(d) {
			future = date(pt.y+1, pt.m, pt.d)
		}
		if m.wd > 0 {
			// "Sunday, March 5": the nearest year where that day is a Sunday.
			for _, dy := range []int{0, 1, -1, 2, -2} {
				t := date(pt.y+dy, pt.m, pt.d)
				if int(t.Weekday()+6)%7+1 == m.wd && t.Day() == pt.d {
					pt.y = t.Year()
					return pt, true
				}
			}
		}
		back, fwd := d.Sub(past).Hours()/24, future.Sub(d).Hours()/24
		switch {
		case dir > 0 && fwd > 300 && back < 45, dir == 0 && fwd > 60:
			dir = -1
		case dir < 0 && back > 300 && fwd < 45:
			dir = 1
		case dir == 0:
			dir = 1
		}
		if dir < 0 {
			pt.y = past.Year()
		} else {
			pt.y = future.Year()
		}
		if pt.m == 2 && pt.d == 29 && !isLeap(pt.y) {
			return point{}, false
		}
	case gSeason, gQuarter, gHalf:
	}
	return pt, true
}

// monthAhead is how many months ahead a month name without tense may be
// read as the coming one.
var monthAhead = 2

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// clock resolves a clock time: its day is the adjacent day expression
// ("10am on Thursday", "9 a.m. Tuesday") or the DCT's.
func (r *resolver) clock(ms []match, k int) (point, string) {
	m := &ms[k]
	pt := m.p
	var day point
	found := false
	// The day: swallowed, "on Thursday" after, or just before.
	cand := -1
	if m.day > 0 {
		cand = m.day - 1
	} else if k+1 < len(ms) && ms[k+1].from <= m.to+2 && isDayMatch(ms[k+1]) && r.onlyGlue(m.to, ms[k+1].from) {
		cand = k + 1
	} else if j := r.p.skipParen(m.to); j > m.to && k+1 < len(ms) && ms[k+1].from == j && isDayMatch(ms[k+1]) {
		// "10:35 a.m. (0735 GMT) Friday"
		cand = k + 1
	} else if k > 0 && ms[k-1].to+2 >= m.from && isDayMatch(ms[k-1]) && r.onlyGlue(ms[k-1].to, m.from) {
		cand = k - 1
	}
	if cand >= 0 {
		saved, savedOK := r.ref, r.hasRef
		if d, ok := r.date(&ms[cand]); ok && d.g == gDay {
			day, found = d, true
		}
		r.ref, r.hasRef = saved, savedOK
	}
	if !found {
		if !r.hasDCT {
			return point{}, ""
		}
		day = dayPoint(r.dct)
		if r.hasRef && r.ref.g == gDay && k > 0 && r.p.sameSentence(ms[k-1].to, m.from) {
			day = r.ref
		}
	}
	pt.y, pt.m, pt.d, pt.g = day.y, day.m, day.d, gTime
	if pt.zone == "" && r.opts.Zone != nil {
		hh := pt.hh
		if hh == 24 {
			hh = 0
		}
		t := time.Date(pt.y, time.Month(pt.m), pt.d, hh, pt.mm, 0, 0, r.opts.Zone)
		_, off := t.Zone()
		pt.zone = offset(off)
	}
	if r.opts.TimeML {
		pt.zone = ""
	}
	return pt, pt.String()
}

func offset(sec int) string {
	if sec == 0 {
		return "Z"
	}
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return sign + pad(sec/3600, 2) + ":" + pad(sec%3600/60, 2)
}

// skipParen returns the index after a short parenthesis starting at i, or
// i when there is none.
func (p *parser) skipParen(i int) int {
	if p.lw(i) != "(" {
		return i
	}
	for j := i + 1; j < len(p.toks) && j < i+8; j++ {
		if p.lw(j) == ")" {
			return j + 1
		}
	}
	return i
}

// onlyGlue reports whether tokens [a, b) are only "on", "," or "of".
func (r *resolver) onlyGlue(a, b int) bool {
	for i := a; i < b; i++ {
		switch r.p.lw(i) {
		case "on", ",", "of", "this", "(":
		default:
			return false
		}
	}
	return true
}

func (p *parser) sameSentence(a, b int) bool {
	for i := a; i < b && i < len(p.toks); i++ {
		if clauseBreak(&p.toks[i]) {
			return false
		}
	}
	return true
}

// tense looks for the nearest tense cue in the clause around a match:
// -1 past, +1 future, 0 none.
func (r *resolver) tense(m *match) int {
	p := r.p
	// "until the autumn", "till Friday": a deadline ahead.
	if b := m.from - 1; p.lw(b) == "until" || p.lw(b) == "till" || p.lw(b) == "the" && (p.lw(b-1) == "until" || p.lw(b-1) == "till") {
		return 1
	}
	for i, n := m.from-1, 0; i >= 0 && n < 12; i, n = i-1, n+1 {
		t := &p.toks[i]
		if p.breakAt(i) || t.para {
			if c := p.cue(i); c != 0 && !p.breakAt(i) {
				return c
			}
			break
		}
		if c := p.cue(i); c != 0 {
			return c
		}
	}
	for i, n := m.to, 0; i < len(p.toks) && n < 12; i, n = i+1, n+1 {
		t := &p.toks[i]
		if p.breakAt(i) || t.para {
			break
		}
		if c := p.cue(i); c != 0 {
			// "On Friday, the government planned to open": a day before
			// the verb dates the planning, not the plan.
			if c > 0 && p.edTo(i) && !p.passive(i) {
				return -1
			}
			return c
		}
	}
	return 0
}

// breakAt reports whether token i ends a clause; the dots of "Sept." and
// "4.5" do not.
func (p *parser) breakAt(i int) bool {
	t := &p.toks[i]
	if !clauseBreak(t) {
		return false
	}
	if t.lw == "." {
		if pv := p.tok(i - 1); pv != nil && !t.space {
			if pv.kind == tNum && p.tok(i+1) != nil && p.toks[i+1].kind == tNum && !p.toks[i+1].space {
				return false
			}
			if pv.kind == tWord && pv.upper && len(pv.lw) <= 4 {
				return false
			}
		}
	}
	return true
}

// cue is the tense signalled by token i, if any; computed once per token.
func (p *parser) cue(i int) int {
	if p.cues == nil {
		p.cues = make([]int8, len(p.toks))
	}
	if c := p.cues[i]; c != 0 {
		return int(c) - 2
	}
	c := p.cueAt(i)
	p.cues[i] = int8(c + 2)
	return c
}

// edTo reports whether token i is a participle of intention ("planned
// to", "expected to") that cueAt reads as future.
func (p *parser) edTo(i int) bool {
	t := &p.toks[i]
	return len(t.lw) > 4 && strings.HasSuffix(t.lw, "ed") && !p.known(t.lw) && p.lw(i+1) == "to"
}

func (p *parser) cueAt(i int) int {
	c := p.cueWord(i)
	// "had been due to expire Friday": a plan from the past, for a day
	// that has usually gone by.
	if c > 0 && (p.lw(i-1) == "had" || p.lw(i-1) == "been" && p.lw(i-2) == "had") {
		return -1
	}
	return c
}

func (p *parser) cueWord(i int) int {
	t := &p.toks[i]
	if t.kind != tWord {
		if t.lw == "'" && p.lw(i+1) == "ll" {
			return 1
		}
		return 0
	}
	// "May" is the month; the modal is lower case but for the rare
	// sentence that opens with it.
	if t.lw == "may" && t.upper {
		return 0
	}
	// "is to resume trading Tuesday"
	if t.lw == "to" && (p.lw(i-1) == "is" || p.lw(i-1) == "are") && p.tok(i+1) != nil && p.toks[i+1].kind == tWord && !p.known(p.lw(i+1)) {
		return 1
	}
	if t.lw == "set" {
		if p.lw(i+1) == "to" || p.lw(i+1) == "for" {
			return 1
		}
		return 0
	}
	if t.lw == "plan" || t.lw == "plans" {
		if p.lw(i+1) == "to" {
			return 1
		}
		return 0
	}
	w := p.g.lex[t.lw]
	if w != nil {
		if w.class&cFutureCue != 0 {
			return 1
		}
		if w.class&cPastCue != 0 {
			if p.passive(i) {
				return 0
			}
			return -1
		}
		return 0
	}
	if len(t.lw) > 4 && strings.HasSuffix(t.lw, "ed") && !t.upper {
		switch t.lw {
		case "need", "indeed", "proceed", "succeed", "exceed", "hundred", "speed", "seed", "breed", "steed", "feed", "greed", "embed":
			return 0
		}
		// "expected to", "scheduled to" look ahead.
		if p.lw(i+1) == "to" {
			return 1
		}
		if p.passive(i) {
			return 0
		}
		// "a still unspecified date": an adjective.
		switch p.lw(i - 1) {
		case "a", "an", "the", "still", "its", "his", "her", "their", "very", "most", "fully", "newly":
			return 0
		}
		return -1
	}
	return 0
}

// passive reports whether the participle at i follows a present or future
// auxiliary ("is expected", "will be paid"), which says nothing of tense.
func (p *parser) passive(i int) bool {
	switch p.lw(i - 1) {
	case "be", "is", "are", "been", "being", "am":
		return true
	}
	return false
}

// holidayDate is the day of a named feast in year y, or zero.
func holidayDate(name string, y int) time.Time {
	switch name {
	case "christmas":
		return date(y, 12, 25)
	case "christmaseve":
		return date(y, 12, 24)
	case "newyear":
		return date(y, 1, 1)
	case "newyeareve":
		return date(y, 12, 31)
	case "independence":
		return date(y, 7, 4)
	case "halloween":
		return date(y, 10, 31)
	case "valentine":
		return date(y, 2, 14)
	case "boxing":
		return date(y, 12, 26)
	case "thanksgiving":
		return nthWeekday(y, 11, time.Thursday, 4)
	case "labor":
		return nthWeekday(y, 9, time.Monday, 1)
	case "memorial":
		t := nthWeekday(y, 5, time.Monday, 4)
		if t.AddDate(0, 0, 7).Month() == 5 {
			t = t.AddDate(0, 0, 7)
		}
		return t
	case "election":
		// US federal elections: the Tuesday after the first Monday of November.
		return nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1)
	case "easter":
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
	case "eastereve":
		return holidayDate("easter", y).AddDate(0, 0, -1)
	case "thanksgivingeve":
		return holidayDate("thanksgiving", y).AddDate(0, 0, -1)
	}
	return time.Time{}
}

func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	t := date(y, m, 1)
	for t.Weekday() != wd {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}
