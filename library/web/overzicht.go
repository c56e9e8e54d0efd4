package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/handreiking"
)

// cache keeps the last few generated pages (handreiking, matrix) per engine and address: a whole
// covenant's matrix takes seconds. Pages without question content only.
type cache struct {
	mu      sync.Mutex
	max     int
	sleutel []string
	inhoud  map[string][]byte
}

func nieuweCache(max int) *cache { return &cache{max: max, inhoud: map[string][]byte{}} }

func (c *cache) haal(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.inhoud[k]
	if ok {
		i := slices.Index(c.sleutel, k)
		c.sleutel = append(append(c.sleutel[:i:i], c.sleutel[i+1:]...), k)
	}
	return b, ok
}

func (c *cache) zet(k string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.inhoud[k]; !ok {
		c.sleutel = append(c.sleutel, k)
	}
	c.inhoud[k] = b
	for len(c.sleutel) > c.max {
		delete(c.inhoud, c.sleutel[0])
		c.sleutel = c.sleutel[1:]
	}
}

// schrijfHTML writes a generated page, compressed when the browser accepts gzip (a whole covenant's
// heat map is about 1.2 MB of HTML and some 80 KB gzipped).
func schrijfHTML(w http.ResponseWriter, r *http.Request, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Vary", "Accept-Encoding")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && len(b) > 8<<10 {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed)
		if _, err := zw.Write(b); err == nil && zw.Close() == nil {
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(z.Bytes())
			return
		}
	}
	_, _ = w.Write(b)
}

// handreiking serves GET /handreiking[?convenant=…]: the handreiking of the current knowledge base, with
// today's edition date.
func (h *Handler) handreiking(w http.ResponseWriter, r *http.Request) {
	e := h.engine(w, r)
	if e == nil {
		return
	}
	kb := e.Kennisbank()
	opties := []handreiking.Optie{handreiking.Editie(h.vandaag()), handreiking.Stijlblad(StijlbladAdres), handreiking.Terug("Mag ik dit delen?", "/")}
	c := strings.TrimSpace(r.URL.Query().Get("convenant"))
	if c != "" {
		k, _, ok := herken(kb, "convenanten", c)
		if !ok {
			h.convenantFout(w, r, kb, c, "/handreiking")
			return
		}
		if k.ID != c {
			http.Redirect(w, r, "/handreiking?convenant="+url.QueryEscape(k.ID), http.StatusSeeOther)
			return
		}
		opties = append(opties, handreiking.AlleenConvenant(k.ID))
	}
	sleutel := fmt.Sprintf("handreiking|%p|%s|%s", e, h.vandaag(), c)
	if b, ok := h.cache.haal(sleutel); ok {
		schrijfHTML(w, r, b)
		return
	}
	b, err := handreiking.HTML(kb, opties...)
	if err != nil {
		h.interneFout(w, r, "handreiking", err)
		return
	}
	h.cache.zet(sleutel, b)
	schrijfHTML(w, r, b)
}

// convenantFout is the page for an unknown covenant: 400 with the covenants to choose from.
func (h *Handler) convenantFout(w http.ResponseWriter, r *http.Request, kb *kennisbank.Kennisbank, c, pad string) {
	p := matrixKeuze{Basis: Basis{Titel: "Onbekend convenant", Versie: kb.Versie()}, Pad: pad}
	p.Fout = fmt.Sprintf("Het convenant %q kennen we niet. Kies een van deze:", c)
	for _, k := range kb.Keuzes("convenanten") {
		p.Convenanten = append(p.Convenanten, link{Label: k.Label, URL: pad + "?convenant=" + url.QueryEscape(k.ID)})
	}
	h.schrijfPagina(w, r, http.StatusBadRequest, "matrixkeuze", p)
}

// matrixKeuze is the page that lists the covenants (for the matrix, or after an unknown covenant).
type matrixKeuze struct {
	Basis
	Pad, Fout   string
	Convenanten []link
}

