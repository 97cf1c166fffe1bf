package follow

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// DefaultUserAgent names Storyline and where to read about it, so that a
// site's operator knows who is asking.
const DefaultUserAgent = "Storyline/1 (news-event engine; +https://github.com/storyline-news/storyline)"

// RobotsAgent is the product token robots.txt groups are matched with.
const RobotsAgent = "storyline"

// FetchOptions make the fetcher a good citizen; zero values take the
// defaults.
type FetchOptions struct {
	UserAgent string
	// Timeout bounds one request, body included (20 s).
	Timeout time.Duration
	// MaxBytes bounds a response body, before and after decompression
	// (10 MB).
	MaxBytes int64
	// MaxRedirects bounds the redirects followed (5).
	MaxRedirects int
	// HostInterval is the least time between two requests to one host
	// (1 s); a robots.txt Crawl-delay makes it longer. Negative: none.
	HostInterval time.Duration
	// HostConcurrency bounds the requests in flight to one host (2).
	HostConcurrency int
	// Retries is how often a failed request is tried again (3): network
	// errors, time-outs, 408, 429 and 5xx answers.
	Retries int
	// Backoff is the pause before the first retry (1 s); it doubles with
	// each retry, plus up to half again at random.
	Backoff time.Duration
	// MaxRetryAfter is the longest Retry-After waited for in place (2
	// min); a longer one fails the request with *RetryLaterError.
	MaxRetryAfter time.Duration
	// RobotsTTL is how long a robots.txt is kept (24 h).
	RobotsTTL time.Duration
	// Transport carries the requests; nil: a transport of the fetcher's
	// own. Tests and the benchmark give one that dials a local server.
	Transport http.RoundTripper
}

func (o *FetchOptions) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.HostInterval == 0 {
		o.HostInterval = time.Second
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	if o.Retries < 0 {
		o.Retries = 0
	} else if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 2 * time.Minute
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = 24 * time.Hour
	}
}

// Errors a fetch fails with.
var (
	ErrDisallowed   = errors.New("disallowed by robots.txt")
	ErrTooLarge     = errors.New("response larger than the size limit")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrRedirects    = errors.New("too many redirects")
)

// StatusError is an answer other than 2xx, 304 or a redirect.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("%s: HTTP %d", e.URL, e.Code) }

// RetryLaterError is a host asking (429, 503) to wait longer than
// FetchOptions.MaxRetryAfter before asking again.
type RetryLaterError struct {
	URL   string
	Code  int // the answer that asked, 0 when an earlier one did
	After time.Duration
}

func (e *RetryLaterError) Error() string {
	return fmt.Sprintf("%s: asked to retry after %s", e.URL, e.After.Round(time.Second))
}

// Permanent tells a failure that trying again soon would not mend: robots
// disallow, an oversized response, redirect trouble, a 4xx answer other
// than 408 and 429.
func Permanent(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return !retryableStatus(se.Code)
	}
	return errors.Is(err, ErrDisallowed) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrRedirectLoop) || errors.Is(err, ErrRedirects)
}

func retryableStatus(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500
}

// Request is one conditional GET.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
}

// Response is a fetched document.
type Response struct {
	URL          string // after redirects
	Status       int
	NotModified  bool // 304: Body is empty
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Fetcher gets documents politely: robots.txt honoured, requests to a
// host spaced and bounded in number, conditional, compressed, retried
// with backoff, redirects and sizes bounded. Safe for concurrent use.
type Fetcher struct {
	opts   FetchOptions
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
}

// host is what the fetcher keeps per host (scheme and authority).
type host struct {
	sem chan struct{} // a slot per request in flight

	mu        sync.Mutex
	next      time.Time // the earliest start of the next request
	delay     time.Duration
	robots    *robots
	robotsErr error     // why robots.txt could not be read
	until     time.Time // when robots.txt must be read again

	robotsMu sync.Mutex // one robots.txt read at a time
}

// NewFetcher makes a fetcher.
func NewFetcher(opts FetchOptions) *Fetcher {
	opts.defaults()
	tr := opts.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DisableCompression = true // Accept-Encoding is ours, and so is decoding
		t.MaxIdleConnsPerHost = opts.HostConcurrency
		t.ResponseHeaderTimeout = opts.Timeout
		t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		tr = t
	}
	return &Fetcher{
		opts: opts,
		client: &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse // redirects are followed by Get, through robots and the host's limits
		}},
		hosts: map[string]*host{},
	}
}

