// Package timex finds time expressions in news English and normalises them
// to TIMEX3 values against the document creation time (DCT), with the
// conventions of news writing: a bare weekday in a past-tense clause is the
// most recent such day, in a future clause the next one; a month without a
// year is the nearest one in the clause's direction; clock times take the
// dateline's zone. A duration that places something in time ("in three
// weeks", "two days later") keeps its TIMEX3 duration value and gets the
// date it points at as its anchor.
//
// Tagging is one pass of a hand-written tokenizer and a grammar of small
// named rules (rules*.go) that is only entered on words of its lexicon, so
// it runs in linear time. Normalisation (resolve.go) then gives each match
// its value from the DCT, the tense of its clause (tense.go) and the date
// under discussion.
//
// French, German, Spanish and Russian have grammars of their own, smaller
// (lang.go, rules_lang.go): dates, months, years, weekdays with or without
// "last"/"next", relative days, the eve of the day under discussion,
// relative weeks, months and years, "ago", "in" and durations, each
// language a list of named rules over its newstext lexicon. Options.Lang
// chooses; a language with neither gets no expressions.
package timex

import (
	"sort"
	"sync"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"

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
	// Lang is the text's language (ISO 639-1). English, or "" (unknown),
	// is read with the English grammar; French, German, Spanish and
	// Russian with their own rules; any other language yields nothing,
	// since English rules would read its words as English ones.
	Lang string
}

var tokPool = sync.Pool{New: func() any { s := make([]token, 0, 512); return &s }}

// Tag finds the time expressions of text and normalises them.
func Tag(text string, opts Options) []storyline.TimeExpr {
	out, _ := tag(text, opts, false)
	return out
}

// tag is Tag; with trace it also returns, for each expression, the rules
// that made it.
func tag(text string, opts Options, trace bool) ([]storyline.TimeExpr, []string) {
	lx, ok := newstext.Analysis(opts.Lang)
	if !ok {
		return nil, nil
	}
	if lx.OwnAnalysis() {
		return tagLang(text, lx, opts, trace)
	}
	tp := tokPool.Get().(*[]token)
	if need := len(text)/5 + 16; cap(*tp) < need {
		*tp = make([]token, 0, need)
	}
	g := builtGrammar()
	toks := lex(text, *tp, g.vocab)
	p := &parser{g: g, text: text, toks: toks, noPoss: opts.TimeML, trace: trace}
	ms := p.scan(nil)
	out, rules := p.resolveAll(ms, opts)
	*tp = toks[:0]
	if cap(toks) <= 1<<20 {
		tokPool.Put(tp)
	}
	return out, rules
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

func newResolver(p *parser, opts Options) *resolver {
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
	return r
}

// resolveAll normalises the matches in text order, and returns the
// expressions and, when tracing, the rules of each.
func (p *parser) resolveAll(ms []match, opts Options) ([]storyline.TimeExpr, []string) {
	r := newResolver(p, opts)
	out := make([]storyline.TimeExpr, 0, len(ms))
	var rules []string
	vals := make([]point, len(ms))
	anchors := r.quoteAnchors(ms)
	for k := range ms {
		m := &ms[k]
		p.swallowDay(ms, k)
		if m.cont && k > 0 && vals[k-1].g == gDay && m.p.y == 0 {
			m.p.y = vals[k-1].y
		}
		var val, anchor string
		vals[k], val, anchor = r.resolveAt(ms, k, anchors)
		if m.kind == kNone {
			continue
		}
		start, end := p.toks[m.from].start, p.toks[m.to-1].end
		out = append(out, storyline.TimeExpr{Text: p.text[start:end], Start: start, End: end, Type: m.typ.String(), Value: val, Anchor: anchor})
		if p.trace {
			rules = append(rules, m.rule)
		}
		if m.kind == kTime && m.day > 0 {
			// The day was consumed by the time.
			ms[k+1].kind = kNone
		}
	}
	return out, rules
}

// swallowDay makes a clock time directly followed by its day ("9 a.m.
// Tuesday", "9 a.m., Jan. 5") one expression.
func (p *parser) swallowDay(ms []match, k int) {
	m := &ms[k]
	if m.kind != kTime || k+1 >= len(ms) || !isDayMatch(ms[k+1]) {
		return
	}
	next := &ms[k+1]
	if next.from == m.to || next.from == m.to+1 && p.lw(m.to) == "," && next.kind == kAbs {
		m.to = next.to
		m.day = k + 2
	}
}

// resolveAt resolves match k to its point, value and anchor; words inside
// a quotation count from when they were spoken.
func (r *resolver) resolveAt(ms []match, k int, anchors map[int]time.Time) (point, string, string) {
	if a, ok := anchors[k]; ok {
		saved := r.dct
		r.dct = a
		defer func() { r.dct = saved }()
	}
	pt, val := r.resolve(ms, k)
	return pt, val, r.anchorOf(&ms[k])
}

// quoteAnchors finds quotations whose attribution says on which day they
// were spoken ("...tomorrow," he said on Sunday) and maps the index of each
// relative expression inside them to that day.
func (r *resolver) quoteAnchors(ms []match) map[int]time.Time {
	if !r.hasDCT || len(ms) == 0 {
		return nil
	}
	var anchors map[int]time.Time
	for _, q := range r.p.quotations() {
		day, ok := r.attributionDay(ms, q[0], q[1])
		if !ok {
			continue
		}
		for k := firstMatch(ms, q[0]); k < len(ms) && ms[k].from < q[1]; k++ {
			if !anchoredInQuote(&ms[k], q[0], q[1]) {
				continue
			}
			if anchors == nil {
				anchors = map[int]time.Time{}
			}
			anchors[k] = day
		}
	}
	return anchors
}

// quotations are the token indexes of the quote marks that open and close
// each quotation; a quotation does not run across paragraphs.
func (p *parser) quotations() [][2]int {
	var qs [][2]int
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
		qs = append(qs, [2]int{open, i})
		open = -1
	}
	return qs
}

