package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// langDCT is the publication date of the examples: Friday 4 December 2026.
var langDCT = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

// langExample is one sentence and what must be found in it: each
// expression as "text=value", in order.
type langExample struct {
	rule, lang, text string
	want             []string
}

var langExamples = []langExample{
	// French.
	{"fr-date", "fr", "Les ministres se sont réunis jeudi 3 décembre à Genève.", []string{"jeudi 3 décembre=2026-12-03"}},
	{"fr-date", "fr", "L'accord a été signé le 1er décembre 2025.", []string{"1er décembre 2025=2025-12-01"}},
	{"fr-date", "fr", "Le sommet se tiendra le 15 janvier.", []string{"15 janvier=2027-01-15"}},
	{"fr-numeric-date", "fr", "Publié le 03/12/2026 à midi.", []string{"03/12/2026=2026-12-03"}},
	{"fr-month-year", "fr", "Les prix ont baissé depuis mars 2025.", []string{"mars 2025=2025-03"}},
	{"fr-month", "fr", "Les négociations ont commencé en mars.", []string{"mars=2026-03"}},
	{"fr-year", "fr", "Le traité date de l'accord conclu en 2019.", []string{"2019=2019"}},
	{"fr-relative-day", "fr", "Il est arrivé hier et repart aujourd’hui ou après-demain.", []string{"hier=2026-12-03", "aujourd’hui=2026-12-04", "après-demain=2026-12-06"}},
	{"fr-eve", "fr", "Le vote a eu lieu le 2 décembre. La veille, les délégués avaient négocié.", []string{"2 décembre=2026-12-02", "La veille=2026-12-01"}},
	{"fr-weekday-direction", "fr", "Il a démissionné jeudi dernier et partira lundi prochain.", []string{"jeudi dernier=2026-12-03", "lundi prochain=2026-12-07"}},
	{"fr-this-weekday", "fr", "Le texte sera voté ce mardi.", []string{"ce mardi=2026-12-08"}},
	{"fr-weekday", "fr", "Les délégués se sont rencontrés jeudi.", []string{"jeudi=2026-12-03"}},
	{"fr-weekday", "fr", "Le conseil se réunira mardi.", []string{"mardi=2026-12-08"}},
	{"fr-unit-direction", "fr", "La semaine dernière, l'an dernier et le mois prochain.", []string{"La semaine dernière=2026-W48", "l'an dernier=2025", "le mois prochain=2027-01"}},
	{"fr-this-unit", "fr", "Cette semaine et cette année.", []string{"Cette semaine=2026-W49", "cette année=2026"}},
	{"fr-ago", "fr", "Il y a trois jours, la ville était calme.", []string{"Il y a trois jours=2026-12-01"}},
	{"fr-in", "fr", "Le rapport sera publié dans deux semaines.", []string{"dans deux semaines=2026-W51"}},
	{"fr-duration", "fr", "Les discussions ont duré trois jours, une semaine après l'échec.", []string{"trois jours=P3D", "une semaine=P1W"}},

	// German.
	{"de-date", "de", "Am Donnerstag, dem 3. Dezember trafen sich die Minister.", []string{"Donnerstag, dem 3. Dezember=2026-12-03"}},
	{"de-date", "de", "Der Vertrag wurde am 1. Dezember 2025 unterzeichnet.", []string{"1. Dezember 2025=2025-12-01"}},
	{"de-numeric-date", "de", "Stand: 03.12.2026", []string{"03.12.2026=2026-12-03"}},
	{"de-month-year", "de", "Die Preise steigen seit März 2025.", []string{"März 2025=2025-03"}},
	{"de-month", "de", "Die Gespräche begannen im März.", []string{"März=2026-03"}},
	{"de-year", "de", "Das Abkommen stammt aus dem Jahr 2019.", []string{"2019=2019"}},
	{"de-relative-day", "de", "Gestern kam er an, heute reist er ab, übermorgen ist er zurück.", []string{"Gestern=2026-12-03", "heute=2026-12-04", "übermorgen=2026-12-06"}},
	{"de-morning", "de", "Am Morgen regnete es, heute Morgen auch.", []string{"heute=2026-12-04"}},
	{"de-eve", "de", "Die Wahl fand am 2. Dezember statt. Am Vortag hatte es Proteste gegeben.", []string{"2. Dezember=2026-12-02", "Vortag=2026-12-01"}},
	{"de-direction-weekday", "de", "Er trat letzten Donnerstag zurück und beginnt nächsten Montag.", []string{"letzten Donnerstag=2026-12-03", "nächsten Montag=2026-12-07"}},
	{"de-weekday", "de", "Die Minister trafen sich am Donnerstag in Genf.", []string{"Donnerstag=2026-12-03"}},
	{"de-weekday", "de", "Der Rat wird am Dienstag entscheiden.", []string{"Dienstag=2026-12-08"}},
	{"de-direction-unit", "de", "Letzte Woche, im vergangenen Jahr und diese Woche.", []string{"Letzte Woche=2026-W48", "vergangenen Jahr=2025", "diese Woche=2026-W49"}},
	{"de-ago", "de", "Vor drei Tagen war es ruhig.", []string{"Vor drei Tagen=2026-12-01"}},
	{"de-in", "de", "Der Bericht erscheint in zwei Wochen.", []string{"in zwei Wochen=2026-W51"}},
	{"de-duration", "de", "Die Gespräche dauerten drei Tage, eine Woche nach dem Scheitern.", []string{"drei Tage=P3D", "eine Woche=P1W"}},

	// Spanish.
	{"es-date", "es", "Los ministros se reunieron el jueves 3 de diciembre en Ginebra.", []string{"jueves 3 de diciembre=2026-12-03"}},
	{"es-date", "es", "El acuerdo se firmó el 1º de diciembre de 2025.", []string{"1º de diciembre de 2025=2025-12-01"}},
	{"es-numeric-date", "es", "Publicado el 03/12/2026.", []string{"03/12/2026=2026-12-03"}},
	{"es-month-year", "es", "Los precios suben desde marzo de 2025.", []string{"marzo de 2025=2025-03"}},
	{"es-month", "es", "Las conversaciones empezaron en marzo.", []string{"marzo=2026-03"}},
	{"es-year", "es", "El tratado se firmó en 2019.", []string{"2019=2019"}},
	{"es-relative-day", "es", "Llegó ayer, hoy descansa y pasado mañana vuelve.", []string{"ayer=2026-12-03", "hoy=2026-12-04", "pasado mañana=2026-12-06"}},
	{"es-morning", "es", "Llovió por la mañana y mañana lloverá.", []string{"mañana=2026-12-05"}},
	{"es-eve", "es", "La votación fue el 2 de diciembre. La víspera hubo protestas.", []string{"2 de diciembre=2026-12-02", "La víspera=2026-12-01"}},
	{"es-direction-weekday", "es", "La reunión será el próximo lunes.", []string{"próximo lunes=2026-12-07"}},
	{"es-weekday-direction", "es", "Dimitió el jueves pasado.", []string{"jueves pasado=2026-12-03"}},
	{"es-weekday", "es", "Los ministros se reunieron el jueves.", []string{"jueves=2026-12-03"}},
	{"es-weekday", "es", "El consejo decidirá el martes.", []string{"martes=2026-12-08"}},
	{"es-unit-direction", "es", "La semana pasada y el año pasado.", []string{"semana pasada=2026-W48", "año pasado=2025"}},
	{"es-direction-unit", "es", "La próxima semana y este año.", []string{"próxima semana=2026-W50", "este año=2026"}},
	{"es-ago", "es", "Hace tres días todo estaba tranquilo.", []string{"Hace tres días=2026-12-01"}},
	{"es-in", "es", "El informe saldrá dentro de dos semanas.", []string{"dentro de dos semanas=2026-W51"}},
	{"es-duration", "es", "Las conversaciones duraron tres días, una semana después del fracaso.", []string{"tres días=P3D", "una semana=P1W"}},

	// Russian.
	{"ru-date", "ru", "Министры встретились в четверг, 3 декабря, в Женеве.", []string{"четверг, 3 декабря=2026-12-03"}},
	{"ru-date", "ru", "Договор подписан 1 декабря 2025 года.", []string{"1 декабря 2025 года=2025-12-01"}},
	{"ru-numeric-date", "ru", "Опубликовано 03.12.2026.", []string{"03.12.2026=2026-12-03"}},
	{"ru-month-year", "ru", "Цены растут с марта 2025 года.", []string{"марта 2025 года=2025-03"}},
	{"ru-month", "ru", "Переговоры начались в марте.", []string{"марте=2026-03"}},
	{"ru-year", "ru", "Соглашение заключено в 2019 году.", []string{"2019 году=2019"}},
	{"ru-relative-day", "ru", "Вчера он прилетел, сегодня уезжает, послезавтра вернётся.", []string{"Вчера=2026-12-03", "сегодня=2026-12-04", "послезавтра=2026-12-06"}},
	{"ru-eve", "ru", "Голосование прошло 2 декабря. Накануне прошли протесты.", []string{"2 декабря=2026-12-02", "Накануне=2026-12-01"}},
	{"ru-direction-weekday", "ru", "Он ушёл в отставку в прошлый четверг.", []string{"прошлый четверг=2026-12-03"}},
	{"ru-weekday", "ru", "Министры встретились в среду.", []string{"среду=2026-12-02"}},
	{"ru-weekday", "ru", "Совет будет решать во вторник.", []string{"вторник=2026-12-08"}},
	{"ru-weekday", "ru", "Окружающая среда пострадала.", nil},
	{"ru-direction-unit", "ru", "На прошлой неделе и в этом году.", []string{"прошлой неделе=2026-W48", "этом году=2026"}},
	{"ru-ago", "ru", "Три дня назад было тихо.", []string{"Три дня назад=2026-12-01"}},
	{"ru-in", "ru", "Доклад выйдет через две недели.", []string{"через две недели=2026-W51"}},
	{"ru-duration", "ru", "Переговоры длились три дня.", []string{"три дня=P3D"}},
}

