package names

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// found is "Type:Name" of every mention Find returns.
func found(t *testing.T, lang, text string) []string {
	t.Helper()
	lists, ok := newstext.NameListsOf(lang)
	if lang != "" && !ok {
		t.Fatalf("no word lists for %q", lang)
	}
	var out []string
	for _, m := range Find(text, lists) {
		if text[m.Start:m.End] == "" {
			t.Errorf("%q: empty span", m.Name)
		}
		out = append(out, m.Type[:3]+":"+m.Name)
	}
	return out
}

// Each language's texts (invented) with the names a reader finds and
// words that must never be an entity.
func TestFindByLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // Type:Name, in text order
		never      []string // words that must be no part of a mention
	}{
		{
			lang:  "fr",
			text:  "Jeudi, le ministre Lavrov a reçu à Genève son homologue Wendy Sherman. Les délégations de l'OTAN et de l'OSCE étaient absentes. La réunion du 12 mars a duré cinq heures, a dit M. Riabkov. Selon Mme Sherman, la Russie doit répondre en avril.",
			want:  []string{"PER:Lavrov", "PLA:Genève", "PER:Wendy Sherman", "ORG:OTAN", "ORG:OSCE", "PER:Riabkov", "PER:Sherman", "PLA:Russie"},
			never: []string{"Jeudi", "Les", "La", "Selon", "mars", "avril"},
		},
		{
			lang:  "de",
			text:  "Am Donnerstag trafen sich die Delegationen in Genf. Die Delegationen sprachen über Sicherheitsgarantien. Vizeaußenminister Sergej Rjabkow sagte, die Verhandlungsrunde sei schwierig gewesen. Rjabkow lobte Herrn Blinken. Die OSZE und die NATO beobachten die Lage. Im März folgt ein Treffen in Wien.",
			want:  []string{"PLA:Genf", "PER:Sergej Rjabkow", "PER:Rjabkow", "PER:Blinken", "ORG:OSZE", "ORG:NATO", "PLA:Wien"},
			never: []string{"Donnerstag", "Die", "Delegationen", "Sicherheitsgarantien", "Verhandlungsrunde", "Lage", "März", "Treffen", "Am", "Im"},
		},
		{
			lang:  "es",
			text:  "El lunes, el viceministro Serguéi Riabkov llegó a Ginebra. Las conversaciones con la OTAN seguirán en febrero, dijo la vicesecretaria Wendy Sherman. Según Riabkov, Rusia y Estados Unidos no están de acuerdo.",
			want:  []string{"PER:Serguéi Riabkov", "PLA:Ginebra", "ORG:OTAN", "PER:Wendy Sherman", "PER:Riabkov", "PLA:Rusia", "PLA:Estados Unidos"},
			never: []string{"El", "Las", "Según", "febrero", "lunes"},
		},
		{
			lang:  "ru",
			text:  "В понедельник Сергей Рябков прибыл в Женеву. По словам Рябкова, переговоры с США и НАТО будут трудными. Встреча в ОБСЕ пройдёт в Вене в январе. Марта Линдберг встретилась с Павлом Соколовым.",
			want:  []string{"PER:Сергей Рябков", "PLA:Женева", "PER:Рябков", "PLA:США", "ORG:НАТО", "ORG:ОБСЕ", "PLA:Вена", "PER:Марта Линдберг", "PER:Павлом Соколов"},
			never: []string{"понедельник", "январе", "В", "По", "Встреча"},
		},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			got := found(t, tc.lang, tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("found %q\nwant  %q", got, tc.want)
			}
			for _, g := range got {
				for _, w := range tc.never {
					if slices.Contains(strings.Fields(g[4:]), w) {
						t.Errorf("%q is part of entity %q", w, g)
					}
				}
			}
		})
	}
}

// A language without word lists keeps only what does not depend on it:
// acronyms and names the lexicons know; no capitalised word is guessed.
func TestFindWithoutWordLists(t *testing.T) {
	text := "Op woensdag sprak Sergej Rjabkov in Genève met de NAVO en de OVSE. De Delegaties waren tevreden."
	got := found(t, "", text)
	want := []string{"PLA:Genève", "ORG:NAVO", "ORG:OVSE"}
	if !slices.Equal(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
}

// The analyzer runs the English model on English only.
func TestAnalyzerByLanguage(t *testing.T) {
	var ran []string
	english := storyline.AnalyzerFunc(func(_ context.Context, a *storyline.Article) error {
		ran = append(ran, a.ID)
		return nil
	})
	an := Analyzer(english)
	for _, a := range []*storyline.Article{
		{ID: "en", Lang: "en", Text: "Talks in Geneva."},
		{ID: "unknown", Text: "Geneva."},
		{ID: "de", Lang: "de", Text: "Am Donnerstag in Genf."},
		{ID: "nl", Lang: "nl", Text: "Op donderdag in Genève."},
	} {
		if err := an.Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if a.Lang != "en" && a.Lang != "" && len(a.Entities) != 1 {
			t.Errorf("%s: entities %+v, want the place alone", a.ID, a.Entities)
		}
	}
	if !slices.Equal(ran, []string{"en", "unknown"}) {
		t.Errorf("English model ran on %v", ran)
	}
}
