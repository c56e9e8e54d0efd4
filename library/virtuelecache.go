package library

import (
	"context"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The cache of one evaluation, of what OPA calls virtual documents: the value of every rule and every call
// of a function with its arguments, so that each is worked out once per evaluation. OPA's own cache is a
// tree with a hash map at every step of a reference, made anew for every evaluation; the rules call many
// functions with several arguments (a route, a layer, a recipient), and that tree was a fifth of all
// allocations of a question. platteCache keeps the same entries in one hash map over whole references,
// and is used again for the next evaluation (a pool), so that its map keeps its room.
//
// It behaves exactly as OPA's cache (topdown.NewVirtualCache): a stack of frames of which only the top one
// is read and written; an entry marked undefined stays undefined; a reference has an entry only when it
// was put itself (not when a longer one was). TestPlatteCacheZoalsOPA runs both side by side. The
// additions, all outside `with`: a call whose value every evaluation of the engine shares (gedeeldecache.go)
// is also looked up there, and such calls are handed to it when the evaluation ends well; a variant of a
// question reads from the question (feitvolger.go); and a question reads what an earlier question with the
// same values on the same parts worked out (invoerdelen.go).
type platteCache struct {
	frames []map[int]*cacheRegel
	// The entries and the copies of their references come from blocks that the next evaluation uses again:
	// a question puts thousands of entries.
	regels voorraad[cacheRegel]
	termen voorraad[*ast.Term]

	// gedeeld: the values of calls that every evaluation of the engine shares (gedeeldecache.go), nil for
	// none; teDelen: the entries of such calls this evaluation put in the outermost frame.
	gedeeld *gedeeldeCache
	teDelen []*cacheRegel

	// volger: while this evaluation is the basis of variants of a question (the trials of its open facts, its
	// alternatives), which facts each value read (feitvolger.go); nil otherwise.
	volger *feitVolger
	// basis: when this evaluation is such a variant, the outermost frame of the basis, and the facts the variant
	// gives other values than the basis did (feitvolger.go); nil for none. Read only: variants run side by side
	// on one basis.
	basis     map[int]*cacheRegel
	veranderd feitSet

	// afh and delen: when the evaluation shares values that read parts of the question (invoerdelen.go), the
	// engine's store of them and the parts of this question; nil otherwise. afhTeDelen: the entries this
	// evaluation worked out and noted what they read (with a volger), to hand to afh when it ends well.
	afh        *afhankelijkeCache
	delen      *invoerDelen
	afhTeDelen []*cacheRegel
}

// voorraad hands out slices of T from blocks that are kept for the next evaluation: the blocks before blok
// are in use, and blok up to plek.
type voorraad[T any] struct {
	blokken [][]T
	blok    int // the block now in use
	plek    int // the first free place in it
}

// neem gives n zeroed places, next to each other.
func (v *voorraad[T]) neem(n int, grootte int) []T {
	for v.blok < len(v.blokken) && v.plek+n > len(v.blokken[v.blok]) {
		v.blok, v.plek = v.blok+1, 0
	}
	if v.blok == len(v.blokken) {
		v.blokken = append(v.blokken, make([]T, max(grootte, n)))
	}
	uit := v.blokken[v.blok][v.plek : v.plek+n : v.plek+n]
	v.plek += n
	return uit
}

// terug zeroes what was handed out (so that the pool holds no values of an old question) and makes it
// available again.
func (v *voorraad[T]) terug() {
	for i := 0; i <= v.blok && i < len(v.blokken); i++ {
		clear(v.blokken[i])
	}
	v.blok, v.plek = 0, 0
}

// cacheRegel is one entry: a copy of the reference (OPA reuses its slice), the value, and whether the
// reference was found undefined. Entries with the same hash are chained.
type cacheRegel struct {
	ref       ast.Ref
	waarde    *ast.Term
	undefined bool
	volgende  *cacheRegel

	// gevolgd: the facts the value read are known (feiten), from a basis evaluation with a feitVolger.
	gevolgd bool
	feiten  feitSet
	// op: what the engine shares the value on between questions (invoerdelen.go): what it read, where a part
	// that is a rule of package vraag counts as that part alone, without the facts that rule read (feiten has
	// them, for the variants, which change facts). The value is the same for every question with the same
	// values on op: it read that rule's value, not the facts.
	op feitSet
	// deel: for a rule of package vraag that is a part (invoerdelen.go), what a value that reads it reads: that
	// part and the facts it read; 0 for any other value.
	deel feitSet
}

// gelezen gives what a value that reads r has read by it.
func (r *cacheRegel) gelezen() feitSet {
	if r.deel != 0 {
		return r.deel
	}
	return r.feiten
}

// gelezenOp gives what a value that reads r is shared on by it (op): for a rule of package vraag that is a part,
// that part alone (deel is that part and the facts among feiten, and a rule does not read itself).
func (r *cacheRegel) gelezenOp() feitSet {
	if r.deel != 0 {
		return r.deel &^ r.feiten
	}
	return r.op
}

var _ topdown.VirtualCache = (*platteCache)(nil)

var cachePool = sync.Pool{New: func() any { return &platteCache{frames: []map[int]*cacheRegel{{}}} }}

// evalueerQuery evaluates pq with a virtual cache from the pool, that reads the values the engine's
// evaluations share and, when toevoegen, adds its own; the cache goes back when the evaluation is done (its
// results do not point into it, only to values it held). The decisions of a question add; the bulk decisions
// (Evalueer: the matrix, verschil, the lint) only read, because their calls carry whole rows and blocks of
// cells as arguments, which would stay in memory for the engine's life (the lint over every covenant
// peaked at 830–870 MB instead of 450–470 MB when it added).
//
// An evaluation does not start when its context is done or its deadline has passed: OPA notices a
// cancellation only some steps into an evaluation (its own goroutine watches the context), and the timer of a
// deadline that has just passed may not have fired yet, so a short evaluation could still finish and a time
// limit would hold only sometimes.
func (e *Engine) evalueerQuery(ctx context.Context, pq rego.PreparedEvalQuery, toevoegen bool, opts ...rego.EvalOption) (rego.ResultSet, error) {
	rs, c, err := e.evalueerIn(ctx, cachePool.Get().(*platteCache), pq, toevoegen, opts...)
	c.terug()
	return rs, err
}

// evalueerIn is evalueerQuery with cache c from the pool, which the caller may have set up (as the evaluation of
// a question whose variants read from it, or as such a variant: feitvolger.go) and may read after the
// evaluation; the caller hands c back (terug) when done.
func (e *Engine) evalueerIn(ctx context.Context, c *platteCache, pq rego.PreparedEvalQuery, toevoegen bool, opts ...rego.EvalOption) (rego.ResultSet, *platteCache, error) {
	if err := ctx.Err(); err != nil {
		return nil, c, err
	}
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		return nil, c, context.DeadlineExceeded
	}
	c.gedeeld = e.gedeeld
	rs, err := pq.Eval(ctx, append(opts, rego.EvalVirtualCache(c))...)
	if err == nil && toevoegen && c.gedeeld != nil {
		c.gedeeld.voegToe(c.teDelen)
	}
	if err == nil && c.afh != nil && len(c.afhTeDelen) > 0 {
		c.afh.voegToe(c.afhTeDelen, c.delen)
	}
	return rs, c, err
}

