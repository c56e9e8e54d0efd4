package library

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

var voorgecompileerdBijwerken = flag.Bool("voorgecompileerd.bijwerken", false, "schrijf voorgecompileerd.json en voorgecompileerd.ast opnieuw uit rules/ (go generate ./library/...)")

// TestVoorgecompileerd: the compiled rules in voorgecompileerd.json are exactly a fresh compile of rules/, the
// embedded binary form is exactly what parsing that text gives (astvorm.go), and the rules New builds from it
// are, rule for rule and expression for expression (text, order, index, generated), the rules/ compiled with
// every stage and check. When a file is stale, run go generate ./library/... again.
func TestVoorgecompileerd(t *testing.T) {
	regels, err := kennisbank.LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	vers, err := schrijfVoorgecompileerd(regels)
	if err != nil {
		t.Fatal(err)
	}
	versAST, err := schrijfASTVoorgecompileerd(vers, regels)
	if err != nil {
		t.Fatal(err)
	}
	if *voorgecompileerdBijwerken {
		if err := os.WriteFile("voorgecompileerd.json", vers, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("voorgecompileerd.ast", versAST, 0o644); err != nil {
			t.Fatal(err)
		}
		voorgecompileerdAST = versAST
	}
	opSchijf, err := os.ReadFile("voorgecompileerd.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(vers, opSchijf) {
		t.Fatal("voorgecompileerd.json komt niet uit de huidige rules/ en deze OPA-versie: go generate ./library/...")
	}
	if !bytes.Equal(versAST, voorgecompileerdAST) {
		t.Fatal("voorgecompileerd.ast komt niet uit voorgecompileerd.json: go generate ./library/...")
	}
	modules, nummers, ok := voorgecompileerdeModules(regels)
	if !ok {
		t.Fatal("de ingebouwde gecompileerde regels zijn onbruikbaar: go generate ./library/...")
	}
	licht, err := compileer(modules, lichtOverslaan)
	if err != nil {
		t.Fatal(err)
	}
	// The shared calls of the form are those zuivereAanroepen finds with the dependency graph, and the graph
	// the engine builds itself is the one the compiler's stage builds, edge for edge.
	nogmaals, _, _ := voorgecompileerdeModules(regels)
	metGraaf, err := compileer(nogmaals, lichtMetGraaf)
	if err != nil {
		t.Fatal(err)
	}
	if want := zuiverNummers(metGraaf, zuivereAanroepen(metGraaf, metGraaf.Graph)); !reflect.DeepEqual(nummers, want) || len(want) == 0 {
		t.Errorf("de gedeelde aanroepen van de gecompileerde vorm verschillen van zuivereAanroepen (%d en %d modules)", len(nummers), len(want))
	}
	if got, want := len(zuiverUit(licht, nummers)), len(zuivereAanroepen(metGraaf, metGraaf.Graph)); got != want {
		t.Errorf("zuiverUit geeft %d aanroepen, zuivereAanroepen %d", got, want)
	}
	if licht.Graph != nil {
		t.Error("New bouwt de afhankelijkheden al in de compile")
	}
	if got, want := afhankelijkheden(bouwGraaf(licht), licht), afhankelijkheden(metGraaf.Graph, metGraaf); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("bouwGraaf geeft %d afhankelijkheden, de compiler %d", len(got), len(want))
	}
	bron, err := parseerRegels(regels)
	if err != nil {
		t.Fatal(err)
	}
	volledig, err := compileer(bron, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(licht.Modules) != len(volledig.Modules) {
		t.Fatalf("%d modules uit de gecompileerde vorm, %d uit rules/", len(licht.Modules), len(volledig.Modules))
	}
	for pad, m := range volledig.Modules {
		want, got := regelsAlsTekst(m), regelsAlsTekst(licht.Modules[pad])
		if got != want {
			t.Errorf("%s: de regels uit voorgecompileerd.json verschillen van rules/ gecompileerd (eerste verschil op regel %d)", pad, eersteVerschil(want, got))
		}
	}
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !e.voorgecompileerd {
		t.Error("New gebruikt de gecompileerde vorm van de ingebouwde regels niet")
	}
}

// TestVoorgecompileerdAlleenVoorDeEigenRegels: a compiled form is used only for the rules and OPA version
// it was compiled from, and only when it parses; otherwise (a changed file, one file more or less, a broken
// text) New compiles the rules themselves.
func TestVoorgecompileerdAlleenVoorDeEigenRegels(t *testing.T) {
	regels, err := kennisbank.LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	gewijzigd := func(f func(map[string][]byte)) map[string][]byte {
		kopie := make(map[string][]byte, len(regels))
		for p, b := range regels {
			kopie[p] = b
		}
		f(kopie)
		return kopie
	}
	for naam, r := range map[string]map[string][]byte{
		"gewijzigd": gewijzigd(func(m map[string][]byte) {
			m["datum/datum.rego"] = append([]byte("# ander\n"), m["datum/datum.rego"]...)
		}),
		"een minder": gewijzigd(func(m map[string][]byte) { delete(m, "lint/lint.rego") }),
		"een erbij":  gewijzigd(func(m map[string][]byte) { m["extra.rego"] = []byte("package extra\n") }),
	} {
		if _, _, ok := voorgecompileerdeModules(r); ok {
			t.Errorf("%s: de gecompileerde vorm is gebruikt", naam)
		}
	}
	if _, _, ok := voorgecompileerdeModules(regels); !ok {
		t.Error("de eigen regels: de gecompileerde vorm is niet gebruikt")
	}
	// A compiled form for these rules that does not read is not used either: cut short, another form, or the
	// fingerprint of other rules.
	kapot := map[string][]byte{"afgebroken": voorgecompileerdAST[:len(voorgecompileerdAST)-1]}
	for naam, i := range map[string]int{"andere vorm": 0, "andere regels": len(astMagie) + 1} {
		kapot[naam] = bytes.Clone(voorgecompileerdAST)
		kapot[naam][i]++
	}
	for naam, vorm := range kapot {
		if _, _, ok := modulesUitVorm(vorm, regels); ok {
			t.Errorf("%s: de gecompileerde vorm is gebruikt", naam)
		}
	}
	if _, _, ok := modulesUitVorm(voorgecompileerdAST, regels); !ok {
		t.Error("de eigen regels: modulesUitVorm gebruikt de gecompileerde vorm niet")
	}
}

// afhankelijkheden lists every edge of g between the rules of c, each rule named by its place.
func afhankelijkheden(g *ast.Graph, c *ast.Compiler) []string {
	var uit []string
	for _, m := range c.Modules {
		ast.WalkRules(m, func(r *ast.Rule) bool {
			for d := range g.Dependencies(r) {
				if dr, ok := d.(*ast.Rule); ok {
					uit = append(uit, r.Location.String()+" -> "+dr.Location.String())
				}
			}
			return false
		})
	}
	slices.Sort(uit)
	return uit
}

// regelsAlsTekst is module m as text without its METADATA (moduleTekst), with the index and generated flag of
// every expression.
func regelsAlsTekst(m *ast.Module) string {
	var b strings.Builder
	b.WriteString(moduleTekst(m))
	ast.WalkExprs(m, func(x *ast.Expr) bool {
		fmt.Fprintf(&b, "\n%d %v %s", x.Index, x.Generated, x)
		return false
	})
	return b.String()
}
