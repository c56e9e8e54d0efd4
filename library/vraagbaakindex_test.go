package library

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestVraagbaakIndexZoalsDeRegels: the links the engine adds from its load-time index are the links
// the rules give (vraagbaak.links, which the bundle's answers carry), for the scenario questions, the
// questions of the vraagbaak checks, and for each party as sender a question that rotates through the
// recipients, categories and purposes (deterministic).
func TestVraagbaakIndexZoalsDeRegels(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.vraagbaak == nil {
		t.Fatal("de engine rangschikt de vraagbaak niet zelf")
	}
	regels, err := rego.New(append(e.basisArgs(), rego.Query("data.magikdelen.vraagbaak.links"))...).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var vragen []kennisbank.Vraag
	for _, s := range scenarioVragenIntern(t) {
		vragen = append(vragen, s.vraag)
	}
	for _, it := range e.kb.Vraagbaak() {
		for _, c := range it.Controles {
			vragen = append(vragen, c.Vraag)
		}
	}
	partijen, gegevens, doelen := e.kb.IDs("partijen"), e.kb.IDs("gegevens"), e.kb.IDs("doelen")
	for i, van := range partijen {
		vragen = append(vragen, kennisbank.Vraag{
			Van: van, Naar: kennisbank.Ontvangers{partijen[(i+1)%len(partijen)], partijen[(i+7)%len(partijen)]},
			Gegevens: []string{gegevens[i%len(gegevens)], gegevens[(i+3)%len(gegevens)]},
			Doel:     doelen[i%len(doelen)], Datum: "2026-03-01",
		})
	}
	getoetst, metLinks := 0, 0
	for _, v := range vragen {
		gecontroleerd, err := e.kb.Controleer(v, e.klok())
		if err != nil {
			continue // a question the vocabulary rejects has no answer to link
		}
		b, err := e.Beslis(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		invoer, err := vraagAlsInvoer(gecontroleerd)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := regels.Eval(ctx, rego.EvalInput(invoer))
		if err != nil || len(rs) != 1 {
			t.Fatalf("vraagbaak.links: %v", err)
		}
		raw, _ := json.Marshal(rs[0].Expressions[0].Value)
		var want []Vraagbaakverwijzing
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		got := b.item.a.Vraagbaak
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s → %v, %v, %s: index %v, regels %v", v.Van, v.Naar, v.Gegevens, v.Doel, got, want)
		}
		getoetst++
		if len(want) > 0 {
			metLinks++
		}
	}
	if getoetst < 100 || metLinks < getoetst/2 {
		t.Fatalf("%d vragen getoetst, %d met verwijzingen: te weinig om de rangorde te toetsen", getoetst, metLinks)
	}
	t.Logf("%d vragen, %d met verwijzingen", getoetst, metLinks)
}

// benoemdeVraag is the question of a scenario file, with the file's name.
type benoemdeVraag struct {
	naam  string
	vraag kennisbank.Vraag
}

// scenarioVragenIntern reads the questions of the scenario files (scenarioVragen in bench_test.go, for the
// tests inside the package).
func scenarioVragenIntern(t testing.TB) []benoemdeVraag {
	t.Helper()
	paden, err := filepath.Glob("../testdata/scenarios/*.json")
	if err != nil || len(paden) == 0 {
		t.Fatalf("geen scenario's: %v", err)
	}
	var uit []benoemdeVraag
	for _, p := range paden {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		s, err := kennisbank.LeesScenario(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		uit = append(uit, benoemdeVraag{filepath.Base(p), s.Vraag})
	}
	return uit
}
