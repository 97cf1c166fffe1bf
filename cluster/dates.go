package cluster

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates are handled as day numbers (days since 1970-01-01) so that gaps are
// plain subtractions; noDay marks an unknown date.
const noDay = int32(-1 << 30)

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayOf(t time.Time) int32 { return int32(t.Sub(epoch).Hours() / 24) }

func dayTime(d int32) time.Time { return epoch.AddDate(0, 0, int(d)) }

func dayString(d int32) string {
	if d == noDay {
		return ""
	}
	return dayTime(d).Format("2006-01-02")
}

// parseDay reads the day of a YYYY-MM-DD, RFC 3339 or TIMEX3 value
// ("2021-09-30T08:00Z"); values coarser than a day give noDay.
func parseDay(s string) int32 {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return noDay
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return noDay
	}
	return dayOf(t)
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	reISO      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reMDY      = regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(\d{4})\b`)
	reDMY      = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `,?\s+(\d{4})\b`)
	reMD       = regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	reDM       = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `\b`)
	reMonth    = regexp.MustCompile(`\b(?:in|since|until|by|of|early|late|mid|end of|beginning of)\s+(?:early\s+|late\s+|mid-)?` + monthRE + `(?:\s+(\d{4}))?\b`)
	reWeekday  = regexp.MustCompile(`\b(?:on\s+|last\s+|next\s+|this\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reRelative = regexp.MustCompile(`\b(today|yesterday|tomorrow)\b`)
	reNumeric  = regexp.MustCompile(`\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b`)
	reFuture   = regexp.MustCompile(`\b(will|would|is due|are due|is set|are set|is to|are to|plans? to|expected to|next|upcoming|scheduled)\b`)
)

// dateMention is a date written in an article and resolved, when it can be,
// against a reference day (the publication date).
type dateMention struct {
	start, end int
	text       string
	value      string // TIMEX3-style: 2021-07-28, 2021-06
	day        int32  // noDay for month-only values
}

