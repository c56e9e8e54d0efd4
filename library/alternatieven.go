package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The answer in parts (rules that offer data.magikdelen.antwoord_in_delen): the core answer with the
// changes its alternatives recompute, each with its own question. Every such question is evaluated on its
// own (the rules' milder_oordeel: the verdict, only when it is milder than the current one), side by side
// on the CPUs; the rules then choose the alternatives from the verdicts (queryKies). The answer is the
// same as the rules' own antwoord_zonder_vraagbaak, which recomputes the changes one after another in one
// evaluation (TestAlternatievenInDelen compares the two).
const (
	queryInDelen = "data.magikdelen.antwoord_in_delen"
	queryMilder  = "oordeel := data.magikdelen.alternatieven.milder_oordeel(%s)"
	queryKies    = "alternatieven := data.magikdelen.alternatieven.kies(input.oordeel, input.enkel, input.doel, input.paar)"
)

// wijziging is one change to recompute: its kind (a key of the rules' alternatieven.met_invoer), the
// change w as the rules gave it, the question with the change, and the verdict on that question.
type wijziging struct {
	soort   string
	w       any
	invoer  any
	oordeel any
	bekend  bool // the rules gave a verdict: the change is milder (otherwise kies would drop it anyway)
}

// uitDelen puts the answer together from data.magikdelen.antwoord_in_delen: the core and the question, which
// the rules give apart (so that the core of questions that differ only in their date is one shared value), and
// the JSON of the chosen alternatives that take the place of the core's own.
func (e *Engine) uitDelen(ctx context.Context, waarde ast.Value, basis *proefBasis) (regelsUitkomst, error) {
	deel, _ := waarde.(ast.Object)
	var kern ast.Object
	var doorTerm, vraagTerm *ast.Term
	if deel != nil {
		if t := deel.Get(ast.StringTerm("kern")); t != nil {
			kern, _ = t.Value.(ast.Object)
		}
		doorTerm = deel.Get(ast.StringTerm("doorrekenen"))
		vraagTerm = deel.Get(ast.StringTerm("vraag"))
	}
	if kern == nil || doorTerm == nil || vraagTerm == nil {
		return regelsUitkomst{}, errors.New("evalueer regels: antwoord in delen zonder kern, vraag of doorrekenen (regels onvolledig)")
	}
	door, err := ast.JSON(doorTerm.Value)
	if err != nil {
		return regelsUitkomst{}, fmt.Errorf("lees antwoord: %w", err)
	}
	doorMap, ok := door.(map[string]any)
	if !ok {
		return regelsUitkomst{}, errors.New("evalueer regels: antwoord in delen zonder kern, vraag of doorrekenen (regels onvolledig)")
	}
	var huidig any
	if o := kern.Get(ast.StringTerm("oordeel")); o != nil {
		if s, ok := o.Value.(ast.String); ok {
			huidig = string(s)
		}
	}
	alternatieven, err := e.kiesAlternatieven(ctx, huidig, doorMap, basis)
	if err != nil {
		return regelsUitkomst{}, err
	}
	altJSON, err := json.Marshal(alternatieven)
	if err != nil {
		return regelsUitkomst{}, fmt.Errorf("lees antwoord: %w", err)
	}
	return regelsUitkomst{kern: kern, vraag: vraagTerm.Value, alternatieven: altJSON}, nil
}

// kiesAlternatieven recomputes every change in door and lets the rules choose from the verdicts.
func (e *Engine) kiesAlternatieven(ctx context.Context, huidig any, door map[string]any, basis *proefBasis) (any, error) {
	soorten, lijsten, err := perSoort(door, "doorrekenen")
	if err != nil {
		return nil, err
	}
	var taken []wijziging
	for i, s := range soorten {
		for _, x := range lijsten[i] {
			m, ok := x.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("evalueer regels: doorrekenen.%s zonder wijziging (regels onvolledig)", s)
			}
			taken = append(taken, wijziging{soort: s, w: m["w"], invoer: m["invoer"]})
		}
	}
	if len(taken) == 0 {
		return []any{}, nil // nothing recomputed, nothing to choose
	}
	h, ok := huidig.(string)
	if !ok {
		return nil, errors.New("evalueer regels: antwoord zonder oordeel (regels onvolledig)")
	}
	milder, err := e.voorbereid(ctx, fmt.Sprintf(queryMilder, ast.StringTerm(h)))
	if err != nil {
		return nil, err
	}
	if basis != nil && !e.alternatievenTeVolgen() {
		basis = nil // the verdict of an alternative may read facts unseen: every alternative works everything out
	}
	// Side by side: every change is a question of its own (milder_oordeel, one decision per current verdict).
	if err := naastElkaar(len(taken), func(i int) error { return e.rekenEen(ctx, milder, &taken[i], basis) }); err != nil {
		return nil, err
	}
	invoer := map[string]any{"oordeel": huidig}
	for _, s := range soorten {
		uit := []any{}
		for _, t := range taken {
			if t.soort == s && t.bekend {
				uit = append(uit, map[string]any{"oordeel": t.oordeel, "w": t.w})
			}
		}
		invoer[s] = uit
	}
	return e.binding(ctx, queryKies, invoer, "alternatieven", "kies alternatieven", "uitkomst")
}

// rekenEen evaluates milder on the question of one change; no verdict means it is not milder.
func (e *Engine) rekenEen(ctx context.Context, milder rego.PreparedEvalQuery, t *wijziging, basis *proefBasis) error {
	v, err := ast.InterfaceToValue(t.invoer)
	if err != nil {
		return fmt.Errorf("reken alternatief door: %w", err)
	}
	rs, c, err := e.evalueerIn(ctx, basis.proef(v), milder, true, rego.EvalParsedInput(v))
	c.terug()
	if err != nil {
		return evalFout(ctx, "reken alternatief door", err)
	}
	if len(rs) == 1 {
		t.oordeel, t.bekend = rs[0].Bindings["oordeel"], rs[0].Bindings["oordeel"] != nil
	}
	return nil
}

// perSoort gives the keys of m, sorted, with the list under each key; a value that is not a list is an
// error of the rules (wat names m in it).
func perSoort(m map[string]any, wat string) ([]string, [][]any, error) {
	sleutels := slices.Sorted(maps.Keys(m))
	lijsten := make([][]any, len(sleutels))
	for i, k := range sleutels {
		lijst, ok := m[k].([]any)
		if !ok {
			return nil, nil, fmt.Errorf("evalueer regels: %s.%s is geen lijst (regels onvolledig)", wat, k)
		}
		lijsten[i] = lijst
	}
	return sleutels, lijsten, nil
}
