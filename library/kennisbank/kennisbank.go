package kennisbank

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/yamlpos"
)

const schemaPad = "schema/kennisbank.schema.json"

// vasteBestanden are the knowledge-base files with one list each, and the schema definition that
// validates them. Covenants live in convenanten/<id>.yaml and use the definition "convenant".
var vasteBestanden = []struct{ pad, soort string }{
	{"partijen.yaml", "partijen"},
	{"gegevens.yaml", "gegevens"},
	{"doelen.yaml", "doelen"},
	{"feiten.yaml", "feiten"},
	{"voorwaarden.yaml", "voorwaarden"},
	{"oordelen.yaml", "oordelen"},
	{"grondslagen.yaml", "grondslagen"},
	{"routes.yaml", "routes"},
}

// Kennisbank is a loaded and validated knowledge base: the data document the rules evaluate against,
// plus the vocabulary the library needs to check questions. It is read-only after loading.
type Kennisbank struct {
	data             map[string]any // the document under data.kennisbank
	versie           string
	delen            map[string]string   // file path (convenants/…, rules/…) -> sha256 of its content
	ids              map[string][]string // vocabulary: soort -> sorted ids
	vraagbaak        []Vraagbaakitem     // sorted by id; see vraagbaakLaden
	woorden          woordenschat        // the typed vocabulary, derived from data (woordenschat.go)
	getypeerd        getypeerd           // the typed covenants, decoded on first use (convenant.go)
	woordenGetypeerd getypeerdeWoorden   // the typed parties, categories and conditions, decoded on first use (partij.go)

	// vraagbaakLaden gives the vraagbaak of a pre-validated knowledge base, decoded in the background once it
	// was read (voorgeladen.go); nil: vraagbaak holds it
	vraagbaakLaden func() []Vraagbaakitem
}

// Versie is the content hash of the rules and the knowledge base ("sha256:…").
func (k *Kennisbank) Versie() string { return k.versie }

// Bestanden gives the content hash of each file the version covers: path (convenants/…, rules/…) ->
// sha256. Empty for a knowledge base that was not read from files.
func (k *Kennisbank) Bestanden() map[string]string { return maps.Clone(k.delen) }

// Data returns the document that the rules see as data.kennisbank. Callers must not modify it.
func (k *Kennisbank) Data() map[string]any { return k.data }

// IDs returns the known ids of a vocabulary ("partijen", "gegevens", "doelen", "convenanten",
// "feiten", "voorwaarden", "grondslagen", "organisaties", "fasen", "vraagbaak"), sorted.
func (k *Kennisbank) IDs(soort string) []string { return append([]string(nil), k.ids[soort]...) }

// Volgorde is the position of an entry in its file, for lists in the kwartiermaker's order; an unknown
// entry comes after all others.
func (k *Kennisbank) Volgorde(soort, id string) int { return k.volgorde(soort, id) }

// volgorde is the position of an entry in its file (the loader's "volgorde"), or a large number.
func (k *Kennisbank) volgorde(soort, id string) int {
	if n, ok := k.Item(soort, id)["volgorde"].(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return int(i)
		}
	}
	return 1 << 30
}

// Item returns one entry of a vocabulary as a plain JSON value, or nil.
func (k *Kennisbank) Item(soort, id string) map[string]any {
	m, _ := k.data[soort].(map[string]any)
	v, _ := m[id].(map[string]any)
	return v
}

type bestand struct {
	pad    string
	inhoud []byte
	waarde any
	pos    yamlpos.Posities
	tekst  string // vraagbaak: the Markdown body under the front matter
	regel  int    // vraagbaak: the line the body starts on
}

// laadKennisbank reads, validates and indexes the knowledge base in fsys. regels are the policy files
// (path -> content) that go into the version hash.
func Laad(fsys fs.FS, regels map[string][]byte) (*Kennisbank, error) {
	b, err := laad(fsys, regels)
	if err != nil {
		return nil, err
	}
	return b.kb, nil
}

