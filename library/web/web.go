package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// EngineBron gives the engine that answers the current request, or nil while none is loaded; api.Wissel
// is one.
type EngineBron interface {
	Huidig() *library.Engine
}

// Bon is called after each answer page, with the question, its answer and when the request started and
// the answer was ready, e.g. to write a decision receipt. Without it nothing is stored.
type Bon func(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time)

// StandaardTijdslimiet is how long one answer page may take unless MetTijdslimiet says otherwise.
const StandaardTijdslimiet = 30 * time.Second

// MatrixTijdslimiet is how long one matrix may take to evaluate: a whole covenant takes seconds.
const MatrixTijdslimiet = 2 * time.Minute

// ContentSecurityPolicy is the policy of every page: everything from this server only, no inline script
// or style, no frames, forms only to this server.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

type opties struct {
	log         *slog.Logger
	bon         Bon
	tijdslimiet time.Duration
	klok        func() time.Time
}

// Optie configures NieuweHandler.
type Optie func(*opties)

// MetLogger sets where internal errors are logged (never the question); by default nowhere.
func MetLogger(l *slog.Logger) Optie { return func(o *opties) { o.log = l } }

// MetBon sets the hook called after each answer page.
func MetBon(b Bon) Optie { return func(o *opties) { o.bon = b } }

// MetTijdslimiet sets how long one answer page may take (default StandaardTijdslimiet).
func MetTijdslimiet(d time.Duration) Optie { return func(o *opties) { o.tijdslimiet = d } }

// MetKlok sets the clock that gives today's date (for the form's default date, the handreiking's edition
// and questions without a date); tests use a fixed one.
func MetKlok(klok func() time.Time) Optie { return func(o *opties) { o.klok = klok } }

// Handler serves the web pages. It is safe for concurrent use.
type Handler struct {
	bron  EngineBron
	opts  opties
	mux   *http.ServeMux
	beurt chan struct{} // at most 2 evaluations per CPU at once
	reken sync.Mutex    // one matrix at a time: it uses every CPU
	cache *cache
}

// routes are the pages of the handler with their patterns (http.ServeMux), also the metrics labels of
// package api.
var routes = []struct {
	patroon string
	h       func(*Handler, http.ResponseWriter, *http.Request)
}{
	{"GET /{$}", (*Handler).formulier},
	{"GET /vraag", (*Handler).vraag},
	{"GET /handreiking", (*Handler).handreiking},
	{"GET /matrix", (*Handler).matrix},
	{"GET /matrix/cel", (*Handler).matrixCel},
	{"GET /stijl.css", (*Handler).stijl},
	{"GET /web.js", (*Handler).script},
	{"GET /favicon.ico", (*Handler).icoon},
}

// NieuweHandler returns the handler of the web pages, answering with the engine that bron gives at the
// start of each request (nil: 503 until there is one).
func NieuweHandler(bron EngineBron, opts ...Optie) *Handler {
	o := opties{log: slog.New(slog.DiscardHandler), tijdslimiet: StandaardTijdslimiet, klok: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	h := &Handler{bron: bron, opts: o, mux: http.NewServeMux(), beurt: make(chan struct{}, 2*runtime.GOMAXPROCS(0)), cache: nieuweCache(8)}
	for _, r := range routes {
		h.mux.HandleFunc(r.patroon, func(w http.ResponseWriter, req *http.Request) { r.h(h, w, req) })
	}
	return h
}

// Patronen are the patterns of the pages, for a server that mounts them next to other routes.
func (h *Handler) Patronen() []string {
	uit := make([]string, len(routes))
	for i, r := range routes {
		uit[i] = r.patroon
	}
	return uit
}

// ServeHTTP serves the pages; an unknown path gets the HTML page "niet gevonden".
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ZetBeveiliging(w.Header())
	if _, patroon := h.mux.Handler(r); patroon == "" {
		h.nietGevonden(w, r)
		return
	}
	h.mux.ServeHTTP(w, r)
}

// ZetBeveiliging sets the security headers of a page.
func ZetBeveiliging(k http.Header) {
	k.Set("Content-Security-Policy", ContentSecurityPolicy)
	k.Set("X-Content-Type-Options", "nosniff")
	k.Set("X-Frame-Options", "DENY")
	k.Set("Referrer-Policy", "no-referrer")
	k.Set("Cross-Origin-Opener-Policy", "same-origin")
	k.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
}

func (h *Handler) vandaag() string { return h.opts.klok().Format(time.DateOnly) }

// engine gives the current engine, or answers 503.
func (h *Handler) engine(w http.ResponseWriter, r *http.Request) *library.Engine {
	if h.bron != nil {
		if e := h.bron.Huidig(); e != nil {
			return e
		}
	}
	w.Header().Set("Retry-After", "1")
	h.toonMelding(w, r, http.StatusServiceUnavailable, "Even geduld", "Er is nog geen kennisbank geladen. Probeer het over een paar seconden opnieuw.")
	return nil
}

// wachtBeurt waits for a turn to evaluate; false when the client is gone.
func (h *Handler) wachtBeurt(ctx context.Context) (func(), bool) {
	select {
	case h.beurt <- struct{}{}:
		return func() { <-h.beurt }, true
	case <-ctx.Done():
		return nil, false
	}
}

// interneFout logs that something went wrong, without the question, and shows a page that says so.
func (h *Handler) interneFout(w http.ResponseWriter, r *http.Request, wat string, err error) {
	if r.Context().Err() != nil {
		return // the client is gone
	}
	h.logInterneFout(wat, err)
	h.toonMelding(w, r, http.StatusInternalServerError, "Er ging iets mis", "magikdelen kon deze pagina niet maken. Probeer het later opnieuw, of stel de vraag met magikdelen vraag op de opdrachtregel.")
}

