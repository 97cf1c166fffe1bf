package extract

import (
	"strings"
	"unicode"
)

// Score is the shingle-overlap comparison of extracted bodies against true
// ones. Shared, Extra and Missing are summed over pages after each page's
// counts were normalised to add up to one, so that every page weighs the same
// whatever its length (the article-extraction benchmark's metric).
type Score struct {
	Pages   int
	Shared  float64
	Extra   float64
	Missing float64
}

// shingleSize is the n of the word n-grams compared.
const shingleSize = 4

// Add compares one page's extracted body (got) with its true body (want).
func (s *Score) Add(got, want string) {
	shared, extra, missing := CompareShingles(got, want)
	s.Pages++
	s.Shared += shared
	s.Extra += extra
	s.Missing += missing
}

// Precision is the share of extracted shingles that belong to the true body.
func (s Score) Precision() float64 { return ratio(s.Shared, s.Shared+s.Extra) }

// Recall is the share of true shingles that were extracted.
func (s Score) Recall() float64 { return ratio(s.Shared, s.Shared+s.Missing) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	return ratio(2*p*r, p+r)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// CompareShingles counts the word 4-gram shingles the two texts share, those
// only in got (extra) and those only in want (missing), as a multiset, and
// normalises the three counts to sum to one (all zero when both are empty).
func CompareShingles(got, want string) (shared, extra, missing float64) {
	g, w := shingles(got), shingles(want)
	for k, gc := range g {
		wc := w[k]
		shared += float64(min(gc, wc))
		extra += float64(max(0, gc-wc))
	}
	for k, wc := range w {
		missing += float64(max(0, wc-g[k]))
	}
	if sum := shared + extra + missing; sum > 0 {
		shared, extra, missing = shared/sum, extra/sum, missing/sum
	}
	return shared, extra, missing
}

// Words splits text into lowercased word tokens: runs of letters, digits,
// marks and underscores (what a Unicode \w+ matches); everything else
// separates.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_')
	})
}

// shingles counts the word n-grams of text. A text shorter than n words is
// one shingle, so that short bodies still count.
func shingles(text string) map[string]int {
	words := Words(text)
	out := make(map[string]int, len(words))
	if len(words) == 0 {
		return out
	}
	if len(words) < shingleSize {
		out[strings.Join(words, " ")]++
		return out
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		out[strings.Join(words[i:i+shingleSize], " ")]++
	}
	return out
}
