package cluster

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	storyline "github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/internal/disjoint"
	"github.com/storyline-news/storyline/newstext"
)

// storyScore is the evidence that two events belong to one story: who and
// where they share (names, entities, places) and what they are about, and
// an explicit reference — an article of one naming the other's date
// ("follows an initial meeting on July 28"). A story needs both a shared
// core cast and a shared subject: one frequent name (a country, a
// president) in common makes no story, nor does a common subject alone.
func storyScore(a, b *Sketch, cfg *Config) float64 {
	if cfg.StoryMaxGap > 0 && a.Day != noDay && b.Day != noDay && int(absDays(a.Day-b.Day)) > cfg.StoryMaxGap {
		return 0
	}
	names := Similarity(a.Names, b.Names)
	subject := Similarity(a.Centroid, b.Centroid)
	if names < cfg.StoryNamesMin || subject < cfg.StorySubjectMin {
		return 0
	}
	s := 0.7*names + 0.3*subject
	if refersTo(a, b) || refersTo(b, a) {
		s += cfg.StoryRefBonus
	}
	return s
}

// subjectCentroid is what an event is about, for comparing it with other
// events: the centroid of its reports in its language (eventLanguage).
// Words of different languages never match, so a centroid mixing five
// languages would share a fifth of its weight with an event reported in
// one of them, however alike their subjects.
func subjectCentroid(e *builtEvent) vec {
	lang := eventLanguage(e)
	var same []*doc
	for _, d := range e.docs {
		if sameLanguage(d.lang, lang) {
			same = append(same, d)
		}
	}
	if len(same) == len(e.docs) || len(same) == 0 {
		return e.centroid
	}
	return centroid(same, 0)
}

// StoryScore is storyScore for the linker.
func StoryScore(a, b *Sketch, cfg Config) float64 { return storyScore(a, b, &cfg) }

// refersTo tells whether an article of a mentions b's day.
func refersTo(a, b *Sketch) bool {
	if b.Day == noDay {
		return false
	}
	i := sort.Search(len(a.Refs), func(i int) bool { return a.Refs[i] >= b.Day })
	return i < len(a.Refs) && a.Refs[i] == b.Day
}

// makeStories links events into stories (union of all pairs whose story
// score reaches cfg.StoryThreshold, single-link, so a chain of rounds holds
// together), sets each event's Story, and builds every story's timeline.
func makeStories(evs []*builtEvent, cfg *Config) []storyline.Story {
	sets := disjoint.New(len(evs))
	// Candidate pairs share a name; an inverted index keeps this linear
	// in practice.
	byName := map[uint64][]int{}
	for i, e := range evs {
		e.sketch = Sketch{Day: e.day, Centroid: toVector(subjectCentroid(e)), Names: toVector(e.names), Refs: refDays(e)}
		for _, f := range topTerms(e.names, 20) {
			byName[f.key] = append(byName[f.key], i)
		}
	}
	seen := map[[2]int]bool{}
	keys := make([]uint64, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		list := byName[k]
		if len(list) > 200 {
			continue // a name in everything links nothing
		}
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				p := [2]int{list[x], list[y]}
				if seen[p] {
					continue
				}
				seen[p] = true
				if storyScore(&evs[p[0]].sketch, &evs[p[1]].sketch, cfg) >= cfg.StoryThreshold {
					sets.Union(p[0], p[1])
				}
			}
		}
	}
	groups := map[int][]*builtEvent{}
	for i, e := range evs {
		r := sets.Find(i)
		groups[r] = append(groups[r], e)
	}
	var stories []storyline.Story
	for _, g := range groups {
		sortEvents(g)
		s := storyline.Story{ID: shortID("s-", g[0].ID), Title: storyTitle(g)}
		for _, e := range g {
			s.Events = append(s.Events, e.ID)
			e.Story = s.ID
		}
		s.Timeline = timelineOf(g)
		stories = append(stories, s)
	}
	sort.Slice(stories, func(i, j int) bool { return stories[i].ID < stories[j].ID })
	return stories
}

// sortEvents orders events oldest first; undated ones last, by id.
func sortEvents(g []*builtEvent) {
	sort.SliceStable(g, func(i, j int) bool {
		a, b := g[i], g[j]
		if (a.day == noDay) != (b.day == noDay) {
			return b.day == noDay
		}
		if a.day != b.day {
			return a.day < b.day
		}
		return a.ID < b.ID
	})
}

// storyTitle is the title of the story's largest event (latest on ties).
func storyTitle(g []*builtEvent) string {
	best := g[0]
	for _, e := range g[1:] {
		if len(e.docs) >= len(best.docs) {
			best = e
		}
	}
	return best.Title
}

