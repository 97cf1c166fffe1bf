package entity

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"testing"

	"github.com/storyline-news/storyline"
)

// example is a small invented corpus that motivated a rule: articles with
// their mentions marked ("[P:Sergei Ryabkov]", see marked) and what the
// resolver must make of them. Surfaces name the first mention written
// so.
type example struct {
	articles []string
	same     [][]string        // surfaces of one entity
	apart    [][2]string       // surfaces of two entities
	types    map[string]string // surface → its entity's type
	alias    map[string]string // surface → an alias its entity lists
	// bound marks an example of where the rule stops: it holds with
	// every rule, and is not expected to fail without this one.
	bound bool
	// batch says why the example holds only when its articles are
	// resolved together, not linked one at a time ("" when it holds
	// both ways).
	batch string
}

// allRuleExamples are the examples of every rule, by rule name.
func allRuleExamples() map[string][]example {
	all := map[string][]example{}
	for _, part := range []map[string][]example{retypeExamples(), withinArticleExamples(), fullNameExamples(),
		shortFormExamples(), sameNameExamples(), acronymExamples(), reconcileExamples(), voteExamples()} {
		maps.Copy(all, part)
	}
	return all
}

// TestRules runs the examples of each rule: with every rule they come out
// as they say; without the rule they do not (but for bounds), which ties
// each rule to the examples that motivated it.
func TestRules(t *testing.T) {
	book := standardRules()
	for name, examples := range allRuleExamples() {
		t.Run(name, func(t *testing.T) {
			for _, ex := range examples {
				for _, e := range ex.check(t, book) {
					t.Errorf("%q: %s", ex.articles, e)
				}
				if !ex.bound && len(ex.check(t, book.without(name))) == 0 {
					t.Errorf("%q: comes out the same without the rule", ex.articles)
				}
			}
		})
	}
}

// TestRulesLinkedOneByOne links each example's articles one at a time, as
// a store does: the keys each rule files a mention under must find the
// stored entities the rule joins it to.
func TestRulesLinkedOneByOne(t *testing.T) {
	for name, examples := range allRuleExamples() {
		t.Run(name, func(t *testing.T) {
			for _, ex := range examples {
				if ex.batch != "" {
					continue
				}
				arts := ex.corpus()
				s := newMemoryStore()
				for _, a := range arts {
					if err := s.link(a); err != nil {
						t.Fatal(err)
					}
				}
				for _, e := range ex.expect(arts, s.entities()) {
					t.Errorf("%q linked one by one: %s", ex.articles, e)
				}
			}
		})
	}
}

// TestEveryRuleHasExamples keeps the rules and their examples together: a
// new rule needs the examples that motivated it, and examples of a rule
// that is gone go too.
func TestEveryRuleHasExamples(t *testing.T) {
	names := map[string]bool{}
	for _, n := range standardRules().names() {
		if names[n] {
			t.Errorf("two rules named %q", n)
		}
		names[n] = true
	}
	examples := map[string]int{}
	for n, exs := range allRuleExamples() {
		examples[n] += len(exs)
	}
	for n, exs := range allRoleExamples() {
		examples[n] += len(exs)
	}
	for n := range names {
		if examples[n] == 0 {
			t.Errorf("rule %q has no examples", n)
		}
	}
	for n := range examples {
		if !names[n] {
			t.Errorf("examples for %q, which is no rule", n)
		}
	}
}

func (ex example) corpus() []*storyline.Article { return markedCorpus(ex.articles) }

// check resolves the example with a rule book and lists what came out
// otherwise than it says.
func (ex example) check(t *testing.T, book ruleBook) []string {
	t.Helper()
	arts := ex.corpus()
	return ex.expect(arts, resolveWith(arts, book))
}

