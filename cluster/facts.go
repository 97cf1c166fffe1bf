package cluster

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // local times are converted with the event place's zone

	storyline "github.com/storyline-news/storyline"
)

// A fact is read from one sentence of one article, normalised so that
// outlets that say the same thing in different ways compare equal: "10am"
// in Geneva in September and "8 a.m. GMT" are both 08:00Z.
type factMention struct {
	kind  string // "start", "venue", "number:troop"
	value string // normalised
	said  string // as written
}

var (
	reClock = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|h\b)?\s*(GMT|UTC|EDT|EST|CET|CEST|BST|PDT|PST|CDT|CST|MSK|IST|JST|AEST|local time)?`)
	reStart = regexp.MustCompile(`(?i)\b(start|started|starts|began|begin|begins|opened|opens|kicked off|kicks off|got under way|gets under way|convened|resume[sd]?)\b`)
	reVenue = regexp.MustCompile(`\b(?:at|to|inside) the ((?:(?:[A-Z][\p{L}.]*|U\.S\.|[a-z]+)\s){0,4}(?:[Mm]ission|[Ee]mbassy|[Hh]eadquarters|[Cc]onsulate|[Pp]alace|[Hh]otel|[Cc]ent(?:er|re)|[Bb]uilding|[Ss]tadium|[Cc]ourthouse|[Mm]inistry)(?:'s headquarters)?(?: of the(?: [A-Z][\p{L}]+)+)?)`)
	reCount = regexp.MustCompile(`\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z]{3,}s)\b`)
)

// zoneOffsets are the abbreviations news writes after a clock time.
var zoneOffsets = map[string]int{
	"gmt": 0, "utc": 0, "edt": -4, "est": -5, "cet": 1, "cest": 2, "bst": 1, "pdt": -7, "pst": -8,
	"cdt": -5, "cst": -6, "msk": 3, "ist": 5*60 + 30, "jst": 9, "aest": 10,
}

// placeZones maps a few cities that host much of the world's diplomacy and
// news to their time zone, for times written without one.
var placeZones = map[string]string{
	"geneva": "Europe/Zurich", "bern": "Europe/Zurich", "zurich": "Europe/Zurich", "vienna": "Europe/Vienna",
	"brussels": "Europe/Brussels", "paris": "Europe/Paris", "london": "Europe/London", "berlin": "Europe/Berlin",
	"moscow": "Europe/Moscow", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "rome": "Europe/Rome", "madrid": "Europe/Madrid",
	"washington": "America/New_York", "new york": "America/New_York", "boston": "America/New_York",
	"chicago": "America/Chicago", "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
	"beijing": "Asia/Shanghai", "tokyo": "Asia/Tokyo", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
	"istanbul": "Europe/Istanbul", "ankara": "Europe/Istanbul", "tehran": "Asia/Tehran", "jerusalem": "Asia/Jerusalem",
	"cairo": "Africa/Cairo", "sydney": "Australia/Sydney", "helsinki": "Europe/Helsinki", "stockholm": "Europe/Stockholm",
	"the hague": "Europe/Amsterdam", "amsterdam": "Europe/Amsterdam", "warsaw": "Europe/Warsaw", "doha": "Asia/Qatar",
}

// eventFacts compares what the event's articles state about it: the start
// time, the venue, and counts ("100,000 troops"). Each fact needs two or
// more articles; it agrees when all their normalised values are equal.
func eventFacts(e *builtEvent) []storyline.Fact {
	byKind := map[string]map[string]factMention{} // kind → article → first mention
	for _, d := range e.docs {
		for _, m := range articleFacts(d, e) {
			if byKind[m.kind] == nil {
				byKind[m.kind] = map[string]factMention{}
			}
			if _, ok := byKind[m.kind][d.id]; !ok {
				byKind[m.kind][d.id] = m
			}
		}
	}
	var out []storyline.Fact
	for kind, arts := range byKind {
		if len(arts) < 2 {
			continue
		}
		f := storyline.Fact{Kind: kind, Values: map[string]string{}}
		votes := map[string]int{}
		for id, m := range arts {
			f.Articles = append(f.Articles, id)
			f.Values[id] = m.said
			votes[m.value]++
		}
		sort.Strings(f.Articles)
		best := ""
		for v, n := range votes {
			if n > votes[best] || (n == votes[best] && v < best) {
				best = v
			}
		}
		f.Value = best
		f.Verdict = "agree"
		if len(votes) > 1 {
			f.Verdict = "disagree"
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}

// factSentences is how far into an article facts are read: reports state
// when, where and how many in their first paragraphs, and the rest is
// background that speaks of other days.
const factSentences = 12

// factCand is a statement one sentence of an article makes, read once
// per article: the event it belongs to decides later whether the sentence
// speaks of its day, and which zone a clock time is in.
type factCand struct {
	sent        sentence
	kind        string // "start", "venue", "number:..."
	value, said string
	clock       clockTime // for "start"
}

// clockTime is a clock time as written.
type clockTime struct {
	h, m int
	zone string // lower case, "" when none
}

// factCands reads an article's statements once (see factCand).
func (d *doc) factCands() []factCand {
	if d.memo.factsRead {
		return d.memo.facts
	}
	d.memo.factsRead = true
	for i, s := range splitSentences(d.art.Text) {
		if i >= factSentences {
			break
		}
		if isCaption(s.text) {
			continue
		}
		low := strings.ToLower(s.text)
		digits := strings.ContainsAny(s.text, "0123456789")
		if digits && mayStart(low) && reStart.MatchString(s.text) {
			if c, said, ok := firstClock(s.text); ok {
				d.memo.facts = append(d.memo.facts, factCand{sent: s, kind: "start", said: said, clock: c})
			}
		}
		if mayBeVenue(low) {
			for _, m := range reVenue.FindAllStringSubmatch(s.text, -1) {
				if v := venueKey(m[1]); v != "" {
					d.memo.facts = append(d.memo.facts, factCand{sent: s, kind: "venue", value: v, said: m[1]})
				}
			}
		}
		if !digits {
			continue
		}
		for _, m := range reCount.FindAllStringSubmatch(s.text, -1) {
			num := strings.ReplaceAll(m[1], ",", "")
			if len(num) == 4 && (strings.HasPrefix(num, "19") || strings.HasPrefix(num, "20")) {
				continue // a year
			}
			noun := strings.ToLower(m[2])
			if stopwords[noun] {
				continue
			}
			d.memo.facts = append(d.memo.facts, factCand{sent: s, kind: "number:" + stem(noun), value: num, said: m[0]})
		}
	}
	return d.memo.facts
}

// startWords and venueWords are what a sentence must hold for the start
// and venue patterns to match: checked first, since most sentences hold
// none and the patterns are costly.
var (
	startWords = []string{"start", "began", "begin", "open", "kick", "under way", "convene", "resume"}
	venueWords = []string{"mission", "embass", "headquarters", "consulate", "palace", "hotel", "center", "centre", "building", "stadium", "courthouse", "ministry"}
)

func mayStart(low string) bool   { return containsAny(low, startWords) }
func mayBeVenue(low string) bool { return containsAny(low, venueWords) }

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// articleFacts reads one article's statements about its event. Sentences
// that point to another day ("their previous round in May") speak of
// another event and are skipped, and so are photo captions.
func articleFacts(d *doc, e *builtEvent) []factMention {
	// Dates by position, so that each sentence finds its own by binary
	// search: a scan of all dates per sentence is quadratic on a text of
	// many short dated lines.
	dates := slices.SortedFunc(slices.Values(d.dates), func(a, b dateMention) int { return cmp.Compare(a.start, b.start) })
	otherDay := func(s sentence) bool {
		first, _ := slices.BinarySearchFunc(dates, s.start, func(dm dateMention, start int) int { return cmp.Compare(dm.start, start) })
		for _, dm := range dates[first:] {
			if dm.start >= s.start+len(s.text) {
				break
			}
			if dm.end <= s.start+len(s.text) {
				if e.day == noDay {
					return true
				}
				if dm.day == noDay {
					if !strings.HasPrefix(dayString(e.day), dm.value) {
						return true
					}
				} else if dm.day != e.day {
					return true
				}
			}
		}
		return false
	}
	var out []factMention
	for _, c := range d.factCands() {
		if otherDay(c.sent) {
			continue
		}
		if c.kind == "start" {
			out = append(out, factMention{kind: "start", value: startValue(c.clock, e), said: c.said})
			continue
		}
		out = append(out, factMention{kind: c.kind, value: c.value, said: c.said})
	}
	return out
}

// firstClock finds the first clock time of a sentence (a bare number is
// none).
func firstClock(s string) (clockTime, string, bool) {
	for _, m := range reClock.FindAllStringSubmatchIndex(s, -1) {
		hasMin := m[4] >= 0
		hasAMPM := m[6] >= 0 && !strings.EqualFold(strings.TrimSpace(s[m[6]:m[7]]), "h")
		hasH := m[6] >= 0 && !hasAMPM
		if !hasMin && !hasAMPM && !hasH {
			continue // a bare number
		}
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mi := 0
		if hasMin {
			mi, _ = strconv.Atoi(s[m[4]:m[5]])
		}
		if hasAMPM {
			ap := strings.ToLower(s[m[6]:m[7]])
			if h == 12 {
				h = 0
			}
			if strings.HasPrefix(ap, "p") {
				h += 12
			}
		}
		if h > 23 || mi > 59 {
			continue
		}
		c := clockTime{h: h, m: mi}
		if m[8] >= 0 {
			c.zone = strings.ToLower(s[m[8]:m[9]])
		}
		return c, strings.TrimSpace(s[m[0]:m[1]]), true
	}
	return clockTime{}, "", false
}

// startValue is a start time in UTC: with the zone written after it, else
// with the zone of the event's place on the event's day.
func startValue(c clockTime, e *builtEvent) string {
	h, mi := c.h, c.m
	if off, ok := zoneOffsets[c.zone]; ok {
		if off > 24 || off < -24 {
			return clockUTC(h*60 + mi - off)
		}
		return clockUTC((h-off)*60 + mi)
	}
	if tz, ok := placeZones[strings.ToLower(e.Place)]; ok && e.day != noDay {
		if loc, err := time.LoadLocation(tz); err == nil {
			day := dayTime(e.day)
			t := time.Date(day.Year(), day.Month(), day.Day(), h, mi, 0, 0, loc).UTC()
			return t.Format("15:04") + "Z"
		}
	}
	return fmt.Sprintf("%02d:%02d local", h, mi)
}

func clockUTC(mins int) string {
	mins = ((mins % 1440) + 1440) % 1440
	return fmt.Sprintf("%02d:%02dZ", mins/60, mins%60)
}

// venueKey normalises a venue phrase to its distinctive words: country
// names and adjectives fold together ("U.S.", "American", "United States"),
// and words every venue phrase shares ("diplomatic", "permanent") go.
func venueKey(p string) string {
	p = strings.ToLower(p)
	p = strings.ReplaceAll(p, "'s", "")
	p = strings.ReplaceAll(p, "’s", "")
	for _, r := range [][2]string{{"u.s.", "us"}, {"united states", "us"}, {"american", "us"}, {"america", "us"}, {"russian", "russia"}, {"chinese", "china"}, {"british", "uk"}, {"united kingdom", "uk"}, {"french", "france"}, {"german", "germany"}} {
		p = strings.ReplaceAll(p, r[0], r[1])
	}
	skip := map[string]bool{"the": true, "of": true, "diplomatic": true, "permanent": true, "headquarters": true, "new": true, "main": true, "its": true, "their": true, "our": true}
	var words []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(p) {
		w = strings.Trim(w, ".,")
		if w == "" || skip[w] || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	if len(words) == 0 {
		return ""
	}
	sort.Strings(words)
	return strings.Join(words, " ")
}
