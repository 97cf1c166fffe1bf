package entity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/ner"
)

var conll = flag.Bool("conll", false, "run TestCoNLLTypes on ../shared/data/conll2003/dev.conll (slow)")

// TestCoNLLTypes measures what resolution does to the tagger's mention
// types: the CoNLL-2003 dev set is tagged, cut into its Reuters reports,
// resolved as one corpus, and scored before and after (exact span and
// type). Resolution retypes mentions to their entity's type, so this is the
// cost or gain of entity-level typing; merged ORG spans count too.
//
//	go test ./entity -run TestCoNLLTypes -v -args -conll
func TestCoNLLTypes(t *testing.T) {
	if !*conll {
		t.Skip("run with -conll")
	}
	path := filepath.Join(shareddata.Path(t), "data", "conll2003", "dev.conll")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("CoNLL dev set absent: %v", err)
	}
	sents, err := ner.ReadCoNLLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sents = conllDocuments(sents)
	tagger, err := ner.Default()
	if err != nil {
		t.Skipf("NER tagger not available: %v", err)
	}
	pred := tagger.TagCoNLL(sents)
	c := newConllCorpus(sents, pred)
	Resolve(c.arts)
	resolved := make([][]string, len(c.refs))
	for k, ref := range c.refs {
		resolved[k] = ref.tags(c.arts[ref.art])
	}
	before, after := ner.Evaluate(c.gold, c.raw), ner.Evaluate(c.gold, resolved)
	t.Logf("%d reports, %d sentences", len(c.arts), len(c.refs))
	t.Logf("tagger:   P %.4f R %.4f F1 %.4f", before[0].Precision, before[0].Recall, before[0].F1)
	t.Logf("resolved: P %.4f R %.4f F1 %.4f", after[0].Precision, after[0].Recall, after[0].F1)
	for _, s := range after[1:] {
		t.Logf("  %-4s resolved F1 %.4f", s.Type, s.F1)
	}
	// Entity-level typing mends some of the tagger's types and spreads
	// others; the balance must stay within a point.
	if after[0].F1 < before[0].F1-0.01 {
		t.Errorf("resolution costs %.4f F1 (tagger %.4f, resolved %.4f), more than 0.01", before[0].F1-after[0].F1, before[0].F1, after[0].F1)
	}
}

// conllCorpus is the tagged CoNLL sentences as articles, one a report,
// with where each sentence's tokens are in its article.
type conllCorpus struct {
	arts      []*storyline.Article
	refs      []sentRef
	gold, raw [][]string // per sentence: the gold and the tagger's tags
}

// sentRef is where a sentence is: its article and its tokens' byte
// spans in the article text.
type sentRef struct {
	art  int
	offs [][2]int
}

func newConllCorpus(sents []ner.Sentence, pred [][]string) *conllCorpus {
	c := &conllCorpus{}
	var b strings.Builder
	var ms []storyline.Mention
	flush := func() {
		if b.Len() > 0 {
			c.arts = append(c.arts, &storyline.Article{ID: fmt.Sprintf("d%04d", len(c.arts)), Text: b.String(), Entities: ms})
		}
		b.Reset()
		ms = nil
	}
	for i, s := range sents {
		if s.DocStart {
			flush()
			continue
		}
		offs := make([][2]int, len(s.Tokens))
		for j, w := range s.Tokens {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			offs[j][0] = b.Len()
			b.WriteString(w)
			offs[j][1] = b.Len()
		}
		b.WriteByte('\n')
		text := b.String()
		for _, ch := range iobChunks(pred[i]) {
			st, en := offs[ch.start][0], offs[ch.end-1][1]
			ms = append(ms, storyline.Mention{Type: conllToType[ch.typ], Text: text[st:en], Start: st, End: en})
		}
		c.refs = append(c.refs, sentRef{art: len(c.arts), offs: offs})
		c.gold = append(c.gold, s.Tags)
		c.raw = append(c.raw, pred[i])
	}
	flush()
	return c
}

// tags are the IOB2 tags of the sentence's tokens from the article's
// mentions, as resolution left them.
func (ref sentRef) tags(a *storyline.Article) []string {
	tags := make([]string, len(ref.offs))
	for j := range tags {
		tags[j] = "O"
	}
	for _, m := range a.Entities {
		prefix := "B-"
		for j, o := range ref.offs {
			if o[0] >= m.Start && o[1] <= m.End {
				tags[j] = prefix + typeToCoNLL[m.Type]
				prefix = "I-"
			}
		}
	}
	return tags
}

var (
	conllToType = map[string]string{"PER": storyline.Person, "ORG": storyline.Org, "LOC": storyline.Place, "MISC": storyline.Other}
	typeToCoNLL = map[string]string{storyline.Person: "PER", storyline.Org: "ORG", storyline.Place: "LOC", storyline.Other: "MISC"}
	datelineEnd = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// conllDocuments marks where each Reuters report begins: the file has no
// -DOCSTART- lines, but every report is a headline followed by a dateline
// ("LONDON 1996-08-30").
func conllDocuments(sents []ner.Sentence) []ner.Sentence {
	out := make([]ner.Sentence, 0, len(sents)+len(sents)/10)
	for i, s := range sents {
		if i+1 < len(sents) {
			n := sents[i+1].Tokens
			if len(n) > 0 && len(n) <= 6 && datelineEnd.MatchString(n[len(n)-1]) {
				out = append(out, ner.Sentence{DocStart: true})
			}
		}
		out = append(out, s)
	}
	return out
}

type iobChunk struct {
	start, end int
	typ        string
}

// iobChunks reads the entities of IOB2 tags (a stray I- starts one).
func iobChunks(tags []string) []iobChunk {
	var out []iobChunk
	cur := -1
	for i, t := range tags {
		typ, begin := "", false
		if len(t) > 2 && t[1] == '-' {
			typ, begin = t[2:], t[0] == 'B'
		}
		if cur >= 0 && (typ == "" || begin || out[cur].typ != typ) {
			out[cur].end = i
			cur = -1
		}
		if typ != "" && cur < 0 {
			out = append(out, iobChunk{start: i, typ: typ})
			cur = len(out) - 1
		}
	}
	if cur >= 0 {
		out[cur].end = len(tags)
	}
	return out
}
