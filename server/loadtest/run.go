package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
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
	// Uploads beside the reads: how many, how many failed, how long the
	// upload took (p50, p99, max), and how long until the article was in
	// its event for readers (p50, p99, max).
	Uploads, UploadErrors int
	Upload, Visible       [3]time.Duration
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
	if r.Uploads > 0 {
		fmt.Fprintf(w, "uploads %d, errors %d; upload p50 %s p99 %s max %s; in its event after p50 %s p99 %s max %s\n",
			r.Uploads, r.UploadErrors, ms(r.Upload[0]), ms(r.Upload[1]), ms(r.Upload[2]), ms(r.Visible[0]), ms(r.Visible[1]), ms(r.Visible[2]))
	}
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

// Options shape a Run.
type Options struct {
	Rate     int           // reads a second
	Duration time.Duration // how long
	Seed     uint64
	// Uploads a second beside the reads (0: none), each the next article
	// Next gives (a JSON object and its id), with Token as the bearer.
	Uploads float64
	Next    func() (body []byte, id string)
	Token   string
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

type result struct {
	kind string
	d    time.Duration
	err  error
}

// Run sends o.Rate reads a second for o.Duration to the server at base (a
// loopback address), open loop: requests start on schedule whether or not
// earlier ones have finished, so a slow server shows as latency, not as a
// lower rate. Uploads, when asked, go beside them.
func Run(ctx context.Context, base string, tg Targets, o Options) (Report, error) {
	u, err := checkLoopback(base)
	if err != nil {
		return Report{}, err
	}
	if o.Rate <= 0 || o.Duration <= 0 {
		return Report{}, errors.New("loadtest: rate and duration must be positive")
	}
	base = strings.TrimSuffix(u.String(), "/")
	ts := tg.mix()
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
	r := rand.New(rand.NewPCG(o.Seed, 0x10ad))
	n := int(float64(o.Rate) * o.Duration.Seconds())
	interval := time.Second / time.Duration(o.Rate)
	samples := make([]result, 0, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxInFlight)
	stopProbe := make(chan struct{})
	lateness := make(chan [3]time.Duration, 1)
	go func() { lateness <- probeLateness(stopProbe) }()
	uploads := make(chan uploadReport, 1)
	uctx, stopUploads := context.WithCancel(ctx)
	defer stopUploads()
	go func() { uploads <- upload(uctx, client, base, o) }()
	start := time.Now()
	for i := range n {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				wg.Wait()
				close(stopProbe)
				<-lateness
				stopUploads()
				<-uploads
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
			samples = append(samples, result{kind: t.kind, err: errors.New("too many requests in flight")})
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
	stopUploads()
	ur := <-uploads
	rep.Uploads, rep.UploadErrors, rep.Upload, rep.Visible = ur.n, ur.errors, ur.upload, ur.visible
	for _, e := range ur.firstErrors {
		if len(rep.FirstErrors) < 8 {
			rep.FirstErrors = append(rep.FirstErrors, e)
		}
	}
	return rep, nil
}

type uploadReport struct {
	n, errors       int
	upload, visible [3]time.Duration
	firstErrors     []string
}

// upload posts o.Uploads articles a second until ctx ends, and for each
// waits until readers see it in its event.
func upload(ctx context.Context, c *http.Client, base string, o Options) uploadReport {
	var rep uploadReport
	if o.Uploads <= 0 || o.Next == nil {
		return rep
	}
	var ups, vis []time.Duration
	fail := func(err error) {
		rep.errors++
		if len(rep.firstErrors) < 3 {
			rep.firstErrors = append(rep.firstErrors, err.Error())
		}
	}
	tick := time.NewTicker(time.Duration(float64(time.Second) / o.Uploads))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			slices.Sort(ups)
			slices.Sort(vis)
			rep.upload = spread(ups)
			rep.visible = spread(vis)
			return rep
		case <-tick.C:
		}
		body, id := o.Next()
		rep.n++
		start := time.Now()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/articles", bytes.NewReader(body))
		if err != nil {
			fail(err)
			continue
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+o.Token)
		resp, err := c.Do(req)
		if err != nil {
			if ctx.Err() == nil {
				fail(err)
			}
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			fail(fmt.Errorf("upload %s: status %d", id, resp.StatusCode))
			continue
		}
		ups = append(ups, time.Since(start))
		if d, err := visible(ctx, c, base, id, start); err != nil {
			if ctx.Err() == nil {
				fail(err)
			}
		} else {
			vis = append(vis, d)
		}
	}
}

// visible waits until the article's event lists it, and returns how long
// after start that was.
func visible(ctx context.Context, c *http.Client, base, id string, start time.Time) (time.Duration, error) {
	deadline := start.Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var a struct {
			Event string `json:"event"`
		}
		if err := getJSON(ctx, c, base+"/api/articles/"+url.PathEscape(id), &a); err == nil && a.Event != "" {
			var ev struct {
				Articles []string `json:"articles"`
			}
			if err := getJSON(ctx, c, base+"/api/events/"+url.PathEscape(a.Event), &ev); err == nil && slices.Contains(ev.Articles, id) {
				return time.Since(start), nil
			}
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return 0, fmt.Errorf("upload %s: not in an event after 10 s", id)
}

func getJSON(ctx context.Context, c *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", u, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// spread is the p50, p99 and max of sorted durations.
func spread(sorted []time.Duration) [3]time.Duration {
	if len(sorted) == 0 {
		return [3]time.Duration{}
	}
	return [3]time.Duration{percentile(sorted, .5), percentile(sorted, .99), sorted[len(sorted)-1]}
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

func get(ctx context.Context, c *http.Client, url string) result {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return result{err: err}
	}
	resp, err := c.Do(req)
	if err != nil {
		return result{d: time.Since(start), err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return result{d: d, err: err}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func report(samples []result, elapsed time.Duration) Report {
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
