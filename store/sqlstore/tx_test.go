package sqlstore

import "testing"

// Id lists are lengthened to a few lengths, never shortened, and never
// past the largest chunk but for a longer list.
func TestListLength(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{1, 1}, {2, 2}, {3, 4}, {5, 8}, {64, 64}, {65, 128}, {128, 128}, {129, 200}, {200, 200}, {201, 201},
	} {
		if got := listLength(tc.n); got != tc.want {
			t.Errorf("listLength(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	seen := map[int]bool{}
	for n := 1; n <= 200; n++ {
		seen[listLength(n)] = true
	}
	if len(seen) > 9 {
		t.Errorf("%d lengths for lists of up to 200 ids", len(seen))
	}
}
