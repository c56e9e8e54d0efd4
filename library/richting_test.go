package library_test

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAfhankelijkhedenEenKant checks the one-way arrows of the layout: cmd → library/weergave, library/web,
// library/api → library → rules, convenants. No package imports one above it: the library never imports
// its views or servers, the views never import a server, and nothing imports the command.
func TestAfhankelijkhedenEenKant(t *testing.T) {
	const module = "github.com/twente-zorg-veiligheid/magikdelen"
	wortel, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// laag gives the height of a package in the layout; a package may import only lower ones (or its own
	// internal helpers, which share its height).
	laag := func(pad string) int {
		rel := strings.TrimPrefix(strings.TrimPrefix(pad, module), "/")
		switch {
		case rel == "rules" || rel == "convenants":
			return 0
		case rel == "library" || strings.HasPrefix(rel, "library/internal"):
			return 1
		case strings.HasPrefix(rel, "library/weergave"), rel == "library/bon":
			return 2
		case strings.HasPrefix(rel, "library/web"), strings.HasPrefix(rel, "library/api"):
			return 3
		case strings.HasPrefix(rel, "cmd/"):
			return 4
		}
		return -1
	}
	gezien := 0
	err = filepath.WalkDir(wortel, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if naam := d.Name(); p != wortel && (strings.HasPrefix(naam, ".") || naam == "testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(p, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(wortel, p)
		pad := module
		if rel != "." {
			pad += "/" + filepath.ToSlash(rel)
		}
		hoogte := laag(pad)
		if hoogte < 0 {
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			t.Errorf("%s: package outside the layout; give it a height in this test", pad)
			return nil
		}
		gezien++
		for _, imp := range slices.Concat(pkg.Imports, pkg.TestImports) {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			if h := laag(imp); h > hoogte || h == hoogte && !samePackageFamily(pad, imp) {
				t.Errorf("%s (height %d) imports %s (height %d): the arrows point one way, down", pad, hoogte, imp, h)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if gezien < 8 {
		t.Fatalf("only %d packages seen; the walk missed the tree", gezien)
	}
}

// samePackageFamily: at the same height a package may import only one that lies under or above it
// (library uses library/internal/…, library/weergave/handreiking uses library/weergave).
// An internal package belongs to the package that holds it, so any package under that one may use it
// (library/weergave/handreiking uses library/weergave/internal/opmaak).
func samePackageFamily(a, b string) bool {
	if eigenaar, _, ok := strings.Cut(b, "/internal/"); ok && strings.HasPrefix(a, eigenaar+"/") {
		return true
	}
	return strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}
