package link

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/store"
)

// storyID is the id a new story takes: "s-" and a hash of its first
// event's id.
func storyID(event string) string {
	h := sha256.Sum256([]byte(event))
	return "s-" + hex.EncodeToString(h[:6])
}

// linkStories puts each changed event in a story: the stories of the
// events it shares a story score with (cluster.StoryScore) become one,
// or it starts its own. Stories grow and merge; an event stays in its
// story.
func (b *batch) linkStories(changed []*ev) error {
	s := b.events
	cfg, opts := b.l.cfg, b.l.opts
	refresh := map[string]bool{}
	for story := range b.storyLost {
		if story != "" {
			refresh[story] = true
		}
	}
	for _, e := range changed {
		if !e.redrawn && e.row != nil && e.row.Story != "" {
			// Its sketch is the one its story was found with, and story
			// links are symmetric: an event that changed since finds this
			// one. Searching again would read its candidates for nothing,
			// a cost that grows with how many events share its names.
			// Its story's timeline still shows what it took.
			refresh[e.row.Story] = true
			continue
		}
		sk := &e.state.Sketch
		ps, err := b.postings(store.IndexEventNames, termKeys(sk.Names.Top(postedNames)), sk.Day, cfg.StoryMaxGap, opts.StoryCandidates)
		if err != nil {
			return err
		}
		ids := closestByNames(ps, e.id, sk.Day, opts.StoryCandidates)
		cands, err := s.storyCandidates(ids)
		if err != nil {
			return err
		}
		stories := map[string]bool{}
		if e.row.Story != "" {
			stories[e.row.Story] = true
		}
		for _, c := range cands {
			if c.story == "" || stories[c.story] {
				continue
			}
			if cluster.StoryScore(sk, &c.sketch, cfg) >= cfg.StoryThreshold {
				stories[c.story] = true
			}
		}
		story, err := b.joinStories(sortedKeys(stories), e)
		if err != nil {
			return err
		}
		if e.row.Story != story {
			e.row.Story = story
			if err := b.tx.PutEvent(b.ctx, e.row); err != nil {
				return err
			}
		}
		refresh[story] = true
	}
	for _, id := range sortedKeys(refresh) {
		if err := b.refreshStory(id); err != nil {
			return err
		}
	}
	return nil
}

// storyCandidate is an event as a story search compares it.
type storyCandidate struct {
	story  string
	sketch cluster.Sketch
}

// storyCandidates are the story and sketch of each of ids that is a
// stored event, in the order of ids: from the events this step holds or
// the linker's caches, else read from the store without the rest of their
// rows. A story search reads up to Options.StoryCandidates events for
// every event it runs for, most of them only for this; the sketches it
// read are kept (an event's sketch changes only when this linker writes
// it, or another process does, which drops the caches), and for those
// only the story, which merges change, is read again.
func (s *eventSet) storyCandidates(ids []string) ([]storyCandidate, error) {
	out := make([]storyCandidate, 0, len(ids))
	l := s.b.l
	cache := l.eventCache()
	sketches := l.sketchCache()
	var missing, sketched []string
	for _, id := range ids {
		if _, ok := s.evs[id]; ok {
			continue
		}
		if _, ok := cache[id]; ok {
			continue
		}
		if _, ok := sketches[id]; ok {
			sketched = append(sketched, id)
		} else {
			missing = append(missing, id)
		}
	}
	var stored map[string]store.EventState
	if len(missing) > 0 {
		var err error
		if stored, err = s.b.tx.EventStates(s.b.ctx, missing); err != nil {
			return nil, err
		}
	}
	var stories map[string]string
	if len(sketched) > 0 {
		var err error
		if stories, err = s.b.tx.EventStories(s.b.ctx, sketched); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		if e, ok := s.evs[id]; ok {
			if !e.retired && e.row != nil {
				out = append(out, storyCandidate{story: e.row.Story, sketch: e.state.Sketch})
			}
			continue
		}
		if c, ok := cache[id]; ok {
			out = append(out, storyCandidate{story: c.row.Story, sketch: c.state.Sketch})
			continue
		}
		if sk, ok := sketches[id]; ok {
			if story, ok := stories[id]; ok {
				out = append(out, storyCandidate{story: story, sketch: sk})
			}
			continue
		}
		st, ok := stored[id]
		if !ok {
			continue
		}
		sk, err := decodeSketch(st.State)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", id, err)
		}
		sketches[id] = sk
		out = append(out, storyCandidate{story: st.Story, sketch: sk})
	}
	return out, nil
}

