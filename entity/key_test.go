package entity

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

func TestKey(t *testing.T) {
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
		k := Key(group[0])
		for _, s := range group[1:] {
			if got := Key(s); got != k {
				t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", group[0], k, s, got)
			}
		}
	}
	apart := [][2]string{
		{"Ryabkov", "Lavrov"},
		{"Putin", "Biden"},
		{"Sherman", "Ryabkov"},
		{"Maria", "Mario"},
		{"Sergei", "Dmitry"},
	}
	for _, p := range apart {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q", p[0], p[1], Key(p[0]))
		}
	}
	for _, s := range []string{"", "   ", "\xff\xfe", "..."} {
		if got := Key(s); got != "" {
			t.Errorf("Key(%q) = %q, want empty", s, got)
		}
	}
}

func TestMatch(t *testing.T) {
	ryabkov := storyline.Entity{Name: "Sergei Ryabkov", Type: storyline.Person, Aliases: []string{"Ryabkov", "Sergey Ryabkov"}}
	putin := storyline.Entity{Name: "Vladimir Putin", Type: storyline.Person, Aliases: []string{"Putin", "President Putin"}}
	biden := storyline.Entity{Name: "Joseph Biden", Type: storyline.Person, Aliases: []string{"Biden"}}
	osce := storyline.Entity{Name: "Organization for Security and Cooperation in Europe", Type: storyline.Org}
	state := storyline.Entity{Name: "State Department", Type: storyline.Org, Aliases: []string{"The US State Department"}}
	bareState := storyline.Entity{Name: "State Department", Type: storyline.Org}
	ruMFA := storyline.Entity{Name: "Foreign Ministry", Type: storyline.Org, Aliases: []string{"Russian Foreign Ministry"}}
	kremlin := storyline.Entity{Name: "Kremlin", Type: storyline.Org}
	us := storyline.Entity{Name: "United States", Type: storyline.Place, Aliases: []string{"US"}}
	tests := []struct {
		e     storyline.Entity
		query string
		want  bool
	}{
		{ryabkov, "Riabkov", true},
		{ryabkov, "riabkov", true},
		{ryabkov, "Sergey Riabkov", true},
		{ryabkov, "Mr Riabkov", true},
		{ryabkov, "Deputy Foreign Minister Sergei Ryabkov", true},
		{ryabkov, "Сергей Рябков", true},
		{ryabkov, "Sergei Lavrov", false},
		{ryabkov, "Lavrov", false},
		{ryabkov, "Dmitry Ryabkov", false},
		{putin, "Poutine", true},
		{putin, "Vladimir Poutine", true},
		{putin, "President Putin", true},
		{putin, "Biden", false},
		{biden, "Joe Biden", true},
		{biden, "Jill Biden", false},
		{osce, "OSCE", true},
		{osce, "NATO", false},
		{state, "US State Department", true},
		{state, "state department", true},
		{state, "Defense Department", false},
		{state, "The US State Department", true},
		{state, "the State Department", true},
		{state, "The Defense Department", false},
		{bareState, "The US State Department", true},
		{bareState, "U.S. State Department", true},
		{bareState, "American State Department", true},
		{bareState, "US Defense Department", false},
		{ruMFA, "Russian Foreign Ministry", true},
		{ruMFA, "the Foreign Ministry", true},
		{ruMFA, "Ukrainian Foreign Ministry", false},
		{ruMFA, "The Ukrainian Foreign Ministry", false},
		{kremlin, "the Kremlin", true},
		{kremlin, "The", false},
		{us, "America", true},
		{us, "U.S.", true},
		{us, "Russia", false},
		{ryabkov, "", false},
		{ryabkov, "\xff", false},
	}
	for _, tc := range tests {
		if got := Match(tc.e, tc.query); got != tc.want {
			t.Errorf("Match(%s, %q) = %v, want %v", tc.e.Name, tc.query, got, tc.want)
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
			if a, b := Key(p[0]), Key(p[1]); a != b {
				t.Errorf("%s: Key(%q) = %q, Key(%q) = %q: want one", rule.name, p[0], a, p[1], b)
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
