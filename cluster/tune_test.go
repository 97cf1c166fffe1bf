package cluster

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// TestTune prints B-cubed F1 over a grid; run with STORYLINE_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to sweep parameters on ecbplus-dev")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	ths := []float64{0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4}
	base := DefaultConfig()
	variants := map[string]func(*Config){
		"default": func(c *Config) {},
		"nodates": func(c *Config) { c.DateWeight = 0; c.NearDateBonus = 0; c.FarDatePenalty = 1 },
		"nonames": func(c *Config) { c.NameWeight = 0 },
	}
	for _, spec := range os.Args {
		_ = spec
	}
	for name, v := range variants {
		cfg := base
		v(&cfg)
		res, err := Evaluate(context.Background(), arts, gold, cfg, ths...)
		if err != nil {
			t.Fatal(err)
		}
		line := name + ":"
		for _, r := range res {
			line += fmt.Sprintf(" %.2f=%.3f(%d)", r.Threshold, r.BCubed.F1, r.Events)
		}
		fmt.Println(line)
	}
}
