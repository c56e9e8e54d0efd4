package library_test

import (
	"context"
	"fmt"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// A GGZ professional asks whether health data may go to the police at the ZVH case table, before the
// WGS: consent is the only route, so the guided mode asks for it first.
func ExampleEngine_OpenFeiten() {
	ctx := context.Background()
	engine, err := library.New(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	vraag := kennisbank.Vraag{
		Van:      "ggz",
		Naar:     kennisbank.Ontvangers{"politie"},
		Gegevens: []string{"gezondheid"},
		Doel:     "zvh_casusoverleg",
		Datum:    "2025-01-01",
		Feiten:   map[string]any{"inclusiecriteria": true},
	}
	open, err := engine.OpenFeiten(ctx, vraag)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := open[0]
	fmt.Printf("%s (%s): %s\n", f.ID, f.Reden, f.Vraag)
	for _, k := range f.Keuzes {
		fmt.Println("-", k.Label)
	}
	// Output:
	// toestemming (verandert): Heeft betrokkene uitdrukkelijk toestemming gegeven voor deze deling?
	// - niet gevraagd
	// - gegeven
	// - geweigerd
	// - onmogelijk
}
