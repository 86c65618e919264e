package httpapi

import (
	"database/sql"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/teilhabe/teilhabe/internal/auth"
)

// metrics holds the Prometheus collectors of one server, on its own registry so that several
// servers (as in tests) never collide.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(db *sql.DB, logins *auth.Service) *metrics {
	reg := prometheus.NewRegistry()
	m := &metrics{
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
func (m *metrics) middleware(next echo.HandlerFunc) echo.HandlerFunc {
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

func (m *metrics) handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
}
