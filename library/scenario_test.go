package library_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	engineOnce sync.Once
	engine     *library.Engine
	engineErr  error
)

// testEngine returns one engine with the embedded knowledge base, shared by the tests in this package.
func testEngine(t testing.TB) *library.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = library.New(context.Background()) })
	if engineErr != nil {
		t.Fatalf("New: %v", engineErr)
	}
	return engine
}

// TestScenarios runs every scenario file of the contract (copied from shared/scenarios into
// testdata/scenarios) through ToetsScenarios, the same call as "magikdelen test".
func TestScenarios(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	rapport, err := e.ToetsScenarios(context.Background(), os.DirFS("../testdata/scenarios"))
	if err != nil {
		t.Fatalf("ToetsScenarios: %v", err)
	}
	if len(rapport.Uitslagen) < 36 {
		t.Fatalf("%d scenario's gevonden, verwacht de 36 gedeelde scenario's", len(rapport.Uitslagen))
	}
	for _, u := range rapport.Uitslagen {
		t.Run(u.ID, func(t *testing.T) {
			if !u.Geslaagd {
				t.Errorf("%s (%s): %s", u.ID, u.Bestand, strings.Join(u.Verschillen, "; "))
			}
			for _, o := range u.Opmerkingen {
				t.Log(o)
			}
		})
	}
	if rapport.Geslaagd+rapport.Mislukt != len(rapport.Uitslagen) {
		t.Errorf("telling klopt niet: %d + %d != %d", rapport.Geslaagd, rapport.Mislukt, len(rapport.Uitslagen))
	}
}

// TestWetScenarios runs the law-derived questions of testdata/wet (issue #10): for every route and every
// ground the rules cite, a question where it must carry the answer and one where it must not, each
// written from the article text (the article is in its toelichting), not from the rules.
func TestWetScenarios(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	rapport, err := e.ToetsScenarios(context.Background(), os.DirFS("../testdata/wet"))
	if err != nil {
		t.Fatalf("ToetsScenarios: %v", err)
	}
	if len(rapport.Uitslagen) < 150 {
		t.Fatalf("%d wetsvragen gevonden, verwacht er ten minste 150", len(rapport.Uitslagen))
	}
	for _, u := range rapport.Uitslagen {
		if !u.Geslaagd {
			t.Errorf("%s (%s): %s", u.ID, u.Bestand, strings.Join(u.Verschillen, "; "))
		}
	}
}

// TestToetsScenarioVerschillen checks that a wrong expectation fails with the difference named.
func TestToetsScenarioVerschillen(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	s, err := kennisbank.LeesScenario(strings.NewReader(`{"id": "T-1", "vraag": {"van": "wijkteam", "naar": "zvh_procesregisseur",
		"gegevens": ["identificerend"], "doel": "zvh_aanmelding", "datum": "2025-06-01", "feiten": {"inclusiecriteria": false}},
		"verwacht": {"oordeel": "toegestaan_onder_voorwaarden", "voorwaarden": ["fg"], "zekerheid": "hoog"}}`))
	if err != nil {
		t.Fatal(err)
	}
	u := e.ToetsScenario(context.Background(), s)
	want := []string{"oordeel is niet_toegestaan, verwacht toegestaan_onder_voorwaarden", "voorwaarden ontbreken: fg"}
	if u.Geslaagd || strings.Join(u.Verschillen, "|") != strings.Join(want, "|") {
		t.Errorf("uitslag %+v, verwacht verschillen %q", u, want)
	}
	if len(u.Opmerkingen) != 1 {
		t.Errorf("opmerkingen %q, verwacht één over de zekerheid", u.Opmerkingen)
	}
}
