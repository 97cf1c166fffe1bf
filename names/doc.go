// Package names finds the names of people, organisations and places in
// articles written in a language the entity model (package ner, trained on
// English CoNLL-2003) was not trained on, so that no stage runs an
// English analysis on another language (issue 17).
//
// For French, German, Spanish and Russian, Find reads capitalised runs of
// words and keeps those that the language's word lists
// (newstext.NameLists) and named rules say are names: function words,
// months, weekdays and titles are never names; German, which capitalises
// every noun, needs further evidence (a title before it, several
// capitalised words together, a lexicon that knows the name, the surname
// of a person the text names in full). Types come from titles, the
// resolver's lexicons (entity.KnownType: Genf, Женева and OTAN are known),
// legal forms and institutions' head words, and acronyms. Russian names
// are inflected: a mention's Name is its guessed base form (Рябкова →
// Рябков, Женеве → Женева), and so is its Text, which resolution reads;
// its span is what the article wrote.
//
// For languages with no word lists, Find keeps only what does not depend
// on the language: acronyms and names the lexicons know.
//
// Analyzer runs the English model on English (and on text too short to
// tell) and Find on the rest.
package names
