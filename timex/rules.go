package timex

import "sync"

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
	name  string
	on    uint32
	parse func(p *parser, i int) (match, outcome)
}

// grammar is the lexicon and the rule tables, built once by newGrammar and
// only read afterwards.
type grammar struct {
	lex        lexicon
	vocabulary map[string]string
	// phrase is tried at every token that may start an expression: the
	// prefixes (quantifiers, "the", position modifiers), then the core.
	phrase []rule
	// modified: "early 1991", "the end of July".
	modified []rule
	// afterThe is tried on the word after "the".
	afterThe []rule
	// words and wordFallbacks are the core grammar at a word: the longest
	// match of words wins; the fallbacks are tried only when none matched.
	words, wordFallbacks []rule
	// numbers and numberFallbacks are the core grammar at digits.
	numbers, numberFallbacks []rule
	// relative: this/last/next/past + what they modify.
	relative []rule
	// ordinals: "third quarter", "the first nine months".
	ordinals []rule
	// counts are the readings of a count and a unit ("two days ago").
	counts []countRule
	// countVetoes are counts and units that are no time ("a quarter of").
	countVetoes []countRule
	// sets: "every Monday", "daily".
	sets []rule
	// months, weekdays, holidays: the calendar's names.
	months, weekdays, holidays []rule
	// quantifiers: "at least", "nearly", "about".
	quantifiers []quantifier
}

// builtGrammar is the one grammar every parser reads.
var builtGrammar = sync.OnceValue(newGrammar)

func newGrammar() *grammar {
	g := &grammar{lex: newLexicon()}
	g.vocabulary = g.lex.vocabulary()
	g.phrase = phraseRules()
	g.modified = modifiedRules()
	g.afterThe = afterTheRules()
	g.words, g.wordFallbacks = wordRules(), wordFallbackRules()
	g.numbers, g.numberFallbacks = numberRules(), numberFallbackRules()
	g.relative = relativeRules()
	g.ordinals = ordinalRules()
	g.counts, g.countVetoes = countReadings(), countVetoes()
	g.sets = setRules()
	g.months, g.weekdays, g.holidays = monthRules(), weekdayRules(), holidayRules()
	g.quantifiers = quantifiers()
	return g
}

// tables lists every rule table by name, for tests that check each rule
// has its examples.
func (g *grammar) tables() map[string][]rule {
	return map[string][]rule{
		"phrase": g.phrase, "modified": g.modified, "afterThe": g.afterThe, "words": g.words,
		"wordFallbacks": g.wordFallbacks, "numbers": g.numbers, "numberFallbacks": g.numberFallbacks,
		"relative": g.relative, "ordinals": g.ordinals, "sets": g.sets, "months": g.months,
		"weekdays": g.weekdays, "holidays": g.holidays,
	}
}

// applies reports whether rule r may start at token i.
func (p *parser) applies(r *rule, i int) bool {
	return r.on == 0 || p.has(i, r.on)
}

// firstOf tries rules in order; the first that matches or vetoes decides.
func (p *parser) firstOf(rules []rule, i int) (match, bool) {
	for k := range rules {
		r := &rules[k]
		if !p.applies(r, i) {
			continue
		}
		m, o := r.parse(p, i)
		switch o {
		case found:
			p.traced(&m, r.name)
			return m, true
		case veto:
			return match{}, false
		}
	}
	return match{}, false
}

// longestOf tries every rule that applies and keeps the longest match, the
// earlier rule on a tie; the fallbacks are tried in order, and only when
// none matched. Vetoes only stop the fallbacks.
func (p *parser) longestOf(rules, fallbacks []rule, i int) (match, bool) {
	best, ok := match{}, false
	for k := range rules {
		r := &rules[k]
		if !p.applies(r, i) {
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
