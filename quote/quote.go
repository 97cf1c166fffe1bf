// Package quote finds what people and organisations said in news articles:
// direct quotations in any quote-mark style (straight, curly, guillemets,
// single, damaged by OCR), partial quotes inside reported speech, and
// indirect speech; it attributes each to a speaker through speech verbs,
// pronouns and descriptions, and recognises the same quote across
// articles.
//
// Attribution follows the article's discourse (discourse.go): a pronoun
// stands for whoever spoke or was the subject in the sentences before it,
// of its gender as the article gives it; a description for the person the
// article titled that way; an attribution may stand after an apposition,
// on the next line, or at the end of the sentence; and a quote with none of
// its own continues the speech before it only where nothing else is said.
// Evaluate scores all this against hand-labelled quotes (storyline eval
// quotes).
//
// Analyzer works on one article and needs its entity mentions (run it
// after the entity tagger) and its paragraphs' roles (the cleaner's): no
// quote is taken from a headline, a caption, a crosshead or a credit line;
// an article no cleaner read is all report. Merge runs after entity
// resolution and builds the corpus' quotes.
//
// All of the above is English. French, German, Spanish and Russian
// articles (by the article's Lang) are read by lang.go instead: their own
// quote marks (« », „ “, » «) and dialogue dashes, and a few named
// attribution rules over their newstext lexicon (a speech verb beside the
// quotation and the name next to it, "selon"/"laut"/"según"/"по словам",
// the speaker before continuing). They do not need the entity tagger. An
// article in any other language gets no quotes.
package quote

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Analyzer extracts the quotes of one article into a.Quotes.
func Analyzer() storyline.Analyzer {
	return storyline.AnalyzerFunc(func(ctx context.Context, a *storyline.Article) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("quote: %s: %w", a.ID, err)
		}
		a.Quotes = Extract(a)
		return nil
	})
}

// Extract returns the quotes of one article, in text order. Speaker is left
// empty: it is an entity id, known only after resolution (Merge).
func Extract(a *storyline.Article) []storyline.QuoteMention {
	lx, ok := newstext.Analysis(a.Lang)
	switch {
	case !ok:
		// No rules read this language: English ones would take its
		// capitalised nouns for speakers.
		return []storyline.QuoteMention{}
	case lx.OwnAnalysis():
		return extractLang(a, lx)
	}
	fs := extract(a)
	out := make([]storyline.QuoteMention, len(fs))
	for i, f := range fs {
		out[i] = f.qm
	}
	return out
}

type found struct {
	qm   storyline.QuoteMention
	who  who
	sp   int // index in doc.spans, -1 for indirect speech
	para int
	how  int // where its attribution came from
}

// Where a quote's attribution came from.
const (
	fromNone      = iota
	fromAfter     // its own, after it: `"…," X said`
	fromOwn       // its own, before it or around it
	fromElsewhere // carried over from the speech before, or the paragraph's subject
)

func extract(a *storyline.Article) []found {
	d := newDoc(a)
	var out []found
	prevClose := -1
	for si, s := range d.spans {
		txt := quotedText(d.text, s, d.marks)
		nw := wordCount(txt)
		if nw == 0 {
			continue
		}
		w, adjacent := d.attribute(s, prevClose)
		how := fromOwn
		if w.ok && w.after {
			how = fromAfter
		}
		if !w.ok {
			if r := d.reportedAround(s); r.ok {
				w = r
			} else if p, ok := d.inherit(s); ok {
				w, how = p, fromElsewhere
			} else {
				w, how = d.standalone(s), fromElsewhere
			}
		}
		if !d.accept(s, txt, nw, w, adjacent) {
			// A short quote whose sentence may close on its attribution
			// ("a fair deal" because it "raises every wage," Lund said)
			// waits for sentenceFinalAttribution.
			if w.ok || !d.accept(s, txt, nw, who{ok: true}, adjacent) {
				continue
			}
			how = fromNone
		}
		end := s.end
		for end > s.start && strings.IndexByte(",;: ", d.text[end-1]) >= 0 {
			end-- // the span matches the words: no trailing comma
		}
		out = append(out, found{
			qm:  storyline.QuoteMention{Text: txt, SpeakerName: w.name, Start: s.start, End: end, Direct: true},
			who: w, sp: si, para: s.firstPara, how: how,
		})
		d.found = out
		prevClose = s.close
	}
	d.sentenceFinalAttribution(out)
	pullQuotes(out)
	kept := out[:0]
	for _, f := range out {
		if f.how != fromNone || f.who.ok {
			kept = append(kept, f)
		}
	}
	out = kept
	out = append(out, d.indirect(out)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].qm.Start < out[j].qm.Start })
	return out
}

