// Package waardevorm is a compact binary form of a JSON document as the knowledge base holds it (objects,
// lists, texts, json.Number, booleans, null), which go generate writes for the built-in knowledge base:
// decoding 340 kB of JSON into Go values, and those into the AST values of the rules' store, took two
// thirds of loading it. Lees builds any representation through a Bouwer, so the knowledge base makes its Go
// values from it and the engine its AST values, each without the other (the knowledge base does not know
// OPA).
//
// The form: the magic "mkwaarde1", the fingerprint of the sources (a varint length and its bytes), a table
// of strings (a varint count, then each as a varint length and its bytes), and the document: a kind byte,
// followed for a number or text by its number in the table, for a list by its length and elements, for an
// object by its length and its keys (numbers in the table, in sorted order) and values.
package waardevorm

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

const magie = "mkwaarde1"

const (
	soortNull byte = iota
	soortOnwaar
	soortWaar
	soortGetal
	soortTekst
	soortLijst
	soortObject
)

// maxDiepte bounds the nesting Lees follows (a damaged form could nest without end).
const maxDiepte = 1000

// schrijver writes the binary form.
type schrijver struct {
	uit     []byte
	teksten map[string]int
	tabel   []string
}

func (w *schrijver) getal(n int) { w.uit = binary.AppendUvarint(w.uit, uint64(n)) }

func (w *schrijver) tekst(s string) {
	i, ok := w.teksten[s]
	if !ok {
		i = len(w.tabel)
		w.teksten[s] = i
		w.tabel = append(w.tabel, s)
	}
	w.getal(i)
}

// Schrijf writes document with the fingerprint bron. It fails on a value the JSON decoder (with UseNumber)
// does not make, so that go generate fails rather than change a value.
func Schrijf(bron string, document map[string]any) ([]byte, error) {
	lijf := &schrijver{teksten: map[string]int{}}
	if err := lijf.waarde(document); err != nil {
		return nil, err
	}
	w := &schrijver{uit: []byte(magie)}
	w.getal(len(bron))
	w.uit = append(w.uit, bron...)
	w.getal(len(lijf.tabel))
	for _, s := range lijf.tabel {
		w.getal(len(s))
		w.uit = append(w.uit, s...)
	}
	return append(w.uit, lijf.uit...), nil
}

