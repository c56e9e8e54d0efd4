package library_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestBundelAntwoordtAlsDeBibliotheek writes the bundle, reads it back as OPA reads a tarball, and checks
// that OPA's own rego package, given only the bundle and a scenario's question JSON as input, answers
// exactly like Beantwoord (contract §3: data.magikdelen.antwoord).
func TestBundelAntwoordtAlsDeBibliotheek(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	var buf bytes.Buffer
	if err := e.SchrijfBundel(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := bundle.NewReader(&buf).Read()
	if err != nil {
		t.Fatalf("lees bundel: %v", err)
	}
	if b.Manifest.Revision != e.Kennisbank().Versie() {
		t.Errorf("revision %q, verwacht de kennisbankversie %q", b.Manifest.Revision, e.Kennisbank().Versie())
	}
	for _, m := range b.Modules {
		if bytes.HasSuffix([]byte(m.Path), []byte("_test.rego")) {
			t.Errorf("de bundel bevat een test: %s", m.Path)
		}
	}
	pq, err := rego.New(rego.Query(library.Query), rego.ParsedBundle("magikdelen", &b)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	rapport, err := e.ToetsScenarios(context.Background(), os.DirFS("../testdata/scenarios"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range rapport.Uitslagen {
		raw, err := os.ReadFile("../testdata/scenarios/" + u.Bestand)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Vraag map[string]any `json:"vraag"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatal(err)
		}
		rs, err := pq.Eval(context.Background(), rego.EvalInput(s.Vraag))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: eval: %v (%d resultaten)", u.ID, err, len(rs))
		}
		viaBundel, _ := json.Marshal(rs[0].Expressions[0].Value)
		sc, err := kennisbank.LeesScenario(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		a, err := e.Beantwoord(context.Background(), sc.Vraag)
		if err != nil {
			t.Fatal(err)
		}
		viaBibliotheek, _ := json.Marshal(a)
		var x, y any
		json.Unmarshal(viaBundel, &x)
		json.Unmarshal(viaBibliotheek, &y)
		if d := cmp.Diff(y, x); d != "" {
			t.Errorf("%s: de bundel antwoordt anders dan de bibliotheek (-bibliotheek +bundel):\n%s", u.ID, d)
		}
	}
}
