package kennisbank

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// LaadKennisbank loads and validates a knowledge base without compiling the policy, e.g. to show or
// check a kwartiermaker's working copy. Its version hash covers the embedded rules.
func LaadKennisbank(fsys fs.FS) (*Kennisbank, error) {
	if ingebouwd(fsys, convenants.FS) {
		if kb, ok := Voorgeladen(); ok {
			return kb, nil
		}
	}
	regels, err := LeesRegels(rules.FS)
	if err != nil {
		return nil, err
	}
	return Laad(fsys, regels)
}

// LeesRegels reads the policy files (not the tests) from fsys: path -> content.
func LeesRegels(fsys fs.FS) (map[string][]byte, error) {
	regels := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		inhoud, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		regels[p] = inhoud
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("lees regels: %w", err)
	}
	if len(regels) == 0 {
		return nil, errors.New("lees regels: geen .rego-bestanden")
	}
	return regels, nil
}
