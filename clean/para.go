package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline-news/storyline"
)

// paragraph is a paragraph of the body and what it is for ("" for the
// report itself, until roles are settled).
type paragraph struct {
	s    string
	role storyline.Role
	line int // index of its first line
}

// paragraphs joins the lines of each block (lines between blank ones) into
// paragraphs. Text wrapped at a fixed width (PDF, e-mail, print) is
// recognised as a whole: then a line that ends mid-sentence continues on
// the next. Otherwise every line is its own paragraph, unless it plainly
// stops mid-sentence and the next starts in lower case. Lines of different
// roles (a caption, the report) are never joined.
func paragraphs(lines []line) []paragraph {
	width, wrapped := wrapWidth(lines)
	var out []paragraph
	var cur strings.Builder
	var last string // the last line added to cur
	var vocab map[string]bool
	first := 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, paragraph{s: cur.String(), role: lines[first].role, line: first})
			cur.Reset()
		}
		last = ""
	}
	for i, l := range lines {
		if l.s == "" {
			flush()
			continue
		}
		if last != "" && (l.role != lines[first].role || !joins(last, l, wrapped, width)) {
			flush()
		}
		if cur.Len() > 0 {
			if hyphenated(last) && startsLower(l.s) {
				// A word broken at the line end: "govern-" + "ment" loses the
				// hyphen when the text spells "government" elsewhere;
				// "well-" + "known" keeps it.
				if vocab == nil {
					vocab = wordSet(lines)
				}
				head := lastWord(last[:len(last)-1])
				tail := firstWord(l.s)
				if vocab[strings.ToLower(head+tail)] && !vocab[strings.ToLower(head+"-"+tail)] {
					s := cur.String()
					cur.Reset()
					cur.WriteString(s[:len(s)-1])
				}
			} else {
				cur.WriteByte(' ')
			}
		} else {
			first = i
		}
		cur.WriteString(l.s)
		last = l.s
	}
	flush()
	return out
}

func hyphenated(s string) bool {
	if !strings.HasSuffix(s, "-") || len(s) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return r != ' ' && r != '-'
}

// joins decides whether b continues the paragraph whose last line is a.
func joins(a string, b line, wrapped bool, width int) bool {
	la := utf8.RuneCountInString(a)
	if wrapped {
		if !endsSentence(a) && !closesQuote(a) {
			// A short line that does not end a sentence is a heading unless
			// the next line plainly continues it.
			return la*2 >= width || startsLower(b.s)
		}
		if b.indent {
			return false
		}
		// A wrapped line that happens to end a sentence still fills the width.
		return la*20 >= width*17
	}
	if endsSentence(a) || closesQuote(a) || !startsLower(b.s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(a)
	return r == ',' || r == '-' || r == '—' || r == '–' || isLetterOrDigit(r)
}

func isLetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 && r != '…'
}

// wrapWidth estimates the width text was wrapped at and whether it was:
// many lines inside blocks stop mid-sentence close to the widest lines.
func wrapWidth(lines []line) (int, bool) {
	var lens []int
	inner, cut := 0, 0
	for _, l := range lines {
		if l.s == "" {
			continue
		}
		lens = append(lens, utf8.RuneCountInString(l.s))
	}
	if len(lens) < 3 {
		return 0, false
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	width := sorted[len(sorted)*9/10]
	if width < 30 || width > 250 {
		return width, false
	}
	lower := 0 // cut lines followed by a lower-case continuation
	for i, l := range lines {
		if l.s == "" || i+1 >= len(lines) || lines[i+1].s == "" {
			continue
		}
		inner++
		if !endsSentence(l.s) && !closesQuote(l.s) && utf8.RuneCountInString(l.s)*10 >= width*6 {
			cut++
			if startsLower(lines[i+1].s) {
				lower++
			}
		}
	}
	// Lists (dates, results) also have many lines without a full stop; only
	// prose wrapped mid-sentence goes on in lower case.
	return width, cut >= 2 && cut*10 >= inner*3 && lower*10 >= cut*4
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' }

// wordSet holds the lower-cased words of the lines.
func wordSet(lines []line) map[string]bool {
	m := map[string]bool{}
	for _, l := range lines {
		for _, w := range strings.FieldsFunc(l.s, func(r rune) bool { return !isWordRune(r) }) {
			m[strings.ToLower(strings.Trim(w, "-'’"))] = true
		}
	}
	return m
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}
