package clean

import (
	"strings"
)

// bylineLabels are the words of form labels and page furniture that stand
// where a byline's names should be ("Name" from a comment form, "Auteurs",
// "Abgelegt unter", "Unknown", "Staff Reporter"): a name holding one is no
// person's name.
var bylineLabels = setOf("name", "names", "author", "authors", "auteur", "auteurs", "autor", "autoren", "autorin",
	"autora", "autores", "autore", "autori", "unknown", "anonymous", "anonyme", "anonym", "admin", "administrator",
	"staff", "editor", "editors", "redaktion", "rédaction", "redacción", "redação", "redazione", "abgelegt", "unter",
	"filed", "posted", "published", "guest", "contributor", "contributors", "team", "desk", "newsroom", "user",
	"written", "reporter", "reporters", "correspondent", "email", "e-mail", "website", "required", "comment",
	"comments", "reply", "share", "follow", "subscribe", "more", "view", "all", "posts", "profile", "bio",
	"categories", "category", "tags", "under", "in", "by", "von", "par", "por", "n/a", "none", "null", "undefined")

// bylineSeparators split a byline into its names.
var bylineSeparators = []string{";", ",", " and ", " & ", " und ", " et ", " y ", " e ", " / ", "|"}

// Byline keeps the names of a byline that are people or agencies, in
// order, separated by ", ": "By Jane Doe and John Roe" gives "Jane Doe,
// John Roe". Everything else goes: form labels ("Name", "Auteurs"),
// phrases ("Art Edwards says"), sections ("Abgelegt unter Politik"),
// placeholders ("Unknown"). A byline that names no one gives "".
func Byline(s string) string {
	parts := []string{strings.TrimSpace(s)}
	for _, sep := range bylineSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, splitWord(p, sep)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(p, " \t\n.:-–—()[]")
		for _, by := range []string{"By ", "BY ", "by ", "Por ", "Par ", "Von ", "Door ", "Di "} {
			p = strings.TrimPrefix(p, by)
		}
		if n := bylineName(p); n != "" && !containsFold(out, n) {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// bylineName is p when it is a person's name or an agency's (an agency
// in its usual spelling), else "".
func bylineName(p string) string {
	if a, ok := agencyName(p); ok {
		return a
	}
	if !personName(p) || len(p) > 60 {
		return ""
	}
	for _, w := range strings.Fields(p) {
		if bylineLabels[strings.ToLower(strings.Trim(w, ".,:"))] {
			return ""
		}
	}
	return p
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
