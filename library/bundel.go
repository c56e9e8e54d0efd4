package library

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// BundelRoots are the data roots the bundle owns: the policy (data.magikdelen) and the knowledge base
// (data.kennisbank).
var BundelRoots = []string{"magikdelen", "kennisbank"}

// bundel returns the rules and the knowledge base of this engine as a standard OPA bundle: the policy
// modules (without tests), data.kennisbank, and a manifest whose revision is the knowledge-base version.
// A stock OPA answers data.magikdelen.antwoord from it like Beantwoord does. It stays unexported: OPA's
// types are not part of the library's API (SchrijfBundel writes the bundle as bytes).
func (e *Engine) bundel() (bundle.Bundle, error) {
	roots := append([]string(nil), BundelRoots...)
	b := bundle.Bundle{
		Manifest: bundle.Manifest{Revision: e.kb.Versie(), Roots: &roots},
		Data:     map[string]any{"kennisbank": e.kb.Data()},
	}
	b.Manifest.SetRegoVersion(ast.RegoV1)
	// The sources of the rules, in path order (the writer writes Raw; OPA parses them when it reads the
	// bundle).
	paden := slices.Sorted(maps.Keys(e.regels))
	for _, p := range paden {
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: "/" + p, Path: "/" + p, Raw: e.regels[p]})
	}
	return b, nil
}

// SchrijfBundel writes the bundle (the rules and the knowledge base of this engine) as a gzipped tarball (what `opa run -b` and `opa eval -b` read).
func (e *Engine) SchrijfBundel(w io.Writer) error {
	b, err := e.bundel()
	if err != nil {
		return err
	}
	if err := bundle.NewWriter(w).UseModulePath(true).Write(b); err != nil {
		return fmt.Errorf("schrijf bundel: %w", err)
	}
	return nil
}
