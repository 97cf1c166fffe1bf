package newstext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Tokens splits text into word and punctuation tokens the way CoNLL-2003
// (Penn-style Reuters) tokenised it, so that the tagger sees raw text as it
// saw its training data: punctuation and clitics ('s, n't) are separate
// tokens, abbreviations ("U.S.", "Mr.", "a.m.") keep their periods, numbers
// keep their inner separators ("3.5", "1,000"). Spans are byte offsets into
// text; invalid UTF-8 bytes are kept inside tokens (never split, never a
// panic).
func Tokens(text string) []Span { return english.Tokens(text) }

// Tokens is Tokens with the abbreviations of the lexicon's language.
func (l *Lexicon) Tokens(text string) []Span {
	return l.AppendTokens(make([]Span, 0, len(text)/5+1), text)
}

// AppendTokens appends the tokens of text to toks, as Tokens gives them:
// for a caller that tokenises text after text into memory of its own.
func (l *Lexicon) AppendTokens(toks []Span, text string) []Span {
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if IsSpace(r) {
				break
			}
			j += sz
		}
		toks = l.splitChunk(text, i, j, toks)
		i = j
	}
	return toks
}

// IsSpace reports a character that separates words: white space of any
// kind, and the no-break, zero-width, line and paragraph separators and the
// byte-order mark that converted text carries.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' ||
		r == 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0x200B ||
		(r > 0x7f && unicode.IsSpace(r))
}

// leading punctuation split off the front of a chunk.
func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '`', '(', '[', '{', '<', '“', '‘', '«', '„', '‚', '¿', '¡', '‹', '*':
		return true
	}
	return false
}

