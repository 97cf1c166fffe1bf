package quote

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Label is one hand-labelled quote. Labels hold no article text: the quote
// is found by its byte offsets in the raw article (the input's text before
// cleaning), and SHA guards those offsets against a changed input.
type Label struct {
	In      string   `json:"in"`      // the input that holds the article, relative to the data folder
	Article string   `json:"article"` // article id
	Start   int      `json:"start"`   // byte offsets of the quoted words in the raw text, marks excluded
	End     int      `json:"end"`
	SHA     string   `json:"sha"`     // the first 12 hex digits of the SHA-256 of raw[Start:End]
	Speaker string   `json:"speaker"` // "" when the article does not say who said it
	Also    []string `json:"also,omitempty"`
	Kind    string   `json:"kind"`            // the patterns it shows, joined by "+" (after, pron, cont...)
	Group   string   `json:"group,omitempty"` // the same quote in other articles carries the same group
}

// ReadLabels reads labels, one JSON object a line.
func ReadLabels(r io.Reader) ([]Label, error) {
	var out []Label
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l Label
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("quote: labels line %d: %w", n, err)
		}
		if l.Article == "" || l.Start < 0 || l.End <= l.Start || l.SHA == "" {
			return nil, fmt.Errorf("quote: labels line %d: article, start < end and sha are required", n)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("quote: reading labels: %w", err)
	}
	return out, nil
}

// SpanHash is the SHA field of a label over the quoted bytes.
func SpanHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])[:12]
}

// EvalArticle is what the evaluation needs of one analysed article.
type EvalArticle struct {
	Raw    string                   // the text the labels' offsets point into
	Text   string                   // the analysed (cleaned) text the quotes' offsets point into
	Quotes []storyline.QuoteMention // the per-article analysis, speaker names as the article gives them
	// QuoteIDs is the corpus quote of each mention after Merge, for
	// grouping; nil when grouping is not scored.
	QuoteIDs []string
}

// EvalResult holds the figures of an evaluation.
type EvalResult struct {
	Attributable   int      // labelled quotes with a speaker
	Found          int      // of those, the ones the extractor finds
	Attributed     int      // of those, the ones given the right speaker
	Unattributable int      // labelled quotes no one is credited with
	LeftAlone      int      // of those, the ones not found or found without a speaker
	Groups         int      // labelled groups of the same quote in several articles
	Grouped        int      // of those, the ones merged into one corpus quote
	Apart          []string // the groups not merged, by name
	Outcomes       []Outcome
}

// Outcome is what became of one label.
type Outcome struct {
	Label Label
	Found bool
	Got   string // the speaker name given, "" for none
	Right bool   // attributed to the labelled speaker (or, unattributable, to no one)
	Text  string // the quote as extracted, or the labelled words when not found
}

// Evaluate scores the quotes of the analysed articles against labels.
func Evaluate(labels []Label, arts map[string]EvalArticle) (EvalResult, error) {
	var r EvalResult
	groupIDs := map[string][]string{} // group → the corpus quote of each member ("" when unmatched)
	for _, l := range labels {
		a, ok := arts[l.Article]
		if !ok {
			return r, fmt.Errorf("quote: labelled article %s was not analysed", l.Article)
		}
		if l.End > len(a.Raw) || SpanHash(a.Raw[l.Start:l.End]) != l.SHA {
			return r, fmt.Errorf("quote: label %s %d-%d: the raw text differs from the labelled one", l.Article, l.Start, l.End)
		}
		o := Outcome{Label: l, Text: a.Raw[l.Start:l.End]}
		qi := -1
		if s, e, ok := locate(a.Raw, l.Start, l.End, a.Text); ok {
			qi = coveringQuote(a.Quotes, s, e)
		}
		if qi >= 0 {
			o.Found, o.Got, o.Text = true, a.Quotes[qi].SpeakerName, a.Quotes[qi].Text
		}
		if l.Speaker == "" {
			r.Unattributable++
			o.Right = o.Got == ""
			if o.Right {
				r.LeftAlone++
			}
		} else {
			r.Attributable++
			o.Right = o.Found && labelledSpeaker(l, o.Got)
			if o.Found {
				r.Found++
			}
			if o.Right {
				r.Attributed++
			}
		}
		if l.Group != "" {
			id := ""
			if qi >= 0 && qi < len(a.QuoteIDs) {
				id = a.QuoteIDs[qi]
			}
			groupIDs[l.Group] = append(groupIDs[l.Group], id)
		}
		r.Outcomes = append(r.Outcomes, o)
	}
	for g, ids := range groupIDs {
		if len(ids) < 2 {
			continue
		}
		r.Groups++
		same := ids[0] != ""
		for _, id := range ids[1:] {
			same = same && id == ids[0]
		}
		if same {
			r.Grouped++
		} else {
			r.Apart = append(r.Apart, g)
		}
	}
	sort.Strings(r.Apart)
	return r, nil
}

// evalWord is a run of letters and digits, the unit labels are found by
// in the cleaned text: cleaning changes spaces, line breaks and quote
// marks, never the words.
type evalWord struct {
	start, end int
	w          string
}

