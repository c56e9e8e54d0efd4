package library

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Domeincontrole lints the evaluated rules, not the files: it evaluates the decision space of each
// covenant (Matrix) and reports
//
//   - gat: cells no rule answers (onbepaald without a reason or a missing fact);
//   - botsing: a statutory duty or right (a route with verdict toegestaan) and a block of the covenant
//     both match a cell;
//   - bijzonder_zonder_uitzondering: an art. 9 or art. 10 category that may be shared while no route
//     of that layer applied (no exception of art. 9 lid 2 or art. 10 route) and no closed regime
//     (Wpg, Wjsg) route covers the share;
//   - verlopen_convenant_toegestaan: the day after a covenant ends, a cell is still allowed through one
//     of its own routes;
//   - vertrokken_deelnemer_toegestaan: the day after a participant leaves, it still sends or receives
//     through one of the covenant's own routes.
//
// Cells with the same finding are counted together per covenant and purpose, with a few examples. It is
// slow (the whole space, seconds per covenant), so Controleer does not run it; `magikdelen controleer
// --regels` does.
func (e *Engine) Domeincontrole(ctx context.Context, dv DomeinVraag) (Controlerapport, error) {
	datum, convenanten := dv.Datum, dv.Convenanten
	if datum == "" {
		datum = e.klok().Format(time.DateOnly)
	}
	if !geldigeDatum(datum) {
		return Controlerapport{}, &DatumFout{Veld: "datum", Waarde: datum}
	}
	kb := e.kb
	if len(convenanten) == 0 {
		convenanten = kb.IDs("convenanten")
	}
	var rapport Controlerapport
	for i, c := range convenanten {
		if err := kb.bekend(fmt.Sprintf("convenant[%d]", i), "convenanten", c); err != nil {
			return Controlerapport{}, err
		}
		doelen := smal(kb.doelenVan(c), dv.Doelen)
		if len(doelen) == 0 || veldTekst(kb.Item("convenanten", c), "status") != "uitgewerkt" {
			continue
		}
		bestand := "convenanten/" + c + ".yaml"
		m, err := e.Matrix(ctx, MatrixVraag{Convenant: c, Doelen: doelen, Datum: datum, Feiten: kb.stelDat(c)})
		if err != nil {
			return Controlerapport{}, err
		}
		rapport.Bevindingen = append(rapport.Bevindingen, celBevindingen(kb, m, bestand)...)
		eigen := kb.convenantRoutes(c)
		// The day after the covenant ends.
		if tot := veldTekst(kb.Item("convenanten", c), "geldig_tot"); tot != "" {
			dag := volgendeDag(tot)
			m, err := e.Matrix(ctx, MatrixVraag{Convenant: c, Doelen: doelen, Datum: dag, Feiten: kb.stelDat(c)})
			if err != nil {
				return Controlerapport{}, err
			}
			rapport.Bevindingen = append(rapport.Bevindingen, nogToegestaan(kb, m, eigen, "verlopen_convenant_toegestaan", bestand,
				fmt.Sprintf("%s is op %s verlopen, maar", m.Naam, tot))...)
		}
		// The day after a participant leaves (unless it takes part again that day).
		for _, vertrek := range kb.vertrekken(c) {
			dag := volgendeDag(vertrek.tot)
			if slices.Contains(kb.deelnemersOp(c, dag), vertrek.partij) {
				continue
			}
			for _, mv := range []MatrixVraag{
				{Convenant: c, Doelen: doelen, Datum: dag, Van: []string{vertrek.partij}, Feiten: kb.stelDat(c)},
				{Convenant: c, Doelen: doelen, Datum: dag, Naar: []string{vertrek.partij}, Feiten: kb.stelDat(c)},
			} {
				if len(mv.Van) == 0 && len(kb.deelnemersOp(c, dag)) == 0 {
					continue
				}
				m, err := e.Matrix(ctx, mv)
				if err != nil {
					return Controlerapport{}, err
				}
				rapport.Bevindingen = append(rapport.Bevindingen, nogToegestaan(kb, m, eigen, "vertrokken_deelnemer_toegestaan", bestand,
					fmt.Sprintf("%s doet sinds %s niet meer mee aan %s, maar", kb.label("partijen", vertrek.partij), dag, m.Naam))...)
			}
		}
	}
	for _, b := range rapport.Bevindingen {
		if b.Ernst == ErnstFout {
			rapport.Fouten++
		} else {
			rapport.Waarschuwingen++
		}
	}
	return rapport, nil
}

