package newstext

import (
	"slices"
	"strings"
)

// abbreviation is what a word written with a final period is.
type abbreviation struct {
	kind abbreviationKind
	// conll: the tokenizer keeps the period, as the CoNLL-2003 text the
	// entity tagger learnt from does.
	conll bool
}

type abbreviationKind uint8

const (
	notAbbreviation abbreviationKind = iota
	// plainAbbreviation: "Inc.", "Jan.", "Calif.".
	plainAbbreviation
	// ordinaryAbbreviation is an everyday word too ("ill", "sun", "est"):
	// its period may well end a sentence.
	ordinaryAbbreviation
	// nameAbbreviation: a name follows, "Mr.", "Gen.", "Det.".
	nameAbbreviation
)

// Abbreviation reports a lower-case word (without its period) whose
// period the tokenizer keeps ("inc", "jan", "gen"): the CoNLL-2003
// conventions. WithoutFullStop says where a period ends no sentence.
func (l *Lexicon) Abbreviation(word string) bool { return l.abbreviations[word].conll }

// WithoutFullStop reports a lower-case word after which a period ends no
// sentence: an abbreviation that is no everyday word, an abbreviated title
// or rank ("Mme.", "Messrs.", "Det.").
func (l *Lexicon) WithoutFullStop(word string) bool {
	k := l.abbreviations[word].kind
	return k != notAbbreviation && k != ordinaryAbbreviation
}

// Honorific reports a lower-case word that courtesy puts before a name and
// that is no part of it: "mr", "mme", "sir".
func (l *Lexicon) Honorific(word string) bool { return l.honorifics[word] }

// TitleHead reports a lower-case word that can head a title: "minister",
// "secretary", "spokesman".
func (l *Lexicon) TitleHead(word string) bool { return l.titleHeads[word] }

// TitleHeadOfPlural is the head a plural title word is the plural of
// ("presidents", "spokesmen", "secretaries").
func (l *Lexicon) TitleHeadOfPlural(word string) (string, bool) {
	switch {
	case strings.HasSuffix(word, "ies") && l.titleHeads[word[:len(word)-3]+"y"]:
		return word[:len(word)-3] + "y", true
	case strings.HasSuffix(word, "men") && l.titleHeads[word[:len(word)-3]+"man"]:
		return word[:len(word)-3] + "man", true
	case strings.HasSuffix(word, "s") && l.titleHeads[word[:len(word)-1]]:
		return word[:len(word)-1], true
	}
	return "", false
}

// TitleModifier reports a lower-case word that qualifies a title head:
// "deputy", "foreign", "acting".
func (l *Lexicon) TitleModifier(word string) bool { return l.titleMods[word] }

// TitleComplement reports a lower-case word that follows "of" or "for" in
// a title: "state" in "Secretary of State".
func (l *Lexicon) TitleComplement(word string) bool { return l.titleComps[word] }

// TitleSpelling is how a title word is written in a role: an abbreviated
// rank in full ("sen" → "Senator"), an acronym in capitals ("ceo" →
// "CEO").
func (l *Lexicon) TitleSpelling(word string) (string, bool) {
	if s, ok := l.ranks[word]; ok {
		return s, true
	}
	if l.titleAcronyms[word] {
		return strings.ToUpper(word), true
	}
	return "", false
}

// NameSuffix reports a lower-case word that ends a name: "jr", "iii".
func (l *Lexicon) NameSuffix(word string) bool { return l.nameSuffixes[word] }

// SurnameParticle reports a lower-case word that belongs to a surname
// rather than being a name of its own: "van", "de", "bin".
func (l *Lexicon) SurnameParticle(word string) bool { return l.particles[word] }

// SpeechKind is how a speech verb attributes what was said.
type SpeechKind uint8

const (
	// NotSpeech is any other word.
	NotSpeech SpeechKind = iota
	// Say verbs take the speaker as subject, before them or after when
	// inverted: "said", "told", "stressed".
	Say
	// SayingParticiple verbs carry the subject of their clause: "saying",
	// "adding".
	SayingParticiple
	// According is "according (to X)".
	According
	// Label verbs attribute a quoted phrase, never introduce a clause:
	// "described ... as", "called".
	Label
)

// SpeechVerb is how a lower-case word attributes speech, NotSpeech for a
// word that does not.
func (l *Lexicon) SpeechVerb(word string) SpeechKind { return l.speech[word] }

// WhenSaid reports whether the expression at text[start:end] (a date)
// only says when something was said: "said on Tuesday", "on Tuesday
// said", "Monday, said": the day of a statement, not of what it is about.
func (l *Lexicon) WhenSaid(text string, start, end int) bool {
	if start < 0 || end > len(text) || start > end {
		return false
	}
	before := strings.Fields(text[max(0, start-30):start])
	after := strings.Fields(text[end:min(len(text), end+30)])
	word := func(w string) string {
		if l.prose == nil {
			return w // English compares as written: "on", not "On"
		}
		return strings.ToLower(w)
	}
	if len(before) > 0 && l.DatePreposition(word(before[len(before)-1])) {
		before = before[:len(before)-1]
	}
	if len(after) > 0 && after[0] == "," {
		after = after[1:]
	}
	if len(after) > 1 && l.Auxiliary(word(after[0])) {
		after = after[1:] // "jeudi, a déclaré"
	}
	saying := func(w string) bool { return l.SpeechVerb(strings.ToLower(strings.Trim(w, ",.;:\"'"))) == Say }
	return len(before) > 0 && saying(before[len(before)-1]) || len(after) > 0 && saying(after[0])
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func fields(s string) []string { return strings.Fields(s) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
