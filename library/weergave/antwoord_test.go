package weergave_test

import (
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// The answer's template, branch by branch: each case changes one thing of a small answer and names the
// lines that must (and must not) appear. The golden files of the CLI cover whole answers.
func TestAntwoordSjabloon(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	zvht := "zvht"
	basis := func() library.Antwoord {
		return library.Antwoord{
			Oordeel: kennisbank.NietToegestaan, Samenvatting: "Nee_dus *niet*", Zekerheid: "hoog",
			Kader: library.Kader{Route: "wettelijk"},
			Vraag: library.BeoordeeldeVraag{Van: "politie", Naar: []string{"wijkteam"}, Gegevens: []string{"signaal"},
				Doel: "zvh_casusoverleg", Datum: "2025-06-01"},
			Kennisbank: library.KennisbankInfo{Versie: "sha256:x"},
		}
	}
	tests := []struct {
		naam       string
		wijzig     func(a *library.Antwoord)
		moet, niet []string
	}{
		{"kop en escapes", func(*library.Antwoord) {}, []string{
			"# Mag ik dit delen?\n\n**Niet toegestaan** — Nee_dus \\*niet\\*\n\nZekerheid van dit antwoord: **hoog**\n\n## Vraag\n\n",
			"- **Kader:** de wettelijke routes (geen convenant)\n- **Datum:** 2025-06-01\n\n---\n\n",
			"Kennisbank: `sha256:x`\n",
		}, []string{"## Juridische keten", "## Waarom", "## Voorwaarden", "**Fase:**", "**Feiten:**", "ontvanger"}},
		{"een ontvanger van een tafel", func(a *library.Antwoord) {
			a.Vraag.Naar, a.Vraag.Ontvangers = []string{"overleg_deelnemers"}, []string{"wijkteam"}
		}, []string{" (1 ontvanger: Wijkteam"}, []string{" ontvangers)"}},
		{"meer ontvangers", func(a *library.Antwoord) {
			a.Vraag.Naar, a.Vraag.Ontvangers = []string{"overleg_deelnemers"}, []string{"wijkteam", "politie"}
		}, []string{" (2 ontvangers)\n"}, nil},
		{"kader convenant", func(a *library.Antwoord) {
			a.Kader = library.Kader{Route: "convenant", Convenant: &zvht}
		}, []string{"(`zvht`), binnen de kring en de doelen van het convenant\n"}, nil},
		{"kader eigen wettelijke route", func(a *library.Antwoord) {
			a.Kader = library.Kader{Route: "wettelijk", Convenant: &zvht, Naam: "ZVHT"}
		}, []string{"- **Kader:** een eigen wettelijke route, niet de kring van ZVHT (`zvht`)\n"}, nil},
		{"kader gevraagd convenant", func(a *library.Antwoord) { a.Vraag.Convenant = "ave" }, []string{
			"- **Kader:** de wettelijke routes; het doel hoort niet bij het gevraagde convenant Convenant Aanpak Voorkoming Escalatie (Almelo)\n",
		}, nil},
		{"fase en feiten", func(a *library.Antwoord) {
			a.Vraag.Fase = "ave1"
			a.Vraag.Feiten = map[string]any{"leeftijd": int64(15), "inclusiecriteria": true}
		}, []string{"- **Fase:** ave1\n- **Datum:** 2025-06-01\n- **Feiten:** "}, nil},
		{"keten", func(a *library.Antwoord) {
			a.Keten = []library.Stap{
				{Laag: "regime", Status: "geen_route", Oordeel: kennisbank.NietToegestaan},
				{Laag: "art6_van", Label: "Art. 6", Status: "onbekend"},
				{Laag: "art9_van", Label: "Art. 9", Status: "route", Route: "r", Titel: "Een route.", Tekst: "Uitleg.", Grondslagen: []string{"avg_6_1_c"}},
			}
			a.Redenen = []library.Reden{{ID: "r", Titel: "In de keten", Tekst: "x"}, {ID: "b", Titel: "Blokkade", Tekst: "Geen *kring*."}, {ID: "c", Tekst: "Zonder titel."}}
		}, []string{
			"## Juridische keten\n\n1. **", ":** geen route (niet toegestaan).\n2. **Art. 6:** hangt af van een ontbrekend feit.\n3. **Art. 9:** Een route. Uitleg. *Grondslag: ",
			"## Waarom\n\n- **Blokkade:** Geen \\*kring\\*.\n- Zonder titel.\n\n",
		}, []string{"In de keten"}},
		{"voorwaarden, grondslagen, alternatieven", func(a *library.Antwoord) {
			a.Oordeel = kennisbank.ToegestaanOnderVoorwaarden
			a.Voorwaarden = []library.Voorwaarde{{ID: "vastleggen", Tekst: "Leg vast."}}
			a.Grondslagen = []library.Grondslag{{Titel: "Wet", Bron: "https://wetten.overheid.nl/x", Zekerheid: "laag"}, {Titel: "Zeker", Zekerheid: "hoog"}}
			a.Alternatieven = []library.Alternatief{{Tekst: "Met toestemming.", Feiten: map[string]any{"toestemming": "gegeven"}, Doel: "ave_signaleren"}}
		}, []string{
			"Deel alleen als u dit allemaal kunt afvinken:\n\n- [ ] **",
			"** — Leg vast.\n\n## Grondslagen\n\n- [Wet](https://wetten.overheid.nl/x) (zekerheid laag)\n- Zeker\n\n",
			"- Met toestemming. Vraag opnieuw met `--doel ave_signaleren --feit toestemming=gegeven`.\n\n",
		}, nil},
		{"ontbrekend en onbepaald", func(a *library.Antwoord) {
			a.Oordeel = kennisbank.Onbepaald
			a.OntbrekendeFeiten = []string{"inclusiecriteria"}
		}, []string{"## Ontbrekende feiten\n\n- **", "(`inclusiecriteria`)", "\n\nGeef het feit op met `--feit naam=waarde` en vraag opnieuw. Is het niet vast te stellen, leg de vraag dan voor aan de FG of privacy officer van de verstrekkende organisatie (Politie"}, nil},
		{"ontbrekend maar nee", func(a *library.Antwoord) { a.OntbrekendeFeiten = []string{"inclusiecriteria"} },
			[]string{"en vraag opnieuw.\n\n---"}, []string{"FG of privacy officer"}},
		{"deeloordelen strengste eerst", func(a *library.Antwoord) {
			a.Deeloordelen = []library.Deeloordeel{
				{Naar: "wijkteam", Gegevens: "signaal", Oordeel: kennisbank.Toegestaan},
				{Naar: "politie", Gegevens: "signaal", Oordeel: kennisbank.NietToegestaan},
				{Naar: "wijkteam", Gegevens: "gezondheid", Oordeel: kennisbank.Onbepaald},
			}
		}, []string{"| Naar | Gegevens | Oordeel |\n|---|---|---|\n| Politie | Signaal", "| Niet toegestaan |\n| Wijkteam", "| Onbepaald |\n| Wijkteam", "| Toegestaan |\n\n"}, nil},
		{"vraagbaak", func(a *library.Antwoord) {
			a.Vraagbaak = []library.Vraagbaakverwijzing{{ID: "v1", Vraag: "Mag *dit*?"}}
		}, []string{"## Meer in de vraagbaak\n\n- Mag \\*dit\\*? `magikdelen vraagbaak toon v1`\n\n---"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			a := basis()
			tt.wijzig(&a)
			uit := weergave.Antwoord(a, kb)
			if strings.Contains(uit, "fout in het sjabloon") {
				t.Fatal(uit)
			}
			for _, m := range tt.moet {
				if !strings.Contains(uit, m) {
					t.Errorf("mist %q in:\n%s", m, uit)
				}
			}
			for _, n := range tt.niet {
				if strings.Contains(uit, n) {
					t.Errorf("onverwacht %q in:\n%s", n, uit)
				}
			}
		})
	}
}
