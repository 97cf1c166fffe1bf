// Package entity links the entity mentions of a corpus into entities: the
// people, organisations and places behind the outlets' spellings.
//
// Within an article, short and titled forms ("Sherman", "Mrs Sherman",
// "President Putin") resolve to the full name they abbreviate. Across
// articles, person names meet on a transliteration-aware surname key (Key)
// with compatible first names, so Sergei Ryabkov, Sergey Ryabkov and Sergei
// Riabkov are one person while Sergei Ryabkov and Sergei Lavrov, or Joe and
// Jill Biden, stay apart. Organisations meet their acronyms and their
// country-qualified forms; a few places their other names (US, United
// States, America). Titles and appositions give each mention a role.
//
// Types are voted per entity, with a built-in prior (prior.go) for names
// a tagger often mistypes: seats of power are organisations (the
// Kremlin), countries, regions and large cities places (Bern).
//
// Each of these decisions is a named rule (rules.go) with the examples
// that motivated it as its test: the rules of people in rules_persons.go,
// of organisations and places in rules_names.go, of types in
// rules_types.go.
package entity

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/newstext"
)

// mention is one resolvable mention with its parsed name.
type mention struct {
	art, idx int // article index in the input slice, mention index
	typ      string
	start    int
	alias    string // cleaned surface form
	display  string // name without titles, honorifics or leading article
	key      string
	person   bool
	p        personName
}

// full reports a person's full name: a first name (not an initial) and a
// surname.
func (m *mention) full() bool {
	return m.person && len(m.p.words) >= 2 && !m.p.initial && m.p.first != ""
}

// normType reads the tagger's type names, CoNLL's and OntoNotes' included.
func normType(t string) string {
	switch strings.ToUpper(strings.TrimSpace(t)) {
	case storyline.Person, "PER":
		return storyline.Person
	case storyline.Org, "ORGANIZATION", "ORGANISATION":
		return storyline.Org
	case storyline.Place, "LOC", "GPE", "LOCATION":
		return storyline.Place
	}
	return storyline.Other
}

// Resolve links the mentions of all articles into entities and returns the
// entities sorted by id. On each resolvable mention it sets Entity, Name (the
// entity's canonical name), Type (the entity's: the majority of its
// mentions' types, so a person the tagger once typed ORG is a PERSON
// everywhere; the type prior outvotes the tagger on the names it lists)
// and Role (see Roles). A mention is resolvable when it has a
// surface text or offsets inside its article's text and names something
// (not a bare title such as "the President"); others are left unresolved.
// The result does not depend on the order of the articles.
//
// Before resolving, an organisation's name that the tagger cut before its
// closing place ("[Organization for Security and Cooperation] in
// [Europe]") is joined into one ORG mention, in a.Entities too; see
// mergeOrgPlace.
func Resolve(articles []*storyline.Article) []storyline.Entity {
	return resolveWith(articles, standardRules())
}

// resolveWith is Resolve with a rule book of the caller's.
func resolveWith(articles []*storyline.Article, rules ruleBook) []storyline.Entity {
	mergeOrgPlace(articles)
	r := newResolver(articles, rules)
	if !r.run() {
		return []storyline.Entity{}
	}
	return r.build()
}

type resolver struct {
	rules    ruleBook
	articles []*storyline.Article
	order    []int // article indices sorted by id
	ms       []mention
	byArt    map[int][]int // article index → its mentions (indices in ms), by position
	uf       disjoint.Sets
	extra    map[int][]string // mention index → aliases found beside it (acronyms)

	// What the rules share, worked out by the first rule that needs it
	// (see their doc comments for when).
	persons   personIndex
	names     nameIndex
	typeComps *typeComponents

	// Memos: a corpus spells the same few names over and over.
	parsed map[string]personName
	npKeys map[string]string
	cores  map[string]string
	keys   map[string]string
	priors map[string]string
}

func newResolver(articles []*storyline.Article, rules ruleBook) *resolver {
	return &resolver{
		rules: rules, articles: articles,
		persons: personIndex{fullChains: map[int][]*chain{}, shortChains: map[int][]*chain{}, placed: map[int]bool{}},
		parsed:  map[string]personName{}, npKeys: map[string]string{}, cores: map[string]string{},
		keys: map[string]string{}, priors: map[string]string{},
	}
}

// run parses the mentions, applies the rules and leaves the entities as
// the components of r.uf; false when there is no resolvable mention.
func (r *resolver) run() bool {
	r.collect()
	if len(r.ms) == 0 {
		return false
	}
	r.uf = disjoint.New(len(r.ms))
	r.findRoles()
	for _, rl := range r.rules.link {
		rl.apply(r)
	}
	return true
}

// memo returns f(k), computing it once per resolver: the same surface
// forms recur across thousands of mentions.
func memo[V any](cache map[string]V, k string, f func(string) V) V {
	v, ok := cache[k]
	if !ok {
		v = f(k)
		cache[k] = v
	}
	return v
}

func (r *resolver) key(s string) string                { return memo(r.keys, s, newstext.NameKey) }
func (r *resolver) person(alias string) personName     { return memo(r.parsed, alias, parsePerson) }
func (r *resolver) nonPersonKey(display string) string { return memo(r.npKeys, display, nonPersonKey) }
func (r *resolver) roleCore(role string) string        { return memo(r.cores, role, roleCore) }

