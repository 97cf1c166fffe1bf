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
package entity

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/disjoint"
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

func (m *mention) full() bool {
	return m.person && len(m.p.words) >= 2 && !m.p.initial && m.p.first != ""
}

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
	mergeOrgPlace(articles)
	r := newResolver(articles)
	if !r.run() {
		return []storyline.Entity{}
	}
	return r.build()
}

func newResolver(articles []*storyline.Article) *resolver {
	return &resolver{articles: articles, persons: map[string]personName{}, npKeys: map[string]string{}, cores: map[string]string{}, keys: map[string]string{}, priors: map[string]string{}}
}

// run links the mentions into components (r.uf); false when there is no
// resolvable mention.
func (r *resolver) run() bool {
	r.collect()
	if len(r.ms) == 0 {
		return false
	}
	r.uf = disjoint.New(len(r.ms))
	r.findRoles()
	chains := r.linkWithinArticles()
	r.linkPersons(chains)
	r.linkNonPersons()
	r.reconcileTypes()
	return true
}

type resolver struct {
	articles []*storyline.Article
	order    []int // article indices sorted by id
	ms       []mention
	byArt    map[int][]int // article index → its mentions (indices in ms), by position
	uf       disjoint.Sets
	extra    map[int][]string // mention index → aliases found beside it (acronyms)

	// Memos: a corpus spells the same few names over and over.
	persons map[string]personName
	npKeys  map[string]string
	cores   map[string]string
	keys    map[string]string
	priors  map[string]string
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

func (r *resolver) key(s string) string                { return memo(r.keys, s, Key) }
func (r *resolver) person(alias string) personName     { return memo(r.persons, alias, parsePerson) }
func (r *resolver) nonPersonKey(display string) string { return memo(r.npKeys, display, nonPersonKey) }
func (r *resolver) roleCore(role string) string        { return memo(r.cores, role, roleCore) }

// collect parses every resolvable mention, in article-id order and text
// order, and decides which ones are people.
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
		a := r.articles[ai]
		idx := make([]int, 0, len(a.Entities))
		for i := range a.Entities {
			idx = append(idx, i)
		}
		sort.SliceStable(idx, func(x, y int) bool { return a.Entities[idx[x]].Start < a.Entities[idx[y]].Start })
		for _, i := range idx {
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
				continue
			}
			m := mention{art: ai, idx: i, typ: normType(em.Type), start: em.Start, alias: alias}
			m.person = m.typ == storyline.Person
			r.setName(&m)
			if m.key == "" {
				continue
			}
			r.byArt[ai] = append(r.byArt[ai], len(r.ms))
			r.ms = append(r.ms, m)
		}
	}
	// NER may also type a place's or an institution's name PERSON ("the
	// Swiss capital, Bern"): a mention whose whole name the type prior
	// knows is not a person, unless it is one word that a full person
	// name in the corpus ends with (Denzel Washington).
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
	// NER may type a person's name ORG or OTHER here and there: such a
	// mention is a person when it spells a full name typed PERSON
	// elsewhere, or the surname of a full name typed PERSON in the same
	// article. Places, and names the type prior knows, are left alone
	// (Washington the city, or the government "Washington said").
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
			m := &r.ms[i]
			if m.person || m.typ == storyline.Place || r.prior(m.alias) != "" {
				continue
			}
			pk := r.person(m.alias)
			if len(pk.words) >= 2 && fullKeys[r.key(pk.display)] || len(pk.words) == 1 && surnames[pk.sur] {
				m.person = true
				r.setName(m)
			}
		}
	}
}

// trimRank drops the "No." of a rank that a tagger took into a name
// ("[State Department No.] 2").
func trimRank(alias, after string) string {
	i := strings.LastIndexByte(alias, ' ')
	if i < 0 || alias[i+1:] != "No." && alias[i+1:] != "No" {
		return alias
	}
	after = strings.TrimLeft(after, " \u00a0")
	if after == "" || after[0] < '0' || after[0] > '9' {
		return alias
	}
	return alias[:i]
}

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

func onlyTitle(words []string) bool {
	for _, w := range words {
		head, mod, _ := classify(w)
		if !head && !mod && !honorifics[lowerWord(w)] && !strings.EqualFold(w, "the") {
			return false
		}
	}
	return true
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
		rolesFor(a, idx)
	}
}

