package entity

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Names in other languages and scripts fold into the keys the rules
// compare, so that the rules apply to them as to English names.

func TestNamesAbroad(t *testing.T) {
	english := englishNameKeys()
	for _, list := range [][][]string{placeNamesAbroad, bodyNamesAbroad} {
		for _, g := range list {
			want := nonPersonKey(g[0])
			for _, n := range g[1:] {
				if got := nonPersonKey(n); got != want {
					t.Errorf("%q keyed %q, want %q's %q", n, got, g[0], want)
				}
				k := newstext.NameKey(n)
				if k == newstext.NameKey(g[0]) {
					t.Errorf("%q has %q's key already: no need to list it", n, g[0])
				}
				if other, ok := english[k]; ok && nonPersonKey(other) != want {
					t.Errorf("%q keys as %q, the English %q", n, k, other)
				}
			}
		}
	}
	for k, v := range bodyAliases {
		if p, ok := placeAliases[k]; ok && p != v {
			t.Errorf("%q is %q as a place and %q as a body", k, p, v)
		}
	}
}

// englishNameKeys are the keys of the English names the lexicons list.
func englishNameKeys() map[string]string {
	out := map[string]string{}
	for _, list := range []string{priorPlaces, priorOrgs, priorRegions} {
		for _, line := range strings.Split(list, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out[newstext.NameKey(line)] = line
			}
		}
	}
	for _, g := range placeNames {
		for _, n := range g {
			out[newstext.NameKey(n)] = n
		}
	}
	return out
}

func TestResolveAbroad(t *testing.T) {
	cases := []resolveCase{
		{
			name: "a city's names in other languages",
			articles: []string{
				"Die Gespräche begannen in [L:Genf].",
				"Les délégués ont quitté [L:Genève].",
				"Делегаты прибыли в город [O:Женева].",
				"Delegates left [L:Geneva].",
			},
			same:  [][]string{{"Genf", "Genève", "Женева", "Geneva"}},
			canon: map[string]string{"Genf": "Geneva", "Женева": "Geneva"},
			types: map[string]string{"Женева": storyline.Place},
		},
		{
			name: "an organisation's acronym in other languages",
			articles: []string{
				"Die [O:OSZE] beobachtet die Wahl.",
				"The [O:Organization for Security and Co-operation in Europe] said.",
				"The [O:OSCE] agreed. L'[O:OTAN] aussi, et la [O:NATO].",
				"[O:НАТО] заявило.",
			},
			same:  [][]string{{"OSZE", "OSCE", "Organization for Security and Co-operation in Europe"}, {"OTAN", "NATO", "НАТО"}},
			apart: [][2]string{{"OSCE", "NATO"}},
		},
		{
			name: "a person in Cyrillic and in German and English spelling",
			articles: []string{
				"Министр обороны [P:Сергей Шойгу] заявил.",
				"Verteidigungsminister [P:Sergej Schoigu] sagte.",
				"Defence Minister [P:Sergei Shoigu] said. [P:Shoigu] added.",
				"[P:Sergueï Lavrov] a dit. [P:Sergej Lawrow] sagte.",
			},
			same:  [][]string{{"Сергей Шойгу", "Sergej Schoigu", "Sergei Shoigu", "Shoigu"}, {"Sergueï Lavrov", "Sergej Lawrow"}},
			apart: [][2]string{{"Sergei Shoigu", "Sergueï Lavrov"}},
		},
	}
	runResolveCases(t, cases)
}

func TestMatchAbroad(t *testing.T) {
	geneva := storyline.Entity{Name: "Geneva", Type: storyline.Place}
	nato := storyline.Entity{Name: "NATO", Type: storyline.Org, Aliases: []string{"North Atlantic Treaty Organization"}}
	shoigu := storyline.Entity{Name: "Sergei Shoigu", Type: storyline.Person, Aliases: []string{"Shoigu"}}
	for _, tc := range []struct {
		e     storyline.Entity
		query string
		want  bool
	}{
		{geneva, "Genf", true}, {geneva, "Genève", true}, {geneva, "Женева", true}, {geneva, "Wien", false},
		{nato, "OTAN", true}, {nato, "НАТО", true}, {nato, "OSZE", false},
		{shoigu, "Schoigu", true}, {shoigu, "Шойгу", true}, {shoigu, "Sergej Schoigu", true}, {shoigu, "Lawrow", false},
	} {
		if got := Match(tc.e, tc.query); got != tc.want {
			t.Errorf("Match(%s, %q) = %v, want %v", tc.e.Name, tc.query, got, tc.want)
		}
	}
}
