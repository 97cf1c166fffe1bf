package newstext

import (
	"slices"
	"strings"
	"testing"
)

func TestNameNameKey(t *testing.T) {
	same := [][]string{
		{"Sergei Ryabkov", "Sergey Ryabkov", "Sergei Riabkov", "Sergej Rjabkow", "Сергей Рябков", "SERGEI RYABKOV"},
		{"Putin", "Poutine", "Путин", "Putin’s", "Putin's"},
		{"Dmitry", "Dmitri", "Dmitriy", "Dmitrii", "Дмитрий"},
		{"Yevgeny", "Evgeny", "Evgueni", "Евгений"},
		{"Khodorkovsky", "Hodorkovski", "Khodorkovskiy"},
		{"Yuri", "Iouri", "Yury", "Yuriy", "Юрий"},
		{"Zelensky", "Zelenskyy", "Zelenskiy", "Зеленский"},
		{"Kuznetsov", "Kuznetzov"},
		{"Antony", "Anthony"},
		{"Tchaikovsky", "Chaikovsky"},
		{"François Hollande", "Francois Hollande"},
		{"Al-Qaeda", "AlQaeda"},
		{"U.S.", "US"},
		{"Wendy\nSherman", "Wendy  Sherman"},
	}
	for _, group := range same {
		k := NameKey(group[0])
		for _, s := range group[1:] {
			if got := NameKey(s); got != k {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", group[0], k, s, got)
			}
		}
	}
	apart := [][2]string{
		{"Ryabkov", "Lavrov"},
		{"Putin", "Biden"},
		{"Sherman", "Ryabkov"},
		{"KKK", "K"},
		{"Maria", "Mario"},
		{"Sergei", "Dmitry"},
	}
	for _, p := range apart {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) == NameKey(%q) = %q", p[0], p[1], NameKey(p[0]))
		}
	}
	for _, s := range []string{"", "   ", "\xff\xfe", "..."} {
		if got := NameKey(s); got != "" {
			t.Errorf("NameKey(%q) = %q, want empty", s, got)
		}
	}
}

func TestStripPossessive(t *testing.T) {
	for in, want := range map[string]string{"Russia’s": "Russia", "Reuters'": "Reuters", "'s": "'s", "Moscow": "Moscow",
		"RUSSIA'S": "RUSSIA", "Russia’S": "Russia", "Russiaʼs": "Russia", "Russia’": "Russia", "’": "’", "s": "s", "": "",
		"Lens": "Lens", "Les’": "Les", "Ivanov‘": "Ivanov‘", "Paris’s": "Paris"} {
		if got := StripPossessive(in); got != want {
			t.Errorf("StripPossessive(%q) = %q, want %q", in, got, want)
		}
	}
}

// spellingExamples are names that one spelling rule of the key makes one:
// each pair shares a key, and does not without the rule.
func spellingExamples() map[string][][2]string {
	return map[string][][2]string{
		"German tsch for ч": {{"Tschaikowski", "Tchaikovsky"}, {"Gorbatschow", "Gorbachov"}},
		"German sch for ш":  {{"Schoigu", "Shoigu"}, {"Mischustin", "Mishustin"}},
		"tch for ч":         {{"Tchaikovsky", "Chaikovsky"}, {"Aleksandrovitch", "Aleksandrovich"}},
		"kh or h for х":     {{"Khodorkovsky", "Hodorkovski"}},
		"tz or ts for ц":    {{"Kuznetzov", "Kuznetsov"}},
		"ph is f":           {{"Stephanie", "Stefanie"}},
		"th is t":           {{"Anthony", "Antony"}},
		"French ou for у":   {{"Poutine", "Putin"}, {"Iouri", "Yuri"}},
		"German w for в":    {{"Lawrow", "Lavrov"}},
		"x is ks":           {{"Alexander", "Aleksander"}},
		"French gue for ге": {{"Evguenia", "Evgenia"}},
		"French gui for ги": {{"Guirkine", "Girkin"}},
	}
}

func TestSpellingRules(t *testing.T) {
	examples := spellingExamples()
	for _, rule := range spellings {
		pairs := examples[rule.name]
		if len(pairs) == 0 {
			t.Errorf("spelling %q has no examples", rule.name)
		}
		without := slices.DeleteFunc(slices.Clone(spellings), func(s spelling) bool { return s.name == rule.name })
		for _, p := range pairs {
			if a, b := NameKey(p[0]), NameKey(p[1]); a != b {
				t.Errorf("%s: NameKey(%q) = %q, NameKey(%q) = %q: want one", rule.name, p[0], a, p[1], b)
			}
			if keyWith(p[0], without) == keyWith(p[1], without) {
				t.Errorf("%s: %q and %q share a key without the rule", rule.name, p[0], p[1])
			}
		}
		delete(examples, rule.name)
	}
	for name := range examples {
		t.Errorf("examples for %q, which is no spelling rule", name)
	}
}

func TestWordsWithin(t *testing.T) {
	for _, tc := range []struct {
		small, big string
		want       bool
	}{
		{"ryabkov", "sergei ryabkov", true},
		{"sergei ryabkov", "sergei ryabkov", true},
		{"", "sergei ryabkov", true},
		{"lavrov", "sergei ryabkov", false},
		{"sergei ryabkov", "ryabkov", false},
	} {
		if got := WordsWithin(strings.Fields(tc.small), strings.Fields(tc.big)); got != tc.want {
			t.Errorf("WordsWithin(%q, %q) = %v, want %v", tc.small, tc.big, got, tc.want)
		}
	}
}
