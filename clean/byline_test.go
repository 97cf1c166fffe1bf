package clean

import (
	"testing"
)

func TestBylineNames(t *testing.T) {
	for in, want := range map[string]string{
		"Orla Penhallow":                   "Orla Penhallow",
		"By Orla Penhallow":                "Orla Penhallow",
		"Ada Quill; Tamsin Brightwater":    "Ada Quill, Tamsin Brightwater",
		"Jane Doe and John Roe":            "Jane Doe, John Roe",
		"Jane Doe, Reuters":                "Jane Doe, Reuters",
		"REUTERS":                          "Reuters",
		"Léonie Cassard":                   "Léonie Cassard",
		"Ludwig van der Berg":              "Ludwig van der Berg",
		"Name":                             "",
		"Auteurs":                          "",
		"Abgelegt Unter":                   "",
		"Abgelegt unter Politik":           "",
		"Art Edwards says":                 "",
		"Unknown":                          "",
		"admin":                            "",
		"Staff Reporter":                   "",
		"Web Desk":                         "",
		"Posted by Admin":                  "",
		"https://www.facebook.com/someone": "",
		"jane@example.org":                 "",
		"":                                 "",
		"Jane Doe, Jane Doe":               "Jane Doe",
		"Unknown, Jane Doe":                "Jane Doe",
	} {
		if got := Byline(in); got != want {
			t.Errorf("Byline(%q) = %q, want %q", in, got, want)
		}
	}
}
