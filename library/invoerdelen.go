package library

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Values that read parts of the question, shared between questions.
//
// Most of what the rules work out for a question reads only some parts of it: the route of a recipient reads the
// sender, the purpose, the date and a few facts; a layer of a cell reads some more. The volger (feitvolger.go)
// notes for every value an evaluation works out which facts it read; it notes the other parts of the input the
// same way. Another question that has the same values on exactly those parts gets the same value without working
// it out, since the rules are deterministic and the knowledge base is the engine's (a new one is a new engine).
// afhankelijkeCache keeps such values, for every later evaluation of the engine; gedeeldeCache keeps the calls
// that read no part at all. Nothing about the law is in Go: which parts a value read is observed.
//
// A part of the question is a fact (input.feiten[f], which the rules read through vraag.feit(f)), a key of the
// input that a rule reads (input.van, input.datum, ...), or a complete rule of package vraag that reads no input
// itself (vraag.peildatum, vraag.datum_geldig, vraag.naar); invoerIndeling gives each a bit of a feitSet. OPA
// reads the input without asking the cache, so what a rule reads of it is read from the compiled rules, once per
// engine: a value that is worked out reads the keys its rule reads, and the keys the rules it refers to read
// (OPA's rule index compares the input a rule's body compares before it asks the cache for that rule, and may
// decide that the rule is undefined without asking at all; not for a complete rule with a default, for which it
// always asks). A rule that reads the input as a whole, or under a key that is not a constant, reads every part
// (alleFeiten); so does a value worked out around a `with` (platteCache.Push), and one the volger cannot follow.
// A value that read every part is never shared.
//
// A rule of package vraag that is a part is kept in the store with what it read (vraag.peildatum: the date), and a
// value that reads it reads that part, keyed by its value: the rules compare the date with the days of the
// knowledge base through vraag.peildatum, so what they work out that way is the same on every date with the
// same peildatum, and shared between such questions. Such a part is known once the evaluation has its value
// (invoerDelen.leer); a value that read a part not yet known is neither taken nor kept. The evaluation of a
// question asks these rules first (delenBewaking.voor, from the store when an earlier question had the same
// date), a variant takes them from its question. vraag.leeftijdsklasse does for the age what peildatum does for the
// date; it reads a fact, and a value that reads it is shared on the class alone (cacheRegel.op), while for the
// variants, which change facts, it still read the fact (cacheRegel.feiten).
//
// It holds while OPA works out every value the volger watches in the cache's sight (volgbaar: deterministic
// built-ins, no indexed comprehensions) on the closures of the decisions that add values (the answer in parts
// and the open facts in parts); deelVragen checks that once per engine, at its second question, so that a
// process that asks one question (the CLI) does not pay for it. The evaluations of a question (its answer and its
// open facts, in parts) and of its variants (the alternatives, the trials of the open facts: feitvolger.go)
// read from the store, and add what they worked out when they end without error; a variant's volger also notes
// what the values it takes from the question read. One difference with a fresh evaluation remains, for rules in error: a complete rule or
// function with two definitions that give different values is a conflict OPA reports, and a shared value
// reports none. TestAfhankelijk* check the bits, the sharing and that answers and open facts are those of an
// engine that shares nothing.

// invoerIndeling gives each part of the question its bit, and says which rules read which parts directly.
type invoerIndeling struct {
	feitIDs []string
	feiten  feitPlekken
	// delen: the parts with a bit, in the order of their bits: a fact (feit set) or a key of the input.
	delen []invoerDeel
	// lezers: the rules that read parts (themselves or through the rule index), by the hash of their path;
	// functies: the same for functions, and functieAanroepen: every call site (operator term) of a function in
	// the rules, with what that function reads (OPA's key of a call begins with that term).
	lezers           map[int][]invoerLezer
	functies         map[int][]invoerLezer
	functieAanroepen map[*ast.Term]feitSet
	// regels: the complete rules of package vraag that are parts themselves, by the hash of their path (their
	// bit in leest), and regelBits their bits; feitBits: the bits of the facts.
	regels    map[int][]invoerLezer
	regelBits feitSet
	feitBits  feitSet
}

