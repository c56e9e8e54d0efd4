package library

import (
	"context"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// A variant of a question with other facts reads from the question what does not depend on those facts.
//
// A trial of an open fact (openfeiten.go) asks the outcome again with one fact of the question changed; an
// alternative that changes facts (alternatieven.go) asks the verdict again with those facts. Most of what the
// rules work out does not read the changed facts: the routes of other facts, the layers of cells they do not
// touch, the framework of the covenant. The question's own evaluation (of the outcome, the one that notes which
// facts the outcome reads, gelezenfeiten.go; of the answer, for the alternatives) also notes for every value it
// works out which facts it read on the way (feitVolger); a variant then takes from it every value that read none
// of the facts the variant changes, and works out only the rest. This is not knowledge of the law in Go: which
// facts a value read is observed, not known in advance.
//
// How the reading is observed. OPA asks the cache (platteCache) for a value before it works it out (Get, a miss)
// and puts it in the cache when it is done (Put); in between it works out what that value needs. The volger keeps
// a stack of the values being worked out: a miss opens one, its Put closes it. A value taken from the cache
// brings the facts it read to the innermost open value, and a closed value hands its facts to the value around
// it. The rules read a fact only by calling vraag.feit(f), and OPA asks the cache for every call of a function
// (then the call has read f; vraag.feiten, which it reads, counts as every fact and is never taken). A value
// whose Put does not follow its own miss, or that read a fact whose name is not a text, counts as having read
// every fact.
//
// It holds while the rules of the variant's decision read facts only through vraag.feit, use no `with`, call
// only deterministic built-ins and have no indexed comprehension (alleenViaFeit and volgbaar, on the closure of
// open.uitkomst and of alternatieven.milder_oordeel), and the variant's input is the question's input with only
// facts different (zelfdeBehalveFeiten). TestFeitVolger* compare the open facts and the answers with and
// without a basis.

// feitSet holds the facts a value read, a bit per fact by its place in the knowledge base; alleFeiten: perhaps
// any fact (a fact without a place, beyond the bits, or not known).
type feitSet uint64

const alleFeiten feitSet = 1 << 63

// feitPlekken gives each fact of the knowledge base its bit.
type feitPlekken map[string]feitSet

func nieuweFeitPlekken(ids []string) feitPlekken {
	p := make(feitPlekken, len(ids))
	for i, id := range ids {
		if i < 63 {
			p[id] = 1 << i
		} else {
			p[id] = alleFeiten
		}
	}
	return p
}

// van gives the bit of fact id; alleFeiten for a fact the knowledge base does not know.
func (p feitPlekken) van(id string) feitSet {
	if b, ok := p[id]; ok {
		return b
	}
	return alleFeiten
}

// feitVolger notes, during one evaluation, which facts each value of the cache read (see above); with the bits of
// every part of the input (invoerdelen.go), also which other parts of the question it read.
type feitVolger struct {
	indeling *invoerIndeling
	stapel   []openWaarde
}

// openWaarde is a value being worked out: its reference (a copy: OPA reuses its own) and what it read so far:
// feiten, every fact and part, also the facts a part read (for the variants), and op, what the engine shares it
// on between questions (cacheRegel.op).
type openWaarde struct {
	ref    ast.Ref
	h      int
	feiten feitSet
	op     feitSet
}

// begin: OPA missed ref in the cache and works it out now.
func (v *feitVolger) begin(ref ast.Ref, h int, termen *voorraad[*ast.Term]) {
	kopie := termen.neem(len(ref), 1024)
	copy(kopie, ref)
	// What the rule reads of the input itself is not asked of the cache (invoerdelen.go).
	direct := v.indeling.leestDirect(ref, h)
	v.stapel = append(v.stapel, openWaarde{ref: kopie, h: h, feiten: direct, op: direct})
}

// lees: the rules asked for fact(s) f.
func (v *feitVolger) lees(f feitSet) {
	if n := len(v.stapel); n > 0 {
		v.stapel[n-1].feiten |= f
		v.stapel[n-1].op |= f
	}
}

// leesRegel: the rules read r, a value the volger knows what it read of.
func (v *feitVolger) leesRegel(r *cacheRegel) {
	if n := len(v.stapel); n > 0 {
		v.stapel[n-1].feiten |= r.gelezen()
		v.stapel[n-1].op |= r.gelezenOp()
	}
}

// gebruikt: the value of r came from the cache.
func (v *feitVolger) gebruikt(r *cacheRegel) {
	if r.gevolgd {
		v.leesRegel(r)
	} else {
		v.lees(alleFeiten)
	}
}

// klaar: OPA put r, the value of ref, in the cache. It read what its open value noted; values opened after it
// and not put are closed with it (they hand their facts on).
func (v *feitVolger) klaar(r *cacheRegel, ref ast.Ref, h int) {
	i := len(v.stapel) - 1
	for i >= 0 && (v.stapel[i].h != h || !v.stapel[i].ref.Equal(ref)) {
		i--
	}
	if i < 0 || r.gevolgd {
		// Not worked out since its own miss, or put a second time: what it read is not known, and the value is
		// never taken. (What it read while it was worked out is noted on the open values around it.)
		r.gevolgd, r.feiten, r.op, r.deel = false, 0, 0, 0
		return
	}
	var feiten, op feitSet
	for _, o := range v.stapel[i:] {
		feiten |= o.feiten
		op |= o.op
	}
	clear(v.stapel[i:])
	v.stapel = v.stapel[:i]
	switch {
	case ref.Equal(refFeiten):
		// vraag.feiten reads the facts of the input itself: every fact. Only vraag.feit reads it
		// (alleenViaFeit), and that notes its own fact instead (below).
		r.gevolgd, r.feiten, r.op, r.deel = false, 0, 0, 0
		v.lees(alleFeiten)
		return
	case len(ref) == 2 && ref[0].Value.Compare(refFeit) == 0:
		// vraag.feit(f) is fact f (whatever it noted on the way, such as vraag.feiten).
		if s, ok := ref[1].Value.(ast.String); ok {
			feiten = v.indeling.feiten.van(string(s))
		} else {
			feiten = alleFeiten
		}
		op = feiten
	}
	r.gevolgd, r.feiten, r.op = true, feiten, op
	// A rule of package vraag that is a part (invoerdelen.go) is kept with what it read, and a value that reads
	// it reads that part instead.
	r.deel = v.indeling.alsDeel(ref, h, feiten)
	v.leesRegel(r)
}

// rondWith: the rules evaluate under a `with`, where the volger does not watch: every value being worked out
// may have read anything.
func (v *feitVolger) rondWith() {
	for i := range v.stapel {
		v.stapel[i].feiten |= alleFeiten
		v.stapel[i].op |= alleFeiten
	}
}

// uitBasis gives the entry of ref in basis when its value read none of the facts in veranderd, otherwise nil.
func uitBasis(basis map[int]*cacheRegel, ref ast.Ref, h int, veranderd feitSet) *cacheRegel {
	if b := inKeten(basis[h], ref); b != nil && b.gevolgd && b.feiten&(veranderd|alleFeiten) == 0 {
		return b
	}
	return nil
}

// veranderdeFeiten gives the facts whose values differ between the facts of two inputs (objects, or absent);
// alleFeiten when either is not an object.
func veranderdeFeiten(p feitPlekken, a, b *ast.Term) feitSet {
	oa, okA := feitenObject(a)
	ob, okB := feitenObject(b)
	if !okA || !okB {
		return alleFeiten
	}
	var uit feitSet
	verschil := func(x, y ast.Object) {
		x.Foreach(func(k, w *ast.Term) {
			if z := y.Get(k); z == nil || !z.Equal(w) {
				if s, ok := k.Value.(ast.String); ok {
					uit |= p.van(string(s))
				} else {
					uit |= alleFeiten
				}
			}
		})
	}
	verschil(oa, ob)
	verschil(ob, oa)
	return uit
}

func feitenObject(t *ast.Term) (ast.Object, bool) {
	if t == nil {
		return ast.NewObject(), true
	}
	o, ok := t.Value.(ast.Object)
	return o, ok
}

// zelfdeBehalveFeiten: a and b are objects with the same keys and values, but for the key "feiten".
func zelfdeBehalveFeiten(a, b ast.Value) bool {
	oa, okA := a.(ast.Object)
	ob, okB := b.(ast.Object)
	if !okA || !okB {
		return false
	}
	feiten := ast.InternedTerm("feiten")
	zelfde := true
	tel := func(o ast.Object) int {
		if o.Get(feiten) != nil {
			return o.Len() - 1
		}
		return o.Len()
	}
	if tel(oa) != tel(ob) {
		return false
	}
	oa.Foreach(func(k, v *ast.Term) {
		if zelfde && !k.Equal(feiten) {
			w := ob.Get(k)
			zelfde = w != nil && w.Equal(v)
		}
	})
	return zelfde
}

// evalueerGevolgd evaluates pq with input invoer, when volgen with a volger that notes what each value read, and
// gives the evaluation's cache for the caller to make a basis of (proefBasis) or to hand back (terug).
func (e *Engine) evalueerGevolgd(ctx context.Context, pq rego.PreparedEvalQuery, invoer ast.Value, volgen bool) (rego.ResultSet, *platteCache, error) {
	c := cachePool.Get().(*platteCache)
	ind := e.deelVragen()
	if ind != nil {
		c.afh, c.delen = e.afh, ind.delenVan(invoer)
		if c.delen == nil {
			c.afh = nil
		}
	}
	if volgen {
		c.volger = &feitVolger{indeling: e.invoer}
		if c.afh != nil {
			c.volger.indeling = ind // notes the other parts of the input too
		}
	}
	if c.delen != nil && e.delen.voor != nil && !c.delen.leerUit(c.afh) {
		// The rules of package vraag that are parts first: a value that read one is taken from the store only
		// once the question's value of that part is known (invoerDelen.leer); from the store when an earlier
		// question had the same values on what they read, otherwise from the rules.
		if _, err := e.delen.voor.Eval(ctx, rego.EvalParsedInput(invoer), rego.EvalVirtualCache(c)); err != nil && c.volger != nil {
			clear(c.volger.stapel) // the decision reports the error; what was left open read nothing of it
			c.volger.stapel = c.volger.stapel[:0]
		}
	}
	rs, c, err := e.evalueerIn(ctx, c, pq, true, rego.EvalParsedInput(invoer))
	c.volger = nil
	return rs, c, err
}

// proefBasis is the evaluation of a question (its outcome, or its answer), with what each value read, as the
// basis of its variants: the trials of its open facts, or its alternatives.
type proefBasis struct {
	cache  *platteCache
	invoer ast.Value
	// ind: the bits of the parts of the question the basis noted (the facts, or every part when it shared);
	// afh: when the basis shared values with other questions (invoerdelen.go), so do its variants.
	ind *invoerIndeling
	afh *afhankelijkeCache
}

// proefBasis makes the evaluation in c, of a question with input invoer, the basis of its variants.
func (e *Engine) proefBasis(c *platteCache, invoer ast.Value) *proefBasis {
	b := &proefBasis{cache: c, invoer: invoer, ind: e.invoer}
	if c.afh != nil {
		b.afh, b.ind = c.afh, e.delen.ind
	}
	return b
}

// proef gives a cache from the pool for the variant with input invoer: one that reads from the basis when
// invoer is the question's input with only facts different.
func (b *proefBasis) proef(invoer ast.Value) *platteCache {
	c := cachePool.Get().(*platteCache)
	if b != nil && b.afh != nil {
		if d := b.ind.delenVan(invoer); d != nil {
			// The variant shares too: it reads, and a volger notes what it works out, for later variants.
			c.afh, c.delen, c.volger = b.afh, d, &feitVolger{indeling: b.ind}
		}
	}
	if c.delen != nil {
		// The parts that are rules of package vraag, from the store: the basis added them when it ended, and a
		// part that read a fact the variant changes is found only when an earlier question had that value too.
		c.delen.leerUit(c.afh)
	}
	if b != nil && zelfdeBehalveFeiten(b.invoer, invoer) {
		feiten := ast.InternedTerm("feiten")
		c.basis = b.cache.frames[0]
		c.veranderd = veranderdeFeiten(b.ind.feiten, b.invoer.(ast.Object).Get(feiten), invoer.(ast.Object).Get(feiten))
	}
	return c
}

// terug hands the cache of the basis back; the variants are done.
func (b *proefBasis) terug() {
	if b != nil {
		b.cache.terug()
	}
}

// delenBewaking: whether the engine's evaluations share values that read parts of the question, and the bits of
// those parts (invoerdelen.go); worked out once.
type delenBewaking struct {
	once sync.Once
	ind  *invoerIndeling // nil: not shared
	// voor: the rules of package vraag that are parts (invoerIndeling.regels), evaluated in the cache of a
	// question before its decision; nil when there are none.
	voor *rego.PreparedEvalQuery
}

var (
	refInDelen        = ast.MustParseRef(queryInDelen)
	refOpenInDelen    = ast.MustParseRef(queryOpenInDelen)
	refOpenInDelenMet = ast.MustParseRef("data.magikdelen.open.in_delen_met")
)

// deelVragen gives the bits of the parts of the input when the evaluations of questions share values that read
// them: from the engine's second question on, when the volger can follow every value the evaluations that add
// to the store work out (volgbaar on the closures of the answer in parts and the open facts in parts); nil
// otherwise.
func (e *Engine) deelVragen() *invoerIndeling {
	if e.afh == nil || e.zonderProefBasis || e.vragen.Add(1) < 2 {
		return nil
	}
	e.delen.once.Do(func() {
		for _, q := range []ast.Ref{refInDelen, refOpenInDelen, refOpenInDelenMet} {
			if regels := regelsVan(e.compiler, e.graaf(), q); len(regels) > 0 && !volgbaar(e.compiler, regels) {
				return
			}
		}
		e.delen.ind = nieuweInvoerIndeling(e.compiler, e.graaf(), e.invoer.feitIDs)
		if q := e.delen.ind.voorQuery(); q != "" {
			if pq, err := rego.New(append(e.basisArgs(), rego.Query(q))...).PrepareForEval(context.Background()); err == nil {
				e.delen.voor = &pq
			}
		}
	})
	return e.delen.ind
}
