package entity

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline"
)

// mergeCase is an example of the rule that joins an organisation's name
// cut before its closing place (mergeOrgPlace): the first article's
// mentions after resolving.
type mergeCase struct {
	name     string
	articles []string
	want     []string // mention texts of the first article, in order
	types    []string
}

func mergeCases() []mergeCase {
	return slices.Concat(joinedNames(), namesLeftApart())
}

// joinedNames are names the rule joins: a world region ends them, or the
// joined name's acronym is used.
func joinedNames() []mergeCase {
	return []mergeCase{
		{
			name:     "region ends the name",
			articles: []string{"Talks at the [O:Organization for Security and Cooperation] in [L:Europe] on [L:Ukraine]."},
			want:     []string{"Organization for Security and Cooperation in Europe", "Ukraine"},
			types:    []string{storyline.Org, storyline.Place},
		},
		{
			name:     "in the region",
			articles: []string{"The [O:Council for Peace and Security] in the [L:Middle East] met."},
			want:     []string{"Council for Peace and Security in the Middle East"},
			types:    []string{storyline.Org},
		},
		{
			name:     "acronym in parentheses",
			articles: []string{"The [O:Union of Jewish Communities] in [L:Ruritania] (UJCR) said."},
			want:     []string{"Union of Jewish Communities in Ruritania"},
			types:    []string{storyline.Org},
		},
		{
			name: "acronym elsewhere in the corpus",
			articles: []string{
				"The [O:Union of Jewish Communities] in [L:Ruritania] said.",
				"The [O:UJCR] agreed.",
			},
			want:  []string{"Union of Jewish Communities in Ruritania"},
			types: []string{storyline.Org},
		},
	}
}

// namesLeftApart are names it leaves as the tagger cut them: a city only
// says where an institution is.
func namesLeftApart() []mergeCase {
	return []mergeCase{
		{
			name: "the shorter name's acronym is in use",
			articles: []string{
				"The [O:Union of Jewish Communities] in [L:Ruritania] said.",
				"The [O:UJCR] and the [O:UJC] agreed.",
			},
			want:  []string{"Union of Jewish Communities", "Ruritania"},
			types: []string{storyline.Org, storyline.Place},
		},
		{
			name:     "a city says where the institution is",
			articles: []string{"The [O:Council on Foreign Relations] in [L:New York] said."},
			want:     []string{"Council on Foreign Relations", "New York"},
			types:    []string{storyline.Org, storyline.Place},
		},
		{
			name:     "punctuation between",
			articles: []string{"The [O:Ministry of Defence], in [L:Europe] too."},
			want:     []string{"Ministry of Defence", "Europe"},
			types:    []string{storyline.Org, storyline.Place},
		},
		{
			name:     "no linking word",
			articles: []string{"[O:Human Rights Watch] in [L:Europe] said."},
			want:     []string{"Human Rights Watch", "Europe"},
			types:    []string{storyline.Org, storyline.Place},
		},
		{
			name:     "already one span",
			articles: []string{"The [O:Council of Europe] in [L:Strasbourg] said."},
			want:     []string{"Council of Europe", "Strasbourg"},
			types:    []string{storyline.Org, storyline.Place},
		},
	}
}

func TestMergeOrgPlace(t *testing.T) {
	for _, tc := range mergeCases() {
		t.Run(tc.name, func(t *testing.T) {
			arts := markedCorpus(tc.articles)
			ents := Resolve(arts)
			a := arts[0]
			var got, types []string
			for _, m := range a.Entities {
				got = append(got, m.Text)
				types = append(types, m.Type)
				if m.Text != a.Text[m.Start:m.End] {
					t.Errorf("mention %q spans %q", m.Text, a.Text[m.Start:m.End])
				}
			}
			if !slices.Equal(got, tc.want) || !slices.Equal(types, tc.types) {
				t.Errorf("mentions %q %v, want %q %v", got, types, tc.want, tc.types)
			}
			checkConsistent(t, arts, ents)
		})
	}
}
