package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// captionPrefix open photo captions.
var captionPrefix = []string{"FILE PHOTO", "FILE -", "FILE –", "FILE —", "FILE:", "PHOTO:", "Photo:", "PHOTO -",
	"IMAGE:", "Image:", "Picture:", "Pictured:", "Caption:", "Photograph:", "In this photo", "In this file photo",
	"This handout photo", "A handout photo", "Handout photo", "Image source", "Image caption", "Image copyright",
	"Media caption", "Picture caption", "Photo credit", "Photo caption", "Caption"}

// creditMarks inside a final fragment make it a photo credit.
var creditMarks = []string{"photo:", "photo by", "photos:", "credit:", "image:", "picture:", "©", "getty images",
	"ap photo", "afp photo", "/reuters", "reuters/", "via reuters", "via afp", "/afp", "afp/", "/ap", "/epa",
	"epa/", "epa-efe", "handout", "/pool", "pool/", "via getty", "/tass", "tass/", "via tass", "/sputnik",
	"sputnik/", "/xinhua", "xinhua/", "/anadolu", "anadolu agency", "shutterstock", "alamy", "/dpa", "dpa/",
	"/ria novosti", "ria novosti/", "(photo", "(image", "(picture"}

// splitFinal splits a caption-like line into its sentences and a final
// fragment without closing punctuation ("... Ryabkov. Us Mission Geneva").
func splitFinal(s string) (body, frag string) {
	if len(s) > 1000 || endsSentence(s) || closesQuote(s) {
		return s, ""
	}
	best := -1
	for end := len(s); end > 0; {
		i := lastSentenceBreak(s[:end])
		if i < 0 {
			break
		}
		end = i
		if i > 0 && s[i-1] == '.' {
			// "U.S. Mission": an abbreviation, not the end of a sentence.
			j := strings.LastIndexByte(s[:i-1], ' ')
			w := strings.ToLower(strings.TrimLeft(s[j+1:i-1], "(\"'“"))
			if noFullStop(w) {
				continue
			}
		}
		best = i
		break
	}
	if best < 0 {
		return s, ""
	}
	frag = strings.TrimSpace(s[best:])
	// A parenthesised credit "(Photo: X)" ends the line itself.
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return strings.TrimSpace(s[:i]), strings.Trim(s[i:], "()")
		}
	}
	if frag == "" || len(frag) > 80 || words(frag) > 8 {
		return s, ""
	}
	return strings.TrimSpace(s[:best]), frag
}

// creditLike reports whether frag reads like a photo credit.
func creditLike(frag string) bool {
	l := strings.ToLower(frag)
	for _, m := range creditMarks {
		if strings.Contains(l, m) {
			return true
		}
	}
	// A bare agency ("... said. (AP)") ends many a body paragraph: that is
	// no caption.
	return false
}

// capitalFragment reports whether frag is a short run of capitalised words
// (a name, an organisation) such as a credit glued after a caption.
func capitalFragment(frag string) bool {
	f := strings.Fields(frag)
	if len(f) == 0 || len(f) > 6 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameJoiner(strings.ToLower(w)) && !strings.EqualFold(w, "via") && !strings.EqualFold(w, "of") && !strings.EqualFold(w, "for") {
			return false
		}
	}
	return true
}

// explicitCaption recognises a line that announces itself as a photo
// caption, by its opening ("FILE PHOTO:") or its closing credit
// (".../Handout via REUTERS", "(Photo: AFP)"), and returns the credits.
func explicitCaption(s string) ([]string, bool) {
	if len(s) > 800 || words(s) > 120 {
		return nil, false
	}
	// A line that is only a credit: "REUTERS/Denis Balibouse", "AFP via
	// Getty Images", "Photo: AP".
	if creditOnly(s) {
		return splitCredit(s), true
	}
	_, frag := splitFinal(s)
	credit := frag != "" && creditLike(frag)
	prefix := false
	for _, p := range captionPrefix {
		if strings.HasPrefix(s, p) {
			prefix = true
			break
		}
	}
	if !prefix && (!credit || words(s) > 80) {
		return nil, false
	}
	if credit {
		return splitCredit(frag), true
	}
	// A prefixed caption with a bare capitalised credit.
	if frag != "" && capitalFragment(frag) {
		return splitCredit(frag), true
	}
	return nil, true
}

// shingles are hashes of word 4-grams, for near-duplicate tests.
func shingles(s string, into map[uint64]bool) []uint64 {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []uint64
	for i := 0; i+4 <= len(ws); i++ {
		var h uint64 = 14695981039346656037
		for _, w := range ws[i : i+4] {
			for j := 0; j < len(w); j++ {
				h ^= uint64(w[j])
				h *= 1099511628211
			}
			h ^= ' '
			h *= 1099511628211
		}
		if into != nil {
			into[h] = true
		}
		out = append(out, h)
	}
	return out
}

// repeats reports whether most of s's word 4-grams occur elsewhere
// (elsewhere(h)), or s's first eight words do: a caption restating a
// sentence of the body.
func repeats(s string, elsewhere func(uint64) bool) bool {
	sh := shingles(s, nil)
	if len(sh) < 3 {
		return false
	}
	n := 0
	for _, h := range sh {
		if elsewhere(h) {
			n++
		}
	}
	if n*2 >= len(sh) {
		return true
	}
	// The first eight words are five consecutive 4-grams.
	if len(sh) >= 5 {
		for _, h := range sh[:5] {
			if !elsewhere(h) {
				return false
			}
		}
		return true
	}
	return false
}

// lastSentenceBreak returns the index of the space after the last
// sentence-final mark in s, or -1.
func lastSentenceBreak(s string) int {
	best := -1
	for _, sep := range []string{". ", ".\" ", ".” ", "? ", "! ", ") "} {
		if i := strings.LastIndex(s, sep); i >= 0 && i+len(sep)-1 > best {
			best = i + len(sep) - 1
		}
	}
	return best
}

// creditOnly reports a line that is only a photo credit: "REUTERS/Denis
// Balibouse", "AFP via Getty Images", "Photo: AP", "© Reuters".
func creditOnly(s string) bool {
	return len(s) <= 80 && words(s) <= 8 && creditLike(s) && !endsSentence(s) && lastSentenceBreak(s) < 0
}