// expect lists what the resolved articles and entities get wrong.
func (ex example) expect(arts []*storyline.Article, ents []storyline.Entity) []string {
	byID := map[string]storyline.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	of := func(surface string) storyline.Entity {
		for _, a := range arts {
			for _, m := range a.Entities {
				if m.Text == surface {
					return byID[m.Entity]
				}
			}
		}
		return storyline.Entity{ID: "no mention " + surface}
	}
	var errs []string
	for _, group := range ex.same {
		for _, s := range group[1:] {
			if a, b := of(group[0]), of(s); a.ID != b.ID || a.ID == "" {
				errs = append(errs, fmt.Sprintf("%q is %q, %q is %q: want one entity", group[0], a.ID, s, b.ID))
			}
		}
	}
	for _, p := range ex.apart {
		if a, b := of(p[0]), of(p[1]); a.ID == b.ID {
			errs = append(errs, fmt.Sprintf("%q and %q are both %q", p[0], p[1], a.ID))
		}
	}
	for _, s := range sortedKeysOf(ex.types) {
		if e := of(s); e.Type != ex.types[s] {
			errs = append(errs, fmt.Sprintf("%q is %s, want %s", s, e.Type, ex.types[s]))
		}
	}
	for _, s := range sortedKeysOf(ex.alias) {
		if e := of(s); !slices.Contains(e.Aliases, ex.alias[s]) {
			errs = append(errs, fmt.Sprintf("%q has aliases %q, want %q", s, e.Aliases, ex.alias[s]))
		}
	}
	return errs
}

func sortedKeysOf(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

// memoryStore keeps linked entities as package link does, in memory: the
// profiles, and the key index with the most named entities first.
type memoryStore struct {
	profiles map[string]*Profile
	keys     map[string]map[string]bool
	arts     []*storyline.Article
	next     int
}

func newMemoryStore() *memoryStore {
	return &memoryStore{profiles: map[string]*Profile{}, keys: map[string]map[string]bool{}}
}

func (s *memoryStore) lookup(keys []string) ([]Candidate, error) {
	set := map[string]bool{}
	for _, k := range keys {
		ids := slices.Sorted(maps.Keys(s.keys[k]))
		sort.SliceStable(ids, func(i, j int) bool { return s.profiles[ids[i]].Rank() > s.profiles[ids[j]].Rank() })
		for _, id := range ids[:min(len(ids), MaxCandidatesPerKey)] {
			set[id] = true
		}
	}
	var out []Candidate
	for _, id := range slices.Sorted(maps.Keys(set)) {
		out = append(out, Candidate{ID: id, Profile: s.profiles[id]})
	}
	return out, nil
}

// link links one article: the groups Link makes become entities, the
// most named stored one taking the others in.
func (s *memoryStore) link(a *storyline.Article) error {
	groups, err := Link([]*storyline.Article{a}, s.lookup)
	if err != nil {
		return err
	}
	for _, g := range groups {
		id := ""
		for _, k := range g.Known {
			if id == "" || s.profiles[k].N > s.profiles[id].N {
				id = k
			}
		}
		if id == "" {
			s.next++
			id = fmt.Sprintf("e%03d", s.next)
			s.profiles[id] = &Profile{Votes: map[string]int{}}
		}
		p := s.profiles[id]
		for _, k := range g.Known {
			if k != id {
				p.Merge(s.profiles[k])
				s.drop(k)
				s.renumber(k, id)
			}
		}
		p.Merge(g.Add)
		s.post(id)
		for _, m := range g.Mentions {
			a.Entities[m.Mention].Entity = id
		}
	}
	s.arts = append(s.arts, a)
	return nil
}

func (s *memoryStore) drop(id string) {
	for _, set := range s.keys {
		delete(set, id)
	}
	delete(s.profiles, id)
}

func (s *memoryStore) post(id string) {
	for _, set := range s.keys {
		delete(set, id)
	}
	for _, k := range s.profiles[id].Keys() {
		if s.keys[k] == nil {
			s.keys[k] = map[string]bool{}
		}
		s.keys[k][id] = true
	}
}

// renumber points the mentions of an entity that joined another at it.
func (s *memoryStore) renumber(from, to string) {
	for _, a := range s.arts {
		for i := range a.Entities {
			if a.Entities[i].Entity == from {
				a.Entities[i].Entity = to
			}
		}
	}
}

// entities are the stored entities as readers see them.
func (s *memoryStore) entities() []storyline.Entity {
	var out []storyline.Entity
	for _, id := range slices.Sorted(maps.Keys(s.profiles)) {
		out = append(out, s.profiles[id].Entity(id))
	}
	return out
}
