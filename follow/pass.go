package follow

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/storyline-news/storyline/follow/sourcelist"
	"github.com/storyline-news/storyline/internal/textenc"
	"github.com/storyline-news/storyline/source"
	"github.com/storyline-news/storyline/store"
)

// triage keeps the candidates that are new, changed, or worth another
// try, in order; the others are known. Pages beyond MaxPages wait for
// the next poll.
func (r *pass) triage(ctx context.Context, cands []*candidate) ([]*candidate, error) {
	var keys []string
	for _, c := range cands {
		keys = append(keys, c.own)
		keys = append(keys, c.keys...)
	}
	seen, err := r.f.st.SeenItems(ctx, keys)
	if err != nil {
		return nil, err
	}
	var todo []*candidate
	pages := 0
	for _, c := range cands {
		// elsewhere is the article another listing (or an earlier URL)
		// gave this item.
		elsewhere := ""
		for _, k := range c.keys {
			if it, ok := seen[k]; ok && it.Article != "" {
				elsewhere = it.Article
				break
			}
		}
		prev, listed := seen[c.own]
		switch {
		case listed && prev.Fingerprint == c.fingerprint:
			if prev.Article != "" || prev.Attempts >= r.f.opts.MaxItemAttempts {
				c.known = true
				c.givenUp = prev.Article == ""
				if prev.Article != "" {
					c.setID(prev.Article)
				}
				continue
			}
			c.attempts = prev.Attempts // its page failed before: try again
		case listed && prev.Article != "":
			// Updated: the new version replaces the article it was.
			c.setID(prev.Article)
			c.existed = true
		case elsewhere != "":
			// Stored from another listing, or under another URL.
			c.known, c.recordOwn = true, true
			c.setID(elsewhere)
			continue
		default:
			// Stored by a pass cut short before it recorded it, or by
			// another route (an ingested feed file): not fetched again.
			h, err := r.f.st.ArticleHash(ctx, c.id)
			if err != nil {
				return nil, err
			}
			if h != "" && !listed {
				c.known, c.recordOwn = true, true
				continue
			}
			c.existed = h != ""
		}
		if other := r.claim(c.id, c.keys); other != "" {
			c.dupOf = other
			continue
		}
		if c.pageURL != "" {
			if pages >= r.f.opts.MaxPages {
				r.unclaim(c.keys)
				continue
			}
			pages++
		}
		todo = append(todo, c)
	}
	return todo, nil
}

func (c *candidate) setID(id string) {
	c.id = id
	m := *c.meta
	m.ID, m.Origin = id, id
	c.meta = &m
}

// claim takes keys for an article in this pass; another article that
// holds one of them already is returned instead.
func (r *pass) claim(id string, keys []string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range keys {
		if other, ok := r.claimed[k]; ok && other != id {
			return other
		}
	}
	for _, k := range keys {
		r.claimed[k] = id
	}
	return ""
}

func (r *pass) unclaim(keys []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range keys {
		delete(r.claimed, k)
	}
}

// fetchAndEmit hands the candidates to the pipeline, fetching the pages
// of those that need one; it returns how many pages it fetched.
func (r *pass) fetchAndEmit(ctx context.Context, todo []*candidate, emit func(*source.Item) error) int {
	var paged []*candidate
	for _, c := range todo {
		if c.pageURL != "" {
			paged = append(paged, c)
			continue
		}
		if emit(c.meta) != nil {
			return 0
		}
		c.emitted = true
	}
	jobs := make(chan *candidate)
	var wg sync.WaitGroup
	var mu sync.Mutex
	pages := 0
	for range min(r.f.opts.PageWorkers, len(paged)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				fetched, err := r.page(ctx, c, emit)
				mu.Lock()
				if fetched {
					pages++
				}
				mu.Unlock()
				if err != nil {
					return // the pass is stopping
				}
			}
		}()
	}
	for _, c := range paged {
		select {
		case jobs <- c:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	return pages
}

// page fetches a candidate's page and hands the article to the pipeline;
// a page that is the article of another item (by its final or canonical
// URL) is not. The error is the pass stopping.
func (r *pass) page(ctx context.Context, c *candidate, emit func(*source.Item) error) (fetched bool, err error) {
	resp, err := r.f.fetch.Get(ctx, Request{URL: c.pageURL})
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		c.fetchErr = err
		if c.fallback && (Permanent(err) || c.attempts+1 >= r.f.opts.MaxItemAttempts) {
			// What the feed says is all there is to have.
			if err := emit(c.meta); err != nil {
				return false, err
			}
			c.emitted = true
		}
		return false, nil
	}
	html := textenc.Decode(resp.Body, textenc.HTML, resp.ContentType).Text
	var extra []string
	for _, u := range []string{resp.URL, canonicalLink(html, resp.URL)} {
		if k := "u:" + sourcelist.NormalizeURL(u); u != "" && !slices.Contains(c.keys, k) && !slices.Contains(extra, k) {
			extra = append(extra, k)
		}
	}
	if len(extra) > 0 {
		seen, err := r.f.st.SeenItems(ctx, extra)
		if err != nil {
			return true, err
		}
		for _, k := range extra {
			if it, ok := seen[k]; ok && it.Article != "" && it.Article != c.id {
				c.dupOf = it.Article
				return true, nil
			}
		}
		if other := r.claim(c.id, extra); other != "" {
			c.dupOf = other
			return true, nil
		}
		c.keys = append(c.keys, extra...)
	}
	item := *c.meta
	item.HTML, item.Raw, item.Format = html, resp.Body, "html"
	if err := emit(&item); err != nil {
		return true, err
	}
	c.emitted = true
	return true, nil
}

