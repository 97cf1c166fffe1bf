package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// retypeRules correct the tagger's types before anything is joined: a
// statistical tagger types a name from its context, and news puts the
// same names in many contexts.
func retypeRules() []rule {
	return []rule{
		{name: "a listed place or institution typed PERSON", apply: (*resolver).retypeListedNames},
		{name: "a person's name typed ORG or OTHER", apply: (*resolver).retypePersonNames, keys: filePersonName},
	}
}

// retypeListedNames: NER may type a place's or an institution's name
// PERSON ("the Swiss capital, Bern"): a mention whose whole name the type
// prior lists is not a person, unless it is one word that a full person
// name in the corpus ends with (Denzel Washington).
func (r *resolver) retypeListedNames() {
	fullSurnames := map[string]bool{}
	for i := range r.ms {
		if m := &r.ms[i]; m.person && m.full() && r.prior(m.alias) == "" {
			fullSurnames[m.p.sur] = true
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		if !m.person {
			continue
		}
		if p := r.prior(m.alias); p != "" && (len(m.p.words) >= 2 || !fullSurnames[m.p.sur]) {
			m.person, m.typ = false, p
			r.setName(m)
		}
	}
}

// retypePersonNames: NER may type a person's name ORG or OTHER here and
// there ("Ryabkov: talks were difficult"): such a mention is a person
// when it spells a full name typed PERSON elsewhere, or the surname of a
// full name typed PERSON in the same article. Places, and names the type
// prior lists, are left alone (Washington the city, or the government
// "Washington said").
func (r *resolver) retypePersonNames() {
	fullKeys := map[string]bool{}
	for i := range r.ms {
		if m := &r.ms[i]; m.person && m.full() {
			fullKeys[m.key] = true
		}
	}
	for _, ai := range r.order {
		surnames := map[string]bool{}
		for _, i := range r.byArt[ai] {
			if m := &r.ms[i]; m.person && m.full() {
				surnames[m.p.sur] = true
			}
		}
		for _, i := range r.byArt[ai] {
			if m := &r.ms[i]; r.personNamed(m, fullKeys, surnames) {
				m.person = true
				r.setName(m)
			}
		}
	}
}

// personNamed reports a mention typed otherwise that spells a person's
// full name (among fullKeys) or surname (among the article's surnames).
func (r *resolver) personNamed(m *mention, fullKeys, surnames map[string]bool) bool {
	if m.person || m.typ == storyline.Place || r.prior(m.alias) != "" {
		return false
	}
	p := r.person(m.alias)
	return len(p.words) >= 2 && fullKeys[r.key(p.display)] || len(p.words) == 1 && surnames[p.sur]
}

// filePersonName files a name of two words or more typed otherwise as a
// person's name, where a person's full name is filed (see fileJoined).
func filePersonName(m *mention, file func(prefix, key string)) {
	if m.person || m.typ == storyline.Place {
		return
	}
	if p := parsePerson(m.alias); len(p.words) >= 2 {
		file("p:", newstext.NameKey(p.display))
	}
}

// voteRules decide a mention's vote in its entity's type: the first rule
// that decides wins. By default it is the mention's tag, but the type
// prior outvotes the tagger on the names it lists (Kremlin: ORG; Bern:
// PLACE).
func voteRules() []voteRule {
	return []voteRule{
		{name: "a full person name outvotes the prior", vote: voteFullName},
		{name: "the tag stands for names the prior does not list", vote: voteUnlisted},
		{name: "a person tag stands against a place", vote: votePersonTag},
		{name: "a city beside a score is a club", vote: voteClub},
		{name: "a region typed OTHER is an adjective", vote: voteAdjective},
		{name: "the prior outvotes the tagger", vote: votePrior},
	}
}

// voteType is a mention's vote in its entity's type; hasFull says the
// entity has a person's full name.
func (r *resolver) voteType(m *mention, hasFull bool) string {
	for _, v := range r.rules.vote {
		if t, ok := v.vote(r, m, hasFull); ok {
			return t
		}
	}
	return m.typ
}

// voteFullName: a person's full name in the entity (Denzel Washington)
// outvotes the prior: every mention votes its tag.
func voteFullName(_ *resolver, m *mention, hasFull bool) (string, bool) {
	return m.typ, hasFull
}

// voteUnlisted: the tagger's type is the vote of a name the prior does
// not list.
func voteUnlisted(r *resolver, m *mention, _ bool) (string, bool) {
	return m.typ, r.prior(m.alias) == ""
}

// votePersonTag: a place's name that stayed a person (the surname of a
// full name elsewhere: Houston, Jordan) votes PERSON; institutions are
// nobody's names.
func votePersonTag(r *resolver, m *mention, _ bool) (string, bool) {
	return m.typ, m.typ == storyline.Person && r.prior(m.alias) != storyline.Org
}

// voteClub: an ORG tag on a city beside a score ("Chicago 3") stands:
// that is a club.
func voteClub(r *resolver, m *mention, _ bool) (string, bool) {
	return m.typ, m.typ == storyline.Org && r.prior(m.alias) == storyline.Place && r.scoreContext(m)
}

// voteAdjective: an OTHER tag on a region stands: it is an adjective
// there ("Mediterranean diet", "Arctic convoy").
func voteAdjective(r *resolver, m *mention, _ bool) (string, bool) {
	return m.typ, m.typ == storyline.Other && regionKeys[r.nonPersonKey(nonPersonDisplay(m.alias))]
}

// votePrior: otherwise the prior's type is the vote of a name it lists.
func votePrior(r *resolver, m *mention, _ bool) (string, bool) {
	return r.prior(m.alias), true
}

// prior is the type prior's type for a mention's name ("" when it does
// not list it).
func (r *resolver) prior(alias string) string {
	t, ok := r.priors[alias]
	if !ok {
		t = priorOf(nonPersonDisplay(alias), r.nonPersonKey)
		r.priors[alias] = t
	}
	return t
}

// priorOf looks a name up in the type prior. Headlines and tables write
// names in capitals (NEW YORK, CHICAGO), which Key spells as acronyms; they
// are looked up in lower case too. A short word in capitals is an acronym
// (NICE is an institute, not the city) unless it is a place's (US, UK).
func priorOf(display string, key func(string) string) string {
	if !isAllCaps(display) {
		return typePrior[key(display)]
	}
	if !strings.ContainsRune(display, ' ') && utf8.RuneCountInString(display) < 5 {
		if _, ok := placeAliases[newstext.NameKey(display)]; !ok {
			return ""
		}
	}
	if t := typePrior[key(display)]; t != "" {
		return t
	}
	return typePrior[key(strings.ToLower(display))]
}

// reconcileRules join a name typed a person in some mentions and
// something else in others, so that the entity's vote decides its type.
func reconcileRules() []rule {
	return []rule{
		{name: "a lone surname is the same-named organisation or place", apply: (*resolver).linkSurnameToName, keys: fileLoneName},
		{name: "a one-word name is the only person with that surname", apply: (*resolver).linkNameToPerson, keys: fileOneWord},
	}
}

// typeComponents is the entities as the name rules left them, worked out
// by the first reconcile rule, so that both decide on the same view.
type typeComponents struct {
	comps     map[int]*typeComponent
	roots     []int          // in order of first mention
	nonPerson map[string]int // one-word name key → its entity that has no person mention
	fullBySur map[string][]int
}

// typeComponent is what the reconcile rules know of one entity.
type typeComponent struct {
	n        int
	hasFull  bool
	person   bool
	hasPlace bool
	sur      string // of its last person mention
}

func (r *resolver) typeComponents() *typeComponents {
	if r.typeComps != nil {
		return r.typeComps
	}
	tc := &typeComponents{comps: map[int]*typeComponent{}, nonPerson: map[string]int{}, fullBySur: map[string][]int{}}
	r.typeComps = tc
	for i := range r.ms {
		m := &r.ms[i]
		rt := r.uf.Find(i)
		c := tc.comps[rt]
		if c == nil {
			c = &typeComponent{}
			tc.comps[rt] = c
			tc.roots = append(tc.roots, rt)
		}
		c.n++
		if m.person {
			c.person = true
			c.sur = m.p.sur
			c.hasFull = c.hasFull || m.full()
		}
		c.hasPlace = c.hasPlace || m.typ == storyline.Place
	}
	for _, rt := range tc.roots {
		c, k := tc.comps[rt], r.ms[rt].key
		if _, ok := tc.nonPerson[k]; !ok && !c.person && !strings.Contains(k, " ") {
			tc.nonPerson[k] = rt
		}
		if c.person && c.hasFull {
			tc.fullBySur[c.sur] = append(tc.fullBySur[c.sur], rt)
		}
	}
	return tc
}

// linkSurnameToName: a person's lone surname that no full name took is
// the organisation or place of that one-word name ("[O:Ryabkov]: talks
// were difficult" in one report, "[P:Ryabkov] said" in another), and the
// entity's vote decides what it is.
func (r *resolver) linkSurnameToName() {
	tc := r.typeComponents()
	for _, rt := range tc.roots {
		c := tc.comps[rt]
		if !c.person || c.hasFull {
			continue
		}
		if o, ok := tc.nonPerson[c.sur]; ok {
			r.uf.Union(rt, o)
		}
	}
}

// fileLoneName files a person under its surname and an organisation or
// place under its name, where the other meets it.
func fileLoneName(m *mention, file func(prefix, key string)) {
	if m.person {
		file("n:", m.p.sur)
	} else {
		file("n:", m.key)
	}
}

// linkNameToPerson: a one-word organisation or place name, never typed
// PLACE, is the one person with that surname and a full name when the
// person is mentioned more ("[O:Ryabkov]" beside "Sergei Ryabkov ...
// Ryabkov" elsewhere).
func (r *resolver) linkNameToPerson() {
	tc := r.typeComponents()
	for k, o := range tc.nonPerson {
		c := tc.comps[o]
		if c.hasPlace {
			continue
		}
		if ps := tc.fullBySur[k]; len(ps) == 1 && tc.comps[ps[0]].n > c.n {
			r.uf.Union(ps[0], o)
		}
	}
}

// fileOneWord files a one-word organisation or place under its name as a
// surname, and a person under its surname.
func fileOneWord(m *mention, file func(prefix, key string)) {
	switch {
	case m.person:
		file("s:", m.p.sur)
	case len(strings.Fields(m.display)) == 1:
		file("s:", m.key)
	}
}
