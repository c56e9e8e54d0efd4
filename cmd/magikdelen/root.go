package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// globaleOpties are the options every command shares.
type globaleOpties struct {
	stromen      stromen
	nieuweEngine engineBouwer // library.New unless a test shares an engine
	kennisbank   string       // folder of a working copy of convenants/; empty for the embedded one
}

// engelseVlaggen are the English aliases of the Dutch flag names.
var engelseVlaggen = map[string]string{
	"format":         "formaat",
	"input":          "invoer",
	"knowledge-base": "kennisbank",
	"from":           "van",
	"to":             "naar",
	"data":           "gegevens",
	"purpose":        "doel",
	"covenant":       "convenant",
	"edition":        "editie",
	"access-log":     "toegangslog",
	"phase":          "fase",
	"date":           "datum",
	"fact":           "feit",
	"receipt":        "bon",
	"output":         "uitvoer",
	"rules":          "regels",
	"strict":         "streng",
}

// newRootCmd builds the magikdelen command with all its subcommands.
func newRootCmd(g *globaleOpties) *cobra.Command {
	return rootMet(g, newVraagCmd(g, nil), newConvenantenCmd(g), newBegrippenCmd(g), newControleerCmd(g), newTestCmd(g), newBundelCmd(g), newServeerCmd(g), newHandreikingCmd(g), newVraagbaakCmd(g), newMatrixCmd(g), newVerschilCmd(g), newVersieCmd(g))
}

// rootMet builds the root command around the given subcommands (tests pass their own).
func rootMet(g *globaleOpties, subs ...*cobra.Command) *cobra.Command {
	root := &cobra.Command{
		Use:   "magikdelen",
		Short: "Mag ik dit delen? Gegevensdeling in zorg en veiligheid, getoetst aan wet en convenant",
		Long: `magikdelen beantwoordt de vraag "mag ik dit delen?" voor professionals in zorg en veiligheid:
mag partij A gegevens van categorie X delen met partij B voor doel Y, op welke grondslag, onder welk
convenant en onder welke voorwaarden. Het antwoord is een hulpmiddel, geen juridisch advies: leg twijfel
voor aan de functionaris gegevensbescherming (FG) of privacy officer van uw organisatie.

Uitkomsten gaan naar standaarduitvoer, meldingen naar standaardfout. Exitcodes: 0 beantwoord of gelukt,
1 problemen gevonden (controle of scenariotest mislukt), 2 verkeerd gebruik of ongeldige invoer, 3 interne fout.`,
		Example: `  magikdelen vraag --van wijkteam --naar zvh_procesregisseur --gegevens identificerend,signaal \
                   --doel zvh_aanmelding --convenant zvht --feit inclusiecriteria=true
  magikdelen vraag --invoer vraag.json --formaat json
  magikdelen convenanten zvht`,
		SilenceUsage:          true,
		SilenceErrors:         true,
		DisableFlagsInUseLine: true,
		CompletionOptions:     cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	versie := root.Flags().Bool("version", false, "toon de versie van magikdelen en van de kennisbank (zoals magikdelen versie)")
	root.RunE = func(c *cobra.Command, _ []string) error {
		if *versie {
			return runVersie(c.Context(), &versieOpties{g: g})
		}
		return c.Help()
	}
	s := g.stromen
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(vlagFout)
	root.SetUsageFunc(gebruik)
	root.SetGlobalNormalizationFunc(engelseNamen)
	root.PersistentFlags().BoolP("help", "h", false, "toon de hulp bij dit commando")
	root.PersistentFlags().StringVar(&g.kennisbank, "kennisbank", "", "gebruik de kennisbank in deze `map` (een werkkopie van convenants/) in plaats van de ingebouwde")
	root.SetHelpCommand(newHulpCmd())
	root.AddCommand(subs...)
	return root
}

// engelseNamen maps the English flag names onto the Dutch ones.
func engelseNamen(_ *pflag.FlagSet, naam string) pflag.NormalizedName {
	if nl, ok := engelseVlaggen[naam]; ok {
		return pflag.NormalizedName(nl)
	}
	return pflag.NormalizedName(naam)
}

// newHulpCmd is the Dutch help command, "help" with alias "hulp".
func newHulpCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "help [commando]",
		Aliases:               []string{"hulp"},
		Short:                 "Toon de hulp bij een commando",
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return &gebruiksFout{bericht: fmt.Sprintf("geen hulp over %q", strings.Join(args, " ")), cmd: c.Root()}
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// gebruik writes the Dutch usage of a command (cobra's usage template, translated).
func gebruik(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Gebruik:\n")
	if c.Runnable() {
		fmt.Fprintf(&b, "  %s\n", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "  %s [commando]\n", c.CommandPath())
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\nOok als:\n  %s\n", c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\nVoorbeelden:\n%s\n", c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\nCommando's:\n")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				naam := sub.Name()
				if len(sub.Aliases) > 0 {
					naam += " (" + strings.Join(sub.Aliases, ", ") + ")"
				}
				fmt.Fprintf(&b, "  %-26s %s\n", naam, sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\nOpties:\n%s", c.LocalFlags().FlagUsages())
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\nAlgemene opties:\n%s", c.InheritedFlags().FlagUsages())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\nGebruik \"%s [commando] --help\" voor meer over een commando.\n", c.CommandPath())
	}
	_, err := fmt.Fprint(c.OutOrStderr(), b.String())
	return err
}

// laadEngine loads the embedded knowledge base, or the working copy given with --kennisbank, and
// compiles the policy.
func laadEngine(ctx context.Context, g *globaleOpties, extra ...library.Optie) (*library.Engine, error) {
	opts := extra
	fsys, err := werkkopie(g)
	if err != nil {
		return nil, err
	}
	if fsys != nil {
		opts = append(opts, library.MetKennisbank(fsys))
	}
	nieuw := g.nieuweEngine
	if nieuw == nil {
		nieuw = library.New
	}
	e, err := nieuw(ctx, opts...)
	if err != nil {
		return nil, kennisbankLaadFout(g, err)
	}
	return e, nil
}

// laadKennisbank loads the knowledge base like laadEngine, without compiling the policy.
func laadKennisbank(g *globaleOpties) (*kennisbank.Kennisbank, error) {
	fsys, err := werkkopie(g)
	if err != nil {
		return nil, err
	}
	if fsys == nil {
		fsys = convenants.FS
	}
	kb, err := kennisbank.LaadKennisbank(fsys)
	if err != nil {
		return nil, kennisbankLaadFout(g, err)
	}
	return kb, nil
}

// werkkopie gives the --kennisbank folder as a file system, or nil for the embedded knowledge base.
func werkkopie(g *globaleOpties) (fs.FS, error) {
	if g.kennisbank == "" {
		return nil, nil
	}
	info, err := os.Stat(g.kennisbank)
	switch {
	case err != nil:
		return nil, &invoerFout{veld: "--kennisbank", err: fmt.Errorf("map %s niet gevonden", g.kennisbank)}
	case !info.IsDir():
		return nil, &invoerFout{veld: "--kennisbank", err: fmt.Errorf("%s is geen map", g.kennisbank)}
	}
	return os.DirFS(g.kennisbank), nil
}

func kennisbankLaadFout(g *globaleOpties, err error) error {
	var kbf kennisbank.KennisbankFouten
	switch {
	case g.kennisbank != "" && errors.As(err, &kbf):
		return &kennisbankFout{pad: g.kennisbank, fouten: kbf}
	case g.kennisbank != "" && errors.Is(err, fs.ErrNotExist):
		return &invoerFout{veld: "--kennisbank", err: fmt.Errorf("%s is geen werkkopie van de kennisbank: %w", g.kennisbank, err)}
	}
	return fmt.Errorf("laad kennisbank: %w", err)
}
