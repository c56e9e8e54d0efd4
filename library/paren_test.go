package library_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// verwachting is what an answer must (and must not) contain.
type verwachting struct {
	oordeel         kennisbank.Oordeel
	zekerheid       string   // empty: not checked
	voorwaarden     []string // among the answer's conditions
	geenVoorwaarden []string
	grondslagen     []string // among the answer's grounds
	geenGrondslagen []string
	redenen         []string // among the answer's reasons
	ontbrekend      []string // among the missing facts
	alternatief     map[string]any
	geenAlternatief string // no alternative changes this fact
}

// met returns a copy of v with one fact (or "datum") set to waarde; nil removes the fact.
func met(v kennisbank.Vraag, feit string, waarde any) kennisbank.Vraag {
	v.Naar = slices.Clone(v.Naar)
	v.Gegevens = slices.Clone(v.Gegevens)
	v.Feiten = maps.Clone(v.Feiten)
	if v.Feiten == nil {
		v.Feiten = map[string]any{}
	}
	switch {
	case feit == "datum":
		v.Datum = waarde.(string)
	case waarde == nil:
		delete(v.Feiten, feit)
	default:
		v.Feiten[feit] = waarde
	}
	return v
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func controleerVerwachting(t *testing.T, v kennisbank.Vraag, a library.Antwoord, w verwachting) {
	t.Helper()
	voorwaarden := ids(a.Voorwaarden, func(v library.Voorwaarde) string { return v.ID })
	grondslagen := ids(a.Grondslagen, func(g library.Grondslag) string { return g.ID })
	redenen := ids(a.Redenen, func(r library.Reden) string { return r.ID })
	if a.Oordeel != w.oordeel {
		t.Errorf("oordeel = %s, want %s\nvraag %+v\nredenen %v, grondslagen %v, keten %v", a.Oordeel, w.oordeel, v, redenen, grondslagen, ketenTekst(a.Keten))
	}
	if w.zekerheid != "" && a.Zekerheid != w.zekerheid {
		t.Errorf("zekerheid = %s, want %s", a.Zekerheid, w.zekerheid)
	}
	bevat := func(wat string, lijst, wil []string, moet bool) {
		for _, x := range wil {
			if slices.Contains(lijst, x) != moet {
				if moet {
					t.Errorf("%s mist %q: %v", wat, x, lijst)
				} else {
					t.Errorf("%s bevat %q: %v", wat, x, lijst)
				}
			}
		}
	}
	bevat("voorwaarden", voorwaarden, w.voorwaarden, true)
	bevat("voorwaarden", voorwaarden, w.geenVoorwaarden, false)
	bevat("grondslagen", grondslagen, w.grondslagen, true)
	bevat("grondslagen", grondslagen, w.geenGrondslagen, false)
	bevat("redenen", redenen, w.redenen, true)
	bevat("ontbrekende_feiten", a.OntbrekendeFeiten, w.ontbrekend, true)
	if w.alternatief != nil {
		gevonden := false
		for _, alt := range a.Alternatieven {
			gevonden = gevonden || maps.Equal(alt.Feiten, w.alternatief)
		}
		if !gevonden {
			t.Errorf("geen alternatief met feiten %v: %+v", w.alternatief, a.Alternatieven)
		}
	}
	if w.geenAlternatief != "" {
		for _, alt := range a.Alternatieven {
			if _, ok := alt.Feiten[w.geenAlternatief]; ok {
				t.Errorf("alternatief verandert %s: %+v", w.geenAlternatief, alt)
			}
		}
	}
}

func ketenTekst(k []library.Stap) []string {
	return ids(k, func(s library.Stap) string { return s.Laag + ":" + s.Status + ":" + s.Route })
}

// TestParen asks pairs of questions that differ in exactly one fact (or the date) and checks that the
// answers differ as the legal brief says (§4, §5 and the corrections in grondslagen.md).
func TestParen(t *testing.T) {
	t.Parallel()
	e := testEngine(t)

	ggzTafel := kennisbank.Vraag{Van: "ggz", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"gezondheid"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Feiten: map[string]any{"toestemming": "niet_gevraagd"}}
	politie := kennisbank.Vraag{Van: "politie", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"politiegegevens"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Feiten: map[string]any{"inclusiecriteria": true}}
	aanmelding := kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal", "hulpverlening"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01"}
	huisartsZVH := kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"gezondheid"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2026-03-01",
		Feiten: map[string]any{"deelnemer_van": true, "inclusiecriteria": true, "acuut_gevaar": false}}
	huisartsGevaar := kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"identificerend", "gezondheid"},
		Doel: "gevaar_afwenden", Datum: "2026-03-01", Feiten: map[string]any{"toestemming": "onmogelijk"}}
	uitvoering := kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"signaal", "hulpverlening"},
		Doel: "zvh_uitvoering", Convenant: "zvht", Datum: "2026-03-01"}
	burgemeester := kennisbank.Vraag{Van: "zvh_procesregisseur", Naar: kennisbank.Ontvangers{"gemeente_burgemeester"}, Gegevens: []string{"signaal"},
		Doel: "openbare_orde_maatregel", Datum: "2026-03-01"}

	tests := []struct {
		naam       string
		basis      kennisbank.Vraag
		feit       string
		a, b       any
		wilA, wilB verwachting
	}{
		{
			// WGS art. 2.29 lid 2: goed hulpverlenerschap is a route through secrecy only from 2025-03-01.
			naam: "wgs_datumwissel_goed_hulpverlenerschap", basis: ggzTafel, feit: "datum", a: "2024-06-01", b: "2025-06-01",
			wilA: verwachting{oordeel: kennisbank.NietToegestaan},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, zekerheid: "laag", voorwaarden: []string{"goed_hulpverlenerschap"},
				grondslagen: []string{"wgs_samenwerkingsverbanden_2_29_2"}},
		},
		{
			// grondslagen.md correction 1: Wpg art. 20 lid 1 before the WGS, art. 20 lid 3 from 2025-03-01.
			naam: "politie_wpg_20_1_voor_wgs_20_3_na", basis: politie, feit: "datum", a: "2024-06-01", b: "2025-06-01",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, grondslagen: []string{"wpg_20_1"}, geenGrondslagen: []string{"wpg_20_3", "bpg_4_3"},
				voorwaarden: []string{"zwaarwegend_algemeen_belang"}},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, grondslagen: []string{"wpg_20_3"}, geenGrondslagen: []string{"wpg_20_1", "bpg_4_3"}},
		},
		{
			naam: "politie_wpg_wissel_op_de_dag", basis: politie, feit: "datum", a: "2025-02-28", b: "2025-03-01",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, grondslagen: []string{"wpg_20_1"}, geenGrondslagen: []string{"wpg_20_3"}},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, grondslagen: []string{"wpg_20_3"}, geenGrondslagen: []string{"wpg_20_1"}},
		},
		{
			// ZVH-01/ZVH-02: without the inclusion criteria the ZVH is not necessary.
			naam: "inclusiecriteria_false_true", basis: aanmelding, feit: "inclusiecriteria", a: false, b: true,
			wilA: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"inclusie_niet_vervuld"}, alternatief: map[string]any{"inclusiecriteria": true}},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"inclusie", "noodzaak", "minimaal", "informeren", "vastleggen"}},
		},
		{
			// An unknown action becomes a condition on the checklist (contract §4, facts).
			naam: "inclusiecriteria_onbekend_false", basis: aanmelding, feit: "inclusiecriteria", a: nil, b: false,
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"inclusie"}},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"inclusie_niet_vervuld"}},
		},
		{
			// Brief §5 consent polarity: consent passes the secrecy layer; refused, with no danger, blocks it.
			naam: "huisarts_toestemming_gegeven_geweigerd", basis: huisartsZVH, feit: "toestemming", a: "gegeven", b: "geweigerd",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, grondslagen: []string{"wgbo_7_457"}, voorwaarden: []string{"deelnemer"}},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, grondslagen: []string{"wgbo_7_457"}},
		},
		{
			naam: "huisarts_toestemming_onbekend_geweigerd", basis: huisartsZVH, feit: "toestemming", a: nil, b: "geweigerd",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"toestemming_expliciet"}},
			// A refused consent is final: the answer says so and no alternative presses for consent.
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"toestemming_geweigerd"}, geenAlternatief: "toestemming"},
		},
		{
			// with acute danger the huisarts may break secrecy after the conflict-of-duties test.
			naam: "huisarts_politie_acuut_gevaar", basis: huisartsGevaar, feit: "acuut_gevaar", a: false, b: true,
			wilA: verwachting{oordeel: kennisbank.NietToegestaan, alternatief: map[string]any{"acuut_gevaar": true}},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, zekerheid: "hoog", voorwaarden: []string{"cvp_toets", "vastleggen"},
				grondslagen: []string{"conflict_van_plichten"}},
		},
		{
			// acuut_gevaar is a state that decides between routes: unknown and decisive gives onbepaald.
			naam: "huisarts_politie_acuut_gevaar_onbekend", basis: huisartsGevaar, feit: "acuut_gevaar", a: nil, b: true,
			wilA: verwachting{oordeel: kennisbank.Onbepaald, ontbrekend: []string{"acuut_gevaar"}},
			wilB: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"cvp_toets"}},
		},
		{
			// AVG art. 5 lid 1 sub b, 6 lid 4: a compatible follow-up purpose versus a Wgs signal reused for
			// the ZVH (brief §0.2 item 5).
			naam: "doelbinding_verenigbaar_onverenigbaar", basis: uitvoering, feit: "verkregen_voor", a: "zvh_casusoverleg", b: "vss_signaal",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"doelverschuiving"}, grondslagen: []string{"avg_5_1_b", "avg_6_4"}},
		},
		{
			// ZVH-16: what the casusoverleg produced is not for a burgemeester's public-order measure.
			naam: "doelbinding_zvh_naar_openbare_orde", basis: burgemeester, feit: "verkregen_voor", a: nil, b: "zvh_casusoverleg",
			wilA: verwachting{oordeel: kennisbank.NietToegestaan},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"doelverschuiving"}, grondslagen: []string{"avg_6_4"}},
		},
		{
			// WGS art. 1.8 lid 7: at most five years; the rules count from the closing date.
			naam: "bewaartermijn_binnen_verstreken", basis: uitvoering, feit: "casus_gesloten_op", a: "2022-01-01", b: "2020-01-01",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"bewaartermijn"}},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"bewaartermijn_verstreken"}, grondslagen: []string{"avg_5_1_e", "wgs_samenwerkingsverbanden_1_8_7"}},
		},
		{
			naam: "bewaartermijn_een_dag_te_laat", basis: uitvoering, feit: "casus_gesloten_op", a: "2021-03-02", b: "2021-02-28",
			wilA: verwachting{oordeel: kennisbank.ToegestaanOnderVoorwaarden, voorwaarden: []string{"bewaartermijn"}},
			wilB: verwachting{oordeel: kennisbank.NietToegestaan, redenen: []string{"bewaartermijn_verstreken"}},
		},
	}
	for _, tt := range tests {
		for _, kant := range []struct {
			naam   string
			waarde any
			wil    verwachting
		}{{"a", tt.a, tt.wilA}, {"b", tt.b, tt.wilB}} {
			t.Run(tt.naam+"/"+kant.naam, func(t *testing.T) {
				t.Parallel()
				v := met(tt.basis, tt.feit, kant.waarde)
				a, err := e.Beantwoord(context.Background(), v)
				if err != nil {
					t.Fatalf("Beantwoord: %v", err)
				}
				controleerVerwachting(t, v, a, kant.wil)
			})
		}
	}
}
