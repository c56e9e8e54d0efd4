package weergave

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// MatrixHTMLOpties tune MatrixHTML.
type MatrixHTMLOpties struct {
	// Details adds, per allowed or undetermined cell, its legal grounds, conditions and missing facts to
	// the explanation below each purpose.
	Details bool
	// Stijlblad links this style sheet (e.g. "/stijl.css", serving PaginaCSS and MatrixCSS) instead of
	// embedding the CSS in the page, for a server whose Content-Security-Policy forbids inline styles.
	Stijlblad string
	// CelLink gives the address that explains one cell (purpose, sender, recipient), such as the answer
	// page of a server. Without it every cell links to its explanation in the page itself.
	CelLink func(m *bulk.Matrix, doel, van, naar string) string
	// Terug, when set, is a link back (label and address) shown first in the navigation bar.
	Terug [2]string
}

// MatrixKolommen is the largest number of recipients in one table of the heat map: more recipients are
// split over several tables, so that a table fits the width of a landscape A4 page in print.
const MatrixKolommen = 10

// MatrixHTML writes the heat map of the matrices as one HTML page without scripts or external resources:
// per covenant and purpose a grid of senders (rows) × recipients (columns), split into tables of at most
// MatrixKolommen recipients. Every cell is a link with a text for screen readers, showing one square per
// data category, coloured by verdict and marked with the verdict's symbol (so that it reads without
// colour and in black-and-white print); the link leads to the cell's explanation. Purposes and categories
// come in the order of the matrix (the process order by default). The library never prints: the page
// goes to w.
func MatrixHTML(w io.Writer, ms []*bulk.Matrix, kb *kennisbank.Kennisbank, o MatrixHTMLOpties) error {
	p := matrixPagina{Titel: "Matrix gegevensdeling", Versie: kb.Versie(), Stijlblad: o.Stijlblad, Terug: o.Terug}
	if o.Stijlblad == "" {
		p.CSS = template.CSS(paginaCSS + matrixCSS)
	}
	if len(ms) == 1 {
		p.Titel += ": " + ms[0].Naam
	}
	for _, oo := range matrixOordelen {
		p.Legenda = append(p.Legenda, matrixTelling{Klasse: vakKlasse(oo), Symbool: oo.Symbool(), Label: kb.Label("oordelen", string(oo))})
	}
	for _, m := range ms {
		p.Convenanten = append(p.Convenanten, matrixConvenantHTML(m, kb, o))
	}
	if err := matrixSjabloon.Execute(w, p); err != nil {
		return fmt.Errorf("schrijf html: %w", err)
	}
	return nil
}

// MatrixCSS is the style sheet of the heat map, on top of PaginaCSS.
func MatrixCSS() string { return matrixCSS }

// matrixOordelen are the verdicts in the legend, most permissive first.
var matrixOordelen = []kennisbank.Oordeel{kennisbank.Toegestaan, kennisbank.ToegestaanOnderVoorwaarden, kennisbank.Onbepaald, kennisbank.NietToegestaan}

type matrixPagina struct {
	Titel, Versie, Stijlblad string
	Terug                    [2]string
	CSS                      template.CSS
	Legenda                  []matrixTelling
	Convenanten              []matrixConvenant
}

type matrixConvenant struct {
	Anker, Naam, Kort, Datum string
	Feiten                   string
	Cellen                   int
	Telling                  []matrixTelling
	Gegevens                 []string
	Strook                   string
	Doelen                   []matrixDoel
}

type matrixTelling struct {
	Klasse, Symbool, Label string
	Aantal                 int
}

type matrixDoel struct {
	Anker, Label string
	Tabellen     []matrixTabel
	Toelichting  []matrixToelichting // empty when the cells link elsewhere
}

type matrixTabel struct {
	ID, Bijschrift string
	Naar           []string
	Rijen          []matrixRij
}

type matrixRij struct {
	Label  string
	Cellen []matrixCelHTML
}

type matrixCelHTML struct {
	Zelf        bool
	Link, Tekst string
	VakjesHTML  template.HTML
}

type matrixToelichting struct {
	ID, Kop string
	Delen   []string // "✓* toegestaan onder voorwaarden: A, B"
	Details []matrixDetail
}

type matrixDetail struct {
	Symbool, Kop, Oordeel string
	Grondslagen           []matrixLink
	Voorwaarden           []string
	Ontbrekend            []string
}

type matrixLink struct{ Titel, URL string }

// vakKlasse is the class of a square: j(a), v(oorwaarden), o(nbepaald), n(ee), g(een oordeel).
func vakKlasse(o kennisbank.Oordeel) string {
	switch o {
	case kennisbank.Toegestaan:
		return "j"
	case kennisbank.ToegestaanOnderVoorwaarden:
		return "v"
	case kennisbank.Onbepaald:
		return "o"
	case kennisbank.NietToegestaan:
		return "n"
	}
	return "g"
}

