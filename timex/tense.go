package timex

import "strings"

// tenseWindow is how many tokens on each side of an expression are
// searched for a tense cue.
const tenseWindow = 12

// tense looks for the nearest tense cue in the clause around a match:
// -1 past, +1 future, 0 none.
func (r *resolver) tense(m *match) int {
	p := r.p
	if p.deadline(m.from - 1) {
		return 1
	}
	if c := p.cueBefore(m.from - 1); c != 0 {
		return c
	}
	return p.cueAfter(m.to)
}

// deadline: "until the autumn", "till Friday" is ahead.
func (p *parser) deadline(b int) bool {
	return p.lwIn(b, "until", "till") || p.lw(b) == "the" && p.lwIn(b-1, "until", "till")
}

// cueBefore is the nearest cue from token i back to the start of the
// clause; the first word of a paragraph counts.
func (p *parser) cueBefore(i int) int {
	for n := 0; i >= 0 && n < tenseWindow; i, n = i-1, n+1 {
		if p.breakAt(i) {
			return 0
		}
		if c := p.cue(i); c != 0 || p.toks[i].para {
			return c
		}
	}
	return 0
}

// cueAfter is the nearest cue from token i to the end of the clause. "On
// Friday, the government planned to open": a day before the verb dates
// the planning, not the plan.
func (p *parser) cueAfter(i int) int {
	for n := 0; i < len(p.toks) && n < tenseWindow; i, n = i+1, n+1 {
		if p.breakAt(i) || p.toks[i].para {
			return 0
		}
		if c := p.cue(i); c != 0 {
			if c > 0 && p.edTo(i) && !p.passive(i) {
				return -1
			}
			return c
		}
	}
	return 0
}

// breakAt reports whether token i ends a clause; the dots of "Sept." and
// "4.5" do not.
func (p *parser) breakAt(i int) bool {
	t := &p.toks[i]
	if !clauseBreak(t) {
		return false
	}
	if t.lw != "." || t.space {
		return true
	}
	pv := p.tok(i - 1)
	switch {
	case pv == nil:
		return true
	case pv.kind == tNum:
		return !(p.isKind(i+1, tNum) && !p.toks[i+1].space)
	case pv.kind == tWord:
		return !(pv.upper && len(pv.lw) <= 4)
	}
	return true
}

// cue is the tense signalled by token i, if any; computed once per token.
func (p *parser) cue(i int) int {
	if p.cues == nil {
		p.cues = make([]int8, len(p.toks))
	}
	if c := p.cues[i]; c != 0 {
		return int(c) - 2
	}
	c := p.cueAt(i)
	p.cues[i] = int8(c + 2)
	return c
}

// edTo reports whether token i is a participle of intention ("planned
// to", "expected to") that cueAt reads as future.
func (p *parser) edTo(i int) bool {
	t := &p.toks[i]
	return len(t.lw) > 4 && strings.HasSuffix(t.lw, "ed") && !p.known(t.lw) && p.lw(i+1) == "to"
}

func (p *parser) cueAt(i int) int {
	c := p.cueWord(i)
	// "had been due to expire Friday": a plan from the past, for a day
	// that has usually gone by.
	if c > 0 && (p.lw(i-1) == "had" || p.lw(i-1) == "been" && p.lw(i-2) == "had") {
		return -1
	}
	return c
}

func (p *parser) cueWord(i int) int {
	t := &p.toks[i]
	if t.kind != tWord {
		if t.lw == "'" && p.lw(i+1) == "ll" {
			return 1
		}
		return 0
	}
	if c, ok := p.phraseCue(i); ok {
		return c
	}
	if w := p.g.lex[t.lw]; w != nil {
		return p.lexiconCue(i, w)
	}
	if len(t.lw) > 4 && strings.HasSuffix(t.lw, "ed") && !t.upper {
		return p.participleCue(i)
	}
	return 0
}

// phraseCue reads the cues that depend on their neighbours: "May" (the
// month; the modal is lower case but for the rare sentence that opens
// with it), "is to resume", "set to", "plans to".
func (p *parser) phraseCue(i int) (int, bool) {
	t := &p.toks[i]
	switch t.lw {
	case "may":
		if t.upper {
			return 0, true
		}
	case "to":
		if p.lwIn(i-1, "is", "are") && p.isKind(i+1, tWord) && !p.known(p.lw(i+1)) {
			return 1, true
		}
	case "set":
		if p.lwIn(i+1, "to", "for") {
			return 1, true
		}
		return 0, true
	case "plan", "plans":
		if p.lw(i+1) == "to" {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// lexiconCue is the cue of a word of the lexicon; a past participle after
// "is" or "be" says nothing of tense.
func (p *parser) lexiconCue(i int, w *word) int {
	switch {
	case w.class&cFutureCue != 0:
		return 1
	case w.class&cPastCue != 0 && !p.passive(i):
		return -1
	}
	return 0
}

// participleCue reads an unknown word ending in "-ed": "expected to",
// "scheduled to" look ahead; other participles are past, but for the
// passive, adjectives ("a still unspecified date") and words that only
// end like one.
func (p *parser) participleCue(i int) int {
	switch p.lw(i) {
	case "need", "indeed", "proceed", "succeed", "exceed", "hundred", "speed", "seed", "breed", "steed", "feed", "greed", "embed":
		return 0
	}
	if p.lw(i+1) == "to" {
		return 1
	}
	if p.passive(i) {
		return 0
	}
	switch p.lw(i - 1) {
	case "a", "an", "the", "still", "its", "his", "her", "their", "very", "most", "fully", "newly":
		return 0
	}
	return -1
}

// passive reports whether the participle at i follows a present or future
// auxiliary ("is expected", "will be paid"), which says nothing of tense.
func (p *parser) passive(i int) bool {
	return p.lwIn(i-1, "be", "is", "are", "been", "being", "am")
}