type invoerDeel struct {
	bit     feitSet
	sleutel *ast.Term // the key of the input, the id of the fact, or the path of the rule
	feit    bool
	regel   bool // a rule of package vraag: its value is known once the evaluation has it (invoerDelen.leer)
}

type invoerLezer struct {
	pad   ast.Ref
	leest feitSet
}

var sleutelFeiten = ast.InternedTerm("feiten")

// nieuweInvoerIndeling gives the facts the first bits (as nieuweFeitPlekken) and then every key of the input a
// rule of c reads, in sorted order; and notes which rules read which (through g, the dependency graph of c's
// rules).
func nieuweInvoerIndeling(c *ast.Compiler, g *ast.Graph, feitIDs []string) *invoerIndeling {
	ind := &invoerIndeling{feitIDs: feitIDs, feiten: nieuweFeitPlekken(feitIDs), lezers: map[int][]invoerLezer{}, functies: map[int][]invoerLezer{}, functieAanroepen: map[*ast.Term]feitSet{}, regels: map[int][]invoerLezer{}}
	for _, id := range feitIDs {
		if b := ind.feiten.van(id); b != alleFeiten {
			ind.delen = append(ind.delen, invoerDeel{bit: b, sleutel: ast.StringTerm(id), feit: true})
			ind.feitBits |= b
		}
	}
	if c == nil {
		return ind
	}
	// Every key read, to give each a bit.
	leest := map[*ast.Rule][]*ast.Term{} // the keys a rule reads; a nil element: the whole input
	sleutels := map[string]*ast.Term{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			ast.WalkRefs(r, func(ref ast.Ref) bool { // also its else branches and the targets of its with
				if !ref[0].Equal(ast.InputRootDocument) {
					return false
				}
				var k *ast.Term
				if len(ref) > 1 {
					if s, ok := ref[1].Value.(ast.String); ok {
						k = ref[1]
						sleutels[string(s)] = k
					}
				}
				leest[r] = append(leest[r], k)
				return false
			})
		}
	}
	namen := make([]string, 0, len(sleutels))
	for k := range sleutels {
		namen = append(namen, k)
	}
	sort.Strings(namen)
	bitVan := map[string]feitSet{}
	for _, k := range namen {
		n := len(ind.delen)
		if k == "feiten" || n >= 63 {
			bitVan[k] = alleFeiten // the facts as a whole are every fact; beyond the bits, every part
			continue
		}
		bitVan[k] = 1 << n
		ind.delen = append(ind.delen, invoerDeel{bit: 1 << n, sleutel: sleutels[k]})
	}
	// What each rule reads of the input itself; then, per path, that and what the rules it refers to read
	// themselves: OPA's rule index reads the input that a rule's bodies compare, before (and instead of) asking
	// the cache for the rule's value, when the rule is referred to.
	eigen := map[*ast.Rule]feitSet{}
	for r, ks := range leest {
		var b feitSet
		for _, k := range ks {
			if k == nil {
				b |= alleFeiten
			} else {
				b |= bitVan[string(k.Value.(ast.String))]
			}
		}
		eigen[r] = b
	}
	// The paths of complete rules with a default: OPA asks the cache for such a rule whatever the rule index
	// finds (IndexResult.Empty is false), so what its index read of the input reaches the value that refers to
	// it only through the cache, where the volger sees it; a rule that refers to it does not read that input
	// itself. (So a text that names vraag.datum does not make the rule it is in read the date.)
	metDefault := map[string]bool{}
	// The complete rules of package vraag that read no input themselves (their bodies have nothing for the rule
	// index to compare, so OPA asks the cache for them whenever they are referred to) become parts themselves,
	// keyed by their value instead of by what they read: vraag.peildatum reads the date, but a value that read
	// it is the same on every date with the same peildatum. vraag.feiten stays every fact.
	eigenPerPad := map[string]feitSet{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			pad := r.Ref().GroundPrefix().String()
			if r.Default && len(r.Head.Args) == 0 {
				metDefault[pad] = true
			}
			eigenPerPad[pad] |= eigen[r]
		}
	}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			pad := r.Ref().GroundPrefix()
			n := len(ind.delen)
			if len(r.Head.Args) > 0 || r.Head.RuleKind() != ast.SingleValue || len(pad) != len(refFeiten) ||
				!pad[:len(pad)-1].Equal(refFeiten[:len(refFeiten)-1]) || pad.Equal(refFeiten) ||
				eigenPerPad[pad.String()] != 0 || n >= 63 || ind.regelDeel(pad, pad.Hash()) != 0 {
				continue
			}
			ind.delen = append(ind.delen, invoerDeel{bit: 1 << n, sleutel: ast.NewTerm(pad), regel: true})
			ind.regels[pad.Hash()] = append(ind.regels[pad.Hash()], invoerLezer{pad: pad, leest: 1 << n})
			ind.regelBits |= 1 << n
		}
	}
	functiePaden := map[string]feitSet{} // every function, also one that reads nothing
	voegToe := func(m map[int][]invoerLezer, pad ast.Ref, b feitSet) {
		h := pad.Hash()
		for i, l := range m[h] {
			if l.pad.Equal(pad) {
				m[h][i].leest |= b
				return
			}
		}
		m[h] = append(m[h], invoerLezer{pad: pad, leest: b})
	}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			b := eigen[r]
			for d := range g.Dependencies(r) {
				if dr, ok := d.(*ast.Rule); ok && !metDefault[dr.Ref().GroundPrefix().String()] {
					b |= eigen[dr]
				}
			}
			pad := r.Ref().GroundPrefix()
			switch {
			case len(r.Head.Args) > 0:
				functiePaden[pad.String()] |= b
				if b != 0 {
					voegToe(ind.functies, pad, b)
				}
			case b != 0:
				voegToe(ind.lezers, pad, b)
			}
		}
	}
	for _, m := range c.Modules {
		ast.WalkExprs(m, func(x *ast.Expr) bool {
			if x.IsCall() {
				op := x.Terms.([]*ast.Term)[0]
				if b, ok := functiePaden[op.String()]; ok {
					ind.functieAanroepen[op] |= b
				}
			}
			return false
		})
	}
	return ind
}

