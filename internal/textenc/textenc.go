// Package textenc turns the bytes of a document into UTF-8, whatever
// encoding it is in: the one it declares (byte-order mark, HTTP
// Content-Type, XML declaration, <meta> charset), else the one detected.
// A UTF-8 document with a few stray bytes of another encoding is repaired
// rather than rejected, and the repair is counted so that the caller can
// warn about it.
//
// The encodings themselves come from golang.org/x/text (through
// golang.org/x/net/html/charset, which maps the WHATWG labels), detection
// from github.com/gogs/chardet (ICU's detector); this package only decides
// which one applies.
package textenc

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Kind says where a document may declare its encoding.
type Kind int

const (
	Text Kind = iota // no declaration inside the document
	HTML             // <meta charset> or http-equiv
	XML              // <?xml ... encoding="..."?>
)

// How a document's encoding was found (Decoded.From).
const (
	FromBOM      = "byte-order mark"
	FromHTTP     = "HTTP header"
	FromXML      = "XML declaration"
	FromMeta     = "<meta> charset"
	FromContent  = "content"  // valid UTF-8 (or plain ASCII): nothing to decide
	FromDetected = "detected" // no usable declaration: guessed from the bytes
)

// Decoded is a document in UTF-8 and how it was read.
type Decoded struct {
	Text    []byte
	Charset string // the encoding read, by its WHATWG name: "utf-8", "windows-1251"
	From    string // FromBOM, FromHTTP...
	// Repaired counts the bytes that were invalid in the encoding read and
	// were read as windows-1252 instead (stray Latin-1 bytes in UTF-8).
	Repaired int
}

// Warning says what a reader should know about how the document was read,
// or "" when it declared its encoding (or was plain UTF-8) and decoded
// cleanly.
func (d Decoded) Warning() string {
	var parts []string
	if d.From == FromDetected {
		parts = append(parts, fmt.Sprintf("no usable charset declared; read as %s (detected)", d.Charset))
	}
	if d.Repaired > 0 {
		parts = append(parts, fmt.Sprintf("repaired %d invalid %s byte%s (read as windows-1252)", d.Repaired, d.Charset, plural(d.Repaired)))
	}
	return strings.Join(parts, "; ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Decode returns data as UTF-8. contentType is the HTTP Content-Type the
// document came with, or "". It never fails: undecodable bytes become
// U+FFFD, as in a browser.
func Decode(data []byte, kind Kind, contentType string) Decoded {
	if enc, name, n := bomEncoding(data); enc != nil {
		return decodeWith(data[n:], enc, name, FromBOM, kind)
	}
	if enc, name, ok := utf16Pattern(data); ok {
		return decodeWith(data, enc, name, FromContent, kind)
	}
	label, from := declared(data, kind, contentType)
	var enc encoding.Encoding
	var name string
	if label != "" {
		enc, name = charset.Lookup(label)
		if enc == nil || strings.HasPrefix(name, "utf-16") {
			// UTF-16 shows in the bytes (a byte-order mark, NULs), which
			// were looked at above: a document that says UTF-16 without
			// them was converted already and kept its declaration.
			enc, name, from = nil, "", ""
		}
	}
	mb, bad := utf8Evidence(data)
	switch {
	case bad == 0 && (enc == nil || name == "utf-8" || mb > 0 && asciiCompatible(name)):
		// Valid UTF-8 that holds non-ASCII text is UTF-8 whatever the
		// label says: a legacy encoding is almost never valid UTF-8 by
		// accident, while mislabelled UTF-8 pages are common.
		return Decoded{Text: fixDeclaration(data, kind), Charset: "utf-8", From: firstNonEmpty(from, FromContent)}
	case enc != nil && name != "utf-8":
		return decodeWith(data, enc, name, from, kind)
	case mb >= bad || name == "utf-8" && (bad <= 8 || bad*50 <= len(data)):
		// UTF-8 with a few stray bytes: more valid UTF-8 sequences than
		// invalid bytes, or, when UTF-8 is declared, a handful of invalid
		// bytes or under 2% of the document. (A page in a legacy encoding mislabelled
		// UTF-8 has far more: every letter of a Cyrillic text.)
		out, n := repairUTF8(data)
		return Decoded{Text: fixDeclaration(out, kind), Charset: "utf-8", From: firstNonEmpty(from, FromContent), Repaired: n}
	}
	enc, name = detect(data, kind)
	return decodeWith(data, enc, name, FromDetected, kind)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// decodeWith decodes data with enc; a UTF-8 result is checked and repaired
// like any other.
func decodeWith(data []byte, enc encoding.Encoding, name, from string, kind Kind) Decoded {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		// x/text decoders replace what they cannot decode; an error
		// here means a broken decoder state, so read the bytes as they are.
		out = data
	}
	var n int
	if !utf8.Valid(out) {
		out, n = repairUTF8(out)
	}
	return Decoded{Text: fixDeclaration(out, kind), Charset: name, From: from, Repaired: n}
}

// bomEncoding is the encoding a byte-order mark names, and the mark's length.
func bomEncoding(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return encoding.Nop, "utf-8", 3
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// UTF16 reports whether the start of a document is UTF-16 without a
// byte-order mark, and in which byte order: ASCII characters leave a NUL
// in every other byte. It lets a reader decode such a document before
// taking its NULs for a binary file.
func UTF16(head []byte) (encoding.Encoding, bool) {
	enc, _, ok := utf16Pattern(head)
	return enc, ok
}

func utf16Pattern(b []byte) (encoding.Encoding, string, bool) {
	n := min(len(b), 512) &^ 1
	if n < 16 {
		return nil, "", false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*7 && zeroEven*10 <= pairs:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case zeroEven*10 >= pairs*7 && zeroOdd*10 <= pairs:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}

var (
	xmlDecl     = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']`)
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)
)

// declared is the encoding label the document or its HTTP header names,
// and where it was found. The HTTP header wins, as in browsers.
func declared(data []byte, kind Kind, contentType string) (label, from string) {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			return params["charset"], FromHTTP
		}
	}
	head := data[:min(len(data), 4096)]
	switch kind {
	case XML:
		if m := xmlDecl.FindSubmatch(head); m != nil {
			return string(m[1]), FromXML
		}
	case HTML:
		if m := xmlDecl.FindSubmatch(head); m != nil {
			return string(m[1]), FromXML
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			return string(m[1]), FromMeta
		}
	}
	return "", ""
}

// asciiCompatible reports whether an encoding writes ASCII as ASCII, so that
// an ASCII-only document reads the same in it and in UTF-8.
func asciiCompatible(name string) bool {
	return !strings.HasPrefix(name, "utf-16") && !strings.HasPrefix(name, "iso-2022") && name != "hz-gb-2312" && name != "replacement"
}

// utf8Evidence counts the valid multi-byte UTF-8 sequences of b and its
// invalid bytes.
func utf8Evidence(b []byte) (multibyte, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multibyte++
		}
		i += n
	}
	return multibyte, invalid
}

