package cluster

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
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
