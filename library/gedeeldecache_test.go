package library

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestZuivereAanroepen: a call is shared only when the function, and everything it depends on, reads
// nothing but its arguments and the knowledge base: not the input (also not through another rule or
// function), not under `with`, and no built-in that is not deterministic or has an effect.
func TestZuivereAanroepen(t *testing.T) {
	const kop = "package magikdelen.p\n\nimport data.kennisbank as kb\n\n"
	for _, tc := range []struct {
		naam     string
		regels   string
		verwacht bool // the call of f in uitkomst is shared
	}{
		{"alleen argumenten", "f(x) := x + 1", true},
		{"de kennisbank", "f(x) := kb.routes[x]", true},
		{"via een zuivere functie", "f(x) := g(x)\n\ng(x) := kb.a[x]", true},
		{"via een regel over de kennisbank", "f(x) := x in t\n\nt := {y | some y in kb.b}", true},
		{"de input", "f(x) := input.a[x]", false},
		{"via een functie die de input leest", "f(x) := g(x)\n\ng(x) := input.a[x]", false},
		{"via een regel die de input leest", "f(x) := x in t\n\nt := {y | some y in input.b}", false},
		{"de input in een comprehension", "f(x) := [y | some y in input.b; y > x]", false},
		{"with", "f(x) := y if y := g(x) with data.kennisbank.a as {}\n\ng(x) := kb.a[x]", false},
		{"de klok", "f(x) := time.now_ns() + x", false},
		{"toeval", `f(x) := rand.intn("a", x)`, false},
		{"print", "f(x) := x if print(x)", false},
		{"een tweede definitie die de input leest", "f(x) := x if x > 1\n\nf(x) := input.a if x <= 1", false},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			// With print statements kept (a compiler without them drops them).
			c, err := ast.CompileModulesWithOpt(map[string]string{"p.rego": kop + tc.regels + "\n\nuitkomst := f(1)\n\nnog := [f(2)]\n"},
				ast.CompileOpts{EnablePrintStatements: true, ParserOptions: ast.ParserOptions{RegoVersion: ast.RegoV1}})
			if err != nil {
				t.Fatalf("compileer: %v", err)
			}
			z := zuivereAanroepen(c, c.Graph)
			ref := ast.MustParseRef("data.magikdelen.p.f")
			n := 0
			for op := range z {
				if op.Value.Compare(ref) == 0 {
					n++
				}
			}
			// f is called in uitkomst and in nog: both call sites, or neither.
			if (n == 2) != tc.verwacht || (n != 0 && n != 2) {
				t.Errorf("%d van de 2 aanroepen van f gedeeld, verwacht gedeeld: %v (%v)", n, tc.verwacht, z)
			}
		})
	}
}

// TestIngebouwdeRoutesGedeeld: in the built-in rules the route candidates of a layer, those that fit a
// recipient, the selectors, the independent statutory routes and the covenant's participants on a date are
// computed from their arguments only (rules/routes: kandidaten_op, naar_klasse_op, selectie_past;
// rules/kader: zelfstandige_routes_op, deelnemers_op), so that a question's alternatives, the trials of its
// open facts and later questions with the same sender, purpose and date share them. It fails when one of them (or a rule it
// depends on) reads the question itself again: the answers stay the same, but open facts and answers in
// one engine get a third to a fifth slower (README, performance).
func TestIngebouwdeRoutesGedeeld(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	z := zuivereAanroepen(e.compiler, e.graaf())
	for _, f := range []string{"routes.kandidaten_op", "routes.naar_klasse_op", "routes.selectie_past", "kader.zelfstandige_routes_op", "kader.deelnemers_op"} {
		ref := ast.MustParseRef("data.magikdelen." + f)
		n := 0
		for op := range z {
			if op.Value.Compare(ref) == 0 {
				n++
			}
		}
		if n == 0 {
			t.Errorf("geen aanroep van %s gedeeld: leest zij (of een regel waar zij van afhangt) de vraag?", f)
		}
	}
}

