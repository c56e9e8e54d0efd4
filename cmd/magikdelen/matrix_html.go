package main

import (
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// The HTML heat map: one standalone page (inline CSS, no scripts, no external resources) with per
// covenant and purpose a grid of senders × recipients; every cell is a small block of coloured squares,
// one per data category, coloured by verdict and with the verdict as tooltip.

type htmlMatrixPagina struct {
	Titel       string
	Versie      string
	CSS         template.CSS
	Legenda     []htmlTelling
	Convenanten []htmlConvenant
}

type htmlConvenant struct {
	ID, Anker, Naam, Kort, Datum, Kennisbank string
	Feiten, Strook                           string
	Cellen                                   int
	Telling                                  []htmlTelling
	Gegevens                                 []htmlLabel
	Doelen                                   []htmlDoel
}

type htmlTelling struct {
	Klasse, Symbool, Label string
	Aantal                 int
}

type htmlLabel struct {
	ID, Label string
	Nummer    int
}

type htmlDoel struct {
	ID, Anker, Label string
	Naar             []htmlLabel
	Rijen            []htmlRij
	Details          []htmlDetail
}

type htmlRij struct {
	Label, ID string
	Cellen    []htmlCel
}

type htmlCel struct {
	Zelf   bool   // sender and recipient are the same party
	Strook string // the CSS classes of the block of squares
	Vakjes []htmlVakje
}

type htmlVakje struct{ Klasse, Symbool, Titel string }

type htmlDetail struct {
	Klasse, Symbool, Kop, Oordeel string
	Grondslagen                   []htmlLink
	Voorwaarden                   []htmlLabel
	Ontbrekend                    []string
}

type htmlLink struct{ Titel, URL string }

// oordeelKlasse is the CSS class of a verdict.
func oordeelKlasse(o library.Oordeel) string {
	switch o {
	case library.Toegestaan:
		return "o-ja"
	case library.ToegestaanOnderVoorwaarden:
		return "o-vw"
	case library.Onbepaald:
		return "o-onb"
	case library.NietToegestaan:
		return "o-nee"
	}
	return "o-fout"
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

// schrijfMatrixHTML writes the heat map of the matrices as one HTML page.
func schrijfMatrixHTML(w io.Writer, ms []*library.Matrix, kb *library.Kennisbank, details bool) error {
	wd := woorden{kb}
	p := htmlMatrixPagina{Titel: "Matrix gegevensdeling", Versie: kb.Versie(), CSS: template.CSS(library.PaginaCSS() + matrixCSS)}
	if len(ms) == 1 {
		p.Titel += ": " + ms[0].Naam
	}
	for _, o := range matrixOordelen {
		p.Legenda = append(p.Legenda, htmlTelling{Klasse: oordeelKlasse(o), Symbool: symbool(o), Label: wd.oordeel(o)})
	}
	for _, m := range ms {
		p.Convenanten = append(p.Convenanten, htmlMatrixConvenant(m, wd, details))
	}
	if err := matrixSjabloon.Execute(w, p); err != nil {
		return fmt.Errorf("schrijf html: %w", err)
	}
	return nil
}

func htmlMatrixConvenant(m *library.Matrix, wd woorden, details bool) htmlConvenant {
	c := htmlConvenant{
		ID: m.Convenant, Anker: "c-" + m.Convenant, Naam: m.Naam, Datum: m.Datum, Kennisbank: m.Kennisbank,
		Cellen: len(m.Cellen), Kort: tekst(wd.kb.Item("convenanten", m.Convenant), "korte_naam"),
	}
	if c.Kort == "" {
		c.Kort = m.Convenant
	}
	if len(m.Feiten) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(m.Feiten)) {
			delen = append(delen, fmt.Sprintf("%s = %s", k, wd.feitWaarde(k, m.Feiten[k])))
		}
		c.Feiten = strings.Join(delen, ", ")
	}
	for _, o := range matrixOordelen {
		c.Telling = append(c.Telling, htmlTelling{Klasse: oordeelKlasse(o), Symbool: symbool(o), Label: wd.oordeel(o), Aantal: m.Telling[o]})
	}
	gegevensLabels := make([]string, len(m.Gegevens))
	for i, g := range m.Gegevens {
		gegevensLabels[i] = wd.label("gegevens", g)
		c.Gegevens = append(c.Gegevens, htmlLabel{ID: g, Label: gegevensLabels[i], Nummer: i + 1})
	}
	strook := strookKlasse(len(m.Gegevens))
	c.Strook = strook
	cellen := cellenVan(m)
	for _, d := range m.Doelen {
		hd := htmlDoel{ID: d, Anker: c.Anker + "-" + d, Label: wd.label("doelen", d)}
		for _, n := range m.Naar {
			hd.Naar = append(hd.Naar, htmlLabel{ID: n, Label: wd.partij(n)})
		}
		for _, van := range m.Van {
			rij := htmlRij{ID: van, Label: wd.partij(van)}
			for _, naar := range m.Naar {
				if naar == van {
					rij.Cellen = append(rij.Cellen, htmlCel{Zelf: true})
					continue
				}
				hc := htmlCel{Strook: strook}
				var uitTeLeggen []library.MatrixCel
				for i, g := range m.Gegevens {
					mc, ok := cellen[d+"|"+van+"|"+naar+"|"+g]
					if !ok {
						hc.Vakjes = append(hc.Vakjes, htmlVakje{Klasse: "o-geen", Symbool: "·", Titel: fmt.Sprintf("%s → %s, %s: niet beoordeeld", rij.Label, wd.partij(naar), gegevensLabels[i])})
						continue
					}
					titel := fmt.Sprintf("%s → %s, %s: %s", rij.Label, wd.partij(naar), gegevensLabels[i], strings.ToLower(wd.oordeel(mc.Oordeel)))
					if len(mc.Voorwaarden) > 0 {
						titel += " (" + kortLijstje(wd.labels("voorwaarden", mc.Voorwaarden), 3) + ")"
					}
					if len(mc.OntbrekendeFeiten) > 0 {
						titel += "; ontbrekende feiten: " + strings.Join(mc.OntbrekendeFeiten, ", ")
					}
					hc.Vakjes = append(hc.Vakjes, htmlVakje{Klasse: oordeelKlasse(mc.Oordeel), Symbool: symbool(mc.Oordeel), Titel: titel})
					if details && mc.Oordeel != library.NietToegestaan {
						uitTeLeggen = append(uitTeLeggen, mc)
					}
				}
				for _, groep := range toelichtingGroepen(uitTeLeggen) {
					hd.Details = append(hd.Details, htmlCelDetail(groep, wd))
				}
				rij.Cellen = append(rij.Cellen, hc)
			}
			hd.Rijen = append(hd.Rijen, rij)
		}
		c.Doelen = append(c.Doelen, hd)
	}
	return c
}

