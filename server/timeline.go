package server

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
)

// when is a TIMEX3 value placed on a time axis: the instant it starts, and a
// label at the precision the value has.
type when struct {
	T     time.Time
	Label string
}

// parseWhen reads the TIMEX3 date values a timeline can place: days, months,
// years, ISO weeks and date-times. Anything else (durations, seasons,
// references like PRESENT_REF) is not on the axis.
func parseWhen(v string) (when, bool) {
	v = strings.TrimSpace(v)
	if len(v) > 10 && v[10] == 'T' {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
			if t, err := time.Parse(layout, v); err == nil {
				t = t.UTC()
				return when{t, t.Format("2 Jan 2006 15:04 UTC")}, true
			}
		}
		v = v[:10]
	}
	switch {
	case len(v) == 10:
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return when{t, t.Format("2 Jan 2006")}, true
		}
	case len(v) == 7 && v[4] == '-':
		if t, err := time.Parse("2006-01", v); err == nil {
			return when{t, t.Format("Jan 2006")}, true
		}
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:])
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			// ISO week 1 holds 4 January; weeks start on Monday.
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
			return when{monday, fmt.Sprintf("week %d, %d", w, y)}, true
		}
	case len(v) == 4:
		if y, err := strconv.Atoi(v); err == nil && y > 0 {
			return when{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), v}, true
		}
	}
	return when{}, false
}

// timelineSVG is a story's timeline laid out for the SVG template: a
// vertical time axis (it reads on a phone as well as on a wide screen), a
// mark on it per dated entry, and each entry's label beside the axis,
// pushed down when entries are too close to have their own line.
type timelineSVG struct {
	Width, Height int
	AxisX         int
	Top, Bottom   int
	Ticks         []svgTick
	Marks         []svgMark
}

type svgTick struct {
	Y     int
	Label string
}

type svgMark struct {
	Y      int       // on the axis
	LabelY int       // baseline of the date line
	Leader string    // polyline points from the mark to the label
	Event  bool      // one of the story's events (a larger mark)
	Href   string    // event page
	Date   string    // label of the date
	Lines  []svgLine // the label, wrapped
	Title  string    // full text, for the tooltip
	LabelX int
}

type svgLine struct {
	Y    int
	Text string
}

// Geometry of the timeline drawing, in SVG user units.
const (
	tlWidth     = 420
	tlAxisX     = 104
	tlLabelX    = 126
	tlTop       = 36
	tlLineChars = 34 // characters of a label line at the label font size, wide letters included
	tlMaxLines  = 2
	tlDateH     = 16
	tlLineH     = 17
	tlGap       = 12
	tlMinTickDY = 20
)

// timelineEntry is one thing to draw, before layout.
type timelineEntry struct {
	When  when
	What  string
	Event string
}

// storyTimeline collects what a story's timeline shows: its timeline
// entries, and any of its events the timeline lacks.
func storyTimeline(st *storyline.Story, events []storyline.Event) (dated []timelineEntry, undated []storyline.TimelineEntry) {
	seen := map[string]bool{}
	for _, e := range st.Timeline {
		w, ok := parseWhen(e.Date)
		if !ok {
			undated = append(undated, e)
			continue
		}
		if e.Event != "" {
			seen[e.Event] = true
		}
		dated = append(dated, timelineEntry{When: w, What: e.What, Event: e.Event})
	}
	for _, ev := range events {
		if seen[ev.ID] {
			continue
		}
		w, ok := parseWhen(ev.Date)
		if !ok {
			continue
		}
		dated = append(dated, timelineEntry{When: w, What: ev.Title, Event: ev.ID})
	}
	sort.SliceStable(dated, func(i, j int) bool {
		a, b := dated[i], dated[j]
		if !a.When.T.Equal(b.When.T) {
			return a.When.T.Before(b.When.T)
		}
		return a.Event != "" && b.Event == ""
	})
	return dated, undated
}

// layoutTimeline places entries (sorted by time) on the axis.
func layoutTimeline(entries []timelineEntry) *timelineSVG {
	if len(entries) == 0 {
		return nil
	}
	span := max(200, 44*len(entries))
	t := &timelineSVG{Width: tlWidth, AxisX: tlAxisX, Top: tlTop - 16, Bottom: tlTop + span + 16}
	lo, hi := entries[0].When.T, entries[len(entries)-1].When.T
	y := func(at time.Time) int {
		if !hi.After(lo) {
			return tlTop + span/2
		}
		return tlTop + int(float64(span)*float64(at.Sub(lo))/float64(hi.Sub(lo)))
	}
	nextFree := 0
	for _, e := range entries {
		m := svgMark{Y: y(e.When.T), Event: e.Event != "", Date: e.When.Label, Title: e.What, LabelX: tlLabelX}
		if m.Event {
			m.Href = "/events/" + e.Event
		}
		m.LabelY = max(m.Y+5, nextFree)
		for i, l := range wrap(e.What, tlLineChars, tlMaxLines) {
			m.Lines = append(m.Lines, svgLine{Y: m.LabelY + tlDateH + i*tlLineH, Text: l})
		}
		m.Leader = fmt.Sprintf("%d,%d %d,%d %d,%d", tlAxisX+8, m.Y, tlLabelX-10, m.LabelY-5, tlLabelX-4, m.LabelY-5)
		nextFree = m.LabelY + tlDateH + len(m.Lines)*tlLineH + tlGap
		t.Marks = append(t.Marks, m)
	}
	t.Height = max(t.Bottom, nextFree) + 8
	t.Ticks = ticks(lo, hi, y)
	return t
}