// reportedAround: a partial quote inside reported speech whose attribution
// comes after it (`The storm cut "most of the lines",
// and repairs will take weeks, said Ada Finn`, `The plant went through "a
// hard winter", according to its owner`) is the reported speaker's.
func (d *doc) reportedAround(s span) who {
	j := d.sentIndex(s.open)
	if j < 0 {
		return noOne()
	}
	f, ok := d.reportedIn(j)
	if !ok || f.who.reporter || f.qm.Start > s.open || f.qm.End < s.end-1 {
		return noOne()
	}
	return f.who
}

// pullQuotes: a quote set apart without attribution that the article
// repeats further on with its speaker (a pull quote) is that speaker's.
func pullQuotes(fs []found) {
	for i := range fs {
		if fs[i].how != fromElsewhere {
			continue
		}
		key := Normalize(fs[i].qm.Text)
		for _, g := range fs[i+1:] {
			if (g.how == fromOwn || g.how == fromAfter) && g.who.ok && Normalize(g.qm.Text) == key {
				fs[i].who, fs[i].how = g.who, g.how
				fs[i].qm.SpeakerName = g.who.name
				break
			}
		}
	}
}

// sentenceFinalAttribution gives the quotes of a sentence that closes on
// its attribution the speaker named there: `"A fair deal" because it
// "raises every wage," Ida Lund said.` Quotes
// with an attribution of their own keep it.
func (d *doc) sentenceFinalAttribution(fs []found) {
	for i := len(fs) - 2; i >= 0; i-- {
		next := fs[i+1]
		if fs[i].how == fromOwn || fs[i].how == fromAfter || next.how != fromAfter {
			continue
		}
		if si := d.sentIndex(fs[i].qm.Start); si < 0 || si != d.sentIndex(next.qm.Start) {
			continue
		}
		fs[i].who, fs[i].how = next.who, fromAfter
		fs[i].qm.SpeakerName = next.who.name
	}
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if isWordRune(r) {
			if !in {
				n++
			}
			in = true
		} else if newstext.IsSpace(r) || r == '-' || r == '—' || r == '/' {
			in = false
		}
	}
	return n
}

// sentenceOf returns the sentence that contains pos (or [pos, pos)).
func (d *doc) sentenceOf(pos int) [2]int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i][1] > pos })
	if i < len(d.sents) && d.sents[i][0] <= pos {
		return d.sents[i]
	}
	return [2]int{pos, pos}
}

