package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/newstext"
)

// TrainConfig sets how a model is trained.
type TrainConfig struct {
	Epochs int     // passes over the training data
	Prune  float64 // weights rows whose every |w| is below this are dropped
	Seed   uint64  // shuffling seed
	Folds  int     // gazetteer jackknife folds
	// Unlabelled is extra raw text (token sequences) for the word clusters;
	// the training sentences are always used.
	Unlabelled [][]string
	Clusters   int // number of word clusters; 0 disables them
	// Ensemble is the number of models trained with different shuffles
	// (in parallel) whose weights are averaged; 0 or 1 trains one.
	Ensemble int
	// MaxViolation updates at the step of largest violation instead of at
	// the first one where the gold prefix leaves the beam.
	MaxViolation bool
	// TitleCase is the fraction of short training sentences (at most
	// titleCaseMax tokens) added again in headline title case.
	TitleCase float64
	// Beam is the beam width for training (early-update perceptron); 0
	// trains greedily.
	Beam int
	// Hide is the probability that a training token whose word occurs in
	// no other gazetteer fold loses its word features.
	Hide float64
	// UnlabelledFiles is the default spec for ReadUnlabelled.
	UnlabelledFiles string
	Log             *slog.Logger
}

// DefaultTrainConfig is the configuration of the embedded model.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 12, Prune: 0.05, Seed: 1, Folds: 5, Clusters: 1024, Beam: 4, TitleCase: 0.3, Ensemble: 4, Hide: 1,
		UnlabelledFiles: "../shared/data/ecbplus-dev/articles.jsonl,../shared/data/article-extraction-dev/ground-truth.json," +
			"../shared/data/tempeval3/*/*.tml"}
}

// trainWeights is the averaged perceptron during training.
type trainWeights struct {
	idx    map[uint64]int32
	hashes []uint64
	w      []float32
	u      []float64 // Σ c·Δw, for averaging
	c      float64
}

func (tw *trainWeights) addScores(h uint64, scores *[nTags]float32) {
	r, ok := tw.idx[h]
	if !ok {
		return
	}
	w := tw.w[int(r)*nTags : int(r)*nTags+nTags]
	for t := range scores {
		scores[t] += w[t]
	}
}

func (tw *trainWeights) row(h uint64) int {
	r, ok := tw.idx[h]
	if !ok {
		r = int32(len(tw.hashes))
		tw.idx[h] = r
		tw.hashes = append(tw.hashes, h)
		for t := 0; t < nTags; t++ {
			tw.w = append(tw.w, 0)
			tw.u = append(tw.u, 0)
		}
	}
	return int(r)
}

func (tw *trainWeights) update(feats []uint64, gold, pred int) {
	for _, h := range feats {
		r := tw.row(h) * nTags
		tw.w[r+gold]++
		tw.u[r+gold] += tw.c
		tw.w[r+pred]--
		tw.u[r+pred] -= tw.c
	}
}

func (tw *trainWeights) averaged() []float32 {
	out := make([]float32, len(tw.w))
	for i := range tw.w {
		out[i] = tw.w[i] - float32(tw.u[i]/tw.c)
	}
	return out
}

type trainSent struct {
	infos  []tokInfo
	gold   []int
	static [][]uint64
}

// chunkSize is the number of title-case copies of sentences that are kept
// together (a pseudo-document for the document memory) when shuffling.
const chunkSize = 40

