package queue

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/store"
	"github.com/storyline-news/storyline/store/postgres"
)

// WorkerOptions configure a Worker. Zero values mean the defaults.
type WorkerOptions struct {
	// Jobs is how many items the worker analyses at once (GOMAXPROCS).
	Jobs int
	// JobTimeout bounds one item's analysis (DefaultJobTimeout).
	JobTimeout time.Duration
	// RescueAfter is how long a job may run before River takes its
	// worker for dead and runs it again elsewhere; at least JobTimeout
	// (JobTimeout + DefaultRescueMargin). A worker killed mid-job delays
	// its items by about this much.
	RescueAfter time.Duration
	// Poll is how often the linker looks for work when it found none
	// (DefaultPoll); a worker without the lease tries to take it about
	// four times as rarely.
	Poll time.Duration
	Log  *slog.Logger
	// Registry, if set, receives the worker's own counters.
	Registry prometheus.Registerer
	// AfterSettle, if set, runs after every settling step the worker
	// makes while it holds the lease, with what the step changed waiting
	// as pending work of kind link.PendingChanged (the watchers of
	// events, package watch, take it from there).
	AfterSettle func(context.Context) error
}

// Defaults of WorkerOptions.
const (
	DefaultJobTimeout   = time.Minute
	DefaultRescueMargin = time.Minute
	DefaultPoll         = 250 * time.Millisecond
)

// Bounds of one linking step.
const (
	maxLinkItems = 512      // as the local pipeline's batches
	maxLinkBytes = 64 << 20 // of queued items read for one step
	// settleEvery: under a steady stream, a settling step after this
	// many linking steps, so that settling never starves.
	settleEvery = 4
	// sweepEvery is how often the linker tidies failed items.
	sweepEvery = time.Minute
	// keepFailed is how long an item that failed stays for a look.
	keepFailed = 7 * 24 * time.Hour
)

// Worker analyses queued items and, while it holds the linker lease,
// links them into the store. Any number of workers may share a store.
type Worker struct {
	db      *postgres.DB
	opts    WorkerOptions
	log     *slog.Logger
	chain   []storyline.Analyzer
	linker  *link.Linker // used by the link loop only
	client  *river.Client[*sql.Tx]
	metrics *workerMetrics
	// analysing holds a token per analysis running: River runs more jobs
	// at once than that (see runningPerAnalysis), the rest wait here.
	analysing chan struct{}
}

// runningPerAnalysis: River may run this many jobs per analysis slot.
// River fetches jobs for its free slots at most every fetchCooldown, so
// slots that wait their turn keep the analyses fed between fetches.
const (
	runningPerAnalysis = 8
	fetchCooldown      = 10 * time.Millisecond
)

