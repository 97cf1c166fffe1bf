package ner

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/newstext"

	"github.com/storyline-news/storyline"
)

// readSharedCoNLL reads a CoNLL-2003 file of ../shared ("train", "dev").
func readSharedCoNLL(t testing.TB, name string) []Sentence {
	t.Helper()
	sents, err := ReadCoNLLFile(filepath.Join(shareddata.Path(t), "data", "conll2003", name+".conll"))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func mustDefault(t testing.TB) *Tagger {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

func TestTagSentences(t *testing.T) {
	m := mustDefault(t)
	tests := []struct {
		text string
		want []string // "TYPE surface", in order; a subset that must be found
	}{
		{"U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on Friday.",
			[]string{"PER Antony Blinken", "MISC Russian", "PER Sergei Lavrov", "LOC Geneva"}},
		{"The European Commission said on Thursday it disagreed with German advice to consumers.",
			[]string{"ORG European Commission", "MISC German"}},
		{"Talks between NATO and Russia will resume in Brussels next week, the Kremlin said.",
			[]string{"ORG NATO", "LOC Russia", "LOC Brussels"}},
		{"“We are ready,” said Angela Merkel, the German chancellor, in Berlin.",
			[]string{"PER Angela Merkel", "MISC German", "LOC Berlin"}},
		{"We saw Mrs Jones shaking hands with Mr. Kowalczyk in the hall.",
			[]string{"PER Jones", "PER Kowalczyk"}},
		{"Microsoft Corp. shares rose 3 percent on the New York Stock Exchange.",
			[]string{"ORG Microsoft Corp.", "ORG New York Stock Exchange"}},
	}
	for _, tt := range tests {
		ents, err := m.Entities(context.Background(), "", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range ents {
			got = append(got, e.Type+" "+e.Text)
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("span %d-%d is %q, text %q", e.Start, e.End, tt.text[e.Start:e.End], e.Text)
			}
		}
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q: missing %q; got %q", tt.text, w, got)
			}
		}
	}
}

func TestAnalyze(t *testing.T) {
	a := &storyline.Article{
		ID:    "a1",
		Title: "Russia, US hold talks in Geneva",
		Text:  "GENEVA (AFP) - Deputy Secretary of State Wendy Sherman met Deputy Foreign Minister Sergei Ryabkov on Thursday.\n\nSherman said the talks were useful.",
	}
	if err := Analyzer().Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range a.Entities {
		if a.Text[m.Start:m.End] != m.Text || m.Name != m.Text || m.Entity != "" {
			t.Errorf("bad mention %+v", m)
		}
		got[m.Text] = m.Type
	}
	for text, typ := range map[string]string{"GENEVA": storyline.Place, "Wendy Sherman": storyline.Person,
		"Sergei Ryabkov": storyline.Person, "Sherman": storyline.Person} {
		if got[text] != typ {
			t.Errorf("%q: type %q, want %q (all: %v)", text, got[text], typ, got)
		}
	}
}

// TestDocumentConsistency: one name, one type across an article, and the
// type is the one the telling mentions give ("Brenvik Holding ASA",
// "Tamsin Corp"), even when they come after the others.
func TestDocumentConsistency(t *testing.T) {
	m := mustDefault(t)
	tests := []struct {
		text, name, typ string
	}{
		{"Brenvik said on Monday it would cut 400 jobs. The Brenvik board met in Trondheim. Brenvik Holding ASA shares fell 3 percent.",
			"Brenvik", "ORG"},
		{"Tamsin said on Monday it would cut 400 jobs. Tamsin shares fell 3 percent after Tamsin Corp posted a loss.",
			"Tamsin", "ORG"},
		{"Sandvold scored twice as Rosenborg beat Molde 3-1. Sandvold , 24 , joined the club in May. Coach Nils Arne Eggen said Sandvold had been outstanding.",
			"Sandvold", "PER"},
	}
	for _, tt := range tests {
		ents, err := m.Entities(context.Background(), "", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		mentions := 0
		for _, e := range ents {
			if !strings.HasPrefix(e.Text, tt.name) {
				continue
			}
			mentions++
			if e.Type != tt.typ {
				t.Errorf("%q: %q is %s, want %s", tt.text, e.Text, e.Type, tt.typ)
			}
		}
		if want := strings.Count(tt.text, tt.name); mentions != want {
			t.Errorf("%q: %d mentions of %s found, want %d", tt.text, mentions, tt.name, want)
		}
	}
}

func TestAnalyzeRobust(t *testing.T) {
	long := strings.Repeat("Geneva talks between Wendy Sherman and Russia go on ", 20000) // 1 MB, no sentence end
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"spaces", " \n\n\t "},
		{"invalid utf8", "Talks in \xff\xfeGeneva\xc3 with Wendy Sherman \xe2\x80."},
		{"nul bytes", "Geneva\x00Sherman \x00 Moscow"},
		{"punctuation only", strings.Repeat(".,;!? ", 1000)},
		{"one long sentence", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &storyline.Article{Title: "\xff Title", Text: tt.text}
			if err := Analyzer().Analyze(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			prev := 0
			for _, m := range a.Entities {
				if m.Start < prev || m.End <= m.Start || m.End > len(tt.text) || tt.text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
				prev = m.End
			}
		})
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := &storyline.Article{Text: "Wendy Sherman met Sergei Ryabkov in Geneva."}
	if err := Analyzer().Analyze(ctx, a); err == nil {
		t.Error("want an error from a cancelled context")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\nBritish JJ B-NP I-MISC\n\nPeter B-PER\nBlackburn I-PER\n"
	sents, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 || !sents[0].DocStart {
		t.Fatalf("got %+v", sents)
	}
	if got := strings.Join(sents[1].Tags, " "); got != "B-ORG O B-MISC I-MISC" {
		t.Errorf("IOB1→IOB2: got %q", got)
	}
	if got := strings.Join(sents[2].Tokens, " "); got != "Peter Blackburn" {
		t.Errorf("tokens: %q", got)
	}
}

func TestEvaluate(t *testing.T) {
	gold := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}}
	pred := [][]string{{"B-PER", "I-PER", "O", "B-ORG"}, {"I-ORG", "O"}}
	s := Evaluate(gold, pred)
	// Right: PER, ORG (a stray I- starts an entity); wrong: LOC→ORG.
	if s[0].Gold != 3 || s[0].Predicted != 3 || s[0].Right != 2 {
		t.Fatalf("overall %+v", s[0])
	}
	if s[0].F1 < 0.666 || s[0].F1 > 0.667 {
		t.Errorf("F1 %v", s[0].F1)
	}
}

