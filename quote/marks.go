package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// para is a paragraph: a run of lines ended by a blank line, or by a line
// that ends a sentence (one paragraph per line, as feeds and scrapers give
// it), or by a short line (headings, bylines). Lines inside a paragraph are
// hard wraps and read as spaces.
type para struct {
	start, end int // trimmed
	skip       bool
	soft       bool // ended by its line's last character, not a blank line
}

func paragraphs(text string) []para {
	var out []para
	start := -1 // start of the current paragraph
	lastEnd := 0
	pos := 0
	flush := func() {
		if start >= 0 {
			out = append(out, para{start: start, end: lastEnd})
			start = -1
		}
	}
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		ls, le := trimSpan(text, pos, lineEnd)
		if ls == le {
			flush()
		} else {
			if start < 0 {
				start = ls
			}
			lastEnd = le
			if nl >= 0 && endsParagraph(text, ls, le, lineEnd+1) {
				flush()
				out[len(out)-1].soft = true
			}
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	flush()
	return out
}

// endsParagraph says whether the line [ls, le) ends its paragraph although
// no blank line follows.
func endsParagraph(text string, ls, le, next int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[ls:le])
	switch r {
	case '.', '!', '?', '…', '"', '”', '»', '’', '\'':
		return true
	}
	if le-ls >= 60 {
		return false
	}
	// A short line followed by a capitalised one is a heading or a byline.
	rest := strings.TrimLeft(text[next:], " \t\r\u00a0")
	nr, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(nr) || unicode.IsDigit(nr) || isMarkRune(nr)
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !newstext.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !newstext.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// Mark classes.
const (
	clsNone   = iota
	clsDouble // " “ ” „ « » and doubled singles ('' as OCR writes ")
	clsSingle // ' ‘ ’ ‹ ›
)

// Mark roles from the characters around the mark.
const (
	roleNone = iota // an apostrophe or a stray mark
	roleOpen
	roleClose
	roleEither
)

// lean of a glyph: curly marks say which side they are on; straight ones
// do not.
func markRune(r rune) (cls int, lean int) {
	switch r {
	case '"', '＂':
		return clsDouble, roleEither
	case '“', '„', '‟', '«':
		return clsDouble, roleOpen
	case '”', '»':
		return clsDouble, roleClose
	case '\'', '`':
		return clsSingle, roleEither
	case '‘', '‚', '‛', '‹':
		return clsSingle, roleOpen
	case '’', '›':
		return clsSingle, roleClose
	}
	return clsNone, roleNone
}

func isMarkRune(r rune) bool {
	c, _ := markRune(r)
	return c != clsNone
}

// mark is a run of adjacent quote characters (`""`, `'"`, `”`) read as one.
type mark struct {
	start, end int
	cls, role  int
	para       int
	paraStart  bool // first thing in its paragraph
	straight   bool // a glyph that does not say its side (")
}

func scanMarks(text string, paras []para) []mark {
	var out []mark
	for pi, p := range paras {
		pos := p.start
		for pos < p.end {
			r, n := utf8.DecodeRuneInString(text[pos:p.end])
			if !isMarkRune(r) {
				pos += n
				continue
			}
			start := pos
			nDouble, nSingle, guill := 0, 0, false
			lean := -1
			for pos < p.end {
				r, n := utf8.DecodeRuneInString(text[pos:p.end])
				c, l := markRune(r)
				if c == clsNone {
					break
				}
				if c == clsDouble {
					nDouble++
				} else {
					nSingle++
				}
				if r == '«' || r == '»' {
					guill = true
				}
				if lean == -1 {
					lean = l
				} else if lean != l {
					lean = roleEither
				}
				pos += n
			}
			m := mark{start: start, end: pos, para: pi, paraStart: start == p.start, straight: lean == roleEither}
			switch {
			case nDouble > 0 || nSingle >= 2:
				m.cls = clsDouble
			default:
				m.cls = clsSingle
			}
			left, _ := utf8.DecodeLastRuneInString(text[p.start:start])
			if start == p.start {
				left = ' '
			}
			right, _ := utf8.DecodeRuneInString(text[pos:p.end])
			if pos >= p.end {
				right = ' '
			}
			m.role = markRole(m.cls, lean, left, right, guill)
			if pos >= p.end && m.role == roleEither {
				m.role = roleClose // nothing follows it to open
			}
			if nDouble == 0 && isWordRune(left) && isWordRune(right) {
				m.role = roleNone // a doubled apostrophe: Russia’’s
			}
			if m.role != roleNone {
				out = append(out, m)
			}
		}
	}
	return out
}

func markRole(cls, lean int, left, right rune, guill bool) int {
	if guill {
		return lean
	}
	leftOpen := newstext.IsSpace(left) || strings.ContainsRune("([{—–-/", left)
	// A mark before a full stop closes ("a write-off ".); a straight one
	// before an ellipsis ("...and then") is left to pairing.
	rightOpen := !newstext.IsSpace(right) && !strings.ContainsRune(".,;:!?)]}", right)
	leftClose := !newstext.IsSpace(left) && !strings.ContainsRune("([{", left)
	rightClose := newstext.IsSpace(right) || strings.ContainsRune(".,;:!?)]}—–-/…", right) || isMarkRune(right)
	if cls == clsSingle {
		switch {
		case isWordRune(left) && isWordRune(right):
			return roleNone // apostrophe: Russia’s, don't
		case leftOpen && rightOpen:
			return roleOpen
		case leftClose && rightClose:
			return roleClose
		}
		return roleNone
	}
	switch {
	case leftOpen && rightOpen && !(leftClose && rightClose):
		return roleOpen
	case leftClose && rightClose:
		return roleClose
	case newstext.IsSpace(left) && newstext.IsSpace(right):
		// A free-standing mark: tokenised text (`said , " he`) spaces
		// its quotes; pairing decides which side it is.
		return lean
	}
	// Inside a word (said"the): the glyph decides.
	return lean
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// span is a quoted passage: the words between the marks, and the marks.
type span struct {
	open, close int // first byte of the opening mark, last byte+1 of the closing one
	start, end  int // the quoted words
	cls         int
	firstPara   int
	lastPara    int
	inner       []int // [start,end) pairs of opening marks repeated at paragraph starts
	closed      bool  // a real closing mark was found
}

// pairMarks pairs opening and closing marks. It copes with the damage OCR and
// careless editing leave: doubled marks (read as one), a double quote closed
// by a single one ("a big question' if), a closing mark lost at the end of a
// paragraph, and the convention that a quote running over several
// paragraphs repeats its opening mark at each one and closes only at the end.
func pairMarks(text string, paras []para, marks []mark) []span {
	var out []span
	firstMark := make([]int, len(paras))
	for i := range firstMark {
		firstMark[i] = -1
	}
	for i := len(marks) - 1; i >= 0; i-- {
		firstMark[marks[i].para] = i
	}
	var cur *span
	fallback := -1 // a single closing mark inside a double quote
	curPara := 0
	closeAt := func(endMark int) {
		m := marks[endMark]
		cur.close, cur.end, cur.closed = m.end, m.start, true
		cur.lastPara = m.para
		out = append(out, *cur)
		cur, fallback = nil, -1
	}
	unbalanced := func() {
		if fallback >= 0 {
			closeAt(fallback)
			return
		}
		// A quote that opens a paragraph and never closes lost its closing
		// mark; one that opens mid-paragraph is more likely a stray mark.
		if cur.cls == clsDouble && marks[cur.inner[0]].paraStart {
			p := paras[curPara]
			cur.close, cur.end, cur.lastPara = p.end, p.end, curPara
			// "...the shootings, police Lt. Gerry Scherlinck said." — the
			// lost mark belonged before the attribution.
			if c := trailingAttribution(text[cur.start:p.end]); c > 0 {
				cur.close, cur.end = cur.start+c, cur.start+c
			}
			out = append(out, *cur)
		}
		cur, fallback = nil, -1
	}
	open := func(i int) {
		m := marks[i]
		cur = &span{open: m.start, start: m.end, cls: m.cls, firstPara: m.para, inner: []int{i}}
		curPara = m.para
		fallback = -1
	}
	for i := 0; i < len(marks); i++ {
		m := marks[i]
		if paras[m.para].skip {
			if cur != nil {
				unbalanced()
			}
			continue
		}
		continued := false
		for cur != nil && curPara < m.para {
			next := curPara + 1
			fm := firstMark[next]
			if paras[next].skip || fm < 0 || !marks[fm].paraStart || marks[fm].cls != cur.cls || marks[fm].role == roleClose {
				// One sentence a line: a quote of several sentences runs
				// over line ends when its closing mark follows within a
				// few lines, before any opening one.
				// A line that reopens the quote after such lines goes on
				// with it, as a new paragraph would.
				if fallback < 0 && paras[curPara].soft && !paras[next].skip && m.para <= curPara+maxQuoteLines &&
					(m.cls == cur.cls || m.cls == clsSingle && cur.cls == clsDouble) &&
					(m.role != roleOpen && !m.paraStart || m.cls == cur.cls && m.paraStart && m.role != roleClose && fm < 0) {
					curPara = next
					continue
				}
				unbalanced()
				break
			}
			if fallback >= 0 {
				closeAt(fallback)
				break
			}
			// The paragraph reopens the quote: it continues.
			cur.inner = append(cur.inner, fm)
			curPara = next
			if fm == i {
				continued = true
			}
		}
		if continued {
			continue
		}
		if cur == nil {
			if m.role == roleOpen || m.role == roleEither {
				open(i)
			}
			continue
		}
		if cur.cls == clsDouble {
			if m.cls == clsSingle {
				if m.role == roleClose && fallback < 0 {
					fallback = i
				}
				continue
			}
			switch {
			case m.role == roleClose || m.role == roleEither || reopensAsClose(text, m, curPara):
				closeAt(i)
			default:
				unbalanced()
				open(i)
			}
			continue
		}
		// Inside single quotes double marks are a nested quotation.
		if m.cls == clsSingle && (m.role == roleClose || m.role == roleEither) {
			closeAt(i)
		}
	}
	if cur != nil {
		unbalanced()
	}
	// Skip the continuation marks inside each span's words; keep spans
	// that hold words.
	kept := out[:0]
	for _, s := range out {
		s.start, s.end = trimSpan(text, s.start, s.end)
		if s.end > s.start {
			kept = append(kept, s)
		}
	}
	return kept
}

// maxQuoteLines bounds a quote that runs over the line ends of one sentence
// a line text without repeating its opening mark.
const maxQuoteLines = 8

// reopensAsClose: a straight mark that looks like an opening one while a
// quote is open in its paragraph, right after the quote's final
// punctuation (`agreed, "said Silva`: text rebuilt from tokens loses the
// space on the wrong side), closes it.
func reopensAsClose(text string, m mark, curPara int) bool {
	if !m.straight || m.para != curPara {
		return false
	}
	before := strings.TrimRightFunc(text[:m.start], newstext.IsSpace)
	if len(before) == len(text[:m.start]) {
		return false // glued to the word before: a real opening would not be
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(",.!?…", r)
}

// quotedText is a span's words: marks stripped (the repeated opening marks
// of a multi-paragraph quote too), whitespace normalised, a trailing comma
// dropped.
func quotedText(text string, s span, marks []mark) string {
	var b strings.Builder
	pos := s.start
	for _, mi := range s.inner[1:] {
		m := marks[mi]
		if m.start < pos || m.end > s.end {
			continue
		}
		b.WriteString(text[pos:m.start])
		b.WriteByte(' ')
		pos = m.end
	}
	b.WriteString(text[pos:s.end])
	return cleanWords(b.String())
}

func cleanWords(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var prev rune
	for _, r := range s {
		if newstext.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		// Doubled apostrophes (Russia’’s) are damage.
		if (r == '’' || r == '\'') && r == prev {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
	}
	out := b.String()
	out = strings.TrimFunc(out, func(r rune) bool { return isMarkRune(r) || newstext.IsSpace(r) })
	out = strings.TrimRight(out, ",;: ")
	return out
}

// trailingAttribution finds, in a quote that lost its closing mark, a
// final ", NAME said." and returns the offset of its comma (0 if none).
func trailingAttribution(s string) int {
	c := strings.LastIndexByte(s, ',')
	if c <= 0 {
		return 0
	}
	words := strings.Fields(s[c+1:])
	if len(words) == 0 || len(words) > 8 {
		return 0
	}
	for _, w := range words {
		w = strings.ToLower(strings.TrimRight(w, ".!?"))
		if k := newstext.English().SpeechVerb(w); k == newstext.Say || k == newstext.According {
			return c
		}
	}
	return 0
}
