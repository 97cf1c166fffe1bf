// Tuning and diagnostic aids: every test here skips unless STORYLINE_TUNE
// (or STORYLINE_ARTS) is set; they print, they do not check.

package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline-news/storyline"
)

func TestDiag(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	cfg := DefaultConfig()
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	dated := 0
	for _, d := range docs {
		if d.day != noDay {
			dated++
		}
	}
	fmt.Println("dated", dated, len(docs))
	// gap stats
	var same, diff, sameFar, diffFar int
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			if a.day == noDay || b.day == noDay {
				continue
			}
			ta := strings.TrimRight(gold[a.id], "ab")
			tb := strings.TrimRight(gold[b.id], "ab")
			if ta != tb {
				continue
			}
			gap := a.day - b.day
			if gap < 0 {
				gap = -gap
			}
			if gold[a.id] == gold[b.id] {
				same++
				if gap > 7 {
					sameFar++
				}
			} else {
				diff++
				if gap > 7 {
					diffFar++
				}
			}
		}
	}
	fmt.Println("same", same, sameFar, "diff", diff, diffFar)
	edges, _ := candidateEdges(context.Background(), docs, &cfg, 0.01)
	groups := averageLink(len(docs), edges, 0.22)
	var cross, within, split float64
	pred := map[string]int{}
	for gi, g := range groups {
		for _, i := range g {
			pred[docs[i].id] = gi
		}
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i].id, docs[j].id
			ta := strings.TrimRight(gold[a], "ab")
			tb := strings.TrimRight(gold[b], "ab")
			if pred[a] == pred[b] && ta != tb {
				cross++
			}
			if pred[a] == pred[b] && ta == tb && gold[a] != gold[b] {
				within++
			}
			if pred[a] != pred[b] && gold[a] == gold[b] {
				split++
			}
		}
	}
	fmt.Println("cross", cross, "within", within, "split", split)
}

func TestDiagTopics(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	cfg := DefaultConfig()
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	groups, _ := groupDocs(context.Background(), docs, &cfg)
	byTopic := map[string][]string{}
	for gi, g := range groups {
		cnt := map[string]int{}
		for _, i := range g {
			cnt[gold[docs[i].id]]++
		}
		topic := ""
		for k := range cnt {
			topic = strings.TrimRight(k, "ab")
		}
		byTopic[topic] = append(byTopic[topic], fmt.Sprint(gi, cnt))
	}
	for tp, l := range byTopic {
		fmt.Println(tp, l)
	}
}

func TestDiagGaps(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	cfg := DefaultConfig()
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	hist := map[string][]int{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			if a.day == noDay || b.day == noDay {
				continue
			}
			ta := strings.TrimRight(gold[a.id], "ab")
			tb := strings.TrimRight(gold[b.id], "ab")
			if ta != tb {
				continue
			}
			gap := a.day - b.day
			if gap < 0 {
				gap = -gap
			}
			bucket := 0
			for _, lim := range []int32{0, 1, 3, 7, 14, 30, 60, 120, 365, 1000, 100000} {
				if gap <= lim {
					break
				}
				bucket++
			}
			k := "same"
			if gold[a.id] != gold[b.id] {
				k = "diff"
			}
			if hist[k] == nil {
				hist[k] = make([]int, 12)
			}
			hist[k][bucket]++
		}
	}
	fmt.Println("buckets <=0,1,3,7,14,30,60,120,365,1000,inf")
	fmt.Println(hist)
}

func TestDiagSeeds(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	for _, meta := range []bool{true, false} {
		arts := seedArticles(t, meta)
		cfg := DefaultConfig()
		docs, _ := prepareDocs(context.Background(), arts, &cfg)
		for _, d := range docs {
			fmt.Println(d.id[:3], dayString(d.day), len(d.vec))
			for _, dm := range d.dates {
				fmt.Print(" ", dm.text, "=", dm.value)
			}
			fmt.Println()
		}
		all := make([]int, len(docs))
		for i := range all {
			all[i] = i
		}
		// global and local scores
		for i := range docs {
			for j := i + 1; j < len(docs); j++ {
				fmt.Printf("%s-%s g=%.3f  ", docs[i].id[:3], docs[j].id[:3], pairScore(docs[i], docs[j], &cfg))
			}
			fmt.Println()
		}
		edges, _ := candidateEdges(context.Background(), docs, &cfg, 0.01)
		coarse := averageLink(len(docs), edges, cfg.CoarseThreshold)
		fmt.Println("coarse", coarse)
		debugLocal = true
		g := refine(docs, coarse, edges, &cfg, cfg.Threshold)
		debugLocal = false
		fmt.Println(g)
	}
}

func TestDiagDays(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	cfg := DefaultConfig()
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	byEv := map[string][]string{}
	for _, d := range docs {
		if d.day != noDay {
			l := d.art.Text
			if i := strings.IndexByte(l, '\n'); i > 0 {
				l2 := l[i+1:]
				if j := strings.IndexByte(l2, '\n'); j > 0 {
					l2 = l2[:j]
				}
				if len(l2) > 50 {
					l2 = l2[:50]
				}
				l = l2
			}
			byEv[gold[d.id]] = append(byEv[gold[d.id]], dayString(d.day)+" "+l)
		}
	}
	for ev, l := range byEv {
		fmt.Println(ev, len(l), l)
	}
}

