package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tags of the IOB2 scheme, in the model's class order.
var tagNames = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const nTags = len(tagNames)

// Entity types; a tag t > 0 has type (t+1)/2 and is a B- tag when t is odd.
var typeNames = [...]string{"", "PER", "ORG", "LOC", "MISC"}

func tagType(t int) int  { return (t + 1) / 2 }
func isBegin(t int) bool { return t%2 == 1 }

// TagIndex returns the class index of an IOB2 tag ("B-PER"), or -1. IOB1
// tags are accepted too: callers convert them with toIOB2.
func TagIndex(tag string) int {
	for i, n := range tagNames {
		if n == tag {
			return i
		}
	}
	return -1
}

// allowed reports whether tag t may follow tag prev under IOB2.
func allowed(prev, t int) bool {
	if t == 0 || isBegin(t) {
		return true
	}
	return prev != 0 && tagType(prev) == tagType(t)
}

// FNV-1a, inlined so that features are hashed without building strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator, so that ("ab","c") ≠ ("a","bc")
	h *= fnvPrime
	return h
}

func hbyte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

func tmpl(id byte) uint64 { return hbyte(fnvOffset, id) }

// finalize mixes a feature hash so that table indexing by its high bits is
// uniform; 0 is reserved for empty table slots.
func finalize(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	if h == 0 {
		h = 1
	}
	return h
}

// tokInfo is what the feature templates need to know about one token.
type tokInfo struct {
	word  string // normalised surface form (curly quotes → ASCII)
	lower string // lower case, digits → 0
	shape string // collapsed character classes: "Xx", "X.X.", "d-d"
	flags uint8
	clus  string // word cluster bit string, "" if unknown
	cased uint8  // capitalisation profile (lexEntry.cased)
	// hide drops the features that name the word itself (training only):
	// the token is seen as a word the model never met.
	hide bool
}

const (
	fTitle uint8 = 1 << iota
	fAllCaps
	fHasDigit
	fHasLower
	fHasUpper
	fPunct
)

