package yamlpos_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/yamlpos"
)

const voorbeeld = `# commentaar
id: zvht
geldig_vanaf: 2018-05-25
deelnemers:
  - partij: politie
    organisaties: [{id: a, naam: A}, {id: b, naam: B}]
  - {partij: ggz, wgs: true}
"x/y": 1
"t~z": 2
`

func TestZoek(t *testing.T) {
	t.Parallel()
	_, pos, err := yamlpos.Lees([]byte(voorbeeld))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pointer      string
		regel, kolom int
		waarom       string
	}{
		{"", 2, 1, "het document"},
		{"/id", 2, 1, "een sleutel: de plek van de sleutel"},
		{"/geldig_vanaf", 3, 1, ""},
		{"/deelnemers", 4, 1, ""},
		{"/deelnemers/0", 5, 5, "een element van een lijst: de plek van het element"},
		{"/deelnemers/0/partij", 5, 5, ""},
		{"/deelnemers/0/organisaties", 6, 5, ""},
		{"/deelnemers/0/organisaties/1", 6, 38, "een flow-object"},
		{"/deelnemers/0/organisaties/1/naam", 6, 46, ""},
		{"/deelnemers/1", 7, 5, ""},
		{"/deelnemers/1/wgs", 7, 19, ""},
		{"/x~1y", 8, 1, "/ in een sleutel wordt ~1"},
		{"/t~0z", 9, 1, "~ in een sleutel wordt ~0"},
		{"/deelnemers/1/bestaat_niet", 7, 5, "onbekend: de dichtstbijzijnde voorouder"},
		{"/deelnemers/9/partij", 4, 1, ""},
		{"/bestaat_niet", 2, 1, ""},
	}
	for _, tt := range tests {
		regel, kolom := pos.Zoek(tt.pointer)
		if regel != tt.regel || kolom != tt.kolom {
			t.Errorf("Zoek(%q) = %d:%d, want %d:%d %s", tt.pointer, regel, kolom, tt.regel, tt.kolom, tt.waarom)
		}
	}
	if regel, kolom := (yamlpos.Posities{}).Zoek("/a/b"); regel != 0 || kolom != 0 {
		t.Errorf("Zoek zonder posities = %d:%d, want 0:0", regel, kolom)
	}
}

func TestLeesWaarden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		yaml string
		wil  any
	}{
		{"geheel_getal", "n: 42", map[string]any{"n": json.Number("42")}},
		{"negatief", "n: -7", map[string]any{"n": json.Number("-7")}},
		{"hex", "n: 0x1F", map[string]any{"n": json.Number("31")}},
		{"breuk", "n: 1.5", map[string]any{"n": json.Number("1.5")}},
		{"exponent", "n: 1e3", map[string]any{"n": json.Number("1000")}},
		{"bools", "a: true\nb: false", map[string]any{"a": true, "b": false}},
		{"yes_is_tekst", "a: yes\nb: on", map[string]any{"a": "yes", "b": "on"}},
		{"null", "a: null\nb: ~\nc:", map[string]any{"a": nil, "b": nil, "c": nil}},
		{"datum_blijft_tekst", "d: 2025-03-01", map[string]any{"d": "2025-03-01"}},
		{"tijdstip_blijft_tekst", "d: 2025-03-01T12:00:00Z", map[string]any{"d": "2025-03-01T12:00:00Z"}},
		{"datum_tussen_aanhalingstekens", "d: '2025-03-01'", map[string]any{"d": "2025-03-01"}},
		{"getal_tussen_aanhalingstekens", `n: "42"`, map[string]any{"n": "42"}},
		{"getal_als_sleutel", "1: een", map[string]any{"1": "een"}},
		{"blok_tekst", "t: >-\n  a\n  b\n", map[string]any{"t": "a b"}},
		{"lijst", "- 1\n- x\n- [true]", []any{json.Number("1"), "x", []any{true}}},
		{"leeg_object_en_lijst", "a: {}\nb: []", map[string]any{"a": map[string]any{}, "b": []any{}}},
		{"alias", "basis: &b {x: 1, y: [a]}\nkopie: *b", map[string]any{
			"basis": map[string]any{"x": json.Number("1"), "y": []any{"a"}},
			"kopie": map[string]any{"x": json.Number("1"), "y": []any{"a"}},
		}},
		{"alias_in_lijst", "a: &v 3\nl: [*v, *v]", map[string]any{"a": json.Number("3"), "l": []any{json.Number("3"), json.Number("3")}}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			v, _, err := yamlpos.Lees([]byte(tt.yaml))
			if err != nil {
				t.Fatalf("Lees: %v", err)
			}
			if !reflect.DeepEqual(v, tt.wil) {
				t.Errorf("Lees = %#v, want %#v", v, tt.wil)
			}
			if _, err := json.Marshal(v); err != nil {
				t.Errorf("geen JSON-waarde: %v", err)
			}
		})
	}
}

