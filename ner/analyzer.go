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
	// Sentences (cut at maxSentence tokens) of the title, then of the text.
	type part struct {
		src  string
		toks []newstext.Span
	}
	var parts []part
	split := func(src string) {
		toks := newstext.Tokens(src)
		for _, s := range newstext.SentenceTokens(src, toks) {
			for a := s.Start; a < s.End; a += maxSentence {
				parts = append(parts, part{src, toks[a:min(a+maxSentence, s.End)]})
			}
		}
	}
	nTitle := 0
	if title = strings.TrimSpace(title); title != "" {
		split(title)
		nTitle = len(parts)
	}
	split(text)
	infos := make([][]tokInfo, len(parts))
	for i, p := range parts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("ner: %w", err)
			}
		}
		infos[i] = make([]tokInfo, len(p.toks))
		for j, sp := range p.toks {
			infos[i][j] = makeInfo(p.src[sp.Start:sp.End], m.lex)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	tags, err := m.tagInfos(ctx, infos)
	if err != nil {
		return nil, err
	}
	var out []Entity
	for k := nTitle; k < len(parts); k++ {
		sent := parts[k].toks
		names := make([]string, len(tags[k]))
		for i, t := range tags[k] {
			names[i] = tagNames[t]
		}
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
