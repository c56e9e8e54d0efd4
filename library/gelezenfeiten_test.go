package library

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// vraagModule is the accessor of the facts as the rules have it (rules/vraag), in a small world.
const vraagModule = `package magikdelen.vraag

feiten := object.get(input, "feiten", {})

feit(id) := object.get(feiten, id, null)

datum := input.datum

default z := 0

z := input.z

# tiental reads no input itself: a part of its own (invoerdelen.go), as vraag.peildatum.
tiental := floor(z / 10)
`

// compileerWereld compiles vraagModule (when metVraag) and the given module of data.magikdelen.open with
// every check.
func compileerWereld(t *testing.T, open string, metVraag bool) *ast.Compiler {
	t.Helper()
	modules := map[string]string{"open.rego": open}
	if metVraag {
		modules["vraag.rego"] = vraagModule
	}
	c, err := ast.CompileModulesWithOpt(modules, ast.CompileOpts{ParserOptions: ast.ParserOptions{RegoVersion: ast.RegoV1}})
	if err != nil {
		t.Fatalf("compileer: %v", err)
	}
	return c
}

// TestAlleenViaFeit: the check that lets the open facts skip the trials of facts the outcome does not
// read holds only when every rule the outcome depends on reads facts through vraag.feit.
func TestAlleenViaFeit(t *testing.T) {
	const kop = "package magikdelen.open\n\nimport data.magikdelen.vraag\n\n"
	for _, tc := range []struct {
		naam     string
		regels   string
		metVraag bool
		verwacht bool
	}{
		{"via feit", `uitkomst := {"a": vraag.feit("a"), "d": vraag.datum}`, true, true},
		{"een veld van de vraag", `uitkomst := input.datum`, true, true},
		{"een andere regel die de uitkomst niet leest", "uitkomst := vraag.feit(\"a\")\n\nanders := input.feiten", true, true},
		{"via een hulpregel", "uitkomst := hulp(\"a\")\n\nhulp(f) := vraag.feit(f)", true, true},
		{"input.feiten zelf", `uitkomst := input.feiten.a`, true, false},
		{"de hele input", `uitkomst := object.get(input, "feiten", {})`, true, false},
		{"input met een variabele", `uitkomst := [v | some k; v := input[k]]`, true, false},
		{"vraag.feiten zelf", `uitkomst := vraag.feiten`, true, false},
		{"het pakket vraag met een variabele", `uitkomst := [v | some k; v := data.magikdelen.vraag[k]]`, true, false},
		{"with", "uitkomst := x if x := vraag.feit(\"a\") with data.elders as 1", true, false},
		{"een hulpregel die input.feiten leest", "uitkomst := hulp\n\nhulp := input.feiten", true, false},
		{"zonder vraag.feit", `uitkomst := input.datum`, false, false},
		{"zonder uitkomst", `anders := vraag.feit("a")`, true, false},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			c := compileerWereld(t, kop+tc.regels+"\n", tc.metVraag)
			if got := alleenViaFeit(c, uitkomstRegels(c, c.Graph)); got != tc.verwacht {
				t.Errorf("alleenViaFeit = %v, verwacht %v", got, tc.verwacht)
			}
		})
	}
}

// TestFeitLezer: the tracer notes every fact the rules ask vraag.feit for, also a computed one, and only
// those; a fact that is not a text makes it unsure.
func TestFeitLezer(t *testing.T) {
	const open = `package magikdelen.open

import data.magikdelen.vraag

uitkomst := [vraag.feit("a"), vraag.feit(concat("_", ["b", "c"])), x] if {
	x := vraag.feit("d")
} else := "nooit"

niet_gelezen := vraag.feit("e")

vreemd := vraag.feit(1)
`
	c := compileerWereld(t, open, true)
	ctx := context.Background()
	lees := func(query string) *feitLezer {
		t.Helper()
		pq, err := rego.New(rego.Compiler(c), rego.Query(query)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		l := &feitLezer{feiten: map[string]bool{}}
		if _, err := pq.Eval(ctx, rego.EvalInput(map[string]any{"feiten": map[string]any{"a": true}}), rego.EvalQueryTracer(l)); err != nil {
			t.Fatal(err)
		}
		return l
	}
	l := lees(queryProef)
	if got, verwacht := slices.Sorted(maps.Keys(l.feiten)), []string{"a", "b_c", "d"}; !slices.Equal(got, verwacht) || l.onzeker {
		t.Errorf("gelezen %v (onzeker %v), verwacht %v", got, l.onzeker, verwacht)
	}
	if l := lees("data.magikdelen.open.vreemd"); !l.onzeker {
		t.Error("een feit dat geen tekst is, maakt de lezer niet onzeker")
	}
}

// TestIngebouwdeRegelsLezenFeitenViaFeit: the built-in rules pass the check, so the open facts of the
// web page and the guided mode only try the facts the outcome reads. A rule that reads facts another way
// keeps the answers right but makes every trial run again: this test says so.
func TestIngebouwdeRegelsLezenFeitenViaFeit(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !e.feitenAlleenViaFeit() {
		t.Fatal("de regels waarvan open.uitkomst afhangt, lezen feiten niet alleen via vraag.feit (of gebruiken with): " +
			"de open feiten proberen dan weer elk feit; lees ze via vraag.feit")
	}
}
