package entity

import "github.com/storyline-news/storyline"

func sameNameExamples() map[string][]example {
	return map[string][]example{
		"one name in one article": {
			{articles: []string{"The [O:Kremlin] said. The [X:KREMLIN] added."},
				same: [][]string{{"Kremlin", "KREMLIN"}}, types: map[string]string{"KREMLIN": storyline.Org}},
			{articles: []string{"[O:Acme Corp] rose; [X:Acme Corp's] shares fell."},
				same: [][]string{{"Acme Corp", "Acme Corp's"}}},
			{articles: []string{"[L:Chicago] 1996-08-27\nResults: [O:CHICAGO] 3 [O:Atlanta] 2"},
				apart: [][2]string{{"Chicago", "CHICAGO"}}, bound: true},
		},
		"a name the prior does not list is one entity": {
			{articles: []string{"The [O:Acme Corp] said.", "[X:Acme Corp.] shares fell."},
				same: [][]string{{"Acme Corp", "Acme Corp."}}},
		},
		"a listed name is one entity per sense": {
			{articles: []string{"Snow fell in [L:Chicago].", "[O:CHICAGO] was cold."},
				same: [][]string{{"Chicago", "CHICAGO"}}, types: map[string]string{"CHICAGO": storyline.Place}},
			{articles: []string{"Results: [O:Chicago] 3 [O:Atlanta] 2", "Results: [O:CHICAGO] 1 [O:Boston] 0", "Snow fell in [L:Chicago's] streets."},
				same:  [][]string{{"Chicago", "CHICAGO"}},
				apart: [][2]string{{"Chicago", "Chicago's"}}, batch: "a stand-in has no score beside it: the club's name meets the city"},
		},
		"a name of neither sense joins its most named sense": {
			{articles: []string{"A [X:Mediterranean] diet.", "Storms in the [L:Mediterranean Sea] and the [L:MEDITERRANEAN]."},
				same: [][]string{{"Mediterranean", "MEDITERRANEAN"}}},
			{articles: []string{"A [X:Mediterranean] diet.", "THE [X:MEDITERRANEAN] DIET."},
				same: [][]string{{"Mediterranean", "MEDITERRANEAN"}}},
		},
	}
}

func acronymExamples() map[string][]example {
	return map[string][]example{
		"an acronym in parentheses after a long form": {
			{articles: []string{"The [O:Union of Rural Workers] ([O:URWU]) met."},
				same: [][]string{{"Union of Rural Workers", "URWU"}}},
			{articles: []string{"The [O:Union of Rural Workers] (URWU) met."},
				alias: map[string]string{"Union of Rural Workers": "URWU"}},
		},
		"an acronym is the only long form that builds it": {
			{articles: []string{"The [O:Organization for Security and Co-operation in Europe] met.", "The [O:OSCE] said."},
				same: [][]string{{"Organization for Security and Co-operation in Europe", "OSCE"}}},
			{articles: []string{"The [O:Alpine Skiing Union] met.", "The [O:African Students Union] met.", "The [O:ASU] said."},
				apart: [][2]string{{"ASU", "Alpine Skiing Union"}, {"ASU", "African Students Union"}}, bound: true, batch: "an acronym or bare name arrives before or after the long forms that make it ambiguous"},
		},
		"a country-qualified organisation is its bare name": {
			{articles: []string{"[O:The US State Department] said.", "The [O:State Department] said."},
				same: [][]string{{"The US State Department", "State Department"}}},
			{articles: []string{"The [O:American State Department] said.", "The [O:US State Department] said."},
				same: [][]string{{"American State Department", "US State Department"}}},
			{articles: []string{"The [O:Russian Foreign Ministry] said.", "The [O:Chinese Foreign Ministry] said.", "The [O:Foreign Ministry] said."},
				apart: [][2]string{{"Russian Foreign Ministry", "Chinese Foreign Ministry"}, {"Foreign Ministry", "Russian Foreign Ministry"},
					{"Foreign Ministry", "Chinese Foreign Ministry"}}, bound: true, batch: "an acronym or bare name arrives before or after the long forms that make it ambiguous"},
		},
	}
}
