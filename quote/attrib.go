package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// Verbs of a reply: their subject answers the speaker before.
var replyVerbs = wordSet("replied replies responded responds answered answers retorted")

// Words that may stand between a speaker and the speech verb ("Russia on
// Tuesday said", "Sherman had said").
var gapWords = wordSet(`had has have was is also then later again further previously earlier once reportedly repeatedly already
	would will just recently publicly separately has been on in at last this next week month morning afternoon evening night
	today yesterday tonight late early subsequently immediately
	quickly briefly simply only even still however meanwhile himself herself themselves itself personally flatly openly
	privately firmly clearly bluntly quoted as`)

// Words after a verb before the clause it introduces ("said on Tuesday that").
var clauseSkip = wordSet(`today yesterday tonight earlier later
	last this week month year morning afternoon evening night that`)

// gapWord: a word that may stand between a speaker and the speech verb,
// a day of the week among them ("Russia on Tuesday said").
func gapWord(w string) bool { return gapWords[w] || weekdayName(w) }

// clauseSkipWord: a word after a verb before the clause it introduces.
func clauseSkipWord(w string) bool { return clauseSkip[w] || weekdayName(w) }

// weekdayName reports the name in full of a day of the week.
func weekdayName(w string) bool {
	_, day := newstext.English().Weekday(w)
	return day && newstext.English().CalendarName(w)
}

// Audiences of "told": the clause follows them.
var audiences = wordSet(`reporters journalists the press lawmakers parliament congress senators diplomats officials media
	news agencies agency interviewer viewers listeners supporters students delegates audience crowd cnn bbc`)

// cand is a possible speaker: a mention, a pronoun or a description.
type cand struct {
	start, end int
	ment       int    // index in doc.ments, -1 for none
	pronoun    string // he, she, it, they
	desc       string // "the Russian diplomat"
	head       string // the description's head noun
	answers    string // the speaker a reply verb answers, whom the pronoun is not
}

// who is what attribution found.
type who struct {
	ment     int    // the speaker's mention (the antecedent for a pronoun), -1 when none
	name     string // speaker's name, or the description when unresolved
	ok       bool
	reporter bool // the outlet's own correspondent: never the author of reported speech
	after    bool // read from an attribution after the quote
}

func noOne() who { return who{ment: -1} }

// candidates lists the speaker candidates in [s, e) outside quotes.
func (d *doc) candidates(s, e int) []cand {
	var out []cand
	for i := d.mentFrom(s); i < len(d.ments) && d.ments[i].start < e; i++ {
		if m := d.ments[i]; m.end <= e && !m.inQuote {
			out = append(out, cand{start: m.start, end: m.end, ment: i})
		}
	}
	for _, t := range d.tokens(s, e) {
		if !t.word || d.inSpan(t.start) {
			continue
		}
		w := t.low
		if _, ok := personPronouns[w]; ok || groupPronouns[w] || w == "they" {
			out = append(out, cand{start: t.start, end: t.end, ment: -1, pronoun: w})
		}
	}
	return out
}

func (d *doc) inSpan(pos int) bool {
	// Spans are in text order and do not overlap.
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].close > pos })
	return i < len(d.spans) && d.spans[i].open <= pos
}

// gapOK: only words that may stand between subject and verb.
func (d *doc) gapOK(s, e int) bool {
	n := 0
	for _, t := range d.tokens(s, e) {
		if !t.word {
			return false
		}
		if !gapWord(t.low) && !(strings.HasSuffix(t.low, "ly") && len(t.low) > 4) {
			return false // "loudly objected" passes
		}
		n++
	}
	return n <= 5
}

// apposition: ", US Undersecretary for Disarmament," between subject and verb.
func (d *doc) apposition(s, e int) bool {
	g := strings.TrimSpace(d.withoutTitles(s, e))
	if len(g) < 2 || len(g) > 120 || g[0] != ',' || g[len(g)-1] != ',' {
		return false
	}
	return !strings.ContainsAny(g[1:len(g)-1], ".;:\"“”«»")
}

