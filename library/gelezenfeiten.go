package library

import (
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
)

// leesBewaking is the result of alleenViaFeit for the engine's rules, computed on first use.
type leesBewaking struct {
	once sync.Once
	ok   bool
}

// feitenAlleenViaFeit: the outcome of the engine's rules reads facts only through vraag.feit.
func (e *Engine) feitenAlleenViaFeit() bool {
	e.lezen.once.Do(func() { e.lezen.ok = alleenViaFeit(e.compiler) })
	return e.lezen.ok
}

// alleenViaFeit reports whether every rule that data.magikdelen.open.uitkomst depends on (the closure in
// the compiler's dependency graph) reads the facts of the question only by calling vraag.feit: only
// vraag.feiten reads input.feiten, only vraag.feit reads vraag.feiten, and no rule there uses `with`.
func alleenViaFeit(c *ast.Compiler) bool {
	if c == nil || c.Graph == nil || len(c.GetRulesExact(refFeit)) == 0 {
		return false
	}
	begin := c.GetRulesExact(refUitkomst)
	if len(begin) == 0 {
		return false
	}
	gezien := map[*ast.Rule]bool{}
	rij := append([]*ast.Rule(nil), begin...)
	for len(rij) > 0 {
		r := rij[len(rij)-1]
		rij = rij[:len(rij)-1]
		if gezien[r] {
			continue
		}
		gezien[r] = true
		if !leestFeitenNetjes(r) {
			return false
		}
		for d := range c.Graph.Dependencies(r) {
			if dr, ok := d.(*ast.Rule); ok && !gezien[dr] {
				rij = append(rij, dr)
			}
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
