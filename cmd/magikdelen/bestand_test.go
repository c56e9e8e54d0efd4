package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBestandHeelOfNiet: bundel and handreiking write their --uitvoer file whole or not at all, like
// matrix (uitvoer): a complete file leaves no temporary file beside it; a run that fails (a directory
// that is no knowledge base) leaves an existing file as it was and nothing else; a directory that does
// not exist is an error of --uitvoer.
func TestBestandHeelOfNiet(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		naam, bestand, begin string
		args                 []string
	}{
		{"bundel", "kb.tar.gz", "\x1f\x8b", []string{"bundel"}},
		{"handreiking", "h.md", "# ", []string{"--kennisbank", handreikingFixture, "handreiking", "--editie", "2026-03-01"}},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			pad := filepath.Join(dir, tt.bestand)
			code, out, fout := draai(t, stromen{Getenv: env()}, append(append([]string{}, tt.args...), "-u", pad)...)
			if code != codeOK || out != "" || !strings.HasPrefix(fout, tt.naam+" geschreven: "+pad) {
				t.Fatalf("exitcode %d, stdout %q, stderr %q", code, out, fout)
			}
			if inhoud := leesBestand(t, pad); !strings.HasPrefix(inhoud, tt.begin) {
				t.Errorf("%s begint niet met %q: %.40q", tt.bestand, tt.begin, inhoud)
			}
			geenTijdelijkeBestanden(t, dir)

			// A failed run: the file stays as it was.
			if err := os.WriteFile(pad, []byte("oud"), 0o644); err != nil {
				t.Fatal(err)
			}
			geenKennisbank := t.TempDir()
			code, _, fout = draai(t, stromen{Getenv: env()}, append([]string{"--kennisbank", geenKennisbank}, append(zonderKennisbank(tt.args), "-u", pad)...)...)
			if code == codeOK || !strings.Contains(fout, "--kennisbank") {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			if inhoud := leesBestand(t, pad); inhoud != "oud" {
				t.Errorf("het bestaande bestand is veranderd: %.40q", inhoud)
			}
			geenTijdelijkeBestanden(t, dir)

			mist := filepath.Join(dir, "bestaat-niet", tt.bestand)
			code, _, fout = draai(t, stromen{Getenv: env()}, append(append([]string{}, tt.args...), "-u", mist)...)
			if code != codeInvoer || !strings.Contains(fout, "fout: --uitvoer: kan "+mist+" niet schrijven") {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
		})
	}
}

// zonderKennisbank leaves out a --kennisbank flag and its value.
func zonderKennisbank(args []string) []string {
	var uit []string
	for i := 0; i < len(args); i++ {
		if args[i] == "--kennisbank" {
			i++
			continue
		}
		uit = append(uit, args[i])
	}
	return uit
}

// geenTijdelijkeBestanden fails when a temporary file of uitvoer is left in dir.
func geenTijdelijkeBestanden(t *testing.T, dir string) {
	t.Helper()
	if namen, _ := filepath.Glob(filepath.Join(dir, ".*")); len(namen) > 0 {
		t.Errorf("tijdelijke bestanden: %q", namen)
	}
}
