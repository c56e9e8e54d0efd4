package library_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestPeildatumZoalsDeDatum: the rules compare the date of a share with the days of the knowledge base through
// vraag.peildatum (the latest of kb.datumgrenzen on or before the date), so that what they work out is the same
// for every date between two such days. The answer is the one the rules give when they compare the date
// itself: the scenario questions, each on two days drawn from the day before, the day of and the day after
// every day the knowledge base names (seeded, so every run asks the same 72 questions).
func TestPeildatumZoalsDeDatum(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e := testEngine(t)
	var dagen []string
	for _, g := range e.Kennisbank().Data()["datumgrenzen"].([]any) {
		d, err := time.Parse(time.DateOnly, g.(string))
		if err != nil {
			t.Fatalf("datumgrens %v: %v", g, err)
		}
		if d.Year() > 2000 {
			for _, n := range []int{-1, 0, 1} {
				dagen = append(dagen, d.AddDate(0, 0, n).Format(time.DateOnly))
			}
		}
	}
	if len(dagen) < 30 {
		t.Fatalf("%d dagen rond de datumgrenzen; de kennisbank noemt er meer", len(dagen))
	}
	rnd := rand.New(rand.NewPCG(3, 2026))
	const zoalsDeDatum = "data.magikdelen.antwoord with data.magikdelen.vraag.peildatum as data.magikdelen.vraag.datum"
	for _, v := range scenarioVragen(t) {
		for range 2 {
			v.Datum = dagen[rnd.IntN(len(dagen))]
			if raw, gelijk := zelfdeAntwoordAls(ctx, t, e, v, zoalsDeDatum); !gelijk {
				t.Errorf("%s: het antwoord met de peildatum verschilt van dat met de datum zelf", raw)
			}
		}
	}
}

// zelfdeAntwoordAls: whether the rules' answer to v is the answer of query, which is that answer with a `with`
// that puts back what a class of the rules stands for (the date for vraag.peildatum); raw is v as JSON.
func zelfdeAntwoordAls(ctx context.Context, t *testing.T, e *library.Engine, v kennisbank.Vraag, query string) (raw []byte, gelijk bool) {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var invoer map[string]any
	if err := json.Unmarshal(raw, &invoer); err != nil {
		t.Fatal(err)
	}
	met, ok1, err1 := e.Evalueer(ctx, "data.magikdelen.antwoord", invoer)
	zonder, ok2, err2 := e.Evalueer(ctx, query, invoer)
	if err1 != nil || err2 != nil || !ok1 || !ok2 {
		t.Fatalf("%s: %v, %v (gedefinieerd %v, %v)", raw, err1, err2, ok1, ok2)
	}
	return raw, reflect.DeepEqual(met, zonder)
}
