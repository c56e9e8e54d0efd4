package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// vraagbaakWerkkopie writes a working copy of the embedded knowledge base into a temporary folder, with
// the three fixtures of testdata/vraagbaak as its vraagbaak, so that these tests do not depend on the
// published entries.
func vraagbaakWerkkopie(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := schrijfKennisbank(dir, func(p string) bool { return strings.HasPrefix(p, "vraagbaak/") })
	if err != nil {
		t.Fatal(err)
	}
	paden, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "vraagbaak", "*.md"))
	if len(paden) == 0 {
		t.Fatal("geen fixtures in testdata/vraagbaak")
	}
	for _, p := range paden {
		inhoud, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "vraagbaak", filepath.Base(p)), inhoud, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func vraagbaakKennisbank(t *testing.T, dir string) *kennisbank.Kennisbank {
	t.Helper()
	kb, err := kennisbank.LaadKennisbank(os.DirFS(dir))
	if err != nil {
		t.Fatalf("LaadKennisbank: %v", err)
	}
	return kb
}

func TestGoldenVraagbaak(t *testing.T) {
	t.Parallel()
	kb := vraagbaakWerkkopie(t)
	tests := []struct {
		naam string
		args []string
	}{
		{"vraagbaak-zoek", []string{"vraagbaak", "huisartsen"}},
		{"vraagbaak-alle", []string{"vraagbaak"}},
		{"vraagbaak-geen", []string{"faq", "xyzzy"}},
		{"vraagbaak-toon", []string{"vraagbaak", "toon", "huisarts_acuut_gevaar"}},
	}
	versie := vraagbaakKennisbank(t, kb).Versie()
	for _, tt := range tests {
		for _, f := range alleFormaten {
			t.Run(tt.naam+"/"+string(f), func(t *testing.T) {
				t.Parallel()
				var buf bytes.Buffer
				s := goldenStromen(&buf)
				args := append([]string{"--kennisbank", kb, "--formaat", string(f)}, tt.args...)
				code := runMet(args, s, gedeeldeEngine)
				if code != codeOK {
					t.Fatalf("exitcode %d: %s", code, buf.String())
				}
				vergelijkGolden(t, f, tt.naam, buf.Bytes(), versie)
			})
		}
	}
}

// TestVraagbaakZoekJSON: one JSON document with the ranked hits and the command to read each.
func TestVraagbaakZoekJSON(t *testing.T) {
	t.Parallel()
	code, out, fout := draai(t, stromen{}, "--kennisbank", vraagbaakWerkkopie(t), "vraagbaak", "veilig", "thuis", "-o", "json")
	if code != codeOK || fout != "" {
		t.Fatalf("exitcode %d, stderr %q", code, fout)
	}
	var r weergave.VraagbaakZoekresultaat
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("geen JSON: %v\n%s", err, out)
	}
	if r.Zoekterm != "veilig thuis" || len(r.Treffers) != 2 || r.Treffers[0].ID != "veilig_thuis_melding" ||
		r.Treffers[0].Commando != "magikdelen vraagbaak toon veilig_thuis_melding" || r.Treffers[0].Score <= r.Treffers[1].Score {
		t.Errorf("resultaat %+v", r)
	}
}

func TestVraagbaakToonFouten(t *testing.T) {
	t.Parallel()
	kb := vraagbaakWerkkopie(t)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"vraagbaak", "toon", "huisarts_acuut"}, codeInvoer, `fout: id: onbekend vraagbaakitem "huisarts_acuut"; bedoelde u "huisarts_acuut_gevaar"?` + "\n"},
		{[]string{"faq", "show"}, codeInvoer, "fout: vraagbaak toon verwacht één id, kreeg 0 argumenten\nZie 'magikdelen vraagbaak toon --help'.\n"},
		{[]string{"vraagbaak", "toon", "a", "b"}, codeInvoer, "fout: vraagbaak toon verwacht één id, kreeg 2 argumenten\nZie 'magikdelen vraagbaak toon --help'.\n"},
		{[]string{"vraagbaak", "toon", "HUISARTS_ACUUT_GEVAAR", "-o", "json"}, codeOK, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			code, _, fout := draai(t, stromen{}, append([]string{"--kennisbank", kb}, tt.args...)...)
			if code != tt.code || fout != tt.stderr {
				t.Errorf("exitcode %d, stderr %q; wil %d, %q", code, fout, tt.code, tt.stderr)
			}
		})
	}
}

// TestVraagbaakVraagRegel: the command line shown under "Getoetst" asks the check's question and gets
// the expected verdict.
func TestVraagbaakVraagRegel(t *testing.T) {
	t.Parallel()
	dir := vraagbaakWerkkopie(t)
	item, ok := vraagbaakKennisbank(t, dir).Vraagbaakitem("huisarts_acuut_gevaar")
	if !ok || len(item.Controles) != 2 {
		t.Fatalf("fixture: %+v", item)
	}
	wil := []string{
		"magikdelen vraag --van huisarts --naar politie --gegevens identificerend,gezondheid --doel gevaar_afwenden --datum 2026-03-01 --feit acuut_gevaar=true --feit toestemming=onmogelijk",
		"magikdelen vraag --van huisarts --naar politie --gegevens gezondheid --doel gevaar_afwenden --datum 2026-03-01 --feit acuut_gevaar=false --feit toestemming=geweigerd",
	}
	for i, c := range item.Controles {
		regel := weergave.VraagCommando(c.Vraag)
		if diff := cmp.Diff(wil[i], regel); diff != "" {
			t.Errorf("controle %d (-wil +kreeg):\n%s", i+1, diff)
		}
		args := append([]string{"--kennisbank", dir}, strings.Fields(strings.TrimPrefix(regel, "magikdelen "))...)
		code, out, fout := draai(t, stromen{}, append(args, "-o", "json")...)
		if code != codeOK {
			t.Fatalf("%s: exitcode %d: %s", regel, code, fout)
		}
		var a library.Antwoord
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatal(err)
		}
		if a.Oordeel != c.Verwacht.Oordeel {
			t.Errorf("%s: oordeel %s, verwacht %s", regel, a.Oordeel, c.Verwacht.Oordeel)
		}
	}
}

// TestAntwoordMetVraagbaak: an answer lists the relevant entries under "Meer in de vraagbaak".
func TestAntwoordMetVraagbaak(t *testing.T) {
	t.Parallel()
	code, out, fout := draai(t, stromen{}, "--kennisbank", vraagbaakWerkkopie(t), "vraag", "--van", "veilig_thuis", "--naar", "huisarts",
		"--gegevens", "huiselijk_geweld", "--doel", "meldcode_melding", "--datum", "2026-03-01")
	if code != codeOK {
		t.Fatalf("exitcode %d: %s", code, fout)
	}
	_, sectie, ok := strings.Cut(out, "## Meer in de vraagbaak\n\n")
	if !ok {
		t.Fatalf("geen vraagbaak in het antwoord:\n%s", out)
	}
	sectie, _, _ = strings.Cut(sectie, "\n\n")
	wil := "- Wanneer meld ik bij Veilig Thuis volgens de meldcode? `magikdelen vraagbaak toon veilig_thuis_melding`\n" +
		"- Mag ik als huisarts de politie waarschuwen als mijn patiënt dreigt iemand iets aan te doen? `magikdelen vraagbaak toon huisarts_acuut_gevaar`"
	if diff := cmp.Diff(wil, sectie); diff != "" {
		t.Errorf("Meer in de vraagbaak (-wil +kreeg):\n%s", diff)
	}
}
