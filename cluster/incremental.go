package cluster

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	storyline "github.com/storyline-news/storyline"
)

// The pieces below let a store build events one batch of articles at a
// time (package link) with the same algorithm as Build: an article's
// Features are computed once and stored with it; DocFreqs come from the
// store's counters; Group clusters any set of articles (a neighbourhood)
// exactly as Build clusters a corpus; Describe fills an event's fields;
// a Sketch is what stories compare; Timeline merges a story's events.

// Features are what clustering keeps of an article: its terms before
// inverse-document-frequency weighting, the days it reports and was
// published, the day it votes for as its event's date, whether its text
// names that day, who and where its lead names, and its SimHash.
type Features struct {
	Day, Pub, Vote int32
	Named          bool // the text names Day (not just a publication date)
	Hash           uint64
	Terms          []Term   // sorted by key
	Lead           []uint64 // keys of the lead's names, sorted
	// Lang is the article's language; Shared are the keys (sorted) of
	// its terms that do not depend on it, which reports in other
	// languages are compared on.
	Lang   string
	Shared []uint64
}

// Term is one feature of an article: a hashed key, its raw weight, and
// whether it names someone or somewhere (stories compare those).
type Term struct {
	Key  uint64
	W    float32
	Name bool
}

// Keys are the features' keys, for looking up document frequencies.
func (f *Features) Keys() []uint64 {
	out := make([]uint64, len(f.Terms))
	for i, t := range f.Terms {
		out[i] = t.Key
	}
	return out
}

// Features is what the prepared article gives linking: its terms, days,
// fingerprint and lead.
func (p *Prepared) Features() *Features {
	d := p.d
	f := &Features{Day: d.day, Pub: d.pub, Hash: d.hash, Vote: voteDay(d), Named: d.dayNamed, Lead: d.lead, Lang: d.lang}
	f.Terms = make([]Term, 0, len(d.raw))
	for k, w := range d.raw {
		f.Terms = append(f.Terms, Term{Key: k, W: w, Name: d.names[k]})
		if d.shared[k] {
			f.Shared = append(f.Shared, k)
		}
	}
	sort.Slice(f.Terms, func(i, j int) bool { return f.Terms[i].Key < f.Terms[j].Key })
	slices.Sort(f.Shared)
	return f
}

// PrepareAll is Prepare over a batch of articles, spread over the CPUs:
// the linker reads a whole batch inside its write transaction, where time
// on one core is what limits ingest, and keeps what it read both for
// linking (Features) and for describing the events they join.
func PrepareAll(ctx context.Context, arts []*storyline.Article, cfg Config) ([]*Prepared, error) {
	out := make([]*Prepared, len(arts))
	err := forEachShard(ctx, cfg.Workers, len(arts), 16, func(ctx context.Context, shard, shards int) error {
		for i := shard; i < len(arts); i += shards {
			out[i] = Prepare(arts[i], cfg)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: reading articles: %w", err)
	}
	return out, nil
}

// voteDay is the day an article votes for as its event's date: the time
// analysis' event date.
func voteDay(d *doc) int32 { return parseDay(d.art.EventDate) }

// Encoding of Features: version byte, varint days, a flags byte (bit 0:
// Named), fixed hash, then terms as fixed keys with the weight in
// thousandths (15 bits) and the name flag in the top bit of a uint16,
// then the lead's keys, then (version 3) the language and the shared
// keys. Version 1 had no flags and no lead, version 2 no language.
const featuresVersion = 3

// MarshalBinary encodes f compactly for the store.
func (f *Features) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 40+10*len(f.Terms)+8*len(f.Lead))
	b = append(b, featuresVersion)
	b = binary.AppendVarint(b, int64(f.Day))
	b = binary.AppendVarint(b, int64(f.Pub))
	b = binary.AppendVarint(b, int64(f.Vote))
	var flags byte
	if f.Named {
		flags |= 1
	}
	b = append(b, flags)
	b = binary.LittleEndian.AppendUint64(b, f.Hash)
	b = binary.AppendUvarint(b, uint64(len(f.Terms)))
	for _, t := range f.Terms {
		b = binary.LittleEndian.AppendUint64(b, t.Key)
		w := uint16(min(math.Round(float64(t.W)*1000), 0x7fff))
		if t.Name {
			w |= 0x8000
		}
		b = binary.LittleEndian.AppendUint16(b, w)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Lead)))
	for _, k := range f.Lead {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Lang)))
	b = append(b, f.Lang...)
	b = binary.AppendUvarint(b, uint64(len(f.Shared)))
	for _, k := range f.Shared {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	return b, nil
}

var errFeatures = errors.New("cluster: damaged features")