// repairUTF8 reads every byte that is not part of valid UTF-8 as
// windows-1252, the usual source of stray bytes in UTF-8 text (a Latin-1
// "é" pasted into a UTF-8 page).
func repairUTF8(b []byte) ([]byte, int) {
	out := make([]byte, 0, len(b)+16)
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
			r = charmap.Windows1252.DecodeByte(b[i])
			if r < 0xa0 && r >= 0x80 {
				r = utf8.RuneError // a C1 control: no character
			}
			out = utf8.AppendRune(out, r)
			i++
			continue
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	return out, n
}

// detect guesses the encoding of a document that is not UTF-8 and declares
// nothing usable. ICU's detector decides between the legacy encodings; when
// it is unsure, windows-1252 is what browsers fall back on.
func detect(data []byte, kind Kind) (encoding.Encoding, string) {
	d := chardet.NewTextDetector()
	if kind != Text {
		d = chardet.NewHtmlDetector()
	}
	sample := data[:min(len(data), 64<<10)]
	if r, err := d.DetectBest(sample); err == nil && r.Confidence >= 30 && !strings.HasPrefix(strings.ToLower(r.Charset), "utf") {
		label := r.Charset
		if label == "GB-18030" {
			label = "gb18030"
		}
		if enc, name := charset.Lookup(label); enc != nil {
			return enc, name
		}
	}
	return charmap.Windows1252, "windows-1252"
}

// fixDeclaration makes an XML declaration say UTF-8 once the document is
// UTF-8, so that an XML parser does not decode it a second time.
func fixDeclaration(b []byte, kind Kind) []byte {
	if kind == Text {
		return b
	}
	m := xmlDecl.FindSubmatchIndex(b[:min(len(b), 4096)])
	if m == nil || strings.EqualFold(string(b[m[2]:m[3]]), "utf-8") {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[m[3]:]...)
}
