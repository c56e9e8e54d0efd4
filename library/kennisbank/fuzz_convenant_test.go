package kennisbank_test

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// FuzzConvenantYAML feeds arbitrary bytes as one covenant file through every check the loader makes of
// a single file (YAML with positions, JSON Schema, dates). It must never panic, and every problem names
// the file and a line inside it. Fast enough for short fuzz runs; FuzzConvenantLader takes the whole
// loader with the cross-references.
func FuzzConvenantYAML(f *testing.F) {
	convenantZaden(f, kennisbankFS(f))
	f.Fuzz(func(t *testing.T, yaml []byte) {
		fouten, err := kennisbank.LeesLosBestand("convenanten/zvht.yaml", "convenant", yaml)
		if err != nil {
			t.Fatal(err)
		}
		foutenInHetBestand(t, fouten, "convenanten/zvht.yaml", yaml)
	})
}

// foutenInHetBestand: every problem names the file and a line inside it, and says something.
func foutenInHetBestand(t *testing.T, fouten kennisbank.KennisbankFouten, pad string, inhoud []byte) {
	t.Helper()
	regels := aantalRegels(inhoud)
	for _, fout := range fouten {
		if fout.Bestand != pad || fout.Bericht == "" {
			t.Fatalf("fout zonder bestand of bericht: %+v", fout)
		}
		if fout.Regel < 0 || fout.Regel > regels {
			t.Fatalf("regel %d buiten het bestand (%d regels): %+v", fout.Regel, regels, fout)
		}
	}
}

// aantalRegels counts lines as YAML does: \r\n, \r and \n each end one.
func aantalRegels(b []byte) int {
	return bytes.Count(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(bytes.ReplaceAll(b, []byte("\r\n"), nil), []byte("\r")) + 1
}

// kennisbankFS is a copy of the embedded knowledge base to change files in.
func kennisbankFS(f *testing.F) fstest.MapFS { return toetshulp.KopieFS(f, convenants.FS, nil) }

// convenantZaden: every covenant file of the knowledge base and a few broken variants.
func convenantZaden(f *testing.F, basis fstest.MapFS) {
	paden, _ := fs.Glob(convenants.FS, "convenanten/*.yaml")
	for _, p := range paden {
		f.Add(basis[p].Data)
	}
	f.Add([]byte("id: zvht\n"))
	f.Add([]byte("id: zvht\nnaam: [\n"))
	f.Add([]byte("id: zvht\njaren: .inf\n"))
	f.Add([]byte("a: &x [*x]\n"))
}

// FuzzConvenantLader feeds arbitrary bytes as the ZVHT covenant file through the whole loader (YAML,
// JSON Schema, cross-references). It must never panic, and a rejection is always KennisbankFouten with
// the file named. Each input loads the whole knowledge base: run it for minutes, not in CI's short runs.
func FuzzConvenantLader(f *testing.F) {
	basis := kennisbankFS(f)
	convenantZaden(f, basis)
	f.Fuzz(func(t *testing.T, yaml []byte) {
		m := maps.Clone(basis)
		m["convenanten/zvht.yaml"] = &fstest.MapFile{Data: yaml}
		kb, err := kennisbank.LaadKennisbank(m)
		if err == nil {
			if kb.Item("convenanten", "zvht") == nil {
				t.Fatal("geladen zonder het convenant zvht")
			}
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
