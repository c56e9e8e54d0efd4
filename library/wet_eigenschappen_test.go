package library_test

// Properties from the law over the decision space of every covenant and of the purposes outside the
// covenants (issue #10), read from Engine.Matrix, which evaluates a whole covenant on a date at once:
//
//  1. no answer cites a ground outside its validity window (no WGS before 2025-03-01, no AVG before
//     2018-05-25);
//  2. no niet_toegestaan with certainty hoog rests only on participation in a covenant: a "no" that only
//     says "not in the circle" is never certain;
//  3. no positive answer for a share that a reuse limit forbids: Wmo 2015 art. 5.1.1 lid 4 (data the
//     college has for the Jeugdwet, the Participatiewet or the Wgs, used for the Wmo only with explicit
//     consent).
//
// The scale is deterministic and stated in wetMatrices: plain go test samples every twelfth sender on each
// of the two dates around the WGS (other senders on each date), -short a thin slice, and
// -eigenschappen.volledig every sender on the three dates. Under -race these tests are skipped (zwaar).

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// wetDatums: just after the AVG, before the WGS, after the WGS. Without -eigenschappen.volledig the last
// two.
var wetDatums = []string{"2018-06-01", "2024-06-01", "2026-03-01"}

// alleenDeelname are the blocks that rest only on the circle of a covenant (rules/kader: participation).
var alleenDeelname = map[string]bool{
	"afzender_geen_deelnemer":  true,
	"ontvanger_geen_deelnemer": true,
	"deelname_onbekend":        true,
	"alleen_als_derde":         true,
}

// kader is one frame of the decision space: a covenant, or the statutory purposes.
type wetKader struct {
	naam string
	mv   bulk.MatrixVraag
}

func wetKaders(kb *kennisbank.Kennisbank) []wetKader {
	var uit []wetKader
	for _, c := range kb.Convenanten() {
		uit = append(uit, wetKader{c.ID, bulk.MatrixVraag{Convenant: c.ID}})
	}
	return append(uit, wetKader{bulk.Wettelijk, bulk.MatrixVraag{Wettelijk: true}})
}

// wetMatrices evaluates each frame once for both properties. Plain go test: every frame on the two dates
// around the WGS with every twelfth sender, starting at the first on one date and the seventh on the
// other, and the categories that differ in law (about 20,000 cells); -eigenschappen.volledig: every sender on
// the three dates; -short: the last date, two senders per frame and one category of each AVG class (a
// few thousand cells).
func wetMatrices(t *testing.T, e *library.Engine) []*bulk.Matrix {
	t.Helper()
	var uit []*bulk.Matrix
	for _, k := range wetKaders(e.Kennisbank()) {
		datums := wetDatums
		klein := testing.Short()
		switch {
		case *volledigeRuimte:
		case klein:
			datums = wetDatums[len(wetDatums)-1:]
		default:
			datums = wetDatums[1:]
		}
		for di, d := range datums {
			mv := k.mv
			mv.Datum = d
			switch {
			case *volledigeRuimte:
			case klein:
				mv.Gegevens = []string{"identificerend", "gezondheid", "strafrechtelijk"}
			default:
				// One category of each AVG class, and each category that has its own regime or
				// ground (BSN, police data, judicial data, financial data under the Wgs).
				mv.Gegevens = []string{"identificerend", "bsn", "gezondheid", "strafrechtelijk", "politiegegevens", "justitiele_documentatie", "financieel"}
			}
			if !*volledigeRuimte {
				// The senders of the frame on the date, from a matrix of one cell per sender.
				m, err := bulk.MaakMatrix(context.Background(), e, bulk.MatrixVraag{Convenant: mv.Convenant, Wettelijk: mv.Wettelijk, Datum: d, Gegevens: []string{"identificerend"}, Naar: []string{"betrokkene"}})
				if err != nil {
					t.Fatalf("%s op %s: %v", k.naam, d, err)
				}
				stap, begin := 12, (di*6)%len(m.Van)
				if klein {
					stap, begin = max(1, len(m.Van)/2), 0
				}
				for i := begin; i < len(m.Van); i += stap {
					mv.Van = append(mv.Van, m.Van[i])
				}
			}
			m, err := bulk.MaakMatrix(context.Background(), e, mv)
			if err != nil {
				t.Fatalf("%s op %s: %v", k.naam, d, err)
			}
			if len(m.Cellen) == 0 {
				t.Errorf("%s op %s: geen cellen", k.naam, d)
			}
			t.Logf("%s op %s: %d afzenders, %d cellen", k.naam, d, len(m.Van), len(m.Cellen))
			uit = append(uit, m)
		}
	}
	return uit
}

