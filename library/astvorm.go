package library

import (
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ast/location"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/binair"
)

// The compiled rules as a compact binary form of their AST (astvorm), which New reads instead of parsing
// their Rego text: parsing that text was the largest part of starting the CLI (some 60 ms of processor
// time, a third of it the parser saving and restoring its state to look ahead). go generate parses the text
// as New did (voorgecompileerd.go) and writes what the parser made, node for node, with each node's place in
// that text; leesASTVorm builds the same nodes again with OPA's own constructors. TestASTVorm compares the
// two, node for node (type, text, place, index, generated), for every module; an evaluation error therefore
// names the same line of the compiled module as before.
//
// The form (internal/binair): "mkast1", the fingerprint of the rules it was compiled from, the table of
// texts, then the number of modules, and per module its path (a text), its Rego version, its package,
// imports and rules. Every node starts with its place (row, column); a text is its number in the table. Only the kinds of node
// the compiled rules hold are written: schrijfASTVorm fails on any other, so go generate fails rather than
// lose something. After a module's rules come the numbers (ast.WalkExprs order) of its expressions that call
// a function whose value the engine shares between evaluations (zuivereAanroepen), worked out at go generate
// with the dependency graph that New then need not build before the first question.

// astMagie starts the binary form; a different form gets a different version.
const astMagie = "mkast1"

// Kinds of term value and of expression in the binary form.
const (
	astNull byte = iota
	astOnwaar
	astWaar
	astGetal
	astTekst
	astVar
	astRef
	astLijst
	astObject
	astVerzameling
	astLijstComp
	astObjectComp
	astVerzamelingComp
	astAanroep

	exprTerm  byte = 0
	exprTerms byte = 1
	exprSome  byte = 2
	exprEvery byte = 3
)

// astSchrijver writes the binary form.
type astSchrijver struct{ *binair.Schrijver }

func (w astSchrijver) plek(l *ast.Location, bestand string) error {
	if l == nil {
		return errors.New("knoop zonder plek")
	}
	if l.File != bestand {
		return fmt.Errorf("knoop uit %q in %q", l.File, bestand)
	}
	w.Getal(l.Row)
	w.Getal(l.Col)
	return nil
}

// schrijfASTVorm writes modules (parsed from the compiled text, in path order) in the binary form, with
// bron, the fingerprint of the rules they were compiled from, and per module path the numbers of its shared
// calls (zuiver).
func schrijfASTVorm(bron string, modules []*ast.Module, zuiver map[string][]int) ([]byte, error) {
	w := astSchrijver{binair.NieuweSchrijver()}
	w.Getal(len(modules))
	for _, m := range modules {
		if err := w.module(m); err != nil {
			return nil, fmt.Errorf("astvorm %s: %w", m.Package.Location.File, err)
		}
		nummers := zuiver[m.Package.Location.File]
		w.Getal(len(nummers))
		for _, n := range nummers {
			w.Getal(n)
		}
	}
	return w.Vorm(astMagie, bron), nil
}

func (w astSchrijver) module(m *ast.Module) error {
	if len(m.Annotations) > 0 || len(m.Comments) > 0 {
		return errors.New("module met METADATA of commentaar")
	}
	bestand := m.Package.Location.File
	w.Tekst(bestand)
	w.Getal(int(m.RegoVersion()))
	if err := w.plek(m.Package.Location, bestand); err != nil {
		return err
	}
	if err := w.termen(m.Package.Path, bestand); err != nil {
		return err
	}
	w.Getal(len(m.Imports))
	for _, imp := range m.Imports {
		if imp.AliasLocation != nil {
			return errors.New("import met alias")
		}
		if err := w.plek(imp.Location, bestand); err != nil {
			return err
		}
		if err := w.term(imp.Path, bestand); err != nil {
			return err
		}
		w.Tekst(string(imp.Alias))
	}
	w.Getal(len(m.Rules))
	for _, r := range m.Rules {
		if err := w.regel(r, bestand); err != nil {
			return err
		}
	}
	return nil
}

