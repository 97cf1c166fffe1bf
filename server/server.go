// Package server serves a store to people (server-rendered HTML pages with
// htmx, all assets embedded) and to tools (a JSON API described by an
// OpenAPI 3 document), from one handler built on the standard library's
// router.
//
// Article text is untrusted: pages are rendered with html/template only, no
// page ever turns article data into template.HTML, links from article data
// are kept only when they are http or https, and every response carries a
// Content-Security-Policy that allows nothing from another origin.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/storyline-news/storyline/store"
)

// DefaultMaxBody is the request body limit when Options gives none.
const DefaultMaxBody = 10 << 20

// IngestSummary is what an ingest of uploaded articles did.
type IngestSummary struct {
	Ingested  int      `json:"ingested"`
	Unchanged int      `json:"unchanged"`
	Updated   int      `json:"updated"`
	Failed    int      `json:"failed"`
	Errors    []string `json:"errors,omitempty"`
	Queued    int      `json:"queued,omitempty"` // for a shared store's workers, analysed and linked after the answer
}

// IngestFunc ingests one uploaded input; name carries the format hint
// ("upload.jsonl"). The server takes it as a function so that it depends on
// the store only, not on the analysis pipeline.
type IngestFunc func(ctx context.Context, name string, data []byte) (IngestSummary, error)

// Options configures New.
type Options struct {
	// Token is the bearer token POST /api/articles requires. Empty: every
	// POST is refused.
	Token string
	// Ingest handles POST /api/articles; nil: the endpoint answers 503.
	Ingest IngestFunc
	// Log receives one line per request; nil: slog.Default().
	Log *slog.Logger
	// MaxBody limits request bodies (bytes); 0: DefaultMaxBody.
	MaxBody int64
	// Registry receives the server's metrics; nil: a new registry with the
	// Go and process collectors. /metrics serves it.
	Registry *prometheus.Registry
	// CacheTTL is how long the home page, the story list and search
	// results are reused; 0: DefaultCacheTTL, negative: no cache.
	CacheTTL time.Duration
}

// DefaultCacheTTL is the cache lifetime when Options gives none.
const DefaultCacheTTL = 5 * time.Second

// Server is the handler New returns; it is an http.Handler.
type Server struct {
	st      store.Store
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	tokenH  [sha256.Size]byte
	pages   *pages
	metrics *metrics
	routes  []route
	openapi map[string]any
	cache   *respCache // nil: none
}

// New returns the handler serving st.
func New(st store.Store, opts Options) *Server {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Registry == nil {
		opts.Registry = prometheus.NewRegistry()
		opts.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s := &Server{st: st, opts: opts, log: opts.Log, mux: http.NewServeMux(), pages: parsedPages()}
	if opts.Token != "" {
		s.tokenH = sha256.Sum256([]byte(opts.Token))
	} else {
		s.log.Warn("no API token configured (--token or STORYLINE_TOKEN): POST /api/articles will answer 401")
	}
	if opts.CacheTTL == 0 {
		opts.CacheTTL = DefaultCacheTTL
	}
	if opts.CacheTTL > 0 {
		s.cache = newRespCache(opts.CacheTTL, 1024)
	}
	s.opts = opts
	s.metrics = newMetrics(opts.Registry)
	s.routes = s.routeTable()
	s.openapi = s.openAPIDoc()
	for _, r := range s.routes {
		s.mux.Handle(r.method+" "+r.pattern, r.handler)
	}
	// GET only: other methods on a known path get the router's 405.
	s.mux.HandleFunc("GET /", s.notFound)
	return s
}

// ServeHTTP implements http.Handler: security headers, body limit, panic
// recovery, metrics and one log line around the router.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := rw.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.Body != nil {
		r.Body = http.MaxBytesReader(rw, r.Body, s.opts.MaxBody)
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			if !rw.wrote {
				http.Error(rw, "internal error", http.StatusInternalServerError)
			}
		}
		route := r.Pattern
		if route == "" || route == "GET /" {
			route = "unmatched"
		}
		d := time.Since(start)
		s.metrics.observe(route, r.Method, rw.status, d)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
			slog.Int("status", rw.status), slog.Int64("bytes", rw.bytes), slog.Duration("duration", d),
			slog.String("remote", r.RemoteAddr))
	}()
	s.mux.ServeHTTP(rw, r)
}

// cached serves h through the response cache, when there is one.
func (s *Server) cached(h http.HandlerFunc) http.Handler {
	if s.cache == nil {
		return h
	}
	return s.cache.wrap(h)
}

// authorized reports whether r carries the configured bearer token.
// Comparing hashes in constant time leaks neither the token nor its length.
func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	const prefix = "bearer "
	if len(auth) <= len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return false
	}
	return s.validToken(auth[len(prefix):])
}

// validToken reports whether tok is the configured token (never, when
// none is).
func (s *Server) validToken(tok string) bool {
	if s.opts.Token == "" {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(got[:], s.tokenH[:]) == 1
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storyline_http_requests_total",
			Help: "HTTP requests served, by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "storyline_http_request_duration_seconds",
			Help:    "Time to serve HTTP requests, by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	// Route patterns, not paths, keep the label sets bounded whatever
	// clients request; unknown methods are folded for the same reason.
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch:
	default:
		method = "OTHER"
	}
	m.requests.WithLabelValues(route, method, fmt.Sprint(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

// Timeouts of the http.Server ListenAndServe and Serve run.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 2 * time.Minute
	ShutdownTimeout   = 10 * time.Second
)

// ListenAndServe listens on addr and serves h until ctx is cancelled, then
// shuts down gracefully: in-flight requests get ShutdownTimeout to finish.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen %s: %w", addr, err)
	}
	return Serve(ctx, ln, h, log)
}

// Serve is ListenAndServe on a listener the caller opened (for example on
// port 0, to learn the address before serving). It closes ln.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	if log == nil {
		log = slog.Default()
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "addr", "http://"+ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("server: serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "timeout", ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: serve: %w", err)
	}
	return nil
}
