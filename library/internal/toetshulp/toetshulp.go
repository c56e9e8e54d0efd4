// Package toetshulp holds the helpers that the tests of library, library/kennisbank and library/bulk
// share: skipping the heavy tests under -race, and copying and changing a knowledge base in memory. It
// imports no package of this module, so every test may use it.
package toetshulp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// Zwaar marks a test that sweeps the decision space, answers every question of a directory, re-derives
// the open facts or checks a broken knowledge base per case: each costs seconds of Rego evaluation or
// policy compilation. Under -race it is skipped: the race detector makes that ten to fifteen times
// slower and finds nothing there that the concurrency tests do not exercise. The README's test command
// runs them without -race (go test ./... && go test -race ./...).
func Zwaar(t testing.TB) {
	t.Helper()
	if Race {
		t.Skip("zware toets: draait zonder -race (zie de testopdracht in de README)")
	}
}

// KopieFS copies a file system into a MapFS that a test may change, without the files laat says to
// leave out (nil: none).
func KopieFS(t testing.TB, bron fs.FS, laat func(pad string) bool) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(bron, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (laat != nil && laat(p)) {
			return err
		}
		b, err := fs.ReadFile(bron, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Vervang replaces the one occurrence of oud in file pad; another count fails the test.
func Vervang(t testing.TB, m fstest.MapFS, pad, oud, nieuw string) {
	t.Helper()
	f := m[pad]
	if f == nil {
		t.Fatalf("%s bestaat niet", pad)
	}
	if n := strings.Count(string(f.Data), oud); n != 1 {
		t.Fatalf("%s: %q komt %d keer voor, verwacht 1", pad, oud, n)
	}
	m[pad] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), oud, nieuw, 1))}
}

// MetVraagbaak copies bron (a knowledge base) with its vraagbaak replaced by the entries *.md in the
// folder map (on disk): for tests that must not depend on the published entries.
func MetVraagbaak(t testing.TB, bron fs.FS, map_ string) fstest.MapFS {
	t.Helper()
	m := KopieFS(t, bron, func(p string) bool { return strings.HasPrefix(p, "vraagbaak/") })
	paden, _ := filepath.Glob(filepath.Join(map_, "*.md"))
	if len(paden) == 0 {
		t.Fatalf("geen vraagbaakitems in %s", map_)
	}
	for _, p := range paden {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m["vraagbaak/"+filepath.Base(p)] = &fstest.MapFile{Data: b}
	}
	return m
}
