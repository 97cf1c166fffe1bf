package pipeline

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
)

// Submitter takes read items whose analysis and linking happen elsewhere:
// in the worker processes of a shared store (package queue), which run
// Prepare, Analyze and the linker on each. Submit keeps all the items or
// none.
type Submitter interface {
	Submit(ctx context.Context, items []Submission) error
}

// Submission is one read item to analyse elsewhere, with the metadata
// that wins over what it says (nil: none).
type Submission struct {
	Item *source.Item
	Meta *Meta
}

// NewSubmitting makes a Pipeline that reads inputs and hands every item
// to s instead of analysing and linking it: Ingest and IngestBytes then
// return once the items are queued (Summary.Queued), before they are
// analysed. Reanalyze and Settle still run here.
func NewSubmitting(st store.Store, s Submitter, log *slog.Logger) *Pipeline {
	p := New(st, log)
	p.submit = s
	return p
}

// Bounds of one Submit call: one transaction of the queue.
const (
	submitItems = 256
	submitBytes = 16 << 20
)

// submitAll reads items and submits them in batches. Unreadable items
// fail alone; a failing Submit stops the run (the queue's store failed).
func (p *Pipeline) submitAll(ctx context.Context, opts Options, total int, read func(context.Context, func(*source.Item, *source.ItemError) error) error) (Summary, error) {
	var sum Summary
	bar := newProgress(opts.Progress, total)
	var batch []Submission
	size := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := p.submit.Submit(ctx, batch); err != nil {
			return fmt.Errorf("queue: %w", err)
		}
		sum.Queued += len(batch)
		for range batch {
			bar.step(sum.Failed)
		}
		batch, size = batch[:0], 0
		return nil
	}
	err := read(ctx, func(it *source.Item, ie *source.ItemError) error {
		if ie != nil {
			sum.Failed++
			sum.Errors = append(sum.Errors, ie)
			if opts.OnError != nil {
				opts.OnError(ie)
			}
			bar.step(sum.Failed)
			return nil
		}
		s := Submission{Item: it}
		if m, ok := opts.Meta[it.ID]; ok {
			s.Meta = &m
		}
		batch = append(batch, s)
		size += len(it.Raw) + len(it.HTML) + len(it.Text)
		if len(batch) >= submitItems || size >= submitBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	bar.done()
	return sum, err
}
