// Package ner finds named entities (persons, organisations, places, other
// names) in English news text.
//
// # Tokenisation
//
// Tokens and Sentences are our own rule-based tokenizer and sentence
// splitter, not a library. Both candidates were measured on news text
// (abbreviations "U.S.", "Mr.", "No. 2", "a.m.", quotes, datelines):
// github.com/neurosnap/sentences (Punkt) and github.com/jdkato/prose/v3 got
// the abbreviations right but neither splits at paragraph breaks (a
// headline, a byline and the first paragraph come out as one sentence),
// prose splits "Gen. Mark Milley" after "Gen.", and prose's tokens carry no
// byte offsets (they would have to be re-aligned to the text). Our tokenizer
// yields byte offsets directly, reproduces the CoNLL-2003 (Penn/Reuters)
// conventions the tagger was trained on ('s and n't split, "U.S." kept), and
// runs at tens of MB/s.
//
// # Tagger
//
// The tagger is an averaged perceptron over hashed sparse features, decoded
// greedily left to right with IOB2 constraints (I-X only after B-X/I-X).
// Features: word, lower case (digits folded to 0), shape, prefixes and
// suffixes up to 4, a ±2 word window and bigrams, shapes of the neighbours,
// capitalisation flags, sentence position, all-caps and title-case headline
// flags, gazetteer matches (entity strings of the training data; during
// training each fold sees a gazetteer built from the other folds only, so
// that the model does not learn to trust it blindly), word clusters learned
// from unlabelled text, the two previous tags, and a document memory: the
// type most often given so far in the document to the same capitalised word
// (so "Sherman" late in an article follows "Wendy Sherman" early on).
// Typographic quotes and dashes are mapped to the ASCII forms of the Reuters
// training text before features are computed, so raw text works.
//
// # Model
//
// model.gz is embedded and loaded once by Default. It is rebuilt, from the
// repository root and with ../shared present, by
//
//	storyline train ner --out ner/model.gz
//
// (defaults: --train ../shared/data/conll2003/train.conll, the unlabelled
// text of ../shared listed in DefaultTrainConfig, the epochs and pruning of
// DefaultTrainConfig; add --dev ../shared/data/conll2003/dev.conll to log
// the dev F1 while training). The file is gzip of a varint encoding: sorted
// feature hashes, int16-quantised sparse weight rows (rows whose weights are
// all small are pruned), the gazetteer and the word clusters.
//
// # CoNLL commands
//
// "storyline tag --conll FILE" prints "token TAG" per token, a blank line
// between sentences; -DOCSTART- lines are echoed as "-DOCSTART- O" plus a
// blank line and reset the document memory. "storyline eval ner --conll
// FILE" prints precision, recall and F1 over exact span-and-type matches
// (conlleval semantics), overall and per type.
package ner
