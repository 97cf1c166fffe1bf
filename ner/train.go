package ner

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"time"
)

// TrainConfig sets how a model is trained.
type TrainConfig struct {
	Epochs int     // passes over the training data
	Prune  float32 // weights rows whose every |w| is below this are dropped
	Seed   uint64  // shuffling seed
	Folds  int     // gazetteer jackknife folds
	// Unlabelled is extra raw text (token sequences) for the word clusters;
	// the training sentences are always used.
	Unlabelled [][]string
	Clusters   int // number of word clusters; 0 disables them
	// Dropout is the probability that a static feature is hidden from one
	// training step, so that the model does not rely on word identity alone.
	Dropout float64
	// Beam is the beam width for training (early-update perceptron); 0
	// trains greedily.
	Beam int
	// UnlabelledFiles is the default spec for ReadUnlabelled.
	UnlabelledFiles string
	Log        *slog.Logger
}

// DefaultTrainConfig is the configuration of the embedded model.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 12, Prune: 0.05, Seed: 1, Folds: 5, Clusters: 1024, Beam: 4,
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

// chunkSize is the number of consecutive sentences that are kept together
// (a pseudo-document for the document memory) when shuffling.
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
	var sents []Sentence
	for _, s := range train {
		if !s.DocStart && len(s.Tokens) > 0 && len(s.Tags) == len(s.Tokens) {
			sents = append(sents, s)
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
		cl, err := learnClusters(ctx, text, cfg.Clusters)
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
	// Gazetteers: the full one for the model, and one per fold built from the
	// other folds, so that training features do not see their own answers.
	nChunks := (len(sents) + chunkSize - 1) / chunkSize
	fold := func(sentIdx int) int { return (sentIdx / chunkSize) % cfg.Folds }
	m.gaz = newGazetteer()
	foldGaz := make([]*gazetteer, cfg.Folds)
	for f := range foldGaz {
		foldGaz[f] = newGazetteer()
	}
	infos := make([][]tokInfo, len(sents))
	for i, s := range sents {
		infos[i] = make([]tokInfo, len(s.Tokens))
		for j, w := range s.Tokens {
			infos[i][j] = makeInfo(w, m.lex)
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
	data := make([]trainSent, len(sents))
	for i, s := range sents {
		ts := trainSent{infos: infos[i], gold: make([]int, len(s.Tags))}
		for j, t := range s.Tags {
			ts.gold[j] = TagIndex(t)
		}
		fm := &Tagger{gaz: foldGaz[fold(i)], lex: m.lex}
		ts.static, _ = fm.staticAll(ts.infos, nil, nil)
		data[i] = ts
	}
	tw := &trainWeights{idx: map[uint64]int32{}, c: 1}
	rng := rand.New(rand.NewPCG(cfg.Seed, 7))
	order := make([]int, nChunks)
	for i := range order {
		order[i] = i
	}
	mem := newDocMemory()
	var st decodeState
	var pred []int
	var bs beamState
	var dropBuf [][]uint64
	var dropFeats []uint64
	for ep := 1; ep <= cfg.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: train: %w", err)
		}
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, c := range order {
			mem.reset()
			for i := c * chunkSize; i < (c+1)*chunkSize && i < len(data); i++ {
				d := &data[i]
				static := d.static
				if cfg.Dropout > 0 {
					static = dropBuf[:0]
					dropFeats = dropFeats[:0]
					for _, fs := range d.static {
						start := len(dropFeats)
						for _, h := range fs {
							if rng.Float64() >= cfg.Dropout {
								dropFeats = append(dropFeats, h)
							}
						}
						static = append(static, dropFeats[start:len(dropFeats):len(dropFeats)])
					}
					dropBuf = static
				}
				if cfg.Beam > 0 {
					pred = beamTrain(tw, d.infos, static, mem, &bs, cfg.Beam, d.gold, pred)
				} else {
					pred = tagSentence(tw, d.infos, static, mem, &st, pred, d.gold, tw.update)
				}
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
			sc := em.EvalCoNLL(dev)
			attrs = append(attrs, "dev_f1", sc[0].F1)
		}
		log.Info("train", attrs...)
	}
	avg := tw.averaged()
	kept, err := m.save(out, tw.hashes, avg, cfg.Prune)
	if err != nil {
		return nil, err
	}
	log.Info("saved", "rows", kept, "of", len(tw.hashes))
	m.w = avg
	m.buildTable(tw.hashes)
	return m, nil
}

// learnClusters is replaced when clusters are implemented.
var learnClusters = func(ctx context.Context, text [][]string, k int) (map[string]string, error) {
	return nil, nil
}