// attribute finds the speaker of a direct quote. adjacent says the
// attribution touches the quote (`"X," he said`, `said: "X"`, `described
// it as "X"`), which is what makes a one-word quote a quote rather than a
// label.
func (d *doc) attribute(s span, lower int) (who, bool) {
	// `Sherman "stressed the commitment..."`: the quote starts with the
	// speech verb and its subject stands right before the marks.
	if firstWordIsVerb(d.text[s.start:s.end]) {
		for i := d.mentFrom(s.open) - 1; i >= 0; i-- {
			m := d.ments[i]
			if m.end <= s.open {
				if strings.TrimSpace(d.text[m.end:s.open]) == "" && m.typ == "PERSON" && !m.inQuote {
					return who{ment: i, name: d.fullName(i), ok: true}, true
				}
				break
			}
		}
	}
	if w, adj := d.attributeAfter(s); w.ok {
		w.after = true
		return w, adj
	}
	sent := d.sentenceOf(s.open)
	ws := max(sent[0], lower, d.paras[s.firstPara].start)
	if ws > s.open {
		ws = s.open
	}
	if w, adj := d.attributeBefore(ws, s.open); w.ok {
		return w, adj
	}
	// A quote that opens its paragraph after "X said:" at the end of the
	// one before.
	if p := s.firstPara; s.open == d.paras[p].start && p > 0 && !d.paras[p-1].skip &&
		strings.HasSuffix(d.text[d.paras[p-1].start:d.paras[p-1].end], ":") && lower < d.paras[p-1].end {
		prev := d.sentenceOf(d.paras[p-1].end - 1)
		if w, adj := d.attributeBefore(max(prev[0], lower), d.paras[p-1].end); w.ok {
			return w, adj
		}
	}
	if w := d.attributeNextPara(s); w.ok {
		return w, true
	}
	if w := d.colonSubject(s); w.ok {
		return w, true
	}
	return noOne(), false
}

// colonSubject: a sentence that introduces the quote with a colon but no
// speech verb ("The judge had a warning for the defendant:",
// "Finn issued the following statement:") gives it its subject.
func (d *doc) colonSubject(s span) who {
	sent := d.sentenceOf(s.open)
	intro := [2]int{sent[0], s.open}
	if p := s.firstPara; s.open == d.paras[p].start && p > 0 && !d.paras[p-1].skip {
		intro = d.sentenceOf(d.paras[p-1].end - 1)
		intro[1] = d.paras[p-1].end
	}
	if intro[0] >= intro[1] || !strings.HasSuffix(strings.TrimSpace(d.text[intro[0]:intro[1]]), ":") {
		return noOne()
	}
	for _, typ := range []string{"PERSON", "ORG"} {
		if i := d.subjectMention(intro[0], intro[1], typ); i >= 0 && d.opensClause(intro[0], d.ments[i].start) {
			return who{ment: i, name: d.fullName(i), ok: true}
		}
	}
	if p := d.subjectPronoun(intro[0], intro[1], "PERSON", genderUnknown); p >= 0 {
		for _, t := range d.tokens(p, intro[1]) {
			return d.resolve(cand{start: t.start, end: t.end, ment: -1, pronoun: t.low})
		}
	}
	if dc, ok := d.descriptionAt(intro[0], intro[1]); ok {
		return d.resolve(dc)
	}
	return noOne()
}

// attributeNextPara reads an attribution that text broken one sentence a
// line puts at the start of the next line: `"… closed for good." / Moss
// said.` and `"… for a week," / the board said in a notice`. It takes
// it when the quote's sentence goes on (it ends with a comma) or the line
// is no more than the attribution.
func (d *doc) attributeNextPara(s span) who {
	p := s.lastPara
	if p+1 >= len(d.paras) || d.paras[p+1].skip || strings.TrimSpace(d.text[s.close:d.paras[p].end]) != "" {
		return noOne()
	}
	next := d.paras[p+1]
	if d.spanAt(next.start) != nil {
		return noOne() // the next line is a quote of its own
	}
	sent := d.sentenceOf(next.start)
	goesOn := strings.HasSuffix(strings.TrimRightFunc(d.text[s.start:s.end], newstext.IsSpace), ",")
	if !goesOn && wordCount(d.text[sent[0]:sent[1]]) > 6 {
		return noOne()
	}
	moved := s
	moved.close, moved.lastPara = next.start, p+1
	w, _ := d.attributeAfter(moved)
	return w
}

