package kennisbank

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/yamlpos"
)

// Vraagbaakitem is one entry of the vraagbaak: a question as a professional asks it, with a short and
// a long answer, the ids it is about, its legal sources and the checks that keep it true. Its JSON keys
// are those of the front matter, plus tekst and bestand.
type Vraagbaakitem struct {
	ID           string              `json:"id"`
	Vraag        string              `json:"vraag"`
	Samenvatting string              `json:"samenvatting"`
	Trefwoorden  []string            `json:"trefwoorden"`
	Convenanten  []string            `json:"convenanten"`
	Partijen     []string            `json:"partijen"`
	Gegevens     []string            `json:"gegevens"`
	Doelen       []string            `json:"doelen"`
	Bronnen      []string            `json:"bronnen"`             // ids of legal grounds (grondslagen)
	Zekerheid    string              `json:"zekerheid,omitempty"` // hoog, middel or laag
	ZieOok       []string            `json:"zie_ook"`             // ids of related entries
	Controles    []Vraagbaakcontrole `json:"controles"`           // executable checks, run by ToetsVraagbaak
	Tekst        string              `json:"tekst"`               // the Markdown body
	Bestand      string              `json:"bestand"`             // path inside the knowledge base
}

// Vraagbaakcontrole is an executable check of an entry: a question (with a date) and its expected
// answer, in the shape of a scenario (contract §5).
type Vraagbaakcontrole struct {
	Vraag    Vraag       `json:"vraag"`
	Verwacht Verwachting `json:"verwacht"`
}

// Vraagbaak returns the entries of the vraagbaak, sorted by id. A knowledge base without a vraagbaak/
// folder has none.
func (k *Kennisbank) Vraagbaak() []Vraagbaakitem { return slices.Clone(k.vraagbaakItems()) }

// vraagbaakItems are the entries, sorted by id (read-only).
func (k *Kennisbank) vraagbaakItems() []Vraagbaakitem {
	if k.vraagbaakLaden != nil {
		return k.vraagbaakLaden()
	}
	return k.vraagbaak
}

// Vraagbaakitem returns the entry with this id.
func (k *Kennisbank) Vraagbaakitem(id string) (Vraagbaakitem, bool) {
	items := k.vraagbaakItems()
	i, ok := slices.BinarySearchFunc(items, id, func(v Vraagbaakitem, id string) int { return strings.Compare(v.ID, id) })
	if !ok {
		return Vraagbaakitem{}, false
	}
	return items[i], true
}

// leesVraagbaak reads vraagbaak/*.md: the front matter as YAML with positions, checked by valideer
// against the schema. A knowledge base without the folder has an empty vraagbaak.
func leesVraagbaak(fsys fs.FS, valideer func(*bestand) *bestand) ([]*bestand, KennisbankFouten, error) {
	paden, err := fs.Glob(fsys, "vraagbaak/*.md")
	if err != nil {
		return nil, nil, fmt.Errorf("zoek vraagbaak: %w", err)
	}
	sort.Strings(paden)
	var uit []*bestand
	var fouten KennisbankFouten
	for _, p := range paden {
		inhoud, err := fs.ReadFile(fsys, p)
		if err != nil {
			fouten = append(fouten, KennisbankFout{Soort: "bestand_ontbreekt", Bestand: p, Bericht: "bestand onleesbaar: " + err.Error()})
			continue
		}
		b, fout := leesVraagbaakBestand(p, inhoud)
		if fout != nil {
			fouten = append(fouten, *fout)
			continue
		}
		if b = valideer(b); b != nil {
			uit = append(uit, b)
		}
	}
	return uit, fouten, nil
}

// leesVraagbaakBestand splits an entry into its YAML front matter (between two lines ---) and its
// Markdown body, and reads the front matter with positions in the whole file.
func leesVraagbaakBestand(pad string, inhoud []byte) (*bestand, *KennisbankFout) {
	opmaak := func(regel int, bericht string) *KennisbankFout {
		return &KennisbankFout{Soort: "vraagbaak_opmaak", Bestand: pad, Regel: regel, Bericht: bericht}
	}
	tekst := strings.ReplaceAll(string(bytes.TrimPrefix(inhoud, []byte("\ufeff"))), "\r\n", "\n")
	regels := strings.Split(tekst, "\n")
	if strings.TrimRight(regels[0], " \t") != "---" {
		return nil, opmaak(1, "het bestand begint niet met front matter: de eerste regel moet --- zijn")
	}
	eind := -1
	for i := 1; i < len(regels); i++ {
		if strings.TrimRight(regels[i], " \t") == "---" {
			eind = i
			break
		}
	}
	if eind < 0 {
		return nil, opmaak(1, "de front matter wordt niet afgesloten met een regel ---")
	}
	voor := strings.Join(regels[1:eind], "\n") + "\n"
	if strings.TrimSpace(voor) == "" {
		return nil, opmaak(2, "de front matter is leeg")
	}
	waarde, pos, err := yamlpos.Lees([]byte(voor))
	if err != nil {
		f := yamlFout(pad, err, 1)
		return nil, &f
	}
	// The front matter starts on line 2 of the file.
	verschoven := make(yamlpos.Posities, len(pos))
	for p, rk := range pos {
		verschoven[p] = [2]int{rk[0] + 1, rk[1]}
	}
	return &bestand{
		pad: pad, inhoud: inhoud, waarde: waarde, pos: verschoven,
		tekst: strings.Join(regels[eind+1:], "\n"), regel: eind + 2,
	}, nil
}