// UnmarshalBinary decodes what MarshalBinary wrote.
func (f *Features) UnmarshalBinary(b []byte) error {
	if len(b) < 1 || b[0] < 1 || b[0] > featuresVersion {
		return errFeatures
	}
	version := b[0]
	b = b[1:]
	var days [3]int64
	for i := range days {
		v, k := binary.Varint(b)
		if k <= 0 {
			return errFeatures
		}
		days[i] = v
		b = b[k:]
	}
	f.Day, f.Pub, f.Vote = int32(days[0]), int32(days[1]), int32(days[2])
	f.Named, f.Lead, f.Lang, f.Shared = false, nil, "", nil
	if version >= 2 {
		if len(b) < 1 {
			return errFeatures
		}
		f.Named = b[0]&1 != 0
		b = b[1:]
	}
	if len(b) < 8 {
		return errFeatures
	}
	f.Hash = binary.LittleEndian.Uint64(b)
	b = b[8:]
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k)/10 < n || version == 1 && uint64(len(b)-k) != n*10 {
		return errFeatures
	}
	b = b[k:]
	f.Terms = make([]Term, n)
	for i := range f.Terms {
		w := binary.LittleEndian.Uint16(b[8:])
		f.Terms[i] = Term{Key: binary.LittleEndian.Uint64(b), W: float32(w&0x7fff) / 1000, Name: w&0x8000 != 0}
		b = b[10:]
	}
	if version == 1 {
		return nil
	}
	var err error
	if f.Lead, b, err = readKeys(b, version == 2); err != nil {
		return err
	}
	if version == 2 {
		return nil
	}
	n, k = binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return errFeatures
	}
	f.Lang = string(b[k : k+int(n)])
	if f.Shared, _, err = readKeys(b[k+int(n):], true); err != nil {
		return err
	}
	return nil
}

// readKeys reads a count and that many keys; last: nothing may follow.
func readKeys(b []byte, last bool) ([]uint64, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n*8 || n > uint64(len(b)) || last && uint64(len(b)-k) != n*8 {
		return nil, nil, errFeatures
	}
	b = b[k:]
	if n == 0 {
		return nil, b, nil
	}
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	return keys, b, nil
}

// DocFreqs are corpus document frequencies: N documents, and DF of (at
// least) the keys being weighed.
type DocFreqs struct {
	N  int
	DF func(key uint64) int64
}

// weights are the two IDF tables Build uses: global mixes the corpus with
// the background counts (pairs, the coarse pass, events), own is the
// corpus's alone (refine).
func (df DocFreqs) weights(bgWeight float64) (global, own func(uint64) float64) {
	n := float64(df.N)
	own = func(k uint64) float64 {
		return math.Log((n+1)/(float64(df.DF(k))+1)) + 1
	}
	if bgWeight <= 0 || background.n == 0 {
		return own, own
	}
	gn := n + bgWeight*float64(background.n)
	global = func(k uint64) float64 {
		return math.Log((gn+1)/(float64(df.DF(k))+bgWeight*float64(background.df[k])+1)) + 1
	}
	return global, own
}

// docOf is a doc for grouping: features weighed, no article text.
func docOf(id string, f *Features, global, own func(uint64) float64) *doc {
	d := &doc{id: id, day: f.Day, dayNamed: f.Named, lead: f.Lead, pub: f.Pub, hash: f.Hash, lang: f.Lang,
		raw: make(map[uint64]float32, len(f.Terms)), names: map[uint64]bool{}, shared: make(map[uint64]bool, len(f.Shared)), memo: &docMemo{}}
	for _, k := range f.Shared {
		d.shared[k] = true
	}
	for _, t := range f.Terms {
		d.raw[t.Key] = t.W
		if t.Name {
			d.names[t.Key] = true
		}
	}
	weighed := func(idf func(uint64) float64) vec {
		if v, ok := weighSorted(f.Terms, idf); ok {
			return v
		}
		return weigh(d.raw, idf)
	}
	d.setVec(weighed(global))
	d.fine = d.vec
	if own != nil {
		d.fine = weighed(own)
	}
	return d
}

// weighSorted is weigh over terms already sorted by key, without a map to
// read and a vector to sort: grouping weighs every article it regroups
// twice. ok is false when the terms are not in strictly increasing key
// order (the order Features keeps them in), and then weigh must do.
func weighSorted(terms []Term, idf func(uint64) float64) (v vec, ok bool) {
	for i := 1; i < len(terms); i++ {
		if terms[i-1].Key >= terms[i].Key {
			return nil, false
		}
	}
	v = make(vec, len(terms))
	for i, t := range terms {
		v[i] = feature{key: t.Key, w: float32(float64(t.W) * idf(t.Key))}
	}
	normalize(v)
	return v, true
}

