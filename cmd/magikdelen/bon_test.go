package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
)

// TestVraagBon runs vraag --bon in-process: one receipt line per call, with the question's ids and
// the verdict of the answer, and the answer on stdout as without --bon.
func TestVraagBon(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam    string
		formaat []string
	}{
		{"markdown", nil},
		{"json", []string{"--formaat", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
			args := append(append([]string{}, zvh05...), tt.formaat...)

			code, zonder, fout := draai(t, stromen{Getenv: env()}, args...)
			if code != codeOK || fout != "" {
				t.Fatalf("zonder --bon: exitcode %d, stderr %q", code, fout)
			}
			for i := 1; i <= 2; i++ {
				code, met, fout := draai(t, stromen{Getenv: env()}, append(args, "--bon", pad)...)
				if code != codeOK || fout != "" {
					t.Fatalf("aanroep %d: exitcode %d, stderr %q", i, code, fout)
				}
				if met != zonder {
					t.Errorf("aanroep %d: uitvoer met --bon wijkt af van zonder", i)
				}
				raw, err := os.ReadFile(pad)
				if err != nil {
					t.Fatal(err)
				}
				if n := strings.Count(string(raw), "\n"); n != i {
					t.Errorf("na aanroep %d: %d regels, verwacht %d", i, n, i)
				}
			}

			// The JSON answer, to compare the receipt with.
			code, uit, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, zvh05...), "-o", "json")...)
			if code != codeOK {
				t.Fatalf("-o json: exitcode %d, stderr %q", code, fout)
			}
			var a library.Antwoord
			if err := json.Unmarshal([]byte(uit), &a); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(pad)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			bonnen, err := bon.Lees(f)
			if err != nil || len(bonnen) != 2 {
				t.Fatalf("Lees: %d bonnen, fout %v", len(bonnen), err)
			}
			if bonnen[0].BesluitID == bonnen[1].BesluitID || bonnen[0].TraceID == bonnen[1].TraceID {
				t.Errorf("twee aanroepen delen een id")
			}
			b := bonnen[1]
			velden := []struct{ naam, kreeg, verwacht string }{
				{"status", b.Status, "beantwoord"},
				{"verwerking", b.Verwerking, "magikdelen.vraag"},
				{"vraag.van", b.Vraag.Van, "ggz"},
				{"vraag.naar", strings.Join(b.Vraag.Naar, ","), "overleg_deelnemers"},
				{"vraag.ontvangers", strings.Join(b.Vraag.Ontvangers, ","), strings.Join(a.Vraag.Ontvangers, ",")},
				{"vraag.gegevens", strings.Join(b.Vraag.Gegevens, ","), "gezondheid"},
				{"vraag.doel", b.Vraag.Doel, "zvh_casusoverleg"},
				{"vraag.convenant", b.Vraag.Convenant, "zvht"},
				{"vraag.datum", b.Vraag.Datum, "2025-06-01"},
				{"vraag.feiten.toestemming", b.Vraag.Feiten["toestemming"].(string), "niet_gevraagd"},
				{"oordeel", string(b.Oordeel), string(a.Oordeel)},
				{"zekerheid", b.Zekerheid, a.Zekerheid},
				{"grondslagen", strings.Join(b.Grondslagen, ","), strings.Join(ids(a.Grondslagen, func(g library.Grondslag) string { return g.ID }), ",")},
				{"voorwaarden", strings.Join(b.Voorwaarden, ","), strings.Join(ids(a.Voorwaarden, func(v library.Voorwaarde) string { return v.ID }), ",")},
				{"kennisbank_versie", b.KennisbankVersie, a.Kennisbank.Versie},
			}
			for _, v := range velden {
				if v.kreeg != v.verwacht {
					t.Errorf("%s = %q, verwacht %q", v.naam, v.kreeg, v.verwacht)
				}
			}
			if len(b.TraceID) != 32 || len(b.SpanID) != 16 || b.Start == "" || b.Eind < b.Start {
				t.Errorf("trace_id %q, span_id %q, start %q, eind %q", b.TraceID, b.SpanID, b.Start, b.Eind)
			}
		})
	}
}

func ids[T any](xs []T, id func(T) string) []string {
	s := []string{}
	for _, x := range xs {
		s = append(s, id(x))
	}
	return s
}

// TestVraagBonFout: a receipts file that cannot be written is exit code 2 with "fout: --bon: …", and
// no answer on stdout.
func TestVraagBonFout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		naam string
		pad  string
		want string
	}{
		{"map bestaat niet", filepath.Join(dir, "nergens", "bonnen.jsonl"), "fout: --bon: map van " + filepath.Join(dir, "nergens", "bonnen.jsonl") + " bestaat niet\n"},
		{"pad is een map", dir, "fout: --bon: "},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, zvh05...), "--bon", tt.pad)...)
			if code != codeInvoer {
				t.Errorf("exitcode %d, verwacht %d", code, codeInvoer)
			}
			if out != "" {
				t.Errorf("stdout %q, verwacht leeg", out)
			}
			if !strings.HasPrefix(fout, tt.want) {
				t.Errorf("stderr %q, verwacht %q…", fout, tt.want)
			}
		})
	}
}
