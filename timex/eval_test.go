package timex

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

func TestEvalTempEval3(t *testing.T) {
	shared := shareddata.Path(t)
	for _, set := range []string{"TimeBank", "AQUAINT"} {
		dir := filepath.Join(shared, "data", "tempeval3", set)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not found: %v", dir, err)
		}
		var errs *os.File
		if p := os.Getenv("TIMEX_ERRORS"); p != "" {
			f, err := os.Create(p + "." + set)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			errs = f
		}
		var s Scores
		var err error
		if errs != nil {
			s, err = EvalDir(context.Background(), dir, errs)
		} else {
			s, err = EvalDir(context.Background(), dir, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: gold %d system %d strict F1 %.4f relaxed P %.4f R %.4f F1 %.4f type F1 %.4f value F1 %.4f",
			set, s.Gold, s.System, s.StrictF1, s.RelaxedP, s.RelaxedR, s.RelaxedF1, s.TypeF1, s.ValueF1)
		if s.RelaxedF1 < 0.90 {
			t.Errorf("%s: relaxed span F1 %.4f < 0.90", set, s.RelaxedF1)
		}
		if s.ValueF1 < 0.80 {
			t.Errorf("%s: value F1 %.4f < 0.80", set, s.ValueF1)
		}
	}
}
