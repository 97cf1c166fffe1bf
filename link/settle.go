package link

import (
	"math"
	"sort"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
)

// unlink takes back everything a changed article's old version added.
func (b *batch) unlink(old *storyline.Article) error {
	if err := b.unlinkEntities(old); err != nil {
		return err
	}
	if err := b.unlinkQuotes(old); err != nil {
		return err
	}
	data, err := b.tx.Features(b.ctx, []string{old.ID})
	if err != nil {
		return err
	}
	if raw, ok := data[old.ID]; ok {
		f := &cluster.Features{}
		if err := f.UnmarshalBinary(raw); err == nil {
			for _, t := range f.Terms {
				b.dfDelta[t.Key]--
			}
			b.docs--
		}
	}
	return b.events.unlink(old)
}

// settleHops is how far from the touched events settling looks.
const settleHops = 2

// settle groups again the events this batch touched, with their
// neighbours, by the batch algorithm; see the package documentation.
func (s *eventSet) settle() error {
	opts := s.b.l.opts
	seeds := sortedKeys(s.dirty)
	for len(seeds) > 0 {
		var group []*ev
		total := 0
		in := map[string]bool{}
		var rest []string
		for _, id := range seeds {
			e := s.get(id)
			if e == nil || in[id] {
				continue
			}
			loaded, err := s.members(e)
			if err != nil {
				return err
			}
			if !loaded {
				continue // a large event only takes new articles
			}
			if total > 0 && total+len(e.members) > opts.SettleArticles {
				rest = append(rest, id)
				continue
			}
			group = append(group, e)
			in[id] = true
			total += len(e.members)
		}
		seeds = rest
		if len(group) == 0 {
			break
		}
		// Neighbours, then theirs: what the batch pass would see of the
		// touched events, as far as the bound allows. Once the group
		// holds SettleArticles articles no neighbour fits (none is
		// empty), so no hop starts from a full group, and a ranked
		// neighbour's articles are read only while it may still fit:
		// the events a large batch leaves to settle nearly fill the
		// group themselves, and their neighbours were read for nothing.
		frontier := group
		for hop := 0; hop < settleHops && len(frontier) > 0 && total < opts.SettleArticles; hop++ {
			neighbours, err := s.neighbours(frontier, in)
			if err != nil {
				return err
			}
			frontier = nil
			for _, id := range neighbours {
				if total >= opts.SettleArticles {
					break
				}
				if err := s.load([]string{id}); err != nil {
					return err
				}
				e := s.get(id)
				if e == nil {
					continue
				}
				loaded, err := s.members(e)
				if err != nil {
					return err
				}
				if !loaded || len(e.members) == 0 || total+len(e.members) > opts.SettleArticles {
					continue
				}
				group = append(group, e)
				frontier = append(frontier, e)
				in[e.id] = true
				total += len(e.members)
			}
		}
		if err := s.regroup(group); err != nil {
			return err
		}
	}
	return nil
}

// neighbours are the events close to any of group's, most similar first,
// compared by their candidate rows: neither their rows nor their
// articles are read yet (load, members), so that a caller whose group
// is full reads none of them.
func (s *eventSet) neighbours(group []*ev, in map[string]bool) ([]string, error) {
	cfg, opts := s.b.l.cfg, s.b.l.opts
	best := map[string]float64{}
	for _, e := range group {
		if len(e.members) == 0 {
			continue
		}
		c := e.centroid(cfg.EventTerms)
		cands, err := s.candidates(c, e.day(), opts.NeighbourDays, opts.Neighbours*4)
		if err != nil {
			return nil, err
		}
		compared, err := s.compared(cands)
		if err != nil {
			return nil, err
		}
		type scored struct {
			id string
			s  float64
		}
		var near []scored
		for _, id := range cands {
			o, ok := compared[id]
			if !ok || in[id] {
				continue
			}
			sim := cluster.Similarity(c, o.fit.Centroid)
			if sim >= opts.NeighbourMin {
				near = append(near, scored{id, sim})
			}
		}
		sort.Slice(near, func(i, j int) bool {
			if near[i].s != near[j].s {
				return near[i].s > near[j].s
			}
			return near[i].id < near[j].id
		})
		if len(near) > opts.Neighbours {
			near = near[:opts.Neighbours]
		}
		for _, n := range near {
			best[n.id] = max(best[n.id], n.s)
		}
	}
	ids := sortedKeys(best)
	sort.SliceStable(ids, func(i, j int) bool { return best[ids[i]] > best[ids[j]] })
	return ids, nil
}

