package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/newstext"
)

// benchText is the plain text of every TimeML document, or a synthetic
// news-like text when the data is absent.
func benchText(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	if wd, err := os.Getwd(); err == nil {
		for dir := wd; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				files, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "data", "tempeval3", "*", "*.tml"))
				for _, f := range files {
					if d, err := ReadTML(f); err == nil {
						sb.WriteString(d.Text)
						sb.WriteString("\n\n")
					}
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if sb.Len() == 0 {
		para := "GENEVA (AFP) - Russian and US diplomats met on Thursday for talks that began at 10am, " +
			"after a first round on July 28, 2021 and a summit in June. The two sides will meet again next week, " +
			"officials said, and sales rose 5% in the third quarter from a year earlier. The company, which employs " +
			"about 2,000 people, said it expected a decision within two years.\n\n"
		for sb.Len() < 1<<20 {
			sb.WriteString(para)
		}
	}
	return sb.String()
}

// BenchmarkTag measures tagging and normalisation throughput (MB/s).
func BenchmarkTag(b *testing.B) {
	text := benchText(b)
	opts := Options{DCT: day("2021-09-30"), Zone: newstext.PlaceZone("Geneva")}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(text, opts)
	}
}
