package entity

import (
	"testing"

	"github.com/storyline-news/storyline"
)

func TestKnownType(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Genf", storyline.Place},
		{"Женева", storyline.Place},
		{"Ginebra", storyline.Place},
		{"OTAN", storyline.Org},
		{"ОБСЕ", storyline.Org},
		{"Donnerstag", ""},
		{"Sergej Rjabkow", ""},
	} {
		if got := KnownType(tc.name); got != tc.want {
			t.Errorf("KnownType(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
