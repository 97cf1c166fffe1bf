package entity

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// nonPersonRules join the mentions of organisations and places: by name
// and sense, then acronyms and country-qualified names.
func nonPersonRules() []rule {
	return []rule{
		{name: "one name in one article", apply: (*resolver).linkNameInArticle},
		{name: "a name the prior does not list is one entity", apply: (*resolver).linkUnlistedName, keys: fileName},
		{name: "a listed name is one entity per sense", apply: (*resolver).linkNameSense, keys: fileName},
		{name: "a name of neither sense joins its most named sense", apply: (*resolver).linkNeitherSense, keys: fileName},
		{name: "an acronym in parentheses after a long form", apply: (*resolver).linkParenAcronym, keys: fileAcronym},
		{name: "an acronym is the only long form that builds it", apply: (*resolver).linkBuiltAcronym, keys: fileAcronym},
		{name: "a country-qualified organisation is its bare name", apply: (*resolver).linkQualifiedOrg, keys: fileBareName},
	}
}

// nameGroup is the mentions of one organisation or place name in one
// article, with the type votes that decide its sense.
type nameGroup struct {
	members []int // indices in ms, the first first
	key     string
	prior   string
	votes   [4]int // PERSON, ORG, PLACE, OTHER by typeRank
}

// sense is a listed name's sense in a group: 0 ORG, 1 PLACE, -1 neither:
// the majority of its mentions' votes (type prior included).
func (g *nameGroup) sense() int {
	org, place, other := g.votes[typeRank[storyline.Org]], g.votes[typeRank[storyline.Place]], g.votes[typeRank[storyline.Other]]
	switch {
	case org > place && org >= other:
		return 0
	case place > org && place >= other:
		return 1
	}
	return -1
}

// senses are the groups of one listed name by sense: the first of each
// and how many mentions each sense has.
type senses struct {
	first [2]int // index in groups
	n     [2]int
}

// nameIndex is what the rules of organisations and places share, worked
// out by the first of them that needs it.
type nameIndex struct {
	groups     []nameGroup
	senses     map[string]*senses
	byKey      map[string]int // name key → its first mention (index in ms)
	grouped    bool
	keyed      bool
	nonPersons []int // the mentions that are no person, in order
}

// nameGroups groups the organisation and place mentions of each article
// by name. A name the type prior knows may change sense across a corpus:
// "Chicago" is the city in one report and the baseball team in a results
// table ("Chicago 3"), so a listed place typed ORG beside a score is a
// group apart from the city in its article.
func (r *resolver) nameGroups() *nameIndex {
	nx := &r.names
	if nx.grouped {
		return nx
	}
	nx.grouped = true
	nx.senses = map[string]*senses{}
	local := map[string]int{} // local key → index in groups
	for _, ai := range r.order {
		clear(local)
		for _, i := range r.byArt[ai] {
			if m := &r.ms[i]; !m.person {
				r.addToNameGroup(nx, local, i, m)
			}
		}
	}
	for gi := range nx.groups {
		g := &nx.groups[gi]
		if s := g.sense(); g.prior != "" && s >= 0 {
			sn := nx.senses[g.key]
			if sn == nil {
				sn = &senses{}
				nx.senses[g.key] = sn
			}
			if sn.n[s] == 0 {
				sn.first[s] = gi
			}
			sn.n[s] += len(g.members)
		}
	}
	return nx
}

// addToNameGroup files mention i of an article in its group.
func (r *resolver) addToNameGroup(nx *nameIndex, local map[string]int, i int, m *mention) {
	prior := r.prior(m.alias)
	lk := m.key
	if prior == storyline.Place && m.typ == storyline.Org && r.scoreContext(m) {
		// A results table names clubs beside a dateline that names the
		// city.
		lk += "\x00club"
	}
	gi, ok := local[lk]
	if !ok {
		gi = len(nx.groups)
		local[lk] = gi
		nx.groups = append(nx.groups, nameGroup{key: m.key, prior: prior})
	}
	g := &nx.groups[gi]
	g.members = append(g.members, i)
	g.votes[typeRank[r.voteType(m, false)]]++
}

