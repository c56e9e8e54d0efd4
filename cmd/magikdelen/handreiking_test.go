package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// handreikingFixture is the small fixed knowledge base of the handreiking's golden files: the goldens
// change when it or the generator changes, not whenever the real knowledge base grows.
var handreikingFixture = filepath.Join("..", "..", "testdata", "handreiking", "kennisbank")

func fixtureVersie(t *testing.T) string {
	t.Helper()
	kb, err := kennisbank.LaadKennisbank(os.DirFS(handreikingFixture))
	if err != nil {
		t.Fatalf("fixture %s: %v", handreikingFixture, err)
	}
	return kb.Versie()
}

func TestGoldenHandreiking(t *testing.T) {
	t.Parallel()
	versie := fixtureVersie(t)
	tests := []struct {
		naam    string
		formaat formaat
		args    []string
	}{
		{"handreiking", formaatMarkdown, []string{"--formaat", "markdown"}},
		{"handreiking", "html", []string{"--formaat", "html"}},
		{"handreiking-zvht", formaatMarkdown, []string{"--formaat", "markdown", "--convenant", "zvht"}},
		{"handreiking-wams", formaatTekst, []string{"--convenant", "wams"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam+"."+string(tt.formaat), func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			s := goldenStromen(&out)
			args := append([]string{"--kennisbank", handreikingFixture, "handreiking", "--editie", "2026-03-01"}, tt.args...)
			code, _, fout := draai(t, s, args...)
			if code != codeOK || fout != "" {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			vergelijkGolden(t, tt.formaat, tt.naam, out.Bytes(), versie)
		})
	}
}

// TestHandreikingDeterministisch makes the handreiking twice, through the command line, to stdout and
// to a file: the bytes are the same.
func TestHandreikingDeterministisch(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"markdown", "html"} {
		t.Run(f, func(t *testing.T) {
			t.Parallel()
			args := []string{"--kennisbank", handreikingFixture, "handreiking", "--formaat", f}
			code, een, fout := draai(t, stromen{Getenv: env()}, args...)
			if code != codeOK || fout != "" {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			bestand := filepath.Join(t.TempDir(), "handreiking."+f)
			code, _, fout = draai(t, stromen{Getenv: env()}, append(args, "--uitvoer", bestand)...)
			if code != codeOK || !strings.HasPrefix(fout, "handreiking geschreven: "+bestand+" ("+f+", ") {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			twee, err := os.ReadFile(bestand)
			if err != nil {
				t.Fatal(err)
			}
			if een != string(twee) {
				t.Errorf("twee keer gemaakt, verschillende uitvoer")
			}
		})
	}
}

func TestHandreikingFormaat(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		naam  string
		s     stromen
		args  []string
		begin string // stdout, or the file of --uitvoer, starts with this
	}{
		{"pijp: markdown", stromen{Getenv: env()}, nil, "# Handreiking gegevensdeling"},
		{"terminal: tekst", stromen{Terminal: true, Breedte: 80, Getenv: env("NO_COLOR", "1")}, nil, "\n  HANDREIKING GEGEVENSDELING IN ZORG EN VEILIGHEID\n\n  Editie van "},
		{"terminal maar --formaat html", stromen{Terminal: true, Breedte: 80, Getenv: env()}, []string{"-o", "html"}, "<!DOCTYPE html>\n<html lang=\"nl\">"},
		{"bestand .html: html", stromen{Terminal: true, Getenv: env()}, []string{"-u", filepath.Join(dir, "a.HTML")}, "<!DOCTYPE html>"},
		{"bestand .md: markdown", stromen{Terminal: true, Getenv: env()}, []string{"-u", filepath.Join(dir, "a.md")}, "# Handreiking gegevensdeling"},
		{"bestand, formaat gegeven", stromen{Getenv: env()}, []string{"--format", "md", "--output", filepath.Join(dir, "b.html")}, "# Handreiking gegevensdeling"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"--kennisbank", handreikingFixture, "handreiking"}, tt.args...)
			code, out, fout := draai(t, tt.s, args...)
			if code != codeOK {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			for i, a := range tt.args {
				if a == "-u" || a == "--output" {
					inhoud, err := os.ReadFile(tt.args[i+1])
					if err != nil {
						t.Fatal(err)
					}
					if out != "" {
						t.Errorf("stdout bij --uitvoer: %q", out[:min(len(out), 80)])
					}
					out = string(inhoud)
				}
			}
			if !strings.HasPrefix(out, tt.begin) {
				t.Errorf("uitvoer begint niet met %q:\n%s", tt.begin, out[:min(len(out), 200)])
			}
		})
	}
}
