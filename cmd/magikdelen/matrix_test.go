package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// matrixVraagArgs is the narrow question of the matrix tests: one purpose, two senders, four recipients
// (one outside the covenant) and three categories on a fixed date, with every verdict but toegestaan.
var matrixVraagArgs = []string{"matrix", "--convenant", "zvht", "--datum", "2025-06-01", "--doel", "zvh_casusoverleg",
	"--van", "politie,ggz", "--naar", "politie", "--naar", "ggz,woningcorporatie,niet_deelnemer",
	"--gegevens", "identificerend,gezondheid,justitiele_documentatie"}

// matrixVraag is the same question for the library.
var matrixVraag = bulk.MatrixVraag{
	Convenant: "zvht", Datum: "2025-06-01", Doelen: []string{"zvh_casusoverleg"},
	Van: []string{"politie", "ggz"}, Naar: []string{"politie", "ggz", "woningcorporatie", "niet_deelnemer"},
	Gegevens: []string{"identificerend", "gezondheid", "justitiele_documentatie"},
}

func TestGoldenMatrix(t *testing.T) {
	t.Parallel()
	versie := testEngine(t).Kennisbank().Versie()
	for _, f := range matrixFormaten {
		t.Run(string(f), func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			s := goldenStromen(&buf)
			args := append(append([]string{}, matrixVraagArgs...), "--details", "--formaat", string(f))
			if code := runMet(args, s, gedeeldeEngine); code != codeOK {
				t.Fatalf("exitcode %d: %s", code, buf.String())
			}
			vergelijkGolden(t, formaat(f), "matrix-zvht-casusoverleg", buf.Bytes(), versie)
		})
	}
}

// TestMatrixCSVTerug: the CSV reads back (RFC 4180) to exactly the cells the library gives, in order.
func TestMatrixCSVTerug(t *testing.T) {
	t.Parallel()
	m, err := bulk.MaakMatrix(context.Background(), testEngine(t), matrixVraag)
	if err != nil {
		t.Fatalf("Matrix: %v", err)
	}
	code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, matrixVraagArgs...), "-o", "csv")...)
	if code != codeOK || fout != "" {
		t.Fatalf("exitcode %d, stderr %q", code, fout)
	}
	rijen, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	if diff := cmp.Diff(weergave.MatrixCSVKop, rijen[0]); diff != "" {
		t.Errorf("kopregel (-verwacht +gekregen):\n%s", diff)
	}
	splits := func(s string) []string {
		if s == "" {
			return []string{}
		}
		return strings.Split(s, ";")
	}
	var terug []bulk.MatrixCel
	for _, r := range rijen[1:] {
		if r[0] != "zvht" || r[1] != "2025-06-01" {
			t.Errorf("rij %q: convenant of datum klopt niet", r)
		}
		terug = append(terug, bulk.MatrixCel{
			Doel: r[2], Van: r[3], Naar: r[4], Gegevens: r[5], Oordeel: kennisbank.Oordeel(r[6]), Zekerheid: r[7],
			Grondslagen: splits(r[8]), Voorwaarden: splits(r[9]), OntbrekendeFeiten: splits(r[10]),
		})
	}
	// The CSV has these fields of a cell (not the reasons, layers and the like).
	verwacht := make([]bulk.MatrixCel, len(m.Cellen))
	for i, c := range m.Cellen {
		verwacht[i] = bulk.MatrixCel{
			Doel: c.Doel, Van: c.Van, Naar: c.Naar, Gegevens: c.Gegevens, Oordeel: c.Oordeel, Zekerheid: c.Zekerheid,
			Grondslagen: c.Grondslagen, Voorwaarden: c.Voorwaarden, OntbrekendeFeiten: c.OntbrekendeFeiten,
		}
	}
	if diff := cmp.Diff(verwacht, terug, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("cellen uit de csv wijken af van de bibliotheek (-verwacht +gekregen):\n%s", diff)
	}
	oordelen := map[kennisbank.Oordeel]bool{}
	for _, c := range terug {
		oordelen[c.Oordeel] = true
	}
	for _, o := range []kennisbank.Oordeel{kennisbank.ToegestaanOnderVoorwaarden, kennisbank.Onbepaald, kennisbank.NietToegestaan} {
		if !oordelen[o] {
			t.Errorf("de testvraag heeft geen cel met oordeel %s meer; kies een andere", o)
		}
	}
}