// linkNameInArticle: the mentions of one organisation or place name in
// one article are one entity, whatever the tagger typed them ("The
// Kremlin said. The Kremlin added."), but for a club beside a score.
func (r *resolver) linkNameInArticle() {
	for _, g := range r.nameGroups().groups {
		for _, i := range g.members[1:] {
			r.uf.Union(g.members[0], i)
		}
	}
}

// linkUnlistedName: a name the type prior does not list is one entity
// across articles: the tagger's inconsistent types are noise that the
// entity's vote smooths.
func (r *resolver) linkUnlistedName() {
	first := map[string]int{}
	for _, g := range r.nameGroups().groups {
		if g.prior != "" {
			continue
		}
		if f, ok := first[g.key]; ok {
			r.uf.Union(f, g.members[0])
		} else {
			first[g.key] = g.members[0]
		}
	}
}

// linkNameSense: the groups of a listed name with one sense, ORG or
// PLACE, are one entity: Chicago the city, Chicago the club.
func (r *resolver) linkNameSense() {
	nx := r.nameGroups()
	for _, g := range nx.groups {
		s := g.sense()
		if g.prior == "" || s < 0 {
			continue
		}
		r.uf.Union(nx.groups[nx.senses[g.key].first[s]].members[0], g.members[0])
	}
}

// linkNeitherSense: a group of a listed name whose votes name neither
// sense (as many ORG as PLACE) joins the name's most mentioned sense; a
// name with no sense anywhere is one entity, with its unlisted spellings
// (NICE, the institute, beside Nice).
func (r *resolver) linkNeitherSense() {
	nx := r.nameGroups()
	fallback := map[string]int{}
	for _, g := range nx.groups {
		if g.prior == "" {
			if _, ok := fallback[g.key]; !ok {
				fallback[g.key] = g.members[0]
			}
		}
	}
	for _, g := range nx.groups {
		if g.prior == "" || g.sense() >= 0 {
			continue
		}
		sn := nx.senses[g.key]
		if sn != nil {
			s := 0
			if sn.n[1] > sn.n[0] {
				s = 1
			}
			r.uf.Union(nx.groups[sn.first[s]].members[0], g.members[0])
			continue
		}
		if f, ok := fallback[g.key]; ok {
			r.uf.Union(f, g.members[0])
		} else {
			fallback[g.key] = g.members[0]
		}
	}
}

// fileName files an organisation or place under its name.
func fileName(m *mention, file func(prefix, key string)) {
	if !m.person {
		file("n:", m.key)
	}
}

// scoreContext reports a mention next to a number, as team names are in
// results and tables ("Chicago 3 New York 2"), where a city's name is a
// club.
func (r *resolver) scoreContext(m *mention) bool {
	a := r.articles[m.art]
	em := &a.Entities[m.idx]
	if !validSpan(a, em) {
		return false
	}
	after := strings.TrimLeft(a.Text[em.End:], " \t")
	if after != "" && after[0] >= '0' && after[0] <= '9' {
		return true
	}
	before := strings.TrimRight(a.Text[:em.Start], " \t")
	return before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9'
}

// nameKeys indexes the organisation and place mentions: the first mention
// of each name key, and all of them in order.
func (r *resolver) nameKeys() *nameIndex {
	nx := &r.names
	if nx.keyed {
		return nx
	}
	nx.keyed = true
	nx.byKey = map[string]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.person {
			continue
		}
		nx.nonPersons = append(nx.nonPersons, i)
		if _, ok := nx.byKey[m.key]; !ok {
			nx.byKey[m.key] = i
		}
	}
	return nx
}

// linkParenAcronym: an acronym in parentheses right after a long form
// names it ("the International Atomic Energy Agency (IAEA)"), and is one
// of its aliases whether or not the corpus uses it.
func (r *resolver) linkParenAcronym() {
	nx := r.nameKeys()
	for _, i := range nx.nonPersons {
		m := &r.ms[i]
		a := r.articles[m.art]
		em := &a.Entities[m.idx]
		if len(strings.Fields(m.display)) < 2 || !validSpan(a, em) {
			continue
		}
		if acr := parenAcronym(a.Text[em.End:]); acr != "" {
			if j, ok := nx.byKey[nonPersonKey(acr)]; ok {
				r.uf.Union(i, j)
			}
			r.extra[i] = append(r.extra[i], acr)
		}
	}
}

