package ner

// gazetteer maps a lower-cased token sequence (hashed) to the set of entity
// types (bit 1<<type) it was annotated with in the training data.
type gazetteer struct {
	set    map[uint64]uint8
	maxLen int
}

func newGazetteer() *gazetteer { return &gazetteer{set: map[uint64]uint8{}} }

func seqHashStart() uint64 { return fnvOffset }

func (g *gazetteer) add(lowers []string, typ int) {
	if len(lowers) == 0 || len(lowers) > 8 {
		return
	}
	h := seqHashStart()
	for _, w := range lowers {
		h = hstr(h, w)
	}
	g.set[h] |= 1 << typ
	if len(lowers) > g.maxLen {
		g.maxLen = len(lowers)
	}
}

// matches returns, for each token, the gazetteer codes (type | position<<8 |
// length<<16) of every gazetteer entry covering it. Entries must start with
// a token that has a letter or digit, so that punctuation does not match.
func (g *gazetteer) matches(toks []tokInfo) [][]uint64 {
	out := make([][]uint64, len(toks))
	if g == nil || len(g.set) == 0 {
		return out
	}
	for i := range toks {
		if toks[i].flags&fPunct != 0 {
			continue
		}
		h := seqHashStart()
		for j := i; j < len(toks) && j-i < g.maxLen; j++ {
			h = hstr(h, toks[j].lower)
			m, ok := g.set[h]
			if !ok {
				continue
			}
			n := j - i + 1
			ln := n
			if ln > 4 {
				ln = 4
			}
			for typ := 1; typ <= 4; typ++ {
				if m&(1<<typ) == 0 {
					continue
				}
				for k := i; k <= j; k++ {
					pos := 1 // inside
					switch {
					case n == 1:
						pos = 0
					case k == i:
						pos = 2
					case k == j:
						pos = 3
					}
					out[k] = append(out[k], uint64(typ)|uint64(pos)<<8|uint64(ln)<<16)
				}
			}
		}
	}
	return out
}
