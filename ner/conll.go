package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/newstext"
)

// Sentence is one sentence of a CoNLL file: its tokens and, when the file
// has them, its gold IOB2 tags (last column). DocStart marks a -DOCSTART-
// line, kept so that output can echo it.
type Sentence struct {
	Tokens   []string
	Tags     []string
	DocStart bool
}

// ReadCoNLL reads a CoNLL file: one token per line, the first column is the
// token, the last column (when there are at least two) its tag; blank lines
// end sentences. IOB1 tags are converted to IOB2. A -DOCSTART- line becomes
// a Sentence with DocStart set and no tokens.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			if cur.Tags != nil {
				cur.Tags = toIOB2(cur.Tags)
			}
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			out = append(out, Sentence{DocStart: true})
			continue
		}
		cur.Tokens = append(cur.Tokens, fields[0])
		if len(fields) >= 2 {
			cur.Tags = append(cur.Tags, fields[len(fields)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conll line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// ReadCoNLLFile reads a CoNLL file by name.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// toIOB2 turns IOB1 (I- may start an entity) into IOB2; unknown tags become O.
func toIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prevType := ""
	for i, t := range tags {
		typ, begin := "", false
		switch {
		case strings.HasPrefix(t, "B-"):
			typ, begin = t[2:], true
		case strings.HasPrefix(t, "I-"):
			typ = t[2:]
			begin = prevType != typ
		}
		if TagIndex("B-"+typ) < 0 {
			typ = ""
		}
		if typ == "" {
			out[i] = "O"
		} else if begin {
			out[i] = "B-" + typ
		} else {
			out[i] = "I-" + typ
		}
		prevType = typ
	}
	return out
}

// Documents groups sentences into documents at -DOCSTART- markers; a file
// without any (the CoNLL-2003 files in ../shared) is cut where its Reuters
// reports begin (MarkDocuments).
func Documents(sents []Sentence) [][]Sentence {
	sents = MarkDocuments(sents)
	var docs [][]Sentence
	var cur []Sentence
	for _, s := range sents {
		if s.DocStart {
			if len(cur) > 0 {
				docs = append(docs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, s)
	}
	if len(cur) > 0 {
		docs = append(docs, cur)
	}
	return docs
}

// MarkDocuments returns sents with a DocStart entry before each Reuters
// report when sents has no -DOCSTART- marker at all; otherwise sents as it
// is. Documents are what the tagger's document memory and the
// cross-validation folds are made of: running reports together would let
// one report's names type the next one's.
func MarkDocuments(sents []Sentence) []Sentence {
	starts := reportStarts(sents)
	if starts == nil {
		return sents
	}
	out := make([]Sentence, 0, len(sents)+len(starts))
	for i, s := range sents {
		if starts[i] {
			out = append(out, Sentence{DocStart: true})
		}
		out = append(out, s)
	}
	return out
}

// reportStarts returns the indexes of the sentences that begin a Reuters
// report, or nil when sents has -DOCSTART- markers or no dateline. A report
// is a headline, sometimes a byline, then a dateline ("BRUSSELS
// 1996-08-22"); the first sentence always begins one.
func reportStarts(sents []Sentence) map[int]bool {
	starts := map[int]bool{0: true}
	for i, s := range sents {
		if s.DocStart {
			return nil
		}
		if i == 0 || !isDateline(s.Tokens) {
			continue
		}
		start := i - 1
		if start > 0 && isByline(sents[start].Tokens) {
			start--
		}
		starts[start] = true
	}
	if len(starts) == 1 {
		return nil
	}
	return starts
}

// isDateline reports whether a sentence is a Reuters dateline: a short line
// ending in an ISO date ("NEW YORK 1996-08-22").
func isDateline(toks []string) bool {
	if len(toks) == 0 || len(toks) > 6 {
		return false
	}
	d := toks[len(toks)-1]
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i != 4 && i != 7 && (d[i] < '0' || d[i] > '9') {
			return false
		}
	}
	return true
}

// isByline reports whether a sentence is a reporter's name between
// headline and dateline ("Peter Blackburn", "Geert de Clercq"): two to four
// words, capitalised but not in capitals, or name particles.
func isByline(toks []string) bool {
	if len(toks) < 2 || len(toks) > 4 {
		return false
	}
	for _, w := range toks {
		switch {
		case newstext.English().SurnameParticle(w):
		case startsUpper(w) && strings.ContainsFunc(w, unicode.IsLower) && isLetters(w):
		default:
			return false
		}
	}
	return true
}

// TagCoNLL tags every sentence, document by document (-DOCSTART- markers,
// or the reports found by MarkDocuments), and returns the predicted IOB2
// tags, parallel to sents (nil for DocStart entries).
func (m *Tagger) TagCoNLL(sents []Sentence) [][]string {
	out := make([][]string, len(sents))
	starts := reportStarts(sents)
	var doc [][]string
	var idx []int
	flush := func() {
		tags := m.TagTokens(doc)
		for k, i := range idx {
			out[i] = tags[k]
		}
		doc, idx = doc[:0], idx[:0]
	}
	for i, s := range sents {
		if s.DocStart || starts[i] {
			flush()
		}
		if s.DocStart {
			continue
		}
		doc = append(doc, s.Tokens)
		idx = append(idx, i)
	}
	flush()
	return out
}

// chunk is one entity span [start, end) of a sentence with its type.
type chunk struct {
	start, end int
	typ        string
}

// chunks extracts entities from IOB2 tags; a stray I- starts an entity
// (conlleval semantics).
func chunks(tags []string) []chunk {
	var out []chunk
	cur := -1
	for i, t := range tags {
		typ := ""
		begin := false
		if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
			typ = t[2:]
			begin = t[0] == 'B'
		}
		if cur >= 0 && (typ == "" || begin || out[cur].typ != typ) {
			out[cur].end = i
			cur = -1
		}
		if typ != "" && cur < 0 {
			out = append(out, chunk{start: i, typ: typ})
			cur = len(out) - 1
		}
	}
	if cur >= 0 {
		out[cur].end = len(tags)
	}
	return out
}

// Score is precision, recall and F1 over exact (span, type) matches.
type Score struct {
	Type                   string
	Gold, Predicted, Right int
	Precision, Recall, F1  float64
}

func (s *Score) compute() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Right) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Right) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Evaluate compares predicted with gold tags, sentence by sentence, and
// returns the overall score followed by one per entity type (sorted).
func Evaluate(gold, pred [][]string) []Score {
	all := &Score{Type: "overall"}
	by := map[string]*Score{}
	get := func(t string) *Score {
		if by[t] == nil {
			by[t] = &Score{Type: t}
		}
		return by[t]
	}
	for i := range gold {
		var p []string
		if i < len(pred) {
			p = pred[i]
		}
		gc, pc := chunks(gold[i]), chunks(p)
		set := map[chunk]bool{}
		for _, c := range gc {
			set[c] = true
			all.Gold++
			get(c.typ).Gold++
		}
		for _, c := range pc {
			all.Predicted++
			get(c.typ).Predicted++
			if set[c] {
				all.Right++
				get(c.typ).Right++
			}
		}
	}
	all.compute()
	out := []Score{*all}
	types := make([]string, 0, len(by))
	for t := range by {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		by[t].compute()
		out = append(out, *by[t])
	}
	return out
}

