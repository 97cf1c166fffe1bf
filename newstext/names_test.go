package newstext

import "testing"

func TestNameLists(t *testing.T) {
	lists := func(code string) *NameLists {
		n, ok := NameListsOf(code)
		if !ok {
			t.Fatalf("no name words for %q", code)
		}
		return n
	}
	fr, de, es, ru := lists("fr"), lists("de"), lists("es"), lists("ru")
	if _, ok := NameListsOf("en"); ok {
		t.Error("English names are the model's: no word lists")
	}
	for _, tc := range []struct {
		n     *NameLists
		check func(*NameLists, string) bool
		what  string
		yes   []string
		no    []string
	}{
		{fr, (*NameLists).Function, "function word", []string{"Les", "la", "Selon", "Cependant"}, []string{"Genève", "Riabkov"}},
		{de, (*NameLists).Function, "function word", []string{"Die", "Am", "Laut"}, []string{"Genf"}},
		{es, (*NameLists).Function, "function word", []string{"El", "Según", "Asuntos"}, []string{"Ginebra"}},
		{ru, (*NameLists).Function, "function word", []string{"В", "По", "Однако"}, []string{"Женева"}},
		{fr, (*NameLists).Calendar, "calendar word", []string{"Jeudi", "mars", "avril"}, []string{"Marc"}},
		{de, (*NameLists).Calendar, "calendar word", []string{"Donnerstag", "März", "Abend"}, []string{"Genf"}},
		{es, (*NameLists).Calendar, "calendar word", []string{"lunes", "Febrero"}, []string{"Ginebra"}},
		{ru, (*NameLists).Calendar, "calendar word", []string{"понедельник", "января", "марта", "среду"}, []string{"Рябков"}},
		{fr, (*NameLists).PersonTitle, "person title", []string{"M.", "Mme", "ministre"}, []string{"Paris"}},
		{de, (*NameLists).PersonTitle, "person title", []string{"Herr", "Vizeaußenminister"}, []string{"Rjabkow"}},
		{es, (*NameLists).PersonTitle, "person title", []string{"Sr.", "viceministro"}, []string{"Riabkov"}},
		{ru, (*NameLists).PersonTitle, "person title", []string{"г-н", "замминистра"}, []string{"Рябков"}},
		{de, (*NameLists).OrgWord, "organisation word", []string{"GmbH", "AG", "Ministerium"}, []string{"Genf"}},
		{ru, (*NameLists).OrgWord, "organisation word", []string{"ООО", "Кремль"}, []string{"Женева"}},
		{de, (*NameLists).CommonNoun, "common noun", []string{"Delegationen", "Gespräche", "Verhandlungsrunde",
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
	es, _ := NameListsOf("es")
	de, _ := NameListsOf("de")
	for _, tc := range []struct {
		n    *NameLists
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