// vraagbaak indexes the entries: their front matter goes to data.kennisbank.vraagbaak[id] for the
// rules, and the typed entries, sorted by id, to the Kennisbank. A duplicate id is reported by voegToe.
func (b *bouwer) vraagbaak(bestanden []*bestand) {
	b.kb.data["vraagbaak"] = map[string]any{}
	gezien := map[string]bool{}
	for _, bf := range bestanden {
		m := bf.waarde.(map[string]any)
		b.vb = append(b.vb, bf)
		b.voegToe("vraagbaak", id(m), maps.Clone(m), bf, "")
		if !gezien[id(m)] {
			gezien[id(m)] = true
			b.kb.vraagbaak = append(b.kb.vraagbaak, vraagbaakitem(bf))
		}
	}
	slices.SortFunc(b.kb.vraagbaak, func(x, y Vraagbaakitem) int { return strings.Compare(x.ID, y.ID) })
	b.kb.ids["vraagbaak"] = slices.Sorted(maps.Keys(b.kb.data["vraagbaak"].(map[string]any)))
}

// vraagbaakitem turns a validated front matter into the typed entry. A check whose question cannot be
// read keeps an empty question; controleer reports it.
func vraagbaakitem(bf *bestand) Vraagbaakitem {
	m := bf.waarde.(map[string]any)
	tekst := func(k string) string { s, _ := m[k].(string); return s }
	lijst := func(k string) []string { return lijstTeksten(m[k]) }
	item := Vraagbaakitem{
		ID: tekst("id"), Vraag: tekst("vraag"), Samenvatting: tekst("samenvatting"),
		Trefwoorden: lijst("trefwoorden"), Convenanten: lijst("convenanten"), Partijen: lijst("partijen"),
		Gegevens: lijst("gegevens"), Doelen: lijst("doelen"), Bronnen: lijst("bronnen"),
		Zekerheid: tekst("zekerheid"), ZieOok: lijst("zie_ook"), Controles: []Vraagbaakcontrole{},
		Tekst: bf.tekst, Bestand: bf.pad,
	}
	for _, c := range lijstVan(m["controles"]) {
		var vc Vraagbaakcontrole
		if raw, err := json.Marshal(c["vraag"]); err == nil {
			vc.Vraag, _ = LeesVraag(bytes.NewReader(raw))
		}
		if raw, err := json.Marshal(c["verwacht"]); err == nil {
			_ = json.Unmarshal(raw, &vc.Verwacht)
		}
		item.Controles = append(item.Controles, vc)
	}
	return item
}