// chain is the mentions of one person in one article.
type chain struct {
	art     int
	rep     int // first mention (index in ms)
	sur     string
	first   string
	middle  string
	initial bool
	full    bool
	fulls   []int // full mentions, for closeness
}

// linkWithinArticles links short and titled person forms to the full name
// they abbreviate in the same article and returns the article's person
// chains.
func (r *resolver) linkWithinArticles() []*chain {
	var all []*chain
	for _, ai := range r.order {
		var chains []*chain
		// Full names first: spellings of one name in one article
		// (Sergey/Sergei Ryabkov) are one chain.
		for _, i := range r.byArt[ai] {
			m := &r.ms[i]
			if !m.full() {
				continue
			}
			var c *chain
			for _, x := range chains {
				if x.sur == m.p.sur && firstCompatible(x.first, m.p.first, false, false) && middleCompatible(x.middle, m.p.middle) {
					c = x
					if x.middle == "" {
						x.middle = m.p.middle
					}
					break
				}
			}
			if c == nil {
				c = &chain{art: ai, rep: i, sur: m.p.sur, first: m.p.first, middle: m.p.middle, full: true}
				chains = append(chains, c)
			}
			c.fulls = append(c.fulls, i)
			r.uf.Union(c.rep, i)
		}
		orphans := map[string]*chain{}
		var orphanOrder []*chain
		for _, i := range r.byArt[ai] {
			m := &r.ms[i]
			if !m.person || m.full() {
				continue
			}
			if c := r.nearestChain(chains, m); c != nil {
				r.uf.Union(c.rep, i)
				continue
			}
			ok := m.p.sur
			if m.p.initial {
				ok += "\x00" + m.p.first[:1]
			}
			c := orphans[ok]
			if c == nil {
				c = &chain{art: ai, rep: i, sur: m.p.sur, first: m.p.first, initial: m.p.initial}
				if !m.p.initial {
					c.first = ""
				}
				orphans[ok] = c
				orphanOrder = append(orphanOrder, c)
			}
			r.uf.Union(c.rep, i)
		}
		all = append(all, chains...)
		all = append(all, orphanOrder...)
	}
	return all
}

// nearestChain finds the full name that a short person form abbreviates: the
// same surname (and compatible initial), the closest full mention before it,
// else the closest after it; failing that, a full name containing the word
// ("Xi" in "Xi Jinping").
func (r *resolver) nearestChain(chains []*chain, m *mention) *chain {
	ms := r.ms
	var best *chain
	bestDist, bestBefore := 0, false
	consider := func(c *chain) {
		for _, f := range c.fulls {
			d := m.start - ms[f].start
			before := d >= 0
			if !before {
				d = -d
			}
			if best == nil || before && !bestBefore || before == bestBefore && d < bestDist {
				best, bestDist, bestBefore = c, d, before
			}
		}
	}
	for _, c := range chains {
		if c.sur != m.p.sur {
			continue
		}
		if m.p.initial && !firstCompatible(c.first, m.p.first, false, true) {
			continue
		}
		consider(c)
	}
	if best != nil || len(m.p.words) != 1 {
		return best
	}
	for _, c := range chains {
		for _, f := range c.fulls {
			for _, w := range ms[f].p.words {
				if r.key(w) == m.key {
					consider(c)
					break
				}
			}
		}
	}
	return best
}

