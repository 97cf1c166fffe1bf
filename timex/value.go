package timex

import (
	"fmt"
	"strconv"
	"time"
)

// gran is the granularity of a calendar point, which is also the form of
// its TIMEX3 value.
type gran uint8

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
	gPart // a day and a part of it: 2021-09-30TMO
	gTime
)

// unit is a calendar unit of durations and relative expressions.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uHalf
	uSeason
	uYear
	uDecade
	uCentury
)

// point is a calendar point at some granularity. For gWeek and gWeekend y
// is the ISO year and m the ISO week; for gQuarter, gHalf and gSeason m is
// the index (seasons 1 SP, 2 SU, 3 FA, 4 WI); for gDecade and gCentury y is
// the first year.
type point struct {
	g      gran
	y      int
	m, d   int
	hh, mm int
	part   string
	zone   string
}

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

func (p point) String() string {
	switch p.g {
	case gCentury:
		return pad(floorDiv(p.y, 100), 2)
	case gDecade:
		return pad(floorDiv(p.y, 10), 3)
	case gYear:
		return pad(p.y, 4)
	case gHalf:
		return pad(p.y, 4) + "-H" + strconv.Itoa(p.m)
	case gQuarter:
		return pad(p.y, 4) + "-Q" + strconv.Itoa(p.m)
	case gSeason:
		if p.m < 1 || p.m > 4 {
			return pad(p.y, 4)
		}
		return pad(p.y, 4) + "-" + seasonCode[p.m]
	case gMonth:
		return pad(p.y, 4) + "-" + pad(p.m, 2)
	case gWeek:
		return pad(p.y, 4) + "-W" + pad(p.m, 2)
	case gWeekend:
		return pad(p.y, 4) + "-W" + pad(p.m, 2) + "-WE"
	case gDay:
		return pad(p.y, 4) + "-" + pad(p.m, 2) + "-" + pad(p.d, 2)
	case gPart:
		return pad(p.y, 4) + "-" + pad(p.m, 2) + "-" + pad(p.d, 2) + "T" + p.part
	case gTime:
		return pad(p.y, 4) + "-" + pad(p.m, 2) + "-" + pad(p.d, 2) + "T" + pad(p.hh, 2) + ":" + pad(p.mm, 2) + p.zone
	}
	return ""
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for len(s) < w {
		s = "0" + s
	}
	return s
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// at truncates the day t to granularity g.
func at(t time.Time, g gran) point {
	p := dayPoint(t)
	switch g {
	case gCentury:
		return point{g: g, y: floorDiv(p.y, 100) * 100}
	case gDecade:
		return point{g: g, y: floorDiv(p.y, 10) * 10}
	case gYear:
		return point{g: g, y: p.y}
	case gHalf:
		return point{g: g, y: p.y, m: (p.m-1)/6 + 1}
	case gQuarter:
		return point{g: g, y: p.y, m: (p.m-1)/3 + 1}
	case gSeason:
		return seasonOf(t)
	case gMonth:
		return point{g: g, y: p.y, m: p.m}
	case gWeek, gWeekend:
		y, w := t.ISOWeek()
		return point{g: g, y: y, m: w}
	}
	return p
}

func seasonOf(t time.Time) point {
	y, m := t.Year(), int(t.Month())
	switch {
	case m >= 3 && m <= 5:
		return point{g: gSeason, y: y, m: 1}
	case m >= 6 && m <= 8:
		return point{g: gSeason, y: y, m: 2}
	case m >= 9 && m <= 11:
		return point{g: gSeason, y: y, m: 3}
	case m == 12:
		return point{g: gSeason, y: y, m: 4}
	}
	return point{g: gSeason, y: y - 1, m: 4}
}

// start returns the first day of p.
func (p point) start() time.Time {
	switch p.g {
	case gCentury, gDecade, gYear:
		return date(p.y, 1, 1)
	case gHalf:
		return date(p.y, (p.m-1)*6+1, 1)
	case gQuarter:
		return date(p.y, (p.m-1)*3+1, 1)
	case gSeason:
		return date(p.y, p.m*3, 1)
	case gMonth:
		return date(p.y, p.m, 1)
	case gWeek, gWeekend:
		return isoWeekStart(p.y, p.m)
	}
	return date(p.y, p.m, p.d)
}

func isoWeekStart(y, w int) time.Time {
	jan4 := date(y, 1, 4)
	wd := int(jan4.Weekday()+6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+(w-1)*7)
}

// shift moves p by n units of its own granularity.
func (p point) shift(n int) point {
	switch p.g {
	case gCentury:
		p.y += 100 * n
	case gDecade:
		p.y += 10 * n
	case gYear:
		p.y += n
	case gHalf:
		k := p.y*2 + p.m - 1 + n
		p.y, p.m = floorDiv(k, 2), k-floorDiv(k, 2)*2+1
	case gQuarter:
		k := p.y*4 + p.m - 1 + n
		p.y, p.m = floorDiv(k, 4), k-floorDiv(k, 4)*4+1
	case gSeason:
		k := p.y*4 + p.m - 1 + n
		p.y, p.m = floorDiv(k, 4), k-floorDiv(k, 4)*4+1
	case gMonth:
		k := p.y*12 + p.m - 1 + n
		p.y, p.m = floorDiv(k, 12), k-floorDiv(k, 12)*12+1
	case gWeek, gWeekend:
		t := p.start().AddDate(0, 0, 7*n)
		p.y, p.m = t.ISOWeek()
	case gDay, gPart, gTime:
		t := date(p.y, p.m, p.d).AddDate(0, 0, n)
		p.y, p.m, p.d = t.Year(), int(t.Month()), t.Day()
	}
	return p
}

// unitGran is the granularity of a point reached by moving n units.
func unitGran(u unit) gran {
	switch u {
	case uSecond, uMinute, uHour:
		return gTime
	case uDay:
		return gDay
	case uWeek, uFortnight:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uSeason:
		return gSeason
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gNone
}

// moveDay moves a day by n units and returns the day reached.
func moveDay(t time.Time, u unit, n float64) time.Time {
	k := int(n)
	switch u {
	case uDay:
		return t.AddDate(0, 0, k)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*k)
	case uFortnight:
		return t.AddDate(0, 0, 14*k)
	case uMonth:
		return t.AddDate(0, k, 0)
	case uQuarter:
		return t.AddDate(0, 3*k, 0)
	case uHalf:
		return t.AddDate(0, 6*k, 0)
	case uSeason:
		return t.AddDate(0, 3*k, 0)
	case uYear:
		return t.AddDate(k, 0, 0)
	case uDecade:
		return t.AddDate(10*k, 0, 0)
	case uCentury:
		return t.AddDate(100*k, 0, 0)
	}
	return t
}

// durationCode is how a unit is written in a duration: its letter, the
// factor to the unit written, and whether it is a time ("PT2H") rather than
// a date duration ("P2D").
type durationCode struct {
	code     string
	factor   float64
	timePart bool
}

// codeOf is how unit u is written in a duration: fortnights as weeks,
// weekends as days, halves and seasons as months.
func codeOf(u unit) (durationCode, bool) {
	switch u {
	case uSecond:
		return durationCode{"S", 1, true}, true
	case uMinute:
		return durationCode{"M", 1, true}, true
	case uHour:
		return durationCode{"H", 1, true}, true
	case uDay:
		return durationCode{"D", 1, false}, true
	case uWeek:
		return durationCode{"W", 1, false}, true
	case uFortnight:
		return durationCode{"W", 2, false}, true
	case uWeekend:
		return durationCode{"D", 2, false}, true
	case uMonth:
		return durationCode{"M", 1, false}, true
	case uQuarter:
		return durationCode{"Q", 1, false}, true
	case uHalf:
		return durationCode{"M", 6, false}, true
	case uSeason:
		return durationCode{"M", 3, false}, true
	case uYear:
		return durationCode{"Y", 1, false}, true
	case uDecade:
		return durationCode{"Y", 10, false}, true
	case uCentury:
		return durationCode{"Y", 100, false}, true
	}
	return durationCode{}, false
}

// durationValue is the TIMEX3 value of n units ("P3D", "PT2H", "PXY"); a
// vague count of decades is "PXY" and of centuries "PXE".
func durationValue(n float64, known bool, u unit) string {
	dc, ok := codeOf(u)
	if !ok {
		return ""
	}
	p := "P"
	if dc.timePart {
		p = "PT"
	}
	if !known {
		if u == uCentury {
			return p + "XE"
		}
		return p + "X" + dc.code
	}
	n *= dc.factor
	if n != float64(int(n)) {
		return p + fraction(n, dc)
	}
	return p + strconv.Itoa(int(n)) + dc.code
}

// fraction writes half units with the next smaller unit: "2 1/2 years" is
// P2Y6M, "5 1/2 hours" PT5H30M.
func fraction(n float64, dc durationCode) string {
	whole := int(n)
	frac := n - float64(whole)
	switch {
	case dc.code == "Y":
		return fmt.Sprintf("%dY%dM", whole, int(frac*12+0.5))
	case dc.code == "H":
		return fmt.Sprintf("%dH%dM", whole, int(frac*60+0.5))
	case dc.code == "D":
		return fmt.Sprintf("%dDT%dH", whole, int(frac*24+0.5))
	case dc.code == "M" && !dc.timePart:
		return fmt.Sprintf("%dM%dD", whole, int(frac*30+0.5))
	case dc.code == "M":
		return fmt.Sprintf("%dM%dS", whole, int(frac*60+0.5))
	}
	return strconv.FormatFloat(n, 'f', -1, 64) + dc.code
}
