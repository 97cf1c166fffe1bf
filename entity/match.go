package entity

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// Match reports whether a free-text name refers to the entity: any spelling
// the transliteration rules fold together ("Riabkov", "Sergey Ryabkov",
// "Vladimir Poutine"), with or without titles ("President Putin"), a
// surname or another word of the name, a familiar first name ("Joe
// Biden"), an organisation's acronym ("OSCE") or a place's other name
// ("America"). A full name with another surname or an incompatible first
// name does not match.
func Match(e storyline.Entity, query string) bool {
	qwords := strings.Fields(strings.ToValidUTF8(query, " "))
	// A leading article is no part of a name ("The US State Department").
	if len(qwords) > 1 && strings.EqualFold(qwords[0], "the") {
		qwords = qwords[1:]
	}
	if len(qwords) == 0 {
		return false
	}
	_, qname := mentionTitle(qwords)
	qkey := Key(strings.Join(qname, " "))
	if qkey == "" {
		return false
	}
	qk := strings.Fields(qkey)
	acr := ""
	if len(qwords) == 1 && isAllCaps(qwords[0]) {
		acr = strings.ReplaceAll(qwords[0], ".", "")
	}
	forms := append([]string{e.Name}, e.Aliases...)
	// A full-name query is compared with the entity's full names; its
	// surname-only aliases would accept any first name.
	hasFull := false
	if e.Type == storyline.Person {
		for _, f := range forms {
			if p := parsePerson(f); p.first != "" && !p.initial {
				hasFull = true
			}
		}
	}
	for _, f := range forms {
		fwords := strings.Fields(f)
		if len(fwords) == 0 {
			continue
		}
		if e.Type == storyline.Person {
			p := parsePerson(f)
			if p.sur == "" {
				continue
			}
			if len(qk) == 1 {
				if qk[0] == p.sur || containsWord(Key(p.display), qk[0]) {
					return true
				}
				continue
			}
			q := parsePerson(strings.Join(qname, " "))
			if hasFull && (p.first == "" || p.initial) {
				continue
			}
			if q.sur == p.sur && firstCompatible(q.first, p.first, q.initial, p.initial) {
				return true
			}
			continue
		}
		fk := nonPersonKey(nonPersonDisplay(f))
		if fk == nonPersonKey(qkey) {
			return true
		}
		if acr != "" {
			for _, a := range acronyms(strings.Fields(nonPersonDisplay(f))) {
				if a == acr {
					return true
				}
			}
		}
		all := true
		for _, w := range qk {
			if !containsWord(fk, w) && !containsWord(Key(f), w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return e.Type == storyline.Org && qualifiedMatch(forms, qname)
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
