package library_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// invoerFout reports whether err is one of the typed input errors a caller can branch on.
func invoerFout(err error) bool {
	var (
		j *kennisbank.JSONFout
		t *kennisbank.TypeFout
		d *kennisbank.DatumFout
		o *kennisbank.OntbrekendVeldFout
		u *kennisbank.OnbekendeIDFout
	)
	return errors.As(err, &j) || errors.As(err, &t) || errors.As(err, &d) || errors.As(err, &o) || errors.As(err, &u)
}

// FuzzLeesVraag: any input either gives a typed input error, or a question that Beantwoord answers
// with a verdict of the contract or rejects with a typed input error. Never a panic, never another
// error. Seeds: the question of every scenario file.
func FuzzLeesVraag(f *testing.F) {
	paden, err := filepath.Glob("../testdata/scenarios/*.json")
	if err != nil || len(paden) == 0 {
		f.Fatalf("geen scenario's: %v", err)
	}
	for _, pad := range paden {
		raw, err := os.ReadFile(pad)
		if err != nil {
			f.Fatal(err)
		}
		var s struct {
			Vraag json.RawMessage `json:"vraag"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			f.Fatalf("%s: %v", pad, err)
		}
		f.Add([]byte(s.Vraag))
	}
	f.Add([]byte(`{"van":"mediant","naar":"veilig_thuis_twente","gegevens":["gezondheid"],"doel":"zvh_casusoverleg","datum":"2025-06-01"}`))
	f.Add([]byte(`{"van":"polite","naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverleg","feiten":{"leeftijd":1e400}}`))

	e := testEngine(f)
	f.Fuzz(func(t *testing.T, invoer []byte) {
		t.Parallel() // only while running the seeds; fuzzing itself ignores it
		v, err := kennisbank.LeesVraag(bytes.NewReader(invoer))
		if err != nil {
			if !invoerFout(err) {
				t.Fatalf("LeesVraag: %T %v", err, err)
			}
			return
		}
		a, err := e.Beantwoord(context.Background(), v)
		if err != nil {
			if !invoerFout(err) {
				t.Fatalf("Beantwoord(%s): %T %v", invoer, err, err)
			}
			return
		}
		if _, ok := oordeelRang[a.Oordeel]; !ok {
			t.Fatalf("Beantwoord(%s): oordeel %q", invoer, a.Oordeel)
		}
		for _, d := range a.Deeloordelen {
			if _, ok := oordeelRang[d.Oordeel]; !ok {
				t.Fatalf("Beantwoord(%s): deeloordeel %q", invoer, d.Oordeel)
			}
		}
	})
}

// FuzzBeantwoord builds questions from the vocabulary (so that most reach the rules, unlike raw JSON)
// with random parties, categories, purpose, covenant, date and two facts. Beantwoord gives a typed input
// error or an answer whose verdicts come from the contract, whose overall verdict is the strictest cell
// and whose positive verdicts cite an official ground — never another error, never a panic.
func FuzzBeantwoord(f *testing.F) {
	f.Add(uint8(11), uint8(3), uint8(5), uint8(2), uint8(0), "2025-06-01", uint8(0), "gegeven", uint8(1), "x")
	f.Add(uint8(19), uint8(40), uint8(9), uint8(30), uint8(4), "2024-06-01", uint8(3), "", uint8(7), "2020-01-01")
	f.Add(uint8(0), uint8(0), uint8(0), uint8(0), uint8(1), "2017-06-01", uint8(255), "true", uint8(12), "zvh_casusoverleg")
	e := testEngine(f)
	kb := e.Kennisbank()
	partijen := append(kb.IDs("partijen"), kb.IDs("organisaties")...)
	gegevens, doelen, feiten := kb.IDs("gegevens"), kb.IDs("doelen"), kb.IDs("feiten")
	convenanten := append([]string{""}, kb.IDs("convenanten")...)
	kies := func(xs []string, i uint8) string { return xs[int(i)%len(xs)] }
	waarde := func(feit, w string) any {
		item := kb.Item("feiten", feit)
		switch item["type"] {
		case "ja_nee":
			return len(w)%2 == 0
		case "geheel_getal":
			return int64(len(w) * 7)
		case "keuze":
			opties := item["waarden"].([]any)
			return opties[len(w)%len(opties)]
		case "partij":
			return kies(partijen, uint8(len(w)))
		case "doel":
			return kies(doelen, uint8(len(w)))
		}
		return w // datum: as given, valid or not
	}
	f.Fuzz(func(t *testing.T, van, naar, geg, doel, conv uint8, datum string, feit1 uint8, w1 string, feit2 uint8, w2 string) {
		t.Parallel()
		v := kennisbank.Vraag{
			Van: kies(partijen, van), Naar: kennisbank.Ontvangers{kies(partijen, naar), kies(partijen, naar/3)},
			Gegevens: []string{kies(gegevens, geg), kies(gegevens, geg/5)}, Doel: kies(doelen, doel),
			Convenant: kies(convenanten, conv), Datum: datum,
			Feiten: map[string]any{kies(feiten, feit1): waarde(kies(feiten, feit1), w1), kies(feiten, feit2): waarde(kies(feiten, feit2), w2)},
		}
		a, err := e.Beantwoord(context.Background(), v)
		if err != nil {
			if !invoerFout(err) {
				t.Fatalf("Beantwoord(%+v): %T %v", v, err, err)
			}
			return
		}
		g := &geval{bron: "fuzz", vraag: v, antwoord: a}
		r := &ruimte{kb: kb}
		for _, s := range append(eigenschapA(r, g), eigenschapE(r, g)...) {
			t.Fatalf("%s\n%s", s.bericht, beschrijf(g, s.cel))
		}
	})
}
