package cluster

import (
	"container/heap"
	"math/rand/v2"
	"testing"
)

// refLinks is the same order through container/heap, which grouping used
// before: the two must pop the same links in the same order.
type refLinks []link

func (h refLinks) Len() int           { return len(h) }
func (h refLinks) Less(i, j int) bool { return h[i].before(h[j]) }
func (h refLinks) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *refLinks) Push(x any)        { *h = append(*h, x.(link)) }
func (h *refLinks) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func TestHeapPopsAsContainerHeap(t *testing.T) {
	for _, tc := range []struct {
		name        string
		n, scores   int
		popEvery    int
		fixedScores bool
	}{
		{"distinct scores", 500, 1 << 20, 3, false},
		{"many ties", 500, 4, 2, false},
		{"equal links pushed twice", 300, 2, 5, true},
		{"one", 1, 1, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(11, uint64(tc.n)))
			var got []link
			want := &refLinks{}
			pop := func() {
				g, w := heapPop(&got), heap.Pop(want).(link)
				if g != w {
					t.Fatalf("popped %+v, container/heap %+v", g, w)
				}
			}
			for i := range tc.n {
				l := link{s: float64(r.IntN(tc.scores)) / 4, a: int32(r.IntN(20)), b: int32(r.IntN(20)), va: i}
				if tc.fixedScores {
					l.a, l.b = 1, 2
				}
				heapPush(&got, l)
				heap.Push(want, l)
				if i%tc.popEvery == 0 {
					pop()
				}
			}
			for len(got) > 0 {
				pop()
			}
			if want.Len() != 0 {
				t.Fatalf("container/heap has %d left", want.Len())
			}
		})
	}
}

// Replacing the first of a full heap and fixing it keeps the best k, as
// candidateEdges does for each document's neighbours.
func TestHeapFixKeepsBest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	const k = 8
	var h []nbr
	var all []nbr
	for j := range 400 {
		n := nbr{s: float64(r.IntN(50)), j: int32(j)}
		all = append(all, n)
		if len(h) < k {
			heapPush(&h, n)
		} else if h[0].less(n) {
			h[0] = n
			heapFix(h, 0)
		}
	}
	kept := map[nbr]bool{}
	for _, n := range h {
		kept[n] = true
	}
	for _, n := range all {
		better := 0
		for _, o := range all {
			if n.less(o) {
				better++
			}
		}
		if (better < k) != kept[n] {
			t.Errorf("%+v: %d better, kept %v", n, better, kept[n])
		}
	}
}
