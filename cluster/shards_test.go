package cluster

import (
	"context"
	"runtime"
	"sync"
	"testing"
)

// forEachShard visits every item once, with no more goroutines than the
// workers it is given (one per CPU for 0) and no fewer items a shard than
// perShard.
func TestForEachShard(t *testing.T) {
	cpus := runtime.GOMAXPROCS(0)
	for _, tc := range []struct {
		name                 string
		workers, n, perShard int
		wantShards           int
	}{
		{"one worker", 1, 1000, 1, 1},
		{"one per CPU", 0, 1000, 1, cpus},
		{"bounded by the items", 8, 3, 1, min(3, 8)},
		{"a few dozen stay on one", 0, 40, 64, 1},
		{"no items", 0, 0, 16, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			seen := make([]int, tc.n)
			shardsSeen := map[int]bool{}
			err := forEachShard(context.Background(), tc.workers, tc.n, tc.perShard, func(ctx context.Context, shard, shards int) error {
				mu.Lock()
				defer mu.Unlock()
				shardsSeen[shards] = true
				if !shardsSeen[tc.wantShards] || len(shardsSeen) != 1 {
					t.Errorf("ran %d shards, want %d", shards, tc.wantShards)
				}
				for i := shard; i < tc.n; i += shards {
					seen[i]++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, n := range seen {
				if n != 1 {
					t.Fatalf("item %d visited %d times", i, n)
				}
			}
		})
	}
}
