package timex

import (
	"slices"
	"strings"
	"sync"
)

// outcome is what a rule says about the tokens at its position.
type outcome uint8

const (
	pass  outcome = iota // the rule does not apply: try the next one
	found                // the rule matched
	veto                 // these words are no time expression: try no further rule
)

// A rule is one pattern of the time grammar: a name that tests and traces
// refer to, the word classes its first token must have (0: any token),
// and the parse that recognises the pattern at token i and says how it is
// normalised. Every rule has its own examples in rules_test.go.
type rule struct {
	name   string
	on     uint32
	starts []string // the words it may start on; none: any
	parse  func(p *parser, i int) (match, outcome)
}

// words splits a list of start words.
func words(list string) []string { return strings.Fields(list) }

// table is a list of rules, indexed by the words they may start on so
// that a token tries only the rules that may apply to it.
type table struct {
	rules []rule
	// lists[0] holds the rules that may start on any word; lists[byWord[id]]
	// those that may start on the word id, in table order, open rules
	// included.
	lists  [][]int
	byWord []uint16
}

func (g *grammar) newTable(rules []rule) *table {
	t := &table{rules: rules, lists: [][]int{nil}, byWord: make([]uint16, len(g.entries))}
	for k, r := range rules {
		if len(r.starts) == 0 {
			t.lists[0] = append(t.lists[0], k)
		}
	}
	for _, r := range rules {
		for _, w := range r.starts {
			id := g.vocab[w].id
			if t.byWord[id] != 0 {
				continue
			}
			var list []int
			for k, r2 := range rules {
				if len(r2.starts) == 0 || slices.Contains(r2.starts, w) {
					list = append(list, k)
				}
			}
			t.byWord[id] = uint16(len(t.lists))
			t.lists = append(t.lists, list)
		}
	}
	return t
}

// candidates are the indexes of the rules that may start on token i.
func (t *table) candidates(p *parser, i int) []int {
	if i < 0 || i >= len(p.toks) {
		return t.lists[0]
	}
	return t.lists[t.byWord[p.toks[i].id]]
}

// grammar is the lexicon and the rule tables, built once by newGrammar and
// only read afterwards.
type grammar struct {
	lex     lexicon
	vocab   map[string]vocabEntry // every word the grammar compares tokens with, by lower-case spelling
	entries []*word               // the lexicon entry of each word id (nil: none)
	// starters are the word ids some phrase may start on: a word of the
	// lexicon with a class a core rule starts on, or a start word of the
	// phrase or core rules. Other words are skipped at once.
	starters []bool
	// phrase is tried at every token that may start an expression: the
	// prefixes (quantifiers, "the", position modifiers), then the core.
	phrase *table
	// modified: "early 1991", "the end of July".
	modified *table
	// afterThe is tried on the word after "the".
	afterThe *table
	// words and wordFallbacks are the core grammar at a word: the longest
	// match of words wins; the fallbacks are tried only when none matched.
	words, wordFallbacks *table
	// numbers and numberFallbacks are the core grammar at digits.
	numbers, numberFallbacks *table
	// relative: this/last/next/past + what they modify.
	relative *table
	// ordinals: "third quarter", "the first nine months".
	ordinals *table
	// counts are the readings of a count and a unit ("two days ago").
	counts []countRule
	// countVetoes are counts and units that are no time ("a quarter of").
	countVetoes []countRule
	// sets: "every Monday", "daily".
	sets *table
	// months, weekdays, holidays: the calendar's names.
	months, weekdays, holidays *table
	// quantifiers: "at least", "nearly", "about", by their first word.
	quantifiers map[string][]quantifier
}

// builtGrammar is the one grammar every parser reads.
var builtGrammar = sync.OnceValue(newGrammar)

