package newstext

import (
	"unicode"
	"unicode/utf8"
)

// PieceKind is what a Piece of text is.
type PieceKind uint8

const (
	// Letters is a run of letters (with the combining marks and the
	// digits of other scripts written inside words).
	Letters PieceKind = iota + 1
	// Digits is a run of ASCII digits.
	Digits
	// Mark is one other character: punctuation, a symbol, or a byte that
	// is not UTF-8.
	Mark
)

// Gap is what stands between a piece and the one before it.
type Gap uint8

const (
	// Joined pieces touch: "10" and ":" in "10:30".
	Joined Gap = iota
	// Spaced pieces are separated by white space within a line.
	Spaced
	// LineBreak: a line break comes between them, or the piece starts
	// the text.
	LineBreak
	// BlankLine: a blank line (a paragraph break) comes between them.
	BlankLine
)

// Piece is the smallest unit of a text: tokenizers of every stage are
// built from pieces, so that they agree on what a letter, a space and a
// line break are, and on byte offsets.
type Piece struct {
	Start, End int // byte offsets
	Kind       PieceKind
	Gap        Gap // before the piece
}

// Scanner reads a text piece by piece without allocating.
type Scanner struct {
	text  string
	pos   int
	begun bool
}

// NewScanner returns a scanner over text.
func NewScanner(text string) Scanner { return Scanner{text: text} }

// Next returns the next piece, and false at the end of the text.
func (sc *Scanner) Next() (Piece, bool) {
	text := sc.text
	gap, lines := Joined, 0
	if !sc.begun {
		gap = LineBreak
		sc.begun = true
	}
	i := sc.pos
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
				break
			}
			if c == '\n' {
				lines++
			}
			i++
			gap = max(gap, Spaced)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !IsSpace(r) {
			break
		}
		if r == 0x2028 || r == 0x2029 {
			lines++
		}
		i += size
		gap = max(gap, Spaced)
	}
	switch {
	case lines >= 2:
		gap = BlankLine
	case lines == 1:
		gap = max(gap, LineBreak)
	}
	if i >= len(text) {
		sc.pos = i
		return Piece{}, false
	}
	p := Piece{Start: i, Gap: gap}
	c := text[i]
	switch {
	case c >= '0' && c <= '9':
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		p.Kind = Digits
	case c < utf8.RuneSelf && !isASCIILetter(c):
		i++
		p.Kind = Mark
	default:
		r, size := utf8.DecodeRuneInString(text[i:])
		if c >= utf8.RuneSelf && !wordRune(r) {
			i += size
			p.Kind = Mark
			break
		}
		i = letterRun(text, i)
		p.Kind = Letters
	}
	p.End = i
	sc.pos = i
	return p, true
}

// letterRun is the end of the run of letters that starts at i.
func letterRun(s string, i int) int {
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
		if !wordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// wordRune is a non-ASCII character that belongs to a word.
func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r))
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
