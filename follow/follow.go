package follow

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/internal/textenc"
	"github.com/storyline-news/storyline/pipeline"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
)

// Options tune a Follower; zero values take the defaults.
type Options struct {
	Fetch FetchOptions
	// Workers is how many sources are polled at once (8).
	Workers int
	// PageWorkers is how many of one source's pages are fetched at once
	// (4); the per-host limits still apply.
	PageWorkers int
	// MaxPages bounds the pages one poll of a source fetches (200); the
	// rest wait for the next poll.
	MaxPages int
	// MaxSitemaps bounds the sitemaps of an index read in one poll (10,
	// the most recently modified).
	MaxSitemaps int
	// MaxItemAttempts is how many polls try an item whose page could not
	// be read before it is given up (or stored from what the feed says).
	MaxItemAttempts int
	// FailingAfter is how many failed polls in a row flag a source as
	// failing (3). A failing poll puts the next one off twice as long as
	// the last, up to MaxBackoff (24 h).
	FailingAfter int
	MaxBackoff   time.Duration
	// Now is the clock (time.Now); tests move it.
	Now func() time.Time
	Log *slog.Logger
	// Ingest configures the pipeline run of each pass (workers, error
	// and warning callbacks).
	Ingest pipeline.Options
	// OnSource, when set, hears about each source once its poll has read
	// what it links to.
	OnSource func(SourceReport)
}

