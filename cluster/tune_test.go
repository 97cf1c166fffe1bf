package cluster

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
)

// tuneVariants are the configurations TestTune compares with the default.
var tuneVariants = map[string]func(*Config){
	"default": func(c *Config) {},
	"dw0":     func(c *Config) { c.DateWeight = 0 },
	"dw.3":    func(c *Config) { c.DateWeight = 0.3 },
	"ew0":     func(c *Config) { c.EntityWeight = 0 },
}

// TestTune prints B-cubed F1 over a grid of thresholds for each variant;
// run with STORYLINE_TUNE=1 (tuning aid, not a check).
func TestTune(t *testing.T) {
	if os.Getenv("STORYLINE_TUNE") == "" {
		t.Skip("set STORYLINE_TUNE=1 to sweep parameters on ecbplus-dev")
	}
	arts, gold, err := LoadDataset(sharedDir(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skip(err)
	}
	ths := []float64{0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.16, 0.18}
	var names []string
	for n := range tuneVariants {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		cfg := DefaultConfig()
		tuneVariants[name](&cfg)
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
