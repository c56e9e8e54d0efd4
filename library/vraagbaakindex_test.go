package library

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestVraagbaakIndexZoalsDeRegels: the links the engine adds from its load-time index are the links
// the rules give (vraagbaak.links, which the bundle's answers carry), for the questions of vergelijkVragen
// (scenario and law questions, the vraagbaak checks, a rotation per sender).
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
	getoetst, metLinks := 0, 0
	for _, v := range vergelijkVragen(t, e) {
		gecontroleerd, err := e.kb.Controleer(v, e.klok())
		if err != nil {
			continue // a question the vocabulary rejects has no answer to link
		}
		b, err := e.Beslis(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		var want []Vraagbaakverwijzing
		volgensDeRegels(t, regels, gecontroleerd, &want)
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
	return vragenUit(t, "../testdata/scenarios/*.json")
}

// vragenUit reads the questions of the scenario files that patroon matches (at least one).
func vragenUit(t testing.TB, patroon string) []benoemdeVraag {
	t.Helper()
	paden, err := filepath.Glob(patroon)
	if err != nil || len(paden) == 0 {
		t.Fatalf("geen scenario's in %s: %v", patroon, err)
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

// TestVraagbaakLinksPunten: the ranking on made-up entries: a party, category or purpose an entry names twice
// counts once, as one the question names twice (the rules count sets); the covenant adds points only to an entry
// that names something of the question; equal points go to the more specific entry, then by id; at most three.
func TestVraagbaakLinksPunten(t *testing.T) {
	x := nieuweVraagbaakIndex([]kennisbank.Vraagbaakitem{
		{ID: "dubbel", Vraag: "d", Partijen: []string{"politie", "politie"}, Gegevens: []string{"x", "x"}},           // 2 + 1
		{ID: "twee_partijen", Vraag: "t", Partijen: []string{"politie", "ggz"}},                                      // 4
		{ID: "alleen_convenant", Vraag: "c", Convenanten: []string{"zvht"}},                                          // nothing of the question
		{ID: "doel_en_convenant", Vraag: "dc", Convenanten: []string{"zvht"}, Doelen: []string{"d"}},                 // 2 + 3
		{ID: "b_doel", Vraag: "b", Doelen: []string{"d", "e"}},                                                       // 2, less specific
		{ID: "a_doel", Vraag: "a", Doelen: []string{"d"}},                                                            // 2
		{ID: "ander", Vraag: "o", Partijen: []string{"school"}, Gegevens: []string{"y"}, Doelen: []string{"anders"}}, // none
	})
	zvht := "zvht"
	a := &Antwoord{Kader: Kader{Convenant: &zvht}, Vraag: BeoordeeldeVraag{
		Van: "politie", Naar: []string{"ggz", "politie"}, Ontvangers: []string{"ggz"}, Gegevens: []string{"x", "x"}, Doel: "d",
	}}
	var got []string
	for _, l := range x.links(a) {
		got = append(got, l.ID)
	}
	if want := []string{"doel_en_convenant", "twee_partijen", "dubbel"}; !reflect.DeepEqual(got, want) {
		t.Errorf("links = %v, verwacht %v", got, want)
	}
	a.Kader.Convenant, a.Vraag.Van, a.Vraag.Naar, a.Vraag.Ontvangers, a.Vraag.Gegevens = nil, "wijkteam", nil, nil, nil
	got = got[:0]
	for _, l := range x.links(a) {
		got = append(got, l.ID)
	}
	if want := []string{"a_doel", "b_doel", "doel_en_convenant"}; !reflect.DeepEqual(got, want) {
		t.Errorf("zonder convenant: links = %v, verwacht %v", got, want)
	}
}
