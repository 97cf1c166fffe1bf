package ner

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// everyMatch is matches without skipping: every sequence of up to maxLen
// tokens is looked up.
func everyMatch(g *gazetteer, toks []tokInfo) [][]uint64 {
	return g.matches(toks, nil, nil)
}

func labelsOf(g *gazetteer, toks []tokInfo) []uint8 {
	labs := make([]uint8, len(toks))
	for i := range toks {
		labs[i] = g.words[toks[i].lower]
	}
	return labs
}

// A toy gazetteer and its word codes as training makes them: a word seen
// inside an entity has its type in the code's high bits; a frequent word
// seen only outside entities has code 1.
func toyGazetteer() *gazetteer {
	g := newGazetteer()
	g.add([]string{"port", "ellis"}, 3)
	g.add([]string{"harbour", "authority", "of", "port", "ellis"}, 2)
	g.add([]string{"ellis"}, 1)
	g.add([]string{"the", "hague"}, 3)
	for w, typ := range map[string]uint8{"port": 3, "ellis": 3, "harbour": 2, "authority": 2, "of": 2, "the": 3, "hague": 3} {
		g.words[w] = typ<<4 | 3<<1 | 1
	}
	g.words["said"] = 1
	return g
}

func TestGazetteerSkipsSequencesThroughOtherWords(t *testing.T) {
	g := toyGazetteer()
	for _, tc := range []struct {
		text string
		want map[int][]uint64 // token → codes; the rest have none
	}{
		{"the Harbour Authority of Port Ellis said", map[int][]uint64{
			1: {2 | 2<<8 | 4<<16}, 2: {2 | 1<<8 | 4<<16}, 3: {2 | 1<<8 | 4<<16},
			4: {2 | 1<<8 | 4<<16, 3 | 2<<8 | 2<<16},
			5: {2 | 3<<8 | 4<<16, 3 | 3<<8 | 2<<16, 1 | 0<<8 | 1<<16}}},
		{"Ellis said Port said Ellis", map[int][]uint64{0: {1 | 1<<16}, 4: {1 | 1<<16}}},
		{"in The Hague .", map[int][]uint64{1: {3 | 2<<8 | 2<<16}, 2: {3 | 3<<8 | 2<<16}}},
		{"Port , Ellis", map[int][]uint64{2: {1 | 1<<16}}},
		{"", nil},
	} {
		toks := infosOf(tc.text)[0]
		got := g.matches(toks, labelsOf(g, toks), nil)
		for i := range toks {
			if !slices.Equal(got[i], tc.want[i]) {
				t.Errorf("%q, token %d: %x, want %x", tc.text, i, got[i], tc.want[i])
			}
		}
		if all := everyMatch(g, toks); !slices.EqualFunc(got, all, slices.Equal) {
			t.Errorf("%q: %x, looking up every sequence gives %x", tc.text, got, all)
		}
	}
}

// The embedded model's gazetteer matches the same on every sentence of
// CoNLL dev whether or not sequences through other words are looked up:
// its word codes cover its entries' words, as training makes them.
func TestEmbeddedGazetteerSkipsNoEntry(t *testing.T) {
	m := mustDefault(t)
	dev := readSharedCoNLL(t, "dev")
	rows := 0
	for _, s := range dev {
		toks := make([]tokInfo, len(s.Tokens))
		for i, w := range s.Tokens {
			toks[i] = makeInfo(w, m.lex)
		}
		got := m.gaz.matches(toks, labelsOf(m.gaz, toks), nil)
		want := everyMatch(m.gaz, toks)
		for i := range toks {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("%q, token %d: %x, want %x", strings.Join(s.Tokens, " "), i, got[i], want[i])
			}
			if len(want[i]) > 0 {
				rows++
			}
		}
	}
	if rows < 10000 {
		t.Errorf("only %d tokens of CoNLL dev in an entry: the comparison says little", rows)
	}
}

// Training gives every word of every entry an entity type in its code, which
// is what lets matches skip: checked on a model trained on a slice of
// CoNLL train, against the entities of the sentences it was trained on.
func TestTrainedWordCodesCoverEntries(t *testing.T) {
	all := readSharedCoNLL(t, "train")[:400]
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.Clusters, cfg.Ensemble = 1, 32, 1
	m, err := Train(t.Context(), all, nil, cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for _, s := range all {
		for _, c := range chunks(s.Tags) {
			if c.end-c.start > maxGazLen {
				continue
			}
			entries++
			for k := c.start; k < c.end; k++ {
				w := makeInfo(s.Tokens[k], m.lex).lower
				if m.gaz.words[w]>>4 == 0 {
					t.Fatalf("%q, a word of the entry %q, has code %d", w, strings.Join(s.Tokens[c.start:c.end], " "), m.gaz.words[w])
				}
			}
		}
	}
	if entries < 500 {
		t.Errorf("only %d entries checked", entries)
	}
}

// The skipping is real: an entry through a word that is no entity word
// (which training never makes) is not even looked up.
func TestGazetteerLooksUpOnlyEntityWords(t *testing.T) {
	g := toyGazetteer()
	g.add([]string{"ellis", "said"}, 1)
	toks := infosOf("Ellis said")[0]
	if all := everyMatch(g, toks); len(all[1]) == 0 {
		t.Fatalf("looking up every sequence finds no entry through %q: %x", "said", all)
	}
	got := g.matches(toks, labelsOf(g, toks), nil)
	if len(got[1]) != 0 {
		t.Errorf("matches looked up a sequence through %q, a word of code %d: %x", "said", g.words["said"], got)
	}
}
