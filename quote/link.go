package quote

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// Incremental merging. A store links each new quote mention to a stored
// quote that carries the same words from a compatible speaker, found
// through an index of word trigrams (Keys), with the same test as Merge.
// Profile is what the store keeps of a quote for that test.

// Profile is a quote's words and speaker key as merging compares them.
type Profile struct {
	Toks   []string   `json:"t"`
	Parts  [][]string `json:"p,omitempty"`
	SKey   string     `json:"k,omitempty"`
	Direct bool       `json:"d,omitempty"`
}

// maxKeys bounds the trigrams a quote is filed under: two reports of one
// quote share its opening words or, when one cut it, a run inside the
// first few dozen words.
const maxKeys = 48

// ProfileOf is a quote mention's profile; ok is false when it has no
// words to compare.
func ProfileOf(q *storyline.QuoteMention) (*Profile, bool) {
	w := wordsOf(q)
	if len(w.toks) == 0 {
		return nil, false
	}
	return &Profile{Toks: w.toks, Parts: w.parts, SKey: w.skey, Direct: q.Direct}, true
}

func (p *Profile) words() words { return words{toks: p.Toks, parts: p.Parts, skey: p.SKey} }

// Keys are the index keys of a quote: its word trigrams (or all of it
// when shorter), at most maxKeys.
func (p *Profile) Keys() []string {
	out := shingles(p.Toks)
	if len(out) > maxKeys {
		out = out[:maxKeys]
	}
	for _, part := range p.Parts {
		for _, k := range shingles(part) {
			if len(out) >= 2*maxKeys {
				break
			}
			out = append(out, k)
		}
	}
	return out
}

// Trigrams are a quote's word trigrams, with those of its parts: two
// wordings of at least three words each that Same joins share one, so a
// caller comparing many quotes may skip pairs that share none.
func (p *Profile) Trigrams() map[string]bool {
	out := map[string]bool{}
	if len(p.Toks) < 3 {
		return nil // too short to say: compare it
	}
	for _, k := range shingles(p.Toks) {
		out[k] = true
	}
	for _, part := range p.Parts {
		for _, k := range shingles(part) {
			out[k] = true
		}
	}
	return out
}

// Same tells whether two quote mentions carry the same quote: compatible
// speakers (the same entity when both are known) and the same words.
func Same(speakerA string, a *Profile, speakerB string, b *Profile) bool {
	return sameWords(speakerA, a.words(), speakerB, b.words())
}

// Fuller tells whether a is the better wording to stand for a quote than
// b: a direct quote beats reported speech, a longer one a shorter.
func Fuller(a, b *Profile) bool {
	if a.Direct != b.Direct {
		return a.Direct
	}
	return len(a.Toks) > len(b.Toks)
}

// ID is a new quote's id: a hash of its normalised words and its speaker
// (the entity, else the name's key).
func ID(text, speaker, speakerName string) string {
	spk := speaker
	if spk == "" {
		spk = newstext.NameKey(speakerName)
	}
	sum := sha256.Sum256([]byte(Normalize(text) + "|" + spk))
	return "q-" + hex.EncodeToString(sum[:8])
}

// SpeakerLookup finds the entity a speaker named only elsewhere is, when
// the name designates one entity; ok is false otherwise.
type SpeakerLookup func(name string) (id, canonical string, ok bool)

// SetSpeakers sets each quote mention's speaker: the resolved mention of
// its speaker name nearest before the quote in the same article, else
// the one entity elsewhere that the name designates.
func SetSpeakers(a *storyline.Article, elsewhere SpeakerLookup) {
	if len(a.Quotes) == 0 {
		return
	}
	// An article names its people again and again: each spelling is
	// keyed once.
	keys := map[string]string{}
	nameKey := func(name string) string {
		k, ok := keys[name]
		if !ok {
			k = newstext.NameKey(name)
			keys[name] = k
		}
		return k
	}
	mkeys := map[string][]int{}
	for i, m := range a.Entities {
		if m.Entity != "" {
			k1, k2 := nameKey(stripPossessive(m.Text)), nameKey(m.Name)
			mkeys[k1] = append(mkeys[k1], i)
			if k2 != k1 {
				mkeys[k2] = append(mkeys[k2], i)
			}
		}
	}
	for _, list := range mkeys {
		sort.Slice(list, func(x, y int) bool { return a.Entities[list[x]].Start < a.Entities[list[y]].Start })
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Speaker = ""
		if q.SpeakerName == "" {
			continue
		}
		if list := mkeys[nameKey(q.SpeakerName)]; len(list) > 0 {
			k := sort.Search(len(list), func(k int) bool { return a.Entities[list[k]].Start >= q.Start })
			best := list[0]
			if k > 0 {
				best = list[k-1]
			}
			m := a.Entities[best]
			q.Speaker = m.Entity
			if m.Name != "" {
				q.SpeakerName = m.Name
			}
			continue
		}
		if elsewhere == nil || strings.TrimSpace(q.SpeakerName) == "" {
			continue
		}
		if id, name, ok := elsewhere(q.SpeakerName); ok {
			q.Speaker, q.SpeakerName = id, name
		}
	}
}
