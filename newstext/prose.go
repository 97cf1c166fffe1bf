package newstext

import (
	"strings"
	"time"
)

// The tables a language needs to be analysed in its own right (time
// expressions and quotations), besides its calendar words. English has its
// own grammar in package timex and its own attribution in package quote;
// these tables are what the languages without one read instead.

// Unit is a calendar unit a relative expression counts in.
type Unit uint8

// The units.
const (
	NoUnit Unit = iota
	Day
	Week
	Month
	Year
)

// QuoteMarks are an opening mark and the marks that may close it.
type QuoteMarks struct {
	Open  string
	Close []string
}

// prose holds the tables of a language analysed in its own right.
type prose struct {
	relDays      map[string]int  // phrase key → days from the publication date: "hier" -1
	eve          map[string]bool // phrase key: the day before the day under discussion ("la veille")
	dirs         map[string]int  // "dernier" -1, "prochain" +1, "ce" 0
	units        map[string]Unit // every form of a unit word
	numbers      map[string]int  // number words, every form
	future       map[string]bool // words that put a clause in the future
	futureEnds   []string        // endings of verbs in the future tense
	datePreps    map[string]bool // prepositions that attach a day to a verb: "am", "el"
	marks        []QuoteMarks
	dashDialogue bool            // a paragraph opened by a dash is speech
	pronouns     map[string]bool // third-person subject pronouns
	auxiliaries  map[string]bool // "a" in "a déclaré"
	ordinalEnds  map[string]bool // what may follow a day's number: "er" in "1er"
	openers      map[string]bool // words that open sentences and are no name
	speakerStops map[string]bool // words between a speech verb and its speaker that end the search
	// compoundTitles: offices are written as one word with what they are
	// of ("Außenministerin").
	compoundTitles bool
}

// PieceKey is the lookup key of a phrase: its pieces (see Scanner) in lower
// case joined by single spaces, with the typographic apostrophe read as
// the straight one, so that "aujourd’hui" and "Aujourd'hui" meet.
func PieceKey(phrase string) string {
	var b strings.Builder
	sc := NewScanner(phrase)
	for {
		p, ok := sc.Next()
		if !ok {
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(PieceWord(phrase[p.Start:p.End]))
	}
}

// PieceWord is one piece as the prose tables compare it: lower case, the
// typographic apostrophe read as the straight one.
func PieceWord(piece string) string {
	if piece == "’" {
		return "'"
	}
	return strings.ToLower(piece)
}

// Analysis is the lexicon that text in the language of an ISO 639-1 code
// is analysed with, and false when no stage can analyse that language:
// then a stage must produce nothing that reads the text as English. A
// language tag counts by its primary subtag ("en-GB", "fr_CA"). An
// unknown language ("", "und", or no language code at all) is analysed as
// English, as it always was: short texts are mostly too short to tell.
func Analysis(code string) (*Lexicon, bool) {
	code = primaryLanguage(code)
	switch code {
	case "", "en", "und":
		return english, true
	}
	if l, ok := Language(code); ok && l.OwnAnalysis() {
		return l, true
	}
	return nil, false
}

// primaryLanguage is the primary subtag of a language tag in lower case,
// or "" when it is no language code (two or three letters).
func primaryLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if c := tag[i] | 0x20; c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(tag)
}

// OwnAnalysis reports a lexicon with tables of its own for time
// expressions and quotations (every language analysed but English).
func (l *Lexicon) OwnAnalysis() bool { return l.prose != nil }

// RelativeDay is how many days from the publication date a phrase (a
// PieceKey) names: "hier" -1, "послезавтра" 2.
func (l *Lexicon) RelativeDay(key string) (int, bool) {
	n, ok := l.tables().relDays[key]
	return n, ok
}

// Eve reports a phrase (a PieceKey) naming the day before the day under
// discussion: "la veille", "накануне".
func (l *Lexicon) Eve(key string) bool { return l.tables().eve[key] }

// Direction is -1 for a word that points back ("dernier", "letzten"), +1
// forward ("prochain", "nächsten"), 0 for this one ("cette", "diese").
func (l *Lexicon) Direction(word string) (int, bool) {
	d, ok := l.tables().dirs[word]
	return d, ok
}

// UnitWord is the calendar unit a word names, in any of its forms.
func (l *Lexicon) UnitWord(word string) Unit { return l.tables().units[word] }

// Number is the value of a number word ("trois", "drei", "три").
func (l *Lexicon) Number(word string) (int, bool) {
	n, ok := l.tables().numbers[word]
	return n, ok
}

// Future reports a word that puts its clause in the future: an auxiliary
// ("wird"), a verb in the future tense ("réunira"), "prochain".
func (l *Lexicon) Future(word string) bool {
	t := l.tables()
	if t.future[word] {
		return true
	}
	for _, e := range t.futureEnds {
		if len(word) > len(e)+3 && strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}

// DatePreposition reports a preposition that attaches a day to a verb:
// "on" in "said on Tuesday", "am" in "sagte am Dienstag".
func (l *Lexicon) DatePreposition(word string) bool { return l.tables().datePreps[word] }

// QuoteMarks are the language's quotation marks, the straight double quote
// last.
func (l *Lexicon) QuoteMarks() []QuoteMarks { return l.tables().marks }

// DashDialogue reports a language whose direct speech may open a
// paragraph with a dash, its attribution set off by another ("— Мы
// договорились, — заявил он").
func (l *Lexicon) DashDialogue() bool { return l.tables().dashDialogue }

// Pronoun reports a third-person subject pronoun: "il", "sie", "он".
func (l *Lexicon) Pronoun(word string) bool { return l.tables().pronouns[word] }

// Auxiliary reports a word that stands between a speaker and the
// participle of a compound past: "a" in "a déclaré", "hat" in "hat gesagt".
func (l *Lexicon) Auxiliary(word string) bool { return l.tables().auxiliaries[word] }

// OrdinalEnd reports a piece that may follow the number of a day: "er" in
// "1er", "." in "3.", "º" in "1º".
func (l *Lexicon) OrdinalEnd(piece string) bool { return l.tables().ordinalEnds[piece] }

// Opener reports a lower-case word that often opens a sentence and is no
// name: "the", "le", "die".
func (l *Lexicon) Opener(word string) bool { return l.tables().openers[word] }

// SpeakerStop reports a word after a speech verb beyond which its
// speaker is not looked for: a conjunction ("que", "dass") that opens
// what was said.
func (l *Lexicon) SpeakerStop(word string) bool { return l.tables().speakerStops[word] }

// tables are the lexicon's prose tables; English's hold only what its
// sentences and WhenSaid read, the calendar-only languages' nothing (a
// nil map answers "no").
func (l *Lexicon) tables() *prose {
	switch {
	case l.prose != nil:
		return l.prose
	case l == english:
		return englishProse
	}
	return noProse
}

var (
	englishProse = &prose{datePreps: wordSet("on"), openers: englishOpeners}
	noProse      = &prose{}
)

// englishOpeners are the sentence openers after which a capitalised word
// starts a sentence even after an abbreviation ("in the U.S. The talks").
var englishOpeners = wordSet(`the a an it he she they we i this that but and in on at for there his her their its as after when
	while if some many`)

// keyed turns phrases into a table keyed by PieceKey.
func keyed[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[PieceKey(k)] = v
	}
	return out
}

// keyedSet is keyed for a set of phrases, one a line or separated by "|".
func keyedSet(phrases string) map[string]bool {
	out := map[string]bool{}
	for _, p := range strings.Split(phrases, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out[PieceKey(p)] = true
		}
	}
	return out
}

// valued maps every word of each list to the list's value.
func valued[V any](lists map[string]V) map[string]V {
	out := map[string]V{}
	for list, v := range lists {
		for _, w := range fields(list) {
			out[w] = v
		}
	}
	return out
}

// forms adds word forms that name months and weekdays besides the full
// names calendar was given: declined ("декабря", "среду") or written
// otherwise.
func (l *Lexicon) forms(months map[string]int, days map[string]int) {
	for _, w := range sortedKeys(months) {
		if _, dup := l.months[w]; !dup {
			l.months[w] = time.Month(months[w])
			l.monthSeq = append(l.monthSeq, MonthWord{Word: w, Month: time.Month(months[w]), Form: FullName})
		}
	}
	for _, w := range sortedKeys(days) {
		if _, dup := l.days[w]; !dup {
			d := time.Weekday(days[w] % 7)
			l.days[w] = d
			l.daySeq = append(l.daySeq, WeekdayWord{Word: w, Day: d, Form: FullName})
		}
	}
}

// speechVerbs fills the speech table from lists of words by kind.
func (l *Lexicon) speechVerbs(say, according string) {
	l.speech = map[string]SpeechKind{}
	for _, w := range fields(say) {
		l.speech[w] = Say
	}
	for _, w := range fields(according) {
		l.speech[w] = According
	}
}

// abbreviate fills the abbreviation table: words after which a period
// ends no sentence (names follow the titles), and everyday words whose
// period may end one. The tokenizer keeps the period of all of them.
func (l *Lexicon) abbreviate(titles, plain, ordinary string) {
	l.abbreviations = map[string]abbreviation{}
	for kind, list := range map[abbreviationKind]string{nameAbbreviation: titles, plainAbbreviation: plain, ordinaryAbbreviation: ordinary} {
		for _, w := range fields(list) {
			l.abbreviations[w] = abbreviation{kind: kind, conll: true}
		}
	}
}

// TitleWord reports a lower-case word that names an office ("ministre",
// "sprecherin"), compounds included where the language writes them as one
// word ("außenministerin").
func (l *Lexicon) TitleWord(word string) bool {
	if l.titleHeads[word] {
		return true
	}
	if l.tables().compoundTitles {
		for h := range l.titleHeads {
			if len(word) > len(h)+2 && strings.HasSuffix(word, h) {
				return true
			}
		}
	}
	return false
}
