package httpapi

import (
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/teilhabe/teilhabe/internal/auth"
)

// Metrics holds the Prometheus collectors of one server, on its own registry so that several
// servers (as in tests) never collide. The public router counts into it; Handler serves it on the
// metrics listener only (TEILHABE_METRICS_ADDR), never on the public port.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers the request, database pool and runtime collectors on a fresh registry, and
// the login providers' states of logins (nil: none).
func NewMetrics(db *sql.DB, logins *auth.Service) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "teilhabe_http_requests_total",
			Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "teilhabe_http_request_duration_seconds",
			Help:    "HTTP request latency by method, route and status.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route", "status"}),
	}
	reg.MustRegister(m.requests, m.duration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db, "teilhabe"))
	if logins != nil {
		reg.MustRegister(providerCollector{logins})
	}
	return m
}

// middleware counts and times every request by its route pattern (never the raw path, which would
// let anyone create unbounded label values).
func (m *Metrics) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		status := c.Response().Status
		if err != nil {
			p, _ := toProblem(err)
			status = p.Status
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		labels := prometheus.Labels{"method": c.Request().Method, "route": route, "status": strconv.Itoa(status)}
		m.requests.With(labels).Inc()
		m.duration.With(labels).Observe(time.Since(start).Seconds())
		return err
	}
}

// providerUp is 1 for a login provider whose discovery document answered at the last check, 0
// for one that did not or was not checked yet.
var providerUp = prometheus.NewDesc("teilhabe_oidc_provider_up",
	"Whether the login provider's discovery answered at the last check (1) or not (0).", []string{"provider"}, nil)

// providerCollector reads the providers' states at each scrape.
type providerCollector struct{ svc *auth.Service }

func (c providerCollector) Describe(ch chan<- *prometheus.Desc) { ch <- providerUp }

func (c providerCollector) Collect(ch chan<- prometheus.Metric) {
	for _, st := range c.svc.ProviderStatuses() {
		up := 0.0
		if st.State == auth.StateOK {
			up = 1
		}
		ch <- prometheus.MustNewConstMetric(providerUp, prometheus.GaugeValue, up, st.ID)
	}
}

// Handler answers GET /metrics in the Prometheus text format (gzip when the scraper asks) and 404
// for every other path, for the metrics listener.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	return mux
}
