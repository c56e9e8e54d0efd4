package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// MaxVraag is the largest question body the API reads, in bytes (1 MiB, as kennisbank.LeesVraag).
const MaxVraag = 1 << 20

// StandaardTijdslimiet is how long one question may take to answer unless MetTijdslimiet says otherwise.
const StandaardTijdslimiet = 30 * time.Second

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API (the file openapi.json of this package).
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }

// Bon is called after each answered question, with the question as read, its answer and when the
// request started and the answer was ready. It runs on the request's goroutine after the answer is
// written, so it should be quick; a panic in it is recovered and logged.
type Bon func(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time)

type opties struct {
	bon         Bon
	log         *slog.Logger
	toegang     *slog.Logger
	tijdslimiet time.Duration
	paginas     Paginas
}

// Paginas are web pages served next to the API, such as those of package web: a handler and the
// patterns (of http.ServeMux) of its pages.
type Paginas interface {
	http.Handler
	Patronen() []string
}

// MetPaginas serves the pages next to the API: their patterns are routes like the API's, counted and
// timed in the metrics under their pattern. An unknown path outside /v1/ that a browser asks for (Accept
// text/html) gets the pages' own "not found" page instead of the error JSON.
func MetPaginas(p Paginas) Optie { return func(o *opties) { o.paginas = p } }

// MetToegangslog logs one line per request: method, route pattern, status and duration. Never the path
// or the query of the request, which may hold a question.
func MetToegangslog(l *slog.Logger) Optie { return func(o *opties) { o.toegang = l } }

// Optie configures NieuweHandler.
type Optie func(*opties)

// MetBon sets the hook that is called after each answered question, e.g. to write a decision receipt.
func MetBon(bon func(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time)) Optie {
	return func(o *opties) { o.bon = bon }
}

// MetLogger sets where internal errors and recovered panics are logged; by default nowhere. Question
// contents are never logged.
func MetLogger(l *slog.Logger) Optie { return func(o *opties) { o.log = l } }

// MetTijdslimiet sets how long one question may take to answer (default StandaardTijdslimiet).
func MetTijdslimiet(d time.Duration) Optie { return func(o *opties) { o.tijdslimiet = d } }

// route is one endpoint: its method and path, the pattern of http.ServeMux and the metrics label.
type route struct {
	methode, pad string
	h            func(*server, http.ResponseWriter, *http.Request)
}

func (r route) patroon() string { return r.methode + " " + r.pad }

// routes are the endpoints of the API; openapi.json describes exactly these.
var routes = []route{
	{http.MethodPost, "/v1/vraag", (*server).vraag},
	{http.MethodGet, "/v1/convenanten", (*server).convenanten},
	{http.MethodGet, "/v1/convenanten/{id}", (*server).convenant},
	{http.MethodGet, "/v1/openapi.json", (*server).openapi},
	{http.MethodGet, "/healthz", (*server).healthz},
	{http.MethodGet, "/readyz", (*server).readyz},
	{http.MethodGet, "/metrics", nil}, // promhttp, see NieuweHandler
}

// routeOnbekend is the metrics label of requests that match no route (404 and 405).
const routeOnbekend = "onbekend"

type server struct {
	bron EngineBron
	opts opties
	m    *metrieken
	mux  *http.ServeMux
	// beurt limits how many questions are evaluated at once (2 per CPU). More at once only makes every
	// evaluation slower and the memory larger; the others wait for a turn, and the time limit covers
	// the evaluation itself.
	beurt chan struct{}
}

// NieuweHandler returns the HTTP handler of the API, answering with the engine that bron gives at the
// start of each request. bron may be nil, or give nil: the API then answers 503 until an engine is there.
func NieuweHandler(bron EngineBron, opts ...Optie) http.Handler {
	o := opties{log: slog.New(slog.DiscardHandler), tijdslimiet: StandaardTijdslimiet}
	for _, opt := range opts {
		opt(&o)
	}
	if bron == nil {
		bron = &Wissel{}
	}
	s := &server{bron: bron, opts: o, m: nieuweMetrieken(bron), mux: http.NewServeMux(), beurt: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
	for _, rt := range routes {
		var h http.Handler
		if rt.h == nil {
			h = s.m.handler(o.log)
		} else {
			h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { rt.h(s, w, r) })
		}
		s.mux.Handle(rt.patroon(), s.instrumenteer(rt.patroon(), h))
	}
	if o.paginas != nil {
		for _, patroon := range o.paginas.Patronen() {
			s.mux.Handle(patroon, s.instrumenteer(patroon, o.paginas))
		}
	}
	return s
}

// ContentSecurityPolicy is the policy of the API's own responses (JSON): nothing may be loaded or framed.
// The pages of MetPaginas set their own.
const ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// zetBeveiliging sets the security headers of every response.
func zetBeveiliging(k http.Header) {
	k.Set("Content-Security-Policy", ContentSecurityPolicy)
	k.Set("X-Content-Type-Options", "nosniff")
	k.Set("X-Frame-Options", "DENY")
	k.Set("Referrer-Policy", "no-referrer")
}

