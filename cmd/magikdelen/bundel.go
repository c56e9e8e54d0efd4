package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// bundelOpties are the options of magikdelen bundel.
type bundelOpties struct {
	g    *globaleOpties
	uit  string
	uitO string // -o, the contract's name for the same file
}

func newBundelCmd(g *globaleOpties) *cobra.Command {
	opts := &bundelOpties{g: g}
	cmd := &cobra.Command{
		Use:     "bundel -u <bestand>",
		Aliases: []string{"bundle"},
		Short:   "Schrijf de regels en de kennisbank als standaard OPA-bundel",
		Long: `Schrijft de Rego-regels en de kennisbank als een standaard OPA-bundel (tar.gz) met een manifest
waarvan de revisie de kennisbankversie is. Een organisatie die al OPA draait, beantwoordt daarmee
dezelfde vragen: data.magikdelen.antwoord met een vraag van het contract als input geeft hetzelfde
antwoord als "magikdelen vraag --formaat json". De bundel controleert de invoer niet zoals de CLI dat
doet: geef een geldige vraag mee, met een datum.

-u (--uitvoer) is het bestand, zoals bij handreiking en matrix; -o werkt ook, maar betekent in de andere
commando's --formaat en is hier alleen voor wie het zo gewend is.`,
		Example: `  magikdelen bundel -u kennisbank.tar.gz
  opa eval -b kennisbank.tar.gz -i vraag.json data.magikdelen.antwoord
  opa run --server --bundle kennisbank.tar.gz`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBundel(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.uit, "uitvoer", "u", "", "schrijf de bundel naar dit `bestand` (verplicht); ook --output")
	// -o as in the contract (§3: bundel -o <bestand>); not shown, because -o is --formaat everywhere else.
	cmd.Flags().StringVarP(&opts.uitO, "uitvoer-o", "o", "", "")
	_ = cmd.Flags().MarkHidden("uitvoer-o")
	return cmd
}

func runBundel(ctx context.Context, opts *bundelOpties) error {
	if opts.uit == "" {
		opts.uit = opts.uitO
	}
	switch strings.ToLower(opts.uit) {
	case "":
		return &gebruiksFout{bericht: "--uitvoer (-u): geef het bestand voor de bundel op, bijvoorbeeld -u kennisbank.tar.gz"}
	case "tekst", "text", "markdown", "md", "json", "html":
		return &gebruiksFout{bericht: fmt.Sprintf("bundel kent geen formaat %q: de bundel is altijd een tar.gz; geef het bestand op met -u, bijvoorbeeld -u kennisbank.tar.gz", opts.uit)}
	}
	// The file is written under a temporary name and renamed when the bundle is complete: a failed run
	// leaves the file that was there, or none.
	u, err := openUitvoer(opts.uit, nil)
	if err != nil {
		return err
	}
	engine, err := laadEngine(ctx, opts.g)
	if err == nil {
		err = engine.SchrijfBundel(u)
	}
	if err := u.sluit(err); err != nil {
		return err
	}
	fmt.Fprintf(opts.g.stromen.Err, "bundel geschreven: %s (revisie %s)\n", opts.uit, engine.Kennisbank().Versie())
	return nil
}
