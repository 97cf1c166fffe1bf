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
