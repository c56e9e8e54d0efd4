// Package handreiking writes the handreiking (the guidance document) from a knowledge base: Markdown,
// and one standalone HTML page rendered from it with the stylesheet weergave.PaginaCSS. Go selects,
// orders and labels the content into a document model (document), reading the knowledge base through
// the library's typed accessors (Convenant, Routes, Grondslag, Voorwaarde, Vraagbaak); the wording and
// the layout are the template handreiking.md.tmpl.
package handreiking

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	mdtemplate "text/template"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// Optie configures Markdown and HTML.
type Optie func(*instellingen)

type instellingen struct {
	convenant string
	editie    string    // JJJJ-MM-DD
	stijlblad string    // link this style sheet instead of embedding the CSS
	terug     [2]string // label and address of a link back, first in the navigation bar
}

// Editie dates the handreiking: "Editie van 1 maart 2025" under the title. datum is JJJJ-MM-DD; without
// this option the handreiking has no edition line, so that its output depends only on the knowledge base.
func Editie(datum string) Optie {
	return func(o *instellingen) { o.editie = datum }
}

// Stijlblad makes HTML link this style sheet (e.g. "/stijl.css", serving weergave.PaginaCSS)
// instead of embedding the CSS, for a server whose Content-Security-Policy forbids inline styles.
func Stijlblad(href string) Optie {
	return func(o *instellingen) { o.stijlblad = href }
}

// Terug puts a link back (e.g. to a server's start page) first in the navigation bar of HTML.
func Terug(label, href string) Optie {
	return func(o *instellingen) { o.terug = [2]string{label, href} }
}

// AlleenConvenant limits the handreiking to one covenant: its own section, the statutory routes, the
// vraagbaak entries about it, and the legal grounds and open questions of those parts.
func AlleenConvenant(id string) Optie {
	return func(o *instellingen) { o.convenant = id }
}

// Markdown generates the handreiking from the knowledge base: per covenant its
// participants, purposes with the data they may carry and the conditions on the checklist, its routes,
// retention and articles; then the statutory routes outside the covenants, the legal grounds with their
// official links, the vraagbaak and everything the knowledge base marks uncertain. Everything comes
// from the data; the output depends only on kb and the options. An unknown covenant in AlleenConvenant
// gives an *OnbekendeIDFout.
func Markdown(kb *kennisbank.Kennisbank, opties ...Optie) ([]byte, error) {
	h, err := nieuweHandreiking(kb, opties)
	if err != nil {
		return nil, err
	}
	return h.markdown()
}

// nieuweHandreiking checks the options and selects what goes into the handreiking.
func nieuweHandreiking(kb *kennisbank.Kennisbank, opties []Optie) (*handreiking, error) {
	var o instellingen
	for _, opt := range opties {
		opt(&o)
	}
	h := &handreiking{kb: kb, o: o, geciteerd: map[string]bool{}}
	if o.editie != "" && !kennisbank.GeldigeDatum(o.editie) {
		return nil, &kennisbank.DatumFout{Veld: "editie", Waarde: o.editie}
	}
	if o.convenant != "" {
		if err := kb.Bekend("convenanten", o.convenant); err != nil {
			return nil, err
		}
	}
	for _, c := range kb.Convenanten() {
		if o.convenant == "" || c.ID == o.convenant {
			if t, ok := kb.Convenant(c.ID); ok {
				h.convenanten = append(h.convenanten, t)
			}
		}
	}
	// Covenants first, then statutory arrangements, then bills; by id within each kind.
	soortRang := map[string]int{"convenant": 0, "wettelijke_regeling": 1, "wetsvoorstel": 2}
	slices.SortStableFunc(h.convenanten, func(a, b kennisbank.Convenant) int {
		ra, ok := soortRang[a.Soort]
		if !ok {
			ra = len(soortRang)
		}
		rb, ok := soortRang[b.Soort]
		if !ok {
			rb = len(soortRang)
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.ID, b.ID))
	})
	for _, v := range kb.Vraagbaak() {
		if o.convenant == "" || slices.Contains(v.Convenanten, o.convenant) {
			h.vragen = append(h.vragen, v)
		}
	}
	for _, r := range kb.Routes() {
		if r.Convenant == "" {
			h.wettelijk = append(h.wettelijk, r)
		}
	}
	return h, nil
}

// handreiking is the selected content and, once rendered, the headings of the document. The Markdown
// template (handreiking.md.tmpl) writes every heading through kop, so that the table of contents and the
// cross references can find them; the ids of the headings are computed afterwards by the same Markdown
// parser that renders the HTML.
type handreiking struct {
	kb          *kennisbank.Kennisbank
	o           instellingen
	convenanten []kennisbank.Convenant
	wettelijk   []kennisbank.Route // routes outside the covenants
	vragen      []kennisbank.Vraagbaakitem
	geciteerd   map[string]bool // legal grounds the text links to

	koppen []kop
}

// kop is a heading written by the template.
type kop struct {
	niveau  int
	tekst   string // as written in the Markdown
	sleutel string // for cross references, e.g. "convenant/zvht"; may be empty
	inhoud  bool   // listed in the table of contents
	id      string // the HTML id, known after the parse
}

// Placeholders for the table of contents and the cross references, filled in when the ids of the
// headings are known. They use private-use characters, which no text of the knowledge base contains.
const (
	inhoudMarker = "\uE000inhoud\uE001"
	refBegin     = "\uE000ref:"
	refEinde     = "\uE001"
)

