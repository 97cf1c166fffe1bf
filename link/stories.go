package link

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"

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
			if v, ok := b.l.candidates[e.id]; ok {
				v.story = story
				b.l.candidates[e.id] = v
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
// stored event, in the order of ids, from what placing and settling
// compare of events (compared): the events this step holds, the
// linker's caches, or the events' candidate rows, which hold their
// stories.
func (s *eventSet) storyCandidates(ids []string) ([]storyCandidate, error) {
	views, err := s.compared(ids)
	if err != nil {
		return nil, err
	}
	out := make([]storyCandidate, 0, len(ids))
	for _, id := range ids {
		if v, ok := views[id]; ok {
			out = append(out, storyCandidate{story: v.story, sketch: v.sketch})
		}
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
			b.followStoryMerge(id, survivor)
		}
	}
	return survivor, nil
}

// followStoryMerge points what the linker holds in memory of events in
// story from (this step's events, the cached rows and search views) at
// story to, as Move re-pointed their rows.
func (b *batch) followStoryMerge(from, to string) {
	for _, o := range b.events.evs {
		if o.row != nil && o.row.Story == from {
			o.row.Story = to
		}
	}
	for _, c := range b.l.eventCache() {
		if c.row.Story == from {
			c.row.Story = to
		}
	}
	for id, v := range b.l.candidates {
		if v.story == from {
			v.story = to
			b.l.candidates[id] = v
		}
	}
}

// refreshStory rewrites a story's title, dates and timeline from its most
// recent events; a story left without events goes. What the timeline
// takes of each event is kept in the story's state (timelineEntry), so
// that a refresh reads again only the events that changed since: an
// event this step holds is taken as it is, a kept entry while the
// event's size and day are those the story's index gives, and the rest
// are read. A long story is refreshed whenever one of its events
// changes, and reading its 200 most recent events each time was most of
// what a story cost at a million articles. The entries are exact: an
// event's title, date, mentions or articles change only when the event
// is described or regrouped again, which refreshes its story in the same
// step, or when it takes or loses articles, which its size shows.
func (b *batch) refreshStory(id string) error {
	s := b.events
	opts := b.l.opts
	recent, total, articles, err := b.tx.StoryEvents(b.ctx, id, opts.StoryEvents)
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
	state, err := b.tx.StoryState(b.ctx, id)
	if err != nil {
		return err
	}
	kept, err := decodeTimelineEntries(state)
	if err != nil {
		b.l.log.Warn("story state unreadable: its events are read again", "story", id, "err", err)
		kept = nil
	}
	var read []string
	for _, r := range recent {
		if _, held := s.evs[r.ID]; held {
			continue
		}
		if k, ok := kept[r.ID]; ok && k.N == r.N && k.Day == r.Day {
			continue
		}
		delete(kept, r.ID)
		read = append(read, r.ID)
	}
	if err := s.load(read); err != nil {
		return err
	}
	entries := make([]timelineEntry, 0, len(recent))
	for _, r := range recent {
		if _, held := s.evs[r.ID]; !held {
			if k, ok := kept[r.ID]; ok {
				entries = append(entries, k)
			}
			continue
		}
		if e := s.get(r.ID); e != nil && e.row != nil {
			entries = append(entries, timelineEntry{ID: e.id, Day: e.row.Day, N: e.row.N, Date: e.row.Date, Title: e.row.Title, Members: e.state.Members, Mentions: e.state.Mentions})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, c := entries[i], entries[j]
		if (a.Date == "") != (c.Date == "") {
			return c.Date == ""
		}
		if a.Date != c.Date {
			return a.Date < c.Date
		}
		return a.ID < c.ID
	})
	tl := make([]cluster.TimelineEvent, len(entries))
	title, biggest := "", -1
	first, last := "", ""
	for i, e := range entries {
		tl[i] = cluster.TimelineEvent{ID: e.ID, Date: e.Date, Title: e.Title, Day: cluster.DayOf(e.Date), Articles: e.Members, Mentions: e.Mentions}
		if e.N >= biggest {
			title, biggest = e.Title, e.N
		}
		if d := e.Date; d != "" {
			if first == "" || d < first {
				first = d
			}
			last = max(last, d)
		}
	}
	row := &store.StoryRow{Story: storyline.Story{ID: id, Title: title, Timeline: cluster.Timeline(tl), ArticleCount: articles}, First: first, Last: last, N: total, State: encodeTimelineEntries(entries)}
	return b.tx.PutStory(b.ctx, row)
}

// closestByNames picks, from the events the name postings found, the n
// that share most of the names looked up (then the nearest in days, then
// by id), in id order. Each name's list holds up to n events, so a
// search over a dozen frequent names found hundreds: those sharing one
// frequent name are the least likely to chain, and reading them all made
// a story search cost more the more a store held.
func closestByNames(ps []store.Posting, self string, day int32, n int) []string {
	type found struct {
		id     string
		shared int
		gap    int64
	}
	at := make(map[string]int, len(ps))
	var fs []found
	for _, p := range ps {
		if p.ID == self {
			continue
		}
		i, ok := at[p.ID]
		if !ok {
			i = len(fs)
			at[p.ID] = i
			fs = append(fs, found{id: p.ID})
		}
		fs[i].shared++
		fs[i].gap = 0
		if day != cluster.NoDay && p.Rank != store.NoDay {
			fs[i].gap = max(p.Rank-int64(day), int64(day)-p.Rank)
		}
	}
	slices.SortFunc(fs, func(a, b found) int {
		if a.shared != b.shared {
			return b.shared - a.shared
		}
		if a.gap != b.gap {
			return cmp.Compare(a.gap, b.gap)
		}
		return strings.Compare(a.id, b.id)
	})
	ids := make([]string, 0, min(n, len(fs)))
	for _, f := range fs[:min(n, len(fs))] {
		ids = append(ids, f.id)
	}
	slices.Sort(ids)
	return ids
}
