package library_test

import (
	"context"
	"encoding/json"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
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
// every day of kb.datumgrenzen (seeded, so every run asks the same 72 questions), and each once more around a
// day the data names that kb.datumgrenzen leaves out (the days of the vraagbaak's example questions), in turn.
func TestPeildatumZoalsDeDatum(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e := testEngine(t)
	rond := func(d time.Time) []string {
		var uit []string
		for _, n := range []int{-1, 0, 1} {
			uit = append(uit, d.AddDate(0, 0, n).Format(time.DateOnly))
		}
		return uit
	}
	data := e.Kennisbank().Data()
	grens := map[string]bool{}
	var dagen []string
	for _, g := range data["datumgrenzen"].([]any) {
		grens[g.(string)] = true
		d, err := time.Parse(time.DateOnly, g.(string))
		if err != nil {
			t.Fatalf("datumgrens %v: %v", g, err)
		}
		if d.Year() > 2000 {
			dagen = append(dagen, rond(d)...)
		}
	}
	if len(dagen) < 30 {
		t.Fatalf("%d dagen rond de datumgrenzen; de kennisbank noemt er meer", len(dagen))
	}
	var buiten []string // days around the days the data names outside kb.datumgrenzen
	for _, d := range dagenIn(t, data, "datumgrenzen") {
		if !grens[d.Format(time.DateOnly)] {
			buiten = append(buiten, rond(d)...)
		}
	}
	if len(buiten) == 0 {
		t.Fatal("geen dag buiten de datumgrenzen; de voorbeeldvragen van de vraagbaak noemen er")
	}
	rnd := rand.New(rand.NewPCG(3, 2026))
	const zoalsDeDatum = "data.magikdelen.antwoord with data.magikdelen.vraag.peildatum as data.magikdelen.vraag.datum"
	for i, v := range scenarioVragen(t) {
		for _, d := range []string{dagen[rnd.IntN(len(dagen))], dagen[rnd.IntN(len(dagen))], buiten[i%len(buiten)]} {
			v.Datum = d
			if raw, gelijk := zelfdeAntwoordAls(ctx, t, e, v, zoalsDeDatum); !gelijk {
				t.Errorf("%s: het antwoord met de peildatum verschilt van dat met de datum zelf", raw)
			}
		}
	}
}

// dagenIn gives every day (JJJJ-MM-DD) that a string in data names, each once and sorted, outside the field
// zonder.
func dagenIn(t *testing.T, data map[string]any, zonder string) []time.Time {
	t.Helper()
	gezien := map[string]bool{}
	var loop func(v any)
	loop = func(v any) {
		switch w := v.(type) {
		case string:
			if d, err := time.Parse(time.DateOnly, w); err == nil && d.Format(time.DateOnly) == w {
				gezien[w] = true
			}
		case map[string]any:
			for _, x := range w {
				loop(x)
			}
		case []any:
			for _, x := range w {
				loop(x)
			}
		}
	}
	for k, v := range data {
		if k != zonder {
			loop(v)
		}
	}
	var uit []time.Time
	for _, w := range slices.Sorted(maps.Keys(gezien)) {
		d, _ := time.Parse(time.DateOnly, w)
		uit = append(uit, d)
	}
	return uit
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