// The document model: what the template shows, selected, ordered and labelled from the knowledge base.
// Texts are as the data has them (the template escapes them); ids are replaced by their labels.
type (
	document struct {
		Titel       string // the covenant's title when the handreiking is about one covenant
		Editie      string // JJJJ-MM-DD or empty
		Convenanten []convenantDeel
		Wettelijk   []routeDeel // the statutory routes outside the covenants
		Grondslagen []wetDeel   // the cited legal grounds, per law
		Themas      []themaDeel // the vraagbaak
		Open        *openDeel   // nil when nothing is uncertain
		Versie      string
	}
	convenantDeel struct {
		ID, Titel, Omschrijving, Soort, Status, GeldigVanaf, GeldigTot, Kring, Zekerheid string
		Vereist                                                                          []feitDeel // "stel dat": the covenant counts only with these facts
		WettelijkeBasis                                                                  []basisDeel
		Deelnemers                                                                       []deelnemerDeel
		MetWGS, MetOrganisaties                                                          bool // columns of the participants' table
		Niveaus                                                                          []niveauDeel
		Inclusie                                                                         *inclusieDeel
		Doelen                                                                           []doelDeel
		Voorwaarden                                                                      []voorwaardeDeel
		Routes                                                                           []routeDeel
		Bewaartermijn                                                                    *bewaarDeel
		Artikelen, Bronnen                                                               []grondDeel // Bronnen: only official sources
		Onzeker                                                                          onzekerDeel
	}
	feitDeel  struct{ Label, Waarde string }
	grondDeel struct{ Titel, Bron string } // a link to an official text, or the title alone
	basisDeel struct {
		Grond             grondDeel
		Vanaf, Tot, Tekst string
	}
	deelnemerDeel struct {
		Partij, Deelname, Vanaf, Tot, Zekerheid string
		WGS                                     *bool
		Organisaties                            []string
	}
	faseDeel struct {
		Nummer int    // the level of the covenant, from one; 0 when the phase is none of its levels
		Kleur  string // of that level
		Fase   string // the id, for a phase that is no level
	}
	niveauDeel struct {
		Fase                                               faseDeel
		Kleur, Casusregie, Procesregie, Bestuurlijk, Delen string
	}
	inclusieDeel struct{ Tekst, Bron, Zekerheid string }
	doelDeel     struct {
		Label, Stap, Omschrijving, Beslist      string
		Fase                                    *faseDeel
		Max                                     *maxDeel
		Voorwaarden, VerenigbaarMet             []string
		VereistInclusie, VereistRol, Informeren *bool
		Alternatieven                           []alternatiefDeel
	}
	maxDeel struct {
		Alle   bool     // every category, as far as necessary
		Labels []string // none: no personal data at all
	}
	alternatiefDeel struct{ Tekst, Doel, Naar string }
	voorwaardeDeel  struct {
		Label, Tekst string
		Gronden      []grondDeel
	}
	bewaarDeel struct {
		Jaren, Tekst, Zekerheid string
		Grond                   *grondDeel
	}
	routeDeel struct {
		ID, Titel, Tekst                     string
		Niveau                               int // of its heading
		Van, Naar                            [][]partijDeel
		ElkDoel, AlleGegevens                bool
		Doelen, Gegevens, Lagen, Voorwaarden []string
		GeldigVanaf, GeldigTot, Oordeel      string
		Feiten                               []feitDeel
		Handelingen                          []handelingDeel
		Gronden                              []grondDeel
		EigenGrondslag, Zelfstandig          bool
		Zekerheid                            string
	}
	partijDeel struct {
		Iedereen bool
		Label    string // a party, or a group the rules know
	}
	handelingDeel struct{ Feit, Waarde, Voorwaarde, BijMinderjarige string }
	wetDeel       struct {
		Wet     string
		Gronden []grondInfo
	}
	grondInfo struct {
		Titel, Bron, Uitleg, Zekerheid, Verificatie, GeldigVanaf, GeldigTot string
	}
	themaDeel struct {
		Convenant string // its name; empty for the general questions
		Vragen    []vraagDeel
	}
	vraagDeel struct {
		ID, Vraag, Tekst, Samenvatting, Zekerheid string
		Convenanten, ZieOok                       []verwijzing
		Partijen, Gegevens, Doelen, Trefwoorden   []string
		Bronnen                                   []grondDeel
		Controles                                 int
	}
	// verwijzing is a link to a heading of the handreiking (Sleutel), or the text alone without one.
	verwijzing struct{ Tekst, Sleutel string }
	// onzekerDeel is what the knowledge base marks uncertain about a covenant.
	onzekerDeel struct {
		Soort                             string
		Vereist                           []feitDeel
		Gegevens, Inclusie, Bewaartermijn bool // these parts have the lowest certainty
		Deelnemers                        []string
		Routes                            []verwijzing
		Vragen                            []string // the covenant's open questions
	}
	openDeel struct {
		Laag        string // the label of the lowest certainty
		Convenanten []convenantDeel
		Routes      []verwijzing
		Gronden     []onzekereGrond
		Vragen      []verwijzing
	}
	onzekereGrond struct {
		Grond                          grondDeel
		Uitleg, Zekerheid, Verificatie string
	}
)

// Leeg: nothing about the covenant is uncertain.
func (o onzekerDeel) Leeg() bool {
	return len(o.Vereist) == 0 && !o.Gegevens && !o.Inclusie && !o.Bewaartermijn &&
		len(o.Deelnemers) == 0 && len(o.Routes) == 0 && len(o.Vragen) == 0
}

