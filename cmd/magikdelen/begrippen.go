package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// begripSoorten are the vocabularies magikdelen begrippen lists, in this order.
var begripSoorten = []string{"partijen", "gegevens", "doelen", "feiten", "convenanten"}

// engelseSoorten are the English names of the vocabularies.
var engelseSoorten = map[string]string{
	"parties": "partijen", "data": "gegevens", "categories": "gegevens", "purposes": "doelen",
	"facts": "feiten", "covenants": "convenanten",
}

// begrippenOpties are the options of magikdelen begrippen.
type begrippenOpties struct {
	g       *globaleOpties
	soorten []string
	formaat formaat
}

func newBegrippenCmd(g *globaleOpties) *cobra.Command {
	opts := &begrippenOpties{g: g}
	cmd := &cobra.Command{
		Use:     "begrippen [partijen|gegevens|doelen|feiten|convenanten]",
		Aliases: []string{"vocabulary"},
		Short:   "Toon de begrippen: de id's met hun Nederlandse namen en synoniemen",
		Long: `Toont de woordenlijst van de kennisbank: per partij, gegevenscategorie, doel, feit en convenant het
id, de Nederlandse naam en de synoniemen. Bij vraag en matrix mag u een id, een naam of een synoniem
opgeven, in hoofd- of kleine letters ("--van wijkagent" is "--van politie"); deze lijst laat zien welke.

Zonder argument: alle vijf. Met een argument alleen die soort (Engels mag ook: parties, data, purposes,
facts, covenants). Bij een doel staat het convenant waar het bij hoort, bij een feit het soort waarde,
bij een partij de organisaties die als die partij gelden. --formaat json geeft één object met per soort
een lijst.`,
		Example: `  magikdelen begrippen
  magikdelen begrippen partijen
  magikdelen vocabulary purposes --formaat json`,
		Args:                  argumenten(len(begripSoorten)),
		DisableFlagsInUseLine: true,
		ValidArgs:             begripSoorten,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				soort := strings.ToLower(strings.TrimSpace(a))
				if nl, ok := engelseSoorten[soort]; ok {
					soort = nl
				}
				if !slices.Contains(begripSoorten, soort) {
					return &gebruiksFout{
						bericht: fmt.Sprintf("onbekende soort %q; kies %s%s", kennisbank.Kort(a), strings.Join(begripSoorten, ", "), bedoeldeU(kennisbank.Dichtstbij(soort, begripSoorten, 1), "")),
						cmd:     cmd,
					}
				}
				if !slices.Contains(opts.soorten, soort) {
					opts.soorten = append(opts.soorten, soort)
				}
			}
			return runBegrippen(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	return cmd
}

// runBegrippen writes the vocabularies.
func runBegrippen(_ context.Context, opts *begrippenOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	soorten := opts.soorten
	if len(soorten) == 0 {
		soorten = begripSoorten
	}
	lijsten := map[string][]weergave.Begrip{}
	for _, s := range soorten {
		lijsten[s] = weergave.BegrippenVan(kb, s)
	}
	return toon(opts.g.stromen, opts.formaat, lijsten, func() string { return weergave.Begrippen(kb, soorten, lijsten) })
}