func (w astSchrijver) regel(r *ast.Rule, bestand string) error {
	if len(r.Annotations) > 0 {
		return errors.New("regel met METADATA")
	}
	if err := w.plek(r.Location, bestand); err != nil {
		return err
	}
	w.Vlag(r.Default)
	h := r.Head
	if err := w.plek(h.Location, bestand); err != nil {
		return err
	}
	w.Tekst(string(h.Name))
	w.Vlag(h.Assign)
	if err := w.termen(h.Reference, bestand); err != nil {
		return err
	}
	if err := w.termen(h.Args, bestand); err != nil {
		return err
	}
	if err := w.optioneleTerm(h.Key, bestand); err != nil {
		return err
	}
	if err := w.optioneleTerm(h.Value, bestand); err != nil {
		return err
	}
	if err := w.lijf(r.Body, bestand); err != nil {
		return err
	}
	w.Vlag(r.Else != nil)
	if r.Else != nil {
		return w.regel(r.Else, bestand)
	}
	return nil
}

func (w astSchrijver) lijf(b ast.Body, bestand string) error {
	w.Getal(len(b))
	for _, x := range b {
		if err := w.expr(x, bestand); err != nil {
			return err
		}
	}
	return nil
}

func (w astSchrijver) expr(x *ast.Expr, bestand string) error {
	if err := w.plek(x.Location, bestand); err != nil {
		return err
	}
	w.Getal(x.Index)
	w.Vlag(x.Generated)
	w.Vlag(x.Negated)
	w.Getal(len(x.With))
	for _, with := range x.With {
		if err := w.plek(with.Location, bestand); err != nil {
			return err
		}
		if err := w.term(with.Target, bestand); err != nil {
			return err
		}
		if err := w.term(with.Value, bestand); err != nil {
			return err
		}
	}
	switch t := x.Terms.(type) {
	case *ast.Term:
		w.Byte(exprTerm)
		return w.term(t, bestand)
	case []*ast.Term:
		w.Byte(exprTerms)
		return w.termen(t, bestand)
	case *ast.SomeDecl:
		w.Byte(exprSome)
		if err := w.plek(t.Location, bestand); err != nil {
			return err
		}
		return w.termen(t.Symbols, bestand)
	case *ast.Every:
		w.Byte(exprEvery)
		if err := w.plek(t.Location, bestand); err != nil {
			return err
		}
		for _, d := range []*ast.Term{t.Key, t.Value, t.Domain} {
			if err := w.optioneleTerm(d, bestand); err != nil {
				return err
			}
		}
		return w.lijf(t.Body, bestand)
	}
	return fmt.Errorf("expressie van soort %T", x.Terms)
}

func (w astSchrijver) optioneleTerm(t *ast.Term, bestand string) error {
	w.Vlag(t != nil)
	if t == nil {
		return nil
	}
	return w.term(t, bestand)
}

// termen writes a list of terms: its length plus one, or 0 for nil (a rule's arguments can be an empty
// list, which is not nil).
func (w astSchrijver) termen(ts []*ast.Term, bestand string) error {
	if ts == nil {
		w.Getal(0)
		return nil
	}
	w.Getal(len(ts) + 1)
	for _, t := range ts {
		if err := w.term(t, bestand); err != nil {
			return err
		}
	}
	return nil
}

func (w astSchrijver) term(t *ast.Term, bestand string) error {
	if err := w.plek(t.Location, bestand); err != nil {
		return err
	}
	switch v := t.Value.(type) {
	case ast.Null:
		w.Byte(astNull)
	case ast.Boolean:
		if v {
			w.Byte(astWaar)
		} else {
			w.Byte(astOnwaar)
		}
	case ast.Number:
		w.Byte(astGetal)
		w.Tekst(string(v))
	case ast.String:
		w.Byte(astTekst)
		w.Tekst(string(v))
	case ast.Var:
		w.Byte(astVar)
		w.Tekst(string(v))
	case ast.Ref:
		w.Byte(astRef)
		return w.termen(v, bestand)
	case ast.Call:
		w.Byte(astAanroep)
		return w.termen(v, bestand)
	case *ast.Array:
		w.Byte(astLijst)
		elems := make([]*ast.Term, v.Len())
		for i := range elems {
			elems[i] = v.Elem(i)
		}
		return w.termen(elems, bestand)
	case ast.Object:
		w.Byte(astObject)
		w.Getal(v.Len())
		var err error
		v.Foreach(func(k, x *ast.Term) {
			if err == nil {
				err = w.term(k, bestand)
			}
			if err == nil {
				err = w.term(x, bestand)
			}
		})
		return err
	case ast.Set:
		w.Byte(astVerzameling)
		return w.termen(v.Slice(), bestand)
	case *ast.ArrayComprehension:
		w.Byte(astLijstComp)
		if err := w.term(v.Term, bestand); err != nil {
			return err
		}
		return w.lijf(v.Body, bestand)
	case *ast.SetComprehension:
		w.Byte(astVerzamelingComp)
		if err := w.term(v.Term, bestand); err != nil {
			return err
		}
		return w.lijf(v.Body, bestand)
	case *ast.ObjectComprehension:
		w.Byte(astObjectComp)
		if err := w.term(v.Key, bestand); err != nil {
			return err
		}
		if err := w.term(v.Value, bestand); err != nil {
			return err
		}
		return w.lijf(v.Body, bestand)
	default:
		return fmt.Errorf("term van soort %T", t.Value)
	}
	return nil
}