// kortLijstje joins at most n items, with … for the rest (the full list is in --details).
func kortLijstje(items []string, n int) string {
	if len(items) > n {
		return strings.Join(items[:n], ", ") + ", …"
	}
	return strings.Join(items, ", ")
}

// htmlCelDetail explains a group of cells with the same explanation.
func htmlCelDetail(groep []library.MatrixCel, wd woorden) htmlDetail {
	mc := groep[0]
	categorieen := make([]string, len(groep))
	for i, g := range groep {
		categorieen[i] = wd.label("gegevens", g.Gegevens)
	}
	d := htmlDetail{
		Klasse: oordeelKlasse(mc.Oordeel), Symbool: symbool(mc.Oordeel),
		Kop:     fmt.Sprintf("%s → %s, %s", wd.partij(mc.Van), wd.partij(mc.Naar), strings.Join(categorieen, ", ")),
		Oordeel: strings.ToLower(wd.oordeel(mc.Oordeel)), Ontbrekend: mc.OntbrekendeFeiten,
	}
	if mc.Zekerheid != "" {
		d.Oordeel += " (zekerheid " + mc.Zekerheid + ")"
	}
	for _, g := range mc.Grondslagen {
		titel, bron := wd.grondslag(g)
		if !strings.HasPrefix(bron, "https://") && !strings.HasPrefix(bron, "http://") {
			bron = ""
		}
		d.Grondslagen = append(d.Grondslagen, htmlLink{Titel: titel, URL: bron})
	}
	for _, v := range mc.Voorwaarden {
		d.Voorwaarden = append(d.Voorwaarden, htmlLabel{ID: v, Label: wd.label("voorwaarden", v)})
	}
	return d
}