// TestMatrixJSON: one JSON document, always a list of the library's matrices.
func TestMatrixJSON(t *testing.T) {
	t.Parallel()
	m, err := bulk.MaakMatrix(context.Background(), testEngine(t), matrixVraag)
	if err != nil {
		t.Fatalf("Matrix: %v", err)
	}
	code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, matrixVraagArgs...), "--format", "json")...)
	if code != codeOK || fout != "" {
		t.Fatalf("exitcode %d, stderr %q", code, fout)
	}
	var terug []*bulk.Matrix
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&terug); err != nil {
		t.Fatalf("json: %v", err)
	}
	if dec.More() {
		t.Error("meer dan één JSON-document")
	}
	// Empty lists may be left out of the JSON (omitempty).
	if diff := cmp.Diff([]*bulk.Matrix{m}, terug, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("(-verwacht +gekregen):\n%s", diff)
	}
}

// TestMatrixVragen: which covenants and purposes the flags select, and the input errors (exit 2, the
// flag named).
func TestMatrixVragen(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	tests := []struct {
		naam        string
		opts        matrixOpties
		convenanten []string // the questions, by covenant
		fout        string   // or the error
	}{
		{naam: "doel kiest het convenant", opts: matrixOpties{doelen: []string{"zvh_casusoverleg"}}, convenanten: []string{"zvht"}},
		{naam: "doelen van twee convenanten", opts: matrixOpties{doelen: []string{"zvh_casusoverleg", "ave_signaleren"}}, convenanten: []string{"ave", "zvht"}},
		{naam: "hoofdletters", opts: matrixOpties{convenanten: []string{"ZVHT"}}, convenanten: []string{"zvht"}},
		{naam: "dubbel", opts: matrixOpties{convenanten: []string{"zvht", "ave", "zvht"}}, convenanten: []string{"zvht", "ave"}},
		{naam: "korte naam en tikfout", opts: matrixOpties{convenanten: []string{"AVE", "zvth"}}, convenanten: []string{"ave", "zvht"}},
		{naam: "doel met naam", opts: matrixOpties{doelen: []string{"MDO"}}, convenanten: []string{"zvht"}},
		{naam: "onbekend convenant", opts: matrixOpties{convenanten: []string{"xyz"}}, fout: `--convenant: onbekend convenant "xyz"; bedoelde u een van deze?`},
		{naam: "onbekend doel", opts: matrixOpties{doelen: []string{"zvh_koffie"}}, fout: `--doel: onbekend doel "zvh_koffie"; bedoelde u`},
		{naam: "doel van een ander convenant", opts: matrixOpties{convenanten: []string{"ave"}, doelen: []string{"zvh_casusoverleg"}}, fout: `--doel: "zvh_casusoverleg" hoort niet bij convenant ave; kies uit`},
		{naam: "doel zonder convenant", opts: matrixOpties{doelen: []string{"opsporing"}}, fout: `--doel: "opsporing" hoort bij geen convenant`},
		{naam: "datum", opts: matrixOpties{datum: "2026-02-30"}, fout: `--datum: ongeldige datum "2026-02-30", verwacht JJJJ-MM-DD: februari 2026 heeft 28 dagen`},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			vragen, _, err := matrixVragen(e, &tt.opts)
			if tt.fout != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.fout) {
					t.Fatalf("fout %v, verwacht %q", err, tt.fout)
				}
				if exitCode(err) != codeInvoer {
					t.Errorf("exitcode %d, verwacht %d", exitCode(err), codeInvoer)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range vragen {
				got = append(got, v.Convenant)
			}
			if diff := cmp.Diff(tt.convenanten, got); diff != "" {
				t.Errorf("(-verwacht +gekregen):\n%s", diff)
			}
		})
	}
}

// TestMatrixFoutenVanBibliotheek: the library's input errors name the flag.
func TestMatrixFoutenVanBibliotheek(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		fout string
	}{
		{[]string{"--van", "bakker"}, `fout: --van: onbekende partij "bakker"; bedoelde u een van deze?`},
		{[]string{"--naar", "overleg_deelnemers"}, `fout: --naar: "overleg_deelnemers" is een overlegtafel`},
		{[]string{"--gegevens", "xyz"}, `fout: --gegevens: onbekende gegevenscategorie "xyz"`},
		{[]string{"--feit", "bestaat_niet=true"}, `fout: --feit: onbekend feit "bestaat_niet"`},
		{[]string{"--feit", "toestemming=ja"}, `fout: --feit toestemming: onbekende waarde "ja"; kies uit `},
		{[]string{"-o", "pdf"}, `fout: ongeldige waarde "pdf" voor --formaat: kies tekst, markdown, csv, html of json`},
	} {
		t.Run(tt.args[0], func(t *testing.T) {
			t.Parallel()
			args := append([]string{"matrix", "--convenant", "zvht", "--doel", "zvh_casusoverleg", "--datum", "2025-06-01"}, tt.args...)
			code, out, fout := draai(t, stromen{Getenv: env()}, args...)
			if code != codeInvoer || out != "" || !strings.HasPrefix(fout, tt.fout) {
				t.Errorf("exitcode %d, stdout %q, stderr %q; verwacht 2 en %q", code, out, fout, tt.fout)
			}
		})
	}
}