// document builds the model in the order of the document. The legal grounds are listed after the
// covenants and routes, but include what the vraagbaak and the open questions cite, so those are built
// before the list.
func (h *handreiking) document() document {
	d := document{Editie: h.o.editie, Versie: h.kb.Versie()}
	if h.o.convenant != "" && len(h.convenanten) == 1 {
		d.Titel = convenantTitel(h.convenanten[0])
	}
	for _, c := range h.convenanten {
		d.Convenanten = append(d.Convenanten, h.convenant(c))
	}
	for _, r := range h.wettelijk {
		d.Wettelijk = append(d.Wettelijk, h.route(r, 3))
	}
	d.Themas = h.vraagbaakThemas()
	d.Open = h.openVragen(d.Convenanten)
	d.Grondslagen = h.grondslagen()
	return d
}

func (h *handreiking) convenant(c kennisbank.Convenant) convenantDeel {
	d := convenantDeel{
		ID: c.ID, Titel: convenantTitel(c), Omschrijving: c.Omschrijving, Soort: c.Soort, Status: c.Status,
		GeldigVanaf: c.GeldigVanaf, GeldigTot: c.GeldigTot, Kring: c.Kring, Zekerheid: c.Zekerheid,
		Vereist: h.feiten(c.VereistFeiten),
	}
	for _, wb := range c.WettelijkeBasis {
		d.WettelijkeBasis = append(d.WettelijkeBasis, basisDeel{h.grond(wb.Grondslag), wb.Vanaf, wb.Tot, wb.Tekst})
	}
	for _, dn := range c.Deelnemers {
		var namen []string
		for _, o := range dn.Organisaties {
			namen = append(namen, o.Naam)
		}
		d.Deelnemers = append(d.Deelnemers, deelnemerDeel{
			Partij: h.label("partijen", dn.Partij), Deelname: dn.Deelname, Vanaf: dn.Vanaf, Tot: dn.Tot,
			Zekerheid: dn.Zekerheid, WGS: dn.WGS, Organisaties: namen,
		})
		d.MetWGS = d.MetWGS || dn.WGS != nil
		d.MetOrganisaties = d.MetOrganisaties || len(dn.Organisaties) > 0
	}
	for _, n := range c.Niveaus {
		d.Niveaus = append(d.Niveaus, niveauDeel{fase(c, n.Fase), n.Kleur, n.Casusregie, n.Procesregie, n.Bestuurlijk, n.Delen})
	}
	if ic := c.Inclusie; ic != nil {
		d.Inclusie = &inclusieDeel{ic.Tekst, ic.Bron, ic.Zekerheid}
	}
	for _, dl := range c.Doelen {
		d.Doelen = append(d.Doelen, h.doel(c, dl))
	}
	for _, id := range h.convenantVoorwaarden(c) {
		v, _ := h.kb.Voorwaarde(id)
		vd := voorwaardeDeel{Label: h.label("voorwaarden", id), Tekst: v.Tekst}
		for _, g := range v.Grondslagen {
			vd.Gronden = append(vd.Gronden, h.grond(g))
		}
		d.Voorwaarden = append(d.Voorwaarden, vd)
	}
	for _, r := range c.Routes {
		d.Routes = append(d.Routes, h.route(r, 4))
	}
	if bt := c.Bewaartermijn; bt != nil {
		b := &bewaarDeel{Tekst: bt.Tekst, Zekerheid: bt.Zekerheid}
		if bt.Jaren != nil {
			b.Jaren = strconv.Itoa(*bt.Jaren)
		}
		if bt.Grondslag != "" {
			g := h.grond(bt.Grondslag)
			b.Grond = &g
		}
		d.Bewaartermijn = b
	}
	for _, a := range c.Artikelen {
		d.Artikelen = append(d.Artikelen, grondDeel{a.Titel, a.Bron})
	}
	// Only official sources: a covenant's other sources (a method's website, a conference) stay out.
	for _, b := range c.Bronnen {
		if kennisbank.OfficieleBron(b.URL) {
			d.Bronnen = append(d.Bronnen, grondDeel{b.Titel, b.URL})
		}
	}
	d.Onzeker = h.convenantOnzeker(c)
	return d
}

func (h *handreiking) doel(c kennisbank.Convenant, d kennisbank.ConvenantDoel) doelDeel {
	uit := doelDeel{
		Label: d.Label, Omschrijving: d.Omschrijving, Beslist: d.Beslist,
		Voorwaarden: h.labels("voorwaarden", d.Voorwaarden), VerenigbaarMet: h.labels("doelen", d.VerenigbaarMet),
		VereistInclusie: d.VereistInclusie, VereistRol: d.VereistRol, Informeren: d.Informeren,
	}
	if d.Stap != nil {
		uit.Stap = strconv.Itoa(*d.Stap)
	}
	if d.Fase != "" {
		f := fase(c, d.Fase)
		uit.Fase = &f
	}
	if d.MaxGegevens != nil {
		uit.Max = &maxDeel{Alle: slices.Contains(d.MaxGegevens, "*")}
		if !uit.Max.Alle {
			uit.Max.Labels = h.labels("gegevens", d.MaxGegevens)
		}
	}
	for _, a := range d.Alternatieven {
		alt := alternatiefDeel{Tekst: a.Tekst, Doel: h.label("doelen", a.Doel)}
		if a.Naar != "" {
			alt.Naar = h.label("partijen", a.Naar)
		}
		uit.Alternatieven = append(uit.Alternatieven, alt)
	}
	return uit
}

