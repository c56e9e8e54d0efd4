package library_test

import (
	"errors"
	"io/fs"
	"maps"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// FuzzConvenantYAML feeds arbitrary bytes as the ZVHT covenant file through the whole loader (YAML,
// JSON Schema, cross-references). It must never panic, and a rejection is always KennisbankFouten with
// the file named. Seeds: every covenant file of the knowledge base and a few broken variants.
func FuzzConvenantYAML(f *testing.F) {
	basis := fstest.MapFS{}
	err := fs.WalkDir(convenants.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		inhoud, err := fs.ReadFile(convenants.FS, p)
		basis[p] = &fstest.MapFile{Data: inhoud}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	paden, _ := fs.Glob(convenants.FS, "convenanten/*.yaml")
	for _, p := range paden {
		f.Add(basis[p].Data)
	}
	f.Add([]byte("id: zvht\n"))
	f.Add([]byte("id: zvht\nnaam: [\n"))
	f.Add([]byte("id: zvht\njaren: .inf\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, yaml []byte) {
		m := maps.Clone(basis)
		m["convenanten/zvht.yaml"] = &fstest.MapFile{Data: yaml}
		kb, err := library.LaadKennisbank(m)
		if err == nil {
			if kb.Item("convenanten", "zvht") == nil {
				t.Fatal("geladen zonder het convenant zvht")
			}
			return
		}
		var fouten library.KennisbankFouten
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
