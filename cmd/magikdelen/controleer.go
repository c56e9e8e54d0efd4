package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// controleerOpties are the options of magikdelen controleer.
type controleerOpties struct {
	g           *globaleOpties
	pad         string
	formaat     formaat
	regels      bool
	datum       string
	convenanten []string
	doelen      []string
}

func newControleerCmd(g *globaleOpties) *cobra.Command {
	opts := &controleerOpties{g: g}
	cmd := &cobra.Command{
		Use:     "controleer [pad]",
		Aliases: []string{"validate"},
		Short:   "Controleer de convenantbestanden van de kennisbank of van een werkkopie",
		Long: `Controleert een kennisbank voor de kwartiermaker: de YAML, het schema, de verwijzingen tussen de
bestanden (met "bedoelde u …?"), dubbele ids, bestandsnamen en datums. Dat zijn fouten: met een fout laadt
magikdelen de kennisbank niet. Daarnaast waarschuwingen voor wat waarschijnlijk niet klopt: een grondslag
zonder link naar de officiële wettekst, een voorwaarde die nergens wordt gebruikt, een verlopen convenant
en een route zonder grondslag.

Met --regels ook de domeincontrole over de doorgerekende regels (langzamer: elk convenant wordt in zijn
geheel doorgerekend, zoals bij matrix): delingen die geen regel beantwoordt (gat), een wettelijke plicht
die een convenantblokkade tegenspreekt (botsing), art. 9- of art. 10-gegevens die mogen worden gedeeld
zonder route in die laag, en een verlopen convenant of vertrokken deelnemer die via een convenantroute nog
iets toestaat (fout).

Zonder pad: de ingebouwde kennisbank (of de map van --kennisbank). Met een pad: een werkkopie met dezelfde
indeling als convenants/. Elke bevinding noemt bestand:regel:kolom, zodat een editor ernaar kan springen.

Exitcode 0 zonder fouten (waarschuwingen mogen), 1 bij ten minste één fout, 2 als het pad niet bestaat.`,
		Example: `  magikdelen controleer
  magikdelen controleer werkkopie/convenants
  magikdelen controleer werkkopie/convenants --formaat json
  magikdelen controleer werkkopie/convenants --regels --convenant zvht --datum 2026-03-01`,
		Args:                  argumenten(1),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.pad = args[0]
			}
			return runControleer(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	cmd.Flags().BoolVar(&opts.regels, "regels", false, "ook de domeincontrole over de doorgerekende regels (gaten, botsingen, bijzondere gegevens, verlopen convenanten); ook --rules")
	cmd.Flags().StringVar(&opts.datum, "datum", "", "de `datum` van de domeincontrole (standaard vandaag)")
	cmd.Flags().Var(lijst{&opts.convenanten, "convenant"}, "convenant", "domeincontrole alleen voor dit convenant")
	cmd.Flags().Var(lijst{&opts.doelen, "doel"}, "doel", "domeincontrole alleen voor deze doelen")
	return cmd
}

// runControleer checks the knowledge base and writes the findings.
func runControleer(ctx context.Context, opts *controleerOpties) error {
	fsys, map_, err := controleerBron(opts)
	if err != nil {
		return err
	}
	rapport, err := kennisbank.Controleer(fsys)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &invoerFout{veld: "pad", err: fmt.Errorf("%s is geen werkkopie van de kennisbank: %w", map_, err)}
		}
		return fmt.Errorf("controleer kennisbank: %w", err)
	}
	if opts.regels && rapport.Fouten == 0 {
		voorBulk(opts.g.stromen)
		e, err := library.New(ctx, library.MetKennisbank(fsys))
		if err != nil {
			return kennisbankLaadFout(opts.g, err)
		}
		domein, err := bulk.Domeincontrole(ctx, e, bulk.DomeinVraag{Datum: opts.datum, Convenanten: opts.convenanten, Doelen: opts.doelen})
		if err != nil {
			return err
		}
		rapport.Bevindingen = append(rapport.Bevindingen, domein.Bevindingen...)
		rapport.Fouten += domein.Fouten
		rapport.Waarschuwingen += domein.Waarschuwingen
	}
	// The library names files inside the knowledge base; show them relative to the working directory.
	for i := range rapport.Bevindingen {
		rapport.Bevindingen[i].Bestand = filepath.Join(map_, filepath.FromSlash(rapport.Bevindingen[i].Bestand))
	}
	if err := toon(opts.g.stromen, opts.formaat, rapport, func() string { return weergave.Controlerapport(rapport) }); err != nil {
		return err
	}
	if rapport.Fouten > 0 {
		return &problemenFout{bericht: fmt.Sprintf("kennisbank %s is ongeldig: %s", map_, weergave.ControleTelling(rapport))}
	}
	return nil
}

// controleerBron gives the knowledge base to check and the folder its files are shown under: the
// path argument, else --kennisbank, else the embedded convenants/.
func controleerBron(opts *controleerOpties) (fs.FS, string, error) {
	if opts.pad == "" {
		fsys, err := werkkopie(opts.g)
		if err != nil || fsys != nil {
			return fsys, opts.g.kennisbank, err
		}
		return convenants.FS, "convenants", nil
	}
	info, err := os.Stat(opts.pad)
	switch {
	case err != nil:
		return nil, "", &invoerFout{veld: "pad", err: fmt.Errorf("%s niet gevonden", opts.pad)}
	case !info.IsDir():
		return nil, "", &invoerFout{veld: "pad", err: fmt.Errorf("%s is geen map", opts.pad)}
	}
	return os.DirFS(opts.pad), opts.pad, nil
}