// anchoredInQuote reports whether m, inside the quote marks qs and qe, is
// relative to the day its words were spoken.
func anchoredInQuote(m *match, qs, qe int) bool {
	if m.from <= qs || m.to > qe {
		return false
	}
	switch m.kind {
	case kDayRel, kWeekday, kUnitRel, kTime:
		return true
	}
	return m.place == placeDCT || m.place == placeDCTAhead
}

// firstMatch is the index of the first match ending after token i (the
// matches are in text order).
func firstMatch(ms []match, i int) int {
	return sort.Search(len(ms), func(k int) bool { return ms[k].to > i })
}

// attributionDay is the day named next to a reporting verb just before or
// just after the quotation between quote marks qs and qe.
func (r *resolver) attributionDay(ms []match, qs, qe int) (time.Time, bool) {
	for k := firstMatch(ms, qs-12); k < len(ms) && ms[k].from <= qe+12; k++ {
		m := &ms[k]
		if !r.p.attributes(m, qs, qe) {
			continue
		}
		if pt, ok := r.dateKeepingRef(m); ok && pt.g == gDay {
			return date(pt.y, pt.m, pt.d), true
		}
	}
	return time.Time{}, false
}

// attributes reports whether day expression m is the day of the
// attribution of the quotation between qs and qe: within 12 tokens of it,
// with nothing but the attribution between, next to a reporting verb.
func (p *parser) attributes(m *match, qs, qe int) bool {
	inside := m.from > qs && m.to <= qe
	near := m.to <= qs && qs-m.to <= 12 || m.from > qe && m.from-qe <= 12
	if inside || !near || !(m.kind == kWeekday || m.kind == kDayRel || m.kind == kAbs && m.p.g == gDay) {
		return false
	}
	a, b := m.to, qs
	if m.from > qe {
		a, b = qe+1, m.from
	}
	for i := a; i < b; i++ {
		if p.breakAt(i) && p.lw(i) != "\"" {
			return false
		}
	}
	return p.reportedAt(m)
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

// dateKeepingRef resolves m without making it the date under discussion.
func (r *resolver) dateKeepingRef(m *match) (point, bool) {
	saved, savedOK := r.ref, r.hasRef
	pt, ok := r.date(m)
	r.ref, r.hasRef = saved, savedOK
	return pt, ok
}

// clock resolves a clock time: its day is the adjacent day expression
// ("10am on Thursday", "9 a.m. Tuesday") or the DCT's.
func (r *resolver) clock(ms []match, k int) (point, string) {
	m := &ms[k]
	day, found := r.clockDay(ms, k)
	if !found {
		if !r.hasDCT {
			return point{}, ""
		}
		day = dayPoint(r.dct)
		if r.hasRef && r.ref.g == gDay && k > 0 && r.p.sameSentence(ms[k-1].to, m.from) {
			day = r.ref
		}
	}
	pt := m.p
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

// clockDay is the day of clock time k, when a day expression next to it
// says it: swallowed ("9 a.m. Tuesday"), after it ("10am on Thursday",
// "10:35 a.m. (0735 GMT) Friday") or just before it ("Thursday at 10am").
func (r *resolver) clockDay(ms []match, k int) (point, bool) {
	cand := r.p.clockDayIndex(ms, k)
	if cand < 0 {
		return point{}, false
	}
	d, ok := r.dateKeepingRef(&ms[cand])
	return d, ok && d.g == gDay
}

// clockDayIndex is the index of the match that gives clock time k its
// day, or -1.
func (p *parser) clockDayIndex(ms []match, k int) int {
	m := &ms[k]
	switch {
	case m.day > 0:
		return m.day - 1
	case k+1 < len(ms) && ms[k+1].from <= m.to+2 && isDayMatch(ms[k+1]) && p.onlyGlue(m.to, ms[k+1].from):
		return k + 1
	case k+1 < len(ms) && ms[k+1].from == m.to+1 && p.lw(m.to) == ")" && isDayMatch(ms[k+1]):
		// "(4 p.m. EDT) yesterday" is yesterday's 4 p.m.
		return k + 1
	case p.dayAfterParen(ms, k) >= 0:
		return p.dayAfterParen(ms, k)
	case k > 0 && ms[k-1].to+2 >= m.from && isDayMatch(ms[k-1]) && p.onlyGlue(ms[k-1].to, m.from):
		return k - 1
	}
	return -1
}

// dayAfterParen is the index of the day right after a short parenthesis
// that follows clock time k, or -1: "10:35 a.m. (0735 GMT) Friday", "8 p.m.
// GMT (4 p.m. EDT) yesterday". What the parenthesis holds (the same time
// elsewhere) is skipped.
func (p *parser) dayAfterParen(ms []match, k int) int {
	j := p.skipParen(ms[k].to)
	if j == ms[k].to {
		return -1
	}
	n := k + 1
	for n < len(ms) && ms[n].from < j {
		n++
	}
	if n < len(ms) && ms[n].from == j && isDayMatch(ms[n]) {
		return n
	}
	return -1
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

// onlyGlue reports whether tokens [a, b) are only "on", ",", "of", "this"
// or "(".
func (p *parser) onlyGlue(a, b int) bool {
	for i := a; i < b; i++ {
		if !p.lwIn(i, "on", ",", "of", "this", "(") {
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