func (w *schrijver) waarde(x any) error {
	switch v := x.(type) {
	case nil:
		w.uit = append(w.uit, soortNull)
	case bool:
		if v {
			w.uit = append(w.uit, soortWaar)
		} else {
			w.uit = append(w.uit, soortOnwaar)
		}
	case json.Number:
		w.uit = append(w.uit, soortGetal)
		w.tekst(string(v))
	case string:
		w.uit = append(w.uit, soortTekst)
		w.tekst(v)
	case []any:
		w.uit = append(w.uit, soortLijst)
		w.getal(len(v))
		for _, e := range v {
			if err := w.waarde(e); err != nil {
				return err
			}
		}
	case map[string]any:
		w.uit = append(w.uit, soortObject)
		w.getal(len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			w.tekst(k)
			if err := w.waarde(v[k]); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	default:
		return fmt.Errorf("waarde van soort %T", x)
	}
	return nil
}

// Bouwer makes the values of one representation. Lees calls Tekst once per distinct text; Object gets the
// keys as texts and as the values Tekst made of them.
type Bouwer[T any] interface {
	Null() T
	Bool(b bool) T
	Getal(n json.Number) (T, error)
	Tekst(s string) T
	Lijst(elementen []T) T
	Object(sleutels []string, sleutelWaarden, waarden []T) T
}

// lezer reads the binary form.
type lezer[T any] struct {
	b     Bouwer[T]
	in    []byte
	pos   int
	tabel []string
	// teksten: the value Tekst made of each entry of the table, once it was needed
	teksten []T
	gemaakt []bool
	fout    error
}

var errAfgebroken = errors.New("afgebroken")

// Lees reads the fingerprint and the document of the binary form vorm, built by b.
func Lees[T any](vorm []byte, b Bouwer[T]) (bron string, document T, err error) {
	var niets T
	if len(vorm) < len(magie) || string(vorm[:len(magie)]) != magie {
		return "", niets, errors.New("waardevorm: onbekende vorm")
	}
	r := &lezer[T]{b: b, in: vorm, pos: len(magie)}
	if l := r.getal(); r.fout == nil && l <= len(r.in)-r.pos {
		bron = string(r.in[r.pos : r.pos+l])
		r.pos += l
	}
	n := r.getal()
	if r.fout != nil || n > len(vorm) {
		return "", niets, errors.New("waardevorm: afgebroken")
	}
	// One string holds every text of the table; the table's strings are slices of it.
	begin := r.pos
	grenzen := make([][2]int, n)
	for i := range n {
		l := r.getal()
		if r.fout != nil || l > len(r.in)-r.pos {
			return "", niets, errors.New("waardevorm: afgebroken")
		}
		grenzen[i] = [2]int{r.pos - begin, r.pos - begin + l}
		r.pos += l
	}
	alles := string(r.in[begin:r.pos])
	r.tabel = make([]string, n)
	for i, g := range grenzen {
		r.tabel[i] = alles[g[0]:g[1]]
	}
	r.teksten, r.gemaakt = make([]T, n), make([]bool, n)
	document = r.waarde(0)
	if r.fout == nil && r.pos != len(r.in) {
		r.fout = errors.New("gegevens na het document")
	}
	if r.fout != nil {
		return "", niets, fmt.Errorf("waardevorm: %w", r.fout)
	}
	return bron, document, nil
}

func (r *lezer[T]) getal() int {
	if r.fout != nil {
		return 0
	}
	v, n := binary.Uvarint(r.in[r.pos:])
	if n <= 0 || v > uint64(len(r.in)) {
		r.fout = errAfgebroken
		return 0
	}
	r.pos += n
	return int(v)
}

// tekst reads a text's number in the table; -1 when the form is damaged.
func (r *lezer[T]) tekst() int {
	i := r.getal()
	if i >= len(r.tabel) {
		if r.fout == nil {
			r.fout = fmt.Errorf("tekst %d buiten de tabel", i)
		}
		return -1
	}
	if !r.gemaakt[i] {
		r.teksten[i], r.gemaakt[i] = r.b.Tekst(r.tabel[i]), true
	}
	return i
}

func (r *lezer[T]) waarde(diepte int) T {
	if r.fout != nil {
		return r.b.Null()
	}
	if r.pos >= len(r.in) || diepte > maxDiepte {
		r.fout = errAfgebroken
		return r.b.Null()
	}
	soort := r.in[r.pos]
	r.pos++
	switch soort {
	case soortNull:
		return r.b.Null()
	case soortOnwaar:
		return r.b.Bool(false)
	case soortWaar:
		return r.b.Bool(true)
	case soortGetal:
		if i := r.tekst(); i >= 0 {
			v, err := r.b.Getal(json.Number(r.tabel[i]))
			if err != nil {
				r.fout = err
			}
			return v
		}
	case soortTekst:
		if i := r.tekst(); i >= 0 {
			return r.teksten[i]
		}
	case soortLijst:
		n := r.getal()
		elementen := make([]T, 0, n)
		for range n {
			if r.fout != nil {
				break
			}
			elementen = append(elementen, r.waarde(diepte+1))
		}
		return r.b.Lijst(elementen)
	case soortObject:
		n := r.getal()
		sleutels := make([]string, 0, n)
		sleutelWaarden := make([]T, 0, n)
		waarden := make([]T, 0, n)
		for range n {
			i := r.tekst()
			if i < 0 {
				break
			}
			sleutels = append(sleutels, r.tabel[i])
			sleutelWaarden = append(sleutelWaarden, r.teksten[i])
			waarden = append(waarden, r.waarde(diepte+1))
		}
		return r.b.Object(sleutels, sleutelWaarden, waarden)
	default:
		r.fout = fmt.Errorf("waarde van soort %d", soort)
	}
	return r.b.Null()
}

// GoWaarden builds the Go values the JSON decoder makes with UseNumber: map[string]any, []any, string,
// json.Number, bool and nil.
type GoWaarden struct{}

func (GoWaarden) Null() any                        { return nil }
func (GoWaarden) Bool(b bool) any                  { return b }
func (GoWaarden) Getal(n json.Number) (any, error) { return n, nil }
func (GoWaarden) Tekst(s string) any               { return s }
func (GoWaarden) Lijst(elementen []any) any        { return elementen }
func (GoWaarden) Object(sleutels []string, _, waarden []any) any {
	m := make(map[string]any, len(sleutels))
	for i, k := range sleutels {
		m[k] = waarden[i]
	}
	return m
}
