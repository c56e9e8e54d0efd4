package weergave

import (
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// MatrixCSVKop is the header row of the csv format.
var MatrixCSVKop = []string{"convenant", "datum", "doel", "van", "naar", "gegevens", "oordeel", "zekerheid", "grondslagen", "voorwaarden", "ontbrekende_feiten"}

// MatrixCSV writes one header row and one row per cell (RFC 4180), in the order of the matrices.
func MatrixCSV(w io.Writer, ms []*bulk.Matrix) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(MatrixCSVKop); err != nil {
		return err
	}
	for _, m := range ms {
		for _, c := range m.Cellen {
			rij := []string{m.Convenant, m.Datum, c.Doel, c.Van, c.Naar, c.Gegevens, string(c.Oordeel), c.Zekerheid,
				strings.Join(c.Grondslagen, ";"), strings.Join(c.Voorwaarden, ";"), strings.Join(c.OntbrekendeFeiten, ";")}
			if err := cw.Write(rij); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("schrijf csv: %w", err)
	}
	return nil
}

// cellenVan indexes the cells of a matrix by their key.
func cellenVan(m *bulk.Matrix) map[string]bulk.MatrixCel {
	uit := make(map[string]bulk.MatrixCel, len(m.Cellen))
	for _, c := range m.Cellen {
		uit[c.Sleutel()] = c
	}
	return uit
}

// Matrix is the readable view: per covenant a header, the legend and the key to the columns,
// then per purpose and sender a table of recipients × categories (sjablonen/matrix.md.tmpl).
//
// breedte 0 writes each table as a Markdown table (for a file); a terminal width instead writes it as
// a fixed-width block that fits (a Markdown table with many categories does not fit a terminal).
func Matrix(ms []*bulk.Matrix, kb *kennisbank.Kennisbank, details bool, breedte int) string {
	w := woorden{kb}
	var b matrixBeeld
	for _, o := range matrixOordelen {
		b.Legenda = append(b.Legenda, legendaBeeld{Symbool: o.Symbool(), Label: strings.ToLower(w.oordeel(o))})
	}
	for _, m := range ms {
		b.Matrices = append(b.Matrices, matrixBeeldVan(m, w, details, breedte))
	}
	return voerUit(matrixSjabloonMD, b)
}

// matrixBeeld is what the matrix template shows: labels, counts and, per purpose and sender, the grid
// (Markdown already) and the explanations of its cells (Markdown already).
type matrixBeeld struct {
	Legenda  []legendaBeeld
	Matrices []eenMatrixBeeld
}

type legendaBeeld struct{ Symbool, Label string }

type eenMatrixBeeld struct {
	M               *bulk.Matrix
	Feiten, Telling string
	Kolommen        []idBeeld
	Doelen          []doelRoosters
}

type idBeeld struct{ ID, Label string }

type doelRoosters struct {
	idBeeld
	Van []vanRooster
}

type vanRooster struct {
	idBeeld
	Rooster     string
	Toelichting []string
}

func matrixBeeldVan(m *bulk.Matrix, w woorden, details bool, breedte int) eenMatrixBeeld {
	mb := eenMatrixBeeld{M: m, Telling: tellingTekst(m, w)}
	if len(m.Feiten) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(m.Feiten)) {
			delen = append(delen, fmt.Sprintf("%s = %s", k, w.feitWaarde(k, m.Feiten[k])))
		}
		mb.Feiten = strings.Join(delen, ", ")
	}
	for _, g := range m.Gegevens {
		mb.Kolommen = append(mb.Kolommen, idBeeld{ID: g, Label: w.label("gegevens", g)})
	}
	cellen := cellenVan(m)
	for _, d := range m.Doelen {
		db := doelRoosters{idBeeld: idBeeld{ID: d, Label: w.label("doelen", d)}}
		for _, van := range m.Van {
			vr := vanRooster{idBeeld: idBeeld{ID: van, Label: w.partij(van)}}
			var rijen []roosterRij
			for _, naar := range m.Naar {
				if naar == van {
					continue
				}
				rij := roosterRij{label: w.partij(naar)}
				var uitTeLeggen []bulk.MatrixCel
				for _, g := range m.Gegevens {
					c, ok := cellen[d+"|"+van+"|"+naar+"|"+g]
					if !ok {
						rij.symbolen = append(rij.symbolen, "—")
						continue
					}
					rij.symbolen = append(rij.symbolen, c.Oordeel.Symbool())
					if details && c.Oordeel != kennisbank.NietToegestaan {
						uitTeLeggen = append(uitTeLeggen, c)
					}
				}
				for _, groep := range ToelichtingGroepen(uitTeLeggen) {
					vr.Toelichting = append(vr.Toelichting, celToelichting(groep, w))
				}
				rijen = append(rijen, rij)
			}
			var r strings.Builder
			if breedte > 0 {
				schrijfRoosterBlok(&r, rijen, len(m.Gegevens), breedte)
			} else {
				schrijfRoosterTabel(&r, rijen, len(m.Gegevens))
			}
			vr.Rooster = r.String()
			db.Van = append(db.Van, vr)
		}
		mb.Doelen = append(mb.Doelen, db)
	}
	return mb
}

