package main

import "testing"

func TestEscaped(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path.txt: empty file": "plain/path.txt: empty file",
		"café/Мост.txt":              "café/Мост.txt",
		"a\nstoryline: 9 ingested":   `a\nstoryline: 9 ingested`,
		"x\x1b[2Jy":                  `x\x1b[2Jy`,
		"tab\there\r":                `tab\there\r`,
		"bidi\u202etxt.exe":          `bidi\u202etxt.exe`,
		"c1\u0085control":            `c1\x85control`,
		"zero\u200bwidth":            `zero\u200bwidth`,
	} {
		if got := escaped(in); got != want {
			t.Errorf("escaped(%q) = %q, want %q", in, got, want)
		}
	}
}