// TestGedeeldeCacheZelfdeAntwoorden: with shared calls, every answer, every list of open facts and the
// matrix of every covenant is the same as without. The engine with sharing answers the questions of
// vergelijkVragen twice, the second time in reverse order (every shareable call is then known from other
// questions), and is compared each time with an engine that shares nothing.
func TestGedeeldeCacheZelfdeAntwoorden(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	met, zonder := tweeEngines(t, func(e *Engine) { e.gedeeld = nil })
	if met.gedeeld == nil || len(met.gedeeld.zuiver) == 0 {
		t.Fatal("de ingebouwde regels hebben geen gedeelde aanroepen")
	}
	vragen := vergelijkVragen(t, met)
	for ronde := range 2 {
		if ronde == 1 {
			slices.Reverse(vragen)
		}
		for i, v := range vragen {
			a, errMet := met.Beantwoord(ctx, v)
			b, errZonder := zonder.Beantwoord(ctx, v)
			if (errMet == nil) != (errZonder == nil) {
				t.Fatalf("ronde %d, %v: fout %v tegen %v", ronde, v, errMet, errZonder)
			}
			if errMet == nil && jsonVan(t, a) != jsonVan(t, b) {
				t.Errorf("ronde %d, %s → %v %v %s: antwoord verschilt met gedeelde aanroepen", ronde, v.Van, v.Naar, v.Gegevens, v.Doel)
			}
			if i%5 != ronde || errMet != nil {
				continue // the open facts of every fifth question, others in the second round
			}
			oa, err1 := met.OpenFeiten(ctx, v)
			ob, err2 := zonder.OpenFeiten(ctx, v)
			if err1 != nil || err2 != nil || jsonVan(t, oa) != jsonVan(t, ob) {
				t.Errorf("ronde %d, %s → %v %v %s: open feiten verschillen (%v, %v)", ronde, v.Van, v.Naar, v.Gegevens, v.Doel, err1, err2)
			}
		}
	}
	met.gedeeld.mu.RLock()
	aantal := met.gedeeld.aantal.Load()
	met.gedeeld.mu.RUnlock()
	if aantal == 0 {
		t.Error("geen enkele aanroep gedeeld")
	}
	t.Logf("%d vragen twee keer, %d gedeelde aanroepen", len(vragen), aantal)
}

