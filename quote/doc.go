package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// ment is an entity mention that can speak or be referred back to.
type ment struct {
	start, end int
	typ        string
	text       string // surface, possessive dropped
	name       string // canonical name when resolution has run
	skipped    bool   // in a headline or boilerplate paragraph
	inQuote    bool
}

// doc is one article prepared for extraction.
type doc struct {
	text  string
	paras []para
	marks []mark
	spans []span // every paired span, in order
	ments []ment // in text order
	sents [][2]int
	full  []string // fullName cache, by mention
	toks  []tok

	bySurname map[string][]int // multi-word person mentions by the key of their last word
	byFirst   map[string][]int // and of their first

	found    []found                // the direct quotes attributed so far, in text order
	reported map[int]reportedSpeech // each sentence's reported speech, by sentence index
	learned  map[string]int         // genders the article's pronouns give, by name key
}

func newDoc(a *storyline.Article) *doc {
	text := a.Text
	if !utf8.ValidString(text) {
		// Offsets must stay valid for a.Text, so invalid bytes are read as
		// spaces rather than removed.
		b := []byte(text)
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				b[i] = ' '
			}
			i += n
		}
		text = string(b)
	}
	d := &doc{text: text}
	d.paras = paragraphs(text)
	// Each paragraph's sentences, split once: the shape of the text and
	// the sentences quotes are read in both need them.
	paraSents := make([][]newstext.Span, len(d.paras))
	split := make([]bool, len(d.paras))
	sentencesOf := func(i int) []newstext.Span {
		if !split[i] {
			split[i] = true
			paraSents[i] = newstext.Sentences(text[d.paras[i].start:d.paras[i].end])
		}
		return paraSents[i]
	}
	if sentencePerParagraphOf(d.paras, sentencesOf) {
		// Text rebuilt one sentence a line: its paragraphs are lines.
		for i := range d.paras {
			d.paras[i].soft = true
		}
	}
	markSkippedByRole(a, d.paras)
	d.marks = scanMarks(text, d.paras)
	d.spans = pairMarks(text, d.paras, d.marks)
	for i, p := range d.paras {
		if p.skip {
			continue
		}
		d.sents = append(d.sents, sentences(text, p.start, p.end, d.spans, sentencesOf(i))...)
	}
	d.toks = tokens(text, 0, len(text))
	d.ments = mentionsOf(a, text)
	if len(d.ments) == 0 {
		d.ments = findNames(text, d.paras)
	}
	personTypes(d.ments)
	d.ments = addSurnames(text, d.toks, d.ments)
	si := 0
	pi := 0
	for i := range d.ments {
		m := &d.ments[i]
		for si < len(d.spans) && d.spans[si].close <= m.start {
			si++
		}
		m.inQuote = si < len(d.spans) && d.spans[si].start <= m.start && m.end <= d.spans[si].end+1
		for pi < len(d.paras) && d.paras[pi].end < m.start {
			pi++
		}
		m.skipped = pi < len(d.paras) && d.paras[pi].skip && d.paras[pi].start <= m.start
	}
	return d
}

