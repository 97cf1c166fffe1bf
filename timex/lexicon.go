package timex

import (
	"strings"

	"github.com/storyline-news/storyline/newstext"
)

// Word classes of the lexicon; a word may have several.
const (
	cMonth = 1 << iota
	cWeekday
	cNumWord
	cOrdinal
	cUnit
	cPart
	cSeason
	cDayWord
	cRefWord
	cRel     // this, last, next, past, coming...
	cMod     // early, late, mid...
	cSetWord // daily, weekly, every, each
	cQuant   // about, nearly, at least...
	cHoliday
	cZone
	cTimeWord // noon, midnight
	cMisc     // the, a, an, fiscal, that, same...
	cPastCue
	cFutureCue
	cWeekdays // plural weekday: "Mondays"
)

// word is what the lexicon knows about one lower-case word.
type word struct {
	class uint32
	n     int     // month 1-12, ISO weekday 1-7, number, ordinal, season 1-4, day offset
	u     unit    // unit words
	s     string  // part of day code, zone offset, reference value
	f     float64 // fractional numbers ("half")
}

// lexicon is every word the grammar knows, by lower-case spelling. It is
// built once by newLexicon and only read afterwards.
type lexicon map[string]*word

// add gives word w the class c (and the number n, when not zero) and
// returns its entry for the caller to complete.
func (l lexicon) add(w string, c uint32, n int) *word {
	e := l[w]
	if e == nil {
		e = &word{}
		l[w] = e
	}
	e.class |= c
	if n != 0 {
		e.n = n
	}
	return e
}

func newLexicon() lexicon {
	l := lexicon{}
	l.addCalendar()
	l.addNumbers()
	l.addUnits()
	l.addReferences()
	l.addCues()
	return l
}

// addCalendar: months, weekdays, parts of day, seasons, days, feasts,
// zones and clock words.
func (l lexicon) addCalendar() {
	en := newstext.English()
	for w := range en.MonthWords() {
		l.add(w.Word, cMonth, int(w.Month))
	}
	for w := range en.WeekdayWords() {
		iso := int(w.Day+6)%7 + 1
		switch w.Form {
		case newstext.FullName:
			l.add(w.Word, cWeekday, iso)
			l.add(w.Word+"s", cWeekdays, iso)
		case newstext.Abbreviation:
			l.add(w.Word, cWeekday, iso)
		}
		// Three-letter forms ("Sun", "Sat", "Wed") are everyday words too
		// often to be read as days in running text.
	}
	for w, p := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI"} {
		l.add(w, cPart, 0).s = p
	}
	for w, s := range map[string]int{"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4} {
		l.add(w, cSeason, s)
	}
	for w, n := range map[string]int{"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0} {
		l.add(w, cDayWord, 0).n = n
	}
	for _, w := range []string{"christmas", "thanksgiving", "easter", "halloween", "new", "independence", "election", "valentine",
		"labor", "memorial", "hanukkah", "ramadan", "boxing"} {
		l.add(w, cHoliday, 0)
	}
	for w, off := range newstext.ZoneOffsets() {
		l.add(w, cZone, 0).s = offset(off)
	}
	for w, h := range map[string]int{"noon": 12, "midnight": 24, "midday": 12} {
		l.add(w, cTimeWord, h)
	}
}

// addNumbers: counts and ordinals in words.
func (l lexicon) addNumbers() {
	ones := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range ones {
		l.add(n, cNumWord, i+1)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, n := range tens {
		l.add(n, cNumWord, (i+2)*10)
	}
	l.add("hundred", cNumWord, 100)
	l.add("dozen", cNumWord, 12)
	l.add("a", cNumWord|cMisc, 1)
	l.add("an", cNumWord|cMisc, 1)
	l.add("half", cNumWord, 0).f = 0.5
	for _, w := range []string{"several", "few", "couple", "many", "some", "numerous"} {
		l.add(w, cNumWord, -1)
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
		"thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ords {
		l.add(o, cOrdinal, i+1)
	}
	l.add("thirtieth", cOrdinal, 30)
}

// addUnits: calendar units, and the words that make a set of them.
func (l lexicon) addUnits() {
	units := map[string]unit{
		"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute, "min": uMinute, "mins": uMinute,
		"hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
		"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
		"fortnight": uFortnight, "fortnights": uFortnight, "month": uMonth, "months": uMonth,
		"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear, "yr": uYear, "yrs": uYear,
		"decade": uDecade, "decades": uDecade, "century": uCentury, "centuries": uCentury,
	}
	for w, u := range units {
		l.add(w, cUnit, 0).u = u
	}
	for w, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth, "annually": uYear, "yearly": uYear,
		"hourly": uHour, "nightly": uDay, "quarterly": uQuarter, "every": uNone, "each": uNone, "per": uNone} {
		l.add(w, cSetWord, 0).u = u
	}
}