// subjectBefore finds the speaker of a verb at v from the words in [ws, v).
func (d *doc) subjectBefore(ws, v int, kind newstext.SpeechKind) who {
	ws = max(ws, v-maxWindow)
	cs := d.candidates(ws, v)
	if vt := d.tokens(v, v+16); len(vt) > 0 && replyVerbs[vt[0].low] {
		// "To which she replied": not the one who asked.
		if n := len(d.found); n > 0 && d.found[n-1].who.ok && d.found[n-1].qm.End <= v {
			for i := range cs {
				cs[i].answers = d.found[n-1].who.name
			}
		}
	}
	if kind == newstext.SayingParticiple && len(cs) > 0 {
		// "Ryabkov had commented on the talks, saying ...": the clause's
		// subject is the first candidate ("In Oslo" sets the scene).
		first := -1
		for i, c := range cs {
			if c.ment >= 0 && (d.ments[c.ment].typ == "PLACE" || d.afterPreposition(c.start)) {
				continue
			}
			if first < 0 || c.start < cs[first].start {
				first = i
			}
		}
		if first >= 0 {
			return d.resolve(cs[first])
		}
	}
	best := -1
	for i, c := range cs {
		who := d.relativeWho(c.end, v)
		if c.ment >= 0 && d.afterPreposition(c.start) && !who {
			continue
		}
		if d.gapOK(c.end, v) || d.apposition(c.end, v) || d.openApposition(c.end, v) || d.nameInApposition(c, ws, v) || who {
			if best < 0 || c.end > cs[best].end {
				best = i
			}
		}
	}
	// A description in the apposition after the name ("Rob Lane, a
	// deputy county clerk said") is the name's, not a speaker.
	inApposition := best >= 0 && strings.HasPrefix(strings.TrimSpace(d.text[cs[best].end:v]), ",")
	if dc, ok := d.descriptionBefore(ws, v); ok && (best < 0 || dc.end > cs[best].end && !inApposition) {
		return d.resolve(dc)
	}
	if best < 0 {
		// The colon pattern: "Ryabkov: ..." handled by the caller; a
		// sentence whose subject is a mention far from the verb with no
		// better candidate ("Ann Lee, the trade minister, ..., stressed
		// at a forum on Monday that") still counts
		// when the mention starts the clause.
		for _, c := range cs {
			if (c.ment >= 0 && d.ments[c.ment].typ != "PLACE" || c.pronoun != "") && d.opensClause(ws, c.start) {
				return d.resolve(c)
			}
		}
		return noOne()
	}
	return d.resolve(cs[best])
}

// descriptionAt is a description that opens the clause at ws ("An
// official", "The judge"), its head a speaker noun within a few words.
func (d *doc) descriptionAt(ws, e int) (cand, bool) {
	toks := d.tokens(ws, e)
	if len(toks) == 0 || !toks[0].word || !determiners[toks[0].low] {
		return cand{}, false
	}
	for k := 1; k < len(toks) && k <= maxLeadWords+1 && toks[k].word; k++ {
		if speakerNoun(toks[k].low) {
			return cand{start: toks[0].start, end: toks[k].end, ment: -1, desc: d.text[toks[0].start:toks[k].end], head: toks[k].low}, true
		}
	}
	return cand{}, false
}

// maxClauseLead bounds, in bytes, the words that open a clause before its
// subject, so that the look stays short in sentences of any length.
const maxClauseLead = 300

// maxLeadWords is how many words may open a clause before its subject
// ("The 41-year-old Moss, whose ..., told").
const maxLeadWords = 3

// opensClause: only a few words, none of them a name, a verb-like word
// ending a clause or a comma, stand between ws and pos.
func (d *doc) opensClause(ws, pos int) bool {
	if pos-ws > maxClauseLead {
		return false
	}
	n := 0
	for _, t := range d.tokens(ws, pos) {
		if !t.word {
			if t.low == "," || t.low == ";" || t.low == ":" {
				return false
			}
			continue
		}
		if n++; n > maxLeadWords {
			return false
		}
	}
	return true
}

