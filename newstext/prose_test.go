package newstext

import (
	"strings"
	"testing"
	"time"
)

func lexicon(t *testing.T, code string) *Lexicon {
	t.Helper()
	l, ok := Analysis(code)
	if !ok {
		t.Fatalf("no analysis for %q", code)
	}
	return l
}

func TestSentencesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "M. Cassis est arrivé jeudi. Mme Baume-Schneider aussi.",
			[]string{"M. Cassis est arrivé jeudi.", "Mme Baume-Schneider aussi."}},
		{"fr", "Le Dr. Favre a parlé avec Mme. Roux. Puis il est parti, etc. Le soir même.",
			[]string{"Le Dr. Favre a parlé avec Mme. Roux.", "Puis il est parti, etc.", "Le soir même."}},
		{"de", "Das Treffen fand am 3. Dezember statt. Dr. Keller kam bzw. Prof. Brandt.",
			[]string{"Das Treffen fand am 3. Dezember statt.", "Dr. Keller kam bzw. Prof. Brandt."}},
		{"de", "Es gab z.B. Kaffee. Die Gäste gingen um 3. Danach war Ruhe.",
			[]string{"Es gab z.B. Kaffee.", "Die Gäste gingen um 3.", "Danach war Ruhe."}},
		{"es", "El Sr. Ortega llegó de EE.UU. el lunes. La Dra. Vidal no.",
			[]string{"El Sr. Ortega llegó de EE.UU. el lunes.", "La Dra. Vidal no."}},
		{"es", "¿Habrá acuerdo? Nadie lo sabe.", []string{"¿Habrá acuerdo?", "Nadie lo sabe."}},
		{"ru", "Встреча прошла в 2026 г. В ней участвовал В. Петров. Ул. Ленина закрыта.",
			[]string{"Встреча прошла в 2026 г.", "В ней участвовал В. Петров.", "Ул. Ленина закрыта."}},
		{"ru", "Ущерб составил 3 млн. руб. по оценке проф. Орлова. Так сказано.",
			[]string{"Ущерб составил 3 млн. руб. по оценке проф. Орлова.", "Так сказано."}},
	} {
		l := lexicon(t, tt.lang)
		var got []string
		for _, s := range l.Sentences(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestDeclinedCalendarWords(t *testing.T) {
	ru := lexicon(t, "ru")
	for w, m := range map[string]time.Month{"декабря": time.December, "мае": time.May, "марта": time.March, "августе": time.August, "январь": time.January} {
		if got, ok := ru.Month(w); !ok || got != m {
			t.Errorf("ru.Month(%q) = %v, %v; want %v", w, got, ok, m)
		}
	}
	for w, d := range map[string]time.Weekday{"среду": time.Wednesday, "пятницу": time.Friday, "четверг": time.Thursday, "воскресенье": time.Sunday} {
		if got, ok := ru.Weekday(w); !ok || got != d {
			t.Errorf("ru.Weekday(%q) = %v, %v; want %v", w, got, ok, d)
		}
	}
	if _, ok := ru.Month("март"); !ok {
		t.Error("март is no month")
	}
}

func TestProseTables(t *testing.T) {
	for _, tt := range []struct {
		lang, phrase string
		days         int
	}{
		{"fr", "hier", -1}, {"fr", "Aujourd’hui", 0}, {"fr", "après-demain", 2},
		{"de", "gestern", -1}, {"de", "Übermorgen", 2},
		{"es", "ayer", -1}, {"es", "pasado mañana", 2},
		{"ru", "вчера", -1}, {"ru", "Позавчера", -2},
	} {
		if got, ok := lexicon(t, tt.lang).RelativeDay(PieceKey(tt.phrase)); !ok || got != tt.days {
			t.Errorf("%s RelativeDay(%q) = %d, %v; want %d", tt.lang, tt.phrase, got, ok, tt.days)
		}
	}
	if !lexicon(t, "ru").Eve(PieceKey("Накануне")) || !lexicon(t, "fr").Eve("veille") {
		t.Error("eve words missing")
	}
	if d, ok := lexicon(t, "es").Direction("próximo"); !ok || d != 1 {
		t.Errorf("es próximo = %d, %v", d, ok)
	}
	if lexicon(t, "de").UnitWord("woche") != Week || lexicon(t, "ru").UnitWord("неделе") != Week {
		t.Error("week words missing")
	}
	if !lexicon(t, "fr").Future("réunira") || lexicon(t, "fr").Future("opéra") || !lexicon(t, "es").Future("viajará") {
		t.Error("future tense misread")
	}
	if lexicon(t, "de").SpeechVerb("sagte") != Say || lexicon(t, "ru").SpeechVerb("заявил") != Say ||
		lexicon(t, "fr").SpeechVerb("selon") != According {
		t.Error("speech verbs missing")
	}
	if English().Pronoun("il") || English().OwnAnalysis() || !lexicon(t, "fr").OwnAnalysis() {
		t.Error("English answers from other tables")
	}
}

func TestAnalysis(t *testing.T) {
	for code, want := range map[string]string{"": "en", "en": "en", "en-US": "en", "EN_gb": "en", "und": "en", "x-default": "en",
		"fr": "fr", "fr-CA": "fr", "de": "de", "de-AT": "de", "es": "es", "es-419": "es", "ru": "ru", "RU": "ru",
		"it": "", "pt-BR": "", "zh": "", "nl": ""} {
		got := ""
		if l, ok := Analysis(code); ok {
			got = l.Lang()
		}
		if got != want {
			t.Errorf("Analysis(%q) = %q, want %q", code, got, want)
		}
	}
}