// normalize maps typographic variants to the ASCII forms of the Reuters
// training text.
func normalize(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»', '″':
			b.WriteByte('"')
		case '‘', '’', '‚', '′', '`':
			b.WriteByte('\'')
		case '—', '–', '―', '‐', '‑', '−':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		case utf8.RuneError:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lexEntry is what unlabelled text taught about a (lower-cased) word.
type lexEntry struct {
	clus  string // cluster bit string
	cased uint8  // capitalisation profile code, 0 when unknown
}

func makeInfo(tok string, lex map[string]lexEntry) tokInfo {
	w := normalize(tok)
	var ti tokInfo
	ti.word = w
	var lb []byte
	var sh []byte
	var last byte
	nUp, nLow, nLetters := 0, 0, 0
	for i, r := range w {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
			ti.flags |= fHasDigit
		case unicode.IsUpper(r):
			c = 'X'
			nUp++
			nLetters++
		case unicode.IsLetter(r):
			c = 'x'
			nLow++
			nLetters++
		default:
			if r < 0x80 {
				c = byte(r)
			} else {
				c = '~'
			}
		}
		if c != last || (c != 'x' && c != 'd' && c != 'X') {
			if len(sh) < 12 {
				sh = append(sh, c)
			}
		}
		last = c
		_ = i
	}
	ti.shape = string(sh)
	if nUp > 0 {
		ti.flags |= fHasUpper
	}
	if nLow > 0 {
		ti.flags |= fHasLower
	}
	if nLetters == 0 && ti.flags&fHasDigit == 0 {
		ti.flags |= fPunct
	}
	if nUp > 0 && nLow == 0 {
		ti.flags |= fAllCaps
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && nLow > 0 {
		ti.flags |= fTitle
	}
	low := strings.ToLower(w)
	if ti.flags&fHasDigit != 0 {
		lb = []byte(low)
		for i, c := range lb {
			if c >= '0' && c <= '9' {
				lb[i] = '0'
			}
		}
		low = string(lb)
	}
	// British and American spellings share features: Reuters writes
	// "Organisation", American outlets "Organization".
	if i := strings.Index(low, "isation"); i > 0 {
		low = low[:i] + "ization" + low[i+len("isation"):]
	}
	ti.lower = low
	if lex != nil {
		e := lex[low]
		ti.clus, ti.cased = e.clus, e.cased
	}
	return ti
}

// Feature template ids.
const (
	tBias byte = iota + 1
	tWord
	tLower
	tShape
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tWordM1
	tWordP1
	tShapeM1
	tShapeP1
	tShapeM1_0
	tShape0_P1
	tLowerM1_0
	tLower0_P1
	tFlags
	tFirst
	tFirstLower
	tCapsSent
	tCapsSentLower
	tTitleSent
	tGaz
	tGazLen
	tClus4
	tClus6
	tClus10
	tClus20
	tClusM1
	tClusP1
	tShapeM1_0_P1
	tLowerM2_M1
	tLowerP1_P2
	tSentLen
	tSufM1
	tSufP1
	tPrevTag
	tPrev2Tag
	tPrevTagLower
	tPrevTagShape
	tHist
	tHistShape
	tHistPrev
	tNextCapLower
	tCased
	tCasedM1
	tCasedP1
	tLab
	tLabM1
	tLabP1
	tPoolM1
	tPoolP1
	tPoolBefore
	tPoolAfter
	tPoolLowerToo
	tPoolRunFirst
	tPoolRunLast
)

func prefix(s string, n int) (string, bool) {
	k := 0
	for i := range s {
		if k == n {
			return s[:i], true
		}
		k++
	}
	if k == n {
		return s, true
	}
	return "", false
}

func suffix(s string, n int) (string, bool) {
	k := 0
	for i := len(s); i > 0; {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
		k++
		if k == n {
			return s[i:], true
		}
	}
	return "", false
}

// sentInfo holds per-sentence context features.
type sentInfo struct {
	capsSent  bool // headline in capitals: capitalisation says nothing
	titleSent bool // title-case headline
}

func analyzeSentence(toks []tokInfo) sentInfo {
	var si sentInfo
	letters, caps, titles, words := 0, 0, 0, 0
	for _, t := range toks {
		if t.flags&(fHasLower|fHasUpper) == 0 {
			continue
		}
		letters++
		if t.flags&fAllCaps != 0 {
			caps++
		}
		if len(t.word) > 3 {
			words++
			if t.flags&(fTitle|fAllCaps) != 0 {
				titles++
			}
		}
	}
	si.capsSent = letters >= 2 && caps*10 >= letters*8
	si.titleSent = !si.capsSent && words >= 3 && titles*10 >= words*8
	return si
}

var padInfo = tokInfo{word: "<S>", lower: "<s>", shape: "<S>"}

// staticFeatures appends the hashes of the features of token i that do not
// depend on predicted tags.
func staticFeatures(dst []uint64, toks []tokInfo, i int, si sentInfo, gaz []uint64, labs []uint8) []uint64 {
	at := func(k int) *tokInfo {
		if k < 0 || k >= len(toks) {
			return &padInfo
		}
		return &toks[k]
	}
	t0 := &toks[i]
	m1, p1, m2, p2 := at(i-1), at(i+1), at(i-2), at(i+2)
	add := func(h uint64) { dst = append(dst, finalize(h)) }

	add(tmpl(tBias))
	if !t0.hide {
		add(hstr(tmpl(tWord), t0.word))
		add(hstr(tmpl(tLower), t0.lower))
	}
	add(hstr(tmpl(tShape), t0.shape))
	for n, id := range [...]byte{tPre1, tPre2, tPre3, tPre4} {
		if p, ok := prefix(t0.lower, n+1); ok && len(p) < len(t0.lower) {
			add(hstr(tmpl(id), p))
		}
	}
	for n, id := range [...]byte{tSuf1, tSuf2, tSuf3, tSuf4} {
		if p, ok := suffix(t0.lower, n+1); ok && len(p) < len(t0.lower) {
			add(hstr(tmpl(id), p))
		}
	}
	if !m1.hide {
		add(hstr(tmpl(tLowerM1), m1.lower))
		add(hstr(tmpl(tWordM1), m1.word))
	}
	if !p1.hide {
		add(hstr(tmpl(tLowerP1), p1.lower))
		add(hstr(tmpl(tWordP1), p1.word))
	}
	if !m2.hide {
		add(hstr(tmpl(tLowerM2), m2.lower))
	}
	if !p2.hide {
		add(hstr(tmpl(tLowerP2), p2.lower))
	}
	add(hstr(tmpl(tShapeM1), m1.shape))
	add(hstr(tmpl(tShapeP1), p1.shape))
	add(hstr(hstr(tmpl(tShapeM1_0), m1.shape), t0.shape))
	add(hstr(hstr(tmpl(tShape0_P1), t0.shape), p1.shape))
	add(hstr(hstr(hstr(tmpl(tShapeM1_0_P1), m1.shape), t0.shape), p1.shape))
	if !m1.hide && !t0.hide {
		add(hstr(hstr(tmpl(tLowerM1_0), m1.lower), t0.lower))
	}
	if !t0.hide && !p1.hide {
		add(hstr(hstr(tmpl(tLower0_P1), t0.lower), p1.lower))
	}
	if !m2.hide && !m1.hide {
		add(hstr(hstr(tmpl(tLowerM2_M1), m2.lower), m1.lower))
	}
	if !p1.hide && !p2.hide {
		add(hstr(hstr(tmpl(tLowerP1_P2), p1.lower), p2.lower))
	}
	if s, ok := suffix(m1.lower, 3); ok {
		add(hstr(tmpl(tSufM1), s))
	}
	if s, ok := suffix(p1.lower, 3); ok {
		add(hstr(tmpl(tSufP1), s))
	}
	add(hbyte(tmpl(tFlags), t0.flags))
	if i == 0 {
		add(hbyte(tmpl(tFirst), t0.flags))
		if !t0.hide {
			add(hstr(tmpl(tFirstLower), t0.lower))
		}
	}
	if si.capsSent {
		add(hstr(tmpl(tCapsSent), t0.shape))
		if !t0.hide {
			add(hstr(tmpl(tCapsSentLower), t0.lower))
		}
	}
	if si.titleSent {
		add(hstr(tmpl(tTitleSent), t0.shape))
	}
	if len(toks) <= 3 {
		add(hbyte(hstr(tmpl(tSentLen), t0.shape), byte(len(toks))))
	}
	if p1.flags&(fTitle|fAllCaps) != 0 && !t0.hide {
		add(hstr(tmpl(tNextCapLower), t0.lower))
	}
	if t0.clus != "" {
		for n, id := range [...]byte{tClus4, tClus6, tClus10, tClus20} {
			l := [...]int{4, 6, 8, 12}[n]
			c := t0.clus
			if len(c) > l {
				c = c[:l]
			}
			add(hstr(tmpl(id), c))
		}
	}
	if m1.clus != "" {
		c := m1.clus
		if len(c) > 8 {
			c = c[:8]
		}
		add(hstr(tmpl(tClusM1), c))
	}
	if p1.clus != "" {
		c := p1.clus
		if len(c) > 8 {
			c = c[:8]
		}
		add(hstr(tmpl(tClusP1), c))
	}
	add(hbyte(hbyte(tmpl(tCased), t0.cased), t0.flags&(fTitle|fAllCaps)))
	add(hbyte(tmpl(tCasedM1), m1.cased))
	add(hbyte(tmpl(tCasedP1), p1.cased))
	if labs != nil {
		add(hbyte(tmpl(tLab), labs[i]))
		if i > 0 {
			add(hbyte(tmpl(tLabM1), labs[i-1]))
		}
		if i+1 < len(labs) {
			add(hbyte(tmpl(tLabP1), labs[i+1]))
		}
	}
	for _, g := range gaz {
		add(hashGaz(g))
	}
	return dst
}

func hashGaz(g uint64) uint64 {
	return hbyte(hbyte(hbyte(tmpl(tGaz), byte(g)), byte(g>>8)), byte(g>>16))
}

// dynFeatures appends the features that depend on the tags already chosen:
// the two previous tags, and the type this word was last given in the same
// document (hist, 0 when none).
func dynFeatures(dst []uint64, toks []tokInfo, i int, prev, prev2 int, hist int) []uint64 {
	dst = histFeatures(dst, toks, i, hist)
	dst = prevFeatures(dst, toks, i, prev, hist)
	return append(dst, pairFeature(prev2, prev))
}

// The dynamic features come in three groups so that beam search can share
// their scores between items: those of the document memory only, those of
// the previous tag, and the tag-pair transition.
func histFeatures(dst []uint64, toks []tokInfo, i int, hist int) []uint64 {
	if hist != 0 {
		dst = append(dst, histFeature(hist))
		dst = append(dst, histShapeFeature(hist, toks[i].shape))
	}
	return dst
}

func prevFeatures(dst []uint64, toks []tokInfo, i int, prev int, hist int) []uint64 {
	t0 := &toks[i]
	dst = append(dst, prevTagFeature(prev))
	if !t0.hide {
		dst = append(dst, prevTagLowerFeature(prev, t0.lower))
	}
	dst = append(dst, prevTagShapeFeature(prev, t0.shape))
	if hist != 0 {
		dst = append(dst, histPrevFeature(hist, prev))
	}
	return dst
}

// The features below are named one by one so that decoding with a fixed
// model (tagWeights) reads the same ones as training.

func histFeature(hist int) uint64 { return finalize(hbyte(tmpl(tHist), byte(hist))) }

func histShapeFeature(hist int, shape string) uint64 {
	return finalize(hstr(hbyte(tmpl(tHistShape), byte(hist)), shape))
}

func prevTagFeature(prev int) uint64 { return finalize(hbyte(tmpl(tPrevTag), byte(prev))) }

func prevTagLowerFeature(prev int, lower string) uint64 {
	return finalize(hstr(hbyte(tmpl(tPrevTagLower), byte(prev)), lower))
}

func prevTagShapeFeature(prev int, shape string) uint64 {
	return finalize(hstr(hbyte(tmpl(tPrevTagShape), byte(prev)), shape))
}

func histPrevFeature(hist, prev int) uint64 {
	return finalize(hbyte(hbyte(tmpl(tHistPrev), byte(hist)), byte(prev)))
}

func pairFeature(prev2, prev int) uint64 {
	return finalize(hbyte(hbyte(tmpl(tPrev2Tag), byte(prev2)), byte(prev)))
}
