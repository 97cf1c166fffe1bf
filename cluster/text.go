package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of an article with what the features need to know
// about it: its folded form, whether it was written capitalised away from a
// sentence start (a cheap sign of a name when no entity tagger ran), and
// whether it is a number.
type token struct {
	text   string // surface form
	low    string // lower-cased
	fold   string // lower-cased, stemmed
	name   bool
	number bool
	start  int // byte offset in the source
}

// tokenize splits s into word tokens. Words are runs of letters and digits;
// a '.' or ',' between digits stays inside the number ("5.6", "100,000") and
// an apostrophe-s tail is dropped so that "Ryabkov's" is "Ryabkov".
func tokenize(s string) []token {
	var out []token
	sentenceStart := true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '"' || r == '“' {
				sentenceStart = true
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += sz
				continue
			}
			// Keep decimal and thousands separators inside numbers.
			if (r2 == '.' || r2 == ',') && j > i && j+1 < len(s) && isDigit(s[j-1]) && isDigit(s[j+1]) {
				j += sz
				continue
			}
			// Keep hyphenated compounds ("al-Qaeda", "face-to-face") whole.
			if r2 == '-' && j > i && j+1 < len(s) {
				n, _ := utf8.DecodeRuneInString(s[j+1:])
				if unicode.IsLetter(n) {
					j += sz
					continue
				}
			}
			break
		}
		w := s[i:j]
		// Drop possessive tails: "Ryabkov’s", "Russia's".
		for _, tail := range []string{"'s", "’s", "'S"} {
			w = strings.TrimSuffix(w, tail)
		}
		t := token{text: w, start: i}
		first, _ := utf8.DecodeRuneInString(w)
		t.number = unicode.IsDigit(first)
		if t.number {
			t.fold = strings.ReplaceAll(w, ",", "")
			t.low = t.fold
		} else {
			low := strings.ToLower(w)
			t.low = low
			t.fold = stem(low)
			upper := unicode.IsUpper(first)
			t.name = upper && !sentenceStart && !isAllUpper(w) && !stopwords[low]
			if upper && isAllUpper(w) && utf8.RuneCountInString(w) >= 2 && utf8.RuneCountInString(w) <= 5 {
				// Acronyms (NATO, OSCE, FBI) name things wherever they stand.
				t.name = !stopwords[low]
			}
		}
		out = append(out, t)
		sentenceStart = false
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isAllUpper(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

// stem is a light English suffix stripper: enough to fold "talks"/"talk",
// "killed"/"killing"/"kill", without a full Porter stemmer's surprises on
// names.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 6 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	default:
		return w
	}
	// Undo doubled consonants left by -ing/-ed ("stopped" → "stopp" → "stop").
	m := len(w)
	if m > 3 && w[m-1] == w[m-2] && !strings.ContainsRune("aeiouls", rune(w[m-1])) {
		w = w[:m-1]
	}
	return w
}

// sentence is a span of an article's text.
type sentence struct {
	text  string
	start int
}

// splitSentences cuts text into sentences at line breaks and at ., ! or ?
// followed by a space and a capital or a quote. Abbreviations such as "U.S."
// or "Mr." are not perfect but only cost a slightly shorter summary sentence.
func splitSentences(text string) []sentence {
	var out []sentence
	add := func(a, b int) {
		seg := text[a:b]
		trim := strings.TrimSpace(seg)
		if trim == "" {
			return
		}
		off := a + strings.Index(seg, trim)
		out = append(out, sentence{text: trim, start: off})
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			// A hard line break inside a paragraph (PDF text) keeps going
			// when the next line starts in lower case.
			if i+1 < len(text) {
				r, _ := utf8.DecodeRuneInString(text[i+1:])
				if unicode.IsLower(r) {
					continue
				}
			}
			add(start, i)
			start = i + 1
			continue
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
				j++
			}
			if j < len(text) && text[j] == ' ' {
				k := j
				for k < len(text) && text[k] == ' ' {
					k++
				}
				if k < len(text) {
					r, _ := utf8.DecodeRuneInString(text[k:])
					if unicode.IsUpper(r) || r == '"' || r == '“' {
						if c == '.' && isAbbrevBefore(text, i) {
							continue
						}
						add(start, j)
						start = k
						i = k - 1
					}
				}
			}
		}
	}
	add(start, len(text))
	return out
}

// isAbbrevBefore tells whether the '.' at i ends a short abbreviation
// ("Mr.", "U.S.", "Gen.") rather than a sentence.
func isAbbrevBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
		j--
	}
	w := text[j:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "Joe R. Biden"
	}
	if strings.Contains(w, ".") && len(w) <= 5 {
		return true // "U.S", "a.m"
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "lt", "col", "sgt", "jr", "sr", "prof", "vs", "inc", "corp", "co":
		return true
	}
	return false
}

// stopwords are function words and the vocabulary of news reporting itself
// ("said", "reported"): present in every article, they say nothing about
// which happening an article reports.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say saying told tell according reported
report reports reporting news new one two three first last also mr mrs ms year years day days week weeks month months
time today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec am pm published
posted updated update et est gmt utc edt est pdt pst cst cdt bst cet cest s t re ve ll d m via photo file image
images getty ap reuters afp associated press copyright rights reserved read more click here share email print
comments comment advertisement video story stories article us`) {
		m[w] = true
	}
	return m
}()