// DomeinVraag says what Domeincontrole evaluates: the date (empty: today), and optionally only some
// covenants and purposes.
type DomeinVraag struct {
	Datum       string   `json:"datum,omitempty"`
	Convenanten []string `json:"convenanten,omitempty"`
	Doelen      []string `json:"doelen,omitempty"`
}

// domeinHints are the fix hints of the domain lint.
var domeinHints = map[string]string{
	"gat":                             "Geef de cel een route (routes.yaml of het convenant) of een blokkade, zodat het antwoord zegt waarom; nu verwijst het alleen naar de FG.",
	"botsing":                         "Een wettelijke plicht gaat niet weg door een convenantafspraak: neem de categorie op in max_gegevens van het doel, of leg uit waarom het convenant hier strenger is.",
	"bijzonder_zonder_uitzondering":   "Controleer of de wet van afzender en ontvanger (Wpg, Wjsg) deze bijzondere gegevens dekt; zo niet, voeg een route voor de laag art9/art10 toe of beperk max_gegevens.",
	"verlopen_convenant_toegestaan":   "Een verlopen convenant mag geen deling meer dragen: controleer geldig_tot van het convenant en van zijn routes, en de regel convenant_niet_geldig.",
	"vertrokken_deelnemer_toegestaan": "Een vertrokken deelnemer deelt niet meer onder het convenant: controleer tot van de deelnemer en de selectoren van de convenantroutes.",
}

// groepje collects cells with the same finding.
type groepje struct {
	bevinding   Bevinding
	aantal      int
	voorbeelden []string
}

func (g *groepje) voegToe(c MatrixCel) {
	g.aantal++
	if len(g.voorbeelden) < 3 {
		g.voorbeelden = append(g.voorbeelden, fmt.Sprintf("%s → %s: %s", c.Van, c.Naar, c.Gegevens))
	}
}

func samenvatten(groepen map[string]*groepje, volgorde []string) []Bevinding {
	uit := make([]Bevinding, 0, len(volgorde))
	for _, k := range volgorde {
		g := groepen[k]
		b := g.bevinding
		b.Bericht = fmt.Sprintf("%s (%d %s, bv. %s)", b.Bericht, g.aantal, cellenWoord(g.aantal), strings.Join(g.voorbeelden, "; "))
		b.Hint = domeinHints[b.ID]
		uit = append(uit, b)
	}
	return uit
}

func cellenWoord(n int) string {
	if n == 1 {
		return "cel"
	}
	return "cellen"
}

// celBevindingen: gaps, clashes and special categories without an exception, per purpose.
func celBevindingen(kb *Kennisbank, m *Matrix, bestand string) []Bevinding {
	groepen := map[string]*groepje{}
	var volgorde []string
	voeg := func(sleutel string, b Bevinding, c MatrixCel) {
		g, ok := groepen[sleutel]
		if !ok {
			g = &groepje{bevinding: b}
			groepen[sleutel] = g
			volgorde = append(volgorde, sleutel)
		}
		g.voegToe(c)
	}
	for _, c := range m.Cellen {
		doel := kb.label("doelen", c.Doel)
		if c.Oordeel == Onbepaald && len(c.Redenen) == 0 && len(c.OntbrekendeFeiten) == 0 {
			voeg("gat|"+c.Doel, Bevinding{Ernst: ErnstWaarschuwing, ID: "gat", Bestand: bestand,
				Bericht: fmt.Sprintf("doel %s: geen regel beantwoordt deze delingen", doel)}, c)
		}
		for _, b := range c.Botsingen {
			blokkade, route, _ := strings.Cut(b, "/")
			voeg("botsing|"+c.Doel+"|"+b, Bevinding{Ernst: ErnstWaarschuwing, ID: "botsing", Bestand: bestand,
				Bericht: fmt.Sprintf("doel %s: route %s (toegestaan) en blokkade %s passen allebei; het strengste oordeel geldt", doel, route, blokkade)}, c)
		}
		if kb.Positief(c.Oordeel) {
			for _, laag := range kb.bijzondereKlassen(c.Gegevens) {
				// A closed regime (Wpg, Wjsg) has its own route for every share, special categories
				// included; the AVG layers then do not apply. The class's layers are per side (art9_van,
				// art9_naar): a side with a route is enough for this warning.
				if geenRouteVoorKlasse(c.Lagen, laag) && geenRoute(c.Lagen, "regime") {
					voeg("bijzonder|"+c.Doel+"|"+laag, Bevinding{Ernst: ErnstWaarschuwing, ID: "bijzonder_zonder_uitzondering", Bestand: bestand,
						Bericht: fmt.Sprintf("doel %s: %s-gegevens mogen worden gedeeld zonder route in die laag en zonder route van een gesloten regime", doel, laag)}, c)
				}
			}
		}
	}
	return samenvatten(groepen, volgorde)
}

