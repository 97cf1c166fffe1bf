//go:build devextract

package clean_test

// Measures what the cleaner adds after the HTML extractor on the extraction
// benchmark (go test -tags devextract -run ExtractDev -v ./clean). Behind a
// build tag so that the package's tests do not depend on package extract;
// an external test package, since extract uses clean for bylines.

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/internal/shareddata"
)

func TestExtractDev(t *testing.T) {
	dir := filepath.Join(shareddata.Path(t), "data", "article-extraction-dev")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Skipf("benchmark absent: %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	var raw, cleaned extract.Score
	for id, g := range gt {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(zr)
		f.Close()
		res, _ := extract.HTML(page, g.URL)
		r := clean.Text(res.Text, clean.Known{Title: res.Title, Byline: res.Byline, Outlet: res.Site, Published: res.Published, FromHTML: true})
		raw.Add(res.Text, g.ArticleBody)
		cleaned.Add(r.Text, g.ArticleBody)
		s1, e1, m1 := extract.CompareShingles(res.Text, g.ArticleBody)
		s2, e2, m2 := extract.CompareShingles(r.Text, g.ArticleBody)
		if s1 != s2 || e1 != e2 || m1 != m2 {
			t.Logf("%s: shared %.3f→%.3f extra %.3f→%.3f missing %.3f→%.3f", id[:8], s1, s2, e1, e2, m1, m2)
			if os.Getenv("SHOW") != "" {
				out := map[string]bool{}
				for _, p := range strings.Split(r.Text, "\n\n") {
					out[p] = true
				}
				for _, p := range strings.Split(res.Text, "\n\n") {
					if !strings.Contains(r.Text, p) {
						t.Logf("    - %.140q", p)
					}
				}
			}
		}
	}
	t.Logf("extractor alone: P %.4f R %.4f F1 %.4f", raw.Precision(), raw.Recall(), raw.F1())
	t.Logf("with clean.Text: P %.4f R %.4f F1 %.4f", cleaned.Precision(), cleaned.Recall(), cleaned.F1())
	// The figure docs/benchmarks.md tracks: the cleaner must not lose it.
	if cleaned.F1() < 0.9892 {
		t.Errorf("F1 after the cleaner %.4f, below the tracked 0.9892", cleaned.F1())
	}
}
