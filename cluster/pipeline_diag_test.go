package cluster_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/entity"
	"github.com/storyline-news/storyline/pipeline"
)

// TestDiagAnalysedECB scores the clustering on ecbplus-dev after the
// per-article analysis (entities, time expressions) and entity resolution;
// a tuning aid, run with STORYLINE_TUNE=1.
func TestDiagAnalysedECB(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("tuning only")
	}
	arts, gold, err := cluster.LoadDataset("../../shared/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	for _, a := range arts {
		for _, an := range pipeline.Analyzers() {
			_ = an.Analyze(ctx, a)
		}
	}
	entity.Resolve(arts)
	for _, ew := range []float64{0, 0.5, 1, 2} {
		cfg := cluster.DefaultConfig()
		cfg.EntityWeight = ew
		res, err := cluster.Evaluate(ctx, arts, gold, cfg, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13)
		if err != nil {
			t.Fatal(err)
		}
		line := fmt.Sprintf("ew=%v:", ew)
		for _, r := range res {
			line += fmt.Sprintf(" %.2f=%.3f", r.Threshold, r.BCubed.F1)
		}
		fmt.Println(line)
	}
}
