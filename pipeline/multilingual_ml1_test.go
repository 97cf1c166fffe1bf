package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/source"
)

// Three (here five) short reports of one Geneva meeting, invented, in
// English, French, German, Spanish and Russian, published on Friday 4
// December 2026: each is read in its own language, so that its weekdays,
// relative days and quotes come out as the English one's do.
func TestMultilingualDatesAndQuotes(t *testing.T) {
	for _, tt := range []struct {
		lang    string
		timexes []string // "text=value", each of which must be found
		quotes  []string // "speaker: first words", in order
	}{
		{"en", []string{"Thursday=2026-12-03", "Monday=2026-12-07"},
			[]string{"Mara Lind: We have taken", "Mara Lind: The text is", "Paul Favre: The two delegations"}},
		{"fr", []string{"jeudi=2026-12-03", "une semaine=", "La veille=2026-12-02", "lundi prochain=2026-12-07"},
			[]string{"Mara Lind: Nous avons franchi", "Mara Lind: Le texte n'est"}},
		{"de", []string{"Donnerstag=2026-12-03", "kommenden Montag=2026-12-07", "1. Dezember=2026-12-01"},
			[]string{"Mara Lind: Wir haben einen", "Mara Lind: Der Text ist"}},
		{"es", []string{"jueves=2026-12-03", "próximo lunes=2026-12-07", "semana pasada=2026-W48"},
			[]string{"Mara Lind: Hemos dado un", "Mara Lind: El texto aún"}},
		{"ru", []string{"четверг=2026-12-03", "Накануне=2026-12-02", "следующий понедельник=2026-12-07"},
			[]string{"Мара Линд: Мы сделали важный", "Мара Линд: Текст пока не", "Пауль Фавр: Стороны настроены"}},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "multilingual", "ml1-geneva-"+tt.lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Prepare(&source.Item{ID: "geneva-" + tt.lang, Text: string(b), Published: "2026-12-04", Format: "text"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Lang != tt.lang {
			t.Errorf("%s: detected as %q", tt.lang, a.Lang)
		}
		for _, an := range Analyzers() {
			if err := an.Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		var timexes []string
		for _, x := range a.Timexes {
			timexes = append(timexes, x.Text+"="+x.Value)
		}
		for _, w := range tt.timexes {
			if strings.HasSuffix(w, "=") {
				// A duration, not a date: found, its value aside.
				if !slices.ContainsFunc(timexes, func(s string) bool { return strings.HasPrefix(s, w) }) {
					t.Errorf("%s: no %q in %q", tt.lang, w, timexes)
				}
				continue
			}
			if !slices.Contains(timexes, w) {
				t.Errorf("%s: no %q in %q", tt.lang, w, timexes)
			}
		}
		if a.EventDate != "2026-12-03" {
			t.Errorf("%s: event date %q, want the Thursday of the meeting", tt.lang, a.EventDate)
		}
		var quotes []string
		for _, q := range a.Quotes {
			quotes = append(quotes, q.SpeakerName+": "+q.Text)
		}
		if len(quotes) != len(tt.quotes) {
			t.Errorf("%s: quotes %q, want %q", tt.lang, quotes, tt.quotes)
			continue
		}
		for i, w := range tt.quotes {
			if !strings.HasPrefix(quotes[i], w) {
				t.Errorf("%s: quote %d is %q, want %q…", tt.lang, i, quotes[i], w)
			}
		}
	}
}