func newGrammar() *grammar {
	g := &grammar{lex: newLexicon()}
	lists := [][]rule{phraseRules(), modifiedRules(), afterTheRules(), wordRules(), wordFallbackRules(), numberRules(),
		numberFallbackRules(), relativeRules(), ordinalRules(), setRules(), monthRules(), weekdayRules(), holidayRules()}
	words := g.lex.vocabulary()
	for _, rules := range lists {
		for _, r := range rules {
			words = append(words, r.starts...)
		}
	}
	g.vocab = map[string]vocabEntry{}
	g.entries = []*word{nil}
	for _, w := range words {
		if _, ok := g.vocab[w]; !ok {
			g.vocab[w] = vocabEntry{lw: w, id: int32(len(g.entries))}
			g.entries = append(g.entries, g.lex[w])
		}
	}
	ts := make([]*table, len(lists))
	for k, rules := range lists {
		ts[k] = g.newTable(rules)
	}
	g.phrase, g.modified, g.afterThe, g.words, g.wordFallbacks = ts[0], ts[1], ts[2], ts[3], ts[4]
	g.numbers, g.numberFallbacks, g.relative, g.ordinals, g.sets = ts[5], ts[6], ts[7], ts[8], ts[9]
	g.months, g.weekdays, g.holidays = ts[10], ts[11], ts[12]
	g.counts, g.countVetoes = countReadings(), countVetoes()
	g.quantifiers = quantifiers()
	g.starters = g.startWords(g.phrase, g.words, g.wordFallbacks)
	return g
}

// startWords marks the word ids on which a rule of the phrase tables may
// start.
func (g *grammar) startWords(phrase ...*table) []bool {
	var classes uint32
	starts := make([]bool, len(g.entries))
	for _, t := range phrase {
		for _, r := range t.rules {
			classes |= r.on
			for _, w := range r.starts {
				starts[g.vocab[w].id] = true
			}
		}
	}
	for id, e := range g.entries {
		starts[id] = e != nil && (starts[id] || e.class&classes != 0)
	}
	return starts
}

// tables lists every rule table by name, for tests that check each rule
// has its examples.
func (g *grammar) tables() map[string][]rule {
	return map[string][]rule{
		"phrase": g.phrase.rules, "modified": g.modified.rules, "afterThe": g.afterThe.rules, "words": g.words.rules,
		"wordFallbacks": g.wordFallbacks.rules, "numbers": g.numbers.rules, "numberFallbacks": g.numberFallbacks.rules,
		"relative": g.relative.rules, "ordinals": g.ordinals.rules, "sets": g.sets.rules, "months": g.months.rules,
		"weekdays": g.weekdays.rules, "holidays": g.holidays.rules,
	}
}

// class is the lexicon's word classes of token i (0 for other tokens).
func (p *parser) class(i int) uint32 {
	if w := p.word(i); w != nil {
		return w.class
	}
	return 0
}

// firstOf tries the rules of t in order; the first that matches or vetoes
// decides.
func (p *parser) firstOf(t *table, i int) (match, bool) {
	m, o := p.decide(t, i)
	return m, o == found
}

// decide is firstOf that tells a veto from no rule applying.
func (p *parser) decide(t *table, i int) (match, outcome) {
	cls := p.class(i)
	for _, k := range t.candidates(p, i) {
		r := &t.rules[k]
		if r.on != 0 && cls&r.on == 0 {
			continue
		}
		m, o := r.parse(p, i)
		switch o {
		case found:
			p.traced(&m, r.name)
			return m, found
		case veto:
			return match{}, veto
		}
	}
	return match{}, pass
}

// longestOf tries every rule of t that applies and keeps the longest
// match, the earlier rule on a tie; the fallbacks are tried in order, and
// only when none matched. Vetoes only stop the fallbacks.
func (p *parser) longestOf(t, fallbacks *table, i int) (match, bool) {
	best, ok := match{}, false
	cls := p.class(i)
	for _, k := range t.candidates(p, i) {
		r := &t.rules[k]
		if r.on != 0 && cls&r.on == 0 {
			continue
		}
		if m, o := r.parse(p, i); o == found && (!ok || m.to > best.to) {
			p.traced(&m, r.name)
			best, ok = m, true
		}
	}
	if ok {
		return best, true
	}
	return p.firstOf(fallbacks, i)
}

// traced records rule name in m when tracing.
func (p *parser) traced(m *match, name string) {
	if !p.trace {
		return
	}
	if m.rule == "" {
		m.rule = name
		return
	}
	m.rule = name + " > " + m.rule
}
