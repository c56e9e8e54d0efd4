package bulk

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Domeincontrole lints the evaluated rules, not the files: it evaluates the decision space of each
// covenant (Matrix) on the date, the day after the covenant ends and the day after each participant
// leaves, and hands the cells to the lint rules (rules/lint: one rule per kind of finding, with its id,
// severity and hint in METADATA): gat, botsing, bijzonder_zonder_uitzondering,
// verlopen_convenant_toegestaan and vertrokken_deelnemer_toegestaan. What a finding is lives there;
// this function only chooses the matrices and counts the cells of each finding per covenant and purpose,
// with a few examples. It is slow (the whole space, seconds per covenant), so Controleer does not run
// it; `magikdelen controleer --regels` does.
func Domeincontrole(ctx context.Context, e *library.Engine, dv DomeinVraag) (kennisbank.Controlerapport, error) {
	datum, convenanten := dv.Datum, dv.Convenanten
	if datum == "" {
		datum = e.Vandaag()
	}
	if !kennisbank.GeldigeDatum(datum) {
		return kennisbank.Controlerapport{}, &kennisbank.DatumFout{Veld: "datum", Waarde: datum}
	}
	kb := e.Kennisbank()
	if len(convenanten) == 0 {
		convenanten = kb.IDs("convenanten")
	}
	var rapport kennisbank.Controlerapport
	for i, c := range convenanten {
		if err := kb.BekendAls(fmt.Sprintf("convenant[%d]", i), "convenanten", c); err != nil {
			return kennisbank.Controlerapport{}, err
		}
		conv, _ := kb.Convenant(c)
		doelen := smal(doelenVan(kb, c), dv.Doelen)
		if len(doelen) == 0 || conv.Status != "uitgewerkt" {
			continue
		}
		bestand := "convenanten/" + c + ".yaml"
		m, err := MaakMatrix(ctx, e, MatrixVraag{Convenant: c, Doelen: doelen, Datum: datum, Feiten: conv.VereistFeiten})
		if err != nil {
			return kennisbank.Controlerapport{}, err
		}
		bevindingen, err := lint(ctx, e, map[string]string{"controle": "cellen", "convenant": c}, m, bestand)
		if err != nil {
			return kennisbank.Controlerapport{}, err
		}
		rapport.Bevindingen = append(rapport.Bevindingen, bevindingen...)
		// The day after the covenant ends.
		if tot := conv.GeldigTot; tot != "" {
			dag := volgendeDag(tot)
			m, err := MaakMatrix(ctx, e, MatrixVraag{Convenant: c, Doelen: doelen, Datum: dag, Feiten: conv.VereistFeiten})
			if err != nil {
				return kennisbank.Controlerapport{}, err
			}
			bevindingen, err := lint(ctx, e, map[string]string{"controle": "verlopen", "convenant": c, "tot": tot}, m, bestand)
			if err != nil {
				return kennisbank.Controlerapport{}, err
			}
			rapport.Bevindingen = append(rapport.Bevindingen, bevindingen...)
		}
		// The day after a participant leaves (unless it takes part again that day).
		for _, vertrek := range conv.Deelnemers {
			if vertrek.Tot == "" {
				continue
			}
			dag := volgendeDag(vertrek.Tot)
			if slices.Contains(deelnemersOp(kb, c, dag), vertrek.Partij) {
				continue
			}
			for _, mv := range []MatrixVraag{
				{Convenant: c, Doelen: doelen, Datum: dag, Van: []string{vertrek.Partij}, Feiten: conv.VereistFeiten},
				{Convenant: c, Doelen: doelen, Datum: dag, Naar: []string{vertrek.Partij}, Feiten: conv.VereistFeiten},
			} {
				if len(mv.Van) == 0 && len(deelnemersOp(kb, c, dag)) == 0 {
					continue
				}
				m, err := MaakMatrix(ctx, e, mv)
				if err != nil {
					return kennisbank.Controlerapport{}, err
				}
				bevindingen, err := lint(ctx, e, map[string]string{"controle": "vertrokken", "convenant": c, "partij": vertrek.Partij, "dag": dag}, m, bestand)
				if err != nil {
					return kennisbank.Controlerapport{}, err
				}
				rapport.Bevindingen = append(rapport.Bevindingen, bevindingen...)
			}
		}
	}
	for _, b := range rapport.Bevindingen {
		if b.Ernst == kennisbank.ErnstFout {
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

// queryLint is the decision of the domain lint: the findings of rules/lint over the cells in the input.
const queryLint = "data.magikdelen.lint.bevindingen"

// lintBevinding is one finding of rules/lint about one cell (Cel: its index in the matrix). Findings with
// the same Groep are counted together; Volgorde orders the findings of one cell.
type lintBevinding struct {
	ID       string           `json:"id"`
	Ernst    kennisbank.Ernst `json:"ernst"`
	Hint     string           `json:"hint"`
	Cel      int              `json:"cel"`
	Groep    string           `json:"groep"`
	Volgorde []int            `json:"volgorde"`
	Bericht  string           `json:"bericht"`
}

// lint evaluates the lint rules over the cells of m (invoer says which check and which covenant) and
// counts the cells of each finding: one Bevinding per group, in the order of the cells, with the
// number of cells and up to three examples.
func lint(ctx context.Context, e *library.Engine, invoer map[string]string, m *Matrix, bestand string) ([]kennisbank.Bevinding, error) {
	// In blocks of cells: every lint rule reads one cell at a time (some i, cel in input.cellen), so a block
	// gives the same findings with its cell numbers shifted, and only a block at a time is converted for the
	// rules (a whole covenant is tens of thousands of cells: hundreds of MB as input).
	var gevonden []lintBevinding
	for begin := 0; begin < len(m.Cellen); begin += lintBlok {
		blok := m.Cellen[begin:min(begin+lintBlok, len(m.Cellen))]
		velden := make(map[string]any, len(invoer)+1)
		for k, v := range invoer {
			velden[k] = v
		}
		cellen := make([]any, len(blok))
		for i, c := range blok {
			cellen[i] = celWaarde(c)
		}
		velden["cellen"] = cellen
		waarde, ok, err := e.Evalueer(ctx, queryLint, velden)
		if err != nil {
			return nil, fmt.Errorf("domeincontrole: %w", err)
		}
		if !ok {
			continue
		}
		bs, err := json.Marshal(waarde)
		if err != nil {
			return nil, fmt.Errorf("domeincontrole: %w", err)
		}
		var inBlok []lintBevinding
		if err := json.Unmarshal(bs, &inBlok); err != nil {
			return nil, fmt.Errorf("domeincontrole: %w", err)
		}
		for _, l := range inBlok {
			if l.Cel < 0 || l.Cel >= len(blok) {
				return nil, fmt.Errorf("domeincontrole: bevinding %s over cel %d van %d", l.ID, l.Cel, len(blok))
			}
			l.Cel += begin
			gevonden = append(gevonden, l)
		}
	}
	slices.SortStableFunc(gevonden, func(a, b lintBevinding) int {
		return cmp.Or(cmp.Compare(a.Cel, b.Cel), slices.Compare(a.Volgorde, b.Volgorde))
	})
	groepen := map[string]*groepje{}
	var volgorde []string
	for _, l := range gevonden {
		g, ok := groepen[l.Groep]
		if !ok {
			g = &groepje{bevinding: kennisbank.Bevinding{Ernst: l.Ernst, ID: l.ID, Bestand: bestand, Bericht: l.Bericht, Hint: l.Hint}}
			groepen[l.Groep] = g
			volgorde = append(volgorde, l.Groep)
		}
		g.voegToe(m.Cellen[l.Cel])
	}
	uit := make([]kennisbank.Bevinding, 0, len(volgorde))
	for _, k := range volgorde {
		g := groepen[k]
		b := g.bevinding
		b.Bericht = fmt.Sprintf("%s (%d %s, bv. %s)", b.Bericht, g.aantal, cellenWoord(g.aantal), strings.Join(g.voorbeelden, "; "))
		uit = append(uit, b)
	}
	return uit, nil
}

// lintBlok is the number of cells the lint rules read at a time (a variable for the tests).
var lintBlok = 4096

// celWaarde is a cell as the lint rules read it: the JSON of MatrixCel, built as plain values at once
// (a JSON round trip of each cell cost a sixth of a lint run).
func celWaarde(c MatrixCel) map[string]any {
	lijst := func(xs []string) any {
		if xs == nil {
			return nil
		}
		uit := make([]any, len(xs))
		for i, x := range xs {
			uit[i] = x
		}
		return uit
	}
	var lagen any
	if c.Lagen != nil {
		o := make(map[string]any, len(c.Lagen))
		for k, v := range c.Lagen {
			o[k] = v
		}
		lagen = o
	}
	o := map[string]any{
		"doel": c.Doel, "van": c.Van, "naar": c.Naar, "gegevens": c.Gegevens,
		"oordeel": string(c.Oordeel), "zekerheid": c.Zekerheid,
		"grondslagen": lijst(c.Grondslagen), "voorwaarden": lijst(c.Voorwaarden),
		"ontbrekende_feiten": lijst(c.OntbrekendeFeiten), "redenen": lijst(c.Redenen), "lagen": lagen,
	}
	if len(c.Botsingen) > 0 {
		o["botsingen"] = lijst(c.Botsingen)
	}
	return o
}

// groepje collects cells with the same finding.
type groepje struct {
	bevinding   kennisbank.Bevinding
	aantal      int
	voorbeelden []string
}

func (g *groepje) voegToe(c MatrixCel) {
	g.aantal++
	if len(g.voorbeelden) < 3 {
		g.voorbeelden = append(g.voorbeelden, fmt.Sprintf("%s → %s: %s", c.Van, c.Naar, c.Gegevens))
	}
}

func cellenWoord(n int) string {
	if n == 1 {
		return "cel"
	}
	return "cellen"
}

func volgendeDag(datum string) string {
	t, err := time.Parse(time.DateOnly, datum)
	if err != nil {
		return datum
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}