// laad reads, validates and indexes the knowledge base. When the files are valid YAML and match the
// schema it also returns the index, even with cross-reference errors, so that Controleer can lint it.
func laad(fsys fs.FS, regels map[string][]byte) (*bouwer, error) {
	schemaBytes, err := fs.ReadFile(fsys, schemaPad)
	if err != nil {
		return nil, fmt.Errorf("lees schema: %w", err)
	}
	sch, err := schemaVan(schemaBytes)
	if err != nil {
		return nil, err
	}
	var fouten KennisbankFouten
	var alle []*bestand
	// onvolledig are the vocabularies that a file which could not be indexed may define: references to
	// them are not checked, as they would be reported missing for no other reason.
	onvolledig := map[string]bool{}
	nietGelezen := func(soort string) {
		switch soort {
		case "convenant":
			for _, s := range []string{"convenanten", "doelen", "fasen", "organisaties", "routes"} {
				onvolledig[s] = true
			}
		case "vraagbaakitem":
			onvolledig["vraagbaak"] = true
		}
	}
	var valideer func(b *bestand, soort string) *bestand
	lees := func(pad, soort string) *bestand {
		inhoud, err := fs.ReadFile(fsys, pad)
		if err != nil {
			fouten = append(fouten, KennisbankFout{Soort: "bestand_ontbreekt", Bestand: pad, Bericht: "bestand ontbreekt of is onleesbaar: " + err.Error()})
			nietGelezen(soort)
			return nil
		}
		waarde, pos, err := yamlpos.Lees(inhoud)
		if err != nil {
			fouten = append(fouten, yamlFout(pad, err, 0))
			nietGelezen(soort)
			return nil
		}
		return valideer(&bestand{pad: pad, inhoud: inhoud, waarde: waarde, pos: pos}, soort)
	}
	valideer = func(b *bestand, soort string) *bestand {
		f, schemaGoed, err := sch.controleer(b, soort)
		if err != nil {
			fouten = append(fouten, KennisbankFout{Soort: "schema", Bestand: schemaPad, Bericht: "schema: " + err.Error()})
			return nil
		}
		fouten = append(fouten, f...)
		if !schemaGoed {
			// A file that breaks the schema but has the shape the index needs still takes part in the
			// cross-reference checks, so that one run reports the findings of every phase.
			if soort != "vraagbaakitem" && goedeVorm(b.waarde, soort) {
				return b
			}
			nietGelezen(soort)
			return nil
		}
		if len(f) > 0 {
			return b
		}
		alle = append(alle, b)
		return b
	}

	vast := map[string]*bestand{}
	for _, vb := range vasteBestanden {
		if b := lees(vb.pad, vb.soort); b != nil {
			vast[vb.soort] = b
		}
	}
	convPaden, err := fs.Glob(fsys, "convenanten/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("zoek convenanten: %w", err)
	}
	sort.Strings(convPaden)
	var convenanten []*bestand
	for _, p := range convPaden {
		if b := lees(p, "convenant"); b != nil {
			convenanten = append(convenanten, b)
		}
	}
	vraagbaak, vbFouten, err := leesVraagbaak(fsys, func(b *bestand) *bestand { return valideer(b, "vraagbaakitem") })
	if err != nil {
		return nil, err
	}
	fouten = append(fouten, vbFouten...)
	if len(vbFouten) > 0 {
		nietGelezen("vraagbaakitem")
	}
	if len(fouten) > 0 && len(vast) < len(vasteBestanden) {
		return nil, fouten // without every fixed file, the references cannot be checked
	}

	kb := bouw(vast, convenanten, vraagbaak)
	kb.onvolledig = onvolledig
	fouten = append(fouten, kb.controleer()...)
	if len(fouten) > 0 {
		return kb, fouten
	}
	kb.kb.versie, kb.kb.delen = versie(alle, fsys, regels)
	kb.kb.data["versie"] = kb.kb.versie
	return kb, nil
}

// yamlFout is a file that yamlpos cannot read, with the line of the defect when it has one; eerste is the
// number of lines in the file before the YAML (the --- of a vraagbaak entry's front matter).
func yamlFout(pad string, err error, eerste int) KennisbankFout {
	f := KennisbankFout{Soort: "yaml", Bestand: pad, Bericht: "ongeldige YAML: " + err.Error()}
	var se *yamlpos.SyntaxFout
	if errors.As(err, &se) {
		f.Regel, f.Pointer, f.Bericht = se.Regel+eerste, se.Pointer, "ongeldige YAML: "+se.Bericht
	}
	return f
}

// kennisbankSchema is the JSON Schema of a knowledge base, compiled once per process for each schema
// text: every load of the same schema (tests, serveer --herlaad, fuzzing) shares the compiled
// definitions. A compiled schema only reads while it validates, so it is safe for concurrent use; the
// compiler is not, hence the lock.
type kennisbankSchema struct {
	doc any // the schema as JSON, for the Dutch error messages

	mu           sync.Mutex
	compiler     *jsonschema.Compiler
	gecompileerd map[string]*jsonschema.Schema
}

var schemas sync.Map // sha256 of the schema text -> *kennisbankSchema

