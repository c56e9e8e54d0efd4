package library

import (
	"encoding/json"
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

// tekstModules are the compiled rules as New read them before the binary form: parsed from their Rego text
// in voorgecompileerd.json, with the generated expressions marked; and the fingerprint of their rules.
func tekstModules(t testing.TB) (string, []*ast.Module) {
	t.Helper()
	regels, err := kennisbank.LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	tekst, err := os.ReadFile("voorgecompileerd.json")
	if err != nil {
		t.Fatal(err)
	}
	var v voorgecompileerd
	if err := json.Unmarshal(tekst, &v); err != nil {
		t.Fatal(err)
	}
	modules, err := modulesUitTekst(&v, regels)
	if err != nil {
		t.Fatalf("voorgecompileerd.json: %v (go generate ./library/...)", err)
	}
	return v.Bron, modules
}

// knopen lists every node of m as a line: its type, its text, its place, and for an expression its index
// and whether it was generated; for a rule whether it is a default and which module it names.
func knopen(m *ast.Module) []string {
	var uit []string
	plek := func(l *ast.Location) string {
		if l == nil {
			return "zonder plek"
		}
		return fmt.Sprintf("%s:%d:%d", l.File, l.Row, l.Col)
	}
	uit = append(uit, fmt.Sprintf("module %v %v", m.RegoVersion(), m.RegoVersionSpan()))
	ast.NewGenericVisitor(func(x any) bool {
		var regel string
		switch n := x.(type) {
		case *ast.Module:
			regel = fmt.Sprintf("module %d imports %d rules", len(n.Imports), len(n.Rules))
		case *ast.Package:
			regel = fmt.Sprintf("package %v %s", n, plek(n.Location))
		case *ast.Import:
			regel = fmt.Sprintf("import %v %s", n, plek(n.Location))
		case *ast.Rule:
			regel = fmt.Sprintf("rule %v default=%v module=%v %s", n, n.Default, n.Module == m, plek(n.Location))
		case *ast.Head:
			regel = fmt.Sprintf("head %v name=%q ref=%v args=%d assign=%v %s", n, n.Name, n.Reference, len(n.Args), n.Assign, plek(n.Location))
		case *ast.Expr:
			regel = fmt.Sprintf("expr %v index=%d generated=%v negated=%v %s", n, n.Index, n.Generated, n.Negated, plek(n.Location))
		case *ast.With:
			regel = fmt.Sprintf("with %v %s", n, plek(n.Location))
		case *ast.SomeDecl:
			regel = fmt.Sprintf("some %v %s", n, plek(n.Location))
		case *ast.Every:
			regel = fmt.Sprintf("every %v %s", n, plek(n.Location))
		case *ast.Term:
			regel = fmt.Sprintf("term %T %v %s", n.Value, n, plek(n.Location))
		default:
			regel = fmt.Sprintf("%T %v", x, x)
		}
		uit = append(uit, regel)
		return false
	}).Walk(m)
	return uit
}

// TestASTVorm: the binary form of the compiled rules gives the modules that parsing their text gives, node
// for node, and New uses it.
func TestASTVorm(t *testing.T) {
	bron, tekst := tekstModules(t)
	zuiver := map[string][]int{tekst[0].Package.Location.File: {1, 5, 300}, tekst[2].Package.Location.File: {0}}
	vorm, err := schrijfASTVorm(bron, tekst, zuiver)
	if err != nil {
		t.Fatal(err)
	}
	gelezenBron, gelezen, gelezenZuiver, err := leesASTVorm(vorm)
	if err != nil {
		t.Fatal(err)
	}
	if gelezenBron != bron {
		t.Errorf("vingerafdruk %q gelezen, %q geschreven", gelezenBron, bron)
	}
	if !reflect.DeepEqual(gelezenZuiver, zuiver) {
		t.Errorf("gedeelde aanroepen %v gelezen, %v geschreven", gelezenZuiver, zuiver)
	}
	if len(gelezen) != len(tekst) {
		t.Fatalf("%d modules gelezen, %d geschreven", len(gelezen), len(tekst))
	}
	for i, m := range tekst {
		want, got := knopen(m), knopen(gelezen[i])
		if !slices.Equal(want, got) {
			j := 0
			for j < min(len(want), len(got)) && want[j] == got[j] {
				j++
			}
			w, g := "(einde)", "(einde)"
			if j < len(want) {
				w = want[j]
			}
			if j < len(got) {
				g = got[j]
			}
			t.Errorf("%s: knoop %d verschilt:\n tekst: %s\n vorm:  %s", m.Package.Location.File, j, w, g)
		}
	}
	if len(knopen(tekst[0])) < 10 || !strings.Contains(strings.Join(knopen(tekst[0]), "\n"), "term ast.Ref") {
		t.Fatal("knopen ziet de termen niet")
	}
}

// FuzzLeesASTVorm: reading a damaged binary form gives modules or an error, never a panic or a hang. (The
// form is not outside input: the embedded one is checked by TestVoorgecompileerd; this guards the reader.)
func FuzzLeesASTVorm(f *testing.F) {
	// Seeds: the smallest compiled modules (the fuzzer mutates a form of 178 kB too slowly to test anything).
	bron, modules := tekstModules(f)
	slices.SortFunc(modules, func(a, b *ast.Module) int { return len(a.String()) - len(b.String()) })
	for _, m := range modules[:3] {
		vorm, err := schrijfASTVorm(bron, []*ast.Module{m}, map[string][]int{m.Package.Location.File: {0, 2}})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(vorm)
	}
	f.Add([]byte(astMagie))
	f.Fuzz(func(t *testing.T, vorm []byte) {
		bron, modules, zuiver, err := leesASTVorm(vorm)
		if err != nil && (bron != "" || modules != nil || zuiver != nil) {
			t.Fatalf("fout %v met een vingerafdruk of modules", err)
		}
	})
}

// BenchmarkLeesASTVorm reads the embedded compiled rules as New reads them (the binary form) and, side by side,
// as New read them before (parsing their Rego text from voorgecompileerd.json).
func BenchmarkLeesASTVorm(b *testing.B) {
	regels, err := kennisbank.LeesRegels(rules.FS)
	if err != nil {
		b.Fatal(err)
	}
	tekst, err := os.ReadFile("voorgecompileerd.json")
	if err != nil {
		b.Fatal(err)
	}
	var v voorgecompileerd
	if err := json.Unmarshal(tekst, &v); err != nil {
		b.Fatal(err)
	}
	b.Run("vorm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, ok := modulesUitVorm(voorgecompileerdAST, regels); !ok {
				b.Fatal("de vorm is onbruikbaar")
			}
		}
	})
	b.Run("tekst", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := modulesUitTekst(&v, regels); err != nil {
				b.Fatal(err)
			}
		}
	})
}