// NewWorker makes a worker for a PostgreSQL store, migrating the queue's
// tables if needed.
func NewWorker(ctx context.Context, db *postgres.DB, opts WorkerOptions) (*Worker, error) {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.JobTimeout <= 0 {
		opts.JobTimeout = DefaultJobTimeout
	}
	if opts.RescueAfter < opts.JobTimeout {
		opts.RescueAfter = opts.JobTimeout + DefaultRescueMargin
	}
	if opts.Poll <= 0 {
		opts.Poll = DefaultPoll
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if err := Migrate(ctx, db); err != nil {
		return nil, err
	}
	w := &Worker{
		db: db, opts: opts, log: opts.Log,
		chain:     pipeline.Analyzers(),
		linker:    link.New(cluster.DefaultConfig(), link.DefaultOptions(), opts.Log),
		metrics:   newWorkerMetrics(opts.Registry),
		analysing: make(chan struct{}, opts.Jobs),
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &analyseWorker{w: w}); err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	client, err := river.NewClient(riverdatabasesql.NewWithPgxListener(db.SQL(), db.Pool()), &river.Config{
		Queues:               map[string]river.QueueConfig{Name: {MaxWorkers: runningPerAnalysis * opts.Jobs}},
		FetchCooldown:        fetchCooldown,
		Workers:              workers,
		JobTimeout:           opts.JobTimeout,
		RescueStuckJobsAfter: opts.RescueAfter,
		Logger:               opts.Log,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	w.client = client
	return w, nil
}

// Run works until ctx ends: River runs analysis jobs while the link loop
// links, when this worker holds the lease. Jobs running when ctx ends
// are given a moment to finish; what is cut short runs again elsewhere.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.client.Start(ctx); err != nil {
		if ctx.Err() != nil {
			// Stopped while it was still connecting: it ran nothing, so
			// there is nothing to finish and nothing failed.
			return nil
		}
		return fmt.Errorf("worker: start: %w", err)
	}
	linked := make(chan struct{})
	go func() {
		defer close(linked)
		w.linkLoop(ctx)
	}()
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err := w.client.Stop(stopCtx)
	if err != nil {
		err = w.client.StopAndCancel(context.WithoutCancel(ctx))
	}
	<-linked
	if err != nil {
		return fmt.Errorf("worker: stop: %w", err)
	}
	return nil
}

// analyseWorker is the River worker of analysis jobs.
type analyseWorker struct {
	river.WorkerDefaults[analyseArgs]
	w *Worker
}

func (a *analyseWorker) Work(ctx context.Context, job *river.Job[analyseArgs]) error {
	select {
	case a.w.analysing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	err := a.w.analyse(ctx, job)
	<-a.w.analysing
	a.w.metrics.job(job.Attempt, err)
	return err
}

// analyse runs one job: the item's analysis, stored on its row in the
// transaction that completes the job. An error other than a cancel is
// transient: River runs the job again later.
func (w *Worker) analyse(ctx context.Context, job *river.Job[analyseArgs]) error {
	seq := job.Args.Item
	var data []byte
	var failed sql.NullString
	var analysed bool
	err := w.db.SQL().QueryRowContext(ctx, `SELECT item, failed, analysed_at IS NOT NULL FROM queue_items WHERE seq = $1`, seq).Scan(&data, &failed, &analysed)
	switch {
	case errors.Is(err, sql.ErrNoRows), err == nil && analysed:
		return nil // a first run got this far before the job was rescued
	case err != nil:
		return fmt.Errorf("item %d: %w", seq, err)
	case failed.Valid:
		return river.JobCancel(errors.New(failed.String))
	}
	it, meta, err := decodeItem(data)
	if err != nil {
		return w.fail(ctx, seq, err)
	}
	a, err := pipeline.Prepare(it, meta)
	if err != nil {
		return w.fail(ctx, seq, fmt.Errorf("%s: %w", it.Origin, err))
	}
	hash := pipeline.Hash(a)
	old, err := w.db.ArticleHash(ctx, a.ID)
	if err != nil {
		return fmt.Errorf("item %d: %w", seq, err)
	}
	if old == hash {
		return w.finish(ctx, job, `DELETE FROM queue_items WHERE seq = $1`, seq)
	}
	if err := pipeline.Analyze(ctx, w.chain, a); err != nil {
		return w.fail(ctx, seq, fmt.Errorf("%s: %w", it.Origin, err))
	}
	doc, err := json.Marshal(a)
	if err != nil {
		return w.fail(ctx, seq, err)
	}
	return w.finish(ctx, job, `UPDATE queue_items SET article = $2, hash = $3, analysed_at = now() WHERE seq = $1 AND analysed_at IS NULL`, seq, doc, hash)
}

// finish runs a statement on the job's item and completes the job, in one
// transaction.
func (w *Worker) finish(ctx context.Context, job *river.Job[analyseArgs], query string, args ...any) error {
	tx, err := w.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("item %d: %w", job.Args.Item, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("item %d: %w", job.Args.Item, err)
	}
	if _, err := river.JobCompleteTx[*riverdatabasesql.Driver](ctx, tx, job); err != nil {
		return fmt.Errorf("item %d: complete job: %w", job.Args.Item, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("item %d: %w", job.Args.Item, err)
	}
	return nil
}

// fail marks an item that cannot be analysed (its own fault, not the
// store's) and cancels its job: running it again would fail again.
func (w *Worker) fail(ctx context.Context, seq int64, cause error) error {
	if err := w.markFailed(ctx, seq, cause); err != nil {
		return err
	}
	return river.JobCancel(cause)
}

// markFailed keeps an item out of the work with why, for a look.
func (w *Worker) markFailed(ctx context.Context, seq int64, cause error) error {
	if _, err := w.db.SQL().ExecContext(ctx, `UPDATE queue_items SET failed = $2 WHERE seq = $1`, seq, cause.Error()); err != nil {
		return fmt.Errorf("item %d: %w (while marking it failed: %v)", seq, err, cause)
	}
	w.log.Warn("item failed", "item", seq, "err", cause)
	return nil
}

// linkLoop links analysed items and settles events while this worker
// holds the linker lease, and tries to take the lease while it does not.
func (w *Worker) linkLoop(ctx context.Context) {
	l := &lease{key: w.db.LeaseKey(), config: w.db.Pool().Config().ConnConfig}
	defer l.release(ctx)
	var lastSweep time.Time
	batches := 0
	for ctx.Err() == nil {
		if !l.held {
			if err := l.take(ctx); err != nil && ctx.Err() == nil {
				w.log.Error("linker lease", "err", err)
			}
			if !l.held {
				sleep(ctx, 4*w.opts.Poll)
				continue
			}
			w.log.Info("took the linker lease")
		}
		toLink, toSettle, err := w.waiting(ctx, l.conn)
		if err != nil {
			if ctx.Err() == nil {
				// The lease's connection broke: PostgreSQL has let the
				// lease go with it.
				w.log.Error("linker lease lost", "err", err)
			}
			l.release(ctx)
			continue
		}
		if time.Since(lastSweep) > sweepEvery {
			lastSweep = time.Now()
			if err := w.sweep(ctx); err != nil && ctx.Err() == nil {
				w.log.Error("sweeping failed items", "err", err)
			}
		}
		switch {
		case toLink && (batches < settleEvery || !toSettle):
			batches++
			err = w.linkBatch(ctx)
		case toSettle:
			batches = 0
			if _, err = w.linker.Settle(ctx, w.db); err == nil && w.opts.AfterSettle != nil {
				err = w.opts.AfterSettle(ctx)
			}
		default:
			sleep(ctx, w.opts.Poll)
			continue
		}
		if err != nil && ctx.Err() == nil {
			w.log.Error("linking", "err", err)
			sleep(ctx, 10*w.opts.Poll)
		}
	}
}

// lease is the linker lease: a session-level advisory lock on a
// connection of its own, held until that connection closes (or breaks, or
// its process dies), when PostgreSQL lets it go at once.
type lease struct {
	key    int64
	config *pgx.ConnConfig
	conn   *pgx.Conn // kept while trying, so that a try costs one query
	held   bool
}

// take tries to take the lease; l.held says whether it did (else another
// worker holds it).
func (l *lease) take(ctx context.Context) error {
	if l.conn == nil {
		conn, err := pgx.ConnectConfig(ctx, l.config.Copy())
		if err != nil {
			return err
		}
		l.conn = conn
	}
	if err := l.conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, l.key).Scan(&l.held); err != nil {
		l.release(ctx)
		return err
	}
	return nil
}

// release lets the lease go by closing its connection.
func (l *lease) release(ctx context.Context) {
	if l.conn != nil {
		l.conn.Close(context.WithoutCancel(ctx))
	}
	l.conn, l.held = nil, false
}

// waiting says whether analysed items wait to be linked and events to be
// settled, asked on the lease's connection so that a broken lease shows.
func (w *Worker) waiting(ctx context.Context, lease *pgx.Conn) (toLink, toSettle bool, err error) {
	err = lease.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM queue_items WHERE analysed_at IS NOT NULL AND failed IS NULL),
		EXISTS (SELECT 1 FROM pending WHERE kind = $1)`, pendingSettle).Scan(&toLink, &toSettle)
	return toLink, toSettle, err
}

// toLink is an analysed item read for linking.
type toLink struct {
	seq  int64
	item link.Item
}

// linkBatch links the oldest analysed items. A batch that fails is linked
// again an item at a time, so that one bad item fails alone.
func (w *Worker) linkBatch(ctx context.Context) error {
	batch, err := w.readAnalysed(ctx)
	if err != nil || len(batch) == 0 {
		return err
	}
	err = w.link(ctx, batch)
	if err == nil || !w.itemsFault(ctx, err) {
		return err
	}
	if len(batch) == 1 {
		return w.markFailed(ctx, batch[0].seq, fmt.Errorf("link: %w", err))
	}
	for _, one := range batch {
		if err := w.link(ctx, []toLink{one}); err != nil {
			if !w.itemsFault(ctx, err) {
				return err
			}
			if err := w.markFailed(ctx, one.seq, fmt.Errorf("link: %w", err)); err != nil {
				return err
			}
		}
	}
	return nil
}

// itemsFault tells a linking error due to what was linked from one that
// says nothing about it: the store away, the process stopping, a store
// that must be reanalysed first.
func (w *Worker) itemsFault(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, link.ErrRelink) {
		return false
	}
	return w.db.SQL().PingContext(ctx) == nil
}

// readAnalysed reads the oldest analysed items, as many as one linking
// step takes.
func (w *Worker) readAnalysed(ctx context.Context) ([]toLink, error) {
	rows, err := w.db.SQL().QueryContext(ctx, `SELECT seq, item, article, hash FROM queue_items
		WHERE analysed_at IS NOT NULL AND failed IS NULL ORDER BY seq LIMIT $1`, maxLinkItems)
	if err != nil {
		return nil, fmt.Errorf("read analysed items: %w", err)
	}
	defer rows.Close()
	var out []toLink
	size := 0
	for rows.Next() && size < maxLinkBytes {
		var seq int64
		var data, doc []byte
		var hash string
		if err := rows.Scan(&seq, &data, &doc, &hash); err != nil {
			return nil, fmt.Errorf("read analysed items: %w", err)
		}
		size += len(data) + len(doc)
		it, _, err := decodeItem(data)
		var a storyline.Article
		if err == nil {
			err = json.Unmarshal(doc, &a)
		}
		if err != nil {
			if err := w.markFailed(ctx, seq, fmt.Errorf("damaged analysed item: %w", err)); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, toLink{seq: seq, item: link.Item{Article: &a, Hash: hash, Raw: store.Raw{Format: it.Format, Origin: it.Origin, Data: it.Raw}}})
	}
	return out, rows.Err()
}

// link links items and takes them off the queue in the same transaction.
// A panic (a bug meeting odd input) fails the step, never the worker.
func (w *Worker) link(ctx context.Context, batch []toLink) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("linking failed: %v", r)
		}
	}()
	items := make([]link.Item, len(batch))
	seqs := make([]int64, len(batch))
	for i, b := range batch {
		items[i], seqs[i] = b.item, b.seq
	}
	if _, err := w.linker.Link(ctx, &dequeuing{DB: w.db, seqs: seqs}, items); err != nil {
		return err
	}
	w.metrics.linked.Add(float64(len(batch)))
	return nil
}

// dequeuing is the store as the linker sees it during one linking step:
// its write transaction also takes the linked items off the queue.
type dequeuing struct {
	*postgres.DB
	seqs []int64
}

func (d *dequeuing) Update(ctx context.Context, fn func(store.Tx) error) error {
	return d.UpdateTx(ctx, func(t store.Tx, tx *sql.Tx) error {
		if err := fn(t); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM queue_items WHERE seq = ANY($1)`, d.seqs)
		return err
	})
}

