package ner

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// lookupOnly scores every feature by looking it up in the tagger's table,
// as training does, hiding the tagger's arrays of tag-only weights.
type lookupOnly struct{ m *Tagger }

func (l lookupOnly) addScores(h uint64, scores *[nTags]float32) { l.m.addScores(h, scores) }

// TestFixedScoresMatchLookups checks that decoding through the arrays of
// tag-only weights gives every beam item the score, to the last bit, that
// looking each feature up gives.
func TestFixedScoresMatchLookups(t *testing.T) {
	m := mustDefault(t)
	words := strings.Fields("Senator Mara Quillfeather told the Harbour Council in Port Evenby on Tuesday that the ORVANA accord would hold , Quillfeather said .")
	toks := make([]tokInfo, len(words))
	for i, w := range words {
		toks[i] = makeInfo(w, m.lex)
	}
	static, _ := m.staticAll(toks, newDocContext([][]tokInfo{toks}), nil, nil, nil)
	bases := make([][nTags]float32, len(static))
	for i, f := range static {
		bases[i] = staticScores(m, f)
	}
	// Every memory code at some token, so that each array is read.
	hist := make([]int, len(toks))
	for i := range hist {
		hist[i] = i % (maxHist + 1)
	}
	for _, k := range []int{1, 4, nTags * nTags} {
		var fixed, looked beamState
		gotTags := beamTag(m, toks, bases, hist, &fixed, k, nil)
		wantTags := beamTag(lookupOnly{m}, toks, bases, hist, &looked, k, nil)
		if !slices.Equal(gotTags, wantTags) {
			t.Errorf("beam %d: tags %v, want %v", k, gotTags, wantTags)
		}
		if len(fixed.nodes) != len(looked.nodes) {
			t.Fatalf("beam %d: %d nodes, want %d", k, len(fixed.nodes), len(looked.nodes))
		}
		for i := range fixed.nodes {
			if fixed.nodes[i] != looked.nodes[i] {
				t.Errorf("beam %d: node %d is %+v, want %+v", k, i, fixed.nodes[i], looked.nodes[i])
			}
		}
	}
}

// keepEvery is keep offering every candidate, as it did before it passed
// over those below a full beam's last.
func keepEvery(cands []beamCand, k int) []beamCand {
	var top []beamCand
	for _, c := range cands {
		top = offer(top, c, k)
	}
	return top
}

// keep keeps what reading every candidate keeps, in the same order, ties
// of score and repeated last two tags included.
func TestKeepPassesOverOnlyTheLosers(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	for trial := range 3000 {
		k := 1 + r.IntN(nTags*nTags)
		cands := make([]beamCand, r.IntN(120))
		for i := range cands {
			// Few distinct scores, so that ties are common.
			cands[i] = beamCand{parent: int32(i), tag: int8(r.IntN(nTags)), prev: int8(r.IntN(nTags)), score: float32(r.IntN(12)) / 4}
		}
		var b beamState
		b.cand = cands
		b.keep(k)
		if want := keepEvery(cands, k); !slices.Equal(b.top, want) {
			t.Fatalf("trial %d, k %d: kept %v, want %v", trial, k, b.top, want)
		}
	}
}