// ServeHTTP serves the routes, and answers an unknown path (404) or a wrong method (405) with the
// error JSON instead of the plain text of http.ServeMux.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	zetBeveiliging(w.Header())
	if _, patroon := s.mux.Handler(r); patroon != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	if s.opts.paginas != nil && !strings.HasPrefix(r.URL.Path, "/v1/") && strings.Contains(r.Header.Get("Accept"), "text/html") {
		// A browser on an unknown page: the pages' own 404. A wrong method stays the error JSON (405).
		o := &onderschepper{kop: http.Header{}}
		s.mux.ServeHTTP(o, r)
		if o.status != http.StatusMethodNotAllowed {
			s.instrumenteer(routeOnbekend, s.opts.paginas).ServeHTTP(w, r)
			return
		}
	}
	s.instrumenteer(routeOnbekend, http.HandlerFunc(s.geenRoute)).ServeHTTP(w, r)
}

// geenRoute asks the mux what it would answer (404, or 405 with Allow) and says it in JSON.
func (s *server) geenRoute(w http.ResponseWriter, r *http.Request) {
	o := &onderschepper{kop: http.Header{}}
	s.mux.ServeHTTP(o, r)
	if o.status == http.StatusMethodNotAllowed {
		if toegestaan := o.kop.Get("Allow"); toegestaan != "" {
			w.Header().Set("Allow", toegestaan)
		}
		s.schrijfFout(w, http.StatusMethodNotAllowed, fout{Code: codeMethode, Bericht: "methode " + r.Method + " is niet toegestaan op " + r.URL.Path + "; toegestaan: " + o.kop.Get("Allow")})
		return
	}
	s.schrijfFout(w, http.StatusNotFound, fout{Code: codeNietGevonden, Bericht: "onbekend pad " + r.URL.Path + "; zie /v1/openapi.json voor de routes"})
}

// onderschepper records the status and headers that http.ServeMux gives an unmatched request.
type onderschepper struct {
	kop    http.Header
	status int
}

func (o *onderschepper) Header() http.Header { return o.kop }
func (o *onderschepper) Write(b []byte) (int, error) {
	if o.status == 0 {
		o.status = http.StatusOK
	}
	return len(b), nil
}
func (o *onderschepper) WriteHeader(status int) {
	if o.status == 0 {
		o.status = status
	}
}

func (s *server) vraag(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	e := s.bron.Huidig()
	if e == nil {
		s.nietGereed(w)
		return
	}
	lezer := &begrensd{r: http.MaxBytesReader(w, r.Body, MaxVraag)}
	v, err := kennisbank.LeesVraag(lezer)
	if lezer.teGroot {
		s.schrijfFout(w, http.StatusRequestEntityTooLarge, fout{Code: codeTeGroot, Bericht: "de vraag is groter dan 1 MiB"})
		return
	}
	if err != nil {
		s.schrijfLibraryFout(w, r, err)
		return
	}
	select {
	case s.beurt <- struct{}{}:
		defer func() { <-s.beurt }()
	case <-r.Context().Done():
		return // the client is gone
	}
	ctx, stop := context.WithTimeout(r.Context(), s.opts.tijdslimiet)
	defer stop()
	b, err := e.Beslis(ctx, v)
	eind := time.Now()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && r.Context().Err() == nil {
		// The time limit passed (OPA may finish just after it): not an internal error, the server is
		// too busy to answer in time.
		w.Header().Set("Retry-After", "1")
		s.schrijfFout(w, http.StatusServiceUnavailable, fout{Code: codeOverbelast, Bericht: "de vraag kon niet binnen de tijdslimiet worden beantwoord; probeer het zo opnieuw"})
		return
	}
	if err != nil {
		s.schrijfLibraryFout(w, r, err)
		return
	}
	s.m.telOordeel(b.Oordeel())
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	schrijfAntwoord(w, b)
	if s.opts.bon != nil {
		s.roepBon(r.Context(), v, b.Antwoord(), start, eind)
	}
}

// roepBon calls the hook; the answer is already written, so a panic in it is only logged.
func (s *server) roepBon(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time) {
	defer func() {
		if p := recover(); p != nil {
			s.opts.log.Error("paniek in de bon-hook", "paniek", p)
		}
	}()
	s.opts.bon(ctx, v, a, start, eind)
}

// begrensd remembers whether the body went over the limit of http.MaxBytesReader, which LeesVraag
// reports only as unreadable JSON.
type begrensd struct {
	r       io.Reader
	teGroot bool
}

func (b *begrensd) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		b.teGroot = true
	}
	return n, err
}

type convenantenLijst struct {
	Convenanten []kennisbank.ConvenantSamenvatting `json:"convenanten"`
	Kennisbank  library.KennisbankInfo             `json:"kennisbank"`
}