// Group clusters articles into events with Build's algorithm, given their
// ids and features (in any order: the result depends on the ids only).
// It returns groups of indices into ids.
func Group(ctx context.Context, ids []string, feats []*Features, df DocFreqs, cfg Config) ([][]int, error) {
	if len(ids) != len(feats) {
		return nil, fmt.Errorf("cluster: group: %d ids for %d features", len(ids), len(feats))
	}
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ids[order[a]] < ids[order[b]] })
	global, own := df.weights(cfg.BackgroundWeight)
	if cfg.BackgroundWeight <= 0 {
		own = nil
	}
	docs := make([]*doc, len(order))
	for k, i := range order {
		docs[k] = docOf(ids[i], feats[i], global, own)
	}
	groups, err := groupDocs(ctx, docs, &cfg)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		for k, x := range g {
			g[k] = order[x]
		}
		sort.Ints(g)
	}
	return groups, nil
}

// Vector is a weighted, normalised signature (an event's centroid, its
// names), kept sorted by key.
type Vector []Term

func toVector(v vec) Vector {
	out := make(Vector, len(v))
	for i, f := range v {
		out[i] = Term{Key: f.key, W: f.w}
	}
	return out
}

func (v Vector) vec() vec {
	out := make(vec, len(v))
	for i, t := range v {
		out[i] = feature{key: t.Key, w: t.W}
	}
	return out
}

// Similarity is the cosine of two normalised vectors.
func Similarity(a, b Vector) float64 { return dot(a.vec(), b.vec()) }

// Top is the n heaviest terms of v, renormalised.
func (v Vector) Top(n int) Vector {
	t := topTerms(v.vec(), n)
	sortByKey(t)
	normalize(t)
	return toVector(t)
}

// Weigh is an article's signature under the corpus's weights: its terms
// (already in key order) times their IDF, normalised.
func Weigh(f *Features, df DocFreqs, cfg Config) Vector {
	global, _ := df.weights(cfg.BackgroundWeight)
	v := make(Vector, len(f.Terms))
	var norm float64
	for i, t := range f.Terms {
		w := float64(t.W) * global(t.Key)
		v[i] = Term{Key: t.Key, W: float32(w)}
		norm += float64(v[i].W) * float64(v[i].W)
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range v {
			v[i].W = float32(float64(v[i].W) / norm)
		}
	}
	return v
}

// Candidate is an event as Fit compares an article with it.
type Candidate struct {
	Centroid Vector
	Day      int32    // the event's day (votes of the days its reports name)
	Hashes   []uint64 // fingerprints of some of its articles
	Names    Vector   // who and where its articles name (Sketch.Names), sorted
}

// Fit is the evidence that an article belongs to an event: the cosine
// of its signature with the event's centroid, adjusted for their days and
// for a lead that names none of the event's people and places as pairs
// are, and certainty for a syndicated copy of one of the event's articles.
func Fit(article Vector, f *Features, e Candidate, cfg Config) float64 {
	for _, h := range e.Hashes {
		if f.Hash != 0 && h != 0 && hamming(f.Hash, h) <= cfg.DupBits {
			return 1
		}
	}
	s := adjustForDays(Similarity(article, e.Centroid), f.Day, e.Day, f.Named, &cfg)
	if len(e.Names) > 0 {
		names := make([]uint64, len(e.Names))
		for i, t := range e.Names {
			names[i] = t.Key
		}
		if otherCast(f.Lead, names, &cfg) {
			s *= cfg.OtherCastFactor
		}
	}
	return s
}

// Sum is a running sum of signatures: an event's centroid before
// normalisation, kept to a bounded number of terms.
type Sum map[uint64]float32

// Add adds v to the sum, keeping at most keep terms.
func (s Sum) Add(v Vector, keep int) {
	for _, t := range v {
		s[t.Key] += t.W
	}
	if keep > 0 && len(s) > 2*keep {
		v := make(vec, 0, len(s))
		for k, w := range s {
			v = append(v, feature{key: k, w: w})
		}
		v = topTerms(v, keep)
		clear(s)
		for _, f := range v {
			s[f.key] = f.w
		}
	}
}

// Centroid is the normalised sum cut to its n heaviest terms.
func (s Sum) Centroid(n int) Vector {
	v := make(vec, 0, len(s))
	for k, w := range s {
		v = append(v, feature{key: k, w: w})
	}
	v = topTerms(v, n)
	sortByKey(v)
	normalize(v)
	return toVector(v)
}

// Sketch is what stories compare of an event: its day, the centroid of
// its articles (what it is about), of their names (who and where), and
// the other days its articles mention.
type Sketch struct {
	Day      int32
	Centroid Vector
	Names    Vector
	Refs     []int32
}

// Description is an event's fields, computed from its articles.
type Description struct {
	Title, Date, Place, Summary string
	Entities                    []string
	Facts                       []storyline.Fact
	Day                         int32
	Sketch                      Sketch
	// Mentions are the dated happenings its articles mention, for its
	// story's timeline.
	Mentions []Mention
	// First is set on a FirstLook: a description to replace.
	First bool
}

