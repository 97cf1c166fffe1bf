// Package disjoint is a disjoint-set forest (union-find) over 0..n-1. The
// root of a set is always its smallest member, so which element represents
// a group never depends on the order of the unions: entity, quote and story
// grouping stay the same whatever the input order.
package disjoint

// Sets holds each element's parent.
type Sets []int

// New makes n singleton sets.
func New(n int) Sets {
	s := make(Sets, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Find returns the smallest member of x's set, halving paths on the way.
func (s Sets) Find(x int) int {
	for s[x] != x {
		s[x] = s[s[x]]
		x = s[x]
	}
	return x
}

// Union joins the sets of a and b.
func (s Sets) Union(a, b int) {
	ra, rb := s.Find(a), s.Find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	s[rb] = ra
}
