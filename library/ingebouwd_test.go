package library

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// TestIngebouwdZonderControles: the default engine (pre-validated knowledge base, compiler checks
// skipped) answers every scenario byte for byte like an engine that loads convenants/ in full and
// compiles the same rules with every check.
func TestIngebouwdZonderControles(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	snel, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Wrapped, the file systems are not the embedded ones: everything is loaded and checked.
	volledig, err := New(ctx, MetKennisbank(struct{ fs.FS }{convenants.FS}), MetRegels(struct{ fs.FS }{rules.FS}))
	if err != nil {
		t.Fatal(err)
	}
	if len(volledig.compiler.Errors) > 0 {
		t.Fatal(volledig.compiler.Errors)
	}
	for _, s := range scenarioVragenIntern(t) {
		a, err := snel.Beslis(ctx, s.vraag)
		if err != nil {
			t.Fatal(err)
		}
		b, err := volledig.Beslis(ctx, s.vraag)
		if err != nil {
			t.Fatal(err)
		}
		if a.JSON() != b.JSON() {
			t.Errorf("%s: het antwoord van de ingebouwde engine verschilt van dat met alle controles", s.naam)
		}
	}
}

// TestIngebouwdOngewijzigd: the stages New skips for the embedded rules because they change nothing there
// (ongewijzigdIngebouwd) indeed change nothing: the embedded rules compiled with every stage are the same,
// rule for rule and expression for expression (order and index), as with those stages skipped, each on its
// own and all together; and the compiler indexes none of their comprehensions (the index is kept beside
// the rules, not in them).
func TestIngebouwdOngewijzigd(t *testing.T) {
	regels, err := kennisbank.LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	var volledigeCompiler *ast.Compiler
	compileerTekst := func(overslaan ...ast.StageID) map[string]string {
		t.Helper()
		modules, err := parseerRegels(regels)
		if err != nil {
			t.Fatal(err)
		}
		c, err := compileer(modules, overslaan)
		if err != nil {
			t.Fatal(err)
		}
		if len(overslaan) == 0 {
			volledigeCompiler = c
		}
		uit := make(map[string]string, len(c.Modules))
		for pad, m := range c.Modules {
			uit[pad] = regelsAlsTekst(m)
		}
		return uit
	}
	volledig := compileerTekst()
	if slices.Contains(ongewijzigdIngebouwd, ast.StageBuildComprehensionIndices) {
		for _, m := range volledigeCompiler.Modules {
			ast.WalkTerms(m, func(x *ast.Term) bool {
				if volledigeCompiler.ComprehensionIndex(x) != nil {
					t.Errorf("%v: de compiler indexeert deze comprehension; haal %s uit ongewijzigdIngebouwd of schrijf haar zonder index", x.Location, ast.StageBuildComprehensionIndices)
				}
				return false
			})
		}
	}
	gevallen := map[string][]ast.StageID{"ingebouwdOverslaan": ingebouwdOverslaan}
	for _, s := range ongewijzigdIngebouwd {
		gevallen[string(s)] = []ast.StageID{s}
	}
	for naam, overslaan := range gevallen {
		zonder := compileerTekst(overslaan...)
		for pad, tekst := range volledig {
			if zonder[pad] != tekst {
				t.Errorf("%s overgeslagen: %s is anders gecompileerd dan met elke stap (eerste verschil op regel %d); haal de stap uit ongewijzigdIngebouwd of schrijf de regel in een veilige volgorde", naam, pad, eersteVerschil(tekst, zonder[pad]))
			}
		}
	}
}

// eersteVerschil is the number of the first line where a and b differ.
func eersteVerschil(a, b string) int {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
