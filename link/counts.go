package link

// Document frequencies live in the store as counters and a log of the
// steps' deltas since the counters were last folded (store.Tx.AppendCounts):
// a step appends one row where updating the counters touched a page for
// every few of its terms, all over a table that grows with the store.
// The linker keeps the log's sum and reads only the entries written since
// it last looked; one step in foldRows folds the log into the counters.

// foldRows and foldPairs bound the log: past either, the step that
// appends folds it. Any linker that starts on the store reads the whole
// log once.
const (
	foldRows  = 64
	foldPairs = 1 << 20
)

// countLog is the linker's sum of the store's count log: the entries
// after folded, up to seq.
type countLog struct {
	sum         map[uint64]int64
	seq, folded int64 // folded -1: not read yet
	rows, pairs int
}

func (c *countLog) add(seq int64, deltas map[uint64]int64) {
	if c.sum == nil {
		c.sum = map[uint64]int64{}
	}
	for k, d := range deltas {
		c.sum[k] += d
	}
	c.seq = seq
	c.rows++
	c.pairs += len(deltas)
}

// readCountLog brings the linker's sum of the count log up to date: the
// entries other processes appended since it last read, or the whole log
// when one of them folded it (then the cached counters are stale too).
func (b *batch) readCountLog() error {
	l, ctx, tx := b.l, b.ctx, b.tx
	folded, err := tx.CountsFolded(ctx)
	if err != nil {
		return err
	}
	if folded != l.counts.folded {
		l.counts = countLog{seq: folded, folded: folded}
		l.dfs, l.hasDFs = nil, false
	}
	entries, err := tx.CountLog(ctx, l.counts.seq)
	if err != nil {
		return err
	}
	for _, e := range entries {
		l.counts.add(e.Seq, e.Deltas)
	}
	return nil
}

// logCounts appends the step's deltas to the count log, and folds the
// log when it is long.
func (b *batch) logCounts() error {
	nonzero := false
	for _, d := range b.dfDelta {
		if d != 0 {
			nonzero = true
			break
		}
	}
	if !nonzero {
		return nil
	}
	seq, err := b.tx.AppendCounts(b.ctx, b.dfDelta)
	if err != nil {
		return err
	}
	b.logSeq = seq
	c := &b.l.counts
	if c.rows+1 >= foldRows || c.pairs+len(b.dfDelta) >= foldPairs {
		if err := b.tx.FoldCounts(b.ctx, seq); err != nil {
			return err
		}
		b.folded = true
	}
	return nil
}

// committed brings the linker's view of the counts up to what the
// step's transaction wrote, once it committed.
func (b *batch) committed() {
	l := b.l
	switch {
	case b.folded:
		// The cached counters do not hold the log just folded into them.
		l.counts = countLog{seq: b.logSeq, folded: b.logSeq}
		l.dfs, l.hasDFs = nil, false
	case b.logSeq > 0:
		l.counts.add(b.logSeq, b.dfDelta)
	}
}