// leestDirect gives the parts that the rule of ref (a value OPA works out, with hash h) reads from the input
// itself, or that the rule index reads when it looks up a rule it refers to; 0 for none.
func (ind *invoerIndeling) leestDirect(ref ast.Ref, h int) feitSet {
	if ind == nil || len(ref) == 0 {
		return 0
	}
	if pad, ok := ref[0].Value.(ast.Ref); ok {
		// A call of a function: its first term is the function's reference, as in the rules (or, for a call
		// in a query, a term of its own).
		if b, ok := ind.functieAanroepen[ref[0]]; ok {
			return b
		}
		for _, l := range ind.functies[pad.Hash()] {
			if l.pad.Equal(pad) {
				return l.leest
			}
		}
		return 0
	}
	for _, l := range ind.lezers[h] {
		if l.pad.Equal(ref) {
			return l.leest
		}
	}
	if len(ind.lezers) > 0 {
		// A partial rule's value at a key (data.p.r["k"]) is put under a longer reference than its path.
		for _, l := range ind.lezers[ref[:len(ref)-1].Hash()] {
			if len(ref) == len(l.pad)+1 && l.pad.Equal(ref[:len(ref)-1]) {
				return l.leest
			}
		}
	}
	return 0
}

// voorQuery is a query that asks every rule of package vraag that is a part, defined or not; "" for none.
func (ind *invoerIndeling) voorQuery() string {
	var delen []string
	for _, d := range ind.delen {
		if d.regel {
			delen = append(delen, fmt.Sprintf("deel%d := [w | w := %v]", len(delen), d.sleutel))
		}
	}
	return strings.Join(delen, "; ")
}

// regelDeel gives the bit of the rule of package vraag at ref (hash h) when it is a part; 0 otherwise.
func (ind *invoerIndeling) regelDeel(ref ast.Ref, h int) feitSet {
	if ind == nil {
		return 0
	}
	for _, l := range ind.regels[h] {
		if l.pad.Equal(ref) {
			return l.leest
		}
	}
	return 0
}

