package library

import (
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Facts the outcome never reads cannot change it.
//
// A trial of the open facts (openfeiten.go) gives one unknown fact f of the question a value and asks
// the outcome again (open.uitkomst: the verdict and the checklist). When the outcome of the question
// itself never asked the rules' accessor of a fact (vraag.feit) for f, a trial walks the same steps with
// the same values, since nothing it reads differs, and ends in the same outcome: the trials of f can be
// skipped. This is not knowledge of the law in Go: the rules are run once with a tracer that notes which
// facts they ask for (feitLezer), and only the trials of those facts run.
//
// It holds only while the outcome reads facts through vraag.feit alone. alleenViaFeit checks that once
// per engine on the compiled rules: no rule the outcome depends on reads the facts of the input or
// vraag.feiten in another way, or evaluates under `with`. When the check fails, every trial runs.
var (
	refUitkomst   = ast.MustParseRef(queryProef)
	refFeit       = ast.MustParseRef("data.magikdelen.vraag.feit")
	refFeiten     = ast.MustParseRef("data.magikdelen.vraag.feiten")
	refInvoerFeit = ast.MustParseRef("input.feiten")
	refMilder     = ast.MustParseRef("data.magikdelen.alternatieven.milder_oordeel")
)

// leesBewaking is the result of alleenViaFeit and volgbaar for the engine's rules (the outcome of the open
// facts; the verdict of an alternative), computed on first use.
type leesBewaking struct {
	once          sync.Once
	ok            bool
	volgbaar      bool
	onceMilder    sync.Once
	alternatieven bool
}

// feitenAlleenViaFeit: the outcome of the engine's rules reads facts only through vraag.feit.
func (e *Engine) feitenAlleenViaFeit() bool {
	e.lezenBewaken()
	return e.lezen.ok
}

// feitenTeVolgen: besides, what each value of the outcome read can be observed (feitvolger.go).
func (e *Engine) feitenTeVolgen() bool {
	e.lezenBewaken()
	return e.lezen.volgbaar
}

// alternatievenTeVolgen: the same holds for the verdict of an alternative (alternatieven.milder_oordeel), so
// that it can take from the question what its changed facts do not touch (feitvolger.go). Computed on first
// use, apart from the open facts: an answer needs only this.
func (e *Engine) alternatievenTeVolgen() bool {
	e.lezen.onceMilder.Do(func() {
		milder := regelsVan(e.compiler, e.graaf(), refMilder)
		e.lezen.alternatieven = alleenViaFeit(e.compiler, milder) && volgbaar(e.compiler, milder)
	})
	return e.lezen.alternatieven
}

func (e *Engine) lezenBewaken() {
	e.lezen.once.Do(func() {
		regels := uitkomstRegels(e.compiler, e.graaf())
		e.lezen.ok = alleenViaFeit(e.compiler, regels)
		e.lezen.volgbaar = e.lezen.ok && volgbaar(e.compiler, regels)
	})
}

// uitkomstRegels gives every rule that data.magikdelen.open.uitkomst depends on (the closure in the
// compiler's dependency graph); nil when there is no such rule or no vraag.feit.
func uitkomstRegels(c *ast.Compiler, g *ast.Graph) []*ast.Rule { return regelsVan(c, g, refUitkomst) }

// regelsVan gives the rules at ref with every rule they depend on (the closure in the dependency graph g of
// c's rules); nil when there are none, or no vraag.feit.
func regelsVan(c *ast.Compiler, g *ast.Graph, ref ast.Ref) []*ast.Rule {
	if c == nil || g == nil || len(c.GetRulesExact(refFeit)) == 0 {
		return nil
	}
	rij := slices.Clone(c.GetRulesExact(ref)) // a copy: the compiler's own slice is not to be appended to
	gezien := map[*ast.Rule]bool{}
	var uit []*ast.Rule
	for len(rij) > 0 {
		r := rij[len(rij)-1]
		rij = rij[:len(rij)-1]
		if gezien[r] {
			continue
		}
		gezien[r] = true
		uit = append(uit, r)
		for d := range g.Dependencies(r) {
			if dr, ok := d.(*ast.Rule); ok && !gezien[dr] {
				rij = append(rij, dr)
			}
		}
	}
	return uit
}

// alleenViaFeit reports whether every rule of the outcome (uitkomstRegels) reads the facts of the question
// only by calling vraag.feit: only vraag.feiten reads input.feiten, only vraag.feit reads vraag.feiten, and
// no rule there uses `with`.
func alleenViaFeit(c *ast.Compiler, regels []*ast.Rule) bool {
	if len(regels) == 0 {
		return false
	}
	for _, r := range regels {
		if !leestFeitenNetjes(r) {
			return false
		}
	}
	return true
}

// volgbaar reports whether OPA works out every value of the outcome's rules while the volger watches: the
// rules call only built-ins that are deterministic and without effect (OPA keeps the values of others
// elsewhere), and the compiler indexes none of their comprehensions (OPA keeps those results outside the
// cache the volger watches, and a value that takes one would not note the facts it read).
func volgbaar(c *ast.Compiler, regels []*ast.Rule) bool {
	ok := true
	for _, r := range regels {
		ast.WalkExprs(r, func(x *ast.Expr) bool {
			if ok && x.IsCall() {
				if ref := x.Operator(); len(ref) > 0 && !ref[0].Equal(ast.DefaultRootDocument) {
					bi := ast.BuiltinMap[ref.String()]
					ok = bi != nil && !bi.Nondeterministic && !metEffect[bi.Name]
				}
			}
			return !ok
		})
		ast.WalkTerms(r, func(t *ast.Term) bool {
			switch t.Value.(type) {
			case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
				ok = ok && c.ComprehensionIndex(t) == nil
			}
			return !ok
		})
		if !ok {
			return false
		}
	}
	return true
}

// leestFeitenNetjes: rule r uses no `with`, reads input.feiten or the input as a whole only when it is
// vraag.feiten, and vraag.feiten only when it is vraag.feit.
func leestFeitenNetjes(r *ast.Rule) bool {
	if r.Module == nil {
		return false
	}
	pad := r.Ref()
	magFeiten, magInvoer := pad.Equal(refFeit), pad.Equal(refFeiten)
	netjes := true
	ast.WalkExprs(r, func(x *ast.Expr) bool {
		netjes = netjes && len(x.With) == 0
		return false
	})
	ast.WalkRefs(r, func(ref ast.Ref) bool {
		switch {
		case ref[0].Equal(ast.InputRootDocument):
			netjes = netjes && (magInvoer || !kanRaken(ref, refInvoerFeit))
		case ref[0].Equal(ast.DefaultRootDocument):
			netjes = netjes && (magFeiten || !kanRaken(ref, refFeiten))
		}
		return false
	})
	return netjes
}

// kanRaken: ref can read (a part of) doel: at every place both have, ref has the same constant or a
// variable.
func kanRaken(ref, doel ast.Ref) bool {
	for i := 0; i < len(ref) && i < len(doel); i++ {
		if ref[i].IsGround() && !ref[i].Equal(doel[i]) {
			return false
		}
	}
	return true
}

// feitLezer is a tracer that notes every fact the rules ask vraag.feit for. onzeker: a call whose fact
// was not a text (then no trial may be skipped).
type feitLezer struct {
	feiten  map[string]bool
	onzeker bool
}

func (l *feitLezer) Enabled() bool               { return true }
func (l *feitLezer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func (l *feitLezer) TraceEvent(evt topdown.Event) {
	if evt.Op != topdown.EvalOp {
		return
	}
	x, ok := evt.Node.(*ast.Expr)
	if !ok || !x.IsCall() || !x.Operator().Equal(refFeit) || len(x.Operands()) == 0 {
		return
	}
	if s, ok := evt.Plug(x.Operand(0)).Value.(ast.String); ok {
		l.feiten[string(s)] = true
	} else {
		l.onzeker = true
	}
}
