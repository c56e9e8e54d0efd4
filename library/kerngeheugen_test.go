package library

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// TestKernGeheugenZelfdeJSON: the JSON of every answer (JSON and AppendJSON) is what json.Marshal gives for its
// Antwoord, and the Antwoord is the one an engine that keeps no cores reads, for every scenario and law question
// on three successive days (so that later days use cores kept from the first), and the engine keeps fewer cores
// than it answered questions.
func TestKernGeheugenZelfdeJSON(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	zonder, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	zonder.kernen = nil
	if e.kernen == nil || !e.inDelen {
		t.Fatal("de engine houdt geen kernen bij; de test toetst dan niets")
	}
	vragen := append(scenarioVragenIntern(t), vragenUit(t, "../testdata/wet/*.json")...)
	gesteld := 0
	for dag := range 3 {
		for _, v := range vragen {
			q := v.vraag
			d, err := time.Parse(time.DateOnly, q.Datum)
			if err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			q.Datum = d.AddDate(0, 0, dag).Format(time.DateOnly)
			b, err := e.Beslis(ctx, q)
			if err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			gesteld++
			want, err := json.Marshal(b.Antwoord())
			if err != nil {
				t.Fatal(err)
			}
			if b.JSON() != string(want) {
				t.Errorf("%s op %s: de JSON van het antwoord is niet die van json.Marshal", v.naam, q.Datum)
			}
			if s := string(b.AppendJSON([]byte("{}"))); s != "{}"+string(want) {
				t.Errorf("%s op %s: AppendJSON geeft niet de JSON van json.Marshal achter wat er stond", v.naam, q.Datum)
			}
			z, err := zonder.Beslis(ctx, q)
			if err != nil {
				t.Fatalf("%s: %v", v.naam, err)
			}
			if !reflect.DeepEqual(b.Antwoord(), z.Antwoord()) || b.JSON() != z.JSON() {
				t.Errorf("%s op %s: een bewaarde kern geeft een ander antwoord", v.naam, q.Datum)
			}
		}
	}
	e.kernen.mu.Lock()
	n := len(e.kernen.waarden)
	e.kernen.mu.Unlock()
	if n == 0 || n >= gesteld {
		t.Errorf("%d kernen bewaard voor %d vragen; verwacht dat vragen op een andere dag kernen delen", n, gesteld)
	}
}

// TestAntwoordJSONUitVelden: an Antwoord's JSON from its fields' JSON is json.Marshal's, also with texts that
// JSON escapes, and with fields set per question that differ from the kept ones.
func TestAntwoordJSONUitVelden(t *testing.T) {
	a := Antwoord{
		Oordeel: "niet_toegestaan", Samenvatting: `Nee <b> & "x"` + "\u2028", Zekerheid: "hoog",
		Redenen:       []Reden{{ID: "r", Titel: "<t>", Tekst: "a & b"}},
		Alternatieven: []Alternatief{{Tekst: "ander <doel>", Feiten: map[string]any{"z": 1.5, "a": true}}},
		Deeloordelen:  []Deeloordeel{{Naar: "politie", Gegevens: "signaal"}},
		Vraag:         BeoordeeldeVraag{Van: "wijkteam", Naar: []string{"politie"}, Datum: "2025-03-01", Convenant: "zvht"},
		Vraagbaak:     []Vraagbaakverwijzing{{ID: "v", Vraag: "Mag <dit>?"}},
	}
	vast := &gelezenKern{a: a, velden: make([][]byte, len(antwoordVelden))}
	v := reflect.ValueOf(&vast.a).Elem()
	for i := range antwoordVelden {
		if !perVraag[i] {
			b, err := json.Marshal(v.Field(i).Interface())
			if err != nil {
				t.Fatal(err)
			}
			vast.velden[i] = b
		}
	}
	b := a
	b.Vraag.Datum, b.Alternatieven, b.Vraagbaak = "2025-03-02", nil, []Vraagbaakverwijzing{}
	for _, x := range []Antwoord{a, b, {}} {
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		kept := vast
		if reflect.DeepEqual(x, Antwoord{}) {
			kept = nil
		}
		got, err := antwoordJSON(&x, kept)
		if err != nil || got.tekst() != string(want) {
			t.Errorf("antwoordJSON = %s, %v\nverwacht %s", got.tekst(), err, want)
		}
		// Appended to bytes that are there, and the length it gives (the cache counts it).
		if s := string(got.voegToe([]byte("x"))); s != "x"+string(want) || got.len() != len(want) {
			t.Errorf("voegToe = %s, lengte %d\nverwacht x%s, lengte %d", s, got.len(), want, len(want))
		}
	}
}