var determiners = wordSet("the a an its his her their our one another some several two three")

// descriptionBefore finds "the Russian diplomat" ending (up to gap words)
// right before v.
func (d *doc) descriptionBefore(ws, v int) (cand, bool) {
	toks := d.tokens(ws, v)
	i := len(toks) - 1
	for i >= 0 && toks[i].word && gapWord(toks[i].low) {
		i--
	}
	if i < 0 || !toks[i].word {
		return cand{}, false
	}
	end := toks[i].end
	// "the Russian diplomatic mission in Geneva": step over the place;
	// "a friend of the singer", "a source close to the club's board":
	// over what the head noun governs.
	if !functionWords[toks[i].low] {
		for k := i - 1; k >= 1 && k >= i-6; k-- {
			if !toks[k].word && toks[k].low != "'" && toks[k].low != "’" {
				break // a phrase of words only: no comma, no clause
			}
			closeTo := toks[k].low == "close" && toks[k+1].low == "to" // "a source close to the board"
			if !toks[k].word || !prepositions[toks[k].low] && !closeTo {
				continue
			}
			if d.mentionAt(toks[k+1].start) || toks[k-1].word && speakerNoun(toks[k-1].low) {
				i = k - 1
			}
		}
	}
	head := toks[i].low
	if !speakerNoun(head) {
		return cand{}, false
	}
	for j := i; j >= 0 && j >= i-6; j-- {
		if !toks[j].word {
			if toks[j].low == "'" || toks[j].low == "’" {
				continue // "the Rangers' board"
			}
			break
		}
		w := toks[j].low
		poss := strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
		if determiners[w] || poss {
			start := toks[j].start
			if poss {
				start = toks[j].start
			}
			// "Al Mayadeen's correspondent": the possessor's whole name.
			for poss && j > 0 && toks[j-1].word && isCapitalised(d.text[toks[j-1].start:toks[j-1].end]) {
				j--
				start = toks[j].start
			}
			return cand{start: start, end: end, ment: -1, desc: d.text[start:end], head: head}, true
		}
		if d.inSpan(toks[j].start) {
			return cand{}, false
		}
	}
	// "Outside the plant, strikers chanted", "Defence
	// lawyers objected": a bare plural, with the words before it in its
	// clause.
	if plural(head) {
		j := i
		for j > 0 && j > i-2 && toks[j-1].word && !functionWords[toks[j-1].low] && !gapWord(toks[j-1].low) && !d.mentionAt(toks[j-1].start) {
			j--
		}
		return cand{start: toks[j].start, end: end, ment: -1, desc: d.text[toks[j].start:end], head: head}, true
	}
	return cand{}, false
}

// Words that end no noun phrase.
var functionWords = wordSet(`but and or then that which who whom whose when while if as than so because although though of in at by
	for with from to on about`)

