package link

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
)

// ev is one event as the batch works on it. Its article ids are read only
// when settling may regroup it (at most Options.FreezeSize of them); a
// larger event is known by its count and the articles the batch added.
type ev struct {
	id       string
	row      *store.EventRow // nil for an event created in this batch
	state    *eventState
	n        int      // its articles
	added    []string // articles this batch put in it
	left     []string // articles that changed and left it
	members  []string // sorted article ids; valid when loaded
	loaded   bool
	created  bool // created in this batch
	changed  bool // its articles changed
	regroup  bool // settling recomputed its articles: rebuild the sum
	reshaped bool // settling moved articles in or out
	redrawn  bool // described again in this step: its sketch changed
	retired  bool
	cent     cluster.Vector // centroid of the sum, when computed since it changed
}

// centroid is the event's normalised centroid, computed once per change.
func (e *ev) centroid(terms int) cluster.Vector {
	if e.cent == nil {
		e.cent = e.state.sum().Centroid(terms)
	}
	return e.cent
}

// searchView is an event as searches compare it: what cluster.Fit
// compares when placing an article (and settling, its centroid), and the
// sketch a story search compares, with the story a match joins. Its
// candidate row keeps it.
type searchView struct {
	fit    cluster.Candidate
	sketch cluster.Sketch
	story  string
}

func (e *ev) view(terms int) searchView {
	v := searchView{
		fit:    cluster.Candidate{Centroid: e.centroid(terms), Day: e.day(), Hashes: e.state.Hashes, Names: e.state.Sketch.Names},
		sketch: e.state.Sketch,
	}
	if e.row != nil {
		v.story = e.row.Story
	}
	return v
}

func (e *ev) day() int32 {
	if e.state.Sketch.Day != cluster.NoDay || e.row == nil {
		return e.state.Sketch.Day
	}
	return int32(e.row.Day)
}

// cachedEvent is an event row and its decoded state, kept across
// batches: an event keeps taking articles for days.
type cachedEvent struct {
	row   *store.EventRow
	state *eventState
}

// maxCachedEvents bounds the event cache; past it the cache starts again.
const maxCachedEvents = 1 << 16

func (l *Linker) eventCache() map[string]cachedEvent {
	if l.events == nil || len(l.events) > maxCachedEvents {
		l.events = map[string]cachedEvent{}
	}
	return l.events
}

// candidateCache holds what searches read of events they did not load
// (their candidate rows), by event id; writing or retiring an event
// replaces or takes out its entry, and a change of its story (a story
// search, a merge of stories) sets the entry's. An event's view changes
// only when a linker writes it: this one, or another process, which
// drops the caches.
func (l *Linker) candidateCache() map[string]searchView {
	if l.candidates == nil || len(l.candidates) > maxCachedEvents {
		l.candidates = map[string]searchView{}
	}
	return l.candidates
}

// eventSet is the events a batch has read or made.
type eventSet struct {
	b     *batch
	evs   map[string]*ev
	dirty map[string]bool
	vecs  map[string]cluster.Vector // articles' signatures, by id
	// fresh files the events made in this batch by their articles'
	// heaviest terms, until finish posts them to the store once.
	fresh map[string][]*ev
}

func newEventSet(b *batch) *eventSet {
	return &eventSet{b: b, evs: map[string]*ev{}, dirty: map[string]bool{}, vecs: map[string]cluster.Vector{}, fresh: map[string][]*ev{}}
}

