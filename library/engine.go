package library

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// Query is the decision every answer comes from.
const Query = "data.magikdelen.antwoord"

// QueryKern is the answer without alternatives (see ZonderAlternatieven).
const QueryKern = "data.magikdelen.kern"

// The decisions the engine evaluates: the answer with an empty list of vraagbaak links, which the
// engine fills from its vraagbaakIndex.
const (
	queryZonderVraagbaak     = "data.magikdelen.antwoord_zonder_vraagbaak"
	queryKernZonderVraagbaak = "data.magikdelen.kern_zonder_vraagbaak"
)

// Engine answers questions. It is created once by New and is safe for concurrent use.
type Engine struct {
	kb       *kennisbank.Kennisbank
	query    rego.PreparedEvalQuery
	klok     func() time.Time
	regels   map[string][]byte
	compiler *ast.Compiler // compiled once in New; other decisions (Matrix) reuse it
	store    storage.Store

	// query -> *luieQuery: every decision besides query (Evalueer, OpenFeiten, the parts of an answer),
	// each prepared on first use
	beslissingen sync.Map

	// inDelen: the answer comes in parts (alternatieven.go): query gives the core and the changes to
	// recompute; the verdict on each change and the choice are decisions prepared on first use.
	inDelen bool

	// lezen: whether the outcome of the open facts reads facts only through vraag.feit (gelezenfeiten.go)
	lezen leesBewaking

	// invoer: a bit for every fact of the knowledge base, to note which facts a value read (feitvolger.go);
	// zonderProefBasis: the trials of the open facts and the alternatives work everything out themselves (for
	// the tests that compare)
	invoer           *invoerIndeling
	zonderProefBasis bool

	// afh: the values that read parts of the question, shared between the engine's questions (invoerdelen.go);
	// nil: not shared. delen: whether the rules allow it, and the bits of every part of the input, worked out at
	// the engine's second question (a process that asks one question, the CLI, does not pay for it); vragen: the
	// questions so far.
	afh    *afhankelijkeCache
	delen  delenBewaking
	vragen atomic.Int64

	cache   *beslisCache   // nil: every question is evaluated (see MetCache)
	kernen  *kernGeheugen  // the cores of answers read before (kerngeheugen.go); nil: every core is read
	gedeeld *gedeeldeCache // the values of calls every evaluation shares (gedeeldecache.go); nil: none

	// vraagbaak gives the index of the vraagbaak links, made once (from New on, in the background: an answer
	// needs it only after its evaluation); nil: the rules rank the vraagbaak links themselves
	vraagbaak func() *vraagbaakIndex

	voorgecompileerd bool // the rules came compiled (voorgecompileerd.go)

	graafVan func() *ast.Graph // the dependency graph of the rules, built once (see graaf)
}

// graaf is the dependency graph of the engine's rules: the compiler's own, or for the embedded rules, which
// come compiled without it, built once from New on.
func (e *Engine) graaf() *ast.Graph {
	if e.graafVan == nil {
		if e.compiler == nil {
			return nil
		}
		return e.compiler.Graph
	}
	return e.graafVan()
}

type opties struct {
	kennisbank          fs.FS
	regels              fs.FS
	klok                func() time.Time
	zonderAlternatieven bool
	cacheMiB            int
}

// Optie configures New.
type Optie func(*opties)

// MetKennisbank loads the knowledge base from fsys instead of the embedded one, e.g. os.DirFS of a
// kwartiermaker's working copy of convenants/.
func MetKennisbank(fsys fs.FS) Optie { return func(o *opties) { o.kennisbank = fsys } }

// MetRegels loads the Rego policy from fsys instead of the embedded rules/.
func MetRegels(fsys fs.FS) Optie { return func(o *opties) { o.regels = fsys } }

// ZonderAlternatieven makes Beantwoord skip the alternatives ("wat is er nodig om dit wel te mogen?"),
// which re-evaluate the question with changed facts. For bulk evaluation; the answer is otherwise the same.
func ZonderAlternatieven() Optie { return func(o *opties) { o.zonderAlternatieven = true } }

// MetCache keeps answers in memory up to about mib MiB (least recently used out first; an answer counts
// twice its JSON, for the JSON and the decoded answer), so that a repeated question costs microseconds
// instead of an evaluation. The key is the knowledge-base version and the checked question with its date
// filled in: a question without a date is a new question the next day. Identical questions asked at the
// same time are evaluated once; errors are not kept. mib <= 0 (the default) means no cache. The cache
// belongs to the engine: an engine with another knowledge base starts empty.
func MetCache(mib int) Optie { return func(o *opties) { o.cacheMiB = mib } }

