package cluster

import (
	"context"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

// TestEvalECBPlusDev holds the clustering to its acceptance bar on ECB+
// topics 1–35, on cleaned text and time expressions but without the entity
// tagger: B-cubed F1 ≥ 0.93, and not on a knife edge (≥ 0.92 at the
// neighbouring thresholds).
func TestEvalECBPlusDev(t *testing.T) {
	raw, gold, err := LoadDataset(shareddata.Path(t) + "/data/ecbplus-dev")
	if err != nil {
		t.Skipf("ecbplus-dev not available: %v", err)
	}
	arts := prepared(t, raw)
	cfg := DefaultConfig()
	res, err := Evaluate(context.Background(), arts, gold, cfg, cfg.Threshold-0.01, cfg.Threshold, cfg.Threshold+0.01)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		t.Logf("threshold %.3f: B-cubed P %.4f R %.4f F1 %.4f, pairwise F1 %.4f, %d events", r.Threshold, r.BCubed.Precision, r.BCubed.Recall, r.BCubed.F1, r.Pairwise.F1, r.Events)
	}
	if f := res[1].BCubed.F1; f < 0.93 {
		t.Errorf("B-cubed F1 %.4f < 0.93", f)
	}
	for _, r := range []EvalResult{res[0], res[2]} {
		if r.BCubed.F1 < 0.92 {
			t.Errorf("B-cubed F1 %.4f at threshold %.3f: the tuned threshold is on a knife edge", r.BCubed.F1, r.Threshold)
		}
	}
}