// logInterneFout logs what failed in page wat. The error may quote the question (ids of parties, purposes,
// facts): log only what failed and its kind.
func (h *Handler) logInterneFout(wat string, err error) {
	h.opts.log.Error("interne fout in een webpagina; herhaal de vraag met magikdelen vraag om de fout te zien", "pagina", wat, "soort", foutSoort(err))
}

//go:embed sjablonen/*.html
var sjabloonFS embed.FS

//go:embed statisch
var statischFS embed.FS

// sjablonen are the pages, each the layout (basis.html) with its own content, parsed on first use: a CLI
// command that serves no page does not pay for them at start.
var sjablonen = sync.OnceValue(func() map[string]*template.Template {
	uit := map[string]*template.Template{}
	functies := template.FuncMap{"datum": kennisbank.DatumTekst, "lager": strings.ToLower}
	for _, naam := range []string{"formulier", "antwoord", "melding", "matrixkeuze"} {
		uit[naam] = template.Must(template.New("basis.html").Funcs(functies).ParseFS(sjabloonFS, "sjablonen/basis.html", "sjablonen/velden.html", "sjablonen/"+naam+".html"))
	}
	return uit
})

// schrijfPagina renders a page into a buffer first, so that a template error is a 500 and not half a page.
func (h *Handler) schrijfPagina(w http.ResponseWriter, r *http.Request, status int, naam string, data any) {
	s := &stroom{w: w, status: status}
	h.schrijfStroom(s, naam, data)
}

// stroom writes a page in parts. The template writes into a buffer; spoel sends what is there to the client
// (with the headers, the first time), so that a page that still waits for something it shows further down
// (the open facts of the answer page) already shows what is ready.
type stroom struct {
	w        http.ResponseWriter
	status   int
	buf      bytes.Buffer
	begonnen bool // the headers and a first part are sent
}

func (s *stroom) Write(p []byte) (int, error) { return s.buf.Write(p) }

// spoel sends the buffer to the client now.
func (s *stroom) spoel() {
	if !s.begonnen {
		s.begonnen = true
		s.w.Header().Set("Content-Type", "text/html; charset=utf-8")
		s.w.Header().Set("Cache-Control", "no-store")
		s.w.WriteHeader(s.status)
	}
	_, _ = s.w.Write(s.buf.Bytes())
	s.buf.Reset()
	_ = http.NewResponseController(s.w).Flush()
}

// schrijfStroom renders page naam into s and sends the rest. A template error before the first part was
// sent is a 500, not half a page; after it, the page ends there and the error is logged.
func (h *Handler) schrijfStroom(s *stroom, naam string, data any) {
	if err := sjablonen()[naam].Execute(s, data); err != nil {
		h.opts.log.Error("sjabloon", "pagina", naam, "fout", err.Error())
		if !s.begonnen {
			http.Error(s.w, "interne fout", http.StatusInternalServerError)
		}
		return
	}
	s.spoel()
}

// melding is a page with a heading and a message.
type melding struct {
	Basis
	Bericht string
}

// Basis is what every page has: the title and the version of the knowledge base.
type Basis struct {
	Titel, Versie string
	Hoofd         bool // the start page (no link back to it)
}

func (h *Handler) toonMelding(w http.ResponseWriter, r *http.Request, status int, titel, bericht string) {
	versie := ""
	if h.bron != nil {
		if e := h.bron.Huidig(); e != nil {
			versie = e.Kennisbank().Versie()
		}
	}
	h.schrijfPagina(w, r, status, "melding", melding{Basis: Basis{Titel: titel, Versie: versie}, Bericht: bericht})
}

func (h *Handler) nietGevonden(w http.ResponseWriter, r *http.Request) {
	h.toonMelding(w, r, http.StatusNotFound, "Pagina niet gevonden", "Deze pagina bestaat niet. Begin opnieuw bij de vraag \"mag ik dit delen?\".")
}

// statisch serves an embedded file with a validator, so that a browser asks again only when it changed.
func statisch(w http.ResponseWriter, r *http.Request, soort string, inhoud []byte) {
	som := sha256.Sum256(inhoud)
	etag := `"` + hex.EncodeToString(som[:8]) + `"`
	w.Header().Set("Content-Type", soort)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = w.Write(inhoud)
}

var (
	stijlblad = func() []byte {
		eigen, err := statischFS.ReadFile("statisch/stijl.css")
		if err != nil {
			panic(err)
		}
		return []byte(weergave.PaginaCSS() + weergave.MatrixCSS() + string(eigen))
	}()
	script = moetLezen("statisch/web.js")
	icoon  = moetLezen("statisch/favicon.svg")
)

func moetLezen(pad string) []byte {
	b, err := statischFS.ReadFile(pad)
	if err != nil {
		panic(err)
	}
	return b
}

// StijlbladAdres is the address of the one style sheet of the pages.
const StijlbladAdres = "/stijl.css"

func (h *Handler) stijl(w http.ResponseWriter, r *http.Request) {
	statisch(w, r, "text/css; charset=utf-8", stijlblad)
}

func (h *Handler) script(w http.ResponseWriter, r *http.Request) {
	statisch(w, r, "text/javascript; charset=utf-8", script)
}

func (h *Handler) icoon(w http.ResponseWriter, r *http.Request) {
	statisch(w, r, "image/svg+xml", icoon)
}