// addReferences: vague references, relative and position words, and the
// small words the grammar looks at.
func (l lexicon) addReferences() {
	for w, v := range map[string]string{
		"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
		"recently": "PAST_REF", "recent": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
		"future": "FUTURE_REF", "past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF", "later": "FUTURE_REF",
		"present": "PRESENT_REF", "immediately": "PRESENT_REF",
	} {
		l.add(w, cRefWord, 0).s = v
	}
	for w, n := range map[string]int{"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1, "previous": -1, "current": 0,
		"latest": -1, "following": 1, "upcoming": 1, "prior": -1, "preceding": -1, "recent": -1, "same": 0, "that": 0, "these": 0} {
		l.add(w, cRel, 0).n = n
	}
	for _, w := range []string{"early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle", "close", "dawn", "turn"} {
		l.add(w, cMod, 0)
	}
	for _, w := range []string{"the", "fiscal", "that", "same", "of", "ago", "hence", "from", "before", "after", "since", "until",
		"in", "on", "at", "by", "to", "than", "and", "or", "more", "less", "fewer", "no", "up", "nearly", "almost", "about",
		"approximately", "roughly", "around", "some", "as", "year-end", "yearend", "quarter-end", "now", "q", "h", "fy"} {
		l.add(w, cMisc, 0)
	}
}

// addCues: words that tell the tense of their clause.
func (l lexicon) addCues() {
	for _, w := range []string{"said", "was", "were", "had", "did", "told", "announced", "began", "met", "held", "came", "went", "took",
		"made", "gave", "saw", "left", "fell", "rose", "won", "lost", "sold", "bought", "paid", "found", "got", "became",
		"reported", "killed", "arrived", "died", "continued", "started", "ended", "spoke", "wrote", "stated", "added",
		"closed", "opened", "traded", "since", "ago", "yesterday", "last", "signed", "agreed", "discussed", "has", "have", "been", "stressed", "noted", "confirmed",
		"ran", "brought", "broke", "led", "hit", "put", "kept", "cut", "quit", "struck"} {
		l.add(w, cPastCue, 0)
	}
	for _, w := range []string{"will", "'ll", "shall", "would", "going", "due", "scheduled", "expects", "expect",
		"upcoming", "slated", "begin", "hold", "meet", "coming", "intends", "aims", "hopes", "awaits", "await", "may", "might",
		"could", "should", "can", "tomorrow", "next", "soon", "wants", "want", "intend", "planning", "effective", "payable", "ahead"} {
		l.add(w, cFutureCue, 0)
	}
}

// vocabulary is every lower-case word the grammar compares tokens with:
// the lexicon's, the counted nouns and decade words, the grammar's other
// words.
func (l lexicon) vocabulary() []string {
	v := make([]string, 0, len(l)+len(countedNouns)+len(decadeWords)+128)
	for w := range l {
		v = append(v, w)
	}
	for w := range countedNouns {
		v = append(v, w)
	}
	for w := range decadeWords {
		v = append(v, w)
	}
	return append(v, strings.Fields(grammarWords)...)
}

// grammarWords are the words the grammar compares tokens with beyond the
// lexicon.
const grammarWords = `a.m a.m. account accounts additional affairs am be been being billion breed cents clock consecutive dollars
during embed ended ending entire eve events exceed feed flight fully greed her high his indeed is its lasted least local long
m medium million most near need newly nos number o old other p.m p.m. percent period plan plans pm possible present proceed
room route s seed speed st nd rd th steed still straight succeed t take takes term than time times took very while whole
year-ago year-earlier yearend z are for within over after into with without till when`

// clauseBreak reports whether a punctuation token ends a clause for the
// purpose of looking for tense cues. Abbreviation and decimal dots are
// handled by the parser's breakAt.
func clauseBreak(t *token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.lw {
	case ".", "!", "?", ";", "\"", "(", ")", ":":
		return true
	}
	return false
}
