package server

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// respCache keeps the answers of the few reads that are both popular and
// costly (the home page and the story list read every story's events) for
// a few seconds. An upload through this server clears it at once; a write
// by another process (storyline ingest on the same store) shows within the
// TTL.
type respCache struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]*cached
	// inflight makes concurrent misses on one key wait for the first
	// instead of all computing the same page.
	inflight map[string]chan struct{}
}

type cached struct {
	at     time.Time
	header http.Header
	body   []byte
}

func newRespCache(ttl time.Duration, max int) *respCache {
	return &respCache{ttl: ttl, max: max, m: map[string]*cached{}, inflight: map[string]chan struct{}{}}
}

func (c *respCache) clear() {
	c.mu.Lock()
	c.m = map[string]*cached{}
	c.mu.Unlock()
}

// lookup returns a fresh entry, or nil and whether the caller must compute
// it (false: another request computed it meanwhile; look again).
func (c *respCache) lookup(key string) (*cached, bool) {
	for {
		c.mu.Lock()
		if e := c.m[key]; e != nil && time.Since(e.at) < c.ttl {
			c.mu.Unlock()
			return e, false
		}
		wait, busy := c.inflight[key]
		if !busy {
			c.inflight[key] = make(chan struct{})
			c.mu.Unlock()
			return nil, true
		}
		c.mu.Unlock()
		<-wait
	}
}

func (c *respCache) store(key string, e *cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e != nil {
		if len(c.m) >= c.max {
			c.m = map[string]*cached{} // crude, but bounded and rare
		}
		c.m[key] = e
	}
	close(c.inflight[key])
	delete(c.inflight, key)
}

// wrap serves h through the cache; only complete 200 answers are kept.
func (c *respCache) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			h.ServeHTTP(w, r)
			return
		}
		key := r.URL.RequestURI() + "\x00" + r.Header.Get("HX-Request")
		e, compute := c.lookup(key)
		if compute {
			bw := &bufferWriter{header: http.Header{}, status: http.StatusOK}
			func() {
				defer func() {
					if e == nil {
						c.store(key, nil)
					}
				}()
				h.ServeHTTP(bw, r)
				if bw.status == http.StatusOK {
					e = &cached{at: time.Now(), header: bw.header, body: bw.buf.Bytes()}
					c.store(key, e)
				}
			}()
			if e == nil {
				bw.copyTo(w)
				return
			}
		}
		for k, v := range e.header {
			w.Header()[k] = v
		}
		w.WriteHeader(http.StatusOK)
		w.Write(e.body)
	})
}

// bufferWriter is an http.ResponseWriter that keeps the response.
type bufferWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) WriteHeader(code int)        { b.status = code }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }

func (b *bufferWriter) copyTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	w.WriteHeader(b.status)
	w.Write(b.buf.Bytes())
}
