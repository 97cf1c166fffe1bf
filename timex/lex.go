package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord = iota
	tNum
	tPunct
)

// token is one word, number or punctuation mark. lw is the lower-cased text
// for words, the digits for numbers and the mark itself for punctuation.
type token struct {
	start, end int
	lw         string
	kind       uint8
	space      bool  // whitespace (or start of text) before the token
	para       bool  // a blank line, or a line break, before the token
	upper      bool  // first letter is upper case
	id         int32 // the word's id in the grammar's vocabulary; 0 for others
}

// lex splits text into tokens in one pass. Abbreviations written with
// inner dots ("a.m.", "p.m", "U.S.") stay one word so the grammar does not
// have to reassemble them.
func lex(text string, toks []token, vocab map[string]vocabEntry) []token {
	toks = toks[:0]
	space, para := true, true
	for i := 0; i < len(text); {
		c := text[i]
		if isSpace(c) {
			space = true
			para = para || c == '\n'
			i++
			continue
		}
		var t token
		switch {
		case c >= '0' && c <= '9':
			t = lexNumber(text, i)
		case c < utf8.RuneSelf && isASCIILetter(c) || c >= utf8.RuneSelf && isLetterAt(text, i):
			t = lexWord(text, i, vocab)
		default:
			t = lexPunct(text, i)
		}
		t.space, t.para = space, para
		toks = append(toks, t)
		i = t.end
		space, para = false, false
	}
	return toks
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// lexNumber reads the digits at i.
func lexNumber(text string, i int) token {
	start := i
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return token{start: start, end: i, lw: text[start:i], kind: tNum}
}

// lexWord reads the word at i, with the inner dots of "a.m." / "p.m" /
// "u.s." (letter '.' letter ['.']).
func lexWord(text string, start int, vocab map[string]vocabEntry) token {
	n := len(text)
	i := scanWord(text, start)
	for i+1 < n && text[i] == '.' && isASCIILetter(text[i+1]) && i-start <= 2 && (i+2 >= n || !isASCIILetter(text[i+2])) {
		i += 2
		if i < n && text[i] == '.' {
			i++
		}
	}
	w := text[start:i]
	c := text[start]
	up := c >= 'A' && c <= 'Z'
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(w)
		up = unicode.IsUpper(r)
	}
	lw, id := lowerWord(w, vocab)
	return token{start: start, end: i, lw: lw, id: id, kind: tWord, upper: up}
}

// lexPunct reads one mark at i; typographic quotes and dashes read as
// their plain forms.
func lexPunct(text string, start int) token {
	size := 1
	if text[start] >= utf8.RuneSelf {
		_, size = utf8.DecodeRuneInString(text[start:])
	}
	lw := text[start : start+size]
	switch lw {
	case "’", "‘", "`":
		lw = "'"
	case "“", "”", "«", "»", "„":
		lw = "\""
	case "–", "—", "‐", "‑":
		lw = "-"
	}
	return token{start: start, end: start + size, lw: lw, kind: tPunct}
}

// vocabEntry is a word the grammar compares tokens with: its interned
// lower-case spelling and its id, which indexes the lexicon entries and
// the rule tables.
type vocabEntry struct {
	lw string
	id int32
}

// lowerWord lower-cases a word without allocating and returns its id in
// the vocabulary (0 when it is not there): the grammar only ever compares
// words with its own vocabulary, so a capitalised word outside it may keep
// its case.
func lowerWord(w string, vocab map[string]vocabEntry) (string, int32) {
	up := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			lw := strings.ToLower(w)
			return lw, vocab[lw].id
		}
		if c >= 'A' && c <= 'Z' {
			up = true
		}
	}
	var buf [32]byte
	if !up || len(w) > len(buf) {
		return w, vocab[w].id
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if e, ok := vocab[string(buf[:len(w)])]; ok {
		return e.lw, e.id
	}
	return w, 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}
