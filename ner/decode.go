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
// again, so that a long text does not type a name by a namesake far away.
const memWindow = 2000

func newDocMemory() *docMemory { return &docMemory{m: map[string]*memEntry{}} }

func (d *docMemory) reset() {
	clear(d.m)
	d.pos = 0
}

// remembered reports whether the memory keeps (and answers for) token t:
// capitalised words, not single capitals.
func remembered(t *tokInfo) bool {
	return t.flags&fHasUpper != 0 && (t.flags&fHasLower != 0 || len(t.lower) >= 2)
}

// hists appends, for each token of a sentence about to be tagged, the
// majority type given so far to its word (majorityType); a nil memory
// knows nothing.
func (d *docMemory) hists(toks []tokInfo, dst []int) []int {
	for i := range toks {
		h := 0
		if d != nil && remembered(&toks[i]) {
			if e := d.m[toks[i].lower]; e != nil && d.pos-e.last <= memWindow {
				h = majorityType(e.counts)
			}
		}
		dst = append(dst, h)
	}
	return dst
}

// maxHist is the largest code majorityType gives.
const maxHist = 5

// majorityType codes a word's type counts: 1..4 for the most frequent
// entity type, 5 when it was always outside entities, 0 without counts. A
// tie goes to the lower type index.
func majorityType(counts [5]int32) int {
	best, bc := 0, int32(0)
	for k, c := range counts {
		if c > bc {
			best, bc = k, c
		}
	}
	switch {
	case bc == 0:
		return 0
	case best == 0:
		return 5
	}
	return best
}

// record adds the tags chosen for a sentence.
func (d *docMemory) record(toks []tokInfo, tags []int) {
	if d == nil {
		return
	}
	for i := range toks {
		d.pos++
		t := &toks[i]
		if t.flags&fHasUpper == 0 {
			continue
		}
		e := d.m[t.lower]
		if e == nil {
			e = &memEntry{}
			d.m[t.lower] = e
		} else if d.pos-e.last > memWindow {
			*e = memEntry{}
		}
		e.counts[tagType(tags[i])]++
		e.last = d.pos
	}
}

// docProfile is the type counts of the capitalised words of a whole
// document after a first tagging pass. A second pass reads it instead of
// the memory, so that a word's type also follows its later mentions: when
// a headline's "Barrick" was taken for a person, "Barrick Gold Corp" and
// "Barrick shares" further down still make it a company.
type docProfile map[string]*[5]int32

func newDocProfile(infos [][]tokInfo, tags [][]int) docProfile {
	p := docProfile{}
	for s := range infos {
		for i := range infos[s] {
			t := &infos[s][i]
			if t.flags&fHasUpper == 0 {
				continue
			}
			c := p[t.lower]
			if c == nil {
				c = &[5]int32{}
				p[t.lower] = c
			}
			c[tagType(tags[s][i])]++
		}
	}
	return p
}

// hists appends what docMemory.hists would for the sentence, from the
// other mentions of each word in the whole document: the token's own
// first-pass tag is left out, so that a name mentioned once keeps no
// memory of itself.
func (p docProfile) hists(toks []tokInfo, tags []int, dst []int) []int {
	for i := range toks {
		h := 0
		if remembered(&toks[i]) {
			if c := p[toks[i].lower]; c != nil {
				counts := *c
				counts[tagType(tags[i])]--
				h = majorityType(counts)
			}
		}
		dst = append(dst, h)
	}
	return dst
}

// decodeState is reusable scratch space for tagging one sentence.
type decodeState struct {
	feats []uint64
}

// tagSentence tags one sentence greedily left to right. static[i] are the
// static feature hashes of token i, hist[i] its document memory. With gold != nil it trains: after each
// token, update is called with the features and the gold and predicted tags
// (and history goes on with the predicted tag).
func tagSentence(sc scorer, toks []tokInfo, static [][]uint64, hist []int, st *decodeState,
	out []int, gold []int, update func(feats []uint64, gold, pred int)) []int {
	out = out[:0]
	prev, prev2 := 0, 0
	for i := range toks {
		scores := staticScores(sc, static[i])
		st.feats = dynFeatures(st.feats[:0], toks, i, prev, prev2, hist[i])
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
		prev2, prev = prev, best
	}
	return out
}
