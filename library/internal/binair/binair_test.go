package binair

import (
	"bytes"
	"strings"
	"testing"
)

// TestSchrijfLees: what a Schrijver writes, a Lezer reads back in the same order, with the fingerprint; a text
// written twice is one entry of the table. (A number may not exceed the form's length: 300 needs a long text.)
func TestSchrijfLees(t *testing.T) {
	w := NieuweSchrijver()
	w.Tekst(strings.Repeat("x", 300))
	w.Getal(0)
	w.Getal(300)
	w.Tekst("één")
	w.Vlag(true)
	w.Tekst("")
	w.Byte(7)
	w.Tekst("één")
	w.Vlag(false)
	vorm := w.Vorm("mk", "bron")
	bron, r, err := Lees(vorm, "mk")
	if err != nil {
		t.Fatal(err)
	}
	if bron != "bron" || r.Teksten() != 3 || len(r.Tabel(r.Tekst())) != 300 {
		t.Fatalf("bron %q, %d teksten", bron, r.Teksten())
	}
	if a, b := r.Getal(), r.Getal(); a != 0 || b != 300 {
		t.Errorf("getallen %d %d", a, b)
	}
	if s := r.Tabel(r.Tekst()); s != "één" {
		t.Errorf("tekst %q", s)
	}
	if !r.Vlag() {
		t.Error("vlag onwaar")
	}
	if s := r.Tabel(r.Tekst()); s != "" {
		t.Errorf("lege tekst %q", s)
	}
	if b := r.Byte(); b != 7 {
		t.Errorf("byte %d", b)
	}
	if i := r.Tekst(); i != 1 || r.Vlag() {
		t.Errorf("tekst %d, vlag", i)
	}
	if err := r.Einde(); err != nil {
		t.Fatal(err)
	}
	// A number larger than the form (no count or index can be) is an error.
	w = NieuweSchrijver()
	w.Getal(1000)
	_, r, err = Lees(w.Vorm("mk", ""), "mk")
	if err != nil {
		t.Fatal(err)
	}
	if r.Getal(); r.Fout() == nil {
		t.Error("een getal groter dan de vorm gelezen")
	}
}

// TestLeesBeschadigd: another magic, a form cut short anywhere, or content left over is an error, never a
// panic; after the first error every read gives a zero value.
func TestLeesBeschadigd(t *testing.T) {
	w := NieuweSchrijver()
	w.Getal(5)
	w.Tekst("abc")
	vorm := w.Vorm("mk", "b")
	if _, _, err := Lees(append([]byte("x"), vorm[1:]...), "mk"); err == nil {
		t.Error("andere vorm gelezen")
	}
	for i := range len(vorm) {
		_, r, err := Lees(vorm[:i], "mk")
		if err != nil {
			continue
		}
		r.Getal()
		r.Tekst()
		if r.Einde() == nil {
			t.Errorf("afgebroken na %d bytes gelezen", i)
		}
		if r.Getal() != 0 || r.Byte() != 0 || r.Tekst() != -1 && r.Fout() == nil {
			t.Errorf("na een fout gaf de lezer nog waarden (%d bytes)", i)
		}
	}
	_, r, err := Lees(append(bytes.Clone(vorm), 1), "mk")
	if err != nil {
		t.Fatal(err)
	}
	r.Getal()
	r.Tekst()
	if r.Einde() == nil {
		t.Error("gegevens na het einde gelezen")
	}
}
