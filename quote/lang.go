package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// The quotations of the languages analysed in their own right (French,
// German, Spanish, Russian): the language's marks (« », „ “, » «), its
// dialogue dashes (Russian and Spanish set speech off with "—"), and its
// speech verbs, all read from its newstext lexicon. The English rules
// (attrib.go, discourse.go) lean on English grammar and on the entity
// tagger; these lean on the attribution's own words: a speech verb next
// to the quotation, and the name beside it.

// langQuote is a quotation found in the text: the marks' bytes and the
// quoted words'.
type langQuote struct {
	open, close int // first byte of the opening mark, byte after the closing one (or the dash)
	start, end  int // the quoted words
	para        int
	dash        bool // dialogue: its attribution follows the dash at close
}

// langDoc is one article read in its language.
type langDoc struct {
	a     *storyline.Article
	lex   *newstext.Lexicon
	text  string
	paras [][2]int
	sents map[int][]newstext.Span // each paragraph's sentences, once read
}

// Bounds that keep the work per quotation constant on text of any size:
// the longest quotation looked for, and how far its attribution is.
const (
	maxQuoteBytes       = 4000
	maxAttributionBytes = 400
)

// An attribution pattern: how a quotation's speaker is found. Each is a
// small named rule, with its examples in lang_test.go; they are tried in
// order, the first that names a speaker wins.
type langAttribution struct {
	name string
	find func(d *langDoc, q langQuote, prev string) (speaker string, ok bool)
}

func langAttributions() []langAttribution {
	return []langAttribution{
		// «…», a déclaré Ignazio Cassis. / „…“, sagte er. / «…», — заявил Лавров.
		{"verb-after", (*langDoc).verbAfter},
		// «…», selon Cassis. / „…“, so Keller. / «…», según Albares.
		{"according-after", (*langDoc).accordingAfter},
		// Cassis a déclaré : « … » / Keller sagte: „…“ / Лавров заявил: «…»
		{"verb-before", (*langDoc).verbBefore},
		// A second quotation in the paragraph of an attributed one, or
		// opening the paragraph after it, with no attribution of its own.
		{"continued", (*langDoc).continued},
	}
}

// extractLang finds the quotations of an article in a language analysed
// in its own right.
func extractLang(a *storyline.Article, lex *newstext.Lexicon) []storyline.QuoteMention {
	d := &langDoc{a: a, lex: lex, text: a.Text}
	d.paras = d.prose()
	var out []storyline.QuoteMention
	prev, prevPara := "", -1
	for _, q := range d.quotations() {
		txt := strings.TrimSpace(d.text[q.start:q.end])
		if len(strings.Fields(txt)) < 2 {
			continue // a scare-quoted word, a title
		}
		speaker := ""
		for _, r := range langAttributions() {
			if r.name == "continued" && !d.continues(q, prevPara) {
				continue
			}
			if s, ok := r.find(d, q, prev); ok {
				speaker = s
				break
			}
		}
		if speaker == "" {
			continue
		}
		out = append(out, storyline.QuoteMention{Text: txt, SpeakerName: speaker, Start: q.start, End: q.end, Direct: true})
		prev, prevPara = speaker, q.para
	}
	return out
}

// continues reports a quotation that may continue the speech of the
// paragraph before it: in the same paragraph, or opening the next.
func (d *langDoc) continues(q langQuote, prevPara int) bool {
	switch {
	case prevPara < 0:
		return false
	case q.para == prevPara:
		return true
	case q.para == prevPara+1:
		return strings.TrimSpace(d.text[d.paras[q.para][0]:q.open]) == ""
	}
	return false
}