// attributeBefore reads `X said "...`, `X described it as "...`,
// `according to X, "...` and `X: "...` from the words in [ws, open).
func (d *doc) attributeBefore(ws, open int) (who, bool) {
	ws = max(ws, open-maxWindow)
	if w := d.colonSpeaker(ws, open); w.ok {
		return w, true
	}
	toks := d.tokens(ws, open)
	for k := len(toks) - 1; k >= 0; k-- {
		if d.inSpan(toks[k].start) {
			continue
		}
		kind := d.speechVerb(toks, k)
		if kind == newstext.NotSpeech {
			continue
		}
		// Adjacent: nothing but ":", ",", "that" between verb and quote,
		// or a label verb's object ("described the talks as", "called it").
		between := toks[k+1:]
		adjacent := len(between) == 0
		if len(between) == 1 {
			switch between[0].low {
			case ":", ",", "that":
				adjacent = true
			}
		}
		if kind == newstext.Label && len(between) > 0 && (between[len(between)-1].low == "as" || len(between) <= 2) {
			adjacent = true
		}
		if kind == newstext.According {
			w := d.speakerAfter(toks[k+1].end, open)
			return w, false
		}
		if k+1 < len(toks) && toks[k+1].low == "by" {
			// "the man described by The Daily Post as":
			// the agent speaks.
			if w := d.speakerAfter(toks[k+1].end, open); w.ok {
				return w, adjacent
			}
		}
		w := d.subjectBefore(ws, toks[k].start, kind)
		if !w.ok {
			// "An official looked at the crowd and said:": the subject of the
			// first of two verbs.
			if dc, ok := d.descriptionAt(ws, toks[k].start); ok {
				w = d.resolve(dc)
			}
		}
		return w, adjacent && w.ok
	}
	return noOne(), false
}

func firstWordIsVerb(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || !firstRuneLower(f[0]) {
		return false
	}
	k := newstext.English().SpeechVerb(strings.Trim(f[0], ",.;:"))
	return k == newstext.Say
}

// attributeAfter reads `"...," he said` and `"...," said Blinken`.
func (d *doc) attributeAfter(s span) (who, bool) {
	p := d.paras[s.lastPara]
	limit := min(p.end, s.close+200)
	if i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].open >= s.close }); i < len(d.spans) {
		limit = min(limit, d.spans[i].open)
	}
	if limit <= s.close {
		return noOne(), false
	}
	// The window stops at the end of its sentence.
	limit = d.sentenceLimit(s.close, limit)
	toks := d.tokens(s.close, limit)
	k := 0
	for k < len(toks) && !toks[k].word && strings.Contains(",—–-:", d.text[toks[k].start:toks[k].end]) {
		k++
	}
	if k >= len(toks) || !toks[k].word {
		return noOne(), false
	}
	// Inverted: `, said Blinken`, `, according to X`.
	if kind := d.speechVerb(toks, k); kind != newstext.NotSpeech {
		ve := toks[k].end
		if kind == newstext.According {
			ve = toks[k+1].end
		}
		if w := d.speakerAfter(ve, limit); w.ok {
			return w, true
		}
		// `"…," said Juror No. 4, the forewoman`: a name the tagger missed.
		if name, e := d.capitalisedRun(d.tokens(ve, limit)); name != "" && (e == limit || strings.TrimSpace(d.text[e:min(e+1, limit)]) == ",") {
			return who{ment: -1, name: name, ok: true}, true
		}
		return noOne(), false
	}
	// `"unfair to him," though Judge Cross said`: a new clause,
	// not the quote's attribution.
	if clauseOpeners[toks[k].low] {
		return noOne(), false
	}
	// Subject first: `he said`, `Ryabkov stated at the conclusion`.
	for j := k + 1; j < len(toks) && j <= k+7; j++ {
		if !toks[j].word {
			if toks[j].low == "," || toks[j].low == "." && isAbbrev(toks[j-1].low) {
				continue // an apposition, "Mr. Pinder"
			}
			break
		}
		kind := d.speechVerb(toks, j)
		if kind == newstext.NotSpeech || kind == newstext.According {
			continue
		}
		w := d.subjectBefore(toks[k].start, toks[j].start, newstext.Say)
		if w.ok {
			return w, true
		}
		break
	}
	if w := d.appositiveSpeaker(s, p); w.ok {
		return w, true
	}
	return noOne(), false
}

