package kennisbank

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
// Another certainty is a remark (a warning in the Testrapport), not a failure (contract §5).
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
