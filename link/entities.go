package link

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/store"
)

// entityState is what an entity row keeps for linking: its profile, and
// the keys and rank it is posted under with the spellings and type they
// were worked out from (to work them out and post them again only on
// change).
type entityState struct {
	Profile *entity.Profile `json:"p"`
	Keys    []string        `json:"k"`
	Rank    int64           `json:"r"`
	Forms   []string        `json:"f,omitempty"`
	Type    string          `json:"t,omitempty"`
}

// entityRow is an entity row with its decoded state.
type entityRow struct {
	row   *store.EntityRow
	state entityState
}

// entityCache keeps decoded entity rows and the key index's lists across
// batches: the same names recur all day. It holds what this process
// wrote; another writer's commit, or a failed batch, empties it (see
// Linker.dropCaches).
type entityCache struct {
	rows map[string]*entityRow
	keys map[string][]store.Posting
}

// maxCachedEntities bounds the cache; past it the cache starts again.
const maxCachedEntities = 1 << 17

func (l *Linker) entityCache() *entityCache {
	if l.ents == nil || len(l.ents.rows) > maxCachedEntities || len(l.ents.keys) > 4*maxCachedEntities {
		l.ents = &entityCache{rows: map[string]*entityRow{}, keys: map[string][]store.Posting{}}
	}
	return l.ents
}

