package kennisbank

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/waardevorm"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// The built-in knowledge base is validated when the program is built, not at every start: go generate
// loads convenants/ with every check (YAML, JSON Schema, cross-references) and writes the result,
// decoded, to voorgeladen.json and, the document the rules see, to voorgeladen.data (in the binary form of
// internal/waardevorm, which reads back in half the time of its JSON), which are embedded.
// TestVoorgeladen fails when they differ from a fresh load, and at run time they are only used when their
// fingerprint matches the embedded sources, so a forgotten go generate costs time, never a wrong answer. A
// knowledge base from --kennisbank is always loaded and checked in full.
//
//go:generate go test -run=^TestVoorgeladen$ -voorgeladen.bijwerken .

//go:embed voorgeladen.json
var voorgeladenJSON []byte

// voorgeladenData is the document under data.kennisbank (waardevorm).
//
//go:embed voorgeladen.data
var voorgeladenData []byte

// voorgeladen is the decoded knowledge base as go generate writes it besides its document: JSON, which
// keeps what it holds exactly (an empty list is not null). The vraagbaak, most of it, is decoded in the
// background: the engine needs it only for the links under an answer, after the first evaluation.
type voorgeladen struct {
	Bron      string              `json:"bron"` // bronVingerafdruk of the sources it was loaded from
	Versie    string              `json:"versie"`
	Delen     map[string]string   `json:"delen"`
	IDs       map[string][]string `json:"ids"`
	Vraagbaak json.RawMessage     `json:"vraagbaak"` // []Vraagbaakitem
}

// bronVingerafdruk hashes the path and content of every file of a knowledge base and of the policy.
func bronVingerafdruk(kennisbank fs.FS, regels map[string][]byte) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(kennisbank, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		inhoud, err := fs.ReadFile(kennisbank, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "kennisbank/%s\x00%d\x00", p, len(inhoud))
		h.Write(inhoud)
		return nil
	})
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "regels\x00%s", RegelsVingerafdruk(regels))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// RegelsVingerafdruk hashes the path and content of every file of a policy (as LeesRegels reads it).
func RegelsVingerafdruk(regels map[string][]byte) string {
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(regels)) {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(regels[p]))
		h.Write(regels[p])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// schrijfVoorgeladen encodes a loaded knowledge base with the fingerprint of its sources: its JSON, and its
// document in the binary form (numbers stay json.Number, as yamlpos reads them).
func schrijfVoorgeladen(kb *Kennisbank, bron string) (raw, document []byte, err error) {
	if document, err = waardevorm.Schrijf(bron, kb.data); err != nil {
		return nil, nil, err
	}
	vraagbaak, err := json.Marshal(kb.vraagbaakItems())
	if err != nil {
		return nil, nil, err
	}
	raw, err = json.Marshal(voorgeladen{Bron: bron, Versie: kb.versie, Delen: kb.delen, IDs: kb.ids, Vraagbaak: vraagbaak})
	return raw, document, err
}

// leesVoorgeladen decodes the embedded form (its JSON raw and its document) into a new Kennisbank, or reports
// why it cannot.
func leesVoorgeladen(raw, document []byte) (*Kennisbank, string, error) {
	documentBron, data, err := waardevorm.Lees[any](document, waardevorm.GoWaarden{})
	if err != nil {
		return nil, "", err
	}
	m, ok := data.(map[string]any)
	if !ok {
		return nil, "", errors.New("voorgeladen.data: het document is geen object")
	}
	var v voorgeladen
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, "", err
	}
	if documentBron != v.Bron {
		return nil, "", errors.New("voorgeladen.json en voorgeladen.data komen niet uit dezelfde bronnen")
	}
	kb := &Kennisbank{data: m, versie: v.Versie, delen: v.Delen, ids: v.IDs}
	klaar := make(chan []Vraagbaakitem, 1)
	go func() { klaar <- leesVoorgeladenVraagbaak(v.Vraagbaak) }()
	kb.vraagbaakLaden = sync.OnceValue(func() []Vraagbaakitem { return <-klaar })
	kb.typeer()
	return kb, v.Bron, nil
}

// leesVoorgeladenVraagbaak decodes the vraagbaak of voorgeladen.json. The JSON is checked when it is read
// (json.RawMessage) and TestVoorgeladen decodes it in full, so it cannot fail with the file the program was
// built with; if it did, the vraagbaak would be empty, never wrong.
func leesVoorgeladenVraagbaak(raw json.RawMessage) []Vraagbaakitem {
	var items []Vraagbaakitem
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&items); err != nil {
		return nil
	}
	// The facts of a vraagbaak check are read like a question: whole numbers are int64 (LeesVraag).
	for i := range items {
		for _, c := range items[i].Controles {
			for k, w := range c.Vraag.Feiten {
				if n, ok := w.(json.Number); ok {
					if g, err := n.Int64(); err == nil {
						c.Vraag.Feiten[k] = g
					}
				}
			}
		}
	}
	return items
}

// ingebouwdeBron is the fingerprint of the embedded knowledge base and rules, computed once.
var ingebouwdeBron = sync.OnceValues(func() (string, error) {
	regels, err := LeesRegels(rules.FS)
	if err != nil {
		return "", err
	}
	return bronVingerafdruk(convenants.FS, regels)
})

// ingebouwd reports whether fsys is the embedded knowledge base or the embedded rules.
func ingebouwd(fsys fs.FS, ingebouwd fs.FS) bool { return fsys == ingebouwd }

// voorgeladenKennisbank gives the pre-validated built-in knowledge base, when it was generated from
// exactly the embedded sources; ok is false otherwise and the caller loads in full.
func Voorgeladen() (kb *Kennisbank, ok bool) {
	if len(voorgeladenJSON) == 0 {
		return nil, false
	}
	bron, err := ingebouwdeBron()
	if err != nil {
		return nil, false
	}
	kb, opgeslagen, err := leesVoorgeladen(voorgeladenJSON, voorgeladenData)
	if err != nil || opgeslagen != bron {
		return nil, false
	}
	return kb, true
}
