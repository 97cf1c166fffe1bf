package timex

import (
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

// TestEvalTempEval3 holds the tagger to the TempEval-3 figures that
// docs/benchmarks.md reports: a change may raise them, never lower them.
// TIMEX_ERRORS=FILE writes every miss, extra and disagreement to
// FILE.TimeBank and FILE.AQUAINT.
func TestEvalTempEval3(t *testing.T) {
	shared := shareddata.Path(t)
	floors := map[string]Scores{
		"TimeBank": {StrictF1: 0.9101, RelaxedF1: 0.9485, TypeF1: 0.9237, ValueF1: 0.8374},
		"AQUAINT":  {StrictF1: 0.8726, RelaxedF1: 0.9502, TypeF1: 0.9131, ValueF1: 0.8135},
	}
	for set, floor := range floors {
		t.Run(set, func(t *testing.T) {
			dir := filepath.Join(shared, "data", "tempeval3", set)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("%s not found: %v", dir, err)
			}
			s, err := EvalDir(context.Background(), dir, errorsFile(t, set))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				name       string
				got, floor float64
			}{
				{"strict span F1", s.StrictF1, floor.StrictF1},
				{"relaxed span F1", s.RelaxedF1, floor.RelaxedF1},
				{"type F1", s.TypeF1, floor.TypeF1},
				{"value F1", s.ValueF1, floor.ValueF1},
			} {
				// The figures are published to four places.
				if math.Round(f.got*1e4)/1e4 < f.floor {
					t.Errorf("%s %.4f < %.4f", f.name, f.got, f.floor)
				}
			}
		})
	}
}

// errorsFile is the file TIMEX_ERRORS asks the disagreements of set to be
// written to, or nil.
func errorsFile(t *testing.T, set string) io.Writer {
	t.Helper()
	p := os.Getenv("TIMEX_ERRORS")
	if p == "" {
		return nil
	}
	f, err := os.Create(p + "." + set)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