var matrixSjabloon = template.Must(template.New("matrix").Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="magikdelen, kennisbank {{.Versie}}">
<title>{{.Titel}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
<header class="balk"><a href="#boven">Matrix</a>{{range .Convenanten}}<a href="#{{.Anker}}">{{.Kort}}</a>{{end}}</header>
<main id="boven" class="matrix">
<h1>{{.Titel}}</h1>
<p>Wie mag welke gegevens met wie delen, per doel: het oordeel van de regels voor elke combinatie van verstrekker (rij),
ontvanger (kolom) en gegevenscategorie (één vakje per categorie, in de volgorde van de sleutel). Wijs een vakje aan
voor de toelichting. Een hulpmiddel, geen juridisch advies.</p>
<ul class="legenda">{{range .Legenda}}<li><span class="vak {{.Klasse}}" aria-hidden="true">{{.Symbool}}</span> {{.Label}}</li>{{end}}</ul>
{{range .Convenanten}}<section class="convenant">
<h2 id="{{.Anker}}">{{.Naam}} <code>{{.ID}}</code></h2>
<dl class="kenmerken">
<dt>Datum</dt><dd>{{.Datum}}</dd>
<dt>Kennisbank</dt><dd><code>{{.Kennisbank}}</code></dd>
{{if .Feiten}}<dt>Feiten voor elke cel</dt><dd>{{.Feiten}}</dd>
{{end}}<dt>Cellen</dt><dd>{{.Cellen}}</dd>
</dl>
<ul class="telling">{{range .Telling}}<li><span class="vak {{.Klasse}}" aria-hidden="true">{{.Symbool}}</span> {{.Label}}: <strong>{{.Aantal}}</strong></li>{{end}}</ul>
<div class="sleutel-kop"><span class="{{.Strook}}" aria-hidden="true">{{range .Gegevens}}<span class="vak o-geen">{{.Nummer}}</span>{{end}}</span> <p>Volgorde van de vakjes in een cel:</p></div>
<ol class="sleutel">{{range .Gegevens}}<li>{{.Label}} <code>{{.ID}}</code></li>{{end}}</ol>
{{range .Doelen}}<h3 id="{{.Anker}}">Doel: {{.Label}} <code>{{.ID}}</code></h3>
<div class="rooster" role="region" aria-label="Matrix voor {{.Label}}" tabindex="0">
<table>
<thead><tr><th class="hoek" scope="col">van ↓ · naar →</th>{{range .Naar}}<th class="naar" scope="col" title="{{.Label}} ({{.ID}})"><span>{{.Label}}</span></th>{{end}}</tr></thead>
<tbody>
{{range .Rijen}}<tr><th scope="row" title="{{.Label}} ({{.ID}})">{{.Label}}</th>{{range .Cellen}}<td>{{if .Zelf}}<span class="zelf" title="zelfde partij">—</span>{{else}}<span class="{{.Strook}}">{{range .Vakjes}}<span class="vak {{.Klasse}}" title="{{.Titel}}">{{.Symbool}}</span>{{end}}</span>{{end}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{if .Details}}<details class="details"><summary>Toelichting bij de toegestane en onbepaalde cellen</summary>
<ul>
{{range .Details}}<li><span class="vak {{.Klasse}}" aria-hidden="true">{{.Symbool}}</span> <strong>{{.Kop}}</strong>: {{.Oordeel}}.{{if .Grondslagen}} Grondslagen: {{range $i, $g := .Grondslagen}}{{if $i}}; {{end}}{{if $g.URL}}<a href="{{$g.URL}}">{{$g.Titel}}</a>{{else}}{{$g.Titel}}{{end}}{{end}}.{{end}}{{if .Voorwaarden}} Voorwaarden: {{range $i, $v := .Voorwaarden}}{{if $i}}, {{end}}{{$v.Label}} <code>{{$v.ID}}</code>{{end}}.{{end}}{{if .Ontbrekend}} Ontbrekende feiten: {{range $i, $f := .Ontbrekend}}{{if $i}}, {{end}}<code>{{$f}}</code>{{end}}.{{end}}</li>
{{end}}</ul>
</details>
{{end}}{{end}}</section>
{{end}}</main>
</body>
</html>
`))

// matrixCSS comes after the style sheet of the handreiking. The colours are the ends of ColorBrewer's
// PRGn scheme (readable with red-green colour blindness) with yellow for onbepaald; every square also
// carries the symbol, so the map reads without colour and in black-and-white print.
const matrixCSS = `main.matrix { max-width: 90rem; }
.balk { flex-wrap: wrap; row-gap: .2rem; }
.vak { display: inline-flex; align-items: center; justify-content: center; width: 1rem; height: 1rem; font-size: .62rem; line-height: 1; font-weight: 700; border-radius: 2px; box-shadow: inset 0 0 0 1px rgba(0,0,0,.25); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.o-ja { background: #1b7837; color: #fff; }
.o-vw { background: #a6dba0; color: #00441b; }
.o-onb { background: #fee08b; color: #4d3800; }
.o-nee { background: #762a83; color: #fff; }
.o-geen, .o-fout { background: #fff; color: #5a5a5a; }
.legenda, .telling { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.legenda li, .telling li { display: inline-flex; align-items: center; gap: .4rem; }
.kenmerken { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
.kenmerken dt { font-weight: 600; }
.kenmerken dd { margin: 0; overflow-wrap: anywhere; }
.sleutel-kop { display: flex; align-items: center; gap: .75rem; }
.sleutel-kop p { margin: 0; }
.sleutel { columns: 16rem; column-gap: 2rem; margin-top: 0; }
.rooster { max-width: 100%; overflow: auto; max-height: 85vh; border: 1px solid var(--lijn); border-radius: 4px; margin: .5rem 0 1rem; }
.rooster table { border-collapse: separate; border-spacing: 0; min-width: 0; font-size: .8rem; }
.rooster th, .rooster td { min-width: 0; padding: .25rem; border-bottom: 1px solid var(--lijn); border-right: 1px solid var(--lijn); vertical-align: middle; }
.rooster thead th { position: sticky; top: 0; z-index: 2; background: var(--vlak); vertical-align: bottom; }
.rooster th.naar span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 12rem; overflow: hidden; text-overflow: ellipsis; }
.rooster th.hoek { left: 0; z-index: 3; font-weight: 400; color: var(--zacht); white-space: nowrap; }
.rooster tbody th { position: sticky; left: 0; z-index: 1; background: #fff; font-weight: 600; max-width: 12rem; overflow-wrap: anywhere; }
.strook { display: grid; gap: 1px; justify-content: center; }
.k1 { grid-template-columns: repeat(1, 1rem); } .k2 { grid-template-columns: repeat(2, 1rem); }
.k3 { grid-template-columns: repeat(3, 1rem); } .k4 { grid-template-columns: repeat(4, 1rem); }
.k5 { grid-template-columns: repeat(5, 1rem); } .k6 { grid-template-columns: repeat(6, 1rem); }
.k7 { grid-template-columns: repeat(7, 1rem); } .k8 { grid-template-columns: repeat(8, 1rem); }
.k9 { grid-template-columns: repeat(9, 1rem); } .k10 { grid-template-columns: repeat(10, 1rem); }
.k11 { grid-template-columns: repeat(11, 1rem); } .k12 { grid-template-columns: repeat(12, 1rem); }
.zelf { display: block; text-align: center; color: var(--zacht); }
.details li { overflow-wrap: anywhere; }
.details .vak { vertical-align: middle; }
@media print {
  @page { size: landscape; }
  main.matrix { max-width: none; }
  .rooster { overflow: visible; max-height: none; border: 0; }
  .rooster thead th, .rooster tbody th { position: static; }
  section.convenant { break-before: page; }
  section.convenant:first-of-type { break-before: auto; }
  .rooster tr { break-inside: avoid; }
  details.details > ul { display: block; }
}
`