// plural: a head noun naming several ("officials", "demonstrators",
// "police").
func plural(w string) bool {
	return w == "police" || w == "people" || w == "authorities" || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// resolve turns a candidate into a speaker: a mention gives its full name;
// a pronoun or a definite description the nearest compatible named speaker
// before it.
func (d *doc) resolve(c cand) who {
	switch {
	case c.ment >= 0:
		return who{ment: c.ment, name: d.fullName(c.ment), ok: true}
	case c.pronoun == "they":
		return d.group(c.start)
	case c.pronoun != "":
		if g, ok := personPronouns[c.pronoun]; ok {
			return d.salientFrom(c.start, referent{typ: "PERSON", gender: g, not: c.answers}, maxPronounChain)
		}
		return d.salient(c.start, "ORG", genderUnknown)
	case c.desc != "":
		name := strings.TrimSpace(c.desc)
		first := strings.ToLower(strings.Fields(name)[0])
		if first == "the" || first == "a" || first == "an" {
			name = strings.TrimSpace(name[len(first):])
		}
		definite := first == "the"
		switch {
		case reporterNouns[c.head]:
			return who{ment: -1, name: name, ok: true, reporter: true}
		case personNouns[c.head] && definite && !plural(c.head):
			return d.definitePerson(c.start, c.head, name)
		case orgNouns[c.head] && definite:
			if i := d.antecedent(c.start, "ORG", genderUnknown, c.head); i >= 0 {
				return who{ment: i, name: d.fullName(i), ok: true}
			}
			// "the production company" → Dick Clark Productions: another
			// word of the description in the organisation's name.
			for _, w := range strings.Fields(strings.ToLower(name)) {
				w = strings.Trim(w, ".,'’")
				if len(w) >= 5 && w != c.head && !determiners[w] {
					if i := d.antecedent(c.start, "ORG", genderUnknown, w[:5]); i >= 0 {
						return who{ment: i, name: d.fullName(i), ok: true}
					}
				}
			}
			// "the company said": the organisation last named.
			if genericOrgs[c.head] {
				if i := d.antecedent(c.start, "ORG", genderUnknown, ""); i >= 0 {
					return who{ment: i, name: d.fullName(i), ok: true}
				}
			}
		}
		return who{ment: -1, name: name, ok: true}
	}
	return noOne()
}

// antecedent is the nearest mention of typ before pos, outside quotes and
// boilerplate, compatible in gender, and for organisations naming the
// description's head noun ("the ministry" → "Foreign Ministry").
func (d *doc) antecedent(pos int, typ string, gender int, head string) int {
	from := d.mentFrom(pos)
	for i := from - 1; i >= 0 && i >= from-maxLookback; i-- {
		m := d.ments[i]
		if pos-m.end > maxAntecedent {
			break // "he said" refers to someone named a few paragraphs back at most
		}
		if m.start >= pos || m.inQuote || m.skipped || m.typ != typ {
			continue
		}
		if head != "" && !strings.Contains(strings.ToLower(m.text), head) {
			continue
		}
		if gender != genderUnknown {
			if g := d.gender(i); g != genderUnknown && g != gender {
				continue
			}
		}
		return i
	}
	return -1
}

// gender of a person mention: from its first name (or the first name of
// its full form), or an honorific before it.
func (d *doc) gender(i int) int {
	m := d.ments[i]
	for _, n := range []string{m.text, d.fullName(i)} {
		if f := strings.Fields(n); len(f) > 1 {
			if g := nameGender(f[0]); g != genderUnknown {
				return g
			}
		}
	}
	before := strings.TrimRight(d.text[max(0, m.start-8):m.start], " .")
	if k := strings.LastIndexAny(before, " \n"); k >= 0 {
		before = before[k+1:]
	}
	return nameGender(before)
}

// fullName: a resolved mention's canonical name; else the longest form of
// a surname the article gives (Ryabkov → Sergei Ryabkov), nearest first.
func (d *doc) fullName(i int) string {
	if d.full == nil {
		d.full = make([]string, len(d.ments))
	}
	if d.full[i] == "" {
		d.full[i] = d.findFullName(i)
	}
	return d.full[i]
}

func (d *doc) findFullName(i int) string {
	m := d.ments[i]
	if m.name != "" {
		return m.name
	}
	words := strings.Fields(m.text)
	if m.typ != "PERSON" || len(words) != 1 {
		return m.text
	}
	if d.bySurname == nil {
		d.bySurname, d.byFirst = map[string][]int{}, map[string][]int{}
		for j, o := range d.ments {
			if f := strings.Fields(o.text); o.typ == "PERSON" && len(f) >= 2 {
				k := newstext.NameKey(f[len(f)-1])
				d.bySurname[k] = append(d.bySurname[k], j)
				k = newstext.NameKey(f[0])
				d.byFirst[k] = append(d.byFirst[k], j)
			}
		}
	}
	// The nearest full form before; a later one only when there is none.
	// A lone first name (sports and human-interest copy: "Doug") is looked
	// up when no surname matches.
	list := d.bySurname[newstext.NameKey(words[0])]
	if len(list) == 0 {
		list = d.byFirst[newstext.NameKey(words[0])]
	}
	k := sort.Search(len(list), func(k int) bool { return d.ments[list[k]].start >= m.start })
	if k > 0 {
		return d.ments[list[k-1]].text
	}
	if k < len(list) {
		return d.ments[list[k]].text
	}
	return m.text
}

// Bounds that keep extraction linear on pathological text (megabytes
// without a full stop, thousands of names): how far back a speaker is
// looked for, in bytes and in mentions.
const (
	maxWindow     = 600
	maxLookback   = 300
	maxAntecedent = 3000
)

// mentFrom is the index of the first mention starting at or after pos.
func (d *doc) mentFrom(pos int) int {
	return sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= pos })
}

