package cluster

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// forEachShard runs work over n items split into shards, one goroutine
// per CPU or at most workers (>0) (each shard takes every shards-th item,
// so that the items' costs spread evenly), and returns the first error. A
// shard gets at least perShard items, the least work worth a goroutine of
// its own: a linking step groups a few dozen documents and should not pay
// for goroutines it does not need.
func forEachShard(ctx context.Context, workers, n, perShard int, work func(ctx context.Context, shard, shards int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	shards := min(workers, max(1, n/max(1, perShard)))
	if shards <= 1 {
		return work(ctx, 0, 1)
	}
	errs := make([]error, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A bug meeting odd input fails the pass, as it would on the
			// caller's goroutine, instead of the process.
			defer func() {
				if r := recover(); r != nil {
					errs[s] = fmt.Errorf("cluster: shard %d: %v", s, r)
				}
			}()
			errs[s] = work(ctx, s, shards)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
