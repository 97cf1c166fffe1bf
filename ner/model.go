package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
	"sync"
)

// Tagger is a trained entity tagger: an averaged perceptron over hashed
// features, decoded by beam search (greedily when Beam is 0) under IOB2
// constraints, in two passes over each document (tagInfos). It is safe for
// concurrent use.
type Tagger struct {
	// Open-addressing hash table from feature hash to its weights.
	table []slot
	shift uint
	// w is the weight rows (rows × nTags) buildTable copies into the
	// table and drops.
	w []float32

	// Beam is the beam width of decoding; 0 decodes greedily.
	Beam int

	gaz *gazetteer
	lex map[string]lexEntry // word clusters and capitalisation profile

	// tagOnly holds the weights of the features made of tags alone,
	// which every beam item of every token reads; nil until buildTable.
	tagOnly *tagWeights

	// scratch keeps *docScratch between documents.
	scratch sync.Pool
}

// tagWeights are the weights of the features that name tags and the
// document memory's type but no word: a few hundred rows read again and
// again, kept in arrays so that decoding neither hashes nor probes for
// them (about a fifth of its lookups). A feature the model lacks weighs
// zero here, which adds what skipping it would.
type tagWeights struct {
	hist     [maxHist + 1][nTags]float32
	prev     [nTags][nTags]float32
	histPrev [maxHist + 1][nTags][nTags]float32
	pair     [nTags][nTags][nTags]float32
}

func (m *Tagger) fillTagWeights() {
	tw := &tagWeights{}
	for h := 1; h <= maxHist; h++ {
		m.addScores(histFeature(h), &tw.hist[h])
		for p := range nTags {
			m.addScores(histPrevFeature(h, p), &tw.histPrev[h][p])
		}
	}
	for p := range nTags {
		m.addScores(prevTagFeature(p), &tw.prev[p])
		for p2 := range nTags {
			m.addScores(pairFeature(p2, p), &tw.pair[p2][p])
		}
	}
	m.tagOnly = tw
}

// addRow adds a row of weights to scores, as addScores does for one
// feature.
func addRow(scores, w *[nTags]float32) {
	for t := range scores {
		scores[t] += w[t]
	}
}

// slot holds a feature's weights beside its key: a token's forty-odd
// lookups land all over a table larger than the CPU's caches, and a key
// with its weights in one place costs one miss instead of two (tagging
// 10–15% faster).
type slot struct {
	key uint64
	w   [nTags]float32
}