func lijstTeksten(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// controleerVraagbaak checks what the schema cannot express for the vraagbaak: the file is named after
// the id, every referenced id exists, and every check is a valid question with a date.
func (b *bouwer) controleerVraagbaak(ref func(*bestand, string, string, any), refs func(*bestand, string, string, any)) KennisbankFouten {
	var fouten KennisbankFouten
	for _, bf := range b.vb {
		m := bf.waarde.(map[string]any)
		if vid := id(m); vid+".md" != path.Base(bf.pad) {
			fouten = append(fouten, b.fout("bestandsnaam", bf, "/id", fmt.Sprintf("het bestand moet %s.md heten (id %q)", vid, vid)))
		}
		refs(bf, "/convenanten", "convenanten", m["convenanten"])
		refs(bf, "/partijen", "partijen", m["partijen"])
		refs(bf, "/gegevens", "gegevens", m["gegevens"])
		refs(bf, "/doelen", "doelen", m["doelen"])
		refs(bf, "/bronnen", "grondslagen", m["bronnen"])
		refs(bf, "/zie_ook", "vraagbaak", m["zie_ook"])
		for i, c := range lijstVan(m["controles"]) {
			p := fmt.Sprintf("/controles/%d", i)
			fouten = append(fouten, b.controle(bf, p, c)...)
			if v, ok := c["verwacht"].(map[string]any); ok {
				refs(bf, p+"/verwacht/voorwaarden", "voorwaarden", v["voorwaarden"])
			}
		}
	}
	return fouten
}

// controle reads the question of a check like LeesVraag and checks it like Kennisbank.Controleer. The
// date is required: a published check must not depend on the day it runs.
func (b *bouwer) controle(bf *bestand, p string, c map[string]any) KennisbankFouten {
	var fouten KennisbankFouten
	vp := p + "/vraag"
	raw, err := json.Marshal(c["vraag"])
	if err != nil {
		return KennisbankFouten{b.fout("ongeldige_controle", bf, vp, "de vraag is niet te lezen: "+err.Error())}
	}
	v, err := LeesVraag(bytes.NewReader(raw))
	if err != nil {
		return KennisbankFouten{b.fout("ongeldige_controle", bf, vp, "de vraag is niet te lezen: "+err.Error())}
	}
	if v.Datum == "" {
		fouten = append(fouten, b.fout("controle_zonder_datum", bf, vp, "de controle noemt geen datum; een gepubliceerde controle mag niet van de datum van vandaag afhangen"))
	}
	if _, err := b.kb.Controleer(v, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		if oid, ok := err.(*OnbekendeIDFout); ok && b.onvolledig[oid.Soort] {
			return fouten // the id may be in a file that could not be read
		}
		fouten = append(fouten, b.vraagFout(bf, vp, err))
	}
	return fouten
}

var veldIndex = regexp.MustCompile(`\[(\d+)\]`)

// vraagFout turns an error of Kennisbank.Controleer into a finding at the field it names.
func (b *bouwer) vraagFout(bf *bestand, vp string, err error) KennisbankFout {
	veld := func(v string) string {
		return vp + "/" + strings.ReplaceAll(veldIndex.ReplaceAllString(v, ".$1"), ".", "/")
	}
	switch e := err.(type) {
	case *OnbekendeIDFout:
		bericht := fmt.Sprintf("%s %q in de vraag (%s)", onbekend(e.Soort), e.Waarde, e.Veld)
		if e.Soort == "waarden" && len(e.Opties) > 0 {
			bericht += "; kies uit " + strings.Join(e.Opties, ", ")
		}
		return b.fout("onbekende_verwijzing", bf, veld(e.Veld), bericht, e.Suggesties...)
	case *TypeFout:
		return b.fout("ongeldige_controle", bf, veld(e.Veld), e.Error())
	case *DatumFout:
		return b.fout("ongeldige_controle", bf, veld(e.Veld), e.Error())
	case *OntbrekendVeldFout:
		return b.fout("ongeldige_controle", bf, veld(e.Veld), e.Error())
	}
	return b.fout("ongeldige_controle", bf, vp, err.Error())
}

// vraagbaakWaarschuwingen lints the bodies: an entry without text, or without the section "## Kort
// antwoord" that readers and the handreiking expect first.
func (b *bouwer) vraagbaakWaarschuwingen() []Bevinding {
	var uit []Bevinding
	for _, bf := range b.vb {
		id, bericht := "", ""
		switch {
		case strings.TrimSpace(bf.tekst) == "":
			id, bericht = "vraagbaak_zonder_tekst", fmt.Sprintf("vraagbaakitem %q heeft geen tekst onder de front matter", bf.pad)
		case !kortAntwoord.MatchString(bf.tekst):
			id, bericht = "vraagbaak_zonder_kort_antwoord", fmt.Sprintf("vraagbaakitem %q heeft geen kop \"## Kort antwoord\"", bf.pad)
		default:
			continue
		}
		uit = append(uit, Bevinding{Ernst: ErnstWaarschuwing, ID: id, Bestand: bf.pad, Regel: bf.regel, Kolom: 1, Bericht: bericht, Hint: hints[id]})
	}
	return uit
}

var kortAntwoord = regexp.MustCompile(`(?m)^##\s+Kort antwoord\s*$`)

// OnbekendVraagbaakitem returns an *OnbekendeIDFout for an entry id that the vraagbaak does not have,
// with the closest ids, or nil when it has it.
func (k *Kennisbank) OnbekendVraagbaakitem(id string) error {
	if _, ok := k.Vraagbaakitem(id); ok {
		return nil
	}
	return &OnbekendeIDFout{Veld: "id", Waarde: id, Soort: "vraagbaak", Suggesties: suggestie.Dichtstbij(id, k.ids["vraagbaak"], 3)}
}
