package quote

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/newstext"
)

// contractions spelled out, so that "We're" and "We are" compare equal.
// "'s" is left out on purpose: it is "is", "has" or a possessive, and the
// few words of tolerance in matching absorb it.
var contractions = strings.NewReplacer(
	"won't", "will not", "can't", "can not", "cannot", "can not", "shan't", "shall not",
	"n't", " not", "'re", " are", "'m", " am", "'ll", " will", "'ve", " have", "'d", " would",
	"let's", "let us", "there's", "there is", "it's", "it is", "that's", "that is", "what's", "what is",
	"he's", "he is", "she's", "she is", "here's", "here is", "who's", "who is",
)

// Normalize gives the comparison form of quoted words: lower case, no
// diacritics, contractions spelled out, possessive 's dropped, punctuation
// and quote marks gone, single spaces.
func Normalize(s string) string {
	s = foldASCII(s) // lower case, ASCII apostrophes, punctuation → spaces (keeps . and -)
	s = contractions.Replace(s)
	words := strings.Fields(spaceDotsAndHyphens(s))
	out := words[:0]
	for _, w := range words {
		w = strings.TrimSuffix(w, "'s")
		w = strings.Trim(w, "'")
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// spaceDotsAndHyphens writes every '.' and '-' byte of s as a space, as a
// strings.Replacer of the two would, without building one for every quote.
func spaceDotsAndHyphens(s string) string {
	if !strings.ContainsAny(s, ".-") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '.' || c == '-' {
			b[i] = ' '
		}
	}
	return string(b)
}

// item is one quote mention during Merge.
type item struct {
	a *storyline.Article
	i int // index in a.Quotes
	words
}

func (it item) qm() *storyline.QuoteMention { return &it.a.Quotes[it.i] }

// Merge runs after entity resolution. It sets each quote mention's speaker
// (the entity its speaker name names in that article), groups the same
// quote across articles (the same words after normalisation, up to a few
// words, from compatible speakers), and returns the corpus' quotes sorted
// by id, each with the sorted ids of the articles that carry it.
func Merge(articles []*storyline.Article, entities []storyline.Entity) []storyline.Quote {
	byID := map[string]*storyline.Entity{}
	byKey := map[string][]string{} // name and alias keys → entity ids
	for i := range entities {
		e := &entities[i]
		byID[e.ID] = e
		if e.Type != storyline.Person && e.Type != storyline.Org && e.Type != storyline.Place {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := newstext.NameKey(n); k != "" && !seen[k] {
				seen[k] = true
				byKey[k] = append(byKey[k], e.ID)
			}
		}
	}
	arts := append([]*storyline.Article(nil), articles...)
	sort.SliceStable(arts, func(i, j int) bool { return earlier(arts[i], arts[j]) })
	var items []item
	for _, a := range arts {
		var mkeys map[string][]int // resolved mentions by the keys of their surface and name, in text order
		if len(a.Quotes) > 0 {
			mkeys = map[string][]int{}
			for i, m := range a.Entities {
				if m.Entity != "" {
					k1, k2 := newstext.NameKey(stripPossessive(m.Text)), newstext.NameKey(m.Name)
					mkeys[k1] = append(mkeys[k1], i)
					if k2 != k1 {
						mkeys[k2] = append(mkeys[k2], i)
					}
				}
			}
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			setSpeaker(a, q, mkeys, byID, byKey)
			w := wordsOf(q)
			if len(w.toks) == 0 {
				continue
			}
			items = append(items, item{a: a, i: i, words: w})
		}
	}
	groups := group(items)
	var out []storyline.Quote
	seen := map[string]int{}
	for _, g := range groups {
		// The fullest wording stands for the group (a partial quote in one
		// outlet, the whole sentence in another): the longest direct
		// mention, the earliest among equals.
		rep := items[g[0]]
		for _, k := range g[1:] {
			c, r := items[k].qm(), rep.qm()
			if c.Direct && !r.Direct || c.Direct == r.Direct && len(items[k].toks) > len(rep.toks) {
				rep = items[k]
			}
		}
		q := storyline.Quote{Text: rep.qm().Text}
		for _, k := range g {
			m := items[k].qm()
			if m.Speaker != "" {
				q.Speaker, q.SpeakerName = m.Speaker, m.SpeakerName
				break
			}
		}
		if q.Speaker == "" {
			for _, k := range g {
				if n := items[k].qm().SpeakerName; n != "" {
					q.SpeakerName = n
					break
				}
			}
		}
		spk := q.Speaker
		if spk == "" {
			spk = newstext.NameKey(q.SpeakerName)
		}
		sum := sha256.Sum256([]byte(Normalize(q.Text) + "|" + spk))
		q.ID = "q-" + hex.EncodeToString(sum[:8])
		if n := seen[q.ID]; n > 0 {
			seen[q.ID]++
			q.ID = q.ID + "-" + strconv.Itoa(n+1)
		} else {
			seen[q.ID] = 1
		}
		set := map[string]bool{}
		for _, k := range g {
			m := items[k].qm()
			m.Quote = q.ID
			if !set[items[k].a.ID] {
				set[items[k].a.ID] = true
				q.Articles = append(q.Articles, items[k].a.ID)
			}
		}
		sort.Strings(q.Articles)
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// wordsOf prepares a quote mention for comparison.
func wordsOf(q *storyline.QuoteMention) words {
	w := words{toks: strings.Fields(Normalize(q.Text)), skey: newstext.NameKey(q.SpeakerName)}
	if strings.Contains(q.Text, "...") || strings.Contains(q.Text, "…") {
		for _, p := range strings.FieldsFunc(strings.ReplaceAll(q.Text, "...", "…"), func(r rune) bool { return r == '…' }) {
			if pt := strings.Fields(Normalize(p)); len(pt) > 0 {
				w.parts = append(w.parts, pt)
			}
		}
	}
	return w
}

// earlier orders articles by publication date (unknown last), then id, so
// that grouping, and the wording chosen among equals, never depend on the
// input order.
func earlier(a, b *storyline.Article) bool {
	pa, pb := a.Published, b.Published
	if (pa == "") != (pb == "") {
		return pa != ""
	}
	if pa != pb {
		return pa < pb
	}
	return a.ID < b.ID
}

// setSpeaker finds the entity a quote's speaker name names: the resolved
// mention of that name nearest before the quote in the same article (the
// one attribution pointed at), else the corpus entity with that name.
func setSpeaker(a *storyline.Article, q *storyline.QuoteMention, mkeys map[string][]int, byID map[string]*storyline.Entity, byKey map[string][]string) {
	q.Speaker = "" // a stale id from an earlier resolution must not survive
	if q.SpeakerName == "" {
		return
	}
	key := newstext.NameKey(q.SpeakerName)
	// The nearest mention of that name before the quote, else the first
	// after it.
	best := -1
	if list := mkeys[key]; len(list) > 0 {
		k := sort.Search(len(list), func(k int) bool { return a.Entities[list[k]].Start >= q.Start })
		if k > 0 {
			best = list[k-1]
		} else {
			best = list[0]
		}
	}
	if best >= 0 {
		m := a.Entities[best]
		q.Speaker = m.Entity
		if e := byID[m.Entity]; e != nil && e.Name != "" {
			q.SpeakerName = e.Name
		} else if m.Name != "" {
			q.SpeakerName = m.Name
		}
		return
	}
	// A speaker named only in another article of the corpus, when the
	// name designates one entity.
	if ids := byKey[key]; len(ids) == 1 {
		q.Speaker = ids[0]
		q.SpeakerName = byID[ids[0]].Name
	}
}

// group unites the mentions that carry the same quote. Candidate pairs
// share a word trigram (or, for short quotes, their whole text), so the
// cost stays near linear in the corpus.
func group(items []item) [][]int {
	sets := disjoint.New(len(items))
	index := map[string][]int{}
	for i, it := range items {
		for _, k := range shingles(it.toks) {
			index[k] = append(index[k], i)
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tried := map[[2]int]bool{}
	for _, k := range keys {
		post := index[k]
		if len(post) > 300 {
			continue // a phrase too common to say anything
		}
		for x := 0; x < len(post); x++ {
			for y := x + 1; y < len(post); y++ {
				i, j := post[x], post[y]
				if i == j || sets.Find(i) == sets.Find(j) || tried[[2]int{i, j}] {
					continue
				}
				tried[[2]int{i, j}] = true
				if sameQuote(items[i], items[j]) {
					sets.Union(i, j)
				}
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := range items {
		r := sets.Find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, byRoot[r]) // items are in article order, so g[0] is the earliest
	}
	return out
}

// shingles are the index keys of a quote: its word trigrams, or all of it
// when shorter.
func shingles(toks []string) []string {
	if len(toks) < 3 {
		return []string{strings.Join(toks, " ")}
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; i+3 <= len(toks) && i < 400; i++ {
		k := toks[i] + " " + toks[i+1] + " " + toks[i+2]
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// sameQuote: compatible speakers, and the shorter quote's words found in
// the longer one — as a contiguous run when short, up to a few words of
// difference when longer (We're/We are, Putin's/Putin is).
func sameQuote(a, b item) bool {
	return sameWords(a.qm().Speaker, a.words, b.qm().Speaker, b.words)
}

// words is what comparing two quotes needs of each.
type words struct {
	toks  []string
	parts [][]string // the words between ellipses, when the quote has any
	skey  string     // nameKey of the speaker name
}

func sameWords(speakerA string, a words, speakerB string, b words) bool {
	if speakerA != "" && speakerB != "" {
		if speakerA != speakerB {
			return false
		}
	} else if !compatibleKeys(a.skey, b.skey) {
		return false
	}
	s, l := a, b
	if len(s.toks) > len(l.toks) {
		s, l = l, s
	}
	// "We will ... defend our interests": each part the ellipsis leaves
	// must be in the other wording.
	if len(s.parts) > 1 {
		n := 0
		for _, p := range s.parts {
			if len(p) >= 3 {
				if !similar(p, l.toks) {
					return false
				}
				n++
			}
		}
		return n > 0
	}
	return similar(s.toks, l.toks)
}

// similar: s's words in l, as a run when short, with a few words of
// difference when longer.
func similar(s, l []string) bool {
	if len(s) > len(l) {
		s, l = l, s
	}
	if len(s) == 1 {
		return len(l) == 1 && s[0] == l[0]
	}
	if len(s) <= 5 {
		return containsRun(l, s)
	}
	if len(s) > 400 {
		s = s[:400]
	}
	if len(l) > 800 {
		l = l[:800]
	}
	tol := max(1, len(s)/10)
	// Align the shorter quote where one of its trigrams occurs in the
	// longer, and compare there only: scattered common words elsewhere in
	// a long quote must not add up to a match.
	tri := map[string]int{}
	for o := 0; o+3 <= len(s); o++ {
		k := s[o] + " " + s[o+1] + " " + s[o+2]
		if _, ok := tri[k]; !ok {
			tri[k] = o
		}
	}
	tried := map[int]bool{}
	for i := 0; i+3 <= len(l) && len(tried) < 20; i++ {
		o, ok := tri[l[i]+" "+l[i+1]+" "+l[i+2]]
		if !ok || tried[i-o] {
			continue
		}
		tried[i-o] = true
		ws, we := max(0, i-o-tol), min(len(l), i-o+len(s)+tol)
		if lcs(s, l[ws:we]) >= len(s)-tol {
			return true
		}
	}
	return false
}

func containsRun(l, s []string) bool {
outer:
	for i := 0; i+len(s) <= len(l); i++ {
		for j := range s {
			if l[i+j] != s[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