func (f *Fetcher) host(u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.hosts[key]
	if !ok {
		h = &host{sem: make(chan struct{}, f.opts.HostConcurrency), delay: f.opts.HostInterval}
		f.hosts[key] = h
	}
	return h
}

// Get fetches a URL: robots.txt is asked first, redirects are followed
// (each hop asking its host's robots.txt), failures are retried.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	target := req.URL
	seen := map[string]bool{}
	for hop := 0; ; hop++ {
		u, err := url.Parse(target)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("fetch %q: not an http(s) URL", target)
		}
		seen[target] = true
		resp, loc, err := f.retrying(ctx, u, req)
		if err != nil {
			return nil, err
		}
		if loc == "" {
			return resp, nil
		}
		next := resolve(target, loc)
		switch {
		case next == "":
			return nil, fmt.Errorf("%s: redirect to %q: not an http(s) URL", target, loc)
		case seen[next]:
			return nil, fmt.Errorf("%s: %w", req.URL, ErrRedirectLoop)
		case hop+1 > f.opts.MaxRedirects:
			return nil, fmt.Errorf("%s: %w (more than %d)", req.URL, ErrRedirects, f.opts.MaxRedirects)
		}
		target = next
	}
}

// retrying makes one request, trying it again while it fails in a way
// that may mend. loc is a redirect's target.
func (f *Fetcher) retrying(ctx context.Context, u *url.URL, req Request) (*Response, string, error) {
	h := f.host(u)
	if err := f.checkRobots(ctx, h, u); err != nil {
		return nil, "", err
	}
	for attempt := 0; ; attempt++ {
		resp, loc, retryAfter, err := f.once(ctx, h, u, req)
		var later *RetryLaterError
		if err == nil || ctx.Err() != nil || Permanent(err) || errors.As(err, &later) {
			return resp, loc, err
		}
		if retryAfter > f.opts.MaxRetryAfter {
			var se *StatusError
			code := 0
			if errors.As(err, &se) {
				code = se.Code
			}
			return nil, "", &RetryLaterError{URL: u.String(), Code: code, After: retryAfter}
		}
		if attempt >= f.opts.Retries {
			return nil, "", err
		}
		pause := f.opts.Backoff << attempt
		pause += time.Duration(rand.Int64N(int64(pause)/2 + 1))
		pause = max(pause, retryAfter)
		if err := sleep(ctx, pause); err != nil {
			return nil, "", err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// acquire waits for a slot and for the host's interval; release gives
// the slot back. A host that asked to be left alone for longer than
// maxWait fails at once with *RetryLaterError.
func (h *host) acquire(ctx context.Context, u *url.URL, maxWait time.Duration) (release func(), err error) {
	h.mu.Lock()
	wait := time.Until(h.next)
	h.mu.Unlock()
	if wait > maxWait {
		return nil, &RetryLaterError{URL: u.String(), After: wait}
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-h.sem }
	for {
		h.mu.Lock()
		now := time.Now()
		if !now.Before(h.next) {
			if h.delay > 0 {
				h.next = now.Add(h.delay)
			}
			h.mu.Unlock()
			return release, nil
		}
		wait := h.next.Sub(now)
		h.mu.Unlock()
		if err := sleep(ctx, wait); err != nil {
			release()
			return nil, err
		}
	}
}

// holdOff makes every request to the host wait d from now (a Retry-After).
func (h *host) holdOff(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t := time.Now().Add(d); t.After(h.next) {
		h.next = t
	}
}

// once makes one request. retryAfter is what a 429 or 503 asked for.
func (f *Fetcher) once(ctx context.Context, h *host, u *url.URL, req Request) (resp *Response, loc string, retryAfter time.Duration, err error) {
	release, err := h.acquire(ctx, u, f.opts.MaxRetryAfter)
	if err != nil {
		return nil, "", 0, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", 0, fmt.Errorf("fetch %s: %w", u, err)
	}
	hr.Header.Set("User-Agent", f.opts.UserAgent)
	hr.Header.Set("Accept-Encoding", "br, gzip")
	hr.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	r, err := f.client.Do(hr)
	if err != nil {
		return nil, "", 0, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer r.Body.Close()
	switch {
	case r.StatusCode == http.StatusNotModified:
		return &Response{URL: u.String(), Status: r.StatusCode, NotModified: true, ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified")}, "", 0, nil
	case r.StatusCode >= 300 && r.StatusCode < 400 && r.Header.Get("Location") != "":
		return nil, r.Header.Get("Location"), 0, nil
	case r.StatusCode < 200 || r.StatusCode >= 300:
		if r.StatusCode == http.StatusTooManyRequests || r.StatusCode == http.StatusServiceUnavailable {
			retryAfter = parseRetryAfter(r.Header.Get("Retry-After"), time.Now())
			if retryAfter > 0 {
				h.holdOff(retryAfter)
			}
		}
		io.Copy(io.Discard, io.LimitReader(r.Body, 64<<10))
		return nil, "", retryAfter, &StatusError{URL: u.String(), Code: r.StatusCode}
	}
	body, err := f.readBody(r)
	if err != nil {
		return nil, "", 0, fmt.Errorf("fetch %s: %w", u, err)
	}
	return &Response{URL: u.String(), Status: r.StatusCode, Body: body, ContentType: r.Header.Get("Content-Type"),
		ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified")}, "", 0, nil
}

// readBody reads a response body, decompressed, within the size limit.
func (f *Fetcher) readBody(r *http.Response) ([]byte, error) {
	max := f.opts.MaxBytes
	if r.ContentLength > max {
		return nil, ErrTooLarge
	}
	var body io.Reader = io.LimitReader(r.Body, max+1)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		raw, err := readAtMost(body, max)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		body = zr
	case "br":
		raw, err := readAtMost(body, max)
		if err != nil {
			return nil, err
		}
		body = brotli.NewReader(bytes.NewReader(raw))
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	return readAtMost(body, max)
}

func readAtMost(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrTooLarge
	}
	return b, nil
}

// parseRetryAfter reads a Retry-After value: seconds, or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// checkRobots fails with ErrDisallowed when the host's robots.txt keeps
// the crawler from u. An unreachable robots.txt (network error, 5xx)
// disallows everything for a while, as RFC 9309 asks; a missing one
// (4xx) allows everything.
func (f *Fetcher) checkRobots(ctx context.Context, h *host, u *url.URL) error {
	r, err := f.robotsOf(ctx, h, u)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !r.allowed(path) {
		return fmt.Errorf("%s: %w", u, ErrDisallowed)
	}
	return nil
}

// robotsUnreachableTTL is how long an unreachable robots.txt keeps its
// host closed before it is asked again.
const robotsUnreachableTTL = 10 * time.Minute

// ErrRobotsUnreachable: the host's robots.txt could not be read (a
// network error, a 5xx answer), so nothing on the host is fetched for a
// while, as RFC 9309 asks.
var ErrRobotsUnreachable = errors.New("robots.txt unreachable")

func (f *Fetcher) robotsOf(ctx context.Context, h *host, u *url.URL) (*robots, error) {
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	h.mu.Lock()
	r, rerr, fresh := h.robots, h.robotsErr, time.Now().Before(h.until)
	h.mu.Unlock()
	if fresh {
		return r, rerr
	}
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, loc, _, err := f.once(ctx, h, robotsURL, Request{})
	ttl := f.opts.RobotsTTL
	var se *StatusError
	r, rerr = nil, nil
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case err == nil && loc != "":
		r = &robots{} // a redirected robots.txt is read as none rather than followed off the host
	case err == nil:
		r = parseRobots(resp.Body, RobotsAgent)
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != http.StatusTooManyRequests:
		r = &robots{}
	default:
		rerr, ttl = fmt.Errorf("%s: %w: %w", u.Host, ErrRobotsUnreachable, err), robotsUnreachableTTL
	}
	h.mu.Lock()
	h.robots, h.robotsErr, h.until = r, rerr, time.Now().Add(ttl)
	if r != nil && r.delay > h.delay {
		h.delay = r.delay
	}
	h.mu.Unlock()
	return r, rerr
}
