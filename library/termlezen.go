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
// JSON. leesTerm reads the term the way encoding/json reads the JSON termJSON writes for it, with a reader
// (lezer) per Go type made once, for the kinds of value an Antwoord holds (structs, lists, texts, booleans,
// pointers, maps with text keys and values of any type); anything else (a number into a number field, a type
// that reads itself, an object key that matches a field only without regard to case, a value of the wrong
// kind) it reads that very way: termJSON, then encoding/json, for that value alone. TestLeesTermAlsJSON
// compares the two for every kind of value and target, FuzzLeesTerm for any ground term, and
// TestAntwoordLezenAlsEncodingJSON for the answer of every scenario and law question.

// leesTerm reads v into the value doel points to, as json.Unmarshal reads the JSON of v (termJSON).
func leesTerm(v ast.Value, doel any) error {
	d := reflect.ValueOf(doel)
	if d.Kind() != reflect.Pointer || d.IsNil() {
		return fmt.Errorf("leesTerm: doel %T is geen pointer", doel)
	}
	return lezerVoor(d.Type().Elem())(v, d.Elem())
}

// lezer reads a value into d (settable) of the type it was made for.
type lezer func(v ast.Value, d reflect.Value) error

var (
	lezers        sync.Map // reflect.Type → lezer
	typeLeesZelf  = reflect.TypeFor[json.Unmarshaler]()
	typeTekstZelf = reflect.TypeFor[encoding.TextUnmarshaler]()
	typeJSONGetal = reflect.TypeFor[json.Number]()
)

// lezerVoor is the lezer of type t, made once (as encoding/json makes its decoders: a type that refers to
// itself gets a lezer that waits for its own).
func lezerVoor(t reflect.Type) lezer {
	if l, ok := lezers.Load(t); ok {
		return l.(lezer)
	}
	var (
		wg sync.WaitGroup
		l  lezer
	)
	wg.Add(1)
	if eerder, geladen := lezers.LoadOrStore(t, lezer(func(v ast.Value, d reflect.Value) error {
		wg.Wait()
		return l(v, d)
	})); geladen {
		return eerder.(lezer)
	}
	l = maakLezer(t)
	wg.Done()
	lezers.Store(t, l)
	return l
}

// maakLezer makes the lezer of type t: its own for the kinds an Antwoord holds, leesAlsJSON for the rest.
func maakLezer(t reflect.Type) lezer {
	if leestZelf(t) || leestZelf(reflect.PointerTo(t)) {
		return leesAlsJSON
	}
	switch t.Kind() {
	case reflect.String:
		if t != typeJSONGetal {
			return leesTekst
		}
	case reflect.Bool:
		return leesBool
	case reflect.Pointer:
		return pointerLezer(t)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return leesAlgemeen
		}
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 {
			return lijstLezer(t)
		}
	case reflect.Struct:
		if vs := veldenVan(t); vs.gewoon {
			return vs.lees
		}
	case reflect.Map:
		if t.Key() == reflect.TypeFor[string]() {
			return mapLezer(t)
		}
	}
	return leesAlsJSON
}

// leestZelf: type t reads itself from JSON or text (encoding/json then calls it).
func leestZelf(t reflect.Type) bool { return t.Implements(typeLeesZelf) || t.Implements(typeTekstZelf) }

// nul: v is null, which encoding/json reads as the zero value of a pointer, interface, map or slice and
// as nothing at all into any other value.
func nul(v ast.Value, d reflect.Value) bool {
	if _, ok := v.(ast.Null); !ok {
		return false
	}
	switch d.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
		d.SetZero()
	}
	return true
}

func leesTekst(v ast.Value, d reflect.Value) error {
	if s, ok := v.(ast.String); ok {
		d.SetString(geldigeTekst(string(s)))
		return nil
	}
	if nul(v, d) {
		return nil
	}
	return leesAlsJSON(v, d)
}

func leesBool(v ast.Value, d reflect.Value) error {
	if b, ok := v.(ast.Boolean); ok {
		d.SetBool(bool(b))
		return nil
	}
	if nul(v, d) {
		return nil
	}
	return leesAlsJSON(v, d)
}

func pointerLezer(t reflect.Type) lezer {
	elem := lezerVoor(t.Elem())
	return func(v ast.Value, d reflect.Value) error {
		if nul(v, d) {
			return nil
		}
		if d.IsNil() {
			d.Set(reflect.New(t.Elem()))
		}
		return elem(v, d.Elem())
	}
}

