package main

import (
	"fmt"
	"strings"
	"unicode"
)

// escaped makes a message safe to print on one terminal line: file names
// are the user's data, and a name holding a newline or an escape sequence
// must not forge a summary line or recolour the terminal. Control and
// formatting characters (C0, C1, DEL, bidirectional overrides) are written
// as Go escapes; everything else, accents and scripts included, is kept.
func escaped(s string) string {
	clean := true
	for _, r := range s {
		if needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !needsEscape(r):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
