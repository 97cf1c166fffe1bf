package source

import (
	"crypto/sha256"
	"fmt"
)

// runIDs keeps the ids delivered by one Walk or ReadBytes, so that two
// different items never share one: the later would silently overwrite the
// earlier in the store (a podcast feed whose 131 episodes share 9 links).
type runIDs struct {
	opts Options
	fn   Func
	seen map[string]delivered
}

type delivered struct {
	origin string
	sum    [sha256.Size]byte
}

func newRunIDs(opts Options, fn Func) *runIDs {
	return &runIDs{opts: opts, fn: fn, seen: map[string]delivered{}}
}

// deliver passes an item on unless its id is taken: an exact repeat (same
// id, same content) is read once, with a warning; a different article under
// a taken id is reported as that item's failure.
func (r *runIDs) deliver(it *Item, ie *ItemError) error {
	if it == nil {
		return r.fn(nil, ie)
	}
	sum := contentSum(it)
	if prev, ok := r.seen[it.ID]; ok {
		if prev.sum == sum {
			if r.opts.OnWarning != nil {
				r.opts.OnWarning(&ItemError{Origin: it.Origin, Err: fmt.Errorf("repeats %s (same id and content); read once", prev.origin)})
			}
			return nil
		}
		return r.fn(nil, &ItemError{Origin: it.Origin, Err: fmt.Errorf("id %q is already taken by a different article (%s); not stored", it.ID, prev.origin)})
	}
	r.seen[it.ID] = delivered{origin: it.Origin, sum: sum}
	return r.fn(it, nil)
}

// contentSum identifies what an item says, whatever its origin.
func contentSum(it *Item) [sha256.Size]byte {
	h := sha256.New()
	for _, s := range []string{it.URL, it.Title, it.Byline, it.Published, it.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	h.Write(it.HTML)
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}