// MetKlok sets the clock that decides "today" for questions without a date.
func MetKlok(klok func() time.Time) Optie { return func(o *opties) { o.klok = klok } }

// New loads and validates the knowledge base, compiles the policy and prepares the query, once.
// A knowledge base with problems gives KennisbankFouten.
func New(ctx context.Context, opts ...Optie) (*Engine, error) {
	o := opties{kennisbank: convenants.FS, regels: rules.FS, klok: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	regels, err := kennisbank.LeesRegels(o.regels)
	if err != nil {
		return nil, err
	}
	// The knowledge base loads while the policy is parsed and compiled: the two do not depend on each
	// other. The built-in knowledge base with the built-in rules was checked when the program was built
	// (kennisbank/voorgeladen.go); anything else is loaded and checked in full.
	type kbUitslag struct {
		kb    *kennisbank.Kennisbank
		store storage.Store
		err   error
	}
	kbKlaar := make(chan kbUitslag, 1)
	go func() {
		var kb *kennisbank.Kennisbank
		ok := false
		if o.kennisbank == convenants.FS && o.regels == rules.FS {
			kb, ok = kennisbank.Voorgeladen()
		}
		if !ok {
			var err error
			if kb, err = kennisbank.Laad(o.kennisbank, regels); err != nil {
				kbKlaar <- kbUitslag{err: err}
				return
			}
		}
		// The store is made here too, while the policy compiles. AST values on read: the rules read the
		// knowledge base for every question, so it must not be converted again on every read.
		store := inmem.NewFromObjectWithOpts(map[string]any{"kennisbank": kb.Data()}, inmem.OptReturnASTValuesOnRead(true))
		kbKlaar <- kbUitslag{kb: kb, store: store}
	}()
	// The embedded rules come compiled (voorgecompileerd.go): only the compiler's indexes are built. When
	// that form is missing, and for other rules, the rules are parsed and compiled here; the embedded rules
	// are compiled with every check by the tests (TestIngebouwdZonderControles and the Rego tests), so they
	// skip the stages that check and change nothing, and the stages that change nothing in these rules
	// (TestIngebouwdOngewijzigd).
	var compiler *ast.Compiler
	var zuiver map[*ast.Term]bool // the calls the engine shares (gedeeldecache.go)
	var parseFout, compileFout error
	klaar := false
	if o.regels == rules.FS {
		if modules, nummers, ok := voorgecompileerdeModules(regels); ok {
			compiler, compileFout = compileer(modules, lichtOverslaan)
			klaar = compileFout == nil
			if klaar {
				zuiver = zuiverUit(compiler, nummers)
			}
		}
	}
	if !klaar {
		overslaan := []ast.StageID(nil)
		if o.regels == rules.FS {
			overslaan = ingebouwdOverslaan
		}
		var modules []*ast.Module
		if modules, parseFout = parseerRegels(regels); parseFout == nil {
			if compiler, compileFout = compileer(modules, overslaan); compileFout == nil {
				zuiver = zuivereAanroepen(compiler, compiler.Graph)
			}
		}
	}
	// A knowledge base with problems is reported before problems of the rules.
	kbu := <-kbKlaar
	if kbu.err != nil {
		return nil, kbu.err
	}
	kb := kbu.kb
	if parseFout != nil {
		return nil, parseFout
	}
	if compileFout != nil {
		return nil, compileFout
	}
	e := &Engine{kb: kb, klok: o.klok, regels: regels, compiler: compiler, voorgecompileerd: klaar, store: kbu.store, gedeeld: nieuweGedeeldeCache(zuiver), invoer: nieuweInvoerIndeling(nil, nil, kb.IDs("feiten")), afh: nieuweAfhankelijkeCache(), kernen: nieuwKernGeheugen()}
	// The dependency graph, when the compile did not build it, in the background: what needs it (which
	// values the alternatives and the open facts can follow, the parts of the question) comes after the
	// first evaluation, and the CLI's one question runs on the other core meanwhile.
	e.graafVan = sync.OnceValue(func() *ast.Graph { return bouwGraaf(compiler) })
	if compiler.Graph == nil {
		go e.graafVan()
	}
	query := Query
	if o.zonderAlternatieven {
		query = QueryKern
	}
	// The vraagbaak links come from a load-time index instead of the rules, when the rules offer the
	// answer without them (rules older than that rank in Rego).
	if e.heeftRegel("magikdelen", "antwoord_zonder_vraagbaak") {
		e.vraagbaak = sync.OnceValue(func() *vraagbaakIndex { return nieuweVraagbaakIndex(kb.Vraagbaak()) })
		go e.vraagbaak()
		query = queryZonderVraagbaak
		if o.zonderAlternatieven {
			query = queryKernZonderVraagbaak
		}
	}
	// Alternatives side by side, when the rules offer the answer in parts (older rules recompute them
	// one after another in the answer).
	if query == queryZonderVraagbaak && e.heeftRegel("magikdelen", "antwoord_in_delen") && e.heeftRegel("magikdelen.alternatieven", "milder_oordeel") {
		query, e.inDelen = queryInDelen, true
	}
	// The answer's value stays an AST term: evalueer reads it into the Antwoord (termlezen.go).
	pq, err := rego.New(append(e.basisArgs(), rego.Query(query), rego.GenerateJSON(alsTerm))...).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("compileer regels: %w", err)
	}
	e.query = pq
	if o.cacheMiB > 0 {
		e.cache = nieuweBeslisCache(int64(o.cacheMiB)<<20, 0)
	}
	return e, nil
}

