package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
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

// runVraagbaakZoek searches the vraagbaak and writes the ranked hits. No hits is not an error.
func runVraagbaakZoek(opts *vraagbaakOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	term := strings.Join(opts.termen, " ")
	res := weergave.VraagbaakZoekresultaat{Zoekterm: term, Treffers: []weergave.VraagbaakTreffer{}, Kennisbank: library.KennisbankInfo{Versie: kb.Versie()}}
	for _, t := range kb.ZoekVraagbaak(term) {
		res.Treffers = append(res.Treffers, weergave.VraagbaakTreffer{
			ID: t.Item.ID, Vraag: t.Item.Vraag, Samenvatting: t.Item.Samenvatting, Score: t.Score, Commando: weergave.ToonCommando(t.Item.ID),
		})
	}
	return toon(opts.g.stromen, opts.formaat, res, func() string { return weergave.VraagbaakZoek(res, len(kb.Vraagbaak())) })
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
	res := weergave.VraagbaakAntwoord{Vraagbaakitem: item, Grondslagen: []library.Grondslag{}, Kennisbank: library.KennisbankInfo{Versie: kb.Versie()}}
	for _, id := range item.Bronnen {
		g, _ := kb.Grondslag(id)
		res.Grondslagen = append(res.Grondslagen, library.Grondslag{ID: id, Titel: cmp.Or(g.Titel, id), Bron: g.Bron, Zekerheid: g.Zekerheid})
	}
	return toon(opts.g.stromen, opts.formaat, res, func() string { return weergave.VraagbaakItem(res, kb) })
}