// sweep marks the items whose jobs River gave up on (discarded after
// maxAttempts transient failures) and deletes failed items after
// keepFailed.
func (w *Worker) sweep(ctx context.Context) error {
	_, err := w.db.SQL().ExecContext(ctx, `UPDATE queue_items q SET failed = 'analysis kept failing: ' || COALESCE(j.errors[array_upper(j.errors, 1)]->>'error', '')
		FROM river_job j
		WHERE j.kind = $1 AND j.state = 'discarded' AND (j.args->>'item')::bigint = q.seq AND q.analysed_at IS NULL AND q.failed IS NULL`, kindAnalyse)
	if err == nil {
		_, err = w.db.SQL().ExecContext(ctx, `DELETE FROM queue_items WHERE failed IS NOT NULL AND queued_at < $1`, time.Now().Add(-keepFailed))
	}
	return err
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// StartWorkers runs n workers on the store a DSN names, each with
// connections of its own as n processes would have: for benchmarks and
// tests on one machine. stop ends them and returns the first error one
// of them met.
func StartWorkers(ctx context.Context, dsn string, n int, opts WorkerOptions) (stop func() error, err error) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	var stores []*postgres.DB
	stop = func() error {
		cancel()
		wg.Wait()
		for _, st := range stores {
			st.Close()
		}
		close(errs)
		return <-errs
	}
	for range n {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			stop()
			return nil, err
		}
		stores = append(stores, st)
		w, err := NewWorker(ctx, st, opts)
		if err != nil {
			stop()
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.Run(ctx); err != nil {
				errs <- err
			}
		}()
	}
	return stop, nil
}
