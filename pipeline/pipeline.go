// Package pipeline runs Storyline end to end: read inputs (source), clean
// them (extract, clean, lang), analyse each article (ner, timex, quote) on
// several goroutines, then link the analysed articles into the store's
// corpus (package link) in batches, one transaction each: an article is
// stored together with its entities, quotes, event and story, or not at
// all.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/clean"
	"github.com/storyline-news/storyline/cluster"
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/lang"
	"github.com/storyline-news/storyline/link"
	"github.com/storyline-news/storyline/newstext"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
)

// analysisVersion is part of every content hash: bump it when the analysis
// changes so that re-ingesting re-analyses articles instead of keeping stale
// results as "unchanged".
const analysisVersion = "4"

// Options configure an ingest.
type Options struct {
	MetaFile string          // --meta JSON Lines
	Meta     map[string]Meta // or meta given directly; wins over MetaFile
	MaxBytes int64           // per input item; 0 means 10 MB
	Workers  int             // analysis goroutines; 0 means GOMAXPROCS
	Progress io.Writer       // where to draw a progress bar; nil for none
	Log      *slog.Logger
	// OnError is called for each per-item failure as it happens.
	OnError func(error)
	// OnWarning is called for what was read all the same but deserves a
	// word (a repaired encoding, damage skipped in an archive, a repeated
	// item); it is no failure.
	OnWarning func(error)
}

// Summary counts what an ingest did.
type Summary struct {
	Ingested, Unchanged, Updated, Failed int
	// Queued counts the items handed to a Submitter (NewSubmitting), to
	// be analysed and linked by workers.
	Queued int
	Errors []error
	// FinalSettling is how long the settling the linking steps left for
	// the end of the run took, after the last article was linked: the
	// part of a bulk ingest that runs on the one writer alone.
	FinalSettling time.Duration
}

func (s Summary) String() string {
	if s.Queued > 0 {
		return fmt.Sprintf("%d queued for analysis, %d failed", s.Queued, s.Failed)
	}
	return fmt.Sprintf("%d ingested, %d unchanged, %d updated, %d failed", s.Ingested, s.Unchanged, s.Updated, s.Failed)
}

// DefaultMaxBytes is the size limit of one input item.
const DefaultMaxBytes = 10 << 20

// maxBatch is the most articles one linking transaction takes. Batches
// form by themselves: the linker takes whatever the analysis has finished
// while it linked the previous batch, so they stay small (and an upload
// shows at once) when linking keeps up, and grow when it does not.
const maxBatch = 512

func (o *Options) defaults() error {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Meta == nil && o.MetaFile != "" {
		m, err := LoadMeta(o.MetaFile)
		if err != nil {
			return err
		}
		o.Meta = m
	}
	return nil
}

// Pipeline ingests into one store. It holds the process's linker: one
// linking step at a time per process (the store serialises writers
// across processes too). Safe for concurrent use.
type Pipeline struct {
	st     store.Store
	chain  []storyline.Analyzer
	mu     sync.Mutex // guards linker
	linker *link.Linker
	submit Submitter // nil: analyse and link here

	hookMu      sync.Mutex
	afterSettle func(context.Context) error
}

// AfterSettle sets fn to run after every settling step, with what the
// step changed waiting in the store as pending work of kind
// link.PendingChanged: the watchers of events (package watch) take it
// from there. An error from fn ends Settle with it.
func (p *Pipeline) AfterSettle(fn func(context.Context) error) {
	p.hookMu.Lock()
	defer p.hookMu.Unlock()
	p.afterSettle = fn
}

// New makes a Pipeline for a store with the default analysis and linking.
func New(st store.Store, log *slog.Logger) *Pipeline {
	return &Pipeline{st: st, chain: Analyzers(), linker: link.New(cluster.DefaultConfig(), link.DefaultOptions(), log)}
}

// NewServing is New for a process that serves readers beside its
// uploads: linking and settling run on one goroutine, so that readers
// keep the other CPUs. A settling step spread over both CPUs of a small
// machine held every read queued behind it (read p99 46–50 ms against
// 39 ms on a 100k store at 200 reads/s and 2 uploads/s), and an upload
// was in its event no sooner.
func NewServing(st store.Store, log *slog.Logger) *Pipeline {
	cfg := cluster.DefaultConfig()
	cfg.Workers = 1
	return &Pipeline{st: st, chain: Analyzers(), linker: link.New(cfg, link.DefaultOptions(), log)}
}

