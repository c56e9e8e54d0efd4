package library

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestPlatteCacheZoalsOPA runs the same operations on platteCache and on OPA's own virtual cache, and
// compares every answer: 20,000 random operations (fixed seed) over references of one to four terms from a
// small set (so that references share prefixes and hashes meet), with frames pushed and popped, values
// and undefined put on the same reference, the keys of the top frame, and the cache emptied for a next
// evaluation (its blocks used again) now and then.
func TestPlatteCacheZoalsOPA(t *testing.T) {
	termen := []*ast.Term{
		ast.VarTerm("data"), ast.StringTerm("routes"), ast.StringTerm("kandidaten"), ast.StringTerm("art6"),
		ast.IntNumberTerm(1), ast.IntNumberTerm(2), ast.BooleanTerm(true), ast.NullTerm(),
		ast.ArrayTerm(ast.StringTerm("a"), ast.IntNumberTerm(1)), ast.ArrayTerm(ast.IntNumberTerm(1), ast.StringTerm("a")),
		ast.ObjectTerm(ast.Item(ast.StringTerm("id"), ast.StringTerm("r1"))),
		ast.SetTerm(ast.StringTerm("a"), ast.StringTerm("b")),
	}
	waarden := []*ast.Term{nil, ast.BooleanTerm(false), ast.StringTerm("ja"), ast.ObjectTerm(), ast.IntNumberTerm(7)}
	rng := rand.New(rand.NewPCG(11, 4))
	willekeurigeRef := func() ast.Ref {
		ref := make(ast.Ref, 1+rng.IntN(4))
		for i := range ref {
			ref[i] = termen[rng.IntN(len(termen))]
		}
		return ref
	}
	plat := &platteCache{frames: []map[int]*cacheRegel{{}}}
	opa := topdown.NewVirtualCache()
	diepte := 1
	for i := range 20000 {
		switch k := rng.IntN(1000); {
		case k < 2:
			// The next evaluation: an emptied cache against a new one of OPA.
			plat.leeg()
			opa = topdown.NewVirtualCache()
			diepte = 1
		case k < 30:
			plat.Push()
			opa.Push()
			diepte++
		case k < 60 && diepte > 1:
			plat.Pop()
			opa.Pop()
			diepte--
		case k < 500:
			ref, w := willekeurigeRef(), waarden[rng.IntN(len(waarden))]
			// OPA reuses the slice of a key: the cache must keep its own copy.
			kopie := slices.Clone(ref)
			plat.Put(ref, w)
			opa.Put(kopie, w)
			ref[0] = ast.StringTerm("overschreven")
		case k < 970:
			ref := willekeurigeRef()
			pw, pu := plat.Get(ref)
			ow, ou := opa.Get(ref)
			if pu != ou || (pw == nil) != (ow == nil) || (pw != nil && !pw.Equal(ow)) {
				t.Fatalf("stap %d: Get(%v) = %v, %v; OPA %v, %v", i, ref, pw, pu, ow, ou)
			}
		default:
			if p, o := sleutels(plat.Keys()), sleutels(opa.Keys()); !slices.Equal(p, o) {
				t.Fatalf("stap %d: Keys %v; OPA %v", i, p, o)
			}
		}
	}
}

func sleutels(refs []ast.Ref) []string {
	uit := make([]string, len(refs))
	for i, r := range refs {
		uit[i] = r.String()
	}
	slices.Sort(uit)
	return uit
}

// TestPlatteCacheLeeg: frames are separate, and an emptied cache has one empty frame for the next
// evaluation.
func TestPlatteCacheLeeg(t *testing.T) {
	c := &platteCache{frames: []map[int]*cacheRegel{{}}}
	ref := ast.MustParseRef("data.a.b")
	c.Put(ref, ast.StringTerm("x"))
	c.Push()
	if w, u := c.Get(ref); w != nil || u {
		t.Fatalf("nieuw frame ziet het vorige: %v %v", w, u)
	}
	c.Put(ref, nil)
	if w, u := c.Get(ref); w != nil || !u {
		t.Fatalf("nieuw frame: %v %v", w, u)
	}
	c.Pop()
	if w, _ := c.Get(ref); w == nil || !w.Equal(ast.StringTerm("x")) {
		t.Fatalf("na Pop: %v", w)
	}
	c.Push()
	c.leeg()
	if len(c.frames) != 1 || len(c.frames[0]) != 0 {
		t.Fatalf("na leeg: %d frames, %d sleutels", len(c.frames), len(c.frames[0]))
	}
	if w, u := c.Get(ref); w != nil || u {
		t.Fatalf("na leeg: %v %v", w, u)
	}
}

// TestGeenEvaluatieNaDeTijdslimiet: an answer asked with a time limit of a nanosecond is always a
// DeadlineExceeded, also when the limit's timer has not fired yet and the evaluation would be short (here
// one recipient, asked before so that its shared calls are known).
func TestGeenEvaluatieNaDeTijdslimiet(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	v := kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01"}
	if _, err := e.Beantwoord(context.Background(), v); err != nil {
		t.Fatal(err)
	}
	for range 1000 {
		ctx, stop := context.WithTimeout(context.Background(), time.Nanosecond)
		_, err := e.Beantwoord(ctx, v)
		stop()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("fout %v, verwacht DeadlineExceeded", err)
		}
	}
}
