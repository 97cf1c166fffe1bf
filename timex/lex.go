package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
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

// lex splits text into tokens: newstext's pieces (runs of letters, runs
// of digits, single marks), with abbreviations written with inner dots
// ("a.m.", "p.m", "U.S.") kept as one word so the grammar does not have to
// reassemble them.
func lex(text string, toks []token, vocab map[string]vocabEntry) []token {
	toks = toks[:0]
	sc := newstext.NewScanner(text)
	for {
		p, ok := sc.Next()
		if !ok {
			return toks
		}
		var t token
		switch p.Kind {
		case newstext.Digits:
			t = token{start: p.Start, end: p.End, lw: text[p.Start:p.End], kind: tNum}
		case newstext.Letters:
			t = lexWord(text, p.Start, dottedEnd(text, p, &sc), vocab)
		default:
			t = lexPunct(text, p.Start, p.End)
		}
		t.space, t.para = p.Gap != newstext.Joined, p.Gap >= newstext.LineBreak
		toks = append(toks, t)
	}
}

// dottedEnd is where the word of letters p ends with the inner dots of
// "a.m." / "p.m" / "u.s." (letter '.' letter ['.']), reading the pieces
// that belong to it from sc.
func dottedEnd(text string, p newstext.Piece, sc *newstext.Scanner) int {
	end := p.End
	for end-p.Start <= 2 {
		save := *sc
		dot, ok1 := sc.Next()
		letter, ok2 := sc.Next()
		if !ok1 || !ok2 || dot.Gap != newstext.Joined || text[dot.Start:dot.End] != "." ||
			letter.Gap != newstext.Joined || letter.Kind != newstext.Letters || letter.End-letter.Start != 1 {
			*sc = save
			break
		}
		end = letter.End
		save = *sc
		if final, ok := sc.Next(); ok && final.Gap == newstext.Joined && text[final.Start:final.End] == "." {
			end = final.End
		} else {
			*sc = save
		}
	}
	return end
}

// lexWord makes the token of the word text[start:end].
func lexWord(text string, start, end int, vocab map[string]vocabEntry) token {
	w := text[start:end]
	c := text[start]
	up := c >= 'A' && c <= 'Z'
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(w)
		up = unicode.IsUpper(r)
	}
	lw, id := lowerWord(w, vocab)
	return token{start: start, end: end, lw: lw, id: id, kind: tWord, upper: up}
}

// lexPunct makes the token of the mark text[start:end]; typographic
// quotes and dashes read as their plain forms.
func lexPunct(text string, start, end int) token {
	lw := text[start:end]
	switch lw {
	case "’", "‘", "`":
		lw = "'"
	case "“", "”", "«", "»", "„":
		lw = "\""
	case "–", "—", "‐", "‑":
		lw = "-"
	}
	return token{start: start, end: end, lw: lw, kind: tPunct}
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
