package cluster

import (
	"cmp"
	"hash/fnv"
	"math"
	"math/bits"
	"slices"
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// feature is one weighted dimension of an article's signature. Keys are
// 64-bit hashes of "kind:value" so that a signature costs 12 bytes a term
// and no vocabulary table has to be kept for a million articles.
type feature struct {
	key uint64
	w   float32
}

// vec is a sparse vector sorted by key.
type vec []feature

func dot(a, b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

func normalize(v vec) {
	var n float64
	for _, f := range v {
		n += float64(f.w) * float64(f.w)
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w = float32(float64(v[i].w) / n)
	}
}

func hashKey(kind byte, s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte{kind, ':'})
	h.Write([]byte(s))
	return h.Sum64()
}

// Feature kinds.
const (
	kindWord   = 'w'
	kindName   = 'n'
	kindEntity = 'e'
	kindDate   = 'd'
	kindPlace  = 'p'
)

// doc is what clustering keeps of an article.
type doc struct {
	art *storyline.Article
	id  string
	day int32 // the reported happening's day, or noDay
	// dayNamed: the day is one the text names for the happening ("on
	// Tuesday", "on March 3"), not a publication date standing in for it.
	dayNamed bool
	// lead holds the keys (sorted) of the names, entities and places of
	// the headline and lead: who and where the report says it is about.
	lead  []uint64
	raw   map[uint64]float32
	vec   vec
	fine  vec    // vec under the corpus's own IDF, for refine
	hash  uint64 // SimHash of word shingles, for syndicated copies
	dates []dateMention
	pub   int32
	// sents are the sentences of the article's text (its first
	// MaxTextBytes), byte spans of Text.
	sents []newstext.Span
	names map[uint64]bool // keys of name, entity and place features
	// lang is the article's language; shared are the keys of the
	// features that do not depend on it (resolved entities, places,
	// dates, numbers), and across is the signature over those alone,
	// which compares reports written in different languages.
	lang   string
	shared map[uint64]bool
	across vec
	memo   *docMemo
}

// docMemo holds what describing an event reads of an article, read once
// however often the article's event is described again (a pointer, so
// that copies of a doc share it).
type docMemo struct {
	factsRead bool
	facts     []factCand
	body      []bodySentence
	bodyRead  bool
}

// sentence is a span of an article's text.
type sentence struct {
	text  string
	start int
}

// bodySentence is a sentence that may stand in a summary, with its word
// keys (weighed later by the event's own weights).
type bodySentence struct {
	sentence
	keys []uint64
}

// proseSentencesEnd is where the first n sentences of the report end in
// the article's text: sentences of captions, crossheads and dateline lines
// do not count. end when the report has no more.
func (d *doc) proseSentencesEnd(n, end int) int {
	if n < 0 {
		return 0
	}
	for _, sp := range d.sents {
		if !d.art.RoleAt(sp.End - 1).Prose() {
			continue // a lead's dateline ends in its report; a caption does not
		}
		if n == 0 {
			return sp.Start
		}
		n--
	}
	return end
}

// nameKeys are the doc's name, entity and place features with their
// weights in its signature, sorted by key.
func (d *doc) nameKeys() vec {
	var out vec
	for _, f := range d.vec {
		if d.names[f.key] {
			out = append(out, f)
		}
	}
	return out
}

// articleDay is the best day for the happening an article reports: the
// time analysis' EventDate, else the publication date.
func articleDay(a *storyline.Article) (event, pub int32) {
	pub = parseDay(a.Published)
	event = parseDay(a.EventDate)
	if event == noDay {
		event = pub
	}
	return event, pub
}

// headline is the article's headline: its title, which the cleaner takes
// from the headline line or, without one, from the lead.
func headline(a *storyline.Article) string { return strings.TrimSpace(a.Title) }

// extract computes an article's raw (un-IDF-weighted) features.
func extract(a *storyline.Article, cfg *Config) *doc {
	d := &doc{art: a, id: a.ID, lang: a.Lang, raw: map[uint64]float32{}, names: map[uint64]bool{}, shared: map[uint64]bool{}, memo: &docMemo{}}
	d.day, d.pub = articleDay(a)
	counts := map[uint64]float32{}
	boosts := map[uint64]float32{}
	addTerm := func(key uint64, w, boost float32) {
		if w <= 0 || boost <= 0 {
			return
		}
		counts[key] += w
		if boost > boosts[key] {
			boosts[key] = boost
		}
	}
	title := headline(a)
	text := a.Text
	if len(text) > cfg.MaxTextBytes {
		text = text[:cfg.MaxTextBytes]
	}
	d.sents = newstext.Sentences(text)
	body := text
	textOffset := 0 // where a.Text starts in body: entity offsets are a.Text's
	if a.Title != "" {
		body = a.Title + "\n" + text
		textOffset = len(a.Title) + 1
	}
	// The lead is the headline and the report's first sentences.
	leadEnd := textOffset + d.proseSentencesEnd(cfg.LeadSentences, len(text))
	// inLead: a word at i of body is in the headline or the lead
	// sentences, not in a caption among them (a picture's people and
	// places, often of another day).
	inLead := func(i int) bool {
		return i < leadEnd && (i < textOffset || a.RoleAt(i-textOffset) != storyline.RoleCaption)
	}
	titleEnd := 0
	if title != "" {
		if i := strings.Index(body[:min(len(body), len(title)+200)], title); i >= 0 {
			titleEnd = i + len(title)
		}
	}
	english := a.Lang == "" || a.Lang == "en"
	toks := tokenize(body)
	var shingles []uint64
	prev := ""
	for _, t := range toks {
		if t.number {
			if len(t.fold) > 12 {
				continue
			}
		} else if len(t.low) < 2 || stopword(t.low) {
			prev = ""
			continue
		}
		boost := float32(1)
		if t.start < titleEnd {
			boost = float32(cfg.TitleBoost)
		} else if t.start < leadEnd {
			boost = float32(cfg.LeadBoost)
		}
		w := float32(1)
		if t.number {
			w = float32(cfg.NumberWeight)
		}
		addTerm(hashKey(kindWord, t.fold), w, boost)
		if t.number {
			d.shared[hashKey(kindWord, t.fold)] = true
		}
		// Capitalised words stay features when entities are present too:
		// the weights were tuned with them, and a tagger misses names. In
		// other languages they are no names' evidence (German capitalises
		// every noun) and spell names as the language does (Rjabkow):
		// there the resolved entities stand for the names.
		if t.name && english {
			k := hashKey(kindName, t.fold)
			addTerm(k, float32(cfg.NameWeight), boost)
			d.names[k] = true
			if inLead(t.start) && len(a.Entities) == 0 {
				d.addLead(k) // no tagger ran: capitalised words stand in
			}
		}
		if prev != "" {
			shingles = append(shingles, hashKey('s', prev+" "+t.fold))
		}
		prev = t.fold
	}
	for _, m := range a.Entities {
		key := m.Entity
		if key == "" {
			key = strings.ToLower(m.Name)
			if key == "" {
				key = strings.ToLower(m.Text)
			}
		}
		kind := byte(kindEntity)
		if m.Type == storyline.Place {
			kind = kindPlace
		}
		lead := inLead(m.Start + textOffset)
		boost := float32(1)
		if lead {
			boost = float32(cfg.LeadBoost)
		}
		k := hashKey(kind, key)
		addTerm(k, float32(cfg.EntityWeight), boost)
		d.names[k] = true
		if m.Entity != "" {
			d.shared[k] = true // a resolved entity is one across languages
		}
		if lead && m.Type != storyline.Other {
			d.addLead(k)
		}
	}
	d.dates = articleDates(a)
	d.dayNamed = namesDay(a, d.dates, d.day)
	for _, dm := range d.dates {
		if dm.caption {
			continue // a picture's day says nothing of which happening the report is about
		}
		addTerm(hashKey(kindDate, dm.value), float32(cfg.DateWeight), 1)
		d.shared[hashKey(kindDate, dm.value)] = true
	}
	if d.day != noDay {
		addTerm(hashKey(kindDate, dayString(d.day)), float32(cfg.DateWeight), 1)
		d.shared[hashKey(kindDate, dayString(d.day))] = true
	}
	for k, c := range counts {
		d.raw[k] = (1 + float32(math.Log(float64(c)))) * boosts[k]
	}
	d.hash = simhash(shingles)
	return d
}

// articleDates are the dates an article mentions, as the time analysis
// read them: dates and times, and durations that point at a day.
func articleDates(a *storyline.Article) []dateMention {
	var out []dateMention
	for _, t := range a.Timexes {
		v := t.Value
		switch {
		case t.Type == "" || t.Type == "DATE" || t.Type == "TIME":
		case t.Anchor != "":
			v = t.Anchor // "in three weeks": the day it points at
		default:
			continue
		}
		if len(v) > 10 {
			v = v[:10]
		}
		if len(v) < 7 || v[4] != '-' {
			continue
		}
		out = append(out, dateMention{start: t.Start, end: t.End, text: t.Text, value: v, day: parseDay(v),
			caption: a.RoleAt(t.Start) == storyline.RoleCaption})
	}
	return out
}

// setVec sets the doc's signature and, from it, its signature across
// languages.
func (d *doc) setVec(v vec) {
	d.vec = v
	d.across = nil
	for _, f := range v {
		if d.shared[f.key] {
			d.across = append(d.across, f)
		}
	}
	normalize(d.across)
}

// crossLingual tells whether two reports are written in different
// languages: their words cannot meet, only what is language-independent.
// A report whose language is unknown is compared as one in the other's.
func crossLingual(a, b *doc) bool {
	return a.lang != "" && b.lang != "" && a.lang != b.lang
}

// weigh turns raw term weights into an L2-normalised TF-IDF vector.
func weigh(raw map[uint64]float32, idf func(uint64) float64) vec {
	v := make(vec, 0, len(raw))
	for k, w := range raw {
		v = append(v, feature{key: k, w: float32(float64(w) * idf(k))})
	}
	sortByKey(v)
	normalize(v)
	return v
}

func sortByKey(v vec) {
	slices.SortFunc(v, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
}

// byWeight orders heaviest first, ties by key.
func byWeight(a, b feature) int {
	if a.w != b.w {
		if a.w > b.w {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.key, b.key)
}

// simhash is Charikar's fingerprint over word bigrams: syndicated copies of
// one wire story land within a few bits of each other.
func simhash(shingles []uint64) uint64 {
	if len(shingles) == 0 {
		return 0
	}
	var acc [64]int
	for _, h := range shingles {
		// Mix so that FNV's weak low bits spread.
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				acc[b]++
			} else {
				acc[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if acc[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

func hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// pairScore is the evidence that two articles report one happening: the
// cosine of their signatures, lowered when their days are far apart (two
// meetings of the same kind months apart are two events) or when their
// leads name different days or different people and places, and raised
// to certainty for near-identical copies.
func pairScore(a, b *doc, cfg *Config) float64 {
	if copies(a, b, cfg) {
		return 1
	}
	return scoreFromCosine(a, b, dot(a.vec, b.vec), cfg)
}

// copies tells whether two articles are near-identical texts (syndicated
// copies), by their SimHash fingerprints.
func copies(a, b *doc, cfg *Config) bool {
	return a.hash != 0 && b.hash != 0 && hamming(a.hash, b.hash) <= cfg.DupBits
}

// scoreFromCosine is pairScore for two articles that are no copies of each
// other, given the cosine s of their signatures.
func scoreFromCosine(a, b *doc, s float64, cfg *Config) float64 {
	if crossLingual(a, b) && a.day != noDay && b.day != noDay && int(absDays(a.day-b.day)) <= cfg.CrossLingualDays {
		// Reports in two languages share few words: they are one
		// happening when the same people, places, numbers and days make
		// most of what they name, on days no further apart than one
		// happening's reports are (same-kind happenings share their
		// cast). Words still count where they meet: a language told
		// wrongly, a text quoting another language.
		s = max(s, cfg.CrossLingualWeight*dot(a.across, b.across))
	}
	s = adjustForDays(s, a.day, b.day, a.dayNamed && b.dayNamed, cfg)
	if otherCast(a.lead, b.lead, cfg) {
		s *= cfg.OtherCastFactor
	}
	return s
}

// otherCast tells whether two leads (sorted keys) each name enough people
// and places to tell, and share none.
func otherCast(a, b []uint64, cfg *Config) bool {
	if len(a) < cfg.LeadNamesMin || len(b) < cfg.LeadNamesMin {
		return false
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return false
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return true
}

// namesDay tells whether the text names day (outside a dateline).
func namesDay(a *storyline.Article, dates []dateMention, day int32) bool {
	if day == noDay {
		return false
	}
	for _, dm := range dates {
		if dm.day == day && !dm.caption && a.RoleAt(dm.start) != storyline.RoleDateline {
			return true
		}
	}
	return false
}

func (d *doc) addLead(k uint64) {
	i, found := slices.BinarySearch(d.lead, k)
	if !found {
		d.lead = slices.Insert(d.lead, i, k)
	}
}

func adjustForDays(s float64, a, b int32, named bool, cfg *Config) float64 {
	if a == noDay || b == noDay {
		return s
	}
	gap := a - b
	if gap < 0 {
		gap = -gap
	}
	if int(gap) > cfg.DateWindowDays {
		return s * cfg.FarDatePenalty
	}
	if named && int(gap) > cfg.SameDays {
		return s * cfg.OtherDayFactor
	}
	return s + cfg.NearDateBonus
}

// topTerms returns the n heaviest features (ties by key), heaviest first.
func topTerms(v vec, n int) vec {
	out := append(vec(nil), v...)
	slices.SortFunc(out, byWeight)
	if len(out) > n {
		out = out[:n]
	}
	return out
}