// Ingest reads PATHs, cleans and analyses each article and links it into
// the store. Per-item failures are counted and returned in the summary;
// the error is for what stops the whole run (bad meta, a failing store,
// cancellation).
func Ingest(ctx context.Context, st store.Store, paths []string, opts Options) (Summary, error) {
	return New(st, opts.Log).Ingest(ctx, paths, opts)
}

// IngestBytes ingests one uploaded input with a Pipeline of its own.
func IngestBytes(ctx context.Context, st store.Store, name string, data []byte, opts Options) (Summary, error) {
	return New(st, opts.Log).IngestBytes(ctx, name, data, opts)
}

// Ingest reads PATHs into the store.
func (p *Pipeline) Ingest(ctx context.Context, paths []string, opts Options) (Summary, error) {
	return p.ingest(ctx, opts, countFiles(paths), func(ctx context.Context, fn func(*source.Item, *source.ItemError) error) error {
		return source.Walk(ctx, paths, opts.sourceOptions(), fn)
	})
}

// IngestBytes ingests one uploaded input; name gives its format hint and,
// for single articles, its id.
func (p *Pipeline) IngestBytes(ctx context.Context, name string, data []byte, opts Options) (Summary, error) {
	return p.ingest(ctx, opts, 0, func(ctx context.Context, fn func(*source.Item, *source.ItemError) error) error {
		return source.ReadBytes(ctx, name, data, opts.sourceOptions(), fn)
	})
}

// IngestItems ingests items its caller has read itself (package follow
// fetches feeds and pages): read calls emit with each item, as Walk
// would. An item with HTML has its article extracted, as a page file
// would.
func (p *Pipeline) IngestItems(ctx context.Context, read func(ctx context.Context, emit func(*source.Item) error) error, opts Options) (Summary, error) {
	return p.ingest(ctx, opts, 0, func(ctx context.Context, fn func(*source.Item, *source.ItemError) error) error {
		return read(ctx, func(it *source.Item) error { return fn(it, nil) })
	})
}

