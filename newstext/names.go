package newstext

import (
	"strings"
	"unicode/utf8"
)

// NameLists are the words of one language that tell a name finder what a
// capitalised word is when no model trained on the language reads it: the
// words that are never a name though a sentence or a headline capitalises
// them, the titles before a person's name, the words that make a name an
// organisation's, and, for German, the common nouns that the language
// capitalises everywhere.
//
// The lists are compact and compiled by hand for news prose (issue 17);
// a word a list lacks is treated as a possible name, so every list errs
// towards more words, never towards fewer.
type NameLists struct {
	lang string
	// function words: articles, pronouns, prepositions, conjunctions,
	// adverbs and auxiliaries that open sentences. Lower case.
	function map[string]bool
	// calendar: months, weekdays and the words of times of day, in
	// every case form the language writes them. Lower case.
	calendar map[string]bool
	// personTitles come before a person's name: honorifics (Herr, Mme,
	// Sr., г-н) and the offices news names people by (ministre,
	// Außenminister, presidente, замминистра). Lower case, without a
	// final period.
	personTitles map[string]bool
	// orgWords make a capitalised sequence an organisation's name:
	// legal forms (AG, GmbH, SA, ООО) and the heads of institutions'
	// names (Ministerium, ministère, Naciones). Lower case.
	orgWords map[string]bool
	// particles join the words of one name (von der, de, del).
	particles map[string]bool
	// nouns are common nouns (German capitalises them all); nounEndings
	// are the endings of derived common nouns (-ung, -heit), which names
	// rarely have. Lower case.
	nouns       map[string]bool
	nounEndings []string
	// calendarLower: the language writes months and weekdays in lower
	// case, so inside a sentence a capitalised one is a name.
	calendarLower bool
	// capitalisesNouns: every noun starts with a capital letter, so a
	// capitalised word is no evidence of a name (German).
	capitalisesNouns bool
	// elisions are the clitics written onto a name with an apostrophe
	// (French l', d'), lower case with the apostrophe.
	elisions []string
}

// NameListsOf is the name finder's word lists of an ISO 639-1 code: French,
// German, Spanish and Russian have them.
func NameListsOf(code string) (*NameLists, bool) {
	for _, n := range []*NameLists{frenchNames, germanNames, spanishNames, russianNames} {
		if n.lang == code {
			return n, true
		}
	}
	return nil, false
}

// Lang is the language's ISO 639-1 code.
func (n *NameLists) Lang() string { return n.lang }

// WrittenIn reports whether text shows one of the language's function
// words at least: a language detector's guess on a short text of names
// ("PHILADELPHIA 76ERS Fired Jim O'Brien") can name a language the text
// shows nothing of.
func (n *NameLists) WrittenIn(text string) bool {
	for _, w := range Words(text, 0, len(text), nil) {
		if w.IsWord && n.function[strings.ToLower(text[w.Start:w.End])] {
			return true
		}
	}
	return false
}

// Function reports a word (any case) that is never part of a name.
func (n *NameLists) Function(word string) bool { return n.function[strings.ToLower(word)] }

// Calendar reports a month, a weekday or a time of day, in any case
// form: never a name however it is capitalised.
func (n *NameLists) Calendar(word string) bool {
	low := strings.ToLower(word)
	if n.calendar[low] {
		return true
	}
	if l, ok := Language(n.lang); ok {
		if _, ok := l.Month(low); ok {
			return true
		}
		if _, ok := l.Weekday(low); ok {
			return true
		}
	}
	return false
}

// CalendarInLowerCase reports a language that writes months and weekdays
// in lower case.
func (n *NameLists) CalendarInLowerCase() bool { return n.calendarLower }

// PersonTitle reports a word (any case, a final period ignored) that a
// person's name follows: an honorific or an office.
func (n *NameLists) PersonTitle(word string) bool {
	return n.personTitles[strings.ToLower(strings.TrimSuffix(word, "."))]
}

// OrgWord reports a word that makes the name it is part of an
// organisation's: a legal form or an institution's head noun.
func (n *NameLists) OrgWord(word string) bool {
	return n.orgWords[strings.ToLower(strings.TrimSuffix(word, "."))]
}

// Particle reports a lower-case word that joins the words of a name.
func (n *NameLists) Particle(word string) bool { return n.particles[word] }

// CapitalisesNouns reports a language whose common nouns are capitalised.
func (n *NameLists) CapitalisesNouns() bool { return n.capitalisesNouns }

// CommonNoun reports a word the lists know as a common noun, by itself,
// by its inflected form (a plural or case ending) or by a derivational
// ending names do not have.
func (n *NameLists) CommonNoun(word string) bool {
	low := strings.ToLower(word)
	if n.nouns[low] {
		return true
	}
	// Compounds end in a listed noun: Außenministerium, Sicherheitsrat.
	for _, suffix := range []string{"", "e", "n", "en", "s", "es", "er", "ern", "nen"} {
		stem, ok := strings.CutSuffix(low, suffix)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if n.nouns[stem] {
			return true
		}
	}
	for _, e := range n.nounEndings {
		if strings.HasSuffix(low, e) && utf8.RuneCountInString(low) >= utf8.RuneCountInString(e)+3 {
			return true
		}
	}
	return n.compoundNoun(low)
}

// compoundNoun reports a German compound whose last part is a listed noun
// of at least four letters (Verhandlungsrunde, Sicherheitsgarantien).
func (n *NameLists) compoundNoun(low string) bool {
	if !n.capitalisesNouns {
		return false
	}
	for i := range low {
		if i < 3 {
			continue
		}
		tail := low[i:]
		if utf8.RuneCountInString(tail) < 4 {
			break
		}
		for _, suffix := range []string{"", "n", "en", "s", "e", "er", "ern"} {
			if stem, ok := strings.CutSuffix(tail, suffix); ok && utf8.RuneCountInString(stem) >= 4 && n.nouns[stem] {
				return true
			}
		}
	}
	return false
}

// Elision splits a clitic written onto a word with an apostrophe
// ("l'OTAN", "d’Europe"): the clitic's length in bytes, or 0.
func (n *NameLists) Elision(word string) int {
	low := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	for _, e := range n.elisions {
		// The clitic's letters are ASCII: the word must start with them
		// byte for byte, whatever lower-casing did to its other letters.
		if strings.HasPrefix(low, e) && len(low) > len(e) && len(word) > len(e) && strings.EqualFold(word[:len(e)-1], e[:len(e)-1]) {
			if strings.HasPrefix(word[len(e)-1:], "’") {
				return len(e) - 1 + len("’")
			}
			return len(e)
		}
	}
	return 0
}
