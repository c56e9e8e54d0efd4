package main

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// bundelOpties are the options of magikdelen bundel.
type bundelOpties struct {
	g   *globaleOpties
	uit string
}

func newBundelCmd(g *globaleOpties) *cobra.Command {
	opts := &bundelOpties{g: g}
	cmd := &cobra.Command{
		Use:     "bundel -o <bestand>",
		Aliases: []string{"bundle"},
		Short:   "Schrijf de regels en de kennisbank als standaard OPA-bundel",
		Long: `Schrijft de Rego-regels en de kennisbank als een standaard OPA-bundel (tar.gz) met een manifest
waarvan de revisie de kennisbankversie is. Een organisatie die al OPA draait, beantwoordt daarmee
dezelfde vragen: data.magikdelen.antwoord met een vraag van het contract als input geeft hetzelfde
antwoord als "magikdelen vraag --formaat json". De bundel controleert de invoer niet zoals de CLI dat
doet: geef een geldige vraag mee, met een datum.`,
		Example: `  magikdelen bundel -o kennisbank.tar.gz
  opa eval -b kennisbank.tar.gz -i vraag.json data.magikdelen.antwoord
  opa run --server --bundle kennisbank.tar.gz`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBundel(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.uit, "uitvoer", "o", "", "schrijf de bundel naar dit `bestand` (verplicht)")
	return cmd
}

func runBundel(ctx context.Context, opts *bundelOpties) error {
	if opts.uit == "" {
		return &gebruiksFout{bericht: "--uitvoer (-o): geef het bestand voor de bundel op"}
	}
	engine, err := laadEngine(ctx, opts.g)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := engine.SchrijfBundel(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(opts.uit, buf.Bytes(), 0o644); err != nil {
		return &invoerFout{veld: "--uitvoer", err: err}
	}
	fmt.Fprintf(opts.g.stromen.Err, "bundel geschreven: %s (revisie %s)\n", opts.uit, engine.Kennisbank().Versie())
	return nil
}