func (m *Tagger) addScores(h uint64, scores *[nTags]float32) {
	mask := uint64(len(m.table) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> m.shift; ; i = (i + 1) & mask {
		s := &m.table[i]
		if s.key == h {
			addRow(scores, &s.w)
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// buildTable fills the hash table for the given feature hashes (row i of
// m.w for hashes[i]).
func (m *Tagger) buildTable(hashes []uint64) {
	size := 1
	for size < len(hashes)*3/2 {
		size <<= 1
	}
	if size < 2 {
		size = 2
	}
	m.table = make([]slot, size)
	m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for r, h := range hashes {
		i := (h * 0x9E3779B97F4A7C15) >> m.shift
		for m.table[i].key != 0 {
			i = (i + 1) & uint64(size-1)
		}
		m.table[i] = slot{key: h, w: [nTags]float32(m.w[r*nTags : (r+1)*nTags])}
	}
	m.w = nil
	m.fillTagWeights()
}

// TagTokens tags the sentences of one document (each a slice of token
// strings) and returns IOB2 tags ("B-PER", "O"...). Sentences of the same
// document share a memory of the types already given to capitalised words.
func (m *Tagger) TagTokens(doc [][]string) [][]string {
	ids := m.tagDoc(doc)
	out := make([][]string, len(ids))
	for i, s := range ids {
		out[i] = make([]string, len(s))
		for j, t := range s {
			out[i][j] = tagNames[t]
		}
	}
	return out
}

func (m *Tagger) tagDoc(doc [][]string) [][]int {
	infos := make([][]tokInfo, len(doc))
	for si, sent := range doc {
		infos[si] = make([]tokInfo, len(sent))
		for j, w := range sent {
			infos[si][j] = makeInfo(w, m.lex)
		}
	}
	out, _ := m.tagInfos(context.Background(), infos)
	return out
}

// tagInfos tags the sentences of one document in two passes. The first
// reads the document memory of what it tagged before each sentence; the
// second tags again the sentences for which the whole document's first
// pass (docProfile) tells some word's type otherwise. The context is
// checked every few sentences.
func (m *Tagger) tagInfos(ctx context.Context, infos [][]tokInfo) ([][]int, error) {
	s := m.getScratch()
	defer m.putScratch(s)
	out, err := m.tagInfosWith(ctx, infos, s)
	if err != nil {
		return nil, err
	}
	// The rows are the scratch's, which the next document reuses.
	owned := make([][]int, len(out))
	for i, tags := range out {
		owned[i] = append([]int(nil), tags...)
	}
	return owned, nil
}

// tagInfosWith is tagInfos in s's memory: the tags it returns are rows of
// s, valid until s tags another document.
func (m *Tagger) tagInfosWith(ctx context.Context, infos [][]tokInfo, s *docScratch) ([][]int, error) {
	dc := s.contexts.build(infos)
	mem := &s.memory
	mem.reset()
	sc := &s.decode
	static, buf := s.static, s.buf[:0]
	defer func() { s.static, s.buf = static, buf }()
	s.hists, s.histOf = stretches(s.hists, s.histOf, infos)
	s.tags, s.tagsOf = stretches(s.tags, s.tagsOf, infos)
	// Static scores are kept for the second pass (36 bytes a token).
	s.bases, s.basesOf = stretches(s.bases, s.basesOf, infos)
	out, hists, bases := s.tagsOf, s.histOf, s.basesOf
	for si := range infos {
		if si%64 == 63 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("ner: %w", err)
			}
		}
		hists[si] = mem.hists(infos[si], hists[si])
		static, buf = m.staticAll(infos[si], dc, static, buf[:0], s)
		bases[si] = bases[si][:len(static)]
		clear(bases[si])
		for i, f := range static {
			// As staticScores sums them, into the zeroed row, without
			// the interface through which every row would escape.
			for _, h := range f {
				m.addScores(h, &bases[si][i])
			}
		}
		if m.Beam > 0 {
			out[si] = beamTag(m, infos[si], bases[si], hists[si], &sc.bs, m.Beam, out[si])
		} else {
			out[si] = tagSentence(m, infos[si], static, hists[si], &sc.st, out[si], nil, nil)
		}
		mem.record(infos[si], out[si])
	}
	prof := newDocProfile(infos, out)
	h := s.h[:0]
	defer func() { s.h = h }()
	for si := range infos {
		if si%64 == 63 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("ner: %w", err)
			}
		}
		// The same memory gives the same tags.
		if h = prof.hists(infos[si], out[si], h[:0]); equalInts(h, hists[si]) {
			continue
		}
		if m.Beam > 0 {
			out[si] = beamTag(m, infos[si], bases[si], h, &sc.bs, m.Beam, out[si])
		} else {
			static, buf = m.staticAll(infos[si], dc, static, buf[:0], s)
			out[si] = tagSentence(m, infos[si], static, h, &sc.st, out[si], nil, nil)
		}
	}
	return out, nil
}

// scratch is reusable decoding space.
type scratch struct {
	st decodeState
	bs beamState
}

