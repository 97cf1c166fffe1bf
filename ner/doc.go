// Package ner finds named entities (persons, organisations, places, other
// names) in English news text.
//
// # Tokenisation
//
// The tagger reads the text as newstext's Tokens and SentenceTokens split
// it: our own rule-based tokenizer and sentence splitter, not a library,
// shared with every other stage. Both candidates were measured on news text
// (abbreviations "U.S.", "Mr.", "No. 2", "a.m.", quotes, datelines):
// github.com/neurosnap/sentences (Punkt) and github.com/jdkato/prose/v3 got
// the abbreviations right but neither splits at paragraph breaks (a
// headline, a byline and the first paragraph come out as one sentence),
// prose splits "Gen. Mark Milley" after "Gen.", and prose's tokens carry no
// byte offsets (they would have to be re-aligned to the text). newstext's
// tokens carry byte offsets, reproduce the CoNLL-2003 (Penn/Reuters)
// conventions the tagger was trained on ('s and n't split, "U.S." kept), and
// sentences split at over 10 MB/s (newstext's BenchmarkSentences).
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
// of 5 folds of documents see them built from the other folds only, so that
// the model learns how far to trust them on unseen text (the label profile
// alone was worth +0.5 F1 on dev).
//
// What generalises to names the training data never had (a third of dev's
// entities, more of any later news):
//   - Pooled contexts (pooling.go): every mention of a capitalised word
//     also sees the contexts of the document's other mentions of it (the
//     neighbouring words, the words around its run of capitalised words, and
//     the first and last words of that run), and whether the document also
//     writes the word in lower case. "Cofinec" in a headline learns that a
//     later mention reads "Cofinec S.A." and another "Cofinec 's shares".
//   - A second pass: after tagging a document, the sentences in which some
//     word's type among its other mentions (the whole document's first
//     pass, docProfile) differs from what the memory said are tagged again,
//     so a later telling mention also types the earlier ones (one name, one
//     type across a document).
//   - Hidden words: in training, words found in one jackknife fold only
//     lose their word-identity features (word, lower case, word windows and
//     bigrams that name them), so the model learns to tag a name it never
//     met from shape, affixes, clusters and context, as it must on new text;
//     it also makes the model a fifth smaller.
//
// Measured by 5-fold cross-validation over contiguous runs of CoNLL train
// documents (storyline train ner --cv 5; seed noise is about ±0.001):
// entity F1 0.9050 with the document memory alone, 0.9086 with pooled
// neighbours and run bounds, 0.9104 with the second pass, 0.9127 with the
// lower-case evidence, 0.9128 with hidden words and run ends (the last two
// leave the overall figure where it was and raise the unseen entities' F1
// from 0.792 to 0.798, means of two seeds). Tried and left out, for no gain
// in cross-validation: training the second pass itself (on profiles of the
// first pass, or of models that had not seen the document: stacking), a
// memory that says how unanimous it is, dropping the memory at random in
// training, pooled cluster ids, fewer epochs, members trained on subsets of
// the documents. An ensemble of 8 scored 0.9137 (unseen 0.7986), within
// seed noise of 4, for twice the training time and a 1.6 MB model. The CoNLL-2003 files here have no -DOCSTART- lines, so
// documents are found from the Reuters datelines ("BRUSSELS 1996-08-22",
// MarkDocuments); the tagger's memory and pooling stop at document bounds.
//
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
// copies of short sentences, hidden words 1, pruning 0.05; add --dev
// ../shared/data/conll2003/dev.conll to log the dev F1 while training).
// Training is deterministic and takes about 20 seconds on two idle cores;
// the file (1.4 MB) is reproduced byte for byte. "storyline train ner --cv
// 5" trains five models instead, each without one of five contiguous runs
// of the training documents, and prints their scores on the runs they did
// not see, pooled (about five times the training time). The file is gzip of
// a varint encoding: sorted feature hashes, int16-quantised sparse weight
// rows (rows whose weights are all small are pruned), the gazetteer and word
// label profiles, the word clusters and capitalisation profiles.
//
// # Articles
//
// Analyzer (or Tagger.Analyze) tags an article's text and sets its
// Entities; the article is one document: the title is tagged first as a
// sentence of its own, to prime the document memory and pool its contexts,
// but mentions are only reported in the text (offsets are byte offsets into
// Article.Text). Sentences longer than 250 tokens are cut, so a 10 MB line
// costs linear time; invalid UTF-8 is tagged as it is.
// Reuters writes no honorifics, so after tagging, an honorific ("Mr.",
// "Mrs", "Dr.") is taken out of an entity and makes the capitalised words
// after it a person.
//
// # CoNLL commands
//
// "storyline tag --conll FILE" prints "token TAG" per token, a blank line
// between sentences; -DOCSTART- lines are echoed as "-DOCSTART- O" plus a
// blank line and begin a new document (in a file without them, a Reuters
// dateline does). "storyline eval ner --conll FILE" prints precision,
// recall and F1 over exact span-and-type matches (conlleval semantics),
// overall and per type, and last the same for the "unseen" entities: those
// whose words never form an entity in the training data (with the embedded
// model, in CoNLL train), which say more about news the tagger has not seen.
package ner