// strookKlasse gives the classes of a block of n squares: at most six in a row, more rows when needed
// (at most twelve in a row for very many categories).
func strookKlasse(n int) string {
	k := min(n, 6)
	if n > 36 {
		k = min((n+5)/6, 12)
	}
	return fmt.Sprintf("strook k%d", max(k, 1))
}

func matrixConvenantHTML(m *bulk.Matrix, kb *kennisbank.Kennisbank, o MatrixHTMLOpties) matrixConvenant {
	c := matrixConvenant{
		Anker: "c-" + cmp.Or(m.Convenant, "wettelijk"), Naam: m.Naam, Datum: kennisbank.DatumTekst(m.Datum),
		Cellen: len(m.Cellen), Strook: strookKlasse(len(m.Gegevens)),
	}
	c.Kort = cmp.Or(kb.Veld("convenanten", m.Convenant, "korte_naam"), m.Naam)
	if len(m.Feiten) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(m.Feiten)) {
			delen = append(delen, kb.Label("feiten", k)+": "+kb.WaardeTekst(k, m.Feiten[k]))
		}
		c.Feiten = strings.Join(delen, "; ")
	}
	for _, oo := range matrixOordelen {
		c.Telling = append(c.Telling, matrixTelling{Klasse: vakKlasse(oo), Symbool: oo.Symbool(), Label: kb.Label("oordelen", string(oo)), Aantal: m.Telling[oo]})
	}
	gegevensLabels := make([]string, len(m.Gegevens))
	for i, g := range m.Gegevens {
		gegevensLabels[i] = kb.Label("gegevens", g)
	}
	c.Gegevens = gegevensLabels
	cellen := make(map[string]bulk.MatrixCel, len(m.Cellen))
	for _, mc := range m.Cellen {
		cellen[mc.Sleutel()] = mc
	}
	partij := func(id string) string { return kb.Label("partijen", id) }
	for _, d := range m.Doelen {
		hd := matrixDoel{Anker: c.Anker + "-" + d, Label: kb.Label("doelen", d)}
		for begin := 0; begin < len(m.Naar); begin += MatrixKolommen {
			naar := m.Naar[begin:min(begin+MatrixKolommen, len(m.Naar))]
			tab := matrixTabel{ID: fmt.Sprintf("%s-%d", hd.Anker, begin/MatrixKolommen+1)}
			tab.Bijschrift = "Doel " + hd.Label + ": verstrekker (rij) naar ontvanger (kolom)"
			if len(m.Naar) > MatrixKolommen {
				tab.Bijschrift += fmt.Sprintf(", ontvangers %d tot en met %d van %d", begin+1, begin+len(naar), len(m.Naar))
			}
			for _, n := range naar {
				tab.Naar = append(tab.Naar, partij(n))
			}
			for _, van := range m.Van {
				rij := matrixRij{Label: partij(van)}
				for _, n := range naar {
					if n == van {
						rij.Cellen = append(rij.Cellen, matrixCelHTML{Zelf: true})
						continue
					}
					rij.Cellen = append(rij.Cellen, matrixCelVan(m, kb, o, cellen, gegevensLabels, d, van, n, hd.Anker))
				}
				tab.Rijen = append(tab.Rijen, rij)
			}
			hd.Tabellen = append(hd.Tabellen, tab)
		}
		if o.CelLink == nil {
			for _, van := range m.Van {
				for _, n := range m.Naar {
					if n != van {
						hd.Toelichting = append(hd.Toelichting, matrixToelichtingVan(m, kb, o, cellen, gegevensLabels, d, van, n, hd.Anker))
					}
				}
			}
		}
		c.Doelen = append(c.Doelen, hd)
	}
	return c
}

// matrixCelVan builds one cell of the grid: its squares, its link and its text for screen readers.
func matrixCelVan(m *bulk.Matrix, kb *kennisbank.Kennisbank, o MatrixHTMLOpties, cellen map[string]bulk.MatrixCel, labels []string, doel, van, naar, anker string) matrixCelHTML {
	var vakjes strings.Builder
	aantal := map[kennisbank.Oordeel]int{}
	for _, g := range m.Gegevens {
		mc, ok := cellen[doel+"|"+van+"|"+naar+"|"+g]
		k := "g"
		if ok {
			k = vakKlasse(mc.Oordeel)
			aantal[mc.Oordeel]++
		}
		vakjes.WriteString(`<i class=` + k + `></i>`) // tens of thousands of squares: no quotes needed
	}
	var delen []string
	for _, oo := range matrixOordelen {
		if n := aantal[oo]; n > 0 {
			delen = append(delen, fmt.Sprintf("%d %s", n, strings.ToLower(kb.Label("oordelen", string(oo)))))
		}
	}
	if len(delen) == 0 {
		delen = append(delen, "niet beoordeeld")
	}
	cel := matrixCelHTML{
		Tekst:      kb.Label("partijen", van) + " naar " + kb.Label("partijen", naar) + ": " + strings.Join(delen, ", "),
		VakjesHTML: template.HTML(vakjes.String()), // only the fixed classes above
	}
	if o.CelLink != nil {
		cel.Link = o.CelLink(m, doel, van, naar)
	} else {
		cel.Link = "#" + toelichtingID(anker, van, naar)
	}
	return cel
}

