package library_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

func TestHerken(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	tests := []struct {
		naam, soort, tekst string
		id                 string   // the recognised id; empty when none
		suggesties         []string // when none: these ids first, in this order
	}{
		{"id", "partijen", "politie", "politie", nil},
		{"hoofdletters", "partijen", "POLITIE", "politie", nil},
		{"label", "partijen", "Openbaar Ministerie", "om", nil},
		{"synoniem", "partijen", "wijkagent", "politie", nil},
		{"synoniem met hoofdletter", "partijen", "Dokter", "huisarts", nil},
		{"tikfout", "partijen", "politei", "politie", nil},
		{"organisatie", "partijen", "ZVHT", "zvh_procesregisseur", nil},
		{"gegevens: synoniem", "gegevens", "diagnose", "gezondheid", nil},
		{"gegevens: adres", "gegevens", "adres", "identificerend", nil},
		{"doel: synoniem", "doelen", "MDO", "zvh_casusoverleg", nil},
		{"doel: label", "doelen", "acuut gevaar afwenden", "gevaar_afwenden", nil},
		{"doel: id met spaties", "doelen", "zvh casusoverleg", "zvh_casusoverleg", nil},
		{"convenant: korte naam", "convenanten", "AVE", "ave", nil},
		{"convenant: naam", "convenanten", "convenant zorg- en veiligheidshuis twente", "zvht", nil},
		{"feit", "feiten", "Acuut gevaar", "acuut_gevaar", nil},
		{"fase", "fasen", "AVE2", "ave2", nil},
		{"dubbelzinnig", "partijen", "procesregisseur", "", []string{"zvh_procesregisseur", "ave_procesregisseur"}},
		{"niets in de buurt", "partijen", "bakker", "", nil},
		{"tikfout te groot", "gegevens", "gzndhd", "", []string{"gezondheid"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			id, sug, err := kb.Herken(tt.soort, tt.tekst)
			if id != tt.id {
				t.Fatalf("Herken(%q, %q) = %q, %v; verwacht %q", tt.soort, tt.tekst, id, err, tt.id)
			}
			if tt.id != "" {
				if err != nil || sug != nil {
					t.Errorf("herkend, maar fout %v en suggesties %v", err, sug)
				}
				return
			}
			var oid *kennisbank.OnbekendeIDFout
			if !errors.As(err, &oid) {
				t.Fatalf("fout %T %v, verwacht *OnbekendeIDFout", err, err)
			}
			if len(sug) == 0 || len(sug) > 5 {
				t.Errorf("%d suggesties, verwacht 1 tot 5: de dichtstbijzijnde", len(sug))
			}
			got := make([]string, len(sug))
			for i, s := range sug {
				got[i] = s.ID
				if s.Label == "" {
					t.Errorf("suggestie %q zonder label", s.ID)
				}
			}
			if !slices.Equal(got, oid.Suggesties) {
				t.Errorf("suggesties %v, in de fout %v", got, oid.Suggesties)
			}
			if len(tt.suggesties) > 0 && !slices.Equal(got[:min(len(got), len(tt.suggesties))], tt.suggesties) {
				t.Errorf("suggesties %v, verwacht %v vooraan", got, tt.suggesties)
			}
			if oid.Waarde != tt.tekst || oid.Soort != tt.soort {
				t.Errorf("fout %+v", oid)
			}
		})
	}
	if _, _, err := kb.Herken("bestaat_niet", "x"); err == nil {
		t.Error("onbekende soort gaf geen fout")
	}
}

func TestKeuzeNoemt(t *testing.T) {
	t.Parallel()
	k := kennisbank.Keuze{ID: "huisarts", Label: "Huisarts", Synoniemen: []string{"dokter", "huisartsen praktijk"}}
	for _, ja := range []string{"huisarts", "HUISARTS", " Dokter ", "huisartsen_praktijk"} {
		if !k.Noemt(ja) {
			t.Errorf("Noemt(%q) = false", ja)
		}
	}
	for _, nee := range []string{"huisars", "dok", "", "arts"} {
		if k.Noemt(nee) {
			t.Errorf("Noemt(%q) = true", nee)
		}
	}
}

// TestSynoniemenUniek: no synonym of the knowledge base names two items of one vocabulary, so Herken
// never has to ask which one is meant for a word the knowledge base itself offers.
func TestSynoniemenUniek(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	for _, soort := range []string{"partijen", "gegevens", "doelen", "feiten"} {
		aantal := 0
		for _, k := range kb.Keuzes(soort) {
			for _, s := range k.Synoniemen {
				aantal++
				if id, _, err := kb.Herken(soort, s); id != k.ID {
					t.Errorf("%s: synoniem %q van %s geeft %q (%v)", soort, s, k.ID, id, err)
				}
			}
		}
		if aantal == 0 {
			t.Errorf("%s: geen synoniemen", soort)
		}
	}
}