// astLezer reads the binary form. Terms, places and expressions come from blocks allocated a few hundred
// at a time instead of one by one.
type astLezer struct {
	*binair.Lezer
	// blocks of nodes still to hand out
	termBlok []ast.Term
	plekBlok []location.Location
	exprBlok []ast.Expr
}

// leesASTVorm reads the fingerprint, the modules and the numbers of the shared calls per module path of the
// binary form.
func leesASTVorm(vorm []byte) (bron string, modules []*ast.Module, zuiver map[string][]int, err error) {
	bron, l, err := binair.Lees(vorm, astMagie)
	if err != nil {
		return "", nil, nil, fmt.Errorf("astvorm: %w", err)
	}
	r := &astLezer{Lezer: l}
	aantal := r.Getal()
	zuiver = map[string][]int{}
	for range aantal {
		if r.Fout() != nil {
			break
		}
		m := r.module()
		modules = append(modules, m)
		if k := r.Getal(); k > 0 && r.Fout() == nil {
			nummers := make([]int, 0, k)
			for range k {
				nummers = append(nummers, r.Getal())
			}
			zuiver[m.Package.Location.File] = nummers
		}
	}
	if err := r.Einde(); err != nil {
		return "", nil, nil, fmt.Errorf("astvorm: %w", err)
	}
	return bron, modules, zuiver, nil
}

// tekst reads a text of the table.
func (r *astLezer) tekst() string { return r.Tabel(r.Tekst()) }

func (r *astLezer) plek(bestand string) *ast.Location {
	if len(r.plekBlok) == 0 {
		r.plekBlok = make([]location.Location, 512)
	}
	l := &r.plekBlok[0]
	r.plekBlok = r.plekBlok[1:]
	l.File, l.Row, l.Col = bestand, r.Getal(), r.Getal()
	return l
}

func (r *astLezer) module() *ast.Module {
	bestand := r.tekst()
	m := &ast.Module{}
	m.SetRegoVersion(ast.RegoVersion(r.Getal()))
	m.Package = &ast.Package{Location: r.plek(bestand)}
	m.Package.Path = ast.Ref(r.termen(bestand))
	if n := r.Getal(); n > 0 {
		m.Imports = make([]*ast.Import, n)
		for i := range m.Imports {
			imp := &ast.Import{Location: r.plek(bestand)}
			imp.Path = r.term(bestand)
			imp.Alias = ast.Var(r.tekst())
			m.Imports[i] = imp
		}
	}
	n := r.Getal()
	m.Rules = make([]*ast.Rule, 0, n)
	for range n {
		if r.Fout() != nil {
			break
		}
		m.Rules = append(m.Rules, r.regel(m, bestand))
	}
	return m
}

func (r *astLezer) regel(m *ast.Module, bestand string) *ast.Rule {
	rule := &ast.Rule{Location: r.plek(bestand), Module: m}
	rule.Default = r.Vlag()
	h := &ast.Head{Location: r.plek(bestand)}
	h.Name = ast.Var(r.tekst())
	h.Assign = r.Vlag()
	h.Reference = ast.Ref(r.termen(bestand))
	h.Args = ast.Args(r.termen(bestand))
	h.Key = r.optioneleTerm(bestand)
	h.Value = r.optioneleTerm(bestand)
	rule.Head = h
	rule.Body = r.lijf(bestand)
	if r.Vlag() && r.Fout() == nil {
		rule.Else = r.regel(m, bestand)
	}
	return rule
}

