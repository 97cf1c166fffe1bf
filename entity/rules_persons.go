package entity

import (
	"sort"
	"strings"
)

// personRules join the mentions of people: first within each article
// (a short or titled form is the full name it abbreviates), then across
// articles (full names that spell one name, then short forms).
func personRules() []rule {
	return []rule{
		{name: "spellings of one full name in one article", apply: (*resolver).linkFullNamesInArticle},
		{name: "a short form is the nearest full name with its surname", apply: (*resolver).linkShortToNearest},
		{name: "a lone word is the full name it is part of", apply: (*resolver).linkWordToFullName},
		{name: "short forms without a full name in their article", apply: (*resolver).linkOrphans},
		{name: "one full name across articles", apply: (*resolver).linkFullNames, keys: fileSurname},
		{name: "a name without a middle name is the only one with one", apply: (*resolver).linkMissingMiddle, keys: fileSurname},
		{name: "names apart only in spaces and hyphens", apply: (*resolver).linkJoinedSpellings, keys: fileJoined},
		{name: "surnames one letter apart under one first name", apply: (*resolver).linkNearSurnames, keys: fileFirstName},
		{name: "a family name first across articles", apply: (*resolver).linkFamilyNameFirst, keys: fileFamilyName},
		{name: "a short form is the only compatible full name", apply: (*resolver).linkShortToOnlyFull, keys: fileSurname},
		{name: "short forms no full name takes", apply: (*resolver).linkLeftovers, keys: fileSurname},
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

// personIndex is what the person rules share: the chains of each article
// (made by the within-article rules), and by surname (worked out by the
// first rule across articles).
type personIndex struct {
	fullChains  map[int][]*chain // article index → its full names' chains
	shortChains map[int][]*chain // article index → chains of short forms without a full name
	placed      map[int]bool     // short mentions joined to a full name of their article
	surs        []string         // surnames of the chains, sorted
	bySur       map[string][]*chain
	indexed     bool
}

// shortMentions calls f with each person mention of article ai that is no
// full name and no rule placed yet.
func (r *resolver) shortMentions(ai int, f func(i int, m *mention)) {
	for _, i := range r.byArt[ai] {
		if m := &r.ms[i]; m.person && !m.full() && !r.persons.placed[i] {
			f(i, m)
		}
	}
}

// linkFullNamesInArticle: spellings of one name in one article (Sergey
// and Sergei Ryabkov) are one chain, the person's in that article.
func (r *resolver) linkFullNamesInArticle() {
	for _, ai := range r.order {
		var chains []*chain
		for _, i := range r.byArt[ai] {
			m := &r.ms[i]
			if !m.full() {
				continue
			}
			c := sameNameChain(chains, m)
			if c == nil {
				c = &chain{art: ai, rep: i, sur: m.p.sur, first: m.p.first, middle: m.p.middle, full: true}
				chains = append(chains, c)
			}
			c.fulls = append(c.fulls, i)
			r.uf.Union(c.rep, i)
		}
		r.persons.fullChains[ai] = chains
	}
}

// sameNameChain is the chain whose name m spells another way: the same
// surname, compatible first and middle names. A chain without a middle
// name takes the first one it meets.
func sameNameChain(chains []*chain, m *mention) *chain {
	for _, x := range chains {
		if x.sur == m.p.sur && firstCompatible(x.first, m.p.first, false, false) && middleCompatible(x.middle, m.p.middle) {
			if x.middle == "" {
				x.middle = m.p.middle
			}
			return x
		}
	}
	return nil
}

// linkShortToNearest: a short or titled form ("Sherman", "Mrs Sherman",
// "President Putin", "D. Peskov") is the full name with its surname (and
// a compatible initial) closest before it in the article, else closest
// after it: "Joe Biden spoke. Biden left. Jill Biden came. Biden smiled."
func (r *resolver) linkShortToNearest() {
	for _, ai := range r.order {
		chains := r.persons.fullChains[ai]
		r.shortMentions(ai, func(i int, m *mention) {
			c := r.closestChain(chains, m, func(c *chain) bool {
				return c.sur == m.p.sur && (!m.p.initial || firstCompatible(c.first, m.p.first, false, true))
			})
			if c != nil {
				r.uf.Union(c.rep, i)
				r.persons.placed[i] = true
			}
		})
	}
}

// linkWordToFullName: a one-word form that no full name ends with is the
// full name in its article that has it as another word, the closest
// before it first ("Xi" after "Xi Jinping").
func (r *resolver) linkWordToFullName() {
	for _, ai := range r.order {
		chains := r.persons.fullChains[ai]
		r.shortMentions(ai, func(i int, m *mention) {
			if len(m.p.words) != 1 {
				return
			}
			c := r.closestChain(chains, m, func(c *chain) bool { return r.chainHasWord(c, m.key) })
			if c != nil {
				r.uf.Union(c.rep, i)
				r.persons.placed[i] = true
			}
		})
	}
}

// chainHasWord reports a full mention of c with a word keyed key.
func (r *resolver) chainHasWord(c *chain, key string) bool {
	for _, f := range c.fulls {
		for _, w := range r.ms[f].p.words {
			if r.key(w) == key {
				return true
			}
		}
	}
	return false
}

// closestChain is the chain accept takes whose full mention is closest
// before m, else closest after it; nil when accept takes none.
func (r *resolver) closestChain(chains []*chain, m *mention, accept func(*chain) bool) *chain {
	var best *chain
	bestDist, bestBefore := 0, false
	for _, c := range chains {
		if !accept(c) {
			continue
		}
		for _, f := range c.fulls {
			d := m.start - r.ms[f].start
			before := d >= 0
			if !before {
				d = -d
			}
			if best == nil || before && !bestBefore || before == bestBefore && d < bestDist {
				best, bestDist, bestBefore = c, d, before
			}
		}
	}
	return best
}

// linkOrphans: the short forms of an article without its full name are
// one person by surname, and by initial when they have one ("Biden ...
// Biden"; "D. Peskov" apart from "A. Peskov").
func (r *resolver) linkOrphans() {
	for _, ai := range r.order {
		bySurname := map[string]*chain{}
		var chains []*chain
		r.shortMentions(ai, func(i int, m *mention) {
			k := m.p.sur
			if m.p.initial {
				k += "\x00" + m.p.first[:1]
			}
			c := bySurname[k]
			if c == nil {
				c = &chain{art: ai, rep: i, sur: m.p.sur, initial: m.p.initial}
				if m.p.initial {
					c.first = m.p.first
				}
				bySurname[k] = c
				chains = append(chains, c)
			}
			r.uf.Union(c.rep, i)
		})
		r.persons.shortChains[ai] = chains
	}
}

// personChains indexes the chains by surname, once the within-article
// rules are done.
func (r *resolver) personChains() *personIndex {
	px := &r.persons
	if px.indexed {
		return px
	}
	px.indexed = true
	px.bySur = map[string][]*chain{}
	for _, ai := range r.order {
		for _, c := range append(append([]*chain(nil), px.fullChains[ai]...), px.shortChains[ai]...) {
			if _, ok := px.bySur[c.sur]; !ok {
				px.surs = append(px.surs, c.sur)
			}
			px.bySur[c.sur] = append(px.bySur[c.sur], c)
		}
	}
	sort.Strings(px.surs)
	return px
}

// all is every chain, article by article, full names first.
func (px *personIndex) all(order []int) []*chain {
	var out []*chain
	for _, ai := range order {
		out = append(out, px.fullChains[ai]...)
		out = append(out, px.shortChains[ai]...)
	}
	return out
}

// hasFull reports a full name with surname s.
func (px *personIndex) hasFull(s string) bool {
	for _, c := range px.bySur[s] {
		if c.full {
			return true
		}
	}
	return false
}

// fileSurname files a person under its surname.
func fileSurname(m *mention, file func(prefix, key string)) {
	if m.person {
		file("s:", m.p.sur)
	}
}

// firstNames is one first and middle name that full names of one surname
// take, and the first chain that took it.
type firstNames struct {
	first, middle string
	rep           int
}

// firstNamesOf lists the distinct first and middle names of the full
// names in chains, sorted, and calls same with each chain and the first
// chain of its names.
func firstNamesOf(chains []*chain, same func(rep, c int)) []*firstNames {
	var groups []*firstNames
	byName := map[string]*firstNames{}
	for _, c := range chains {
		if !c.full {
			continue
		}
		k := c.first + "|" + c.middle
		if g, ok := byName[k]; ok {
			same(g.rep, c.rep)
		} else {
			g = &firstNames{first: c.first, middle: c.middle, rep: c.rep}
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
	return groups
}

// linkFullNames: full names of one surname across articles are one
// person when their first names are compatible (Joe and Joseph Biden,
// Aleksandr and Alexander Grushko) and so are their middle names (George
// W. Bush is not George H. W. Bush). Names with a middle name and names
// without one meet only through the next rule.
func (r *resolver) linkFullNames() {
	px := r.personChains()
	for _, s := range px.surs {
		groups := firstNamesOf(px.bySur[s], r.uf.Union)
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
	}
}

// linkMissingMiddle: a full name without a middle name is the one person
// of its surname with a middle name and a compatible first name, when
// there is only one (George Bush is George W. Bush unless George H. W.
// Bush is named too).
func (r *resolver) linkMissingMiddle() {
	px := r.personChains()
	for _, s := range px.surs {
		groups := firstNamesOf(px.bySur[s], func(int, int) {})
		for _, g := range groups {
			if g.middle != "" {
				continue
			}
			cand := map[int]bool{}
			first := -1
			for _, h := range groups {
				if h.middle != "" && firstCompatible(g.first, h.first, false, false) {
					rt := r.uf.Find(h.rep)
					cand[rt] = true
					if first < 0 || rt < first {
						first = rt
					}
				}
			}
			if len(cand) == 1 {
				r.uf.Union(g.rep, first)
			}
		}
	}
}

// linkJoinedSpellings: full names that differ only in spaces and hyphens
// (Kim Jong Un, Kim Jong-un) are one name.
func (r *resolver) linkJoinedSpellings() {
	joined := map[string]int{}
	for _, c := range r.personChains().all(r.order) {
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
}

// fileJoined files a person under its name, and under its name without
// spaces when it has three words or more or a hyphen or apostrophe.
func fileJoined(m *mention, file func(prefix, key string)) {
	if !m.person {
		return
	}
	file("p:", m.key)
	if len(m.p.words) >= 3 || strings.ContainsAny(m.display, "-'’") {
		file("j:", strings.ReplaceAll(m.key, " ", ""))
	}
}

// linkNearSurnames: full names whose surnames of six letters or more are
// one letter apart (Kuleba, Kouleba), beyond what Key folds, are one
// person when their first names are the same.
func (r *resolver) linkNearSurnames() {
	px := r.personChains()
	index, keys := deletionIndex(px)
	for _, k := range keys {
		group := index[k]
		for x := 0; x < len(group); x++ {
			for y := x + 1; y < len(group); y++ {
				a, b := group[x], group[y]
				if a != b && nearSpelling(a, b, 6) {
					r.linkSameFirst(px.bySur[a], px.bySur[b])
				}
			}
		}
	}
}

// deletionIndex files the surnames of full names of six letters or more
// under themselves and each form with one letter deleted: two words one
// edit apart share a form. It returns the index and its keys, sorted.
func deletionIndex(px *personIndex) (map[string][]string, []string) {
	index := map[string][]string{}
	for _, s := range px.surs {
		if len(s) < 6 || !px.hasFull(s) {
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
	return index, keys
}

// linkSameFirst joins the full names of two surnames that share a first
// name.
func (r *resolver) linkSameFirst(as, bs []*chain) {
	for _, ca := range as {
		for _, cb := range bs {
			if ca.full && cb.full && ca.first == cb.first {
				r.uf.Union(ca.rep, cb.rep)
			}
		}
	}
}

// fileFirstName files a full name under its first name: the candidates of
// a surname one letter away are found among the names that share it.
func fileFirstName(m *mention, file func(prefix, key string)) {
	if m.full() {
		file("f:", m.p.first)
	}
}

// linkFamilyNameFirst: family names come first in Chinese or Korean
// names, so a short word (four letters at most) that no full name in the
// corpus ends with is the one full name that begins with it: Xi for Xi
// Jinping, Moon for Moon Jae-in.
func (r *resolver) linkFamilyNameFirst() {
	px := r.personChains()
	owners := r.firstWordOwners(px)
	for _, s := range px.surs {
		if len(s) > 4 || px.hasFull(s) {
			continue
		}
		rt, ok := owners[s]
		if !ok || rt < 0 {
			continue
		}
		for _, c := range px.bySur[s] {
			if !c.full && !c.initial {
				r.uf.Union(rt, c.rep)
			}
		}
	}
}

// firstWordOwners maps the first word of full names to the one person
// whose full name begins with it (-1 when several do).
func (r *resolver) firstWordOwners(px *personIndex) map[string]int {
	owner := map[string]int{}
	for _, c := range px.all(r.order) {
		if !c.full {
			continue
		}
		rt := r.uf.Find(c.rep)
		if prev, ok := owner[c.first]; ok && prev != rt {
			owner[c.first] = -1
		} else if !ok {
			owner[c.first] = rt
		}
	}
	return owner
}

// fileFamilyName files a full name under its first word and a one-word
// name under itself, where the other finds it.
func fileFamilyName(m *mention, file func(prefix, key string)) {
	if m.full() {
		file("f:", m.p.first)
	}
	if m.person && len(m.p.words) == 1 {
		file("f:", m.p.sur)
	}
}

// linkShortToOnlyFull: a short form with no full name in its article
// ("Peskov declined to comment", "D. Peskov") is the one person of the
// corpus with its surname (and a compatible initial); with several
// ("Biden" beside Joe and Jill Biden) it stays apart.
func (r *resolver) linkShortToOnlyFull() {
	px := r.personChains()
	for _, s := range px.surs {
		roots, firstOf := r.fullRoots(px.bySur[s])
		for _, c := range px.bySur[s] {
			if c.full {
				continue
			}
			var cand []int
			for _, rt := range roots {
				if !c.initial || firstCompatible(firstOf[rt], c.first, false, true) {
					cand = append(cand, rt)
				}
			}
			if len(cand) == 1 {
				r.uf.Union(cand[0], c.rep)
			}
		}
	}
}

// fullRoots lists the people the full names among chains are, and the
// first name each goes by.
func (r *resolver) fullRoots(chains []*chain) ([]int, map[int]string) {
	var roots []int
	firstOf := map[int]string{}
	for _, c := range chains {
		if c.full {
			rt := r.uf.Find(c.rep)
			if _, ok := firstOf[rt]; !ok {
				roots = append(roots, rt)
				firstOf[rt] = c.first
			}
		}
	}
	return roots, firstOf
}

// linkLeftovers: short forms of one surname that no full name took are
// one person per initial ("A. Peskov" across articles); bare surnames go
// with them when only one initial is in play and no full name has the
// surname.
func (r *resolver) linkLeftovers() {
	px := r.personChains()
	taken := map[int]bool{}
	for _, c := range px.all(r.order) {
		if c.full {
			taken[r.uf.Find(c.rep)] = true
		}
	}
	for _, s := range px.surs {
		byInitial := map[string]*chain{}
		var initials []string
		for _, c := range px.bySur[s] {
			if c.full || taken[r.uf.Find(c.rep)] {
				continue
			}
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
		if bare, ok := byInitial[""]; ok && len(initials) == 2 && !px.hasFull(s) {
			for _, k := range initials {
				r.uf.Union(bare.rep, byInitial[k].rep)
			}
		}
	}
}
