package cluster

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
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
	reStart = regexp.MustCompile(`(?i)\b(start|started|starts|began|begin|begins|opened|opens|kicked off|kicks off|got under way|gets under way|convened|resume[sd]?)\b`)
	reVenue = regexp.MustCompile(`\b(?:at|to|inside) the ((?:(?:[A-Z][\p{L}.]*|U\.S\.|[a-z]+)\s){0,4}(?:[Mm]ission|[Ee]mbassy|[Hh]eadquarters|[Cc]onsulate|[Pp]alace|[Hh]otel|[Cc]ent(?:er|re)|[Bb]uilding|[Ss]tadium|[Cc]ourthouse|[Mm]inistry)(?:'s headquarters)?(?: of the(?: [A-Z][\p{L}]+)+)?)`)
	reCount = regexp.MustCompile(`\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z]{3,}s)\b`)
)

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
		f.Verdict = storyline.Agree
		if len(votes) > 1 {
			f.Verdict = storyline.Disagree
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
	clock       string // for "start": the time analysis' TIMEX3 value
}

// factCands reads an article's statements once (see factCand).
func (d *doc) factCands() []factCand {
	if d.memo.factsRead {
		return d.memo.facts
	}
	d.memo.factsRead = true
	for i, sp := range d.sents {
		if i >= factSentences {
			break
		}
		if d.art.RoleAt(sp.Start) == storyline.RoleCaption {
			continue // a picture's, often of another day
		}
		s := sentence{text: d.art.Text[sp.Start:sp.End], start: sp.Start}
		low := strings.ToLower(s.text)
		digits := strings.ContainsAny(s.text, "0123456789")
		if digits && mayStart(low) && reStart.MatchString(s.text) {
			if x, ok := firstClock(d.art.Timexes, sp); ok {
				d.memo.facts = append(d.memo.facts, factCand{sent: s, kind: "start", said: x.Text, clock: x.Value})
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
			if stopword(noun) {
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
			if v := startValue(c.clock, e); v != "" {
				out = append(out, factMention{kind: "start", value: v, said: c.said})
			}
			continue
		}
		out = append(out, factMention{kind: c.kind, value: c.value, said: c.said})
	}
	return out
}

// firstClock is the first time expression of a sentence that reads a clock
// ("10am", "8 a.m. GMT"), as the time analysis resolved it.
func firstClock(timexes []storyline.TimeExpr, sp newstext.Span) (storyline.TimeExpr, bool) {
	for _, x := range timexes {
		if x.Start < sp.Start || x.End > sp.End || x.Type != "TIME" {
			continue
		}
		if _, _, ok := clockOf(x.Value); ok {
			return x, true
		}
	}
	return storyline.TimeExpr{}, false
}

// clockOf reads the clock of a TIMEX3 time value ("2021-09-30T10:00+02:00",
// "2021-09-30T08:00Z", "2021-09-30T10:00"): its time of day, in the zone
// written when it has one (zoned).
func clockOf(v string) (t time.Time, zoned, ok bool) {
	for _, layout := range []string{"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true, true
		}
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

// startValue is a start time in UTC: with the zone the time analysis gave
// it (written after it, or the dateline's), else with the zone of the
// event's place.
func startValue(v string, e *builtEvent) string {
	t, zoned, ok := clockOf(v)
	if !ok {
		return ""
	}
	if zoned {
		return clockUTC(t.UTC().Hour()*60 + t.UTC().Minute())
	}
	if loc := newstext.PlaceZone(e.Place); loc != nil {
		local := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc).UTC()
		return clockUTC(local.Hour()*60 + local.Minute())
	}
	return fmt.Sprintf("%02d:%02d local", t.Hour(), t.Minute())
}

func clockUTC(mins int) string {
	mins = ((mins % 1440) + 1440) % 1440
	return fmt.Sprintf("%02d:%02dZ", mins/60, mins%60)
}

// venueKey normalises a venue phrase to its distinctive words: country
// names and adjectives fold to one code ("U.S.", "American", "United
// States"), and words every venue phrase shares ("diplomatic",
// "permanent") go.
func venueKey(p string) string {
	en := newstext.English()
	fields := strings.Fields(strings.ToLower(p))
	for i := range fields {
		fields[i] = strings.Trim(newstext.StripPossessive(fields[i]), ",")
	}
	var words []string
	seen := map[string]bool{}
	add := func(w string) {
		if w != "" && !venueSkip[w] && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for i := 0; i < len(fields); i++ {
		if i+1 < len(fields) {
			if code, ok := en.Nationality(fields[i] + " " + fields[i+1]); ok {
				add(code) // "united states"
				i++
				continue
			}
		}
		if code, ok := en.Nationality(fields[i]); ok {
			add(code)
			continue
		}
		add(strings.Trim(fields[i], "."))
	}
	if len(words) == 0 {
		return ""
	}
	sort.Strings(words)
	return strings.Join(words, " ")
}

// venueSkip are words every venue phrase may hold.
var venueSkip = map[string]bool{"the": true, "of": true, "diplomatic": true, "permanent": true, "headquarters": true, "new": true,
	"main": true, "its": true, "their": true, "our": true}
