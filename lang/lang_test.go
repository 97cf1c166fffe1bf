package lang

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// knownLanguages are the codes Detect can return: those chosen by
// evidence and those the script alone names.
func knownLanguages() []string {
	codes := []string{"zh", "ja", "ko", "hi"}
	for _, f := range []family{latinFamily, cyrillicFamily, arabicFamily} {
		codes = append(codes, codesOf(f.langs)...)
	}
	slices.Sort(codes)
	return codes
}

func codesOf(langs []evidence) []string {
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.code)
	}
	return codes
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The talks between the two delegations were expected to last most of the day, officials said on Thursday.", "en"},
		{"french", "Les discussions entre les deux délégations devaient durer la plus grande partie de la journée, ont indiqué des responsables jeudi.", "fr"},
		{"german", "Die Gespräche zwischen den beiden Delegationen sollten nach Angaben von Beamten den größten Teil des Tages dauern.", "de"},
		{"spanish", "Las conversaciones entre las dos delegaciones debían durar la mayor parte del día, dijeron los funcionarios el jueves.", "es"},
		{"russian", "Переговоры между двумя делегациями должны были продлиться большую часть дня, сообщили официальные лица в четверг.", "ru"},
		{"italian", "I colloqui tra le due delegazioni dovevano durare gran parte della giornata, hanno detto i funzionari giovedì.", "it"},
		{"spanish with english quote", "Las dos delegaciones se reunieron el martes en la capital y los funcionarios dijeron que las conversaciones continuarían al menos dos días más. \"It was the best of the meetings\", dijo el ministro a los periodistas.", "es"},
		{"korean line with latin brand names", "Samsung, Apple, Google 경영진이 서울에서 만났다.", "ko"},
		{"japanese line, kanji and kana", "首相は会見で辞任を表明した。", "ja"},
		{"chinese line", "总理在记者会上宣布辞职。", "zh"},
		{"russian without letters ukrainian lacks", "Министр подал в отставку в пятницу вечером.", "ru"},
		{"too short", "Geneva", ""},
		{"too short in hangul", "서울에서", ""},
		{"empty", "", ""},
		{"digits", "2021-09-30 12:00 14 15 16 17 18 19 20 21 22 23", ""},
		{"invalid utf8", "\xff\xfe\xfd", ""},
		{"script detect does not know", "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια την Τετάρτη.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectConcurrent(t *testing.T) {
	texts := map[string]string{
		"en": "The talks between the two delegations were expected to last most of the day.",
		"nl": "De besprekingen tussen de twee delegaties zouden het grootste deel van de dag duren.",
	}
	var wg sync.WaitGroup
	for range 4 {
		for want, text := range texts {
			wg.Go(func() {
				if got := Detect(text); got != want {
					t.Errorf("Detect = %q, want %q", got, want)
				}
			})
		}
	}
	wg.Wait()
}

func TestMainScript(t *testing.T) {
	tests := []struct {
		name, text string
		want       script
	}{
		{"latin", "Prices rose again", latin},
		{"cyrillic with a latin brand", "Глава Netflix представил новый тариф", cyrillic},
		{"latin with one cyrillic name", "The minister met Володимир in the capital on Friday morning", latin},
		{"japanese counts as one cjk script", "大臣は金曜日の夜に辞任を表明した", han},
		{"devanagari vowel signs count", "कीमतें", devanagari},
		{"greek is another script", "κυβέρνηση", otherScript},
		{"no letters", "2024 — 12:30", noScript},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countScripts(tt.text).main(); got != tt.want {
				t.Errorf("main script of %q = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestCJKLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"hangul", "법원은 다음 주에 판결을 내린다", "ko"},
		{"korean with hanja", "韓國 법원은 다음 주에 판결을 내린다", "ko"},
		{"kana and kanji", "裁判所は来週判決を言い渡す", "ja"},
		{"han only", "法院将于下周作出判决", "zh"},
		{"a little kana in much han is japanese", "東京都知事選挙結果発表、現職再選確実と報道各社", "ja"},
		{"none", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cjkLanguage(countScripts(tt.text)); got != tt.want {
				t.Errorf("cjkLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestContenders(t *testing.T) {
	tests := []struct {
		name, text string
		f          family
		want       []string
	}{
		{"function words decide", "the court said that it would rule on the appeal", latinFamily, []string{"en"}},
		{"one distinctive letter decides", "Ceny wzrosły", latinFamily, []string{"pl"}},
		{"a lead of one word rules out nothing", "in november", latinFamily, []string{"en", "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "tr", "id"}},
		{"a shared word keeps those who share it", "in the november", latinFamily, []string{"en", "de", "it", "nl"}},
		{"no evidence leaves all", "xyz", cyrillicFamily, []string{"ru", "uk"}},
		{"ukrainian letters", "рішення суду", cyrillicFamily, []string{"uk"}},
		{"persian letters", "دادگاه هفته آینده رأی خود را اعلام می\u200cکند", arabicFamily, []string{"fa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := codesOf(contenders(tt.f.langs, tt.f.score(strings.ToLower(tt.text))))
			if !slices.Equal(got, tt.want) {
				t.Errorf("contenders(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestPlausible(t *testing.T) {
	tests := []struct {
		name, text string
		langs      []evidence
		want       []string
	}{
		{"cyrillic without і, ї, є or ґ is not ukrainian", "спасатели добрались до деревни", cyrillicFamily.langs, []string{"ru"}},
		{"cyrillic with і may be ukrainian", "рятувальники дісталися села", cyrillicFamily.langs, []string{"ru", "uk"}},
		{"languages without expected letters stay", "the court", latinFamily.langs[:2], []string{"en", "fr"}},
		{"never drops them all", "спасатели", cyrillicFamily.langs[1:], []string{"uk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := codesOf(plausible(strings.ToLower(tt.text), tt.langs))
			if !slices.Equal(got, tt.want) {
				t.Errorf("plausible(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestOnly(t *testing.T) {
	tests := []struct {
		name, text string
		sc         script
		want       string
	}{
		{"latin brand blanked in cyrillic", "Глава Netflix, 2024", cyrillic, "Глава        , 2024"},
		{"nothing foreign", "Глава компании", cyrillic, "Глава компании"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := only(tt.text, tt.sc); got != tt.want {
				t.Errorf("only(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	s := strings.Repeat("é", 3000)
	got := cut(s, 2001)
	if len(got) > 2001 || !strings.HasPrefix(s, got) || len(got)%2 != 0 {
		t.Errorf("cut split a rune: len %d", len(got))
	}
	if got := cut("one two three four", 12); got != "one two" {
		t.Errorf("cut = %q, want it to end on a word boundary", got)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("The talks between the two delegations were expected to last most of the day.")
	f.Add("Глава Netflix представил новый тариф Premium Plus.")
	f.Add("裁判所は来週判決を言い渡す")
	f.Add("\xff\xfe")
	known := knownLanguages()
	f.Fuzz(func(t *testing.T, text string) {
		if got := Detect(text); got != "" && !slices.Contains(known, got) {
			t.Errorf("Detect(%q) = %q, not a language Detect knows", text, got)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The talks between the two delegations were expected to last most of the day, officials said on Thursday. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}