// collect parses every resolvable mention, in article-id order and text
// order, and applies the retype rules.
func (r *resolver) collect() {
	r.byArt = map[int][]int{}
	r.extra = map[int][]string{}
	for i, a := range r.articles {
		if a != nil {
			r.order = append(r.order, i)
		}
	}
	sort.SliceStable(r.order, func(x, y int) bool {
		return r.articles[r.order[x]].ID < r.articles[r.order[y]].ID
	})
	total := 0
	for _, ai := range r.order {
		total += len(r.articles[ai].Entities)
	}
	r.ms = make([]mention, 0, total)
	for _, ai := range r.order {
		r.collectArticle(ai)
	}
	for _, rl := range r.rules.retype {
		rl.apply(r)
	}
}

// collectArticle parses the resolvable mentions of one article, in text
// order.
func (r *resolver) collectArticle(ai int) {
	a := r.articles[ai]
	idx := make([]int, 0, len(a.Entities))
	for i := range a.Entities {
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(x, y int) bool { return a.Entities[idx[x]].Start < a.Entities[idx[y]].Start })
	for _, i := range idx {
		m, ok := r.parseMention(ai, i)
		if !ok {
			continue
		}
		r.byArt[ai] = append(r.byArt[ai], len(r.ms))
		r.ms = append(r.ms, m)
	}
}

// parseMention reads mention i of article ai; false when it names nothing
// that can be resolved.
func (r *resolver) parseMention(ai, i int) (mention, bool) {
	a := r.articles[ai]
	em := &a.Entities[i]
	surface := em.Text
	if surface == "" && validSpan(a, em) {
		surface = a.Text[em.Start:em.End]
	}
	alias := cleanSurface(surface)
	if validSpan(a, em) {
		alias = trimRank(alias, a.Text[em.End:])
	}
	if alias == "" || r.key(alias) == "" {
		return mention{}, false
	}
	m := mention{art: ai, idx: i, typ: normType(em.Type), start: em.Start, alias: alias}
	m.person = m.typ == storyline.Person
	r.setName(&m)
	return m, m.key != ""
}

// setName parses the mention's name as a person's or as another's, as
// m.person says.
func (r *resolver) setName(m *mention) {
	if m.person {
		m.p = r.person(m.alias)
		m.display = m.p.display
		m.key = r.key(m.display)
		if m.p.sur == "" || onlyTitle(m.p.words) {
			// "the President" tagged as a person names no one in
			// particular.
			m.key = ""
		}
		return
	}
	m.display = nonPersonDisplay(m.alias)
	m.key = r.nonPersonKey(m.display)
}

// findRoles sets the roles of the person mentions.
func (r *resolver) findRoles() {
	for _, ai := range r.order {
		a := r.articles[ai]
		var idx []int
		for _, i := range r.byArt[ai] {
			m := &r.ms[i]
			if m.person && validSpan(a, &a.Entities[m.idx]) {
				idx = append(idx, m.idx)
			}
		}
		rolesFor(a, idx, r.rules.roles)
	}
}

// components lists the entities the rules made: for each, its mentions
// (indices in ms), in the order of their first mention.
func (r *resolver) components() [][]int {
	byRoot := map[int]int{}
	var out [][]int
	for i := range r.ms {
		rt := r.uf.Find(i)
		k, ok := byRoot[rt]
		if !ok {
			k = len(out)
			byRoot[rt] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// build turns the components into entities and writes the ids, canonical
// names and types back on the mentions.
func (r *resolver) build() []storyline.Entity {
	comps := r.components()
	ents := make([]storyline.Entity, 0, len(comps))
	for _, ids := range comps {
		ents = append(ents, r.entity(ids))
	}
	assignIDs(ents)
	for k, e := range ents {
		for _, i := range comps[k] {
			m := &r.ms[i]
			em := &r.articles[m.art].Entities[m.idx]
			em.Entity = e.ID
			em.Name = e.Name
			// The entity's type is the mentions' majority; a mention the
			// tagger typed otherwise takes it.
			em.Type = e.Type
		}
	}
	sort.Slice(ents, func(x, y int) bool { return ents[x].ID < ents[y].ID })
	return ents
}

// entity builds one entity from its mentions (indices in ms).
func (r *resolver) entity(ids []int) storyline.Entity {
	typ := r.entityType(ids)
	forms := map[string]int{}
	aliases := map[string]bool{}
	roles := map[string]int{}
	arts := map[string]bool{}
	for _, i := range ids {
		m := &r.ms[i]
		forms[m.display]++
		aliases[m.alias] = true
		for _, x := range r.extra[i] {
			aliases[x] = true
		}
		a := r.articles[m.art]
		arts[a.ID] = true
		if role := a.Entities[m.idx].Role; role != "" {
			roles[role]++
			if core := r.roleCore(role); core != role {
				roles[core]++
			}
		}
	}
	return storyline.Entity{
		Name:     canonicalName(forms, typ),
		Type:     typ,
		Aliases:  sortedKeys(aliases),
		Roles:    byCount(roles),
		Articles: sortedKeys(arts),
	}
}

// entityType is the majority of the mentions' votes (see voteRules), ties
// broken by typeRank.
func (r *resolver) entityType(ids []int) string {
	hasFull := false
	for _, i := range ids {
		hasFull = hasFull || r.ms[i].full()
	}
	votes := map[string]int{}
	for _, i := range ids {
		votes[r.voteType(&r.ms[i], hasFull)]++
	}
	return majorityType(votes)
}

// majorityType is the type with the most votes, ties broken by typeRank;
// "" when there are none.
func majorityType(votes map[string]int) string {
	typ := ""
	for t, n := range votes {
		if n <= 0 {
			continue
		}
		if typ == "" || n > votes[typ] || n == votes[typ] && typeRank[t] < typeRank[typ] {
			typ = t
		}
	}
	return typ
}

// typeRank breaks ties in the type vote.
var typeRank = map[string]int{storyline.Person: 0, storyline.Org: 1, storyline.Place: 2, storyline.Other: 3}
