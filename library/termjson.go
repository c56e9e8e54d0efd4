package library

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// A value as JSON straight from the rules' AST. OPA would first turn the value into Go maps and lists,
// which encoding/json then writes again with sorted keys. The answer query gives its term as it is
// (alsTerm); leesTerm reads it into the Antwoord, and for what it does not read itself it writes the JSON
// of that value with termJSON and reads that back, so the order of an object's keys does not matter.

// alsTerm is a rego.GenerateJSON that leaves a result as its AST term.
func alsTerm(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil }

// termJSON appends the JSON of v to b, as encoding/json would write the value ast.JSON gives for it:
// a set as a list in the set's order, a number as it is written, a string with its invalid UTF-8 as
// U+FFFD.
func termJSON(b []byte, v ast.Value) ([]byte, error) {
	switch x := v.(type) {
	case ast.Null:
		return append(b, "null"...), nil
	case ast.Boolean:
		return strconv.AppendBool(b, bool(x)), nil
	case ast.Number:
		return append(b, x...), nil
	case ast.String:
		return tekstJSON(b, string(x)), nil
	case *ast.Array:
		b = append(b, '[')
		for i := range x.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = termJSON(b, x.Elem(i).Value); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case ast.Set:
		b = append(b, '[')
		i := 0
		err := x.Iter(func(t *ast.Term) error {
			if i > 0 {
				b = append(b, ',')
			}
			i++
			var err error
			b, err = termJSON(b, t.Value)
			return err
		})
		if err != nil {
			return nil, err
		}
		return append(b, ']'), nil
	case ast.Object:
		return objectJSON(b, x)
	}
	return algemeenJSON(b, v)
}

// objectJSON appends the JSON of object x.
func objectJSON(b []byte, x ast.Object) ([]byte, error) {
	for _, k := range x.Keys() {
		if _, ok := k.Value.(ast.String); !ok {
			return algemeenJSON(b, x) // a key that is no text: as ast.JSON writes it
		}
	}
	b = append(b, '{')
	for i, k := range x.Keys() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(tekstJSON(b, string(k.Value.(ast.String))), ':')
		var err error
		if b, err = termJSON(b, x.Get(k).Value); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// algemeenJSON appends the JSON of v the general way: ast.JSON, then encoding/json.
func algemeenJSON(b []byte, v ast.Value) ([]byte, error) {
	g, err := ast.JSON(v)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("lees antwoord: %w", err)
	}
	return append(b, raw...), nil
}

// tekstJSON appends s as a JSON string: quotes, backslashes and control characters escaped, invalid
// UTF-8 as U+FFFD (as encoding/json writes it).
func tekstJSON(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}
