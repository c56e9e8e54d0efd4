package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Verschil is the Dutch report: per covenant the status, the counts and the groups
// (sjablonen/verschil.md.tmpl); cellen adds every changed cell.
func Verschil(v *bulk.Verschil, kb *kennisbank.Kennisbank, oud, nieuw string, cellen bool) string {
	b := verschilBeeld{V: v, W: woordenboek{woorden{kb}}, Oud: oud, Nieuw: nieuw, Cellen: cellen}
	for _, c := range v.Convenanten {
		if c.Status == "overgeslagen" {
			b.Overgeslagen = append(b.Overgeslagen, c.Naam)
		}
	}
	return voerUit(verschilSjabloon, b)
}

// verschilBeeld is what the report's template shows; Overgeslagen are the names of the covenants that
// were not evaluated because nothing they depend on changed.
type verschilBeeld struct {
	V            *bulk.Verschil
	W            woordenboek
	Oud, Nieuw   string
	Cellen       bool
	Overgeslagen []string
}

// Label is the label of an id of a vocabulary.
func (d woordenboek) Label(soort, id string) string { return d.w.label(soort, id) }

// GroepTekst, Voorbeelden, CelTekst and WijzigingTekst write a group of changed cells, its examples, a
// cell and one change for the report of verschil.
func (d woordenboek) GroepTekst(g bulk.Groep) string         { return groepTekst(g, d.w) }
func (d woordenboek) Voorbeelden(sleutels []string) string   { return voorbeelden(sleutels, d.w) }
func (d woordenboek) CelTekst(sleutel string) string         { return celTekst(sleutel, d.w) }
func (d woordenboek) WijzigingTekst(x bulk.Wijziging) string { return wijzigingTekst(x, d.w) }

func kort(versie string) string {
	if len(versie) > 19 {
		return versie[:19] + "…"
	}
	return versie
}

func statusTekst(c bulk.ConvenantVerschil) string {
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
	for _, s := range []string{bulk.WijzigingOordeel, bulk.WijzigingGrondslagen, bulk.WijzigingVoorwaarden, bulk.WijzigingZekerheid, bulk.WijzigingNieuw, bulk.WijzigingVervallen} {
		if n := t[s]; n > 0 {
			delen = append(delen, fmt.Sprintf("%d %s", n, soortTekst[s]))
		}
	}
	return strings.Join(delen, ", ")
}

func groepTekst(g bulk.Groep, w woorden) string {
	switch g.Soort {
	case bulk.WijzigingOordeel:
		return fmt.Sprintf("oordeel %s → **%s**", w.oordeel(kennisbank.Oordeel(g.Van)), w.oordeel(kennisbank.Oordeel(g.Naar)))
	case bulk.WijzigingZekerheid:
		return fmt.Sprintf("zekerheid %s → %s", g.Van, g.Naar)
	case bulk.WijzigingNieuw:
		return fmt.Sprintf("nieuwe cel: %s", w.oordeel(kennisbank.Oordeel(g.Naar)))
	case bulk.WijzigingVervallen:
		return fmt.Sprintf("vervallen cel (was %s)", w.oordeel(kennisbank.Oordeel(g.Van)))
	}
	soort := "grondslagen"
	if g.Soort == bulk.WijzigingVoorwaarden {
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

func wijzigingTekst(x bulk.Wijziging, w woorden) string {
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
		if s != bulk.WijzigingOordeel {
			delen = append(delen, soortTekst[s])
		}
	}
	return strings.Join(delen, "; ")
}

var soortTekst = map[string]string{
	bulk.WijzigingOordeel:     "ander oordeel",
	bulk.WijzigingGrondslagen: "andere grondslagen",
	bulk.WijzigingVoorwaarden: "andere voorwaarden",
	bulk.WijzigingZekerheid:   "andere zekerheid",
	bulk.WijzigingNieuw:       "nieuw",
	bulk.WijzigingVervallen:   "vervallen",
}

// feitenTekst writes facts as naam=waarde, sorted by name and joined by commas (as --feit reads them).
func feitenTekst(f map[string]any) string {
	delen := make([]string, 0, len(f))
	for _, n := range slices.Sorted(maps.Keys(f)) {
		delen = append(delen, fmt.Sprintf("%s=%v", n, f[n]))
	}
	return strings.Join(delen, ",")
}