// route is one route (of a covenant or of the law) under a heading of this level.
func (h *handreiking) route(r kennisbank.Route, niveau int) routeDeel {
	d := routeDeel{
		ID: r.ID, Titel: r.Titel, Tekst: r.Tekst, Niveau: niveau,
		Van: h.partijGroepen(r.Van), Naar: h.partijGroepen(r.Naar),
		ElkDoel:      slices.Contains(r.Doelen, "*"),
		AlleGegevens: len(r.Gegevens) == 0 || slices.Contains(r.Gegevens, "*"),
		GeldigVanaf:  r.GeldigVanaf, GeldigTot: r.GeldigTot,
		Feiten:         h.feiten(r.Feiten),
		Lagen:          h.labels("lagen", r.Lagen),
		EigenGrondslag: r.EigenGrondslag,
		Voorwaarden:    h.labels("voorwaarden", r.Voorwaarden),
		Oordeel:        h.label("oordelen", r.Oordeel),
		Zelfstandig:    r.Zelfstandig,
		Zekerheid:      r.Zekerheid,
	}
	if !d.ElkDoel {
		d.Doelen = h.labels("doelen", r.Doelen)
	}
	if !d.AlleGegevens {
		d.Gegevens = h.labels("gegevens", r.Gegevens)
	}
	for _, hd := range r.Handelingen {
		hdl := handelingDeel{
			Feit: h.label("feiten", hd.Feit), Waarde: h.feitWaarde(hd.Waarde), Voorwaarde: h.label("voorwaarden", hd.Voorwaarde),
		}
		if hd.BijMinderjarige != "" {
			hdl.BijMinderjarige = h.label("voorwaarden", hd.BijMinderjarige)
		}
		d.Handelingen = append(d.Handelingen, hdl)
	}
	for _, g := range r.Grondslagen {
		d.Gronden = append(d.Gronden, h.grond(g))
	}
	return d
}

// feiten are facts with their values, by fact id.
func (h *handreiking) feiten(m map[string]any) []feitDeel {
	var uit []feitDeel
	for _, f := range slices.Sorted(maps.Keys(m)) {
		uit = append(uit, feitDeel{h.label("feiten", f), h.feitWaarde(m[f])})
	}
	return uit
}

// partijGroepen names the parties of a route: labels for parties, the descriptions of the groups the
// rules know ("@…"), everyone ("*"); a+b is a party that is both.
func (h *handreiking) partijGroepen(ids []string) [][]partijDeel {
	out := make([][]partijDeel, 0, len(ids))
	for _, id := range ids {
		var delen []partijDeel
		for deel := range strings.SplitSeq(id, "+") {
			switch {
			case deel == "*":
				delen = append(delen, partijDeel{Iedereen: true})
			case strings.HasPrefix(deel, "@"):
				delen = append(delen, partijDeel{Label: cmp.Or(h.kb.Veld("groepen", deel, "omschrijving"), deel)})
			default:
				delen = append(delen, partijDeel{Label: h.label("partijen", deel)})
			}
		}
		out = append(out, delen)
	}
	return out
}

// convenantVoorwaarden are the conditions named by the covenant's purposes and routes, in the order of
// voorwaarden.yaml.
func (h *handreiking) convenantVoorwaarden(c kennisbank.Convenant) []string {
	set := map[string]bool{}
	for _, d := range c.Doelen {
		for _, v := range d.Voorwaarden {
			set[v] = true
		}
	}
	for _, r := range c.Routes {
		for _, v := range r.Voorwaarden {
			set[v] = true
		}
		for _, hd := range r.Handelingen {
			set[hd.Voorwaarde] = true
			if hd.BijMinderjarige != "" {
				set[hd.BijMinderjarige] = true
			}
		}
	}
	delete(set, "")
	return h.inVolgorde("voorwaarden", slices.Collect(maps.Keys(set)))
}

// inVolgorde sorts ids of a vocabulary in the order of their file.
func (h *handreiking) inVolgorde(soort string, ids []string) []string {
	volgorde := func(id string) int { return h.kb.Volgorde(soort, id) }
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(volgorde(a), volgorde(b)), cmp.Compare(a, b)) })
	return ids
}

// vraagbaakThemas groups the entries by theme: per covenant of the handreiking (in its order) the
// entries whose first covenant it is, then the entries about none of them; by id within a theme.
func (h *handreiking) vraagbaakThemas() []themaDeel {
	opgenomen := map[string]bool{}
	for _, v := range h.vragen {
		opgenomen[v.ID] = true
	}
	per := map[string][]vraagDeel{}
	for _, v := range h.vragen {
		thema := ""
		for _, c := range v.Convenanten {
			if h.heeftConvenant(c) {
				thema = c
				break
			}
		}
		per[thema] = append(per[thema], h.vraagbaakitem(v, opgenomen))
	}
	var uit []themaDeel
	for _, c := range h.convenanten {
		if vragen := per[c.ID]; len(vragen) > 0 {
			uit = append(uit, themaDeel{h.convenantNaam(c.ID), vragen})
		}
	}
	if vragen := per[""]; len(vragen) > 0 {
		uit = append(uit, themaDeel{"", vragen})
	}
	return uit
}