// staticAll computes the static features of every token of a sentence of
// the document dc pools (nil: none), appending them to buf; static[i] is
// the slice of buf of token i.
// With s, its arrays are s's.
func (m *Tagger) staticAll(infos []tokInfo, dc *docContext, static [][]uint64, buf []uint64, s *docScratch) ([][]uint64, []uint64) {
	if s == nil {
		s = &docScratch{}
	}
	si := analyzeSentence(infos)
	var labs []uint8
	if m.gaz != nil && len(m.gaz.words) > 0 {
		labs = s.labs[:0]
		for i := range infos {
			labs = append(labs, m.gaz.words[infos[i].lower])
		}
		s.labs = labs
	}
	gz := m.gaz.matches(infos, labs, s.gaz)
	s.gaz = gz
	offs := s.offs[:0]
	for i := range infos {
		offs = append(offs, len(buf))
		buf = staticFeatures(buf, infos, i, si, gz[i], labs)
		buf = dc.features(buf, infos, i)
	}
	offs = append(offs, len(buf))
	s.offs = offs
	static = static[:0]
	for i := range infos {
		static = append(static, buf[offs[i]:offs[i+1]:offs[i+1]])
	}
	return static, buf
}

// Model file format (then gzip): magic, version, then uvarint-prefixed
// sections: feature hashes (sorted, delta-encoded), per-row sparse weights
// quantised to int16 with one scale, gazetteer entries, word label codes,
// word clusters with capitalisation profiles. The version also names the
// feature set: weights learnt for other features would load and mis-tag
// (5: pooled document contexts).
const (
	modelMagic   = "SLNER"
	modelVersion = 5
)

type modelWriter struct {
	w   *bufio.Writer
	tmp [binary.MaxVarintLen64]byte
}

func (mw *modelWriter) uvarint(x uint64) {
	n := binary.PutUvarint(mw.tmp[:], x)
	mw.w.Write(mw.tmp[:n])
}

func (mw *modelWriter) str(s string) {
	mw.uvarint(uint64(len(s)))
	mw.w.WriteString(s)
}

