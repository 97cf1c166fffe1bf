package ner

import "github.com/storyline-news/storyline/newstext"

// docScratch is the working memory of tagging one document: its tokens,
// their features and scores, the beam, the document's context and memory.
// Taggers keep these between documents (Tagger.scratch): made afresh, they
// were a fifth of what an ingest allocated, and the collector's work grows
// with that.
type docScratch struct {
	contexts contextBuilder
	memory   docMemory
	decode   scratch

	// tagInfos: each sentence's rows are a stretch of these arrays.
	static  [][]uint64
	buf     []uint64
	offs    []int
	labs    []uint8
	gaz     [][]uint64
	hists   []int
	tags    []int
	bases   [][nTags]float32
	histOf  [][]int
	tagsOf  [][]int
	basesOf [][][nTags]float32
	h       []int

	// Entities.
	toks    []newstext.Span
	parts   []part
	infos   []tokInfo
	infosOf [][]tokInfo
	names   []string
}

// part is a sentence (cut at maxSentence tokens) of a title or a text.
type part struct {
	src  string
	toks []newstext.Span
}

// maxKeptTokens bounds the documents whose memory a tagger keeps for the
// next: one very long text should not hold its arrays for the rest of a
// run.
const maxKeptTokens = 1 << 15

func (m *Tagger) getScratch() *docScratch {
	if s, ok := m.scratch.Get().(*docScratch); ok {
		return s
	}
	return &docScratch{memory: docMemory{m: map[string]*memEntry{}}}
}

// putScratch keeps s for another document, without the text it read.
func (m *Tagger) putScratch(s *docScratch) {
	if len(s.infos) > maxKeptTokens || len(s.bases) > maxKeptTokens || len(s.buf) > maxKeptTokens*64 {
		return
	}
	clear(s.infos)
	clear(s.infosOf)
	clear(s.parts)
	clear(s.names)
	s.memory.reset()
	m.scratch.Put(s)
}

// stretches cuts n-token rows for each sentence of infos out of back
// (grown when short), as slices whose capacity ends where the next
// sentence's row starts.
func stretches[T any](back []T, of [][]T, infos [][]tokInfo) ([]T, [][]T) {
	n := 0
	for _, s := range infos {
		n += len(s)
	}
	if cap(back) < n {
		back = make([]T, n)
	}
	back = back[:n]
	of = of[:0]
	at := 0
	for _, s := range infos {
		of = append(of, back[at:at:at+len(s)])
		at += len(s)
	}
	return back, of
}
