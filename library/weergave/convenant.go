package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// Convenanten is the readable list of covenants.
func Convenanten(lijst []library.ConvenantSamenvatting, kb *library.Kennisbank) string {
	var b strings.Builder
	b.WriteString("# Convenanten\n\n")
	for _, c := range lijst {
		fmt.Fprintf(&b, "- `%s` — **%s**: %s, %s, looptijd %s.\n", c.ID, esc(c.Naam), esc(opmaak.Woord(c.Soort)), esc(opmaak.Woord(c.Status)), looptijd(c.GeldigVanaf, c.GeldigTot))
	}
	b.WriteString("\nToon één convenant met `magikdelen convenanten <id>`.\n\n")
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", kb.Versie())
	return b.String()
}

// Convenant is the readable view of one covenant.
func Convenant(c library.Convenant, kb *library.Kennisbank) string {
	w := woorden{kb}
	var b strings.Builder
	titel := c.Naam
	if c.KorteNaam != "" && !strings.Contains(titel, c.KorteNaam) {
		titel += " (" + c.KorteNaam + ")"
	}
	fmt.Fprintf(&b, "# %s\n\n", esc(titel))
	if c.Omschrijving != "" {
		b.WriteString(esc(c.Omschrijving) + "\n\n")
	}
	fmt.Fprintf(&b, "- **Id:** `%s`\n", c.ID)
	fmt.Fprintf(&b, "- **Soort:** %s\n", esc(opmaak.Woord(c.Soort)))
	fmt.Fprintf(&b, "- **Status:** %s\n", esc(opmaak.Woord(c.Status)))
	fmt.Fprintf(&b, "- **Looptijd:** %s\n", looptijd(c.GeldigVanaf, c.GeldigTot))
	if c.Zekerheid != "" {
		fmt.Fprintf(&b, "- **Zekerheid van deze gegevens:** %s\n", esc(c.Zekerheid))
	}
	if len(c.Fasen) > 0 {
		fmt.Fprintf(&b, "- **Fasen:** %s\n", esc(strings.Join(c.Fasen, ", ")))
	}
	if c.Kring == "open" {
		b.WriteString("- **Kring:** open — er is geen getekend convenant; alleen wettelijke routes dragen een deling\n")
	}
	if len(c.VereistFeiten) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(c.VereistFeiten)) {
			delen = append(delen, fmt.Sprintf("%s = %v", k, c.VereistFeiten[k]))
		}
		fmt.Fprintf(&b, "- **Geldt alleen als:** %s (\"stel dat\"; altijd lage zekerheid)\n", esc(strings.Join(delen, ", ")))
	}
	b.WriteString("\n")

	if len(c.Niveaus) > 0 {
		b.WriteString("## Niveaus\n\n")
		for _, n := range c.Niveaus {
			fmt.Fprintf(&b, "- **%s**", esc(n.Fase))
			if n.Kleur != "" {
				fmt.Fprintf(&b, " (%s)", esc(n.Kleur))
			}
			fmt.Fprintf(&b, ": %s", esc(n.Delen))
			var rollen []string
			for _, r := range [][2]string{{n.Casusregie, "casusregie"}, {n.Procesregie, "procesregie"}, {n.Bestuurlijk, "bestuurlijk verantwoordelijk"}} {
				if r[0] != "" {
					rollen = append(rollen, r[1]+": "+r[0])
				}
			}
			if len(rollen) > 0 {
				fmt.Fprintf(&b, " — %s", esc(strings.Join(rollen, "; ")))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if len(c.WettelijkeBasis) > 0 {
		b.WriteString("## Wettelijke basis\n\n")
		for _, wb := range c.WettelijkeBasis {
			b.WriteString("- " + link(w.grondslag(wb.Grondslag)))
			if p := periode(wb.Vanaf, wb.Tot); p != "" {
				b.WriteString(" (" + p + ")")
			}
			if wb.Tekst != "" {
				b.WriteString(": " + esc(wb.Tekst))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if len(c.Deelnemers) > 0 {
		b.WriteString("## Deelnemers\n\n")
		for _, d := range c.Deelnemers {
			fmt.Fprintf(&b, "- **%s**", esc(w.partij(d.Partij)))
			var delen []string
			switch d.Deelname {
			case "vast":
				delen = append(delen, "vaste deelnemer")
			case "per_casus":
				delen = append(delen, "deelnemer per casus")
			}
			if p := periode(d.Vanaf, d.Tot); p != "" {
				delen = append(delen, p)
			}
			if d.WGS != nil {
				delen = append(delen, map[bool]string{true: "WGS-deelnemer", false: "geen WGS-deelnemer"}[*d.WGS])
			}
			if d.Zekerheid != "" {
				delen = append(delen, "zekerheid "+d.Zekerheid)
			}
			if len(delen) > 0 {
				b.WriteString(" — " + esc(strings.Join(delen, ", ")) + ".")
			}
			var orgs []string
			for _, o := range d.Organisaties {
				orgs = append(orgs, o.Naam)
			}
			if len(orgs) > 0 {
				b.WriteString(" Organisaties: " + esc(strings.Join(orgs, ", ")) + ".")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if len(c.Doelen) > 0 {
		b.WriteString("## Doelen\n\n")
		for _, d := range c.Doelen {
			fmt.Fprintf(&b, "### %s (`%s`)\n\n", esc(d.Label), d.ID)
			if d.Omschrijving != "" {
				b.WriteString(esc(d.Omschrijving) + "\n\n")
			}
			var regels []string
			if d.Fase != "" {
				regels = append(regels, "**Fase:** "+esc(d.Fase))
			}
			if d.Beslist != "" {
				regels = append(regels, "**Beslist:** "+esc(d.Beslist))
			}
			if d.MaxGegevens != nil {
				regels = append(regels, "**Ten hoogste deze gegevens:** "+maxGegevens(w, d.MaxGegevens))
			}
			if len(d.Voorwaarden) > 0 {
				regels = append(regels, "**Voorwaarden:** "+esc(strings.Join(w.labels("voorwaarden", d.Voorwaarden), ", ")))
			}
			if d.VereistInclusie != nil {
				regels = append(regels, "**Inclusiecriteria vereist:** "+jaNee(*d.VereistInclusie))
			}
			if d.Informeren != nil {
				regels = append(regels, "**Betrokkene informeren:** "+jaNee(*d.Informeren))
			}
			if len(d.VerenigbaarMet) > 0 {
				regels = append(regels, "**Verder te gebruiken voor:** "+esc(strings.Join(w.labels("doelen", d.VerenigbaarMet), ", ")))
			}
			for _, r := range regels {
				b.WriteString("- " + r + "\n")
			}
			if len(regels) > 0 {
				b.WriteString("\n")
			}
		}
	}

	if len(c.Routes) > 0 {
		b.WriteString("## Routes\n\nDe wettelijke routes waarlangs binnen dit convenant gedeeld wordt; het convenant zelf is geen grondslag.\n\n")
		for _, r := range c.Routes {
			fmt.Fprintf(&b, "- **%s**", esc(r.Titel))
			if p := periode(r.GeldigVanaf, r.GeldigTot); p != "" {
				fmt.Fprintf(&b, " (%s)", p)
			}
			if r.Tekst != "" {
				b.WriteString(": " + esc(r.Tekst))
			}
			if len(r.Grondslagen) > 0 {
				titels := make([]string, len(r.Grondslagen))
				for i, g := range r.Grondslagen {
					titels[i], _ = w.grondslag(g)
				}
				fmt.Fprintf(&b, " *Grondslag: %s.*", esc(strings.Join(titels, "; ")))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if len(c.Artikelen) > 0 {
		b.WriteString("## Artikelen\n\n")
		for _, a := range c.Artikelen {
			b.WriteString("- " + link(a.Titel, a.Bron) + "\n")
		}
		b.WriteString("\n")
	}

	if bt := c.Bewaartermijn; bt != nil {
		b.WriteString("## Bewaartermijn\n\n")
		if bt.Jaren != nil {
			fmt.Fprintf(&b, "**%d jaar.** ", *bt.Jaren)
		}
		b.WriteString(esc(bt.Tekst))
		if bt.Grondslag != "" {
			b.WriteString(" Grondslag: " + link(w.grondslag(bt.Grondslag)) + ".")
		}
		if bt.Zekerheid != "" {
			fmt.Fprintf(&b, " Zekerheid: %s.", esc(bt.Zekerheid))
		}
		b.WriteString("\n\n")
	}

	if ic := c.Inclusie; ic != nil {
		b.WriteString("## Inclusiecriteria\n\n")
		b.WriteString(esc(ic.Tekst))
		if ic.Bron != "" {
			if strings.HasPrefix(ic.Bron, "http") {
				b.WriteString(" Bron: " + link(ic.Bron, ic.Bron) + ".")
			} else {
				b.WriteString(" Bron: " + esc(ic.Bron) + ".")
			}
		}
		if ic.Zekerheid != "" {
			fmt.Fprintf(&b, " Zekerheid: %s.", esc(ic.Zekerheid))
		}
		b.WriteString("\n\n")
	}

	if len(c.Bronnen) > 0 {
		b.WriteString("## Bronnen\n\n")
		for _, br := range c.Bronnen {
			b.WriteString("- " + link(br.Titel, br.URL) + "\n")
		}
		b.WriteString("\n")
	}

	if len(c.OpenVragen) > 0 {
		b.WriteString("## Open vragen\n\nNog niet uitgezocht; wat hiervan afhangt, is minder zeker:\n\n")
		for _, v := range c.OpenVragen {
			b.WriteString("- " + esc(v) + "\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", kb.Versie())
	return b.String()
}

// looptijd and periode write a validity window with the ISO dates of the CLI (opmaak.Periode).
func looptijd(vanaf, tot string) string { return opmaak.Looptijd(vanaf, tot, iso) }

func periode(vanaf, tot string) string { return opmaak.Periode(vanaf, tot, iso) }

// iso keeps a date as the knowledge base writes it (JJJJ-MM-DD), as the rest of the CLI's views do.
func iso(d string) string { return d }

func maxGegevens(w woorden, ids []string) string {
	switch {
	case len(ids) == 0:
		return "geen persoonsgegevens (alleen geanonimiseerd of geaggregeerd)"
	case len(ids) == 1 && ids[0] == "*":
		return "alle categorieën, voor zover noodzakelijk"
	}
	return esc(strings.Join(w.labels("gegevens", ids), ", "))
}

func jaNee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}
