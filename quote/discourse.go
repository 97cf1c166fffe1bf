package quote

import (
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/newstext"
)

// The rules below follow an article's discourse rather than the nearest
// name: who a sentence is about, who spoke last, and what gender the
// article gives each person.

// maxSalientSentences is how far back a pronoun looks for its referent:
// journalists name the speaker again after a few sentences.
const maxSalientSentences = 4

// sentIndex is the index of the sentence holding pos, -1 when none does.
func (d *doc) sentIndex(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i][1] > pos })
	if i < len(d.sents) && d.sents[i][0] <= pos {
		return i
	}
	return -1
}

// possessor: the mention is followed by 's ("Dunn's speech"): it
// modifies a noun, it is not the one the sentence is about.
func (d *doc) possessor(i int) bool {
	rest := d.text[d.ments[i].end:min(len(d.text), d.ments[i].end+4)]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
}

// sentenceMentions lists the mentions of typ in [s, e) that can be referred
// back to: outside quotes and boilerplate.
func (d *doc) sentenceMentions(s, e int, typ string) []int {
	var out []int
	from := d.mentFrom(s)
	for i := from; i < len(d.ments) && d.ments[i].start < e && i < from+maxLookback; i++ {
		if m := d.ments[i]; m.typ == typ && !m.inQuote && !m.skipped && m.end <= e {
			out = append(out, i)
		}
	}
	return out
}

// subjectMention is the mention of typ a stretch of a sentence is about:
// the first one that is neither the object of a preposition nor a
// possessor; -1 when none.
func (d *doc) subjectMention(s, e int, typ string) int {
	for _, i := range d.sentenceMentions(s, e, typ) {
		if !d.afterPreposition(d.ments[i].start) && !d.possessor(i) {
			return i
		}
	}
	return -1
}

// compatible says whether a mention can be what a pronoun or description
// of the given gender refers to.
func (d *doc) compatible(i, gender int) bool {
	if gender == genderUnknown {
		return true
	}
	g := d.genderOf(i)
	return g == genderUnknown || g == gender
}

// salient finds what a pronoun (or a definite description) at pos refers
// to, the way a reader does: whoever spoke earlier in its own sentence, or
// the subject that opens it; then, sentence by sentence back, whoever spoke
// in that sentence, the person the sentence is about, and the other persons
// it names. A sentence whose subject is a pronoun of the same kind hands
// the search on to that pronoun. Persons of the other gender are passed
// over. A speaker known only by a description ("the source said") counts
// in the sentence just before.
func (d *doc) salient(pos int, typ string, gender int) who {
	return d.salientFrom(pos, referent{typ: typ, gender: gender}, maxPronounChain)
}

// referent is what a pronoun can stand for.
type referent struct {
	typ    string
	gender int
	// not is a speaker the referent is not: the one whose question a
	// reply answers ("…?" Kerr asked. "Yes," she replied.).
	not string
}

// maxFrontedWords is how long a phrase before the subject's comma may be
// ("After the vote, she").
const maxFrontedWords = 8

// maxPronounChain bounds how many pronouns a search may hand on to.
const maxPronounChain = 6

