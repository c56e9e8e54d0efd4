package bulk

import (
	"context"
	"reflect"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The lint rules say what a finding is; Go counts the cells of each group in the order of the cells, and
// within one cell in the order of the rules (gat, botsing, bijzonder), with up to three examples.
func TestLintTeltPerGroepInDeVolgordeVanDeCellen(t *testing.T) {
	e, err := library.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cel := func(naar, gegevens string, oordeel kennisbank.Oordeel, botsingen ...string) MatrixCel {
		return MatrixCel{Doel: "vss_signaal", Van: "woningcorporatie", Naar: naar, Gegevens: gegevens, Oordeel: oordeel,
			Lagen: map[string]string{"art6_van": "wgs_signaal_betalingsachterstand"}, Redenen: []string{"x"}, Botsingen: botsingen}
	}
	gat := MatrixCel{Doel: "vss_signaal", Van: "woningcorporatie", Naar: "politie", Gegevens: "signaal", Oordeel: kennisbank.Onbepaald}
	m := &Matrix{Cellen: []MatrixCel{
		cel("gemeente_college", "gezondheid", kennisbank.Toegestaan, "b/r"),
		gat, gat, gat, gat,
		cel("schuldhulpverlener", "gezondheid", kennisbank.Toegestaan),
	}}
	uit, err := lint(context.Background(), e, map[string]string{"controle": "cellen", "convenant": "vroegsignalering_schulden"}, m, "convenanten/vroegsignalering_schulden.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, bericht string
		ernst       kennisbank.Ernst
	}{
		{"botsing", "doel Signaal betalingsachterstand: route r (toegestaan) en blokkade b passen allebei; het strengste oordeel geldt (1 cel, bv. woningcorporatie → gemeente_college: gezondheid)", kennisbank.ErnstWaarschuwing},
		{"bijzonder_zonder_uitzondering", "doel Signaal betalingsachterstand: art9-gegevens mogen worden gedeeld zonder route in die laag en zonder route van een gesloten regime (2 cellen, bv. woningcorporatie → gemeente_college: gezondheid; woningcorporatie → schuldhulpverlener: gezondheid)", kennisbank.ErnstWaarschuwing},
		{"gat", "doel Signaal betalingsachterstand: geen regel beantwoordt deze delingen (4 cellen, bv. woningcorporatie → politie: signaal; woningcorporatie → politie: signaal; woningcorporatie → politie: signaal)", kennisbank.ErnstWaarschuwing},
	}
	if len(uit) != len(want) {
		t.Fatalf("%d bevindingen, want %d: %+v", len(uit), len(want), uit)
	}
	for i, w := range want {
		b := uit[i]
		if b.ID != w.id || b.Bericht != w.bericht || b.Ernst != w.ernst || b.Hint == "" || b.Bestand != "convenanten/vroegsignalering_schulden.yaml" {
			t.Errorf("bevinding %d = %+v, want %s %q", i, b, w.id, w.bericht)
		}
	}

	// The rules read the cells in blocks; the findings do not depend on where the blocks end.
	standaard := lintBlok
	defer func() { lintBlok = standaard }()
	for _, blok := range []int{1, 2, 4, 5} {
		lintBlok = blok
		inBlokken, err := lint(context.Background(), e, map[string]string{"controle": "cellen", "convenant": "vroegsignalering_schulden"}, m, "convenanten/vroegsignalering_schulden.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(inBlokken, uit) {
			t.Errorf("in blokken van %d cellen:\n%+v\nin één blok:\n%+v", blok, inBlokken, uit)
		}
	}
}
