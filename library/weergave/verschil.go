package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// Verschil is the Dutch report: per covenant the status, the counts and the groups.
func Verschil(v *library.Verschil, kb *library.Kennisbank, oud, nieuw string, cellen bool) string {
	w := woorden{kb}
	var b strings.Builder
	fmt.Fprintf(&b, "# Verschil tussen %s en %s\n\n", oud, nieuw)
	fmt.Fprintf(&b, "Antwoorden op %s. Kennisbank oud `%s`, nieuw `%s`.\n\n", v.Datum, kort(v.Oud), kort(v.Nieuw))
	if len(v.Feiten) > 0 {
		fmt.Fprintf(&b, "Feiten voor elke cel: %s.\n\n", feitenTekst(v.Feiten))
	}
	if v.Gewijzigd == 0 {
		fmt.Fprintf(&b, "**Geen antwoord verandert** (%d cellen vergeleken", v.Cellen)
	} else {
		fmt.Fprintf(&b, "**%d van de %d antwoorden veranderen** (", v.Gewijzigd, v.Cellen)
		b.WriteString(wijzigingenTelling(v.Telling))
	}
	var overgeslagen []string
	for _, c := range v.Convenanten {
		if c.Status == "overgeslagen" {
			overgeslagen = append(overgeslagen, c.Naam)
		}
	}
	if len(overgeslagen) > 0 {
		fmt.Fprintf(&b, "; overgeslagen, want ongewijzigd: %s", strings.Join(overgeslagen, ", "))
	}
	b.WriteString(").\n")
	for _, c := range v.Convenanten {
		fmt.Fprintf(&b, "\n## %s (`%s`): %s\n\n", c.Naam, c.Convenant, statusTekst(c))
		if c.Status == "overgeslagen" || len(c.Wijzigingen) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%d van de %d cellen veranderen: %s.\n\n", len(c.Wijzigingen), c.Cellen, wijzigingenTelling(c.Telling))
		b.WriteString("| Doel | Wijziging | Cellen | Bijvoorbeeld |\n|---|---|---:|---|\n")
		for _, g := range c.Groepen {
			fmt.Fprintf(&b, "| %s | %s | %d | %s |\n", w.label("doelen", g.Doel), groepTekst(g, w), g.Aantal, voorbeelden(g.Voorbeelden, w))
		}
		if cellen {
			b.WriteString("\n### Elke gewijzigde cel\n\n")
			for _, x := range c.Wijzigingen {
				fmt.Fprintf(&b, "- %s: %s\n", celTekst(x.Sleutel, w), wijzigingTekst(x, w))
			}
		}
	}
	return b.String()
}

func kort(versie string) string {
	if len(versie) > 19 {
		return versie[:19] + "…"
	}
	return versie
}

func statusTekst(c library.ConvenantVerschil) string {
	switch c.Status {
	case "overgeslagen":
		return "ongewijzigd (regels en bestanden gelijk, niet doorgerekend)"
	case "ongewijzigd":
		return fmt.Sprintf("geen antwoord verandert (%d cellen)", c.Cellen)
	case "nieuw":
		return "nieuw convenant"
	case "vervallen":
		return "vervallen convenant"
	}
	return "gewijzigd"
}

func wijzigingenTelling(t map[string]int) string {
	var delen []string
	for _, s := range []string{library.WijzigingOordeel, library.WijzigingGrondslagen, library.WijzigingVoorwaarden, library.WijzigingZekerheid, library.WijzigingNieuw, library.WijzigingVervallen} {
		if n := t[s]; n > 0 {
			delen = append(delen, fmt.Sprintf("%d %s", n, soortTekst[s]))
		}
	}
	return strings.Join(delen, ", ")
}

func groepTekst(g library.Groep, w woorden) string {
	switch g.Soort {
	case library.WijzigingOordeel:
		return fmt.Sprintf("oordeel %s → **%s**", w.oordeel(library.Oordeel(g.Van)), w.oordeel(library.Oordeel(g.Naar)))
	case library.WijzigingZekerheid:
		return fmt.Sprintf("zekerheid %s → %s", g.Van, g.Naar)
	case library.WijzigingNieuw:
		return fmt.Sprintf("nieuwe cel: %s", w.oordeel(library.Oordeel(g.Naar)))
	case library.WijzigingVervallen:
		return fmt.Sprintf("vervallen cel (was %s)", w.oordeel(library.Oordeel(g.Van)))
	}
	soort := "grondslagen"
	if g.Soort == library.WijzigingVoorwaarden {
		soort = "voorwaarden"
	}
	var delen []string
	if len(g.Erbij) > 0 {
		delen = append(delen, "erbij "+strings.Join(w.labels(soort, g.Erbij), ", "))
	}
	if len(g.Eraf) > 0 {
		delen = append(delen, "eraf "+strings.Join(w.labels(soort, g.Eraf), ", "))
	}
	return fmt.Sprintf("%s: %s", soortTekst[g.Soort], strings.Join(delen, "; "))
}

func voorbeelden(sleutels []string, w woorden) string {
	delen := make([]string, 0, 2)
	for _, s := range sleutels[:min(2, len(sleutels))] {
		delen = append(delen, celTekst(s, w))
	}
	return strings.Join(delen, "; ")
}

// celTekst: "Politie → GGZ: Gezondheid" for a key doel|van|naar|gegevens.
func celTekst(sleutel string, w woorden) string {
	d := strings.Split(sleutel, "|")
	if len(d) != 4 {
		return sleutel
	}
	return fmt.Sprintf("%s → %s: %s", w.partij(d[1]), w.partij(d[2]), w.label("gegevens", d[3]))
}

func wijzigingTekst(x library.Wijziging, w woorden) string {
	switch {
	case x.Oud == nil:
		return "nieuw, " + w.oordeel(x.Nieuw.Oordeel)
	case x.Nieuw == nil:
		return "vervallen, was " + w.oordeel(x.Oud.Oordeel)
	}
	delen := []string{}
	if x.Oud.Oordeel != x.Nieuw.Oordeel {
		delen = append(delen, fmt.Sprintf("%s → %s", w.oordeel(x.Oud.Oordeel), w.oordeel(x.Nieuw.Oordeel)))
	}
	for _, s := range x.Soorten {
		if s != library.WijzigingOordeel {
			delen = append(delen, soortTekst[s])
		}
	}
	return strings.Join(delen, "; ")
}

var soortTekst = map[string]string{
	library.WijzigingOordeel:     "ander oordeel",
	library.WijzigingGrondslagen: "andere grondslagen",
	library.WijzigingVoorwaarden: "andere voorwaarden",
	library.WijzigingZekerheid:   "andere zekerheid",
	library.WijzigingNieuw:       "nieuw",
	library.WijzigingVervallen:   "vervallen",
}

// feitenTekst writes facts as naam=waarde, sorted by name and joined by commas (as --feit reads them).
func feitenTekst(f map[string]any) string {
	delen := make([]string, 0, len(f))
	for _, n := range slices.Sorted(maps.Keys(f)) {
		delen = append(delen, fmt.Sprintf("%s=%v", n, f[n]))
	}
	return strings.Join(delen, ",")
}
