package kennisbank

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// The built-in knowledge base is validated when the program is built, not at every start: go generate
// loads convenants/ with every check (YAML, JSON Schema, cross-references) and writes the result,
// decoded, to voorgeladen.json, which is embedded. TestVoorgeladen fails when that file differs from a
// fresh load, and at run time it is only used when its fingerprint matches the embedded sources, so a
// forgotten go generate costs time, never a wrong answer. A knowledge base from --kennisbank is always
// loaded and checked in full.
//
//go:generate go test -run=^TestVoorgeladen$ -voorgeladen.bijwerken .

//go:embed voorgeladen.json
var voorgeladenJSON []byte

// voorgeladen is the decoded knowledge base as go generate writes it: JSON, which keeps what the rules
// see exactly (an empty list is not null; numbers stay json.Number, as yamlpos reads them).
type voorgeladen struct {
	Bron      string              `json:"bron"` // bronVingerafdruk of the sources it was loaded from
	Data      map[string]any      `json:"data"`
	Versie    string              `json:"versie"`
	Delen     map[string]string   `json:"delen"`
	IDs       map[string][]string `json:"ids"`
	Vraagbaak []Vraagbaakitem     `json:"vraagbaak"`
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

// schrijfVoorgeladen encodes a loaded knowledge base with the fingerprint of its sources.
func schrijfVoorgeladen(kb *Kennisbank, bron string) ([]byte, error) {
	return json.Marshal(voorgeladen{Bron: bron, Data: kb.data, Versie: kb.versie, Delen: kb.delen, IDs: kb.ids, Vraagbaak: kb.vraagbaak})
}

// leesVoorgeladen decodes the embedded form into a new Kennisbank, or reports why it cannot.
func leesVoorgeladen(raw []byte) (*Kennisbank, string, error) {
	var v voorgeladen
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, "", err
	}
	// The facts of a vraagbaak check are read like a question: whole numbers are int64 (LeesVraag).
	for i := range v.Vraagbaak {
		for _, c := range v.Vraagbaak[i].Controles {
			for k, w := range c.Vraag.Feiten {
				if n, ok := w.(json.Number); ok {
					if g, err := n.Int64(); err == nil {
						c.Vraag.Feiten[k] = g
					}
				}
			}
		}
	}
	kb := &Kennisbank{data: v.Data, versie: v.Versie, delen: v.Delen, ids: v.IDs, vraagbaak: v.Vraagbaak}
	kb.typeer()
	return kb, v.Bron, nil
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
	kb, opgeslagen, err := leesVoorgeladen(voorgeladenJSON)
	if err != nil || opgeslagen != bron {
		return nil, false
	}
	return kb, true
}
