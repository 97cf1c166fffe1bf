package quote

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
)

// benchArticles are the seed articles with their gold mentions, or an
// invented article when the seeds are absent.
func benchArticles(b *testing.B) []*storyline.Article {
	dir, _ := os.Getwd()
	for i := 0; i < 6; i++ {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	shared := filepath.Join(dir, "..", "shared")
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "articles", "*.txt"))
	var arts []*storyline.Article
	if len(files) > 0 {
		g := loadGold(b, shared)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			a := &storyline.Article{ID: filepath.Base(f), Text: string(data)}
			a.Entities = goldMentions(a.Text, g.Entities)
			arts = append(arts, a)
		}
		return arts
	}
	text := strings.Repeat(`[[Ivan Petrov]] said the talks were "useful and frank". "We will meet again," he added. `+
		`[[Anna Weber]] told reporters that nothing had been agreed.`+"\n\n", 20)
	return []*storyline.Article{article("", text)}
}

// BenchmarkExtract measures extraction speed over the seed articles
// (MB/s per core: run with -cpu 1).
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			a.Quotes = Extract(a)
		}
	}
}

// BenchmarkMerge measures grouping quotes across a corpus of copies of the
// seed articles.
func BenchmarkMerge(b *testing.B) {
	base := benchArticles(b)
	var arts []*storyline.Article
	for k := 0; k < 40; k++ {
		for _, a := range base {
			c := *a
			c.ID = a.ID + "-" + strconv.Itoa(k)
			c.Quotes = Extract(a)
			arts = append(arts, &c)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Merge(arts, nil)
	}
}
