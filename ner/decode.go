package ner

// scorer adds the weights of feature h to scores.
type scorer interface {
	addScores(h uint64, scores *[nTags]float32)
}

// docMemory remembers which types the capitalised words of the current
// document were given, so that "Sherman" late in an article is tagged like
// "Wendy Sherman" early on (extended prediction history).
type docMemory struct {
	m   map[string]*memEntry
	pos int
}

type memEntry struct {
	counts [5]int32 // index 0 = O, 1..4 = entity types
	last   int
}

// memWindow is how many tokens a memory entry lives without being seen
// again; CoNLL files have no document boundaries, so memory slides.
const memWindow = 2000

func newDocMemory() *docMemory { return &docMemory{m: map[string]*memEntry{}} }

func (d *docMemory) reset() {
	clear(d.m)
	d.pos = 0
}

// hist returns the majority type given so far to a capitalised word: 1..4
// for entity types, 5 for "always O", 0 when unseen.
func (d *docMemory) hist(t *tokInfo) int {
	if d == nil || t.flags&fHasUpper == 0 || t.flags&fHasLower == 0 && len(t.lower) < 2 {
		return 0
	}
	e := d.m[t.lower]
	if e == nil || d.pos-e.last > memWindow {
		return 0
	}
	best, bc := 0, int32(0)
	for k, c := range e.counts {
		if c > bc {
			best, bc = k, c
		}
	}
	if bc == 0 {
		return 0
	}
	if best == 0 {
		return 5
	}
	return best
}

func (d *docMemory) record(t *tokInfo, tag int) {
	if d == nil {
		return
	}
	d.pos++
	if t.flags&fHasUpper == 0 {
		return
	}
	e := d.m[t.lower]
	if e == nil || d.pos-e.last > memWindow {
		if e == nil {
			e = &memEntry{}
			d.m[t.lower] = e
		} else {
			*e = memEntry{}
		}
	}
	e.counts[tagType(tag)]++
	e.last = d.pos
}

// decodeState is reusable scratch space for tagging one sentence.
type decodeState struct {
	feats []uint64
}

// tagSentence tags one sentence greedily left to right. static[i] are the
// static feature hashes of token i. With gold != nil it trains: after each
// token, update is called with the features and the gold and predicted tags
// (and history goes on with the predicted tag).
func tagSentence(sc scorer, toks []tokInfo, static [][]uint64, mem *docMemory, st *decodeState,
	out []int, gold []int, update func(feats []uint64, gold, pred int)) []int {
	out = out[:0]
	prev, prev2 := 0, 0
	for i := range toks {
		var scores [nTags]float32
		for _, h := range static[i] {
			sc.addScores(h, &scores)
		}
		hist := mem.hist(&toks[i])
		st.feats = dynFeatures(st.feats[:0], toks, i, prev, prev2, hist)
		for _, h := range st.feats {
			sc.addScores(h, &scores)
		}
		best := -1
		for t := 0; t < nTags; t++ {
			if !allowed(prev, t) {
				continue
			}
			if best < 0 || scores[t] > scores[best] {
				best = t
			}
		}
		if gold != nil && best != gold[i] {
			update(append(st.feats, static[i]...), gold[i], best)
		}
		out = append(out, best)
		mem.record(&toks[i], best)
		prev2, prev = prev, best
	}
	return out
}
