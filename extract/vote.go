package extract

import "strings"

// shingleSet is the set of word 4-grams of a text (short texts: the whole
// text as one shingle).
func shingleSet(text string) map[string]bool {
	m := shingles(text)
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// agreement is the shingle F1 between two texts, as sets.
func agreement(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for k := range a {
		if b[k] {
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

// support is the share of a paragraph's shingles found in set.
func support(para string, set map[string]bool) float64 {
	ps := shingleSet(para)
	if len(ps) == 0 {
		return 0
	}
	n := 0
	for k := range ps {
		if set[k] {
			n++
		}
	}
	return float64(n) / float64(len(ps))
}

// trimEnds drops the paragraphs before the first and after the last one
// that the others support; paragraphs in between stay, since boilerplate
// gathers at the edges of an extracted body. A paragraph of fewer than
// longWords words needs the support of all the others, a longer one of one.
func trimEnds(base string, others []string) string {
	const longWords = 20
	// An extractor that found nothing has no say.
	var sets []map[string]bool
	for _, o := range others {
		if s := shingleSet(o); len(s) > 0 {
			sets = append(sets, s)
		}
	}
	if len(sets) == 0 {
		return base
	}
	paras := strings.Split(base, "\n\n")
	first, last := -1, -1
	for i, p := range paras {
		n := 0
		for _, s := range sets {
			if support(p, s) >= 0.5 {
				n++
			}
		}
		need := len(sets)
		if len(Words(p)) >= longWords {
			need = 1
		}
		if n >= need {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return base
	}
	return strings.Join(paras[first:last+1], "\n\n")
}

// chooseBase picks the body to trim among trafilatura's, readability's and
// DOM Distiller's (cands, in that order) and returns the others: it is
// trafilatura's, unless the two other extractors agree with each other on a
// body much longer than it, a sign that trafilatura missed part of the
// article.
func chooseBase(cands [3]string) (string, []string) {
	t, r, d := shingleSet(cands[0]), shingleSet(cands[1]), shingleSet(cands[2])
	if len(t) == 0 {
		// Trafilatura found nothing: the others are all there is.
		if len(r) >= len(d) {
			return cands[1], []string{cands[0], cands[2]}
		}
		return cands[2], []string{cands[0], cands[1]}
	}
	if 2*len(t) < len(r) && 2*len(t) < len(d) && agreement(r, d) >= 0.7 &&
		!isListing(cands[1]) && !isListing(cands[2]) {
		if len(r) <= len(d) {
			return cands[1], []string{cands[0], cands[2]}
		}
		return cands[2], []string{cands[0], cands[1]}
	}
	return cands[0], []string{cands[1], cands[2]}
}

// isListing reports whether a body looks like a list of several articles:
// the same short paragraph (a share bar, a "read more" link) recurs after
// each of them.
func isListing(text string) bool {
	seen := map[string]int{}
	for _, p := range strings.Split(text, "\n\n") {
		w := Words(p)
		if len(w) == 0 || len(w) > 8 {
			continue
		}
		k := strings.Join(w, " ")
		if seen[k]++; seen[k] >= 2 {
			return true
		}
	}
	return false
}
