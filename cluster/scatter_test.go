package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomVec is a sorted signature of n terms drawn from a vocabulary of
// vocab keys, with weights of both signs, zeros among them, normalised.
func randomVec(r *rand.Rand, n, vocab int) vec {
	seen := map[uint64]bool{}
	var v vec
	for len(v) < n && len(seen) < vocab {
		k := uint64(r.IntN(vocab))*0x9e3779b97f4a7c15 + 1
		if seen[k] {
			continue
		}
		seen[k] = true
		w := float32(r.NormFloat64())
		switch r.IntN(10) {
		case 0:
			w = 0
		case 1:
			w = -w
		}
		v = append(v, feature{key: k, w: w})
	}
	sortByKey(v)
	normalize(v)
	return v
}

// The scattered dot product is the merge's to the last bit, whatever the
// overlap: the thresholds of grouping compare these sums.
func TestScatterDotIsMergeDot(t *testing.T) {
	for _, tc := range []struct {
		name         string
		docs, vocab  int
		minLen, span int
	}{
		{"disjoint-ish", 40, 5000, 5, 60},
		{"heavy overlap", 40, 120, 20, 80},
		{"short and long", 40, 400, 0, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, uint64(tc.docs)))
			docs := make([]*doc, tc.docs)
			for i := range docs {
				docs[i] = &doc{vec: randomVec(r, tc.minLen+r.IntN(tc.span), tc.vocab)}
			}
			nums, terms := termNumbers(docs)
			spread := newTermScatter(terms)
			for i, d := range docs {
				spread.load(nums[i], d.vec)
				for j, o := range docs {
					got, want := spread.dot(nums[j], o.vec), dot(o.vec, d.vec)
					if math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("docs %d·%d: scattered %v (%x), merged %v (%x)", j, i, got, math.Float64bits(got), want, math.Float64bits(want))
					}
					// The merge meets the shared terms in key order from
					// either side: refine merges the other way round.
					if back := dot(d.vec, o.vec); math.Float64bits(got) != math.Float64bits(back) {
						t.Fatalf("docs %d·%d: scattered %v, merged from the other side %v", i, j, got, back)
					}
				}
				spread.unload(nums[i])
				if i := slices.IndexFunc(spread.w, func(w float32) bool { return w != 0 }); i >= 0 {
					t.Fatalf("term %d left loaded", i)
				}
			}
		})
	}
}

func TestFiniteVec(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	for _, tc := range []struct {
		name string
		v    vec
		want bool
	}{
		{"empty", nil, true},
		{"ordinary", vec{{1, 0.5}, {2, -0.5}, {3, 0}}, true},
		{"infinite", vec{{1, 0.5}, {2, inf}}, false},
		{"minus infinite", vec{{1, -inf}}, false},
		{"not a number", vec{{1, nan}, {2, 0.1}}, false},
	} {
		if got := finiteVec(tc.v); got != tc.want {
			t.Errorf("%s: finiteVec = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// refine scores a group's pairs through the scattered signatures too:
// localEdges gives every pair pairScore gives more than 0, with its score
// to the bit, all pairs or those of a candidate list.
func TestLocalEdgesScoreAsPairScore(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 8))
	docs := make([]*doc, 80)
	for i := range docs {
		docs[i] = &doc{vec: randomVec(r, 10+r.IntN(40), 150), day: noDay, hash: r.Uint64()}
	}
	docs[9].hash = docs[2].hash // copies
	docs[20].vec[1].w = float32(math.Inf(-1))
	cfg := DefaultConfig()
	want := map[[2]int32]float64{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if s := pairScore(docs[i], docs[j], &cfg); s > 0 {
				want[[2]int32{int32(i), int32(j)}] = s
			}
		}
	}
	if len(want) < 500 {
		t.Fatalf("only %d pairs score: the comparison says little", len(want))
	}
	check := func(how string, edges []edge, want map[[2]int32]float64) {
		t.Helper()
		if len(edges) != len(want) {
			t.Errorf("%s: %d edges, want %d", how, len(edges), len(want))
		}
		for _, e := range edges {
			w, ok := want[[2]int32{e.i, e.j}]
			if !ok || math.Float64bits(w) != math.Float64bits(e.s) {
				t.Fatalf("%s: edge %d–%d scores %v, pairScore %v (%v)", how, e.i, e.j, e.s, w, ok)
			}
		}
	}
	check("all pairs", localEdges(docs, nil, &cfg), want)
	// Each document with the next three.
	some := map[[2]int32]float64{}
	for k, s := range want {
		if k[1]-k[0] <= 3 {
			some[k] = s
		}
	}
	check("listed pairs", localEdges(docs, func(i int) []int32 {
		var js []int32
		for j := i + 1; j <= i+3 && j < len(docs); j++ {
			js = append(js, int32(j))
		}
		return js
	}, &cfg), some)
}

// candidateEdges scores through the scattered signatures, but its edges
// are those pairScore gives every pair it finds, copies and documents
// with a non-finite weight included.
func TestCandidateEdgesScoreAsPairScore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	docs := make([]*doc, 150)
	for i := range docs {
		docs[i] = &doc{vec: randomVec(r, 10+r.IntN(60), 300), day: noDay, hash: r.Uint64()}
	}
	docs[7].hash = docs[3].hash // a copy
	docs[11].vec[0].w = float32(math.Inf(1))
	cfg := DefaultConfig()
	cfg.MinShared = 1
	edges, err := candidateEdges(context.Background(), docs, &cfg, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) < len(docs) {
		t.Fatalf("only %d edges among %d documents: the test needs pairs", len(edges), len(docs))
	}
	copyEdge, infEdge := false, false
	for _, e := range edges {
		want := pairScore(docs[e.j], docs[e.i], &cfg)
		if math.Float64bits(e.s) != math.Float64bits(want) {
			t.Fatalf("edge %d–%d: %v, pairScore %v", e.i, e.j, e.s, want)
		}
		copyEdge = copyEdge || e.i == 3 && e.j == 7
		infEdge = infEdge || e.i == 11 || e.j == 11
	}
	if !copyEdge {
		t.Error("the copies 3 and 7 are no edge")
	}
	if !infEdge {
		t.Error("document 11, with an infinite weight, is in no edge: the merge's path is not tried")
	}
}

// docOf weighs terms kept in key order without a map; the vector is
// weigh's, and terms out of order go to weigh.
func TestWeighSortedIsWeigh(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 7))
	idf := func(k uint64) float64 { return 1 + float64(k%97)/13 }
	for range 200 {
		v := randomVec(r, r.IntN(80), 400)
		terms := make([]Term, len(v))
		raw := map[uint64]float32{}
		for i, f := range v {
			w := float32(r.IntN(5000)) / 1000
			terms[i] = Term{Key: f.key, W: w}
			raw[f.key] = w
		}
		got, ok := weighSorted(terms, idf)
		want := weigh(raw, idf)
		if !ok || !slices.Equal(got, want) {
			t.Fatalf("weighSorted = %v, %v; weigh %v", got, ok, want)
		}
	}
	for _, terms := range [][]Term{{{Key: 5}, {Key: 3}}, {{Key: 3}, {Key: 3}}} {
		if _, ok := weighSorted(terms, idf); ok {
			t.Errorf("weighSorted(%v) took terms out of order", terms)
		}
	}
}