func mentionsOf(a *storyline.Article, text string) []ment {
	var out []ment
	for _, e := range a.Entities {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			continue
		}
		if e.Type != storyline.Person && e.Type != storyline.Org && e.Type != storyline.Place {
			continue
		}
		m := ment{start: e.Start, end: e.End, typ: e.Type, text: stripPossessive(text[e.Start:e.End])}
		if e.Entity != "" {
			// A canonical name exists only after resolution; before it
			// the tagger's Name is just the surface form.
			m.name = e.Name
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// personTypes makes a one-word name the tagger read once as a person a
// person everywhere in the article ("Epps said" tagged a person,
// "Epps was asked" an organisation): within one article a surname names
// one referent.
func personTypes(ments []ment) {
	persons := map[string]bool{}
	for _, m := range ments {
		if m.typ == storyline.Person && !strings.Contains(m.text, " ") {
			persons[m.text] = true
		}
	}
	for i := range ments {
		if ments[i].typ == storyline.Org && persons[ments[i].text] {
			ments[i].typ = storyline.Person
		}
	}
}

// addSurnames adds the mentions the tagger missed of a person it found by
// full name: "Stark told reporters" after "W. Paul Stark" (a surname that is
// also a word). A surname run together with other capitalised words is part
// of another name ("Capitol Hill") and is left alone.
func addSurnames(text string, toks []tok, ments []ment) []ment {
	surnames := map[string]bool{}
	for _, m := range ments {
		if f := strings.Fields(m.text); m.typ == storyline.Person && len(f) >= 1 && !stopCap(strings.ToLower(f[len(f)-1])) {
			surnames[f[len(f)-1]] = true
		}
	}
	if len(surnames) == 0 {
		return ments
	}
	covered := func(s, e int) bool {
		i := sort.Search(len(ments), func(i int) bool { return ments[i].end > s })
		return i < len(ments) && ments[i].start < e
	}
	capitalisedWord := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].word && isCapitalised(text[toks[k].start:toks[k].end])
	}
	var added []ment
	for k, t := range toks {
		if !t.word {
			continue
		}
		w := stripPossessive(text[t.start:t.end])
		if h := strings.IndexAny(w, "-‐"); h > 0 && firstRuneLower(w[h+1:]) {
			w = w[:h] // "Kemp-who said": a dash the text lost its spaces around
		}
		if !surnames[w] || covered(t.start, t.end) || capitalisedWord(k+1) && toks[k+1].start-t.end <= 1 {
			continue
		}
		if capitalisedWord(k-1) && t.start-toks[k-1].end <= 1 && !newstext.English().WithoutFullStop(toks[k-1].low) {
			continue
		}
		added = append(added, ment{start: t.start, end: t.start + len(w), typ: storyline.Person, text: w})
	}
	if len(added) == 0 {
		return ments
	}
	out := append(append(make([]ment, 0, len(ments)+len(added)), ments...), added...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// stripPossessive is a mention's text without its possessive: "Putin's"
// is Putin.
func stripPossessive(s string) string {
	return strings.TrimSpace(newstext.StripPossessive(strings.TrimSpace(s)))
}

// findNames stands in for the entity tagger when an article has no
// mentions: runs of capitalised words that do not start a sentence, or that
// are two words long. Single words are taken for people, since speakers
// are mostly people; words like Ministry make a run an organisation.
func findNames(text string, paras []para) []ment {
	var out []ment
	for _, p := range paras {
		toks := tokens(text, p.start, p.end) // before the doc's own tokens exist
		for i := 0; i < len(toks); {
			if !toks[i].word || !isCapitalised(text[toks[i].start:toks[i].end]) || stopCap(toks[i].low) {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && toks[j].word && isCapitalised(text[toks[j].start:toks[j].end]) && !stopCap(toks[j].low) {
				j++
			}
			sentStart := i == 0 || (!toks[i-1].word && strings.ContainsAny(text[toks[i-1].start:toks[i-1].end], ".!?\"“”'‘’«»:"))
			if j-i >= 2 || !sentStart {
				typ := storyline.Person
				for k := i; k < j; k++ {
					w := toks[k].low
					if orgNouns[w] || strings.ToUpper(w) == text[toks[k].start:toks[k].end] && len(w) > 1 {
						typ = storyline.Org
					}
				}
				s, e := toks[i].start, toks[j-1].end
				out = append(out, ment{start: s, end: e, typ: typ, text: stripPossessive(text[s:e])})
			}
			i = j
		}
	}
	return out
}

var stopCaps = wordSet(`the a an in on at of for and but or he she it they we i you his her their its our this that these those
	there here when while after before as if so then however meanwhile also mr mrs ms dr said says`)

// stopCap: a capitalised word that names no one, a month or a day among
// them.
func stopCap(w string) bool { return stopCaps[w] || newstext.English().CalendarName(w) }

// markSkippedByRole marks the paragraphs no quote may come from: those the
// cleaner did not read as the report (a headline, a caption, a crosshead,
// a credit line). A lead keeps its dateline.
func markSkippedByRole(a *storyline.Article, paras []para) {
	for i := range paras {
		if paras[i].end > paras[i].start && !a.RoleAt(paras[i].end-1).Prose() {
			paras[i].skip = true
		}
	}
}

// minLineParagraphs is how many paragraphs a text needs before its shape
// (one sentence each) says it was rebuilt one sentence a line.
const minLineParagraphs = 6

// sentencePerParagraph: nearly every paragraph is a single sentence, the
// shape of text rebuilt from one sentence a line rather than written in
// paragraphs.
func sentencePerParagraph(text string, paras []para) bool {
	return sentencePerParagraphOf(paras, func(i int) []newstext.Span {
		return newstext.Sentences(text[paras[i].start:paras[i].end])
	})
}

// sentencePerParagraphOf is sentencePerParagraph given the sentences of
// paragraph i.
func sentencePerParagraphOf(paras []para, sentencesOf func(i int) []newstext.Span) bool {
	if len(paras) < minLineParagraphs {
		return false
	}
	single := 0
	for i := range paras {
		if len(sentencesOf(i)) <= 1 {
			single++
		}
	}
	return single*10 >= len(paras)*8
}

func hasFinalPunct(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return newstext.IsSpace(r) || isMarkRune(r) || r == ')' })
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':' || r == ';'
}
