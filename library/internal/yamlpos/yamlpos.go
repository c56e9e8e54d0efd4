// Package yamlpos reads YAML into plain JSON values and remembers, for every JSON pointer, the line and
// column where that value starts, so that schema and cross-reference errors can name a position.
package yamlpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Posities maps a JSON pointer ("" is the document) to its position in the YAML source.
type Posities map[string][2]int

// Zoek returns the position of pointer, or of its nearest ancestor that has one.
func (p Posities) Zoek(pointer string) (regel, kolom int) {
	for {
		if pos, ok := p[pointer]; ok {
			return pos[0], pos[1]
		}
		if pointer == "" {
			return 0, 0
		}
		i := strings.LastIndex(pointer, "/")
		if i < 0 {
			return 0, 0
		}
		pointer = pointer[:i]
	}
}

// SyntaxFout is a YAML syntax error with the line it was found on.
type SyntaxFout struct {
	Regel   int
	Bericht string
	Pointer string // the JSON pointer of the value, when the error is about one value
}

func (e *SyntaxFout) Error() string { return fmt.Sprintf("regel %d: %s", e.Regel, e.Bericht) }

var regelRe = regexp.MustCompile(`line (\d+): (.*)`)

// Lees parses one YAML document into JSON values: objects, arrays, strings, json.Number, bools and nil.
// Timestamps stay the string that was written. Anchors and aliases are resolved.
func Lees(src []byte) (any, Posities, error) {
	regels := editorRegels(src)
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if m := regelRe.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return nil, nil, &SyntaxFout{Regel: probleemRegel(src, m[2], regels.regel(n)), Bericht: m[2]}
		}
		return nil, nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil, errors.New("leeg document")
	}
	pos := Posities{}
	l := &lezer{pos: pos}
	v, err := l.omzetten(doc.Content[0], "", 0)
	for ptr, p := range pos {
		pos[ptr] = [2]int{regels.regel(p[0]), p[1]}
	}
	var se *SyntaxFout
	if errors.As(err, &se) {
		se.Regel = regels.regel(se.Regel)
	}
	return v, pos, err
}

// regelMap maps the line numbers of yaml.v3 to the lines an editor shows (see editorRegels).
type regelMap []int

// The YAML 1.1 line breaks that YAML 1.2, and editors, do not count: NEL, LS and PS.
var (
	nel = []byte("\u0085")
	ls  = []byte("\u2028")
	ps  = []byte("\u2029")
)

// editorRegels maps yaml.v3's lines to the lines an editor shows, so that an error names the line the
// kwartiermaker sees: yaml.v3 also ends a line at NEL, LS and PS (YAML 1.1), an editor only at \n, \r\n
// and \r (YAML 1.2); and yaml.v3 can name the line after the last one (an empty document after "---").
func editorRegels(src []byte) regelMap {
	m := regelMap{0, 1} // m[yaml-regel] = editorregel
	echt := 1
	for i := 0; i < len(src); {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			echt++
			m = append(m, echt)
			i += 2
		case src[i] == '\n' || src[i] == '\r':
			echt++
			m = append(m, echt)
			i++
		case bytes.HasPrefix(src[i:], nel):
			m = append(m, echt)
			i += len(nel)
		case bytes.HasPrefix(src[i:], ls), bytes.HasPrefix(src[i:], ps):
			m = append(m, echt)
			i += len(ls)
		default:
			i++
		}
	}
	return m
}

// regel is the editor's line for yaml.v3's line r (the last line for a line past the end).
func (m regelMap) regel(r int) int {
	switch {
	case r <= 0:
		return r
	case r >= len(m):
		return m[len(m)-1]
	}
	return m[r]
}

// maxWaarden bounds the number of values one document may expand to, so that nested aliases (a "billion
// laughs" document) cannot exhaust memory. The whole knowledge base has a few thousand values.
const maxWaarden = 200_000

type lezer struct {
	pos     Posities
	waarden int
}

// probleemRegel finds the line a syntax error is really on. yaml.v3 names the line where the enclosing
// block starts; the first prefix of the document (in whole lines) that fails with the same problem ends
// on the line with the defect. Found by bisection, so only a few parses, and only on the error path.
func probleemRegel(src []byte, probleem string, context int) int {
	regels := strings.SplitAfter(string(src), "\n")
	faalt := func(k int) bool {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(regels[:k], "")), &n)
		return err != nil && strings.Contains(err.Error(), probleem)
	}
	lo, hi := 1, len(regels)
	if !faalt(hi) {
		return context
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if faalt(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return max(lo, context)
}

func (l *lezer) omzetten(n *yaml.Node, ptr string, diepte int) (any, error) {
	l.waarden++
	if l.waarden > maxWaarden {
		return nil, &SyntaxFout{Regel: n.Line, Bericht: fmt.Sprintf("het document is groter dan %d waarden (geneste aliassen?)", maxWaarden)}
	}
	pos := l.pos
	if diepte > 100 {
		return nil, &SyntaxFout{Regel: n.Line, Bericht: "te diep genest"}
	}
	pos[ptr] = [2]int{n.Line, n.Column}
	switch n.Kind {
	case yaml.AliasNode:
		return l.omzetten(n.Alias, ptr, diepte+1)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return l.omzetten(n.Content[0], ptr, diepte+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, w := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &SyntaxFout{Regel: k.Line, Bericht: "een sleutel moet tekst zijn"}
			}
			if k.Value == "<<" {
				return nil, &SyntaxFout{Regel: k.Line, Bericht: "samenvoegsleutels (<<) worden niet ondersteund"}
			}
			if _, dubbel := m[k.Value]; dubbel {
				return nil, &SyntaxFout{Regel: k.Line, Bericht: fmt.Sprintf("sleutel %q staat er twee keer", k.Value)}
			}
			kind := ptr + "/" + escape(k.Value)
			v, err := l.omzetten(w, kind, diepte+1)
			if err != nil {
				return nil, err
			}
			pos[kind] = [2]int{k.Line, k.Column}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		lijst := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := l.omzetten(c, ptr+"/"+strconv.Itoa(i), diepte+1)
			if err != nil {
				return nil, err
			}
			lijst = append(lijst, v)
		}
		return lijst, nil
	case yaml.ScalarNode:
		v, err := scalar(n)
		var se *SyntaxFout
		if errors.As(err, &se) {
			se.Pointer = ptr
		}
		return v, err
	}
	return nil, &SyntaxFout{Regel: n.Line, Bericht: "onbekend YAML-element"}
}

func scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, &SyntaxFout{Regel: n.Line, Bericht: err.Error()}
		}
		return b, nil
	case "!!int", "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, &SyntaxFout{Regel: n.Line, Bericht: err.Error()}
		}
		if n.ShortTag() == "!!int" {
			var i int64
			if err := n.Decode(&i); err == nil {
				return json.Number(strconv.FormatInt(i, 10)), nil
			}
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, &SyntaxFout{Regel: n.Line, Bericht: fmt.Sprintf("%q is geen eindig getal", n.Value)}
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	}
	return n.Value, nil
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