// eventMentions are the dated happenings an event's articles mention,
// other than the event itself: what its story's timeline shows beside the
// story's own events. Mentions of one date merge.
func eventMentions(e *builtEvent) []Mention {
	byValue := map[string]*Mention{}
	var order []string
	for _, d := range e.docs {
		for _, dm := range d.dates {
			if dm.value == e.Date || d.art.RoleAt(dm.start) == storyline.RoleDateline || !calendarValue(dm.value) ||
				newstext.English().WhenSaid(d.art.Text, dm.start, dm.end) {
				continue
			}
			if dm.day != noDay && e.day != noDay && absDays(dm.day-e.day) <= 0 {
				continue
			}
			m, ok := byValue[dm.value]
			if !ok {
				what := clip(strings.Join(strings.Fields(clause(d.art.Text, dm.start, dm.end)), " "), 160)
				m = &Mention{Value: dm.value, What: what}
				byValue[dm.value] = m
				order = append(order, dm.value)
			}
			if !slices.Contains(m.Articles, d.id) {
				m.Articles = append(m.Articles, d.id)
			}
		}
	}
	out := make([]Mention, 0, len(order))
	for _, v := range order {
		m := byValue[v]
		sort.Strings(m.Articles)
		out = append(out, *m)
	}
	return out
}

// TimelineEvent is one of a story's events as Timeline needs it.
type TimelineEvent struct {
	ID, Date, Title string
	Day             int32
	Articles        []string
	Mentions        []Mention
}

func timelineOf(g []*builtEvent) []storyline.TimelineEntry {
	evs := make([]TimelineEvent, len(g))
	for i, e := range g {
		evs[i] = TimelineEvent{ID: e.ID, Date: e.Date, Title: e.Title, Day: e.day, Articles: e.Articles, Mentions: eventMentions(e)}
	}
	return Timeline(evs)
}

// Timeline merges a story's events with the dated happenings their
// articles mention, oldest first. A mention that falls on one of the
// story's events joins that event's entry; mentions of one date merge
// across events; a month-only mention ("in June") merges into a day of
// that month when both share a content word (the summit "in June" and
// "the June 16 summit").
func Timeline(events []TimelineEvent) []storyline.TimelineEntry {
	// Content words are compared only when a month-only mention looks for
	// a day to fold into, so each entry's are read then, from the texts it
	// gathered: stemming every title and mention was most of what a long
	// story's refresh cost.
	type entry struct {
		storyline.TimelineEntry
		texts []string
		words map[string]bool // of texts, once asked for
	}
	addText := func(en *entry, text string) {
		en.texts = append(en.texts, text)
		if en.words != nil {
			maps.Copy(en.words, contentWords(text))
		}
	}
	wordsOf := func(en *entry) map[string]bool {
		if en.words == nil {
			en.words = map[string]bool{}
			for _, t := range en.texts {
				maps.Copy(en.words, contentWords(t))
			}
		}
		return en.words
	}
	var entries []*entry
	byValue := map[string]*entry{}
	for _, e := range events {
		en := &entry{TimelineEntry: storyline.TimelineEntry{Date: e.Date, What: e.Title, Event: e.ID}, texts: []string{e.Title}}
		en.Articles = append(en.Articles, e.Articles...)
		entries = append(entries, en)
		if e.Date != "" {
			byValue[e.Date] = en
		}
	}
	var ms []Mention
	for _, e := range events {
		for _, m := range e.Mentions {
			if m.Value != e.Date {
				ms = append(ms, m)
			}
		}
	}
	// Days first, so that months can fold into them.
	sort.SliceStable(ms, func(i, j int) bool { return len(ms[i].Value) > len(ms[j].Value) })
	for _, m := range ms {
		if en, ok := byValue[m.Value]; ok {
			en.Articles = append(en.Articles, m.Articles...)
			addText(en, m.What)
			continue
		}
		if len(m.Value) == 7 {
			var words map[string]bool
			merged := false
			for _, en := range entries {
				if !strings.HasPrefix(en.Date, m.Value) || len(en.Date) != 10 {
					continue
				}
				if words == nil {
					words = contentWords(m.What)
				}
				if shareWord(wordsOf(en), words) {
					en.Articles = append(en.Articles, m.Articles...)
					merged = true
					break
				}
			}
			if merged {
				continue
			}
		}
		en := &entry{TimelineEntry: storyline.TimelineEntry{Date: m.Value, What: m.What}, texts: []string{m.What}}
		en.Articles = append(en.Articles, m.Articles...)
		entries = append(entries, en)
		byValue[m.Value] = en
	}
	out := make([]storyline.TimelineEntry, 0, len(entries))
	for _, en := range entries {
		slices.Sort(en.Articles)
		en.Articles = slices.Compact(en.Articles)
		out = append(out, en.TimelineEntry)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		// "2021-06" sorts before "2021-06-16": a month starts with its first day.
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if (a.Event != "") != (b.Event != "") {
			return a.Event != ""
		}
		return a.What < b.What
	})
	return out
}

