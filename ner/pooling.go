package ner

import (
	"cmp"
	"slices"
)

// docContext pools, for each capitalised word of a document, the contexts
// of all its capitalised mentions, so that every mention of "Cofinec" sees
// that another one reads "Cofinec S.A." or "Cofinec 's shares": a name's
// type shows in some of its contexts and not in others, and a name never
// seen in training is typed by all of them (context aggregation, Ratinov
// & Roth 2009). It also knows which words the document writes in lower
// case too ("such" for "Such"), which are unlikely names.
type docContext struct {
	// pooled maps a word to its mentions' context features, the most
	// frequent first.
	pooled map[string][]contextCount
	lower  map[string]bool
}

type contextCount struct {
	h uint64
	n int32
}

// maxPooled bounds the pooled context features of one token, so that a
// word mentioned fifty times costs no more than one mentioned ten times.
const maxPooled = 24

// pooledWord reports whether token t takes part in context pooling.
func pooledWord(t *tokInfo) bool {
	return t.flags&fHasUpper != 0 && t.flags&fPunct == 0
}

// newDocContext pools the contexts of a document's sentences.
func newDocContext(doc [][]tokInfo) *docContext {
	var cb contextBuilder
	return cb.build(doc)
}

// contextKey is one context of one capitalised word.
type contextKey struct {
	word string
	h    uint64
}

// contextBuilder builds docContexts, keeping its maps and arrays from one
// document to the next: built afresh, they were a tenth of what an ingest
// allocated for tagging. The docContext it returns is valid until the
// next build.
type contextBuilder struct {
	counts  map[contextKey]int32
	perWord map[string]int32
	lists   []contextCount
	dc      docContext
}

// maxKeptContexts bounds the contexts a builder keeps room for between
// documents, so that one very long document does not hold its memory
// for the rest of a run.
const maxKeptContexts = 1 << 14

func (cb *contextBuilder) build(doc [][]tokInfo) *docContext {
	if cb.counts == nil || len(cb.counts) > maxKeptContexts {
		cb.counts = map[contextKey]int32{}
		cb.perWord = map[string]int32{}
		cb.dc = docContext{lower: map[string]bool{}, pooled: map[string][]contextCount{}}
	} else {
		clear(cb.counts)
		clear(cb.perWord)
		clear(cb.dc.lower)
		clear(cb.dc.pooled)
	}
	counts, dc := cb.counts, &cb.dc
	var buf [nMentionContexts]uint64
	for _, toks := range doc {
		for i := range toks {
			t := &toks[i]
			if !pooledWord(t) {
				if t.flags&fHasLower != 0 {
					dc.lower[t.lower] = true
				}
				continue
			}
			for _, h := range mentionContexts(buf[:0], toks, i) {
				counts[contextKey{t.lower, h}]++
			}
		}
	}
	// Each word's list is a stretch of one array: counted first, then
	// filled up to its length.
	for k := range counts {
		cb.perWord[k.word]++
	}
	if cap(cb.lists) < len(counts) || cap(cb.lists) > maxKeptContexts && len(counts) <= maxKeptContexts {
		cb.lists = make([]contextCount, len(counts))
	}
	lists := cb.lists[:len(counts)]
	at := 0
	for w, n := range cb.perWord {
		dc.pooled[w] = lists[at : at : at+int(n)]
		at += int(n)
	}
	for k, n := range counts {
		dc.pooled[k.word] = append(dc.pooled[k.word], contextCount{k.h, n})
	}
	for _, list := range dc.pooled {
		slices.SortFunc(list, func(a, b contextCount) int {
			if a.n != b.n {
				return cmp.Compare(b.n, a.n)
			}
			return cmp.Compare(a.h, b.h)
		})
	}
	return dc
}

// nMentionContexts is the number of features mentionContexts gives.
const nMentionContexts = 6

// mentionContexts appends the context features of token i: its neighbours,
// the words just outside the run of capitalised words it is part of, and
// the first and last words of that run when they are other words
// ("Brush" in "shares of Brush Wellman Inc rose": "of", "wellman", "of",
// "rose", none, "inc"). The last word of a name often says its type
// ("Corp", "SpA", "Party"), and every other mention learns it.
func mentionContexts(dst []uint64, toks []tokInfo, i int) []uint64 {
	word := func(k int) string {
		if k < 0 || k >= len(toks) {
			return padInfo.lower
		}
		return toks[k].lower
	}
	a, b := i, i+1
	for a > 0 && pooledWord(&toks[a-1]) {
		a--
	}
	for b < len(toks) && pooledWord(&toks[b]) {
		b++
	}
	dst = append(dst,
		finalize(hstr(tmpl(tPoolM1), word(i-1))),
		finalize(hstr(tmpl(tPoolP1), word(i+1))),
		finalize(hstr(tmpl(tPoolBefore), word(a-1))),
		finalize(hstr(tmpl(tPoolAfter), word(b))))
	first, last := padInfo.lower, padInfo.lower
	if a < i {
		first = word(a)
	}
	if b-1 > i {
		last = word(b - 1)
	}
	return append(dst, finalize(hstr(tmpl(tPoolRunFirst), first)), finalize(hstr(tmpl(tPoolRunLast), last)))
}

// features appends the pooled features of token i: the contexts of the
// other mentions of its word (its own left out), most frequent first, and
// whether the document also writes the word in lower case.
func (dc *docContext) features(dst []uint64, toks []tokInfo, i int) []uint64 {
	t := &toks[i]
	if dc == nil || !pooledWord(t) {
		return dst
	}
	if dc.lower[t.lower] {
		dst = append(dst, finalize(hbyte(tmpl(tPoolLowerToo), t.flags&(fTitle|fAllCaps))))
	}
	list := dc.pooled[t.lower]
	if len(list) == 0 {
		return dst
	}
	var own [nMentionContexts]uint64
	mentionContexts(own[:0], toks, i)
	added := 0
	for _, c := range list {
		n := c.n
		for _, o := range own {
			if o == c.h {
				n--
			}
		}
		if n <= 0 {
			continue
		}
		// Rehashed, so that a pooled context is not the token's own.
		dst = append(dst, finalize(c.h^poolSalt))
		if added++; added == maxPooled {
			break
		}
	}
	return dst
}

const poolSalt = 0x5bd1e995
