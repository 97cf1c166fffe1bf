package cluster

import (
	"sort"

	storyline "github.com/storyline-news/storyline"
)

// builtEvent is an event with what stories and timelines need of it.
type builtEvent struct {
	storyline.Event
	docs     []*doc
	centroid vec
	day      int32
}

// makeEvents turns groups of docs into events, sorted by id, and sets each
// article's Event.
func makeEvents(docs []*doc, groups [][]int, cfg *Config) []*builtEvent {
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
		e.centroid = centroid(e.docs, 0)
		fillEvent(e, cfg)
		evs = append(evs, e)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
	return evs
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

func fillEvent(e *builtEvent, cfg *Config) {}