// TestLeesAliasPlek: an alias takes the place where it is used for the key, and the anchor's place for
// what is inside it.
func TestLeesAliasPlek(t *testing.T) {
	t.Parallel()
	_, pos, err := yamlpos.Lees([]byte("basis: &b\n  x: 1\nkopie: *b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if regel, kolom := pos.Zoek("/kopie"); regel != 3 || kolom != 1 {
		t.Errorf("Zoek(/kopie) = %d:%d, want 3:1", regel, kolom)
	}
	if regel, _ := pos.Zoek("/kopie/x"); regel != 2 {
		t.Errorf("Zoek(/kopie/x) = regel %d, want 2 (in het anker)", regel)
	}
}

// TestLeesOneindig: YAML's .inf and .nan are no JSON numbers; Lees rejects them with the place of the
// value (a covenant with `jaren: .inf` once made the schema validator panic).
func TestLeesOneindig(t *testing.T) {
	t.Parallel()
	for _, w := range []string{".inf", "-.inf", ".nan", ".NaN"} {
		v, _, err := yamlpos.Lees([]byte("id: x\nbewaartermijn:\n  jaren: " + w))
		var se *yamlpos.SyntaxFout
		if !errors.As(err, &se) || se.Regel != 3 || se.Pointer != "/bewaartermijn/jaren" {
			t.Errorf("Lees(jaren: %s) = %#v, %v; want a SyntaxFout on line 3 at /bewaartermijn/jaren", w, v, err)
		}
	}
}

func TestLeesFouten(t *testing.T) {
	t.Parallel()
	diep := strings.Repeat("[", 120) + strings.Repeat("]", 120)
	tests := []struct {
		naam    string
		yaml    string
		regel   int    // 0: not a SyntaxFout
		bericht string // fragment
	}{
		{"dubbele_sleutel", "a: 1\nb: 2\na: 3\n", 3, `"a"`},
		{"dubbele_sleutel_genest", "x:\n  a: 1\n  a: 2\n", 3, `"a"`},
		{"dubbele_sleutel_in_lijst", "- {id: 1, id: 2}\n", 1, `"id"`},
		{"samenvoegsleutel", "basis: &b {x: 1}\nkopie:\n  <<: *b\n", 3, "<<"},
		{"sleutel_geen_tekst", "? [a, b]\n: c\n", 1, "sleutel"},
		{"te_diep", diep, 1, "te diep"},
		{"gereserveerd_teken", "a: 1\nb: @x\n", 2, ""},
		{"open_lijst", "a:\n  - x: 1\n    y: [2\n  - z: 3\n", 3, ""},
		{"inspringing_te_weinig", "a:\n  - x: 1\n   y: 2\n  - z: 3\n", 3, ""},
		{"tab", "a:\n  - x: 1\n\ty: 2\n", 3, ""},
		{"oneindig", "a: 1\nb: .inf\n", 2, "eindig"},
		{"leeg", "", 0, "leeg"},
		{"alleen_commentaar", "# niets\n", 0, "leeg"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			_, _, err := yamlpos.Lees([]byte(tt.yaml))
			if err == nil {
				t.Fatal("geen fout")
			}
			var se *yamlpos.SyntaxFout
			if tt.regel > 0 {
				if !errors.As(err, &se) {
					t.Fatalf("%T %v, want *SyntaxFout", err, err)
				}
				if se.Regel != tt.regel {
					t.Errorf("regel %d, want %d (%v)", se.Regel, tt.regel, err)
				}
			}
			if !strings.Contains(err.Error(), tt.bericht) {
				t.Errorf("%q bevat %q niet", err, tt.bericht)
			}
		})
	}
}