func (b *batch) entityRows(ids []string) (map[string]*entityRow, error) {
	c := b.l.entityCache()
	out := make(map[string]*entityRow, len(ids))
	var need []string
	for _, id := range ids {
		if r, ok := c.rows[id]; ok {
			out[id] = r
		} else {
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return out, nil
	}
	rows, err := b.tx.EntityRows(b.ctx, need)
	if err != nil {
		return nil, err
	}
	for id, r := range rows {
		er := &entityRow{row: r}
		if err := json.Unmarshal(r.State, &er.state); err != nil || er.state.Profile == nil {
			return nil, fmt.Errorf("entity %s: damaged state", id)
		}
		out[id] = er
		c.rows[id] = er
	}
	return out, nil
}

// lookupEntities finds the stored entities filed under keys.
func (b *batch) lookupEntities(keys []string) ([]entity.Candidate, error) {
	c := b.l.entityCache()
	var ids, need []string
	for _, k := range keys {
		if ps, ok := c.keys[k]; ok {
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
		} else {
			need = append(need, k)
		}
	}
	if len(need) > 0 {
		ps, err := b.tx.Postings(b.ctx, store.IndexEntityKeys, need, store.AllRanks, entity.MaxCandidatesPerKey)
		if err != nil {
			return nil, err
		}
		for _, k := range need {
			c.keys[k] = nil // known empty until a posting says otherwise
		}
		for _, p := range ps {
			c.keys[p.Key] = append(c.keys[p.Key], p)
			ids = append(ids, p.ID)
		}
	}
	rows, err := b.entityRows(uniqueStrings(ids))
	if err != nil {
		return nil, err
	}
	out := make([]entity.Candidate, 0, len(rows))
	for _, id := range sortedKeys(rows) {
		out = append(out, entity.Candidate{ID: id, Profile: rows[id].state.Profile})
	}
	return out, nil
}

// forgetEntity drops an entity that moved or went from the cache, with
// the lists of the keys it was filed under.
func (b *batch) forgetEntity(id string) {
	b.l.prepared.entityMoved(id)
	c := b.l.entityCache()
	if r, ok := c.rows[id]; ok {
		for _, k := range r.state.Keys {
			delete(c.keys, k)
		}
		delete(c.rows, id)
	}
}

// linkEntities resolves the batch's mentions and writes the entities.
func (b *batch) linkEntities() error {
	groups, err := entity.Link(b.arts, b.lookupEntities)
	if err != nil {
		return err
	}
	for _, g := range groups {
		rows, err := b.entityRows(g.Known)
		if err != nil {
			return err
		}
		// The most named entity survives a merge; the others answer
		// with where they went.
		var survivor *entityRow
		var survivorID string
		for _, id := range g.Known {
			r, ok := rows[id]
			if !ok {
				continue
			}
			if survivor == nil || r.state.Profile.N > survivor.state.Profile.N {
				survivor, survivorID = r, id
			}
		}
		var profile *entity.Profile
		if survivor == nil {
			profile = &entity.Profile{Votes: map[string]int{}}
		} else {
			profile = survivor.state.Profile
		}
		for _, id := range g.Known {
			if r, ok := rows[id]; ok && id != survivorID {
				profile.Merge(r.state.Profile)
				b.forgetEntity(id)
				if err := b.tx.Move(b.ctx, store.KindEntity, id, survivorID); err != nil {
					return err
				}
			}
		}
		profile.Merge(g.Add)
		id := survivorID
		if id == "" {
			if id, err = b.newID(store.KindEntity, profile.BaseID()); err != nil {
				return err
			}
		}
		var posted entityState
		if survivor != nil {
			posted = survivor.state
		}
		if err := b.putEntity(id, profile, posted); err != nil {
			return err
		}
		name, typ := profile.Name(), profile.Type()
		for _, m := range g.Mentions {
			em := &b.arts[m.Article].Entities[m.Mention]
			em.Entity, em.Name, em.Type = id, name, typ
		}
	}
	return nil
}

// putEntity writes an entity's row and, when its keys or rank changed,
// its postings. Keys are worked out again only when its spellings or type
// changed.
func (b *batch) putEntity(id string, p *entity.Profile, posted entityState) error {
	st := entityState{Profile: p, Keys: posted.Keys, Rank: p.Rank(), Forms: p.Spellings(), Type: p.Type()}
	if posted.Keys == nil || !slices.Equal(st.Forms, posted.Forms) || st.Type != posted.Type {
		st.Keys = p.Keys()
	}
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	row := &store.EntityRow{Entity: p.Entity(id), N: p.N, State: data}
	if err := b.tx.PutEntity(b.ctx, row); err != nil {
		return err
	}
	c := b.l.entityCache()
	c.rows[id] = &entityRow{row: row, state: st}
	if posted.Rank == st.Rank && slices.Equal(posted.Keys, st.Keys) {
		return nil
	}
	for _, k := range posted.Keys {
		delete(c.keys, k)
	}
	for _, k := range st.Keys {
		delete(c.keys, k)
	}
	if err := b.tx.DeletePostings(b.ctx, store.IndexEntityKeys, id); err != nil {
		return err
	}
	ps := make([]store.Posting, len(st.Keys))
	for i, k := range st.Keys {
		ps[i] = store.Posting{Key: k, Rank: st.Rank, ID: id}
	}
	return b.tx.AddPostings(b.ctx, store.IndexEntityKeys, ps)
}

// unlinkEntities takes back what a changed article's old version added to
// its entities; an entity no article names any more goes.
func (b *batch) unlinkEntities(old *storyline.Article) error {
	contrib := entity.Contribution(old)
	ids := sortedKeys(contrib)
	cur, err := b.tx.Current(b.ctx, store.KindEntity, ids)
	if err != nil {
		return err
	}
	byCurrent := map[string]*entity.Profile{}
	for _, id := range ids {
		c := cur[id]
		if p, ok := byCurrent[c]; ok {
			p.Merge(contrib[id])
			p.N = 1
		} else {
			byCurrent[c] = contrib[id]
		}
	}
	rows, err := b.entityRows(sortedKeys(byCurrent))
	if err != nil {
		return err
	}
	for _, id := range sortedKeys(rows) {
		r := rows[id]
		r.state.Profile.Subtract(byCurrent[id])
		if r.state.Profile.N == 0 {
			b.forgetEntity(id)
			if err := b.tx.Move(b.ctx, store.KindEntity, id, ""); err != nil {
				return err
			}
			continue
		}
		if err := b.putEntity(id, r.state.Profile, r.state); err != nil {
			return err
		}
	}
	return b.tx.SetArticleEntities(b.ctx, old.ID, old.Published, nil)
}

// speakerElsewhere finds the one entity that a speaker's name designates
// when the article quoting them does not name them.
func (b *batch) speakerElsewhere(name string) (string, string, bool) {
	keys := entity.NameKeys(name)
	if len(keys) == 0 {
		return "", "", false
	}
	cands, err := b.lookupEntities(keys)
	if err != nil {
		b.l.log.Warn("speaker lookup failed", "name", name, "err", err)
		return "", "", false
	}
	var found []entity.Candidate
	for _, c := range cands {
		e := c.Profile.Entity(c.ID)
		if e.Type != storyline.Person && e.Type != storyline.Org && e.Type != storyline.Place {
			continue
		}
		if entity.Match(e, name) {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return "", "", false
	}
	return found[0].ID, found[0].Profile.Name(), true
}
