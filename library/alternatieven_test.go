package library

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestAlternatievenInDelen: the answer in parts (the changes recomputed side by side, chosen by
// alternatieven.kies) is the answer the rules give in one evaluation (antwoord_zonder_vraagbaak), for the
// scenario and law questions, the questions of the vraagbaak checks, and for each party as sender a
// question that rotates through recipients, categories and purposes with a few facts (deterministic).
func TestAlternatievenInDelen(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !e.inDelen {
		t.Fatal("de engine rekent de alternatieven niet naast elkaar door")
	}
	regels, err := rego.New(append(e.basisArgs(), rego.Query(queryZonderVraagbaak))...).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	vragen := vergelijkVragen(t, e)
	getoetst, metAlternatieven := 0, 0
	for _, v := range vragen {
		gecontroleerd, err := e.kb.Controleer(v, e.klok())
		if err != nil {
			continue // a question the vocabulary rejects has no answer
		}
		got, err := e.Beantwoord(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		var want Antwoord
		volgensDeRegels(t, regels, gecontroleerd, &want)
		got.Vraagbaak, want.Vraagbaak = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s → %v, %v, %s, %v:\nin delen   %+v\nde regels  %+v", v.Van, v.Naar, v.Gegevens, v.Doel, v.Feiten, got.Alternatieven, want.Alternatieven)
		}
		getoetst++
		if len(want.Alternatieven) > 0 {
			metAlternatieven++
		}
	}
	if getoetst < 200 || metAlternatieven < 50 {
		t.Fatalf("%d vragen getoetst, %d met alternatieven: te weinig om de keuze te toetsen", getoetst, metAlternatieven)
	}
	t.Logf("%d vragen, %d met alternatieven", getoetst, metAlternatieven)
}

// vergelijkVragen are the questions on which the tests compare the engine's evaluation in parts with the
// rules' evaluation in one: the scenario and law questions, the questions of the vraagbaak checks, and for
// each party as sender a question that rotates through recipients, categories, purposes and a few facts
// (deterministic).
func vergelijkVragen(t *testing.T, e *Engine) []kennisbank.Vraag {
	t.Helper()
	var vragen []kennisbank.Vraag
	for _, s := range append(scenarioVragenIntern(t), vragenUit(t, "../testdata/wet/*.json")...) {
		vragen = append(vragen, s.vraag)
	}
	for _, it := range e.kb.Vraagbaak() {
		for _, c := range it.Controles {
			vragen = append(vragen, c.Vraag)
		}
	}
	partijen, gegevens, doelen := e.kb.IDs("partijen"), e.kb.IDs("gegevens"), e.kb.IDs("doelen")
	feiten := []map[string]any{{}, {"toestemming": "niet_gevraagd"}, {"inclusiecriteria": false, "acuut_gevaar": false}}
	for i, van := range partijen {
		vragen = append(vragen, kennisbank.Vraag{
			Van: van, Naar: kennisbank.Ontvangers{partijen[(i+1)%len(partijen)], partijen[(i+7)%len(partijen)]},
			Gegevens: []string{gegevens[i%len(gegevens)], gegevens[(i+3)%len(gegevens)]},
			Doel:     doelen[i%len(doelen)], Datum: "2026-03-01", Feiten: feiten[i%len(feiten)],
		})
	}
	return vragen
}

// TestOpenFeitenInDelen: the open facts in parts (every trial a question of its own, side by side; the
// rules order the list) are the open facts the rules give in one evaluation (open.feiten, every trial with
// input), on every ninth question of vergelijkVragen: the rules' own evaluation takes up to seconds a
// question, so the test samples, deterministically, across scenarios, law questions and rotations.
func TestOpenFeitenInDelen(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !e.heeftRegel("magikdelen.open", "in_delen") {
		t.Fatal("de regels geven de open feiten niet in delen")
	}
	regels, err := rego.New(append(e.basisArgs(), rego.Query(QueryOpenFeiten))...).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	getoetst, redenen := 0, map[string]int{}
	for i, v := range vergelijkVragen(t, e) {
		if i%9 != 0 {
			continue
		}
		gecontroleerd, err := e.kb.Controleer(v, e.klok())
		if err != nil {
			continue // a question the vocabulary rejects has no answer
		}
		item, err := e.evalueerOpen(ctx, gecontroleerd)
		if err != nil {
			t.Fatal(err)
		}
		var want []openFeit
		volgensDeRegels(t, regels, gecontroleerd, &want)
		if !reflect.DeepEqual(item.open, want) {
			t.Errorf("%s → %v, %v, %s, %v:\nin delen   %v\nde regels  %v", v.Van, v.Naar, v.Gegevens, v.Doel, v.Feiten, item.open, want)
		}
		getoetst++
		for _, o := range want {
			redenen[o.Reden]++
		}
	}
	if getoetst < 30 || redenen["verandert"] < 10 || redenen["ontbrekend"] == 0 || redenen["alternatief"] == 0 {
		t.Fatalf("%d vragen getoetst, open feiten per reden %v: te weinig om de proeven te toetsen", getoetst, redenen)
	}
	t.Logf("%d vragen, open feiten per reden %v", getoetst, redenen)
}

// volgensDeRegels evaluates the rules' decision pq for a checked question, as the bundle would, and decodes
// its value into doel.
func volgensDeRegels(t *testing.T, pq rego.PreparedEvalQuery, v kennisbank.Vraag, doel any) {
	t.Helper()
	invoer, err := vraagAlsInvoer(v)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(context.Background(), rego.EvalInput(invoer))
	if err != nil || len(rs) != 1 {
		t.Fatalf("de regels: %v (%d resultaten)", err, len(rs))
	}
	raw, err := json.Marshal(rs[0].Expressions[0].Value)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, doel); err != nil {
		t.Fatal(err)
	}
}