// joinStories makes one story of several (the one with the most events
// survives, the others answer with it), or a new story for e when there
// is none.
func (b *batch) joinStories(ids []string, e *ev) (string, error) {
	if len(ids) == 0 {
		id, err := b.newID(store.KindStory, storyID(e.id))
		if err != nil {
			return "", err
		}
		return id, nil
	}
	if len(ids) == 1 {
		return ids[0], nil
	}
	rows, err := b.tx.StoryRows(b.ctx, ids)
	if err != nil {
		return "", err
	}
	survivor := ""
	for _, id := range ids {
		r, ok := rows[id]
		if !ok {
			continue
		}
		if survivor == "" || r.N > rows[survivor].N {
			survivor = id
		}
	}
	if survivor == "" {
		return b.newID(store.KindStory, storyID(e.id))
	}
	for _, id := range ids {
		if _, ok := rows[id]; ok && id != survivor {
			if err := b.tx.Move(b.ctx, store.KindStory, id, survivor); err != nil {
				return "", err
			}
			// Events held in memory follow.
			for _, o := range b.events.evs {
				if o.row != nil && o.row.Story == id {
					o.row.Story = survivor
				}
			}
			for _, c := range b.l.eventCache() {
				if c.row.Story == id {
					c.row.Story = survivor
				}
			}
		}
	}
	return survivor, nil
}

// refreshStory rewrites a story's title, dates and timeline from its most
// recent events; a story left without events goes.
func (b *batch) refreshStory(id string) error {
	s := b.events
	opts := b.l.opts
	ids, total, articles, err := b.tx.StoryEvents(b.ctx, id, opts.StoryEvents)
	if err != nil {
		return err
	}
	if total == 0 {
		cur, err := b.tx.Current(b.ctx, store.KindStory, []string{id})
		if err != nil {
			return err
		}
		if cur[id] != id {
			return nil // merged into another this batch
		}
		// Its events went into another story's: the id answers with
		// that story.
		to := ""
		if into := b.storyLost[id]; into != nil && into.row != nil && into.row.Story != id {
			to = into.row.Story
		}
		return b.tx.Move(b.ctx, store.KindStory, id, to)
	}
	if err := s.load(ids); err != nil {
		return err
	}
	var evs []*ev
	for _, eid := range ids {
		if e := s.get(eid); e != nil && e.row != nil {
			evs = append(evs, e)
		}
	}
	sort.SliceStable(evs, func(i, j int) bool {
		a, c := evs[i].row, evs[j].row
		if (a.Date == "") != (c.Date == "") {
			return c.Date == ""
		}
		if a.Date != c.Date {
			return a.Date < c.Date
		}
		return a.ID < c.ID
	})
	tl := make([]cluster.TimelineEvent, len(evs))
	title, biggest := "", -1
	first, last := "", ""
	for i, e := range evs {
		tl[i] = cluster.TimelineEvent{ID: e.id, Date: e.row.Date, Title: e.row.Title, Day: cluster.DayOf(e.row.Date), Articles: e.state.Members, Mentions: e.state.Mentions}
		if e.row.N >= biggest {
			title, biggest = e.row.Title, e.row.N
		}
		if d := e.row.Date; d != "" {
			if first == "" || d < first {
				first = d
			}
			last = max(last, d)
		}
	}
	row := &store.StoryRow{Story: storyline.Story{ID: id, Title: title, Timeline: cluster.Timeline(tl), ArticleCount: articles}, First: first, Last: last, N: total}
	return b.tx.PutStory(b.ctx, row)
}

// closestByNames picks, from the events the name postings found, the n
// that share most of the names looked up (then the nearest in days, then
// by id), in id order. Each name's list holds up to n events, so a
// search over a dozen frequent names found hundreds: those sharing one
// frequent name are the least likely to chain, and reading them all made
// a story search cost more the more a store held.
func closestByNames(ps []store.Posting, self string, day int32, n int) []string {
	shared := map[string]int{}
	gap := map[string]int64{}
	for _, p := range ps {
		if p.ID == self {
			continue
		}
		shared[p.ID]++
		d := int64(0)
		if day != cluster.NoDay && p.Rank != store.NoDay {
			d = max(p.Rank-int64(day), int64(day)-p.Rank)
		}
		gap[p.ID] = d
	}
	ids := sortedKeys(shared)
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if shared[a] != shared[b] {
			return shared[a] > shared[b]
		}
		return gap[a] < gap[b]
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	sort.Strings(ids)
	return ids
}
