package main

import (
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// TestAntwoordMarkdownSecties checks which sections the human view shows: empty ones are left out, an
// unknown decisive fact gets its question, and onbepaald refers to the FG of the sending organisation.
func TestAntwoordMarkdownSecties(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	vraag := library.BeoordeeldeVraag{Van: "ggz", Naar: []string{"wijkteam"}, Ontvangers: []string{"wijkteam"},
		Gegevens: []string{"gezondheid"}, Doel: "ots_uitvoering", Datum: "2026-03-01"}
	tests := []struct {
		naam      string
		a         library.Antwoord
		wel, niet []string
	}{
		{
			naam: "onbepaald met ontbrekend feit",
			a: library.Antwoord{
				Oordeel: kennisbank.Onbepaald, Samenvatting: "Dit is niet vast te stellen.", Zekerheid: "laag",
				OntbrekendeFeiten: []string{"ots"}, Vraag: vraag, Kader: library.Kader{Route: "wettelijk"},
				Kennisbank: library.KennisbankInfo{Versie: "sha256:abc"},
			},
			wel: []string{
				"# Mag ik dit delen?\n\n**Onbepaald** — Dit is niet vast te stellen.\n",
				"Zekerheid van dit antwoord: **laag**",
				"- **Van:** GGZ-instelling\n",
				"- **Kader:** de wettelijke routes (geen convenant)\n",
				"## Ontbrekende feiten\n\n- **",
				"(`ots`): ",
				"leg de vraag dan voor aan de FG of privacy officer van de verstrekkende organisatie (GGZ-instelling)",
				"Kennisbank: `sha256:abc`",
			},
			niet: []string{"## Voorwaarden", "## Grondslagen", "## Juridische keten", "## Wat is er nodig", "## Per ontvanger", "## Waarom", "(1 ontvangers)"},
		},
		{
			naam: "ontbrekend feit bij een ander oordeel: geen verwijzing naar de FG",
			a: library.Antwoord{
				Oordeel: kennisbank.NietToegestaan, Samenvatting: "Nee.", OntbrekendeFeiten: []string{"acuut_gevaar"},
				Vraag: vraag, Kader: library.Kader{Route: "wettelijk"},
			},
			wel:  []string{"## Ontbrekende feiten", "(`acuut_gevaar`)", "Geef het feit op met `--feit naam=waarde`"},
			niet: []string{"privacy officer"},
		},
		{
			naam: "alles gevuld",
			a: library.Antwoord{
				Oordeel: kennisbank.ToegestaanOnderVoorwaarden, Samenvatting: "Ja, mits *dit*.",
				Voorwaarden:   []library.Voorwaarde{{ID: "noodzaak", Label: "Noodzaak", Tekst: "Deel alleen wat nodig is."}},
				Grondslagen:   []library.Grondslag{{ID: "avg_6_1_e", Titel: "AVG art. 6 lid 1 sub e", Bron: "https://example.org/avg", Zekerheid: "middel"}},
				Alternatieven: []library.Alternatief{{Tekst: "Vraag toestemming.", Feiten: map[string]any{"toestemming": "gegeven"}, Doel: "meldcode_melding", Naar: []string{"veilig_thuis"}}},
				Keten: []library.Stap{
					{Laag: "art6_van", Label: "AVG art. 6 afzender", Status: "route", Route: "eigen_taak", Titel: "Eigen taak", Tekst: "De taak dekt het doel.", Grondslagen: []string{"avg_6_1_e"}},
					{Laag: "art10", Label: "AVG art. 10 route", Status: "geen_route", Route: "geen_route_art10", Oordeel: kennisbank.Onbepaald},
				},
				Redenen: []library.Reden{{ID: "eigen_taak", Titel: "Eigen taak", Tekst: "al in de keten"}, {ID: "doelverschuiving", Titel: "Doelverschuiving", Tekst: "Ander doel."}},
				Deeloordelen: []library.Deeloordeel{
					{Naar: "wijkteam", Gegevens: "gezondheid", Oordeel: kennisbank.ToegestaanOnderVoorwaarden},
					{Naar: "mediant", Gegevens: "signaal", Oordeel: kennisbank.Toegestaan},
				},
				Vraag: library.BeoordeeldeVraag{Van: "ggz", Naar: []string{"overleg_deelnemers"}, Ontvangers: []string{"wijkteam", "mediant"},
					Gegevens: []string{"gezondheid"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2025-06-01",
					Feiten: map[string]any{"toestemming": "niet_gevraagd", "leeftijd": float64(14), "wilsbekwaam": true}},
				Kader: library.Kader{Convenant: ptr("zvht"), Naam: "Convenant ZVHT", Route: "convenant"},
			},
			wel: []string{
				"Ja, mits \\*dit\\*.",
				"(2 ontvangers)",
				"- **Kader:** Convenant ZVHT (`zvht`)",
				"- **Feiten:** Leeftijd van betrokkene: 14; Toestemming van betrokkene: niet gevraagd; Betrokkene is wilsbekwaam: ja\n",
				"## Juridische keten\n\n1. **AVG art. 6 afzender:** Eigen taak. De taak dekt het doel. *Grondslag: AVG art. 6 lid 1 sub e.*\n2. **AVG art. 10 route:** geen route (onbepaald).\n",
				"## Waarom\n\n- **Doelverschuiving:** Ander doel.\n\n",
				"## Voorwaarden\n\nDeel alleen als u dit allemaal kunt afvinken:\n\n- [ ] **Noodzaak** — Deel alleen wat nodig is.\n",
				"## Grondslagen\n\n- [AVG art. 6 lid 1 sub e](https://example.org/avg) (zekerheid middel)\n",
				"## Wat is er nodig om dit wel te mogen?\n\n- Vraag toestemming. Vraag opnieuw met `--doel meldcode_melding --naar veilig_thuis --feit toestemming=gegeven`.\n",
				"| Naar | Gegevens | Oordeel |\n|---|---|---|\n| Wijkteam (sociaal team) | Gezondheidsgegevens | Toegestaan onder voorwaarden |\n| Mediant | Signaal | Toegestaan |\n",
			},
			niet: []string{"## Ontbrekende feiten", "al in de keten"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			md := weergave.Antwoord(tt.a, kb)
			for _, w := range tt.wel {
				if !strings.Contains(md, w) {
					t.Errorf("mist %q in:\n%s", w, md)
				}
			}
			for _, n := range tt.niet {
				if strings.Contains(md, n) {
					t.Errorf("bevat %q, dat er niet hoort:\n%s", n, md)
				}
			}
		})
	}
}

func ptr(s string) *string { return &s }
