package cluster

import (
	"context"
	"testing"
)

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