// TestJSONVelden: only a struct whose JSON is its fields in order, each under a plain name, is written from its
// fields; the fields set per question are marked.
func TestJSONVelden(t *testing.T) {
	namen, los := jsonVelden(reflect.TypeFor[Antwoord](), "Vraag", "Alternatieven", "Vraagbaak")
	if len(namen) != reflect.TypeFor[Antwoord]().NumField() || namen[0] != "oordeel" {
		t.Fatalf("jsonVelden(Antwoord) = %v", namen)
	}
	n := 0
	for _, l := range los {
		if l {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d velden per vraag, verwacht 3", n)
	}
	type metOmitempty struct {
		A string `json:"a,omitempty"`
	}
	type zonderNaam struct {
		A string
	}
	type weggelaten struct {
		A string `json:"-"`
	}
	type vreemdeNaam struct {
		A string `json:"a<b"`
	}
	type ingebed struct {
		Kader `json:"kader"`
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[metOmitempty](), reflect.TypeFor[zonderNaam](), reflect.TypeFor[weggelaten](), reflect.TypeFor[vreemdeNaam](), reflect.TypeFor[ingebed](), reflect.TypeFor[eigenJSON]()} {
		if namen, _ := jsonVelden(typ); namen != nil {
			t.Errorf("jsonVelden(%v) = %v; verwacht nil", typ, namen)
		}
	}
}

type eigenJSON struct {
	A string `json:"a"`
}

func (eigenJSON) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

// TestKernGeheugenVol: a full memory starts empty, and a core read again gives the same.
func TestKernGeheugenVol(t *testing.T) {
	g := nieuwKernGeheugen()
	kern := ast.MustParseTerm(`{"oordeel": "toegestaan", "samenvatting": "Ja."}`).Value.(ast.Object)
	gk, err := g.lees(kern)
	if err != nil || gk.a.Samenvatting != "Ja." {
		t.Fatalf("lees = %+v, %v", gk, err)
	}
	if again, _ := g.lees(kern); again != gk {
		t.Error("een kern die al gelezen is, wordt opnieuw gelezen")
	}
	g.bytes = kernGeheugenMax
	ander := ast.MustParseTerm(`{"oordeel": "onbepaald"}`).Value.(ast.Object)
	if _, err := g.lees(ander); err != nil {
		t.Fatal(err)
	}
	if len(g.waarden) != 1 || g.bytes >= kernGeheugenMax {
		t.Errorf("een vol geheugen begint niet leeg: %d kernen, %d bytes", len(g.waarden), g.bytes)
	}
	if _, err := g.lees(ast.MustParseTerm(`{"oordeel": 1}`).Value.(ast.Object)); err == nil {
		t.Error("een kern die niet te lezen is, gaf geen fout")
	}
}

// TestKernGeheugenEigenKopie: an answer from a kept core is the caller's own: changing it changes no later
// answer (an engine without the decision cache, which hands out the answers it reads).
func TestKernGeheugenEigenKopie(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := scenarioVragenIntern(t)[0].vraag
	var eerste Antwoord
	for i := range 5 { // the core is one kept value from the third question on
		a, err := e.Beantwoord(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			eerste = a.kloon()
		} else if !reflect.DeepEqual(a, eerste) {
			t.Fatalf("antwoord %d verschilt van het eerste", i)
		}
		if len(a.Redenen) == 0 || len(a.Deeloordelen) == 0 || len(a.Grondslagen)+len(a.Deeloordelen[0].Redenen) == 0 {
			t.Fatalf("%s: een antwoord zonder redenen of deeloordelen toetst niets", scenarioVragenIntern(t)[0].naam)
		}
		a.Redenen[0].Tekst = "veranderd"
		a.Deeloordelen[0].Oordeel = "veranderd"
		if len(a.Deeloordelen[0].Redenen) > 0 {
			a.Deeloordelen[0].Redenen[0].Tekst = "veranderd"
		}
		if len(a.Grondslagen) > 0 {
			a.Grondslagen[0].Titel = "veranderd"
		}
	}
}
