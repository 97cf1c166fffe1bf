package cluster

// A binary min-heap over a slice of a concrete type. Grouping pushes and
// pops millions of candidate links and neighbours; through container/heap
// each went into an interface, an allocation apiece. The order is the
// element type's before, which must be a strict weak order.

type heapItem[T any] interface{ before(T) bool }

func heapPush[T heapItem[T]](h *[]T, x T) {
	*h = append(*h, x)
	siftUp(*h, len(*h)-1)
}

// heapPop removes and returns the first element.
func heapPop[T heapItem[T]](h *[]T) T {
	s := *h
	last := len(s) - 1
	s[0], s[last] = s[last], s[0]
	siftDown(s[:last], 0)
	x := s[last]
	*h = s[:last]
	return x
}

// heapFix restores the order after the element at i changed.
func heapFix[T heapItem[T]](h []T, i int) {
	if !siftDown(h, i) {
		siftUp(h, i)
	}
}

func siftUp[T heapItem[T]](h []T, i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h[i].before(h[parent]) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

// siftDown moves the element at i down to its place and reports whether
// it moved.
func siftDown[T heapItem[T]](h []T, i int) bool {
	start := i
	for {
		child := 2*i + 1
		if child >= len(h) {
			break
		}
		if right := child + 1; right < len(h) && h[right].before(h[child]) {
			child = right
		}
		if !h[child].before(h[i]) {
			break
		}
		h[i], h[child] = h[child], h[i]
		i = child
	}
	return i > start
}
