package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
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
	var waarde any
	if e.heeftRegel("magikdelen.open", "in_delen") {
		waarde, err = e.openInDelen(ctx, invoer, e.alternatiefFeiten(v))
	} else {
		waarde, err = e.openBeslissing(ctx, QueryOpenFeiten, invoer)
	}
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(waarde)
	if err != nil {
		return nil, fmt.Errorf("lees open feiten: %w", err)
	}
	var open []openFeit
	if err := json.Unmarshal(raw, &open); err != nil {
		return nil, fmt.Errorf("lees open feiten: %w", err)
	}
	return &cacheItem{open: open}, nil
}

// The open facts in parts (rules that offer data.magikdelen.open.in_delen): the facts that are open without a
// trial, the question's outcome (verdict and checklist), and per fact to try the question with each of its
// trial values. Every trial is a question of its own, evaluated side by side; a fact changes the answer when
// the outcome of one of its trials differs from the question's (after the first, its other trials are
// skipped). The rules then put the facts in order (open.lijst). The same as the rules' open.feiten in one
// evaluation (TestOpenFeitenInDelen compares the two).
const (
	queryOpenInDelen = "data.magikdelen.open.in_delen"
	// queryOpenInDelenMet is queryOpenInDelen with the facts the alternatives of the answer name, from the
	// engine's cache, under the key invoerAlternatiefFeiten of the input; the rules themselves never read it,
	// and the trials carry it along unread.
	queryOpenInDelenMet     = "deel := data.magikdelen.open.in_delen_met(data.magikdelen.open.uit_alternatieven_van(input." + invoerAlternatiefFeiten + "))"
	invoerAlternatiefFeiten = "_alternatief_feiten"
	queryProef              = "data.magikdelen.open.uitkomst"
	queryOpenLijst          = "feiten := data.magikdelen.open.lijst(input)"
)