// finish records what the pass did: the items stored (and those that
// failed) as seen, and, unless the pass was cut short, where each source
// stands.
func (r *pass) finish(ctx context.Context, interrupted bool, sum *Summary) error {
	now := r.now.UTC()
	stamp := now.Format(time.RFC3339)
	var rows []store.SeenItem
	type stateOf struct {
		src   store.Source
		state store.FetchState
		kind  string
	}
	var states []stateOf
	for _, p := range r.polled {
		sum.Sources++
		sum.Pages += p.pages
		newItems, itemErrors, leftOver := 0, 0, false
		seenRow := func(c *candidate, article string, attempts int, err error) {
			for _, k := range append([]string{c.own}, c.keys...) {
				row := store.SeenItem{Key: k, Source: p.src.ID, Article: article, Fingerprint: c.fingerprint, Attempts: attempts, Seen: stamp}
				if err != nil {
					row.Error = err.Error()
				}
				rows = append(rows, row)
			}
		}
		for _, c := range p.cands {
			switch {
			case c.known:
				sum.Known++
				if c.recordOwn {
					seenRow(c, c.id, 0, nil) // known now under this listing's key too
				}
			case c.dupOf != "":
				seenRow(c, c.dupOf, 0, nil)
			case c.emitted:
				h, err := r.f.st.ArticleHash(ctx, c.id)
				if err != nil {
					return fmt.Errorf("follow: %w", err)
				}
				switch {
				case h != "":
					seenRow(c, c.id, 0, nil)
					if !c.existed {
						newItems++
					}
				case !interrupted:
					// The pipeline refused it (no text once cleaned...): a
					// changed version will be tried, this one not again.
					r.mu.Lock()
					err := r.failed[c.id]
					r.mu.Unlock()
					if err == nil {
						err = errors.New("not stored")
					}
					itemErrors++
					seenRow(c, "", r.f.opts.MaxItemAttempts, err)
				}
			case c.fetchErr != nil:
				itemErrors++
				attempts := c.attempts + 1
				if Permanent(c.fetchErr) {
					attempts = r.f.opts.MaxItemAttempts
				}
				if attempts < r.f.opts.MaxItemAttempts {
					leftOver = true
				}
				seenRow(c, "", attempts, c.fetchErr)
			case !c.known:
				leftOver = true // beyond MaxPages, or the pass stopped first
			}
		}
		if interrupted {
			continue
		}
		rows = append(rows, p.sitemaps...)
		st := p.src.State
		st.LastFetch = stamp
		interval := time.Duration(p.src.Interval) * time.Second
		if interval <= 0 {
			interval = sourcelist.DefaultInterval
		}
		if p.err != nil {
			sum.Failed++
			sum.Errors = append(sum.Errors, p.err)
			st.Failures++
			st.Errors++
			st.LastError = p.err.Error()
			st.Failing = st.Failures >= r.f.opts.FailingAfter
			var se *StatusError
			if errors.As(p.err, &se) {
				st.LastStatus = se.Code
			}
			wait := min(interval<<min(st.Failures, 16), r.f.opts.MaxBackoff)
			var later *RetryLaterError
			if errors.As(p.err, &later) {
				wait = max(interval, later.After)
				if later.Code != 0 {
					st.LastStatus = later.Code
				}
			}
			st.NextPoll = now.Add(wait).Format(time.RFC3339)
		} else {
			st.LastStatus = p.resp.Status
			if p.resp.NotModified {
				sum.NotModified++
			}
			if !p.resp.NotModified || p.resp.ETag != "" || p.resp.LastModified != "" {
				st.ETag, st.LastModified = p.resp.ETag, p.resp.LastModified
			}
			if leftOver {
				// Items still to read: the next poll must get the whole
				// document, not a 304.
				st.ETag, st.LastModified = "", ""
			}
			st.Failures, st.Failing, st.LastError = 0, false, ""
			st.Items += newItems
			st.Errors += itemErrors
			if newItems > 0 {
				st.LastNew = stamp
			}
			st.NextPoll = now.Add(interval).Format(time.RFC3339)
		}
		states = append(states, stateOf{src: p.src, state: st, kind: p.kind})
	}
	if len(rows) == 0 && len(states) == 0 {
		return nil
	}
	return r.f.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.PutSeenItems(ctx, rows); err != nil {
			return err
		}
		for _, s := range states {
			if s.src.Kind == store.SourceAuto && s.kind != store.SourceAuto {
				src := s.src
				src.Kind = s.kind
				if err := tx.PutSource(ctx, &src); err != nil {
					return err
				}
			}
			if err := tx.PutFetchState(ctx, s.src.ID, s.state); err != nil {
				return err
			}
		}
		return nil
	})
}