func TestDiagSingles(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	cfg := DefaultConfig()
	cfg.AttachSize = 0
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	groups, _ := groupDocs(context.Background(), docs, &cfg)
	for _, g := range groups {
		if len(g) > 2 {
			continue
		}
		for _, i := range g {
			d := docs[i]
			fmt.Printf("%s %s len=%d nfeat=%d %q\n", gold[d.id], d.id, len(d.art.Text), len(d.vec), d.art.Text[:min(80, len(d.art.Text))])
		}
	}
}

func TestDiagSeedFields(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	for _, meta := range []bool{true, false} {
		arts := seedArticles(t, meta)
		evs, stories, _ := Build(context.Background(), arts, DefaultConfig())
		fmt.Println("=== meta", meta)
		for _, e := range evs {
			fmt.Printf("%s %v date=%s place=%s story=%s\n  title=%s\n  summary=%s\n  ents=%v facts=%+v\n", e.ID, e.Articles, e.Date, e.Place, e.Story, e.Title, e.Summary, e.Entities, e.Facts)
		}
		byID := map[string]storyline.Event{}
		for _, e := range evs {
			byID[e.ID] = e
		}
		for _, s := range stories {
			WriteTimeline(os.Stdout, s, byID)
		}
	}
}

func TestDiagSeedThresholds(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	for _, th := range []float64{0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.14} {
		for _, meta := range []bool{true, false} {
			cfg := DefaultConfig()
			cfg.Threshold = th
			evs, _, _ := Build(context.Background(), seedArticles(t, meta), cfg)
			var got []string
			for _, e := range evs {
				got = append(got, short(e.Articles))
			}
			fmt.Println(th, meta, got)
		}
	}
}

func TestDiagFile(t *testing.T) {
	path := os.Getenv("STORYLINE_ARTS")
	if path == "" {
		t.Skip("tuning only")
	}
	arts, _, err := LoadDataset(path)
	_ = err
	if arts == nil {
		var a2 []*storyline.Article
		readJSONL(path+"/articles.jsonl", func(b []byte) error {
			var a storyline.Article
			if err := json.Unmarshal(b, &a); err != nil {
				return err
			}
			a2 = append(a2, &a)
			return nil
		})
		arts = a2
	}
	cfg := DefaultConfig()
	docs, _ := prepareDocs(context.Background(), arts, &cfg)
	for i := range docs {
		fmt.Println(docs[i].id[:3], dayString(docs[i].day), len(docs[i].vec))
		for j := i + 1; j < len(docs); j++ {
			fmt.Printf("  %s-%s %.3f\n", docs[i].id[:3], docs[j].id[:3], pairScore(docs[i], docs[j], &cfg))
		}
	}
	edges, _ := candidateEdges(context.Background(), docs, &cfg, 0.01)
	coarse := averageLink(len(docs), edges, cfg.CoarseThreshold)
	fmt.Println("coarse", coarse)
	debugLocal = true
	fmt.Println(refine(docs, coarse, edges, &cfg, cfg.Threshold))
	debugLocal = false
}

func loadArts(path string) []*storyline.Article {
	var a2 []*storyline.Article
	readJSONL(path+"/articles.jsonl", func(b []byte) error {
		var a storyline.Article
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		a.Event = ""
		a2 = append(a2, &a)
		return nil
	})
	return a2
}

func TestDiagPipelineVariants(t *testing.T) {
	if os.Getenv("STORYLINE_ARTS") == "" {
		t.Skip("tuning only")
	}
	for _, dir := range strings.Split(os.Getenv("STORYLINE_ARTS"), ",") {
		for _, ew := range []float64{0, 0.5, 1} {
			for _, th := range []float64{0.09, 0.1, 0.105, 0.11, 0.12} {
				cfg := DefaultConfig()
				cfg.EntityWeight = ew
				cfg.Threshold = th
				evs, _, _ := Build(context.Background(), loadArts(dir), cfg)
				var got []string
				for _, e := range evs {
					got = append(got, short(e.Articles))
				}
				fmt.Println(dir, ew, th, got)
			}
		}
	}
}

func TestDiagBuildScale(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	for _, n := range buildScaleSizes {
		arts := newCorpusGen(1, 2000).batch(n)
		c0 := cpuTime()
		t0 := time.Now()
		evs, stories, err := Build(context.Background(), arts, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("n=%d events=%d stories=%d cpu=%v (%.0fµs/article) wall=%v\n", n, len(evs), len(stories), cpuTime()-c0, float64((cpuTime()-c0).Microseconds())/float64(n), time.Since(t0))
	}
}

var buildScaleSizes = []int{2000, 10000}

func TestDiagStories(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts := newCorpusGen(1, 500).batch(4000)
	seeds := seedArticles(t, true)
	for _, st := range []float64{0.25, 0.35, 0.45, 0.55} {
		cfg := DefaultConfig()
		cfg.StoryThreshold = st
		evs, stories, _ := Build(context.Background(), copyArticles(arts), cfg)
		sizes := map[int]int{}
		for _, s := range stories {
			sizes[len(s.Events)]++
		}
		_, ss, _ := Build(context.Background(), copyArticles(seeds), cfg)
		fmt.Println(st, len(evs), len(stories), sizes, "seed stories", len(ss))
	}
}