// matrixVraag reads the question of a matrix from an address: convenant, datum, doel, van, naar,
// gegevens (lists as for /vraag) and feit=naam=waarde.
func matrixVraag(q url.Values, kb *kennisbank.Kennisbank, vandaag string) (bulk.MatrixVraag, []veldFout) {
	mv := bulk.MatrixVraag{Convenant: q.Get("convenant"), Datum: cmpOr(q.Get("datum"), vandaag)}
	var fouten []veldFout
	if k, _, ok := herken(kb, "convenanten", mv.Convenant); ok {
		mv.Convenant = k.ID
	}
	for _, l := range []struct {
		param, soort string
		doel         *[]string
	}{{"doel", "doelen", &mv.Doelen}, {"van", "partijen", &mv.Van}, {"naar", "partijen", &mv.Naar}, {"gegevens", "gegevens", &mv.Gegevens}} {
		for _, w := range leesLijst(q, l.param) {
			k, _, ok := herken(kb, l.soort, w)
			if !ok {
				fouten = append(fouten, veldFout{Veld: l.param, Naam: l.param, Bericht: onbekendBericht(w, enkelvoud(l.soort))})
				continue
			}
			*l.doel = append(*l.doel, k.ID)
		}
	}
	in := invoer{}
	in.leesFeiten(url.Values{"feit": q["feit"]}, kb)
	fouten = append(fouten, in.fouten...)
	mv.Feiten = in.v.Feiten
	return mv, fouten
}

// matrixQuery is the canonical query of a matrix question.
func matrixQuery(mv bulk.MatrixVraag) string {
	delen := []string{"convenant=" + queryWaarde(mv.Convenant), "datum=" + queryWaarde(mv.Datum)}
	for _, l := range []struct {
		k string
		w []string
	}{{"doel", mv.Doelen}, {"van", mv.Van}, {"naar", mv.Naar}, {"gegevens", mv.Gegevens}} {
		if len(l.w) > 0 {
			delen = append(delen, l.k+"="+queryWaarde(strings.Join(l.w, ",")))
		}
	}
	for _, naam := range slices.Sorted(func(yield func(string) bool) {
		for k := range mv.Feiten {
			if !yield(k) {
				return
			}
		}
	}) {
		delen = append(delen, "feit="+queryWaarde(naam+"="+fmt.Sprint(mv.Feiten[naam])))
	}
	return strings.Join(delen, "&")
}