// alsDeel gives, when ref (hash h) is a rule of package vraag that is a part, what a value that reads it reads:
// that part, and the facts among what it read itself (leest; for the variants, feitvolger.go); 0 otherwise.
func (ind *invoerIndeling) alsDeel(ref ast.Ref, h int, leest feitSet) feitSet {
	if b := ind.regelDeel(ref, h); b != 0 {
		return b | leest&(ind.feitBits|alleFeiten)
	}
	return 0
}

// invoerDelen are the values of the parts of one question (the input of one evaluation), by bit: nil for a part
// the question does not have, and a hash of each. bekend: the parts whose values are known; a rule of package
// vraag is known once the evaluation has its value (leer).
type invoerDelen struct {
	ind     *invoerIndeling
	waarden [64]*ast.Term
	hashes  [64]uint64
	bekend  feitSet
}

// delenVan gives the parts of input invoer; nil when it is not an object (then nothing is shared).
func (ind *invoerIndeling) delenVan(invoer ast.Value) *invoerDelen {
	o, ok := invoer.(ast.Object)
	if ind == nil || !ok {
		return nil
	}
	d := &invoerDelen{ind: ind}
	var feiten ast.Object
	if t := o.Get(sleutelFeiten); t != nil {
		if f, ok := t.Value.(ast.Object); ok {
			feiten = f
		} else {
			return nil // facts that are not an object: the rules read them otherwise
		}
	}
	for _, deel := range ind.delen {
		if deel.regel {
			continue
		}
		d.bekend |= deel.bit
		i := bits.TrailingZeros64(uint64(deel.bit))
		var w *ast.Term
		if deel.feit {
			if feiten != nil {
				w = feiten.Get(deel.sleutel)
			}
		} else {
			w = o.Get(deel.sleutel)
		}
		d.zet(i, w)
	}
	return d
}

func (d *invoerDelen) zet(i int, w *ast.Term) {
	d.waarden[i] = w
	if w != nil {
		d.hashes[i] = uint64(w.Hash())*0x9E3779B97F4A7C15 + 1
	}
}

// leer: the evaluation has r, the value of ref (hash h), outside any `with`; when ref is a rule of package vraag
// that is a part, that part is now known.
func (d *invoerDelen) leer(ref ast.Ref, h int, r *cacheRegel) {
	d.leerDeel(d.ind.regelDeel(ref, h), r.waarde, r.undefined)
}

func (d *invoerDelen) leerDeel(b feitSet, waarde *ast.Term, undefined bool) {
	if b == 0 || d.bekend&b != 0 {
		return
	}
	if !undefined {
		d.zet(bits.TrailingZeros64(uint64(b)), waarde)
	}
	d.bekend |= b
}

// leerUit: the parts that are rules of package vraag, from store a, where an earlier question had the same values
// on what they read (one may read another: as many rounds as there are such parts); true when every one is known.
func (d *invoerDelen) leerUit(a *afhankelijkeCache) bool {
	regels := d.ind.regelBits
	for d.bekend&regels != regels {
		voor := d.bekend
		for _, deel := range d.ind.delen {
			if deel.regel && d.bekend&deel.bit == 0 {
				pad := deel.sleutel.Value.(ast.Ref)
				if w := a.haal(pad, pad.Hash(), d); w != nil {
					d.leerDeel(deel.bit, w.waarde, w.undefined)
				}
			}
		}
		if d.bekend == voor {
			return false
		}
	}
	return true
}

// hash gives a hash of ref (hash h) with the values of parts s.
func (d *invoerDelen) hash(h int, s feitSet) uint64 {
	x := uint64(h)*0xff51afd7ed558ccd ^ uint64(s)
	for b := uint64(s); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		x = (x ^ d.hashes[i]) * 0xc4ceb9fe1a85ec53
		x ^= x >> 29
	}
	return x
}