// findDates is the fallback date reader used when no time-expression
// analysis filled Article.Timexes: absolute dates, month-day pairs resolved
// to the year around ref, months, and weekdays or today/yesterday/tomorrow
// resolved against ref (past unless the sentence speaks of the future).
// It is deliberately small; the timex package is the real one.
func findDates(text string, ref int32) []dateMention {
	windows := cueWindows(text)
	if len(windows) == 0 {
		return nil
	}
	// Patterns run only on small windows around cue words (month and
	// weekday names, years, today...): running them over whole texts was
	// most of the cost of clustering.
	all := func(re *regexp.Regexp) [][]int {
		need := patternCue[re]
		var ms [][]int
		for _, w := range windows {
			if w.kinds&need == 0 {
				continue
			}
			for _, m := range re.FindAllStringSubmatchIndex(text[w.a:w.b], -1) {
				for k := range m {
					if m[k] >= 0 {
						m[k] += w.a
					}
				}
				ms = append(ms, m)
			}
		}
		return ms
	}
	var out []dateMention
	taken := make([]bool, len(text)+1)
	claim := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	add := func(a, b int, value string, day int32) {
		if claim(a, b) {
			out = append(out, dateMention{start: a, end: b, text: text[a:b], value: value, day: day})
		}
	}
	mk := func(y int, m time.Month, d int) (string, int32, bool) {
		if y < 1900 || y > 2100 || d < 1 || d > 31 {
			return "", noDay, false
		}
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Month() != m {
			return "", noDay, false
		}
		return t.Format("2006-01-02"), dayOf(t), true
	}
	for _, m := range all(reISO) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		if mo >= 1 && mo <= 12 {
			if v, day, ok := mk(y, time.Month(mo), d); ok {
				add(m[0], m[1], v, day)
			}
		}
	}
	for _, m := range all(reMDY) {
		mo := months[strings.ToLower(text[m[2]:m[3]])]
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if v, day, ok := mk(y, mo, d); ok {
			add(m[0], m[1], v, day)
		}
	}
	for _, m := range all(reDMY) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		mo := months[strings.ToLower(text[m[4]:m[5]])]
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if v, day, ok := mk(y, mo, d); ok {
			add(m[0], m[1], v, day)
		}
	}
	for _, m := range all(reNumeric) {
		a, _ := strconv.Atoi(text[m[2]:m[3]])
		b, _ := strconv.Atoi(text[m[4]:m[5]])
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		if a >= 1 && a <= 12 {
			if v, day, ok := mk(y, time.Month(a), b); ok {
				add(m[0], m[1], v, day)
			}
		}
	}
	refYear := 0
	if ref != noDay {
		refYear = dayTime(ref).Year()
	}
	nearestYear := func(mo time.Month, d int) (string, int32, bool) {
		if refYear == 0 {
			return "", noDay, false
		}
		best, bestDay, found := "", noDay, false
		bestGap := int32(1 << 30)
		for _, y := range []int{refYear - 1, refYear, refYear + 1} {
			v, day, ok := mk(y, mo, d)
			if !ok {
				continue
			}
			gap := day - ref
			if gap < 0 {
				gap = -gap / 2 // news looks back more often than ahead
			}
			if gap < bestGap {
				best, bestDay, bestGap, found = v, day, gap, true
			}
		}
		return best, bestDay, found
	}
	for _, m := range all(reMD) {
		mo := months[strings.ToLower(text[m[2]:m[3]])]
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		if strings.EqualFold(text[m[2]:m[3]], "may") && !startsUpper(text[m[2]:]) {
			continue
		}
		if v, day, ok := nearestYear(mo, d); ok {
			add(m[0], m[1], v, day)
		}
	}
	for _, m := range all(reDM) {
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		mo := months[strings.ToLower(text[m[4]:m[5]])]
		if v, day, ok := nearestYear(mo, d); ok {
			add(m[0], m[1], v, day)
		}
	}
	for _, m := range all(reMonth) {
		name := text[m[2]:m[3]]
		if strings.EqualFold(name, "may") && !startsUpper(name) {
			continue
		}
		mo := months[strings.ToLower(name)]
		y := 0
		if m[4] >= 0 {
			y, _ = strconv.Atoi(text[m[4]:m[5]])
		} else if ref != noDay {
			// A bare month is the latest one not after the reference
			// month, unless the sentence looks ahead.
			rt := dayTime(ref)
			y = rt.Year()
			if mo > rt.Month() && !reFuture.MatchString(sentenceAround(text, m[0])) {
				y--
			}
		}
		if y == 0 {
			continue
		}
		add(m[2], m[1], strconv.Itoa(y)+"-"+twoDigits(int(mo)), noDay)
	}
	if ref != noDay {
		rt := dayTime(ref)
		for _, m := range all(reWeekday) {
			// "Tuesday, Dec. 20 2005": the weekday only names the date
			// that follows.
			k := m[3]
			for k < len(text) && (text[k] == ',' || text[k] == ' ') {
				k++
			}
			if k < len(text) && taken[k] {
				continue
			}
			wd := weekdays[strings.ToLower(text[m[2]:m[3]])]
			diff := int(wd) - int(rt.Weekday())
			lead := strings.ToLower(text[m[0]:m[2]])
			// The nearest such day, unless it is four or more days off:
			// then the tense of the sentence (or last/next) decides.
			if diff > 3 {
				diff -= 7
			} else if diff < -3 {
				diff += 7
			}
			switch {
			case strings.HasPrefix(lead, "next"):
				if diff <= 0 {
					diff += 7
				}
			case strings.HasPrefix(lead, "last"):
				if diff >= 0 {
					diff -= 7
				}
			case diff <= -3 || diff >= 3:
				future := reFuture.MatchString(sentenceAround(text, m[0]))
				if future && diff < 0 {
					diff += 7
				} else if !future && diff > 0 {
					diff -= 7
				}
			}
			d := ref + int32(diff)
			add(m[2], m[3], dayString(d), d)
		}
		for _, m := range all(reRelative) {
			d := ref
			switch strings.ToLower(text[m[2]:m[3]]) {
			case "yesterday":
				d--
			case "tomorrow":
				d++
			}
			add(m[2], m[3], dayString(d), d)
		}
	}
	sortMentions(out)
	return out
}