func (r *astLezer) lijf(bestand string) ast.Body {
	n := r.Getal()
	if r.Fout() != nil {
		return nil
	}
	b := make(ast.Body, n)
	for i := range b {
		b[i] = r.expr(bestand)
		if r.Fout() != nil {
			return b[:i]
		}
	}
	return b
}

func (r *astLezer) expr(bestand string) *ast.Expr {
	if len(r.exprBlok) == 0 {
		r.exprBlok = make([]ast.Expr, 256)
	}
	x := &r.exprBlok[0]
	r.exprBlok = r.exprBlok[1:]
	x.Location = r.plek(bestand)
	x.Index = r.Getal()
	x.Generated = r.Vlag()
	x.Negated = r.Vlag()
	if n := r.Getal(); n > 0 {
		x.With = make([]*ast.With, n)
		for i := range x.With {
			w := &ast.With{Location: r.plek(bestand)}
			w.Target = r.term(bestand)
			w.Value = r.term(bestand)
			x.With[i] = w
		}
	}
	switch soort := r.Byte(); soort {
	case exprTerm:
		x.Terms = r.term(bestand)
	case exprTerms:
		x.Terms = r.termen(bestand)
	case exprSome:
		s := &ast.SomeDecl{Location: r.plek(bestand)}
		s.Symbols = r.termen(bestand)
		x.Terms = s
	case exprEvery:
		e := &ast.Every{Location: r.plek(bestand)}
		e.Key, e.Value, e.Domain = r.optioneleTerm(bestand), r.optioneleTerm(bestand), r.optioneleTerm(bestand)
		e.Body = r.lijf(bestand)
		x.Terms = e
	default:
		r.Misvormd(fmt.Errorf("expressie van soort %d", soort))
	}
	return x
}

func (r *astLezer) optioneleTerm(bestand string) *ast.Term {
	if !r.Vlag() {
		return nil
	}
	return r.term(bestand)
}

// termen reads a list of terms as termen wrote it.
func (r *astLezer) termen(bestand string) []*ast.Term {
	n := r.Getal()
	if n == 0 || r.Fout() != nil {
		return nil
	}
	ts := make([]*ast.Term, n-1)
	for i := range ts {
		ts[i] = r.term(bestand)
	}
	return ts
}

func (r *astLezer) term(bestand string) *ast.Term {
	if len(r.termBlok) == 0 {
		r.termBlok = make([]ast.Term, 1024)
	}
	t := &r.termBlok[0]
	r.termBlok = r.termBlok[1:]
	t.Location = r.plek(bestand)
	switch soort := r.Byte(); soort {
	case astNull:
		t.Value = ast.Null{}
	case astOnwaar:
		t.Value = ast.Boolean(false)
	case astWaar:
		t.Value = ast.Boolean(true)
	case astGetal:
		t.Value = ast.Number(r.tekst())
	case astTekst:
		t.Value = ast.String(r.tekst())
	case astVar:
		t.Value = ast.Var(r.tekst())
	case astRef:
		t.Value = ast.Ref(r.termen(bestand))
	case astAanroep:
		t.Value = ast.Call(r.termen(bestand))
	case astLijst:
		t.Value = ast.NewArray(r.termen(bestand)...)
	case astObject:
		n := r.Getal()
		paren := make([][2]*ast.Term, 0, n)
		for range n {
			if r.Fout() != nil {
				break
			}
			k := r.term(bestand)
			paren = append(paren, [2]*ast.Term{k, r.term(bestand)})
		}
		t.Value = ast.NewObject(paren...)
	case astVerzameling:
		t.Value = ast.NewSet(r.termen(bestand)...)
	case astLijstComp:
		c := &ast.ArrayComprehension{Term: r.term(bestand)}
		c.Body = r.lijf(bestand)
		t.Value = c
	case astVerzamelingComp:
		c := &ast.SetComprehension{Term: r.term(bestand)}
		c.Body = r.lijf(bestand)
		t.Value = c
	case astObjectComp:
		c := &ast.ObjectComprehension{Key: r.term(bestand)}
		c.Value = r.term(bestand)
		c.Body = r.lijf(bestand)
		t.Value = c
	default:
		r.Misvormd(fmt.Errorf("term van soort %d", soort))
		t.Value = ast.Null{}
	}
	return t
}