// maxAttributionWords bounds the words between a quote and the verb of an
// attribution that follows it with a long apposition ("the governor of
// the northern province, Tom Reyes, told").
const maxAttributionWords = 25

// appositiveSpeaker reads an attribution after a quote whose subject an
// apposition or a title lengthens: `"…," Ola Berg, an official at
// one of the polling stations, told the radio`, `"…," the mayor's cousin, Ann Roe,
// told a reporter`, `"…," U. S. District Judge Amy Cross said`. The
// speaker is the name that opens the attribution, the name set between
// commas, or the name right before the verb, whichever the words allow; a
// title in quotes inside the apposition (`author of "The Long Season,"`) is
// stepped over.
func (d *doc) appositiveSpeaker(s span, p para) who {
	limit := p.end
	for i := s.close; i < limit; {
		k := sort.Search(len(d.spans), func(k int) bool { return d.spans[k].open >= i })
		next := limit
		if k < len(d.spans) {
			next = min(next, d.spans[k].open)
		}
		if end := d.sentenceLimit(i, next); end < next || next == limit {
			limit = end
			break
		}
		sp := d.spans[k]
		if !d.titleSpan(sp) {
			limit = sp.open
			break
		}
		i = sp.close
		limit = max(limit, d.paras[sp.lastPara].end) // a title broken over lines
	}
	toks := d.tokens(s.close, limit)
	verb, words, named := -1, 0, false
	for j, t := range toks {
		if !t.word || d.inSpan(t.start) {
			continue
		}
		if words++; words > maxAttributionWords {
			break
		}
		if k := d.speechVerb(toks, j); k == newstext.Say {
			verb = j
			break
		}
		named = named || d.mentionAt(t.start) || isCapitalised(d.text[t.start:t.end])
		if !named && (t.low == "who" || t.low == "which" || t.low == "that") {
			// "the man who shot Smith told": the relative clause's names
			// are not the subject; "Ola Berg, who farms the valley, told" is.
			return noOne()
		}
	}
	if verb < 0 {
		return noOne()
	}
	v := toks[verb].start
	lead := s.close
	for _, t := range toks {
		if t.word {
			lead = t.start
			break
		}
	}
	for i := d.mentFrom(s.close); i < len(d.ments) && d.ments[i].end <= v; i++ {
		m := d.ments[i]
		if m.inQuote || m.typ == "PLACE" || d.afterPreposition(m.start) || d.possessor(i) {
			continue
		}
		opens := m.start == lead
		between := strings.HasSuffix(strings.TrimSpace(d.text[lead:m.start]), ",") && d.closesApposition(m.end, v)
		adjacent := d.gapOK(m.end, v)
		if (opens && (adjacent || d.apposition(m.end, v) || d.openApposition(m.end, v))) || between || adjacent {
			return who{ment: i, name: d.fullName(i), ok: true}
		}
	}
	// A name the tagger missed: `"…," Ola Berg, who farms the valley, told`,
	// `"…," Juror No. 4 said`.
	if name, e := d.capitalisedRun(toks); name != "" && (d.apposition(e, v) || d.openApposition(e, v) || d.gapOK(e, v)) {
		return who{ment: -1, name: name, ok: true}
	}
	// `"…," a source close to the board said`.
	if dc, ok := d.descriptionBefore(lead, v); ok && dc.start == lead {
		return d.resolve(dc)
	}
	return noOne()
}

// openApposition: an apposition whose closing comma the writer left out
// (", a deputy county clerk said"): a comma, then words
// naming a role, up to the verb.
func (d *doc) openApposition(e, v int) bool {
	g := strings.TrimSpace(d.withoutTitles(e, v))
	return strings.HasPrefix(g, ",") && !strings.ContainsAny(g[1:], ",.;:\"“”") && len(g) <= 120 && d.nounIn(e, v)
}

