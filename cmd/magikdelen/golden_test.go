package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

var update = flag.Bool("update", false, "schrijf de golden files in testdata/golden opnieuw")

// vasteVersie replaces the knowledge-base hash in golden files, so that a change to a comment in the
// rules does not touch them. It has the same length as a real hash, so the tekst wrapping is the same.
var vasteVersie = "sha256:" + strings.Repeat("0", 64)

// goldenScenarios are the shared scenarios whose questions have golden answers in every format.
var goldenScenarios = []string{"ZVH-02", "ZVH-03", "ZVH-05", "X-05"}

var alleFormaten = []formaat{formaatTekst, formaatMarkdown, formaatJSON}

// goldenStromen write to buf like a terminal 80 columns wide with NO_COLOR set, so that the tekst
// format is deterministic.
func goldenStromen(buf *bytes.Buffer) stromen {
	return stromen{
		Out: buf, Err: buf, Terminal: true, Breedte: 80,
		Getenv: func(k string) string {
			if k == "NO_COLOR" {
				return "1"
			}
			return ""
		},
	}
}

func TestGoldenVraag(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	for _, id := range goldenScenarios {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			a, err := e.Beantwoord(context.Background(), scenarioVraag(t, id))
			if err != nil {
				t.Fatalf("Beantwoord: %v", err)
			}
			for _, f := range alleFormaten {
				var buf bytes.Buffer
				if err := toonAntwoord(goldenStromen(&buf), f, a, e.Kennisbank()); err != nil {
					t.Fatalf("toon %s: %v", f, err)
				}
				vergelijkGolden(t, f, "vraag-"+strings.ToLower(id), buf.Bytes(), e.Kennisbank().Versie())
			}
		})
	}
}

func TestGoldenConvenanten(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	kb := e.Kennisbank()
	for _, f := range alleFormaten {
		var buf bytes.Buffer
		for _, id := range kb.IDs("convenanten") {
			buf.Reset()
			c, _ := kb.Convenant(id)
			if err := toon(goldenStromen(&buf), f, kb.Item("convenanten", id), func() string { return weergave.Convenant(c, kb) }); err != nil {
				t.Fatalf("toon %s: %v", f, err)
			}
			vergelijkGolden(t, f, "convenanten-"+id, buf.Bytes(), kb.Versie())
		}

		buf.Reset()
		l := convenantenLijst(kb)
		if err := toon(goldenStromen(&buf), f, l, func() string { return weergave.Convenanten(l, kb) }); err != nil {
			t.Fatalf("toon %s: %v", f, err)
		}
		vergelijkGolden(t, f, "convenanten", buf.Bytes(), kb.Versie())
	}
}

// scenarioVraag reads the question of a shared scenario file.
func scenarioVraag(t *testing.T, id string) kennisbank.Vraag {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "scenarios", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Vraag json.RawMessage `json:"vraag"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	v, err := kennisbank.LeesVraag(bytes.NewReader(s.Vraag))
	if err != nil {
		t.Fatalf("%s: LeesVraag: %v", id, err)
	}
	return v
}

// vergelijkGolden compares got with testdata/golden/<formaat>/<naam>.golden, or writes it with -update.
func vergelijkGolden(t *testing.T, f formaat, naam string, got []byte, versie string) {
	t.Helper()
	got = bytes.ReplaceAll(got, []byte(versie), []byte(vasteVersie))
	pad := filepath.Join("..", "..", "testdata", "golden", string(f), naam+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(pad), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pad, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(pad)
	if err != nil {
		t.Fatalf("%v (maak de golden files met go test ./cmd/magikdelen -run Golden -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s wijkt af van de golden file (-verwacht +gekregen):\n%s", pad, diff)
	}
}