func (o *Options) defaults() {
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.PageWorkers <= 0 {
		o.PageWorkers = 4
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 200
	}
	if o.MaxSitemaps <= 0 {
		o.MaxSitemaps = 10
	}
	if o.MaxItemAttempts <= 0 {
		o.MaxItemAttempts = 3
	}
	if o.FailingAfter <= 0 {
		o.FailingAfter = 3
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 24 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// SourceReport is what one poll of a source found.
type SourceReport struct {
	Source      store.Source
	NotModified bool
	Items       int // items the source listed
	Queued      int // items handed to the pipeline
	Pages       int // pages fetched
	Err         error
}

// Summary counts what a pass did.
type Summary struct {
	Sources     int // sources polled
	NotModified int
	Failed      int // sources whose poll failed
	Pages       int // article pages fetched
	Known       int // items skipped as already stored
	Ingest      pipeline.Summary
	Errors      []error // the failed polls' errors
}

// Follower polls sources and stores what they publish through a pipeline.
// One per process (it holds the process's fetcher and its per-host
// limits).
type Follower struct {
	st    store.Store
	p     *pipeline.Pipeline
	fetch *Fetcher
	opts  Options
}

// New makes a Follower storing into st through p.
func New(st store.Store, p *pipeline.Pipeline, opts Options) *Follower {
	opts.defaults()
	return &Follower{st: st, p: p, fetch: NewFetcher(opts.Fetch), opts: opts}
}

// Fetcher is the follower's fetcher.
func (f *Follower) Fetcher() *Fetcher { return f.fetch }

// Run polls the sources as they fall due until ctx ends; onPass hears
// about every pass that polled something.
func (f *Follower) Run(ctx context.Context, onPass func(Summary, error)) error {
	for {
		sum, err := f.Pass(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if onPass != nil && (sum.Sources > 0 || err != nil) {
			onPass(sum, err)
		}
		wait := time.Minute // new sources are noticed within a minute
		if next, ok := f.nextDue(ctx); ok {
			wait = min(wait, max(next.Sub(f.opts.Now()), time.Second))
		}
		if err := sleep(ctx, wait); err != nil {
			return nil
		}
	}
}

func (f *Follower) nextDue(ctx context.Context) (time.Time, bool) {
	srcs, err := f.st.Sources(ctx)
	if err != nil {
		return time.Time{}, false
	}
	var next time.Time
	for _, s := range srcs {
		t := parseTime(s.State.NextPoll)
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	return next, len(srcs) > 0
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// Pass polls every source that is due, once, fetching the pages its new
// items link to, and stores the articles: one pipeline run for the pass.
// Where each source stands is saved at the end; a pass cut short saves
// the items it stored, not the sources' new state, so that the next pass
// reads them again and picks up what was left.
func (f *Follower) Pass(ctx context.Context) (Summary, error) {
	var sum Summary
	now := f.opts.Now()
	srcs, err := f.st.Sources(ctx)
	if err != nil {
		return sum, fmt.Errorf("follow: %w", err)
	}
	var due []store.Source
	for _, s := range srcs {
		if s.State.NextPoll == "" || !parseTime(s.State.NextPoll).After(now) {
			due = append(due, s)
		}
	}
	if len(due) == 0 {
		return sum, nil
	}
	r := &pass{f: f, now: now, claimed: map[string]string{}, failed: map[string]error{}}
	opts := f.opts.Ingest
	onError := opts.OnError
	opts.OnError = func(err error) {
		var ie *source.ItemError
		if errors.As(err, &ie) {
			r.mu.Lock()
			r.failed[ie.Origin] = ie.Err
			r.mu.Unlock()
		}
		if onError != nil {
			onError(err)
		}
	}
	sum.Ingest, err = f.p.IngestItems(ctx, func(ctx context.Context, emit func(*source.Item) error) error {
		jobs := make(chan store.Source)
		var wg sync.WaitGroup
		for range min(f.opts.Workers, len(due)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for s := range jobs {
					p := r.poll(ctx, s, emit)
					r.mu.Lock()
					r.polled = append(r.polled, p)
					r.mu.Unlock()
					if f.opts.OnSource != nil {
						f.opts.OnSource(p.report())
					}
				}
			}()
		}
	feed:
		for _, s := range due {
			select {
			case jobs <- s:
			case <-ctx.Done():
				break feed
			}
		}
		close(jobs)
		wg.Wait()
		return ctx.Err()
	}, opts)
	interrupted := err != nil || ctx.Err() != nil
	// What was stored is recorded even when the pass was cut short, so
	// that it is never fetched again.
	bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if ferr := r.finish(bctx, interrupted, &sum); ferr != nil && err == nil {
		err = ferr
	}
	return sum, err
}

// pass is one Pass in progress.
type pass struct {
	f   *Follower
	now time.Time

	mu      sync.Mutex
	polled  []*polled
	claimed map[string]string // seen keys taken by an item of this pass → its article
	failed  map[string]error  // pipeline failures by item origin (its article id)
}

// polled is one source's poll.
type polled struct {
	src      store.Source
	kind     string // what the document turned out to be
	resp     *Response
	err      error
	listed   int
	pages    int
	sitemaps []store.SeenItem // child sitemaps read
	cands    []*candidate
}

func (p *polled) report() SourceReport {
	r := SourceReport{Source: p.src, Items: p.listed, Pages: p.pages, Err: p.err, NotModified: p.resp != nil && p.resp.NotModified}
	for _, c := range p.cands {
		if c.emitted {
			r.Queued++
		}
	}
	return r
}

// candidate is one item a source lists, on its way to the store.
type candidate struct {
	id string // the article's id
	// own is the item's key in its listing ("i:SOURCE ID"), whose seen
	// row keeps the fingerprint; keys are the keys any listing may share
	// ("g:GUID", "u:URL"), whose rows say which article they are.
	own         string
	keys        []string
	fingerprint string
	// meta is the item as the listing gives it; it goes to the pipeline
	// as it is when pageURL is "", else with the page's HTML.
	meta    *source.Item
	pageURL string
	// fallback: meta may be stored as it is when the page cannot be read
	// (a feed item's summary or headline).
	fallback bool
	attempts int // failed reads before this pass

	// What happened.
	known     bool   // already stored (by an earlier pass, or another route), or given up
	givenUp   bool   // known as an item whose page could not be read
	recordOwn bool   // known, but not yet under its own key
	dupOf     string // the article this item is, under another URL
	emitted   bool   // handed to the pipeline
	existed   bool   // the article was stored before (an update)
	fetchErr  error  // the page could not be read
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// poll fetches a source and hands what is new to the pipeline.
func (r *pass) poll(ctx context.Context, s store.Source, emit func(*source.Item) error) *polled {
	p := &polled{src: s, kind: s.Kind}
	resp, err := r.f.fetch.Get(ctx, Request{URL: s.URL, ETag: s.State.ETag, LastModified: s.State.LastModified})
	if err != nil {
		p.err = err
		return p
	}
	p.resp = resp
	if resp.NotModified {
		return p
	}
	if p.kind == store.SourceAuto {
		switch source.Sniff(resp.Body) {
		case source.KindFeed:
			p.kind = store.SourceFeed
		case source.KindSitemap:
			p.kind = store.SourceSitemap
		case source.KindPage:
			p.kind = store.SourcePage
		default:
			p.err = fmt.Errorf("%s: neither a feed, a sitemap nor a page", s.URL)
			return p
		}
	}
	switch p.kind {
	case store.SourceFeed:
		p.cands, p.err = r.feedCandidates(ctx, s, resp)
	case store.SourceSitemap:
		p.cands, p.err = r.sitemapCandidates(ctx, p, resp)
	case store.SourcePage:
		p.cands = []*candidate{r.pageCandidate(s, resp)}
	}
	if p.err != nil {
		return p
	}
	p.listed = len(p.cands)
	todo, err := r.triage(ctx, p.cands)
	if err != nil {
		p.err = err
		return p
	}
	p.pages = r.fetchAndEmit(ctx, todo, emit)
	return p
}

// feedCandidates are a feed's items.
func (r *pass) feedCandidates(ctx context.Context, s store.Source, resp *Response) ([]*candidate, error) {
	var out []*candidate
	positional := s.ID + "#"
	err := source.ReadBytes(ctx, s.ID+".xml", resp.Body, source.Options{MaxBytes: r.f.fetch.opts.MaxBytes}, func(it *source.Item, ie *source.ItemError) error {
		if ie != nil {
			r.f.opts.Log.Warn("feed item unreadable", "source", s.URL, "err", ie)
			return nil
		}
		link := sourcelist.NormalizeURL(it.URL)
		fp := fingerprint(it.Title, it.Text, it.Published, link)
		id := it.ID
		switch {
		case id == "" || id == it.URL:
			id = link // no GUID: the URL without its tracking
		case strings.HasPrefix(id, positional):
			id = positional + fp // neither GUID nor link: a position says nothing across polls
		}
		if id == "" {
			return nil
		}
		c := &candidate{id: id, own: "i:" + s.ID + " " + id, fingerprint: fp}
		if id != link {
			c.keys = append(c.keys, "g:"+id)
		}
		if isWeb(link) {
			c.keys = append(c.keys, "u:"+link)
		}
		item := *it
		item.ID, item.URL, item.Origin = id, link, id
		c.meta = &item
		if (it.Summary || strings.TrimSpace(it.Text) == "") && isWeb(link) {
			c.pageURL = link
			c.fallback = strings.TrimSpace(item.Text) != "" || item.Title != ""
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.URL, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the feed has no readable item", s.URL)
	}
	return out, nil
}

func isWeb(u string) bool { return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") }

// recentDays: in a sitemap that is no news sitemap, the entries modified
// within this many days are the ones followed.
const recentDays = 7

// sitemapCandidates are the pages a sitemap lists; an index's sitemaps
// are read first (those changed since the last poll).
func (r *pass) sitemapCandidates(ctx context.Context, p *polled, resp *Response) ([]*candidate, error) {
	opts := source.Options{MaxBytes: r.f.fetch.opts.MaxBytes}
	sm, err := source.ReadSitemap(resp.Body, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.src.URL, err)
	}
	entries := sm.Entries
	if len(sm.Sitemaps) > 0 {
		refs := sm.Sitemaps
		sort.SliceStable(refs, func(i, j int) bool { return refs[i].LastMod > refs[j].LastMod })
		refs = refs[:min(len(refs), r.f.opts.MaxSitemaps)]
		keys := make([]string, len(refs))
		for i, ref := range refs {
			keys[i] = "m:" + sourcelist.NormalizeURL(ref.URL)
		}
		seen, err := r.f.st.SeenItems(ctx, keys)
		if err != nil {
			return nil, err
		}
		for i, ref := range refs {
			if prev, ok := seen[keys[i]]; ok && ref.LastMod != "" && prev.Fingerprint == ref.LastMod {
				continue // unchanged since it was read
			}
			child, err := r.f.fetch.Get(ctx, Request{URL: ref.URL})
			if err != nil {
				r.f.opts.Log.Warn("sitemap unreadable", "index", p.src.URL, "sitemap", ref.URL, "err", err)
				continue
			}
			csm, err := source.ReadSitemap(child.Body, opts)
			if err != nil {
				r.f.opts.Log.Warn("sitemap unreadable", "index", p.src.URL, "sitemap", ref.URL, "err", err)
				continue
			}
			entries = append(entries, csm.Entries...)
			if ref.LastMod != "" {
				p.sitemaps = append(p.sitemaps, store.SeenItem{Key: keys[i], Source: p.src.ID, Fingerprint: ref.LastMod})
			}
		}
	}
	dated := false
	for _, e := range entries {
		if e.News || e.LastMod != "" {
			dated = true
			break
		}
	}
	horizon := r.now.AddDate(0, 0, -recentDays).Format("2006-01-02")
	var out []*candidate
	for _, e := range entries {
		if dated && !e.News && (e.LastMod == "" || e.LastMod < horizon) {
			continue
		}
		id := sourcelist.NormalizeURL(e.URL)
		it := &source.Item{ID: id, URL: id, Title: e.Title, Outlet: e.Outlet, Lang: e.Lang, Format: "html", Origin: id}
		if e.Published != "" {
			it.Published, it.PublishedFrom = e.Published, "meta"
		}
		out = append(out, &candidate{id: id, own: "i:" + p.src.ID + " " + id, keys: []string{"u:" + id}, fingerprint: fingerprint(e.LastMod, e.Title, e.Published), meta: it, pageURL: id})
	}
	return out, nil
}

// pageCandidate is a page source's page, read in the poll itself.
func (r *pass) pageCandidate(s store.Source, resp *Response) *candidate {
	page := textenc.Decode(resp.Body, textenc.HTML, resp.ContentType).Text
	id := sourcelist.NormalizeURL(resp.URL)
	keys := []string{"u:" + sourcelist.NormalizeURL(s.URL)}
	if canon := canonicalLink(page, resp.URL); canon != "" {
		id = sourcelist.NormalizeURL(canon)
	}
	if k := "u:" + id; k != keys[0] {
		keys = append(keys, k)
	}
	sum := sha256.Sum256(resp.Body)
	return &candidate{id: id, own: "i:" + s.ID + " " + sourcelist.NormalizeURL(s.URL), keys: keys, fingerprint: hex.EncodeToString(sum[:12]),
		meta: &source.Item{ID: id, URL: id, HTML: page, Format: "html", Origin: id, Raw: resp.Body}}
}
