package library

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The embedded rules are compiled when the program is built, not at every start: go generate compiles
// them (as New would, with ingebouwdOverslaan) and writes every compiled module as Rego text to
// voorgecompileerd.json, to read and to review, and what parsing that text gives, node for node, in a
// binary form to voorgecompileerd.ast (astvorm.go), which is embedded. New reads that form and only builds
// the compiler's rule tree and rule indices (lichtOverslaan): the rewriting stages have already run, and
// running them again on their own output changes nothing. Reading the binary form takes a quarter of the
// time that parsing the text took, with a sixth of the allocations.
// TestVoorgecompileerd fails when either file differs from a fresh compile or when the rules compiled from
// the binary form differ, rule for rule and expression for expression, from the rules compiled from rules/;
// at run time the form is only used when its fingerprint matches the embedded rules and this OPA version,
// so a forgotten go generate costs time, never a wrong answer. Other rules (MetRegels) are compiled in full.
//
// What the compiled form does not keep: the METADATA of the rules (the compile has already put every
// rego.metadata call's value in the rules) and the positions in rules/: an evaluation error of the
// built-in rules names the line of the compiled module in voorgecompileerd.json, not of its source.
//
//go:generate go test -run=^TestVoorgecompileerd$ -voorgecompileerd.bijwerken .

//go:embed voorgecompileerd.ast
var voorgecompileerdAST []byte

// voorgecompileerd is the compiled form of the embedded rules as go generate writes it.
type voorgecompileerd struct {
	Bron    string            `json:"bron"`    // regelsVingerafdruk of the rules and OPA version it was compiled from
	Modules map[string]string `json:"modules"` // per path in rules/: the compiled module as Rego text
	// Gegenereerd: per path, the expressions (numbered in ast.WalkExprs order) that the compiler added;
	// the text cannot say so.
	Gegenereerd map[string][]int `json:"gegenereerd"`
}

// lichtOverslaan are the stages New skips for the compiled rules: all but the ones that build the
// compiler's indexes from the rules (and the local variable generator, which keeps the variables the
// queries' compile adds apart from the rules'). Resolving the refs is skipped too: the compile already
// wrote every ref in a body in full (data.magikdelen.…), so resolving them again changed nothing but took
// a tenth of New's compile; TestVoorgecompileerd compares the rules, expression for expression, with
// rules/ compiled with every stage. The dependency graph is not built either: OPA needs it only for the
// checks, and the engine (bouwGraaf) builds it in the background from New, for what needs it after the
// first evaluation; the calls the engine shares, which need it at once, come worked out in the binary form.
// A stage a newer OPA adds is skipped too; the file of an older OPA is not used, and
// TestIngebouwdZonderControles compares the answers with those of rules/ compiled with every stage.
var lichtOverslaan = overslaanBehalve(lichtHouden...)

// lichtHouden are the stages New runs for the compiled rules.
var lichtHouden = []ast.StageID{ast.StageInitLocalVarGen, ast.StageSetModuleTree, ast.StageSetRuleTree, ast.StageBuildRuleIndices}

// lichtMetGraaf is lichtOverslaan with the dependency graph: how go generate compiles the binary form to
// work out the shared calls.
var lichtMetGraaf = overslaanBehalve(append(slices.Clone(lichtHouden), ast.StageSetGraph)...)

// overslaanBehalve is every stage but houden.
func overslaanBehalve(houden ...ast.StageID) []ast.StageID {
	var uit []ast.StageID
	for _, s := range ast.AllStages() {
		if !slices.Contains(houden, s) {
			uit = append(uit, s)
		}
	}
	return uit
}

// regelsVingerafdruk hashes the OPA version and the path and content of every rule file.
func regelsVingerafdruk(regels map[string][]byte) string {
	h := sha256.Sum256([]byte("opa " + version.Version + "\x00" + kennisbank.RegelsVingerafdruk(regels)))
	return hex.EncodeToString(h[:])
}

// schrijfVoorgecompileerd compiles regels as New compiles the embedded rules and encodes the result.
func schrijfVoorgecompileerd(regels map[string][]byte) ([]byte, error) {
	modules, err := parseerRegels(regels)
	if err != nil {
		return nil, err
	}
	c, err := compileer(modules, ingebouwdOverslaan)
	if err != nil {
		return nil, err
	}
	v := voorgecompileerd{Bron: regelsVingerafdruk(regels), Modules: map[string]string{}, Gegenereerd: map[string][]int{}}
	for pad, m := range c.Modules {
		v.Modules[pad] = moduleTekst(m)
		v.Gegenereerd[pad] = gegenereerd(m)
	}
	return json.MarshalIndent(v, "", "\t")
}

// moduleTekst is module m as Rego text without its METADATA and comments.
func moduleTekst(m *ast.Module) string {
	var b strings.Builder
	kaal := &ast.Module{Package: m.Package, Imports: m.Imports}
	b.WriteString(kaal.String())
	for _, r := range m.Rules {
		kopie := *r
		kopie.Annotations = nil
		b.WriteString("\n\n")
		b.WriteString(kopie.String())
	}
	b.WriteString("\n")
	return b.String()
}

// gegenereerd numbers the expressions of m in ast.WalkExprs order and gives those the compiler added.
func gegenereerd(m *ast.Module) []int {
	uit := []int{}
	i := 0
	ast.WalkExprs(m, func(x *ast.Expr) bool {
		if x.Generated {
			uit = append(uit, i)
		}
		i++
		return false
	})
	return uit
}

