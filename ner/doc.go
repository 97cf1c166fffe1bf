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
// splits sentences at over 10 MB/s (BenchmarkTokens).
//
// # Tagger
//
// The tagger is an averaged structured perceptron over hashed sparse
// features, decoded by beam search (width 4; items with the same last two
// tags are merged, so it is a pruned second-order Viterbi) under IOB2
// constraints (I-X only after B-X or I-X). It is trained with early updates
// (Collins & Roark 2004): when the gold prefix falls out of the beam, the
// gold prefix is promoted and the best beam item demoted. Four models
// trained on different shuffles (in parallel) have their weights averaged.
// Beam training was the largest gain: greedy per-token training reached dev
// F1 0.902, beam training 0.925.
//
// Features: word, lower case (digits folded to 0), shape, prefixes and
// suffixes up to 4, a ±2 word window and bigrams, shapes of the neighbours,
// capitalisation flags, sentence position, all-caps and title-case headline
// flags, gazetteer matches (entity strings of the training data), a word
// label profile for the token and its neighbours (the entity type a word is
// most often part of in the training data, and how often: "Washington"
// mostly LOC, "Sun" mostly outside any entity), word clusters learned
// from unlabelled text, the two previous tags, and a document memory: the
// type most often given so far in the document to the same capitalised word
// (so "Sherman" late in an article follows "Wendy Sherman" early on).
// Gazetteer and label profile are jackknifed: the training sentences of each
// of 5 folds see them built from the other folds only, so that the model
// learns how far to trust them on unseen text (the label profile alone was
// worth +0.5 F1 on dev).
// A capitalisation profile learned from unlabelled text says whether a word
// is usually capitalised mid-sentence ("Geneva") or not ("Meet"), which
// matters in headlines. Typographic quotes and dashes are mapped to the
// ASCII forms of the Reuters training text before features are computed, and
// 30% of the short (≤ 15 tokens) training sentences are added again in title
// case (the Reuters headlines are in capitals; raw news headlines are in
// title case): on short dev sentences rewritten in title case F1 goes from
// 0.75 to 0.91, for a loss of about 0.15 points on dev itself. British
// "-isation" spellings are folded into "-ization" ("Organisation for
// Security and Cooperation in Europe" in Reuters, "Organization" elsewhere).
//
// The word clusters are our own: each frequent word gets the bit string of
// its path in a binary tree built by principal-direction bisection plus
// spherical 2-means over PPMI vectors of its left and right neighbours
// (in the spirit of Brown clusters, at a fraction of the cost); the text is
// the CoNLL training tokens plus the unlabelled text of ../shared (ECB+,
// TimeBank/AQUAINT, the extraction bodies), never dev.
//
// # Model
//
// model.gz is embedded and loaded once by Default. It is rebuilt, from the
// repository root and with ../shared present, by
//
//	storyline train ner --out ner/model.gz
//
// (defaults: --train ../shared/data/conll2003/train.conll, the unlabelled
// text of ../shared listed in DefaultTrainConfig, and DefaultTrainConfig's
// settings: 12 epochs, beam 4, ensemble of 4, 1024 clusters, 30% title-case
// copies of short sentences, pruning 0.05; add --dev
// ../shared/data/conll2003/dev.conll to log the dev F1 while training). Training is deterministic and takes about a
// minute on two idle cores. The file is gzip of a varint encoding: sorted
// feature hashes, int16-quantised sparse weight rows (rows whose weights are
// all small are pruned), the gazetteer and word label profiles, the word
// clusters and capitalisation profiles.
//
// # Articles
//
// Analyzer (or Tagger.Analyze) tags an article's text and sets its
// Entities; the title is tagged first as a sentence of its own to prime the
// document memory, but mentions are only reported in the text (offsets are
// byte offsets into Article.Text). Sentences longer than 250 tokens are cut,
// so a 10 MB line costs linear time; invalid UTF-8 is tagged as it is.
// Reuters writes no honorifics, so after tagging, an honorific ("Mr.",
// "Mrs", "Dr.") is taken out of an entity and makes the capitalised words
// after it a person.
//
// # CoNLL commands
//
// "storyline tag --conll FILE" prints "token TAG" per token, a blank line
// between sentences; -DOCSTART- lines are echoed as "-DOCSTART- O" plus a
// blank line and reset the document memory. "storyline eval ner --conll
// FILE" prints precision, recall and F1 over exact span-and-type matches
// (conlleval semantics), overall and per type.
package ner
