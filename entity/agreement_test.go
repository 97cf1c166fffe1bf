package entity

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/internal/shareddata"
	"github.com/storyline-news/storyline/ner"
)

var agreement = flag.Bool("agreement", false, "run TestLinkAgreesWithResolve on ECB+ dev (slow)")

// TestLinkAgreesWithResolve measures how far linking one article at a
// time strays from resolving the corpus at once, both running the same
// rules: the ECB+ dev articles are tagged, resolved together, then linked
// one by one through an in-memory key index, and the two partitions of
// the mentions compared pair by pair. What the order of arrival decides
// (a lone surname before or after the full names that make it ambiguous)
// keeps it below 1.
//
//	go test ./entity -run TestLinkAgreesWithResolve -v -args -agreement
func TestLinkAgreesWithResolve(t *testing.T) {
	if !*agreement {
		t.Skip("run with -agreement")
	}
	batch := readECB(t)
	linked := make([]*storyline.Article, len(batch))
	for i, a := range batch {
		c := *a
		c.Entities = append([]storyline.Mention(nil), a.Entities...)
		linked[i] = &c
	}
	Resolve(batch)
	s := newMemoryStore()
	for _, a := range linked {
		if err := s.link(a); err != nil {
			t.Fatal(err)
		}
	}
	p, r, f := pairAgreement(batch, linked)
	t.Logf("%d articles: linked against batch, pairs P %.4f R %.4f F1 %.4f", len(batch), p, r, f)
	if f < 0.97 {
		t.Errorf("linking agrees with the batch resolver at F1 %.4f, below 0.97", f)
	}
}

// readECB reads and tags the ECB+ dev articles.
func readECB(t *testing.T) []*storyline.Article {
	path := filepath.Join(shareddata.Path(t), "data", "ecbplus-dev", "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("ECB+ dev absent: %v", err)
	}
	defer f.Close()
	an := ner.Analyzer()
	var arts []*storyline.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a storyline.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := an.Analyze(context.Background(), &a); err != nil {
			t.Fatalf("tag %s: %v", a.ID, err)
		}
		arts = append(arts, &a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return arts
}

// pairAgreement compares the entities of two resolutions of the same
// mentions pair by pair: of the pairs of mentions one entity in want,
// the share one entity in got too (recall), and the other way
// (precision).
func pairAgreement(want, got []*storyline.Article) (p, r, f float64) {
	byWant, byGot := map[string]string{}, map[string]string{}
	for k, a := range want {
		for i, m := range a.Entities {
			id := fmt.Sprintf("%s/%d", a.ID, i)
			if g := got[k].Entities[i].Entity; m.Entity != "" && g != "" {
				byWant[id], byGot[id] = m.Entity, g
			}
		}
	}
	s := cluster.Pairwise(byGot, byWant)
	return s.Precision, s.Recall, s.F1
}