// Train trains a tagger on train; when dev is not nil its score is logged
// after every epoch. The model is written to out.
func Train(ctx context.Context, train, dev []Sentence, cfg TrainConfig, out io.Writer) (*Tagger, error) {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Folds < 2 {
		cfg.Folds = 2
	}
	// Sentences in document order; docOf[i] is the document of sentence i.
	var sents []Sentence
	var docOf []int
	var docSpans []newstext.Span
	for _, doc := range Documents(train) {
		start := len(sents)
		for _, s := range doc {
			if len(s.Tokens) > 0 && len(s.Tags) == len(s.Tokens) {
				sents = append(sents, s)
				docOf = append(docOf, len(docSpans))
			}
		}
		if len(sents) > start {
			docSpans = append(docSpans, newstext.Span{Start: start, End: len(sents)})
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner: train: no tagged sentences")
	}
	m := &Tagger{lex: map[string]lexEntry{}, Beam: cfg.Beam}
	text := make([][]string, 0, len(sents)+len(cfg.Unlabelled))
	for _, s := range sents {
		text = append(text, s.Tokens)
	}
	text = append(text, cfg.Unlabelled...)
	for w, c := range caseProfile(text) {
		m.lex[w] = lexEntry{cased: c}
	}
	if cfg.Clusters > 0 {
		start := time.Now()
		cl, err := bisectClusters(ctx, text, cfg.Clusters)
		if err != nil {
			return nil, err
		}
		for w, c := range cl {
			e := m.lex[w]
			e.clus = c
			m.lex[w] = e
		}
		log.Info("clusters", "words", len(cl), "took", time.Since(start))
	}
	// Gazetteers: the full one for the model, and one per fold of documents
	// built from the other folds, so that training features do not see their
	// own answers (nor those of the same report, which repeats its names).
	fold := func(sentIdx int) int { return docOf[sentIdx] % cfg.Folds }
	m.gaz = newGazetteer()
	foldGaz := make([]*gazetteer, cfg.Folds)
	for f := range foldGaz {
		foldGaz[f] = newGazetteer()
	}
	infos := make([][]tokInfo, len(sents))
	total := map[string][5]int32{}
	byFold := make([]map[string][5]int32, cfg.Folds)
	for f := range byFold {
		byFold[f] = map[string][5]int32{}
	}
	for i, s := range sents {
		infos[i] = make([]tokInfo, len(s.Tokens))
		for j, w := range s.Tokens {
			infos[i][j] = makeInfo(w, m.lex)
			typ := 0
			if ti := TagIndex(s.Tags[j]); ti > 0 {
				typ = tagType(ti)
			}
			l := infos[i][j].lower
			c := total[l]
			c[typ]++
			total[l] = c
			c = byFold[fold(i)][l]
			c[typ]++
			byFold[fold(i)][l] = c
		}
		for _, c := range chunks(s.Tags) {
			typ := 0
			for k, n := range typeNames {
				if n == c.typ {
					typ = k
				}
			}
			lw := make([]string, 0, c.end-c.start)
			for k := c.start; k < c.end; k++ {
				lw = append(lw, infos[i][k].lower)
			}
			m.gaz.add(lw, typ)
			for f := range foldGaz {
				if f != fold(i) {
					foldGaz[f].add(lw, typ)
				}
			}
		}
	}
	{
		// Word label codes: all the data for the model, the other folds for
		// each fold's training features.
		for w, c := range total {
			if code := labelCode(c); code != 0 {
				m.gaz.words[w] = code
			}
			for f := range foldGaz {
				o := byFold[f][w]
				for t := range c {
					o[t] = c[t] - o[t]
				}
				if code := labelCode(o); code != 0 {
					foldGaz[f].words[w] = code
				}
			}
		}
	}
	// Words of one fold only are hidden in some of their occurrences, so
	// that the model learns to tag names it has never met from their shape,
	// cluster and context, as it must on new text.
	hrng := rand.New(rand.NewPCG(cfg.Seed, 13))
	hideUnseen := func(i int, inf []tokInfo) {
		if cfg.Hide <= 0 {
			return
		}
		for j := range inf {
			l := inf[j].lower
			if total[l] == byFold[fold(i)][l] && hrng.Float64() < cfg.Hide {
				inf[j].hide = true
			}
		}
	}
	// Pooled contexts are those of the document (for a title-case copy, of
	// the document of its original).
	dcs := make([]*docContext, len(docSpans))
	for d, sp := range docSpans {
		dcs[d] = newDocContext(infos[sp.Start:sp.End])
	}
	data := make([]trainSent, 0, len(sents))
	mk := func(i int, toks []string, inf []tokInfo) {
		ts := trainSent{infos: inf, gold: make([]int, len(sents[i].Tags))}
		for j, t := range sents[i].Tags {
			ts.gold[j] = TagIndex(t)
		}
		fm := &Tagger{gaz: foldGaz[fold(i)], lex: m.lex}
		ts.static, _ = fm.staticAll(ts.infos, dcs[docOf[i]], nil, nil, nil)
		data = append(data, ts)
	}
	for i, s := range sents {
		hideUnseen(i, infos[i])
		mk(i, s.Tokens, infos[i])
	}
	// Title-case copies of some sentences, in chunks of their own (so the
	// document memory does not see a sentence twice): raw news has
	// title-case headlines, which the Reuters data lacks.
	if cfg.TitleCase > 0 {
		arng := rand.New(rand.NewPCG(cfg.Seed, 11))
		for i, s := range sents {
			if arng.Float64() >= cfg.TitleCase || analyzeSentence(infos[i]).capsSent || len(s.Tokens) > titleCaseMax {
				continue
			}
			tc := titleCase(s.Tokens)
			inf := make([]tokInfo, len(tc))
			for j, w := range tc {
				inf[j] = makeInfo(w, m.lex)
			}
			hideUnseen(i, inf)
			mk(i, tc, inf)
		}
	}
	// The document memory is reset at each chunk: a document, or a group
	// of title-case copies.
	chunkSpans := docSpans
	for a := len(sents); a < len(data); a += chunkSize {
		chunkSpans = append(chunkSpans, newstext.Span{Start: a, End: min(a+chunkSize, len(data))})
	}
	members := max(1, cfg.Ensemble)
	results := make([]*trainWeights, members)
	errs := make([]error, members)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for e := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// Dev scores are logged for the first member only.
			var dv []Sentence
			if e == 0 {
				dv = dev
			}
			results[e], errs[e] = trainMember(ctx, data, chunkSpans, cfg, cfg.Seed+uint64(e), m, dv, log.With("member", e))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// The members' averaged weights are averaged again (union of features).
	idx := map[uint64]int{}
	var hashes []uint64
	var avg []float32
	for _, tw := range results {
		a := tw.averaged()
		for r, h := range tw.hashes {
			k, ok := idx[h]
			if !ok {
				k = len(hashes)
				idx[h] = k
				hashes = append(hashes, h)
				avg = append(avg, make([]float32, nTags)...)
			}
			for t := 0; t < nTags; t++ {
				avg[k*nTags+t] += a[r*nTags+t] / float32(members)
			}
		}
	}
	if members > 1 && dev != nil {
		em := &Tagger{gaz: m.gaz, lex: m.lex, w: avg, Beam: cfg.Beam}
		em.buildTable(hashes)
		log.Info("ensemble", "members", members, "dev_f1", em.EvalCoNLL(dev)[0].F1)
	}
	kept, err := m.save(out, hashes, avg, float32(cfg.Prune))
	if err != nil {
		return nil, err
	}
	log.Info("saved", "rows", kept, "of", len(hashes))
	m.w = avg
	m.buildTable(hashes)
	return m, nil
}

// trainMember runs the perceptron epochs with one shuffling seed.
func trainMember(ctx context.Context, data []trainSent, chunkSpans []newstext.Span, cfg TrainConfig, seed uint64,
	m *Tagger, dev []Sentence, log *slog.Logger) (*trainWeights, error) {
	tw := &trainWeights{idx: map[uint64]int32{}, c: 1}
	rng := rand.New(rand.NewPCG(seed, 7))
	order := make([]int, len(chunkSpans))
	for i := range order {
		order[i] = i
	}
	mem := newDocMemory()
	var st decodeState
	var pred, hist []int
	var bs beamState
	for ep := 1; ep <= cfg.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: train: %w", err)
		}
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, c := range order {
			mem.reset()
			for i := chunkSpans[c].Start; i < chunkSpans[c].End; i++ {
				d := &data[i]
				hist = mem.hists(d.infos, hist[:0])
				if cfg.Beam > 0 && cfg.MaxViolation {
					pred = beamTrainMaxViolation(tw, d.infos, d.static, hist, &bs, cfg.Beam, d.gold, pred)
				} else if cfg.Beam > 0 {
					pred = beamTrain(tw, d.infos, d.static, hist, &bs, cfg.Beam, d.gold, pred)
				} else {
					pred = tagSentence(tw, d.infos, d.static, hist, &st, pred, d.gold, tw.update)
				}
				mem.record(d.infos, pred)
				for j := range pred {
					if pred[j] != d.gold[j] {
						errs++
					}
				}
				total += len(pred)
				tw.c++
			}
		}
		attrs := []any{"epoch", ep, "token_acc", 1 - float64(errs)/float64(total), "features", len(tw.hashes), "took", time.Since(start)}
		if dev != nil && (ep == cfg.Epochs || ep%3 == 0) {
			em := &Tagger{gaz: m.gaz, lex: m.lex, w: tw.averaged(), Beam: cfg.Beam}
			em.buildTable(tw.hashes)
			attrs = append(attrs, "dev_f1", em.EvalCoNLL(dev)[0].F1)
		}
		log.Info("train", attrs...)
	}
	return tw, nil
}

// titleCaseMax is the length of the longest sentence copied in title case:
// headlines are short.
const titleCaseMax = 15

// titleCase capitalises words as headlines do ("Talks Resume in Geneva").
func titleCase(toks []string) []string {
	out := make([]string, len(toks))
	for i, w := range toks {
		out[i] = w
		if i > 0 && smallWords[strings.ToLower(w)] {
			continue
		}
		r, sz := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			out[i] = string(unicode.ToUpper(r)) + w[sz:]
		}
	}
	return out
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true,
	"from": true, "as": true, "'s": true, "n't": true, "vs": true}