// speakerAfter reads the speaker of an inverted verb ("said Blinken",
// "wrote the Dutch embassy in Oslo") from the words after ve.
func (d *doc) speakerAfter(ve, limit int) who {
	for i := d.mentFrom(ve); i < len(d.ments); i++ {
		m := d.ments[i]
		if m.inQuote {
			continue
		}
		if m.start > limit || m.start-ve > 80 {
			break
		}
		gap := d.text[ve:m.start]
		if strings.ContainsAny(dropAbbrevDots(gap), ",.;:\"“”«»") || len(strings.Fields(gap)) > 6 || d.clauseIn(ve, m.start) {
			break
		}
		if m.start > ve+4 && d.afterPreposition(m.start) {
			break // "tweeted the US mission in Geneva": the description speaks
		}
		// "said France Telecom spokesman Louis-Michel Aymard", "said
		// festival producer Ana Silva": the person the role noun names.
		if i+1 < len(d.ments) {
			n := d.ments[i+1]
			if gap := d.text[m.end:n.start]; n.typ == "PERSON" && n.start-m.end < 40 && !strings.ContainsAny(gap, ",;:") && (m.typ != "PERSON" || d.nounIn(m.end, n.start)) {
				return who{ment: i + 1, name: d.fullName(i + 1), ok: true}
			}
		}
		return who{ment: i, name: d.fullName(i), ok: true}
	}
	toks := d.tokens(ve, min(limit, ve+160))
	var ws []tok
	for _, t := range toks {
		if !t.word || len(ws) >= 8 {
			break
		}
		ws = append(ws, t)
	}
	if len(ws) < 2 || !determiners[ws[0].low] {
		return noOne()
	}
	head := ""
	for _, t := range ws[1:] {
		if speakerNoun(t.low) {
			head = t.low
		}
	}
	if head == "" {
		return noOne()
	}
	// Keep "in Geneva" after the head: it is part of the name.
	end := ws[len(ws)-1].end
	// "according to her agent, Jack Marsh": the name set beside the
	// description is the speaker.
	if i := d.mentFrom(end); i < len(d.ments) && d.ments[i].typ == "PERSON" && !d.ments[i].inQuote &&
		strings.TrimSpace(d.text[end:d.ments[i].start]) == "," {
		return who{ment: i, name: d.fullName(i), ok: true}
	}
	return d.resolve(cand{start: ws[0].start, end: end, ment: -1, desc: d.text[ws[0].start:end], head: head})
}

// clauseIn: a subject pronoun among the words in [s, e) ("said he met
// Tom"): a clause begins, and the names in it are not the speaker.
func (d *doc) clauseIn(s, e int) bool {
	for _, t := range d.tokens(s, e) {
		if _, ok := personPronouns[t.low]; ok || t.low == "they" || t.low == "we" || t.low == "i" || t.low == "it" {
			return true
		}
	}
	return false
}