// openInDelen evaluates the open facts in parts. alternatiefFeiten: the facts the alternatives of the answer
// name, when the engine has that answer (nil: the rules work the alternatives out).
func (e *Engine) openInDelen(ctx context.Context, invoer map[string]any, alternatiefFeiten []any) (any, error) {
	query := queryOpenInDelen
	if alternatiefFeiten != nil {
		invoer = maps.Clone(invoer)
		invoer[invoerAlternatiefFeiten] = alternatiefFeiten
		query = queryOpenInDelenMet
	}
	iv, err := ast.InterfaceToValue(invoer)
	if err != nil {
		return nil, fmt.Errorf("evalueer open feiten: %w", err)
	}
	pqDelen, err := e.voorbereid(ctx, query)
	if err != nil {
		return nil, err
	}
	// The volger watches this evaluation: it works out the outcome too (uitkomst), and then says which facts
	// the outcome read and is the basis of the trials (feitvolger.go).
	volgen := !e.zonderProefBasis && e.feitenTeVolgen()
	rs, c, err := e.evalueerGevolgd(ctx, pqDelen, iv, volgen)
	if err != nil {
		c.terug()
		return nil, evalFout(ctx, "evalueer open feiten", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		c.terug()
		return nil, errors.New("evalueer open feiten: geen antwoord (regels onvolledig)")
	}
	var gelezen map[string]bool
	var basis *proefBasis
	if volgen {
		gelezen, basis = e.gelezenUit(c, iv)
	}
	if basis == nil {
		c.terug()
	}
	defer basis.terug()
	deel, _ := rs[0].Expressions[0].Value.(map[string]any)
	if alternatiefFeiten != nil {
		deel, _ = rs[0].Bindings["deel"].(map[string]any)
	}
	redenen, okRedenen := deel["redenen"].(map[string]any)
	proeven, okProeven := deel["proeven"].(map[string]any)
	uitkomst, okUitkomst := deel["uitkomst"]
	if !okRedenen || !okProeven || !okUitkomst {
		return nil, errors.New("evalueer open feiten: in delen zonder redenen, proeven of uitkomst (regels onvolledig)")
	}
	feiten, lijsten, err := perSoort(proeven, "proeven")
	if err != nil {
		return nil, err
	}
	pq, err := e.voorbereid(ctx, queryProef)
	if err != nil {
		return nil, err
	}
	// Only the facts the outcome reads can change it (gelezenfeiten.go), and a trial works out only what its
	// fact changes (feitvolger.go). When the volger could not say, an evaluation of the outcome with a tracer
	// says which facts it reads, and every trial works everything out.
	if basis == nil {
		if gelezen, err = e.gelezenFeiten(ctx, pq, iv, uitkomst, len(feiten) > 0); err != nil {
			return nil, err
		}
	}
	type proef struct {
		feit   int
		invoer any
	}
	var taken []proef
	for i, f := range feiten {
		if gelezen != nil && !gelezen[f] {
			continue // the outcome never asks for f: every trial of f gives the same outcome
		}
		for _, x := range lijsten[i] {
			taken = append(taken, proef{i, x})
		}
	}
	anders := make([]atomic.Bool, len(feiten))
	err = naastElkaar(len(taken), func(i int) error {
		t := taken[i]
		if anders[t.feit].Load() {
			return nil // the fact already changes the answer
		}
		v, err := ast.InterfaceToValue(t.invoer)
		if err != nil {
			return fmt.Errorf("evalueer open feiten: %w", err)
		}
		rs, c, err := e.evalueerIn(ctx, basis.proef(v), pq, true, rego.EvalParsedInput(v))
		c.terug()
		if err != nil {
			return evalFout(ctx, "evalueer open feiten", err)
		}
		// No outcome is no other outcome, as in the rules.
		if len(rs) == 1 && len(rs[0].Expressions) == 1 && !reflect.DeepEqual(rs[0].Expressions[0].Value, uitkomst) {
			anders[t.feit].Store(true)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	alle := maps.Clone(redenen)
	for i, f := range feiten {
		if anders[i].Load() {
			alle[f] = "verandert"
		}
	}
	return e.binding(ctx, queryOpenLijst, alle, "feiten", "evalueer open feiten", "lijst")
}

// alternatiefFeiten gives the facts that the alternatives of the answer to the checked question v name, when the
// engine's cache holds that answer (nothing is evaluated for it: the web page asks the open facts after the
// answer) and the rules take them (open.in_delen_met); nil otherwise.
func (e *Engine) alternatiefFeiten(v kennisbank.Vraag) []any {
	if e.cache == nil || !e.heeftRegel("magikdelen.open", "in_delen_met") {
		return nil
	}
	sleutel, err := cacheSleutel(e.kb.Versie(), v)
	if err != nil {
		return nil
	}
	item, ok := e.cache.kijk(sleutel)
	if !ok {
		return nil
	}
	var feiten []string
	for _, a := range item.a.Alternatieven {
		for f := range a.Feiten {
			feiten = append(feiten, f)
		}
	}
	slices.Sort(feiten)
	uit := []any{}
	for _, f := range slices.Compact(feiten) {
		uit = append(uit, f)
	}
	return uit
}

// gelezenFeiten evaluates the outcome of the question once with a feitLezer and gives the facts it read,
// or nil when every trial must run: no trials (nodig false), rules that may read facts another way, a
// fact asked for that is not a text, or an outcome other than the one the rules gave in parts. For when the
// volger could not say (gelezenUit).
func (e *Engine) gelezenFeiten(ctx context.Context, pq rego.PreparedEvalQuery, invoer ast.Value, uitkomst any, nodig bool) (map[string]bool, error) {
	if !nodig || !e.feitenAlleenViaFeit() {
		return nil, nil
	}
	l := &feitLezer{feiten: map[string]bool{}}
	rs, err := e.evalueerQuery(ctx, pq, true, rego.EvalParsedInput(invoer), rego.EvalQueryTracer(l))
	if err != nil {
		return nil, evalFout(ctx, "evalueer open feiten", err)
	}
	if l.onzeker || len(rs) != 1 || len(rs[0].Expressions) != 1 || !reflect.DeepEqual(rs[0].Expressions[0].Value, uitkomst) {
		return nil, nil
	}
	return l.feiten, nil
}

// gelezenUit gives the facts the outcome read, and the evaluation in c (of the question, with input invoer, that
// the volger watched) as the basis of the trials, when that evaluation worked out the outcome (open.uitkomst)
// in its outermost frame and knows what it read; nil otherwise.
func (e *Engine) gelezenUit(c *platteCache, invoer ast.Value) (map[string]bool, *proefBasis) {
	h := refUitkomst.Hash()
	r := c.zoek(refUitkomst, h)
	if r == nil && c.afh != nil {
		r = c.uitAfhankelijk(refUitkomst, h) // the evaluation took a value around it from an earlier question
	}
	if r == nil || !r.gevolgd || r.undefined || r.feiten&alleFeiten != 0 {
		return nil, nil
	}
	gelezen := map[string]bool{}
	for id, bit := range e.invoer.feiten {
		if r.feiten&bit != 0 {
			gelezen[id] = true
		}
	}
	return gelezen, e.proefBasis(c, invoer)
}

// openBeslissing evaluates one decision of the open facts (prepared on first use) for the question.
func (e *Engine) openBeslissing(ctx context.Context, query string, invoer map[string]any) (any, error) {
	rs, err := e.resultaat(ctx, query, invoer, true, "evalueer open feiten")
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("evalueer open feiten: geen antwoord (regels onvolledig)")
	}
	return rs[0].Expressions[0].Value, nil
}