// terug empties the cache and puts it back in the pool.
func (c *platteCache) terug() {
	c.leeg()
	cachePool.Put(c)
}

// leeg empties the cache for the next evaluation: one frame, no entries, its room kept.
func (c *platteCache) leeg() {
	c.frames = c.frames[:1]
	clear(c.frames[0])
	clear(c.teDelen)
	c.teDelen, c.gedeeld = c.teDelen[:0], nil
	c.volger, c.basis, c.veranderd = nil, nil, 0
	clear(c.afhTeDelen)
	c.afh, c.delen, c.afhTeDelen = nil, nil, c.afhTeDelen[:0]
	c.regels.terug()
	c.termen.terug()
}

func (c *platteCache) Push() {
	if c.volger != nil && len(c.frames) == 1 {
		c.volger.rondWith()
	}
	c.frames = append(c.frames, map[int]*cacheRegel{})
}

func (c *platteCache) Pop() {
	if len(c.frames) > 1 {
		c.frames = c.frames[:len(c.frames)-1]
	}
}

func (c *platteCache) zoek(ref ast.Ref, h int) *cacheRegel {
	return inKeten(c.frames[len(c.frames)-1][h], ref)
}

// inKeten gives the entry of ref in the chain of entries that starts at r (entries with the same hash), or nil.
func inKeten(r *cacheRegel, ref ast.Ref) *cacheRegel {
	for ; r != nil; r = r.volgende {
		if r.ref.Equal(ref) {
			return r
		}
	}
	return nil
}