// alleenControles are the compiler stages that only report errors (unused or duplicate imports, type
// and safety errors in heads, recursion, unknown functions, conflicts, deprecated or unsafe built-ins)
// and leave the compiled policy as it is. The safety check of rule bodies is not among them: it also
// reorders expressions.
var alleenControles = []ast.StageID{
	ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads, ast.StageCheckRecursion, ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins, ast.StageCheckDeprecatedBuiltins, ast.StageBuildRequiredCapabilities,
}

// ongewijzigdIngebouwd are compiler stages that can change a policy but leave the embedded rules as they
// are: their bodies are written in an order that is safe (the safety check would reorder them otherwise),
// they use no print calls, template strings or with-values that need rewriting, and none of their
// comprehensions can be indexed. Together they are a third of the compile. TestIngebouwdOngewijzigd
// compiles the embedded rules with every stage and with these skipped and fails, naming the stage, when a
// change to the rules makes one of them matter: then take it out of this list (or write the new body in
// a safe order).
var ongewijzigdIngebouwd = []ast.StageID{
	ast.StageCheckSafetyRuleBodies, ast.StageRewritePrintCalls, ast.StageRewriteTemplateStrings, ast.StageRewriteWithValues,
	ast.StageBuildComprehensionIndices,
}

// ingebouwdOverslaan are the stages skipped for the embedded rules.
var ingebouwdOverslaan = append(slices.Clip(alleenControles), ongewijzigdIngebouwd...)

// luieQuery is a decision that only some callers need (Matrix, OpenFeiten): prepared on first use, with
// the policy New compiled, and kept for every later call.
type luieQuery struct {
	once  sync.Once
	query rego.PreparedEvalQuery
	err   error
}

func (q *luieQuery) bereid(ctx context.Context, e *Engine, query string) (rego.PreparedEvalQuery, error) {
	q.once.Do(func() {
		// Not cancelled with the first caller's context: the prepared query is kept.
		q.query, q.err = rego.New(append(e.basisArgs(), rego.Query(query))...).PrepareForEval(context.WithoutCancel(ctx))
		if q.err != nil {
			q.err = fmt.Errorf("compileer regels: %w", q.err)
		}
	})
	return q.query, q.err
}

// Evalueer evaluates decision query of the rules (a reference such as "data.magikdelen.matrix") with
// invoer as its input, and gives the decision's value; both are plain JSON values (maps with text keys,
// lists, texts, numbers, booleans, nil). gedefinieerd is false when the rules give the decision no
// value. Each decision is prepared once per engine, on first use, with the policy New compiled, and is
// safe for concurrent use. The bulk questions of package library/bulk (the matrix, verschil, the domain
// lint) are built on it; a question's answer is Beantwoord.
func (e *Engine) Evalueer(ctx context.Context, query string, invoer map[string]any) (waarde any, gedefinieerd bool, err error) {
	// Bulk decisions read the shared calls but add none (virtuelecache.go).
	rs, err := e.resultaat(ctx, query, invoer, false, "evalueer regels")
	if err != nil {
		return nil, false, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, false, nil
	}
	return rs[0].Expressions[0].Value, true, nil
}