// vraagbaakitem is one entry of the vraagbaak; it links to the covenants and entries in the handreiking.
func (h *handreiking) vraagbaakitem(v kennisbank.Vraagbaakitem, opgenomen map[string]bool) vraagDeel {
	d := vraagDeel{
		ID: v.ID, Vraag: v.Vraag, Tekst: strings.TrimSpace(v.Tekst), Samenvatting: v.Samenvatting, Zekerheid: v.Zekerheid,
		Partijen: h.labels("partijen", v.Partijen), Gegevens: h.labels("gegevens", v.Gegevens),
		Doelen: h.labels("doelen", v.Doelen), Trefwoorden: v.Trefwoorden, Controles: len(v.Controles),
	}
	for _, c := range v.Convenanten {
		ref := verwijzing{Tekst: h.convenantNaam(c)}
		if h.heeftConvenant(c) {
			ref.Sleutel = "convenant/" + c
		}
		d.Convenanten = append(d.Convenanten, ref)
	}
	for _, z := range v.ZieOok {
		ref := verwijzing{Tekst: z}
		if item, ok := h.kb.Vraagbaakitem(z); ok {
			ref.Tekst = item.Vraag
		}
		if opgenomen[z] {
			ref.Sleutel = "vraag/" + z
		}
		d.ZieOok = append(d.ZieOok, ref)
	}
	for _, b := range v.Bronnen {
		d.Bronnen = append(d.Bronnen, h.grond(b))
	}
	return d
}

// grondslagen are the legal grounds the text links to, grouped by law in the order of the catalogue.
func (h *handreiking) grondslagen() []wetDeel {
	var uit []wetDeel
	index := map[string]int{}
	for _, id := range h.inVolgorde("grondslagen", slices.Collect(maps.Keys(h.geciteerd))) {
		g, _ := h.kb.Grondslag(id)
		i, ok := index[g.Wet]
		if !ok {
			i = len(uit)
			index[g.Wet] = i
			uit = append(uit, wetDeel{Wet: g.Wet})
		}
		uit[i].Gronden = append(uit[i].Gronden, grondInfo{
			Titel: cmp.Or(g.Titel, id), Bron: g.Bron, Uitleg: g.Uitleg, Zekerheid: g.Zekerheid,
			Verificatie: g.Verificatie, GeldigVanaf: g.GeldigVanaf, GeldigTot: g.GeldigTot,
		})
	}
	return uit
}

// heeftConvenant: covenant id is in this handreiking.
func (h *handreiking) heeftConvenant(id string) bool {
	return slices.ContainsFunc(h.convenanten, func(c kennisbank.Convenant) bool { return c.ID == id })
}

// convenantOnzeker is what the knowledge base marks uncertain about a covenant.
func (h *handreiking) convenantOnzeker(c kennisbank.Convenant) onzekerDeel {
	laag := h.kb.LaagsteZekerheid
	o := onzekerDeel{
		Soort: c.Soort, Vereist: h.feiten(c.VereistFeiten), Gegevens: laag(c.Zekerheid),
		Inclusie:      c.Inclusie != nil && laag(c.Inclusie.Zekerheid),
		Bewaartermijn: c.Bewaartermijn != nil && laag(c.Bewaartermijn.Zekerheid),
		Vragen:        c.OpenVragen,
	}
	for _, d := range c.Deelnemers {
		if laag(d.Zekerheid) {
			o.Deelnemers = append(o.Deelnemers, h.label("partijen", d.Partij))
		}
	}
	for _, r := range c.Routes {
		if laag(r.Zekerheid) {
			o.Routes = append(o.Routes, verwijzing{r.Titel, "route/" + r.ID})
		}
	}
	return o
}

// openVragen is everything the knowledge base marks uncertain, or nil when nothing is.
func (h *handreiking) openVragen(convenanten []convenantDeel) *openDeel {
	var o openDeel
	if z := h.kb.Zekerheden(); len(z) > 0 {
		o.Laag = z[0].Label
	}
	for _, c := range convenanten {
		if !c.Onzeker.Leeg() {
			o.Convenanten = append(o.Convenanten, c)
		}
	}
	for _, r := range h.wettelijk {
		if h.kb.LaagsteZekerheid(r.Zekerheid) {
			o.Routes = append(o.Routes, verwijzing{r.Titel, "route/" + r.ID})
		}
	}
	for _, id := range h.onzekereGrondslagen() {
		g, _ := h.kb.Grondslag(id)
		o.Gronden = append(o.Gronden, onzekereGrond{h.grond(id), g.Uitleg, g.Zekerheid, g.Verificatie})
	}
	for _, v := range h.vragen {
		if h.kb.LaagsteZekerheid(v.Zekerheid) {
			o.Vragen = append(o.Vragen, verwijzing{v.Vraag, "vraag/" + v.ID})
		}
	}
	if len(o.Convenanten)+len(o.Routes)+len(o.Gronden)+len(o.Vragen) == 0 {
		return nil
	}
	return &o
}

// onzekereGrondslagen are the grounds of the catalogue with zekerheid laag or verificatie onzeker, in
// the order of the catalogue.
func (h *handreiking) onzekereGrondslagen() []string {
	var ids []string
	for _, id := range h.kb.IDs("grondslagen") {
		g, _ := h.kb.Grondslag(id)
		if h.kb.LaagsteZekerheid(g.Zekerheid) || g.Verificatie == "onzeker" {
			ids = append(ids, id)
		}
	}
	return h.inVolgorde("grondslagen", ids)
}

// grond is a legal ground as its title and official text (its id alone when the catalogue lacks it);
// it marks the ground as cited, for the list of grounds.
func (h *handreiking) grond(id string) grondDeel {
	g, ok := h.kb.Grondslag(id)
	if !ok {
		return grondDeel{Titel: id}
	}
	h.geciteerd[id] = true
	return grondDeel{cmp.Or(g.Titel, id), g.Bron}
}

func (h *handreiking) label(soort, id string) string { return h.kb.Label(soort, id) }

func (h *handreiking) labels(soort string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.label(soort, id)
	}
	return out
}

func (h *handreiking) convenantNaam(id string) string {
	c, _ := h.kb.Convenant(id)
	return cmp.Or(c.KorteNaam, c.Naam, id)
}