// load reads events not yet read; retired or unknown ids are skipped.
func (s *eventSet) load(ids []string) error {
	var need []string
	for _, id := range ids {
		if _, ok := s.evs[id]; !ok {
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return nil
	}
	cache := s.b.l.eventCache()
	var missing []string
	for _, id := range need {
		if c, ok := cache[id]; ok {
			s.evs[id] = &ev{id: id, row: c.row, state: c.state, n: c.row.N}
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := s.b.tx.EventRows(s.b.ctx, missing)
	if err != nil {
		return err
	}
	for id, r := range rows {
		st, err := decodeEventState(r.State)
		if err != nil {
			return fmt.Errorf("event %s: %w", id, err)
		}
		s.evs[id] = &ev{id: id, row: r, state: st, n: r.N}
		cache[id] = cachedEvent{row: r, state: st}
	}
	return nil
}

func (s *eventSet) get(id string) *ev {
	e := s.evs[id]
	if e == nil || e.retired {
		return nil
	}
	return e
}

// members loads an event's article ids; false (and nothing loaded) for
// an event too large to regroup.
func (s *eventSet) members(e *ev) (bool, error) {
	if e.loaded {
		return true, nil
	}
	if e.n > s.b.l.opts.FreezeSize {
		return false, nil
	}
	ids, err := s.b.tx.EventArticles(s.b.ctx, e.id, 0)
	if err != nil {
		return false, err
	}
	// The store does not yet hold what this batch changed in memory.
	var keep []string
	for _, id := range ids {
		if a, ok := s.b.byID[id]; ok && a.Event != e.id {
			continue
		}
		if _, ok := s.b.old[id]; ok {
			continue
		}
		keep = append(keep, id)
	}
	for _, id := range e.added {
		if a := s.b.byID[id]; a.Event == e.id && !slices.Contains(keep, id) {
			keep = append(keep, id)
		}
	}
	sort.Strings(keep)
	e.members, e.loaded, e.n = keep, true, len(keep)
	return true, nil
}

// vector is an article's signature under the current weights.
func (s *eventSet) vector(id string, f *cluster.Features) (cluster.Vector, error) {
	if v, ok := s.vecs[id]; ok {
		return v, nil
	}
	df, err := s.b.docFreqs(f.Keys())
	if err != nil {
		return nil, err
	}
	v := cluster.Weigh(f, df, s.b.l.cfg)
	s.vecs[id] = v
	return v, nil
}

// features returns the features of articles, from the batch or the store.
func (s *eventSet) features(ids []string) (map[string]*cluster.Features, error) {
	out := make(map[string]*cluster.Features, len(ids))
	var need []string
	for _, id := range ids {
		if f, ok := s.b.feats[id]; ok {
			out[id] = f
		} else {
			need = append(need, id)
		}
	}
	got, err := s.b.tx.Features(s.b.ctx, need)
	if err != nil {
		return nil, err
	}
	for id, data := range got {
		f := &cluster.Features{}
		if err := f.UnmarshalBinary(data); err != nil {
			return nil, fmt.Errorf("article %s: %w", id, err)
		}
		s.b.feats[id] = f
		out[id] = f
	}
	return out, nil
}

func termKey(k uint64) string { return strconv.FormatUint(k, 36) }

func termKeys(v cluster.Vector) []string {
	out := make([]string, len(v))
	for i, t := range v {
		out[i] = termKey(t.Key)
	}
	return out
}

// postings looks keys up among the events within days of day, and the
// undated ones; an undated day looks among all.
func (b *batch) postings(index string, keys []string, day int32, days, perKey int) ([]store.Posting, error) {
	ranges := store.AllRanks
	if day != cluster.NoDay {
		ranges = []store.Range{{Lo: int64(day) - int64(days), Hi: int64(day) + int64(days)}}
		if b.undated {
			ranges = append(ranges, store.Range{Lo: store.NoDay, Hi: store.NoDay})
		}
	}
	return b.tx.Postings(b.ctx, index, keys, ranges, perKey)
}

func rankOf(day int32) int64 {
	if day == cluster.NoDay {
		return store.NoDay
	}
	return int64(day)
}

// candidates are the events that share heavy terms with v within days of
// day (or undated), most shared first, at most n; compared reads what
// search compares of them.
func (s *eventSet) candidates(v cluster.Vector, day int32, days, n int) ([]string, error) {
	cfg := s.b.l.cfg
	keys := termKeys(v.Top(cfg.IndexTerms))
	ps, err := s.b.postings(store.IndexEventTerms, keys, day, days, cfg.MaxPostings)
	if err != nil {
		return nil, err
	}
	hits := map[string]int{}
	for _, p := range ps {
		hits[p.ID]++
	}
	for _, k := range keys {
		for _, e := range s.fresh[k] {
			if d := e.day(); day == cluster.NoDay || d == cluster.NoDay || absDays(d-day) <= days {
				hits[e.id]++
			}
		}
	}
	ids := sortedKeys(hits)
	sort.SliceStable(ids, func(i, j int) bool { return hits[ids[i]] > hits[ids[j]] })
	if len(ids) > n {
		ids = ids[:n]
	}
	return ids, nil
}

// compared is what a search compares of each of ids that is a live
// event: from the events this step holds, the linker's caches, or the
// events' candidate rows. Of the dozens of events an article or a
// settling step compares, one or two are kept, and their rows are read
// then. An event stored without a candidate row is read whole, and its
// row written.
func (s *eventSet) compared(ids []string) (map[string]searchView, error) {
	b := s.b
	terms := b.l.cfg.EventTerms
	out := make(map[string]searchView, len(ids))
	cached := b.l.candidateCache()
	events := b.l.eventCache()
	var missing []string
	for _, id := range ids {
		if e, ok := s.evs[id]; ok {
			if !e.retired {
				out[id] = e.view(terms)
			}
			continue
		}
		if c, ok := cached[id]; ok {
			out[id] = c
			continue
		}
		if c, ok := events[id]; ok {
			e := &ev{id: id, row: c.row, state: c.state}
			out[id] = e.view(terms)
			cached[id] = out[id]
			continue
		}
		missing = append(missing, id)
	}
	if len(missing) == 0 {
		return out, nil
	}
	stored, err := b.tx.EventCandidates(b.ctx, missing)
	if err != nil {
		return nil, err
	}
	var unwritten []string
	for _, id := range missing {
		row, ok := stored[id]
		if !ok {
			unwritten = append(unwritten, id)
			continue
		}
		c, err := decodeCandidate(row.Data)
		if err != nil {
			return nil, fmt.Errorf("event %s: candidate: %w", id, err)
		}
		c.story = row.Story
		out[id], cached[id] = c, c
	}
	if len(unwritten) == 0 {
		return out, nil
	}
	if err := s.load(unwritten); err != nil {
		return nil, err
	}
	for _, id := range unwritten {
		e := s.get(id)
		if e == nil {
			continue
		}
		v := e.view(terms)
		if err := b.tx.PutEventCandidate(b.ctx, id, encodeCandidate(v)); err != nil {
			return nil, err
		}
		out[id], cached[id] = v, v
	}
	return out, nil
}

// bulkBatch is the batch size from which the batch's articles are first
// grouped among themselves and placed a group at a time.
const bulkBatch = 48

// assignAll puts the batch's articles into events. A large batch (a bulk
// ingest) is first grouped among itself with the batch algorithm, and
// each group is placed as one, so that the store is searched once a
// group rather than once an article; settling then looks at each placed
// group with its neighbours as it would at a single article's.
func (s *eventSet) assignAll() error {
	b := s.b
	if len(b.arts) < bulkBatch {
		for _, a := range b.arts {
			if err := s.place([]*storyline.Article{a}); err != nil {
				return err
			}
		}
		return nil
	}
	ids := make([]string, len(b.arts))
	feats := make([]*cluster.Features, len(b.arts))
	var keys []uint64
	for i, a := range b.arts {
		ids[i], feats[i] = a.ID, b.feats[a.ID]
		keys = append(keys, feats[i].Keys()...)
	}
	df, err := b.docFreqs(keys)
	if err != nil {
		return err
	}
	groups, err := cluster.Group(b.ctx, ids, feats, df, b.l.cfg)
	if err != nil {
		return err
	}
	sort.Slice(groups, func(i, j int) bool { return ids[groups[i][0]] < ids[groups[j][0]] })
	for _, g := range groups {
		arts := make([]*storyline.Article, len(g))
		for k, x := range g {
			arts[k] = b.arts[x]
		}
		if err := s.place(arts); err != nil {
			return err
		}
	}
	return nil
}

// place puts articles that belong together (one article, or a group the
// batch formed) in the event they fit best, or a new one.
func (s *eventSet) place(arts []*storyline.Article) error {
	cfg := s.b.l.cfg
	vecs := make([]cluster.Vector, len(arts))
	sum := cluster.Sum{}
	var days []int32
	named := 0
	for i, a := range arts {
		f := s.b.feats[a.ID]
		v, err := s.vector(a.ID, f)
		if err != nil {
			return err
		}
		vecs[i] = v
		sum.Add(v, 2*cfg.EventTerms)
		if f.Day != cluster.NoDay {
			days = append(days, f.Day)
		}
		if f.Named {
			named++
		}
	}
	// The group speaks as one article: its centroid, its median day
	// (named when most of its articles name theirs), the people and places
	// of its first article's lead, its first article's fingerprint
	// (copies share it).
	first := s.b.feats[arts[0].ID]
	probe := &cluster.Features{Day: cluster.NoDay, Hash: first.Hash, Lead: first.Lead, Named: named*2 > len(arts)}
	if len(days) > 0 {
		slices.Sort(days)
		probe.Day = days[(len(days)-1)/2]
	}
	v := vecs[0]
	if len(arts) > 1 {
		v = sum.Centroid(cfg.EventTerms)
	}
	best, err := s.copiedEvent(arts)
	if err != nil {
		return err
	}
	bestScore := cfg.OnlineThreshold
	var cands []string
	if best != nil {
		bestScore = 1 // the same report: as sure a fit as there is
	} else if cands, err = s.candidates(v, probe.Day, cfg.WindowDays, cfg.MaxCandidate); err != nil {
		return err
	}
	compared, err := s.compared(cands)
	if err != nil {
		return err
	}
	fit := ""
	for _, id := range cands {
		c, ok := compared[id]
		if !ok {
			continue
		}
		sc := cluster.Fit(v, probe, c.fit, cfg)
		if sc > bestScore || sc == bestScore && fit != "" && id < fit {
			fit, bestScore = id, sc
		}
	}
	if fit != "" {
		if err := s.load([]string{fit}); err != nil {
			return err
		}
		best = s.get(fit)
	}
	if best == nil {
		id, err := s.b.newID(store.KindEvent, eventID(arts[0].ID))
		if err != nil {
			return err
		}
		best = &ev{id: id, created: true, loaded: true, state: &eventState{Sum: cluster.Sum{}, Sketch: cluster.Sketch{Day: probe.Day}}}
		s.evs[id] = best
	}
	for i, a := range arts {
		f := s.b.feats[a.ID]
		a.Event = best.id
		best.added = append(best.added, a.ID)
		best.n++
		if best.loaded {
			best.members = insertSorted(best.members, a.ID)
		}
		best.state.sum().Add(vecs[i], 2*cfg.EventTerms)
		if f.Hash != 0 && len(best.state.Hashes) < 4 {
			best.state.Hashes = append(best.state.Hashes, f.Hash)
		}
	}
	best.cent = nil
	best.changed = true
	// A new event, a doubtful join, or an event grown by a quarter since
	// it was last settled is settled with its neighbours; a clear fit to
	// a settled event (a copy, or well above the threshold) is not. The
	// growth rule bounds what settling costs an event over its life to a
	// constant factor of its size.
	if best.created || bestScore < s.b.l.opts.SureFit || best.n*4 >= best.state.SettledN*5 {
		s.dirty[best.id] = true
	}
	if best.created {
		// Later articles of this batch must find it.
		for _, k := range termKeys(v.Top(cfg.IndexTerms)) {
			if !slices.Contains(s.fresh[k], best) {
				s.fresh[k] = append(s.fresh[k], best)
			}
		}
	}
	return nil
}

// copiedEvent is the event of a stored article that one of arts is a
// syndicated copy of (the same text, up to case and punctuation), or nil.
// A copy belongs with its original however far the event's centroid has
// drifted from that one report since, which the candidates' scores would
// not tell: the original may be an outlier its event kept. An event that
// has since moved is left to the usual search.
func (s *eventSet) copiedEvent(arts []*storyline.Article) (*ev, error) {
	for _, a := range arts {
		id, err := s.b.tx.EventOfText(s.b.ctx, store.TextKey(a.Text), a.ID)
		if err != nil {
			return nil, err
		}
		if id == "" {
			continue
		}
		if err := s.load([]string{id}); err != nil {
			return nil, err
		}
		if e := s.get(id); e != nil {
			return e, nil
		}
	}
	return nil, nil
}

func absDays(d int32) int {
	if d < 0 {
		return int(-d)
	}
	return int(d)
}

func insertSorted(xs []string, x string) []string {
	i := sort.SearchStrings(xs, x)
	if i < len(xs) && xs[i] == x {
		return xs
	}
	return slices.Insert(xs, i, x)
}

// eventID is the id a new event takes: "e-" and a hash of the article
// that started it.
func eventID(article string) string {
	h := sha256.Sum256([]byte(article))
	return "e-" + hex.EncodeToString(h[:6])
}

// An event is filed under its postedTerms heaviest terms (articles look
// it up by their cluster.Config.IndexTerms heaviest) and postedNames names
// (its story neighbours look it up by theirs).
const (
	postedTerms = 16
	postedNames = 12
)

// post files an event under its heaviest terms and names, ranked by its
// day, replacing what it was filed under.
func (s *eventSet) post(e *ev) error {
	cfg := s.b.l.cfg
	terms := e.centroid(cfg.EventTerms).Top(postedTerms)
	names := e.state.Sketch.Names.Top(postedNames)
	day := e.day()
	tk, nk := keysOf(terms), keysOf(names)
	// An event's heaviest terms shift a little with each article: it is
	// filed again only when a quarter of them changed (or its day did),
	// which keeps it findable at a fraction of the writes.
	if !e.created && day == e.state.PostedDay && overlap(tk, e.state.Terms) >= 0.75 && overlap(nk, e.state.Names) >= 0.75 {
		return nil
	}
	ctx, tx := s.b.ctx, s.b.tx
	if e.state.Terms != nil || e.state.Names != nil {
		if err := tx.DeletePostings(ctx, store.IndexEventTerms, e.id); err != nil {
			return err
		}
		if err := tx.DeletePostings(ctx, store.IndexEventNames, e.id); err != nil {
			return err
		}
	}
	rank := rankOf(day)
	if rank == store.NoDay && !s.b.undated {
		// From now on lookups look among undated events too.
		if err := tx.SetMeta(ctx, metaUndated, "1"); err != nil {
			return err
		}
		s.b.undated = true
	}
	var ps []store.Posting
	for _, k := range tk {
		ps = append(ps, store.Posting{Key: termKey(k), Rank: rank, ID: e.id})
	}
	if err := tx.AddPostings(ctx, store.IndexEventTerms, ps); err != nil {
		return err
	}
	ps = ps[:0]
	for _, k := range nk {
		ps = append(ps, store.Posting{Key: termKey(k), Rank: rank, ID: e.id})
	}
	if err := tx.AddPostings(ctx, store.IndexEventNames, ps); err != nil {
		return err
	}
	e.state.Terms, e.state.Names, e.state.PostedDay = tk, nk, day
	return nil
}

// overlap is the share of a's keys in b (both sorted); 1 when a is
// empty and b too.
func overlap(a, b []uint64) float64 {
	if len(a) == 0 {
		if len(b) == 0 {
			return 1
		}
		return 0
	}
	n := 0
	for _, k := range a {
		if _, ok := slices.BinarySearch(b, k); ok {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func keysOf(v cluster.Vector) []uint64 {
	out := make([]uint64, len(v))
	for i, t := range v {
		out[i] = t.Key
	}
	slices.Sort(out)
	return out
}

// unlinkEvent takes a changed article out of the event it was in.
func (s *eventSet) unlink(old *storyline.Article) error {
	if old.Event == "" {
		return nil
	}
	cur, err := s.b.tx.Current(s.b.ctx, store.KindEvent, []string{old.Event})
	if err != nil {
		return err
	}
	id := cur[old.Event]
	if err := s.load([]string{id}); err != nil {
		return err
	}
	e := s.get(id)
	if e == nil {
		return nil
	}
	loaded, err := s.members(e)
	if err != nil {
		return err
	}
	if !loaded {
		e.n-- // the old version's share of the centroid stays: a large event barely moves
	}
	e.left = append(e.left, old.ID)
	e.changed = true
	s.dirty[id] = true
	return nil
}

// placeEvents puts the batch's articles in events, writes the events and
// leaves those that want it to the settling pass.
func (b *batch) placeEvents() error {
	s := b.events
	if err := s.assignAll(); err != nil {
		return err
	}
	if err := s.writePlaced(); err != nil {
		return err
	}
	var ids []string
	for id := range s.dirty {
		if e := s.get(id); e != nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	b.touched = ids
	return b.tx.AddPending(b.ctx, pendingSettle, ids)
}

// settleEvents is a settling step over events that took articles: they
// and their neighbours are grouped again, what changed is described, and
// the changed events find their stories.
func (b *batch) settleEvents(ids []string) error {
	s := b.events
	if err := s.load(ids); err != nil {
		return err
	}
	for _, id := range ids {
		if e := s.get(id); e != nil {
			s.dirty[id] = true
			e.changed = true // it took articles since it was last described
		}
	}
	if err := s.settle(); err != nil {
		return err
	}
	changed, err := s.finish()
	if err != nil {
		return err
	}
	if err := b.linkStories(changed); err != nil {
		return err
	}
	// What watches events (alerts) takes the settled changes from here.
	var settled []string
	for _, e := range changed {
		if !e.retired {
			settled = append(settled, e.id)
		}
	}
	return b.tx.AddPending(b.ctx, PendingChanged, settled)
}
