package newstext

import "testing"

func TestNameWords(t *testing.T) {
	lists := func(code string) *NameWords {
		n, ok := NameWordsOf(code)
		if !ok {
			t.Fatalf("no name words for %q", code)
		}
		return n
	}
	fr, de, es, ru := lists("fr"), lists("de"), lists("es"), lists("ru")
	if _, ok := NameWordsOf("en"); ok {
		t.Error("English names are the model's: no word lists")
	}
	for _, tc := range []struct {
		n     *NameWords
		check func(*NameWords, string) bool
		what  string
		yes   []string
		no    []string
	}{
		{fr, (*NameWords).Function, "function word", []string{"Les", "la", "Selon", "Cependant"}, []string{"Genève", "Riabkov"}},
		{de, (*NameWords).Function, "function word", []string{"Die", "Am", "Laut"}, []string{"Genf"}},
		{es, (*NameWords).Function, "function word", []string{"El", "Según", "Asuntos"}, []string{"Ginebra"}},
		{ru, (*NameWords).Function, "function word", []string{"В", "По", "Однако"}, []string{"Женева"}},
		{fr, (*NameWords).Calendar, "calendar word", []string{"Jeudi", "mars", "avril"}, []string{"Marc"}},
		{de, (*NameWords).Calendar, "calendar word", []string{"Donnerstag", "März", "Abend"}, []string{"Genf"}},
		{es, (*NameWords).Calendar, "calendar word", []string{"lunes", "Febrero"}, []string{"Ginebra"}},
		{ru, (*NameWords).Calendar, "calendar word", []string{"понедельник", "января", "марта", "среду"}, []string{"Рябков"}},
		{fr, (*NameWords).PersonTitle, "person title", []string{"M.", "Mme", "ministre"}, []string{"Paris"}},
		{de, (*NameWords).PersonTitle, "person title", []string{"Herr", "Vizeaußenminister"}, []string{"Rjabkow"}},
		{es, (*NameWords).PersonTitle, "person title", []string{"Sr.", "viceministro"}, []string{"Riabkov"}},
		{ru, (*NameWords).PersonTitle, "person title", []string{"г-н", "замминистра"}, []string{"Рябков"}},
		{de, (*NameWords).OrgWord, "organisation word", []string{"GmbH", "AG", "Ministerium"}, []string{"Genf"}},
		{ru, (*NameWords).OrgWord, "organisation word", []string{"ООО", "Кремль"}, []string{"Женева"}},
		{de, (*NameWords).CommonNoun, "common noun", []string{"Delegationen", "Gespräche", "Verhandlungsrunde",
			"Sicherheitsgarantien", "Regierung", "Lage"}, []string{"Rjabkow", "Sherman", "Genf", "Lawrow", "Scholz"}},
	} {
		for _, w := range tc.yes {
			if !tc.check(tc.n, w) {
				t.Errorf("%s: %q is no %s", tc.n.Lang(), w, tc.what)
			}
		}
		for _, w := range tc.no {
			if tc.check(tc.n, w) {
				t.Errorf("%s: %q is a %s", tc.n.Lang(), w, tc.what)
			}
		}
	}
	for _, tc := range []struct {
		word string
		want int
	}{{"l'OTAN", 2}, {"d’Europe", len("d’")}, {"OTAN", 0}, {"aujourd'hui", 0}} {
		if got := fr.Elision(tc.word); got != tc.want {
			t.Errorf("Elision(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
	if !de.CapitalisesNouns() || fr.CapitalisesNouns() {
		t.Error("German capitalises nouns, French does not")
	}
}

func TestWrittenIn(t *testing.T) {
	es, _ := NameWordsOf("es")
	de, _ := NameWordsOf("de")
	for _, tc := range []struct {
		n    *NameWords
		text string
		want bool
	}{
		{es, "Riabkov llegó a Ginebra.", true},
		{es, "PHILADELPHIA 76ERS Fired Jim Smith, coach. Named Tom Jones coach.", false},
		{de, "Rjabkow in Genf eingetroffen", true},
		{de, "Rjabkow, Genf", false},
	} {
		if got := tc.n.WrittenIn(tc.text); got != tc.want {
			t.Errorf("%s WrittenIn(%q) = %v", tc.n.Lang(), tc.text, got)
		}
	}
}
