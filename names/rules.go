package names

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/newstext"
)

// rule is one piece of evidence: a name, what it says, and the test.
type rule struct {
	name string
	test func(candidate) bool
}

// keepRules are the evidence that a capitalised run is a name; a run
// none of them holds for is dropped. Without word lists (a language
// Storyline does not analyse) only the language-independent ones count.
var keepRules = []rule{
	{"the lexicons know the name", func(c candidate) bool { return c.known != "" }},
	{"an acronym", func(c candidate) bool { return c.acronym() }},
	{"a person's title comes before it", func(c candidate) bool { return c.lists != nil && c.run.titled }},
	{"an institution's word is part of it", func(c candidate) bool { return c.lists != nil && c.run.org && !c.single() }},
	{"several capitalised words", func(c candidate) bool {
		return c.lists != nil && !c.single()
	}},
	{"the surname of a full name the text writes", func(c candidate) bool { return c.lists != nil && c.surnameOfFullName() }},
	{"a capitalised word inside a sentence, where the language writes other words in lower case", func(c candidate) bool {
		return c.lists != nil && !c.lists.CapitalisesNouns() && !c.sentenceStart()
	}},
}

func keep(c candidate) bool {
	for _, r := range keepRules {
		if r.test(c) {
			return true
		}
	}
	return false
}

// typeRule gives a type when its test holds; the first that holds wins.
type typeRule struct {
	name string
	test func(candidate) bool
	typ  string
}

var typeRules = []typeRule{
	{"a person's title comes before it", func(c candidate) bool { return c.run.titled && c.known == "" }, storyline.Person},
	{"an institution's word or legal form is part of it", func(c candidate) bool { return c.run.org }, storyline.Org},
	{"the lexicons' type", func(c candidate) bool { return c.known == storyline.Place }, storyline.Place},
	{"the lexicons' type", func(c candidate) bool { return c.known == storyline.Org }, storyline.Org},
	{"an acronym names a body", func(c candidate) bool { return c.acronym() }, storyline.Org},
	{"the surname of a person the text names in full", func(c candidate) bool { return c.surnameOfFullName() }, storyline.Person},
	{"a full name", func(c candidate) bool { return !c.single() }, storyline.Person},
}

func typeOf(c candidate) string {
	for _, r := range typeRules {
		if r.test(c) {
			return r.typ
		}
	}
	return storyline.Other
}

// ending is an inflectional ending and what the base form ends in
// instead.
type ending struct {
	name      string
	suffix    string
	base      string
	minLetter int // letters the base form keeps at least
}

// russianEndings turn the case forms of names back into the nominative,
// tried in order: surnames in -ов/-ев/-ин (Рябкова, Рябкову, Рябковым,
// Рябкове → Рябков), first names in -ей/-ий (Сергея → Сергей), and
// masculine names ending in a consonant (Владимира → Владимир). Feminine
// names in -а are told from masculine genitives by the lexicons only
// (Женеве → Женева when the lexicons know Женева); see baseForm.
var russianEndings = []ending{
	{"surname -ов genitive", "ова", "ов", 3},
	{"surname -ов dative", "ову", "ов", 3},
	{"surname -ов instrumental", "овым", "ов", 3},
	{"surname -ов prepositional", "ове", "ов", 3},
	{"surname -ев genitive", "ева", "ев", 3},
	{"surname -ев dative", "еву", "ев", 3},
	{"surname -ев instrumental", "евым", "ев", 3},
	{"surname -ев prepositional", "еве", "ев", 3},
	{"surname -ин genitive", "ина", "ин", 3},
	{"surname -ин dative", "ину", "ин", 3},
	{"surname -ин instrumental", "иным", "ин", 3},
	{"surname -ин prepositional", "ине", "ин", 3},
	{"name -ей genitive", "ея", "ей", 3},
	{"name -ей dative", "ею", "ей", 3},
	{"name -ей instrumental", "еем", "ей", 3},
	{"name -ий dative", "ию", "ий", 3},
	{"name -ий instrumental", "ием", "ий", 3},
}

// russianFeminine are the endings of the oblique cases of names in -а
// (Женевы, Женеве, Женеву, Женевой), tried against the lexicons.
var russianFeminine = []string{"ы", "е", "у", "ой", "и"}

// baseNames is the base form of a run's words. A Russian full name whose
// first name is feminine (Мария, Анна: ending in -а or -я once its own
// case is undone) keeps its surname as written: Захарова is her
// nominative, not a genitive.
func baseNames(ws []word, lists *newstext.NameLists) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = baseForm(w.text, lists)
	}
	if lists != nil && lists.Lang() == "ru" && len(ws) > 1 && (strings.HasSuffix(parts[0], "а") || strings.HasSuffix(parts[0], "я")) {
		for i := 1; i < len(ws); i++ {
			parts[i] = ws[i].text
		}
	}
	return strings.Join(parts, " ")
}

// baseForm is a word's guessed base form in the language: Russian case
// endings undone, a German genitive -s dropped from a name the lexicons
// know (Russlands).
func baseForm(w string, lists *newstext.NameLists) string {
	if lists == nil || acronym(w) {
		return w
	}
	switch lists.Lang() {
	case "ru":
		return russianBase(w)
	case "de":
		if entity.KnownType(w) == "" {
			for _, s := range []string{"s", "es"} {
				if b, ok := strings.CutSuffix(w, s); ok && entity.KnownType(b) != "" {
					return b
				}
			}
		}
	}
	return w
}

func russianBase(w string) string {
	if entity.KnownType(w) != "" {
		return w
	}
	for _, s := range russianFeminine {
		if stem, ok := strings.CutSuffix(w, s); ok && utf8.RuneCountInString(stem) >= 3 {
			endings := []string{"а", "я"}
			if strings.HasSuffix(stem, "и") {
				endings = []string{"я", "а"} // Россия, Швеция
			}
			for _, a := range endings {
				if entity.KnownType(stem+a) != "" {
					return stem + a
				}
			}
		}
	}
	for _, e := range russianEndings {
		// Endings are lower case, as a name's are (РЯБКОВА in a headline
		// keeps its case).
		if stem, ok := strings.CutSuffix(w, e.suffix); ok && utf8.RuneCountInString(stem) >= e.minLetter {
			return stem + e.base
		}
	}
	return w
}
