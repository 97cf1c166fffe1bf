package cluster

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
)

// idfTable is smoothed inverse document frequency (scikit-learn's form)
// over the corpus plus, at bgWeight > 0, the background news corpus
// (background.go) counted bgWeight times. On its own a corpus of a few
// hundred articles gives odd weights: a word common in all news but found
// in few of them looks telling, a topic's everyday words look rare. The
// background's counts anchor those weights, so that the thresholds found
// on one corpus size hold on another.
func idfTable(docs []*doc, bgWeight float64) func(uint64) float64 {
	df := map[uint64]int32{}
	for _, d := range docs {
		for k := range d.raw {
			df[k]++
		}
	}
	n := float64(len(docs))
	if bgWeight > 0 && background.n > 0 {
		n += bgWeight * float64(background.n)
		return func(k uint64) float64 {
			return math.Log((n+1)/(float64(df[k])+bgWeight*float64(background.df[k])+1)) + 1
		}
	}
	return func(k uint64) float64 {
		return math.Log((n+1)/(float64(df[k])+1)) + 1
	}
}

// edge is a candidate pair with its score; i < j.
type edge struct {
	i, j int32
	s    float64
}

// candidateEdges finds every pair of documents that share at least one
// feature, through an inverted index, and scores it. Very common features
// are skipped in large corpora: their IDF is near the floor and their
// posting lists are what would make the pass quadratic.
func candidateEdges(ctx context.Context, docs []*doc, cfg *Config, minScore float64) ([]edge, error) {
	// A term in more documents than this links too many pairs to tell
	// anything: skipping it keeps the pass near-linear as the corpus grows.
	maxDF := max(200, len(docs)/20)
	// Pairs are found through each document's heaviest terms only: two
	// reports of one happening share some of their most telling words,
	// and this keeps the pass far from quadratic on large corpora.
	tops := make([]vec, len(docs))
	postings := map[uint64][]int32{}
	for i, d := range docs {
		tops[i] = d.vec
		if cfg.CandidateTerms > 0 && len(d.vec) > cfg.CandidateTerms {
			tops[i] = topTerms(d.vec, cfg.CandidateTerms)
		}
		for _, f := range tops[i] {
			postings[f.key] = append(postings[f.key], int32(i))
		}
	}
	// Scoring is most of the work and each document's pairs with the ones
	// before it are independent of the rest, so it is spread over the CPUs;
	// the pairs are then kept in document order, as one pass would.
	pairs := make([][]nbr, len(docs))
	crossScored := make([][]int32, len(docs))
	scores := newScatterScores(docs)
	err := forEachShard(ctx, cfg.Workers, len(docs), 64, func(ctx context.Context, shard, shards int) error {
		acc := make([]uint8, len(docs))
		var touched []int32
		var kept []nbr // a document's pairs, copied out at their number
		spread := scores.scatter()
		for i := shard; i < len(docs); i += shards {
			if (i/shards)%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("cluster: scoring pairs: %w", err)
				}
			}
			d := docs[i]
			scores.load(spread, i)
			touched = touched[:0]
			kept = kept[:0]
			for _, f := range tops[i] {
				p := postings[f.key]
				// The capacity, not the length: the thresholds were tuned
				// with lists whose room append rounds up (129 postings
				// have room for 256), and so they skip more terms.
				if cap(p) > maxDF {
					continue
				}
				for _, j := range p {
					if int(j) >= i {
						break // postings are in document order
					}
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					if acc[j] < 255 {
						acc[j]++
					}
				}
			}
			for _, j := range touched {
				shared := int(acc[j])
				acc[j] = 0
				// One shared heavy word is chance; reports of one happening
				// share several. Copies always do.
				if shared < cfg.MinShared && !(d.hash != 0 && hamming(d.hash, docs[j].hash) <= cfg.DupBits) {
					continue
				}
				if cfg.PairWindowDays > 0 && d.day != noDay && docs[j].day != noDay && int(absDays(d.day-docs[j].day)) > cfg.PairWindowDays {
					continue
				}
				if crossLingual(d, docs[j]) {
					crossScored[i] = append(crossScored[i], j) // crossLingualPairs must not offer it again
				}
				if s := scores.score(spread, i, int(j), i, cfg); s >= minScore {
					kept = append(kept, nbr{s: s, j: j})
				}
			}
			if len(kept) > 0 {
				pairs[i] = slices.Clone(kept)
			}
			scores.unload(spread, i)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Each document keeps its MaxNeighbors best pairs (a pair stays when
	// either end keeps it): average link over this k-nearest-neighbour
	// graph costs O(n·k) memory instead of O(n²) on large corpora.
	k := cfg.MaxNeighbors
	if k <= 0 {
		k = len(docs)
	}
	best := make([][]nbr, len(docs))
	offer := func(at int32, other int32, s float64) {
		h := &best[at]
		if len(*h) < k {
			heapPush(h, nbr{s: s, j: other})
			return
		}
		if (*h)[0].less(nbr{s: s, j: other}) {
			(*h)[0] = nbr{s: s, j: other}
			heapFix(*h, 0)
		}
	}
	for i, ps := range pairs {
		for _, p := range ps {
			offer(int32(i), p.j, p.s)
			offer(p.j, int32(i), p.s)
		}
	}
	scored := map[[2]int32]bool{}
	for i, js := range crossScored {
		for _, j := range js {
			scored[[2]int32{j, int32(i)}] = true
		}
	}
	if err := crossLingualPairs(ctx, docs, cfg, maxDF, func(i, j int32) {
		if scored[[2]int32{j, i}] {
			return
		}
		if s := pairScore(docs[j], docs[i], cfg); s >= minScore {
			offer(i, j, s)
			offer(j, i, s)
		}
	}); err != nil {
		return nil, err
	}
	seen := map[[2]int32]bool{}
	var edges []edge
	for i := range best {
		for _, n := range best[i] {
			a, b := int32(i), n.j
			if a > b {
				a, b = b, a
			}
			if !seen[[2]int32{a, b}] {
				seen[[2]int32{a, b}] = true
				edges = append(edges, edge{i: a, j: b, s: n.s})
			}
		}
	}
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].i != edges[y].i {
			return edges[x].i < edges[y].i
		}
		return edges[x].j < edges[y].j
	})
	return edges, nil
}

