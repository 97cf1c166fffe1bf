package ner

// gazetteer maps a lower-cased token sequence (hashed) to the set of entity
// types (bit 1<<type) it was annotated with in the training data.
type gazetteer struct {
	set    map[uint64]uint8
	maxLen int
	// words maps a lower-cased word to a code of how often the training
	// data has it inside an entity, and of which type (labelCode).
	words map[string]uint8
}

func newGazetteer() *gazetteer {
	return &gazetteer{set: map[uint64]uint8{}, words: map[string]uint8{}}
}

// labelCode summarises a word's tag counts (index 0: outside any entity,
// 1..4: inside an entity of that type): the most frequent entity type, the
// fraction of occurrences inside entities of that type (4 buckets) and
// whether the word is frequent. 0 means "no information".
func labelCode(c [5]int32) uint8 {
	var n int32
	best := 0
	for t, x := range c {
		n += x
		if t > 0 && x > 0 && (best == 0 || x > c[best]) {
			best = t
		}
	}
	if n == 0 {
		return 0
	}
	freq := uint8(0)
	if n >= 3 {
		freq = 1
	}
	if best == 0 {
		if freq == 0 {
			return 0
		}
		return 1
	}
	f := float64(c[best]) / float64(n)
	var b uint8
	switch {
	case f < 0.1:
		b = 0
	case f < 0.5:
		b = 1
	case f < 0.9:
		b = 2
	default:
		b = 3
	}
	return uint8(best)<<4 | b<<1 | freq
}

func seqHashStart() uint64 { return fnvOffset }

// maxGazLen is the length of the longest entry kept.
const maxGazLen = 8

func seqHash(lowers []string) uint64 {
	h := seqHashStart()
	for _, w := range lowers {
		h = hstr(h, w)
	}
	return h
}

func (g *gazetteer) add(lowers []string, typ int) {
	if len(lowers) == 0 || len(lowers) > maxGazLen {
		return
	}
	g.set[seqHash(lowers)] |= 1 << typ
	if len(lowers) > g.maxLen {
		g.maxLen = len(lowers)
	}
}

// has reports whether the lower-cased token sequence is an entry, of any
// type.
func (g *gazetteer) has(lowers []string) bool {
	return g != nil && g.set[seqHash(lowers)] != 0
}

// matches returns, for each token, the gazetteer codes (type | position<<8 |
// length<<16) of every gazetteer entry covering it. Entries must start with
// a token that has a letter or digit, so that punctuation does not match.
// labs are the tokens' word label codes (words), nil when the gazetteer
// has none; rows are reused for the result.
//
// A sequence is looked up only while its words are entity words: training
// gives every word it saw inside an entity a label code naming the
// entity's type (labelCode's high bits), and every entry is an entity's
// words, so a sequence through any other word is no entry. This skips
// most of the lookups of trying every sequence of up to maxLen tokens.
func (g *gazetteer) matches(toks []tokInfo, labs []uint8, rows [][]uint64) [][]uint64 {
	if cap(rows) < len(toks) {
		rows = make([][]uint64, len(toks))
	}
	out := rows[:len(toks)]
	for k := range out {
		out[k] = out[k][:0]
	}
	if g == nil || len(g.set) == 0 {
		return out
	}
	for i := range toks {
		if toks[i].flags&fPunct != 0 {
			continue
		}
		h := seqHashStart()
		for j := i; j < len(toks) && j-i < g.maxLen; j++ {
			if labs != nil && labs[j]>>4 == 0 {
				break
			}
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
