package entity

import (
	"testing"

	"github.com/storyline-news/storyline"
)

func TestCanonicalName(t *testing.T) {
	tests := []struct {
		forms map[string]int
		typ   string
		want  string
	}{
		// A full name beats a surname however often the surname is used.
		{map[string]int{"Biden": 5, "Joe Biden": 1}, storyline.Person, "Joe Biden"},
		{map[string]int{"D. Peskov": 3, "Dmitry Peskov": 1}, storyline.Person, "Dmitry Peskov"},
		// A spelled-out organisation beats its acronym.
		{map[string]int{"OSCE": 9, "Organization for Security and Co-operation in Europe": 1}, storyline.Org,
			"Organization for Security and Co-operation in Europe"},
		// A place's preferred name beats its other names.
		{map[string]int{"Kiev": 4, "Kyiv": 1}, storyline.Place, "Kyiv"},
		{map[string]int{"Russian Federation": 2, "Russia": 1}, storyline.Place, "Russia"},
		// A capitalised form beats a lower-case one; then the most used.
		{map[string]int{"kremlin": 3, "Kremlin": 1}, storyline.Org, "Kremlin"},
		{map[string]int{"Sergei Ryabkov": 2, "Sergey Ryabkov": 3}, storyline.Person, "Sergey Ryabkov"},
		{map[string]int{"Sergey Ryabkov": 2, "Sergei Ryabkov": 2}, storyline.Person, "Sergei Ryabkov"},
	}
	for _, tc := range tests {
		if got := canonicalName(tc.forms, tc.typ); got != tc.want {
			t.Errorf("canonicalName(%v) = %q, want %q", tc.forms, got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Sergei Riabkov":           "sergei-riabkov",
		"Сергей Рябков":            "sergey-ryabkov",
		"Médecins Sans Frontières": "medecins-sans-frontieres",
		"U.S. State Department":    "us-state-department",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
	// A name with no Latin spelling is a hash, the same each time.
	if got := slug("習近平"); len(got) != 8 || got != slug("習近平") || got == slug("李克強") {
		t.Errorf("slug of a Chinese name = %q", got)
	}
}

func TestAssignIDs(t *testing.T) {
	ents := []storyline.Entity{
		{Name: "Ryabkov", Type: storyline.Person, Aliases: []string{"Ryabkov"}, Articles: []string{"a"}},
		{Name: "Ryabkov", Type: storyline.Person, Aliases: []string{"Ryabkov"}, Articles: []string{"b"}},
		{Name: "Kremlin", Type: storyline.Org},
	}
	assignIDs(ents)
	if ents[2].ID != "o-kremlin" || ents[0].ID == ents[1].ID || ents[0].ID[:10] != "p-ryabkov-" {
		t.Errorf("ids %q %q %q", ents[0].ID, ents[1].ID, ents[2].ID)
	}
}
