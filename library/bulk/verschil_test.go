package bulk_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// A kwartiermaker narrows the screening purpose of the ZVHT: the BSN may no longer be shared. Exactly the
// BSN cells of that purpose change verdict; the other covenants are skipped because their files and the
// rules did not change.
func TestVergelijkEenWijziging(t *testing.T) {
	ctx := context.Background()
	oud := testEngine(t)
	kopie := kopieKennisbank(t)
	vervang(t, kopie, "convenanten/zvht.yaml", "max_gegevens: [identificerend, bsn, betrokkenheid]", "max_gegevens: [identificerend, betrokkenheid]")
	nieuw, err := library.New(ctx, library.MetKennisbank(kopie))
	if err != nil {
		t.Fatal(err)
	}
	vv := bulk.VerschilVraag{Datum: "2026-03-01", Van: []string{"zvh_procesregisseur", "politie"}, Gegevens: []string{"bsn", "identificerend"}}
	v, err := bulk.Vergelijk(ctx, oud, nieuw, vv)
	if err != nil {
		t.Fatal(err)
	}
	if v.Oud == v.Nieuw {
		t.Error("de versies moeten verschillen")
	}
	var zvht *bulk.ConvenantVerschil
	for i, c := range v.Convenanten {
		if c.Convenant == "zvht" {
			zvht = &v.Convenanten[i]
		} else if c.Status != "overgeslagen" {
			t.Errorf("%s: status %s, verwacht overgeslagen (niets veranderd)", c.Convenant, c.Status)
		}
	}
	if zvht == nil || zvht.Status != "gewijzigd" {
		t.Fatalf("zvht: %+v, verwacht gewijzigd", zvht)
	}
	if len(v.Overgeslagen) != len(v.Convenanten)-1 {
		t.Errorf("overgeslagen %v", v.Overgeslagen)
	}
	if zvht.Telling[bulk.WijzigingOordeel] == 0 {
		t.Fatalf("geen oordeel gewijzigd: %+v", zvht.Telling)
	}
	for _, w := range zvht.Wijzigingen {
		delen := strings.Split(w.Sleutel, "|")
		if delen[0] != "zvh_screening" || delen[3] != "bsn" {
			t.Errorf("%s veranderde (%v), verwacht alleen BSN-cellen van de screening", w.Sleutel, w.Soorten)
		}
		if slices.Contains(w.Soorten, bulk.WijzigingOordeel) && w.Nieuw.Oordeel != kennisbank.NietToegestaan {
			t.Errorf("%s: nieuw oordeel %s, verwacht niet_toegestaan", w.Sleutel, w.Nieuw.Oordeel)
		}
	}
	totaal := 0
	for _, g := range zvht.Groepen {
		if g.Soort == bulk.WijzigingOordeel {
			totaal += g.Aantal
			if g.Doel != "zvh_screening" || g.Naar != string(kennisbank.NietToegestaan) || len(g.Voorbeelden) == 0 {
				t.Errorf("groep %+v", g)
			}
		}
	}
	if totaal != zvht.Telling[bulk.WijzigingOordeel] {
		t.Errorf("groepen tellen %d oordeelwijzigingen, telling zegt %d", totaal, zvht.Telling[bulk.WijzigingOordeel])
	}
}