// binding evaluates query (prepared on first use) with invoer as input and gives the value its one result
// binds to naam. wat names the decision in errors, geen what the rules then did not give.
func (e *Engine) binding(ctx context.Context, query string, invoer any, naam, wat, geen string) (any, error) {
	rs, err := e.resultaat(ctx, query, invoer, true, wat)
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 || rs[0].Bindings[naam] == nil {
		return nil, fmt.Errorf("%s: geen %s (regels onvolledig)", wat, geen)
	}
	return rs[0].Bindings[naam], nil
}

// resultaat evaluates decision query (prepared on first use) with invoer as input; toevoegen: whether the
// evaluation adds to the calls the engine's evaluations share (evalueerQuery). wat names the decision in
// errors.
func (e *Engine) resultaat(ctx context.Context, query string, invoer any, toevoegen bool, wat string) (rego.ResultSet, error) {
	pq, err := e.voorbereid(ctx, query)
	if err != nil {
		return nil, err
	}
	// Converted at once: rego.EvalInput would first round-trip the input through JSON.
	v, err := ast.InterfaceToValue(invoer)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", wat, err)
	}
	rs, err := e.evalueerQuery(ctx, pq, toevoegen, rego.EvalParsedInput(v))
	if err != nil {
		return nil, evalFout(ctx, wat, err)
	}
	return rs, nil
}

// voorbereid gives decision query prepared: on its first use, then kept (safe for concurrent use).
func (e *Engine) voorbereid(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	q, ok := e.beslissingen.Load(query)
	if !ok {
		// Only the first call of a decision allocates; every later call finds it.
		q, _ = e.beslissingen.LoadOrStore(query, &luieQuery{})
	}
	return q.(*luieQuery).bereid(ctx, e, query)
}

// HeeftBeslissing reports whether the rules define decision query (e.g. "data.magikdelen.matrix"):
// older rules, as verschil compares them, lack some.
func (e *Engine) HeeftBeslissing(query string) bool {
	ref, err := ast.ParseRef(query)
	return err == nil && len(e.compiler.GetRulesExact(ref)) > 0
}

// heeftRegel: the policy defines data.<pakket>.<regel>.
func (e *Engine) heeftRegel(pakket, regel string) bool {
	return e.HeeftBeslissing("data." + pakket + "." + regel)
}

// Vandaag is today's date by the engine's clock (MetKlok) as JJJJ-MM-DD: the date of a question
// without one.
func (e *Engine) Vandaag() string { return e.klok().Format(time.DateOnly) }

// basisArgs are the options every prepared decision of this engine shares: the compiled policy and the
// knowledge base.
func (e *Engine) basisArgs() []func(*rego.Rego) {
	return []func(*rego.Rego){rego.Compiler(e.compiler), rego.Store(e.store)}
}

// parseerRegels parses Rego v1 modules with their METADATA, in a stable order.
func parseerRegels(regels map[string][]byte) ([]*ast.Module, error) { return parseer(regels, true) }

// parseer parses Rego v1 modules, with their METADATA if annotaties, in a stable order.
func parseer(regels map[string][]byte, annotaties bool) ([]*ast.Module, error) {
	paden := make([]string, 0, len(regels))
	for p := range regels {
		paden = append(paden, p)
	}
	sort.Strings(paden)
	// In parallel, one goroutine per CPU: parsing is a fifth of a start of the CLI.
	modules := make([]*ast.Module, len(paden))
	fouten := make([]error, len(paden))
	var volgende atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paden)) {
		wg.Go(func() {
			for {
				i := int(volgende.Add(1)) - 1
				if i >= len(paden) {
					return
				}
				p := paden[i]
				modules[i], fouten[i] = ast.ParseModuleWithOpts(p, string(regels[p]), ast.ParserOptions{ProcessAnnotation: annotaties, RegoVersion: ast.RegoV1})
				if fouten[i] != nil {
					fouten[i] = fmt.Errorf("parse %s: %w", p, fouten[i])
				}
			}
		})
	}
	wg.Wait()
	for _, err := range fouten {
		if err != nil {
			return nil, err // the first in path order, as before
		}
	}
	return modules, nil
}

// Kennisbank returns the loaded knowledge base (read-only).
func (e *Engine) Kennisbank() *kennisbank.Kennisbank { return e.kb }

