package entity

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// canonicalName is the entity's name among its forms (display form →
// mentions): the best form (see formQuality), the most used among equals.
func canonicalName(forms map[string]int, typ string) string {
	name := ""
	for f, n := range forms {
		if name == "" || betterForm(f, n, name, forms[name], typ) {
			name = f
		}
	}
	return name
}

// formQuality ranks a name form as a canonical name: a full name beats a
// surname, a spelled-out organisation its acronym, a capitalised form a
// lower-case one.
func formQuality(f, typ string) int {
	q := 0
	if unicode.IsUpper(firstRune(f)) || unicode.IsDigit(firstRune(f)) {
		q++
	}
	multi := strings.ContainsRune(f, ' ')
	if typ != storyline.Person {
		// A place's preferred name (Kyiv, not Kiev; Russia, not
		// Russian Federation).
		if k := newstext.NameKey(f); placeAliases[k] == k {
			q += 8
		}
	}
	switch {
	case typ == storyline.Person && multi:
		p := parsePerson(f)
		if !p.initial && p.first != "" {
			q += 4
		} else {
			q += 2
		}
	case multi:
		q += 4
	case !isAllCaps(f):
		q += 2
	}
	return q
}

func betterForm(f string, n int, g string, m int, typ string) bool {
	qf, qg := formQuality(f, typ), formQuality(g, typ)
	if qf != qg {
		return qf > qg
	}
	if n != m {
		return n > m
	}
	return f < g
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func byCount(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

var typePrefix = map[string]string{
	storyline.Person: "p-", storyline.Org: "o-", storyline.Place: "l-", storyline.Other: "x-",
}

// assignIDs gives each entity an id made of its type and its canonical
// name's key ("p-sergei-riabkov"); the rare entities that would share one
// get a hash of their aliases and articles added, so ids depend only on
// the corpus, not on input order.
func assignIDs(ents []storyline.Entity) {
	base := make([]string, len(ents))
	count := map[string]int{}
	for i, e := range ents {
		base[i] = typePrefix[e.Type] + slug(e.Name)
		count[base[i]]++
	}
	for i := range ents {
		id := base[i]
		if count[id] > 1 {
			h := fnv.New64a()
			h.Write([]byte(strings.Join(ents[i].Aliases, "\x00")))
			h.Write([]byte{1})
			h.Write([]byte(strings.Join(ents[i].Articles, "\x00")))
			id = fmt.Sprintf("%s-%08x", id, h.Sum64()&0xffffffff)
		}
		ents[i].ID = id
	}
}

// slug spells a name's key with ASCII letters, digits and hyphens, or a
// hash when the name has no Latin spelling.
func slug(name string) string {
	var b strings.Builder
	words := newstext.NameWords(name)
	for i, w := range words {
		if i > 0 {
			b.WriteByte('-')
		}
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 48 {
		s = s[:48]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	if s == "" || len(s) < len([]rune(strings.Join(words, "")))/2 {
		h := fnv.New64a()
		h.Write([]byte(name))
		if s != "" {
			return fmt.Sprintf("%s-%08x", s, h.Sum64()&0xffffffff)
		}
		return fmt.Sprintf("%08x", h.Sum64()&0xffffffff)
	}
	return s
}