func (d *doc) salientFrom(pos int, r referent, chain int) who {
	mention := func(i int) (who, bool) {
		if i < 0 || !d.compatible(i, r.gender) || r.not != "" && compatibleNames(d.fullName(i), r.not) {
			return noOne(), false
		}
		return who{ment: i, name: d.fullName(i), ok: true}, true
	}
	si := d.sentIndex(pos)
	if si < 0 {
		w, _ := mention(d.antecedent(pos, r.typ, r.gender, ""))
		return w
	}
	ss := d.sents[si][0]
	if w := d.quoteSpeakerIn(ss, pos); w.ok && d.fits(w, r, true) {
		return w // `"…," said Silva, explaining what she called`
	}
	if i := d.subjectMention(ss, pos, r.typ); i >= 0 && d.opensClause(ss, d.ments[i].start) {
		if w, ok := mention(i); ok {
			return w
		}
	}
	for j := si - 1; j >= 0 && j >= si-maxSalientSentences; j-- {
		s, e := d.sents[j][0], d.sents[j][1]
		if pos-e > maxAntecedent {
			break
		}
		if w := d.sentenceSpeaker(j); w.ok && d.fits(w, r, j == si-1) {
			return w
		}
		if w, ok := mention(d.subjectMention(s, e, r.typ)); ok {
			return w
		}
		if p := d.subjectPronoun(s, e, r.typ, r.gender); p >= 0 && chain > 0 {
			return d.salientFrom(p, r, chain-1)
		}
	}
	// No sentence was about anyone who fits: the other names, nearest
	// sentence first.
	for j := si - 1; j >= 0 && j >= si-maxSalientSentences && pos-d.sents[j][1] <= maxAntecedent; j-- {
		for _, i := range d.sentenceMentions(d.sents[j][0], d.sents[j][1], r.typ) {
			if w, ok := mention(i); ok {
				return w
			}
		}
	}
	// Nothing before the sentence (the lead): a name earlier in it
	// ("the governor of the state, Ada Finn, and she has apologised").
	ms := d.sentenceMentions(ss, pos, r.typ)
	for k := len(ms) - 1; k >= 0; k-- {
		if w, ok := mention(ms[k]); ok {
			return w
		}
	}
	return noOne()
}

// fits says whether a speaker can be what a pronoun of typ and gender
// refers to. A speaker known by a description fits a personal pronoun when
// its noun names a person, and only close by (near says so).
func (d *doc) fits(w who, r referent, near bool) bool {
	if w.reporter || r.not != "" && compatibleNames(w.name, r.not) {
		return false
	}
	if w.ment >= 0 {
		return d.ments[w.ment].typ == r.typ && d.compatible(w.ment, r.gender)
	}
	head := strings.ToLower(lastWord(w.name))
	if r.typ == "PERSON" {
		return near && personNouns[head] && (r.gender == genderUnknown || nameGender(head) != otherGender(r.gender))
	}
	return near && (orgNouns[head] || docNouns[head])
}

// group resolves "they" at pos: the group a recent sentence speaks of or
// lets speak, named by a plural description ("The strikers, however,
// stayed ..."); no one when the article names none.
func (d *doc) group(pos int) who {
	si := d.sentIndex(pos)
	for j := si - 1; j >= 0 && si >= 0 && j >= si-maxSalientSentences; j-- {
		if w := d.sentenceSpeaker(j); w.ok && w.ment < 0 && plural(strings.ToLower(lastWord(w.name))) {
			return w
		}
		if dc, ok := d.descriptionAt(d.sents[j][0], d.sents[j][1]); ok && plural(dc.head) && personNouns[dc.head] {
			return d.resolve(dc)
		}
	}
	return noOne()
}

// quoteSpeakerIn is the speaker of the last direct quote attributed in
// [s, e).
func (d *doc) quoteSpeakerIn(s, e int) who {
	for k := len(d.found) - 1; k >= 0; k-- {
		q := d.found[k].qm
		if q.End <= s {
			break
		}
		if q.Start < e && d.found[k].who.ok {
			return d.found[k].who
		}
	}
	return noOne()
}

// subjectPronoun is the position of a pronoun of the kind sought that opens
// the clause of [s, e) ("Even though she lost ..."), -1 when none.
func (d *doc) subjectPronoun(s, e int, typ string, gender int) int {
	e = min(e, s+maxClauseLead)
	n := 0
	afterComma := false
	for _, t := range d.tokens(s, e) {
		if !t.word {
			// "After the vote, she left": the subject follows a
			// fronted phrase.
			afterComma = t.low == "," && n <= maxFrontedWords
			continue
		}
		if d.inSpan(t.start) {
			continue
		}
		if n++; n > maxLeadWords+1 && !afterComma {
			break
		}
		afterComma = false
		if g, ok := personPronouns[t.low]; ok && typ == "PERSON" && (gender == genderUnknown || g == gender) {
			return t.start
		}
		if groupPronouns[t.low] && typ == "ORG" {
			return t.start
		}
	}
	return -1
}