func evalWords(s string) []evalWord {
	var out []evalWord
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, evalWord{start, i, strings.ToLower(s[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, evalWord{start, len(s), strings.ToLower(s[start:])})
	}
	return out
}

// locate finds the labelled span raw[start:end] in text: the same words,
// at the same rank among their repetitions (an article may carry a
// sentence twice).
func locate(raw string, start, end int, text string) (int, int, bool) {
	want := evalWords(raw[start:end])
	if len(want) == 0 {
		return 0, 0, false
	}
	occurrences := func(s string) []evalWord {
		ws := evalWords(s)
		var at []evalWord // the first word of each occurrence, its end the last word's end
		for i := 0; i+len(want) <= len(ws); i++ {
			match := true
			for k := range want {
				if ws[i+k].w != want[k].w {
					match = false
					break
				}
			}
			if match {
				at = append(at, evalWord{ws[i].start, ws[i+len(want)-1].end, ""})
			}
		}
		return at
	}
	got := occurrences(text)
	if len(got) == 0 {
		return 0, 0, false
	}
	// Among repetitions, the one whose preceding words match the label's;
	// on a tie, the same rank (the cleaner may drop a headline that repeats
	// the words).
	rank := 0
	for _, o := range occurrences(raw) {
		if o.start < start {
			rank++
		}
	}
	rank = min(rank, len(got)-1)
	rawWords, textWords := evalWords(raw), evalWords(text)
	at := sort.Search(len(rawWords), func(i int) bool { return rawWords[i].start >= start })
	best, bestScore := rank, -1
	for k, o := range got {
		t := sort.Search(len(textWords), func(i int) bool { return textWords[i].start >= o.start })
		score := contextMatch(rawWords, at, textWords, t)
		if score > bestScore || score == bestScore && k == rank {
			best, bestScore = k, score
		}
	}
	return got[best].start, got[best].end, true
}

// evalContext is how many words on each side of a label decide between
// repetitions of its words.
const evalContext = 6

// contextMatch counts the words just before ai in a and bi in b that agree.
func contextMatch(a []evalWord, ai int, b []evalWord, bi int) int {
	n := 0
	for k := 1; k <= evalContext; k++ {
		if ai-k >= 0 && bi-k >= 0 && a[ai-k].w == b[bi-k].w {
			n++
		}
	}
	return n
}

// coveringQuote is the mention that covers most of [s, e), when it covers
// at least half of it; -1 when none does.
func coveringQuote(qs []storyline.QuoteMention, s, e int) int {
	best, bestOverlap := -1, 0
	for i, q := range qs {
		if ov := min(e, q.End) - max(s, q.Start); ov > bestOverlap {
			best, bestOverlap = i, ov
		}
	}
	if best < 0 || bestOverlap*2 < e-s {
		return -1
	}
	return best
}

// Words that title a name without being part of it ("Insp Moss",
// "President Lind").
var titleWords = wordSet(`mr mrs ms miss mme dr sir dame lord madam const constable insp inspector sgt sergeant msgr monsignor sr
	sister rev reverend fr prof professor gov governor sen senator representative gen lt col capt det detective judge
	president minister secretary chancellor premier mayor deputy`)

// labelledSpeaker says whether the speaker name given is the labelled one
// or one of its alternatives. A name matches its own parts that keep the
// surname (Ryabkov = Sergei Ryabkov) and longer forms of itself (Deputy
// Foreign Minister Sergei Ryabkov); a description (a label in lower case,
// such as "spokeswoman") matches any name that contains its words.
func labelledSpeaker(l Label, got string) bool {
	if strings.TrimSpace(got) == "" {
		return false
	}
	for _, want := range append([]string{l.Speaker}, l.Also...) {
		if want != "" && nameMatches(want, got) {
			return true
		}
	}
	return false
}

func nameMatches(want, got string) bool {
	w, g := nameWords(want), nameWords(got)
	if len(w) == 0 || len(g) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(want); unicode.IsLower(r) {
		return newstext.WordsWithin(w, g)
	}
	if newstext.WordsWithin(w, g) && !strings.ContainsAny(got, "'’") {
		return true // the longer form, not "Lee's agent" for Lee
	}
	return newstext.WordsWithin(g, w) && g[len(g)-1] == w[len(w)-1]
}

// nameWords: the words of a name's key, titles dropped.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(newstext.NameKey(name)) {
		if !titleWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// KindScore is the attribution figure of the labels showing one pattern.
type KindScore struct {
	Kind          string
	Labels, Right int
}

// ByKind breaks the attributable outcomes down by the patterns their labels
// show, most frequent first.
func (r EvalResult) ByKind() []KindScore {
	m := map[string]*KindScore{}
	for _, o := range r.Outcomes {
		if o.Label.Speaker == "" {
			continue
		}
		for _, k := range strings.Split(o.Label.Kind, "+") {
			if m[k] == nil {
				m[k] = &KindScore{Kind: k}
			}
			m[k].Labels++
			if o.Right {
				m[k].Right++
			}
		}
	}
	out := make([]KindScore, 0, len(m))
	for _, k := range m {
		out = append(out, *k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Labels != out[j].Labels {
			return out[i].Labels > out[j].Labels
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}
