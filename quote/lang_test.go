package quote

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
)

// langArticle is an article in lang read as the pipeline reads it: cleaned
// first, so that the cleaner's roles decide which paragraphs are report.
func langArticle(lang, text string) *storyline.Article {
	c := clean.Text(text, clean.Known{})
	return &storyline.Article{ID: "t", Lang: lang, Title: c.Title, Text: c.Text, Paragraphs: c.Paragraphs}
}

// langQuotes are an article's quotes as "speaker: words".
func langQuotes(t *testing.T, a *storyline.Article) []string {
	t.Helper()
	var out []string
	for _, q := range Extract(a) {
		if a.Text[q.Start:q.End] != q.Text {
			t.Errorf("quote %q does not stand at %d:%d (%q)", q.Text, q.Start, q.End, a.Text[q.Start:q.End])
		}
		out = append(out, q.SpeakerName+": "+q.Text)
	}
	return out
}

// The examples of each attribution rule in each language: invented
// sentences, each with the quotes that must come out of it.
var langQuoteExamples = []struct {
	rule, lang, text string
	want             []string
}{
	{"verb-after", "fr", "Les négociations ont repris à Genève.\n\n« Nous avons fait un pas important », a déclaré Ignazio Cassis jeudi.",
		[]string{"Ignazio Cassis: Nous avons fait un pas important"}},
	{"verb-after", "fr", "Le ministre Paul Favre était présent.\n\n« Rien n'est encore signé », a-t-il précisé.",
		nil}, // a pronoun with no speaker before it names no one
	{"verb-after", "fr", "« Le texte est prêt », a déclaré M. Favre. « Il faut maintenant le voter », a-t-il ajouté.",
		[]string{"Favre: Le texte est prêt", "Favre: Il faut maintenant le voter"}},
	{"verb-after", "fr", "« La Suisse reste disponible », a affirmé le ministre suisse des Affaires étrangères, Ignazio Cassis.",
		[]string{"Ignazio Cassis: La Suisse reste disponible"}},
	{"verb-after", "de", "Die Gespräche in Genf dauerten bis in die Nacht.\n\n„Wir sind einen großen Schritt weiter“, sagte Außenministerin Anna Keller am Donnerstag.",
		[]string{"Anna Keller: Wir sind einen großen Schritt weiter"}},
	{"verb-after", "de", "„Das ist ein guter Tag“, sagte Keller. „Jetzt muss das Parlament entscheiden“, fügte sie hinzu.",
		[]string{"Keller: Das ist ein guter Tag", "Keller: Jetzt muss das Parlament entscheiden"}},
	{"verb-after", "de", "„Der Text liegt vor“, sagte der Sprecher des Auswärtigen Amtes, Jonas Brandt.",
		[]string{"Jonas Brandt: Der Text liegt vor"}},
	{"verb-after", "es", "Las conversaciones terminaron de madrugada.\n\n«Hemos dado un paso muy importante», dijo el ministro de Exteriores, José Ortega.",
		[]string{"José Ortega: Hemos dado un paso muy importante"}},
	{"verb-after", "es", "«El acuerdo está cerca», afirmó Lucía Vidal. «Faltan algunos detalles», añadió.",
		[]string{"Lucía Vidal: El acuerdo está cerca", "Lucía Vidal: Faltan algunos detalles"}},
	{"verb-after", "ru", "Переговоры в Женеве продолжались всю ночь.\n\n«Мы сделали важный шаг», — заявил глава МИД России Сергей Петров.",
		[]string{"Сергей Петров: Мы сделали важный шаг"}},
	{"verb-after", "ru", "«Текст готов», — сказал Петров. «Теперь решать парламенту», — добавил он.",
		[]string{"Петров: Текст готов", "Петров: Теперь решать парламенту"}},
	{"verb-after", "ru", "Министр ответил журналистам.\n\n— Мы договорились о главном, — заявил Сергей Петров.\n\n— Остались детали, — добавил он.",
		[]string{"Сергей Петров: Мы договорились о главном", "Сергей Петров: Остались детали"}},
	{"verb-after", "es", "La ministra habló con la prensa.\n\n—Es un buen acuerdo —dijo Lucía Vidal.",
		[]string{"Lucía Vidal: Es un buen acuerdo"}},

	{"according-after", "fr", "« Le compromis tient », selon Claire Roux.", []string{"Claire Roux: Le compromis tient"}},
	{"according-after", "de", "„Der Kompromiss hält“, so Anna Keller.", []string{"Anna Keller: Der Kompromiss hält"}},
	{"according-after", "es", "«El compromiso se mantiene», según Lucía Vidal.", []string{"Lucía Vidal: El compromiso se mantiene"}},
	{"according-after", "ru", "«Компромисс сохраняется», по словам Анны Орловой.", []string{"Анны Орловой: Компромисс сохраняется"}},

	{"verb-before", "fr", "Ignazio Cassis a déclaré : « La Suisse reste disponible pour accueillir les discussions. »",
		[]string{"Ignazio Cassis: La Suisse reste disponible pour accueillir les discussions."}},
	{"verb-before", "de", "Die Verhandlungen in Genf gingen weiter.\n\nAm Donnerstag sagte Keller: „Wir bleiben dran.“", []string{"Keller: Wir bleiben dran."}},
	{"verb-before", "es", "José Ortega dijo: «Seguiremos trabajando».", []string{"José Ortega: Seguiremos trabajando"}},
	{"verb-before", "ru", "Сергей Петров заявил: «Мы продолжим работу».", []string{"Сергей Петров: Мы продолжим работу"}},

	{"continued", "fr", "« Le texte est prêt », a déclaré Claire Roux. « Il reste à le signer. »",
		[]string{"Claire Roux: Le texte est prêt", "Claire Roux: Il reste à le signer."}},
	{"continued", "de", "„Der Text ist fertig“, sagte Anna Keller.\n\n„Jetzt fehlt nur die Unterschrift.“",
		[]string{"Anna Keller: Der Text ist fertig", "Anna Keller: Jetzt fehlt nur die Unterschrift."}},
	{"continued", "es", "«El texto está listo», dijo José Ortega. «Solo falta la firma.»",
		[]string{"José Ortega: El texto está listo", "José Ortega: Solo falta la firma."}},
	{"continued", "ru", "«Текст готов», — сказал Сергей Петров. «Осталось подписать».",
		[]string{"Сергей Петров: Текст готов", "Сергей Петров: Осталось подписать"}},

	// No speech verb, no quote: a title or a scare-quoted phrase.
	{"", "fr", "Le film « La Grande Vadrouille » passe ce soir.", nil},
	{"", "de", "Die sogenannte „Genfer Formel“ liegt auf dem Tisch.", nil},
}

