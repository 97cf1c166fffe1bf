package source

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
)

type format int

const (
	formatText format = iota
	formatHTML
	formatJSONL
	formatJSON // one JSON document: an array of articles, or pretty-printed objects
	formatFeed
	formatWARC
	formatARC
	formatBinary
)

// sniffSize is how much of an input's start decides its format.
const sniffSize = 8 << 10

// detect recognises a format by content first; the extension only settles
// what the content leaves open.
func detect(head []byte, name string) format {
	ext := strings.ToLower(filepath.Ext(name))
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return formatWARC
	}
	if bytes.HasPrefix(head, []byte("filedesc://")) {
		return formatARC
	}
	if isBinary(head) {
		return formatBinary
	}
	s := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	s = bytes.TrimLeft(s, " \t\r\n\f")
	lower := bytes.ToLower(s)
	switch {
	case len(s) == 0:
		return formatText
	case s[0] == '<':
		// A namespace prefix ("<a:feed xmlns:a=...>") names the same element.
		root := rootElement(lower)
		if i := strings.IndexByte(root, ':'); i >= 0 {
			root = root[i+1:]
		}
		switch root {
		case "rss", "feed", "rdf", "channel":
			return formatFeed
		case "":
			if ext == ".rss" || ext == ".atom" || ext == ".xml" {
				return formatFeed
			}
		}
		return formatHTML
	case s[0] == '{':
		// A JSON Feed is one JSON document that names its version.
		if bytes.Contains(lower[:min(len(lower), 512)], []byte("jsonfeed.org/version")) {
			return formatFeed
		}
		// One object per line, unless the first object spans lines.
		line, _, _ := bytes.Cut(s, []byte("\n"))
		if !json.Valid(bytes.TrimSpace(line)) && !bytes.Contains(line, []byte(`"`)) {
			return formatJSON
		}
		return formatJSONL
	case s[0] == '[':
		return formatJSON
	}
	// Text that is really a page: a document marker anywhere in the start.
	for _, m := range []string{"<!doctype html", "<html", "<body", "<head>"} {
		if bytes.Contains(lower, []byte(m)) {
			return formatHTML
		}
	}
	switch ext {
	case ".html", ".htm", ".xhtml":
		if tagLike.Match(s) {
			return formatHTML
		}
	case ".jsonl", ".ndjson":
		return formatJSONL
	}
	return formatText
}

// tagLike matches what starts an HTML tag, not a lone "<" in prose.
var tagLike = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--)`)

// rootElement is the name of the first element in markup, past the XML
// declaration, comments, processing instructions and the doctype; "" when
// the start holds none.
func rootElement(s []byte) string {
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			i := bytes.Index(s, []byte("-->"))
			if i < 0 {
				return ""
			}
			s = s[i+3:]
		case bytes.HasPrefix(s, []byte("<?")), bytes.HasPrefix(s, []byte("<!")):
			i := bytes.IndexByte(s, '>')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case bytes.HasPrefix(s, []byte("<")):
			end := bytes.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			return string(s[1 : end+1])
		default:
			return ""
		}
	}
}

// isBinary reports whether the start of an input is not text: it holds a
// NUL byte or too many control characters. Bytes that are not UTF-8 are no
// sign: text in a legacy encoding (windows-1251, Shift_JIS) is full of them,
// and is decoded later. (UTF-16, whose NULs would look binary, has been
// decoded before this is asked.)
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control := 0
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b {
			control++
		}
	}
	return control*10 > len(head)
}