// feitWaarde writes the value of a fact: a boolean as ja or nee, an id as words.
func (h *handreiking) feitWaarde(v any) string {
	switch x := v.(type) {
	case bool:
		return jaNee(&x)
	case string:
		return opmaak.Woord(x)
	}
	return fmt.Sprint(v)
}

// fase is a phase of a covenant: one of its levels, or a phase that is none.
func fase(c kennisbank.Convenant, f string) faseDeel {
	for i, n := range c.Niveaus {
		if n.Fase == f {
			return faseDeel{Nummer: i + 1, Kleur: n.Kleur}
		}
	}
	return faseDeel{Fase: f}
}

func convenantTitel(c kennisbank.Convenant) string {
	titel := c.Naam
	if c.KorteNaam != "" && !strings.Contains(titel, c.KorteNaam) {
		titel += " (" + c.KorteNaam + ")"
	}
	return titel
}

//go:embed handreiking.md.tmpl
var handreikingMD string

// markdownSjabloon is handreiking.md.tmpl, parsed on first use; every document renders a clone of it
// with its own kop and deel (functies).
var markdownSjabloon = sync.OnceValue(func() *mdtemplate.Template {
	return mdtemplate.Must(mdtemplate.New("handreiking.md.tmpl").Funcs((*handreiking)(nil).functies(nil)).Parse(handreikingMD))
})

// functies are the functions of the Markdown template. kop registers the headings of h; deel renders a
// named template of t to a string.
func (h *handreiking) functies(t *mdtemplate.Template) mdtemplate.FuncMap {
	return mdtemplate.FuncMap{
		"kop":    h.kop,
		"inhoud": func() string { return inhoudMarker },
		"ref":    ref,
		"deel": func(naam string, data any) (string, error) {
			var b strings.Builder
			err := t.ExecuteTemplate(&b, naam, data)
			return b.String(), err
		},
		"md":           md,
		"alinea":       mdAlinea,
		"cel":          cel,
		"link":         link,
		"bron":         bronTekst,
		"datum":        kennisbank.DatumTekst,
		"woord":        opmaak.Woord,
		"looptijd":     looptijdTekst,
		"periode":      periodeTekst,
		"hoofdletter":  hoofdletter,
		"jaNee":        jaNee,
		"join":         strings.Join,
		"kies":         kies,
		"samen":        samen,
		"punten":       punten,
		"veld":         veld,
		"verschuif":    func(s string) string { return verschuifKoppen(s, 3) },
		"verwijzing":   verwijzingTekst,
		"verwijzingen": verwijzingenTekst,
	}
}

// markdown renders the document and then fills in the table of contents and the cross references.
func (h *handreiking) markdown() ([]byte, error) {
	t, err := markdownSjabloon().Clone()
	if err != nil {
		return nil, fmt.Errorf("handreiking: %w", err)
	}
	t.Funcs(h.functies(t))
	var b strings.Builder
	if err := t.Execute(&b, h.document()); err != nil {
		return nil, fmt.Errorf("handreiking: %w", err)
	}
	doc := b.String()
	ids, err := kopIDs(doc)
	if err != nil {
		return nil, err
	}
	// The template's headings are a subsequence of all headings (vraagbaak texts add their own).
	j := 0
	for i := range h.koppen {
		for j < len(ids) && (ids[j].niveau != h.koppen[i].niveau || ids[j].tekst != h.koppen[i].tekst) {
			j++
		}
		if j == len(ids) {
			return nil, fmt.Errorf("handreiking: kop %q niet gevonden", h.koppen[i].tekst)
		}
		h.koppen[i].id = ids[j].id
		j++
	}
	sleutels := map[string]string{}
	var inhoud strings.Builder
	for _, k := range h.koppen {
		if k.sleutel != "" {
			sleutels[k.sleutel] = k.id
		}
		if k.inhoud {
			fmt.Fprintf(&inhoud, "%s- [%s](#%s)\n", strings.Repeat("  ", max(k.niveau-2, 0)), k.tekst, k.id)
		}
	}
	doc = strings.Replace(doc, inhoudMarker+"\n", inhoud.String(), 1)
	var fout error
	doc = refPatroon.ReplaceAllStringFunc(doc, func(m string) string {
		s := strings.TrimSuffix(strings.TrimPrefix(m, refBegin), refEinde)
		id, ok := sleutels[s]
		if !ok && fout == nil {
			fout = fmt.Errorf("handreiking: verwijzing naar onbekende kop %q", s)
		}
		return id
	})
	if fout != nil {
		return nil, fout
	}
	return []byte(doc), nil
}

var refPatroon = regexp.MustCompile(regexp.QuoteMeta(refBegin) + `[^\x{E001}]*` + regexp.QuoteMeta(refEinde))

// ref is the link target of a heading with this key, resolved when the document is complete.
func ref(sleutel string) string { return "#" + refBegin + sleutel + refEinde }

