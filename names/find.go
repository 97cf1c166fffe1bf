package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/newstext"
)

// word is a word of the text as the finder reads it.
type word struct {
	start, end int
	text       string
	// sentenceStart: the word opens a sentence, a line or a quotation,
	// where every language capitalises.
	sentenceStart bool
	// joined: nothing but a space separates it from the word before (no
	// punctuation, no line break): a name may go on across it.
	joined bool
}

// run is a candidate name: consecutive capitalised words (and the
// particles between them).
type run struct {
	words []word
	// titled: a person's title or honorific comes right before it.
	titled bool
	// org: one of its words makes it an organisation's name.
	org bool
}

func (r run) start() int           { return r.words[0].start }
func (r run) end() int             { return r.words[len(r.words)-1].end }
func (r run) text(s string) string { return s[r.start():r.end()] }

// capitalised counts the run's capitalised words (particles do not count).
func (r run) capitalised() int {
	n := 0
	for _, w := range r.words {
		if startsUpper(w.text) {
			n++
		}
	}
	return n
}

// Find returns the names in text, in text order, for a language with word
// lists (lists non-nil) or, with nil lists, only the names that do not
// depend on the language.
func Find(text string, lists *newstext.NameLists) []storyline.Mention {
	words := readWords(text, lists)
	var runs []run
	for _, r := range candidateRuns(words, lists) {
		runs = append(runs, splitKnown(r, lists)...)
	}
	f := &finder{text: text, lists: lists}
	// Full names first: their surnames are evidence for lone surnames.
	for _, r := range runs {
		if r.capitalised() >= 2 && lists != nil {
			f.surnames = append(f.surnames, newstext.NameKey(baseForm(r.words[len(r.words)-1].text, lists)))
		}
	}
	var out []storyline.Mention
	for _, r := range runs {
		if m, ok := f.mention(r); ok {
			out = append(out, m)
		}
	}
	return out
}

// finder holds what deciding one run needs to know of the whole text.
type finder struct {
	text     string
	lists    *newstext.NameLists
	surnames []string // name keys of the last words of full names
}

// readWords reads the words of text, splitting elided clitics off
// (l'OTAN is OTAN) and marking where sentences start.
func readWords(text string, lists *newstext.NameLists) []word {
	var out []word
	start := true // the next word opens a sentence
	joined := false
	for _, w := range newstext.Words(text, 0, len(text), nil) {
		s := text[w.Start:w.End]
		if w.Gap >= newstext.LineBreak {
			start, joined = true, false
		}
		if !w.IsWord {
			switch s {
			case ".":
				// "M. Riabkov": the period of an abbreviated title or an
				// initial ends no sentence.
				if n := len(out); n == 0 || out[n-1].end != w.Start || !abbreviated(out[n-1].text+".", lists) {
					start = true
				} else {
					joined = true
					continue
				}
			case "!", "?", ":", "«", "\"", "“", "„", "(", "—", "–":
				start = true
			}
			joined = false
			continue
		}
		wd := word{start: w.Start, end: w.End, text: s, sentenceStart: start, joined: joined}
		if lists != nil {
			if n := lists.Elision(s); n > 0 && n < len(s) {
				wd.start += n
				wd.text = s[n:]
				wd.joined = false
			}
		}
		// A final period belongs to the word when it is an initial or an
		// abbreviated title ("M.", "Sr."); it ends the sentence otherwise.
		if strings.HasSuffix(wd.text, ".") && !abbreviated(wd.text, lists) {
			wd.text = strings.TrimSuffix(wd.text, ".")
			wd.end--
			out = append(out, wd)
			start, joined = true, false
			continue
		}
		out = append(out, wd)
		start, joined = false, true
	}
	return out
}

// abbreviated reports a word whose period marks an abbreviation, not the
// end of a sentence: an initial, or a title.
func abbreviated(w string, lists *newstext.NameLists) bool {
	bare := strings.TrimSuffix(w, ".")
	if utf8.RuneCountInString(bare) == 1 || strings.Contains(bare, ".") {
		return true
	}
	return lists != nil && lists.PersonTitle(bare)
}

// candidateRuns groups capitalised words into runs: a run ends at
// punctuation, at a word that is no name (function word, calendar word,
// title, a German common noun), and at a lower-case word unless it is a
// particle between two capitalised words.
func candidateRuns(words []word, lists *newstext.NameLists) []run {
	var out []run
	var cur run
	// since is how many words ago a title stood (titleReach: none near):
	// "le ministre russe Lavrov" and "el viceministro ruso Riabkov" put
	// an adjective or two between the title and the name.
	since := titleReach
	flush := func() {
		// A trailing particle is no part of the name.
		for len(cur.words) > 0 && !startsUpper(cur.words[len(cur.words)-1].text) {
			cur.words = cur.words[:len(cur.words)-1]
		}
		if len(cur.words) > 0 {
			out = append(out, cur)
		}
		cur = run{}
	}
	for i, w := range words {
		if !w.joined {
			flush()
		}
		if w.sentenceStart {
			since = titleReach
		}
		verdict := classify(w, lists)
		if verdict == notName && lists != nil && lists.CalendarInLowerCase() && w.sentenceStart && lists.Calendar(w.text) &&
			i+1 < len(words) && words[i+1].joined && classify(words[i+1], lists) == nameWord {
			// A capitalised month before a name opens a sentence with a
			// first name: "Марта Линдберг", not "марта".
			verdict = nameWord
		}
		switch verdict {
		case nameWord, orgWord:
			if len(cur.words) == 0 {
				cur.titled = since < titleReach
			}
			cur.words = append(cur.words, w)
			cur.org = cur.org || verdict == orgWord
			since = titleReach
		case particleWord:
			if len(cur.words) > 0 && i+1 < len(words) && words[i+1].joined && startsUpper(words[i+1].text) {
				cur.words = append(cur.words, w)
				continue
			}
			flush()
			since = min(since+1, titleReach)
		case titleWord:
			flush()
			since = 0
		default:
			flush()
			since = min(since+1, titleReach)
		}
	}
	flush()
	return out
}

// titleReach is how many words after a title a name still takes the
// title's cue.
const titleReach = 3

// splitKnown splits off the first or last word of a run when the
// lexicons know it alone and not the run as a whole: a place's name in
// the genitive before a person's ("России Павел Соколов").
func splitKnown(r run, lists *newstext.NameLists) []run {
	if len(r.words) < 2 || lists == nil {
		return []run{r}
	}
	whole := make([]string, len(r.words))
	for i, w := range r.words {
		whole[i] = w.text
	}
	if entity.KnownType(strings.Join(whole, " ")) != "" {
		return []run{r}
	}
	known := func(w word) bool { return entity.KnownType(baseForm(w.text, lists)) != "" }
	if first := r.words[0]; known(first) && startsUpper(r.words[1].text) {
		rest := r
		rest.words = r.words[1:]
		rest.titled = false
		return append([]run{{words: []word{first}, titled: r.titled}}, splitKnown(rest, lists)...)
	}
	if last := r.words[len(r.words)-1]; known(last) && startsUpper(r.words[len(r.words)-2].text) {
		rest := r
		rest.words = r.words[:len(r.words)-1]
		return []run{rest, {words: []word{last}}}
	}
	return []run{r}
}

// verdict is what one word can be inside a name.
type verdict uint8

const (
	notName verdict = iota
	nameWord
	orgWord
	particleWord
	titleWord
)

// classify decides what a word can be in a name, from its shape and the
// language's lists.
func classify(w word, lists *newstext.NameLists) verdict {
	s := w.text
	if !startsUpper(s) {
		if lists != nil && lists.Particle(s) {
			return particleWord
		}
		if lists != nil && lists.PersonTitle(s) {
			return titleWord
		}
		return notName
	}
	if !letters(s) {
		return notName
	}
	if acronym(s) {
		return nameWord
	}
	if lists == nil {
		return nameWord
	}
	switch {
	case lists.PersonTitle(s):
		return titleWord
	case lists.Function(s):
		return notName
	case lists.Calendar(s) && (!lists.CalendarInLowerCase() || w.sentenceStart):
		return notName
	case lists.OrgWord(s):
		return orgWord
	case lists.CapitalisesNouns() && lists.CommonNoun(s) && entity.KnownType(s) == "":
		return notName
	}
	return nameWord
}

// mention decides whether a run is a name and of which type.
func (f *finder) mention(r run) (storyline.Mention, bool) {
	surface := r.text(f.text)
	name := surface
	if f.lists != nil {
		name = baseNames(r.words, f.lists)
	}
	c := candidate{run: r, surface: surface, name: name, known: knownType(surface, name), lists: f.lists, surnames: f.surnames}
	if !keep(c) {
		return storyline.Mention{}, false
	}
	// Text is the base form too: resolution reads a mention's Text, and
	// Соколова must meet Sokolov; Start and End give what the article
	// wrote.
	return storyline.Mention{Name: name, Type: typeOf(c), Text: name, Start: r.start(), End: r.end()}, true
}

// knownType is what the lexicons know of a name, as written or in its
// base form.
func knownType(surface, name string) string {
	if t := entity.KnownType(surface); t != "" {
		return t
	}
	if name != surface {
		return entity.KnownType(name)
	}
	return ""
}

// candidate is a run with what the rules read of it.
type candidate struct {
	run      run
	surface  string
	name     string // base form
	known    string // type the lexicons give it, or ""
	lists    *newstext.NameLists
	surnames []string
}

func (c candidate) single() bool { return c.run.capitalised() == 1 }

func (c candidate) sentenceStart() bool { return c.run.words[0].sentenceStart }

func (c candidate) acronym() bool { return c.single() && acronym(c.run.words[0].text) }

// surnameOfFullName: a lone word is the last word of a full name the
// text writes (Riabkov after Sergueï Riabkov).
func (c candidate) surnameOfFullName() bool {
	if !c.single() {
		return false
	}
	k := newstext.NameKey(c.name)
	for _, s := range c.surnames {
		if s == k {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// letters reports a word of letters (with the hyphens, apostrophes and
// periods inside names: Jean-Yves, O'Neill, U.S.).
func letters(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			n++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return n > 0
}

// acronym reports a word of two to six capital letters (NATO, ОБСЕ,
// U.S.).
func acronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}
