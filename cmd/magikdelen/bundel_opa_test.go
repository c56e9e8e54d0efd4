package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	opacmd "github.com/open-policy-agent/opa/cmd"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestBundelMetOPA writes the bundle with the library and evaluates it with OPA's own command line
// (`opa eval -b … -i … data.magikdelen.antwoord`, run in-process): for every shared scenario the answer
// must be exactly the library's (contract §3).
func TestBundelMetOPA(t *testing.T) {
	e := testEngine(t)
	map_ := t.TempDir()
	bundel := filepath.Join(map_, "kennisbank.tar.gz")
	var buf bytes.Buffer
	if err := e.SchrijfBundel(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bundel, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	paden, _ := filepath.Glob("../../testdata/scenarios/*.json")
	if len(paden) == 0 {
		t.Fatal("geen scenario's")
	}
	for i, p := range paden {
		if raceDetector && i%6 != 0 {
			continue // under -race every sixth scenario; library's TestBundelAntwoordtAlsDeBibliotheek checks all without
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Vraag json.RawMessage `json:"vraag"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatal(err)
		}
		invoer := filepath.Join(map_, "vraag.json")
		if err := os.WriteFile(invoer, s.Vraag, 0o644); err != nil {
			t.Fatal(err)
		}
		uit, err := opaEval(bundel, invoer)
		if err != nil {
			t.Fatalf("%s: opa eval: %v", filepath.Base(p), err)
		}
		var res struct {
			Result []struct {
				Expressions []struct {
					Value any `json:"value"`
				} `json:"expressions"`
			} `json:"result"`
		}
		if err := json.Unmarshal(uit, &res); err != nil || len(res.Result) != 1 {
			t.Fatalf("%s: uitvoer van opa eval: %v\n%s", filepath.Base(p), err, uit)
		}
		v, err := kennisbank.LeesVraag(bytes.NewReader(s.Vraag))
		if err != nil {
			t.Fatal(err)
		}
		a, err := e.Beantwoord(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		var bib any
		rawA, _ := json.Marshal(a)
		json.Unmarshal(rawA, &bib)
		if d := cmp.Diff(bib, res.Result[0].Expressions[0].Value); d != "" {
			t.Errorf("%s: opa eval antwoordt anders dan de bibliotheek (-bibliotheek +opa):\n%s", filepath.Base(p), d)
		}
	}
}

// opaEval runs OPA's own `opa eval` in-process. It writes to os.Stdout, so that is redirected to a pipe
// for the duration of the call (this test does not run in parallel).
func opaEval(bundel, invoer string) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	oud := os.Stdout
	os.Stdout = w
	gelezen := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		gelezen <- b
	}()
	opa := opacmd.Command(nil, "OPA")
	var fout bytes.Buffer
	opa.SetOut(w)
	opa.SetErr(&fout)
	opa.SetArgs([]string{"eval", "--bundle", bundel, "--input", invoer, "--format", "json", "data.magikdelen.antwoord"})
	err = opa.ExecuteContext(context.Background())
	os.Stdout = oud
	w.Close()
	uit := <-gelezen
	r.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: %s", err, fout.String())
	}
	return uit, nil
}
