package library_test

import (
	"context"
	"maps"
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
	const zoalsDeLeeftijd = `data.magikdelen.antwoord with data.magikdelen.vraag.leeftijdsklasse as object.get(data.magikdelen.vraag.feiten, "leeftijd", null)`
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
			if raw, gelijk := zelfdeAntwoordAls(ctx, t, e, v, zoalsDeLeeftijd); !gelijk {
				t.Errorf("%s: het antwoord met de leeftijdsklasse verschilt van dat met de leeftijd zelf", raw)
			}
		}
	}
}
