package library_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAfhankelijkhedenEenKant checks the one-way arrows of the layout: cmd → library/weergave, library/web,
// library/api → library/bulk (matrix, verschil, lint) → library (the engine) → library/kennisbank → rules,
// convenants. No package imports one above it: the knowledge base never imports the engine, the engine
// never imports the bulk questions, its views or servers, the views never import a server, and nothing
// imports the command.
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
		case strings.HasPrefix(rel, "library/internal"):
			return 1
		case rel == "library/kennisbank":
			return 2
		case rel == "library":
			return 3
		case rel == "library/bulk":
			return 4
		case strings.HasPrefix(rel, "library/weergave"), rel == "library/bon":
			return 5
		case strings.HasPrefix(rel, "library/web"), strings.HasPrefix(rel, "library/api"):
			return 6
		case strings.HasPrefix(rel, "cmd/"):
			return 7
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

// TestGeenOPATypenInDeAPI checks that OPA stays behind the library: no exported function, method, type,
// field, variable or constant of a package under library/ names a type of an OPA package. An embedding
// service asks and reads answers in the library's own types; the rules could move to another engine
// without changing that API.
func TestGeenOPATypenInDeAPI(t *testing.T) {
	var pakketten []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "internal") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			pakketten = append(pakketten, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	gevonden := 0
	for _, dir := range pakketten {
		fset := token.NewFileSet()
		bestanden, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, pad := range bestanden {
			if strings.HasSuffix(pad, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, pad, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			opa := map[string]bool{} // local names of OPA imports in this file
			for _, imp := range f.Imports {
				p := strings.Trim(imp.Path.Value, `"`)
				if !strings.Contains(p, "github.com/open-policy-agent/") {
					continue
				}
				naam := path.Base(p)
				if imp.Name != nil {
					naam = imp.Name.Name
				}
				opa[naam] = true
			}
			gevonden += len(opa)
			meldt := func(wat string, n ast.Node) {
				ast.Inspect(n, func(x ast.Node) bool {
					if sel, ok := x.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && opa[id.Name] {
							t.Errorf("%s: %s noemt %s.%s", fset.Position(sel.Pos()), wat, id.Name, sel.Sel.Name)
						}
					}
					return true
				})
			}
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if d.Name.IsExported() && (d.Recv == nil || geexporteerdType(d.Recv.List[0].Type)) {
						meldt(d.Name.Name, d.Type)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							if !s.Name.IsExported() {
								continue
							}
							if st, ok := s.Type.(*ast.StructType); ok {
								for _, veld := range st.Fields.List {
									if len(veld.Names) == 0 || veld.Names[0].IsExported() {
										meldt(s.Name.Name+" (veld)", veld.Type)
									}
								}
								continue
							}
							meldt(s.Name.Name, s.Type)
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() && s.Type != nil {
									meldt(n.Name, s.Type)
								}
							}
						}
					}
				}
			}
		}
	}
	if gevonden == 0 {
		t.Fatal("geen enkel bestand importeert OPA; de toets toetst niets")
	}
}

// geexporteerdType: the receiver type (T or *T) is exported.
func geexporteerdType(e ast.Expr) bool {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if i, ok := e.(*ast.IndexExpr); ok {
		e = i.X
	}
	id, ok := e.(*ast.Ident)
	return ok && id.IsExported()
}

// TestKennisbankZonderOPA: the knowledge base (loading, validation, vocabulary, vraagbaak) does not
// depend on the policy engine, directly or through a package of this module; only the library's engine
// does. Checked over the imports of library/kennisbank and every module package it reaches.
func TestKennisbankZonderOPA(t *testing.T) {
	const module = "github.com/twente-zorg-veiligheid/magikdelen"
	wortel, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gezien := map[string]bool{}
	var bezoek func(pad, via string)
	bezoek = func(pad, via string) {
		if gezien[pad] {
			return
		}
		gezien[pad] = true
		pkg, err := build.ImportDir(filepath.Join(wortel, strings.TrimPrefix(pad, module)), 0)
		if err != nil {
			t.Fatalf("%s: %v", pad, err)
		}
		for _, imp := range pkg.Imports {
			switch {
			case strings.HasPrefix(imp, "github.com/open-policy-agent/"):
				t.Errorf("%s imports %s (reached from %s)", pad, imp, via)
			case strings.HasPrefix(imp, module+"/"):
				bezoek(imp, pad)
			}
		}
	}
	bezoek(module+"/library/kennisbank", module+"/library/kennisbank")
	if len(gezien) < 3 {
		t.Fatalf("only %d packages seen", len(gezien))
	}
}
