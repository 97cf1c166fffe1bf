package lang

import (
	"strings"
	"sync"
	"testing"
)

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
		{"too short", "Geneva", ""},
		{"empty", "", ""},
		{"digits", "2021-09-30 12:00 14 15 16 17 18 19 20 21 22 23", ""},
		{"invalid utf8", "\xff\xfe\xfd", ""},
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
	text := "The talks between the two delegations were expected to last most of the day."
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Detect(text); got != "en" {
				t.Errorf("Detect = %q, want en", got)
			}
		}()
	}
	wg.Wait()
}

func TestCut(t *testing.T) {
	s := strings.Repeat("é", 3000)
	got := cut(s, 2001)
	if len(got) > 2001 || !strings.HasPrefix(s, got) || len(got)%2 != 0 {
		t.Errorf("cut split a rune: len %d", len(got))
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The talks between the two delegations were expected to last most of the day, officials said on Thursday. ", 20)
	Detect(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Detect(text)
	}
}
