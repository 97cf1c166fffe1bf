package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// repairQuotes fixes the straight quote marks of one paragraph damaged by
// conversion: doubled marks (""approaches" → "approaches") and quotations
// opened with " but closed with ' ("a big question' if → "a big question" if).
// Apostrophes (Russia's, don't) and well-nested single quotes are kept.
func repairQuotes(p string) string {
	if strings.Contains(p, "’’") || strings.Contains(p, "''") {
		p = undoubleApostrophes(p)
	}
	if !strings.Contains(p, "\"") {
		return p
	}
	b := []byte(p)
	// Doubled marks next to a word.
	if strings.Contains(p, "\"\"") {
		out := b[:0:0]
		for i := 0; i < len(b); i++ {
			if b[i] == '"' && i+1 < len(b) && b[i+1] == '"' {
				next := i+2 < len(b) && wordByte(b[i+2])
				prev := i > 0 && (wordByte(b[i-1]) || strings.IndexByte(".,!?;:", b[i-1]) >= 0)
				if next || prev {
					continue // keep only the second mark
				}
			}
			out = append(out, b[i])
		}
		b = out
	}
	if !strings.Contains(string(b), "'") {
		return string(b)
	}
	dOpen, sOpen := -1, -1
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			if dOpen < 0 {
				// A mark with space after it closes a quotation begun
				// elsewhere (one sentence a line): it opens nothing.
				if next := runeAfter(b, i+1); next != 0 && !unicode.IsSpace(next) {
					dOpen = i
				}
			} else {
				dOpen, sOpen = -1, -1
			}
		case '\'':
			prev, next := runeBefore(b, i), runeAfter(b, i+1)
			if unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(prev) || next == 's' && unicode.IsLetter(prev) {
				continue // apostrophe
			}
			opening := (prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-", prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
			if opening {
				sOpen = i
				continue
			}
			if sOpen >= 0 {
				sOpen = -1
				continue
			}
			if dOpen < 0 || prev == '"' || prev == ' ' {
				continue
			}
			// A " quotation closed by ' and then " ("joint work,'" he said).
			if i+1 < len(b) && b[i+1] == '"' && strings.ContainsRune(".,!?;:", prev) {
				b[i] = 0 // removed below; NUL never survives splitLines
				continue
			}
			// Plural possessive ("the countries' leaders") inside a quotation.
			if prev == 's' && next == ' ' {
				continue
			}
			nd := indexByteFrom(b, '"', i+1)
			if nd < 0 || openingDouble(b, nd) {
				b[i] = '"'
				dOpen = -1
			}
		}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		b = bytes.ReplaceAll(b, []byte{0}, nil)
	}
	return string(b)
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func runeBefore(b []byte, i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return r
}

func runeAfter(b []byte, i int) rune {
	if i >= len(b) {
		return 0
	}
	r, _ := utf8.DecodeRune(b[i:])
	return r
}

func indexByteFrom(b []byte, c byte, from int) int {
	if from >= len(b) {
		return -1
	}
	i := bytes.IndexByte(b[from:], c)
	if i < 0 {
		return -1
	}
	return from + i
}

// openingDouble reports whether the " at i opens a quotation: it follows a
// space or the start and precedes a word.
func openingDouble(b []byte, i int) bool {
	prev := runeBefore(b, i)
	next := runeAfter(b, i+1)
	return (prev == 0 || unicode.IsSpace(prev) || prev == '(') && next != 0 && !unicode.IsSpace(next)
}

// undoubleApostrophes turns a doubled apostrophe inside a word
// ("Russia’’s") into one.
func undoubleApostrophes(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		for _, d := range []string{"’’", "''"} {
			if strings.HasPrefix(p[i:], d) {
				prev, _ := utf8.DecodeLastRuneInString(p[:i])
				next, _ := utf8.DecodeRuneInString(p[i+len(d):])
				if unicode.IsLetter(prev) && unicode.IsLetter(next) {
					b.WriteString(d[:len(d)/2])
					i += len(d)
				}
			}
		}
		if i < len(p) {
			b.WriteByte(p[i])
			i++
		}
	}
	return b.String()
}
