package library

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestFeitVolger: the volger notes on each value the facts read while it was worked out, the facts of the
// values it took from the cache, and what values opened inside it and never put read; a value put without
// its own miss, or put twice, counts as having read every fact.
func TestFeitVolger(t *testing.T) {
	ind := nieuweInvoerIndeling(nil, nil, []string{"x", "y", "z"})
	p := ind.feiten
	ref := func(s string) ast.Ref { return ast.MustParseRef(s) }
	regel := func() *cacheRegel { return &cacheRegel{} }
	var termen voorraad[*ast.Term]
	v := &feitVolger{indeling: ind}
	begin := func(s string) { v.begin(ref(s), ref(s).Hash(), &termen) }
	klaar := func(s string) *cacheRegel {
		r := regel()
		v.klaar(r, ref(s), ref(s).Hash())
		return r
	}

	begin("data.a")
	v.lees(p.van("x"))
	begin("data.b")
	v.lees(p.van("y"))
	b := klaar("data.b")
	begin("data.stil") // missed, never put: what it reads counts for what is around it
	v.lees(p.van("z"))
	v.gebruikt(&cacheRegel{gevolgd: true, feiten: p.van("y")})
	a := klaar("data.a")
	if !b.gevolgd || b.feiten != p.van("y") {
		t.Errorf("b: %v %b, verwacht y", b.gevolgd, b.feiten)
	}
	if !a.gevolgd || a.feiten != p.van("x")|p.van("y")|p.van("z") {
		t.Errorf("a: %v %b, verwacht x, y en z", a.gevolgd, a.feiten)
	}
	if len(v.stapel) != 0 {
		t.Errorf("nog open: %v", v.stapel)
	}

	// A value from the cache whose facts are not known makes everything around it unknown.
	begin("data.c")
	v.gebruikt(&cacheRegel{})
	if c := klaar("data.c"); !c.gevolgd || c.feiten&alleFeiten == 0 {
		t.Errorf("c: %v %b, verwacht elk feit", c.gevolgd, c.feiten)
	}
	// Put without its own miss, and put a second time.
	if d := klaar("data.d"); d.gevolgd {
		t.Error("d zonder eigen misser is gevolgd")
	}
	begin("data.e")
	e := klaar("data.e")
	v.klaar(e, ref("data.e"), ref("data.e").Hash())
	if e.gevolgd {
		t.Error("e twee keer gezet is nog gevolgd")
	}

	// vraag.feit(f) is fact f, whatever it read on the way; vraag.feiten is every fact and is never taken.
	feitRef := ast.Ref{ast.NewTerm(refFeit), ast.StringTerm("x")}
	begin("data.f")
	v.begin(feitRef, feitRef.Hash(), &termen)
	begin("data.magikdelen.vraag.feiten")
	feiten := klaar("data.magikdelen.vraag.feiten")
	fx := regel()
	v.klaar(fx, feitRef, feitRef.Hash())
	f := klaar("data.f")
	if feiten.gevolgd {
		t.Error("vraag.feiten is gevolgd")
	}
	if !fx.gevolgd || fx.feiten != p.van("x") || f.feiten != p.van("x") {
		t.Errorf("vraag.feit(x): %b, de regel eromheen %b, verwacht x", fx.feiten, f.feiten)
	}
	onbekend := ast.Ref{ast.NewTerm(refFeit), ast.StringTerm("nergens")}
	v.begin(onbekend, onbekend.Hash(), &termen)
	fo := regel()
	v.klaar(fo, onbekend, onbekend.Hash())
	if fo.feiten&alleFeiten == 0 {
		t.Error("een feit dat de kennisbank niet kent, telt niet als elk feit")
	}
}