func TestLanguageRules(t *testing.T) {
	for _, ex := range langExamples {
		got, rules := tag(ex.text, Options{DCT: langDCT, Lang: ex.lang}, true)
		var have []string
		for _, x := range got {
			have = append(have, x.Text+"="+x.Value)
		}
		if strings.Join(have, "|") != strings.Join(ex.want, "|") {
			t.Errorf("%s: %q\n got %q\nwant %q (rules %v)", ex.rule, ex.text, have, ex.want, rules)
		}
		if isVeto(ex.rule) {
			// A veto shows in what is not found: without it, more is.
			if len(withoutRule(t, ex)) <= len(got) {
				t.Errorf("%s: %q is the same without the rule", ex.rule, ex.text)
			}
			continue
		}
		if len(ex.want) > 0 && !contains(rules, ex.rule) {
			t.Errorf("%s: %q was found by %v, not by its rule", ex.rule, ex.text, rules)
		}
	}
}

func isVeto(name string) bool {
	for _, rules := range langRules() {
		for _, r := range rules {
			if r.name == name {
				return r.kind == lkVeto
			}
		}
	}
	return false
}

// withoutRule tags ex's text with every rule of its language but its own.
func withoutRule(t *testing.T, ex langExample) []storyline.TimeExpr {
	t.Helper()
	grammars, err := langGrammars()
	if err != nil {
		t.Fatal(err)
	}
	var rules []compiledRule
	for _, r := range grammars[ex.lang] {
		if r.name != ex.rule {
			rules = append(rules, r)
		}
	}
	lex, _ := newstext.Analysis(ex.lang)
	got, _ := tagLangWith(ex.text, lex, rules, Options{DCT: langDCT, Lang: ex.lang}, false)
	return got
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestEveryLanguageRuleHasExamples: a rule nobody showed at work is a
// rule nobody can tell is needed.
func TestEveryLanguageRuleHasExamples(t *testing.T) {
	shown := map[string]bool{}
	for _, ex := range langExamples {
		shown[ex.rule] = true
	}
	for code, rules := range langRules() {
		for _, r := range rules {
			if !shown[r.name] {
				t.Errorf("%s rule %s has no example", code, r.name)
			}
			if !strings.HasPrefix(r.name, code+"-") {
				t.Errorf("rule %s is listed under %s", r.name, code)
			}
		}
	}
	if _, err := langGrammars(); err != nil {
		t.Fatal(err)
	}
}

// TestNoEnglishOnOtherLanguages: English rules would read "may", "march"
// or "sun" in another language's text; a language without rules of its
// own gets nothing.
func TestNoEnglishOnOtherLanguages(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       []string
	}{
		{"it", "Il vertice si è tenuto giovedì 3 dicembre. On Monday, March 3, 2026.", nil},
		{"nl", "De ministers kwamen donderdag bijeen. Yesterday it rained.", nil},
		{"de", "Die Minister kamen gestern. Yesterday, on Monday, March 3, the sun rose.", []string{"gestern"}},
		{"en", "Yesterday it rained.", []string{"Yesterday"}},
		{"", "Yesterday it rained.", []string{"Yesterday"}},
	} {
		var got []string
		for _, x := range Tag(tt.text, Options{DCT: langDCT, Lang: tt.lang}) {
			got = append(got, x.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q %q: got %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestLanguageWithoutDate(t *testing.T) {
	got := Tag("Hier et le 3 décembre.", Options{Lang: "fr"})
	if fmt.Sprint(got) == "" || len(got) != 2 || got[0].Value != "" || got[1].Value != "XXXX-12-03" {
		t.Errorf("without a publication date: %+v", got)
	}
}

// FuzzLanguageRules: any text in any of the languages yields expressions
// that stand where they say, and no panic.
func FuzzLanguageRules(f *testing.F) {
	for _, ex := range langExamples {
		f.Add(ex.lang, ex.text)
	}
	f.Fuzz(func(t *testing.T, lang, text string) {
		for _, x := range Tag(text, Options{DCT: langDCT, Lang: lang}) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("expression %+v in %q", x, text)
			}
		}
	})
}

// BenchmarkLanguageTag: the time per byte must stay flat from 10 KB to 1 MB.
func BenchmarkLanguageTag(b *testing.B) {
	unit := "Les ministres se sont réunis jeudi 3 décembre, la veille du vote, il y a trois jours et la semaine dernière. "
	for _, size := range []int{10_000, 1_000_000} {
		text := strings.Repeat(unit, size/len(unit))
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Tag(text, Options{DCT: langDCT, Lang: "fr"})
			}
		})
	}
}
