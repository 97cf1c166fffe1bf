package main

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/ner"
)

// trainCommands holds the subcommands of "storyline train".

// nerCommands adds this file's commands to the table.
func nerCommands(t *commandTable) {
	t.add(&command{
		name:    "train",
		summary: "train a model from labelled data (train ner)",
		run: func(ctx context.Context, e *env, args []string) int {
			return subcommands(ctx, e, "train", t.train, args)
		},
	})
	t.train["ner"] = &command{name: "train ner", summary: "train the entity tagger on CoNLL-2003", run: runTrainNER}
	t.tag["ner"] = &command{name: "tag ner", summary: "tag entities: tag --conll FILE", run: runTagNER}
	t.eval["ner"] = &command{name: "eval ner", summary: "entity tagger precision/recall/F1 on a CoNLL file", run: runEvalNER}
}

func runTrainNER(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "train ner", "[--train FILE] [--dev FILE] [--out FILE] [--cv K]",
		"Train the entity tagger (averaged perceptron) and write the gzip model file;\n"+
			"the defaults rebuild the model embedded in the ner package. With --cv K,\n"+
			"write no model: train K models, each without one of K contiguous folds of\n"+
			"the training documents, and print the scores on the held-out folds.")
	def := ner.DefaultTrainConfig()
	train := fs.String("train", "../shared/data/conll2003/train.conll", "training data (CoNLL)")
	dev := fs.String("dev", "", "development data to report F1 on while training (CoNLL)")
	out := fs.String("out", "ner/model.gz", "model file to write")
	epochs := fs.Int("epochs", def.Epochs, "passes over the training data")
	prune := fs.Float64("prune", def.Prune, "drop feature rows whose weights are all below this")
	clusters := fs.Int("clusters", def.Clusters, "number of word clusters (0: none)")
	beam := fs.Int("beam", def.Beam, "beam width for training and decoding (0: greedy)")
	ensemble := fs.Int("ensemble", def.Ensemble, "models trained with different shuffles, weights averaged")
	titleCase := fs.Float64("title-case", def.TitleCase, "fraction of training sentences added again in title case")
	seed := fs.Uint64("seed", def.Seed, "shuffling seed")
	hide := fs.Float64("hide", def.Hide, "probability that a word of one gazetteer fold loses its word features in training")
	cv := fs.Int("cv", 0, "cross-validate over this many folds of training documents instead of writing a model")
	unlabelled := fs.String("unlabelled", def.UnlabelledFiles, "comma-separated extra raw text files/globs for the word clusters")
	if _, done, status := parseArgs(e, fs, args); done {
		return status
	}
	tr, err := ner.ReadCoNLLFile(*train)
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	var dv []ner.Sentence
	if *dev != "" {
		if dv, err = ner.ReadCoNLLFile(*dev); err != nil {
			fmt.Fprintln(e.stderr, "storyline train ner:", err)
			return exitFailed
		}
	}
	cfg := def
	cfg.Epochs, cfg.Prune, cfg.Clusters = *epochs, *prune, *clusters
	cfg.Beam, cfg.Ensemble, cfg.TitleCase, cfg.Seed, cfg.Hide = *beam, *ensemble, *titleCase, *seed, *hide
	cfg.Log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if cfg.Unlabelled, err = ner.ReadUnlabelled(*unlabelled); err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	if *cv > 0 {
		res, err := ner.CrossValidate(ctx, tr, *cv, cfg)
		if err != nil {
			fmt.Fprintln(e.stderr, "storyline train ner:", err)
			return exitFailed
		}
		for f, sc := range res.Folds {
			fmt.Fprintf(e.stdout, "fold %d: %d documents, F1 %.4f, unseen F1 %.4f\n", f, res.Docs[f], sc[0].F1, sc[len(sc)-1].F1)
		}
		fmt.Fprintf(e.stdout, "\nheld-out folds pooled (%d-fold cross-validation):\n", *cv)
		printScores(e, res.Pooled)
		return exitOK
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	f, err := os.CreateTemp(filepath.Dir(*out), filepath.Base(*out)+".*.tmp")
	if err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	tmp := f.Name()
	if _, err := ner.Train(ctx, tr, dv, cfg, f); err != nil {
		f.Close()
		os.Remove(tmp)
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	if err := os.Rename(tmp, *out); err != nil {
		fmt.Fprintln(e.stderr, "storyline train ner:", err)
		return exitFailed
	}
	fmt.Fprintln(e.stdout, "wrote", *out)
	return exitOK
}

// loadTagger returns the embedded tagger, or the one in file when set.
func loadTagger(file string) (*ner.Tagger, error) {
	if file == "" {
		return ner.Default()
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	defer f.Close()
	return ner.Load(bufio.NewReader(f))
}

// conllCommand parses the flags shared by "tag --conll" and "eval ner",
// reads the CoNLL file and loads the tagger. ok is false when the command
// should stop with status.
func conllCommand(e *env, name, summary, fileHelp string, args []string) (sents []ner.Sentence, tg *ner.Tagger, status int, ok bool) {
	fs := newFlags(e, name, "--conll FILE [--model FILE]", summary)
	conll := fs.String("conll", "", fileHelp)
	model := fs.String("model", "", "model file (default: the embedded model)")
	pos, done, status := parseArgs(e, fs, args)
	if done {
		return nil, nil, status, false
	}
	if *conll == "" && len(pos) == 1 {
		*conll = pos[0]
	}
	if *conll == "" {
		fmt.Fprintf(e.stderr, "storyline %s: --conll FILE is required\n", name)
		return nil, nil, exitFailed, false
	}
	sents, err := ner.ReadCoNLLFile(*conll)
	if err == nil {
		tg, err = loadTagger(*model)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "storyline %s: %v\n", name, err)
		return nil, nil, exitFailed, false
	}
	return sents, tg, exitOK, true
}

func runTagNER(ctx context.Context, e *env, args []string) int {
	sents, tg, status, ok := conllCommand(e, "tag --conll",
		"Tag the tokens of a CoNLL file (first column) with entities and print one\n"+
			"'token TAG' line per token (IOB2, types PER ORG LOC MISC), a blank line\n"+
			"between sentences. -DOCSTART- lines are echoed as '-DOCSTART- O' followed by\n"+
			"a blank line, and start a new document for the tagger's document memory.",
		"CoNLL file to tag", args)
	if !ok {
		return status
	}
	tags := tg.TagCoNLL(sents)
	w := bufio.NewWriter(e.stdout)
	for i, s := range sents {
		if s.DocStart {
			fmt.Fprint(w, "-DOCSTART- O\n\n")
			continue
		}
		for j, t := range s.Tokens {
			fmt.Fprintf(w, "%s %s\n", t, tags[i][j])
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(e.stderr, "storyline tag:", err)
		return exitFailed
	}
	return exitOK
}

func runEvalNER(ctx context.Context, e *env, args []string) int {
	sents, tg, status, ok := conllCommand(e, "eval ner",
		"Tag a labelled CoNLL file and print precision, recall and F1 (exact span and\n"+
			"type, conlleval semantics), overall and per entity type.",
		"labelled CoNLL file (last column: gold tag)", args)
	if !ok {
		return status
	}
	printScores(e, tg.EvalCoNLL(sents))
	return exitOK
}

// printScores prints the rows of ner.Tagger.EvalCoNLL; the last one,
// "unseen", after a blank line (it overlaps the others).
func printScores(e *env, scores []ner.Score) {
	fmt.Fprintf(e.stdout, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "f1", "gold", "pred", "right")
	for i, s := range scores {
		if i > 0 && i == len(scores)-1 && s.Type == "unseen" {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%-8s %9.4f %9.4f %9.4f %7d %7d %7d\n", s.Type, s.Precision, s.Recall, s.F1, s.Gold, s.Predicted, s.Right)
	}
}
