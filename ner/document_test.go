package ner

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// sent builds an untagged sentence from space-separated tokens.
func sent(s string) Sentence { return Sentence{Tokens: strings.Fields(s)} }

func TestIsDateline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"BRUSSELS 1996-08-22", true},
		{"NEW YORK 1996-08-22", true},
		{"1996-08-22", true},
		{"SAO PAULO , Brazil 1996-08-22", true},
		{"The talks ended on 1996-08-22 .", false},
		{"BRUSSELS 1996-8-22", false},
		{"BRUSSELS 1996-08-2x", false},
		{"BRUSSELS", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isDateline(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("isDateline(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMarkDocuments(t *testing.T) {
	tests := []struct {
		name  string
		sents []Sentence
		want  []int // sentence indexes that begin a document
	}{
		{"headline then dateline", []Sentence{
			sent("Talks resume in Bergen ."), sent("BERGEN 1996-08-22"), sent("Talks resumed ."),
			sent("Ferry fares rise ."), sent("OSLO 1996-08-22"), sent("Fares rose ."),
		}, []int{0, 3}},
		{"byline between headline and dateline", []Sentence{
			sent("Talks resume in Bergen ."), sent("BERGEN 1996-08-22"), sent("Talks resumed ."),
			sent("Ferry fares rise ."), sent("Laura Finch"), sent("OSLO 1996-08-22"), sent("Fares rose ."),
		}, []int{0, 3}},
		{"headline without full stop", []Sentence{
			sent("Talks resumed ."), sent("SOCCER - NORWEGIAN RESULTS"), sent("OSLO 1996-08-22"), sent("Results ."),
		}, []int{0, 1}},
		{"no dateline", []Sentence{sent("Talks resumed ."), sent("Fares rose .")}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			k := 0
			for _, s := range MarkDocuments(tt.sents) {
				if s.DocStart {
					got = append(got, k)
					continue
				}
				k++
			}
			if len(tt.want) == 1 {
				// Without datelines the sentences come back unmarked.
				tt.want = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("documents begin at %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMarkDocumentsKeepsDocStart(t *testing.T) {
	in := []Sentence{{DocStart: true}, sent("Talks resume ."), sent("BERGEN 1996-08-22"), sent("Talks resumed .")}
	if got := MarkDocuments(in); len(got) != len(in) {
		t.Errorf("a file with -DOCSTART- lines got %d entries, want %d", len(got), len(in))
	}
	if got := len(Documents(in)); got != 1 {
		t.Errorf("Documents: %d documents, want 1", got)
	}
}

// infosOf makes the token infos of space-separated sentences.
func infosOf(sents ...string) [][]tokInfo {
	out := make([][]tokInfo, len(sents))
	for i, s := range sents {
		for _, w := range strings.Fields(s) {
			out[i] = append(out[i], makeInfo(w, nil))
		}
	}
	return out
}

func TestDocMemory(t *testing.T) {
	const per, org = 1, 3 // B-PER, B-ORG
	doc := infosOf("Sherman met Varga .", "Sherman and Varga and Varga .", "Sherman left .")
	mem := newDocMemory()
	tags := [][]int{{per, 0, per, 0}, {per, 0, org, 0, per, 0}}
	want := [][]int{{0, 0, 0, 0}, {1, 0, 1, 0, 1, 0}, {1, 0, 0}}
	for s := range doc {
		if got := mem.hists(doc[s], nil); !slices.Equal(got, want[s]) {
			t.Errorf("sentence %d: hists %v, want %v", s, got, want[s])
		}
		if s < len(tags) {
			mem.record(doc[s], tags[s])
		}
	}
	var none *docMemory
	if got := none.hists(doc[0], nil); !slices.Equal(got, []int{0, 0, 0, 0}) {
		t.Errorf("nil memory: %v", got)
	}
}

func TestMajorityType(t *testing.T) {
	tests := []struct {
		counts [5]int32
		want   int
	}{
		{[5]int32{}, 0},
		{[5]int32{3, 0, 0, 0, 0}, 5},
		{[5]int32{1, 0, 2, 0, 0}, 2},
		{[5]int32{0, 1, 1, 0, 0}, 1}, // a tie goes to the lower type
		{[5]int32{0, 0, 0, 0, 4}, 4},
	}
	for _, tt := range tests {
		if got := majorityType(tt.counts); got != tt.want {
			t.Errorf("majorityType(%v) = %d, want %d", tt.counts, got, tt.want)
		}
	}
}

func TestDocProfile(t *testing.T) {
	const per, org = 1, 3
	// The headline took Barrick for a person, the two later mentions for a
	// company: the second pass sees "company" at the headline, and at each
	// later mention the other two (one each way: the tie goes to PER).
	doc := infosOf("Barrick gains .", "Barrick Gold said .", "Barrick shares rose .")
	first := [][]int{{per, 0, 0}, {org, org + 1, 0, 0}, {org, 0, 0, 0}}
	p := newDocProfile(doc, first)
	want := [][]int{{2, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}}
	for s := range doc {
		if got := p.hists(doc[s], first[s], nil); !slices.Equal(got, want[s]) {
			t.Errorf("sentence %d: hists %v, want %v", s, got, want[s])
		}
	}
	// A name mentioned once has no memory of itself.
	one := infosOf("Varga spoke .")
	if got := newDocProfile(one, [][]int{{per, 0, 0}}).hists(one[0], []int{per, 0, 0}, nil); got[0] != 0 {
		t.Errorf("single mention: hist %d, want 0", got[0])
	}
}

func TestPooledContexts(t *testing.T) {
	doc := infosOf("Cofinec gains .", "Shares of Cofinec S.A. rose .", "such a rise , Such said .")
	dc := newDocContext(doc)
	ownOf := func(s, i int) []uint64 { return mentionContexts(nil, doc[s], i) }
	salted := func(hs []uint64) []uint64 {
		out := make([]uint64, len(hs))
		for i, h := range hs {
			out[i] = finalize(h ^ poolSalt)
		}
		return out
	}
	got := dc.features(nil, doc[0], 0)
	for _, h := range salted(ownOf(1, 2)) {
		if !slices.Contains(got, h) {
			t.Errorf("the headline's Cofinec lacks a context of the later mention")
		}
	}
	for _, h := range salted(ownOf(0, 0)) {
		if slices.Contains(got, h) && !slices.Contains(salted(ownOf(1, 2)), h) {
			t.Errorf("the headline's Cofinec pools its own context")
		}
	}
	if got := dc.features(nil, doc[0], 1); len(got) != 0 {
		t.Errorf("a lower-case word got %d pooled features", len(got))
	}
	lowerToo := finalize(hbyte(tmpl(tPoolLowerToo), fTitle))
	if got := dc.features(nil, doc[2], 4); !slices.Contains(got, lowerToo) {
		t.Errorf("\"Such\" is written in lower case too: want the feature")
	}
	if got := dc.features(nil, doc[1], 2); slices.Contains(got, lowerToo) {
		t.Errorf("\"Cofinec\" is never written in lower case")
	}
	var none *docContext
	if got := none.features(nil, doc[0], 0); len(got) != 0 {
		t.Errorf("nil context: %d features", len(got))
	}
}

func TestMentionContextsRun(t *testing.T) {
	doc := infosOf("shares of Brush Wellman Inc rose")
	got := mentionContexts(nil, doc[0], 2)
	want := []uint64{
		finalize(hstr(tmpl(tPoolM1), "of")),
		finalize(hstr(tmpl(tPoolP1), "wellman")),
		finalize(hstr(tmpl(tPoolBefore), "of")),
		finalize(hstr(tmpl(tPoolAfter), "rose")),
		finalize(hstr(tmpl(tPoolRunFirst), padInfo.lower)),
		finalize(hstr(tmpl(tPoolRunLast), "inc")),
	}
	if !slices.Equal(got, want) {
		t.Errorf("contexts of Brush: got %x, want %x", got, want)
	}
}

func TestUnseenScore(t *testing.T) {
	m := &Tagger{gaz: newGazetteer()}
	m.gaz.add([]string{"bergen"}, 3)
	toks := [][]string{{"Bergen", "and", "Kvitsund", "Fjord"}}
	gold := [][]string{{"B-LOC", "O", "B-LOC", "I-LOC"}}
	pred := [][]string{{"B-LOC", "O", "B-LOC", "O"}}
	s := m.unseenScore(toks, gold, pred)
	// Unseen: gold "Kvitsund Fjord", predicted "Kvitsund" (wrong span).
	if s.Gold != 1 || s.Predicted != 1 || s.Right != 0 {
		t.Errorf("unseen score %+v", s)
	}
}

// TestCrossValidate runs a small 2-fold cross-validation: every held-out
// entity is scored once.
func TestCrossValidate(t *testing.T) {
	all := readSharedCoNLL(t, "train")[:1200]
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.Clusters, cfg.Ensemble = 2, 32, 1
	cv, err := CrossValidate(context.Background(), all, 2, cfg)
	if err != nil {
		t.Fatal(err)
	}
	gold := Evaluate(tagsOf(all), tagsOf(all))[0].Gold
	if len(cv.Folds) != 2 || cv.Pooled[0].Gold != gold {
		t.Fatalf("%d folds, %d gold entities pooled, want 2 and %d", len(cv.Folds), cv.Pooled[0].Gold, gold)
	}
	if cv.Docs[0]+cv.Docs[1] != len(Documents(all)) {
		t.Errorf("folds of %v documents, want %d in all", cv.Docs, len(Documents(all)))
	}
	if f1 := cv.Pooled[0].F1; f1 < 0.3 {
		t.Errorf("pooled F1 %.3f", f1)
	}
	if last := cv.Pooled[len(cv.Pooled)-1]; last.Type != "unseen" || last.Gold == 0 || last.Gold >= gold {
		t.Errorf("unseen row %+v", last)
	}
	if _, err := CrossValidate(context.Background(), all, 1, cfg); err == nil {
		t.Error("1 fold: want an error")
	}
}

func tagsOf(sents []Sentence) [][]string {
	var out [][]string
	for _, s := range sents {
		if !s.DocStart {
			out = append(out, s.Tags)
		}
	}
	return out
}

// TestBisectClusters: words used in the same contexts share a longer path
// prefix than words used in others.
func TestBisectClusters(t *testing.T) {
	var text [][]string
	for _, city := range []string{"Oslo", "Bergen", "Tromso", "Bodo"} {
		for _, verb := range []string{"said", "told", "added", "noted"} {
			for range 3 {
				text = append(text, strings.Fields("the minister "+verb+" in "+city+" on Monday ."))
			}
		}
	}
	cl, err := bisectClusters(context.Background(), text, 16)
	if err != nil {
		t.Fatal(err)
	}
	common := func(a, b string) int {
		n := 0
		for n < len(cl[a]) && n < len(cl[b]) && cl[a][n] == cl[b][n] {
			n++
		}
		return n
	}
	if cl["oslo"] == "" || cl["said"] == "" {
		t.Fatalf("no clusters for frequent words: %v", cl)
	}
	if common("oslo", "bergen") <= common("oslo", "said") || common("said", "told") <= common("said", "bergen") {
		t.Errorf("cities and verbs not grouped: %v", cl)
	}
}

func TestHonorific(t *testing.T) {
	for w, want := range map[string]bool{"Mr.": true, "mr": true, "Mme": true, "M.": true, "Dame": true, "M": false, "Minister": false, "The": false} {
		if got := honorific(w); got != want {
			t.Errorf("honorific(%q) = %v, want %v", w, got, want)
		}
	}
}
