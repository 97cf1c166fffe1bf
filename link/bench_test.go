package link_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/sample"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store/sqlite"
)

// analysed news articles, made once per test binary: the linking
// benchmarks time linking alone.
type analysed struct {
	once  sync.Once
	items []link.Item
	err   error
}

var (
	corporaMu sync.Mutex
	corpora   = map[string]*analysed{}
)

// analysedCorpus is the first n articles of the generated corpus name
// ("news" or "simple"), analysed.
func analysedCorpus(tb testing.TB, name string, n int) []link.Item {
	tb.Helper()
	corporaMu.Lock()
	key := fmt.Sprint(name, n)
	news := corpora[key]
	if news == nil {
		news = &analysed{}
		corpora[key] = news
	}
	corporaMu.Unlock()
	news.once.Do(func() {
		var gens []sample.Generated
		if name == "news" {
			gen := sample.NewNews(sample.NewsConfig{Seed: 1})
			for range n {
				gens = append(gens, gen.Next())
			}
		} else {
			var buf bytes.Buffer
			if err := sample.Generate(&buf, n, 1); err != nil {
				news.err = err
				return
			}
			dec := json.NewDecoder(&buf)
			for dec.More() {
				var g sample.Generated
				if err := dec.Decode(&g); err != nil {
					news.err = err
					return
				}
				gens = append(gens, g)
			}
		}
		chain := pipeline.Analyzers()
		for _, g := range gens {
			line, _ := json.Marshal(g)
			err := source.ReadBytes(context.Background(), g.ID+".jsonl", line, source.Options{}, func(it *source.Item, ie *source.ItemError) error {
				if ie != nil {
					return ie
				}
				a, err := pipeline.Prepare(it, nil)
				if err != nil {
					return err
				}
				if err := pipeline.Analyze(context.Background(), chain, a); err != nil {
					return err
				}
				news.items = append(news.items, link.Item{Article: a, Hash: pipeline.Hash(a)})
				return nil
			})
			if err != nil {
				news.err = err
				return
			}
		}
	})
	if news.err != nil {
		tb.Fatal(news.err)
	}
	return news.items
}

func clone(it link.Item) link.Item {
	data, _ := json.Marshal(it.Article)
	var a storyline.Article
	json.Unmarshal(data, &a)
	it.Article = &a
	return it
}

// BenchmarkLink links 3,000 analysed articles into a fresh store in
// batches of 512, as a bulk ingest does, then settles them; µs/article is
// what linking costs an article.
func BenchmarkLink(b *testing.B) {
	for _, corpus := range []string{"news", "simple"} {
		b.Run(corpus, func(b *testing.B) { benchLink(b, corpus) })
	}
}

func benchLink(b *testing.B, corpus string) {
	items := analysedCorpus(b, corpus, 3000)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st, err := sqlite.Open(ctx, b.TempDir()+"/s.db")
		if err != nil {
			b.Fatal(err)
		}
		copies := make([]link.Item, len(items))
		for i, it := range items {
			copies[i] = clone(it)
		}
		l := link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil)
		b.StartTimer()
		for i := 0; i < len(copies); i += 512 {
			if _, err := l.Link(ctx, st, copies[i:min(i+512, len(copies))]); err != nil {
				b.Fatal(err)
			}
		}
		for more := true; more; {
			if more, err = l.Settle(ctx, st); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items))/1e3, "µs/article")
}

// BenchmarkLinkOne links articles one at a time into a store of 2,900, as
// a server takes uploads: each linking step and the settling it leaves.
// µs/article is what one upload costs the linker.
func BenchmarkLinkOne(b *testing.B) {
	items := analysedCorpus(b, "news", 3000)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, b.TempDir()+"/s.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	l := link.New(cluster.DefaultConfig(), link.DefaultOptions(), nil)
	settle := func() {
		for more := true; more; {
			if more, err = l.Settle(ctx, st); err != nil {
				b.Fatal(err)
			}
		}
	}
	const base = 2900
	for i := 0; i < base; i += 512 {
		if _, err := l.Link(ctx, st, clones(items[i:min(i+512, base)])); err != nil {
			b.Fatal(err)
		}
	}
	settle()
	b.ResetTimer()
	n := 0
	for range b.N {
		for _, it := range items[base:] {
			b.StopTimer()
			c := clone(it)
			c.Article.ID += fmt.Sprintf("-%d", n)
			b.StartTimer()
			if _, err := l.Link(ctx, st, []link.Item{c}); err != nil {
				b.Fatal(err)
			}
			settle()
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/article")
}

func clones(items []link.Item) []link.Item {
	out := make([]link.Item, len(items))
	for i, it := range items {
		out[i] = clone(it)
	}
	return out
}