// geenRouteVoorKlasse: no layer of the class (art9_van, art9_naar for "art9") found a route.
func geenRouteVoorKlasse(lagen map[string]string, klasse string) bool {
	for laag := range lagen {
		if strings.HasPrefix(laag, klasse+"_") && !geenRoute(lagen, laag) {
			return false
		}
	}
	return true
}

// geenRoute: the layer did not apply to the cell, or found no route.
func geenRoute(lagen map[string]string, laag string) bool {
	id, ok := lagen[laag]
	return !ok || strings.HasPrefix(id, "geen_route_")
}

// nogToegestaan: allowed cells that rest on one of the covenant's own routes.
func nogToegestaan(kb *Kennisbank, m *Matrix, eigen []string, id, bestand, aanhef string) []Bevinding {
	groepen := map[string]*groepje{}
	var volgorde []string
	for _, c := range m.Cellen {
		if !kb.Positief(c.Oordeel) {
			continue
		}
		for _, route := range c.Lagen {
			if !slices.Contains(eigen, route) {
				continue
			}
			k := c.Doel + "|" + route
			g, ok := groepen[k]
			if !ok {
				g = &groepje{bevinding: Bevinding{Ernst: ErnstFout, ID: id, Bestand: bestand,
					Bericht: fmt.Sprintf("%s doel %s geeft nog %s via convenantroute %s", aanhef, c.Doel, c.Oordeel, route)}}
				groepen[k] = g
				volgorde = append(volgorde, k)
			}
			g.voegToe(c)
			break
		}
	}
	return samenvatten(groepen, volgorde)
}

// stelDat: the facts a covenant requires to be evaluated at all ("stel dat" for a bill), so that its
// rules are linted rather than its absence.
func (k *Kennisbank) stelDat(convenant string) map[string]any {
	vereist, _ := k.Item("convenanten", convenant)["vereist_feiten"].(map[string]any)
	if len(vereist) == 0 {
		return nil
	}
	return vereist
}

// convenantRoutes lists the ids of the routes in a covenant's own file.
func (k *Kennisbank) convenantRoutes(convenant string) []string {
	var uit []string
	routes, _ := k.Item("convenanten", convenant)["routes"].([]any)
	for _, r := range routes {
		if m, ok := r.(map[string]any); ok {
			uit = append(uit, veldTekst(m, "id"))
		}
	}
	return uit
}

type vertrek struct{ partij, tot string }

// vertrekken lists the participation windows of a covenant that end.
func (k *Kennisbank) vertrekken(convenant string) []vertrek {
	var uit []vertrek
	lijst, _ := k.Item("convenanten", convenant)["deelnemers"].([]any)
	for _, x := range lijst {
		d, _ := x.(map[string]any)
		if tot := veldTekst(d, "tot"); tot != "" {
			uit = append(uit, vertrek{veldTekst(d, "partij"), tot})
		}
	}
	return uit
}

func (k *Kennisbank) label(soort, id string) string {
	if s := veldTekst(k.Item(soort, id), "label"); s != "" {
		return s
	}
	return id
}

func volgendeDag(datum string) string {
	t, err := time.Parse(time.DateOnly, datum)
	if err != nil {
		return datum
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}