// TestMatrixUitvoer: with -u and no format the extension decides.
func TestMatrixUitvoer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tt := range []struct{ bestand, begin string }{
		{"m.html", "<!DOCTYPE html>"},
		{"m.csv", "convenant,datum,doel,"},
		{"m.json", "[\n  {\n    \"convenant\": \"zvht\""},
		{"m.md", "# Matrix gegevensdeling"},
		{"m.txt", "\n  MATRIX GEGEVENSDELING"},
	} {
		t.Run(tt.bestand, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(dir, tt.bestand)
			code, out, fout := draai(t, stromen{Terminal: true, Getenv: env()}, append(append([]string{}, matrixVraagArgs...), "-u", pad)...)
			if code != codeOK || out != "" || !strings.HasPrefix(fout, "matrix geschreven: "+pad) {
				t.Fatalf("exitcode %d, stdout %q, stderr %q", code, out, fout)
			}
			if inhoud := leesBestand(t, pad); !strings.HasPrefix(inhoud, tt.begin) {
				t.Errorf("%s begint niet met %q:\n%.200s", tt.bestand, tt.begin, inhoud)
			}
		})
	}
}

// TestMatrixUitvoerOnbekendeExtensie: an extension that names no format is an error before any cell is
// evaluated, not Markdown in a file that claims to be a pdf.
func TestMatrixUitvoerOnbekendeExtensie(t *testing.T) {
	t.Parallel()
	pad := filepath.Join(t.TempDir(), "m.pdf")
	code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, matrixVraagArgs...), "-u", pad)...)
	if code != codeInvoer || out != "" || !strings.Contains(fout, `fout: --uitvoer: aan de extensie ".pdf" is niet te zien welk formaat`) {
		t.Fatalf("exitcode %d, stdout %q, stderr %q", code, out, fout)
	}
	if _, err := os.Stat(pad); err == nil {
		t.Error("het bestand is toch geschreven")
	}
}

// TestMatrixUitvoerMapBestaatNiet: a file in a directory that does not exist is an error of --uitvoer,
// before any cell is evaluated.
func TestMatrixUitvoerMapBestaatNiet(t *testing.T) {
	t.Parallel()
	pad := filepath.Join(t.TempDir(), "bestaat-niet", "m.json")
	code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, matrixVraagArgs...), "-u", pad)...)
	if code != codeInvoer || out != "" || !strings.Contains(fout, "fout: --uitvoer: kan "+pad+" niet schrijven") {
		t.Fatalf("exitcode %d, stdout %q, stderr %q", code, out, fout)
	}
}

// TestMatrixFoutLaatGeenBestand: a matrix that fails during evaluation (a table as recipient) leaves neither
// the --uitvoer file nor its temporary file.
func TestMatrixFoutLaatGeenBestand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pad := filepath.Join(dir, "m.json")
	code, out, fout := draai(t, stromen{Getenv: env()}, "matrix", "--convenant", "zvht", "--datum", "2025-06-01", "--van", "politie", "--naar", "overleg_deelnemers", "-u", pad)
	if code != codeInvoer || out != "" || !strings.Contains(fout, "is een overlegtafel") {
		t.Fatalf("exitcode %d, stdout %q, stderr %q", code, out, fout)
	}
	if namen, _ := filepath.Glob(filepath.Join(dir, "*")); len(namen) > 0 {
		t.Errorf("bestanden na een mislukte matrix: %q", namen)
	}
	if namen, _ := filepath.Glob(filepath.Join(dir, ".*")); len(namen) > 0 {
		t.Errorf("tijdelijke bestanden na een mislukte matrix: %q", namen)
	}
}