// crossLingualPairs calls score on every pair of documents in different
// languages that share at least cfg.MinShared language-independent
// features (entities, places, dates, numbers) and whose days are close
// enough to be one happening's. Their heaviest terms, words of two
// languages, rarely meet, so candidateEdges' index misses them. A corpus
// in one language has no such pair and costs nothing here.
func crossLingualPairs(ctx context.Context, docs []*doc, cfg *Config, maxDF int, score func(i, j int32)) error {
	langs := map[string]bool{}
	for _, d := range docs {
		if d.lang != "" {
			langs[d.lang] = true
		}
	}
	if len(langs) < 2 {
		return nil
	}
	postings := map[uint64][]int32{}
	shared := map[int32]int{}
	for i, d := range docs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("cluster: scoring pairs across languages: %w", err)
			}
		}
		if d.lang == "" || d.day == noDay {
			continue
		}
		clear(shared)
		for _, f := range d.across {
			p := postings[f.key]
			if len(p) > maxDF {
				continue
			}
			for _, j := range p {
				o := docs[j]
				if o.lang != d.lang && int(absDays(o.day-d.day)) <= cfg.CrossLingualDays {
					shared[j]++
				}
			}
			postings[f.key] = append(p, int32(i))
		}
		js := make([]int32, 0, len(shared))
		for j, n := range shared {
			if n >= cfg.MinShared {
				js = append(js, j)
			}
		}
		slices.Sort(js) // the kept neighbours must not depend on map order
		for _, j := range js {
			score(int32(i), j)
		}
	}
	return nil
}

// nbr is a candidate neighbour; a heap of them (its worst first) keeps
// the best k.
type nbr struct {
	s float64
	j int32
}

// less orders by score, ties by index (the larger index is worse), so the
// kept set does not depend on the order pairs were offered in.
func (a nbr) less(b nbr) bool {
	if a.s != b.s {
		return a.s < b.s
	}
	return a.j > b.j
}

// before makes the worst kept neighbour the heap's first.
func (a nbr) before(b nbr) bool { return a.less(b) }

