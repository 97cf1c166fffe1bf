package newstext

import (
	"strings"
	"unicode/utf8"
)

// Word is a word of running text, or one other character between words.
// Words are what stages that read text for its words (quotes, clustering)
// share; the entity tagger reads Tokens, which split as its training text
// did.
type Word struct {
	Start, End int // byte offsets
	// IsWord is false for a character that is no word: punctuation, a
	// symbol.
	IsWord bool
	Gap    Gap // before the word
}

// Words splits text[from:to] into words and the characters between them,
// appending to into. A word is a run of letters and digits with the
// apostrophes, hyphens and periods inside it ("Russia’s", "al-Qaeda",
// "3.5", "e.g"), the commas inside a number ("100,000"), and the final
// period of initials ("U.S.", "a.m."); any other character is a word of
// its own.
func Words(text string, from, to int, into []Word) []Word {
	if from < 0 || to > len(text) || from >= to {
		return into
	}
	s := text[from:to]
	// Room for the words of common prose (a word and its space, or a
	// mark, every five bytes or so) at once: grown by appending, the
	// array was copied and thrown away several times a text.
	if want := len(into) + len(s)/5 + 1; cap(into) < want {
		into = append(make([]Word, 0, want), into...)
	}
	sc := NewScanner(s)
	for {
		p, ok := sc.Next()
		if !ok {
			return into
		}
		if p.Kind == Mark {
			into = append(into, Word{Start: from + p.Start, End: from + p.End, Gap: p.Gap})
			continue
		}
		end, last := p.End, p.Kind
		for {
			save := sc
			j, ok := sc.Next()
			if !ok || j.Gap != Joined {
				sc = save
				break
			}
			if j.Kind != Mark {
				end, last = j.End, j.Kind // "1990s", "G7"
				continue
			}
			joiner := s[j.Start:j.End]
			if wordJoiner(joiner) {
				if k, ok := sc.Next(); ok && k.Gap == Joined && k.Kind != Mark &&
					(joiner != "," || last == Digits && k.Kind == Digits) {
					end, last = k.End, k.Kind
					continue
				}
			}
			sc = save
			if joiner == "." && Initials(s[p.Start:end]) {
				sc.Next()
				end = j.End
			}
			break
		}
		into = append(into, Word{Start: from + p.Start, End: from + end, IsWord: true, Gap: p.Gap})
	}
}

// wordJoiner is a character that stays inside a word when a letter or
// digit follows it.
func wordJoiner(s string) bool {
	switch s {
	case "'", "’", ".", ",", "-", "‐", "‑":
		return true
	}
	return false
}

// Initials reports letters separated by periods, the last period aside:
// "U.S", "a.m", "e.g".
func Initials(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}
