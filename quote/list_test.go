package quote

import (
	"testing"

	"github.com/storyline-news/storyline"
)

func TestSpeakerNamed(t *testing.T) {
	tests := []struct {
		speaker, query string
		want           bool
	}{
		{"Sergei Ryabkov", "Ryabkov", true},
		{"Sergei Ryabkov", "sergey riabkov", true},
		{"Sergei Ryabkov", "Sergei Lavrov", false},
		{"Ryabkov", "Sergei Ryabkov", false}, // the query says more than the name
		{"Sergei Ryabkov", "", false},
	}
	for _, tt := range tests {
		if got := SpeakerNamed(tt.speaker, tt.query); got != tt.want {
			t.Errorf("SpeakerNamed(%q, %q) = %v, want %v", tt.speaker, tt.query, got, tt.want)
		}
	}
}

func TestEntityNamed(t *testing.T) {
	ryabkov := storyline.Entity{Name: "Sergei Ryabkov", Type: storyline.Person, Aliases: []string{"S. A. Ryabkov"}}
	russia := storyline.Entity{Name: "Russia", Type: storyline.Place}
	tests := []struct {
		e    storyline.Entity
		name string
		want bool
	}{
		{ryabkov, "Riabkov", true},
		{ryabkov, "S. A. Ryabkov", true},
		{russia, "Russia", true},
		{russia, "Russian Federation", false}, // places only by their exact name
	}
	for _, tt := range tests {
		if got := EntityNamed(tt.e, tt.name); got != tt.want {
			t.Errorf("EntityNamed(%s, %q) = %v, want %v", tt.e.Name, tt.name, got, tt.want)
		}
	}
}
