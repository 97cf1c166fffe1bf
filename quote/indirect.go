package quote

import (
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// indirect finds reported speech: a speaker, a speech verb and the clause it
// introduces ("Ryabkov said the approaches do not always match"), in the
// sentences that carry no direct quote. One per sentence.
func (d *doc) indirect(direct []found) []found {
	var out []found
	di := 0
	for _, sent := range d.sents {
		for di < len(direct) && direct[di].qm.End < sent[0] {
			di++
		}
		if di < len(direct) && direct[di].qm.Start < sent[1] {
			continue
		}
		if f, ok := d.indirectIn(sent); ok {
			out = append(out, f)
		}
	}
	return out
}

func (d *doc) indirectIn(sent [2]int) (found, bool) {
	ss, se := sent[0], sent[1]
	toks := d.tokens(ss, se)
	// The clause ends before the sentence's final punctuation.
	ce := se
	for ce > ss {
		c := d.text[ce-1]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '.' || c == '!' || c == '?' || c == '"' {
			ce--
			continue
		}
		break
	}
	for k, t := range toks {
		if d.inSpan(t.start) {
			continue
		}
		kind := d.speechVerb(toks, k)
		switch kind {
		case newstext.NotSpeech, newstext.Label:
			continue
		case newstext.According:
			w := d.speakerAfter(toks[k+1].end, se)
			if !w.ok {
				return found{}, false
			}
			var cs, cend int
			if k == 0 || strings.TrimSpace(d.text[ss:t.start]) == "" {
				// "According to X, clause."
				comma := strings.IndexByte(d.text[t.end:ce], ',')
				if comma < 0 {
					return found{}, false
				}
				cs, cend = t.end+comma+1, ce
			} else {
				// "Clause, according to X."
				cs, cend = ss, t.start
			}
			return d.indirectFound(cs, cend, w)
		}
		// "Clause, said prison spokesman Al Quintero.": inverted.
		if k > 0 && toks[k-1].low == "," && toks[k-1].start > ss && kind == newstext.Say && !addressed[t.low] {
			if w := d.speakerAfter(t.end, ce); w.ok && !w.reporter {
				return d.indirectFound(ss, toks[k-1].start, w)
			}
		}
		w := d.subjectBefore(ss, t.start, kind)
		if !w.ok || w.reporter {
			continue
		}
		// "Clause, she said, ..." and "Clause, Karl Lind said on
		// Tuesday.": the clause stands before the speaker; when the
		// attribution interrupts the sentence, the clause goes on after it.
		if comma := d.parenthetical(toks, k, ss, ce); comma > ss {
			if rest := d.resumeAfter(toks, k, ce); rest > 0 {
				return d.indirectText(ss, ce, stripMarks(d.text[ss:comma]+" "+d.text[rest:ce]), w)
			}
			return d.indirectFound(ss, comma, w)
		}
		cs, ok := d.clauseStart(toks, k, ce)
		if ok && !clauseVerbs[t.low] && !d.thatBefore(toks, k, cs) {
			// "added his seventh goal", "wrote handbooks": only "that"
			// makes these verbs report speech.
			continue
		}
		if !ok {
			continue
		}
		return d.indirectFound(cs, ce, w)
	}
	return found{}, false
}

// clauseStart skips what stands between a verb and its clause: time
// adverbs, "that", the audience of "told".
func (d *doc) clauseStart(toks []tok, k, ce int) (int, bool) {
	verb := toks[k].low
	j := k + 1
	if verb == "told" || verb == "tells" || verb == "telling" {
		// told [Russian news agencies] (that) ...
		found := false
		for m := j; m < len(toks) && m <= j+7; m++ {
			if !toks[m].word {
				break
			}
			if toks[m].low == "that" {
				j, found = m+1, true
				break
			}
		}
		if !found {
			n := 0
			for j < len(toks) && toks[j].word && n < 4 {
				w := toks[j].low
				if audiences[w] || d.mentionAt(toks[j].start) {
					j++
					n++
					found = true
					continue
				}
				if found {
					break
				}
				if w == "the" || isCapitalised(d.text[toks[j].start:toks[j].end]) {
					j++
					n++
					continue
				}
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	// "said on Tuesday in a statement that ...": the clause follows "that".
	for m := j; m < len(toks) && m <= j+7 && (toks[m].word || toks[m].low == ","); m++ {
		if toks[m].low == "that" {
			j = m
			break
		}
	}
	for j < len(toks) && toks[j].word && clauseSkipWord(toks[j].low) {
		j++
	}
	for j < len(toks) && !toks[j].word && d.text[toks[j].start:toks[j].end] == "," {
		j++
	}
	if j < len(toks) && toks[j].word && toks[j].low == "that" {
		j++
	}
	if j >= len(toks) || !toks[j].word || toks[j].start >= ce {
		return 0, false
	}
	switch toks[j].low {
	case "to", "by", "in", "on", "at", "from", "after", "before", "during", "of", "for", "with", "about", "so", "and", "but",
		"goodbye", "hello", "yes", "no", "nothing", "something", "according":
		return 0, false
	}
	return toks[j].start, true
}

func (d *doc) mentionAt(pos int) bool {
	i := d.mentFrom(pos + 1)
	return i > 0 && d.ments[i-1].start <= pos && pos < d.ments[i-1].end
}

func (d *doc) indirectFound(cs, ce int, w who) (found, bool) {
	cs, ce = trimSpan(d.text, cs, ce)
	return d.indirectText(cs, ce, stripMarks(d.text[cs:ce]), w)
}

func (d *doc) indirectText(cs, ce int, txt string, w who) (found, bool) {
	cs, ce = trimSpan(d.text, cs, ce)
	if ce <= cs || wordCount(txt) < 4 {
		return found{}, false
	}
	return found{
		qm:  storyline.QuoteMention{Text: txt, SpeakerName: w.name, Start: cs, End: ce, Direct: false},
		who: w, sp: -1, para: d.paraOf(cs),
	}, true
}

func (d *doc) paraOf(pos int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].end > pos })
	return min(i, len(d.paras)-1)
}

// stripMarks removes quote marks but keeps apostrophes inside words.
func stripMarks(s string) string {
	rs := []rune(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	for i, r := range rs {
		if isMarkRune(r) {
			if (r == '\'' || r == '’') && i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
				b.WriteRune(r)
			}
			continue
		}
		b.WriteRune(r)
	}
	return cleanWords(b.String())
}

// parenthetical finds the comma before a short "NAME said" that closes or
// interrupts a sentence; 0 when the verb introduces what follows.
func (d *doc) parenthetical(toks []tok, k, ss, ce int) int {
	comma := -1
	for j := k - 1; j >= 0 && j >= k-maxSubjectWords; j-- {
		if !toks[j].word {
			if toks[j].low == "," {
				comma = j
			}
			break
		}
	}
	if comma <= 0 {
		return 0
	}
	n := 0
	for j := k + 1; j < len(toks) && toks[j].start < ce; j++ {
		if !toks[j].word {
			if toks[j].low == "," {
				break // "Clause, she said, and more"
			}
			return 0
		}
		if toks[j].low == "that" {
			return 0
		}
		n++
	}
	if n > 4 {
		return 0
	}
	return toks[comma].start
}

// resumeAfter: where a sentence interrupted by "..., she said, ..." goes
// on (0 when the attribution ends it).
func (d *doc) resumeAfter(toks []tok, k, ce int) int {
	for j := k + 1; j < len(toks) && toks[j].start < ce; j++ {
		if toks[j].low == "," {
			if j+1 < len(toks) && toks[j+1].start < ce {
				return toks[j+1].start
			}
			return 0
		}
	}
	return 0
}

// Verbs whose object is the one spoken to: "told ISNA" names no speaker.
var addressed = wordSet("told tells asked asks urged urges answered replied warned")

// Verbs that introduce reported speech without "that" ("said the talks
// failed"); the other speech verbs need it.
var clauseVerbs = wordSet(`said says say told tells stated insisted insists argued argues claimed claims warned warns asserted
	asserts maintained contended predicted acknowledged admitted conceded suggested reiterated believes saying telling insisting
	arguing claiming warning`)

// thatBefore: a "that" among the words between the verb and the clause.
func (d *doc) thatBefore(toks []tok, k, cs int) bool {
	for j := k + 1; j < len(toks) && toks[j].start < cs; j++ {
		if toks[j].low == "that" {
			return true
		}
	}
	return false
}

// maxSubjectWords bounds the subject of a closing "..., NAME said", titles
// included ("North Harbour Area Commander Inspector Dave Moss").
const maxSubjectWords = 12