// zelfde: the values of parts s are those in sleutel (in the order of their bits).
func (d *invoerDelen) zelfde(s feitSet, sleutel []*ast.Term) bool {
	j := 0
	for b := uint64(s); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		w, k := d.waarden[i], sleutel[j]
		j++
		if (w == nil) != (k == nil) || (w != nil && !w.Equal(k)) {
			return false
		}
	}
	return true
}

// sleutel gives the values of parts s, in the order of their bits.
func (d *invoerDelen) sleutel(s feitSet) []*ast.Term {
	uit := make([]*ast.Term, 0, bits.OnesCount64(uint64(s)))
	for b := uint64(s); b != 0; b &= b - 1 {
		uit = append(uit, d.waarden[bits.TrailingZeros64(b)])
	}
	return uit
}

// afhankelijkeCache keeps, for every evaluation of the engine, the values that read parts of the question, with
// the parts they read and those parts' values (see above). A value is taken only by an evaluation whose question
// has the same values on those parts. Like gedeeldeCache it holds at most maxAfhankelijk values and starts empty
// again when it is full (361 varied questions leave some 40,000, about 11 MB).
type afhankelijkeCache struct {
	mu      sync.RWMutex
	waarden map[uint64]*afhWaarde // by invoerDelen.hash of the reference, the parts read and their values
	lezers  map[int][]feitSet     // by the hash of a reference: the sets of parts its values read
	aantal  atomic.Int64          // written under mu
}

const maxAfhankelijk = 1 << 16

type afhWaarde struct {
	ref ast.Ref
	// leest: the parts the value is shared on (cacheRegel.op), its key with sleutel; feiten: what it read
	// (cacheRegel.feiten).
	leest     feitSet
	feiten    feitSet
	sleutel   []*ast.Term
	waarde    *ast.Term
	undefined bool
	volgende  *afhWaarde
}

func nieuweAfhankelijkeCache() *afhankelijkeCache {
	return &afhankelijkeCache{waarden: map[uint64]*afhWaarde{}, lezers: map[int][]feitSet{}}
}

// haal gives the value of ref (hash h) for a question with parts d, or nil.
func (a *afhankelijkeCache) haal(ref ast.Ref, h int, d *invoerDelen) *afhWaarde {
	if a.aantal.Load() == 0 {
		return nil
	}
	a.mu.RLock()
	defer a.mu.RUnlock()
	for _, s := range a.lezers[h] {
		if s&^d.bekend != 0 {
			continue // a part the evaluation does not know yet
		}
		for w := a.waarden[d.hash(h, s)]; w != nil; w = w.volgende {
			if w.leest == s && w.ref.Equal(ref) && d.zelfde(s, w.sleutel) {
				return w
			}
		}
	}
	return nil
}

// voegToe keeps the values an evaluation with parts d worked out, that read only parts with a bit; the entries
// are copied (they live in the blocks of a platteCache).
func (a *afhankelijkeCache) voegToe(regels []*cacheRegel, d *invoerDelen) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, r := range regels {
		if !r.gevolgd || r.op&alleFeiten != 0 || r.op&^d.bekend != 0 {
			continue // put again after it was noted, or read a part of unknown value: what it read is not known
		}
		if a.aantal.Load() >= maxAfhankelijk {
			a.waarden, a.lezers = map[uint64]*afhWaarde{}, map[int][]feitSet{}
			a.aantal.Store(0)
		}
		h := r.ref.Hash()
		k := d.hash(h, r.op)
		dubbel := false
		for w := a.waarden[k]; w != nil && !dubbel; w = w.volgende {
			dubbel = w.leest == r.op && w.ref.Equal(r.ref) && d.zelfde(r.op, w.sleutel)
		}
		if dubbel {
			continue
		}
		if !slices.Contains(a.lezers[h], r.op) {
			a.lezers[h] = append(a.lezers[h], r.op)
		}
		a.waarden[k] = &afhWaarde{ref: append(ast.Ref(nil), r.ref...), leest: r.op, feiten: r.feiten, sleutel: d.sleutel(r.op),
			waarde: r.waarde, undefined: r.undefined, volgende: a.waarden[k]}
		a.aantal.Add(1)
	}
}
