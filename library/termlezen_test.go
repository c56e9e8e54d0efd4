package library

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Types that leesTerm reads its own way or leaves to the JSON path.
type (
	metVelden struct {
		A      string             `json:"a"`
		B      []string           `json:"b,omitempty"`
		C      *string            `json:"c"`
		D      map[string]any     `json:"d"`
		E      any                `json:"e"`
		F      bool               `json:"f"`
		G      kennisbank.Oordeel `json:"g"`
		Zonder string
		Weg    string `json:"-"`
		klein  string
	}
	ingebed struct {
		metVelden
		X string `json:"x"`
	}
	alsTekst struct {
		N int `json:"n,string"`
	}
	vreemdeNaam struct {
		A string `json:"a-b"`
	}
	boom struct { // a type that refers to itself
		Naam     string `json:"naam"`
		Kinderen []boom `json:"kinderen"`
		Ouder    *boom  `json:"ouder"`
	}
)

// termLeesDoelen make a fresh target of every kind, by name.
var termLeesDoelen = []struct {
	naam string
	maak func() any
}{
	{"any", func() any { return new(any) }},
	{"string", func() any { return new(string) }},
	{"Oordeel", func() any { return new(kennisbank.Oordeel) }},
	{"*string", func() any { return new(*string) }},
	{"bool", func() any { return new(bool) }},
	{"float64", func() any { return new(float64) }},
	{"int", func() any { return new(int) }},
	{"[]string", func() any { return new([]string) }},
	{"[]any", func() any { return new([]any) }},
	{"[]byte", func() any { return new([]byte) }},
	{"[2]int", func() any { return new([2]int) }},
	{"map[string]any", func() any { return new(map[string]any) }},
	{"map[string]string", func() any { return new(map[string]string) }},
	{"map[int]string", func() any { return new(map[int]string) }},
	{"json.Number", func() any { return new(json.Number) }},
	{"time.Time", func() any { return new(time.Time) }},
	{"fmt.Stringer", func() any { return new(fmt.Stringer) }},
	{"metVelden", func() any { return new(metVelden) }},
	{"ingebed", func() any { return new(ingebed) }},
	{"alsTekst", func() any { return new(alsTekst) }},
	{"vreemdeNaam", func() any { return new(vreemdeNaam) }},
	{"boom", func() any { return new(boom) }},
	{"Antwoord", func() any { return new(Antwoord) }},
	{"[]Deeloordeel", func() any { return new([]Deeloordeel) }},
}

