package kennisbank

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/waardevorm"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

var voorgeladenBijwerken = flag.Bool("voorgeladen.bijwerken", false, "schrijf voorgeladen.json en voorgeladen.data opnieuw uit convenants/ (go generate ./library/...)")

// TestVoorgeladen: the embedded pre-validated knowledge base is exactly a fresh, fully checked load of
// convenants/ with the embedded rules. When it is not, run go generate ./library/... again.
func TestVoorgeladen(t *testing.T) {
	regels, err := LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	vers, err := Laad(convenants.FS, regels)
	if err != nil {
		t.Fatal(err)
	}
	bron, err := bronVingerafdruk(convenants.FS, regels)
	if err != nil {
		t.Fatal(err)
	}
	if *voorgeladenBijwerken {
		raw, document, err := schrijfVoorgeladen(vers, bron)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("voorgeladen.json", raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("voorgeladen.data", document, 0o644); err != nil {
			t.Fatal(err)
		}
		voorgeladenJSON, voorgeladenData = raw, document
	}
	kb, opgeslagen, err := leesVoorgeladen(voorgeladenJSON, voorgeladenData)
	if err != nil {
		t.Fatalf("voorgeladen.json is onleesbaar (%v): go generate ./library/...", err)
	}
	if opgeslagen != bron {
		t.Fatal("voorgeladen.json komt niet uit de huidige convenants/ en rules/: go generate ./library/...")
	}
	for _, v := range []struct {
		naam       string
		vers, voor any
	}{
		{"data", vers.data, kb.data}, {"versie", vers.versie, kb.versie}, {"delen", vers.delen, kb.delen},
		{"ids", vers.ids, kb.ids}, {"vraagbaak", vers.vraagbaak, kb.Vraagbaak()},
	} {
		if !reflect.DeepEqual(v.vers, v.voor) {
			t.Errorf("%s van voorgeladen.json verschilt van een verse lading: go generate ./library/...", v.naam)
		}
	}
	if got, ok := Voorgeladen(); !ok || got.versie != vers.versie {
		t.Errorf("de ingebouwde kennisbank wordt niet voorgeladen gebruikt (ok=%v)", ok)
	}
}

// TestVoorgeladenAlleenBijDezelfdeBron: another knowledge base or other rules give another fingerprint,
// so the pre-validated form is never used for them.
func TestVoorgeladenAlleenBijDezelfdeBron(t *testing.T) {
	regels, err := LeesRegels(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	basis, err := bronVingerafdruk(convenants.FS, regels)
	if err != nil {
		t.Fatal(err)
	}
	ander := map[string][]byte{}
	for p, r := range regels {
		ander[p] = r
	}
	for p := range ander {
		ander[p] = append(append([]byte(nil), ander[p]...), '\n')
		break
	}
	gewijzigd, err := bronVingerafdruk(convenants.FS, ander)
	if err != nil {
		t.Fatal(err)
	}
	if gewijzigd == basis {
		t.Fatal("een gewijzigde regel geeft dezelfde vingerafdruk")
	}
}

// TestVoorgeladenVraagbaakOnleesbaar: a vraagbaak in voorgeladen.json that does not decode gives no entries,
// never half of them or a panic (the file the program is built with decodes: TestVoorgeladen).
func TestVoorgeladenVraagbaakOnleesbaar(t *testing.T) {
	for _, raw := range []string{`[{"id": 5}]`, `{"id": "x"}`, `[{"id": "a"}, {"id": 1}]`} {
		if got := leesVoorgeladenVraagbaak([]byte(raw)); got != nil {
			t.Errorf("%s: %d items", raw, len(got))
		}
	}
	if got := leesVoorgeladenVraagbaak([]byte(`[{"id": "a", "controles": [{"vraag": {"feiten": {"n": 3}}}]}]`)); len(got) != 1 || got[0].Controles[0].Vraag.Feiten["n"] != int64(3) {
		t.Errorf("een leesbare vraagbaak: %+v", got)
	}
}

// BenchmarkVoorgeladenDocument reads the built-in knowledge base's document as Voorgeladen reads it (the binary
// form of voorgeladen.data) and, side by side, as it read it before (its JSON, with UseNumber).
func BenchmarkVoorgeladenDocument(b *testing.B) {
	kb, _, err := leesVoorgeladen(voorgeladenJSON, voorgeladenData)
	if err != nil {
		b.Fatal(err)
	}
	alsJSON, err := json.Marshal(kb.data)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("vorm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := waardevorm.Lees[any](voorgeladenData, waardevorm.GoWaarden{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var m map[string]any
			dec := json.NewDecoder(bytes.NewReader(alsJSON))
			dec.UseNumber()
			if err := dec.Decode(&m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