// averageLink merges groups of documents while the average pair score
// between two groups (missing pairs count as 0) is at least threshold. Ties
// break on the smallest document index of each group, so that the result
// depends only on the documents' order, which callers fix by sorting ids.
func averageLink(n int, edges []edge, threshold float64) [][]int {
	type cl struct {
		members []int
		nbr     map[int32]float64 // neighbour cluster → sum of pair scores
		ver     int
		alive   bool
	}
	cls := make([]*cl, n)
	for i := range cls {
		cls[i] = &cl{members: []int{i}, nbr: map[int32]float64{}, alive: true}
	}
	for _, e := range edges {
		cls[e.i].nbr[e.j] += e.s
		cls[e.j].nbr[e.i] += e.s
	}
	var h []link
	push := func(a, b int32) {
		if a > b {
			a, b = b, a
		}
		ca, cb := cls[a], cls[b]
		s := ca.nbr[b] / float64(len(ca.members)*len(cb.members))
		if s >= threshold {
			heapPush(&h, link{s: s, a: a, b: b, va: ca.ver, vb: cb.ver})
		}
	}
	for i := range cls {
		for j := range cls[i].nbr {
			if int32(i) < j {
				push(int32(i), j)
			}
		}
	}
	for len(h) > 0 {
		l := heapPop(&h)
		ca, cb := cls[l.a], cls[l.b]
		if !ca.alive || !cb.alive || ca.ver != l.va || cb.ver != l.vb {
			continue
		}
		// Merge b into a (a has the smaller index: it stays the key).
		ca.members = append(ca.members, cb.members...)
		cb.alive = false
		ca.ver++
		delete(ca.nbr, l.b)
		for k, s := range cb.nbr {
			if k == l.a {
				continue
			}
			ca.nbr[k] += s
		}
		for k := range ca.nbr {
			o := cls[k]
			delete(o.nbr, l.b)
			o.nbr[l.a] = ca.nbr[k]
		}
		for k := range ca.nbr {
			push(l.a, k)
		}
		cb.nbr = nil
	}
	var out [][]int
	for _, c := range cls {
		if c.alive {
			out = append(out, c.members)
		}
	}
	return out
}

type link struct {
	s      float64
	a, b   int32
	va, vb int
}

// before pops the best link first: highest score, then the smallest
// indexes.
func (l link) before(o link) bool {
	if l.s != o.s {
		return l.s > o.s
	}
	if l.a != o.a {
		return l.a < o.a
	}
	return l.b < o.b
}

// localEdges scores a group's pairs on its local signatures, every pair
// when pairsOf is nil, else document i with each of pairsOf(i); pairs
// scoring 0 or less are left out. Scored as candidateEdges scores,
// against docs[i] spread by term number (the merge meets the shared terms
// in key order from either side, so the sums are the same).
func localEdges(docs []*doc, pairsOf func(i int) []int32, cfg *Config) []edge {
	scores := newScatterScores(docs)
	spread := scores.scatter()
	var edges []edge
	add := func(i, j int) {
		if s := scores.score(spread, i, i, j, cfg); s > 0 {
			edges = append(edges, edge{i: int32(i), j: int32(j), s: s})
		}
	}
	for i := range docs {
		scores.load(spread, i)
		if pairsOf == nil {
			for j := i + 1; j < len(docs); j++ {
				add(i, j)
			}
		} else {
			for _, j := range pairsOf(i) {
				add(i, int(j))
			}
		}
		scores.unload(spread, i)
	}
	return edges
}

// refine re-clusters each coarse group on its own terms. Inside a group of
// same-kind reports (two earthquakes, two meetings of the same talks) the
// words they all share say nothing about which happening an article
// reports; weighing terms by their rarity inside the group (a local IDF)
// lets the names, places, numbers and dates that tell the happenings apart
// decide.
func refine(docs []*doc, groups [][]int, global []edge, cfg *Config, threshold float64) [][]int {
	// Large groups are re-scored only on the pairs of the global
	// candidate graph, keeping the pass O(n·k) instead of O(m²).
	const allPairs = 400
	var byDoc map[int32][]edge
	for _, g := range groups {
		if len(g) > allPairs {
			byDoc = map[int32][]edge{}
			for _, e := range global {
				byDoc[e.i] = append(byDoc[e.i], e)
			}
			break
		}
	}
	var out [][]int
	for _, g := range groups {
		if len(g) < 3 || cfg.LocalIDFPower == 0 {
			out = append(out, g)
			continue
		}
		sub := make([]*doc, len(g))
		df := map[uint64]int{}
		for i, di := range g {
			sub[i] = docs[di]
			for _, f := range docs[di].fine {
				df[f.key]++
			}
		}
		m := float64(len(g))
		local := make([]*doc, len(g))
		for i, d := range sub {
			v := make(vec, len(d.fine))
			for k, f := range d.fine {
				l := math.Log((m+1)/(float64(df[f.key])+1)) + 1
				v[k] = feature{key: f.key, w: f.w * float32(math.Pow(l, cfg.LocalIDFPower))}
			}
			normalize(v)
			nd := *d
			nd.vec = v
			local[i] = &nd
		}
		var pairsOf func(i int) []int32
		if len(g) > allPairs {
			pos := make(map[int32]int32, len(g))
			for i, di := range g {
				pos[int32(di)] = int32(i)
			}
			pairsOf = func(i int) []int32 {
				var js []int32
				for _, e := range byDoc[int32(g[i])] {
					if j, ok := pos[e.j]; ok {
						js = append(js, j)
					}
				}
				return js
			}
		}
		edges := localEdges(local, pairsOf, cfg)
		sgs := averageLink(len(local), edges, threshold)
		if len(g) <= allPairs {
			sgs = attachSmall(sgs, edges, local, cfg)
		}
		for _, sg := range sgs {
			mapped := make([]int, len(sg))
			for k, x := range sg {
				mapped[k] = g[x]
			}
			out = append(out, mapped)
		}
	}
	return out
}

