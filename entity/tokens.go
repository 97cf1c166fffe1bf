package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// token is one word or punctuation mark of a text window, with its byte
// offsets.
type token struct {
	s          string
	start, end int
	punct      bool
}

// tokenize splits text into words and punctuation, newstext's words: a
// word keeps inner apostrophes, hyphens and periods (O'Brien,
// vice-president, U.S.); here it also keeps the period of an abbreviation
// or an initial (Mr., S.), which says nothing about where a clause ends.
// A blank line is a punctuation token of its own, a single line break is
// a space (hard-wrapped text).
func tokenize(text string, base int) []token {
	words := newstext.Words(text, 0, len(text), nil)
	toks := make([]token, 0, len(words)+1)
	last := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w.Gap == newstext.BlankLine {
			toks = append(toks, token{s: "\n\n", start: base + last, end: base + w.Start, punct: true})
		}
		end := w.End
		if w.IsWord && i+1 < len(words) && words[i+1].Start == end && text[end:words[i+1].End] == "." && keepsPeriod(text[w.Start:end]) {
			end = words[i+1].End
			i++
		}
		toks = append(toks, token{s: text[w.Start:end], start: base + w.Start, end: base + end, punct: !w.IsWord})
		last = end
	}
	if strings.Count(text[last:], "\n") >= 2 {
		toks = append(toks, token{s: "\n\n", start: base + last, end: base + len(text), punct: true})
	}
	return toks
}

// keepsPeriod reports a word whose period is no full stop: an
// abbreviation (Mr., Dr.), an acronym (U.S.), an initial (S.).
func keepsPeriod(w string) bool {
	return newstext.English().WithoutFullStop(strings.ToLower(w)) || strings.Contains(w, ".") ||
		utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isCapitalised(s string) bool {
	r := firstRune(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isAllCaps reports whether a word is an acronym (OSCE, U.S., UN).
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// lowerWord lower-cases a word and drops a trailing period and possessive.
func lowerWord(s string) string {
	s = newstext.StripPossessive(s)
	s = strings.TrimSuffix(s, ".")
	return strings.ToLower(s)
}

func isPossessive(s string) bool {
	return newstext.StripPossessive(s) != s
}