// withoutTitles is the text of [s, e) with the titles of works quoted in it
// left out (", author of "The Long Season," "), so that an apposition may
// hold one.
func (d *doc) withoutTitles(s, e int) string {
	var b strings.Builder
	pos := s
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].open >= s })
	for ; i < len(d.spans) && d.spans[i].close <= e; i++ {
		if d.titleSpan(d.spans[i]) {
			b.WriteString(d.text[pos:d.spans[i].open])
			b.WriteString("title")
			pos = d.spans[i].close
		}
	}
	b.WriteString(d.text[pos:e])
	return b.String()
}

// capitalisedRun is a name of one to three capitalised words that opens
// toks (the tagger's miss), with where it ends; "" when toks open
// otherwise.
func (d *doc) capitalisedRun(toks []tok) (string, int) {
	k := 0
	for k < len(toks) && !toks[k].word {
		k++
	}
	j := k
	if k+3 < len(toks) && toks[k].word && isCapitalised(d.text[toks[k].start:toks[k].end]) && toks[k+1].low == "no" &&
		toks[k+2].low == "." && isDigits(toks[k+3].low) {
		j = k + 4 // "Juror No. 4": a role numbered stands for a name
	}
	for j < len(toks) && j < k+3 && toks[j].word && isCapitalised(d.text[toks[j].start:toks[j].end]) && !stopCap(toks[j].low) {
		j++
	}
	if j == k || j < len(toks) && toks[j].word && isCapitalised(d.text[toks[j].start:toks[j].end]) {
		return "", 0 // no name, or a longer run of capitals than a name
	}
	return d.text[toks[k].start:toks[j-1].end], toks[j-1].end
}

// sentenceLimit is where the sentence that runs on at pos ends, limit at
// the latest.
func (d *doc) sentenceLimit(pos, limit int) int {
	if ss := newstext.Sentences(d.text[pos:limit]); len(ss) > 1 {
		return pos + ss[1].Start
	}
	return limit
}

// closesApposition: only a comma, and words that may stand between a
// subject and its verb, separate an appositive name from the verb
// (", Tom Reyes, told").
func (d *doc) closesApposition(e, v int) bool {
	g := strings.TrimSpace(d.text[e:v])
	if !strings.HasPrefix(g, ",") {
		return false
	}
	rest := e + strings.Index(d.text[e:v], ",") + 1
	return strings.TrimSpace(d.text[rest:v]) == "" || d.gapOK(rest, v)
}

// Words that open a clause of their own after a quote.
var clauseOpeners = wordSet("though although while whereas when because since if but and which who whom that")

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// spanAt is the quoted span whose opening mark is at pos, nil when none.
func (d *doc) spanAt(pos int) *span {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].open >= pos })
	if i < len(d.spans) && d.spans[i].open == pos {
		return &d.spans[i]
	}
	return nil
}

// titleSpan: a quoted title of a work inside running text ("author of
// "The Long Season,""), not a quotation.
func (d *doc) titleSpan(s span) bool {
	return titleCase(strings.TrimRight(quotedText(d.text, s, d.marks), ",.;:"))
}

