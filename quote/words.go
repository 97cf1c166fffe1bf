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

// sentenceEnd says whether the period-like rune at i ends a sentence.
func sentenceEndAt(text string, i int, lo, hi int) (next int, ok bool) {
	r, n := utf8.DecodeRuneInString(text[i:hi])
	if r != '.' && r != '!' && r != '?' && r != '…' {
		return 0, false
	}
	j := i + n
	for j < hi {
		r2, n2 := utf8.DecodeRuneInString(text[j:hi])
		if !isMarkRune(r2) && r2 != ')' {
			break
		}
		j += n2
	}
	if j < hi {
		r2, _ := utf8.DecodeRuneInString(text[j:hi])
		if !newstext.IsSpace(r2) {
			return 0, false
		}
	}
	k := j
	for k < hi {
		r2, n2 := utf8.DecodeRuneInString(text[k:hi])
		if !newstext.IsSpace(r2) {
			break
		}
		k += n2
	}
	if k < hi {
		r2, _ := utf8.DecodeRuneInString(text[k:hi])
		if !(unicode.IsUpper(r2) || unicode.IsDigit(r2) || isMarkRune(r2)) {
			return 0, false
		}
	}
	if r == '.' {
		// The word before the period: an abbreviation or an initial does
		// not end a sentence.
		ws := i
		for ws > lo && ws > i-24 {
			r2, n2 := utf8.DecodeLastRuneInString(text[lo:ws])
			if !isWordRune(r2) && r2 != '.' {
				break
			}
			ws -= n2
		}
		w := strings.ToLower(text[ws:i])
		if newstext.English().WithoutFullStop(w) || utf8.RuneCountInString(w) == 1 && isCapitalised(text[ws:i]) || newstext.Initials(w) && utf8.RuneCountInString(w) <= 3 {
			return 0, false
		}
	}
	return k, true
}

// sentences splits [s, e) into sentences, never inside a quoted span.
func sentences(text string, s, e int, spans []span) [][2]int {
	var out [][2]int
	start := s
	si := 0
	for i := s; i < e; {
		for si < len(spans) && spans[si].close <= i {
			si++
		}
		if si < len(spans) && spans[si].open <= i && i < spans[si].close {
			sp := spans[si]
			i = sp.close
			// A quote that ends its sentence inside the marks ("... take.")
			// ends the outer sentence too when a capitalised one follows.
			if sp.end > sp.start && i < e {
				r, _ := utf8.DecodeLastRuneInString(text[sp.start:sp.end])
				if r == '.' || r == '!' || r == '?' || r == '…' {
					if next, ok := sentenceEndAt(text, i, s, e); ok || startsSentence(text, i, e) {
						if !ok {
							next = skipSpaces(text, i, e)
						}
						out = append(out, [2]int{start, next})
						start = next
						i = next
					}
				}
			}
			continue
		}
		next, ok := sentenceEndAt(text, i, s, e)
		if ok {
			out = append(out, [2]int{start, next})
			start = next
			i = next
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:e])
		i += n
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

// startsSentence: whitespace then a capital, digit or quote mark.
func startsSentence(text string, i, e int) bool {
	k := skipSpaces(text, i, e)
	if k == i || k >= e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:e])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isMarkRune(r)
}

// tokens of the document fully inside [s, e), from the one tokenisation.
func (d *doc) tokens(s, e int) []tok {
	i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= s })
	j := i + sort.Search(len(d.toks)-i, func(k int) bool { return d.toks[i+k].end > e })
	return d.toks[i:j]
}
