package ner

import "slices"

// Beam search over tag sequences. Items whose last two tags agree have the
// same future (features look back two tags), so only the best of them is
// kept: with a beam of nTags² this is exact second-order Viterbi.

type beamNode struct {
	tag    int8
	parent int32 // index in nodes of the previous token's node, -1 at start
	score  float32
}

type beamState struct {
	nodes []beamNode
	beam  []int32
	next  []int32
	cand  []beamCand
	top   []beamCand // the best candidates of a step, best first
	feats []uint64
	hist  []int
	// prevScore[p] is the token's score vector given previous tag p.
	prevScore [nTags][nTags]float32
	// base and scores are step's working rows. They live here because
	// the scorer is an interface: a row of step's own whose address it
	// passes on would be allocated on every token and every beam item.
	base, scores [nTags]float32
}

type beamCand struct {
	parent int32
	tag    int8
	prev   int8 // the tag of parent, 0 at the start
	score  float32
}

func (b *beamState) prevTags(n int32) (prev, prev2 int) {
	if n < 0 {
		return 0, 0
	}
	prev = int(b.nodes[n].tag)
	if p := b.nodes[n].parent; p >= 0 {
		prev2 = int(b.nodes[p].tag)
	}
	return prev, prev2
}

// staticScores sums the weights of the static features of a token.
func staticScores(sc scorer, static []uint64) [nTags]float32 {
	var s [nTags]float32
	for _, h := range static {
		sc.addScores(h, &s)
	}
	return s
}

// step extends every item of the beam by one token, whose static features
// score base, and keeps the best k.
func (b *beamState) step(sc scorer, toks []tokInfo, base [nTags]float32, i, k int) {
	// A model that no longer changes (not training) reads the features of
	// tags alone from its arrays and the rest by direct lookups.
	fixed, _ := sc.(*Tagger)
	if fixed != nil && fixed.tagOnly == nil {
		fixed = nil
	}
	b.base = base
	b.addHist(sc, fixed, toks, i, &b.base)
	var prevDone [nTags]bool
	b.cand = b.cand[:0]
	for _, n := range b.beam {
		prev, prev2 := b.prevTags(n)
		if !prevDone[prev] {
			prevDone[prev] = true
			b.prevScore[prev] = b.base
			b.addPrev(sc, fixed, toks, i, prev, &b.prevScore[prev])
		}
		b.scores = b.prevScore[prev]
		if fixed != nil {
			addRow(&b.scores, &fixed.tagOnly.pair[prev2][prev])
		} else {
			sc.addScores(pairFeature(prev2, prev), &b.scores)
		}
		b.extend(n, prev, &b.scores)
	}
	b.keep(k)
}

// addHist adds the weights of histFeatures to scores; with fixed, in the
// same order, so that every score is the same to the last bit.
func (b *beamState) addHist(sc scorer, fixed *Tagger, toks []tokInfo, i int, scores *[nTags]float32) {
	hist := b.hist[i]
	if fixed == nil {
		for _, h := range histFeatures(b.feats[:0], toks, i, hist) {
			sc.addScores(h, scores)
		}
		return
	}
	if hist != 0 {
		addRow(scores, &fixed.tagOnly.hist[hist])
		fixed.addScores(histShapeFeature(hist, toks[i].shape), scores)
	}
}

// addPrev adds the weights of prevFeatures to scores, as addHist does.
func (b *beamState) addPrev(sc scorer, fixed *Tagger, toks []tokInfo, i, prev int, scores *[nTags]float32) {
	hist := b.hist[i]
	if fixed == nil {
		for _, h := range prevFeatures(b.feats[:0], toks, i, prev, hist) {
			sc.addScores(h, scores)
		}
		return
	}
	t0 := &toks[i]
	addRow(scores, &fixed.tagOnly.prev[prev])
	if !t0.hide {
		fixed.addScores(prevTagLowerFeature(prev, t0.lower), scores)
	}
	fixed.addScores(prevTagShapeFeature(prev, t0.shape), scores)
	if hist != 0 {
		addRow(scores, &fixed.tagOnly.histPrev[hist][prev])
	}
}

// extend offers item n, whose last tag is prev, followed by each tag that
// may follow prev, scored by scores.
func (b *beamState) extend(n int32, prev int, scores *[nTags]float32) {
	var s0 float32
	if n >= 0 {
		s0 = b.nodes[n].score
	}
	for t := 0; t < nTags; t++ {
		if allowed(prev, t) {
			b.cand = append(b.cand, beamCand{parent: n, tag: int8(t), prev: int8(prev), score: s0 + scores[t]})
		}
	}
}

// keep makes the best k candidates, one per last two tags, the beam, best
// first: candidates rank by score, then by tag, then by when they were
// offered, and a candidate is passed over when a better one ends in the
// same two tags. Only the best k are kept while reading the candidates,
// since sorting them all was a tenth of tagging.
func (b *beamState) keep(k int) {
	b.next = b.next[:0]
	top := b.top[:0]
	for _, c := range b.cand {
		// Most candidates rank below a full beam's last: they beat no item
		// of it, so neither take an item's place nor enter.
		if len(top) == k && !c.beats(top[k-1]) {
			continue
		}
		top = offer(top, c, k)
	}
	for _, c := range top {
		b.nodes = append(b.nodes, beamNode{tag: c.tag, parent: c.parent, score: c.score})
		b.next = append(b.next, int32(len(b.nodes)-1))
	}
	b.top = top
	b.beam, b.next = b.next, b.beam
}

// offer gives candidate c its place among top, the best k so far (best
// first, one per last two tags): it takes the place of an item ending in
// the same two tags only if it beats it, and enters only within the first
// k.
func offer(top []beamCand, c beamCand, k int) []beamCand {
	key := int(c.prev)*nTags + int(c.tag)
	at := -1
	for x := range top {
		if int(top[x].prev)*nTags+int(top[x].tag) == key {
			at = x
			break
		}
	}
	if at >= 0 {
		if !c.beats(top[at]) {
			return top
		}
		top = append(top[:at], top[at+1:]...)
	}
	x := len(top)
	for x > 0 && c.beats(top[x-1]) {
		x--
	}
	if x >= k {
		return top
	}
	top = slices.Insert(top, x, c)
	if len(top) > k {
		top = top[:k]
	}
	return top
}

// beats tells whether c, offered after o, ranks before it.
func (c beamCand) beats(o beamCand) bool {
	return c.score > o.score || c.score == o.score && c.tag < o.tag
}

func (b *beamState) reset(hist []int) {
	b.nodes = b.nodes[:0]
	b.beam = append(b.beam[:0], -1)
	b.hist = hist
}

// path returns the tags of the path ending at node n.
func (b *beamState) path(n int32, out []int) []int {
	start := len(out)
	for ; n >= 0; n = b.nodes[n].parent {
		out = append(out, int(b.nodes[n].tag))
	}
	for x, y := start, len(out)-1; x < y; x, y = x+1, y-1 {
		out[x], out[y] = out[y], out[x]
	}
	return out
}

// beamTag decodes one sentence with a beam of width k; bases[i] are the
// static scores of token i and hist[i] its document memory.
func beamTag(sc scorer, toks []tokInfo, bases [][nTags]float32, hist []int, b *beamState, k int, out []int) []int {
	b.reset(hist)
	for i := range toks {
		b.step(sc, toks, bases[i], i, k)
	}
	return b.path(b.beam[0], out[:0])
}

// beamTrain runs one early-update perceptron step on a sentence: decoding
// stops as soon as the gold prefix falls out of the beam, and the features
// of the gold prefix are promoted and those of the best beam prefix demoted.
// It returns the predicted prefix (for statistics).
func beamTrain(tw *trainWeights, toks []tokInfo, static [][]uint64, hist []int, b *beamState, k int, gold []int, out []int) []int {
	b.reset(hist)
	updated := false
	for i := range toks {
		// Scored as the weights are now: an update changes them midway.
		b.step(tw, toks, staticScores(tw, static[i]), i, k)
		if updated {
			continue // decode on: the document memory records the output
		}
		// Is the gold prefix still in the beam?
		in := false
		for _, n := range b.beam {
			if b.prefixIsGold(n, gold, i) {
				in = true
				break
			}
		}
		if !in {
			out = b.path(b.beam[0], out[:0])
			tw.updatePrefix(toks, static, b, gold[:i+1], out, b.hist)
			updated = true
		}
	}
	out = b.path(b.beam[0], out[:0])
	if !updated && !equalInts(out, gold) {
		tw.updatePrefix(toks, static, b, gold, out, b.hist)
	}
	return out
}

// beamTrainMaxViolation decodes the whole sentence and updates at the step
// where the best beam item beats the gold prefix by the widest margin
// (Huang et al. 2012), which converges faster than early update.
func beamTrainMaxViolation(tw *trainWeights, toks []tokInfo, static [][]uint64, hist []int, b *beamState, k int, gold []int, out []int) []int {
	b.reset(hist)
	var goldScore float32
	bestStep, bestNode := -1, int32(-1)
	var maxViol float32
	gp, gp2 := 0, 0
	for i := range toks {
		b.step(tw, toks, staticScores(tw, static[i]), i, k)
		var sc [nTags]float32
		b.feats = dynFeatures(b.feats[:0], toks, i, gp, gp2, b.hist[i])
		b.feats = append(b.feats, static[i]...)
		for _, h := range b.feats {
			tw.addScores(h, &sc)
		}
		goldScore += sc[gold[i]]
		gp2, gp = gp, gold[i]
		top := b.beam[0]
		if v := b.nodes[top].score - goldScore; v >= maxViol && !b.prefixIsGold(top, gold, i) {
			maxViol, bestStep, bestNode = v, i, top
		}
	}
	out = b.path(b.beam[0], out[:0])
	if bestStep >= 0 {
		pred := b.path(bestNode, nil)
		tw.updatePrefix(toks, static, b, gold[:bestStep+1], pred, b.hist)
	}
	return out
}

func (b *beamState) prefixIsGold(n int32, gold []int, i int) bool {
	for ; n >= 0; n = b.nodes[n].parent {
		if int(b.nodes[n].tag) != gold[i] {
			return false
		}
		i--
	}
	return true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// updatePrefix promotes the features of the gold prefix and demotes those of
// the predicted one, position by position where they differ.
func (tw *trainWeights) updatePrefix(toks []tokInfo, static [][]uint64, b *beamState, gold, pred []int, hist []int) {
	gp, gp2, pp, pp2 := 0, 0, 0, 0
	for j := range gold {
		g, p := gold[j], pred[j]
		if g != p || gp != pp || gp2 != pp2 {
			b.feats = dynFeatures(b.feats[:0], toks, j, gp, gp2, hist[j])
			b.feats = append(b.feats, static[j]...)
			tw.bump(b.feats, g, 1)
			b.feats = dynFeatures(b.feats[:0], toks, j, pp, pp2, hist[j])
			b.feats = append(b.feats, static[j]...)
			tw.bump(b.feats, p, -1)
		}
		gp2, gp = gp, g
		pp2, pp = pp, p
	}
}

func (tw *trainWeights) bump(feats []uint64, tag int, d float32) {
	for _, h := range feats {
		r := tw.row(h)*nTags + tag
		tw.w[r] += d
		tw.u[r] += float64(d) * tw.c
	}
}
