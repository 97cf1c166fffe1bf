package ner

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/newstext"
)

// maxSentence bounds the tokens tagged as one sentence, so that text without
// punctuation (a 10 MB line) costs linear time and bounded memory.
const maxSentence = 250

// Entity is one tagged entity in a text: byte span, surface and type
// ("PER", "ORG", "LOC", "MISC").
type Entity struct {
	Start, End int
	Type       string
	Text       string
}

// honorific reports a courtesy title before a name ("Mr.", "Mme", "M."):
// newstext's honorifics, with or without their period, and the French
// "M.", which without its period is no word of its own.
func honorific(w string) bool {
	lw := strings.ToLower(w)
	return lw == "m." || newstext.English().Honorific(strings.TrimSuffix(lw, "."))
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// honorificNames tags capitalised words after an honorific ("Mr. Ryabkov")
// as a person when the model left them out.
func honorificNames(text string, sent []newstext.Span, names []string) {
	for i := 0; i+1 < len(sent); i++ {
		if names[i+1] != "O" || !honorific(text[sent[i].Start:sent[i].End]) {
			continue
		}
		tag := "B-PER"
		for j := i + 1; j < len(sent) && names[j] == "O"; j++ {
			w := text[sent[j].Start:sent[j].End]
			if !startsUpper(w) || !isLetters(w) {
				break
			}
			names[j] = tag
			tag = "I-PER"
		}
	}
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// Mention types of the batch contract, by CoNLL type.
var mentionType = map[string]string{
	"PER":  storyline.Person,
	"ORG":  storyline.Org,
	"LOC":  storyline.Place,
	"MISC": storyline.Other,
}

// Entities tags raw text and returns its entities in text order. title, when
// not empty, is tagged first as a sentence of its own: it is not part of
// text, so it yields no entity, but it primes the document memory (a
// headline's names help tag the body). The context is checked between
// sentences.
func (m *Tagger) Entities(ctx context.Context, title, text string) ([]Entity, error) {
	s := m.getScratch()
	defer m.putScratch(s)
	// Sentences (cut at maxSentence tokens) of the title, then of the text.
	parts := s.parts[:0]
	toks := s.toks[:0]
	split := func(src string) {
		from := len(toks)
		toks = newstext.English().AppendTokens(toks, src)
		own := toks[from:len(toks):len(toks)]
		for _, st := range newstext.SentenceTokens(src, own) {
			for a := st.Start; a < st.End; a += maxSentence {
				parts = append(parts, part{src, own[a:min(a+maxSentence, st.End)]})
			}
		}
	}
	nTitle := 0
	if title = strings.TrimSpace(title); title != "" {
		split(title)
		nTitle = len(parts)
	}
	split(text)
	s.parts, s.toks = parts, toks
	s.infosOf = s.infosOf[:0]
	n := 0
	for _, p := range parts {
		n += len(p.toks)
	}
	if cap(s.infos) < n {
		s.infos = make([]tokInfo, n)
	}
	s.infos = s.infos[:n]
	at := 0
	for i, p := range parts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("ner: %w", err)
			}
		}
		row := s.infos[at : at+len(p.toks) : at+len(p.toks)]
		at += len(p.toks)
		for j, sp := range p.toks {
			row[j] = makeInfo(p.src[sp.Start:sp.End], m.lex)
		}
		s.infosOf = append(s.infosOf, row)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	tags, err := m.tagInfosWith(ctx, s.infosOf, s)
	if err != nil {
		return nil, err
	}
	var out []Entity
	for k := nTitle; k < len(parts); k++ {
		sent := parts[k].toks
		names := s.names[:0]
		for _, t := range tags[k] {
			names = append(names, tagNames[t])
		}
		s.names = names
		honorificNames(text, sent, names)
		for _, c := range chunks(names) {
			// Reuters writes no honorifics, so the model has not learnt
			// them: "Mrs Sherman" is a person named Sherman.
			if c.end-c.start > 1 && honorific(text[sent[c.start].Start:sent[c.start].End]) {
				c.start++
				c.typ = "PER"
			} else if c.start > 0 && c.typ != "PER" && honorific(text[sent[c.start-1].Start:sent[c.start-1].End]) {
				c.typ = "PER"
			}
			st, en := sent[c.start].Start, sent[c.end-1].End
			out = append(out, Entity{Start: st, End: en, Type: c.typ, Text: text[st:en]})
		}
	}
	return out, nil
}

// Analyzer returns the per-article entity tagging stage, using the
// embedded model. It sets a.Entities (unresolved mentions: Entity is "",
// Name is the surface form).
func Analyzer() storyline.Analyzer {
	return storyline.AnalyzerFunc(func(ctx context.Context, a *storyline.Article) error {
		m, err := Default()
		if err != nil {
			return err
		}
		return m.Analyze(ctx, a)
	})
}

// Analyze tags a.Text (with a.Title as a priming sentence) and sets
// a.Entities; offsets are byte offsets into a.Text.
func (m *Tagger) Analyze(ctx context.Context, a *storyline.Article) error {
	ents, err := m.Entities(ctx, a.Title, a.Text)
	if err != nil {
		return fmt.Errorf("ner: article %s: %w", a.ID, err)
	}
	ms := make([]storyline.Mention, 0, len(ents))
	for _, e := range ents {
		ms = append(ms, storyline.Mention{
			Name:  e.Text,
			Type:  mentionType[e.Type],
			Text:  e.Text,
			Start: e.Start,
			End:   e.End,
		})
	}
	a.Entities = ms
	return nil
}
