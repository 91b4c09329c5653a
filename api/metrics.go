package api

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (several servers in one process do not share counters).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inFlight prometheus.Gauge
	ingested *prometheus.CounterVec

	routesOnce sync.Once
	routes     map[string]bool // "METHOD path" of every route
	echo       *echo.Echo
}

func newMetrics(e *echo.Echo, stats func(context.Context) (map[string]int64, error), maxAge time.Duration) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "claimgraph_http_requests_total",
			Help: "HTTP requests answered, by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "claimgraph_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "claimgraph_http_requests_in_flight",
			Help: "HTTP requests being answered.",
		}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "claimgraph_documents_ingested_total",
			Help: "Documents posted to the API: created (new), existing (already stored) or refused.",
		}, []string{"result"}),
		echo: e,
	}
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{"created", "existing", "refused"} {
		m.ingested.WithLabelValues(r)
	}
	if stats != nil {
		m.reg.MustRegister(newStoreCollector(stats, maxAge))
	}
	return m
}

// route names a request's route for labels: its pattern when it matched
// one, "other" otherwise, so unknown paths cannot grow the label set.
func (m *metrics) route(c echo.Context) string {
	m.routesOnce.Do(func() {
		m.routes = map[string]bool{}
		for _, r := range m.echo.Routes() {
			m.routes[r.Method+" "+r.Path] = true
		}
	})
	p := c.Path()
	if m.routes[c.Request().Method+" "+p] {
		return p
	}
	return "other"
}

// knownMethod keeps the method label to the methods HTTP defines.
func knownMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// middleware counts and times every request. It runs outside the request
// log, which has already written any error response when it returns.
func (m *metrics) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route, method := m.route(c), knownMethod(c.Request().Method)
		status := c.Response().Status
		m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
		m.latency.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
		if route == "/v1/documents" && method == http.MethodPost {
			switch {
			case status == http.StatusCreated:
				m.ingested.WithLabelValues("created").Inc()
			case status == http.StatusOK:
				m.ingested.WithLabelValues("existing").Inc()
			default:
				m.ingested.WithLabelValues("refused").Inc()
			}
		}
		return nil
	}
}

func (m *metrics) handler() echo.HandlerFunc {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return echo.WrapHandler(h)
}

// storeCollector reports the store's size. Counting can read the whole
// store, so the figures are cached for maxAge and recomputed on the first
// scrape after that.
type storeCollector struct {
	stats  func(context.Context) (map[string]int64, error)
	maxAge time.Duration

	size   *prometheus.Desc
	age    *prometheus.Desc
	errors prometheus.Counter

	mu   sync.Mutex
	last map[string]int64
	at   time.Time
}

func newStoreCollector(stats func(context.Context) (map[string]int64, error), maxAge time.Duration) *storeCollector {
	return &storeCollector{
		stats: stats, maxAge: maxAge,
		size: prometheus.NewDesc("claimgraph_store_size", "What the store holds, by kind (documents, claims, ..., quads).", []string{"kind"}, nil),
		age:  prometheus.NewDesc("claimgraph_store_size_age_seconds", "Age of the cached store size figures.", nil, nil),
		errors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "claimgraph_store_size_errors_total",
			Help: "Failures to count what the store holds.",
		}),
	}
}

func (s *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- s.size
	ch <- s.age
	s.errors.Describe(ch)
}

func (s *storeCollector) Collect(ch chan<- prometheus.Metric) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil || time.Since(s.at) > s.maxAge {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		st, err := s.stats(ctx)
		cancel()
		if err != nil {
			s.errors.Inc()
		} else {
			s.last, s.at = st, time.Now()
		}
	}
	s.errors.Collect(ch)
	if s.last == nil {
		return
	}
	kinds := make([]string, 0, len(s.last))
	for k := range s.last {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ch <- prometheus.MustNewConstMetric(s.size, prometheus.GaugeValue, float64(s.last[k]), k)
	}
	ch <- prometheus.MustNewConstMetric(s.age, prometheus.GaugeValue, time.Since(s.at).Seconds())
}