// ticks marks years, months or days on the axis depending on the span,
// dropping any that would crowd the previous one.
func ticks(lo, hi time.Time, y func(time.Time) int) []svgTick {
	days := hi.Sub(lo).Hours() / 24
	var start time.Time
	var step func(time.Time) time.Time
	var label func(time.Time) string
	switch {
	case days > 3*365:
		start = time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }
		label = func(t time.Time) string { return t.Format("2006") }
	case days > 60:
		start = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
		label = func(t time.Time) string { return t.Format("Jan 2006") }
	default:
		start = time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
		every := max(1, int(days/8))
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, every) }
		label = func(t time.Time) string { return t.Format("2 Jan 2006") }
	}
	var out []svgTick
	last := -1000
	for t, n := start, 0; !t.After(hi) && n < 400; t, n = step(t), n+1 {
		if t.Before(lo) {
			continue
		}
		ty := y(t)
		if ty-last < tlMinTickDY {
			continue
		}
		out = append(out, svgTick{Y: ty, Label: label(t)})
		last = ty
	}
	if len(out) == 0 {
		out = append(out, svgTick{Y: y(lo), Label: lo.Format("2 Jan 2006")})
	}
	return out
}

// wrap splits s into at most maxLines lines of about width characters at
// spaces, ending with an ellipsis when text is left over.
func wrap(s string, width, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	var cur strings.Builder
	for _, w := range words {
		if utf8.RuneCountInString(w) > width {
			w = string([]rune(w)[:width-1]) + "…"
		}
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
			if len(lines) == maxLines {
				last := []rune(lines[maxLines-1])
				if len(last) >= width {
					last = last[:width-1]
				}
				lines[maxLines-1] = string(last) + "…"
				return lines
			}
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	if len(lines) == 0 {
		lines = []string{"(untitled)"}
	}
	return lines
}

// barChart is an entity's appearances over time: articles per month (or
// per year over long spans).
type barChart struct {
	Width, Height int
	Bars          []svgBar
	First, Last   string
	BaseY         int
}

type svgBar struct {
	X, Y, W, H int
	Title      string
}

// appearanceChart counts articles by month (by year over four years) from
// their publication times.
func appearanceChart(published []string) *barChart {
	counts := map[time.Time]int{}
	var lo, hi time.Time
	for _, p := range published {
		w, ok := parseWhen(p)
		if !ok {
			continue
		}
		m := time.Date(w.T.Year(), w.T.Month(), 1, 0, 0, 0, 0, time.UTC)
		counts[m]++
		if lo.IsZero() || m.Before(lo) {
			lo = m
		}
		if m.After(hi) {
			hi = m
		}
	}
	if len(counts) == 0 {
		return nil
	}
	months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month()) + 1
	byYear := months > 48
	type bucket struct {
		t time.Time
		n int
	}
	var buckets []bucket
	if byYear {
		for y := lo.Year(); y <= hi.Year(); y++ {
			b := bucket{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
			for m := 1; m <= 12; m++ {
				b.n += counts[time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)]
			}
			buckets = append(buckets, b)
		}
	} else {
		for t := lo; !t.After(hi); t = t.AddDate(0, 1, 0) {
			buckets = append(buckets, bucket{t, counts[t]})
		}
	}
	peak := 1
	for _, b := range buckets {
		peak = max(peak, b.n)
	}
	const w, h, base, left, right = 480, 120, 96, 8, 8
	c := &barChart{Width: w, Height: h, BaseY: base}
	bw := (w - left - right) / len(buckets)
	for i, b := range buckets {
		bh := b.n * (base - 10) / peak
		if b.n > 0 {
			bh = max(bh, 2)
		}
		label := b.t.Format("Jan 2006")
		if byYear {
			label = b.t.Format("2006")
		}
		c.Bars = append(c.Bars, svgBar{X: left + i*bw + 1, Y: base - bh, W: max(bw-2, 1), H: bh, Title: fmt.Sprintf("%s: %d article(s)", label, b.n)})
		if i == 0 {
			c.First = label
		}
		c.Last = label
	}
	return c
}
