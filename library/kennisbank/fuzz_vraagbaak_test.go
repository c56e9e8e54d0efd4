package kennisbank_test

import (
	"errors"
	"maps"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// vraagbaakFixtures is a vraagbaak of three entries for tests that must not depend on the published
// entries in convenants/vraagbaak.
const vraagbaakFixtures = "../../testdata/vraagbaak"

// metVraagbaakFixtures is the embedded knowledge base with its vraagbaak replaced by the fixtures.
func metVraagbaakFixtures(f *testing.F) fstest.MapFS {
	return toetshulp.MetVraagbaak(f, convenants.FS, vraagbaakFixtures)
}

// vraagbaakZaden are the seeds of the vraagbaak fuzz targets: real entries and broken frames.
func vraagbaakZaden(f *testing.F, basis fstest.MapFS) {
	for _, p := range []string{"huisarts_acuut_gevaar.md", "veilig_thuis_melding.md", "wgs_verandering.md"} {
		f.Add(basis["vraagbaak/"+p].Data)
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: x\n"))
	f.Add([]byte("\ufeff---\r\nid: fuzz\r\n---\r\ntekst"))
	f.Add([]byte("---\nid: fuzz\ncontroles: [{vraag: {van: [1]}, verwacht: {oordeel: x}}]\n---\n"))
	f.Add([]byte("---\na: &x [*x]\n---\n"))
}

// FuzzVraagbaakitem feeds arbitrary bytes as one vraagbaak entry through every check the loader makes
// of a single file (front matter, YAML, schema, dates). It must never panic; a rejection names the file
// and a line inside it; an accepted entry has an id and keeps its body. Fast enough (thousands of
// inputs a second) for the short fuzz runs of CI; FuzzVraagbaakLader takes the whole loader.
func FuzzVraagbaakitem(f *testing.F) {
	vraagbaakZaden(f, metVraagbaakFixtures(f))
	f.Fuzz(func(t *testing.T, inhoud []byte) {
		item, fouten, err := kennisbank.LeesLosVraagbaakitem("vraagbaak/fuzz.md", inhoud)
		if err != nil {
			t.Fatal(err)
		}
		if len(fouten) == 0 {
			if item.ID == "" || item.Bestand != "vraagbaak/fuzz.md" {
				t.Fatalf("aanvaard zonder id of bestand: %+v", item)
			}
			return
		}
		foutenInHetBestand(t, fouten, "vraagbaak/fuzz.md", inhoud)
	})
}

// FuzzVraagbaakLader feeds arbitrary bytes as a vraagbaak entry through the whole loader (front matter,
// YAML, schema, cross-references, checks). It must never panic, and a rejection is always
// KennisbankFouten naming the file. Each input loads the whole knowledge base (tens of ms): run it for
// minutes, not in the short CI runs.
func FuzzVraagbaakLader(f *testing.F) {
	basis := metVraagbaakFixtures(f)
	vraagbaakZaden(f, basis)
	f.Fuzz(func(t *testing.T, inhoud []byte) {
		m := maps.Clone(basis)
		m["vraagbaak/fuzz.md"] = &fstest.MapFile{Data: inhoud}
		kb, err := kennisbank.LaadKennisbank(m)
		if err == nil {
			if _, ok := kb.Vraagbaakitem("fuzz"); !ok {
				t.Fatal("geladen zonder het item fuzz")
			}
			_ = kb.ZoekVraagbaak(string(inhoud))
			return
		}
		var fouten kennisbank.KennisbankFouten
		if !errors.As(err, &fouten) {
			t.Fatalf("fout van type %T, verwacht KennisbankFouten: %v", err, err)
		}
		for _, fout := range fouten {
			if fout.Bestand == "" || fout.Bericht == "" {
				t.Fatalf("fout zonder bestand of bericht: %+v", fout)
			}
		}
	})
}
