package cluster

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestTuneOnline(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to sweep parameters on ecbplus-dev")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	res, err := EvaluateOnline(context.Background(), arts, gold, DefaultConfig(), 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		fmt.Printf("online %.2f=%.3f(%d)\n", r.Threshold, r.BCubed.F1, r.Events)
	}
}