// TestUitvoerSluit: a file is renamed into place only when the document is complete; otherwise neither it
// nor its temporary file remains, and an existing file is left as it was.
func TestUitvoerSluit(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		naam     string
		fout     error
		bestaand bool
		want     string // the file's content afterwards; "" = no file
	}{
		{naam: "compleet", want: "document"},
		{naam: "compleet over een bestaand bestand", bestaand: true, want: "document"},
		{naam: "fout bij het maken", fout: errors.New("weergave mislukt")},
		{naam: "fout bij het maken, bestaand bestand blijft", fout: errors.New("weergave mislukt"), bestaand: true, want: "oud"},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			pad := filepath.Join(dir, "m.json")
			if tt.bestaand {
				if err := os.WriteFile(pad, []byte("oud"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			u, err := openUitvoer(pad, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(u, "document"); err != nil {
				t.Fatal(err)
			}
			if err := u.sluit(tt.fout); err != tt.fout {
				t.Fatalf("sluit: %v, verwacht %v", err, tt.fout)
			}
			inhoud, err := os.ReadFile(pad)
			switch {
			case tt.want == "" && err == nil:
				t.Errorf("bestand geschreven: %q", inhoud)
			case tt.want != "" && string(inhoud) != tt.want:
				t.Errorf("inhoud %q (%v), verwacht %q", inhoud, err, tt.want)
			}
			if tt.want != "" {
				if info, err := os.Stat(pad); err != nil || info.Mode().Perm() != 0o644 {
					t.Errorf("rechten %v (%v), verwacht 0644", info.Mode().Perm(), err)
				}
			}
			if namen, _ := filepath.Glob(filepath.Join(dir, ".m.json.*")); len(namen) > 0 {
				t.Errorf("tijdelijk bestand blijft staan: %q", namen)
			}
			if tt.fout == nil && u.n != int64(len("document")) {
				t.Errorf("%d bytes geteld, verwacht %d", u.n, len("document"))
			}
		})
	}
}

func leesBestand(t *testing.T, pad string) string {
	t.Helper()
	inhoud, err := os.ReadFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	return string(inhoud)
}

// TestMatrixMeerdereConvenanten: several covenants one after the other, in every format; JSON stays one
// list and CSV one header.
func TestMatrixMeerdereConvenanten(t *testing.T) {
	t.Parallel()
	basis := []string{"matrix", "--convenant", "zvht", "--convenant", "ave", "--datum", "2025-06-01", "--van", "politie", "--naar", "ggz", "--gegevens", "gezondheid", "--feit", "toestemming=gegeven"}
	run := func(t *testing.T, extra ...string) string {
		t.Helper()
		code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, basis...), extra...)...)
		if code != codeOK || fout != "" {
			t.Fatalf("exitcode %d, stderr %q", code, fout)
		}
		return out
	}
	t.Run("markdown", func(t *testing.T) {
		t.Parallel()
		out := run(t)
		zvht, ave := strings.Index(out, "\n## Convenant Zorg- en Veiligheidshuis Twente (`zvht`)\n"), strings.Index(out, "\n## Convenant Aanpak Voorkoming Escalatie (Almelo) (`ave`)\n")
		if zvht < 0 || ave < zvht {
			t.Errorf("verwacht zvht en daarna ave:\n%s", out)
		}
		if n := strings.Count(out, "- **Feiten voor elke cel:** toestemming = gegeven\n"); n != 2 {
			t.Errorf("feiten %d keer genoemd, verwacht 2:\n%s", n, out)
		}
	})
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		var ms []bulk.Matrix
		if err := json.Unmarshal([]byte(run(t, "-o", "json")), &ms); err != nil {
			t.Fatal(err)
		}
		if len(ms) != 2 || ms[0].Convenant != "zvht" || ms[1].Convenant != "ave" || ms[0].Feiten["toestemming"] != "gegeven" {
			t.Errorf("%+v", ms)
		}
	})
	t.Run("csv", func(t *testing.T) {
		t.Parallel()
		rijen, err := csv.NewReader(strings.NewReader(run(t, "-o", "csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		convenanten := map[string]int{}
		for _, r := range rijen[1:] {
			convenanten[r[0]]++
		}
		if rijen[0][0] != "convenant" || convenanten["zvht"] == 0 || convenanten["ave"] == 0 || len(convenanten) != 2 {
			t.Errorf("kop %q, rijen per convenant %v", rijen[0], convenanten)
		}
	})
	t.Run("html", func(t *testing.T) {
		t.Parallel()
		out := run(t, "-o", "html")
		for _, want := range []string{"<title>Matrix gegevensdeling</title>", `<a href="#c-zvht">ZVHT</a><a href="#c-ave">AVE</a>`, `<h2 id="c-zvht">`, `<h2 id="c-ave">`} {
			if !strings.Contains(out, want) {
				t.Errorf("html mist %q", want)
			}
		}
	})
}