// Beantwoord answers one question. Bad input gives a typed error (OnbekendeIDFout, TypeFout, DatumFout,
// OntbrekendVeldFout); the verdict itself is never an error. With MetCache a repeated question is served
// from the cache; the answer returned is the caller's own copy either way.
func (e *Engine) Beantwoord(ctx context.Context, v kennisbank.Vraag) (Antwoord, error) {
	item, err := e.antwoord(ctx, v, false)
	if err != nil {
		return Antwoord{}, err
	}
	if e.cache == nil && !item.deelt {
		return item.a, nil
	}
	return item.a.kloon(), nil
}

// Beslissing is an answer as the engine keeps it: read-only, shared by every caller that asked the same
// question. Its JSON costs nothing to reuse; Antwoord gives a copy of its own to change.
type Beslissing struct{ item *cacheItem }

// Oordeel is the verdict of the answer.
func (b *Beslissing) Oordeel() kennisbank.Oordeel { return b.item.a.Oordeel }

// JSON is the answer's JSON (encoding/json of the Antwoord, without a trailing newline). The engine keeps it
// in parts, most of them shared with other answers; the string is made on the first call and kept.
func (b *Beslissing) JSON() string {
	b.item.tekstEens.Do(func() { b.item.tekst = b.item.json.tekst() })
	return b.item.tekst
}

// AppendJSON appends the answer's JSON (as JSON gives it) to dst and returns the extended slice: for a server
// that writes the answer from a buffer of its own, without making the string.
func (b *Beslissing) AppendJSON(dst []byte) []byte { return b.item.json.voegToe(dst) }

// Antwoord gives the answer as the caller's own copy.
func (b *Beslissing) Antwoord() Antwoord { return b.item.a.kloon() }

// Beslis answers one question like Beantwoord, as a read-only Beslissing: with MetCache a repeated
// question costs a lookup, not a copy. For servers that write the JSON and read only the verdict.
func (e *Engine) Beslis(ctx context.Context, v kennisbank.Vraag) (*Beslissing, error) {
	item, err := e.antwoord(ctx, v, true)
	if err != nil {
		return nil, err
	}
	return &Beslissing{item: item}, nil
}

// antwoord checks the question and evaluates it, or takes it from the cache. The item returned may be
// the cache's own: callers copy before they hand it out. Without a cache the JSON is only encoded when
// metJSON asks for it; a cached item always has it.
func (e *Engine) antwoord(ctx context.Context, v kennisbank.Vraag, metJSON bool) (*cacheItem, error) {
	v, err := e.kb.Controleer(v, e.klok())
	if err != nil {
		return nil, err
	}
	if e.cache == nil {
		return e.evalueer(ctx, v, metJSON)
	}
	return e.uitCache(ctx, "", v, func(ctx context.Context) (*cacheItem, error) { return e.evalueer(ctx, v, true) })
}

// uitCache takes the result for a checked question from the cache, or computes it with bereken; soort
// keeps results of different decisions apart ("" the answer, "open" the open facts).
func (e *Engine) uitCache(ctx context.Context, soort string, v kennisbank.Vraag, bereken func(context.Context) (*cacheItem, error)) (*cacheItem, error) {
	sleutel, err := cacheSleutel(e.kb.Versie(), v)
	if err != nil {
		return nil, fmt.Errorf("vraag: %w", err)
	}
	if soort != "" {
		sleutel = soort + "\x00" + sleutel
	}
	return e.cache.haal(ctx, sleutel, bereken)
}

// evalueer runs the prepared decision for a checked question.
func (e *Engine) evalueer(ctx context.Context, v kennisbank.Vraag, metJSON bool) (*cacheItem, error) {
	u, err := e.regelsAntwoord(ctx, v)
	if err != nil {
		return nil, err
	}
	var a Antwoord
	var vast *gelezenKern
	if kern, ok := u.kern.(ast.Object); ok && u.vraag != nil && e.kernen != nil {
		// The core without the question: read once per core value (kerngeheugen.go), the question and the
		// alternatives for this question.
		if vast, err = e.kernen.lees(kern); err != nil {
			return nil, fmt.Errorf("lees antwoord: %w", err)
		}
		a = vast.a
		err = leesPerVraag(u, &a)
	} else {
		err = leesAntwoord(u, &a)
	}
	if err != nil {
		return nil, fmt.Errorf("lees antwoord: %w", err)
	}
	if e.vraagbaak != nil {
		a.Vraagbaak = e.vraagbaak().links(&a)
	}
	item := &cacheItem{a: a, deelt: vast != nil}
	if metJSON {
		// The JSON of the Antwoord, not of the rules' value: the contract is the struct's JSON.
		if item.json, err = antwoordJSON(&a, vast); err != nil {
			return nil, fmt.Errorf("lees antwoord: %w", err)
		}
	}
	return item, nil
}

