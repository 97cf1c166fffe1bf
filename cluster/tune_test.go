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
	ths := []float64{0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.16}
	base := DefaultConfig()
	variants := map[string]func(*Config){
		"default":       func(c *Config) {},
		"r2.5at0.02nw1": func(c *Config) { c.AttachRatio = 2.5; c.AttachThreshold = 0.02; c.NameWeight = 1 },
		"r2.5at0.02nw2": func(c *Config) { c.AttachRatio = 2.5; c.AttachThreshold = 0.02; c.NameWeight = 2 },
		"r2.5at0.05nw1": func(c *Config) { c.AttachRatio = 2.5; c.AttachThreshold = 0.05; c.NameWeight = 1 },
		"r2.5at0.05nw2": func(c *Config) { c.AttachRatio = 2.5; c.AttachThreshold = 0.05; c.NameWeight = 2 },
		"r3at0.02nw1":   func(c *Config) { c.AttachRatio = 3; c.AttachThreshold = 0.02; c.NameWeight = 1 },
		"r3at0.02nw2":   func(c *Config) { c.AttachRatio = 3; c.AttachThreshold = 0.02; c.NameWeight = 2 },
		"r3at0.05nw1":   func(c *Config) { c.AttachRatio = 3; c.AttachThreshold = 0.05; c.NameWeight = 1 },
		"r3at0.05nw2":   func(c *Config) { c.AttachRatio = 3; c.AttachThreshold = 0.05; c.NameWeight = 2 },
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