// linkBuiltAcronym: an acronym (OSCE) is the long form whose initials
// build it (Organization for Security and Co-operation in Europe), when
// the long forms that build it are one entity.
func (r *resolver) linkBuiltAcronym() {
	nx := r.nameKeys()
	longs := map[string][]int{}
	for _, i := range nx.nonPersons {
		for _, acr := range acronyms(strings.Fields(r.ms[i].display)) {
			longs[acr] = append(longs[acr], i)
		}
	}
	for _, i := range nx.nonPersons {
		m := &r.ms[i]
		if strings.ContainsRune(m.display, ' ') || !isAllCaps(m.display) {
			continue
		}
		roots := map[int]bool{}
		first := -1
		for _, j := range longs[strings.ReplaceAll(m.display, ".", "")] {
			roots[r.uf.Find(j)] = true
			if first < 0 {
				first = j
			}
		}
		if len(roots) == 1 {
			r.uf.Union(i, first)
		}
	}
}

// fileAcronym files a long form under the acronyms it builds, and an
// acronym under itself.
func fileAcronym(m *mention, file func(prefix, key string)) {
	if m.person {
		return
	}
	for _, acr := range acronyms(strings.Fields(m.display)) {
		file("a:", acr)
	}
	if !strings.ContainsRune(m.display, ' ') && isAllCaps(m.display) {
		file("a:", strings.ReplaceAll(m.display, ".", ""))
	}
}

// linkQualifiedOrg: an organisation qualified by a country ("US State
// Department", "American State Department") is one entity per country,
// and is its bare name ("State Department") when no other country's
// organisation of that name is in the corpus.
func (r *resolver) linkQualifiedOrg() {
	nx := r.nameKeys()
	byCode, bareKeys := r.qualifiedOrgs(nx.nonPersons)
	for _, bk := range bareKeys {
		codes := byCode[bk]
		for _, ids := range codes.ids {
			for _, j := range ids[1:] {
				r.uf.Union(ids[0], j)
			}
			if len(codes.ids) == 1 {
				if j, ok := nx.byKey[bk]; ok && !r.ms[j].person {
					r.uf.Union(ids[0], j)
				}
			}
		}
	}
}

// qualifiedCodes are the mentions of one bare organisation name by
// country qualifier, in the order the countries first appear.
type qualifiedCodes struct {
	codes []string
	ids   [][]int
}

// qualifiedOrgs finds the country-qualified organisation names among the
// mentions, by the key of their bare name (in order of appearance).
func (r *resolver) qualifiedOrgs(mentions []int) (map[string]*qualifiedCodes, []string) {
	byBare := map[string]*qualifiedCodes{}
	var bareKeys []string
	for _, i := range mentions {
		m := &r.ms[i]
		if m.typ != storyline.Org {
			continue
		}
		code, rest := qualifiedOrg(strings.Fields(m.display))
		if code == "" {
			continue
		}
		bk := nonPersonKey(strings.Join(rest, " "))
		q := byBare[bk]
		if q == nil {
			q = &qualifiedCodes{}
			byBare[bk] = q
			bareKeys = append(bareKeys, bk)
		}
		k := indexOf(q.codes, code)
		if k < 0 {
			k = len(q.codes)
			q.codes = append(q.codes, code)
			q.ids = append(q.ids, nil)
		}
		q.ids[k] = append(q.ids[k], i)
	}
	return byBare, bareKeys
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// fileBareName files a country-qualified organisation under its bare
// name, where the bare name is filed.
func fileBareName(m *mention, file func(prefix, key string)) {
	if m.person {
		return
	}
	if code, rest := qualifiedOrg(strings.Fields(m.display)); code != "" {
		file("n:", nonPersonKey(strings.Join(rest, " ")))
	}
}

// parenAcronym returns the acronym in parentheses at the start of s
// (" (OSCE)").
func parenAcronym(s string) string {
	s = strings.TrimLeft(s, " \t")
	if !strings.HasPrefix(s, "(") {
		return ""
	}
	end := strings.IndexByte(s, ')')
	if end < 3 || end > 14 {
		return ""
	}
	acr := s[1:end]
	if !isAllCaps(acr) || strings.ContainsAny(acr, " \n") {
		return ""
	}
	return acr
}
