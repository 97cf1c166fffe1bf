// Package pipeline runs Storyline end to end: read inputs (source), clean
// them (extract, clean, lang), analyse each article (ner, timex, quote),
// store it, then build what spans articles (entity, quote, cluster) and
// save that too.
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
	"github.com/storyline-news/storyline/extract"
	"github.com/storyline-news/storyline/lang"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
)

// analysisVersion is part of every content hash: bump it when the analysis
// changes so that re-ingesting re-analyses articles instead of keeping stale
// results as "unchanged".
const analysisVersion = "1"

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
	// SkipRebuild stores the articles without rebuilding what spans
	// articles; the caller rebuilds later (a Rebuilder coalesces many
	// small ingests into few rebuilds).
	SkipRebuild bool
}

// Summary counts what an ingest did.
type Summary struct {
	Ingested, Unchanged, Updated, Failed int
	Errors                               []error
}

func (s Summary) String() string {
	return fmt.Sprintf("%d ingested, %d unchanged, %d updated, %d failed", s.Ingested, s.Unchanged, s.Updated, s.Failed)
}

// DefaultMaxBytes is the size limit of one input item.
const DefaultMaxBytes = 10 << 20

func (o *Options) defaults() error {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
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

// Ingest reads PATHs, cleans and analyses each article, stores it, then
// rebuilds the corpus-level results. Per-item failures are counted and
// returned in the summary; the error is for what stops the whole run (bad
// meta, a failing store, cancellation).
func Ingest(ctx context.Context, st store.Store, paths []string, opts Options) (Summary, error) {
	return ingest(ctx, st, opts, countFiles(paths), func(ctx context.Context, fn func(*source.Item, *source.ItemError) error) error {
		return source.Walk(ctx, paths, opts.sourceOptions(), fn)
	})
}

// IngestBytes ingests one uploaded input; name gives its format hint and,
// for single articles, its id.
func IngestBytes(ctx context.Context, st store.Store, name string, data []byte, opts Options) (Summary, error) {
	return ingest(ctx, st, opts, 0, func(ctx context.Context, fn func(*source.Item, *source.ItemError) error) error {
		return source.ReadBytes(ctx, name, data, opts.sourceOptions(), fn)
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

func ingest(ctx context.Context, st store.Store, opts Options, total int, read func(context.Context, func(*source.Item, *source.ItemError) error) error) (Summary, error) {
	var sum Summary
	if err := opts.defaults(); err != nil {
		return sum, err
	}
	chain := Analyzers()
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
				r, err := processItem(ctx, st, chain, opts.Meta, j.item)
				if err != nil {
					var fatal *storeError
					if errors.As(err, &fatal) {
						cancel(err)
						continue
					}
					fail(&source.ItemError{Origin: j.item.Origin, Err: err})
					continue
				}
				count(r)
			}
		}()
	}
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
	bar.done()
	if cause := context.Cause(ctx); cause != nil {
		return sum, cause
	}
	if readErr != nil {
		return sum, readErr
	}
	if opts.SkipRebuild {
		return sum, nil
	}
	if err := Rebuild(ctx, st); err != nil {
		return sum, err
	}
	return sum, nil
}

// storeError marks a failure of the store itself: it stops the run rather
// than being blamed on one item.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }
func (e *storeError) Unwrap() error { return e.err }

func processItem(ctx context.Context, st store.Store, chain []storyline.Analyzer, meta map[string]Meta, it *source.Item) (store.PutResult, error) {
	a, err := Prepare(it, meta)
	if err != nil {
		return 0, err
	}
	hash := Hash(a)
	old, err := st.ArticleHash(ctx, a.ID)
	if err != nil {
		return 0, &storeError{err}
	}
	if old == hash {
		return store.Unchanged, nil
	}
	if err := Analyze(ctx, chain, a); err != nil {
		return 0, err
	}
	r, err := st.PutArticle(ctx, a, hash, store.Raw{Format: it.Format, Origin: it.Origin, Data: it.Raw})
	if err != nil {
		return 0, &storeError{err}
	}
	return r, nil
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
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, errors.New("no article text left after cleaning")
	}
	if a.Lang == "" {
		a.Lang = lang.Detect(a.Text)
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
	}{a.ID, a.URL, a.Title, a.Byline, a.Outlet, a.Lang, a.Published, a.PublishedFrom, a.Text, a.Dateline, a.Credits})
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

// Rebuild recomputes everything that spans articles from the stored
// articles and saves it.
func Rebuild(ctx context.Context, st store.Store) error {
	var articles []*storyline.Article
	if err := st.EachArticle(ctx, func(a *storyline.Article) error {
		articles = append(articles, a)
		return nil
	}); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	c, err := Build(ctx, articles)
	if err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if err := st.SaveCorpus(ctx, c); err != nil {
		return fmt.Errorf("rebuild: %w", err)
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

// Reanalyze runs the per-article analysis again on every stored article and
// rebuilds the corpus, without re-reading the sources: for when the models
// or rules change.
func Reanalyze(ctx context.Context, st store.Store) (int, error) {
	chain := Analyzers()
	var articles []*storyline.Article
	err := st.EachArticle(ctx, func(a *storyline.Article) error {
		a.Entities, a.Timexes, a.Quotes, a.EventDate = nil, nil, nil, ""
		if err := Analyze(ctx, chain, a); err != nil {
			return fmt.Errorf("reanalyze %s: %w", a.ID, err)
		}
		articles = append(articles, a)
		return nil
	})
	if err != nil {
		return 0, err
	}
	c, err := Build(ctx, articles)
	if err != nil {
		return 0, fmt.Errorf("reanalyze: %w", err)
	}
	if err := st.SaveCorpus(ctx, c); err != nil {
		return 0, fmt.Errorf("reanalyze: %w", err)
	}
	return len(articles), nil
}
