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

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true,
	"gen": true, "gov": true, "rep": true, "lt": true, "col": true, "capt": true,
	"sgt": true, "adm": true, "st": true, "no": true, "jr": true, "sr": true,
	"vs": true, "rev": true, "maj": true, "pres": true, "amb": true, "mme": true,
	"mlle": true, "messrs": true, "hon": true, "cmdr": true, "supt": true,
	"insp": true, "det": true, "fr": true, "dept": true, "corp": true, "inc": true,
	"co": true, "ltd": true, "m": true,
}

// tokenize splits text into words and punctuation. A word keeps inner
// apostrophes, hyphens and periods (O'Brien, vice-president, U.S.) and the
// period of a known abbreviation or an initial; a blank line is a
// punctuation token of its own, a single line break is a space (hard-wrapped
// text).
func tokenize(text string, base int) []token {
	toks := make([]token, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if j, ok := blankLine(text, i+n); ok {
				toks = append(toks, token{s: "\n\n", start: base + i, end: base + j, punct: true})
				i = j
				continue
			}
			i += n
		case unicode.IsSpace(r) || r == utf8.RuneError && n <= 1:
			i += n
		case isWordRune(r):
			j := wordEnd(text, i, i+n)
			toks = append(toks, token{s: text[i:j], start: base + i, end: base + j})
			i = j
		default:
			toks = append(toks, token{s: text[i : i+n], start: base + i, end: base + i + n, punct: true})
			i += n
		}
	}
	return toks
}

// blankLine reports a line of nothing but blanks from j on, after a line
// break, and where it ends (after its own line break).
func blankLine(text string, j int) (int, bool) {
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j < len(text) && text[j] == '\n' {
		return j + 1, true
	}
	return 0, false
}

// wordEnd is where the word that starts at start and goes on at j ends:
// inner apostrophes, hyphens and periods stay in it, and so does the
// period of a known abbreviation or an initial.
func wordEnd(text string, start, j int) int {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if strings.ContainsRune(".'’-‑", r) && j+n < len(text) && isWordRune(firstRune(text[j+n:])) {
			j += n
			continue
		}
		break
	}
	if j < len(text) && text[j] == '.' && keepsPeriod(text[start:j]) {
		j++
	}
	return j
}

// keepsPeriod reports a word whose period is no full stop: an
// abbreviation (Mr., Dr.), an acronym (U.S.), an initial (S.).
func keepsPeriod(w string) bool {
	return abbreviations[strings.ToLower(w)] || strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
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