func otherGender(g int) int {
	switch g {
	case genderMale:
		return genderFemale
	case genderFemale:
		return genderMale
	}
	return genderUnknown
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// sentenceSpeaker is who speaks in sentence j: the speaker of the last
// direct quote attributed in it so far, else of its reported speech.
func (d *doc) sentenceSpeaker(j int) who {
	if w := d.quoteSpeakerIn(d.sents[j][0], d.sents[j][1]); w.ok {
		return w
	}
	if f, ok := d.reportedIn(j); ok {
		return f.who
	}
	return noOne()
}

// reportedSpeech is a sentence's reported speech, when it has any.
type reportedSpeech struct {
	f  found
	ok bool
}

// reportedIn is the reported speech of sentence j, found once.
func (d *doc) reportedIn(j int) (found, bool) {
	if d.reported == nil {
		d.reported = map[int]reportedSpeech{}
	}
	if r, ok := d.reported[j]; ok {
		return r.f, r.ok
	}
	// Reported speech resolves its own pronouns through earlier sentences:
	// the guard ends the recursion, which only ever goes back.
	d.reported[j] = reportedSpeech{}
	f, ok := d.indirectIn(d.sents[j])
	d.reported[j] = reportedSpeech{f, ok}
	return f, ok
}

// genderOf is what the article says of a person's gender: the first name
// or honorific, else the pronouns that follow the person as the subject of
// a sentence and the gendered nouns set beside the name ("Dr. Obi,
// the first woman to ...").
func (d *doc) genderOf(i int) int {
	if g := d.gender(i); g != genderUnknown {
		return g
	}
	if d.learned == nil {
		d.learned = d.learnGenders()
	}
	return d.learned[newstext.NameKey(d.fullName(i))]
}

// learnGenders votes, for each person, on the pronouns that come after it
// before any other person is named (in its sentence and the next), and on
// a gendered word in the apposition after it.
func (d *doc) learnGenders() map[string]int {
	votes := map[string]int{} // > 0 male, < 0 female
	for i, m := range d.ments {
		if m.typ != "PERSON" || m.inQuote || m.skipped {
			continue
		}
		si := d.sentIndex(m.start)
		if si < 0 {
			continue
		}
		limit := d.sents[si][1]
		if si+1 < len(d.sents) {
			limit = d.sents[si+1][1]
		}
		limit = min(limit, m.end+maxGenderReach)
		for k := i + 1; k < len(d.ments) && d.ments[k].start < limit; k++ {
			if d.ments[k].typ == "PERSON" && !d.ments[k].inQuote && !d.possessor(k) {
				limit = d.ments[k].start
				break
			}
		}
		key := newstext.NameKey(d.fullName(i))
		toks := d.tokens(m.end, limit)
		for k, t := range toks {
			if !t.word || d.inSpan(t.start) {
				continue
			}
			if k <= 6 && (femaleWords[t.low] || maleWords[t.low]) && t.low != "her" && t.low != "his" && t.low != "he" && t.low != "she" && t.low != "him" {
				// ", the mayor's wife", ", a spokeswoman for": a noun in
				// the apposition; a possessive pronoun says nothing of it.
				if inApposition(d.text[m.end:t.start]) {
					votes[key] += genderVote(nameGender(t.low))
					break
				}
			}
			// Only a subject pronoun: "Dunn said her speech" says
			// nothing of Dunn.
			if g, ok := personPronouns[t.low]; ok {
				votes[key] += genderVote(g)
				break
			}
		}
	}
	out := map[string]int{}
	for k, v := range votes {
		switch {
		case v > 0:
			out[k] = genderMale
		case v < 0:
			out[k] = genderFemale
		}
	}
	return out
}

// maxGenderReach bounds how far after a name its pronoun is looked for.
const maxGenderReach = 400

// inApposition: the text between a name and a word is a comma and an
// apposition's opening words, not a new clause.
func inApposition(gap string) bool {
	g := strings.TrimSpace(gap)
	return strings.HasPrefix(g, ",") && !strings.ContainsAny(g[1:], ",.;:\"“”")
}

func genderVote(g int) int {
	switch g {
	case genderMale:
		return 1
	case genderFemale:
		return -1
	}
	return 0
}

// definitePerson resolves "the mayor", "the official" at pos: the person
// the article gave that title ("Lindmark Mayor Ada Finn", "Tom
// Reyes, the head of ..."); else, when it introduced someone by that noun
// without a name ("a senior fire official"), that unnamed
// person, known by the description; else the salient person.
func (d *doc) definitePerson(pos int, head, desc string) who {
	if i := d.titledPerson(pos, head); i >= 0 {
		return who{ment: i, name: d.fullName(i), ok: true}
	}
	if d.introducedUnnamed(pos, head) {
		return who{ment: -1, name: desc, ok: true}
	}
	if w := d.salient(pos, "PERSON", nameGender(head)); w.ok {
		return w
	}
	return who{ment: -1, name: desc, ok: true}
}

// titledPerson is the nearest person before pos whose name the noun head
// titles: among the few words before the name in its sentence, or in the
// apposition after it.
func (d *doc) titledPerson(pos int, head string) int {
	from := d.mentFrom(pos)
	for i := from - 1; i >= 0 && i >= from-maxLookback; i-- {
		m := d.ments[i]
		if pos-m.end > maxAntecedent {
			break
		}
		if m.inQuote || m.skipped || m.typ == "PLACE" {
			continue
		}
		if f := strings.Fields(strings.ToLower(m.text)); len(f) > 2 && slices.Contains(f[:len(f)-2], head) {
			return i // "Lindmark Mayor Ada Finn", tagged whole, even as an organisation
		}
		if m.typ != "PERSON" {
			continue
		}
		sent := d.sentenceOf(m.start)
		if d.titleBefore(max(sent[0], m.start-80), m.start, head) {
			return i
		}
		after := d.tokens(m.end, min(sent[1], m.end+80))
		if len(after) > 0 && after[0].low == "," {
			for _, t := range after[1:] {
				if !t.word {
					break
				}
				if t.low == head {
					return i
				}
			}
		}
	}
	return -1
}

// titleBefore: the noun head titles the name that starts at pos: it stands
// among the capitalised words right before it ("Superior Court Judge Anne
// Wolfe", "Harbour Governor Tom Reyes"), or opens the description
// the name is set after ("the governor of the island, Tom Reyes").
func (d *doc) titleBefore(s, pos int, head string) bool {
	toks := d.tokens(s, pos)
	k := len(toks) - 1
	for ; k >= 0; k-- {
		t := toks[k]
		if t.low == "." || t.word && isCapitalised(d.text[t.start:t.end]) {
			if t.low == head {
				return true
			}
			continue
		}
		break
	}
	if k < 0 || toks[k].low != "," {
		return false
	}
	titled := false
	for j := k - 1; j >= 0 && j >= k-8 && toks[j].word; j-- {
		titled = titled || toks[j].low == head
		if determiners[toks[j].low] {
			return titled // "the governor of the island," — not a list of names
		}
	}
	return false
}

// introducedUnnamed: before pos the article speaks of "a/an/one/another
// ... head" (up to three words between), a person it does not name.
func (d *doc) introducedUnnamed(pos int, head string) bool {
	toks := d.tokens(max(0, pos-maxAntecedent), pos)
	for k, t := range toks {
		if !t.word || t.low != head || d.inSpan(t.start) {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if !toks[j].word {
				break
			}
			switch toks[j].low {
			case "a", "an", "one", "another":
				return true
			case "the":
				j = -1 // a definite one does not introduce
			}
		}
	}
	return false
}
