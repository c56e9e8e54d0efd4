package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// indentSeeds are compact JSON documents with what inspringen must treat differently: empty and nested
// objects and arrays, brackets, commas, colons and escaped quotes inside strings, and every literal.
var indentSeeds = []string{
	`{}`,
	`[]`,
	`{"a":{}}`,
	`{"a":[],"b":[[]],"c":[{}]}`,
	`[1,-2.5e10,true,false,null,"x"]`,
	`{"tekst":"a, b: {c} [d]","escape":"\"{\\\"},\\\\","unicode":"é ✓ \u003c"}`,
	`{"a":{"b":{"c":[1,{"d":"e"}]}},"f":"g"}`,
	`"alleen tekst"`,
	`42`,
}

// TestInspringenZoalsEncodingJSON: inspringen gives the bytes of json.Indent with two spaces for every
// seed, each with the newline json.Encoder ends a value with.
func TestInspringenZoalsEncodingJSON(t *testing.T) {
	for _, s := range indentSeeds {
		src := []byte(s + "\n")
		var want bytes.Buffer
		if err := json.Indent(&want, src, "", "  "); err != nil {
			t.Fatalf("json.Indent(%s): %v", s, err)
		}
		if got := inspringen(nil, src); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("inspringen(%s) =\n%s\nwant\n%s", s, got, want.Bytes())
		}
	}
}

// TestInspringerInStukken: compact JSON cut anywhere (inside a string, between an escape and the quote
// it escapes, between brackets) indents in two pieces to the same bytes as in one.
func TestInspringerInStukken(t *testing.T) {
	for _, s := range indentSeeds {
		src := []byte(s + "\n")
		heel := inspringen(nil, src)
		for k := range len(src) + 1 {
			var in inspringer
			got := in.voegToe(in.voegToe(nil, src[:k]), src[k:])
			if !bytes.Equal(got, heel) {
				t.Errorf("%s geknipt na %d bytes:\n%s\nwant\n%s", s, k, got, heel)
			}
		}
	}
}

// TestSchrijfJSONZoalsEncoder: schrijfJSON writes what a json.Encoder with SetEscapeHTML(false) and
// SetIndent("", "  ") writes, also for links and HTML in strings, and for a document of several pieces
// (jsonStuk).
func TestSchrijfJSONZoalsEncoder(t *testing.T) {
	var groot []map[string]any
	for i := 0; len(groot)*120 < 3*jsonStuk; i++ {
		groot = append(groot, map[string]any{"naar": "ggz", "tekst": strings.Repeat(`a "b" \ {c}, [d]: `, i%7), "lijst": []int{i, i + 1}, "leeg": map[string]any{}})
	}
	for _, tt := range []struct {
		naam   string
		v      any
		minLen int // at least this many bytes, so that the test covers what it names
	}{
		{naam: "links, html en tekens", v: map[string]any{
			"link":    "https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=1.11",
			"html":    "<b>niet</b> & ook niet",
			"lijst":   []any{1, "twee", map[string]any{}, []any{}},
			"genest":  map[string]any{"a": []string{"b", "c"}},
			"leeg":    nil,
			"getal":   3.25,
			"waar":    true,
			"tekens":  "tab\there, newline\nthere, quote \" and backslash \\",
			"unicode": "zekerheid: hoog ✓",
		}},
		{naam: "meer stukken", v: groot, minLen: 2 * jsonStuk},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tt.v); err != nil {
				t.Fatal(err)
			}
			if want.Len() < tt.minLen {
				t.Fatalf("document van %d bytes, verwacht minstens %d", want.Len(), tt.minLen)
			}
			var got bytes.Buffer
			if err := schrijfJSON(&got, tt.v); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("schrijfJSON wijkt af van json.Encoder (%d tegen %d bytes):\n%.2000s\nwant\n%.2000s", got.Len(), want.Len(), got.Bytes(), want.Bytes())
			}
		})
	}
}

// FuzzInspringen: for any valid JSON, its compact form indented by inspringen equals json.Indent's.
func FuzzInspringen(f *testing.F) {
	for _, s := range indentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		compact.WriteByte('\n')
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := inspringen(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("inspringen(%q) = %q, want %q", compact.Bytes(), got, want.Bytes())
		}
		// In two pieces, cut at a place the input chooses.
		k := int(data[0]) % (compact.Len() + 1)
		var in inspringer
		if got := in.voegToe(in.voegToe(nil, compact.Bytes()[:k]), compact.Bytes()[k:]); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("inspringer in stukken (na %d bytes) van %q = %q, want %q", k, compact.Bytes(), got, want.Bytes())
		}
	})
}