// kop writes a heading of the template (its text already escaped) and registers it.
func (h *handreiking) kop(niveau int, tekst, sleutel string, inhoud bool) string {
	if strings.HasSuffix(tekst, "#") {
		// A closing run of # would be taken for the end of the heading.
		i := len(strings.TrimRight(tekst, "#"))
		tekst = tekst[:i] + `\` + tekst[i:]
	}
	h.koppen = append(h.koppen, kop{niveau: niveau, tekst: tekst, sleutel: sleutel, inhoud: inhoud})
	return strings.Repeat("#", niveau) + " " + tekst
}

// punten is a bullet list of the texts that are not empty, ending in a blank line; "" without any. A
// false value (a field the data lacks, in (and .Veld …)) is skipped.
func punten(items ...any) (string, error) {
	var b strings.Builder
	for _, it := range items {
		if s, ok := it.(string); ok {
			if s != "" {
				b.WriteString("- " + s + "\n")
			}
			continue
		}
		if waar, _ := mdtemplate.IsTrue(it); waar {
			return "", fmt.Errorf("punten: %v is geen tekst", it)
		}
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String(), nil
}

// kies is a when the condition holds (a true value, a non-empty text or list), else b.
func kies(voorwaarde any, a, b string) string {
	if waar, _ := mdtemplate.IsTrue(voorwaarde); waar {
		return a
	}
	return b
}

// samen joins the texts that are not empty.
func samen(scheiding string, delen ...string) string {
	return strings.Join(slices.DeleteFunc(delen, func(s string) bool { return s == "" }), scheiding)
}

// verwijzingTekst links to a heading of the handreiking, or is the text alone without one.
func verwijzingTekst(v verwijzing) string {
	if v.Sleutel == "" {
		return md(v.Tekst)
	}
	return "[" + md(v.Tekst) + "](" + ref(v.Sleutel) + ")"
}

func verwijzingenTekst(vs []verwijzing, scheiding string) string {
	delen := make([]string, len(vs))
	for i, v := range vs {
		delen[i] = verwijzingTekst(v)
	}
	return strings.Join(delen, scheiding)
}

// bronTekst is a source that may be a link or a reference in words; a link to any but an official
// source is left out.
func bronTekst(bron string) string {
	if strings.HasPrefix(bron, "https://") || strings.HasPrefix(bron, "http://") {
		if !kennisbank.OfficieleBron(bron) {
			return ""
		}
		return link(bron, bron)
	}
	return md(bron)
}

// kopID is a heading of the parsed document with its HTML id.
type kopID struct {
	niveau int
	tekst  string
	id     string
}

// kopIDs parses the Markdown as the HTML renderer does and returns every heading with its id.
func kopIDs(doc string) ([]kopID, error) {
	src := []byte(doc)
	ctx := parser.NewContext(parser.WithIDs(nieuweKopIDs()))
	root := markdownOmzetter().Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var uit []kopID
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		kp, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id, _ := kp.AttributeString("id")
		idb, _ := id.([]byte)
		regel := ""
		if l := kp.Lines(); l.Len() > 0 {
			seg := l.At(l.Len() - 1)
			regel = string(seg.Value(src))
		}
		uit = append(uit, kopID{niveau: kp.Level, tekst: strings.TrimSpace(regel), id: string(idb)})
		return ast.WalkSkipChildren, nil
	})
	return uit, err
}

// markdownOmzetter is the Markdown dialect of the handreiking: CommonMark with GFM tables, strikethrough
// and task lists, and heading ids. Raw HTML is not passed through.
func markdownOmzetter() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// kopIDGenerator gives headings ids like GitHub does: lower case, letters, digits, - and _ kept, spaces
// become -, everything else dropped; a repeated id gets -1, -2, ….
type kopIDGenerator struct{ gezien map[string]bool }

func nieuweKopIDs() *kopIDGenerator { return &kopIDGenerator{gezien: map[string]bool{}} }

func (g *kopIDGenerator) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(string(value))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		}
	}
	basis := cmp.Or(b.String(), "kop")
	id := basis
	for i := 1; g.gezien[id]; i++ {
		id = fmt.Sprintf("%s-%d", basis, i)
	}
	g.gezien[id] = true
	return []byte(id)
}

func (g *kopIDGenerator) Put(value []byte) { g.gezien[string(value)] = true }

// verschuifKoppen moves the ATX headings of a Markdown text n levels down (at most to level 6), outside
// fenced code, so that a vraagbaak text fits under its question; it closes a fence left open.
func verschuifKoppen(s string, n int) string {
	regels := strings.Split(s, "\n")
	hek := ""
	for i, r := range regels {
		t := strings.TrimLeft(r, " ")
		if len(r)-len(t) > 3 {
			continue
		}
		if hek != "" {
			if strings.HasPrefix(t, hek) {
				hek = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			hek = t[:len(t)-len(strings.TrimLeft(t, t[:1]))]
			continue
		}
		niveau := len(t) - len(strings.TrimLeft(t, "#"))
		if niveau >= 1 && niveau <= 6 && (len(t) == niveau || t[niveau] == ' ' || t[niveau] == '\t') {
			regels[i] = strings.Repeat("#", min(niveau+n, 6)) + t[niveau:]
		}
	}
	if hek != "" {
		// An open fence would swallow the rest of the handreiking.
		regels = append(regels, hek)
	}
	return strings.Join(regels, "\n")
}

// veld is one "**Naam:** waarde" line of a list; empty when there is no value.
func veld(naam, waarde string) string {
	if waarde == "" {
		return ""
	}
	return "**" + naam + ":** " + waarde
}

// jaNee is ja or nee, or a dash when the data does not say.
func jaNee(b *bool) string {
	switch {
	case b == nil:
		return "—"
	case *b:
		return "ja"
	}
	return "nee"
}

func hoofdletter(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// looptijdTekst and periodeTekst write a validity window with Dutch dates (opmaak.Periode).
func looptijdTekst(vanaf, tot string) string {
	return opmaak.Looptijd(vanaf, tot, kennisbank.DatumTekst)
}

func periodeTekst(vanaf, tot string) string { return opmaak.Periode(vanaf, tot, kennisbank.DatumTekst) }

// md escapes text from the knowledge base so that it stays text in Markdown: no emphasis, links, code,
// HTML or entities, and no line breaks.
func md(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = isoDatum.ReplaceAllStringFunc(s, kennisbank.DatumTekst)
	return opmaak.Tekst(s)
}

var (
	// isoDatum is a date in a text of the knowledge base, written the Dutch way in the handreiking.
	isoDatum = regexp.MustCompile(`\b[12][0-9]{3}-[01][0-9]-[0-3][0-9]\b`)
	// blokBegin is what would start a block (heading, quote, list, rule) at the start of a paragraph.
	blokBegin = regexp.MustCompile(`^([#>+=|-]|[0-9]+[.)])`)
)

// mdAlinea escapes text that starts a paragraph.
func mdAlinea(s string) string {
	s = md(s)
	if m := blokBegin.FindStringIndex(s); m != nil {
		s = s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

// cel escapes text for a table cell.
func cel(s string) string { return strings.ReplaceAll(md(s), "|", `\|`) }

// link is a Markdown link to an official source (library.OfficieleBron); without a URL, or for any other
// source, it is the text alone.
func link(tekst, url string) string {
	if !kennisbank.OfficieleBron(url) {
		url = ""
	}
	return opmaak.Link(tekst, url, md)
}

// HTML generates the handreiking as one standalone HTML page: what Markdown writes,
// rendered with its own style sheet, no external resources and no scripts, readable on a phone and
// printable. Text from the knowledge base is escaped; raw HTML in vraagbaak texts is left out.
func HTML(kb *kennisbank.Kennisbank, opties ...Optie) ([]byte, error) {
	h, err := nieuweHandreiking(kb, opties)
	if err != nil {
		return nil, err
	}
	doc, err := h.markdown()
	if err != nil {
		return nil, err
	}
	var lichaam bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(nieuweKopIDs()))
	if err := markdownOmzetter().Convert(doc, &lichaam, parser.WithContext(ctx)); err != nil {
		return nil, fmt.Errorf("handreiking: html: %w", err)
	}
	// Tables scroll inside their own box on a narrow screen. Text never contains a literal tag: the
	// renderer escapes it.
	inhoud := tabelBijschriften(lichaam.String())

	var titelTekst strings.Builder
	for _, k := range h.koppen {
		if k.niveau == 1 {
			titelTekst.WriteString(ontsnapMarkdown(k.tekst))
			break
		}
	}
	p := handreikingPagina{Titel: titelTekst.String(), Versie: kb.Versie(), Stijlblad: h.o.stijlblad, Terug: h.o.terug, InhoudID: h.inhoudID()}
	if h.o.stijlblad == "" {
		p.CSS = template.CSS(weergave.PaginaCSS())
	}
	// A covenant starts a new page in print.
	for _, k := range h.koppen {
		if strings.HasPrefix(k.sleutel, "convenant/") {
			inhoud = strings.Replace(inhoud, "<h2 id=\""+htmlTekst(k.id)+"\">", "<h2 id=\""+htmlTekst(k.id)+"\" class=\"nieuwe-pagina\">", 1)
		}
	}
	// The Markdown renderer escaped every text of the knowledge base; raw HTML is left out.
	p.Inhoud = template.HTML(inhoud)
	var b bytes.Buffer
	if err := handreikingSjabloon.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("handreiking: html: %w", err)
	}
	return b.Bytes(), nil
}

// handreikingPagina is what handreiking.html.tmpl shows: the page around the rendered Markdown.
type handreikingPagina struct {
	Titel, Versie, Stijlblad, InhoudID string
	Terug                              [2]string
	CSS                                template.CSS
	Inhoud                             template.HTML
}

var (
	//go:embed handreiking.html.tmpl
	handreikingHTML     string
	handreikingSjabloon = template.Must(template.New("handreiking").Parse(handreikingHTML))
)

func (h *handreiking) inhoudID() string {
	for _, k := range h.koppen {
		if k.sleutel == "inhoud" {
			return k.id
		}
	}
	return ""
}

var (
	kopPatroon   = regexp.MustCompile(`<h[1-6] id="([^"]*)"[^>]*>(.*?)</h[1-6]>`)
	tagPatroon   = regexp.MustCompile(`<[^>]*>`)
	tabelPatroon = regexp.MustCompile(`<table>`)
)

// tabelBijschriften gives every table of the rendered handreiking a caption (the text of the heading
// above it, for screen readers), column headers with scope, and a box that scrolls on a narrow screen.
// Text never contains a literal tag: the renderer escapes it.
func tabelBijschriften(html string) string {
	var b strings.Builder
	rest := html
	for {
		loc := tabelPatroon.FindStringIndex(rest)
		if loc == nil {
			b.WriteString(rest)
			break
		}
		voor := rest[:loc[0]]
		kop := ""
		if koppen := kopPatroon.FindAllStringSubmatch(b.String()+voor, -1); len(koppen) > 0 {
			kop = strings.TrimSpace(tagPatroon.ReplaceAllString(koppen[len(koppen)-1][2], ""))
		}
		b.WriteString(voor)
		// A table that scrolls on a narrow screen is a region the keyboard can reach and scroll.
		b.WriteString(`<div class="tabel" role="region" tabindex="0" aria-label="` + cmp.Or(kop, "Tabel") + `"><table>`)
		if kop != "" {
			b.WriteString(`<caption class="vh">` + kop + `</caption>`)
		}
		rest = rest[loc[1]:]
	}
	return strings.NewReplacer("</table>", "</table></div>", "<th>", `<th scope="col">`).Replace(b.String())
}

// ontsnapMarkdown undoes the escapes of md, for the page title.
func ontsnapMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var htmlTekst = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace
