package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// standaardScenarios is where magikdelen test looks when no path is given.
const standaardScenarios = "testdata/scenarios"

// testOpties are the options of magikdelen test.
type testOpties struct {
	g       *globaleOpties
	paden   []string
	formaat formaat
	junit   string
}

func newTestCmd(g *globaleOpties) *cobra.Command {
	opts := &testOpties{g: g}
	cmd := &cobra.Command{
		Use:   "test [pad ...]",
		Short: "Toets scenariobestanden en de controles van de vraagbaak aan de regels",
		Long: `Voert scenariobestanden uit: elk bestand is een vraag met het verwachte antwoord (contract §5).
Het oordeel moet precies kloppen en elke genoemde voorwaarde moet in het antwoord staan; een andere
zekerheid wordt gemeld maar laat de test niet mislukken. Een pad is een bestand of een map (alle
.json-bestanden daarin). Zonder pad: de scenario's in ` + standaardScenarios + ` (als die map er is)
én de controles van de vraagbaak (vraagbaak/*.md van de kennisbank, of van de werkkopie met
--kennisbank): elk gepubliceerd antwoord wordt zo opnieuw aan de regels getoetst.

Exitcode 0 als alles slaagt, 1 als een scenario mislukt, 2 bij verkeerd gebruik.`,
		Example: `  magikdelen test
  magikdelen test testdata/scenarios/ZVH-01.json
  magikdelen test mijn-scenarios --kennisbank werkkopie/convenants --junit rapport.xml`,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paden = args
			return runTest(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	cmd.Flags().StringVar(&opts.junit, "junit", "", "schrijf ook een JUnit-XML-rapport naar dit `bestand` (voor CI-systemen)")
	return cmd
}

// runTest runs the scenario files and writes the report.
func runTest(ctx context.Context, opts *testOpties) error {
	paden := opts.paden
	// Without paths: the default scenarios (when run from the repository) and the checks of the vraagbaak.
	metVraagbaak := len(paden) == 0
	if len(paden) == 0 {
		if _, err := os.Stat(standaardScenarios); err == nil {
			paden = []string{standaardScenarios}
		}
	}
	engine, err := laadEngine(ctx, opts.g)
	if err != nil {
		return err
	}
	var rapport library.Testrapport
	for _, pad := range paden {
		r, err := toetsPad(ctx, engine, pad)
		if err != nil {
			return err
		}
		rapport.Uitslagen = append(rapport.Uitslagen, r.Uitslagen...)
		rapport.Geslaagd += r.Geslaagd
		rapport.Mislukt += r.Mislukt
	}
	if metVraagbaak {
		r := library.ToetsVraagbaak(ctx, engine)
		if err := ctx.Err(); err != nil {
			return err
		}
		map_ := opts.g.kennisbank
		if map_ == "" {
			map_ = "convenants"
		}
		for _, u := range r.Uitslagen {
			u.Bestand = filepath.Join(map_, filepath.FromSlash(u.Bestand))
			rapport.Uitslagen = append(rapport.Uitslagen, u)
		}
		rapport.Geslaagd += r.Geslaagd
		rapport.Mislukt += r.Mislukt
	}
	if len(rapport.Uitslagen) == 0 {
		if len(paden) == 0 {
			return &invoerFout{veld: "pad", err: fmt.Errorf("geen scenario's: %s bestaat niet en de vraagbaak heeft geen controles", standaardScenarios)}
		}
		return &invoerFout{veld: "pad", err: fmt.Errorf("geen scenariobestanden (*.json) gevonden in %s", strings.Join(paden, ", "))}
	}
	if opts.junit != "" {
		if err := schrijfJUnit(opts.junit, rapport); err != nil {
			return err
		}
	}
	if err := toon(opts.g.stromen, opts.formaat, rapport, func() string { return testrapportMarkdown(rapport) }); err != nil {
		return err
	}
	if rapport.Mislukt > 0 {
		return &problemenFout{bericht: fmt.Sprintf("%d van %d scenario's mislukt", rapport.Mislukt, len(rapport.Uitslagen))}
	}
	return nil
}

// toetsPad runs one file, or every scenario file in one folder; paths in the report are as given.
func toetsPad(ctx context.Context, engine *library.Engine, pad string) (library.Testrapport, error) {
	info, err := os.Stat(pad)
	if err != nil {
		return library.Testrapport{}, &invoerFout{veld: "pad", err: fmt.Errorf("%s niet gevonden", pad)}
	}
	map_, bestanden := pad, []string(nil)
	if !info.IsDir() {
		map_, bestanden = filepath.Dir(pad), []string{filepath.Base(pad)}
	}
	r, err := engine.ToetsScenarios(ctx, os.DirFS(map_), bestanden...)
	if err != nil {
		return r, err
	}
	for i := range r.Uitslagen {
		r.Uitslagen[i].Bestand = filepath.Join(map_, filepath.FromSlash(r.Uitslagen[i].Bestand))
	}
	return r, nil
}

func testrapportMarkdown(r library.Testrapport) string {
	var b strings.Builder
	b.WriteString("# Scenariotest\n\n")
	for _, u := range r.Uitslagen {
		teken := "✓"
		if !u.Geslaagd {
			teken = "✗"
		}
		fmt.Fprintf(&b, "- %s **%s** (`%s`): %s\n", teken, esc(u.ID), u.Bestand, uitslagTekst(u))
		for _, v := range u.Verschillen {
			fmt.Fprintf(&b, "  - %s\n", esc(v))
		}
		for _, o := range u.Opmerkingen {
			fmt.Fprintf(&b, "  - opmerking: %s\n", esc(o))
		}
	}
	fmt.Fprintf(&b, "\n%d geslaagd, %d mislukt\n", r.Geslaagd, r.Mislukt)
	return b.String()
}

func uitslagTekst(u library.Uitslag) string {
	if u.Oordeel == "" {
		return "niet uitgevoerd"
	}
	return string(u.Oordeel)
}

// JUnit XML, the shape CI systems read.
type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Naam     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Naam    string        `xml:"name,attr"`
	Klasse  string        `xml:"classname,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Bericht string `xml:"message,attr"`
	Tekst   string `xml:",chardata"`
}

func schrijfJUnit(pad string, r library.Testrapport) error {
	suite := junitSuite{Naam: "magikdelen scenario's", Tests: len(r.Uitslagen), Failures: r.Mislukt}
	for _, u := range r.Uitslagen {
		c := junitCase{Naam: u.ID, Klasse: filepath.ToSlash(u.Bestand)}
		if !u.Geslaagd {
			c.Failure = &junitFailure{Bericht: strings.Join(u.Verschillen, "; "), Tekst: strings.Join(append(u.Verschillen, u.Opmerkingen...), "\n")}
		}
		suite.Cases = append(suite.Cases, c)
	}
	inhoud, err := xml.MarshalIndent(suite, "", "  ")
	if err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	if err := os.WriteFile(pad, append([]byte(xml.Header), append(inhoud, '\n')...), 0o644); err != nil {
		return &invoerFout{veld: "--junit", err: err}
	}
	return nil
}