// roosterRij is one row of a sender's table: the recipient and a symbol per category.
type roosterRij struct {
	label    string
	symbolen []string
}

// schrijfRoosterTabel writes the rows as a Markdown table with numbered category columns.
func schrijfRoosterTabel(b *strings.Builder, rijen []roosterRij, n int) {
	b.WriteString("| Naar |")
	for i := range n {
		fmt.Fprintf(b, " %d |", i+1)
	}
	b.WriteString("\n|---|")
	for range n {
		b.WriteString(":-:|")
	}
	b.WriteString("\n")
	for _, r := range rijen {
		fmt.Fprintf(b, "| %s |", cel(r.label))
		for _, s := range r.symbolen {
			fmt.Fprintf(b, " %s |", cel(s))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// schrijfRoosterBlok writes the rows as a fixed-width code block for the terminal: the recipient,
// shortened to fit the width, then three columns per category.
func schrijfRoosterBlok(b *strings.Builder, rijen []roosterRij, n, breedte int) {
	labelBreedte := len("Naar")
	for _, r := range rijen {
		labelBreedte = max(labelBreedte, utf8.RuneCountInString(r.label))
	}
	// The renderer indents a code block by four columns and keeps two free on the right.
	labelBreedte = max(min(labelBreedte, breedte-6-1-3*n), 12)
	regel := func(label string, cellen []string) {
		label = afgekort(label, labelBreedte)
		fmt.Fprintf(b, "%s%s", label, strings.Repeat(" ", labelBreedte-utf8.RuneCountInString(label)))
		for _, c := range cellen {
			fmt.Fprintf(b, " %s%s", c, strings.Repeat(" ", max(2-utf8.RuneCountInString(c), 0)))
		}
		b.WriteString("\n")
	}
	kop := make([]string, n)
	for i := range n {
		kop[i] = fmt.Sprint(i + 1)
	}
	b.WriteString("```\n")
	regel("Naar", kop)
	for _, r := range rijen {
		regel(r.label, r.symbolen)
	}
	b.WriteString("```\n\n")
}

// afgekort shortens s to at most n runes, with … at the end.
func afgekort(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// tellingTekst gives the counts per verdict.
func tellingTekst(m *bulk.Matrix, w woorden) string {
	delen := make([]string, len(matrixOordelen))
	for i, o := range matrixOordelen {
		delen[i] = fmt.Sprintf("%s %d", strings.ToLower(w.oordeel(o)), m.Telling[o])
	}
	return strings.Join(delen, ", ")
}

// celToelichting explains a group of cells with the same explanation in Markdown: the grounds by
// title, the conditions by id and label, and the missing facts.
func celToelichting(groep []bulk.MatrixCel, w woorden) string {
	var b strings.Builder
	c := groep[0]
	categorieen := make([]string, len(groep))
	for i, g := range groep {
		categorieen[i] = w.label("gegevens", g.Gegevens)
	}
	fmt.Fprintf(&b, "**%s %s → %s, %s:** %s", esc(c.Oordeel.Symbool()), esc(w.partij(c.Van)), esc(w.partij(c.Naar)), esc(strings.Join(categorieen, ", ")), esc(strings.ToLower(w.oordeel(c.Oordeel))))
	if c.Zekerheid != "" {
		fmt.Fprintf(&b, " (zekerheid %s)", esc(c.Zekerheid))
	}
	b.WriteString(".")
	if len(c.Grondslagen) > 0 {
		titels := make([]string, len(c.Grondslagen))
		for i, g := range c.Grondslagen {
			titels[i], _ = w.grondslag(g)
		}
		b.WriteString(" Grondslagen: " + esc(strings.Join(titels, "; ")) + ".")
	}
	if len(c.Voorwaarden) > 0 {
		delen := make([]string, len(c.Voorwaarden))
		for i, v := range c.Voorwaarden {
			delen[i] = fmt.Sprintf("`%s` (%s)", v, esc(w.label("voorwaarden", v)))
		}
		b.WriteString(" Voorwaarden: " + strings.Join(delen, ", ") + ".")
	}
	if len(c.OntbrekendeFeiten) > 0 {
		delen := make([]string, len(c.OntbrekendeFeiten))
		for i, f := range c.OntbrekendeFeiten {
			delen[i] = "`" + f + "`"
		}
		b.WriteString(" Ontbrekende feiten: " + strings.Join(delen, ", ") + ".")
	}
	return b.String()
}
