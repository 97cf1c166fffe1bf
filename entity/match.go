package entity

import (
	"slices"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Match reports whether a free-text name refers to the entity: any spelling
// the transliteration rules fold together ("Riabkov", "Sergey Ryabkov",
// "Vladimir Poutine"), with or without titles ("President Putin"), a
// surname or another word of the name, a familiar first name ("Joe
// Biden"), an organisation's acronym ("OSCE") or a place's other name
// ("America"). A full name with another surname or an incompatible first
// name does not match.
func Match(e storyline.Entity, query string) bool {
	q, ok := parseQuery(query)
	if !ok {
		return false
	}
	forms := append([]string{e.Name}, e.Aliases...)
	if e.Type == storyline.Person {
		return matchPerson(forms, q)
	}
	for _, f := range forms {
		if len(strings.Fields(f)) > 0 && matchName(f, q) {
			return true
		}
	}
	return e.Type == storyline.Org && qualifiedMatch(forms, q.name)
}

// query is a free-text name read for Match.
type query struct {
	name  []string // the words after a leading article and title
	key   string   // Key of name
	words []string // the words of key
	acr   string   // the query as an acronym, if it is one
}

// parseQuery reads a query: a leading article is no part of a name ("The
// US State Department"), nor a title ("President Putin"); false when no
// name is left.
func parseQuery(s string) (query, bool) {
	words := strings.Fields(strings.ToValidUTF8(s, " "))
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return query{}, false
	}
	var q query
	_, q.name = mentionTitle(words)
	q.key = newstext.NameKey(strings.Join(q.name, " "))
	if q.key == "" {
		return query{}, false
	}
	q.words = strings.Fields(q.key)
	if len(words) == 1 && isAllCaps(words[0]) {
		q.acr = strings.ReplaceAll(words[0], ".", "")
	}
	return q, true
}

// matchPerson: a one-word query matches a person's surname or another word
// of a name; a longer one a name of the same surname and a compatible
// first name. A full-name query is compared with the person's full names
// only, when it has some: its surname-only aliases would accept any first
// name.
func matchPerson(forms []string, q query) bool {
	hasFull := false
	for _, f := range forms {
		if p := parsePerson(f); p.first != "" && !p.initial {
			hasFull = true
		}
	}
	qp := parsePerson(strings.Join(q.name, " "))
	for _, f := range forms {
		if len(strings.Fields(f)) == 0 {
			continue
		}
		p := parsePerson(f)
		switch {
		case p.sur == "":
		case len(q.words) == 1:
			if q.words[0] == p.sur || containsWord(newstext.NameKey(p.display), q.words[0]) {
				return true
			}
		case hasFull && (p.first == "" || p.initial):
		case qp.sur == p.sur && firstCompatible(qp.first, p.first, qp.initial, p.initial):
			return true
		}
	}
	return false
}

// matchName: a query matches an organisation's or a place's name when
// their keys are one (places' other names included), when it is an
// acronym the name builds, or when each of its words is a word of the
// name ("Foreign Ministry" in "Russian Foreign Ministry").
func matchName(f string, q query) bool {
	fk := nonPersonKey(nonPersonDisplay(f))
	if fk == nonPersonKey(q.key) {
		return true
	}
	if q.acr != "" && slices.Contains(acronyms(strings.Fields(nonPersonDisplay(f))), q.acr) {
		return true
	}
	for _, w := range q.words {
		if !containsWord(fk, w) && !containsWord(newstext.NameKey(f), w) {
			return false
		}
	}
	return true
}

// qualifiedMatch reports a country-qualified query ("U.S. State
// Department") naming an organisation known by its bare name ("State
// Department") when no form of it is qualified by another country.
func qualifiedMatch(forms, qname []string) bool {
	code, rest := qualifiedOrg(qname)
	if code == "" {
		return false
	}
	rk := nonPersonKey(strings.Join(rest, " "))
	found := false
	for _, f := range forms {
		fwords := strings.Fields(nonPersonDisplay(f))
		fk := nonPersonKey(strings.Join(fwords, " "))
		if c, frest := qualifiedOrg(fwords); c != "" {
			if c != code {
				return false
			}
			fk = nonPersonKey(strings.Join(frest, " "))
		}
		found = found || fk == rk
	}
	return found
}

func containsWord(key, w string) bool {
	for _, x := range strings.Fields(key) {
		if x == w {
			return true
		}
	}
	return false
}