// TestTrainRoundTrip trains a tiny model and checks that saving and loading
// keeps its predictions.
func TestTrainRoundTrip(t *testing.T) {
	all := readSharedCoNLL(t, "train")
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.Clusters, cfg.Ensemble = 2, 64, 1
	var buf bytes.Buffer
	m, err := Train(context.Background(), all[:1500], nil, cfg, &buf)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Prune = 0
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	test := all[1500:1700]
	s1, s2 := m.EvalCoNLL(test)[0], m2.EvalCoNLL(test)[0]
	if s1.F1 < 0.3 || s1.F1-s2.F1 > 0.02 || s2.F1-s1.F1 > 0.02 {
		t.Errorf("trained F1 %.3f, reloaded %.3f", s1.F1, s2.F1)
	}
}

func TestLoadCorrupt(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), embeddedModel[:len(embeddedModel)/2]} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%d bytes): want an error", len(in))
		}
	}
}

// TestEvalDev is the acceptance figure: entity F1 on CoNLL-2003 dev.
func TestEvalDev(t *testing.T) {
	dev := readSharedCoNLL(t, "dev")
	scores := mustDefault(t).EvalCoNLL(dev)
	for _, s := range scores {
		t.Logf("%-8s P %.4f R %.4f F1 %.4f", s.Type, s.Precision, s.Recall, s.F1)
	}
	if scores[0].F1 < 0.93 {
		t.Errorf("dev F1 %.4f < 0.93", scores[0].F1)
	}
}

func BenchmarkTag(b *testing.B) {
	dev := readSharedCoNLL(b, "dev")
	dev = dev[:1000]
	n := 0
	for _, s := range dev {
		n += len(s.Tokens)
	}
	m := mustDefault(b)
	cpu0 := cpuTime()
	for b.Loop() {
		m.TagCoNLL(dev)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared machine wall time understates speed; CPU time does not.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// cpuTime is the process' user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkAnalyze(b *testing.B) {
	a := &storyline.Article{Text: shareddata.SeedArticles(b)}
	m := mustDefault(b)
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if err := m.Analyze(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(newstext.Tokens(a.Text))*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embeddedModel)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConcurrentAnalyze(t *testing.T) {
	m := mustDefault(t)
	done := make(chan error, 4)
	for range 4 {
		go func() {
			a := &storyline.Article{Text: "Wendy Sherman met Sergei Ryabkov in Geneva on Thursday."}
			done <- m.Analyze(context.Background(), a)
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A tagger reuses the memory of one document for the next (docScratch):
// what it finds in a text must not depend on what it tagged before, in
// what order, on how many goroutines, nor on a long text passing through
// in between.
func TestEntitiesIndependentOfEarlierDocuments(t *testing.T) {
	m := mustDefault(t)
	long := strings.Repeat("Officials of the Harbour Authority met in Port Ellis on Monday and the talks went on ", 60) + "."
	docs := []struct{ title, text string }{
		{"Talks in Geneva", "Wendy Sherman met Sergei Ryabkov in Geneva on Thursday. Sherman said the talks were useful."},
		{"", "BRENNICK (Meridian Wire) - Mr. Holt of the Water Ministry said prices rose. Holt left for Tarsen."},
		{"MINISTERS GATHER IN BERGEN", "Anna Varga, the Finance Minister, spoke. \"We came to listen,\" Varga said."},
		{"", long},
		{"", "Varga"},
		{"", ""},
	}
	tag := func(i int) []Entity {
		ents, err := m.Entities(context.Background(), docs[i].title, docs[i].text)
		if err != nil {
			t.Fatal(err)
		}
		return ents
	}
	want := make([][]Entity, len(docs))
	for i := range docs {
		want[i] = tag(i)
	}
	if len(want[0]) < 3 || len(want[3]) < 60 {
		t.Fatalf("too few entities to compare: %d and %d", len(want[0]), len(want[3]))
	}
	check := func(how string, i int, got []Entity) {
		t.Helper()
		if !slices.Equal(got, want[i]) {
			t.Errorf("%s, document %d: %v, want %v", how, i, got, want[i])
		}
	}
	for i := len(docs) - 1; i >= 0; i-- {
		check("reverse order", i, tag(i))
	}
	for _, i := range []int{3, 0, 3, 1, 4, 2, 5, 0} {
		check("after a long text", i, tag(i))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(docs) {
				i := (g + k) % len(docs)
				ents, err := m.Entities(context.Background(), docs[i].title, docs[i].text)
				if err != nil {
					t.Error(err)
					return
				}
				check("concurrently", i, ents)
			}
		})
	}
	wg.Wait()
}
