package waardevorm

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// viaJSON is document as the JSON decoder with UseNumber gives it back.
func viaJSON(t testing.TB, document string) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(document))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSchrijfLees: what Schrijf writes, Lees reads back as the JSON decoder made it: empty lists and objects
// stay empty (not nil), numbers stay json.Number with their text, texts shared between keys and values,
// nesting.
func TestSchrijfLees(t *testing.T) {
	for _, document := range []string{
		`{}`,
		`{"a": null, "b": true, "c": false, "d": 1, "e": 1.50, "f": -2e3, "g": "tekst", "h": "", "i": [], "j": {}}`,
		`{"a": [1, "a", null, [[], {}], {"a": "a"}], "b": {"c": {"d": {"e": ["é", "\u0000"]}}}}`,
		`{"zorg": {"partijen": ["ggz", "politie", "ggz"], "aantal": 3}, "ggz": "zorg"}`,
	} {
		want := viaJSON(t, document)
		vorm, err := Schrijf("bron-1", want)
		if err != nil {
			t.Fatal(err)
		}
		bron, got, err := Lees[any](vorm, GoWaarden{})
		if err != nil {
			t.Fatalf("%s: %v", document, err)
		}
		if bron != "bron-1" || !reflect.DeepEqual(got, any(want)) {
			t.Errorf("%s: gelezen %#v (bron %q)", document, got, bron)
		}
	}
}

// TestSchrijfWeigert: a value the JSON decoder does not make is refused, not changed.
func TestSchrijfWeigert(t *testing.T) {
	for _, x := range []any{1, 1.5, int64(2), []string{"a"}, map[string]string{}, struct{}{}} {
		if _, err := Schrijf("", map[string]any{"x": x}); err == nil {
			t.Errorf("%T: geschreven", x)
		}
	}
}

// TestLeesBeschadigd: a damaged form gives an error: another magic, cut short, a text outside the table, an
// unknown kind, data after the document.
func TestLeesBeschadigd(t *testing.T) {
	vorm, err := Schrijf("b", viaJSON(t, `{"a": [1, "x", {"b": true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for naam, v := range map[string][]byte{
		"andere vorm": append([]byte("x"), vorm[1:]...),
		"afgebroken":  vorm[:len(vorm)-1],
		"erna":        append(bytes.Clone(vorm), 0),
		"leeg":        nil,
		"soort":       append(bytes.Clone(vorm[:len(vorm)-1]), 99),
	} {
		if _, _, err := Lees[any](v, GoWaarden{}); err == nil {
			t.Errorf("%s: gelezen", naam)
		}
	}
}

// FuzzLees: reading any bytes gives a document or an error, never a panic or a hang; what reads, writes
// back to the same form.
func FuzzLees(f *testing.F) {
	for _, d := range []string{`{}`, `{"a": [1, "x", {"b": true, "c": null}], "d": "x"}`} {
		vorm, err := Schrijf("b", viaJSON(f, d))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(vorm)
	}
	f.Fuzz(func(t *testing.T, vorm []byte) {
		bron, document, err := Lees[any](vorm, GoWaarden{})
		if err != nil {
			return
		}
		m, ok := document.(map[string]any)
		if !ok {
			return // a document that is no object; the knowledge base refuses it
		}
		opnieuw, err := Schrijf(bron, m)
		if err != nil {
			t.Fatalf("gelezen maar niet te schrijven: %v", err)
		}
		_, weer, err := Lees[any](opnieuw, GoWaarden{})
		if err != nil || !reflect.DeepEqual(weer, document) {
			t.Fatalf("opnieuw geschreven en gelezen: %v, %#v", err, weer)
		}
	})
}
