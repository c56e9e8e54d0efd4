package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// QueryOpenFeiten is the decision behind OpenFeiten: the facts that can still change the answer.
const QueryOpenFeiten = "data.magikdelen.open.feiten"

// OpenFeiten returns the facts that the question does not give and that can still change its answer,
// most decisive first: the facts the verdict misses (RedenOntbrekend), the facts an alternative needs
// (RedenAlternatief), and every other fact of the knowledge base for which one of its values, evaluated
// by the same rules, gives another verdict or checklist (RedenVerandert); within each group in the order
// of feiten.yaml. Nothing here is a hand-written decision tree: the rules decide (rules/open). An empty
// list means no unknown fact can change the answer. Bad input gives the same typed errors as Beantwoord.
func (e *Engine) OpenFeiten(ctx context.Context, v kennisbank.Vraag) ([]kennisbank.Feitvraag, error) {
	v, err := e.kb.Controleer(v, e.klok())
	if err != nil {
		return nil, err
	}
	var item *cacheItem
	if e.cache == nil {
		item, err = e.evalueerOpen(ctx, v)
	} else {
		// With MetCache the open facts of a question are kept beside its answer (the web page asks both).
		item, err = e.uitCache(ctx, "open", v, func(ctx context.Context) (*cacheItem, error) { return e.evalueerOpen(ctx, v) })
	}
	if err != nil {
		return nil, err
	}
	out := make([]kennisbank.Feitvraag, 0, len(item.open))
	for _, o := range item.open {
		f, ok := e.kb.Feitvraag(o.ID)
		if !ok {
			return nil, fmt.Errorf("open feit %q staat niet in de kennisbank", o.ID)
		}
		f.Reden = o.Reden
		out = append(out, f)
	}
	return out, nil
}

// openFeit is one open fact as the rules give it: its id and why it is open.
type openFeit struct{ ID, Reden string }

// evalueerOpen runs the decision of OpenFeiten for a checked question.
func (e *Engine) evalueerOpen(ctx context.Context, v kennisbank.Vraag) (*cacheItem, error) {
	invoer, err := vraagAlsInvoer(v)
	if err != nil {
		return nil, err
	}
	query, err := e.open.bereid(ctx, e, QueryOpenFeiten)
	if err != nil {
		return nil, err
	}
	rs, err := query.Eval(ctx, rego.EvalInput(invoer))
	if err != nil {
		return nil, evalFout(ctx, "evalueer open feiten", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("evalueer open feiten: geen antwoord (regels onvolledig)")
	}
	raw, err := json.Marshal(rs[0].Expressions[0].Value)
	if err != nil {
		return nil, fmt.Errorf("lees open feiten: %w", err)
	}
	var open []openFeit
	if err := json.Unmarshal(raw, &open); err != nil {
		return nil, fmt.Errorf("lees open feiten: %w", err)
	}
	return &cacheItem{open: open}, nil
}