func schemaVan(schemaBytes []byte) (*kennisbankSchema, error) {
	sleutel := sha256.Sum256(schemaBytes)
	if s, ok := schemas.Load(sleutel); ok {
		return s.(*kennisbankSchema), nil
	}
	compiler := jsonschema.NewCompiler()
	compiler.Draft = jsonschema.Draft2020
	if err := compiler.AddResource("kennisbank.schema.json", bytes.NewReader(schemaBytes)); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	s := &kennisbankSchema{compiler: compiler, gecompileerd: map[string]*jsonschema.Schema{}}
	if err := json.Unmarshal(schemaBytes, &s.doc); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	gedeeld, _ := schemas.LoadOrStore(sleutel, s)
	return gedeeld.(*kennisbankSchema), nil
}

// definitie is the compiled definition $defs/<soort>.
func (s *kennisbankSchema) definitie(soort string) (*jsonschema.Schema, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.gecompileerd[soort]; ok {
		return d, nil
	}
	d, err := s.compiler.Compile("kennisbank.schema.json#/$defs/" + soort)
	if err != nil {
		return nil, err
	}
	s.gecompileerd[soort] = d
	return d, nil
}

// controleer checks one read file on its own: its dates, and the schema definition of its soort.
// schemaGoed is false when the schema rejects it; err is a schema that does not compile.
func (s *kennisbankSchema) controleer(b *bestand, soort string) (fouten KennisbankFouten, schemaGoed bool, err error) {
	definitie, err := s.definitie(soort)
	if err != nil {
		return nil, false, err
	}
	fouten = datumFouten(b)
	if err := definitie.Validate(b.waarde); err != nil {
		return append(fouten, schemaFouten(b, err, s.doc)...), false, nil
	}
	return fouten, true, nil
}

// versie hashes the rules and the knowledge base as a whole, and each file on its own (delen: path ->
// sha256), so that Verschil can tell which covenants two versions share unchanged.
func versie(bestanden []*bestand, fsys fs.FS, regels map[string][]byte) (string, map[string]string) {
	h := sha256.New()
	delen := map[string][]byte{}
	for _, b := range bestanden {
		delen["convenants/"+b.pad] = b.inhoud
	}
	if s, err := fs.ReadFile(fsys, schemaPad); err == nil {
		delen["convenants/"+schemaPad] = s
	}
	for p, inhoud := range regels {
		delen["rules/"+p] = inhoud
	}
	paden := make([]string, 0, len(delen))
	for p := range delen {
		paden = append(paden, p)
	}
	sort.Strings(paden)
	hashes := make(map[string]string, len(paden))
	for _, p := range paden {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(delen[p]))
		h.Write(delen[p])
		deel := sha256.Sum256(delen[p])
		hashes[p] = hex.EncodeToString(deel[:])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), hashes
}

// bouwer indexes the files into the data document and remembers where each id was defined.
type bouwer struct {
	kb         *Kennisbank
	plek       map[string]plek // "soort/id" -> definition
	bronnen    []*bestand
	vb         []*bestand // the vraagbaak entries, by path
	dubbel     KennisbankFouten
	onvolledig map[string]bool // vocabularies with a file that could not be indexed: references unchecked
}

type plek struct {
	bestand *bestand
	pointer string
}

