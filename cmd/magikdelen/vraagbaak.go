package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// vraagbaakOpties are the options of magikdelen vraagbaak and vraagbaak toon.
type vraagbaakOpties struct {
	g       *globaleOpties
	termen  []string
	id      string
	formaat formaat
}

func newVraagbaakCmd(g *globaleOpties) *cobra.Command {
	opts := &vraagbaakOpties{g: g}
	cmd := &cobra.Command{
		Use:     "vraagbaak [zoekterm ...]",
		Aliases: []string{"faq"},
		Short:   "Zoek in de vraagbaak; lees een antwoord met vraagbaak toon <id>",
		Long: `Zoekt in de vraagbaak: vragen die professionals stellen, met een kort en een uitgebreid antwoord, de
bronnen en de controles die het antwoord aan de regels toetsen. Zoek in uw eigen woorden: hoofdletters,
accenten en eenvoudige woordvormen maken niet uit (huisartsen, gedeeld, coördinatie), en ook de namen van
partijen, gegevens en convenanten vinden een antwoord ("veilig thuis"). De beste treffers staan bovenaan.
Zonder zoekterm: alle vragen.

Lees een antwoord met "magikdelen vraagbaak toon <id>".`,
		Example: `  magikdelen vraagbaak huisarts politie
  magikdelen vraagbaak "is de wams al van kracht"
  magikdelen vraagbaak toon wams_van_kracht
  magikdelen faq --formaat json veilig thuis`,
		Args:                  cobra.ArbitraryArgs,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.termen = args
			return runVraagbaakZoek(opts)
		},
	}
	voegFormaatToe(cmd.PersistentFlags(), &opts.formaat)
	cmd.AddCommand(&cobra.Command{
		Use:     "toon <id>",
		Aliases: []string{"show"},
		Short:   "Toon één vraagbaakitem: het antwoord, de bronnen, verwante vragen en de controles",
		Long: `Toont één vraagbaakitem: de vraag, de zekerheid, het antwoord, de bronnen met de links naar de
officiële teksten, verwante vragen, en elke controle als "Getoetst: …" met de opdracht die dezelfde vraag
stelt. Op een terminal opgemaakt, anders als Markdown.`,
		Example: `  magikdelen vraagbaak toon wams_van_kracht
  magikdelen vraagbaak toon wams_van_kracht --formaat json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return nil
			}
			return &gebruiksFout{bericht: fmt.Sprintf("vraagbaak toon verwacht één id, kreeg %d argumenten", len(args)), cmd: cmd}
		},
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			return runVraagbaakToon(opts)
		},
	})
	return cmd
}

// vraagbaakTreffer is one hit in the JSON of a search.
type vraagbaakTreffer struct {
	ID           string  `json:"id"`
	Vraag        string  `json:"vraag"`
	Samenvatting string  `json:"samenvatting"`
	Score        float64 `json:"score"`
	Commando     string  `json:"commando"` // the command that shows the entry
}

// vraagbaakZoekResultaat is the JSON of a search.
type vraagbaakZoekResultaat struct {
	Zoekterm   string                 `json:"zoekterm"`
	Treffers   []vraagbaakTreffer     `json:"treffers"`
	Kennisbank library.KennisbankInfo `json:"kennisbank"`
}

func toonCommando(id string) string { return "magikdelen vraagbaak toon " + id }

// runVraagbaakZoek searches the vraagbaak and writes the ranked hits. No hits is not an error.
func runVraagbaakZoek(opts *vraagbaakOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	term := strings.Join(opts.termen, " ")
	res := vraagbaakZoekResultaat{Zoekterm: term, Treffers: []vraagbaakTreffer{}, Kennisbank: library.KennisbankInfo{Versie: kb.Versie()}}
	for _, t := range kb.ZoekVraagbaak(term) {
		res.Treffers = append(res.Treffers, vraagbaakTreffer{
			ID: t.Item.ID, Vraag: t.Item.Vraag, Samenvatting: t.Item.Samenvatting, Score: t.Score, Commando: toonCommando(t.Item.ID),
		})
	}
	return toon(opts.g.stromen, opts.formaat, res, func() string { return vraagbaakZoekMarkdown(res, len(kb.Vraagbaak())) })
}

// vraagbaakZoekMarkdown is the readable list of hits, or tips when there are none.
func vraagbaakZoekMarkdown(r vraagbaakZoekResultaat, totaal int) string {
	var b strings.Builder
	b.WriteString("# Vraagbaak\n\n")
	switch {
	case totaal == 0:
		b.WriteString("Deze kennisbank heeft geen vraagbaak (geen bestanden in vraagbaak/).\n\n")
	case len(r.Treffers) == 0:
		fmt.Fprintf(&b, "Geen vragen gevonden bij \"%s\".\n\n", esc(r.Zoekterm))
		b.WriteString("Tips:\n\n")
		b.WriteString("- Gebruik minder woorden, of andere: een partij (huisarts, Veilig Thuis), een soort gegevens (gezondheid), een convenant (ZVH, AVE) of een onderwerp (toestemming, meldcode).\n")
		b.WriteString("- Controleer de spelling; hoofdletters en accenten maken niet uit.\n")
		fmt.Fprintf(&b, "- `magikdelen vraagbaak` zonder zoekterm toont alle %d vragen.\n", totaal)
		b.WriteString("- Staat uw vraag er niet bij? Stel hem met `magikdelen vraag`, of leg hem voor aan de FG of privacy officer van uw organisatie.\n\n")
	case strings.TrimSpace(r.Zoekterm) == "":
		fmt.Fprintf(&b, "Alle %d vragen. Zoek met `magikdelen vraagbaak <zoekterm>`.\n\n", len(r.Treffers))
	default:
		n := "treffers"
		if len(r.Treffers) == 1 {
			n = "treffer"
		}
		fmt.Fprintf(&b, "%d %s bij \"%s\", de beste eerst.\n\n", len(r.Treffers), n, esc(r.Zoekterm))
	}
	for _, t := range r.Treffers {
		fmt.Fprintf(&b, "## %s\n\n", esc(t.Vraag))
		fmt.Fprintf(&b, "%s\n\n", esc(t.Samenvatting))
		fmt.Fprintf(&b, "Lees verder: `%s`\n\n", t.Commando)
	}
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", r.Kennisbank.Versie)
	return b.String()
}

// vraagbaakItemJSON is the JSON of vraagbaak toon: the entry with its sources resolved from the
// catalogue of legal grounds.
type vraagbaakItemJSON struct {
	library.Vraagbaakitem
	Grondslagen []library.Grondslag    `json:"grondslagen"`
	Kennisbank  library.KennisbankInfo `json:"kennisbank"`
}

// runVraagbaakToon writes one entry; an unknown id is bad input (exit 2) with the closest ids.
func runVraagbaakToon(opts *vraagbaakOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	item, ok := kb.Vraagbaakitem(opts.id)
	if !ok {
		item, ok = kb.Vraagbaakitem(strings.ToLower(strings.TrimSpace(opts.id)))
	}
	if !ok {
		return kb.OnbekendVraagbaakitem(opts.id)
	}
	w := woorden{kb}
	res := vraagbaakItemJSON{Vraagbaakitem: item, Grondslagen: []library.Grondslag{}, Kennisbank: library.KennisbankInfo{Versie: kb.Versie()}}
	for _, id := range item.Bronnen {
		titel, bron := w.grondslag(id)
		g, _ := kb.Grondslag(id)
		res.Grondslagen = append(res.Grondslagen, library.Grondslag{ID: id, Titel: titel, Bron: bron, Zekerheid: g.Zekerheid})
	}
	return toon(opts.g.stromen, opts.formaat, res, func() string { return vraagbaakItemMarkdown(res, kb) })
}

// vraagbaakItemMarkdown is the readable entry: the question as title, the certainty, the body, the
// sources with their official links, related entries, and each check with the command that asks it.
func vraagbaakItemMarkdown(r vraagbaakItemJSON, kb *library.Kennisbank) string {
	w := woorden{kb}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", esc(r.Vraag))
	if r.Zekerheid != "" {
		fmt.Fprintf(&b, "Zekerheid van dit antwoord: **%s**\n\n", esc(w.label("zekerheden", r.Zekerheid)))
	}
	if tekst := strings.TrimSpace(r.Tekst); tekst != "" {
		b.WriteString(tekst + "\n\n")
	} else {
		b.WriteString(esc(r.Samenvatting) + "\n\n")
	}
	if len(r.Grondslagen) > 0 {
		b.WriteString("## Bronnen\n\n")
		for _, g := range r.Grondslagen {
			b.WriteString("- " + link(g.Titel, g.Bron))
			if kb.MetVoorbehoud(g.Zekerheid) {
				fmt.Fprintf(&b, " (zekerheid %s)", esc(w.label("zekerheden", g.Zekerheid)))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(r.ZieOok) > 0 {
		b.WriteString("## Zie ook\n\n")
		for _, id := range r.ZieOok {
			vraag := id
			if z, ok := kb.Vraagbaakitem(id); ok {
				vraag = z.Vraag
			}
			fmt.Fprintf(&b, "- %s `%s`\n", esc(vraag), toonCommando(id))
		}
		b.WriteString("\n")
	}
	if len(r.Controles) > 0 {
		b.WriteString("## Getoetst aan de regels\n\nDit antwoord wordt bij elke wijziging van de kennisbank opnieuw getoetst (`magikdelen test`):\n\n")
		for _, c := range r.Controles {
			fmt.Fprintf(&b, "- Getoetst: **%s**", esc(w.oordeel(c.Verwacht.Oordeel)))
			if len(c.Verwacht.Voorwaarden) > 0 {
				fmt.Fprintf(&b, ", met ten minste de voorwaarden %s", esc(strings.Join(w.labels("voorwaarden", c.Verwacht.Voorwaarden), ", ")))
			}
			fmt.Fprintf(&b, " — `%s`\n", vraagbaakVraagRegel(c.Vraag))
		}
		b.WriteString("\n")
	}
	var over []string
	if len(r.Partijen) > 0 {
		over = append(over, "partijen: "+strings.Join(partijLabels(w, r.Partijen), ", "))
	}
	if len(r.Gegevens) > 0 {
		over = append(over, "gegevens: "+strings.Join(w.labels("gegevens", r.Gegevens), ", "))
	}
	if len(r.Convenanten) > 0 {
		over = append(over, "convenanten: "+strings.Join(w.labels("convenanten", r.Convenanten), ", "))
	}
	b.WriteString("---\n\n")
	if len(over) > 0 {
		fmt.Fprintf(&b, "Over %s. ", esc(strings.Join(over, "; ")))
	}
	fmt.Fprintf(&b, "Vraagbaakitem `%s`. Dit is een hulpmiddel, geen juridisch advies. Kennisbank: `%s`\n", r.ID, r.Kennisbank.Versie)
	return b.String()
}

func partijLabels(w woorden, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.partij(id)
	}
	return out
}

// vraagbaakVraagRegel is the magikdelen vraag command line that asks the question of a check.
func vraagbaakVraagRegel(v library.Vraag) string {
	delen := []string{"magikdelen vraag", "--van " + v.Van, "--naar " + strings.Join(v.Naar, ","),
		"--gegevens " + strings.Join(v.Gegevens, ","), "--doel " + v.Doel}
	if v.Convenant != "" {
		delen = append(delen, "--convenant "+v.Convenant)
	}
	if v.Fase != "" {
		delen = append(delen, "--fase "+v.Fase)
	}
	if v.Datum != "" {
		delen = append(delen, "--datum "+v.Datum)
	}
	for _, n := range slices.Sorted(maps.Keys(v.Feiten)) {
		delen = append(delen, fmt.Sprintf("--feit %s=%v", n, v.Feiten[n]))
	}
	return strings.Join(delen, " ")
}
