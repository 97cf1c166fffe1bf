package timex

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

var lexicon = map[string]*word{}

func add(w string, class uint32, n int) *word {
	e := lexicon[w]
	if e == nil {
		e = &word{}
		lexicon[w] = e
	}
	e.class |= class
	if n != 0 {
		e.n = n
	}
	return e
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, m := range months {
		add(m, cMonth, i+1)
		if len(m) > 3 {
			add(m[:3], cMonth, i+1)
		}
	}
	add("sept", cMonth, 9)
	add("febr", cMonth, 2)
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, d := range days {
		add(d, cWeekday, i+1)
		add(d+"s", cWeekdays, i+1)
	}
	add("tues", cWeekday, 2)
	add("weds", cWeekday, 3)
	add("thurs", cWeekday, 4)
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range nums {
		if i > 0 {
			add(n, cNumWord, i)
		}
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, n := range tens {
		add(n, cNumWord, (i+2)*10)
	}
	add("hundred", cNumWord, 100)
	add("dozen", cNumWord, 12)
	add("a", cNumWord|cMisc, 1)
	add("an", cNumWord|cMisc, 1)
	add("half", cNumWord, 0).f = 0.5
	for _, w := range []string{"several", "few", "couple", "many", "some", "numerous"} {
		add(w, cNumWord, -1)
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
		"thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ords {
		add(o, cOrdinal, i+1)
	}
	add("thirtieth", cOrdinal, 30)
	units := map[string]unit{
		"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute, "min": uMinute, "mins": uMinute,
		"hour": uHour, "hours": uHour, "hr": uHour, "hrs": uHour,
		"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
		"fortnight": uFortnight, "fortnights": uFortnight, "month": uMonth, "months": uMonth,
		"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear, "yr": uYear, "yrs": uYear,
		"decade": uDecade, "decades": uDecade, "century": uCentury, "centuries": uCentury,
	}
	for w, u := range units {
		add(w, cUnit, 0).u = u
	}
	for w, p := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI"} {
		add(w, cPart, 0).s = p
	}
	for w, s := range map[string]int{"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4} {
		add(w, cSeason, s)
	}
	for w, n := range map[string]int{"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0} {
		add(w, cDayWord, 0).n = n
	}
	for w, v := range map[string]string{
		"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
		"recently": "PAST_REF", "recent": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
		"future": "FUTURE_REF", "past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF", "later": "FUTURE_REF",
		"present": "PRESENT_REF", "immediately": "PRESENT_REF",
	} {
		add(w, cRefWord, 0).s = v
	}
	for w, n := range map[string]int{"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1, "previous": -1, "current": 0,
		"latest": -1, "following": 1, "upcoming": 1, "prior": -1, "preceding": -1, "recent": -1, "same": 0, "that": 0, "these": 0} {
		add(w, cRel, 0).n = n
	}
	for _, w := range []string{"early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle", "close", "dawn", "turn"} {
		add(w, cMod, 0)
	}
	for w, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth, "annually": uYear, "yearly": uYear,
		"hourly": uHour, "nightly": uDay, "quarterly": uQuarter, "every": uNone, "each": uNone, "per": uNone} {
		add(w, cSetWord, 0).u = u
	}
	for _, w := range []string{"christmas", "thanksgiving", "easter", "halloween", "new", "independence", "election", "valentine",
		"labor", "memorial", "hanukkah", "ramadan", "boxing"} {
		add(w, cHoliday, 0)
	}
	for w, z := range map[string]string{"gmt": "Z", "utc": "Z", "z": "Z", "edt": "-04:00", "est": "-05:00", "cdt": "-05:00", "cst": "-06:00",
		"mdt": "-06:00", "mst": "-07:00", "pdt": "-07:00", "pst": "-08:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00",
		"msk": "+03:00", "jst": "+09:00", "ist": "+05:30", "eet": "+02:00", "eest": "+03:00", "wet": "Z", "west": "+01:00",
		"aest": "+10:00", "hkt": "+08:00", "sgt": "+08:00", "kst": "+09:00"} {
		add(w, cZone, 0).s = z
	}
	for w, h := range map[string]int{"noon": 12, "midnight": 24, "midday": 12} {
		add(w, cTimeWord, h)
	}
	for _, w := range []string{"the", "fiscal", "that", "same", "of", "ago", "hence", "from", "before", "after", "since", "until",
		"in", "on", "at", "by", "to", "than", "and", "or", "more", "less", "fewer", "no", "up", "nearly", "almost", "about",
		"approximately", "roughly", "around", "some", "as", "year-end", "yearend", "quarter-end", "now", "q", "h", "fy"} {
		add(w, cMisc, 0)
	}
	for _, w := range []string{"said", "was", "were", "had", "did", "told", "announced", "began", "met", "held", "came", "went", "took",
		"made", "gave", "saw", "left", "fell", "rose", "won", "lost", "sold", "bought", "paid", "found", "got", "became",
		"reported", "killed", "arrived", "died", "continued", "started", "ended", "spoke", "wrote", "stated", "added",
		"closed", "opened", "traded", "since", "ago", "yesterday", "last", "signed", "agreed", "discussed", "has", "have", "been", "stressed", "noted", "confirmed",
		"ran", "brought", "broke", "led", "hit", "put", "kept", "cut", "quit", "struck"} {
		add(w, cPastCue, 0)
	}
	for _, w := range []string{"will", "'ll", "shall", "would", "going", "due", "scheduled", "expects", "expect",
		"upcoming", "slated", "begin", "hold", "meet", "coming", "intends", "aims", "hopes", "awaits", "await", "may", "might",
		"could", "should", "can", "tomorrow", "next", "soon", "wants", "want", "intend", "planning", "effective", "payable", "ahead"} {
		add(w, cFutureCue, 0)
	}
	buildVocabulary()
}

// clauseBreak reports whether a punctuation token ends a clause for the
// purpose of looking for tense cues. Abbreviation and decimal dots are
// handled by the parser's sentenceDot.
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