// TestFeitPlekken: beyond 63 facts, and for a fact the knowledge base does not know, a value counts as
// having read every fact.
func TestFeitPlekken(t *testing.T) {
	ids := make([]string, 70)
	for i := range ids {
		ids[i] = string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	p := nieuweFeitPlekken(ids)
	if p.van(ids[0]) != 1 || p.van(ids[62]) != 1<<62 || p.van(ids[63]) != alleFeiten || p.van("nergens") != alleFeiten {
		t.Errorf("plekken %b %b %b %b", p.van(ids[0]), p.van(ids[62]), p.van(ids[63]), p.van("nergens"))
	}
}

// TestVeranderdeFeiten and TestZelfdeBehalveFeiten: a trial takes from the basis only when the rest of its
// input is the same, and only values that read none of the facts it changes (changed, added or removed).
func TestVeranderdeFeiten(t *testing.T) {
	p := nieuweFeitPlekken([]string{"x", "y", "z"})
	obj := func(s string) *ast.Term { return ast.MustParseTerm(s) }
	for _, tc := range []struct {
		a, b *ast.Term
		want feitSet
	}{
		{obj(`{"x": 1, "y": "a"}`), obj(`{"x": 1, "y": "a"}`), 0},
		{obj(`{"x": 1, "y": "a"}`), obj(`{"x": 2, "y": "a"}`), p.van("x")},
		{obj(`{"x": 1}`), obj(`{"x": 1, "z": true}`), p.van("z")},
		{obj(`{"x": 1, "y": 2}`), obj(`{"x": 1}`), p.van("y")},
		{nil, obj(`{"y": 1}`), p.van("y")},
		{obj(`{"x": 1}`), obj(`{"nergens": 1, "x": 1}`), alleFeiten},
		{obj(`[1]`), obj(`{}`), alleFeiten},
	} {
		if got := veranderdeFeiten(p, tc.a, tc.b); got != tc.want {
			t.Errorf("%v → %v: %b, verwacht %b", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestZelfdeBehalveFeiten(t *testing.T) {
	v := func(s string) ast.Value { return ast.MustParseTerm(s).Value }
	basis := v(`{"van": "politie", "naar": ["ggz"], "feiten": {"x": 1}}`)
	for _, tc := range []struct {
		invoer string
		want   bool
	}{
		{`{"van": "politie", "naar": ["ggz"], "feiten": {"x": 1}}`, true},
		{`{"van": "politie", "naar": ["ggz"], "feiten": {"x": 2, "y": 3}}`, true},
		{`{"van": "politie", "naar": ["ggz"]}`, true},
		{`{"van": "politie", "naar": ["ggz", "om"], "feiten": {"x": 1}}`, false},
		{`{"van": "politie", "feiten": {"x": 1}}`, false},
		{`{"van": "politie", "naar": ["ggz"], "doel": "d", "feiten": {"x": 1}}`, false},
		{`["politie"]`, false},
	} {
		if got := zelfdeBehalveFeiten(basis, v(tc.invoer)); got != tc.want {
			t.Errorf("%s: %v, verwacht %v", tc.invoer, got, tc.want)
		}
	}
}

// TestFeitVolgerInOPA: evaluated by OPA, every value notes the facts it read, also through a call whose value
// came from the cache (d after b, or b after d); a trial takes from the basis what read no changed fact, works
// out the rest, and gives the outcome a fresh evaluation gives.
func TestFeitVolgerInOPA(t *testing.T) {
	const open = `package magikdelen.open

import data.magikdelen.vraag

uitkomst := {"a": a, "b": b, "d": d, "p": p}

a := vraag.feit("x")

b := h(1)

d := h(1) + 1

h(n) := n + count([1 | vraag.feit("y") == 1])

p := q(2)

q(n) := n * 2
`
	c := compileerWereld(t, open, true)
	ctx := context.Background()
	pq, err := rego.New(rego.Compiler(c), rego.Query(queryProef)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{invoer: nieuweInvoerIndeling(nil, nil, []string{"x", "y"})}
	invoer := ast.MustParseTerm(`{"feiten": {"x": "ja", "y": 1}}`).Value
	_, basisCache, err := e.evalueerGevolgd(ctx, pq, invoer, true)
	if err != nil {
		t.Fatal(err)
	}
	basis := e.proefBasis(basisCache, invoer)
	defer basis.terug()

	x, y := e.invoer.feiten.van("x"), e.invoer.feiten.van("y")
	for s, want := range map[string]feitSet{
		"data.magikdelen.open.a": x, "data.magikdelen.open.b": y, "data.magikdelen.open.d": y,
		"data.magikdelen.open.p": 0, "data.magikdelen.open.uitkomst": x | y,
	} {
		ref := ast.MustParseRef(s)
		r := basisCache.zoek(ref, ref.Hash())
		if r == nil || !r.gevolgd || r.feiten != want {
			t.Errorf("%s: %+v, verwacht feiten %b", s, r, want)
		}
	}

	for _, proef := range []string{
		`{"feiten": {"x": "nee", "y": 1}}`,
		`{"feiten": {"x": "ja", "y": 2}}`,
		`{"feiten": {"x": "ja"}}`,
		`{"feiten": {"x": "ja", "y": 1}, "datum": "2026-01-01"}`,
	} {
		v := ast.MustParseTerm(proef).Value
		rs, cp, err := e.evalueerIn(ctx, basis.proef(v), pq, false, rego.EvalParsedInput(v))
		if err != nil {
			t.Fatal(err)
		}
		vers, err := pq.Eval(ctx, rego.EvalParsedInput(v))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rs[0].Expressions[0].String(), vers[0].Expressions[0].String(); got != want {
			t.Errorf("proef %s: %s, vers %s", proef, got, want)
		}
		// p read no fact: a trial with the same rest of the input takes it from the basis, so OPA does not
		// put it in the trial's own cache.
		pRef := ast.MustParseRef("data.magikdelen.open.p")
		uitBasis := cp.zoek(pRef, pRef.Hash()) == nil
		if wantBasis := zelfdeBehalveFeiten(invoer, v); uitBasis != wantBasis {
			t.Errorf("proef %s: p uit de basis %v, verwacht %v", proef, uitBasis, wantBasis)
		}
		cp.terug()
	}
}

// TestIngebouwdeRegelsTeVolgen: the built-in rules let the volger watch them, so the trials of the open facts
// take from the question what the changed fact does not touch. Otherwise the answers stay right, but every
// trial works everything out again: this test says so.
func TestIngebouwdeRegelsTeVolgen(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !e.feitenTeVolgen() {
		t.Fatal("de regels van open.uitkomst roepen een built-in aan die niet deterministisch is of een effect heeft, " +
			"of de compiler indexeert een comprehension: de proeven van de open feiten rekenen dan alles opnieuw")
	}
}

// TestVolgbaar: a built-in that is not deterministic or has an effect, or a comprehension the compiler
// indexes, keeps the volger out.
func TestVolgbaar(t *testing.T) {
	const kop = "package magikdelen.open\n\nimport data.magikdelen.vraag\n\n"
	for _, tc := range []struct {
		naam, regels string
		verwacht     bool
	}{
		{"via feit", `uitkomst := vraag.feit("a")`, true},
		{"de klok", `uitkomst := [vraag.feit("a"), time.now_ns()]`, false},
		{"toeval", `uitkomst := [vraag.feit("a"), rand.intn("a", 10)]`, false},
		{"een geindexeerde comprehension", "uitkomst := [n | some x in input.lijst; n := count([y | some y in input.lijst; y == x])]", false},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			c := compileerWereld(t, kop+tc.regels+"\n", true)
			if got := volgbaar(c, uitkomstRegels(c, c.Graph)); got != tc.verwacht {
				t.Errorf("volgbaar = %v, verwacht %v", got, tc.verwacht)
			}
		})
	}
}

// TestFeitVolgerZelfdeOpenFeiten: the open facts are the same with the trials taking from the question and
// with every trial working everything out, on every third question of vergelijkVragen (scenarios, law
// questions, vraagbaak checks and rotations over every party).
func TestFeitVolgerZelfdeOpenFeiten(t *testing.T) {
	toetshulp.Zwaar(t)
	getoetst, open := metEnZonderBasis(t, 3, func(ctx context.Context, e *Engine, v kennisbank.Vraag) (any, int, error) {
		f, err := e.OpenFeiten(ctx, v)
		return f, len(f), err
	})
	if getoetst < 60 || open < 60 {
		t.Fatalf("%d vragen met %d open feiten getoetst: te weinig", getoetst, open)
	}
	t.Logf("%d vragen, %d open feiten", getoetst, open)
}

// TestFeitVolgerZelfdeAlternatieven: the answers are the same with the alternatives that change only facts
// taking from the question and with every alternative working everything out, on every question of
// vergelijkVragen; TestAlternatievenInDelen compares them with the rules' own alternatives besides.
func TestFeitVolgerZelfdeAlternatieven(t *testing.T) {
	toetshulp.Zwaar(t)
	getoetst, alternatieven := metEnZonderBasis(t, 1, func(ctx context.Context, e *Engine, v kennisbank.Vraag) (any, int, error) {
		if !e.zonderProefBasis && !e.alternatievenTeVolgen() {
			t.Fatal("de regels van alternatieven.milder_oordeel zijn niet te volgen: elk alternatief rekent dan alles opnieuw")
		}
		a, err := e.Beantwoord(ctx, v)
		return a, len(a.Alternatieven), err
	})
	if getoetst < 200 || alternatieven < 100 {
		t.Fatalf("%d vragen met %d alternatieven getoetst: te weinig", getoetst, alternatieven)
	}
	t.Logf("%d vragen, %d alternatieven", getoetst, alternatieven)
}

// tweeEngines gives two engines of the built-in knowledge base; uit switches something off in the second, for a
// test that compares the two.
func tweeEngines(t *testing.T, uit func(*Engine)) (met, zonder *Engine) {
	t.Helper()
	var err error
	if met, err = New(context.Background()); err != nil {
		t.Fatal(err)
	}
	if zonder, err = New(context.Background()); err != nil {
		t.Fatal(err)
	}
	uit(zonder)
	return met, zonder
}

// metEnZonderBasis asks vraag of every stap-th question of vergelijkVragen of an engine whose variants read from
// their question and of one whose variants work everything out, and reports where the results differ. It gives
// how many questions it compared and the sum of what vraag counted in the results.
func metEnZonderBasis(t *testing.T, stap int, vraag func(context.Context, *Engine, kennisbank.Vraag) (any, int, error)) (getoetst, geteld int) {
	t.Helper()
	ctx := context.Background()
	met, zonder := tweeEngines(t, func(e *Engine) { e.zonderProefBasis = true })
	for i, v := range vergelijkVragen(t, met) {
		if i%stap != 0 {
			continue
		}
		a, n, errMet := vraag(ctx, met, v)
		b, _, errZonder := vraag(ctx, zonder, v)
		if (errMet == nil) != (errZonder == nil) {
			t.Fatalf("%v: fout %v tegen %v", v, errMet, errZonder)
		}
		if errMet != nil {
			continue
		}
		if jsonVan(t, a) != jsonVan(t, b) {
			t.Errorf("%s → %v %v %s %v:\nmet de vraag als basis %s\nzonder                 %s", v.Van, v.Naar, v.Gegevens, v.Doel, v.Feiten, jsonVan(t, a), jsonVan(t, b))
		}
		getoetst++
		geteld += n
	}
	return getoetst, geteld
}

// TestLezenBewakenLaatDeCompilerHeel: looking at the rules of the outcome (uitkomstRegels) leaves the
// compiler as it was: its rules stay where they were, and a decision prepared afterwards still compiles.
// (The closure once grew in the compiler's own slice of rules and replaced the rule of the outcome.)
func TestLezenBewakenLaatDeCompilerHeel(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	voor, voorMilder := e.compiler.GetRulesExact(refUitkomst)[0], e.compiler.GetRulesExact(refMilder)[0]
	if !e.feitenTeVolgen() || !e.alternatievenTeVolgen() {
		t.Fatal("de regels zijn niet te volgen")
	}
	if na := e.compiler.GetRulesExact(refUitkomst); len(na) != 1 || na[0] != voor {
		t.Fatalf("de regel van de uitkomst is vervangen: %v", na)
	}
	if na := e.compiler.GetRulesExact(refMilder); len(na) != 1 || na[0] != voorMilder {
		t.Fatalf("de regel van milder_oordeel is vervangen: %v", na)
	}
	for _, q := range []string{queryProef, fmt.Sprintf(queryMilder, ast.StringTerm("niet_toegestaan"))} {
		if _, err := e.voorbereid(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGelezenUitZoalsDeLezer: the facts the volger saw the outcome read, in the evaluation of the open facts in
// parts, are the facts the tracer sees it ask vraag.feit for in an evaluation of its own, on every scenario and
// law question; and that evaluation is then the basis of the trials.
func TestGelezenUitZoalsDeLezer(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pqDelen, err := e.voorbereid(ctx, queryOpenInDelen)
	if err != nil {
		t.Fatal(err)
	}
	pq, err := e.voorbereid(ctx, queryProef)
	if err != nil {
		t.Fatal(err)
	}
	getoetst := 0
	for _, s := range append(scenarioVragenIntern(t), vragenUit(t, "../testdata/wet/*.json")...) {
		v, err := e.kb.Controleer(s.vraag, e.klok())
		if err != nil {
			continue
		}
		invoer, err := vraagAlsInvoer(v)
		if err != nil {
			t.Fatal(err)
		}
		iv, err := ast.InterfaceToValue(invoer)
		if err != nil {
			t.Fatal(err)
		}
		rs, c, err := e.evalueerGevolgd(ctx, pqDelen, iv, true)
		if err != nil {
			t.Fatal(err)
		}
		gezien, basis := e.gelezenUit(c, iv)
		if basis == nil {
			t.Fatalf("%v: de volger weet niet wat de uitkomst las", v)
		}
		uitkomst := rs[0].Expressions[0].Value.(map[string]any)["uitkomst"]
		gelezen, err := e.gelezenFeiten(ctx, pq, iv, uitkomst, true)
		basis.terug()
		if err != nil || gelezen == nil {
			t.Fatalf("%v: de lezer: %v", v, err)
		}
		if !maps.Equal(gezien, gelezen) {
			t.Errorf("%s → %v %s: de volger zag %v, de lezer %v", v.Van, v.Naar, v.Doel, slices.Sorted(maps.Keys(gezien)), slices.Sorted(maps.Keys(gelezen)))
		}
		getoetst++
	}
	if getoetst < 200 {
		t.Fatalf("%d vragen getoetst", getoetst)
	}
}

// TestOpenFeitenMetAlternatievenUitHetAntwoord: with the answer in the engine's cache, the open facts take the
// facts of its alternatives instead of working the alternatives out again (open.in_delen_met), and are the same
// as without, on every question of vergelijkVragen.
func TestOpenFeitenMetAlternatievenUitHetAntwoord(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	metCache, err := New(ctx, MetCache(64))
	if err != nil {
		t.Fatal(err)
	}
	zonder, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	getoetst, alternatief := 0, 0
	for _, v := range vergelijkVragen(t, zonder) {
		if _, err := metCache.Beantwoord(ctx, v); err != nil {
			continue
		}
		gecontroleerd, err := metCache.kb.Controleer(v, metCache.klok())
		if err != nil {
			t.Fatal(err)
		}
		if metCache.alternatiefFeiten(gecontroleerd) == nil {
			t.Fatalf("%v: het antwoord staat niet in de cache", v)
		}
		a, errA := metCache.OpenFeiten(ctx, v)
		b, errB := zonder.OpenFeiten(ctx, v)
		if errA != nil || errB != nil {
			t.Fatalf("%v: %v, %v", v, errA, errB)
		}
		if jsonVan(t, a) != jsonVan(t, b) {
			t.Errorf("%s → %v %v %s %v:\nmet het antwoord %s\nzonder           %s", v.Van, v.Naar, v.Gegevens, v.Doel, v.Feiten, jsonVan(t, a), jsonVan(t, b))
		}
		getoetst++
		for _, f := range a {
			if f.Reden == kennisbank.RedenAlternatief {
				alternatief++
			}
		}
	}
	if getoetst < 300 || alternatief < 5 {
		t.Fatalf("%d vragen getoetst, %d feiten open om een alternatief: te weinig", getoetst, alternatief)
	}
	t.Logf("%d vragen, %d feiten open om een alternatief", getoetst, alternatief)
}
