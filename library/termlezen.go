package library

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The answer read straight from the rules' AST into an Antwoord. Writing the term as JSON (termJSON) and
// reading that back cost two thirds of an answer that is not in the cache: a table's answer is 128 kB of
// JSON. leesTerm reads the term the way encoding/json reads the JSON termJSON writes for it, for the kinds
// of value an Antwoord holds (structs, lists, texts, booleans, pointers, maps with text keys and values of
// any type); anything else (a number into a number field, a type that reads itself, an object key that
// matches a field only without regard to case, a value of the wrong kind) it reads that very way: termJSON,
// then encoding/json, for that value alone. TestLeesTermAlsJSON compares the two for
// every kind of value, and TestAntwoordLezenAlsEncodingJSON for the answer of every scenario and law question.

// leesTerm reads v into the value doel points to, as json.Unmarshal reads the JSON of v (termJSON).
func leesTerm(v ast.Value, doel any) error {
	d := reflect.ValueOf(doel)
	if d.Kind() != reflect.Pointer || d.IsNil() {
		return fmt.Errorf("leesTerm: doel %T is geen pointer", doel)
	}
	return leesWaarde(v, d.Elem())
}

var (
	typeLeesZelf  = reflect.TypeFor[json.Unmarshaler]()
	typeTekstZelf = reflect.TypeFor[encoding.TextUnmarshaler]()
	typeJSONGetal = reflect.TypeFor[json.Number]()
)

// leesWaarde reads v into d (settable).
func leesWaarde(v ast.Value, d reflect.Value) error {
	t := d.Type()
	if t.Kind() != reflect.Pointer && (reflect.PointerTo(t).Implements(typeLeesZelf) || reflect.PointerTo(t).Implements(typeTekstZelf)) {
		return leesAlsJSON(v, d)
	}
	if _, ok := v.(ast.Null); ok {
		switch t.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			d.SetZero()
		}
		return nil // encoding/json: null leaves any other value as it is
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := v.(ast.String); ok && t != typeJSONGetal {
			d.SetString(geldigeTekst(string(s)))
			return nil
		}
	case reflect.Bool:
		if b, ok := v.(ast.Boolean); ok {
			d.SetBool(bool(b))
			return nil
		}
	case reflect.Pointer:
		if t.Implements(typeLeesZelf) || t.Implements(typeTekstZelf) {
			break
		}
		if d.IsNil() {
			d.Set(reflect.New(t.Elem()))
		}
		return leesWaarde(v, d.Elem())
	case reflect.Interface:
		if t.NumMethod() == 0 && d.IsNil() {
			if g, ok := alsAlgemeen(v); ok {
				if g == nil {
					d.SetZero()
				} else {
					d.Set(reflect.ValueOf(g))
				}
				return nil
			}
		}
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 && d.IsNil() {
			return leesLijst(v, d)
		}
	case reflect.Struct:
		if o, ok := v.(ast.Object); ok {
			if klaar, err := leesStruct(o, d); klaar || err != nil {
				return err
			}
		}
	case reflect.Map:
		if o, ok := v.(ast.Object); ok && t.Key().Kind() == reflect.String && t.Key() == reflect.TypeFor[string]() && d.IsNil() {
			if klaar, err := leesMap(o, d); klaar || err != nil {
				return err
			}
		}
	}
	return leesAlsJSON(v, d)
}

// leesAlsJSON reads v into d the general way: its JSON, read as encoding/json reads it.
func leesAlsJSON(v ast.Value, d reflect.Value) error {
	raw, err := termJSON(nil, v)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, d.Addr().Interface())
}

// geldigeJSON: the JSON termJSON writes for v is valid, or the error encoding/json gives for it (which
// reads no more of a value it ignores).
func geldigeJSON(v ast.Value) error {
	raw, err := termJSON(nil, v)
	if err != nil {
		return err
	}
	if !json.Valid(raw) {
		var g any
		return json.Unmarshal(raw, &g)
	}
	return nil
}

// leesLijst reads a list or set into the nil slice d.
func leesLijst(v ast.Value, d reflect.Value) error {
	var n int
	switch x := v.(type) {
	case *ast.Array:
		n = x.Len()
	case ast.Set:
		n = x.Len()
	default:
		return leesAlsJSON(v, d)
	}
	s := reflect.MakeSlice(d.Type(), n, n)
	switch x := v.(type) {
	case *ast.Array:
		for i := range n {
			if err := leesWaarde(x.Elem(i).Value, s.Index(i)); err != nil {
				return err
			}
		}
	case ast.Set:
		i := 0
		if err := x.Iter(func(e *ast.Term) error {
			err := leesWaarde(e.Value, s.Index(i))
			i++
			return err
		}); err != nil {
			return err
		}
	}
	d.Set(s)
	return nil
}

// velden is how encoding/json reads an object into a struct type: the field for each name, and whether
// the type is one leesStruct reads (no embedded fields, no option ",string").
type velden struct {
	perNaam map[string]int
	namen   []string
	gewoon  bool
}

