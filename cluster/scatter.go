package cluster

import "math"

// Scoring a batch's candidate pairs is most of grouping, and a cosine
// taken by merging two sorted vectors spends its time on branches the CPU
// cannot predict. Within one pass the terms are numbered densely, and the
// vector of the document whose pairs are scored is spread over an array
// indexed by term number: each other vector is then read straight through,
// one load and one multiply a term.

// termNumbers numbers the terms of docs' signatures densely: nums[i][k]
// is the number of docs[i].vec[k].key; n is how many terms there are.
func termNumbers(docs []*doc) (nums [][]int32, n int) {
	number := map[uint64]int32{}
	nums = make([][]int32, len(docs))
	for i, d := range docs {
		ns := make([]int32, len(d.vec))
		for k, f := range d.vec {
			x, ok := number[f.key]
			if !ok {
				x = int32(len(number))
				number[f.key] = x
			}
			ns[k] = x
		}
		nums[i] = ns
	}
	return nums, len(number)
}

// termScatter holds one signature spread by term number; every other
// entry is zero.
type termScatter struct {
	w []float32
}

func newTermScatter(terms int) *termScatter { return &termScatter{w: make([]float32, terms)} }

// load spreads v (its terms numbered by nums) over the array.
func (t *termScatter) load(nums []int32, v vec) {
	for k, x := range nums {
		t.w[x] = v[k].w
	}
}

// unload zeroes what load set.
func (t *termScatter) unload(nums []int32) {
	for _, x := range nums {
		t.w[x] = 0
	}
}

// dot is dot(v, loaded) to the last bit: it adds the products of the terms
// both hold in v's order, which is the merge's, and for every other term of
// v a product with zero, which leaves a sum of finite products unchanged
// (the sum starts at +0 and never becomes -0). Both vectors must be finite
// (finiteVec).
func (t *termScatter) dot(nums []int32, v vec) float64 {
	var s float64
	w := t.w
	for k, x := range nums {
		s += float64(v[k].w) * float64(w[x])
	}
	return s
}

// scatterScores scores pairs of docs as pairScore does, the cosine taken
// against one of the two spread over a termScatter (its loaded document).
// It is shared by the goroutines of a pass, each with a termScatter of its
// own (scatter).
type scatterScores struct {
	docs   []*doc
	nums   [][]int32
	terms  int
	finite []bool // a document's weights are all finite: dot may take it
}

func newScatterScores(docs []*doc) *scatterScores {
	s := &scatterScores{docs: docs, finite: make([]bool, len(docs))}
	s.nums, s.terms = termNumbers(docs)
	for i, d := range docs {
		s.finite[i] = finiteVec(d.vec)
	}
	return s
}

func (s *scatterScores) scatter() *termScatter { return newTermScatter(s.terms) }

// load spreads docs[i] over t, unload takes it off.
func (s *scatterScores) load(t *termScatter, i int) {
	if s.finite[i] {
		t.load(s.nums[i], s.docs[i].vec)
	}
}

func (s *scatterScores) unload(t *termScatter, i int) {
	if s.finite[i] {
		t.unload(s.nums[i])
	}
}

// score is pairScore(docs[a], docs[b]), where t holds docs[loaded], which
// is a or b.
func (s *scatterScores) score(t *termScatter, loaded, a, b int, cfg *Config) float64 {
	x, y := s.docs[a], s.docs[b]
	if !s.finite[a] || !s.finite[b] || copies(x, y, cfg) {
		return pairScore(x, y, cfg)
	}
	other := a
	if a == loaded {
		other = b
	}
	return scoreFromCosine(x, y, t.dot(s.nums[other], s.docs[other].vec), cfg)
}

// finiteVec reports whether every weight of v is a finite number: an
// infinite one times a zero is NaN, where the merge would not multiply it.
func finiteVec(v vec) bool {
	for _, f := range v {
		if math.IsInf(float64(f.w), 0) || math.IsNaN(float64(f.w)) {
			return false
		}
	}
	return true
}
