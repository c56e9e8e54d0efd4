package library_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// A wijkteam registers a case with the Zorg- en Veiligheidshuis Twente (scenario ZVH-01).
func ExampleEngine_Beantwoord() {
	ctx := context.Background()
	engine, err := library.New(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	antwoord, err := engine.Beantwoord(ctx, kennisbank.Vraag{
		Van:       "wijkteam",
		Naar:      kennisbank.Ontvangers{"zvh_procesregisseur"},
		Gegevens:  []string{"identificerend", "signaal", "hulpverlening"},
		Doel:      "zvh_aanmelding",
		Convenant: "zvht",
		Datum:     "2025-06-01",
		Feiten:    map[string]any{"inclusiecriteria": true},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(antwoord.Oordeel)
	for _, v := range antwoord.Voorwaarden {
		fmt.Println("-", v.ID)
	}
	// Output:
	// toegestaan_onder_voorwaarden
	// - noodzaak
	// - minimaal
	// - doelbinding
	// - inclusie
	// - informeren
	// - vastleggen
}

func ExampleLeesVraag() {
	vraag, err := kennisbank.LeesVraag(strings.NewReader(`{
		"van": "mediant",
		"naar": "overleg_deelnemers",
		"gegevens": ["gezondheid"],
		"doel": "zvh_casusoverleg",
		"datum": "2025-06-01",
		"feiten": {"toestemming": "niet_gevraagd", "leeftijd": 34}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(vraag.Van, vraag.Naar, vraag.Gegevens, vraag.Doel, vraag.Datum)
	fmt.Println(vraag.Feiten["toestemming"], vraag.Feiten["leeftijd"])

	// Unknown keys are rejected, nothing is guessed.
	_, err = kennisbank.LeesVraag(strings.NewReader(`{"van": "wijkteam", "ontvanger": "politie"}`))
	var fout *kennisbank.JSONFout
	if errors.As(err, &fout) {
		fmt.Println("fout in", fout.Veld)
	}
	// Output:
	// mediant [overleg_deelnemers] [gezondheid] zvh_casusoverleg 2025-06-01
	// niet_gevraagd 34
	// fout in ontvanger
}