// linkPersons merges person chains across articles.
func (r *resolver) linkPersons(chains []*chain) {
	bySur := map[string][]*chain{}
	var surs []string
	for _, c := range chains {
		if _, ok := bySur[c.sur]; !ok {
			surs = append(surs, c.sur)
		}
		bySur[c.sur] = append(bySur[c.sur], c)
	}
	sort.Strings(surs)

	// Full names: same surname, compatible first and middle names. A name
	// without a middle name joins the one with a middle name only when it
	// is the only one it could be (George Bush, George W. Bush, George H.
	// W. Bush).
	for _, s := range surs {
		type fgroup struct {
			first, middle string
			rep           int
		}
		var groups []*fgroup
		byName := map[string]*fgroup{}
		for _, c := range bySur[s] {
			if !c.full {
				continue
			}
			k := c.first + "|" + c.middle
			if g, ok := byName[k]; ok {
				r.uf.Union(g.rep, c.rep)
			} else {
				g = &fgroup{first: c.first, middle: c.middle, rep: c.rep}
				byName[k] = g
				groups = append(groups, g)
			}
		}
		sort.Slice(groups, func(x, y int) bool {
			if groups[x].first != groups[y].first {
				return groups[x].first < groups[y].first
			}
			return groups[x].middle < groups[y].middle
		})
		for x := 0; x < len(groups); x++ {
			for y := x + 1; y < len(groups); y++ {
				gx, gy := groups[x], groups[y]
				if (gx.middle == "") != (gy.middle == "") {
					continue
				}
				if firstCompatible(gx.first, gy.first, false, false) && middleCompatible(gx.middle, gy.middle) {
					r.uf.Union(gx.rep, gy.rep)
				}
			}
		}
		for _, g := range groups {
			if g.middle != "" {
				continue
			}
			cand := map[int]bool{}
			first := -1
			for _, h := range groups {
				if h.middle != "" && firstCompatible(g.first, h.first, false, false) {
					rt := r.uf.Find(h.rep)
					if !cand[rt] {
						cand[rt] = true
						if first < 0 || rt < first {
							first = rt
						}
					}
				}
			}
			if len(cand) == 1 {
				r.uf.Union(g.rep, first)
			}
		}
	}

	// Spellings that differ only in spaces and hyphens (Kim Jong Un, Kim
	// Jong-un) are one name.
	joined := map[string]int{}
	for _, c := range chains {
		if !c.full {
			continue
		}
		k := strings.ReplaceAll(r.ms[c.rep].key, " ", "")
		if rep, ok := joined[k]; ok {
			r.uf.Union(rep, c.rep)
		} else {
			joined[k] = c.rep
		}
	}

	// Surnames one letter apart that the rules above did not fold
	// (Zelenskyy/Zelenskiy are folded; Kuleba/Kouleba are not), only
	// with the same first name.
	r.linkNearSurnames(surs, bySur)

	// firstWordOwner: the first word of full names → the one entity whose
	// full name begins with it (-1 when several do).
	firstWordOwner := map[string]int{}
	for _, c := range chains {
		if !c.full {
			continue
		}
		rt := r.uf.Find(c.rep)
		if prev, ok := firstWordOwner[c.first]; ok && prev != rt {
			firstWordOwner[c.first] = -1
		} else if !ok {
			firstWordOwner[c.first] = rt
		}
	}

	// Short forms with no full name in their article join the one full
	// name they are compatible with; when there are several, they stay
	// an entity of their own.
	for _, s := range surs {
		var roots []int
		firstOf := map[int]string{}
		for _, c := range bySur[s] {
			if c.full {
				rt := r.uf.Find(c.rep)
				if _, ok := firstOf[rt]; !ok {
					roots = append(roots, rt)
					firstOf[rt] = c.first
				}
			}
		}
		var leftovers []*chain
		for _, c := range bySur[s] {
			if c.full {
				continue
			}
			if len(roots) == 0 && !c.initial && len(s) <= 4 {
				// A short name no full name ends with may begin one:
				// family names come first in Chinese or Korean names (Xi
				// for Xi Jinping, Moon for Moon Jae-in).
				if rt, ok := firstWordOwner[s]; ok && rt >= 0 {
					r.uf.Union(rt, c.rep)
					continue
				}
			}
			var cand []int
			for _, rt := range roots {
				if !c.initial || firstCompatible(firstOf[rt], c.first, false, true) {
					cand = append(cand, rt)
				}
			}
			if len(cand) == 1 {
				r.uf.Union(cand[0], c.rep)
			} else {
				leftovers = append(leftovers, c)
			}
		}
		// Leftovers: one entity per initial; bare surnames with them when
		// only one initial is in play.
		byInitial := map[string]*chain{}
		var initials []string
		for _, c := range leftovers {
			k := ""
			if c.initial {
				k = c.first[:1]
			}
			if f, ok := byInitial[k]; ok {
				r.uf.Union(f.rep, c.rep)
			} else {
				byInitial[k] = c
				initials = append(initials, k)
			}
		}
		if bare, ok := byInitial[""]; ok && len(initials) == 2 && len(roots) == 0 {
			for _, k := range initials {
				r.uf.Union(bare.rep, byInitial[k].rep)
			}
		}
	}
}

