package api

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// metrieken are the Prometheus metrics of one handler, in a registry of its own (no global state).
// Labels come only from fixed sets (routes, status codes, verdicts, error codes), never from the
// contents of a question.
type metrieken struct {
	reg       *prometheus.Registry
	verzoeken *prometheus.CounterVec
	duur      *prometheus.HistogramVec
	oordelen  *prometheus.CounterVec
	fouten    *prometheus.CounterVec
}

var oordelen = []kennisbank.Oordeel{kennisbank.NietToegestaan, kennisbank.Onbepaald, kennisbank.ToegestaanOnderVoorwaarden, kennisbank.Toegestaan}

func nieuweMetrieken(bron EngineBron) *metrieken {
	m := &metrieken{
		reg: prometheus.NewRegistry(),
		verzoeken: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "magikdelen_http_verzoeken_total",
			Help: "HTTP-verzoeken per route en statuscode.",
		}, []string{"route", "code"}),
		duur: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "magikdelen_http_verzoekduur_seconds",
			Help:    "Duur van HTTP-verzoeken per route, in seconden.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		oordelen: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "magikdelen_oordelen_total",
			Help: "Beantwoorde vragen per oordeel.",
		}, []string{"oordeel"}),
		fouten: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "magikdelen_fouten_total",
			Help: "Foutantwoorden per foutcode.",
		}, []string{"code"}),
	}
	// The decision cache of the engine in use (a reload starts a new one, so the counters start at 0 again).
	for _, c := range []struct {
		naam, hulp string
		teller     bool
		waarde     func(library.CacheStatistiek) float64
	}{
		{"magikdelen_cache_treffers_total", "Antwoorden uit de beslissingscache (telt opnieuw vanaf 0 na herladen).", true,
			func(c library.CacheStatistiek) float64 { return float64(c.Treffers) }},
		{"magikdelen_cache_missers_total", "Antwoorden die de regels berekenden (telt opnieuw vanaf 0 na herladen).", true,
			func(c library.CacheStatistiek) float64 { return float64(c.Missers) }},
		{"magikdelen_cache_antwoorden", "Antwoorden in de beslissingscache.", false,
			func(c library.CacheStatistiek) float64 { return float64(c.Grootte) }},
		{"magikdelen_cache_bytes", "Geschat geheugen van de antwoorden in de beslissingscache, in bytes.", false,
			func(c library.CacheStatistiek) float64 { return float64(c.Bytes) }},
		{"magikdelen_gedeelde_waarden", "Waarden van de regels die de engine bewaart voor latere vragen (ook zonder beslissingscache).", false,
			func(c library.CacheStatistiek) float64 { return float64(c.GedeeldeWaarden) }},
	} {
		f := func() float64 {
			if e := bron.Huidig(); e != nil {
				return c.waarde(e.CacheStatistiek())
			}
			return 0
		}
		if c.teller {
			m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: c.naam, Help: c.hulp}, f))
		} else {
			m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: c.naam, Help: c.hulp}, f))
		}
	}
	m.reg.MustRegister(m.verzoeken, m.duur, m.oordelen, m.fouten,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range oordelen {
		m.oordelen.WithLabelValues(string(o))
	}
	return m
}

func (m *metrieken) handler(log *slog.Logger) http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: slogPrintln{log}})
}

// telOordeel counts a verdict; anything outside the four verdicts of the contract counts as "anders",
// so the label set stays fixed.
func (m *metrieken) telOordeel(o kennisbank.Oordeel) {
	for _, bekend := range oordelen {
		if o == bekend {
			m.oordelen.WithLabelValues(string(o)).Inc()
			return
		}
	}
	m.oordelen.WithLabelValues("anders").Inc()
}

func (m *metrieken) telFout(code string) { m.fouten.WithLabelValues(code).Inc() }

// instrumenteer counts and times the requests of one route and recovers a panic into a 500.
func (s *server) instrumenteer(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusSchrijver{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.opts.log.Error("paniek in de handler", "route", route, "paniek", p)
				if !sw.geschreven {
					s.schrijfFout(sw, http.StatusInternalServerError, interneFout())
				}
			}
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			duur := time.Since(start)
			s.m.verzoeken.WithLabelValues(route, strconv.Itoa(status)).Inc()
			s.m.duur.WithLabelValues(route).Observe(duur.Seconds())
			if s.opts.toegang != nil {
				// The route pattern, never r.URL: the path and query may hold a question.
				s.opts.toegang.Info("verzoek", "methode", r.Method, "route", route, "status", status, "duur_ms", duur.Milliseconds())
			}
		}()
		h.ServeHTTP(sw, r)
	})
}

// statusSchrijver records the status code of a response.
type statusSchrijver struct {
	http.ResponseWriter
	status     int
	geschreven bool
}

func (s *statusSchrijver) WriteHeader(status int) {
	if !s.geschreven {
		s.status, s.geschreven = status, true
	}
	s.ResponseWriter.WriteHeader(status)
}

func (s *statusSchrijver) Write(b []byte) (int, error) {
	if !s.geschreven {
		s.status, s.geschreven = http.StatusOK, true
	}
	return s.ResponseWriter.Write(b)
}

// WriteString passes t on to the underlying writer without a copy into a []byte.
func (s *statusSchrijver) WriteString(t string) (int, error) {
	if !s.geschreven {
		s.status, s.geschreven = http.StatusOK, true
	}
	return io.WriteString(s.ResponseWriter, t)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusSchrijver) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// slogPrintln is the error log of promhttp.
type slogPrintln struct{ log *slog.Logger }

func (s slogPrintln) Println(v ...any) { s.log.Error("metrics", "fout", fmt.Sprint(v...)) }
