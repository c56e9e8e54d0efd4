package library

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Uitslag is the result of one scenario.
type Uitslag struct {
	Bestand     string                 `json:"bestand"`
	ID          string                 `json:"id"`
	Geslaagd    bool                   `json:"geslaagd"`
	Verwacht    kennisbank.Verwachting `json:"verwacht"`
	Oordeel     kennisbank.Oordeel     `json:"oordeel,omitempty"`
	Voorwaarden []string               `json:"voorwaarden,omitempty"`
	Zekerheid   string                 `json:"zekerheid,omitempty"`
	Verschillen []string               `json:"verschillen,omitempty"` // why it failed, in Dutch
	Opmerkingen []string               `json:"opmerkingen,omitempty"` // differences that do not fail the test
	Fout        string                 `json:"fout,omitempty"`        // the file or question could not be read
}

// Testrapport is the result of a run of scenario files. Geslaagd counts every passed scenario;
// Waarschuwingen how many of those passed with a remark (Uitslag.Opmerkingen), such as another certainty
// than the scenario names: not a failure by the contract (§5), but not silently a pass either.
type Testrapport struct {
	Uitslagen      []Uitslag `json:"uitslagen"`
	Geslaagd       int       `json:"geslaagd"`
	Waarschuwingen int       `json:"waarschuwingen"`
	Mislukt        int       `json:"mislukt"`
}

// Tel adds an outcome to the counts of r (not to its Uitslagen).
func (r *Testrapport) Tel(u Uitslag) {
	switch {
	case !u.Geslaagd:
		r.Mislukt++
	case len(u.Opmerkingen) > 0:
		r.Geslaagd++
		r.Waarschuwingen++
	default:
		r.Geslaagd++
	}
}

// ToetsScenario answers the scenario's question and compares the answer with the expectation.
func (e *Engine) ToetsScenario(ctx context.Context, s kennisbank.Scenario) Uitslag {
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
		r.Tel(u)
	}
	return r, nil
}

func (e *Engine) toetsBestand(ctx context.Context, fsys fs.FS, p string) Uitslag {
	f, err := fsys.Open(p)
	if err != nil {
		return Uitslag{Bestand: p, ID: p, Fout: err.Error(), Verschillen: []string{"bestand niet te lezen"}}
	}
	defer f.Close()
	s, err := kennisbank.LeesScenario(f)
	if err != nil {
		return Uitslag{Bestand: p, ID: strings.TrimSuffix(path.Base(p), ".json"), Fout: err.Error(), Verschillen: []string{"ongeldig scenario: " + err.Error()}}
	}
	u := e.ToetsScenario(ctx, s)
	u.Bestand = p
	return u
}

// ToetsVraagbaak runs every check of every vraagbaak entry of e's knowledge base through the same code
// as ToetsScenario. Bestand is the entry's file and ID is "<entry id>#<n>", counting from 1.
func ToetsVraagbaak(ctx context.Context, e *Engine) Testrapport {
	r := Testrapport{Uitslagen: []Uitslag{}}
	for _, item := range e.Kennisbank().Vraagbaak() {
		for i, c := range item.Controles {
			if ctx.Err() != nil {
				return r
			}
			u := e.ToetsScenario(ctx, kennisbank.Scenario{ID: fmt.Sprintf("%s#%d", item.ID, i+1), VraagTekst: item.Vraag, Vraag: c.Vraag, Verwacht: c.Verwacht})
			u.Bestand = item.Bestand
			r.Uitslagen = append(r.Uitslagen, u)
			r.Tel(u)
		}
	}
	return r
}