func bouw(vast map[string]*bestand, convenanten, vraagbaak []*bestand) *bouwer {
	b := &bouwer{kb: &Kennisbank{data: map[string]any{}, ids: map[string][]string{}}, plek: map[string]plek{}}
	lijst := func(soort string) []any {
		bf := vast[soort]
		b.bronnen = append(b.bronnen, bf)
		m := bf.waarde.(map[string]any)
		l, _ := m[soort].([]any)
		return l
	}
	for _, soort := range []string{"partijen", "gegevens", "doelen", "feiten", "voorwaarden", "grondslagen"} {
		b.indexeer(soort, lijst(soort), vast[soort], "/"+soort)
	}
	// The kinds of party (soorten in partijen.yaml): what the screens and the matrix do with each kind.
	b.indexeer("partijsoorten", lijstVanMaps(vast["partijen"].waarde.(map[string]any)["soorten"]), vast["partijen"], "/soorten")
	// The AVG classes (klassen in gegevens.yaml), from ordinary to the strictest.
	b.indexeer("klassen", lijstVanMaps(vast["gegevens"].waarde.(map[string]any)["klassen"]), vast["gegevens"], "/klassen")
	// The special regimes of a category (bijzondere_wetten in gegevens.yaml), with the form's heading.
	b.indexeer("bijzondere_wetten", lijstVanMaps(vast["gegevens"].waarde.(map[string]any)["bijzondere_wetten"]), vast["gegevens"], "/bijzondere_wetten")
	oordelen := vast["oordelen"].waarde.(map[string]any)
	for _, soort := range []string{"oordelen", "zekerheden", "lagen"} {
		l, _ := oordelen[soort].([]any)
		b.indexeer(soort, l, vast["oordelen"], "/"+soort)
	}
	if dekking, ok := oordelen["dekking"]; ok {
		b.kb.data["dekking"] = dekking
	}
	routes := []any{}
	for i, r := range lijst("routes") {
		routes = append(routes, r)
		b.routePlek(id(r), vast["routes"], fmt.Sprintf("/routes/%d", i))
	}
	// The reuse rules (hergebruik) live in routes.yaml beside the routes; the rules read them as a list.
	hergebruik, _ := vast["routes"].waarde.(map[string]any)["hergebruik"].([]any)
	for i, h := range hergebruik {
		b.routePlek(id(h), vast["routes"], fmt.Sprintf("/hergebruik/%d", i))
	}
	if hergebruik == nil {
		hergebruik = []any{}
	}
	b.kb.data["hergebruik"] = hergebruik
	// The party groups a route may name (groepen in routes.yaml); the rules give them their meaning.
	b.indexeer("groepen", lijstVanMaps(vast["routes"].waarde.(map[string]any)["groepen"]), vast["routes"], "/groepen")

	conv := map[string]any{}
	org := map[string]any{}
	fasen := map[string]bool{}
	for _, cb := range convenanten {
		c := cb.waarde.(map[string]any)
		cid := id(c)
		b.bronnen = append(b.bronnen, cb)
		conv[cid] = c
		b.plek["convenanten/"+cid] = plek{cb, ""}
		doelen, _ := c["doelen"].([]any)
		for i, d := range doelen {
			dm := d.(map[string]any)
			kopie := map[string]any{"convenant": cid}
			for k, v := range dm {
				kopie[k] = v
			}
			if _, ok := kopie["voorwaarden"]; !ok {
				kopie["voorwaarden"] = []any{}
			}
			if _, ok := kopie["verenigbaar_met"]; !ok {
				kopie["verenigbaar_met"] = []any{}
			}
			b.voegToe("doelen", id(dm), kopie, cb, fmt.Sprintf("/doelen/%d", i))
		}
		rs, _ := c["routes"].([]any)
		for i, r := range rs {
			rm := r.(map[string]any)
			kopie := map[string]any{"convenant": cid}
			for k, v := range rm {
				kopie[k] = v
			}
			routes = append(routes, kopie)
			b.routePlek(id(rm), cb, fmt.Sprintf("/routes/%d", i))
		}
		deelnemers, _ := c["deelnemers"].([]any)
		for i, d := range deelnemers {
			dm := d.(map[string]any)
			orgs, _ := dm["organisaties"].([]any)
			for j, o := range orgs {
				om := o.(map[string]any)
				org[id(om)] = map[string]any{"partij": dm["partij"], "naam": om["naam"], "convenant": cid}
				b.plek["organisaties/"+id(om)] = plek{cb, fmt.Sprintf("/deelnemers/%d/organisaties/%d", i, j)}
			}
		}
		fs, _ := c["fasen"].([]any)
		for _, f := range fs {
			fasen[f.(string)] = true
		}
	}
	b.kb.data["routes"] = routes
	b.kb.data["routes_per_laag"] = routesPerLaag(routes)
	b.kb.data["convenanten"] = conv
	b.kb.data["organisaties"] = org
	b.kb.ids["convenanten"] = slices.Sorted(maps.Keys(conv))
	b.kb.ids["organisaties"] = slices.Sorted(maps.Keys(org))
	b.kb.ids["fasen"] = slices.Sorted(maps.Keys(fasen))
	// "oorsprongen": every purpose, also the ones that only name where data came from (alleen_oorsprong: the
	// police task, a treatment), for the fact verkregen_voor; "doelen": the purposes one may share for.
	b.kb.ids["oorsprongen"] = slices.Sorted(maps.Keys(b.kb.data["doelen"].(map[string]any)))
	b.kb.ids["doelen"] = nil
	for _, d := range b.kb.ids["oorsprongen"] {
		if alleen, _ := b.kb.data["doelen"].(map[string]any)[d].(map[string]any)["alleen_oorsprong"].(bool); !alleen {
			b.kb.ids["doelen"] = append(b.kb.ids["doelen"], d)
		}
	}
	b.vraagbaak(vraagbaak)
	b.kb.data["datumgrenzen"] = datumgrenzen(b.kb.data)
	b.kb.typeer()
	return b
}

