package newstext

import (
	"iter"
	"time"
)

// Lexicon is what the news prose of one language is made of besides its
// grammar: calendar words, abbreviations, titles, speech verbs,
// nationalities. Every stage reads the same tables, so that a month the
// cleaner knows is a month the time tagger knows.
//
// A Lexicon is read-only. English is complete; the other languages carry
// the calendar words the cleaner reads publication dates with, and grow
// table by table (a table a language lacks answers "no").
type Lexicon struct {
	lang     string
	months   map[string]time.Month
	monthSeq []MonthWord
	days     map[string]time.Weekday
	daySeq   []WeekdayWord

	abbreviations map[string]abbreviation
	honorifics    map[string]bool
	ranks         map[string]string // abbreviated rank → its spelling in full
	titleAcronyms map[string]bool
	titleHeads    map[string]bool
	titleMods     map[string]bool
	titleComps    map[string]bool
	nameSuffixes  map[string]bool
	particles     map[string]bool
	speech        map[string]SpeechKind
	nations       map[string]string // nationality or country word → code

	// prose: the tables of a language analysed in its own right; nil
	// for English (package timex and quote have its grammar) and for the
	// languages that only date pages.
	prose *prose
}

// Form says how a calendar word is written.
type Form uint8

const (
	// FullName is the word in full: "September", "Tuesday".
	FullName Form = iota
	// Abbreviation is a shortened form that is rarely anything else:
	// "Sept", "Tues", "Thurs".
	Abbreviation
	// ShortAbbreviation is a three-letter form that is also an everyday
	// word or name ("Sun", "Sat", "Wed", "Mar"): safe only where a date is
	// expected.
	ShortAbbreviation
)

// MonthWord is one way of writing a month.
type MonthWord struct {
	Word  string // lower case
	Month time.Month
	Form  Form
}

// WeekdayWord is one way of writing a day of the week.
type WeekdayWord struct {
	Word string // lower case
	Day  time.Weekday
	Form Form
}

// Lang is the language's ISO 639-1 code.
func (l *Lexicon) Lang() string { return l.lang }

// Month is the month a lower-case word names, in full or abbreviated.
func (l *Lexicon) Month(word string) (time.Month, bool) {
	m, ok := l.months[word]
	return m, ok
}

// MonthWords lists every way of writing a month, in calendar order, full
// names first.
func (l *Lexicon) MonthWords() iter.Seq[MonthWord] { return seq(l.monthSeq) }

// CalendarName reports the full name of a month or a day of the week:
// "july", "monday", not "jul" or "mon".
func (l *Lexicon) CalendarName(word string) bool {
	for _, m := range l.monthSeq[:min(len(l.monthSeq), 12)] {
		if m.Word == word {
			return m.Form == FullName
		}
	}
	for _, d := range l.daySeq[:min(len(l.daySeq), 7)] {
		if d.Word == word {
			return d.Form == FullName
		}
	}
	return false
}

// Weekday is the day a lower-case word names, in full or abbreviated.
func (l *Lexicon) Weekday(word string) (time.Weekday, bool) {
	d, ok := l.days[word]
	return d, ok
}

// WeekdayWords lists every way of writing a day of the week, Monday
// first, full names first.
func (l *Lexicon) WeekdayWords() iter.Seq[WeekdayWord] { return seq(l.daySeq) }

func seq[T any](xs []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

// calendar builds a lexicon's month and weekday tables: months in
// calendar order, weekdays from Monday; abbreviations map a word to a
// month number (1–12) or an ISO weekday (1 Monday – 7 Sunday).
func (l *Lexicon) calendar(months [12]string, monthAbbr map[string]int, shortMonths bool,
	days [7]string, dayAbbr, shortDayAbbr map[string]int) {
	l.months = map[string]time.Month{}
	l.days = map[string]time.Weekday{}
	addMonth := func(w string, m int, f Form) {
		if _, dup := l.months[w]; dup || w == "" {
			return
		}
		l.months[w] = time.Month(m)
		l.monthSeq = append(l.monthSeq, MonthWord{Word: w, Month: time.Month(m), Form: f})
	}
	addDay := func(w string, iso int, f Form) {
		if _, dup := l.days[w]; dup || w == "" {
			return
		}
		d := time.Weekday(iso % 7)
		l.days[w] = d
		l.daySeq = append(l.daySeq, WeekdayWord{Word: w, Day: d, Form: f})
	}
	for i, m := range months {
		addMonth(m, i+1, FullName)
	}
	for _, w := range sortedKeys(monthAbbr) {
		addMonth(w, monthAbbr[w], Abbreviation)
	}
	if shortMonths {
		// The first three letters of every month are its abbreviation
		// too ("Jan", "Mar", "Dec").
		for i, m := range months {
			if r := []rune(m); len(r) > 3 {
				addMonth(string(r[:3]), i+1, ShortAbbreviation)
			}
		}
	}
	for i, d := range days {
		addDay(d, i+1, FullName)
	}
	for _, w := range sortedKeys(dayAbbr) {
		addDay(w, dayAbbr[w], Abbreviation)
	}
	for _, w := range sortedKeys(shortDayAbbr) {
		addDay(w, shortDayAbbr[w], ShortAbbreviation)
	}
}

// Languages are the languages the tables know, English first.
func Languages() []*Lexicon {
	return []*Lexicon{english, french, german, spanish, russian, portuguese, italian}
}

// English is the English lexicon, the one every stage analyses with.
func English() *Lexicon { return english }

// Language is the lexicon of an ISO 639-1 code.
func Language(code string) (*Lexicon, bool) {
	for _, l := range Languages() {
		if l.lang == code {
			return l, true
		}
	}
	return nil, false
}

// MonthInAnyLanguage is the month a lower-case word names in any language
// the tables know: the cleaner reads a page's date before the article's
// language is known.
func MonthInAnyLanguage(word string) (time.Month, bool) {
	m, ok := anyMonth[word]
	return m, ok
}

// WeekdayInAnyLanguage is the day of the week a lower-case word names in
// any language the tables know, abbreviations included.
func WeekdayInAnyLanguage(word string) (time.Weekday, bool) {
	d, ok := anyWeekday[word]
	return d, ok
}

var (
	anyMonth   = inAnyLanguage(func(l *Lexicon) []MonthWord { return l.monthSeq }, func(w MonthWord) (string, time.Month) { return w.Word, w.Month })
	anyWeekday = inAnyLanguage(func(l *Lexicon) []WeekdayWord { return l.daySeq }, func(w WeekdayWord) (string, time.Weekday) { return w.Word, w.Day })
)

// inAnyLanguage merges one table of every language, the first language
// that has a word deciding what it means.
func inAnyLanguage[W any, V any](table func(*Lexicon) []W, entry func(W) (string, V)) map[string]V {
	m := map[string]V{}
	for _, l := range Languages() {
		for _, w := range table(l) {
			k, v := entry(w)
			if _, dup := m[k]; !dup {
				m[k] = v
			}
		}
	}
	return m
}
