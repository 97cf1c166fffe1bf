package entity

import "github.com/storyline-news/storyline"

func retypeExamples() map[string][]example {
	return map[string][]example{
		"a listed place or institution typed PERSON": {
			{articles: []string{"She flew to the Swiss capital, [P:Bern], then home."},
				types: map[string]string{"Bern": storyline.Place}},
			{articles: []string{"[P:Denzel Washington] starred. [P:Washington] smiled."},
				same: [][]string{{"Denzel Washington", "Washington"}}, types: map[string]string{"Washington": storyline.Person}, bound: true},
		},
		"a person's name typed ORG or OTHER": {
			{articles: []string{"[P:Sergei Ryabkov] said. [O:Ryabkov]: talks were difficult."},
				same: [][]string{{"Sergei Ryabkov", "Ryabkov"}}, types: map[string]string{"Ryabkov": storyline.Person}},
			{articles: []string{"[P:Sergei Ryabkov] arrived.", "[X:Sergei Ryabkov.] spoke."},
				same: [][]string{{"Sergei Ryabkov", "Sergei Ryabkov."}}},
			{articles: []string{"[P:George Washington] crossed the river. Today [O:Washington] said no."},
				apart: [][2]string{{"George Washington", "Washington"}}, types: map[string]string{"Washington": storyline.Place}, bound: true},
		},
	}
}

func reconcileExamples() map[string][]example {
	return map[string][]example{
		"a lone surname is the same-named organisation or place": {
			{articles: []string{"[O:Ryabkov]: talks were difficult.", "[P:Ryabkov] said."},
				same: [][]string{{"Ryabkov", "Ryabkov"}}, types: map[string]string{"Ryabkov": storyline.Person}},
		},
		"a one-word name is the only person with that surname": {
			{articles: []string{"[P:Sergei Ryabkov] said. [P:Ryabkov] added.", "[O:RYABKOV]: talks were difficult."},
				same: [][]string{{"Sergei Ryabkov", "RYABKOV"}}, types: map[string]string{"RYABKOV": storyline.Person}},
			{articles: []string{"[P:George Washington] crossed. [P:Mr Washington] rested.", "[L:Washington] said no."},
				apart: [][2]string{{"George Washington", "Washington"}}, bound: true},
		},
	}
}

func voteExamples() map[string][]example {
	return map[string][]example{
		"a full person name outvotes the prior": {
			{articles: []string{"[P:Petr Rada] coached the team. [P:Rada] said so. [P:Rada] left."},
				types: map[string]string{"Petr Rada": storyline.Person}},
		},
		"the tag stands for names the prior does not list": {
			{articles: []string{"[O:Acme Corp] rose."}, types: map[string]string{"Acme Corp": storyline.Org}},
		},
		"a person tag stands against a place": {
			{articles: []string{"[P:Michael Jordan] retired.", "[P:Eddie Jordan] raced.", "[P:Jordan] scored."},
				types: map[string]string{"Jordan": storyline.Person}, batch: "a lone surname arrives before or after the full names that make it ambiguous"},
		},
		"a city beside a score is a club": {
			{articles: []string{"[L:Chicago] 1996-08-27\nResults: [O:CHICAGO] 3 [O:Atlanta] 2"},
				types: map[string]string{"Chicago": storyline.Place, "CHICAGO": storyline.Org}},
		},
		"a region typed OTHER is an adjective": {
			{articles: []string{"A [X:Mediterranean] diet. The [L:Arctic] ice."},
				types: map[string]string{"Mediterranean": storyline.Other, "Arctic": storyline.Place}},
		},
		"the prior outvotes the tagger": {
			{articles: []string{"She flew to [O:Bern]."}, types: map[string]string{"Bern": storyline.Place}},
		},
	}
}