// routePlek remembers where a route is defined; a route id must be unique across all files, because
// answers and tests name routes by id.
func (b *bouwer) routePlek(routeID string, bf *bestand, pointer string) {
	if eerder, dubbel := b.plek["routes/"+routeID]; dubbel {
		b.dubbel = append(b.dubbel, b.fout("dubbel_id", bf, pointer+"/id", fmt.Sprintf("route-id %q staat al in %s", routeID, eerder.bestand.pad)))
		return
	}
	b.plek["routes/"+routeID] = plek{bf, pointer}
}

func (b *bouwer) indexeer(soort string, lijst []any, bf *bestand, basis string) {
	if _, ok := b.kb.data[soort]; !ok {
		b.kb.data[soort] = map[string]any{}
	}
	for i, item := range lijst {
		m := item.(map[string]any)
		// A number like every number the YAML reader gives (json.Number), so that the knowledge base
		// is the same after a round trip through JSON (voorgeladen.json).
		kopie := map[string]any{"volgorde": json.Number(strconv.Itoa(i))}
		for k, v := range m {
			kopie[k] = v
		}
		b.voegToe(soort, id(m), kopie, bf, fmt.Sprintf("%s/%d", basis, i))
	}
	b.kb.ids[soort] = slices.Sorted(maps.Keys(b.kb.data[soort].(map[string]any)))
}

func (b *bouwer) voegToe(soort, itemID string, item map[string]any, bf *bestand, pointer string) {
	m, ok := b.kb.data[soort].(map[string]any)
	if !ok {
		m = map[string]any{}
		b.kb.data[soort] = m
	}
	if _, dubbel := m[itemID]; dubbel {
		eerder := b.plek[soort+"/"+itemID]
		b.dubbel = append(b.dubbel, b.fout("dubbel_id", bf, pointer+"/id", fmt.Sprintf("id %q staat al in %s", itemID, eerder.bestand.pad)))
		return
	}
	m[itemID] = item
	b.plek[soort+"/"+itemID] = plek{bf, pointer}
}

// lijstVanMaps keeps the objects of a YAML list (a file that breaks the schema may still be indexed).
func lijstVanMaps(v any) []any {
	l, _ := v.([]any)
	var uit []any
	for _, x := range l {
		if _, ok := x.(map[string]any); ok {
			uit = append(uit, x)
		}
	}
	return uit
}

func id(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["id"].(string)
	return s
}

func (b *bouwer) fout(soort string, bf *bestand, pointer, bericht string, suggesties ...string) KennisbankFout {
	regel, kolom := bf.pos.Zoek(pointer)
	return KennisbankFout{Soort: soort, Bestand: bf.pad, Regel: regel, Kolom: kolom, Pointer: pointer, Bericht: bericht, Suggesties: suggesties}
}