// compileer compiles modules (in the order of their paths) without the stages overslaan.
func compileer(modules []*ast.Module, overslaan []ast.StageID) (*ast.Compiler, error) {
	c := ast.NewCompiler().WithSkipStages(overslaan...)
	perPad := make(map[string]*ast.Module, len(modules))
	for _, m := range modules {
		perPad[m.Package.Location.File] = m
	}
	if c.Compile(perPad); c.Failed() {
		return nil, fmt.Errorf("compileer regels: %w", c.Errors)
	}
	return c, nil
}

// voorgecompileerdeModules reads the binary form of the embedded rules regels, when the embedded form is
// theirs (the fingerprint of these rules and this OPA version, one module per file) and reads well: the
// modules, and per path the numbers of the shared calls (zuiverUit); ok is false otherwise (then New
// compiles the rules themselves; TestVoorgecompileerd fails).
func voorgecompileerdeModules(regels map[string][]byte) (modules []*ast.Module, zuiver map[string][]int, ok bool) {
	return modulesUitVorm(voorgecompileerdAST, regels)
}

// modulesUitVorm reads the modules of the binary form vorm, when it is the compiled form of regels.
func modulesUitVorm(vorm []byte, regels map[string][]byte) (modules []*ast.Module, zuiver map[string][]int, ok bool) {
	bron, modules, zuiver, err := leesASTVorm(vorm)
	if err != nil || bron != regelsVingerafdruk(regels) || len(modules) != len(regels) {
		return nil, nil, false
	}
	for _, m := range modules {
		if _, ok := regels[m.Package.Location.File]; !ok {
			return nil, nil, false
		}
	}
	return modules, zuiver, true
}

// zuiverNummers numbers, per module path of c, the expressions (ast.WalkExprs order) that are calls in z.
func zuiverNummers(c *ast.Compiler, z map[*ast.Term]bool) map[string][]int {
	uit := map[string][]int{}
	for pad, m := range c.Modules {
		i := 0
		ast.WalkExprs(m, func(x *ast.Expr) bool {
			if x.IsCall() && z[x.Terms.([]*ast.Term)[0]] {
				uit[pad] = append(uit[pad], i)
			}
			i++
			return false
		})
	}
	return uit
}

// zuiverUit gives the calls of c that nummers numbers (zuiverNummers), as zuivereAanroepen gives them.
func zuiverUit(c *ast.Compiler, nummers map[string][]int) map[*ast.Term]bool {
	uit := map[*ast.Term]bool{}
	for pad, n := range nummers {
		m := c.Modules[pad]
		if m == nil || len(n) == 0 {
			continue
		}
		i := 0
		ast.WalkExprs(m, func(x *ast.Expr) bool {
			if _, ok := slices.BinarySearch(n, i); ok && x.IsCall() {
				uit[x.Terms.([]*ast.Term)[0]] = true
			}
			i++
			return false
		})
	}
	return uit
}

// bouwGraaf gives the dependency graph of c's rules: the compiler's own when it built one, or built as its
// stage builds it.
func bouwGraaf(c *ast.Compiler) *ast.Graph {
	if c.Graph != nil {
		return c.Graph
	}
	return ast.NewGraph(c.Modules, func(r ast.Ref) []*ast.Rule {
		return c.GetRulesDynamicWithOpts(r, ast.RulesOptions{IncludeHiddenModules: true})
	})
}

// schrijfASTVoorgecompileerd parses the compiled text of regels (the JSON that schrijfVoorgecompileerd
// wrote) as New did before the binary form, and writes what it gives in that form, with the calls the
// engine shares worked out on those modules compiled as New compiles them, with the dependency graph.
func schrijfASTVoorgecompileerd(tekstvorm []byte, regels map[string][]byte) ([]byte, error) {
	var v voorgecompileerd
	if err := json.Unmarshal(tekstvorm, &v); err != nil {
		return nil, err
	}
	modules, err := modulesUitTekst(&v, regels)
	if err != nil {
		return nil, err
	}
	vorm, err := schrijfASTVorm(v.Bron, modules, nil)
	if err != nil {
		return nil, err
	}
	// The modules as New reads them from the form, compiled as New compiles them plus the graph.
	_, gelezen, _, err := leesASTVorm(vorm)
	if err != nil {
		return nil, err
	}
	c, err := compileer(gelezen, lichtMetGraaf)
	if err != nil {
		return nil, err
	}
	return schrijfASTVorm(v.Bron, modules, zuiverNummers(c, zuivereAanroepen(c, c.Graph)))
}

// modulesUitTekst parses the compiled modules of v, when v is the compiled form of regels.
func modulesUitTekst(v *voorgecompileerd, regels map[string][]byte) ([]*ast.Module, error) {
	if v.Bron != regelsVingerafdruk(regels) || len(v.Modules) != len(regels) {
		return nil, errors.New("de gecompileerde tekst hoort niet bij deze regels")
	}
	teksten := make(map[string][]byte, len(v.Modules))
	for p, t := range v.Modules {
		if _, ok := regels[p]; !ok {
			return nil, fmt.Errorf("de gecompileerde tekst heeft %s, de regels niet", p)
		}
		teksten[p] = []byte(t)
	}
	modules, err := parseer(teksten, false)
	if err != nil {
		return nil, err
	}
	for _, m := range modules {
		markeerGegenereerd(m, v.Gegenereerd[m.Package.Location.File])
	}
	return modules, nil
}

// markeerGegenereerd sets Generated on the expressions numbered in nummers (ast.WalkExprs order).
func markeerGegenereerd(m *ast.Module, nummers []int) {
	if len(nummers) == 0 {
		return
	}
	i := 0
	ast.WalkExprs(m, func(x *ast.Expr) bool {
		if _, ok := slices.BinarySearch(nummers, i); ok {
			x.Generated = true
		}
		i++
		return false
	})
}
