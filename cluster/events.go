package cluster

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	storyline "github.com/storyline-news/storyline"
)

// builtEvent is an event with what stories and timelines need of it.
type builtEvent struct {
	storyline.Event
	docs     []*doc
	centroid vec
	names    vec // centroid over names, entities and places only
	day      int32
	sketch   Sketch
	lang     string // eventLanguage, once asked
}

// makeEvents turns groups of docs into events, sorted by id, and sets each
// article's Event.
func makeEvents(ctx context.Context, docs []*doc, groups [][]int, cfg *Config) ([]*builtEvent, error) {
	evs := make([]*builtEvent, 0, len(groups))
	for _, g := range groups {
		sort.Ints(g)
		e := &builtEvent{}
		for _, i := range g {
			e.docs = append(e.docs, docs[i])
			e.Articles = append(e.Articles, docs[i].id)
		}
		e.ID = shortID("e-", docs[g[0]].id)
		for _, d := range e.docs {
			d.art.Event = e.ID
		}
		evs = append(evs, e)
	}
	err := parallel(ctx, len(evs), func(i int) {
		evs[i].centroid = centroid(evs[i].docs, 0)
		fillEvent(evs[i], cfg)
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: filling events: %w", err)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
	return evs, nil
}

// centroid is the normalised mean of the docs' vectors, cut to its top
// terms when keep > 0.
func centroid(docs []*doc, keep int) vec {
	sum := map[uint64]float64{}
	for _, d := range docs {
		for _, f := range d.vec {
			sum[f.key] += float64(f.w)
		}
	}
	v := make(vec, 0, len(sum))
	for k, w := range sum {
		v = append(v, feature{key: k, w: float32(w)})
	}
	if keep > 0 && len(v) > keep {
		sort.Slice(v, func(i, j int) bool {
			if v[i].w != v[j].w {
				return v[i].w > v[j].w
			}
			return v[i].key < v[j].key
		})
		v = v[:keep]
	}
	sort.Slice(v, func(i, j int) bool { return v[i].key < v[j].key })
	normalize(v)
	return v
}

func fillEvent(e *builtEvent, cfg *Config) {
	e.Title = eventTitle(e)
	e.day = eventDay(e)
	e.Date = dayString(e.day)
	e.Place = eventPlace(e)
	e.Entities = eventEntities(e)
	e.Summary = eventSummary(e)
	e.Facts = eventFacts(e)
	e.names = nameVector(e.docs)
}

// central orders an event's docs by how close each is to the event's
// centroid, ties by id.
func central(e *builtEvent) []*doc {
	ds := append([]*doc(nil), e.docs...)
	score := map[*doc]float64{}
	for _, d := range ds {
		score[d] = dot(d.vec, e.centroid)
	}
	sort.SliceStable(ds, func(i, j int) bool {
		// Scores equal but for rounding are a tie (the two articles of a
		// pair are exactly as central), which the id breaks: otherwise
		// the order in which the terms were summed would pick the title.
		if a, b := score[ds[i]], score[ds[j]]; math.Abs(a-b) > 1e-6 {
			return a > b
		}
		return ds[i].id < ds[j].id
	})
	return ds
}

// eventTitle is the headline of the most representative article in the
// event's language, else the lead sentence of the most representative
// article.
func eventTitle(e *builtEvent) string {
	ds := central(e)
	lang := eventLanguage(e)
	for _, d := range ds {
		if h := headline(d.art); len(h) >= 15 && sameLanguage(d.lang, lang) {
			return h
		}
	}
	for _, d := range ds {
		if h := headline(d.art); len(h) >= 15 {
			return h
		}
	}
	for _, d := range ds {
		for _, s := range bodySentences(d) {
			return clip(s.text, 160)
		}
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// eventDay votes across the articles: each article's event date (the time
// analysis' EventDate) counts one, its publication date half.
func eventDay(e *builtEvent) int32 {
	votes := map[int32]float64{}
	for _, d := range e.docs {
		if ev := parseDay(d.art.EventDate); ev != noDay {
			votes[ev]++
		}
		if d.pub != noDay {
			votes[d.pub] += 0.5
		}
	}
	best, bestV := noDay, 0.0
	for day, v := range votes {
		if v > bestV || (v == bestV && day > best) {
			best, bestV = day, v
		}
	}
	return best
}

var rePlaceIn = regexp.MustCompile(`\b(?:in|at|to|from) ((?:[A-Z][\p{L}]+)(?: [A-Z][\p{L}]+)?)`)

// eventPlace is the datelines' vote, then the most salient place: PLACE
// mentions when the entity analysis ran (lead mentions count double), else
// capitalised words after "in"/"at" as a rough stand-in.
func eventPlace(e *builtEvent) string {
	votes := map[string]float64{}
	for _, d := range e.docs {
		if p := d.art.Dateline; p != "" {
			votes[p] += 3
		}
	}
	hasEntities := false
	for _, d := range e.docs {
		text := d.art.Text
		lead := d.leadEnd()
		for _, m := range d.art.Entities {
			if m.Type != storyline.Place {
				continue
			}
			hasEntities = true
			// Where something happens is written "in Geneva", "at ...";
			// countries also stand as actors ("the United States and
			// Russia agreed"), which says nothing of the place.
			w := 0.5
			if m.Start >= 0 && m.Start <= len(text) && locative(text[:m.Start]) {
				w = 2
			}
			if m.Start < lead {
				w *= 2
			}
			name := m.Name
			if name == "" {
				name = m.Text
			}
			votes[name] += w
		}
	}
	if !hasEntities {
		for _, d := range e.docs {
			text := d.art.Text
			lead := d.leadEnd()
			lowText := strings.ToLower(text)
			for _, m := range rePlaceIn.FindAllStringSubmatchIndex(text, -1) {
				if !d.art.RoleAt(m[0]).Prose() {
					continue // headlines and captions capitalise every word
				}
				name := text[m[2]:m[3]]
				first := strings.Fields(name)[0]
				low := strings.ToLower(first)
				if stopword(low) {
					continue
				}
				// A word also written in lower case is a common word
				// that started a sentence or a title, not a place.
				if strings.Contains(lowText, " "+low+" ") && !strings.Contains(text, " "+first+" ") {
					continue
				}
				if strings.Count(lowText, " "+low+" ") > strings.Count(text, " "+first+" ") {
					continue
				}
				w := 0.5
				if m[0] < lead {
					w = 1
				}
				votes[name] += w
			}
		}
	}
	best, bestV := "", 0.0
	for p, v := range votes {
		if v > bestV || (v == bestV && p < best) {
			best, bestV = p, v
		}
	}
	return best
}

// leadEnd is the byte offset where an article's third sentence ends.
func (d *doc) leadEnd() int {
	if len(d.sents) > 3 {
		return d.sents[3].Start
	}
	return len(d.art.Text)
}

// centrality weighs an entity type: the participants (people,
// organisations) make an event more than where it happened, and both more
// than the nationality words and other names typed OTHER.
var centrality = map[string]float64{storyline.Person: 1, storyline.Org: 1, storyline.Place: 0.8, storyline.Other: 0.3}

// eventEntities ranks the entities of an event by the number of its
// articles that mention them, weighed by type, then by mentions; resolved
// entity ids when present, else names.
func eventEntities(e *builtEvent) []string {
	arts := map[string]float64{}
	count := map[string]int{}
	for _, d := range e.docs {
		seen := map[string]bool{}
		for _, m := range d.art.Entities {
			k := m.Entity
			if k == "" {
				k = m.Name
			}
			if k == "" {
				k = m.Text
			}
			count[k]++
			if !seen[k] {
				seen[k] = true
				w, ok := centrality[m.Type]
				if !ok {
					w = centrality[storyline.Other]
				}
				arts[k] += w
			}
		}
	}
	keys := make([]string, 0, len(arts))
	for k := range arts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if arts[a] != arts[b] {
			return arts[a] > arts[b]
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	if len(keys) > 12 {
		keys = keys[:12]
	}
	return keys
}

// summaryBody is bodySentences with each sentence's word keys, read once
// per article (the first summarySentences of them).
func (d *doc) summaryBody() []bodySentence {
	if d.memo.bodyRead {
		return d.memo.body
	}
	d.memo.bodyRead = true
	for i, s := range bodySentences(d) {
		if i >= summarySentences {
			break // leads say what happened
		}
		d.memo.body = append(d.memo.body, bodySentence{sentence: s, keys: sentenceKeys(s.text)})
	}
	return d.memo.body
}

// bodySentences are an article's sentences that can stand in a summary:
// sentences of the report (not of a caption, a crosshead or a dateline
// line; a lead without its dateline), not the headline, of a readable
// length.
func bodySentences(d *doc) []sentence {
	var out []sentence
	title := headline(d.art)
	for _, sp := range d.sents {
		start := sp.Start
		p, ok := d.art.ParagraphAt(start)
		if ok && p.Role == storyline.RoleDateline && p.End < sp.End {
			start = p.End // "GENEVA (Reuters) - " opens the lead
			p, ok = d.art.ParagraphAt(start)
		}
		if !ok || !p.Role.Prose() {
			continue
		}
		t := d.art.Text[start:sp.End]
		if t == title || len(t) < 40 || len(t) > 400 {
			continue
		}
		if strings.Count(t, " ") < 6 {
			continue
		}
		out = append(out, sentence{text: strings.Join(strings.Fields(t), " "), start: start}) // hard line breaks
	}
	return out
}

// summarySentences is how many of each article's first body sentences
// may stand in the summary.
const summarySentences = 8

// eventLanguage is the language most of an event's reports are written
// in, English on a tie: an event reported in five languages should read
// in one, the one most of its reports share, else the one Storyline's
// pages are in; the most central report is not the right judge, as one
// report in each language makes any of them central.
func eventLanguage(e *builtEvent) string {
	if e.lang != "" {
		return e.lang
	}
	count := map[string]int{}
	for _, d := range e.docs {
		count[baseLanguage(d.lang)]++
	}
	best := "en"
	for lang, n := range count {
		if n > count[best] || n == count[best] && (lang == "en" || best != "en" && lang < best) {
			best = lang
		}
	}
	e.lang = best
	return best
}

// baseLanguage is a language tag's language ("en-GB" → "en"); an article
// whose language is not known counts as English, as its analysis does.
func baseLanguage(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" || tag == "und" {
		return "en"
	}
	return strings.ToLower(tag)
}

func sameLanguage(a, b string) bool { return baseLanguage(a) == baseLanguage(b) }

// eventSummary picks one to three sentences close to the event's gist,
// from different articles where it can, skipping any that repeat a chosen
// one.
func eventSummary(e *builtEvent) string {
	type cand struct {
		s     sentence
		d     *doc
		v     vec
		score float64
	}
	var cands []cand
	lang := eventLanguage(e)
	for _, d := range e.docs {
		if !sameLanguage(d.lang, lang) && len(e.docs) > 1 {
			continue // a summary in one language, the title's
		}
		weights := map[uint64]float32{}
		for _, f := range d.vec {
			weights[f.key] = f.w
		}
		for i, bs := range d.summaryBody() {
			s := bs.sentence
			v := sentenceVec(bs.keys, weights)
			if len(v) == 0 {
				continue
			}
			score := dot(v, e.centroid)
			if i < 3 {
				score *= 1.3 - 0.1*float64(i) // leads say what happened
			}
			cands = append(cands, cand{s: s, d: d, v: v, score: score})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].d.id != cands[j].d.id {
			return cands[i].d.id < cands[j].d.id
		}
		return cands[i].s.start < cands[j].s.start
	})
	var chosen []cand
	used := map[*doc]bool{}
	for pass := 0; pass < 2 && len(chosen) < 3; pass++ {
		for _, c := range cands {
			if len(chosen) >= 3 {
				break
			}
			if pass == 0 && used[c.d] {
				continue // first, one sentence an outlet
			}
			dup := false
			for _, o := range chosen {
				if o.s.text == c.s.text || dot(o.v, c.v) > 0.5 {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			chosen = append(chosen, c)
			used[c.d] = true
		}
		if len(e.docs) == 1 || len(chosen) >= 2 {
			break
		}
	}
	var parts []string
	for _, c := range chosen {
		parts = append(parts, c.s.text)
	}
	return strings.Join(parts, " ")
}

// sentenceKeys are the word keys of a sentence's content words.
func sentenceKeys(s string) []uint64 {
	var out []uint64
	for _, t := range tokenize(s) {
		if !t.number && (len(t.low) < 2 || stopword(t.low)) {
			continue
		}
		out = append(out, hashKey(kindWord, t.fold))
	}
	return out
}

// sentenceVec weighs a sentence's words by their weight in the article's
// signature (which carries the IDF), normalised.
func sentenceVec(keys []uint64, weights map[uint64]float32) vec {
	acc := map[uint64]float32{}
	for _, k := range keys {
		if w, ok := weights[k]; ok {
			acc[k] = w
		}
	}
	v := make(vec, 0, len(acc))
	for k, w := range acc {
		v = append(v, feature{key: k, w: w})
	}
	sort.Slice(v, func(i, j int) bool { return v[i].key < v[j].key })
	normalize(v)
	return v
}

// nameVector is a centroid over the names, entities and places of docs:
// who and where, without what. Stories are chains of events that share it.
func nameVector(docs []*doc) vec {
	sum := map[uint64]float64{}
	for _, d := range docs {
		v := d.nameKeys()
		normalize(v)
		for _, f := range v {
			sum[f.key] += float64(f.w)
		}
	}
	out := make(vec, 0, len(sum))
	for k, w := range sum {
		out = append(out, feature{key: k, w: float32(w)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	normalize(out)
	return out
}

// locative tells whether the text before a place mention ends with a
// preposition of place ("in", "at", "in the city of").
func locative(before string) bool {
	if len(before) > 40 {
		before = before[len(before)-40:]
	}
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "in", "at", "near", "outside", "inside", "from":
		return true
	case "of":
		return len(f) >= 2 && (f[len(f)-2] == "city" || f[len(f)-2] == "town" || f[len(f)-2] == "village" || f[len(f)-2] == "capital")
	}
	return false
}