// schemaFouten turns the validator's errors into findings in Dutch, each at the position of the value
// (of the key, for an unknown key). The alternatives of an anyOf or oneOf that failed are one finding.
// schemaDoc is the schema itself, to suggest the known keys for an unknown one.
func schemaFouten(b *bestand, err error, schemaDoc any) KennisbankFouten {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return KennisbankFouten{{Soort: "schema", Bestand: b.pad, Bericht: err.Error()}}
	}
	fouten := ve.BasicOutput().Errors
	// The alternatives under a failed anyOf or oneOf: gathered into that one finding.
	alternatieven := map[string][]string{}
	var keuzes []string
	for _, e := range fouten {
		if kw := path.Base(e.KeywordLocation); (kw == "anyOf" || kw == "oneOf") && strings.HasSuffix(e.Error, "failed") {
			keuzes = append(keuzes, e.KeywordLocation+"/")
		}
	}
	onder := func(loc string) string {
		for _, k := range keuzes {
			if strings.HasPrefix(loc, k) {
				return k
			}
		}
		return ""
	}
	for _, e := range fouten {
		if k := onder(e.KeywordLocation); k != "" && !overslaan(e.Error) {
			alternatieven[k] = append(alternatieven[k], vertaalSchemaFout(e.KeywordLocation, e.Error))
		}
	}

	var out KennisbankFouten
	gezien := map[string]bool{}
	voeg := func(pointer, bericht string, suggesties []string) {
		sleutel := pointer + bericht
		if gezien[sleutel] {
			return
		}
		gezien[sleutel] = true
		regel, kolom := b.pos.Zoek(pointer)
		out = append(out, KennisbankFout{Soort: "schema", Bestand: b.pad, Regel: regel, Kolom: kolom, Pointer: pointer, Bericht: bericht, Suggesties: suggesties})
	}
	for _, e := range fouten {
		if overslaan(e.Error) || onder(e.KeywordLocation) != "" {
			continue
		}
		kw := path.Base(e.KeywordLocation)
		switch {
		case kw == "additionalProperties":
			// One finding per unknown key, on the key's own line, with the keys that are allowed there.
			bekend := schemaSleutels(schemaDoc, e.AbsoluteKeywordLocation)
			for _, naam := range aanhalingen(strings.TrimPrefix(e.Error, "additionalProperties ")) {
				voeg(e.InstanceLocation+"/"+jsonPointerDeel(naam), fmt.Sprintf("onbekend veld %q", naam), suggestie.Dichtstbij(naam, bekend, 3))
			}
		case (kw == "anyOf" || kw == "oneOf") && strings.HasSuffix(e.Error, "failed"):
			bericht := "geen van de toegestane vormen past"
			if alt := uniek(alternatieven[e.KeywordLocation+"/"]); len(alt) > 0 {
				bericht += ": " + strings.Join(alt, "; of ")
			}
			voeg(e.InstanceLocation, bericht, nil)
		default:
			voeg(e.InstanceLocation, vertaalSchemaFout(e.KeywordLocation, e.Error), nil)
		}
	}
	if len(out) == 0 {
		out = append(out, KennisbankFout{Soort: "schema", Bestand: b.pad, Bericht: "voldoet niet aan het schema"})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Regel < out[j].Regel })
	return out
}

// overslaan: the validator's summaries of nested errors, which are reported themselves.
func overslaan(bericht string) bool {
	return bericht == "" || strings.HasPrefix(bericht, "doesn't validate with") || bericht == "allOf failed" ||
		bericht == "if-then failed" || bericht == "if-else failed"
}

