package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
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
		return toon(s, opts.formaat, lijst, func() string { return weergave.Convenanten(lijst, kb) })
	}
	id, err := herkenner{kb: kb, uit: s.Err}.een("convenant", "convenanten", opts.id)
	if err != nil {
		return err
	}
	return toon(s, opts.formaat, kb.Item("convenanten", id), func() string {
		c, _ := kb.Convenant(id) // id is known (herkenner)
		return weergave.Convenant(c, kb)
	})
}

// convenantenLijst is the list of covenants the command shows.
func convenantenLijst(kb *kennisbank.Kennisbank) []kennisbank.ConvenantSamenvatting {
	return kb.Convenanten()
}