func (c *platteCache) Get(ref ast.Ref) (*ast.Term, bool) {
	h := ref.Hash()
	r := c.zoek(ref, h)
	if r == nil {
		if c.deelt(ref) {
			if w := c.gedeeld.haal(ref, h); w != nil {
				return w, false // depends on no input, so on no fact
			}
		}
		if c.basis != nil && len(c.frames) == 1 {
			if b := uitBasis(c.basis, ref, h, c.veranderd); b != nil {
				r = b
				if c.volger != nil {
					c.volger.gebruikt(b)
				}
				if c.delen != nil {
					c.delen.leer(ref, h, b)
				}
			}
		}
		if r == nil && c.afh != nil && len(c.frames) == 1 {
			if r = c.uitAfhankelijk(ref, h); r != nil {
				c.delen.leer(ref, h, r)
				if c.volger != nil {
					c.volger.leesRegel(r)
				}
			}
		}
		if r == nil {
			if c.volger != nil && len(c.frames) == 1 {
				c.volger.begin(ref, h, &c.termen) // worked out now, until its Put
			}
			return nil, false
		}
	} else if c.volger != nil && len(c.frames) == 1 {
		c.volger.gebruikt(r)
	}
	if r.undefined {
		return nil, true
	}
	return r.waarde, false
}

// deelt: ref is a call whose value the engine's evaluations share, outside any `with`.
func (c *platteCache) deelt(ref ast.Ref) bool {
	return c.gedeeld != nil && len(c.frames) == 1 && c.gedeeld.deelbaar(ref)
}

func (c *platteCache) Put(ref ast.Ref, waarde *ast.Term) {
	h := ref.Hash()
	r := c.zoek(ref, h)
	if r == nil {
		r = c.zet(ref, h)
		if waarde != nil && c.deelt(ref) {
			c.teDelen = append(c.teDelen, r)
		}
	}
	if waarde != nil {
		r.waarde = waarde
	} else {
		r.undefined = true
	}
	if c.delen != nil && len(c.frames) == 1 {
		c.delen.leer(ref, h, r)
	}
	if c.volger != nil && len(c.frames) == 1 {
		c.volger.klaar(r, ref, h)
		if c.afh != nil && r.gevolgd && r.op&alleFeiten == 0 && !c.deelt(ref) {
			c.afhTeDelen = append(c.afhTeDelen, r)
		}
	}
}

// uitAfhankelijk gives the value of ref (hash h) that an earlier question with the same values on the parts it
// read worked out (invoerdelen.go), as an entry of the top frame; nil when there is none.
func (c *platteCache) uitAfhankelijk(ref ast.Ref, h int) *cacheRegel {
	a := c.afh.haal(ref, h, c.delen)
	if a == nil {
		return nil
	}
	r := c.zet(ref, h)
	r.waarde, r.undefined, r.gevolgd, r.feiten, r.op = a.waarde, a.undefined, true, a.feiten, a.leest
	r.deel = c.delen.ind.alsDeel(ref, h, a.feiten)
	return r
}

// zet gives a new entry for ref (hash h) in the top frame.
func (c *platteCache) zet(ref ast.Ref, h int) *cacheRegel {
	top := c.frames[len(c.frames)-1]
	r := &c.regels.neem(1, 256)[0]
	r.ref = c.termen.neem(len(ref), 1024)
	copy(r.ref, ref)
	r.volgende = top[h]
	top[h] = r
	return r
}

func (c *platteCache) Keys() []ast.Ref {
	var uit []ast.Ref
	for _, r := range c.frames[len(c.frames)-1] {
		for ; r != nil; r = r.volgende {
			if r.waarde != nil {
				uit = append(uit, r.ref)
			}
		}
	}
	return uit
}
