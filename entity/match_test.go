package entity

import (
	"testing"

	"github.com/storyline-news/storyline"
)

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