var aanhalingRe = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// aanhalingen gives the quoted names in a message of the validator: 'a', 'b'.
func aanhalingen(s string) []string {
	var out []string
	for _, m := range aanhalingRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func jsonPointerDeel(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// schemaSleutels gives the property names the schema allows where an additionalProperties keyword at
// location (an absolute keyword location, …#/$defs/partij/additionalProperties) fails.
func schemaSleutels(schemaDoc any, locatie string) []string {
	_, frag, ok := strings.Cut(locatie, "#")
	if !ok {
		return nil
	}
	frag = strings.TrimSuffix(frag, "/additionalProperties")
	v := schemaDoc
	for _, deel := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if deel == "" {
			continue
		}
		deel = strings.ReplaceAll(strings.ReplaceAll(deel, "~1", "/"), "~0", "~")
		m, _ := v.(map[string]any)
		v = m[deel]
	}
	m, _ := v.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	return slices.Sorted(maps.Keys(props))
}

func uniek(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// patronen say in Dutch what the patterns of the schema ask for.
var patronen = map[string]string{
	"^[a-z][a-z0-9_]*$":            "een id: kleine letters, cijfers en _, beginnend met een letter",
	"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "een datum als JJJJ-MM-DD",
	"^https://":                    "een link die begint met https://",
	"^https?://":                   "een link die begint met https:// of http://",
	"^[^A-Z]+$":                    "kleine letters (synoniemen worden zonder hoofdletters geschreven)",
}

// vertaalSchemaFout turns the validator's English message into Dutch.
func vertaalSchemaFout(keyword, bericht string) string {
	kw := path.Base(keyword)
	switch {
	case kw == "required":
		velden := aanhalingen(bericht)
		if len(velden) == 1 {
			return fmt.Sprintf("verplicht veld ontbreekt: %q", velden[0])
		}
		return "verplichte velden ontbreken: " + strings.Join(quote(velden), ", ")
	case kw == "enum":
		return "waarde niet toegestaan; " + strings.Replace(bericht, "value must be one of", "kies uit", 1)
	case kw == "const":
		return "waarde niet toegestaan; " + strings.Replace(bericht, "value must be", "verwacht", 1)
	case kw == "type":
		return "verkeerd type: " + strings.NewReplacer("expected", "verwacht", "but got", "maar kreeg", "string", "tekst",
			"boolean", "true of false", "integer", "geheel getal", "number", "getal", "array", "lijst", "object", "object", "null", "niets").Replace(bericht)
	case kw == "pattern":
		patroon := strings.TrimSuffix(strings.TrimPrefix(bericht, "does not match pattern '"), "'")
		if wat, ok := patronen[patroon]; ok {
			return "ongeldige waarde: verwacht " + wat
		}
		return "ongeldige waarde: past niet bij het patroon " + patroon
	case kw == "minItems":
		return "lijst is te kort: " + strings.NewReplacer("minimum", "ten minste", "items required, but found", "nodig, maar er staan er", "items", "").Replace(bericht)
	case kw == "uniqueItems":
		return "lijst bevat dubbele waarden: " + strings.NewReplacer("items at index", "de waarden op plaats", "are equal", "zijn gelijk", "and", "en").Replace(bericht)
	case kw == "minLength":
		return "tekst mag niet leeg zijn"
	case kw == "minimum" || kw == "exclusiveMinimum":
		return "getal te klein: " + strings.NewReplacer("must be", "moet", "but found", "maar is", "or equal to", "").Replace(bericht)
	case kw == "maximum" || kw == "exclusiveMaximum":
		return "getal te groot: " + strings.NewReplacer("must be", "moet", "but found", "maar is", "or equal to", "").Replace(bericht)
	case kw == "not":
		return "deze waarde is hier niet toegestaan"
	case kw == "propertyNames":
		return "ongeldige sleutel: " + bericht
	case kw == "oneOf":
		return "meer dan één van de toegestane vormen past; maak de waarde eenduidig"
	case kw == "false":
		return "dit veld is hier niet toegestaan"
	}
	return "voldoet niet aan het schema (" + bericht + ")"
}

// datumFouten reports every date in a file (a text JJJJ-MM-DD) that does not exist, such as 2018-02-30:
// the schema checks only the notation.
func datumFouten(b *bestand) KennisbankFouten {
	var out KennisbankFouten
	elkeTekst(b.waarde, func(pointer, w string) {
		if isoDatumRe.MatchString(w) && !geldigeDatum(w) {
			bericht := fmt.Sprintf("datum %q bestaat niet", w)
			if f := NieuweDatumFout("", w); f.Reden != "" {
				bericht += ": " + f.Reden
			}
			regel, kolom := b.pos.Zoek(pointer)
			out = append(out, KennisbankFout{Soort: "datum", Bestand: b.pad, Regel: regel, Kolom: kolom, Pointer: pointer, Bericht: bericht})
		}
	})
	return out
}

// elkeTekst calls f for every text in a decoded YAML value with its JSON pointer, keys in sorted order.
func elkeTekst(v any, f func(pointer, tekst string)) {
	var loop func(v any, pointer string)
	loop = func(v any, pointer string) {
		switch w := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(w)) {
				loop(w[k], pointer+"/"+jsonPointerDeel(k))
			}
		case []any:
			for i, x := range w {
				loop(x, fmt.Sprintf("%s/%d", pointer, i))
			}
		case string:
			f(pointer, w)
		}
	}
	loop(v, "")
}

// goedeVorm reports whether a file that breaks the schema can still be indexed: the lists that the index
// reads are lists of objects with a text id.
func goedeVorm(waarde any, soort string) bool {
	m, ok := waarde.(map[string]any)
	if !ok {
		return false
	}
	lijstMetIDs := func(v any, verplicht bool) bool {
		if v == nil {
			return !verplicht
		}
		l, ok := v.([]any)
		if !ok {
			return false
		}
		for _, x := range l {
			if xm, ok := x.(map[string]any); !ok || id(xm) == "" {
				return false
			}
		}
		return true
	}
	switch soort {
	case "oordelen":
		return lijstMetIDs(m["oordelen"], false) && lijstMetIDs(m["zekerheden"], false) && lijstMetIDs(m["lagen"], false)
	case "convenant":
		if id(m) == "" || !lijstMetIDs(m["doelen"], false) || !lijstMetIDs(m["routes"], false) {
			return false
		}
		deelnemers, ok := m["deelnemers"].([]any)
		if m["deelnemers"] != nil && !ok {
			return false
		}
		for _, d := range deelnemers {
			dm, ok := d.(map[string]any)
			if !ok || !lijstMetIDs(dm["organisaties"], false) {
				return false
			}
		}
		fasen, ok := m["fasen"].([]any)
		if m["fasen"] != nil && !ok {
			return false
		}
		for _, f := range fasen {
			if _, ok := f.(string); !ok {
				return false
			}
		}
		return true
	}
	return lijstMetIDs(m[soort], true)
}

