package disjoint

import "testing"

func TestRootsAreSmallestMembers(t *testing.T) {
	tests := []struct {
		name   string
		unions [][2]int
		want   []int // Find of each element
	}{
		{"none", nil, []int{0, 1, 2, 3, 4}},
		{"chain from the top", [][2]int{{4, 3}, {3, 2}, {2, 1}}, []int{0, 1, 1, 1, 1}},
		{"two groups", [][2]int{{1, 3}, {4, 0}}, []int{0, 1, 2, 1, 0}},
		{"merge groups", [][2]int{{1, 3}, {4, 2}, {3, 4}}, []int{0, 1, 1, 1, 1}},
		{"self and repeat", [][2]int{{2, 2}, {3, 1}, {1, 3}}, []int{0, 1, 2, 1, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(5)
			for _, u := range tt.unions {
				s.Union(u[0], u[1])
			}
			for x, want := range tt.want {
				if got := s.Find(x); got != want {
					t.Errorf("Find(%d) = %d, want %d", x, got, want)
				}
			}
		})
	}
}
