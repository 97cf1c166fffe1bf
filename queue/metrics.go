package queue

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
)

// workerMetrics are one worker process's own counters.
type workerMetrics struct {
	jobs   *prometheus.CounterVec
	linked prometheus.Counter
}

func newWorkerMetrics(reg prometheus.Registerer) *workerMetrics {
	m := &workerMetrics{
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "storyline_worker_jobs_total",
			Help: "Analysis jobs this worker ran, by result: done, failed (the item cannot be analysed), retry (a transient error; River runs it again); retried counts runs after a first attempt.",
		}, []string{"result"}),
		linked: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "storyline_worker_linked_total",
			Help: "Articles this worker linked while it held the linker lease.",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.jobs, m.linked)
	}
	return m
}

// job counts one job run and its outcome.
func (m *workerMetrics) job(attempt int, err error) {
	var cancel *river.JobCancelError
	switch {
	case err == nil:
		m.jobs.WithLabelValues("done").Inc()
	case errors.As(err, &cancel):
		m.jobs.WithLabelValues("failed").Inc()
	default:
		m.jobs.WithLabelValues("retry").Inc()
	}
	if attempt > 1 {
		m.jobs.WithLabelValues("retried").Inc()
	}
}

// Collector reports a queue's Stats as gauges at every scrape: what any
// process (a server, a worker) sees of the whole deployment.
type Collector struct {
	q                                        *Queue
	jobs, retried, toLink, linkLag, toSettle *prometheus.Desc
}

// NewCollector is a prometheus.Collector of q's Stats.
func NewCollector(q *Queue) *Collector {
	return &Collector{
		q:        q,
		jobs:     prometheus.NewDesc("storyline_queue_jobs", "Analysis jobs River keeps, by state: queued, running, done, failed (finished jobs are kept for a while, then deleted); failed also counts articles linking refused.", []string{"state"}, nil),
		retried:  prometheus.NewDesc("storyline_queue_jobs_retried", "Analysis jobs kept that needed more than one attempt.", nil, nil),
		toLink:   prometheus.NewDesc("storyline_queue_link_waiting", "Analysed articles waiting for the linker.", nil, nil),
		linkLag:  prometheus.NewDesc("storyline_queue_link_lag_seconds", "How long the oldest analysed article has waited for the linker.", nil, nil),
		toSettle: prometheus.NewDesc("storyline_queue_settle_waiting", "Events waiting for the settling pass.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.jobs, c.retried, c.toLink, c.linkLag, c.toSettle} {
		ch <- d
	}
}

// Collect implements prometheus.Collector. A store that does not answer
// within a few seconds gives no figures (the scrape shows the error).
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := c.q.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.jobs, err)
		return
	}
	for state, n := range map[string]int{"queued": s.Queued, "running": s.Running, "done": s.Done, "failed": s.Failed} {
		ch <- prometheus.MustNewConstMetric(c.jobs, prometheus.GaugeValue, float64(n), state)
	}
	ch <- prometheus.MustNewConstMetric(c.retried, prometheus.GaugeValue, float64(s.Retried))
	ch <- prometheus.MustNewConstMetric(c.toLink, prometheus.GaugeValue, float64(s.ToLink))
	ch <- prometheus.MustNewConstMetric(c.linkLag, prometheus.GaugeValue, s.LinkLag.Seconds())
	ch <- prometheus.MustNewConstMetric(c.toSettle, prometheus.GaugeValue, float64(s.ToSettle))
}
