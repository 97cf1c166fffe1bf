package cluster

import (
	"math"
	"slices"
	"sort"

	storyline "github.com/storyline-news/storyline"
)

// Clusterer assigns articles to events one at a time, as they arrive. It is
// safe for use by one goroutine at a time.
//
// Its cost per article does not grow with the number of articles seen:
// candidate events come from an inverted index over the signatures of
// recent events only (events whose last article is more than
// Config.WindowDays older than the newest day seen leave the index and
// memory), each posting list is read from its most recent end and cut at
// Config.MaxPostings, and an event keeps a signature of at most
// Config.EventTerms terms.
type Clusterer struct {
	cfg    Config
	df     map[uint64]uint32
	n      int
	events map[int32]*liveEvent
	index  map[uint64][]int32
	nextID int32
	today  int32 // newest day seen
	swept  int32 // day of the last eviction sweep
	added  int
	// scratch, reused across calls
	hits map[int32]int
}

// liveEvent is an event still open to new articles.
type liveEvent struct {
	id      string
	sum     map[uint64]float32 // sum of member vectors, pruned
	sig     vec                // normalised top terms of sum
	indexed map[uint64]bool
	size    int
	day     int32 // day of the first dated article
	last    int32 // newest day of its articles
	hashes  []uint64
}

// New makes a Clusterer.
func New(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:    cfg,
		df:     map[uint64]uint32{},
		events: map[int32]*liveEvent{},
		index:  map[uint64][]int32{},
		hits:   map[int32]int{},
		today:  noDay,
		swept:  noDay,
	}
}

// Len is the number of articles added so far.
func (c *Clusterer) Len() int { return c.added }

// Live is the number of events still in the index.
func (c *Clusterer) Live() int { return len(c.events) }

// Add assigns a to an existing event or starts a new one, sets a.Event and
// returns the event id. A new event's id is "e-" + a hash of the id of the
// article that started it.
func (c *Clusterer) Add(a *storyline.Article) string {
	if a == nil {
		return ""
	}
	if c.cfg.Prepare != nil {
		c.cfg.Prepare(a)
	}
	d := extract(a, &c.cfg)
	c.n++
	c.added++
	for k := range d.raw {
		c.df[k]++
	}
	n := float64(c.n)
	d.vec = weigh(d.raw, func(k uint64) float64 {
		return math.Log((n+1)/(float64(c.df[k])+1)) + 1
	})
	day := d.day
	if day != noDay && (c.today == noDay || day > c.today) {
		c.today = day
	}
	if day == noDay {
		day = c.today
	}

	best, bestScore := int32(-1), c.cfg.OnlineThreshold
	for _, slot := range c.candidates(d) {
		e := c.events[slot]
		s := dot(d.vec, e.sig)
		for _, h := range e.hashes {
			if d.hash != 0 && hamming(h, d.hash) <= c.cfg.DupBits {
				s = 1
				break
			}
		}
		if s < 1 {
			s = adjustForDays(s, d.day, e.day, &c.cfg)
		}
		if s > bestScore || (s == bestScore && best >= 0 && slot < best) {
			best, bestScore = slot, s
		}
	}
	var e *liveEvent
	if best >= 0 {
		e = c.events[best]
	} else {
		e = &liveEvent{id: shortID("e-", a.ID), sum: map[uint64]float32{}, indexed: map[uint64]bool{}, day: d.day, last: day}
		best = c.nextID
		c.nextID++
		c.events[best] = e
	}
	c.join(best, e, d, day)
	a.Event = e.id
	// Sweep once a day of news (and now and then for undated streams).
	if (c.today != noDay && c.today != c.swept) || c.added%65536 == 0 {
		c.evict()
		c.swept = c.today
	}
	return e.id
}

// candidates are the live events that share one of the article's heaviest
// terms, most shared first, at most MaxCandidate.
func (c *Clusterer) candidates(d *doc) []int32 {
	top := topTerms(d.vec, c.cfg.IndexTerms)
	clear(c.hits)
	for _, f := range top {
		p := c.index[f.key]
		start := len(p) - c.cfg.MaxPostings
		if start < 0 {
			start = 0
		}
		for _, slot := range p[start:] {
			if _, ok := c.events[slot]; ok {
				c.hits[slot]++
			}
		}
	}
	out := make([]int32, 0, len(c.hits))
	for slot := range c.hits {
		out = append(out, slot)
	}
	sort.Slice(out, func(i, j int) bool {
		hi, hj := c.hits[out[i]], c.hits[out[j]]
		if hi != hj {
			return hi > hj
		}
		return out[i] > out[j] // newer first
	})
	if len(out) > c.cfg.MaxCandidate {
		out = out[:c.cfg.MaxCandidate]
	}
	return out
}

// join adds d to e: its vector into the event's sum (pruned to a few times
// EventTerms so that a big event stays small), the signature recomputed,
// and new signature terms posted to the index.
func (c *Clusterer) join(slot int32, e *liveEvent, d *doc, day int32) {
	for _, f := range d.vec {
		e.sum[f.key] += f.w
	}
	e.size++
	if day != noDay && day > e.last {
		e.last = day
	}
	if e.day == noDay {
		e.day = d.day
	}
	if len(e.hashes) < 4 && d.hash != 0 {
		e.hashes = append(e.hashes, d.hash)
	}
	// A big event's signature barely moves with one more article:
	// recompute it while the event is young, then every fourth article.
	if e.size > 8 && e.size%4 != 0 {
		return
	}
	sig := make(vec, 0, len(e.sum))
	for k, w := range e.sum {
		sig = append(sig, feature{key: k, w: w})
	}
	sig = topTerms(sig, c.cfg.EventTerms*4)
	if len(e.sum) > len(sig) {
		e.sum = make(map[uint64]float32, len(sig))
		for _, f := range sig {
			e.sum[f.key] = f.w
		}
	}
	sig = append(vec(nil), sig[:min(len(sig), c.cfg.EventTerms)]...)
	sortByKey(sig)
	normalize(sig)
	e.sig = sig
	for _, f := range topTerms(sig, c.cfg.IndexTerms*2) {
		if !e.indexed[f.key] {
			e.indexed[f.key] = true
			c.index[f.key] = append(c.index[f.key], slot)
		}
	}
}

// evict drops events that have seen nothing for WindowDays from memory and
// compacts the posting lists.
func (c *Clusterer) evict() {
	if c.today == noDay {
		return
	}
	for slot, e := range c.events {
		if e.last != noDay && int(c.today-e.last) > c.cfg.WindowDays {
			delete(c.events, slot)
		}
	}
	for k, p := range c.index {
		q := p[:0]
		for _, slot := range p {
			if _, ok := c.events[slot]; ok {
				q = append(q, slot)
			}
		}
		// Keep only the recent end: older postings are never read.
		if len(q) > c.cfg.MaxPostings {
			q = append([]int32(nil), q[len(q)-c.cfg.MaxPostings:]...)
		}
		if len(q) == 0 {
			delete(c.index, k)
		} else {
			c.index[k] = q
		}
	}
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
