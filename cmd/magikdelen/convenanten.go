package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// convenantenOpties are the options of magikdelen convenanten.
type convenantenOpties struct {
	g       *globaleOpties
	id      string
	formaat formaat
}

func newConvenantenCmd(g *globaleOpties) *cobra.Command {
	opts := &convenantenOpties{g: g}
	cmd := &cobra.Command{
		Use:     "convenanten [id]",
		Aliases: []string{"covenants"},
		Short:   "Toon de convenanten, of één convenant met deelnemers, doelen en artikelen",
		Long: `Zonder id: een lijst van de convenanten en wettelijke regelingen in de kennisbank, met status en
looptijd. Met een id: het convenant zelf: omschrijving, wettelijke basis, deelnemers, doelen met de
gegevens en voorwaarden die erbij horen, routes, artikelen, bewaartermijn, inclusiecriteria en open vragen.`,
		Example: `  magikdelen convenanten
  magikdelen convenanten zvht
  magikdelen convenanten zvht --formaat json`,
		Args:                  argumenten(1),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runConvenanten(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	return cmd
}

// runConvenanten writes the list of covenants, or one covenant.
func runConvenanten(ctx context.Context, opts *convenantenOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	s := opts.g.stromen
	if opts.id == "" {
		lijst := convenantenLijst(kb)
		return toon(s, opts.formaat, lijst, func() string { return convenantenLijstMarkdown(lijst, kb) })
	}
	id, err := herkenner{kb: kb, uit: s.Err}.een("convenant", "convenanten", opts.id)
	if err != nil {
		return err
	}
	c := kb.Item("convenanten", id)
	return toon(s, opts.formaat, c, func() string { return convenantMarkdown(c, kb) })
}

// convenantenLijst is the list of covenants the command shows.
func convenantenLijst(kb *library.Kennisbank) []library.ConvenantSamenvatting {
	return kb.Convenanten()
}

// convenantenLijstMarkdown is the readable list of covenants.
func convenantenLijstMarkdown(lijst []library.ConvenantSamenvatting, kb *library.Kennisbank) string {
	var b strings.Builder
	b.WriteString("# Convenanten\n\n")
	for _, c := range lijst {
		fmt.Fprintf(&b, "- `%s` — **%s**: %s, %s, looptijd %s.\n", c.ID, esc(c.Naam), esc(woord(c.Soort)), esc(woord(c.Status)), looptijd(c.GeldigVanaf, c.GeldigTot))
	}
	b.WriteString("\nToon één convenant met `magikdelen convenanten <id>`.\n\n")
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", kb.Versie())
	return b.String()
}

// convenantMarkdown is the readable view of one covenant.
func convenantMarkdown(c map[string]any, kb *library.Kennisbank) string {
	w := woorden{kb}
	var b strings.Builder
	titel := tekst(c, "naam")
	if k := tekst(c, "korte_naam"); k != "" && !strings.Contains(titel, k) {
		titel += " (" + k + ")"
	}
	fmt.Fprintf(&b, "# %s\n\n", esc(titel))
	if o := tekst(c, "omschrijving"); o != "" {
		b.WriteString(esc(o) + "\n\n")
	}
	fmt.Fprintf(&b, "- **Id:** `%s`\n", tekst(c, "id"))
	fmt.Fprintf(&b, "- **Soort:** %s\n", esc(woord(tekst(c, "soort"))))
	fmt.Fprintf(&b, "- **Status:** %s\n", esc(woord(tekst(c, "status"))))
	fmt.Fprintf(&b, "- **Looptijd:** %s\n", looptijd(tekst(c, "geldig_vanaf"), tekst(c, "geldig_tot")))
	if z := tekst(c, "zekerheid"); z != "" {
		fmt.Fprintf(&b, "- **Zekerheid van deze gegevens:** %s\n", esc(z))
	}
	if f := teksten(c, "fasen"); len(f) > 0 {
		fmt.Fprintf(&b, "- **Fasen:** %s\n", esc(strings.Join(f, ", ")))
	}
	if tekst(c, "kring") == "open" {
		b.WriteString("- **Kring:** open — er is geen getekend convenant; alleen wettelijke routes dragen een deling\n")
	}
	if vf, ok := c["vereist_feiten"].(map[string]any); ok && len(vf) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(vf)) {
			delen = append(delen, fmt.Sprintf("%s = %v", k, vf[k]))
		}
		fmt.Fprintf(&b, "- **Geldt alleen als:** %s (\"stel dat\"; altijd lage zekerheid)\n", esc(strings.Join(delen, ", ")))
	}
	b.WriteString("\n")

	if niveaus := lijstVan(c, "niveaus"); len(niveaus) > 0 {
		b.WriteString("## Niveaus\n\n")
		for _, n := range niveaus {
			fmt.Fprintf(&b, "- **%s**", esc(tekst(n, "fase")))
			if k := tekst(n, "kleur"); k != "" {
				fmt.Fprintf(&b, " (%s)", esc(k))
			}
			fmt.Fprintf(&b, ": %s", esc(tekst(n, "delen")))
			var rollen []string
			for _, r := range [][2]string{{"casusregie", "casusregie"}, {"procesregie", "procesregie"}, {"bestuurlijk", "bestuurlijk verantwoordelijk"}} {
				if v := tekst(n, r[0]); v != "" {
					rollen = append(rollen, r[1]+": "+v)
				}
			}
			if len(rollen) > 0 {
				fmt.Fprintf(&b, " — %s", esc(strings.Join(rollen, "; ")))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if basis := lijstVan(c, "wettelijke_basis"); len(basis) > 0 {
		b.WriteString("## Wettelijke basis\n\n")
		for _, wb := range basis {
			b.WriteString("- " + link(w.grondslag(tekst(wb, "grondslag"))))
			if p := periode(tekst(wb, "vanaf"), tekst(wb, "tot")); p != "" {
				b.WriteString(" (" + p + ")")
			}
			if t := tekst(wb, "tekst"); t != "" {
				b.WriteString(": " + esc(t))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if deelnemers := lijstVan(c, "deelnemers"); len(deelnemers) > 0 {
		b.WriteString("## Deelnemers\n\n")
		for _, d := range deelnemers {
			fmt.Fprintf(&b, "- **%s**", esc(w.partij(tekst(d, "partij"))))
			var delen []string
			switch tekst(d, "deelname") {
			case "vast":
				delen = append(delen, "vaste deelnemer")
			case "per_casus":
				delen = append(delen, "deelnemer per casus")
			}
			if p := periode(tekst(d, "vanaf"), tekst(d, "tot")); p != "" {
				delen = append(delen, p)
			}
			switch d["wgs"] {
			case true:
				delen = append(delen, "WGS-deelnemer")
			case false:
				delen = append(delen, "geen WGS-deelnemer")
			}
			if z := tekst(d, "zekerheid"); z != "" {
				delen = append(delen, "zekerheid "+z)
			}
			if len(delen) > 0 {
				b.WriteString(" — " + esc(strings.Join(delen, ", ")) + ".")
			}
			var orgs []string
			for _, o := range lijstVan(d, "organisaties") {
				orgs = append(orgs, tekst(o, "naam"))
			}
			if len(orgs) > 0 {
				b.WriteString(" Organisaties: " + esc(strings.Join(orgs, ", ")) + ".")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if doelen := lijstVan(c, "doelen"); len(doelen) > 0 {
		b.WriteString("## Doelen\n\n")
		for _, d := range doelen {
			fmt.Fprintf(&b, "### %s (`%s`)\n\n", esc(tekst(d, "label")), tekst(d, "id"))
			if o := tekst(d, "omschrijving"); o != "" {
				b.WriteString(esc(o) + "\n\n")
			}
			var regels []string
			if f := tekst(d, "fase"); f != "" {
				regels = append(regels, "**Fase:** "+esc(f))
			}
			if bs := tekst(d, "beslist"); bs != "" {
				regels = append(regels, "**Beslist:** "+esc(bs))
			}
			if _, ok := d["max_gegevens"]; ok {
				regels = append(regels, "**Ten hoogste deze gegevens:** "+maxGegevens(w, teksten(d, "max_gegevens")))
			}
			if v := teksten(d, "voorwaarden"); len(v) > 0 {
				regels = append(regels, "**Voorwaarden:** "+esc(strings.Join(w.labels("voorwaarden", v), ", ")))
			}
			if inc, ok := d["vereist_inclusie"].(bool); ok {
				regels = append(regels, "**Inclusiecriteria vereist:** "+jaNee(inc))
			}
			if inf, ok := d["informeren"].(bool); ok {
				regels = append(regels, "**Betrokkene informeren:** "+jaNee(inf))
			}
			if vm := teksten(d, "verenigbaar_met"); len(vm) > 0 {
				regels = append(regels, "**Verder te gebruiken voor:** "+esc(strings.Join(w.labels("doelen", vm), ", ")))
			}
			for _, r := range regels {
				b.WriteString("- " + r + "\n")
			}
			if len(regels) > 0 {
				b.WriteString("\n")
			}
		}
	}

	if routes := lijstVan(c, "routes"); len(routes) > 0 {
		b.WriteString("## Routes\n\nDe wettelijke routes waarlangs binnen dit convenant gedeeld wordt; het convenant zelf is geen grondslag.\n\n")
		for _, r := range routes {
			fmt.Fprintf(&b, "- **%s**", esc(tekst(r, "titel")))
			if p := periode(tekst(r, "geldig_vanaf"), tekst(r, "geldig_tot")); p != "" {
				fmt.Fprintf(&b, " (%s)", p)
			}
			if t := tekst(r, "tekst"); t != "" {
				b.WriteString(": " + esc(t))
			}
			if gs := teksten(r, "grondslagen"); len(gs) > 0 {
				titels := make([]string, len(gs))
				for i, g := range gs {
					titels[i], _ = w.grondslag(g)
				}
				fmt.Fprintf(&b, " *Grondslag: %s.*", esc(strings.Join(titels, "; ")))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}

	if artikelen := lijstVan(c, "artikelen"); len(artikelen) > 0 {
		b.WriteString("## Artikelen\n\n")
		for _, a := range artikelen {
			b.WriteString("- " + link(tekst(a, "titel"), tekst(a, "bron")) + "\n")
		}
		b.WriteString("\n")
	}

	if bt, ok := c["bewaartermijn"].(map[string]any); ok {
		b.WriteString("## Bewaartermijn\n\n")
		if j := fmt.Sprint(bt["jaren"]); bt["jaren"] != nil {
			fmt.Fprintf(&b, "**%s jaar.** ", esc(j))
		}
		b.WriteString(esc(tekst(bt, "tekst")))
		if g := tekst(bt, "grondslag"); g != "" {
			b.WriteString(" Grondslag: " + link(w.grondslag(g)) + ".")
		}
		if z := tekst(bt, "zekerheid"); z != "" {
			fmt.Fprintf(&b, " Zekerheid: %s.", esc(z))
		}
		b.WriteString("\n\n")
	}

	if ic, ok := c["inclusiecriteria"].(map[string]any); ok {
		b.WriteString("## Inclusiecriteria\n\n")
		b.WriteString(esc(tekst(ic, "tekst")))
		if bron := tekst(ic, "bron"); bron != "" {
			if strings.HasPrefix(bron, "http") {
				b.WriteString(" Bron: " + link(bron, bron) + ".")
			} else {
				b.WriteString(" Bron: " + esc(bron) + ".")
			}
		}
		if z := tekst(ic, "zekerheid"); z != "" {
			fmt.Fprintf(&b, " Zekerheid: %s.", esc(z))
		}
		b.WriteString("\n\n")
	}

	if bronnen := lijstVan(c, "bronnen"); len(bronnen) > 0 {
		b.WriteString("## Bronnen\n\n")
		for _, br := range bronnen {
			b.WriteString("- " + link(tekst(br, "titel"), tekst(br, "url")) + "\n")
		}
		b.WriteString("\n")
	}

	if vragen := teksten(c, "open_vragen"); len(vragen) > 0 {
		b.WriteString("## Open vragen\n\nNog niet uitgezocht; wat hiervan afhangt, is minder zeker:\n\n")
		for _, v := range vragen {
			b.WriteString("- " + esc(v) + "\n")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", kb.Versie())
	return b.String()
}

// looptijd gives the validity window of a covenant for people.
func looptijd(vanaf, tot string) string {
	if p := periode(vanaf, tot); p != "" {
		return p
	}
	return "niet bekend"
}

func periode(vanaf, tot string) string {
	switch {
	case vanaf != "" && tot != "":
		return vanaf + " tot en met " + tot
	case vanaf != "":
		return "vanaf " + vanaf
	case tot != "":
		return "tot en met " + tot
	}
	return ""
}

func maxGegevens(w woorden, ids []string) string {
	switch {
	case len(ids) == 0:
		return "geen persoonsgegevens (alleen geanonimiseerd of geaggregeerd)"
	case len(ids) == 1 && ids[0] == "*":
		return "alle categorieën, voor zover noodzakelijk"
	}
	return esc(strings.Join(w.labels("gegevens", ids), ", "))
}

// woord writes a snake_case value of the data for people.
func woord(s string) string { return strings.ReplaceAll(s, "_", " ") }

func jaNee(v any) string {
	if b, ok := v.(bool); ok {
		if b {
			return "ja"
		}
		return "nee"
	}
	return ""
}

// tekst, teksten and lijstVan read the plain JSON values of the knowledge base.
func tekst(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func teksten(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func lijstVan(m map[string]any, k string) []map[string]any {
	l, _ := m[k].([]any)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		if e, ok := x.(map[string]any); ok {
			out = append(out, e)
		}
	}
	return out
}
