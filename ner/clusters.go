package ner

import (
	"context"
	"fmt"
	"math"
	"sort"
)

// Word clusters, learned from unlabelled text: every frequent word gets a
// bit string (its path in a binary tree of clusters), and prefixes of it are
// features, as Brown clusters are used. The tree is built by bisecting
// spherical k-means over each word's left and right context distributions
// (positive PMI with the most frequent words), which groups words that occur
// in the same contexts (first names, countries, verbs of saying...) and is
// far cheaper than Brown's agglomerative clustering.

const (
	clusterMinCount = 3    // words seen fewer times get no cluster
	clusterContexts = 2000 // context vocabulary: the most frequent words
	clusterMinSize  = 3    // clusters this small are not split
	clusterIters    = 8    // 2-means iterations per split
)

type sparseVec struct {
	idx []int32
	val []float32
}

// bisectClusters returns the bit string of each word of text seen at least
// clusterMinCount times: its path in a tree of at most leaves clusters.
func bisectClusters(ctx context.Context, text [][]string, leaves int) (map[string]string, error) {
	counts := map[string]int{}
	var corpus [][]string
	for _, s := range text {
		ws := make([]string, len(s))
		for i, w := range s {
			ws[i] = makeInfo(w, nil).lower
			counts[ws[i]]++
		}
		corpus = append(corpus, ws)
	}
	vocab := make([]string, 0, len(counts))
	for w, c := range counts {
		if c >= clusterMinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if counts[vocab[i]] != counts[vocab[j]] {
			return counts[vocab[i]] > counts[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) < 2 {
		return nil, nil
	}
	wid := make(map[string]int, len(vocab))
	for i, w := range vocab {
		wid[w] = i
	}
	nctx := min(clusterContexts, len(vocab))
	// Co-occurrence counts: dims [0,nctx) left neighbour, [nctx,2nctx) right.
	co := make([]map[int32]float32, len(vocab))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	dimTotal := make([]float64, 2*nctx)
	var total float64
	for _, s := range corpus {
		for i, w := range s {
			id, ok := wid[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := wid[s[i-1]]; ok && c < nctx {
					co[id][int32(c)]++
					dimTotal[c]++
					total++
				}
			}
			if i+1 < len(s) {
				if c, ok := wid[s[i+1]]; ok && c < nctx {
					co[id][int32(nctx+c)]++
					dimTotal[nctx+c]++
					total++
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ner: clusters: %w", err)
	}
	vecs := make([]sparseVec, len(vocab))
	for i, m := range co {
		var rowTotal float64
		for _, c := range m {
			rowTotal += float64(c)
		}
		var v sparseVec
		var norm float64
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, k := range keys {
			pmi := math.Log(float64(m[k]) * total / (rowTotal * dimTotal[k]))
			if pmi <= 0 {
				continue
			}
			v.idx = append(v.idx, k)
			v.val = append(v.val, float32(pmi))
			norm += pmi * pmi
		}
		if norm > 0 {
			n := float32(1 / math.Sqrt(norm))
			for j := range v.val {
				v.val[j] *= n
			}
		}
		vecs[i] = v
	}
	depth := 1
	for 1<<depth < leaves {
		depth++
	}
	paths := make([][]byte, len(vocab))
	members := make([]int, len(vocab))
	for i := range members {
		members[i] = i
	}
	dim := 2 * nctx
	cent := [2][]float32{make([]float32, dim), make([]float32, dim)}
	mean, dir, tmp := make([]float32, dim), make([]float32, dim), make([]float32, dim)
	var split func(ms []int, d int) error
	split = func(ms []int, d int) error {
		if d >= depth || len(ms) < 2*clusterMinSize {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("ner: clusters: %w", err)
		}
		// Initial split: the sign of the projection on the principal
		// direction of the members (power iteration), which cuts through
		// the bulk of the cluster rather than splitting off outliers.
		side := make([]bool, len(ms))
		principalSplit(vecs, ms, mean, dir, tmp, side)
		for it := 0; it < clusterIters; it++ {
			clear(cent[0])
			clear(cent[1])
			for i, m := range ms {
				c := cent[0]
				if side[i] {
					c = cent[1]
				}
				for j, k := range vecs[m].idx {
					c[k] += vecs[m].val[j]
				}
			}
			normalize32(cent[0])
			normalize32(cent[1])
			changed := false
			for i, m := range ms {
				s := dotDense(vecs[m], cent[1]) > dotDense(vecs[m], cent[0])
				if s != side[i] {
					changed = true
					side[i] = s
				}
			}
			if !changed {
				break
			}
		}
		var left, right []int
		for i, m := range ms {
			if side[i] {
				right = append(right, m)
				paths[m] = append(paths[m], '1')
			} else {
				left = append(left, m)
				paths[m] = append(paths[m], '0')
			}
		}
		if len(left) == 0 || len(right) == 0 {
			return nil
		}
		if err := split(left, d+1); err != nil {
			return err
		}
		return split(right, d+1)
	}
	if err := split(members, 0); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(vocab))
	for i, w := range vocab {
		if len(paths[i]) > 0 {
			out[w] = string(paths[i])
		}
	}
	return out, nil
}

func dotDense(v sparseVec, d []float32) float32 {
	var s float32
	for j, k := range v.idx {
		s += v.val[j] * d[k]
	}
	return s
}

func normalize32(d []float32) {
	var n float64
	for _, x := range d {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	f := float32(1 / math.Sqrt(n))
	for i := range d {
		d[i] *= f
	}
}

// principalSplit sets side[i] to whether member i projects positively on the
// principal direction of the centred member vectors.
func principalSplit(vecs []sparseVec, ms []int, mean, dir, tmp []float32, side []bool) {
	clear(mean)
	for _, m := range ms {
		for j, k := range vecs[m].idx {
			mean[k] += vecs[m].val[j]
		}
	}
	inv := 1 / float32(len(ms))
	for k := range mean {
		mean[k] *= inv
	}
	// Deterministic start: the first member's centred vector.
	for k := range dir {
		dir[k] = -mean[k]
	}
	for j, k := range vecs[ms[0]].idx {
		dir[k] += vecs[ms[0]].val[j]
	}
	normalize32(dir)
	for it := 0; it < 12; it++ {
		var md float32
		for k := range mean {
			md += mean[k] * dir[k]
		}
		clear(tmp)
		for _, m := range ms {
			p := dotDense(vecs[m], dir) - md
			for j, k := range vecs[m].idx {
				tmp[k] += p * vecs[m].val[j]
			}
		}
		copy(dir, tmp)
		normalize32(dir)
	}
	var md float32
	for k := range mean {
		md += mean[k] * dir[k]
	}
	for i, m := range ms {
		side[i] = dotDense(vecs[m], dir) > md
	}
}
