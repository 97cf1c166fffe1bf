package timex

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	storyline "github.com/storyline-news/storyline"
)

// Analyzer tags an article's time expressions against its publication
// date (a.Published) and dateline zone (a.Dateline), and sets a.Timexes
// and a.EventDate.
func Analyzer() storyline.Analyzer {
	return storyline.AnalyzerFunc(func(ctx context.Context, a *storyline.Article) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("timex: %w", err)
		}
		opts := Options{DCT: ParseDate(a.Published)}
		place := a.Dateline
		if place == "" {
			place = DetectDateline(a.Text)
		}
		opts.Zone = Zone(place)
		a.Timexes = Tag(a.Text, opts)
		a.EventDate = EventDate(a.Text, a.Timexes, opts.DCT)
		return nil
	})
}

// ParseDate reads a publication date: YYYY-MM-DD or RFC 3339 (the
// publisher's own calendar day is kept). The zero time means unknown.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return parseDCT(s)
}

var zones sync.Map // IANA name → *time.Location

// Zone is the zone of a dateline place ("Geneva", "GENEVA", "Moscow"),
// or nil when the place is unknown.
func Zone(place string) *time.Location {
	name := datelineZones[strings.ToLower(strings.TrimSpace(place))]
	if name == "" {
		return nil
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	zones.Store(name, loc)
	return loc
}

// DetectDateline finds a dateline at the start of a text: "GENEVA (AFP)
// -", "GENEVA, Sept 30 -", "(Geneva) Russians...". It returns the place
// when it is one the zone table knows, else "".
func DetectDateline(text string) string {
	head := strings.TrimLeftFunc(text, unicode.IsSpace)
	if len(head) > 200 {
		head = head[:200]
	}
	if place := parenthesisedPlace(head); datelineZones[strings.ToLower(place)] != "" {
		return place
	}
	if place := capitalPlace(head); datelineZones[strings.ToLower(place)] != "" {
		return place
	}
	return ""
}

// parenthesisedPlace: "(Geneva) Russians...".
func parenthesisedPlace(head string) string {
	if !strings.HasPrefix(head, "(") {
		return ""
	}
	if e := strings.IndexByte(head, ')'); e > 1 && e < 40 {
		return head[1:e]
	}
	return ""
}

// capitalPlace: an upper-case place name followed by a comma, a
// parenthesis or a dash ("GENEVA (AFP) -", "GENEVA, Sept 30 -").
func capitalPlace(head string) string {
	end := 0
	for end < len(head) && (head[end] >= 'A' && head[end] <= 'Z' || head[end] == ' ' || head[end] == '.') {
		end++
	}
	place := strings.TrimSpace(head[:end])
	if place != "" && end < len(head) && strings.ContainsRune(",(-—–", rune(head[end])) || strings.HasPrefix(head[end:], "—") {
		return place
	}
	return ""
}

// EventDate is the date of the happening an article's lead reports: the
// first day-level date in the lead's first two sentences that is not just
// when something was said ("Russia on Tuesday said"); else the
// publication date; else "".
func EventDate(text string, timexes []storyline.TimeExpr, dct time.Time) string {
	from, to := lead(text)
	for _, x := range timexes {
		if x.Start < from || x.Start >= to {
			continue
		}
		if x.Type != "DATE" && x.Type != "TIME" || len(x.Value) < 10 || x.Value[4] != '-' || x.Value[7] != '-' {
			continue
		}
		if saidWhen(text, x) {
			continue
		}
		return x.Value[:10]
	}
	if dct.IsZero() {
		return ""
	}
	return dct.Format("2006-01-02")
}

// lead is the byte range of the first two sentences of the body, after
// short lines (titles, bylines, credits) and photo captions.
func lead(text string) (int, int) {
	start, ok := bodyStart(text)
	if !ok {
		return 0, 0
	}
	end := start
	for n := 0; end < len(text) && n < 2; n++ {
		end = sentenceEnd(text, end)
	}
	return start, end
}

// bodyStart is the start of the first line of 60 characters or more that
// is no caption.
func bodyStart(text string) (int, bool) {
	start := 0
	for start < len(text) {
		e := strings.IndexByte(text[start:], '\n')
		line := text[start:]
		if e >= 0 {
			line = text[start : start+e]
		}
		if l := strings.TrimSpace(line); len(l) >= 60 && !caption(l) {
			return start, true
		}
		if e < 0 {
			return 0, false
		}
		start += e + 1
	}
	return start, true
}

// sentenceEnd is the index after the end of the sentence that starts at
// i: a full stop, "!" or "?" before a space, a line break, a quote mark or
// the end; "U.S." and "No. 2" end none.
func sentenceEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		i++
		if c != '.' && c != '!' && c != '?' || i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '"' {
			continue
		}
		if c == '.' && abbreviationDot(text, i) {
			continue
		}
		return i
	}
	return i
}

// abbreviationDot reports whether the dot before end closes "U.S." or
// "No.".
func abbreviationDot(text string, end int) bool {
	if end >= 3 && (text[end-3] == '.' || text[end-3] == ' ' && text[end-2] >= 'A' && text[end-2] <= 'Z') {
		return true
	}
	return end >= 4 && text[end-4:end-1] == "No"
}

func caption(line string) bool {
	for _, m := range []string{"PHOTO", "Photo:", "(Photo", "Handout", "via REUTERS", "Getty Images", "/AFP", "/ AFP", "AP Photo", "/Reuters"} {
		if strings.Contains(line, m) {
			return true
		}
	}
	return false
}

// saidWhen reports whether a date only says when something was said:
// "said on Tuesday", "on Tuesday said", "told reporters Monday".
func saidWhen(text string, x storyline.TimeExpr) bool {
	before := strings.Fields(text[max(0, x.Start-30):x.Start])
	after := strings.Fields(text[x.End:min(len(text), x.End+30)])
	if len(before) > 0 && before[len(before)-1] == "on" {
		before = before[:len(before)-1]
	}
	if len(after) > 0 && after[0] == "," {
		after = after[1:]
	}
	reporting := func(w string) bool {
		w = strings.ToLower(strings.Trim(w, ",.;:\"'"))
		switch w {
		case "said", "says", "told", "announced", "reported", "stated", "added", "declared", "warned", "tweeted", "wrote":
			return true
		}
		return false
	}
	if len(before) > 0 && reporting(before[len(before)-1]) {
		return true
	}
	if len(after) > 0 && reporting(after[0]) {
		return true
	}
	return false
}
