package library

import (
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Functions of the rules whose value depends only on their arguments and the knowledge base (a citation
// of a grondslag, whether a selector fits a party, whether a date lies in a window) give the same value
// in every evaluation of the engine. OPA keeps such a value for one evaluation only (its virtual cache);
// gedeeldeCache keeps the values of those calls for every later evaluation of the same engine (a new
// knowledge base is a new engine), so that each question, each alternative and each trial of the open
// facts works out only what depends on the question itself.
//
// Which calls qualify is read from the compiled rules, once per engine (zuivereAanroepen): a function
// qualifies when neither it nor anything it depends on reads the input, evaluates under `with`, or calls a
// built-in that is not deterministic or has an effect (print, trace, time, random, http). No knowledge of the
// law: the check looks only at the shape of the rules.
//
// Values are shared only from evaluations that ended without error, only from the outermost frame (not from
// under a `with`), and are read only there. At most maxGedeeld calls are kept (361 varied questions with their
// open facts share some 22,000 calls, about 450 bytes each, so the bound holds the cache near 15 MB); when it
// is full, it starts empty again, so that a server that runs for days keeps sharing the calls of today's
// questions (many calls have the question's date among their arguments) instead of yesterday's.
// TestGedeeldeCache* check the choice of calls and that answers, matrices and open facts are the same with
// and without sharing.
type gedeeldeCache struct {
	zuiver map[*ast.Term]bool // call sites (operator terms in the compiled rules) of such functions; read-only

	mu      sync.RWMutex
	waarden map[int]*cacheRegel
	aantal  atomic.Int64 // written under mu; read without it: while it is 0, a lookup need not take the lock
}

const maxGedeeld = 1 << 15

// nieuweGedeeldeCache shares the values of the calls z (zuivereAanroepen); nil when there are none.
func nieuweGedeeldeCache(z map[*ast.Term]bool) *gedeeldeCache {
	if len(z) == 0 {
		return nil
	}
	return &gedeeldeCache{zuiver: z, waarden: map[int]*cacheRegel{}}
}

// deelbaar: ref is the key of a call to a function whose value is shared.
func (g *gedeeldeCache) deelbaar(ref ast.Ref) bool { return len(ref) > 0 && g.zuiver[ref[0]] }

func (g *gedeeldeCache) haal(ref ast.Ref, h int) *ast.Term {
	if g.aantal.Load() == 0 {
		return nil
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if r := inKeten(g.waarden[h], ref); r != nil {
		return r.waarde
	}
	return nil
}

// voegToe keeps the values of an evaluation that ended well; the entries are copied (they live in the
// blocks of a platteCache that the next evaluation uses again).
func (g *gedeeldeCache) voegToe(regels []*cacheRegel) {
	if len(regels) == 0 {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, r := range regels {
		if g.aantal.Load() >= maxGedeeld {
			g.waarden = map[int]*cacheRegel{}
			g.aantal.Store(0)
		}
		h := r.ref.Hash()
		if inKeten(g.waarden[h], r.ref) == nil {
			g.waarden[h] = &cacheRegel{ref: append(ast.Ref(nil), r.ref...), waarde: r.waarde, volgende: g.waarden[h]}
			g.aantal.Add(1)
		}
	}
}

// zuivereAanroepen gives the operator terms of the calls, in the compiled rules, of functions whose value
// depends only on their arguments and the knowledge base (see gedeeldeCache); g is the dependency graph of
// c's rules. The embedded rules come with them worked out (voorgecompileerd.go).
func zuivereAanroepen(c *ast.Compiler, g *ast.Graph) map[*ast.Term]bool {
	if c == nil || g == nil {
		return nil
	}
	memo := map[*ast.Rule]int8{} // 1 pure, -1 not
	var zuiver func(r *ast.Rule) bool
	zuiver = func(r *ast.Rule) bool {
		if v, ok := memo[r]; ok {
			return v > 0
		}
		memo[r] = -1 // also while it is being looked at (the compiler forbids recursion)
		ok := r.Module != nil && regelZonderInvoer(r)
		for d := range g.Dependencies(r) {
			if !ok {
				break
			}
			dr, isRegel := d.(*ast.Rule)
			ok = isRegel && zuiver(dr)
		}
		if ok {
			memo[r] = 1
		}
		return ok
	}
	uit := map[*ast.Term]bool{}
	for _, m := range c.Modules {
		ast.WalkExprs(m, func(x *ast.Expr) bool {
			if !x.IsCall() {
				return false
			}
			op := x.Terms.([]*ast.Term)[0]
			ref, ok := op.Value.(ast.Ref)
			if !ok || !ref[0].Equal(ast.DefaultRootDocument) || !ref.IsGround() {
				return false
			}
			regels := c.GetRulesExact(ref)
			alle := len(regels) > 0
			for _, r := range regels {
				alle = alle && len(r.Head.Args) > 0 && zuiver(r)
			}
			if alle {
				uit[op] = true
			}
			return false
		})
	}
	return uit
}

// regelZonderInvoer: rule r itself reads no input, uses no `with` and calls only built-ins that are
// deterministic and without effect.
func regelZonderInvoer(r *ast.Rule) bool {
	ok := true
	ast.WalkRefs(r, func(ref ast.Ref) bool {
		ok = ok && !ref[0].Equal(ast.InputRootDocument)
		return !ok
	})
	ast.WalkExprs(r, func(x *ast.Expr) bool {
		if len(x.With) > 0 {
			ok = false
		}
		if ok && x.IsCall() {
			if ref := x.Operator(); len(ref) > 0 && !ref[0].Equal(ast.DefaultRootDocument) {
				bi := ast.BuiltinMap[ref.String()]
				ok = bi != nil && !bi.Nondeterministic && !metEffect[bi.Name]
			}
		}
		return !ok
	})
	return ok
}

// metEffect: built-ins that are deterministic but do something besides giving a value (the clock, random
// and http are marked not deterministic by OPA).
var metEffect = map[string]bool{"print": true, "internal.print": true, "trace": true}