func TestWetEigenschappen(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	kb := e.Kennisbank()
	cellen := 0
	for _, m := range wetMatrices(t, e) {
		naam := m.Convenant
		grond, deelname := 0, 0
		for _, c := range m.Cellen {
			cellen++
			// 1. Every cited ground is in force on the date of the question.
			for _, g := range c.Grondslagen {
				item := kb.Item("grondslagen", g)
				vanaf, _ := item["geldig_vanaf"].(string)
				tot, _ := item["geldig_tot"].(string)
				if (vanaf != "" && m.Datum < vanaf) || (tot != "" && m.Datum > tot) {
					if grond++; grond <= 5 {
						t.Errorf("%s op %s: %s citeert %s (geldig %s tot %s)", naam, m.Datum, c.Sleutel(), g, vanaf, tot)
					}
				}
			}
			// 2. A certain "no" never rests only on participation in the covenant.
			if c.Oordeel == kennisbank.NietToegestaan && c.Zekerheid == "hoog" &&
				len(c.Redenen) > 0 && !slices.ContainsFunc(c.Redenen, func(r string) bool { return !alleenDeelname[r] }) {
				if deelname++; deelname <= 5 {
					t.Errorf("%s op %s: %s is zeker nee alleen op deelname (%v)", naam, m.Datum, c.Sleutel(), c.Redenen)
				}
			}
		}
	}
	t.Logf("%d cellen getoetst", cellen)
}

// TestWetHergebruikVoorDeWmo: whatever the covenant or purpose, data the college obtained for the Wgs,
// the Jeugdwet or the Participatiewet is never shared for a Wmo purpose without explicit consent (Wmo 2015
// art. 5.1.1 lid 4), also when the question leaves out where the data came from and the sender is the
// schuldhulpverlener (whose data come from the Wgs).
func TestWetHergebruikVoorDeWmo(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	kb := e.Kennisbank()
	college := []string{"gemeente_college", "wijkteam", "schuldhulpverlener", "leerplicht", "ave_procesregisseur", "meldpunt_zorgwekkend_gedrag"}
	type geval struct {
		van    []string
		feiten map[string]any
	}
	var gevallen []geval
	// Each origin once, with consent refused or not asked in turn (neither is the explicit consent the
	// article asks for); -eigenschappen.volledig takes both for every origin.
	for i, herkomst := range []string{"vss_schuldhulp", "vss_signaal", "jeugdhulp", "participatiewet", "vsj_duiden"} {
		for j, toestemming := range []string{"geweigerd", "niet_gevraagd"} {
			if *volledigeRuimte || i%2 == j {
				gevallen = append(gevallen, geval{college, map[string]any{"verkregen_voor": herkomst, "toestemming": toestemming}})
			}
		}
	}
	gevallen = append(gevallen, geval{[]string{"schuldhulpverlener"}, map[string]any{"toestemming": "geweigerd"}})
	if testing.Short() {
		gevallen = []geval{gevallen[0], gevallen[len(gevallen)-1]}
	}
	wmo := func(doel string) bool {
		w, _ := kb.Item("doelen", doel)["wetten"].([]any)
		return slices.Contains(w, any("wmo"))
	}
	var wmoDoelen []string
	for _, d := range kb.IDs("doelen") {
		if wmo(d) {
			wmoDoelen = append(wmoDoelen, d)
		}
	}
	getoetst := 0
	for _, k := range wetKaders(kb) {
		var doelen []string
		for _, d := range wmoDoelen {
			if c, _ := kb.Item("doelen", d)["convenant"].(string); c == k.mv.Convenant {
				doelen = append(doelen, d)
			}
		}
		if len(doelen) == 0 {
			continue
		}
		for _, g := range gevallen {
			feiten := map[string]any{}
			for f, w := range g.feiten {
				feiten[f] = w
			}
			if k.naam == "wams" {
				feiten["wams_in_werking"] = true
			}
			mv := k.mv
			mv.Datum, mv.Van, mv.Feiten, mv.Doelen = "2026-03-01", g.van, feiten, doelen
			mv.Gegevens = []string{"identificerend", "financieel", "gezondheid"}
			m, err := bulk.MaakMatrix(context.Background(), e, mv)
			if err != nil {
				if strings.Contains(err.Error(), "van") {
					continue // the covenant names none of these senders
				}
				t.Fatalf("%s %v: %v", k.naam, g.feiten, err)
			}
			for _, c := range m.Cellen {
				getoetst++
				if c.Oordeel == kennisbank.Toegestaan || c.Oordeel == kennisbank.ToegestaanOnderVoorwaarden {
					t.Errorf("%s %v: %s is %s, terwijl Wmo 5.1.1 lid 4 uitdrukkelijke toestemming eist", k.naam, g.feiten, c.Sleutel(), c.Oordeel)
				}
			}
		}
	}
	if getoetst == 0 {
		t.Fatal("geen enkele cel met een Wmo-doel getoetst")
	}
}
