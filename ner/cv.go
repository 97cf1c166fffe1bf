package ner

import (
	"context"
	"fmt"
	"io"
	"log/slog"
)

// CrossValidation is the result of k-fold cross-validation over the
// documents of a training set.
type CrossValidation struct {
	// Pooled scores every held-out document with the model that did not
	// see it, counts summed over the folds: overall, per type, unseen (as
	// EvalCoNLL).
	Pooled []Score
	// Folds are the per-fold scores, in fold order.
	Folds [][]Score
	// Docs is the number of documents of each fold.
	Docs []int
}

// CrossValidate trains k models, each on all the documents of train but
// one fold's, and scores each on the fold it did not see. Folds are
// contiguous runs of documents, not interleaved ones: neighbouring Reuters
// reports share stories and names (a tournament's results, a crisis), so
// a fold of its own is closer to news from another week, which is what a
// tagger meets after training. Every model is trained with cfg from scratch
// (word clusters and gazetteers included, from its own training folds and
// cfg.Unlabelled).
func CrossValidate(ctx context.Context, train []Sentence, k int, cfg TrainConfig) (*CrossValidation, error) {
	docs := Documents(train)
	if k < 2 || k > len(docs) {
		return nil, fmt.Errorf("ner: cross-validation: %d folds of %d documents", k, len(docs))
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cv := &CrossValidation{}
	var gold, pred [][]string
	var unseen Score
	for f := range k {
		lo, hi := f*len(docs)/k, (f+1)*len(docs)/k
		held := withDocStarts(docs[lo:hi])
		rest := withDocStarts(docs[:lo])
		rest = append(rest, withDocStarts(docs[hi:])...)
		fc := cfg
		fc.Log = log.With("fold", f)
		m, err := Train(ctx, rest, nil, fc, io.Discard)
		if err != nil {
			return nil, fmt.Errorf("ner: cross-validation fold %d: %w", f, err)
		}
		p := m.TagCoNLL(held)
		var ft, fg, fp [][]string
		for i, s := range held {
			if !s.DocStart {
				ft, fg, fp = append(ft, s.Tokens), append(fg, s.Tags), append(fp, p[i])
			}
		}
		u := m.unseenScore(ft, fg, fp)
		scores := append(Evaluate(fg, fp), u)
		log.Info("cross-validation", "fold", f, "docs", hi-lo, "f1", scores[0].F1, "unseen_f1", u.F1)
		cv.Folds = append(cv.Folds, scores)
		cv.Docs = append(cv.Docs, hi-lo)
		gold, pred = append(gold, fg...), append(pred, fp...)
		unseen.Gold += u.Gold
		unseen.Predicted += u.Predicted
		unseen.Right += u.Right
	}
	unseen.Type = "unseen"
	unseen.compute()
	cv.Pooled = append(Evaluate(gold, pred), unseen)
	return cv, nil
}

// withDocStarts flattens documents, each behind a DocStart entry.
func withDocStarts(docs [][]Sentence) []Sentence {
	var out []Sentence
	for _, d := range docs {
		out = append(out, Sentence{DocStart: true})
		out = append(out, d...)
	}
	return out
}