func (o Options) sourceOptions() source.Options {
	so := source.Options{MaxBytes: o.maxBytes()}
	if o.OnWarning != nil {
		so.OnWarning = func(w *source.ItemError) { o.OnWarning(w) }
	}
	return so
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

type job struct {
	item *source.Item
	err  *source.ItemError
}

// analysed is an article ready to link, with where it came from.
type analysed struct {
	item   link.Item
	origin string
}

func (p *Pipeline) ingest(ctx context.Context, opts Options, total int, read func(context.Context, func(*source.Item, *source.ItemError) error) error) (Summary, error) {
	var sum Summary
	if err := opts.defaults(); err != nil {
		return sum, err
	}
	if p.submit != nil {
		return p.submitAll(ctx, opts, total, read)
	}
	var mu sync.Mutex
	bar := newProgress(opts.Progress, total)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		sum.Failed++
		sum.Errors = append(sum.Errors, err)
		if opts.OnError != nil {
			opts.OnError(err)
		}
		bar.step(sum.Failed)
	}
	count := func(r store.PutResult) {
		mu.Lock()
		defer mu.Unlock()
		switch r {
		case store.Inserted:
			sum.Ingested++
		case store.Unchanged:
			sum.Unchanged++
		case store.Updated:
			sum.Updated++
		}
		bar.step(sum.Failed)
	}

	jobs := make(chan job, opts.Workers*4)
	ready := make(chan analysed, maxBatch)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					fail(j.err)
					continue
				}
				it, unchanged, err := p.analyse(ctx, opts.Meta, j.item)
				switch {
				case err != nil:
					var fatal *storeError
					if errors.As(err, &fatal) {
						cancel(err)
						continue
					}
					fail(&source.ItemError{Origin: j.item.Origin, Err: err})
				case unchanged:
					count(store.Unchanged)
				default:
					select {
					case ready <- analysed{item: it, origin: j.item.Origin}:
					case <-ctx.Done():
					}
				}
			}
		}()
	}
	linked := make(chan struct{})
	go func() {
		defer close(linked)
		p.linkLoop(ctx, ready, count, fail, cancel)
	}()
	readErr := read(ctx, func(it *source.Item, ie *source.ItemError) error {
		select {
		case jobs <- job{it, ie}:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	close(jobs)
	wg.Wait()
	close(ready)
	<-linked
	bar.done()
	if cause := context.Cause(ctx); cause != nil {
		return sum, cause
	}
	if readErr != nil {
		return sum, readErr
	}
	settleStart := time.Now()
	if err := p.Settle(ctx); err != nil {
		return sum, err
	}
	sum.FinalSettling = time.Since(settleStart)
	return sum, nil
}

// Settle runs the settling pass until no event waits for it (see
// link.Linker.Settle): ingest ends with it, so that what an ingest
// returns is settled; a crash before it leaves the waiting events to the
// next run, their articles already in them.
func (p *Pipeline) Settle(ctx context.Context) error {
	for {
		more, err := p.settleStep(ctx)
		if err != nil || !more {
			return err
		}
	}
}

// settleStep runs one step of the settling pass (at most the linker's
// SettleEvents events) and the hook that follows settling.
func (p *Pipeline) settleStep(ctx context.Context) (more bool, err error) {
	more, _, err = p.settleStepOf(ctx, false)
	return more, err
}

// settleStepOf runs a settling step as settleStep does; with full, only
// when enough events wait (link.Linker.SettleFull; ran says whether it
// ran).
func (p *Pipeline) settleStepOf(ctx context.Context, full bool) (more, ran bool, err error) {
	p.hookMu.Lock()
	after := p.afterSettle
	p.hookMu.Unlock()
	p.mu.Lock()
	if full {
		more, ran, err = p.linker.SettleFull(ctx, p.st)
	} else {
		more, err = p.linker.Settle(ctx, p.st)
		ran = true
	}
	p.mu.Unlock()
	if err != nil {
		return false, false, fmt.Errorf("settle: %w", err)
	}
	if after != nil && ran {
		if err := after(ctx); err != nil {
			return false, false, fmt.Errorf("after settling: %w", err)
		}
	}
	return more, ran, nil
}

// next waits for the next analysed article. While none is ready and
// enough events that stopped taking articles wait for settling
// (link.Linker.SettleFull), it settles a step at a time: the writer would
// otherwise idle while the analysis catches up, and leave all the settling
// to the end of the run, on one core. Events still taking articles wait:
// settled before the rest of their reports arrived, a bulk ingest's
// events came out worse, and a watchlist heard of a new event and then,
// moments later in the same ingest, of each outlet that joined it. A
// failed step is left to the final pass, which reports it.
func (p *Pipeline) next(ctx context.Context, ready <-chan analysed, unsettled *bool) (analysed, bool) {
	for *unsettled && ctx.Err() == nil {
		select {
		case a, ok := <-ready:
			return a, ok
		default:
		}
		_, ran, err := p.settleStepOf(ctx, true)
		*unsettled = ran && err == nil
	}
	a, ok := <-ready
	return a, ok
}

// linkLoop links what the analysis finishes, a batch at a time, until
// ready is closed. A batch that fails is linked again an article at a
// time, so that one bad article fails alone.
func (p *Pipeline) linkLoop(ctx context.Context, ready <-chan analysed, count func(store.PutResult), fail func(error), stop context.CancelCauseFunc) {
	unsettled := false
	for {
		first, ok := p.next(ctx, ready, &unsettled)
		if !ok {
			return
		}
		batch := []analysed{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case a, ok := <-ready:
				if !ok {
					break drain
				}
				batch = append(batch, a)
			default:
				break drain
			}
		}
		if ctx.Err() != nil {
			continue // drain without linking: the run is stopping
		}
		results, err := p.link(ctx, batch)
		if err == nil {
			for _, r := range results {
				count(r)
			}
			// Analysis keeps the writer busy with small batches
			// until its last article, so idle moments (next) leave
			// nearly all the settling to the end, on one writer while
			// the other CPUs wait. Once enough events wait they are
			// settled at once instead, and next goes on while steps
			// run (a step not run now would not run there either); a
			// failed step is rolled back and its events wait for the
			// final pass, which reports a failure.
			_, ran, settleErr := p.settleStepOf(ctx, true)
			unsettled = ran && settleErr == nil
			continue
		}
		if ctx.Err() != nil || len(batch) == 1 {
			if ctx.Err() == nil {
				p.failBatch(batch, err, fail, stop)
			}
			continue
		}
		for _, a := range batch {
			results, err := p.link(ctx, []analysed{a})
			if err != nil {
				if ctx.Err() != nil {
					break
				}
				p.failBatch([]analysed{a}, err, fail, stop)
				continue
			}
			count(results[0])
		}
	}
}

// failBatch reports a linking failure: the article's, unless the store
// itself failed, which stops the run.
func (p *Pipeline) failBatch(batch []analysed, err error, fail func(error), stop context.CancelCauseFunc) {
	var fatal *storeError
	if errors.As(err, &fatal) {
		stop(err)
		return
	}
	for _, a := range batch {
		fail(&source.ItemError{Origin: a.origin, Err: fmt.Errorf("link: %w", err)})
	}
}

// link runs one linking step; a panic (a bug meeting odd input) fails the
// step, never the process.
func (p *Pipeline) link(ctx context.Context, batch []analysed) (results []store.PutResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("linking failed: %v", r)
		}
	}()
	items := make([]link.Item, len(batch))
	for i, a := range batch {
		items[i] = a.item
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.linker.Link(ctx, p.st, items)
}