func TestLanguageQuotes(t *testing.T) {
	for _, ex := range langQuoteExamples {
		got := langQuotes(t, langArticle(ex.lang, ex.text))
		if strings.Join(got, "|") != strings.Join(ex.want, "|") {
			t.Errorf("%s %s %q:\n got %q\nwant %q", ex.lang, ex.rule, ex.text, got, ex.want)
		}
	}
}

func TestEveryLanguageAttributionHasExamples(t *testing.T) {
	for _, r := range langAttributions() {
		langs := map[string]bool{}
		for _, ex := range langQuoteExamples {
			if ex.rule == r.name && len(ex.want) > 0 {
				langs[ex.lang] = true
			}
		}
		for _, l := range []string{"fr", "de", "es", "ru"} {
			if !langs[l] {
				t.Errorf("rule %s has no %s example", r.name, l)
			}
		}
	}
}

// TestNoEnglishQuotesOnOtherLanguages: in a language no rules read, the
// English rules would take capitalised nouns for speakers; nothing comes
// out instead.
func TestNoEnglishQuotesOnOtherLanguages(t *testing.T) {
	text := "\"Wij blijven praten,\" zei minister Jan de Vries donderdag. \"We stay,\" said Jan de Vries."
	if got := langQuotes(t, langArticle("nl", text)); len(got) != 0 {
		t.Errorf("Dutch: %q", got)
	}
	if got := langQuotes(t, langArticle("en", "\"We stay on,\" said Jan de Vries.")); len(got) != 1 {
		t.Errorf("English: %q", got)
	}
}

// FuzzLanguageQuotes: any text in any of the languages yields quotes that
// stand where they say, and no panic.
func FuzzLanguageQuotes(f *testing.F) {
	for _, ex := range langQuoteExamples {
		f.Add(ex.lang, ex.text)
	}
	f.Add("ru", "— — «» „“ —")
	f.Fuzz(func(t *testing.T, lang, text string) {
		// The four languages only: English has FuzzExtract.
		lang = []string{"fr", "de", "es", "ru"}[len(lang)%4]
		a := &storyline.Article{ID: "f", Lang: lang, Text: text}
		for _, q := range Extract(a) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text || q.SpeakerName == "" {
				t.Fatalf("quote %+v in %q", q, text)
			}
		}
	})
}

// BenchmarkLanguageSize: the time per byte must stay flat from 10 KB to
// 1 MB, in paragraphs or in one run-on paragraph.
func BenchmarkLanguageSize(b *testing.B) {
	unit := "« Nous avons fait un pas important », a déclaré Ignazio Cassis jeudi. « Il reste à signer » "
	for _, size := range []int{10_000, 1_000_000} {
		for _, sep := range []string{"\n\n", " "} {
			text := strings.Repeat(unit+sep, size/len(unit))
			name := "paragraphs"
			if sep == " " {
				name = "run-on"
			}
			b.Run(fmt.Sprintf("%s/%dKB", name, size/1000), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				a := &storyline.Article{ID: "b", Lang: "fr", Text: text}
				for b.Loop() {
					Extract(a)
				}
			})
		}
	}
}
