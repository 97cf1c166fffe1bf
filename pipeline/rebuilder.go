package pipeline

import (
	"context"
	"log/slog"
	"sync"

	"github.com/storyline-news/storyline/store"
)

// Rebuilder runs corpus rebuilds in the background for a long-lived
// process (the server): each upload stores its articles at once and asks
// for a rebuild; requests that arrive while one runs are served by a single
// further run, so a burst of uploads costs two rebuilds, not one each.
type Rebuilder struct {
	st  store.Store
	log *slog.Logger

	mu        sync.Mutex
	cond      *sync.Cond
	requested int // generation asked for
	done      int // generation the last finished rebuild covered
	running   bool
	ctx       context.Context
}

// NewRebuilder makes a Rebuilder whose runs stop when ctx is cancelled.
func NewRebuilder(ctx context.Context, st store.Store, log *slog.Logger) *Rebuilder {
	if log == nil {
		log = slog.Default()
	}
	r := &Rebuilder{st: st, log: log, ctx: ctx}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// Request asks for a rebuild that covers everything stored so far.
func (r *Rebuilder) Request() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requested++
	if !r.running {
		r.running = true
		go r.loop()
	}
}

func (r *Rebuilder) loop() {
	for {
		r.mu.Lock()
		if r.done >= r.requested || r.ctx.Err() != nil {
			r.running = false
			r.cond.Broadcast()
			r.mu.Unlock()
			return
		}
		gen := r.requested
		r.mu.Unlock()

		if err := Rebuild(r.ctx, r.st); err != nil {
			r.log.Error("background rebuild failed", "err", err)
		}

		r.mu.Lock()
		r.done = gen
		r.cond.Broadcast()
		r.mu.Unlock()
	}
}

// Wait blocks until every rebuild requested so far has run (or the
// Rebuilder's context ended).
func (r *Rebuilder) Wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.running && r.done < r.requested {
		r.cond.Wait()
	}
}