func toelichtingID(anker, van, naar string) string { return "t-" + anker + "-" + van + "-" + naar }

// matrixToelichtingVan explains one cell in words: per verdict the categories, the largest group as
// "de overige"; with Details the grounds, conditions and missing facts of the allowed and undetermined
// categories.
func matrixToelichtingVan(m *bulk.Matrix, kb *kennisbank.Kennisbank, o MatrixHTMLOpties, cellen map[string]bulk.MatrixCel, labels []string, doel, van, naar, anker string) matrixToelichting {
	t := matrixToelichting{ID: toelichtingID(anker, van, naar), Kop: kb.Label("partijen", van) + " → " + kb.Label("partijen", naar)}
	per := map[kennisbank.Oordeel][]string{}
	var uitTeLeggen []bulk.MatrixCel
	for i, g := range m.Gegevens {
		mc, ok := cellen[doel+"|"+van+"|"+naar+"|"+g]
		if !ok {
			continue
		}
		per[mc.Oordeel] = append(per[mc.Oordeel], labels[i])
		if o.Details && mc.Oordeel != kennisbank.NietToegestaan {
			uitTeLeggen = append(uitTeLeggen, mc)
		}
	}
	grootste := kennisbank.Oordeel("")
	for _, oo := range matrixOordelen {
		if len(per[oo]) > len(per[grootste]) {
			grootste = oo
		}
	}
	for _, oo := range matrixOordelen {
		if len(per[oo]) == 0 {
			continue
		}
		s := oo.Symbool() + " " + strings.ToLower(kb.Label("oordelen", string(oo))) + ": "
		if oo == grootste && len(per[oo]) > 3 && len(per[oo]) < len(m.Gegevens) {
			s += fmt.Sprintf("de overige %d categorieën", len(per[oo]))
		} else if len(per[oo]) == len(m.Gegevens) && len(m.Gegevens) > 3 {
			s += fmt.Sprintf("alle %d categorieën", len(per[oo]))
		} else {
			s += strings.Join(per[oo], ", ")
		}
		t.Delen = append(t.Delen, s)
	}
	for _, groep := range ToelichtingGroepen(uitTeLeggen) {
		t.Details = append(t.Details, matrixDetailVan(groep, kb))
	}
	return t
}

// ToelichtingGroepen groups the cells of one sender and recipient that have the same explanation
// (verdict, certainty, grounds, conditions and missing facts), in the order of their first cell: the heat
// map and the CLI's Markdown matrix explain each group once.
func ToelichtingGroepen(cellen []bulk.MatrixCel) [][]bulk.MatrixCel {
	var (
		groepen  [][]bulk.MatrixCel
		sleutels []string
	)
	for _, c := range cellen {
		k := strings.Join([]string{string(c.Oordeel), c.Zekerheid, strings.Join(c.Grondslagen, ";"), strings.Join(c.Voorwaarden, ";"), strings.Join(c.OntbrekendeFeiten, ";")}, "|")
		if i := slices.Index(sleutels, k); i >= 0 {
			groepen[i] = append(groepen[i], c)
			continue
		}
		sleutels = append(sleutels, k)
		groepen = append(groepen, []bulk.MatrixCel{c})
	}
	return groepen
}

func matrixDetailVan(groep []bulk.MatrixCel, kb *kennisbank.Kennisbank) matrixDetail {
	mc := groep[0]
	categorieen := make([]string, len(groep))
	for i, g := range groep {
		categorieen[i] = kb.Label("gegevens", g.Gegevens)
	}
	d := matrixDetail{Symbool: mc.Oordeel.Symbool(), Kop: strings.Join(categorieen, ", "), Oordeel: strings.ToLower(kb.Label("oordelen", string(mc.Oordeel)))}
	if mc.Zekerheid != "" {
		d.Oordeel += " (zekerheid " + mc.Zekerheid + ")"
	}
	for _, g := range mc.Grondslagen {
		info, _ := kb.Grondslag(g)
		bron := info.Bron
		if !kennisbank.OfficieleBron(bron) {
			bron = ""
		}
		d.Grondslagen = append(d.Grondslagen, matrixLink{Titel: cmp.Or(info.Titel, g), URL: bron})
	}
	for _, v := range mc.Voorwaarden {
		d.Voorwaarden = append(d.Voorwaarden, kb.Label("voorwaarden", v))
	}
	for _, f := range mc.OntbrekendeFeiten {
		d.Ontbrekend = append(d.Ontbrekend, kb.Label("feiten", f))
	}
	return d
}

//go:embed matrix.html.tmpl
var matrixTekst string

var matrixSjabloon = template.Must(template.New("matrix").Parse(matrixTekst))

// matrixCSS comes after the style sheet of the handreiking. The colours are the ends of ColorBrewer's
// PRGn scheme (readable with red-green colour blindness) with yellow for onbepaald; every square also
// carries the symbol, so the map reads without colour and in black-and-white print.
//
//go:embed matrix.css
var matrixCSS string
