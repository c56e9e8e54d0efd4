package weergave_test

import (
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// The covenant's template on what the built-in covenants do not show (the golden files cover those): an
// open circle, a source of the inclusion criteria that is an address or a text, a retention period
// without years, a participant outside the WGS, a purpose without personal data.
func TestConvenantSjabloon(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	nee, ja := false, true
	c := kennisbank.Convenant{
		ID: "proef", Naam: "Proef_convenant", KorteNaam: "PC", Soort: "convenant", Status: "in_voorbereiding",
		GeldigVanaf: "2026-01-01", Kring: "open",
		Deelnemers:    []kennisbank.Deelnemer{{Partij: "politie", Deelname: "per_casus", WGS: &nee, Vanaf: "2026-01-01"}},
		Doelen:        []kennisbank.ConvenantDoel{{ID: "d", Label: "Doel *een*", MaxGegevens: []string{}, Informeren: &ja}, {ID: "e", Label: "Zonder regels"}},
		Bewaartermijn: &kennisbank.Bewaartermijn{Tekst: "Zo kort mogelijk."},
		Inclusie:      &kennisbank.Inclusiecriteria{Tekst: "Meervoudig.", Bron: "https://example.org/c"},
	}
	uit := weergave.Convenant(c, kb)
	for _, m := range []string{
		"# Proef_convenant (PC)\n\n- **Id:** `proef`\n- **Soort:** convenant\n- **Status:** in voorbereiding\n- **Looptijd:** vanaf 2026-01-01\n",
		"- **Kring:** open — er is geen getekend convenant; alleen wettelijke routes dragen een deling\n\n## Deelnemers",
		"- **Politie** — deelnemer per casus, vanaf 2026-01-01, geen WGS-deelnemer.\n\n",
		"### Doel \\*een\\* (`d`)\n\n- **Ten hoogste deze gegevens:** geen persoonsgegevens (alleen geanonimiseerd of geaggregeerd)\n- **Betrokkene informeren:** ja\n\n### Zonder regels (`e`)\n\n## Bewaartermijn",
		"## Bewaartermijn\n\nZo kort mogelijk.\n\n",
		"## Inclusiecriteria\n\nMeervoudig. Bron: [https://example.org/c](https://example.org/c).\n\n---\n\nKennisbank: `",
	} {
		if !strings.Contains(uit, m) {
			t.Errorf("mist %q in:\n%s", m, uit)
		}
	}
	c.Inclusie.Bron = "Convenanttekst art. 3"
	c.Kring = ""
	uit = weergave.Convenant(c, kb)
	if !strings.Contains(uit, "Meervoudig. Bron: Convenanttekst art. 3.\n") || strings.Contains(uit, "**Kring:**") {
		t.Errorf("bron als tekst of gesloten kring verkeerd:\n%s", uit)
	}
}
