package entity

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
)

// Incremental resolution. A store cannot hand Resolve every article again
// each time one arrives, so linking keeps, for each entity, a Profile (its
// spellings, type votes, roles and aliases) and an index from keys to
// entities. Link resolves the mentions of new articles together with the
// profiles their keys find, by running the same resolver over the new
// articles plus one stand-in article per candidate entity whose mentions
// are that entity's spellings. Whatever the rules join, a new mention and
// an entity, or two entities through a new article, is one entity.
//
// The keys are chosen so that every rule of the resolver that can join two
// mentions finds its partner: the same name, surname, first word (Xi for Xi
// Jinping), spelling without spaces (Kim Jong-un), an acronym and the long
// forms it abbreviates, a country-qualified organisation and its bare name.
// A surname one letter apart is found through the first name it must
// share, among the most named entities with that first name. A key names at most a few dozen entities
// (the most named first), which bounds the work per mention whatever the
// store's size.

// Profile is what linking keeps of one entity between articles.
type Profile struct {
	Forms   []Form         `json:"f"`
	Votes   map[string]int `json:"v"`
	Roles   map[string]int `json:"r,omitempty"`
	Aliases []string       `json:"a"`
	N       int            `json:"n"` // articles naming it
}

// Form is one spelling of an entity and how often it was used.
type Form struct {
	Alias   string `json:"s"` // cleaned surface
	Display string `json:"d"` // name without titles or leading article
	N       int    `json:"n"`
}

// Bounds of a profile: the spellings offered to the resolver, and the
// aliases listed for readers.
const (
	maxForms   = 12
	maxAliases = 64
	// MaxCandidatesPerKey is how many entities one key may bring into a
	// resolution (the most named first).
	MaxCandidatesPerKey = 32
)

// Candidate is a stored entity that Link may join new mentions to.
type Candidate struct {
	ID      string
	Profile *Profile
}

// MentionRef points at one mention of one of Link's articles.
type MentionRef struct{ Article, Mention int }

// Group is one entity that Link's articles name.
type Group struct {
	// Known are the stored entities the group is: none (a new entity),
	// one, or several that the new articles showed to be one entity.
	Known    []string
	Mentions []MentionRef
	// Add is what the new mentions add to the entity's profile.
	Add *Profile
}

// Lookup returns the stored entities filed under any of keys.
type Lookup func(keys []string) ([]Candidate, error)