// storeError marks a failure of the store itself: it stops the run rather
// than being blamed on one item.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }
func (e *storeError) Unwrap() error { return e.err }

// analyse prepares and analyses one read item; unchanged is true when the
// store already holds it as it is.
func (p *Pipeline) analyse(ctx context.Context, meta map[string]Meta, it *source.Item) (link.Item, bool, error) {
	a, err := Prepare(it, meta)
	if err != nil {
		return link.Item{}, false, err
	}
	hash := Hash(a)
	old, err := p.st.ArticleHash(ctx, a.ID)
	if err != nil {
		return link.Item{}, false, &storeError{err}
	}
	if old == hash {
		return link.Item{}, true, nil
	}
	if err := Analyze(ctx, p.chain, a); err != nil {
		return link.Item{}, false, err
	}
	return link.Item{Article: a, Hash: hash, Raw: store.Raw{Format: it.Format, Origin: it.Origin, Data: it.Raw}}, false, nil
}

// Prepare turns a read item into a cleaned article with its metadata, meta
// winning over what the input says, the input over what the text says. An
// item that is a page has its article extracted first.
func Prepare(it *source.Item, meta map[string]Meta) (*storyline.Article, error) {
	it, err := extractPage(it)
	if err != nil {
		return nil, err
	}
	fromHTML := it.HTML != nil
	known := clean.Known{Title: it.Title, Byline: it.Byline, Outlet: it.Outlet, Published: it.Published, FromHTML: fromHTML}
	c := clean.Text(it.Text, known)
	a := &storyline.Article{
		ID: it.ID, URL: it.URL,
		Title:  firstNonEmpty(it.Title, c.Title),
		Byline: firstNonEmpty(it.Byline, c.Byline),
		Outlet: firstNonEmpty(it.Outlet, c.Outlet),
		Lang:   it.Lang, Text: c.Text, Dateline: c.Dateline,
		Paragraphs: c.Paragraphs,
	}
	a.Credits = mergeCredits(it.Credits, c.Credits)
	switch {
	case it.Published != "":
		a.Published, a.PublishedFrom = it.Published, it.PublishedFrom
		if a.PublishedFrom == "" {
			a.PublishedFrom = storyline.FromMeta
		}
	case c.Published != "":
		a.Published, a.PublishedFrom = c.Published, storyline.FromText
	}
	if m, ok := meta[a.ID]; ok {
		// Meta wins, but when the article's own evidence gives the same
		// day, that evidence is where the date comes from: meta only
		// confirms it. The same instant written in UTC confirms it too,
		// and the article's own offset keeps the publisher's day.
		if m.Published != "" && !sameDay(m.Published, a.Published) && !sameInstant(m.Published, a.Published) {
			a.Published, a.PublishedFrom = m.Published, storyline.FromMeta
		}
		a.Outlet = firstNonEmpty(m.Outlet, a.Outlet)
		a.URL = firstNonEmpty(m.URL, a.URL)
		a.Title = firstNonEmpty(m.Title, a.Title)
	}
	if strings.TrimSpace(a.Text) == "" && a.Title != "" && !fromHTML {
		// A headline-only item (a feed entry, a news flash): its one line
		// is its text.
		a.Text = a.Title
		a.Paragraphs = []storyline.Paragraph{{Role: storyline.RoleHeadline, Start: 0, End: len(a.Text)}}
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, errors.New("no article text left after cleaning")
	}
	if a.Lang == "" {
		a.Lang = lang.Detect(a.Text)
		// A guess the text shows no function word of is no guess: the
		// stages analyse it as text of an unknown language, as they do a
		// text too short to tell.
		if n, ok := newstext.NameListsOf(a.Lang); ok && !n.WrittenIn(a.Text) {
			a.Lang = ""
		}
	}
	return a, nil
}