// ConvenantSamenvatting is one covenant in a list; its JSON keys are those of the covenant file.
type ConvenantSamenvatting struct {
	ID          string `json:"id"`
	Naam        string `json:"naam"`
	KorteNaam   string `json:"korte_naam,omitempty"`
	Soort       string `json:"soort"`
	Status      string `json:"status"`
	GeldigVanaf string `json:"geldig_vanaf,omitempty"`
	GeldigTot   string `json:"geldig_tot,omitempty"`
	Zekerheid   string `json:"zekerheid,omitempty"`
}

// Convenanten lists the covenants of the knowledge base, by id.
func (k *Kennisbank) Convenanten() []ConvenantSamenvatting {
	ids := k.ids["convenanten"]
	out := make([]ConvenantSamenvatting, 0, len(ids))
	for _, id := range ids {
		c, _ := k.Convenant(id)
		out = append(out, ConvenantSamenvatting{
			ID: id, Naam: c.Naam, KorteNaam: c.KorteNaam, Soort: c.Soort, Status: c.Status,
			GeldigVanaf: c.GeldigVanaf, GeldigTot: c.GeldigTot, Zekerheid: c.Zekerheid,
		})
	}
	return out
}

// datumgrenzen is an index of the days the knowledge base names, for the rules (vraag.peildatum): every
// string in data that is a day (JJJJ-MM-DD), the day after each, and "0000-01-01", sorted and each once. A
// question's date compares with a day of the knowledge base as the latest of these on or before it does, so the
// rules compare that one instead and what they work out is the same for every date between two of them. It
// repeats what the data says, nothing more; the Rego test of the testkit builds it from the data too and
// compares.
//
// The example questions of the vraagbaak (controles) are left out: they are questions with the answer they
// must get, which the vraagbaak check asks (vraagbaak.go); the rules never read them. Their dates (2026-03-01
// in most) would otherwise split the dates between two days the rules do compare with in two, and a question
// just past such a day would work out again everything that reads the date. TestPeildatumZoalsDeDatum asks
// around every day in data, those of the example questions too.
func datumgrenzen(data map[string]any) []any {
	dagen := map[string]bool{"0000-01-01": true}
	var loop func(v any)
	loop = func(v any) {
		switch w := v.(type) {
		case string:
			if t, err := time.Parse(time.DateOnly, w); err == nil && t.Format(time.DateOnly) == w {
				dagen[w] = true
				dagen[t.AddDate(0, 0, 1).Format(time.DateOnly)] = true
			}
		case map[string]any:
			for _, x := range w {
				loop(x)
			}
		case []any:
			for _, x := range w {
				loop(x)
			}
		}
	}
	for k, v := range data {
		if k == "vraagbaak" {
			v = zonderVoorbeeldvragen(v)
		}
		loop(v)
	}
	uit := make([]any, 0, len(dagen))
	for _, d := range slices.Sorted(maps.Keys(dagen)) {
		uit = append(uit, d)
	}
	return uit
}

// zonderVoorbeeldvragen gives the vraagbaak vb with its entries without their example questions (controles),
// for datumgrenzen; vb itself is left as it is.
func zonderVoorbeeldvragen(vb any) any {
	items, ok := vb.(map[string]any)
	if !ok {
		return vb
	}
	uit := make(map[string]any, len(items))
	for id, item := range items {
		if m, ok := item.(map[string]any); ok {
			m = maps.Clone(m)
			delete(m, "controles")
			item = m
		}
		uit[id] = item
	}
	return uit
}

// routesPerLaag is an index of routes for the rules (rules/routes, kandidaten): per layer and per purpose
// a route names ("*" included), the places of those routes in routes, in that order. The rules then try
// only the routes of the asked layer and purpose instead of every route for every layer. It repeats what
// the routes say, nothing more; the Rego test of the testkit builds it from the routes too and compares.
func routesPerLaag(routes []any) map[string]any {
	index := map[string]any{}
	for i, r := range routes {
		route, _ := r.(map[string]any)
		lagen, _ := route["lagen"].([]any)
		doelen, _ := route["doelen"].([]any)
		for _, l := range lagen {
			laag, _ := l.(string)
			perDoel, _ := index[laag].(map[string]any)
			if perDoel == nil {
				perDoel = map[string]any{}
				index[laag] = perDoel
			}
			for _, d := range doelen {
				doel, _ := d.(string)
				plekken, _ := perDoel[doel].([]any)
				plek := json.Number(strconv.Itoa(i)) // a number as the YAML reader gives it
				if len(plekken) > 0 && plekken[len(plekken)-1] == plek {
					continue // a purpose named twice in one route
				}
				perDoel[doel] = append(plekken, plek)
			}
		}
	}
	return index
}