// save writes the model; rows whose weights are all below prune in absolute
// value are dropped.
func (m *Tagger) save(w io.Writer, hashes []uint64, weights []float32, prune float32) (kept int, err error) {
	type row struct {
		h uint64
		r int
	}
	var rs []row
	var maxAbs float32
	for r, h := range hashes {
		keep := false
		for t := 0; t < nTags; t++ {
			a := float32(math.Abs(float64(weights[r*nTags+t])))
			if a >= prune {
				keep = true
			}
			if a > maxAbs {
				maxAbs = a
			}
		}
		if keep {
			rs = append(rs, row{h, r})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].h < rs[j].h })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("ner: save model: %w", err)
	}
	mw := &modelWriter{w: bufio.NewWriter(zw)}
	mw.w.WriteString(modelMagic)
	mw.uvarint(modelVersion)
	mw.uvarint(uint64(nTags))
	mw.uvarint(uint64(math.Float32bits(scale)))
	mw.uvarint(uint64(m.Beam))
	mw.uvarint(uint64(len(rs)))
	var last uint64
	for _, r := range rs {
		mw.uvarint(r.h - last)
		last = r.h
	}
	for _, r := range rs {
		var mask uint64
		var q [nTags]int64
		for t := 0; t < nTags; t++ {
			q[t] = int64(math.Round(float64(weights[r.r*nTags+t] / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		mw.uvarint(mask)
		for t := 0; t < nTags; t++ {
			if q[t] != 0 {
				mw.uvarint(uint64((q[t] << 1) ^ (q[t] >> 63)))
			}
		}
	}
	// Gazetteer.
	gk := make([]uint64, 0, len(m.gaz.set))
	for k := range m.gaz.set {
		gk = append(gk, k)
	}
	sort.Slice(gk, func(i, j int) bool { return gk[i] < gk[j] })
	mw.uvarint(uint64(m.gaz.maxLen))
	mw.uvarint(uint64(len(gk)))
	last = 0
	for _, k := range gk {
		mw.uvarint(k - last)
		last = k
		mw.uvarint(uint64(m.gaz.set[k]))
	}
	wk := make([]string, 0, len(m.gaz.words))
	for k := range m.gaz.words {
		wk = append(wk, k)
	}
	sort.Strings(wk)
	mw.uvarint(uint64(len(wk)))
	for _, k := range wk {
		mw.str(k)
		mw.uvarint(uint64(m.gaz.words[k]))
	}
	// Clusters, sorted for a reproducible file.
	ck := make([]string, 0, len(m.lex))
	for k := range m.lex {
		ck = append(ck, k)
	}
	sort.Strings(ck)
	mw.uvarint(uint64(len(ck)))
	for _, k := range ck {
		mw.str(k)
		mw.str(m.lex[k].clus)
		mw.uvarint(uint64(m.lex[k].cased))
	}
	if err := mw.w.Flush(); err != nil {
		return 0, fmt.Errorf("ner: save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("ner: save model: %w", err)
	}
	return len(rs), nil
}

var errModel = errors.New("ner: malformed model file")

// Load reads a model written by Train (gzip-compressed).
func Load(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: load model: %w", err)
	}
	return decodeModel(data)
}

type modelReader struct {
	b   []byte
	err error
}

func (mr *modelReader) uvarint() uint64 {
	if mr.err != nil {
		return 0
	}
	x, n := binary.Uvarint(mr.b)
	if n <= 0 {
		mr.err = errModel
		return 0
	}
	mr.b = mr.b[n:]
	return x
}

func (mr *modelReader) count(max int) int {
	n := mr.uvarint()
	if n > uint64(max) || n > uint64(len(mr.b)) {
		mr.err = errModel
		return 0
	}
	return int(n)
}

func (mr *modelReader) str() string {
	n := mr.count(len(mr.b))
	if mr.err != nil {
		return ""
	}
	s := string(mr.b[:n])
	mr.b = mr.b[n:]
	return s
}

func decodeModel(data []byte) (*Tagger, error) {
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, errModel
	}
	mr := &modelReader{b: data[len(modelMagic):]}
	if v := mr.uvarint(); v != modelVersion {
		return nil, fmt.Errorf("ner: model version %d, want %d: %w", v, modelVersion, errModel)
	}
	if n := mr.uvarint(); n != uint64(nTags) {
		return nil, fmt.Errorf("ner: model has %d tags: %w", n, errModel)
	}
	scale := math.Float32frombits(uint32(mr.uvarint()))
	beam := int(mr.uvarint())
	if beam > 64 {
		return nil, errModel
	}
	n := mr.count(len(mr.b))
	hashes := make([]uint64, n)
	var last uint64
	for i := range hashes {
		last += mr.uvarint()
		hashes[i] = last
	}
	m := &Tagger{w: make([]float32, n*nTags), Beam: beam}
	for i := 0; i < n && mr.err == nil; i++ {
		mask := mr.uvarint()
		for t := 0; t < nTags; t++ {
			if mask&(1<<t) != 0 {
				z := mr.uvarint()
				q := int64(z>>1) ^ -int64(z&1)
				m.w[i*nTags+t] = float32(q) * scale
			}
		}
	}
	m.gaz = newGazetteer()
	m.gaz.maxLen = int(mr.uvarint())
	gn := mr.count(len(mr.b))
	last = 0
	for i := 0; i < gn && mr.err == nil; i++ {
		last += mr.uvarint()
		m.gaz.set[last] = uint8(mr.uvarint())
	}
	wn := mr.count(len(mr.b))
	for i := 0; i < wn && mr.err == nil; i++ {
		k := mr.str()
		m.gaz.words[k] = uint8(mr.uvarint())
	}
	cn := mr.count(len(mr.b))
	if cn > 0 {
		m.lex = make(map[string]lexEntry, cn)
	}
	for i := 0; i < cn && mr.err == nil; i++ {
		k := mr.str()
		c := mr.str()
		m.lex[k] = lexEntry{clus: c, cased: uint8(mr.uvarint())}
	}
	if mr.err != nil {
		return nil, mr.err
	}
	m.buildTable(hashes)
	return m, nil
}