var veldenPerType sync.Map // reflect.Type → *velden

func veldenVan(t reflect.Type) *velden {
	if v, ok := veldenPerType.Load(t); ok {
		return v.(*velden)
	}
	v := &velden{perNaam: map[string]int{}, gewoon: true}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			v.gewoon = false
			continue
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		naam, opties, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opties+",", ",string,") || !geldigeNaam(naam) {
			v.gewoon = false
			continue
		}
		if naam == "" {
			naam = f.Name
		}
		if _, dubbel := v.perNaam[naam]; dubbel {
			v.gewoon = false // encoding/json's rules for a name two fields share
			continue
		}
		v.perNaam[naam] = i
		v.namen = append(v.namen, naam)
	}
	veldenPerType.Store(t, v)
	return v
}

// geldigeNaam: a tag name of letters, digits and underscores, that encoding/json takes as it is (other names
// go its own way).
func geldigeNaam(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// leesStruct reads object o into struct d; klaar is false when o is not for this path (d is then
// unchanged).
func leesStruct(o ast.Object, d reflect.Value) (klaar bool, err error) {
	vs := veldenVan(d.Type())
	if !vs.gewoon {
		return false, nil
	}
	sleutels := o.Keys()
	for _, k := range sleutels {
		s, ok := k.Value.(ast.String)
		if !ok {
			return false, nil
		}
		if _, ok := vs.perNaam[string(s)]; !ok && !vreemd(string(s), vs.namen) {
			return false, nil // a key that matches a field without regard to case: encoding/json's way
		}
	}
	for _, k := range sleutels {
		i, ok := vs.perNaam[string(k.Value.(ast.String))]
		if !ok {
			// encoding/json ignores a key without a field, once its value is valid JSON
			if err := geldigeJSON(o.Get(k).Value); err != nil {
				return true, err
			}
			continue
		}
		if err := leesWaarde(o.Get(k).Value, d.Field(i)); err != nil {
			return true, err
		}
	}
	return true, nil
}

// vreemd: key s names none of the fields, not even without regard to case (or it is not plain ASCII,
// where encoding/json folds case its own way).
func vreemd(s string, namen []string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	for _, n := range namen {
		if strings.EqualFold(s, n) {
			return false
		}
	}
	return true
}

// leesMap reads object o into the nil map d with text keys; klaar is false when a key is no text.
func leesMap(o ast.Object, d reflect.Value) (klaar bool, err error) {
	sleutels := o.Keys()
	for _, k := range sleutels {
		if _, ok := k.Value.(ast.String); !ok {
			return false, nil
		}
	}
	t := d.Type()
	m := reflect.MakeMapWithSize(t, len(sleutels))
	for _, k := range sleutels {
		e := reflect.New(t.Elem()).Elem()
		if err := leesWaarde(o.Get(k).Value, e); err != nil {
			return true, err
		}
		m.SetMapIndex(reflect.ValueOf(geldigeTekst(string(k.Value.(ast.String)))), e)
	}
	d.Set(m)
	return true, nil
}

// alsAlgemeen is v as encoding/json reads its JSON into an any: maps, lists, float64, texts, booleans,
// nil; ok is false for a value it reads otherwise (a number out of range, an object key that is no text).
func alsAlgemeen(v ast.Value) (g any, ok bool) {
	switch x := v.(type) {
	case ast.Null:
		return nil, true
	case ast.Boolean:
		return bool(x), true
	case ast.Number:
		if !jsonGetal(string(x)) {
			return nil, false
		}
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	case ast.String:
		return geldigeTekst(string(x)), true
	case *ast.Array:
		l := make([]any, x.Len())
		for i := range l {
			if l[i], ok = alsAlgemeen(x.Elem(i).Value); !ok {
				return nil, false
			}
		}
		return l, true
	case ast.Set:
		l := make([]any, 0, x.Len())
		err := x.Iter(func(e *ast.Term) error {
			g, ok := alsAlgemeen(e.Value)
			if !ok {
				return errAnders
			}
			l = append(l, g)
			return nil
		})
		return l, err == nil
	case ast.Object:
		m := make(map[string]any, x.Len())
		for _, k := range x.Keys() {
			s, isTekst := k.Value.(ast.String)
			if !isTekst {
				return nil, false
			}
			if m[geldigeTekst(string(s))], ok = alsAlgemeen(x.Get(k).Value); !ok {
				return nil, false
			}
		}
		return m, true
	}
	return nil, false
}

// errAnders stops alsAlgemeen's walk over a set.
var errAnders = errors.New("anders")

// jsonGetal: s is a number as JSON writes it (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?).
func jsonGetal(s string) bool {
	i := 0
	cijfers := func() int {
		b := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i - b
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if cijfers() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if cijfers() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if cijfers() == 0 {
			return false
		}
	}
	return i == len(s)
}

// geldigeTekst is s with every byte that is no valid UTF-8 as U+FFFD, as encoding/json reads the JSON
// termJSON writes for it.
func geldigeTekst(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
