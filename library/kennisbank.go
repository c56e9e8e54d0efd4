package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

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
	data      map[string]any // the document under data.kennisbank
	versie    string
	delen     map[string]string   // file path (convenants/…, rules/…) -> sha256 of its content
	ids       map[string][]string // vocabulary: soort -> sorted ids
	vraagbaak []Vraagbaakitem     // sorted by id
}

// Versie is the content hash of the rules and the knowledge base ("sha256:…").
func (k *Kennisbank) Versie() string { return k.versie }

// Data returns the document that the rules see as data.kennisbank. Callers must not modify it.
func (k *Kennisbank) Data() map[string]any { return k.data }

// IDs returns the known ids of a vocabulary ("partijen", "gegevens", "doelen", "convenanten",
// "feiten", "voorwaarden", "grondslagen", "organisaties", "fasen", "vraagbaak"), sorted.
func (k *Kennisbank) IDs(soort string) []string { return append([]string(nil), k.ids[soort]...) }

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
func laadKennisbank(fsys fs.FS, regels map[string][]byte) (*Kennisbank, error) {
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
	compiler := jsonschema.NewCompiler()
	compiler.Draft = jsonschema.Draft2020
	if err := compiler.AddResource("kennisbank.schema.json", bytes.NewReader(schemaBytes)); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}

	var fouten KennisbankFouten
	var alle []*bestand
	var valideer func(b *bestand, soort string) *bestand
	lees := func(pad, soort string) *bestand {
		inhoud, err := fs.ReadFile(fsys, pad)
		if err != nil {
			fouten = append(fouten, KennisbankFout{Soort: "bestand_ontbreekt", Bestand: pad, Bericht: "bestand ontbreekt of is onleesbaar: " + err.Error()})
			return nil
		}
		waarde, pos, err := yamlpos.Lees(inhoud)
		if err != nil {
			var se *yamlpos.SyntaxFout
			f := KennisbankFout{Soort: "yaml", Bestand: pad, Bericht: "ongeldige YAML: " + err.Error()}
			if errors.As(err, &se) {
				f.Regel, f.Pointer, f.Bericht = se.Regel, se.Pointer, "ongeldige YAML: "+se.Bericht
			}
			fouten = append(fouten, f)
			return nil
		}
		return valideer(&bestand{pad: pad, inhoud: inhoud, waarde: waarde, pos: pos}, soort)
	}
	valideer = func(b *bestand, soort string) *bestand {
		schema, err := compiler.Compile("kennisbank.schema.json#/$defs/" + soort)
		if err != nil {
			fouten = append(fouten, KennisbankFout{Soort: "schema", Bestand: schemaPad, Bericht: "schema: " + err.Error()})
			return nil
		}
		if err := schema.Validate(b.waarde); err != nil {
			fouten = append(fouten, schemaFouten(b, err)...)
			return nil
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
	if len(fouten) > 0 {
		return nil, fouten
	}

	kb := bouw(vast, convenanten, vraagbaak)
	if fs := kb.controleer(); len(fs) > 0 {
		return kb, fs
	}
	kb.kb.versie, kb.kb.delen = versie(alle, fsys, regels)
	kb.kb.data["versie"] = kb.kb.versie
	return kb, nil
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
	kb      *Kennisbank
	plek    map[string]plek // "soort/id" -> definition
	bronnen []*bestand
	vb      []*bestand // the vraagbaak entries, by path
	dubbel  KennisbankFouten
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
		kopie := map[string]any{"volgorde": i}
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

func id(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["id"].(string)
	return s
}

func (b *bouwer) fout(soort string, bf *bestand, pointer, bericht string, suggesties ...string) KennisbankFout {
	regel, kolom := bf.pos.Zoek(pointer)
	return KennisbankFout{Soort: soort, Bestand: bf.pad, Regel: regel, Kolom: kolom, Pointer: pointer, Bericht: bericht, Suggesties: suggesties}
}

func schemaFouten(b *bestand, err error) KennisbankFouten {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return KennisbankFouten{{Soort: "schema", Bestand: b.pad, Bericht: err.Error()}}
	}
	var out KennisbankFouten
	gezien := map[string]bool{}
	for _, e := range ve.BasicOutput().Errors {
		if e.Error == "" || strings.HasPrefix(e.Error, "doesn't validate with") || e.Error == "allOf failed" || e.Error == "if-then failed" || e.Error == "if-else failed" {
			continue
		}
		bericht := vertaalSchemaFout(e.KeywordLocation, e.Error)
		sleutel := e.InstanceLocation + bericht
		if gezien[sleutel] {
			continue
		}
		gezien[sleutel] = true
		regel, kolom := b.pos.Zoek(e.InstanceLocation)
		out = append(out, KennisbankFout{Soort: "schema", Bestand: b.pad, Regel: regel, Kolom: kolom, Pointer: e.InstanceLocation, Bericht: bericht})
	}
	if len(out) == 0 {
		out = append(out, KennisbankFout{Soort: "schema", Bestand: b.pad, Bericht: ve.Error()})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Regel < out[j].Regel })
	return out
}

// vertaalSchemaFout turns the validator's English message into Dutch for the common keywords.
func vertaalSchemaFout(keyword, bericht string) string {
	kw := path.Base(keyword)
	switch {
	case kw == "required":
		return "verplicht veld ontbreekt: " + strings.TrimPrefix(bericht, "missing properties: ")
	case kw == "additionalProperties":
		return "onbekend veld: " + strings.TrimPrefix(bericht, "additionalProperties ")
	case kw == "enum":
		return "waarde niet toegestaan; " + strings.Replace(bericht, "value must be one of", "kies uit", 1)
	case kw == "const":
		return "waarde niet toegestaan: " + bericht
	case kw == "type":
		return "verkeerd type: " + strings.NewReplacer("expected", "verwacht", "but got", "maar kreeg").Replace(bericht)
	case kw == "pattern":
		return "ongeldige waarde (verwacht snake_case-id, datum JJJJ-MM-DD of https-link): " + bericht
	case kw == "minItems":
		return "lijst is te kort: " + bericht
	case kw == "uniqueItems":
		return "lijst bevat dubbele waarden: " + bericht
	case kw == "minLength":
		return "tekst mag niet leeg zijn"
	}
	return bericht
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
		c := k.Item("convenanten", id)
		tekst := func(veld string) string { s, _ := c[veld].(string); return s }
		out = append(out, ConvenantSamenvatting{
			ID: id, Naam: tekst("naam"), KorteNaam: tekst("korte_naam"), Soort: tekst("soort"),
			Status: tekst("status"), GeldigVanaf: tekst("geldig_vanaf"), GeldigTot: tekst("geldig_tot"),
			Zekerheid: tekst("zekerheid"),
		})
	}
	return out
}