// regelsUitkomst is the answer of the rules to a checked question, before the engine reads it into an
// Antwoord and adds the vraagbaak links.
type regelsUitkomst struct {
	// kern: the answer's term; when vraag is not nil, without the question (the rules give the answer in parts,
	// and the core is often a value the engine shares between questions, the same value each time).
	kern  ast.Value
	vraag ast.Value
	// alternatieven: the JSON of the alternatives the engine chose, in place of the core's own; nil when the
	// rules chose them.
	alternatieven []byte
}

// leesAntwoord reads the rules' answer into a: the core, the question when the rules give it apart, and the
// alternatives the engine chose in place of the core's own.
func leesAntwoord(u regelsUitkomst, a *Antwoord) error {
	if err := leesTerm(u.kern, a); err != nil {
		return err
	}
	return leesPerVraag(u, a)
}

// leesPerVraag reads into a what the rules' answer has besides the core: the question when the rules give it
// apart, and the alternatives the engine chose.
func leesPerVraag(u regelsUitkomst, a *Antwoord) error {
	if u.vraag != nil {
		a.Vraag = BeoordeeldeVraag{}
		if err := leesTerm(u.vraag, &a.Vraag); err != nil {
			return err
		}
	}
	if u.alternatieven != nil {
		a.Alternatieven = nil
		return json.Unmarshal(u.alternatieven, &a.Alternatieven)
	}
	return nil
}

// regelsAntwoord is the answer of the rules to a checked question (regelsUitkomst).
func (e *Engine) regelsAntwoord(ctx context.Context, v kennisbank.Vraag) (regelsUitkomst, error) {
	invoer, err := vraagAlsInvoer(v)
	if err != nil {
		return regelsUitkomst{}, err
	}
	if !e.inDelen {
		rs, err := e.evalueerQuery(ctx, e.query, true, rego.EvalInput(invoer))
		if err != nil {
			return regelsUitkomst{}, evalFout(ctx, "evalueer regels", err)
		}
		term, err := antwoordTerm(rs)
		if err != nil {
			return regelsUitkomst{}, err
		}
		return regelsUitkomst{kern: term.Value}, nil
	}
	// In parts: the evaluation of the question notes what each value read, as the basis of the alternatives
	// that change only facts (feitvolger.go; kiesAlternatieven checks that the rules allow it, when there are
	// alternatives).
	iv, err := ast.InterfaceToValue(invoer)
	if err != nil {
		return regelsUitkomst{}, fmt.Errorf("vraag: %w", err)
	}
	volgen := !e.zonderProefBasis
	rs, c, err := e.evalueerGevolgd(ctx, e.query, iv, volgen)
	var basis *proefBasis
	if volgen && err == nil {
		basis = e.proefBasis(c, iv)
		defer basis.terug()
	} else {
		defer c.terug()
	}
	if err != nil {
		return regelsUitkomst{}, evalFout(ctx, "evalueer regels", err)
	}
	term, err := antwoordTerm(rs)
	if err != nil {
		return regelsUitkomst{}, err
	}
	return e.uitDelen(ctx, term.Value, basis)
}

// antwoordTerm is the one value of the answer's result set.
func antwoordTerm(rs rego.ResultSet) (*ast.Term, error) {
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, errors.New("evalueer regels: geen antwoord (regels onvolledig)")
	}
	term, ok := rs[0].Expressions[0].Value.(*ast.Term)
	if !ok {
		return nil, errors.New("evalueer regels: antwoord zonder waarde")
	}
	return term, nil
}

// evalFout wraps an error of OPA's evaluation. When the context has ended it wraps the context's error
// too, so that callers can tell a time limit (errors.Is(err, context.DeadlineExceeded)) from a defect:
// OPA reports a cancellation during evaluation as an error of its own that does not wrap it.
func evalFout(ctx context.Context, wat string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return fmt.Errorf("%s: %w: %w", wat, ctxErr, err)
	}
	return fmt.Errorf("%s: %w", wat, err)
}

// vraagAlsInvoer gives the question as the plain JSON the rules read (the same as a bundle's input).
func vraagAlsInvoer(v kennisbank.Vraag) (map[string]any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("vraag: %w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("vraag: %w", err)
	}
	return m, nil
}