// regroup clusters the articles of a set of events again and maps the new
// groups onto the old ids: each group keeps the id of the event it shares
// most articles with (the larger event, then the smaller id, on ties);
// a group with none takes a new id; an event left without a group is
// retired into the group that took most of its articles.
func (s *eventSet) regroup(events []*ev) error {
	b := s.b
	var ids []string
	oldOf := map[string]*ev{}
	for _, e := range events {
		for _, a := range e.members {
			ids = append(ids, a)
			oldOf[a] = e
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	feats, err := s.features(ids)
	if err != nil {
		return err
	}
	fs := make([]*cluster.Features, 0, len(ids))
	keep := ids[:0]
	var keys []uint64
	for _, id := range ids {
		f, ok := feats[id]
		if !ok {
			continue // no features stored: it stays where it is
		}
		keep = append(keep, id)
		fs = append(fs, f)
		keys = append(keys, f.Keys()...)
	}
	ids = keep
	df, err := b.docFreqs(keys)
	if err != nil {
		return err
	}
	groups, err := cluster.Group(b.ctx, ids, fs, df, b.l.cfg)
	if err != nil {
		return err
	}
	type pair struct {
		g   int
		e   *ev
		n   int
		old int
	}
	var pairs []pair
	for gi, g := range groups {
		count := map[*ev]int{}
		for _, x := range g {
			count[oldOf[ids[x]]]++
		}
		for e, n := range count {
			pairs = append(pairs, pair{g: gi, e: e, n: n, old: len(e.members)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, c := pairs[i], pairs[j]
		if a.n != c.n {
			return a.n > c.n
		}
		if a.e.created != c.e.created {
			return !a.e.created // a published id before one made now
		}
		if a.old != c.old {
			return a.old > c.old
		}
		if a.e.id != c.e.id {
			return a.e.id < c.e.id
		}
		return a.g < c.g
	})
	owner := make([]*ev, len(groups))
	used := map[*ev]bool{}
	for _, p := range pairs {
		if owner[p.g] == nil && !used[p.e] {
			owner[p.g], used[p.e] = p.e, true
		}
	}
	for gi, g := range groups {
		if owner[gi] != nil {
			continue
		}
		id, err := b.newID(store.KindEvent, eventID(ids[g[0]]))
		if err != nil {
			return err
		}
		e := &ev{id: id, created: true, loaded: true, state: &eventState{Sum: cluster.Sum{}, Sketch: cluster.Sketch{Day: cluster.NoDay}}}
		s.evs[id] = e
		owner[gi] = e
	}
	// Move articles, then retire the events left empty.
	gotArts := map[*ev]map[*ev]int{} // old event → new owner → articles
	for gi, g := range groups {
		o := owner[gi]
		members := make([]string, len(g))
		var moved []string
		for k, x := range g {
			id := ids[x]
			members[k] = id
			from := oldOf[id]
			if gotArts[from] == nil {
				gotArts[from] = map[*ev]int{}
			}
			gotArts[from][o]++
			if from != o {
				moved = append(moved, id)
				if a, ok := b.byID[id]; ok {
					a.Event = o.id
				}
			}
		}
		sort.Strings(members)
		if len(moved) > 0 || len(members) != len(o.members) {
			o.changed, o.reshaped = true, true
		}
		o.members, o.loaded, o.regroup, o.n = members, true, true, len(members)
		if o.changed {
			// Only a changed event is written: an unchanged one keeps the
			// size it was last settled at, in the store and so in memory,
			// or a linker that kept it in its cache would decide when to
			// settle it again otherwise than one that read it.
			o.state.SettledN = o.n
		}
		if len(moved) > 0 {
			if err := b.tx.SetEvent(b.ctx, o.id, moved); err != nil {
				return err
			}
		}
	}
	for _, e := range events {
		if used[e] {
			continue
		}
		var to *ev
		for o, n := range gotArts[e] {
			if to == nil || n > gotArts[e][to] || n == gotArts[e][to] && o.id < to.id {
				to = o
			}
		}
		if err := s.retire(e, to); err != nil {
			return err
		}
	}
	return nil
}

// whereLeft is the event that the last articles of an emptied event went
// to (articles that changed and were linked again), or nil.
func (s *eventSet) whereLeft(e *ev) *ev {
	for _, id := range e.left {
		if a, ok := s.b.byID[id]; ok && a.Event != "" && a.Event != e.id {
			return s.get(a.Event)
		}
	}
	return nil
}

// retire removes an event whose articles all went elsewhere; its id
// answers with where most of them went.
func (s *eventSet) retire(e, into *ev) error {
	b := s.b
	to := ""
	if into != nil && !e.created {
		to = into.id
	}
	e.retired, e.members, e.n = true, nil, 0
	delete(b.l.eventCache(), e.id)
	delete(b.l.candidates, e.id)
	delete(s.dirty, e.id)
	if e.created {
		delete(b.created, store.KindEvent+"\x00"+e.id)
		if err := b.tx.DeletePostings(b.ctx, store.IndexEventTerms, e.id); err != nil {
			return err
		}
		return b.tx.DeletePostings(b.ctx, store.IndexEventNames, e.id)
	}
	if e.row != nil && e.row.Story != "" {
		if _, ok := b.storyLost[e.row.Story]; !ok || into != nil {
			b.storyLost[e.row.Story] = into
		}
	}
	return b.tx.Move(b.ctx, store.KindEvent, e.id, to)
}

// writePlaced writes the events a linking step changed: their counts,
// centroids and postings, and for a new event a first description read
// off its first article. The settling pass describes them properly.
func (s *eventSet) writePlaced() error {
	b := s.b
	for _, id := range sortedKeys(s.evs) {
		e := s.evs[id]
		if e.retired || !e.changed {
			continue
		}
		if e.n <= 0 {
			if err := s.retire(e, s.whereLeft(e)); err != nil {
				return err
			}
			continue
		}
		if e.loaded {
			e.state.Members = e.members
		} else {
			for _, id := range e.added {
				e.state.Members = insertSorted(e.state.Members, id)
			}
		}
		if len(e.state.Members) > maxMembersKept {
			e.state.Members = e.state.Members[:maxMembersKept]
		}
		var d *cluster.Description
		if e.row == nil {
			a := b.byID[e.added[0]]
			first := cluster.FirstLook(a, b.feats[a.ID])
			d = &first
		}
		if err := s.write(e, d); err != nil {
			return err
		}
	}
	return nil
}

// finish describes and writes every event whose articles changed in a
// settling pass, and returns them.
func (s *eventSet) finish() ([]*ev, error) {
	b := s.b
	cfg := b.l.cfg
	var out, described []*ev
	var samples [][]sampled
	var dfs []cluster.DocFreqs
	for _, id := range sortedKeys(s.evs) {
		e := s.evs[id]
		if e.retired || !e.changed {
			continue
		}
		if _, err := s.members(e); err != nil {
			return nil, err
		}
		if e.n <= 0 {
			if err := s.retire(e, s.whereLeft(e)); err != nil {
				return nil, err
			}
			continue
		}
		if e.regroup {
			// The articles were all at hand: the centroid starts again
			// from them.
			feats, err := s.features(e.members)
			if err != nil {
				return nil, err
			}
			e.state.Sum, e.state.packedSum = cluster.Sum{}, nil
			e.state.Hashes = nil
			e.cent = nil
			for _, a := range e.members {
				f, ok := feats[a]
				if !ok {
					continue
				}
				v, err := s.vector(a, f)
				if err != nil {
					return nil, err
				}
				e.state.sum().Add(v, 2*cfg.EventTerms)
				if f.Hash != 0 && len(e.state.Hashes) < 4 {
					e.state.Hashes = append(e.state.Hashes, f.Hash)
				}
			}
		}
		out = append(out, e)
		if !e.describeNow() {
			// A large event that only took a few more articles keeps its
			// description until its size says it may have moved.
			if err := s.write(e, nil); err != nil {
				return nil, err
			}
			continue
		}
		arts, err := s.sample(e)
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(arts))
		for i, a := range arts {
			ids[i] = a.id
		}
		feats, err := s.features(ids)
		if err != nil {
			return nil, err
		}
		var keys []uint64
		for _, f := range feats {
			keys = append(keys, f.Keys()...)
		}
		df, err := b.docFreqs(keys)
		if err != nil {
			return nil, err
		}
		described = append(described, e)
		samples = append(samples, arts)
		dfs = append(dfs, df)
	}
	prepared, err := s.prepareSamples(samples)
	if err != nil {
		return nil, err
	}
	// Describing is pure work on what was read: it runs on all CPUs, and
	// the events are written after it in the order they were read.
	ds, err := cluster.DescribeAll(b.ctx, prepared, dfs, cfg)
	if err != nil {
		return nil, err
	}
	for i, e := range described {
		e.redrawn = true
		if err := s.write(e, &ds[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// describeNow tells whether an event's description is recomputed: when
// it is new or settling moved articles in or out of it, and when its
// size crosses a step (every size up to six, then every quarter more).
// The steps bound what describing costs an event over its life to a
// constant factor of its size; between two steps its title, summary and
// facts stand on a few articles fewer than it has.
func (e *ev) describeNow() bool {
	return e.row == nil || e.reshaped || e.state.DescribedN == 0 || sizeStep(e.n) != sizeStep(e.state.DescribedN)
}

func sizeStep(n int) int {
	if n <= 6 {
		return n
	}
	return 6 + int(math.Log(float64(n)/6)/math.Log(1.25))
}

// write saves an event's row and state, with the description d when it
// was recomputed (else the row's fields stay).
func (s *eventSet) write(e *ev, d *cluster.Description) error {
	b := s.b
	if d != nil {
		e.state.Sketch, e.state.Mentions = d.Sketch, d.Mentions
		if !d.First {
			e.state.DescribedN = e.n
		}
	}
	if e.loaded {
		e.state.Members = e.members
	} else {
		for _, id := range e.added {
			e.state.Members = insertSorted(e.state.Members, id)
		}
	}
	if len(e.state.Members) > maxMembersKept {
		e.state.Members = e.state.Members[:maxMembersKept]
	}
	if err := s.post(e); err != nil {
		return err
	}
	data, err := e.state.encode()
	if err != nil {
		return err
	}
	row := &store.EventRow{Day: store.NoDay}
	if e.row != nil {
		row.Event, row.Day = e.row.Event, e.row.Day
	}
	row.ID, row.N, row.State = e.id, e.n, data
	if d != nil {
		story := row.Story
		row.Event = storyline.Event{ID: e.id, Title: d.Title, Date: d.Date, Place: d.Place, Summary: d.Summary, Entities: d.Entities, Facts: d.Facts, Story: story}
		row.Day = rankOf(d.Day)
	}
	e.row = row
	v := e.view(b.l.cfg.EventTerms)
	row.Candidate = encodeCandidate(v)
	b.l.eventCache()[e.id] = cachedEvent{row: row, state: e.state}
	b.l.candidateCache()[e.id] = v
	if err := b.tx.PutEvent(b.ctx, e.row); err != nil {
		return err
	}
	row.Candidate = nil // written: a later write of the row (its story) leaves it
	return nil
}

// sampled is an article of an event's sample: read for describing (p),
// or still to be read from the store (id).
type sampled struct {
	p  *cluster.Prepared
	id string
}

// sample is the articles that describe an event: the batch's own first,
// then the others by id, at most Options.Sample, with their entity ids
// brought up to date.
func (s *eventSet) sample(e *ev) ([]sampled, error) {
	b := s.b
	n := b.l.opts.Sample
	var out []sampled
	seen := map[string]bool{}
	for _, id := range e.added {
		if a := b.byID[id]; a.Event == e.id && len(out) < n && !seen[id] {
			out = append(out, sampled{p: b.l.prepare(a), id: id})
			seen[id] = true
		}
	}
	others := e.members
	if !e.loaded {
		var err error
		if others, err = b.tx.EventArticles(b.ctx, e.id, n); err != nil {
			return nil, err
		}
	}
	for _, id := range others {
		if len(out) >= n {
			break
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		if a, ok := b.byID[id]; ok {
			if a.Event == e.id {
				out = append(out, sampled{p: b.l.prepare(a), id: id})
			}
			continue
		}
		p, _ := b.l.prepared.get(id)
		out = append(out, sampled{p: p, id: id})
	}
	return out, nil
}

// prepareSamples reads for describing the sampled articles that were not
// read yet, all of a step's at once (their entities' current ids in one
// query, the reading on all CPUs: a settling pass after a bulk ingest
// reads thousands), and keeps them in the linker's cache.
func (s *eventSet) prepareSamples(samples [][]sampled) ([][]*cluster.Prepared, error) {
	b := s.b
	var ids []string
	index := map[string]int{}
	for _, sample := range samples {
		for _, x := range sample {
			if _, ok := index[x.id]; x.p == nil && !ok {
				index[x.id] = len(ids)
				ids = append(ids, x.id)
			}
		}
	}
	arts, err := b.linkedArticles(ids)
	if err != nil {
		return nil, err
	}
	prepared, err := cluster.PrepareAll(b.ctx, arts, b.l.cfg)
	if err != nil {
		return nil, err
	}
	for i, a := range arts {
		b.l.prepared.put(a.ID, prepared[i])
	}
	out := make([][]*cluster.Prepared, len(samples))
	for i, sample := range samples {
		out[i] = make([]*cluster.Prepared, len(sample))
		for k, x := range sample {
			if x.p == nil {
				x.p = prepared[index[x.id]]
			}
			out[i][k] = x.p
		}
	}
	return out, nil
}

// linkedArticles reads stored articles, in the order of ids, with their
// entity ids brought up to date (merges since they were linked).
func (b *batch) linkedArticles(ids []string) ([]*storyline.Article, error) {
	arts := make([]*storyline.Article, len(ids))
	var ents []string
	for i, id := range ids {
		a, err := b.tx.LinkedArticle(b.ctx, id)
		if err != nil {
			return nil, err
		}
		arts[i] = a
		for _, m := range a.Entities {
			if m.Entity != "" {
				ents = append(ents, m.Entity)
			}
		}
	}
	if len(ents) == 0 {
		return arts, nil
	}
	cur, err := b.tx.Current(b.ctx, store.KindEntity, ents)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		for i := range a.Entities {
			if m := &a.Entities[i]; m.Entity != "" {
				m.Entity = cur[m.Entity]
			}
		}
	}
	return arts, nil
}