// FuzzYAMLLees: Lees never panics; what it returns is plain JSON, and every position is ≥ 0.
func FuzzYAMLLees(f *testing.F) {
	for _, s := range []string{
		voorbeeld,
		"basis: &b {x: 1}\nkopie: *b\n",
		"a: 1\na: 2\n",
		"- [1, 2.5, true, null, '2025-03-01']\n",
		"x: !!binary aGFsbG8=\n",
		"t: |\n  regel\n",
		"? complex\n: sleutel\n",
		"a: &a [x]\nb: [*a, *a]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, pos, err := yamlpos.Lees(src)
		if err != nil {
			var se *yamlpos.SyntaxFout
			if errors.As(err, &se) && se.Regel < 0 {
				t.Fatalf("SyntaxFout met regel %d", se.Regel)
			}
			return
		}
		for p, rk := range pos {
			if rk[0] < 0 || rk[1] < 0 {
				t.Fatalf("positie %q = %v", p, rk)
			}
			if r, k := pos.Zoek(p); r < 0 || k < 0 {
				t.Fatalf("Zoek(%q) = %d:%d", p, r, k)
			}
		}
		if _, ok := pos[""]; !ok {
			t.Fatal("geen positie voor het document")
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("geen JSON-waarde: %v (%#v)", err, v)
		}
	})
}

// TestAliasBom: nested aliases that would expand to millions of values are refused, quickly.
func TestAliasBom(t *testing.T) {
	t.Parallel()
	bom := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	vorige := "a"
	for _, naam := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bom += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", naam, naam, vorige, vorige, vorige, vorige, vorige, vorige, vorige, vorige, vorige, vorige)
		vorige = naam
	}
	start := time.Now()
	_, _, err := yamlpos.Lees([]byte(bom))
	var se *yamlpos.SyntaxFout
	if !errors.As(err, &se) || !strings.Contains(se.Bericht, "geneste aliassen") {
		t.Fatalf("Lees(aliasbom) = %v, verwacht een SyntaxFout over geneste aliassen", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("weigeren duurde %s", d)
	}
}

// TestRegelsZoalsDeEditor: yaml.v3 also ends a line at NEL, LS and PS (YAML 1.1) and can name the line after
// the last one; positions and errors name the line an editor shows, where only \n, \r\n and \r end one (YAML
// 1.2), inside the file.
func TestRegelsZoalsDeEditor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam    string
		src     string
		pointer string
		regel   int
	}{
		{"NEL voor het document", "\u00850", "", 1},
		{"LS in een tekst", "a: \"x\u2028y\"\nb: 2\n", "/b", 2},
		{"PS en CRLF", "a: 1\r\nb: \"p\u2029q\"\r\nc: 3\r\n", "/c", 3},
		{"zonder zulke tekens", "a: 1\nb: 2\n", "/b", 2},
		{"leeg document na ---", "---", "", 1},
		{"leeg document na --- en een regel", "---\n", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			_, pos, err := yamlpos.Lees([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if regel, _ := pos.Zoek(tt.pointer); regel != tt.regel {
				t.Errorf("Zoek(%q) = regel %d, want %d", tt.pointer, regel, tt.regel)
			}
		})
	}
	// A syntax error after a LS names the editor's line.
	_, _, err := yamlpos.Lees([]byte("a: \"x\u2028y\"\nb: [\n"))
	var se *yamlpos.SyntaxFout
	if !errors.As(err, &se) || se.Regel > 3 || se.Regel < 2 {
		t.Errorf("fout %v, verwacht een syntaxfout op regel 2 of 3", err)
	}
}