// trailing punctuation split off the end of a chunk.
func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', ',', ';', ':', '!', '?', '”', '’', '»', '›', '…', '*', '`':
		return true
	}
	return false
}

// Dashes and a few symbols are always tokens of their own.
func isSplitSymbol(r rune) bool {
	switch r {
	case '—', '–', '―', '|', '•', '·', '$', '€', '£', '¥', '#', '©', '®', '™', '¶', '§', '=', '+', '~', '^':
		return true
	}
	return false
}

// splitChunk tokenises one whitespace-free chunk text[s:e].
func (l *Lexicon) splitChunk(text string, s, e int, toks []Span) []Span {
	// Leading punctuation.
	for s < e {
		r, sz := utf8.DecodeRuneInString(text[s:e])
		if isOpenPunct(r) || isSplitSymbol(r) {
			// A leading apostrophe of a clitic or year ('s, '96) is part of
			// the word.
			if (r == '\'' || r == '’') && s+sz < e && clitic(text[s:e]) >= 0 {
				break
			}
			toks = append(toks, Span{s, s + sz})
			s += sz
			continue
		}
		break
	}
	if s >= e {
		return toks
	}
	// Trailing punctuation, collected in reverse.
	var tail [16]Span
	nt := 0
	for s < e && nt < len(tail)-1 {
		r, sz := utf8.DecodeLastRuneInString(text[s:e])
		if r == '.' {
			word := text[s:e]
			if strings.HasSuffix(word, "...") {
				if len(word) == 3 {
					break
				}
				tail[nt] = Span{e - 3, e}
				nt++
				e -= 3
				continue
			}
			if l.keepPeriod(word) {
				break
			}
			tail[nt] = Span{e - 1, e}
			nt++
			e--
			continue
		}
		if isClosePunct(r) || isSplitSymbol(r) {
			if e-sz == s {
				break
			}
			tail[nt] = Span{e - sz, e}
			nt++
			e -= sz
			continue
		}
		break
	}
	// Clitics: "didn't" → "did" "n't", "Russia's" → "Russia" "'s".
	if c := clitic(text[s:e]); c > 0 {
		toks = splitInner(text, s, s+c, toks)
		toks = append(toks, Span{s + c, e})
	} else if s < e {
		toks = splitInner(text, s, e, toks)
	}
	for k := nt - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

// splitInner splits dashes and symbols inside a word ("Biden—who",
// "$1.2"), but keeps hyphens, slashes, periods and apostrophes inside words.
func splitInner(text string, s, e int, toks []Span) []Span {
	start := s
	for i := s; i < e; {
		r, sz := utf8.DecodeRuneInString(text[i:e])
		if isSplitSymbol(r) || (r == '-' && i+1 < e && text[i+1] == '-') || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' {
			if start < i {
				toks = append(toks, Span{start, i})
			}
			end := i + sz
			if r == '-' { // "--" and longer runs
				for end < e && text[end] == '-' {
					end++
				}
			}
			toks = append(toks, Span{i, end})
			i = end
			start = end
			continue
		}
		i += sz
	}
	if start < e {
		toks = append(toks, Span{start, e})
	}
	return toks
}

// clitic returns the byte index where a trailing clitic starts in word, 0 if
// the whole word is a clitic ("'s" alone), -1 if there is none.
func clitic(word string) int {
	// Most words carry no apostrophe; look for the last one before comparing
	// suffixes, so the common case costs one scan and no allocation.
	ap := lastApostrophe(word)
	if ap < 0 {
		return -1
	}
	lw := len(word)
	apLen := 1
	if word[ap] != '\'' {
		apLen = len("’")
	}
	suffix := word[ap+apLen:]
	// n't, n’t: the clitic starts at the n.
	if ap >= 1 && lw >= 4 && (word[ap-1] == 'n' || word[ap-1] == 'N') && (suffix == "t" || suffix == "T") {
		if apLen == 1 || lw >= 5 {
			return ap - 1
		}
	}
	for _, suf := range [...]string{"s", "re", "ll", "ve", "d", "m"} {
		if strings.EqualFold(suffix, suf) {
			return ap
		}
	}
	return -1
}

// lastApostrophe is strings.LastIndexAny(word, "'’") read by bytes: ’ is
// E2 80 99, and every chunk of a text is asked.
func lastApostrophe(word string) int {
	for i := len(word) - 1; i >= 0; i-- {
		switch word[i] {
		case '\'':
			return i
		case 0x99:
			if i >= 2 && word[i-1] == 0x80 && word[i-2] == 0xE2 {
				return i - 2
			}
		}
	}
	return -1
}

// keepPeriod reports whether word (ending in '.') is an abbreviation whose
// period belongs to it.
func (l *Lexicon) keepPeriod(word string) bool {
	w := word[:len(word)-1]
	if w == "" {
		return false
	}
	// Initials and dotted acronyms: "J.", "U.S.", "a.m.", "D.C.".
	if strings.IndexByte(w, '.') >= 0 || utf8.RuneCountInString(w) == 1 {
		ok := true
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 2 {
				ok = false
				break
			}
		}
		if ok {
			r, _ := utf8.DecodeRuneInString(w)
			return unicode.IsLetter(r)
		}
	}
	if utf8.RuneCountInString(w) <= 5 {
		return l.Abbreviation(strings.ToLower(w))
	}
	return false
}

// sentence-final tokens.
func isFinal(tok string) bool {
	switch tok {
	case ".", "!", "?", "...", "…", "?!", "!?":
		return true
	}
	return false
}

func isCloser(tok string) bool {
	switch tok {
	case "\"", "'", "”", "’", ")", "]", "»", "''":
		return true
	}
	return false
}

// Sentences splits text into sentences and returns their spans. A sentence
// ends at . ! ? (plus closing quotes or brackets) before a token that can
// start a sentence, at a paragraph break (blank line), and at a single line
// break unless the text looks hard-wrapped; abbreviations never end one
// unless the next word is capitalised and the abbreviation is a dotted
// acronym ("in the U.S. The talks..."), and neither do the abbreviated
// titles that the tagger's text writes without a period, so that its
// tokens split them off ("Const. Tim Fanning", "Mme. Lagarde").
func Sentences(text string) []Span { return english.Sentences(text) }

// Sentences is Sentences with the abbreviations, sentence openers and
// ordinals of the lexicon's language: "M. Cassis", "am 3. Dezember", "EE.UU.".
func (l *Lexicon) Sentences(text string) []Span {
	toks := l.Tokens(text)
	var out []Span
	for _, s := range l.SentenceTokens(text, toks) {
		sp := Span{toks[s.Start].Start, toks[s.End-1].End}
		if n := len(out); n > 0 && l.titleStop(text, toks, s.Start) {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

// titleStop reports a sentence break before token i that only follows an
// abbreviated title and its period, split apart by the tokenizer: "Const"
// "." before a name.
func (l *Lexicon) titleStop(text string, toks []Span, i int) bool {
	if i < 2 || text[toks[i-1].Start:toks[i-1].End] != "." || toks[i-2].End != toks[i-1].Start {
		return false
	}
	w := strings.ToLower(text[toks[i-2].Start:toks[i-2].End])
	a := l.abbreviations[w]
	return a.kind == nameAbbreviation && !a.conll && startsUpper(text[toks[i].Start:toks[i].End])
}

// SentenceTokens groups toks (from Tokens(text)) into sentences; each Span is
// a half-open range of token indices.
func SentenceTokens(text string, toks []Span) []Span { return english.SentenceTokens(text, toks) }

// SentenceTokens is SentenceTokens in the lexicon's language.
func (l *Lexicon) SentenceTokens(text string, toks []Span) []Span {
	if len(toks) == 0 {
		return nil
	}
	wrapped := looksHardWrapped(text)
	var out []Span
	start := 0
	for i := 0; i < len(toks)-1; i++ {
		cur := text[toks[i].Start:toks[i].End]
		next := text[toks[i+1].Start:toks[i+1].End]
		gap := text[toks[i].End:toks[i+1].Start]
		nl := strings.Count(gap, "\n")
		brk := false
		switch {
		case nl >= 2:
			brk = true
		case nl == 1 && !wrapped && !startsLower(next):
			brk = true
		case nl == 1 && wrapped && (isFinal(cur) || isCloser(cur)) && !startsLower(next):
			brk = true
		case isFinal(cur) && gap != "" && canStart(next) && !l.ordinalDot(text, toks, i):
			brk = true
		case isFinal(cur) && gap == "" && isCloser(next):
			// "...said." → the closer belongs to this sentence; decided at
			// the closer.
		case isCloser(cur) && i > start && isFinal(text[toks[i-1].Start:toks[i-1].End]) && gap != "" && canStart(next):
			brk = true
		case strings.HasSuffix(cur, ".") && len(cur) > 1 && gap != "" && !l.isTitle(cur) && startsUpper(next) && !l.nextIsName(next):
			// "in the U.S. The talks", "said no. The talks": an
			// abbreviation ends the sentence before a common opener.
			brk = true
		}
		if brk {
			out = append(out, Span{start, i + 1})
			start = i + 1
		}
	}
	out = append(out, Span{start, len(toks)})
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func canStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(r) && r != ',' && r != ';' && r != ')' && r != ':'
}

// isTitle: abbreviations that are always followed by a name, and initials.
func (l *Lexicon) isTitle(s string) bool {
	if a := l.abbreviations[strings.ToLower(strings.TrimSuffix(s, "."))]; a.kind == nameAbbreviation && a.conll {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return len(s) == 2 && unicode.IsUpper(r) // initial "J."
}

// nextIsName guesses that "U.S. Deputy", "U.S. President" continue the
// sentence: a capitalised word after an acronym is a sentence start only if
// it is a common sentence opener.
func (l *Lexicon) nextIsName(next string) bool { return !l.Opener(strings.ToLower(next)) }

// ordinalDot reports a period at token i that makes the number before it
// an ordinal day, as German writes them ("am 3. Dezember"): no full stop.
func (l *Lexicon) ordinalDot(text string, toks []Span, i int) bool {
	if i == 0 || i+1 >= len(toks) || !l.OrdinalEnd(".") || toks[i-1].End != toks[i].Start {
		return false
	}
	num := text[toks[i-1].Start:toks[i-1].End]
	if len(num) > 2 || num[0] < '0' || num[0] > '9' || num[len(num)-1] < '0' || num[len(num)-1] > '9' {
		return false
	}
	_, month := l.Month(strings.ToLower(text[toks[i+1].Start:toks[i+1].End]))
	return month
}

// looksHardWrapped reports whether the text's single line breaks mostly fall
// inside sentences (text wrapped at a fixed width), in which case they are
// not sentence boundaries.
func looksHardWrapped(text string) bool {
	single, inside := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '\n' || i > 0 && text[i-1] == '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j >= len(text) || text[j] == '\n' {
			continue
		}
		single++
		if startsLower(text[j:]) {
			inside++
		}
		if single > 200 {
			break
		}
	}
	return single >= 3 && inside*4 >= single
}