func (r *resolver) linkNearSurnames(surs []string, bySur map[string][]*chain) {
	// Symmetric deletion index: two words one edit apart share a form with
	// at most one letter deleted.
	index := map[string][]string{}
	for _, s := range surs {
		if len(s) < 6 {
			continue
		}
		hasFull := false
		for _, c := range bySur[s] {
			hasFull = hasFull || c.full
		}
		if !hasFull {
			continue
		}
		seen := map[string]bool{s: true}
		index[s] = append(index[s], s)
		for i := 0; i < len(s); i++ {
			d := s[:i] + s[i+1:]
			if !seen[d] {
				seen[d] = true
				index[d] = append(index[d], s)
			}
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		group := index[k]
		for x := 0; x < len(group); x++ {
			for y := x + 1; y < len(group); y++ {
				a, b := group[x], group[y]
				if a == b || !nearSpelling(a, b, 6) {
					continue
				}
				for _, ca := range bySur[a] {
					for _, cb := range bySur[b] {
						if ca.full && cb.full && ca.first == cb.first {
							r.uf.Union(ca.rep, cb.rep)
						}
					}
				}
			}
		}
	}
}

// linkNonPersons groups organisations and places by key and sense (see
// linkSameNames), then links acronyms to long forms and country-qualified
// names to bare ones.
func (r *resolver) linkNonPersons() {
	byKey := map[string]int{}
	var np []int
	for i := range r.ms {
		m := &r.ms[i]
		if m.person {
			continue
		}
		np = append(np, i)
		if _, ok := byKey[m.key]; !ok {
			byKey[m.key] = i
		}
	}
	r.linkSameNames()

	// "(OSCE)" right after a long form names it.
	for _, i := range np {
		m := &r.ms[i]
		a := r.articles[m.art]
		em := &a.Entities[m.idx]
		if len(strings.Fields(m.display)) < 2 || !validSpan(a, em) {
			continue
		}
		if acr := parenAcronym(a.Text[em.End:]); acr != "" {
			if j, ok := byKey[nonPersonKey(acr)]; ok {
				r.uf.Union(i, j)
			}
			r.extra[i] = append(r.extra[i], acr)
		}
	}

	// Acronyms built from long forms, when only one long form builds it.
	longs := map[string][]int{}
	for _, i := range np {
		m := &r.ms[i]
		for _, acr := range acronyms(strings.Fields(m.display)) {
			longs[acr] = append(longs[acr], i)
		}
	}
	for _, i := range np {
		m := &r.ms[i]
		if strings.ContainsRune(m.display, ' ') || !isAllCaps(m.display) {
			continue
		}
		acr := strings.ReplaceAll(m.display, ".", "")
		roots := map[int]bool{}
		first := -1
		for _, j := range longs[acr] {
			rt := r.uf.Find(j)
			roots[rt] = true
			if first < 0 {
				first = j
			}
		}
		if len(roots) == 1 {
			r.uf.Union(i, first)
		}
	}

	// "US State Department" is the "State Department" when no other
	// country's State Department is in the corpus.
	type bucket struct {
		codes map[string][]int
		order []string
	}
	buckets := map[string]*bucket{}
	var bareKeys []string
	for _, i := range np {
		m := &r.ms[i]
		if m.typ != storyline.Org {
			continue
		}
		code, rest := qualifiedOrg(strings.Fields(m.display))
		if code == "" {
			continue
		}
		bk := nonPersonKey(strings.Join(rest, " "))
		b := buckets[bk]
		if b == nil {
			b = &bucket{codes: map[string][]int{}}
			buckets[bk] = b
			bareKeys = append(bareKeys, bk)
		}
		if _, ok := b.codes[code]; !ok {
			b.order = append(b.order, code)
		}
		b.codes[code] = append(b.codes[code], i)
	}
	for _, bk := range bareKeys {
		b := buckets[bk]
		for _, code := range b.order {
			ids := b.codes[code]
			for _, j := range ids[1:] {
				r.uf.Union(ids[0], j)
			}
			if len(b.order) == 1 {
				if j, ok := byKey[bk]; ok && !r.ms[j].person {
					r.uf.Union(ids[0], j)
				}
			}
		}
	}
}

// linkSameNames links the organisation and place mentions that spell one
// name. A name the type prior knows may change sense across a corpus:
// "Chicago" is the city in one report and the baseball team in a results
// table ("Chicago 3"). So each article's mentions of such a name are one
// group whose sense, ORG or PLACE, is the majority of its mentions' votes
// (type prior included); groups of one name and sense are one entity, and
// a group of neither sense (OTHER) joins the name's most mentioned sense.
// Other names are one entity, whatever the tagger typed them.
func (r *resolver) linkSameNames() {
	type group struct {
		first, n int
		key      string
		prior    string
		votes    [4]int // PERSON, ORG, PLACE, OTHER by typeRank
	}
	var groups []group
	local := map[string]int{} // local key → index in groups
	for _, ai := range r.order {
		clear(local)
		for _, i := range r.byArt[ai] {
			m := &r.ms[i]
			if m.person {
				continue
			}
			prior := r.prior(m.alias)
			lk := m.key
			if prior == storyline.Place && m.typ == storyline.Org && r.scoreContext(m) {
				// A results table names clubs beside a dateline that
				// names the city.
				lk += "\x00club"
			}
			gi, ok := local[lk]
			if !ok {
				gi = len(groups)
				local[lk] = gi
				groups = append(groups, group{first: i, key: m.key, prior: prior})
			} else {
				r.uf.Union(groups[gi].first, i)
			}
			g := &groups[gi]
			g.n++
			g.votes[typeRank[r.voteType(m, false)]]++
		}
	}
	// Names without a prior: one entity each.
	one := map[string]int{}
	// Names with a prior: one entity per sense (0 ORG, 1 PLACE).
	type senses struct {
		first [2]int
		n     [2]int
	}
	bySense := map[string]*senses{}
	var neither []int // groups of neither sense
	for gi := range groups {
		g := &groups[gi]
		if g.prior == "" {
			// The tagger's inconsistent types are noise that the
			// entity's vote smooths.
			if f, ok := one[g.key]; ok {
				r.uf.Union(f, g.first)
			} else {
				one[g.key] = g.first
			}
			continue
		}
		org, place, other := g.votes[typeRank[storyline.Org]], g.votes[typeRank[storyline.Place]], g.votes[typeRank[storyline.Other]]
		sense := -1
		switch {
		case org > place && org >= other:
			sense = 0
		case place > org && place >= other:
			sense = 1
		}
		if sense < 0 {
			neither = append(neither, gi)
			continue
		}
		sn := bySense[g.key]
		if sn == nil {
			sn = &senses{}
			bySense[g.key] = sn
		}
		if sn.n[sense] == 0 {
			sn.first[sense] = g.first
		} else {
			r.uf.Union(sn.first[sense], g.first)
		}
		sn.n[sense] += g.n
	}
	// A group of neither sense joins the name's most mentioned sense.
	for _, gi := range neither {
		g := &groups[gi]
		sn := bySense[g.key]
		if sn == nil {
			if f, ok := one[g.key]; ok {
				r.uf.Union(f, g.first)
			} else {
				one[g.key] = g.first
			}
			continue
		}
		sense := 0
		if sn.n[1] > sn.n[0] {
			sense = 1
		}
		r.uf.Union(sn.first[sense], g.first)
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

// reconcileTypes joins a person's lone surname with a same-named mention
// typed otherwise, so that majority decides the type.
func (r *resolver) reconcileTypes() {
	type comp struct {
		n        int
		hasFull  bool
		person   bool
		hasPlace bool
		sur      string
	}
	comps := map[int]*comp{}
	var roots []int
	for i := range r.ms {
		m := &r.ms[i]
		rt := r.uf.Find(i)
		c := comps[rt]
		if c == nil {
			c = &comp{}
			comps[rt] = c
			roots = append(roots, rt)
		}
		c.n++
		if m.person {
			c.person = true
			c.sur = m.p.sur
			c.hasFull = c.hasFull || m.full()
		}
		c.hasPlace = c.hasPlace || m.typ == storyline.Place
	}
	nonPerson := map[string]int{} // single-word key → component
	for _, rt := range roots {
		m := &r.ms[rt]
		if !comps[rt].person && !strings.Contains(m.key, " ") {
			if _, ok := nonPerson[m.key]; !ok {
				nonPerson[m.key] = rt
			}
		}
	}
	fullBySur := map[string][]int{}
	for _, rt := range roots {
		if c := comps[rt]; c.person && c.hasFull {
			fullBySur[c.sur] = append(fullBySur[c.sur], rt)
		}
	}
	for _, rt := range roots {
		c := comps[rt]
		if !c.person || c.hasFull {
			continue
		}
		if o, ok := nonPerson[c.sur]; ok {
			r.uf.Union(rt, o)
		}
	}
	for k, o := range nonPerson {
		c := comps[o]
		if c.hasPlace {
			continue
		}
		if ps := fullBySur[k]; len(ps) == 1 && comps[ps[0]].n > c.n {
			r.uf.Union(ps[0], o)
		}
	}
}

// typeRank breaks ties in the type vote.
var typeRank = map[string]int{storyline.Person: 0, storyline.Org: 1, storyline.Place: 2, storyline.Other: 3}

// build turns the components into entities and writes the ids, canonical
// names and roles back on the mentions.
func (r *resolver) build() []storyline.Entity {
	groups := map[int][]int{}
	var roots []int
	for i := range r.ms {
		rt := r.uf.Find(i)
		if _, ok := groups[rt]; !ok {
			roots = append(roots, rt)
		}
		groups[rt] = append(groups[rt], i)
	}
	ents := make([]storyline.Entity, 0, len(roots))
	members := make([][]int, 0, len(roots))
	for _, rt := range roots {
		ids := groups[rt]
		ents = append(ents, r.entity(ids))
		members = append(members, ids)
	}
	assignIDs(ents)
	for k, e := range ents {
		for _, i := range members[k] {
			m := &r.ms[i]
			em := &r.articles[m.art].Entities[m.idx]
			em.Entity = e.ID
			em.Name = e.Name
			// The entity's type is the mentions' majority; a mention the
			// tagger typed otherwise takes it.
			em.Type = e.Type
		}
	}
	perm := make([]int, len(ents))
	for i := range perm {
		perm[i] = i
	}
	sort.Slice(perm, func(x, y int) bool { return ents[perm[x]].ID < ents[perm[y]].ID })
	out := make([]storyline.Entity, len(ents))
	for i, p := range perm {
		out[i] = ents[p]
	}
	return out
}

// entity builds one entity from its mentions (indices in ms).
func (r *resolver) entity(ids []int) storyline.Entity {
	votes := map[string]int{}
	hasFull := false
	for _, i := range ids {
		hasFull = hasFull || r.ms[i].full()
	}
	for _, i := range ids {
		votes[r.voteType(&r.ms[i], hasFull)]++
	}
	typ := ""
	for t, n := range votes {
		if typ == "" || n > votes[typ] || n == votes[typ] && typeRank[t] < typeRank[typ] {
			typ = t
		}
	}

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
	name := ""
	for f, n := range forms {
		if name == "" || betterForm(f, n, name, forms[name], typ) {
			name = f
		}
	}
	return storyline.Entity{
		Name:     name,
		Type:     typ,
		Aliases:  sortedKeys(aliases),
		Roles:    byCount(roles),
		Articles: sortedKeys(arts),
	}
}

// voteType is a mention's vote in its entity's type: its tag, unless the
// mention names as a whole something the type prior knows (Kremlin: ORG;
// Bern: PLACE). A person's full name in the entity (Denzel Washington)
// outvotes the prior, and so does a place's name that stayed a person in
// collect (the surname of a full name elsewhere: Houston, Jordan);
// institutions are nobody's names. An ORG tag on a city beside a score
// ("Chicago 3") stands too: that is a club; so does an OTHER tag on a
// region, which is then an adjective ("Mediterranean diet", "Arctic
// convoy").
func (r *resolver) voteType(m *mention, hasFull bool) string {
	if hasFull {
		return m.typ
	}
	p := r.prior(m.alias)
	if p == "" || m.typ == storyline.Person && p != storyline.Org ||
		p == storyline.Place && m.typ == storyline.Org && r.scoreContext(m) ||
		m.typ == storyline.Other && regionKeys[r.nonPersonKey(nonPersonDisplay(m.alias))] {
		return m.typ
	}
	return p
}

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
		if _, ok := placeAliases[Key(display)]; !ok {
			return ""
		}
	}
	if t := typePrior[key(display)]; t != "" {
		return t
	}
	return typePrior[key(strings.ToLower(display))]
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
		if k := Key(f); placeAliases[k] == k {
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
	words := splitWords(name)
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