// vergelijkLeesTerm reads v into a fresh target of every kind with leesTerm and with encoding/json from
// termJSON, and reports where the two differ: in the value read, or in whether reading failed.
func vergelijkLeesTerm(t *testing.T, v ast.Value) {
	t.Helper()
	raw, jsonFout := termJSON(nil, v)
	for _, d := range termLeesDoelen {
		got, want := d.maak(), d.maak()
		err := leesTerm(v, got)
		wantErr := jsonFout
		if wantErr == nil {
			wantErr = json.Unmarshal(raw, want)
		}
		if (err == nil) != (wantErr == nil) {
			t.Errorf("%v in %s: leesTerm fout %v, encoding/json fout %v", v, d.naam, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%v in %s: leesTerm %#v, encoding/json %#v", v, d.naam, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
		}
	}
}

// TestLeesTermAlsJSON: leesTerm reads every kind of value into every kind of target as encoding/json reads
// the value's JSON: texts with invalid UTF-8, numbers as written and out of range, empty and null lists,
// sets, keys that match a field only without regard to case or that are no text, unknown keys, fields
// that read themselves, embedded fields and options.
func TestLeesTermAlsJSON(t *testing.T) {
	for _, rego := range []string{
		`null`, `true`, `"tekst"`, `"a\u0000b"`, `"ja"`, `0`, `-1.5`, `1e3`, `12345678901234567890`, `1e400`,
		`"2025-03-01T00:00:00Z"`, `"12"`, `"aGFsbG8="`,
		`[]`, `["a", "b"]`, `[1, "a", null, true, {"x": [2]}]`, `[1, 2]`, `{"b", "a"}`, `set()`, `[null]`, `{"a": null}`,
		`{}`, `{"a": "x", "b": ["y"], "c": "z", "d": {"k": 1, "l": [true]}, "e": 2.5, "f": true, "g": "ja"}`,
		`{"a": "x", "onbekend": 1, "Zonder": "z", "Weg": "w", "klein": "k"}`,
		`{"A": "hoofdletter"}`, `{"zonder": "z"}`, `{"a": 1}`, `{"c": null, "b": null, "d": null, "e": null}`,
		`{"a": "x", "x": "y"}`, `{"n": "12"}`, `{"n": 12}`, `{"a-b": "x"}`, `{1: "een"}`, `{"d": {1: "een"}}`,
		`{"e": {"k": 1e400}}`, `{"k": "v"}`, `{"1": "een"}`, `{"e": .5}`, `{"e": [1, .5]}`,
		`{"naam": "a", "kinderen": [{"naam": "b", "kinderen": [], "ouder": {"naam": "a"}}, {"naam": "c", "kinderen": null}]}`,
		`{"oordeel": "toegestaan", "alternatieven": [], "deeloordelen": [{"naar": "x", "keten": [{"grondslagen": ["g"]}]}], "kader": {"convenant": null, "route": "wettelijk"}, "vraag": {"feiten": {"leeftijd": 17, "n": [1, {"a": "b"}]}}}`,
		`{"oordeel": 3}`, `{"deeloordelen": {"x"}}`, `{"kader": {"convenant": "zvht"}}`, `{"vraag": {"feiten": null}}`,
	} {
		vergelijkLeesTerm(t, ast.MustParseTerm(rego).Value)
	}
	// Invalid UTF-8 in texts and keys becomes U+FFFD, one for every byte.
	for _, v := range []ast.Value{
		ast.String("a\xffb\xfe\xfd"), ast.String("\xef\xbf\xbd"),
		ast.NewObject(ast.Item(ast.StringTerm("k\xff"), ast.StringTerm("v\xff"))),
		ast.NewObject(ast.Item(ast.StringTerm("a"), ast.StringTerm("\xff"))),
		ast.NewObject(ast.Item(ast.StringTerm("vraag"), ast.ObjectTerm(ast.Item(ast.StringTerm("feiten"),
			ast.ObjectTerm(ast.Item(ast.StringTerm("\xffk"), ast.StringTerm("\xff"))))))),
	} {
		vergelijkLeesTerm(t, v)
	}
	// A value that still needs evaluation is an error, as with termJSON.
	if err := leesTerm(ast.MustParseTerm(`["a", x]`).Value, new([]string)); err == nil {
		t.Error("een variabele gaf geen fout")
	}
	if err := leesTerm(ast.NullTerm().Value, Antwoord{}); err == nil {
		t.Error("een doel dat geen pointer is gaf geen fout")
	}
}

// FuzzLeesTerm: for any ground term, leesTerm reads what encoding/json reads from the term's JSON, into
// every kind of target.
func FuzzLeesTerm(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", null]}`, `{"oordeel": "nee", "vraag": {"feiten": {"k": 1.5}}}`, `{"b", 2}`, `"\u00ff"`, `[{"A": 1}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		term, err := ast.ParseTerm(s)
		if err != nil || !term.IsGround() {
			return
		}
		if _, err := termJSON(nil, term.Value); err != nil {
			return // not a value (a call, a comprehension): the rules give none
		}
		vergelijkLeesTerm(t, term.Value)
	})
}

// BenchmarkLeesAntwoord reads the rules' answer to the largest scenario (the police to the whole ZVHT table,
// 128 kB as JSON) into an Antwoord: leesTerm, against termJSON and encoding/json (the way before it).
func BenchmarkLeesAntwoord(b *testing.B) {
	e, err := New(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	tafel := kennisbank.Vraag{ // ZVH-03, as benchTafel
		Van: "politie", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"politiegegevens", "strafrechtelijk"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"deelnemer_naar": true, "inclusiecriteria": true},
	}
	v, err := e.kb.Controleer(tafel, e.klok())
	if err != nil {
		b.Fatal(err)
	}
	u, err := e.regelsAntwoord(context.Background(), v)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("leesTerm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var a Antwoord
			if err := leesAntwoord(u, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			raw, err := termJSON(nil, u.geheel())
			if err != nil {
				b.Fatal(err)
			}
			var a Antwoord
			if err := json.Unmarshal(raw, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
}
