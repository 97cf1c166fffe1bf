package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// tok is a word (letters, digits and the apostrophes, periods and hyphens
// inside them: U.S., Al-Qaeda, Russia’s) or one punctuation character.
type tok struct {
	start, end int
	word       bool
	low        string // the word in lower case
}

// tokens are the words of text[s:e] as newstext reads them, and the
// characters between them.
func tokens(text string, s, e int) []tok {
	words := newstext.Words(text, s, e, nil)
	out := make([]tok, len(words))
	for i, w := range words {
		out[i] = tok{start: w.Start, end: w.End, word: w.IsWord, low: text[w.Start:w.End]}
		if w.IsWord {
			out[i].low = lower(out[i].low)
		}
	}
	return out
}

// lower avoids strings.ToLower's allocation for words already in lower case.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sentences splits [s, e) into sentences, newstext's (split, of
// text[s:e]) but never inside a quoted span: each runs to the start of the
// next.
func sentences(text string, s, e int, spans []span, split []newstext.Span) [][2]int {
	var out [][2]int
	start := s
	si := 0
	for _, sp := range split {
		end := s + sp.End
		for si < len(spans) && spans[si].close <= end {
			si++
		}
		if si < len(spans) && spans[si].open < end && end < spans[si].close {
			continue // inside a quotation
		}

		next := skipSpaces(text, end, e)
		if next >= e {
			break
		}
		out = append(out, [2]int{start, next})
		start = next
	}
	if start < e {
		out = append(out, [2]int{start, e})
	}
	return out
}

func skipSpaces(text string, i, e int) int {
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:e])
		if !newstext.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// tokens of the document fully inside [s, e), from the one tokenisation.
func (d *doc) tokens(s, e int) []tok {
	i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= s })
	j := i + sort.Search(len(d.toks)-i, func(k int) bool { return d.toks[i+k].end > e })
	return d.toks[i:j]
}
