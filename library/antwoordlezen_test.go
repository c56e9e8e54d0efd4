package library

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// TestAntwoordLezenAlsEncodingJSON: the engine reads the rules' answer (leesAntwoord: leesTerm, and the JSON
// of the alternatives it chose) into exactly the Antwoord that encoding/json reads from the answer's JSON,
// for every scenario and law question, with and without alternatives.
func TestAntwoordLezenAlsEncodingJSON(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	vragen := append(scenarioVragenIntern(t), vragenUit(t, "../testdata/wet/*.json")...)
	for _, opts := range [][]Optie{nil, {ZonderAlternatieven()}} {
		e, err := New(ctx, opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vragen {
			u, err := e.regelsAntwoord(ctx, v.vraag)
			if err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			raw, err := termJSON(nil, u.geheel())
			if err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			var want, got Antwoord
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			if u.alternatieven != nil {
				want.Alternatieven = nil
				if err := json.Unmarshal(u.alternatieven, &want.Alternatieven); err != nil {
					t.Fatalf("%s: %v", v.naam, err)
				}
			}
			if err := leesAntwoord(u, &got); err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: leesAntwoord leest het antwoord anders dan encoding/json", v.naam)
			}
		}
	}
	if len(vragen) < 200 {
		t.Errorf("%d vragen; verwacht de 36 scenario's en de wetsvragen", len(vragen))
	}
}

// geheel is the answer's term with the question in it, as the rules give the whole answer.
func (u regelsUitkomst) geheel() ast.Value {
	kern, ok := u.kern.(ast.Object)
	if !ok || u.vraag == nil {
		return u.kern
	}
	paren := make([][2]*ast.Term, 0, kern.Len()+1)
	kern.Foreach(func(k, w *ast.Term) { paren = append(paren, [2]*ast.Term{k, w}) })
	return ast.NewObject(append(paren, [2]*ast.Term{ast.StringTerm("vraag"), ast.NewTerm(u.vraag)})...)
}
