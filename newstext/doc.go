// Package newstext is the one reading of news text that every stage shares:
// how text splits into pieces, words, tokens and sentences, with byte
// offsets, and the words of a language that news prose is made of —
// months, weekdays, time zones, nationalities, titles, abbreviations,
// speech verbs — and the key that lets two spellings of a name meet.
//
// Three readings of the same text, from fine to coarse, all built on one
// Scanner (one definition of a letter, a space, a line break):
//
//   - Pieces: runs of letters, runs of digits, single other characters,
//     each with what separates it from the one before (nothing, a space, a
//     line break, a blank line). The time tagger's grammar reads pieces.
//   - Words: letters and digits with the apostrophes, hyphens and periods
//     inside them ("Russia’s", "al-Qaeda", "U.S."): what quote attribution
//     and event clustering read.
//   - Tokens and Sentences: the conventions of the CoNLL-2003 (Penn/
//     Reuters) text the entity tagger learnt from: "'s" and "n't" split
//     off, "Mr." and "U.S." kept whole; sentences end at a full stop that
//     is no abbreviation's, at a blank line, and at a line break unless the
//     text is wrapped at a fixed width.
//
// Tables are per language (Lexicon): English is complete. French, German,
// Spanish and Russian carry what their time expressions and quotations
// are read with (declined calendar words, relative days, units, speech
// verbs, quote marks, abbreviations, offices); Analysis picks the lexicon
// an article's language is analysed with, and says when there is none, so
// that no stage reads another language as English. Portuguese and Italian
// carry only their calendar words, which the cleaner reads page dates
// with. Time zones and dateline places do not depend on the language
// (ZoneOffset, PlaceZone).
//
// Tokens and Sentences were measured against libraries before they were
// written (see package ner's documentation): neither Punkt nor prose/v3
// splits at paragraph breaks, and their tokens carry no byte offsets.
package newstext
