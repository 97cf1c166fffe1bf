package cluster

// Scores are precision, recall and F1 of a clustering against gold labels.
type Scores struct {
	Precision, Recall, F1 float64
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// BCubed scores a clustering item by item (Bagga & Baldwin): for each item,
// the share of its predicted cluster that shares its gold label (precision)
// and the share of its gold cluster that shares its predicted cluster
// (recall), averaged over items. Only items present in both maps count.
func BCubed(pred, gold map[string]string) Scores {
	type pair struct{ p, g string }
	predSize := map[string]int{}
	goldSize := map[string]int{}
	both := map[pair]int{}
	n := 0
	for id, p := range pred {
		g, ok := gold[id]
		if !ok {
			continue
		}
		predSize[p]++
		goldSize[g]++
		both[pair{p, g}]++
		n++
	}
	if n == 0 {
		return Scores{}
	}
	var ps, rs float64
	for k, c := range both {
		// Each of the c items in this cell has c same-cell neighbours.
		ps += float64(c) * float64(c) / float64(predSize[k.p])
		rs += float64(c) * float64(c) / float64(goldSize[k.g])
	}
	p, r := ps/float64(n), rs/float64(n)
	return Scores{Precision: p, Recall: r, F1: f1(p, r)}
}

// Pairwise scores a clustering over pairs of items: a pair is predicted
// positive when both items share a cluster, and truly positive when they
// share a gold label.
func Pairwise(pred, gold map[string]string) Scores {
	type pair struct{ p, g string }
	predSize := map[string]int{}
	goldSize := map[string]int{}
	both := map[pair]int{}
	for id, p := range pred {
		g, ok := gold[id]
		if !ok {
			continue
		}
		predSize[p]++
		goldSize[g]++
		both[pair{p, g}]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, gp float64
	for _, c := range both {
		tp += pairs(c)
	}
	for _, c := range predSize {
		pp += pairs(c)
	}
	for _, c := range goldSize {
		gp += pairs(c)
	}
	var p, r float64 = 1, 1
	if pp > 0 {
		p = tp / pp
	}
	if gp > 0 {
		r = tp / gp
	}
	return Scores{Precision: p, Recall: r, F1: f1(p, r)}
}
