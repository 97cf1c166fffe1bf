package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
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

// tokenize reads the words of s (newstext.Words: numbers keep their
// separators, "5.6", "100,000"; compounds their hyphens, "al-Qaeda"), a
// possessive dropped so that "Ryabkov's" is "Ryabkov".
func tokenize(s string) []token {
	words := newstext.Words(s, 0, len(s), nil)
	out := make([]token, 0, len(words))
	sentenceStart := true
	for _, wd := range words {
		w := s[wd.Start:wd.End]
		if wd.Gap >= newstext.LineBreak {
			sentenceStart = true
		}
		if !wd.IsWord {
			switch w {
			case ".", "!", "?", ":", "\"", "“":
				sentenceStart = true
			}
			continue
		}
		w = newstext.StripPossessive(w)
		t := token{text: w, start: wd.Start}
		first, _ := utf8.DecodeRuneInString(w)
		t.number = unicode.IsDigit(first)
		if t.number {
			t.fold = strings.ReplaceAll(w, ",", "")
			t.low = t.fold
		} else {
			low := strings.ToLower(w)
			if strings.Contains(low, ".") && newstext.Initials(strings.TrimSuffix(low, ".")) {
				low = strings.ReplaceAll(low, ".", "") // "U.S." is "US", "a.m." "am"
			}
			t.low = low
			t.fold = stem(low)
			upper := unicode.IsUpper(first)
			t.name = upper && !sentenceStart && !isAllUpper(w) && !stopword(low)
			if upper && isAllUpper(w) && utf8.RuneCountInString(w) >= 2 && utf8.RuneCountInString(w) <= 5 {
				// Acronyms (NATO, OSCE, FBI) name things wherever they stand.
				t.name = !stopword(low)
			}
		}
		out = append(out, t)
		// A word written with its period ("U.S.", "Mr.") ends a sentence
		// as often as not: what follows is no sure name.
		sentenceStart = strings.HasSuffix(w, ".")
	}
	return out
}

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

// stopword reports function words, the vocabulary of news reporting itself
// ("said", "reported") and the calendar's words (months in every form, days
// in full): present in every article, they say nothing about which
// happening an article reports.
func stopword(w string) bool {
	if stopwords[w] {
		return true
	}
	if _, month := newstext.English().Month(w); month {
		return true
	}
	return newstext.English().CalendarName(w)
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say saying told tell according reported
report reports reporting news new one two three first last also mr mrs ms year years day days week weeks month months
time today yesterday tomorrow am pm published
posted updated update et est gmt utc edt est pdt pst cst cdt bst cet cest s t re ve ll d m via photo file image
images getty ap reuters afp associated press copyright rights reserved read more click here share email print
comments comment advertisement video story stories article us`) {
		m[w] = true
	}
	return m
}()