// attachSmall moves the articles of very small groups (a report that
// words its story differently from the rest, a short brief) into the group
// they are closest to on average, when that is at least
// cfg.AttachThreshold. Groups are visited smallest first, ties by their
// first member, so the result stays deterministic.
func attachSmall(groups [][]int, edges []edge, docs []*doc, cfg *Config) [][]int {
	if cfg.AttachSize <= 0 || len(groups) < 2 {
		return groups
	}
	score := map[[2]int32]float64{}
	for _, e := range edges {
		score[[2]int32{e.i, e.j}] = e.s
		score[[2]int32{e.j, e.i}] = e.s
	}
	for {
		order := make([]int, len(groups))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool {
			ga, gb := groups[order[a]], groups[order[b]]
			if len(ga) != len(gb) {
				return len(ga) < len(gb)
			}
			return ga[0] < gb[0]
		})
		moved := false
		for _, gi := range order {
			g := groups[gi]
			if len(g) > cfg.AttachSize {
				break
			}
			best, bestS := -1, cfg.AttachThreshold
			for hi, h := range groups {
				if hi == gi || len(h) <= len(g) || float64(len(h)) < cfg.AttachRatio*float64(len(g)) {
					continue
				}
				if cfg.AttachMaxGap > 0 {
					dg, dh := groupDay(docs, g), groupDay(docs, h)
					if dg != noDay && dh != noDay && absDays(dg-dh) > int32(cfg.AttachMaxGap) {
						continue
					}
				}
				s := attachScore(docs, g, h, score, cfg)
				if s > bestS || (s == bestS && best >= 0 && h[0] < groups[best][0]) {
					best, bestS = hi, s
				}
			}
			if best >= 0 {
				groups[best] = append(groups[best], g...)
				sort.Ints(groups[best])
				groups = append(groups[:gi], groups[gi+1:]...)
				moved = true
				break
			}
		}
		if !moved {
			return groups
		}
	}
}

// groupDay is the median known day of a group's documents, or noDay.
func groupDay(docs []*doc, g []int) int32 {
	var days []int32
	for _, i := range g {
		if d := docs[i].day; d != noDay {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		return noDay
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	return days[(len(days)-1)/2]
}

func absDays(d int32) int32 {
	if d < 0 {
		return -d
	}
	return d
}

// attachScore is how well small group g fits group h: the cosine of their
// centroids (a short report matches the gist of a group far better than it
// matches each member), adjusted for their days like a pair of articles.
func attachScore(docs []*doc, g, h []int, pair map[[2]int32]float64, cfg *Config) float64 {
	if cfg.AttachCentroid {
		cg, ch := centroidOf(docs, g), centroidOf(docs, h)
		return adjustForDays(dot(cg, ch), groupDay(docs, g), groupDay(docs, h), false, cfg)
	}
	var sum float64
	for _, x := range g {
		for _, y := range h {
			sum += pair[[2]int32{int32(x), int32(y)}]
		}
	}
	return sum / float64(len(g)*len(h))
}

func centroidOf(docs []*doc, g []int) vec {
	ds := make([]*doc, len(g))
	for i, x := range g {
		ds[i] = docs[x]
	}
	return centroid(ds, 0)
}