// inherit gives a quote with no attribution of its own the speaker of the
// speech just before it, quoted or reported, a few sentences back at most:
// journalists attribute once and go on quoting. It does so only where
// nothing else comes between: a sentence about another person (its
// subject) hands the quote to standalone. Names in the speech's own
// sentence or after a preposition do not interrupt.
func (d *doc) inherit(s span) (who, bool) {
	si := d.sentIndex(s.open)
	if si < 0 {
		return noOne(), false
	}
	// `it remains "a big open question' whether the sides will
	// "meet again."`: the quote before it in its own sentence.
	if n := len(d.found); n > 0 && d.found[n-1].who.ok && d.found[n-1].qm.Start >= d.sents[si][0] {
		return d.found[n-1].who, true
	}
	var between []int // the subjects of the sentences that say nothing
	for j := si - 1; j >= 0 && j >= si-maxSalientSentences; j-- {
		if s.firstPara-d.paraOf(d.sents[j][0]) > maxSalientSentences {
			break
		}
		w := d.sentenceSpeaker(j)
		if !w.ok {
			if i := d.subjectMention(d.sents[j][0], d.sents[j][1], "PERSON"); i >= 0 {
				between = append(between, i)
			}
			continue
		}
		if w.reporter {
			return noOne(), false
		}
		for _, i := range between {
			if !compatibleNames(d.fullName(i), w.name) {
				return noOne(), false
			}
		}
		return w, true
	}
	return noOne(), false
}

// Nouns before a title of a work.
var workNouns = wordSet(`book books film films movie movies song songs album novel play series show documentary poem painting opera
	musical programme program podcast titled entitled headlined hashtag slogan exhibition anthem track single memoir essay`)

// accept filters out what is not a quote: one-word labels (scare quotes),
// titles of works, names in quotes, short unattributed fragments.
func (d *doc) accept(s span, txt string, nw int, w who, adjacent bool) bool {
	if nw == 1 && !(w.ok && adjacent && d.endsClause(s)) {
		return false
	}
	// A title of a work: after "the book", "the film", "titled".
	before := d.tokens(max(d.paras[s.firstPara].start, s.open-40), s.open)
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		if before[k].word && workNouns[before[k].low] {
			return false
		}
	}
	// "the so-called "peace process"": the writer's label, not a quote.
	if k := len(before) - 1; k >= 0 && (before[k].low == "so-called" || k >= 1 && before[k].low == "called" && before[k-1].low == "so") {
		return false
	}
	if titleCase(txt) && !(w.ok && adjacent) {
		return false
	}
	if !w.ok && nw < 4 {
		return false
	}
	return true
}

// titleCase: two or more words, every long one capitalised, no sentence
// punctuation at the end — the shape of a title or a name.
func titleCase(s string) bool {
	if hasFinalPunct(s) || strings.ContainsAny(s, ",;") {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, "\"'“”‘’()")
		if utf8.RuneCountInString(w) >= 4 && !isCapitalised(w) {
			return false
		}
	}
	return true
}

// endsClause: the quote ends with punctuation, inside or right after its
// marks ("Amazing," he said) — a one-word quote in mid-sentence ("the
// "approaches" of Moscow") is a label.
func (d *doc) endsClause(s span) bool {
	r, _ := utf8.DecodeLastRuneInString(d.text[s.start:s.end])
	if strings.ContainsRune(".,;:!?…", r) {
		return true
	}
	rest := strings.TrimLeftFunc(d.text[s.close:d.paras[s.lastPara].end], newstext.IsSpace)
	if rest == "" {
		return true
	}
	r, _ = utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(".,;:!?…)—–", r)
}

// standalone attributes a quote that is a paragraph of its own, with no
// attribution, to the person the previous paragraph's last sentence is
// about ("Peskov dismissed the claims. / "This is absurd."").
func (d *doc) standalone(s span) who {
	p := s.firstPara
	if s.open != d.paras[p].start || s.close < d.paras[s.lastPara].end || p == 0 || d.paras[p-1].skip {
		return noOne()
	}
	prev := d.sentenceOf(d.paras[p-1].end - 1)
	if prev[0] == prev[1] || d.inSpan(prev[0]) {
		return noOne()
	}
	cs := d.candidates(prev[0], prev[1])
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	for _, c := range cs {
		if strings.TrimSpace(d.text[prev[0]:c.start]) != "" {
			break // the subject must open the sentence
		}
		if c.pronoun != "" || c.ment >= 0 && d.ments[c.ment].typ == "PERSON" {
			return d.resolve(c)
		}
	}
	return noOne()
}
