package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// versieOpties are the options of magikdelen versie (and of magikdelen --version).
type versieOpties struct {
	g       *globaleOpties
	formaat formaat
}

// versies are the program and knowledge-base versions; the JSON of magikdelen versie --formaat json.
type versies struct {
	Programma  string `json:"programma"`           // the module version, or "ontwikkelversie"
	Commit     string `json:"commit,omitempty"`    // the VCS revision the binary was built from
	Gewijzigd  bool   `json:"gewijzigd,omitempty"` // built from a working tree with uncommitted changes
	Kennisbank string `json:"kennisbank"`          // the content hash of rules and knowledge base, as in every answer
	Werkkopie  string `json:"werkkopie,omitempty"` // the folder of --kennisbank, if given
	Go         string `json:"go"`                  // the Go version it was built with
}

func newVersieCmd(g *globaleOpties) *cobra.Command {
	opts := &versieOpties{g: g}
	cmd := &cobra.Command{
		Use:     "versie",
		Aliases: []string{"version"},
		Short:   "Toon de versie van magikdelen en van de kennisbank",
		Long: `Toont de versie van het programma (met de commit waaruit het is gebouwd, als die bekend is) en de
versie van de kennisbank: de inhoudshash van de regels en de convenantgegevens die ook onder elk antwoord
staat. Met --kennisbank de versie van die werkkopie. Hetzelfde als magikdelen --version.`,
		Example: `  magikdelen versie
  magikdelen --version
  magikdelen versie --kennisbank werkkopie/convenants --formaat json`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runVersie(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	return cmd
}

// runVersie writes the versions.
func runVersie(_ context.Context, opts *versieOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	v := bouwVersies()
	v.Kennisbank, v.Werkkopie = kb.Versie(), opts.g.kennisbank
	s := opts.g.stromen
	if kiesFormaat(opts.formaat, s) == formaatJSON {
		return schrijfJSON(s.Out, v)
	}
	// Two plain lines in every other format: easy to read and to paste into a message.
	_, err = fmt.Fprint(s.Out, versieTekst(v))
	return err
}

// versieTekst is "magikdelen <versie> (commit …)" and "kennisbank sha256:…".
func versieTekst(v versies) string {
	var b strings.Builder
	fmt.Fprintf(&b, "magikdelen %s", v.Programma)
	if v.Commit != "" {
		commit := v.Commit[:min(len(v.Commit), 12)]
		if v.Gewijzigd {
			commit += ", met niet-vastgelegde wijzigingen"
		}
		fmt.Fprintf(&b, " (commit %s)", commit)
	}
	fmt.Fprintf(&b, ", gebouwd met %s\nkennisbank %s", v.Go, v.Kennisbank)
	if v.Werkkopie != "" {
		fmt.Fprintf(&b, " (werkkopie %s)", v.Werkkopie)
	}
	b.WriteString("\n")
	return b.String()
}

// bouwVersies reads the version of the binary from its build information.
func bouwVersies() versies {
	v := versies{Programma: "ontwikkelversie"}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Go = info.GoVersion
	if m := info.Main.Version; m != "" && m != "(devel)" {
		v.Programma = m
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.modified":
			v.Gewijzigd = s.Value == "true"
		}
	}
	return v
}
