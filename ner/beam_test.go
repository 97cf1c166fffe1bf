package ner

import (
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