// clauseWindow is how far either side of a date clause looks for the ends
// of its sentence.
const clauseWindow = 400

// clause returns the part of the sentence around [start, end) that the
// date belongs to: the sentence cut at ";" and at ", and"/", but" when it
// joins two statements, trimmed to a readable length.
func clause(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	// The clause is clipped to 200 bytes: a window around the date is
	// enough, and keeps the cost per date constant where a sentence runs
	// on for a megabyte.
	lo, hi := max(0, start-clauseWindow), min(len(text), end+clauseWindow)
	text, start = text[lo:hi], start-lo
	sent, rel := text, start
	for _, sp := range newstext.Sentences(text) {
		if sp.Start <= start && start < sp.End {
			sent, rel = text[sp.Start:sp.End], start-sp.Start
			break
		}
	}
	a, b := 0, len(sent)
	for _, sep := range []string{"; ", ", and ", ", but ", ", while ", " — "} {
		if i := strings.LastIndex(sent[:rel], sep); i >= 0 && i+len(sep) > a {
			a = i + len(sep)
		}
		if i := strings.Index(sent[rel:], sep); i >= 0 && rel+i < b {
			b = rel + i
		}
	}
	c := strings.TrimSpace(sent[a:b])
	c = strings.TrimRight(c, ".,;: ")
	return clip(c, 200)
}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s) {
		if t.number || len(t.low) < 3 || stopword(t.low) {
			continue
		}
		out[t.fold] = true
	}
	return out
}

func shareWord(a, b map[string]bool) bool {
	for w := range b {
		if a[w] {
			return true
		}
	}
	return false
}

// SelectStories picks stories by id, or those whose events involve an
// entity: any of keys (an entity's name, its id, its aliases) matched
// case-insensitively against the events' entity ids, places and titles
// and against story titles. All stories when storyID and keys are empty.
func SelectStories(stories []storyline.Story, events []storyline.Event, storyID string, keys ...string) []storyline.Story {
	var want []string
	for _, k := range keys {
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
			want = append(want, k)
		}
	}
	if storyID == "" && len(want) == 0 {
		return stories
	}
	byID := map[string]storyline.Event{}
	for _, e := range events {
		byID[e.ID] = e
	}
	match := func(s string) bool {
		s = strings.ToLower(s)
		for _, w := range want {
			if s == w || strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	var out []storyline.Story
	for _, s := range stories {
		if storyID != "" {
			if s.ID == storyID {
				out = append(out, s)
			}
			continue
		}
		hit := match(s.Title)
		for _, t := range s.Timeline {
			hit = hit || match(t.What)
		}
		for _, id := range s.Events {
			if hit {
				break
			}
			ev := byID[id]
			hit = match(ev.Place) || match(ev.Title)
			for _, ent := range ev.Entities {
				hit = hit || match(ent)
			}
		}
		if hit {
			out = append(out, s)
		}
	}
	return out
}

// WriteTimeline prints a story's timeline for a terminal: one line a
// happening, the story's own events marked with "●", each with the
// articles behind it.
func WriteTimeline(w io.Writer, s storyline.Story, events map[string]storyline.Event) {
	fmt.Fprintf(w, "Story %s: %s\n", s.ID, s.Title)
	fmt.Fprintf(w, "  %d events, %d timeline entries\n\n", len(s.Events), len(s.Timeline))
	for _, t := range s.Timeline {
		date := t.Date
		if date == "" {
			date = "(undated)"
		}
		mark := " "
		what := t.What
		if t.Event != "" {
			mark = "●"
			if ev, ok := events[t.Event]; ok && ev.Place != "" {
				what += " — " + ev.Place
			}
		}
		fmt.Fprintf(w, "  %-10s %s %s\n", date, mark, what)
		if t.Event != "" {
			fmt.Fprintf(w, "  %-10s   event %s\n", "", t.Event)
		}
		fmt.Fprintf(w, "  %-10s   articles: %s\n", "", strings.Join(t.Articles, ", "))
	}
}

// calendarValue tells a month or a day ("2021-06", "2021-06-16") from the
// other TIMEX3 forms (weeks, seasons, times), which a timeline cannot place.
func calendarValue(v string) bool {
	if len(v) != 7 && len(v) != 10 {
		return false
	}
	for i, c := range v {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
