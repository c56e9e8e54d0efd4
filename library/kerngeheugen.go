package library

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The core of an answer, read once per value.
//
// The rules give the answer in parts (data.magikdelen.antwoord_in_delen): the core without the question, the
// question, and the changes the alternatives recompute. The core reads the parts of the question its values read
// and, most of the time, not the date; the engine shares it between questions that agree on those parts
// (invoerdelen.go), and then it is the same value each time, the value the store keeps. kernGeheugen keeps, per
// core value (by identity: a value the store keeps is never changed), the Antwoord read from it and the JSON of
// each of its fields, so that such a question reads and encodes only its question, its alternatives and its
// vraagbaak links. Reading a value twice gives the same Antwoord, so a kept one is the same as a new one; the
// Antwoord is shared between the engine's answers, which hand out copies (Antwoord.kloon).

// kernGeheugenMax bounds the JSON the memory keeps (its Antwoorden take about as much); when full it starts
// empty, as the store of shared values does.
const kernGeheugenMax = 16 << 20

type kernGeheugen struct {
	mu      sync.Mutex
	waarden map[ast.Object]*gelezenKern
	bytes   int
}

// gelezenKern is what reading a core gave: the Antwoord (the fields set per question as the core gives them),
// and the JSON of each field of Antwoord in the order of antwoordVelden, nil for a field set per question
// (perVraag).
type gelezenKern struct {
	a      Antwoord
	velden [][]byte
}

func nieuwKernGeheugen() *kernGeheugen {
	if antwoordVelden == nil {
		return nil
	}
	return &kernGeheugen{waarden: map[ast.Object]*gelezenKern{}}
}

// lees gives what reading core kern gives, read now or kept from before.
func (g *kernGeheugen) lees(kern ast.Object) (*gelezenKern, error) {
	g.mu.Lock()
	gk := g.waarden[kern]
	g.mu.Unlock()
	if gk != nil {
		return gk, nil
	}
	gk = &gelezenKern{velden: make([][]byte, len(antwoordVelden))}
	if err := leesTerm(kern, &gk.a); err != nil {
		return nil, err
	}
	v := reflect.ValueOf(&gk.a).Elem()
	n := 0
	for i := range antwoordVelden {
		if perVraag[i] {
			continue // encoded per question (antwoordJSON), after the question sets it
		}
		b, err := json.Marshal(v.Field(i).Interface())
		if err != nil {
			return nil, err
		}
		gk.velden[i] = b
		n += len(b)
	}
	g.mu.Lock()
	if g.bytes+n > kernGeheugenMax {
		clear(g.waarden)
		g.bytes = 0
	}
	if _, ok := g.waarden[kern]; !ok {
		g.waarden[kern] = gk
		g.bytes += n
	}
	g.mu.Unlock()
	return gk, nil
}

// antwoordVelden: the JSON name of each field of Antwoord, in order; nil when Antwoord's JSON is not simply its
// fields in order (a field without a plain name of its own, omitempty, a field left out, a MarshalJSON of its
// own), and then the engine keeps no cores (nieuwKernGeheugen) and encodes every answer whole. perVraag: the fields an answer sets per question,
// not from the core: the question, the alternatives and the vraagbaak links.
var antwoordVelden, perVraag = jsonVelden(reflect.TypeFor[Antwoord](), "Vraag", "Alternatieven", "Vraagbaak")

func jsonVelden(t reflect.Type, apart ...string) ([]string, []bool) {
	if t.Implements(reflect.TypeFor[json.Marshaler]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[json.Marshaler]()) {
		return nil, nil
	}
	namen := make([]string, t.NumField())
	los := make([]bool, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		naam, opties, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || f.Anonymous || naam == "" || naam == "-" || opties != "" || strings.Trim(naam, "abcdefghijklmnopqrstuvwxyz_") != "" {
			return nil, nil
		}
		namen[i] = naam
		for _, a := range apart {
			los[i] = los[i] || f.Name == a
		}
	}
	return namen, los
}

// jsonDelen is the JSON of an answer: whole, or as the JSON of each field of Antwoord in the order of
// antwoordVelden, where a field of a kept core is that core's own bytes (gelezenKern.velden), shared by every
// answer of the core instead of copied into each (an answer at a table is up to 128 kB, most of it the core).
// The bytes are never changed.
type jsonDelen struct {
	heel   string   // the JSON whole, when velden is nil
	velden [][]byte // the JSON of each field, in the order of antwoordVelden
	lengte int      // the length of the JSON, with velden
}

// len is the length of the JSON.
func (j *jsonDelen) len() int {
	if j.velden == nil {
		return len(j.heel)
	}
	return j.lengte
}

// voegToe appends the JSON to dst.
func (j *jsonDelen) voegToe(dst []byte) []byte {
	if j.velden == nil {
		return append(dst, j.heel...)
	}
	uit := bytes.NewBuffer(slices.Grow(dst, j.lengte)) // writes after what dst holds
	j.schrijf(uit)
	return uit.Bytes()
}

// tekst gives the JSON as one string.
func (j *jsonDelen) tekst() string {
	if j.velden == nil {
		return j.heel
	}
	var uit strings.Builder
	uit.Grow(j.lengte)
	j.schrijf(&uit)
	return uit.String()
}

// schrijf writes the JSON object of the fields (velden not nil).
func (j *jsonDelen) schrijf(uit interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}) {
	_ = uit.WriteByte('{')
	for i, naam := range antwoordVelden {
		if i > 0 {
			_ = uit.WriteByte(',')
		}
		_ = uit.WriteByte('"')
		_, _ = uit.WriteString(naam)
		_, _ = uit.WriteString(`":`)
		_, _ = uit.Write(j.velden[i])
	}
	_ = uit.WriteByte('}')
}

// antwoordJSON gives the JSON of a, as json.Marshal gives it: a JSON object of its fields in order, each
// field's JSON from vast when it has it (the fields of a core read before) and encoded now otherwise.
func antwoordJSON(a *Antwoord, vast *gelezenKern) (jsonDelen, error) {
	if vast == nil { // no kept core (and none without antwoordVelden): the answer whole
		var uit strings.Builder
		// The encoder writes what json.Marshal gives and a newline, into the text at once (json.Marshal, then
		// string(), copied an answer of up to 128 kB twice).
		if err := json.NewEncoder(&uit).Encode(a); err != nil {
			return jsonDelen{}, err
		}
		return jsonDelen{heel: strings.TrimSuffix(uit.String(), "\n")}, nil
	}
	v := reflect.ValueOf(a).Elem()
	j := jsonDelen{velden: make([][]byte, len(antwoordVelden)), lengte: 1 + len(antwoordVelden)} // the braces and commas
	for i, naam := range antwoordVelden {
		j.velden[i] = vast.velden[i]
		if j.velden[i] == nil {
			b, err := json.Marshal(v.Field(i).Interface())
			if err != nil {
				return jsonDelen{}, err
			}
			j.velden[i] = b
		}
		j.lengte += len(naam) + 3 + len(j.velden[i])
	}
	return j, nil
}
