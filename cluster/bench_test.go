package cluster

import (
	"context"
	"testing"
)

// BenchmarkAdd streams a generated corpus through the online clusterer;
// see also "storyline bench cluster" for the 10k/100k/1M store sizes.
func BenchmarkAdd(b *testing.B) {
	g := newCorpusGen(1, 2000)
	c := New(DefaultConfig())
	for i := 0; i < 5000; i++ {
		c.Add(g.article())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Add(g.article())
	}
}

func BenchmarkBuild(b *testing.B) {
	g := newCorpusGen(1, 200)
	var arts = g.batch(2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Build(context.Background(), arts, DefaultConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
