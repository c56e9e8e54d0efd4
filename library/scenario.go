package library

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Scenario is a worked question with its expected answer, in the scenario shape of the contract (§5).
type Scenario struct {
	ID          string      `json:"id"`
	VraagTekst  string      `json:"vraag_tekst,omitempty"`
	Vraag       Vraag       `json:"vraag"`
	Verwacht    Verwachting `json:"verwacht"`
	Toelichting string      `json:"toelichting,omitempty"`
}

// Verwachting is what a scenario expects: the verdict exactly, and at least the listed conditions.
// The certainty is reported when it differs, but does not decide the test (contract §5).
type Verwachting struct {
	Oordeel     Oordeel  `json:"oordeel"`
	Voorwaarden []string `json:"voorwaarden"`
	Zekerheid   string   `json:"zekerheid,omitempty"`
}

// scenarioVelden are the keys of a scenario file.
var scenarioVelden = []string{"id", "vraag_tekst", "vraag", "verwacht", "toelichting"}

// LeesScenario decodes one scenario file strictly; its question is read like LeesVraag.
func LeesScenario(r io.Reader) (Scenario, error) {
	var ruw struct {
		ID          string          `json:"id"`
		VraagTekst  string          `json:"vraag_tekst"`
		Vraag       json.RawMessage `json:"vraag"`
		Verwacht    Verwachting     `json:"verwacht"`
		Toelichting string          `json:"toelichting"`
	}
	raw, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return Scenario{}, &JSONFout{Bericht: err.Error()}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if err := controleerJSON(raw); err != nil {
		return Scenario{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ruw); err != nil {
		return Scenario{}, jsonFout(raw, err, scenarioVelden)
	}
	if ruw.ID == "" {
		return Scenario{}, &OntbrekendVeldFout{Veld: "id"}
	}
	if len(ruw.Vraag) == 0 {
		return Scenario{}, &OntbrekendVeldFout{Veld: "vraag"}
	}
	if ruw.Verwacht.Oordeel == "" {
		return Scenario{}, &OntbrekendVeldFout{Veld: "verwacht.oordeel"}
	}
	v, err := LeesVraag(bytes.NewReader(ruw.Vraag))
	if err != nil {
		return Scenario{}, fmt.Errorf("vraag: %w", err)
	}
	return Scenario{ID: ruw.ID, VraagTekst: ruw.VraagTekst, Vraag: v, Verwacht: ruw.Verwacht, Toelichting: ruw.Toelichting}, nil
}

// Uitslag is the result of one scenario.
type Uitslag struct {
	Bestand     string      `json:"bestand"`
	ID          string      `json:"id"`
	Geslaagd    bool        `json:"geslaagd"`
	Verwacht    Verwachting `json:"verwacht"`
	Oordeel     Oordeel     `json:"oordeel,omitempty"`
	Voorwaarden []string    `json:"voorwaarden,omitempty"`
	Zekerheid   string      `json:"zekerheid,omitempty"`
	Verschillen []string    `json:"verschillen,omitempty"` // why it failed, in Dutch
	Opmerkingen []string    `json:"opmerkingen,omitempty"` // differences that do not fail the test
	Fout        string      `json:"fout,omitempty"`        // the file or question could not be read
}

// Testrapport is the result of a run of scenario files.
type Testrapport struct {
	Uitslagen []Uitslag `json:"uitslagen"`
	Geslaagd  int       `json:"geslaagd"`
	Mislukt   int       `json:"mislukt"`
}

// ToetsScenario answers the scenario's question and compares the answer with the expectation.
func (e *Engine) ToetsScenario(ctx context.Context, s Scenario) Uitslag {
	u := Uitslag{ID: s.ID, Verwacht: s.Verwacht}
	a, err := e.Beantwoord(ctx, s.Vraag)
	if err != nil {
		u.Fout = err.Error()
		u.Verschillen = []string{"de vraag is niet te beantwoorden: " + err.Error()}
		return u
	}
	u.Oordeel, u.Zekerheid = a.Oordeel, a.Zekerheid
	for _, v := range a.Voorwaarden {
		u.Voorwaarden = append(u.Voorwaarden, v.ID)
	}
	if a.Oordeel != s.Verwacht.Oordeel {
		u.Verschillen = append(u.Verschillen, fmt.Sprintf("oordeel is %s, verwacht %s", a.Oordeel, s.Verwacht.Oordeel))
	}
	var ontbrekend []string
	for _, v := range s.Verwacht.Voorwaarden {
		if !slices.Contains(u.Voorwaarden, v) {
			ontbrekend = append(ontbrekend, v)
		}
	}
	if len(ontbrekend) > 0 {
		u.Verschillen = append(u.Verschillen, "voorwaarden ontbreken: "+strings.Join(ontbrekend, ", "))
	}
	if s.Verwacht.Zekerheid != "" && s.Verwacht.Zekerheid != a.Zekerheid {
		u.Opmerkingen = append(u.Opmerkingen, fmt.Sprintf("zekerheid is %s, het scenario noemt %s", a.Zekerheid, s.Verwacht.Zekerheid))
	}
	u.Geslaagd = len(u.Verschillen) == 0
	return u
}

// ToetsScenarios runs the scenario files paden in fsys, or every *.json file in fsys when paden is
// empty, in path order. A file that cannot be read fails with its reason; it does not stop the run.
func (e *Engine) ToetsScenarios(ctx context.Context, fsys fs.FS, paden ...string) (Testrapport, error) {
	if len(paden) == 0 {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && path.Ext(p) == ".json" {
				paden = append(paden, p)
			}
			return nil
		})
		if err != nil {
			return Testrapport{}, fmt.Errorf("zoek scenario's: %w", err)
		}
	}
	sort.Strings(paden)
	var r Testrapport
	for _, p := range paden {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		u := e.toetsBestand(ctx, fsys, p)
		r.Uitslagen = append(r.Uitslagen, u)
		if u.Geslaagd {
			r.Geslaagd++
		} else {
			r.Mislukt++
		}
	}
	return r, nil
}

func (e *Engine) toetsBestand(ctx context.Context, fsys fs.FS, p string) Uitslag {
	f, err := fsys.Open(p)
	if err != nil {
		return Uitslag{Bestand: p, ID: p, Fout: err.Error(), Verschillen: []string{"bestand niet te lezen"}}
	}
	defer f.Close()
	s, err := LeesScenario(f)
	if err != nil {
		return Uitslag{Bestand: p, ID: strings.TrimSuffix(path.Base(p), ".json"), Fout: err.Error(), Verschillen: []string{"ongeldig scenario: " + err.Error()}}
	}
	u := e.ToetsScenario(ctx, s)
	u.Bestand = p
	return u
}
