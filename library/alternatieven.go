package library

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The answer in parts (rules that offer data.magikdelen.antwoord_in_delen): the core answer with the
// changes its alternatives recompute, each with its own question; every such question is evaluated
// against the verdict alone (queryOordeel), side by side on the CPUs; the rules then choose the
// alternatives from the verdicts (queryKies). The answer is the same as the rules' own
// antwoord_zonder_vraagbaak, which recomputes the changes one after another in one evaluation
// (TestAlternatievenInDelen compares the two).
const (
	queryInDelen = "data.magikdelen.antwoord_in_delen"
	queryOordeel = "data.magikdelen.oordeel.oordeel"
	queryKies    = "alternatieven := data.magikdelen.alternatieven.kies(input.oordeel, input.enkel, input.doel, input.paar)"
)

// wijziging is one change to recompute: its kind (a key of the rules' alternatieven.met_invoer), the
// change w as the rules gave it, the question with the change, and the verdict on that question.
type wijziging struct {
	soort   string
	w       any
	invoer  any
	oordeel any
	bekend  bool // the rules gave a verdict (an undefined verdict drops the change, as in the rules)
}

// uitDelen puts the answer together from data.magikdelen.antwoord_in_delen: the core with the chosen
// alternatives.
func (e *Engine) uitDelen(ctx context.Context, waarde any) (any, error) {
	deel, _ := waarde.(map[string]any)
	kern, okKern := deel["kern"].(map[string]any)
	door, okDoor := deel["doorrekenen"].(map[string]any)
	if !okKern || !okDoor {
		return nil, errors.New("evalueer regels: antwoord in delen zonder kern of doorrekenen (regels onvolledig)")
	}
	alternatieven, err := e.kiesAlternatieven(ctx, kern["oordeel"], door)
	if err != nil {
		return nil, err
	}
	kern["alternatieven"] = alternatieven
	return kern, nil
}

// kiesAlternatieven recomputes every change in door and lets the rules choose from the verdicts.
func (e *Engine) kiesAlternatieven(ctx context.Context, huidig any, door map[string]any) (any, error) {
	soorten := make([]string, 0, len(door))
	for s := range door {
		soorten = append(soorten, s)
	}
	slices.Sort(soorten)
	var taken []wijziging
	for _, s := range soorten {
		lijst, ok := door[s].([]any)
		if !ok {
			return nil, fmt.Errorf("evalueer regels: doorrekenen.%s is geen lijst (regels onvolledig)", s)
		}
		for _, x := range lijst {
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
	if err := e.rekenDoor(ctx, taken); err != nil {
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
	v, err := ast.InterfaceToValue(invoer)
	if err != nil {
		return nil, fmt.Errorf("kies alternatieven: %w", err)
	}
	rs, err := e.kies.Eval(ctx, rego.EvalParsedInput(v))
	if err != nil {
		return nil, evalFout(ctx, "kies alternatieven", err)
	}
	if len(rs) != 1 || rs[0].Bindings["alternatieven"] == nil {
		return nil, errors.New("kies alternatieven: geen uitkomst (regels onvolledig)")
	}
	return rs[0].Bindings["alternatieven"], nil
}

// rekenDoor evaluates the verdict of every change, one goroutine per CPU (at most one per change): the
// prepared query is safe for concurrent use. The first error in the order of the changes is returned.
func (e *Engine) rekenDoor(ctx context.Context, taken []wijziging) error {
	fouten := make([]error, len(taken))
	var volgende atomic.Int64
	werk := func() {
		for {
			i := int(volgende.Add(1)) - 1
			if i >= len(taken) {
				return
			}
			if fouten[i] = e.rekenEen(ctx, &taken[i]); fouten[i] != nil {
				volgende.Store(int64(len(taken))) // stop handing out work
				return
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(taken)) - 1 {
		wg.Go(werk)
	}
	werk()
	wg.Wait()
	for _, err := range fouten {
		if err != nil {
			return err
		}
	}
	return nil
}

// rekenEen evaluates the verdict on the question of one change.
func (e *Engine) rekenEen(ctx context.Context, t *wijziging) error {
	v, err := ast.InterfaceToValue(t.invoer)
	if err != nil {
		return fmt.Errorf("reken alternatief door: %w", err)
	}
	rs, err := e.oordeel.Eval(ctx, rego.EvalParsedInput(v))
	if err != nil {
		return evalFout(ctx, "reken alternatief door", err)
	}
	if len(rs) == 1 && len(rs[0].Expressions) == 1 {
		t.oordeel, t.bekend = rs[0].Expressions[0].Value, true
	}
	return nil
}