// extractPage returns the item with its page's article extracted (package
// extract): reading an input and extracting its article are two steps.
// What the item already says (a JSON Lines record's title, an archive's
// target URL) wins over what the page says.
func extractPage(it *source.Item) (*source.Item, error) {
	if it.HTML == nil {
		return it, nil
	}
	res, err := extract.HTML(it.HTML, it.URL)
	if err != nil {
		return nil, err
	}
	out := *it
	out.Text = res.Text
	out.URL = firstNonEmpty(it.URL, res.URL)
	out.Title = firstNonEmpty(it.Title, res.Title)
	out.Byline = firstNonEmpty(it.Byline, res.Byline)
	out.Outlet = firstNonEmpty(it.Outlet, res.Site)
	out.Lang = firstNonEmpty(it.Lang, res.Lang)
	if len(it.Credits) == 0 {
		out.Credits = res.Credits
	}
	if it.Published == "" && res.Published != "" {
		out.Published, out.PublishedFrom = res.Published, storyline.FromHTML
	}
	return &out, nil
}

// sameInstant reports whether two RFC 3339 stamps name the same instant.
func sameInstant(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, a)
	tb, errB := time.Parse(time.RFC3339, b)
	return errA == nil && errB == nil && ta.Equal(tb)
}

func sameDay(a, b string) bool {
	return len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10]
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

func mergeCredits(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, c := range l {
			if c = strings.TrimSpace(c); c != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, c) }) {
				out = append(out, c)
			}
		}
	}
	return out
}

// Hash is an article's content hash: what it says, and which analysis made
// the rest.
func Hash(a *storyline.Article) string {
	h := sha256.New()
	h.Write([]byte(analysisVersion + "\x00"))
	json.NewEncoder(h).Encode(struct {
		ID, URL, Title, Byline, Outlet, Lang, Published, PublishedFrom, Text, Dateline string
		Credits                                                                        []string
		Paragraphs                                                                     []storyline.Paragraph
	}{a.ID, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.PublishedFrom, a.Text, a.Dateline, a.Credits, a.Paragraphs})
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Analyze runs the per-article stages in order. A panic in a stage (a bug
// meeting odd input) fails this article, never the batch.
func Analyze(ctx context.Context, chain []storyline.Analyzer, a *storyline.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis failed: %v", r)
		}
	}()
	for _, s := range chain {
		if err := s.Analyze(ctx, a); err != nil {
			return fmt.Errorf("analyse: %w", err)
		}
	}
	return nil
}

// progress draws a one-line bar on a terminal.
type progress struct {
	w     io.Writer
	total int
	n     int
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) step(failed int) {
	if p.w == nil {
		return
	}
	p.n++
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(p.n) / time.Since(p.start).Seconds()
	if p.total > 0 && p.n <= p.total {
		const width = 30
		full := p.n * width / p.total
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d  %.0f/s  %d failed ", strings.Repeat("#", full), strings.Repeat(".", width-full), p.n, p.total, rate, failed)
		return
	}
	fmt.Fprintf(p.w, "\r%d items  %.0f/s  %d failed ", p.n, rate, failed)
}

func (p *progress) done() {
	if p.w != nil && p.n > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// Reanalyze runs the per-article analysis again on every stored article
// and links the corpus anew, without re-reading the sources: for when the
// models or rules change, or a store written by an older version. It
// streams over the store in pages, so memory does not grow with it.
func (p *Pipeline) Reanalyze(ctx context.Context, progress io.Writer) (int, error) {
	p.mu.Lock()
	err := p.linker.Reset(ctx, p.st)
	p.mu.Unlock()
	if err != nil {
		return 0, fmt.Errorf("reanalyze: %w", err)
	}
	total, err := p.st.CountArticles(ctx)
	if err != nil {
		return 0, fmt.Errorf("reanalyze: %w", err)
	}
	bar := newProgress(progress, total)
	n := 0
	var batch []analysed
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := p.link(ctx, batch); err != nil {
			return err
		}
		n += len(batch)
		for range batch {
			bar.step(0)
		}
		batch = batch[:0]
		return nil
	}
	err = p.st.EachArticle(ctx, func(a *storyline.Article) error {
		raw, err := p.st.RawArticle(ctx, a.ID)
		if err != nil {
			return err
		}
		a.Entities, a.Timexes, a.Quotes, a.EventDate, a.Event = nil, nil, nil, "", ""
		if err := Analyze(ctx, p.chain, a); err != nil {
			return fmt.Errorf("reanalyze %s: %w", a.ID, err)
		}
		batch = append(batch, analysed{item: link.Item{Article: a, Hash: Hash(a), Raw: raw, Relink: true}, origin: a.ID})
		if len(batch) >= maxBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = p.Settle(ctx)
	}
	bar.done()
	if err != nil {
		return n, fmt.Errorf("reanalyze: %w", err)
	}
	return n, nil
}
