package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/newstext"
)

const monthRe = `(\p{L}{3,10})\.?`

var (
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b`)
	reMDY = regexp.MustCompile(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`)
	reDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?` + monthRe + `,?\s+(?:de\s+)?(\d{4})\b`)
	reYMD = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	reDot = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	// "12/16/08", "05 / 02 / 2013": month first unless the first number
	// cannot be a month.
	reSlash = regexp.MustCompile(`\b(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}|\d{2})\b`)
	// reLabel is a label that announces a date at the start of a line.
	reLabel = regexp.MustCompile(`(?i)^\s*(?:date|dated|published(?: on)?|posted(?: on)?|first published(?: on)?|updated|last updated|publié le|veröffentlicht am)\b\s*:?\s*`)
)

// dateSpan is a date found in a line.
type dateSpan struct {
	value      string // YYYY-MM-DD or RFC 3339
	start, end int
}

// findDate returns the first well-formed date in s.
func findDate(s string) (dateSpan, bool) {
	if !hasYear(s) {
		return dateSpan{}, false
	}
	best := dateSpan{start: -1}
	try := func(d dateSpan, ok bool) {
		if ok && (best.start < 0 || d.start < best.start) {
			best = d
		}
	}
	dash, slash, dot := strings.IndexByte(s, '-') >= 0, strings.IndexByte(s, '/') >= 0, strings.IndexByte(s, '.') >= 0
	if m := match(dash, reISO, s); m != nil {
		y, mo, d := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		v, ok := ymd(y, mo, d)
		if ok && m[8] >= 0 && m[14] >= 0 {
			// A time with its zone: keep it, as RFC 3339.
			sec := "00"
			if m[12] >= 0 {
				sec = s[m[12]:m[13]]
			}
			zone := s[m[14]:m[15]]
			if zone != "Z" && !strings.Contains(zone, ":") {
				zone = zone[:3] + ":" + zone[3:]
			}
			t, err := time.Parse(time.RFC3339, fmt.Sprintf("%sT%s:%s:%s%s", v, s[m[8]:m[9]], s[m[10]:m[11]], sec, zone))
			if err == nil {
				v = t.Format(time.RFC3339)
			}
		}
		try(dateSpan{v, m[0], m[1]}, ok)
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		if mo, ok := newstext.MonthInAnyLanguage(strings.ToLower(s[m[2]:m[3]])); ok {
			v, ok := ymd(atoi(s[m[6]:m[7]]), int(mo), atoi(s[m[4]:m[5]]))
			try(dateSpan{v, m[0], m[1]}, ok)
		}
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		if mo, ok := newstext.MonthInAnyLanguage(strings.ToLower(s[m[4]:m[5]])); ok {
			v, ok := ymd(atoi(s[m[6]:m[7]]), int(mo), atoi(s[m[2]:m[3]]))
			try(dateSpan{v, m[0], m[1]}, ok)
		}
	}
	if m := match(slash, reYMD, s); m != nil {
		v, ok := ymd(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
		try(dateSpan{v, m[0], m[1]}, ok)
	}
	if m := match(dot, reDot, s); m != nil {
		// Day first: the dotted form is European.
		v, ok := ymd(atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		try(dateSpan{v, m[0], m[1]}, ok)
	}
	if m := match(slash, reSlash, s); m != nil {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if m[7]-m[6] == 2 {
			y += 2000
			if y > time.Now().Year()+1 {
				y -= 100
			}
		}
		if a > 12 {
			a, b = b, a
		}
		v, ok := ymd(y, a, b)
		try(dateSpan{v, m[0], m[1]}, ok)
	}
	return best, best.start >= 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func ymd(y, m, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// dateLine reports whether s gives a date and nothing else (labels,
// weekday, time and separators aside), and that date.
func dateLine(s string) (string, bool) {
	if len(s) > 120 {
		return "", false
	}
	d, ok := findDate(s)
	if !ok {
		return "", false
	}
	rest := s[:d.start] + " " + s[d.end:]
	// "Posted: ... Updated: ...": a second date may follow.
	if d2, ok := findDate(rest); ok {
		rest = rest[:d2.start] + " " + rest[d2.end:]
	}
	if !onlyDateWords(rest) {
		return "", false
	}
	return d.value, true
}

// datePrefix finds a date that opens a line before the text proper
// (" date 2021-09-30 The talks..."), and returns the date and the rest of the
// line. The date must be labelled, be in ISO form, or be set off by a
// separator, so that a sentence that merely starts with a date is kept.
func datePrefix(s string) (value, rest string, ok bool) {
	if !hasYear(s[:min(len(s), 60)]) {
		return "", "", false
	}
	label := reLabel.FindStringIndex(s)
	body := s
	if label != nil {
		body = s[label[1]:]
	}
	body = strings.TrimLeft(body, " ")
	// The date opens the line: only its first few dozen bytes matter.
	d, found := findDate(body[:min(len(body), 40)])
	if !found || d.start != 0 {
		return "", "", false
	}
	rest = body[d.end:]
	iso := strings.HasPrefix(strings.TrimSpace(body), body[d.start:d.start+4]) && body[d.start+4] == '-'
	sep := false
	if t := strings.TrimLeft(rest, " "); t != "" {
		switch {
		case strings.HasPrefix(t, "|"), strings.HasPrefix(t, "—"), strings.HasPrefix(t, "–"), strings.HasPrefix(t, "- "), strings.HasPrefix(t, "•"):
			sep = true
		}
	}
	if label == nil && !iso && !sep {
		return "", "", false
	}
	rest = strings.TrimLeft(rest, " |—–-•:,")
	return d.value, rest, true
}

// hasYear reports four digits in a row, which every date form here has; it
// spares the regular expressions most lines.
func hasYear(s string) bool {
	if strings.IndexByte(s, '/') >= 0 {
		return true
	}
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// dateWords may surround a date on a line that gives only the date, with
// weekdays and time zones: labels, in the languages of months.
var dateWords = setOf("date", "dated", "published", "posted", "updated", "last", "first", "modified", "on", "at",
	"le", "am", "pm", "a.m", "p.m", "p", "hrs", "uk", "found", "time", "a", "m", "h", "uhr",
	"originally", "release", "released", "publié", "mis", "à", "jour", "veröffentlicht", "aktualisiert", "publicado", "actualizado", "pubblicato", "às", "um",
	"feira")

// dateWord reports a word that may surround a date on a date line.
func dateWord(w string) bool {
	if dateWords[w] || newstext.ZoneWord(w) {
		return true
	}
	_, weekday := newstext.WeekdayInAnyLanguage(w)
	return weekday
}

// DateWord reports a lower-case word that a timestamp is made of besides
// its numbers: a month or a weekday in any language the tables know, a
// time zone, a label ("updated", "publié", "am"). Extraction drops a short
// paragraph of such words as a timestamp by this rule, the one the
// cleaner reads date lines with.
func DateWord(w string) bool {
	if dateWord(w) {
		return true
	}
	_, month := newstext.MonthInAnyLanguage(w)
	return month
}

// onlyDateWords reports whether s holds nothing but date words, times
// ("10:15", "10h05") and separators.
func onlyDateWords(s string) bool {
	for _, tok := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '|' || r == '•' || r == '·' || r == ',' || r == ';' || r == '(' || r == ')' || r == '–' || r == '—' || r == '/' || r == '+' || r == '@'
	}) {
		tok = strings.Trim(tok, ".:-")
		if tok == "" || dateWord(tok) || timeToken(tok) {
			continue
		}
		return false
	}
	return true
}

// timeToken reports a clock time or zone offset: "10:15", "0:13:05",
// "10h05", "+02:00", "10:15am".
func timeToken(t string) bool {
	for _, suf := range []string{"am", "pm", "a", "p"} {
		if strings.HasSuffix(t, suf) {
			t = t[:len(t)-len(suf)]
			break
		}
	}
	digits, seps := 0, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ':' || c == 'h':
			seps++
		default:
			return false
		}
	}
	// Token-split times ("20: 09") leave lone hours and minutes.
	return digits >= 1 && digits <= 6 && seps <= 2 && (seps > 0 || digits <= 2)
}

// placeDateLine reads a line that gives a place and a date, and perhaps an
// agency: "WASHINGTON, DC, April 28, 2009", "Geneva, 30 Sep 2021 (AFP)".
func placeDateLine(s string) (place, date, agency string, ok bool) {
	if len(s) > 120 {
		return "", "", "", false
	}
	d, found := findDate(s)
	if !found || d.start == 0 {
		return "", "", "", false
	}
	head := strings.TrimRight(strings.TrimSpace(s[:d.start]), ",-–—: ")
	rest := s[d.end:]
	if i := strings.LastIndexByte(rest, '('); i >= 0 && strings.HasSuffix(strings.TrimSpace(rest), ")") {
		if a, isAg := agencyName(strings.TrimSpace(rest[i:])); isAg {
			agency = a
			rest = rest[:i]
		}
	}
	if !onlyDateWords(rest) {
		return "", "", "", false
	}
	parts := strings.Split(head, ",")
	if len(parts) > 3 || words(head) > 5 || head == "" {
		return "", "", "", false
	}
	for _, w := range strings.Fields(head) {
		if !startsUpper(w) {
			return "", "", "", false
		}
	}
	if _, isAg := agencyName(head); isAg {
		return "", d.value, head, true
	}
	return placeName(strings.TrimSpace(parts[0])), d.value, agency, true
}

// match runs re on s only when a cheap test says it can match.
func match(can bool, re *regexp.Regexp, s string) []int {
	if !can {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}
