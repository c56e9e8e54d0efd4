// Package handreiking writes the handreiking (the guidance document) from a knowledge base: Markdown,
// and one standalone HTML page rendered from it with the stylesheet library.PaginaCSS. It reads the
// knowledge base through the library's exported API: the typed accessors (Convenant, Routes, Grondslag)
// and, for what has none yet (route groups, conditions), the plain items.
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
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
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

// Stijlblad makes HTML link this style sheet (e.g. "/stijl.css", serving library.PaginaCSS)
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
func Markdown(kb *library.Kennisbank, opties ...Optie) ([]byte, error) {
	h, err := nieuweHandreiking(kb, opties)
	if err != nil {
		return nil, err
	}
	return h.markdown()
}

// nieuweHandreiking checks the options and selects what goes into the handreiking.
func nieuweHandreiking(kb *library.Kennisbank, opties []Optie) (*handreiking, error) {
	var o instellingen
	for _, opt := range opties {
		opt(&o)
	}
	h := &handreiking{kb: kb, o: o, geciteerd: map[string]bool{}}
	if o.editie != "" && !library.GeldigeDatum(o.editie) {
		return nil, &library.DatumFout{Veld: "editie", Waarde: o.editie}
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
	slices.SortStableFunc(h.convenanten, func(a, b library.Convenant) int {
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

// handreiking builds the document. Headings are written through kop, so that the table of contents
// and the cross references can find them; the ids of the headings are computed afterwards by the same
// Markdown parser that renders the HTML.
type handreiking struct {
	kb          *library.Kennisbank
	o           instellingen
	convenanten []library.Convenant
	wettelijk   []library.Route // routes outside the covenants
	vragen      []library.Vraagbaakitem
	geciteerd   map[string]bool // legal grounds the text links to

	b      strings.Builder
	koppen []kop
}

// kop is a heading written by the generator.
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

func (h *handreiking) markdown() ([]byte, error) {
	titel := "Handreiking gegevensdeling in zorg en veiligheid"
	if h.o.convenant != "" && len(h.convenanten) == 1 {
		titel = "Handreiking: " + convenantTitel(h.convenanten[0])
	}
	h.kop(1, md(titel), "", false)
	if h.o.editie != "" {
		h.alinea("*Editie van " + library.DatumTekst(h.o.editie) + "*")
	}
	h.alinea("Deze handreiking is gemaakt uit de kennisbank van magikdelen: dezelfde gegevens waarmee `magikdelen vraag` " +
		"rekent. Per convenant staat erin wie deelneemt, welke gegevens voor welk doel ten hoogste gedeeld mogen " +
		"worden en onder welke voorwaarden, langs welke wettelijke routes dat gaat en wat nog onzeker is. " +
		"Het is een hulpmiddel, geen juridisch advies: leg twijfel voor aan de functionaris gegevensbescherming (FG) " +
		"of privacy officer van uw organisatie.")
	h.kop(2, "Inhoud", "inhoud", false)
	h.regel(inhoudMarker)
	h.regel("")

	for _, c := range h.convenanten {
		h.convenant(c)
	}
	if len(h.wettelijk) > 0 {
		h.kop(2, "Wettelijke routes buiten de convenanten", "routes", true)
		h.alinea("Deze routes volgen rechtstreeks uit de wet en gelden ook buiten een convenant. Elke route noemt de " +
			"partijen, doelen en gegevens waarvoor zij geldt, de grondslag en de voorwaarden.")
		for _, r := range h.wettelijk {
			h.route(r, 3)
		}
	}
	// The list of grounds comes before the vraagbaak and the open questions, and includes what they cite.
	for _, v := range h.vragen {
		for _, b := range v.Bronnen {
			h.grondslagLink(b)
		}
	}
	for _, id := range h.onzekereGrondslagen() {
		h.grondslagLink(id)
	}
	h.grondslagen()
	h.vraagbaak()
	h.openVragen()
	h.regel("---")
	h.regel("")
	h.alinea("Kennisbank: `" + h.kb.Versie() + "`")

	doc := h.b.String()
	ids, err := kopIDs(doc)
	if err != nil {
		return nil, err
	}
	// The generator's headings are a subsequence of all headings (vraagbaak texts add their own).
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

func (h *handreiking) kop(niveau int, tekst, sleutel string, inhoud bool) {
	if strings.HasSuffix(tekst, "#") {
		// A closing run of # would be taken for the end of the heading.
		i := len(strings.TrimRight(tekst, "#"))
		tekst = tekst[:i] + `\` + tekst[i:]
	}
	fmt.Fprintf(&h.b, "%s %s\n\n", strings.Repeat("#", niveau), tekst)
	h.koppen = append(h.koppen, kop{niveau: niveau, tekst: tekst, sleutel: sleutel, inhoud: inhoud})
}

func (h *handreiking) regel(s string)  { h.b.WriteString(s + "\n") }
func (h *handreiking) alinea(s string) { h.b.WriteString(s + "\n\n") }

// punten writes a bullet list, skipping empty items.
func (h *handreiking) punten(items ...string) {
	n := 0
	for _, it := range items {
		if it != "" {
			h.b.WriteString("- " + it + "\n")
			n++
		}
	}
	if n > 0 {
		h.b.WriteString("\n")
	}
}

func (h *handreiking) convenant(c library.Convenant) {
	h.kop(2, md(convenantTitel(c)), "convenant/"+c.ID, true)
	if c.Omschrijving != "" {
		h.alinea(mdAlinea(c.Omschrijving))
	}
	var vereist []string
	for _, f := range slices.Sorted(maps.Keys(c.VereistFeiten)) {
		vereist = append(vereist, md(h.label("feiten", f))+" = "+md(h.feitWaarde(c.VereistFeiten[f])))
	}
	h.punten(
		veld("Soort", md(opmaak.Woord(c.Soort))),
		veld("Status", md(opmaak.Woord(c.Status))),
		veld("Looptijd", md(looptijdTekst(c.GeldigVanaf, c.GeldigTot))),
		als(len(vereist) > 0, veld("Geldt alleen als", strings.Join(vereist, "; ")+" (\"stel dat\")")),
		als(c.Kring != "", veld("Kring", md(c.Kring))),
		veld("Zekerheid van deze gegevens", md(c.Zekerheid)),
	)

	if len(c.WettelijkeBasis) > 0 {
		h.kop(3, "Wettelijke basis", "", false)
		var items []string
		for _, wb := range c.WettelijkeBasis {
			s := h.grondslagLink(wb.Grondslag)
			if p := periodeTekst(wb.Vanaf, wb.Tot); p != "" {
				s = "**" + md(hoofdletter(p)) + ":** " + s
			}
			items = append(items, s+" — "+md(wb.Tekst))
		}
		h.punten(items...)
	}

	h.kop(3, "Deelnemers", "", false)
	h.deelnemers(c)

	if len(c.Niveaus) > 0 {
		h.kop(3, "Niveaus", "", false)
		h.regel("| Fase | Kleur | Casusregie | Procesregie | Bestuurlijk | Delen |")
		h.regel("|---|---|---|---|---|---|")
		for _, n := range c.Niveaus {
			h.regel("| " + strings.Join([]string{
				cel(faseTekst(c, n.Fase)), cel(n.Kleur), cel(n.Casusregie),
				cel(n.Procesregie), cel(n.Bestuurlijk), cel(n.Delen),
			}, " | ") + " |")
		}
		h.regel("")
	}

	if ic := c.Inclusie; ic != nil {
		h.kop(3, "Inclusiecriteria", "", false)
		h.alinea(mdAlinea(ic.Tekst))
		h.punten(
			als(ic.Bron != "", veld("Bron", h.bronTekst(ic.Bron))),
			veld("Zekerheid", md(ic.Zekerheid)),
		)
	}

	h.kop(3, "Doelen: wat mag gedeeld worden", "", false)
	h.alinea("Per doel de gegevens die het ten hoogste mag dragen en de voorwaarden die bij elke deling voor dat doel op de checklist komen.")
	for _, d := range c.Doelen {
		h.doel(c, d)
	}

	if vw := h.convenantVoorwaarden(c); len(vw) > 0 {
		h.kop(3, "Voorwaarden", "", false)
		h.alinea("De voorwaarden die de doelen en routes van dit convenant noemen, met de tekst van de checklist:")
		var items []string
		for _, v := range vw {
			items = append(items, h.voorwaardeTekst(v))
		}
		h.punten(items...)
	}

	if len(c.Routes) > 0 {
		h.kop(3, "Routes", "", false)
		h.alinea("De wettelijke routes waarlangs binnen dit convenant gedeeld wordt. Elke route noemt haar grondslag in de wet of de eigen taak van de partij.")
		for _, r := range c.Routes {
			h.route(r, 4)
		}
	}

	if bt := c.Bewaartermijn; bt != nil {
		h.kop(3, "Bewaartermijn", "", false)
		s := ""
		if bt.Jaren != nil {
			s = "**" + md(strconv.Itoa(*bt.Jaren)) + " jaar.** "
		}
		h.alinea(s + md(bt.Tekst))
		h.punten(
			als(bt.Grondslag != "", veld("Grondslag", h.grondslagLink(bt.Grondslag))),
			veld("Zekerheid", md(bt.Zekerheid)),
		)
	}

	if len(c.Artikelen) > 0 {
		h.kop(3, "Artikelen", "", false)
		var items []string
		for _, a := range c.Artikelen {
			items = append(items, link(a.Titel, a.Bron))
		}
		h.punten(items...)
	}
	// Only official sources: a covenant's other sources (a method's website, a conference) stay out.
	var bronnen []string
	for _, b := range c.Bronnen {
		if library.OfficieleBron(b.URL) {
			bronnen = append(bronnen, link(b.Titel, b.URL))
		}
	}
	if len(bronnen) > 0 {
		h.kop(3, "Bronnen", "", false)
		h.punten(bronnen...)
	}
	if h.heeftOpenVragen(c) {
		h.alinea("Wat over dit convenant nog onzeker is, staat onder [Open vragen](" + ref("open/"+c.ID) + ").")
	}
}

func (h *handreiking) deelnemers(c library.Convenant) {
	if len(c.Deelnemers) == 0 {
		h.alinea("Geen vaste deelnemers vastgelegd.")
		return
	}
	wgs := slices.ContainsFunc(c.Deelnemers, func(d library.Deelnemer) bool { return d.WGS != nil })
	orgs := slices.ContainsFunc(c.Deelnemers, func(d library.Deelnemer) bool { return len(d.Organisaties) > 0 })
	kolommen := []string{"Partij", "Deelname", "Periode"}
	if wgs {
		kolommen = append(kolommen, "WGS-deelnemer")
	}
	kolommen = append(kolommen, "Zekerheid")
	if orgs {
		kolommen = append(kolommen, "Organisaties")
	}
	h.regel("| " + strings.Join(kolommen, " | ") + " |")
	h.regel("|" + strings.Repeat("---|", len(kolommen)))
	for _, d := range c.Deelnemers {
		rij := []string{cel(h.label("partijen", d.Partij)), cel(opmaak.Woord(d.Deelname))}
		rij = append(rij, cel(cmp.Or(periodeTekst(d.Vanaf, d.Tot), "hele looptijd")))
		if wgs {
			rij = append(rij, jaNee(d.WGS))
		}
		rij = append(rij, cel(d.Zekerheid))
		if orgs {
			var namen []string
			for _, o := range d.Organisaties {
				namen = append(namen, o.Naam)
			}
			rij = append(rij, cel(strings.Join(namen, ", ")))
		}
		h.regel("| " + strings.Join(rij, " | ") + " |")
	}
	h.regel("")
}

func (h *handreiking) doel(c library.Convenant, d library.ConvenantDoel) {
	titel := d.Label
	if d.Stap != nil {
		titel = fmt.Sprintf("Stap %d: %s", *d.Stap, titel)
	}
	h.kop(4, md(titel), "", false)
	if d.Omschrijving != "" {
		h.alinea(mdAlinea(d.Omschrijving))
	}
	var alternatieven []string
	for _, a := range d.Alternatieven {
		s := md(a.Tekst) + " (doel: " + md(h.label("doelen", a.Doel))
		if a.Naar != "" {
			s += ", naar: " + md(h.label("partijen", a.Naar))
		}
		alternatieven = append(alternatieven, s+")")
	}
	h.punten(
		als(d.Fase != "", veld("Niveau", md(faseTekst(c, d.Fase)))),
		als(d.Beslist != "", veld("Beslist", md(d.Beslist))),
		als(d.MaxGegevens != nil, veld("Ten hoogste deze gegevens", h.maxGegevens(d.MaxGegevens))),
		als(len(d.Voorwaarden) > 0, veld("Voorwaarden", md(strings.Join(h.labels("voorwaarden", d.Voorwaarden), ", ")))),
		jaNeeVeld("Inclusiecriteria vereist", d.VereistInclusie),
		jaNeeVeld("Rol in de casus vereist", d.VereistRol),
		jaNeeVeld("Betrokkene informeren", d.Informeren),
		als(len(d.VerenigbaarMet) > 0, veld("Verder te gebruiken voor", md(strings.Join(h.labels("doelen", d.VerenigbaarMet), ", ")))),
		als(len(alternatieven) > 0, veld("Als het niet mag", strings.Join(alternatieven, "; "))),
	)
}

func (h *handreiking) maxGegevens(ids []string) string {
	switch {
	case len(ids) == 0:
		return "geen persoonsgegevens (alleen geanonimiseerd of geaggregeerd)"
	case slices.Contains(ids, "*"):
		return "alle categorieën, voor zover noodzakelijk"
	}
	return md(strings.Join(h.labels("gegevens", ids), ", "))
}

// route writes one route (of a covenant or of the law) under a heading of this level.
func (h *handreiking) route(r library.Route, niveau int) {
	h.kop(niveau, md(r.Titel), "route/"+r.ID, false)
	if r.Tekst != "" {
		h.alinea(mdAlinea(r.Tekst))
	}
	gegevensTekst := "alle categorieën"
	if len(r.Gegevens) > 0 && !slices.Contains(r.Gegevens, "*") {
		gegevensTekst = md(strings.Join(h.labels("gegevens", r.Gegevens), ", "))
	}
	doelenTekst := "elk doel"
	if !slices.Contains(r.Doelen, "*") {
		doelenTekst = md(strings.Join(h.labels("doelen", r.Doelen), ", "))
	}
	var feiten []string
	for _, k := range slices.Sorted(maps.Keys(r.Feiten)) {
		feiten = append(feiten, md(h.label("feiten", k))+" = "+md(h.feitWaarde(r.Feiten[k])))
	}
	var handelingen []string
	for _, hd := range r.Handelingen {
		s := md(h.label("feiten", hd.Feit)) + " = " + md(h.feitWaarde(hd.Waarde)) +
			" (anders op de checklist: " + md(h.label("voorwaarden", hd.Voorwaarde))
		if hd.BijMinderjarige != "" {
			s += "; bij een minderjarige: " + md(h.label("voorwaarden", hd.BijMinderjarige))
		}
		handelingen = append(handelingen, s+")")
	}
	var grond []string
	for _, g := range r.Grondslagen {
		grond = append(grond, h.grondslagLink(g))
	}
	if r.EigenGrondslag {
		grond = append(grond, "de eigen wettelijke taak van de partij")
	}
	geldig := periodeTekst(r.GeldigVanaf, r.GeldigTot)
	h.punten(
		veld("Van", md(strings.Join(h.partijGroepen(r.Van), "; "))),
		veld("Naar", md(strings.Join(h.partijGroepen(r.Naar), "; "))),
		veld("Doelen", doelenTekst),
		veld("Gegevens", gegevensTekst),
		als(geldig != "", veld("Geldig", md(geldig))),
		als(len(feiten) > 0, veld("Geldt als", strings.Join(feiten, "; "))),
		als(len(handelingen) > 0, veld("Nodig", strings.Join(handelingen, "; "))),
		veld("Dekt", md(strings.Join(h.labels("lagen", r.Lagen), ", "))),
		als(len(grond) > 0, veld("Grondslag", strings.Join(grond, "; "))),
		als(len(r.Voorwaarden) > 0, veld("Voorwaarden", md(strings.Join(h.labels("voorwaarden", r.Voorwaarden), ", ")))),
		veld("Oordeel", md(h.label("oordelen", r.Oordeel))),
		als(r.Zelfstandig, veld("Zelfstandige route", "ja")),
		veld("Zekerheid", md(r.Zekerheid)),
	)
}

// partijGroepen names the parties of a route: labels for parties, words for the groups the rules know.
func (h *handreiking) partijGroepen(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		var delen []string
		for deel := range strings.SplitSeq(id, "+") {
			switch {
			case deel == "*":
				delen = append(delen, "iedereen")
			case strings.HasPrefix(deel, "@"):
				delen = append(delen, cmp.Or(h.kb.Veld("groepen", deel, "omschrijving"), deel))
			default:
				delen = append(delen, h.partij(deel))
			}
		}
		out = append(out, strings.Join(delen, " die ook "))
	}
	return out
}

// convenantVoorwaarden are the conditions named by the covenant's purposes and routes, in the order of
// voorwaarden.yaml.
func (h *handreiking) convenantVoorwaarden(c library.Convenant) []string {
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

func (h *handreiking) voorwaardeTekst(id string) string {
	v, _ := h.kb.Voorwaarde(id)
	s := "**" + md(h.label("voorwaarden", id)) + "** — " + md(v.Tekst)
	var grond []string
	for _, g := range v.Grondslagen {
		grond = append(grond, h.grondslagLink(g))
	}
	if len(grond) > 0 {
		s += " *(" + strings.Join(grond, "; ") + ")*"
	}
	return s
}

func (h *handreiking) vraagbaak() {
	if len(h.vragen) == 0 {
		return
	}
	h.kop(2, "Vraagbaak", "vraagbaak", true)
	h.alinea("Vragen zoals professionals ze stellen, met het antwoord uit de kennisbank. Antwoorden met een controle worden bij elke wijziging van de regels opnieuw getoetst.")
	opgenomen := map[string]bool{}
	for _, v := range h.vragen {
		opgenomen[v.ID] = true
	}
	for _, thema := range h.vraagbaakThemas() {
		h.kop(3, md(thema.titel), "", true)
		for _, v := range thema.vragen {
			h.vraagbaakitem(v, opgenomen)
		}
	}
}

// vraagbaakThema is a group of vraagbaak entries: the entries about one covenant, or the general ones.
type vraagbaakThema struct {
	titel  string
	vragen []library.Vraagbaakitem
}

// vraagbaakThemas groups the entries by theme: per covenant of the handreiking (in its order) the
// entries whose first covenant it is, then the entries about none of them; by id within a theme.
func (h *handreiking) vraagbaakThemas() []vraagbaakThema {
	per := map[string][]library.Vraagbaakitem{}
	for _, v := range h.vragen {
		thema := ""
		for _, c := range v.Convenanten {
			if h.heeftConvenant(c) {
				thema = c
				break
			}
		}
		per[thema] = append(per[thema], v)
	}
	var uit []vraagbaakThema
	for _, c := range h.convenanten {
		if vragen := per[c.ID]; len(vragen) > 0 {
			uit = append(uit, vraagbaakThema{"Vragen over " + h.convenantNaam(c.ID), vragen})
		}
	}
	if vragen := per[""]; len(vragen) > 0 {
		uit = append(uit, vraagbaakThema{"Algemene vragen: wettelijke routes, beroepsgeheim en rechten van betrokkene", vragen})
	}
	return uit
}

// vraagbaakitem writes one entry of the vraagbaak under its question.
func (h *handreiking) vraagbaakitem(v library.Vraagbaakitem, opgenomen map[string]bool) {
	h.kop(4, md(v.Vraag), "vraag/"+v.ID, true)
	if t := strings.TrimSpace(v.Tekst); t != "" {
		h.alinea(verschuifKoppen(t, 3))
	} else {
		h.alinea(mdAlinea(v.Samenvatting))
	}
	h.alinea("*Bij deze vraag:*")
	var convenanten, zieOok, bronnen []string
	for _, c := range v.Convenanten {
		if h.heeftConvenant(c) {
			convenanten = append(convenanten, "["+md(h.convenantNaam(c))+"]("+ref("convenant/"+c)+")")
		} else {
			convenanten = append(convenanten, md(h.convenantNaam(c)))
		}
	}
	for _, z := range v.ZieOok {
		titel := z
		if item, ok := h.kb.Vraagbaakitem(z); ok {
			titel = item.Vraag
		}
		if opgenomen[z] {
			zieOok = append(zieOok, "["+md(titel)+"]("+ref("vraag/"+z)+")")
		} else {
			zieOok = append(zieOok, md(titel))
		}
	}
	for _, b := range v.Bronnen {
		bronnen = append(bronnen, h.grondslagLink(b))
	}
	controles := ""
	if n := len(v.Controles); n == 1 {
		controles = "1 controle, getoetst aan de regels"
	} else if n > 1 {
		controles = fmt.Sprintf("%d controles, getoetst aan de regels", n)
	}
	h.punten(
		als(len(convenanten) > 0, veld("Convenanten", strings.Join(convenanten, ", "))),
		als(len(v.Partijen) > 0, veld("Partijen", md(strings.Join(h.partijLabels(v.Partijen), ", ")))),
		als(len(v.Gegevens) > 0, veld("Gegevens", md(strings.Join(h.labels("gegevens", v.Gegevens), ", ")))),
		als(len(v.Doelen) > 0, veld("Doelen", md(strings.Join(h.labels("doelen", v.Doelen), ", ")))),
		als(len(bronnen) > 0, veld("Bronnen", strings.Join(bronnen, "; "))),
		als(v.Zekerheid != "", veld("Zekerheid", md(v.Zekerheid))),
		als(len(zieOok) > 0, veld("Zie ook", strings.Join(zieOok, "; "))),
		als(len(v.Trefwoorden) > 0, veld("Trefwoorden", md(strings.Join(v.Trefwoorden, ", ")))),
		als(controles != "", veld("Controles", controles)),
	)
}

// grondslagen lists the legal grounds the text links to, grouped by law in the order of the catalogue.
func (h *handreiking) grondslagen() {
	if len(h.geciteerd) == 0 {
		return
	}
	h.kop(2, "Grondslagen", "grondslagen", true)
	h.alinea("De wetsartikelen en bepalingen die deze handreiking noemt, met een link naar de officiële tekst. " +
		"De zekerheid zegt hoe vast de kennisbank de bepaling en haar uitleg heeft (verificatie tussen haakjes).")
	ids := h.inVolgorde("grondslagen", slices.Collect(maps.Keys(h.geciteerd)))
	var wetten []string
	perWet := map[string][]string{}
	for _, id := range ids {
		g, _ := h.kb.Grondslag(id)
		w := cmp.Or(g.Wet, "Overig")
		if _, ok := perWet[w]; !ok {
			wetten = append(wetten, w)
		}
		perWet[w] = append(perWet[w], id)
	}
	for _, w := range wetten {
		h.kop(3, md(w), "", false)
		var items []string
		for _, id := range perWet[w] {
			g, _ := h.kb.Grondslag(id)
			s := link(cmp.Or(g.Titel, id), g.Bron)
			if g.Uitleg != "" {
				s += " — " + md(g.Uitleg)
			}
			var meta []string
			if g.Zekerheid != "" {
				zm := "zekerheid " + g.Zekerheid
				if g.Verificatie != "" {
					zm += " (" + g.Verificatie + ")"
				}
				meta = append(meta, zm)
			}
			if p := periodeTekst(g.GeldigVanaf, g.GeldigTot); p != "" {
				meta = append(meta, "geldig "+p)
			}
			if len(meta) > 0 {
				s += " *" + md(strings.Join(meta, "; ")) + "*"
			}
			items = append(items, s)
		}
		h.punten(items...)
	}
}

func (h *handreiking) heeftOpenVragen(c library.Convenant) bool {
	return len(h.convenantOnzeker(c)) > 0
}

// heeftConvenant: covenant id is in this handreiking.
func (h *handreiking) heeftConvenant(id string) bool {
	return slices.ContainsFunc(h.convenanten, func(c library.Convenant) bool { return c.ID == id })
}

// convenantOnzeker lists what the knowledge base marks uncertain about a covenant.
func (h *handreiking) convenantOnzeker(c library.Convenant) []string {
	var items []string
	if len(c.VereistFeiten) > 0 {
		var delen []string
		for _, f := range slices.Sorted(maps.Keys(c.VereistFeiten)) {
			delen = append(delen, md(h.label("feiten", f))+" = "+md(h.feitWaarde(c.VereistFeiten[f])))
		}
		items = append(items, "**Status:** "+md(opmaak.Woord(c.Soort))+"; de regels rekenen er alleen mee als de vraag zegt: "+strings.Join(delen, "; ")+" (\"stel dat\").")
	}
	if h.kb.LaagsteZekerheid(c.Zekerheid) {
		items = append(items, "**De gegevens van dit convenant** hebben zekerheid "+h.laag()+".")
	}
	if c.Inclusie != nil && h.kb.LaagsteZekerheid(c.Inclusie.Zekerheid) {
		items = append(items, "**De inclusiecriteria** hebben zekerheid "+h.laag()+".")
	}
	if c.Bewaartermijn != nil && h.kb.LaagsteZekerheid(c.Bewaartermijn.Zekerheid) {
		items = append(items, "**De bewaartermijn** heeft zekerheid "+h.laag()+".")
	}
	var laag []string
	for _, d := range c.Deelnemers {
		if h.kb.LaagsteZekerheid(d.Zekerheid) {
			laag = append(laag, h.label("partijen", d.Partij))
		}
	}
	if len(laag) > 0 {
		items = append(items, "**Deelname met zekerheid "+h.laag()+":** "+md(strings.Join(laag, ", "))+".")
	}
	var routes []string
	for _, r := range c.Routes {
		if h.kb.LaagsteZekerheid(r.Zekerheid) {
			routes = append(routes, "["+md(r.Titel)+"]("+ref("route/"+r.ID)+")")
		}
	}
	if len(routes) > 0 {
		items = append(items, "**Routes met zekerheid "+h.laag()+":** "+strings.Join(routes, "; ")+".")
	}
	for _, v := range c.OpenVragen {
		items = append(items, mdAlinea(v))
	}
	return items
}

// laag is the label of the lowest certainty (oordelen.yaml), as the open questions name it.
func (h *handreiking) laag() string {
	z := h.kb.Zekerheden()
	if len(z) == 0 {
		return ""
	}
	return md(z[0].Label)
}

func (h *handreiking) openVragen() {
	type blok struct {
		titel, sleutel string
		items          []string
	}
	var blokken []blok
	for _, c := range h.convenanten {
		if items := h.convenantOnzeker(c); len(items) > 0 {
			blokken = append(blokken, blok{convenantTitel(c), "open/" + c.ID, items})
		}
	}
	var routes []string
	for _, r := range h.wettelijk {
		if h.kb.LaagsteZekerheid(r.Zekerheid) {
			routes = append(routes, "["+md(r.Titel)+"]("+ref("route/"+r.ID)+")")
		}
	}
	if len(routes) > 0 {
		blokken = append(blokken, blok{"Wettelijke routes met zekerheid " + h.laag(), "", routes})
	}
	var gronden []string
	for _, id := range h.onzekereGrondslagen() {
		g, _ := h.kb.Grondslag(id)
		gronden = append(gronden, h.grondslagLink(id)+" — "+md(g.Uitleg)+
			" *"+md("zekerheid "+g.Zekerheid+", verificatie "+cmp.Or(g.Verificatie, "onbekend"))+"*")
	}
	if len(gronden) > 0 {
		blokken = append(blokken, blok{"Grondslagen met zekerheid " + h.laag() + " of onzekere verificatie", "", gronden})
	}
	var vragen []string
	for _, v := range h.vragen {
		if h.kb.LaagsteZekerheid(v.Zekerheid) {
			vragen = append(vragen, "["+md(v.Vraag)+"]("+ref("vraag/"+v.ID)+")")
		}
	}
	if len(vragen) > 0 {
		blokken = append(blokken, blok{"Antwoorden in de vraagbaak met zekerheid " + h.laag(), "", vragen})
	}
	if len(blokken) == 0 {
		return
	}
	h.kop(2, "Open vragen", "open", true)
	h.alinea("Alles wat de kennisbank als onzeker markeert. Antwoorden die hiervan afhangen, krijgen een lagere zekerheid; leg ze voor aan de FG of privacy officer.")
	for _, b := range blokken {
		h.kop(3, md(b.titel), b.sleutel, false)
		h.punten(b.items...)
	}
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

// grondslagLink is the title of a legal ground linked to its official text; it marks the ground as cited.
func (h *handreiking) grondslagLink(id string) string {
	g, ok := h.kb.Grondslag(id)
	if !ok {
		return md(id)
	}
	h.geciteerd[id] = true
	return link(cmp.Or(g.Titel, id), g.Bron)
}

// bronTekst is a source that may be a link or a reference in words.
func (h *handreiking) bronTekst(bron string) string {
	if strings.HasPrefix(bron, "https://") || strings.HasPrefix(bron, "http://") {
		if !library.OfficieleBron(bron) {
			return ""
		}
		return link(bron, bron)
	}
	return md(bron)
}

func (h *handreiking) label(soort, id string) string { return h.kb.Label(soort, id) }

func (h *handreiking) labels(soort string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.label(soort, id)
	}
	return out
}

// partij gives the label of a party role, or of an organisation of a covenant.
func (h *handreiking) partij(id string) string { return h.kb.Label("partijen", id) }

func (h *handreiking) partijLabels(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.partij(id)
	}
	return out
}

func (h *handreiking) convenantNaam(id string) string {
	c, _ := h.kb.Convenant(id)
	return cmp.Or(c.KorteNaam, c.Naam, id)
}

func (h *handreiking) feitWaarde(v any) string {
	switch x := v.(type) {
	case bool:
		return jaNee(&x)
	case string:
		return opmaak.Woord(x)
	}
	return fmt.Sprint(v)
}

// faseTekst names a phase of a covenant for people: "Niveau 1 (groen)" after the covenant's levels, or
// the phase in words.
func faseTekst(c library.Convenant, fase string) string {
	for i, n := range c.Niveaus {
		if n.Fase == fase {
			if n.Kleur != "" {
				return fmt.Sprintf("Niveau %d (%s)", i+1, n.Kleur)
			}
			return fmt.Sprintf("Niveau %d", i+1)
		}
	}
	return opmaak.Woord(fase)
}

func convenantTitel(c library.Convenant) string {
	titel := c.Naam
	if c.KorteNaam != "" && !strings.Contains(titel, c.KorteNaam) {
		titel += " (" + c.KorteNaam + ")"
	}
	return titel
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

func als(voorwaarde bool, s string) string {
	if !voorwaarde {
		return ""
	}
	return s
}

// jaNeeVeld is a yes/no line of a list; empty when the data does not say.
func jaNeeVeld(naam string, b *bool) string {
	if b == nil {
		return ""
	}
	return veld(naam, jaNee(b))
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
func looptijdTekst(vanaf, tot string) string { return opmaak.Looptijd(vanaf, tot, library.DatumTekst) }

func periodeTekst(vanaf, tot string) string { return opmaak.Periode(vanaf, tot, library.DatumTekst) }

// md escapes text from the knowledge base so that it stays text in Markdown: no emphasis, links, code,
// HTML or entities, and no line breaks.
func md(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = isoDatum.ReplaceAllStringFunc(s, library.DatumTekst)
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
	if !library.OfficieleBron(url) {
		url = ""
	}
	return opmaak.Link(tekst, url, md)
}

// HTML generates the handreiking as one standalone HTML page: what Markdown writes,
// rendered with its own style sheet, no external resources and no scripts, readable on a phone and
// printable. Text from the knowledge base is escaped; raw HTML in vraagbaak texts is left out.
func HTML(kb *library.Kennisbank, opties ...Optie) ([]byte, error) {
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