// FirstLook is a new event's description read off its first article
// alone, cheaply, until its articles are described together: the
// article's headline, its day, its dateline's place, its names.
func FirstLook(a *storyline.Article, f *Features) Description {
	d := Description{Title: headline(a), Day: f.Vote, Place: a.Dateline, First: true}
	if d.Day == noDay {
		d.Day = f.Day
	}
	d.Date = dayString(d.Day)
	seen := map[string]bool{}
	for _, m := range a.Entities {
		if m.Entity != "" && !seen[m.Entity] && len(d.Entities) < 12 {
			seen[m.Entity] = true
			d.Entities = append(d.Entities, m.Entity)
		}
	}
	var names Vector
	for _, t := range f.Terms {
		if t.Name {
			names = append(names, Term{Key: t.Key, W: t.W})
		}
	}
	v := names.vec()
	normalize(v)
	d.Sketch = Sketch{Day: d.Day, Names: toVector(v)}
	return d
}

// Mention is one dated happening that an event's articles mention.
type Mention struct {
	Value    string   `json:"v"` // 2021-06-16 or 2021-06
	What     string   `json:"w"`
	Articles []string `json:"a"`
}

// Prepared is an article read for Describe: its text tokenised and its
// dates found once, so that a caller describing the same event again can
// keep it.
type Prepared struct{ d *doc }

// Prepare reads an article for Describe.
func Prepare(a *storyline.Article, cfg Config) *Prepared { return &Prepared{d: extract(a, &cfg)} }

// Article is the article as it was when prepared.
func (p *Prepared) Article() *storyline.Article { return p.d.art }

// ID is the prepared article's id.
func (p *Prepared) ID() string { return p.d.id }

// Describe fills an event's fields from its articles (with their
// resolved entities and time expressions). Large events pass a sample.
func Describe(arts []*storyline.Article, df DocFreqs, cfg Config) Description {
	ps := make([]*Prepared, len(arts))
	for i, a := range arts {
		ps[i] = Prepare(a, cfg)
	}
	return DescribePrepared(ps, df, cfg)
}

// DescribePrepared is Describe over prepared articles.
func DescribePrepared(arts []*Prepared, df DocFreqs, cfg Config) Description {
	global, _ := df.weights(cfg.BackgroundWeight)
	e := &builtEvent{}
	sorted := append([]*Prepared(nil), arts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].d.id < sorted[j].d.id })
	for _, p := range sorted {
		d := *p.d // the weights are this call's
		d.setVec(weigh(d.raw, global))
		d.fine = d.vec
		e.docs = append(e.docs, &d)
		e.Articles = append(e.Articles, d.id)
	}
	e.centroid = centroid(e.docs, 0)
	fillEvent(e, &cfg)
	out := Description{
		Title: e.Title, Date: e.Date, Place: e.Place, Summary: e.Summary,
		Entities: e.Entities, Facts: e.Facts, Day: e.day,
		Sketch: Sketch{Day: e.day, Centroid: toVector(topTerms(subjectCentroid(e), cfg.EventTerms)).sorted(), Names: toVector(topTerms(e.names, 32)).sorted(), Refs: refDays(e)},
	}
	out.Mentions = eventMentions(e)
	return out
}

// DescribeAll is DescribePrepared over several events (each with its
// articles and document frequencies), spread over the CPUs: settling
// describes the events it changed inside its write transaction.
func DescribeAll(ctx context.Context, events [][]*Prepared, dfs []DocFreqs, cfg Config) ([]Description, error) {
	out := make([]Description, len(events))
	err := forEachShard(ctx, cfg.Workers, len(events), 1, func(ctx context.Context, shard, shards int) error {
		for i := shard; i < len(events); i += shards {
			out[i] = DescribePrepared(events[i], dfs[i], cfg)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: describing events: %w", err)
	}
	return out, nil
}

func (v Vector) sorted() Vector {
	sort.Slice(v, func(i, j int) bool { return v[i].Key < v[j].Key })
	return v
}

// refDays are the days an event's articles mention, other than its own
// and the day beside it.
func refDays(e *builtEvent) []int32 {
	set := map[int32]bool{}
	for _, d := range e.docs {
		for _, dm := range d.dates {
			if dm.day != noDay && (e.day == noDay || absDays(dm.day-e.day) > 1) {
				set[dm.day] = true
			}
		}
	}
	out := make([]int32, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// DayOf parses a YYYY-MM-DD (or longer ISO) date into a day number, or
// NoDay.
func DayOf(s string) int32 { return parseDay(s) }

// DayString is the YYYY-MM-DD of a day number ("" for NoDay).
func DayString(d int32) string { return dayString(d) }

// NoDay marks an unknown day.
const NoDay = noDay
