package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/shareddata"
)

// TestRecallOnTrueBodies runs the cleaner over the true article bodies of
// the extraction benchmark: they hold no furniture, so whatever the
// cleaner removes is lost recall. It must keep almost everything.
func TestRecallOnTrueBodies(t *testing.T) {
	shared := shareddata.Path(t)
	b, err := os.ReadFile(filepath.Join(shared, "data", "article-extraction-dev", "ground-truth.json"))
	if err != nil {
		t.Skipf("extraction benchmark absent: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatalf("parse ground truth: %v", err)
	}
	for _, html := range []bool{true, false} {
		var kept, total int
		type loss struct {
			id   string
			frac float64
		}
		var losses []loss
		for id, g := range gt {
			r := Text(g.ArticleBody, Known{FromHTML: html})
			out := map[uint64]bool{}
			shingles(r.Text, out)
			sh := shingles(g.ArticleBody, nil)
			k := 0
			for _, h := range sh {
				if out[h] {
					k++
				}
			}
			kept += k
			total += len(sh)
			if len(sh) > 0 && k < len(sh) {
				losses = append(losses, loss{id, 1 - float64(k)/float64(len(sh))})
			}
			if os.Getenv("RECALL_VERBOSE") != "" && k < len(sh) {
				in := map[string]bool{}
				for _, p := range strings.Split(r.Text, "\n\n") {
					in[key(p)] = true
				}
				for _, l := range strings.Split(g.ArticleBody, "\n") {
					if l = strings.TrimSpace(l); l != "" && !strings.Contains(r.Text, l) {
						t.Logf("html=%v %s dropped/changed: %.150q", html, id[:8], l)
					}
				}
				if r.Title != "" && !html {
					t.Logf("   title %q", r.Title)
				}
			}
		}
		sort.Slice(losses, func(i, j int) bool { return losses[i].frac > losses[j].frac })
		rec := float64(kept) / float64(total)
		t.Logf("FromHTML=%v: 4-gram recall %.4f over %d pages; worst %v", html, rec, len(gt), losses[:min(5, len(losses))])
		min := 0.99
		if !html {
			min = 0.97 // plain-text rules may take a first line as the headline
		}
		if rec < min {
			t.Errorf("FromHTML=%v: recall %.4f < %.2f", html, rec, min)
		}
	}
}
