package library_test

import (
	"context"
	"encoding/json"
	"maps"
	"reflect"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// TestLeeftijdsklasseZoalsDeLeeftijd: the rules compare the age of the data subject with the ages of the knowledge
// base through vraag.leeftijdsklasse (the highest of vraag.leeftijdsgrenzen at or under the age), so that what
// they work out is the same for every age between two such ages. The answer is the one the rules give when they
// compare the age itself: the scenario questions, each with every age around every limit (0, 11, 12, 15, 16, 17,
// 18, 45, 149, 150) and no age.
func TestLeeftijdsklasseZoalsDeLeeftijd(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e := testEngine(t)
	const zoalsDeLeeftijd = "data.magikdelen.antwoord with data.magikdelen.vraag.leeftijdsklasse as data.magikdelen.vraag.feiten.leeftijd"
	for _, v := range scenarioVragen(t) {
		for _, leeftijd := range []any{nil, 0, 11, 12, 15, 16, 17, 18, 45, 149, 150} {
			v.Feiten = maps.Clone(v.Feiten)
			if v.Feiten == nil {
				v.Feiten = map[string]any{}
			}
			if leeftijd == nil {
				delete(v.Feiten, "leeftijd")
			} else {
				v.Feiten["leeftijd"] = leeftijd
			}
			raw, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var invoer map[string]any
			if err := json.Unmarshal(raw, &invoer); err != nil {
				t.Fatal(err)
			}
			query := "data.magikdelen.antwoord"
			if leeftijd != nil {
				query = zoalsDeLeeftijd
			}
			met, ok1, err1 := e.Evalueer(ctx, "data.magikdelen.antwoord", invoer)
			zonder, ok2, err2 := e.Evalueer(ctx, query, invoer)
			if err1 != nil || err2 != nil || !ok1 || !ok2 {
				t.Fatalf("%s: %v, %v (gedefinieerd %v, %v)", raw, err1, err2, ok1, ok2)
			}
			if !reflect.DeepEqual(met, zonder) {
				t.Errorf("%s: het antwoord met de leeftijdsklasse verschilt van dat met de leeftijd zelf", raw)
			}
		}
	}
}