func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func sortMentions(ms []dateMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// sentenceAround returns the sentence of text that holds offset i, cut at
// line breaks and sentence ends.
func sentenceAround(text string, i int) string {
	a := i
	for a > 0 {
		c := text[a-1]
		if c == '\n' || ((c == ' ') && a >= 2 && (text[a-2] == '.' || text[a-2] == '!' || text[a-2] == '?')) {
			break
		}
		a--
	}
	b := i
	for b < len(text) {
		c := text[b]
		if c == '\n' || ((c == '.' || c == '!' || c == '?') && (b+1 == len(text) || text[b+1] == ' ' || text[b+1] == '\n')) {
			break
		}
		b++
	}
	return text[a:b]
}

// headerDate finds a publication date written at the head of an article
// ("Published: April 23, 2013", "July 27,2021", "date 2021-09-30 ..."): a
// dated value near the start of one of the first lines. A date at the end
// of a long line (a photo caption's "July 28, 2021") is not one.
func headerDate(text string) int32 {
	lines := 0
	off := 0
	for off < len(text) && lines < 6 {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		if strings.TrimSpace(line) != "" {
			lines++
			head := line
			if len(head) > 60 {
				head = head[:60]
			}
			for _, dm := range findDates(head, noDay) {
				if dm.day != noDay && dm.start <= 40 {
					return dm.day
				}
			}
		}
		off += end + 1
	}
	return noDay
}

// Kinds of cue, so that each pattern only runs where it can match.
const (
	cueNumber uint8 = 1 << iota
	cueMonth
	cueWeekday
	cueRelative
)

type cueWindow struct {
	a, b  int
	kinds uint8
}

var patternCue = map[*regexp.Regexp]uint8{
	reISO: cueNumber, reNumeric: cueNumber,
	reMDY: cueMonth, reDMY: cueMonth, reMD: cueMonth, reDM: cueMonth, reMonth: cueMonth,
	reWeekday: cueWeekday, reRelative: cueRelative,
}

var cueWords = func() map[string]uint8 {
	m := map[string]uint8{"today": cueRelative, "yesterday": cueRelative, "tomorrow": cueRelative}
	for k := range months {
		m[k] = cueMonth
	}
	for k := range weekdays {
		m[k] = cueWeekday
	}
	return m
}()

// cueWindows returns merged byte ranges around the words that can start or
// anchor a date: month and weekday names, relative days, and numbers of
// four digits or written with '-' or '/'. Ranges end on spaces so that
// word boundaries inside them are real ones.
func cueWindows(text string) []cueWindow {
	var out []cueWindow
	i := 0
	for i < len(text) {
		c := text[i]
		isAlpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		isNum := c >= '0' && c <= '9'
		if !isAlpha && !isNum {
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] >= '0' && text[j] <= '9') {
			j++
		}
		var kind uint8
		if isNum {
			if j-i == 4 || (j < len(text) && (text[j] == '-' || text[j] == '/')) || (j+1 < len(text) && text[j] == ' ' && text[j+1] == '/') {
				kind = cueNumber
			}
		} else if j-i >= 3 && j-i <= 9 {
			kind = cueWords[strings.ToLower(text[i:j])]
		}
		if kind != 0 {
			a, b := i-28, j+32
			if a < 0 {
				a = 0
			}
			if b > len(text) {
				b = len(text)
			}
			for a > 0 && text[a-1] != ' ' && text[a-1] != '\n' {
				a--
			}
			for b < len(text) && text[b] != ' ' && text[b] != '\n' {
				b++
			}
			if n := len(out); n > 0 && a <= out[n-1].b {
				out[n-1].b = b
				out[n-1].kinds |= kind
			} else {
				out = append(out, cueWindow{a: a, b: b, kinds: kind})
			}
		}
		i = j
	}
	return out
}