// matrix serves GET /matrix: without a covenant the list of covenants, with one its heat map. Every cell
// links to the answer page of that purpose, sender and recipient with all the matrix's categories.
func (h *Handler) matrix(w http.ResponseWriter, r *http.Request) {
	e := h.engine(w, r)
	if e == nil {
		return
	}
	kb := e.Kennisbank()
	q := r.URL.Query()
	if strings.TrimSpace(q.Get("convenant")) == "" {
		p := matrixKeuze{Basis: Basis{Titel: "Matrix gegevensdeling", Versie: kb.Versie()}, Pad: "/matrix"}
		for _, k := range kb.Keuzes("convenanten") {
			p.Convenanten = append(p.Convenanten, link{Label: k.Label, URL: "/matrix?convenant=" + url.QueryEscape(k.ID)})
		}
		h.schrijfPagina(w, r, http.StatusOK, "matrixkeuze", p)
		return
	}
	mv, fouten := matrixVraag(q, kb, h.vandaag())
	if kb.Item("convenanten", mv.Convenant) == nil {
		h.convenantFout(w, r, kb, mv.Convenant, "/matrix")
		return
	}
	if len(fouten) > 0 {
		h.toonMelding(w, r, http.StatusBadRequest, "Fout in de matrix", fouten[0].Bericht+" Kies de matrix opnieuw via /matrix.")
		return
	}
	if canoniek := matrixQuery(mv); r.URL.RawQuery != canoniek {
		http.Redirect(w, r, "/matrix?"+canoniek, http.StatusSeeOther)
		return
	}
	sleutel := fmt.Sprintf("matrix|%p|%s", e, r.URL.RawQuery)
	if b, ok := h.cache.haal(sleutel); ok {
		schrijfHTML(w, r, b)
		return
	}
	// One matrix at a time: it uses every CPU. A second request for the same page waits and then finds
	// it in the cache.
	h.reken.Lock()
	defer h.reken.Unlock()
	if b, ok := h.cache.haal(sleutel); ok {
		schrijfHTML(w, r, b)
		return
	}
	ctx, stop := context.WithTimeout(r.Context(), MatrixTijdslimiet)
	defer stop()
	m, err := bulk.MaakMatrix(ctx, e, mv)
	if err != nil {
		if f, ok := veldFoutVan(kb, err); ok {
			h.toonMelding(w, r, http.StatusBadRequest, "Fout in de matrix", f.Naam+": "+f.Bericht)
			return
		}
		if errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil {
			h.toonMelding(w, r, http.StatusServiceUnavailable, "Even geduld", "De matrix kon niet op tijd worden berekend. Probeer het zo opnieuw, of kies één doel.")
			return
		}
		if r.Context().Err() == nil && len(mv.Van) == 0 && len(bulk.MatrixDeelnemers(kb, mv.Convenant, mv.Datum)) == 0 {
			h.toonMelding(w, r, http.StatusBadRequest, "Geen matrix", "Dit convenant heeft op "+kennisbank.DatumTekst(mv.Datum)+" geen deelnemers of doelen.")
			return
		}
		h.interneFout(w, r, "matrix", err)
		return
	}
	basis := matrixQuery(bulk.MatrixVraag{Convenant: mv.Convenant, Datum: mv.Datum, Gegevens: mv.Gegevens, Feiten: mv.Feiten})
	var b bytes.Buffer
	err = weergave.MatrixHTML(&b, []*bulk.Matrix{m}, kb, weergave.MatrixHTMLOpties{
		Stijlblad: StijlbladAdres,
		Terug:     [2]string{"Mag ik dit delen?", "/"},
		CelLink: func(_ *bulk.Matrix, doel, van, naar string) string {
			return "/matrix/cel?" + basis + "&doel=" + queryWaarde(doel) + "&van=" + queryWaarde(van) + "&naar=" + queryWaarde(naar)
		},
	})
	if err != nil {
		h.interneFout(w, r, "matrix", err)
		return
	}
	h.cache.zet(sleutel, b.Bytes())
	schrijfHTML(w, r, b.Bytes())
}

// matrixCel serves GET /matrix/cel: one cell of the heat map as a question, answered on its own page
// (303 to the answer page with every category of the matrix).
func (h *Handler) matrixCel(w http.ResponseWriter, r *http.Request) {
	e := h.engine(w, r)
	if e == nil {
		return
	}
	kb := e.Kennisbank()
	mv, fouten := matrixVraag(r.URL.Query(), kb, h.vandaag())
	if len(fouten) > 0 || len(mv.Doelen) != 1 || len(mv.Van) != 1 || len(mv.Naar) != 1 || kb.Item("convenanten", mv.Convenant) == nil {
		h.toonMelding(w, r, http.StatusBadRequest, "Onbekende cel", "Deze cel van de matrix bestaat niet. Open de matrix opnieuw via /matrix.")
		return
	}
	gegevens := mv.Gegevens
	if len(gegevens) == 0 {
		for _, k := range kb.Keuzes("gegevens") {
			gegevens = append(gegevens, k.ID)
		}
	}
	v := kennisbank.Vraag{Van: mv.Van[0], Naar: kennisbank.Ontvangers(mv.Naar), Gegevens: gegevens, Doel: mv.Doelen[0], Convenant: mv.Convenant, Datum: mv.Datum, Feiten: mv.Feiten}
	http.Redirect(w, r, VraagAdres(v), http.StatusSeeOther)
}