// The same version against itself: nothing to evaluate, nothing changes.
func TestVergelijkZelfdeVersie(t *testing.T) {
	e := testEngine(t)
	v, err := bulk.Vergelijk(context.Background(), e, e, bulk.VerschilVraag{Datum: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Gewijzigd != 0 || v.Cellen != 0 || len(v.Overgeslagen) != len(v.Convenanten) {
		t.Errorf("zelfde versie: %d gewijzigd, %d cellen, overgeslagen %v", v.Gewijzigd, v.Cellen, v.Overgeslagen)
	}
}

// A participant leaves: the space still holds it (both versions know the party), so its cells show the
// change of verdict; no cell without it changes.
func TestVergelijkDeelnemerVertrekt(t *testing.T) {
	zwaar(t)
	ctx := context.Background()
	oud := testEngine(t)
	kopie := kopieKennisbank(t)
	vervang(t, kopie, "convenanten/ave.yaml",
		`{partij: woningcorporatie, deelname: vast,`, `{partij: woningcorporatie, deelname: vast, tot: "2025-12-31",`)
	nieuw, err := library.New(ctx, library.MetKennisbank(kopie))
	if err != nil {
		t.Fatal(err)
	}
	v, err := bulk.Vergelijk(ctx, oud, nieuw, bulk.VerschilVraag{Datum: "2026-03-01", Convenanten: []string{"ave"},
		Doelen: []string{"ave_niveau3_overleg"}, Gegevens: []string{"identificerend", "huisvesting"}})
	if err != nil {
		t.Fatal(err)
	}
	c := v.Convenanten[0]
	if c.Telling[bulk.WijzigingOordeel] == 0 || c.Telling[bulk.WijzigingVervallen] != 0 {
		t.Fatalf("telling %v: verwacht oordeelwijzigingen en geen vervallen cellen", c.Telling)
	}
	for _, w := range c.Wijzigingen {
		delen := strings.Split(w.Sleutel, "|")
		if delen[1] != "woningcorporatie" && delen[2] != "woningcorporatie" {
			t.Errorf("%s veranderde (%v) zonder de vertrokken deelnemer", w.Sleutel, w.Soorten)
		}
		if slices.Contains(w.Soorten, bulk.WijzigingOordeel) && mildheid(w.Nieuw.Oordeel) > mildheid(w.Oud.Oordeel) {
			t.Errorf("%s: %s → %s; zonder deelnemer wordt een oordeel niet milder", w.Sleutel, w.Oud.Oordeel, w.Nieuw.Oordeel)
		}
	}
}

// uitleg ranks verdicts from strict (0) to mild (3).
func mildheid(o kennisbank.Oordeel) int {
	return slices.Index([]kennisbank.Oordeel{kennisbank.NietToegestaan, kennisbank.Onbepaald, kennisbank.ToegestaanOnderVoorwaarden, kennisbank.Toegestaan}, o)
}

func TestVergelijkFouten(t *testing.T) {
	e := testEngine(t)
	if _, err := bulk.Vergelijk(context.Background(), e, e, bulk.VerschilVraag{Datum: "morgen"}); err == nil {
		t.Error("een ongeldige datum moet een fout geven")
	}
	_, err := bulk.Vergelijk(context.Background(), e, e, bulk.VerschilVraag{Datum: "2026-03-01", Convenanten: []string{"zvh"}})
	if err == nil || !strings.Contains(err.Error(), "zvht") {
		t.Errorf("onbekend convenant: %v, verwacht een suggestie", err)
	}
}

// A statutory route changes (the school's truancy report becomes conditional): the purposes outside
// the covenants are compared too, and exactly the cells of that route change.
func TestVergelijkWettelijkeRoute(t *testing.T) {
	ctx := context.Background()
	oud := testEngine(t)
	kopie := kopieKennisbank(t)
	vervang(t, kopie, "routes.yaml", "    grondslagen: [leerplichtwet_21, leerplichtwet_21a, avg_6_1_c]\n    voorwaarden: [minimaal]\n    verdere_verwerking: true\n    oordeel: toegestaan\n",
		"    grondslagen: [leerplichtwet_21, leerplichtwet_21a, avg_6_1_c]\n    voorwaarden: [minimaal, noodzaak]\n    verdere_verwerking: true\n    oordeel: toegestaan_onder_voorwaarden\n")
	nieuw, err := library.New(ctx, library.MetKennisbank(kopie))
	if err != nil {
		t.Fatal(err)
	}
	v, err := bulk.Vergelijk(ctx, oud, nieuw, bulk.VerschilVraag{Datum: "2026-03-01", Convenanten: []string{bulk.Wettelijk},
		Doelen: []string{"leerplicht_handhaving"}, Van: []string{"school", "wijkteam"}, Gegevens: []string{"onderwijs", "gezondheid"}})
	if err != nil {
		t.Fatal(err)
	}
	c := v.Convenanten[0]
	if c.Convenant != bulk.Wettelijk || c.Naam != bulk.WettelijkeRoutes || c.Status != "gewijzigd" {
		t.Fatalf("%s %q: %s", c.Convenant, c.Naam, c.Status)
	}
	for _, w := range c.Wijzigingen {
		if w.Sleutel != "leerplicht_handhaving|school|leerplicht|onderwijs" {
			t.Errorf("%s veranderde (%v)", w.Sleutel, w.Soorten)
		}
	}
	if len(c.Wijzigingen) != 1 || c.Telling[bulk.WijzigingOordeel] != 1 || c.Telling[bulk.WijzigingVoorwaarden] != 1 {
		t.Errorf("telling %v, %d wijzigingen; verwacht één cel met een ander oordeel en andere voorwaarden", c.Telling, len(c.Wijzigingen))
	}
}
