package cluster

import (
	"math"
	"testing"
)

func TestMetrics(t *testing.T) {
	tests := []struct {
		name          string
		pred, gold    map[string]string
		bcubed, pairF float64
	}{
		{
			name:   "perfect",
			pred:   map[string]string{"a": "1", "b": "1", "c": "2"},
			gold:   map[string]string{"a": "x", "b": "x", "c": "y"},
			bcubed: 1, pairF: 1,
		},
		{
			// One blob: precision per item 2/3,2/3,1/3 → 5/9; recall 1.
			name:   "all in one",
			pred:   map[string]string{"a": "1", "b": "1", "c": "1"},
			gold:   map[string]string{"a": "x", "b": "x", "c": "y"},
			bcubed: 2 * (5.0 / 9) / (5.0/9 + 1), pairF: 2 * (1.0 / 3) / (1.0/3 + 1),
		},
		{
			// Singletons: precision 1; recall 1/2,1/2,1 → 2/3; no
			// predicted pairs, so pairwise precision is 1 and recall 0.
			name:   "singletons",
			pred:   map[string]string{"a": "1", "b": "2", "c": "3"},
			gold:   map[string]string{"a": "x", "b": "x", "c": "y"},
			bcubed: 2 * (2.0 / 3) / (2.0/3 + 1), pairF: 0,
		},
		{
			name:   "items missing from gold are ignored",
			pred:   map[string]string{"a": "1", "b": "1", "z": "1"},
			gold:   map[string]string{"a": "x", "b": "x"},
			bcubed: 1, pairF: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BCubed(tt.pred, tt.gold).F1; math.Abs(got-tt.bcubed) > 1e-9 {
				t.Errorf("BCubed F1 = %v, want %v", got, tt.bcubed)
			}
			if got := Pairwise(tt.pred, tt.gold).F1; math.Abs(got-tt.pairF) > 1e-9 {
				t.Errorf("Pairwise F1 = %v, want %v", got, tt.pairF)
			}
		})
	}
}
