package toetshulp

import (
	"testing"
	"testing/fstest"
)

func TestKopieEnVervang(t *testing.T) {
	bron := fstest.MapFS{"a.yaml": {Data: []byte("id: a\nnaam: A\n")}, "vraagbaak/x.md": {Data: []byte("x")}}
	m := KopieFS(t, bron, func(p string) bool { return p == "vraagbaak/x.md" })
	if len(m) != 1 || string(m["a.yaml"].Data) != "id: a\nnaam: A\n" {
		t.Fatalf("kopie %v", m)
	}
	Vervang(t, m, "a.yaml", "naam: A", "naam: B")
	if string(m["a.yaml"].Data) != "id: a\nnaam: B\n" || string(bron["a.yaml"].Data) != "id: a\nnaam: A\n" {
		t.Fatalf("vervangen: kopie %q, bron %q", m["a.yaml"].Data, bron["a.yaml"].Data)
	}
}