func leesAlgemeen(v ast.Value, d reflect.Value) error {
	if nul(v, d) {
		return nil
	}
	if d.IsNil() {
		if g, ok := alsAlgemeen(v); ok {
			d.Set(reflect.ValueOf(g))
			return nil
		}
	}
	return leesAlsJSON(v, d)
}

// lijstLezer reads a list or set into a nil slice of type t.
func lijstLezer(t reflect.Type) lezer {
	elem := lezerVoor(t.Elem())
	return func(v ast.Value, d reflect.Value) error {
		if nul(v, d) {
			return nil
		}
		if !d.IsNil() {
			return leesAlsJSON(v, d)
		}
		switch x := v.(type) {
		case *ast.Array:
			s := reflect.MakeSlice(t, x.Len(), x.Len())
			for i := range x.Len() {
				if err := elem(x.Elem(i).Value, s.Index(i)); err != nil {
					return err
				}
			}
			d.Set(s)
			return nil
		case ast.Set:
			s := reflect.MakeSlice(t, x.Len(), x.Len())
			i := 0
			if err := x.Iter(func(e *ast.Term) error {
				err := elem(e.Value, s.Index(i))
				i++
				return err
			}); err != nil {
				return err
			}
			d.Set(s)
			return nil
		}
		return leesAlsJSON(v, d)
	}
}

// mapLezer reads an object with text keys into a nil map of type t (keys of type string).
func mapLezer(t reflect.Type) lezer {
	elem := lezerVoor(t.Elem())
	return func(v ast.Value, d reflect.Value) error {
		if nul(v, d) {
			return nil
		}
		o, ok := v.(ast.Object)
		if !ok || !d.IsNil() {
			return leesAlsJSON(v, d)
		}
		sleutels := o.Keys()
		for _, k := range sleutels {
			if _, ok := k.Value.(ast.String); !ok {
				return leesAlsJSON(v, d)
			}
		}
		m := reflect.MakeMapWithSize(t, len(sleutels))
		for _, k := range sleutels {
			e := reflect.New(t.Elem()).Elem()
			if err := elem(o.Get(k).Value, e); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(geldigeTekst(string(k.Value.(ast.String)))), e)
		}
		d.Set(m)
		return nil
	}
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

// velden is how encoding/json reads an object into a struct type: per name the field's place in index and
// lezers, and whether the type is one velden.lees reads (no embedded fields, no option ",string", plain
// names).
type velden struct {
	perNaam map[string]int
	namen   []string
	index   []int   // the field's index in the struct
	lezers  []lezer // the field's lezer
	gewoon  bool
}

// veldenVan is the plan of struct type t (lezerVoor makes it once per type).
func veldenVan(t reflect.Type) *velden {
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
		v.perNaam[naam] = len(v.index)
		v.namen = append(v.namen, naam)
		v.index = append(v.index, i)
	}
	if v.gewoon {
		for _, i := range v.index {
			v.lezers = append(v.lezers, lezerVoor(t.Field(i).Type))
		}
	}
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

// lees reads object o into the struct d, as encoding/json does; what is not an object, or an object with a
// key that is no text or that matches a field only without regard to case, the general way.
func (vs *velden) lees(v ast.Value, d reflect.Value) error {
	o, ok := v.(ast.Object)
	if !ok {
		if nul(v, d) {
			return nil
		}
		return leesAlsJSON(v, d)
	}
	sleutels := o.Keys()
	var buf [32]int
	velden := buf[:0]
	for _, k := range sleutels {
		s, ok := k.Value.(ast.String)
		if !ok {
			return leesAlsJSON(v, d)
		}
		i, ok := vs.perNaam[string(s)]
		if !ok {
			if !vreemd(string(s), vs.namen) {
				return leesAlsJSON(v, d) // a key that matches a field without regard to case: encoding/json's way
			}
			i = -1
		}
		velden = append(velden, i)
	}
	for j, k := range sleutels {
		i := velden[j]
		if i < 0 {
			// encoding/json ignores a key without a field, once its value is valid JSON
			if err := geldigeJSON(o.Get(k).Value); err != nil {
				return err
			}
			continue
		}
		if err := vs.lezers[i](o.Get(k).Value, d.Field(vs.index[i])); err != nil {
			return err
		}
	}
	return nil
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

// jsonGetal: s is a number as JSON writes it (a JSON value that starts with a minus or a digit).
func jsonGetal(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && json.Valid([]byte(s))
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