// Link resolves the mentions of new articles against stored entities.
// Like Resolve it joins organisation names cut before their place, and
// sets each person mention's Role; it does not set Entity, Name or Type,
// which the caller does from the groups.
func Link(articles []*storyline.Article, lookup Lookup) ([]Group, error) {
	mergeOrgPlace(articles)
	rules := standardRules()
	keys := map[string]bool{}
	if !fileArticles(articles, rules, keys) {
		return nil, nil
	}
	cands, err := lookup(sortedKeys(keys))
	if err != nil {
		return nil, fmt.Errorf("entity: link: %w", err)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })

	// Stand-in articles come after the new ones; their mentions carry no
	// offsets, so no rule reads text around them.
	all := append([]*storyline.Article(nil), articles...)
	for _, c := range cands {
		all = append(all, standIn(c))
	}
	r := newResolver(all, rules)
	if !r.run() {
		return nil, nil
	}
	r.joinStandIns(len(articles))
	var groups []Group
	for _, ids := range r.components() {
		if g, ok := r.group(ids, articles, cands); ok {
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// fileArticles parses the articles' mentions and adds the index keys
// they are filed under (see rule.keys) to set; false when no mention is
// resolvable. Two mentions that a rule can join share a key.
func fileArticles(articles []*storyline.Article, rules ruleBook, set map[string]bool) bool {
	r := newResolver(articles, rules)
	r.collect()
	var filers []func(*mention, func(prefix, key string))
	for _, rl := range slices.Concat(rules.retype, rules.link) {
		if rl.keys != nil {
			filers = append(filers, rl.keys)
		}
	}
	file := func(prefix, k string) {
		if k != "" {
			set[prefix+k] = true
		}
	}
	for i := range r.ms {
		for _, f := range filers {
			f(&r.ms[i], file)
		}
	}
	return len(r.ms) > 0
}

// joinStandIns joins the mentions of each stand-in article (those from
// index first on): a stand-in's spellings are one entity already.
func (r *resolver) joinStandIns(first int) {
	firstOf := map[int]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.art < first {
			continue
		}
		if f, ok := firstOf[m.art]; ok {
			r.uf.Union(f, i)
		} else {
			firstOf[m.art] = i
		}
	}
}

// group is what the new articles add to one entity (mentions ids);
// false when it has no new mention.
func (r *resolver) group(ids []int, articles []*storyline.Article, cands []Candidate) (Group, bool) {
	g := Group{Add: &Profile{Votes: map[string]int{}}}
	hasFull := false
	known := map[string]bool{}
	for _, i := range ids {
		m := &r.ms[i]
		hasFull = hasFull || m.full()
		if m.art >= len(articles) {
			known[cands[m.art-len(articles)].ID] = true
		}
	}
	arts := map[int]bool{}
	for _, i := range ids {
		if m := &r.ms[i]; m.art < len(articles) {
			g.Mentions = append(g.Mentions, MentionRef{Article: m.art, Mention: m.idx})
			arts[m.art] = true
			r.addMention(g.Add, i, hasFull)
		}
	}
	if len(g.Mentions) == 0 {
		return Group{}, false // stored entities only: nothing new to say
	}
	g.Add.N = len(arts)
	if len(known) > 0 {
		g.Known = sortedKeys(known)
	}
	sort.Slice(g.Mentions, func(x, y int) bool {
		a, b := g.Mentions[x], g.Mentions[y]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Mention < b.Mention
	})
	return g, true
}

// addMention adds mention i to a profile: its spelling, type vote,
// aliases and role.
func (r *resolver) addMention(p *Profile, i int, hasFull bool) {
	m := &r.ms[i]
	p.addForm(m.alias, m.display, 1)
	p.Votes[r.voteType(m, hasFull)]++
	p.addAlias(m.alias)
	for _, x := range r.extra[i] {
		p.addAlias(x)
	}
	if role := r.articles[m.art].Entities[m.idx].Role; role != "" {
		p.addRole(role, 1)
		if core := r.roleCore(role); core != role {
			p.addRole(core, 1)
		}
	}
}

// standIn is the article that stands for a stored entity: one mention a
// spelling, typed as the entity is.
func standIn(c Candidate) *storyline.Article {
	a := &storyline.Article{ID: "\x00" + c.ID}
	typ := c.Profile.Type()
	for _, f := range c.Profile.Forms {
		a.Entities = append(a.Entities, storyline.Mention{Text: f.Alias, Type: typ})
	}
	return a
}

// Keys are the index keys of an entity: those of each of its spellings.
func (p *Profile) Keys() []string {
	set := map[string]bool{}
	fileArticles([]*storyline.Article{standIn(Candidate{Profile: p})}, standardRules(), set)
	for _, al := range p.Aliases {
		// Acronyms found beside a long form ("(OSCE)") are spellings too,
		// filed as the rule "an acronym in parentheses after a long form"
		// files an acronym.
		if !strings.ContainsRune(al, ' ') && isAllCaps(al) {
			set["a:"+strings.ReplaceAll(al, ".", "")] = true
		}
	}
	return sortedKeys(set)
}

// Spellings are the profile's forms and aliases, sorted: its keys change
// only when they do (or its type does).
func (p *Profile) Spellings() []string {
	out := append([]string{}, p.Aliases...)
	for _, f := range p.Forms {
		out = append(out, f.Alias)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Rank is an entity's rank in the key index: the order of magnitude (in
// eights) of the articles naming it, so that a key's most named entities
// come first and the posting changes only when that order does: at 8, 64,
// 512 articles...
func (p *Profile) Rank() int64 { return int64(bits.Len(uint(p.N)) / 3) }

func (p *Profile) addForm(alias, display string, n int) {
	for i := range p.Forms {
		if p.Forms[i].Alias == alias {
			p.Forms[i].N += n
			return
		}
	}
	p.Forms = append(p.Forms, Form{Alias: alias, Display: display, N: n})
}

func (p *Profile) addAlias(a string) {
	i := sort.SearchStrings(p.Aliases, a)
	if i < len(p.Aliases) && p.Aliases[i] == a {
		return
	}
	if len(p.Aliases) >= maxAliases {
		return
	}
	p.Aliases = append(p.Aliases, "")
	copy(p.Aliases[i+1:], p.Aliases[i:])
	p.Aliases[i] = a
}

func (p *Profile) addRole(role string, n int) {
	if p.Roles == nil {
		p.Roles = map[string]int{}
	}
	p.Roles[role] += n
	if p.Roles[role] <= 0 {
		delete(p.Roles, role)
	}
}

// Merge adds another profile's spellings, votes, roles, aliases and
// articles to p (articles may be counted twice when both named the same
// one: N is a reader's order, not an exact count).
func (p *Profile) Merge(o *Profile) {
	if p.Votes == nil {
		p.Votes = map[string]int{}
	}
	for _, f := range o.Forms {
		p.addForm(f.Alias, f.Display, f.N)
	}
	for t, n := range o.Votes {
		p.Votes[t] += n
	}
	for r, n := range o.Roles {
		p.addRole(r, n)
	}
	for _, a := range o.Aliases {
		p.addAlias(a)
	}
	p.N += o.N
	p.trim()
}

// Subtract takes back what an article once added (its mentions, before it
// was changed): spellings, votes and roles, and one article.
func (p *Profile) Subtract(o *Profile) {
	for _, f := range o.Forms {
		p.addForm(f.Alias, f.Display, -f.N)
	}
	for t, n := range o.Votes {
		if p.Votes[t] -= n; p.Votes[t] <= 0 {
			delete(p.Votes, t)
		}
	}
	for r, n := range o.Roles {
		p.addRole(r, -n)
	}
	p.N = max(0, p.N-o.N)
	p.trim()
}

// trim drops spent spellings and keeps the most used ones.
func (p *Profile) trim() {
	forms := p.Forms[:0]
	for _, f := range p.Forms {
		if f.N > 0 {
			forms = append(forms, f)
		}
	}
	sort.SliceStable(forms, func(i, j int) bool {
		if forms[i].N != forms[j].N {
			return forms[i].N > forms[j].N
		}
		return forms[i].Alias < forms[j].Alias
	})
	if len(forms) > maxForms {
		forms = forms[:maxForms]
	}
	p.Forms = forms
}

// Type is the majority of the mentions' type votes (ties by PERSON, ORG,
// PLACE, OTHER).
func (p *Profile) Type() string {
	if typ := majorityType(p.Votes); typ != "" {
		return typ
	}
	return storyline.Other
}

// Name is the canonical name: the best spelling (full names, spelled-out
// organisations, preferred place names), the most used among equals.
func (p *Profile) Name() string {
	counts := map[string]int{}
	for _, f := range p.Forms {
		counts[f.Display] += f.N
	}
	return canonicalName(counts, p.Type())
}

// Entity is what readers see of the entity (Articles is left empty: the
// store reads it from the links).
func (p *Profile) Entity(id string) storyline.Entity {
	return storyline.Entity{ID: id, Name: p.Name(), Type: p.Type(), Aliases: append([]string{}, p.Aliases...), Roles: byCount(p.Roles)}
}

// BaseID is the id a new entity would take: its type and its name's key
// ("p-sergei-riabkov"); the caller adds a suffix when it is taken.
func (p *Profile) BaseID() string { return typePrefix[p.Type()] + slug(p.Name()) }

// Contribution is what one linked article added to its entities'
// profiles, recomputed from its stored mentions so that it can be taken
// back when the article changes: by entity id, its spellings, type votes
// and roles, and the article itself.
func Contribution(a *storyline.Article) map[string]*Profile {
	out := map[string]*Profile{}
	for _, m := range a.Entities {
		if m.Entity == "" {
			continue
		}
		p := out[m.Entity]
		if p == nil {
			p = &Profile{Votes: map[string]int{}, N: 1}
			out[m.Entity] = p
		}
		alias := cleanSurface(mentionSurface(a, &m))
		display := nonPersonDisplay(alias)
		if normType(m.Type) == storyline.Person {
			display = parsePerson(alias).display
		}
		p.addForm(alias, display, 1)
		p.Votes[normType(m.Type)]++
		if m.Role != "" {
			p.addRole(m.Role, 1)
			if core := roleCore(m.Role); core != m.Role {
				p.addRole(core, 1)
			}
		}
	}
	return out
}

// NameKeys are the index keys under which a free-text name (a quote's
// speaker, a watched name) may find its entity, read as a person's name
// and as another's.
func NameKeys(name string) []string {
	a := &storyline.Article{ID: "\x00name", Entities: []storyline.Mention{{Text: name, Type: storyline.Person}, {Text: name, Type: storyline.Org}}}
	set := map[string]bool{}
	fileArticles([]*storyline.Article{a}, standardRules(), set)
	return sortedKeys(set)
}
