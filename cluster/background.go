package cluster

import (
	_ "embed"
	"encoding/binary"
	"slices"
	"sort"
	"strings"
)

// background.bin is a document-frequency table of word and name features
// over a general news corpus (Reuters 1996, from the CoNLL-2003 training
// file, cut into articles at their datelines), built by
//
//	go test ./cluster -run TestBackgroundTable -update-background
//
// It holds hashed feature keys and counts only, no text.
//
//go:embed background.bin
var backgroundBin []byte

// backgroundDF is the decoded table: its document count and each key's df.
type backgroundDF struct {
	n  int
	df map[uint64]int32
}

var background = decodeBackground(backgroundBin)

// decodeBackground reads uvarint n, then (delta-coded key, df) pairs. A
// damaged table decodes to what was read before the damage.
func decodeBackground(b []byte) backgroundDF {
	out := backgroundDF{df: map[uint64]int32{}}
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return out
	}
	out.n = int(n)
	b = b[k:]
	var key uint64
	for len(b) > 0 {
		d, k1 := binary.Uvarint(b)
		if k1 <= 0 {
			break
		}
		c, k2 := binary.Uvarint(b[k1:])
		if k2 <= 0 {
			break
		}
		key += d
		out.df[key] = int32(c)
		b = b[k1+k2:]
	}
	return out
}

func encodeBackground(bg backgroundDF) []byte {
	keys := make([]uint64, 0, len(bg.df))
	for k := range bg.df {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := binary.AppendUvarint(nil, uint64(bg.n))
	var prev uint64
	for _, k := range keys {
		out = binary.AppendUvarint(out, k-prev)
		out = binary.AppendUvarint(out, uint64(bg.df[k]))
		prev = k
	}
	return out
}

// textTermKeys are the word and name feature keys extract gives a text.
func textTermKeys(text string) map[uint64]bool {
	keys := map[uint64]bool{}
	for _, t := range tokenize(text) {
		if t.number {
			if len(t.fold) > 12 {
				continue
			}
		} else if len(t.low) < 2 || stopword(t.low) {
			continue
		}
		keys[hashKey(kindWord, t.fold)] = true
		if t.name {
			keys[hashKey(kindName, t.fold)] = true
		}
	}
	return keys
}

// buildBackground counts document frequencies over texts, keeping terms
// seen in at least minDF of them (rarer ones tell nothing a corpus of its
// own would not).
func buildBackground(texts []string, minDF int) backgroundDF {
	df := map[uint64]int32{}
	for _, t := range texts {
		for k := range textTermKeys(t) {
			df[k]++
		}
	}
	for k, c := range df {
		if int(c) < minDF {
			delete(df, k)
		}
	}
	return backgroundDF{n: len(texts), df: df}
}

// conllArticles rebuilds article texts from CoNLL-2003 token lines: a
// sentence that is a dateline ("BRUSSELS 1996-08-22") starts an article,
// the sentence before it being its headline.
func conllArticles(data string) []string {
	var sents [][]string
	var cur []string
	for _, line := range strings.Split(data, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, f[0])
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	isDateline := func(s []string) bool {
		last := s[len(s)-1]
		return len(s) <= 6 && len(last) == 10 && last[4] == '-' && last[7] == '-' && strings.HasPrefix(last, "19")
	}
	var starts []int
	for i, s := range sents {
		if isDateline(s) && i > 0 {
			starts = append(starts, i-1)
		}
	}
	sort.Ints(starts)
	var out []string
	for x, st := range starts {
		end := len(sents)
		if x+1 < len(starts) {
			end = starts[x+1]
		}
		var b strings.Builder
		for _, s := range sents[st:end] {
			b.WriteString(strings.Join(s, " "))
			b.WriteString("\n")
		}
		out = append(out, b.String())
	}
	return out
}