// speechVerb says whether the word k is a speech verb (and which), with
// "according" only before "to", and never a passive ("was described as").
func (d *doc) speechVerb(toks []tok, k int) newstext.SpeechKind {
	t := toks[k]
	if !t.word {
		return newstext.NotSpeech
	}
	kind := newstext.English().SpeechVerb(t.low)
	if (t.low == "pointed" || t.low == "points") && k+1 < len(toks) && toks[k+1].low == "out" {
		kind = newstext.Say // "pointed out that"
	}
	if kind == newstext.NotSpeech {
		return newstext.NotSpeech
	}
	if kind == newstext.According {
		if k+1 < len(toks) && toks[k+1].low == "to" {
			return kind
		}
		return newstext.NotSpeech
	}
	if k > 0 && toks[k-1].word && !strings.HasSuffix(t.low, "ing") {
		switch toks[k-1].low {
		case "was", "were", "is", "are", "be", "been", "being":
			return newstext.NotSpeech // passive: "was described as"
		}
	}
	return kind
}

// colonSpeaker: "Ryabkov: \"...\"" — a mention right before a colon that
// introduces the quote.
func (d *doc) colonSpeaker(ws, open int) who {
	g := strings.TrimRightFunc(d.text[ws:open], newstext.IsSpace)
	if !strings.HasSuffix(g, ":") {
		return noOne()
	}
	colon := ws + len(g) - 1
	for i := d.mentFrom(colon) - 1; i >= 0; i-- {
		m := d.ments[i]
		if m.end <= colon && m.start >= ws && !m.inQuote {
			if strings.TrimSpace(d.text[m.end:colon]) == "" && m.typ != "PLACE" && !d.afterPreposition(m.start) {
				return who{ment: i, name: d.fullName(i), ok: true}
			}
			break
		}
	}
	return noOne()
}

func firstRuneLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 'a' && r <= 'z'
}

// Heads of descriptions that stand for whatever organisation was last named.
var genericOrgs = wordSet("company firm group organisation organization carrier airline bank retailer manufacturer maker insurer")

var prepositions = wordSet("in at from of near to for with by on into inside outside across over under within")

// afterPreposition: the word before pos is a preposition ("the mission in
// Geneva"): what follows modifies a noun, it is not a subject.
func (d *doc) afterPreposition(pos int) bool {
	toks := d.tokens(max(0, pos-16), pos)
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	return t.word && prepositions[t.low]
}

// nounIn: a speaker noun (mission, minister) among the words in [s, e).
func (d *doc) nounIn(s, e int) bool {
	for _, t := range d.tokens(s, e) {
		if t.word {
			w := t.low
			if speakerNoun(w) || titleWords[w] {
				return true
			}
		}
	}
	return false
}

// nameInApposition: "Her counterpart, Pavel Orlov, described ..." — the
// name stands between commas right before the verb.
func (d *doc) nameInApposition(c cand, ws, v int) bool {
	if c.ment < 0 || d.ments[c.ment].typ != "PERSON" || strings.TrimSpace(d.text[c.end:v]) != "," {
		return false
	}
	return strings.HasSuffix(strings.TrimSpace(d.text[ws:c.start]), ",")
}

// relativeWho: "Jones, who said ..." — the verb's subject is the name the
// relative pronoun follows.
func (d *doc) relativeWho(e, v int) bool {
	g := strings.Fields(strings.ReplaceAll(d.text[e:v], ",", " , "))
	return len(g) >= 2 && len(g) <= 4 && g[0] == "," && g[1] == "who" && (len(g) == 2 || gapWord(strings.ToLower(g[len(g)-1])))
}

// dropAbbrevDots removes the periods of abbreviations ("state Rep.",
// "Const.") so that they do not read as sentence ends.
func dropAbbrevDots(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	f := strings.Fields(s)
	for i, w := range f {
		if strings.HasSuffix(w, ".") && isAbbrev(strings.TrimSuffix(w, ".")) {
			f[i] = strings.TrimSuffix(w, ".")
		}
	}
	return strings.Join(f, " ")
}

func isAbbrev(w string) bool {
	return newstext.English().WithoutFullStop(strings.ToLower(w)) || utf8.RuneCountInString(w) == 1 && isCapitalised(w) || newstext.Initials(w)
}