func (s *server) convenanten(w http.ResponseWriter, _ *http.Request) {
	e := s.bron.Huidig()
	if e == nil {
		s.nietGereed(w)
		return
	}
	kb := e.Kennisbank()
	lijst := convenantenLijst{Convenanten: kb.Convenanten(), Kennisbank: library.KennisbankInfo{Versie: kb.Versie()}}
	s.schrijfJSON(w, http.StatusOK, lijst)
}

func (s *server) convenant(w http.ResponseWriter, r *http.Request) {
	e := s.bron.Huidig()
	if e == nil {
		s.nietGereed(w)
		return
	}
	kb := e.Kennisbank()
	id := r.PathValue("id")
	c := kb.Item("convenanten", id)
	if c == nil {
		c = kb.Item("convenanten", strings.ToLower(id))
	}
	if c == nil {
		var oid *kennisbank.OnbekendeIDFout
		if err := kb.Bekend("convenanten", id); errors.As(err, &oid) {
			s.schrijfFout(w, http.StatusNotFound, fout{Code: codeOnbekendeID, Veld: "id", Bericht: oid.Error(), Suggesties: oid.Suggesties})
			return
		}
		s.schrijfFout(w, http.StatusNotFound, fout{Code: codeOnbekendeID, Veld: "id", Bericht: "onbekend convenant " + id})
		return
	}
	s.schrijfJSON(w, http.StatusOK, c)
}

func (s *server) openapi(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPI)
}

func (s *server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	s.schrijfJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// gereedheid is the body of /readyz.
type gereedheid struct {
	Status     string                  `json:"status"`
	Kennisbank *library.KennisbankInfo `json:"kennisbank,omitempty"`
	Fout       *fout                   `json:"fout,omitempty"`
}

func (s *server) readyz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	e := s.bron.Huidig()
	if e == nil {
		f := nietGereedFout()
		s.m.telFout(f.Code)
		s.schrijfJSON(w, http.StatusServiceUnavailable, gereedheid{Status: "niet_gereed", Fout: &f})
		return
	}
	s.schrijfJSON(w, http.StatusOK, gereedheid{Status: "gereed", Kennisbank: &library.KennisbankInfo{Versie: e.Kennisbank().Versie()}})
}

func nietGereedFout() fout {
	return fout{Code: codeNietGereed, Bericht: "er is (nog) geen kennisbank geladen; probeer het zo opnieuw"}
}

func (s *server) nietGereed(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	s.schrijfFout(w, http.StatusServiceUnavailable, nietGereedFout())
}

// schrijfLibraryFout answers an error of the library: a 4xx for bad input, a 500 without details
// (logged) for anything else.
func (s *server) schrijfLibraryFout(w http.ResponseWriter, r *http.Request, err error) {
	status, f := foutVoor(err)
	if status == http.StatusInternalServerError {
		if r.Context().Err() == nil {
			s.opts.log.Error("interne fout bij een vraag", "fout", err)
		} else {
			s.opts.log.Info("vraag afgebroken", "fout", err)
		}
	}
	s.schrijfFout(w, status, f)
}

func (s *server) schrijfFout(w http.ResponseWriter, status int, f fout) {
	if f.Suggesties == nil {
		f.Suggesties = []string{}
	}
	s.m.telFout(f.Code)
	s.schrijfJSON(w, status, foutAntwoord{Fout: f})
}

func (s *server) schrijfJSON(w http.ResponseWriter, status int, v any) {
	inhoud, err := json.Marshal(v)
	if err != nil {
		s.opts.log.Error("antwoord niet als JSON te schrijven", "fout", err)
		status = http.StatusInternalServerError
		s.m.telFout(codeIntern)
		inhoud, _ = json.Marshal(foutAntwoord{Fout: interneFoutMetLijst()})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(inhoud, '\n'))
}

func interneFoutMetLijst() fout {
	f := interneFout()
	f.Suggesties = []string{}
	return f
}

func tekst(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// antwoordBuffers hold the bytes of one answer while it is written (see schrijfAntwoord).
var antwoordBuffers = sync.Pool{New: func() any { return new([]byte) }}

// schrijfAntwoord writes an answer's JSON and a newline as one body with its length: net/http then writes
// it to the connection in one go (a few system calls), where a string of unknown length goes out in chunks
// through net/http's 2 kB and 4 kB buffers, a system call for every 4 kB of an answer of up to 128 kB.
// The copy into a kept buffer costs microseconds and leaves no garbage.
func schrijfAntwoord(w http.ResponseWriter, b *library.Beslissing) {
	buf := antwoordBuffers.Get().(*[]byte)
	*buf = append(b.AppendJSON((*buf)[:0]), '\n')
	w.Header().Set("Content-Length", strconv.Itoa(len(*buf)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(*buf)
	antwoordBuffers.Put(buf)
}
