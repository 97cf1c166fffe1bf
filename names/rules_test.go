package names

import (
	"testing"

	"github.com/storyline-news/storyline/newstext"
)

// candidateOf is the last run Find would read in text, as the rules see
// it.
func candidateOf(t *testing.T, lang, text string) candidate {
	t.Helper()
	lists, _ := newstext.NameListsOf(lang)
	f := &finder{text: text, lists: lists}
	runs := candidateRuns(readWords(text, lists), lists)
	for _, r := range runs {
		if r.capitalised() >= 2 && lists != nil {
			f.surnames = append(f.surnames, newstext.NameKey(baseForm(r.words[len(r.words)-1].text, lists)))
		}
	}
	if len(runs) == 0 {
		t.Fatalf("%q: no run", text)
	}
	r := runs[len(runs)-1] // the examples put the run under test last
	surface := r.text(text)
	name := baseNames(r.words, lists)
	return candidate{run: r, surface: surface, name: name, known: knownType(surface, name), lists: lists, surnames: f.surnames}
}

// Every keep rule holds for its examples, and for none of the
// counter-examples does any rule hold.
func TestKeepRules(t *testing.T) {
	holds := map[string][][2]string{ // rule → (lang, text) whose last run it keeps
		"the lexicons know the name":                 {{"de", "Sie reisten nach Genf"}, {"", "naar Genève"}},
		"an acronym":                                 {{"de", "Die OSZE"}, {"", "de NAVO"}},
		"a person's title comes before it":           {{"de", "Das sagte Herr Blinken"}, {"fr", "le ministre russe Lavrov"}},
		"an institution's word is part of it":        {{"de", "bei der Deutschen Bank"}},
		"several capitalised words":                  {{"de", "Das sagte Sergej Rjabkow"}},
		"the surname of a full name the text writes": {{"de", "Sergej Rjabkow kam. Rjabkow sagte"}},
		"a capitalised word inside a sentence, where the language writes other words in lower case": {{"fr", "il a vu Sherman"}},
	}
	for _, r := range keepRules {
		examples := holds[r.name]
		if len(examples) == 0 {
			t.Errorf("rule %q has no example", r.name)
		}
		for _, ex := range examples {
			if c := candidateOf(t, ex[0], ex[1]); !r.test(c) {
				t.Errorf("rule %q does not hold for %q", r.name, ex[1])
			}
		}
	}
	for _, ex := range [][2]string{
		{"de", "Am Ende sprachen die Delegationen"}, // a German noun
		{"de", "Gespräche"},                         // a noun opening a sentence
		{"fr", "Selon lui"},                         // a function word opens no run
		{"", "Op woensdag sprak Rjabkov"},           // no lists: a capitalised word is not enough
	} {
		lists, _ := newstext.NameListsOf(ex[0])
		runs := candidateRuns(readWords(ex[1], lists), lists)
		if len(runs) == 0 {
			continue
		}
		if c := candidateOf(t, ex[0], ex[1]); keep(c) {
			t.Errorf("%q kept", c.surface)
		}
	}
}

func TestTypeRules(t *testing.T) {
	for _, tc := range []struct{ lang, text, rule, want string }{
		{"fr", "selon M. Riabkov", "a person's title comes before it", "PERSON"},
		{"de", "bei der Deutschen Bank", "an institution's word or legal form is part of it", "ORG"},
		{"es", "en Ginebra", "the lexicons' type", "PLACE"},
		{"fr", "avec l'OTAN", "the lexicons' type", "ORG"},
		{"de", "mit der ABCD", "an acronym names a body", "ORG"},
		{"es", "Wendy Sherman llegó y Sherman", "the surname of a person the text names in full", "PERSON"},
		{"fr", "avec Wendy Sherman", "a full name", "PERSON"},
		{"fr", "avec Zorglub", "", "OTHER"},
	} {
		c := candidateOf(t, tc.lang, tc.text)
		rule := ""
		for _, r := range typeRules {
			if r.test(c) {
				rule = r.name
				break
			}
		}
		if rule != tc.rule || typeOf(c) != tc.want {
			t.Errorf("%q: rule %q type %s, want %q %s", tc.text, rule, typeOf(c), tc.rule, tc.want)
		}
	}
}

func TestRussianBase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Рябкова", "Рябков"}, {"Рябкову", "Рябков"}, {"Рябковым", "Рябков"}, {"Рябкове", "Рябков"},
		{"Лаврева", "Лаврев"}, {"Путина", "Путин"}, {"Путиным", "Путин"},
		{"Сергея", "Сергей"}, {"Сергеем", "Сергей"}, {"Дмитрию", "Дмитрий"},
		{"Женеве", "Женева"}, {"Женевы", "Женева"}, {"России", "Россия"}, {"Вене", "Вена"},
		{"Шерман", "Шерман"}, {"Женева", "Женева"}, {"ОБСЕ", "ОБСЕ"},
	} {
		if got := russianBase(tc.in); got != tc.want {
			t.Errorf("russianBase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	ru, _ := newstext.NameListsOf("ru")
	// A feminine first name keeps the surname as written.
	ws := []word{{text: "Мария"}, {text: "Захарова"}}
	if got := baseNames(ws, ru); got != "Мария Захарова" {
		t.Errorf("baseNames = %q", got)
	}
}
