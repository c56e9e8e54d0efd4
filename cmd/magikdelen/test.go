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
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// standaardScenarios is where magikdelen test looks when no path is given: the worked questions of the
// client and the questions written from the law texts (one per route and ground, where it must and must
// not carry the answer).
var standaardScenarios = []string{"testdata/scenarios", "testdata/wet"}

// testOpties are the options of magikdelen test.
type testOpties struct {
	g       *globaleOpties
	paden   []string
	formaat formaat
	junit   string
	streng  bool // a warning (another certainty) fails the run too
}

func newTestCmd(g *globaleOpties) *cobra.Command {
	opts := &testOpties{g: g}
	cmd := &cobra.Command{
		Use:   "test [pad ...]",
		Short: "Toets scenariobestanden en de controles van de vraagbaak aan de regels",
		Long: `Voert scenariobestanden uit: elk bestand is een vraag met het verwachte antwoord (contract §5).
Het oordeel moet precies kloppen en elke genoemde voorwaarde moet in het antwoord staan. Een andere
zekerheid dan het scenario noemt is een waarschuwing (⚠, apart geteld); met --streng laat ook die de
test mislukken. Een pad is een bestand of een map (alle
.json-bestanden daarin). Zonder pad: de scenario's in ` + strings.Join(standaardScenarios, " en ") + ` (de mappen die er zijn)
én de controles van de vraagbaak (vraagbaak/*.md van de kennisbank, of van de werkkopie met
--kennisbank): elk gepubliceerd antwoord wordt zo opnieuw aan de regels getoetst.

Exitcode 0 als alles slaagt (ook met waarschuwingen, behalve met --streng), 1 als een scenario mislukt,
2 bij verkeerd gebruik.`,
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
	cmd.Flags().BoolVar(&opts.streng, "streng", false, "een waarschuwing (een andere zekerheid dan verwacht) laat de test ook mislukken; ook --strict")
	return cmd
}

// runTest runs the scenario files and writes the report.
func runTest(ctx context.Context, opts *testOpties) error {
	paden := opts.paden
	// Without paths: the default scenarios (when run from the repository) and the checks of the vraagbaak.
	metVraagbaak := len(paden) == 0
	if len(paden) == 0 {
		for _, p := range standaardScenarios {
			if _, err := os.Stat(p); err == nil {
				paden = append(paden, p)
			}
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
		for _, u := range r.Uitslagen {
			rapport.Uitslagen = append(rapport.Uitslagen, u)
			rapport.Tel(u)
		}
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
			rapport.Tel(u)
		}
	}
	if len(rapport.Uitslagen) == 0 {
		if len(paden) == 0 {
			return &invoerFout{veld: "pad", err: fmt.Errorf("geen scenario's: %s bestaan niet en de vraagbaak heeft geen controles", strings.Join(standaardScenarios, " en "))}
		}
		return &invoerFout{veld: "pad", err: fmt.Errorf("geen scenariobestanden (*.json) gevonden in %s", strings.Join(paden, ", "))}
	}
	if opts.junit != "" {
		if err := schrijfJUnit(opts.junit, rapport, opts.streng); err != nil {
			return err
		}
	}
	if err := toon(opts.g.stromen, opts.formaat, rapport, func() string { return weergave.Testrapport(rapport) }); err != nil {
		return err
	}
	switch {
	case rapport.Mislukt > 0 && opts.streng && rapport.Waarschuwingen > 0:
		return &problemenFout{bericht: fmt.Sprintf("%d van %d scenario's mislukt, %d met een waarschuwing (--streng)", rapport.Mislukt, len(rapport.Uitslagen), rapport.Waarschuwingen)}
	case rapport.Mislukt > 0:
		return &problemenFout{bericht: fmt.Sprintf("%d van %d scenario's mislukt", rapport.Mislukt, len(rapport.Uitslagen))}
	case opts.streng && rapport.Waarschuwingen > 0:
		return &problemenFout{bericht: fmt.Sprintf("%d van %d scenario's met een waarschuwing (--streng)", rapport.Waarschuwingen, len(rapport.Uitslagen))}
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
	Uitvoer string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Bericht string `xml:"message,attr"`
	Tekst   string `xml:",chardata"`
}

// schrijfJUnit writes the report as JUnit XML. A warning goes to the case's system-out, or is a failure
// with streng.
func schrijfJUnit(pad string, r library.Testrapport, streng bool) error {
	suite := junitSuite{Naam: "magikdelen scenario's", Tests: len(r.Uitslagen)}
	for _, u := range r.Uitslagen {
		c := junitCase{Naam: u.ID, Klasse: filepath.ToSlash(u.Bestand)}
		switch {
		case !u.Geslaagd:
			c.Failure = &junitFailure{Bericht: strings.Join(u.Verschillen, "; "), Tekst: strings.Join(append(u.Verschillen, u.Opmerkingen...), "\n")}
		case len(u.Opmerkingen) > 0 && streng:
			c.Failure = &junitFailure{Bericht: "waarschuwing: " + strings.Join(u.Opmerkingen, "; "), Tekst: strings.Join(u.Opmerkingen, "\n")}
		case len(u.Opmerkingen) > 0:
			c.Uitvoer = "waarschuwing: " + strings.Join(u.Opmerkingen, "; ")
		}
		if c.Failure != nil {
			suite.Failures++
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