// prose is the byte ranges of the article's paragraphs of report: the
// cleaner's body and standfirst, or the text's blank-line or line
// paragraphs when no cleaner read it.
func (d *langDoc) prose() [][2]int {
	var out [][2]int
	if d.a.Paragraphs != nil {
		for _, p := range d.a.Paragraphs {
			if p.InText() && p.Role.Prose() && p.End <= len(d.text) {
				out = append(out, [2]int{p.Start, p.End})
			}
		}
		return out
	}
	start := 0
	for i := 0; i <= len(d.text); i++ {
		if i == len(d.text) || d.text[i] == '\n' {
			if strings.TrimSpace(d.text[start:i]) != "" {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		}
	}
	return out
}

// quotations are the quoted spans of every paragraph, in text order: the
// language's marks, and dialogue opened by a dash.
func (d *langDoc) quotations() []langQuote {
	var out []langQuote
	for pi, p := range d.paras {
		s, e := p[0], p[1]
		for s < e && newstext.IsSpace(runeAt(d.text, s)) {
			s += utf8.RuneLen(runeAt(d.text, s))
		}
		if d.lex.DashDialogue() && isDash(runeAt(d.text, s)) {
			if q, ok := d.dialogue(s, e, pi); ok {
				out = append(out, q)
				s = q.close
			}
		}
		out = append(out, d.marked(s, e, pi)...)
	}
	return out
}

// marked finds the quotations between the language's marks in [s, e).
func (d *langDoc) marked(s, e, para int) []langQuote {
	var out []langQuote
	for i := s; i < e; {
		r, size := utf8.DecodeRuneInString(d.text[i:])
		m, ok := d.opens(i, r)
		if !ok {
			i += size
			continue
		}
		cl, clEnd := d.closing(i+size, min(e, i+maxQuoteBytes), m)
		if cl < 0 {
			i += size
			continue
		}
		start, end := trimmed(d.text, i+size, cl)
		out = append(out, langQuote{open: i, close: clEnd, start: start, end: end, para: para})
		i = clEnd
	}
	return out
}

// opens is the marks that the character r at i opens: a straight double
// quote only before a word.
func (d *langDoc) opens(i int, r rune) (newstext.QuoteMarks, bool) {
	for _, m := range d.lex.QuoteMarks() {
		if !strings.HasPrefix(d.text[i:], m.Open) {
			continue
		}
		if m.Open == "\"" {
			next, _ := utf8.DecodeRuneInString(d.text[i+1:])
			if i+1 >= len(d.text) || newstext.IsSpace(next) {
				continue
			}
		}
		return m, true
	}
	return newstext.QuoteMarks{}, false
}

// closing is where the quotation opened before from closes, before e:
// the closing mark's first byte and the byte after it, or -1. A
// quotation nested in it with the same marks is skipped.
func (d *langDoc) closing(from, e int, m newstext.QuoteMarks) (int, int) {
	depth := 0
	for i := from; i < e; {
		_, size := utf8.DecodeRuneInString(d.text[i:])
		if c, ok := closesAt(d.text, i, m); ok {
			if depth == 0 {
				return i, i + len(c)
			}
			depth--
		} else if m.Open != "\"" && strings.HasPrefix(d.text[i:], m.Open) && !slicesContains(m.Close, m.Open) {
			depth++
		}
		i += size
	}
	return -1, -1
}

// closesAt is the mark of m that closes at i.
func closesAt(text string, i int, m newstext.QuoteMarks) (string, bool) {
	for _, c := range m.Close {
		if strings.HasPrefix(text[i:], c) && (c != m.Open || !opensWord(text, i)) {
			return c, true
		}
	}
	return "", false
}

// opensWord reports a straight quote at i with a word right after it and
// a space before it: it opens rather than closes.
func opensWord(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	return (i == 0 || newstext.IsSpace(prev)) && unicode.IsLetter(next)
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// dialogue reads a paragraph opened by a dash at s: the speech runs to
// the dash that sets off its attribution ("— Мы договорились, — заявил
// он.", "—Es un buen acuerdo —dijo el ministro."), which must hold a
// speech verb.
func (d *langDoc) dialogue(s, e, para int) (langQuote, bool) {
	first := s + utf8.RuneLen(runeAt(d.text, s))
	for i := first; i < e; {
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if isDash(r) && i > first && newstext.IsSpace(runeBefore(d.text, i)) {
			end := i
			for end > first && (newstext.IsSpace(runeBefore(d.text, end)) || strings.ContainsRune(",", runeBefore(d.text, end))) {
				end -= utf8.RuneLen(runeBefore(d.text, end))
			}
			start := first
			for start < end && newstext.IsSpace(runeAt(d.text, start)) {
				start += utf8.RuneLen(runeAt(d.text, start))
			}
			return langQuote{open: s, close: i + size, start: start, end: end, para: para, dash: true}, true
		}
		i += size
	}
	return langQuote{}, false
}

// trimmed is [s, e) without the spaces at its ends.
func trimmed(text string, s, e int) (int, int) {
	for s < e && newstext.IsSpace(runeAt(text, s)) {
		s += utf8.RuneLen(runeAt(text, s))
	}
	for e > s && newstext.IsSpace(runeBefore(text, e)) {
		e -= utf8.RuneLen(runeBefore(text, e))
	}
	return s, e
}

func isDash(r rune) bool { return r == '—' || r == '–' }

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// lword is a word of an attribution.
type lword struct {
	start, end int
	text, low  string
	isWord     bool
}

func (d *langDoc) words(s, e int) []lword {
	var out []lword
	for _, w := range newstext.Words(d.text, s, e, nil) {
		t := d.text[w.Start:w.End]
		out = append(out, lword{start: w.Start, end: w.End, text: t, low: strings.ToLower(t), isWord: w.IsWord})
	}
	return out
}

// sentenceOf is the sentence of paragraph para that holds byte i.
func (d *langDoc) sentenceOf(para, i int) (int, int) {
	p := d.paras[para]
	ss, ok := d.sents[para]
	if !ok {
		if d.sents == nil {
			d.sents = map[int][]newstext.Span{}
		}
		ss = d.lex.Sentences(d.text[p[0]:p[1]])
		d.sents[para] = ss
	}
	k := sort.Search(len(ss), func(k int) bool { return p[0]+ss[k].End > i })
	if k < len(ss) && p[0]+ss[k].Start <= i {
		return p[0] + ss[k].Start, p[0] + ss[k].End
	}
	return i, i
}

// after is the attribution after quotation q: from its closing mark to
// the end of the sentence the next word is in, but only when a comma or a
// dash, or a word in lower case, ties it to the quotation; never past the
// next quotation.
func (d *langDoc) after(q langQuote) []lword {
	p := d.paras[q.para]
	i := q.close
	tied := q.dash
	for i < p[1] {
		r := runeAt(d.text, i)
		switch {
		case newstext.IsSpace(r):
		case r == ',' || isDash(r):
			tied = true
		default:
			goto word
		}
		i += utf8.RuneLen(r)
	}
word:
	if i >= p[1] {
		return nil
	}
	if !tied && !unicode.IsLower(runeAt(d.text, i)) {
		return nil
	}
	_, end := d.sentenceOf(q.para, i)
	end = min(max(end, i), i+maxAttributionBytes)
	for end < len(d.text) && !utf8.RuneStart(d.text[end]) {
		end++
	}
	ws := d.words(i, end)
	for k, w := range ws {
		if !w.isWord && (isDash(runeAt(w.text, 0)) && q.dash || d.opensQuote(w.start)) {
			return ws[:k] // "— заявил он. — Мы…", or the next quotation
		}
	}
	return ws
}

func (d *langDoc) opensQuote(i int) bool {
	_, ok := d.opens(i, runeAt(d.text, i))
	return ok
}

// verbAfter: a speech verb opening the attribution after the quotation,
// its speaker after it (inverted, as French, German, Spanish and Russian
// write it) or just before it.
func (d *langDoc) verbAfter(q langQuote, prev string) (string, bool) {
	ws := d.after(q)
	for k, w := range ws {
		if k > 4 || !w.isWord && w.text != "," {
			break
		}
		if !w.isWord {
			continue
		}
		kind, pron := d.verb(w.low)
		if kind != newstext.Say {
			continue
		}
		if pron {
			return prev, prev != ""
		}
		if s, ok := d.speakerIn(ws[:k], prev, true); ok {
			return s, true
		}
		if s, ok := d.speakerIn(ws[k+1:], prev, false); ok {
			return s, true
		}
		if !anyCapitalised(ws[k+1:]) {
			// "«…», dijo.": the subject left out is the speaker before.
			return prev, prev != ""
		}
		return "", false
	}
	return "", false
}

func anyCapitalised(ws []lword) bool {
	for _, w := range ws {
		if w.isWord && capitalised(w.text) {
			return true
		}
	}
	return false
}

// accordingAfter: "selon", "laut", "so", "según", "по словам" after the
// quotation, and the name it introduces.
func (d *langDoc) accordingAfter(q langQuote, prev string) (string, bool) {
	ws := d.after(q)
	for k, w := range ws {
		if k > 2 {
			break
		}
		if !w.isWord || d.lex.SpeechVerb(w.low) != newstext.According {
			continue
		}
		rest := ws[k+1:]
		if w.low == "по" {
			if len(rest) == 0 || rest[0].low != "словам" {
				return "", false
			}
			rest = rest[1:]
		}
		return d.speakerIn(rest, prev, false)
	}
	return "", false
}

// verbBefore: a speech verb in the quotation's sentence before it, with
// its subject before it, or after it where the verb comes second ("Am
// Donnerstag sagte Keller: „…“").
func (d *langDoc) verbBefore(q langQuote, prev string) (string, bool) {
	if q.dash {
		return "", false
	}
	s, _ := d.sentenceOf(q.para, q.open)
	if s >= q.open {
		// The quotation opens its sentence: the previous one may end
		// with "X a déclaré :".
		p := d.paras[q.para]
		ps := strings.TrimRightFunc(d.text[p[0]:q.open], newstext.IsSpace)
		if !strings.HasSuffix(ps, ":") {
			return "", false
		}
		s, _ = d.sentenceOf(q.para, p[0]+len(ps)-1)
	}
	s = max(s, q.open-maxAttributionBytes)
	for s < q.open && !utf8.RuneStart(d.text[s]) {
		s++
	}
	ws := d.words(s, q.open)
	for k := len(ws) - 1; k >= 0; k-- {
		w := ws[k]
		if d.opensQuote(w.start) || w.end > q.open {
			break
		}
		kind, pron := d.verb(w.low)
		if kind != newstext.Say || !w.isWord {
			continue
		}
		if pron {
			return prev, prev != ""
		}
		if s, ok := d.speakerIn(ws[:k], prev, true); ok {
			return s, true
		}
		return d.speakerIn(ws[k+1:], prev, false)
	}
	return "", false
}

// continued gives a quotation without attribution the speaker of the one
// before it (extractLang offers it only in the same paragraph, or at the
// head of the next).
func (d *langDoc) continued(q langQuote, prev string) (string, bool) {
	return prev, prev != ""
}

// verb is the speech kind of a word, and whether it carries its subject
// as an inverted pronoun ("a-t-il", "déclare-t-elle").
func (d *langDoc) verb(low string) (newstext.SpeechKind, bool) {
	if k := d.lex.SpeechVerb(low); k != newstext.NotSpeech {
		return k, false
	}
	if !strings.Contains(low, "-") {
		return newstext.NotSpeech, false
	}
	parts := strings.Split(low, "-")
	if d.lex.Pronoun(parts[len(parts)-1]) {
		// "déclare-t-il": the verb's speaker is the pronoun. "a-t-il",
		// whose participle follows, is handled by its participle.
		if k := d.lex.SpeechVerb(parts[0]); k == newstext.Say {
			return k, true
		}
	}
	return newstext.NotSpeech, false
}

// invertedPronoun reports an auxiliary with its subject pronoun after
// it: "a-t-il", "a-t-elle".
func (d *langDoc) invertedPronoun(low string) bool {
	parts := strings.Split(low, "-")
	return len(parts) > 1 && d.lex.Auxiliary(parts[0]) && d.lex.Pronoun(parts[len(parts)-1])
}

// speakerIn is the speaker an attribution's words name: a name (before
// the verb, the last one; after it, the first of two words or more, else
// the first), or a pronoun, which is the previous speaker.
func (d *langDoc) speakerIn(ws []lword, prev string, before bool) (string, bool) {
	runs := d.names(ws)
	if before {
		// The subject: the name nearest the verb, unless a pronoun is nearer.
		for k := len(ws) - 1; k >= 0; k-- {
			w := ws[k]
			if !w.isWord || d.lex.Auxiliary(w.low) {
				continue
			}
			if d.lex.Pronoun(w.low) || d.invertedPronoun(w.low) {
				return prev, prev != ""
			}
			if len(runs) > 0 && runs[len(runs)-1].last == k {
				return runs[len(runs)-1].name, true
			}
		}
		return "", false
	}
	for k, w := range ws {
		if !w.isWord {
			if w.text == "," || w.text == "-" {
				continue
			}
			break
		}
		if d.lex.SpeakerStop(w.low) {
			break
		}
		if d.lex.Pronoun(w.low) && (len(runs) == 0 || runs[0].first > k) {
			return prev, prev != ""
		}
	}
	for _, r := range runs {
		if r.words >= 2 {
			return r.name, true
		}
	}
	if len(runs) > 0 {
		return runs[0].name, true
	}
	return "", false
}

// nameRun is a run of capitalised words that may be a name.
type nameRun struct {
	first, last int // indexes in the words
	words       int
	name        string
}

// names are the runs of capitalised words of ws that may name a speaker,
// up to a word that stops the search ("que", "dass"): offices and
// honorifics before them dropped ("Außenministerin Anna Keller" → "Anna
// Keller"), a surname's particles kept ("Ursula von der Leyen"), acronyms
// and runs after an article ("des Affaires étrangères") left out.
func (d *langDoc) names(ws []lword) []nameRun {
	var out []nameRun
	k := 0
	for k < len(ws) {
		w := ws[k]
		if w.isWord && d.lex.SpeakerStop(w.low) {
			break
		}
		if !w.isWord || !capitalised(w.text) || acronym(w.text) || d.lex.Opener(w.low) && !d.lex.TitleWord(w.low) {
			k++
			continue
		}
		if k > 0 && ws[k-1].isWord && d.lex.Opener(ws[k-1].low) && !d.lex.Honorific(ws[k-1].low) {
			// "des Affaires étrangères", "der Regierung": a noun after an
			// article; a title after one ("der Sprecher Keller") is read
			// below.
			if !d.lex.TitleWord(w.low) {
				k++
				continue
			}
		}
		j := k
		var parts []string
		first := -1
		for j < len(ws) {
			x := ws[j]
			switch {
			case x.isWord && capitalised(x.text) && !acronym(x.text):
				if (d.lex.TitleWord(x.low) || d.lex.Honorific(x.low)) && len(parts) == 0 {
					j++
					continue
				}
				if first < 0 {
					first = j
				}
				parts = append(parts, x.text)
			case x.isWord && len(parts) > 0 && d.lex.SurnameParticle(x.low) && j+1 < len(ws) && capitalised(ws[j+1].text):
				parts = append(parts, x.text)
			case !x.isWord && x.text == "." && j > 0 && d.lex.Honorific(ws[j-1].low) && len(parts) == 0:
				// "M." before the name
			default:
				goto done
			}
			j++
		}
	done:
		if len(parts) > 0 {
			if d.lex.Lang() == "ru" && len(parts) > 2 && !patronymic(parts[len(parts)-2]) {
				// "России Сергей Лавров": a genitive before the name.
				parts = parts[len(parts)-2:]
			}
			out = append(out, nameRun{first: first, last: j - 1, words: len(parts), name: strings.Join(parts, " ")})
		}
		k = max(j, k+1)
	}
	return out
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// acronym is a word of capitals: an organisation ("МИД", "ONU"), no
// speaker's name.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// patronymic reports a Russian middle name: "Викторович", "Петровна".
func patronymic(w string) bool {
	for _, e := range []string{"вич", "вна", "чна"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
