package library

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// algemeen is the JSON of v the general way (ast.JSON, then encoding/json), read back.
func algemeen(t *testing.T, v ast.Value) any {
	t.Helper()
	g, err := ast.JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var uit any
	if err := json.Unmarshal(raw, &uit); err != nil {
		t.Fatal(err)
	}
	return uit
}

// TestTermJSON: termJSON writes what ast.JSON and encoding/json write, read back the same, for every kind
// of value: escapes, control characters, invalid UTF-8, numbers as written, sets in order, keys that are
// no text, nesting.
func TestTermJSON(t *testing.T) {
	for _, tc := range []struct{ naam, rego string }{
		{"null", `null`},
		{"booleans", `[true, false]`},
		{"getallen", `[0, -1, 3.25, 1e3, 12345678901234567890]`},
		{"tekst met escapes", `"aan\"hal\\ingen\n\t\u0001 en <html> & é ✓ 😀"`},
		{"lege dingen", `[[], {}, set(), ""]`},
		{"set", `{"b", "a", 3, {"x": 1}}`},
		{"object", `{"b": {"c": [1, {"d": null}]}, "a": "x"}`},
		{"sleutel geen tekst", `{1: "een", "2": "twee"}`},
		{"geneste sleutel geen tekst", `{"a": {[1, 2]: true}}`},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			v := ast.MustParseTerm(tc.rego).Value
			raw, err := termJSON(nil, v)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("geen geldige JSON %s: %v", raw, err)
			}
			if want := algemeen(t, v); !reflect.DeepEqual(got, want) {
				t.Errorf("termJSON %s\nverwacht (algemeen) %#v", raw, want)
			}
		})
	}
	// Invalid UTF-8 becomes U+FFFD, as encoding/json writes it.
	raw, err := termJSON(nil, ast.String("a\xffb"))
	if err != nil || string(raw) != `"a\ufffdb"` {
		t.Errorf(`termJSON("a\xffb") = %s, %v; verwacht "a\ufffdb"`, raw, err)
	}
	// A value that still needs evaluation is an error, as with ast.JSON.
	if _, err := termJSON(nil, ast.MustParseTerm(`[x]`).Value); err == nil {
		t.Error("een variabele gaf geen fout")
	}
}

// TestUitDelenOnvolledig: rules that give the answer in parts without a core, the question or changes to
// recompute give an error, never a panic.
func TestUitDelenOnvolledig(t *testing.T) {
	for _, rego := range []string{`"x"`, `{}`, `{"doorrekenen": {}}`, `{"kern": 1, "doorrekenen": {}}`, `{"kern": {"oordeel": "x"}}`, `{"kern": {}, "doorrekenen": []}`, `{"kern": {}, "doorrekenen": {}}`} {
		if _, err := (&Engine{}).uitDelen(context.Background(), ast.MustParseTerm(rego).Value, nil); err == nil {
			t.Errorf("uitDelen(%s) gaf geen fout", rego)
		}
	}
}
