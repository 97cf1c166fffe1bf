package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// searchHead is how many of the most frequent words searches leave out.
const searchHead = 30

// target is one kind of request and how often it is sent.
type target struct {
	kind   string
	weight int
	path   func(r *rand.Rand) string
}

// targets mixes API and page reads over the ids and words cfg generates;
// about half are API calls.
func targets(cfg Config) []target {
	nA, nE, nS := cfg.articles(), min(cfg.events(), (cfg.articles()+articlesPerEvent-1)/articlesPerEvent), cfg.stories()
	a := func(r *rand.Rand) string { return articleID(r.IntN(nA)) }
	ev := func(r *rand.Rand) string { return eventID(r.IntN(nE)) }
	st := func(r *rand.Rand) string { return storyID(r.IntN(nS)) }
	person := func(r *rand.Rand) string { return entityID(r.IntN(persons)) }
	lastName := func(r *rand.Rand) string { return capital(word(2000 + r.IntN(persons)*7)) }
	// People search for content words and names, not for the few words
	// that are in every article (the, said): a query is a word drawn
	// uniformly from past the head of the vocabulary, or a surname.
	query := func(r *rand.Rand) string {
		if r.IntN(4) == 0 {
			return url.QueryEscape(lastName(r))
		}
		return url.QueryEscape(word(searchHead + r.IntN(vocabulary-searchHead)))
	}
	return []target{
		{"api articles", 8, func(r *rand.Rand) string { return fmt.Sprintf("/api/articles?limit=20&offset=%d", r.IntN(10)*20) }},
		{"api article", 8, func(r *rand.Rand) string { return "/api/articles/" + a(r) }},
		{"api events", 5, func(r *rand.Rand) string { return "/api/events?limit=20&entity=" + person(r) }},
		{"api event", 5, func(r *rand.Rand) string { return "/api/events/" + ev(r) }},
		{"api stories", 4, func(r *rand.Rand) string { return "/api/stories?limit=20" }},
		{"api story", 4, func(r *rand.Rand) string { return "/api/stories/" + st(r) }},
		{"api entities", 5, func(r *rand.Rand) string { return "/api/entities?q=" + url.QueryEscape(lastName(r)) }},
		{"api quotes", 3, func(r *rand.Rand) string { return "/api/quotes?limit=20&entity=" + person(r) }},
		{"api search", 8, func(r *rand.Rand) string { return "/api/search?q=" + query(r) }},
		{"page home", 8, func(r *rand.Rand) string { return "/" }},
		{"page story", 8, func(r *rand.Rand) string { return "/stories/" + st(r) }},
		{"page event", 8, func(r *rand.Rand) string { return "/events/" + ev(r) }},
		{"page entity", 6, func(r *rand.Rand) string { return "/entities/" + person(r) }},
		{"page article", 6, func(r *rand.Rand) string { return "/articles/" + a(r) }},
		{"page search", 8, func(r *rand.Rand) string { return "/search?q=" + query(r) }},
	}
}

// Report is what Run measured.
type Report struct {
	Requests int
	Errors   int
	Elapsed  time.Duration
	P50, P90 time.Duration
	P99, Max time.Duration
	ByKind   map[string]KindReport
	// FirstErrors keeps a few error messages.
	FirstErrors []string
	// Lateness is how late a goroutine that only sleeps 5 ms woke up
	// during the run (p50, p99, max): what the machine itself adds to
	// every latency, whatever the server does.
	Lateness [3]time.Duration
}

// KindReport is one request kind's share of a Report.
type KindReport struct {
	Requests, Errors int
	P50, P99, Max    time.Duration
}

// Print writes the report as a table.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "requests %d in %s (%.1f/s), errors %d\n", r.Requests, r.Elapsed.Round(time.Millisecond), float64(r.Requests)/r.Elapsed.Seconds(), r.Errors)
	fmt.Fprintf(w, "latency  p50 %s  p90 %s  p99 %s  max %s\n", ms(r.P50), ms(r.P90), ms(r.P99), ms(r.Max))
	fmt.Fprintf(w, "timer lateness on this machine meanwhile: p50 %s  p99 %s  max %s\n", ms(r.Lateness[0]), ms(r.Lateness[1]), ms(r.Lateness[2]))
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintf(w, "%-14s %8s %6s %9s %9s %9s\n", "kind", "requests", "errors", "p50", "p99", "max")
	for _, k := range kinds {
		kr := r.ByKind[k]
		fmt.Fprintf(w, "%-14s %8d %6d %9s %9s %9s\n", k, kr.Requests, kr.Errors, ms(kr.P50), ms(kr.P99), ms(kr.Max))
	}
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// maxInFlight bounds the requests outstanding at once; a request that would
// exceed it is counted as an error (the server is not keeping up).
const maxInFlight = 256