func jsonVan(t *testing.T, x any) string {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGedeeldeCacheAlleenNaGoedeEvaluatie: values are shared only from an evaluation that ended without
// error (here a conflict of two definitions, after the call of f was evaluated), and at most maxGedeeld: a
// full cache starts empty again with the new value.
func TestGedeeldeCacheAlleenNaGoedeEvaluatie(t *testing.T) {
	ctx := context.Background()
	c, err := ast.CompileModulesWithOpt(map[string]string{"p.rego": "package p\n\nf(x) := x + 1\n\nuit := f(input.x)\n\nuit := 0 if input.fout\n"},
		ast.CompileOpts{ParserOptions: ast.ParserOptions{RegoVersion: ast.RegoV1}})
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{gedeeld: nieuweGedeeldeCache(zuivereAanroepen(c, c.Graph))}
	if e.gedeeld == nil || len(e.gedeeld.zuiver) != 1 {
		t.Fatal("de aanroep van f wordt niet gedeeld")
	}
	pq, err := rego.New(rego.Compiler(c), rego.Query("data.p.uit")).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.evalueerQuery(ctx, pq, true, rego.EvalInput(map[string]any{"x": 1, "fout": true})); err == nil {
		t.Fatal("geen fout bij twee waarden voor uit")
	}
	if e.gedeeld.aantal.Load() != 0 {
		t.Fatalf("%d waarden gedeeld uit een evaluatie met een fout", e.gedeeld.aantal.Load())
	}
	rs, err := e.evalueerQuery(ctx, pq, true, rego.EvalInput(map[string]any{"x": 1}))
	if err != nil || len(rs) != 1 || e.gedeeld.aantal.Load() != 1 {
		t.Fatalf("%v, %v: %d waarden gedeeld", rs, err, e.gedeeld.aantal.Load())
	}
	// Once known, the value comes from the shared cache: the same result.
	rs2, err := e.evalueerQuery(ctx, pq, true, rego.EvalInput(map[string]any{"x": 1}))
	if err != nil || !reflect.DeepEqual(rs, rs2) {
		t.Fatalf("tweede keer: %v, %v", rs2, err)
	}
	// And it is read from there: a value planted in the shared cache is what the next evaluation gives.
	e.gedeeld.mu.Lock()
	for _, r := range e.gedeeld.waarden {
		r.waarde = ast.IntNumberTerm(99)
	}
	e.gedeeld.mu.Unlock()
	rs3, err := e.evalueerQuery(ctx, pq, true, rego.EvalInput(map[string]any{"x": 1}))
	if err != nil || len(rs3) != 1 || fmt.Sprint(rs3[0].Expressions[0].Value) != "99" {
		t.Fatalf("de gedeelde waarde wordt niet gelezen: %v, %v", rs3, err)
	}
	e.gedeeld.aantal.Store(maxGedeeld)
	if _, err := e.evalueerQuery(ctx, pq, true, rego.EvalInput(map[string]any{"x": 2})); err != nil {
		t.Fatal(err)
	}
	e.gedeeld.mu.RLock()
	defer e.gedeeld.mu.RUnlock()
	if len(e.gedeeld.waarden) != 1 || e.gedeeld.aantal.Load() != 1 {
		t.Fatalf("na een volle cache %d waarden (aantal %d), verwacht alleen de nieuwe", len(e.gedeeld.waarden), e.gedeeld.aantal.Load())
	}
	for _, r := range e.gedeeld.waarden {
		if fmt.Sprint(r.waarde) != "3" {
			t.Fatalf("na een volle cache staat f = %v erin, verwacht de nieuwe waarde f(2) = 3", r.waarde)
		}
	}
}

// TestGedeeldeCacheNietOnderWith: under `with` (here the knowledge base replaced) a call does not take the
// shared value, nor does it share its own.
func TestGedeeldeCacheNietOnderWith(t *testing.T) {
	ctx := context.Background()
	c, err := ast.CompileModulesWithOpt(map[string]string{"p.rego": `package p

f(x) := data.kennisbank.a[x]

uit := f(0)

gemockt := y if {
	y := f(0) with data.kennisbank.a as ["mock"]
}
`}, ast.CompileOpts{ParserOptions: ast.ParserOptions{RegoVersion: ast.RegoV1}})
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{gedeeld: nieuweGedeeldeCache(zuivereAanroepen(c, c.Graph))}
	if e.gedeeld == nil || len(e.gedeeld.zuiver) != 2 {
		t.Fatalf("gedeelde aanroepen: %v", e.gedeeld)
	}
	store := inmem.NewFromObject(map[string]any{"kennisbank": map[string]any{"a": []any{"echt"}}})
	eval := func(q string) any {
		t.Helper()
		pq, err := rego.New(rego.Compiler(c), rego.Store(store), rego.Query(q)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := e.evalueerQuery(ctx, pq, true)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v %v", q, rs, err)
		}
		return rs[0].Expressions[0].Value
	}
	if got := eval("data.p.uit"); got != "echt" {
		t.Fatalf("uit = %v", got)
	}
	if got := eval("data.p.gemockt"); got != "mock" {
		t.Fatalf("onder with: %v, verwacht mock", got)
	}
	if got := eval("data.p.uit"); got != "echt" {
		t.Fatalf("na with: %v", got)
	}
}

// TestEvalueerVoegtNietsToe: the bulk decisions (Evalueer) read the shared calls but add none (their
// arguments are whole rows and blocks of cells); a question's answer adds.
func TestEvalueerVoegtNietsToe(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.kb.Controleer(kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01"}, e.klok())
	if err != nil {
		t.Fatal(err)
	}
	invoer, err := vraagAlsInvoer(v)
	if err != nil {
		t.Fatal(err)
	}
	aantal := func() int {
		e.gedeeld.mu.RLock()
		defer e.gedeeld.mu.RUnlock()
		return int(e.gedeeld.aantal.Load())
	}
	if _, ok, err := e.Evalueer(ctx, "data.magikdelen.matrix", invoer); err != nil || !ok {
		t.Fatalf("matrix: %v %v", ok, err)
	}
	if n := aantal(); n != 0 {
		t.Fatalf("Evalueer deelde %d aanroepen", n)
	}
	if _, err := e.Beantwoord(ctx, v); err != nil {
		t.Fatal(err)
	}
	if aantal() == 0 {
		t.Fatal("een antwoord deelde niets")
	}
}