// EvalCoNLL tags the sentences and scores them against their gold tags:
// the overall score, one per entity type (sorted), and last one of Type
// "unseen", over the entities whose words never form an entity in the
// tagger's training data. Held-out news names many people and firms the
// training data never saw, so the unseen score says more about held-out
// text than the overall one.
func (m *Tagger) EvalCoNLL(sents []Sentence) []Score {
	pred := m.TagCoNLL(sents)
	var g, p [][]string
	var toks [][]string
	for i, s := range sents {
		if s.DocStart {
			continue
		}
		g = append(g, s.Tags)
		p = append(p, pred[i])
		toks = append(toks, s.Tokens)
	}
	return append(Evaluate(g, p), m.unseenScore(toks, g, p))
}

// unseenScore scores the entities, gold or predicted, that are not in the
// gazetteer of the training data.
func (m *Tagger) unseenScore(toks, gold, pred [][]string) Score {
	s := Score{Type: "unseen"}
	var lowers []string
	unseen := func(sent []string, c chunk) bool {
		lowers = lowers[:0]
		for _, w := range sent[c.start:c.end] {
			lowers = append(lowers, makeInfo(w, nil).lower)
		}
		return !m.gaz.has(lowers)
	}
	for i := range gold {
		set := map[chunk]bool{}
		for _, c := range chunks(gold[i]) {
			if unseen(toks[i], c) {
				set[c] = true
				s.Gold++
			}
		}
		for _, c := range chunks(pred[i]) {
			if unseen(toks[i], c) {
				s.Predicted++
				if set[c] {
					s.Right++
				}
			}
		}
	}
	s.compute()
	return s
}