// checkLoopback refuses to send load anywhere but this machine.
func checkLoopback(base string) (*url.URL, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("loadtest: base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("loadtest: base URL %q: want http or https", base)
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("loadtest: %q is not a loopback address: load is only sent to this machine", host)
	}
	return u, nil
}

type sample struct {
	kind string
	d    time.Duration
	err  error
}

// Run sends rate requests a second for dur to the server at base (a
// loopback address), open loop: requests start on schedule whether or not
// earlier ones have finished, so a slow server shows as latency, not as a
// lower rate.
func Run(ctx context.Context, base string, cfg Config, rate int, dur time.Duration) (Report, error) {
	u, err := checkLoopback(base)
	if err != nil {
		return Report{}, err
	}
	if rate <= 0 || dur <= 0 {
		return Report{}, errors.New("loadtest: rate and duration must be positive")
	}
	base = strings.TrimSuffix(u.String(), "/")
	ts := targets(cfg)
	total := 0
	for _, t := range ts {
		total += t.weight
	}
	client := &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: maxInFlight, MaxIdleConnsPerHost: maxInFlight, IdleConnTimeout: 30 * time.Second,
			DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		},
	}
	defer client.CloseIdleConnections()
	r := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x10ad))
	n := int(float64(rate) * dur.Seconds())
	interval := time.Second / time.Duration(rate)
	samples := make([]sample, 0, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxInFlight)
	stopProbe := make(chan struct{})
	lateness := make(chan [3]time.Duration, 1)
	go func() { lateness <- probeLateness(stopProbe) }()
	start := time.Now()
	for i := range n {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				wg.Wait()
				close(stopProbe)
				<-lateness
				return Report{}, ctx.Err()
			}
		}
		pick := r.IntN(total)
		var t target
		for _, t = range ts {
			if pick < t.weight {
				break
			}
			pick -= t.weight
		}
		path := t.path(r)
		select {
		case sem <- struct{}{}:
		default:
			mu.Lock()
			samples = append(samples, sample{kind: t.kind, err: errors.New("too many requests in flight")})
			mu.Unlock()
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s := get(ctx, client, base+path)
			s.kind = t.kind
			mu.Lock()
			samples = append(samples, s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	rep := report(samples, time.Since(start))
	close(stopProbe)
	rep.Lateness = <-lateness
	return rep, nil
}

// probeLateness sleeps 5 ms at a time until stop and returns the p50, p99
// and max of how late it woke up.
func probeLateness(stop <-chan struct{}) [3]time.Duration {
	const nap = 5 * time.Millisecond
	var late []time.Duration
	for {
		select {
		case <-stop:
			if len(late) == 0 {
				return [3]time.Duration{}
			}
			slices.Sort(late)
			return [3]time.Duration{percentile(late, .5), percentile(late, .99), late[len(late)-1]}
		default:
		}
		t := time.Now()
		time.Sleep(nap)
		late = append(late, max(0, time.Since(t)-nap))
	}
}

func get(ctx context.Context, c *http.Client, url string) sample {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return sample{err: err}
	}
	resp, err := c.Do(req)
	if err != nil {
		return sample{d: time.Since(start), err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return sample{d: d, err: err}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func report(samples []sample, elapsed time.Duration) Report {
	rep := Report{Requests: len(samples), Elapsed: elapsed, ByKind: map[string]KindReport{}}
	var all []time.Duration
	byKind := map[string][]time.Duration{}
	for _, s := range samples {
		kr := rep.ByKind[s.kind]
		kr.Requests++
		if s.err != nil {
			rep.Errors++
			kr.Errors++
			if len(rep.FirstErrors) < 5 {
				rep.FirstErrors = append(rep.FirstErrors, s.err.Error())
			}
		}
		rep.ByKind[s.kind] = kr
		all = append(all, s.d)
		byKind[s.kind] = append(byKind[s.kind], s.d)
	}
	slices.Sort(all)
	rep.P50, rep.P90, rep.P99 = percentile(all, .5), percentile(all, .9), percentile(all, .99)
	if len(all) > 0 {
		rep.Max = all[len(all)-1]
	}
	for k, ds := range byKind {
		slices.Sort(ds)
		kr := rep.ByKind[k]
		kr.P50, kr.P99, kr.Max = percentile(ds, .5), percentile(ds, .99), ds[len(ds)-1]
		rep.ByKind[k] = kr
	}
	return rep
}
