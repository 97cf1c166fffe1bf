package ner

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
	feats []uint64
	hist  []int
	seen  [nTags * nTags]int32
	// prevScore[p] is the token's score vector given previous tag p.
	prevScore [nTags][nTags]float32
}

type beamCand struct {
	parent int32
	tag    int8
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
	for _, h := range histFeatures(b.feats[:0], toks, i, b.hist[i]) {
		sc.addScores(h, &base)
	}
	var prevDone [nTags]bool
	b.cand = b.cand[:0]
	for _, n := range b.beam {
		prev, prev2 := b.prevTags(n)
		if !prevDone[prev] {
			prevDone[prev] = true
			b.prevScore[prev] = base
			for _, h := range prevFeatures(b.feats[:0], toks, i, prev, b.hist[i]) {
				sc.addScores(h, &b.prevScore[prev])
			}
		}
		scores := b.prevScore[prev]
		sc.addScores(pairFeature(prev2, prev), &scores)
		var s0 float32
		if n >= 0 {
			s0 = b.nodes[n].score
		}
		for t := 0; t < nTags; t++ {
			if allowed(prev, t) {
				b.cand = append(b.cand, beamCand{parent: n, tag: int8(t), score: s0 + scores[t]})
			}
		}
	}
	// Insertion sort: a few dozen candidates, best first, ties by tag.
	for x := 1; x < len(b.cand); x++ {
		c := b.cand[x]
		y := x
		for ; y > 0 && (b.cand[y-1].score < c.score || b.cand[y-1].score == c.score && b.cand[y-1].tag > c.tag); y-- {
			b.cand[y] = b.cand[y-1]
		}
		b.cand[y] = c
	}
	for j := range b.seen {
		b.seen[j] = 0
	}
	b.next = b.next[:0]
	for _, c := range b.cand {
		if len(b.next) >= k {
			break
		}
		prev, _ := b.prevTags(c.parent)
		key := prev*nTags + int(c.tag)
		if b.seen[key] != 0 {
			continue
		}
		b.seen[key] = 1
		b.nodes = append(b.nodes, beamNode{tag: c.tag, parent: c.parent, score: c.score})
		b.next = append(b.next, int32(len(b.nodes)-1))
	}
	b.beam, b.next = b.next, b.beam
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
