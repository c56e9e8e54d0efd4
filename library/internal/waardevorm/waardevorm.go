// Package waardevorm is a compact binary form of a JSON document as the knowledge base holds it (objects,
// lists, texts, json.Number, booleans, null), which go generate writes for the built-in knowledge base:
// decoding 340 kB of JSON into Go values, and those into the AST values of the rules' store, took two
// thirds of loading it. Lees builds any representation through a Bouwer, so the knowledge base makes its Go
// values from it and the engine its AST values, each without the other (the knowledge base does not know
// OPA).
//
// The form (internal/binair): the magic "mkwaarde1", the fingerprint of the sources, the table of texts, and
// the document: a kind byte, followed for a number or text by its number in the table, for a list by its
// length and elements, for an object by its length and its keys (numbers in the table, in sorted order) and
// values.
package waardevorm

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/binair"
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
type schrijver struct{ *binair.Schrijver }

// Schrijf writes document with the fingerprint bron. It fails on a value the JSON decoder (with UseNumber)
// does not make, so that go generate fails rather than change a value.
func Schrijf(bron string, document map[string]any) ([]byte, error) {
	w := schrijver{binair.NieuweSchrijver()}
	if err := w.waarde(document); err != nil {
		return nil, err
	}
	return w.Vorm(magie, bron), nil
}

func (w schrijver) waarde(x any) error {
	switch v := x.(type) {
	case nil:
		w.Byte(soortNull)
	case bool:
		if v {
			w.Byte(soortWaar)
		} else {
			w.Byte(soortOnwaar)
		}
	case json.Number:
		w.Byte(soortGetal)
		w.Tekst(string(v))
	case string:
		w.Byte(soortTekst)
		w.Tekst(v)
	case []any:
		w.Byte(soortLijst)
		w.Getal(len(v))
		for _, e := range v {
			if err := w.waarde(e); err != nil {
				return err
			}
		}
	case map[string]any:
		w.Byte(soortObject)
		w.Getal(len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			w.Tekst(k)
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
	*binair.Lezer
	b Bouwer[T]
	// teksten: the value Tekst made of each entry of the table, once it was needed
	teksten []T
	gemaakt []bool
}

// Lees reads the fingerprint and the document of the binary form vorm, built by b.
func Lees[T any](vorm []byte, b Bouwer[T]) (bron string, document T, err error) {
	var niets T
	bron, l, err := binair.Lees(vorm, magie)
	if err != nil {
		return "", niets, fmt.Errorf("waardevorm: %w", err)
	}
	r := &lezer[T]{Lezer: l, b: b, teksten: make([]T, l.Teksten()), gemaakt: make([]bool, l.Teksten())}
	document = r.waarde(0)
	if err := r.Einde(); err != nil {
		return "", niets, fmt.Errorf("waardevorm: %w", err)
	}
	return bron, document, nil
}

// tekst reads a text's number in the table (-1 when the form is damaged) and makes its value once.
func (r *lezer[T]) tekst() int {
	i := r.Tekst()
	if i >= 0 && !r.gemaakt[i] {
		r.teksten[i], r.gemaakt[i] = r.b.Tekst(r.Tabel(i)), true
	}
	return i
}

func (r *lezer[T]) waarde(diepte int) T {
	if diepte > maxDiepte {
		r.Misvormd(errors.New("te diep genest"))
	}
	soort := r.Byte()
	if r.Fout() != nil {
		return r.b.Null()
	}
	switch soort {
	case soortNull:
		return r.b.Null()
	case soortOnwaar:
		return r.b.Bool(false)
	case soortWaar:
		return r.b.Bool(true)
	case soortGetal:
		if i := r.tekst(); i >= 0 {
			v, err := r.b.Getal(json.Number(r.Tabel(i)))
			if err != nil {
				r.Misvormd(err)
			}
			return v
		}
	case soortTekst:
		if i := r.tekst(); i >= 0 {
			return r.teksten[i]
		}
	case soortLijst:
		n := r.Getal()
		elementen := make([]T, 0, n)
		for range n {
			if r.Fout() != nil {
				break
			}
			elementen = append(elementen, r.waarde(diepte+1))
		}
		return r.b.Lijst(elementen)
	case soortObject:
		n := r.Getal()
		sleutels := make([]string, 0, n)
		sleutelWaarden := make([]T, 0, n)
		waarden := make([]T, 0, n)
		for range n {
			i := r.tekst()
			if i < 0 {
				break
			}
			sleutels = append(sleutels, r.Tabel(i))
			sleutelWaarden = append(sleutelWaarden, r.teksten[i])
			waarden = append(waarden, r.waarde(diepte+1))
		}
		return r.b.Object(sleutels, sleutelWaarden, waarden)
	default:
		r.Misvormd(fmt.Errorf("waarde van soort %d", soort))
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
