package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/source"
)

// denseTimeText is an invented text of about size bytes that is nothing but
// time expressions strung together with sep: with ", and " one line without
// a sentence end, the worst case for any stage that looks around each
// expression for its line or its sentence; with ".\n" a line each, the
// worst case for stages that work line by line.
func denseTimeText(size int, sep string) string {
	parts := []string{
		"on Monday", "at 3 p.m.", "on 12 March 2021", "the next day", "last week", "in June",
		"two days later", "by Friday evening", "since 2019", "every Tuesday", "at dawn on 4 May",
		"three weeks ago", "on Wednesday at noon", "in the spring of 2020", "yesterday", "on 1 January",
	}
	var b strings.Builder
	b.WriteString("Talks resumed ")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteString(sep)
	}
	b.WriteString("officials said.")
	return b.String()
}

// BenchmarkArticleSize runs one article through every per-article stage
// (clean, the analysis chain, and the corpus build over it alone) at three
// sizes. Each stage must be linear in the article's length: the time per
// byte must stay flat from 10 KB to 1 MB. A stage that rescans a sentence
// for each time expression in it shows as a hundredfold jump per tenfold
// size. Run: go test ./pipeline -run '^$' -bench ArticleSize -benchtime 1x
func BenchmarkArticleSize(b *testing.B) {
	ctx := context.Background()
	chain := Analyzers()
	for _, shape := range []struct{ name, sep string }{{"sentence", ", and "}, {"lines", ".\n"}} {
		for _, size := range []int{10 << 10, 100 << 10, 1 << 20} {
			text := denseTimeText(size, shape.sep)
			b.Run(fmt.Sprintf("%s/%dKB", shape.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					a, err := Prepare(&source.Item{ID: "dense", Text: text, Format: "text", Published: "2021-03-15"}, nil)
					if err != nil {
						b.Fatal(err)
					}
					if err := Analyze(ctx, chain, a); err != nil {
						b.Fatal(err)
					}
					if _, err := Build(ctx, []*storyline.Article{a}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
