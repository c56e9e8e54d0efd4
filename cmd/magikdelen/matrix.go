package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// matrixFormaten are the formats of magikdelen matrix.
var matrixFormaten = []formaat{formaatTekst, formaatMarkdown, formaatCSV, formaatHTML, formaatJSON}

// matrixOpties are the options of magikdelen matrix.
type matrixOpties struct {
	g           *globaleOpties
	convenanten []string
	datum       string
	doelen      []string
	van         []string
	naar        []string
	gegevens    []string
	feiten      feiten
	details     bool
	formaat     formaat
	uitvoer     string
}

func newMatrixCmd(g *globaleOpties) *cobra.Command {
	opts := &matrixOpties{g: g, feiten: feiten{}}
	cmd := &cobra.Command{
		Use:   "matrix [opties]",
		Short: "Toon per convenant wie welke gegevens met wie mag delen, voor elk doel (een matrix)",
		Long: `Beoordeelt voor een convenant (--convenant, herhaalbaar; zonder: alle convenanten na elkaar) op een
datum (--datum, standaard vandaag) elke combinatie van doel, verstrekkende partij, ontvanger en
gegevenscategorie met dezelfde regels als "magikdelen vraag", en toont het oordeel per cel:

  ✓   toegestaan
  ✓*  toegestaan onder voorwaarden
  ?   onbepaald (er ontbreken feiten, of de kennisbank is niet zeker)
  ✗   niet toegestaan

Zonder filters zijn de verstrekkers de deelnemers op de datum, de ontvangers die deelnemers plus de
niet-deelnemers, en de gegevens alle categorieën. --doel, --van, --naar en --gegevens beperken de
matrix (herhaal of scheid met komma's). --feit naam=waarde geldt voor elke cel, net als bij vraag.
Met --details staan per toegestane of onbepaalde cel de grondslagen, de voorwaarden en de ontbrekende
feiten erbij.

Formaten (--formaat): tekst op een terminal, anders markdown: per doel en verstrekker een tabel met
de ontvangers als rijen en de gegevens als genummerde kolommen. csv: één kopregel en één regel per cel
(convenant, datum, doel, van, naar, gegevens, oordeel, zekerheid, grondslagen, voorwaarden,
ontbrekende_feiten; lijsten gescheiden door ;). html: één losse pagina zonder externe bronnen, een
warmtekaart per doel met de verstrekkers als rijen en de ontvangers als kolommen (hoogstens 10 per
tabel, zodat elke kolom op een liggend A4 past); elke cel is een rij gekleurde vakjes met het symbool
van het oordeel, één per gegevenscategorie, en een link naar de toelichting van die cel in woorden.
Doelen en gegevens staan in de volgorde van het proces. json: altijd één lijst met per convenant de
matrix van de bibliotheek (ook bij één convenant).

Met --uitvoer schrijft magikdelen naar een bestand; zonder --formaat kiest de extensie het formaat
(.html, .csv, .json, .md, .txt; een andere extensie is een fout). De opties nemen id's, namen en
synoniemen, zoals bij vraag. Engelse namen werken ook: --covenant, --date, --purpose, --from, --to,
--data, --fact, --format, --output.`,
		Example: `  magikdelen matrix --convenant zvht --datum 2025-06-01
  magikdelen matrix --convenant zvht --doel zvh_casusoverleg --van politie,ggz --details
  magikdelen matrix --convenant zvht -u zvht.html
  magikdelen matrix --convenant ave --gegevens gezondheid,strafrechtelijk -o csv > ave.csv
  magikdelen matrix --datum 2026-01-01 -o json`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runMatrix(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.Var(lijst{&opts.convenanten, "convenant"}, "convenant", "het convenant (id); herhaal of scheid met komma's; standaard alle convenanten")
	f.StringVar(&opts.datum, "datum", "", "de datum als `JJJJ-MM-DD` (standaard vandaag)")
	f.Var(lijst{&opts.doelen, "doel"}, "doel", "alleen deze doelen; herhaal of scheid met komma's")
	f.Var(lijst{&opts.van, "partij"}, "van", "alleen deze verstrekkende partijen; herhaal of scheid met komma's")
	f.Var(lijst{&opts.naar, "partij"}, "naar", "alleen deze ontvangers; herhaal of scheid met komma's")
	f.Var(lijst{&opts.gegevens, "categorie"}, "gegevens", "alleen deze gegevenscategorieën; herhaal of scheid met komma's")
	f.Var(opts.feiten, "feit", "een feit dat voor elke cel geldt, bijvoorbeeld toestemming=gegeven; herhaalbaar")
	f.BoolVar(&opts.details, "details", false, "toon per toegestane of onbepaalde cel de grondslagen, voorwaarden en ontbrekende feiten")
	voegFormaatToe(f, &opts.formaat, matrixFormaten...)
	f.StringVarP(&opts.uitvoer, "uitvoer", "u", "", "schrijf naar dit `bestand` in plaats van naar standaarduitvoer; de extensie kiest het formaat; ook --output")
	return cmd
}

// runMatrix evaluates the matrices and writes them in the chosen format.
func runMatrix(ctx context.Context, opts *matrixOpties) error {
	voorBulk(opts.g.stromen)
	engine, err := laadEngine(ctx, opts.g)
	if err != nil {
		return err
	}
	kb := engine.Kennisbank()
	s := opts.g.stromen
	// The format first: a bad --uitvoer fails before any cell is evaluated.
	f := opts.formaat
	if f == "" {
		if opts.uitvoer != "" {
			if f, err = formaatVoorBestand(opts.uitvoer, matrixFormaten); err != nil {
				return err
			}
		} else {
			f = kiesFormaat("", s)
		}
	}
	vragen, overgeslagen, err := matrixVragen(engine, opts)
	if err != nil {
		return err
	}
	for _, o := range overgeslagen {
		fmt.Fprintf(s.Err, "matrix: %s\n", o)
	}
	if len(vragen) == 0 {
		return &invoerFout{veld: "--convenant", err: errors.New("geen convenant met doelen en deelnemers op deze datum")}
	}
	matrices := make([]*library.Matrix, 0, len(vragen))
	for _, mv := range vragen {
		m, err := engine.Matrix(ctx, mv)
		if err != nil {
			return matrixVlagFout(err)
		}
		matrices = append(matrices, m)
	}

	var b strings.Builder
	switch f {
	case formaatJSON:
		err = schrijfJSON(&b, matrices)
	case formaatCSV:
		err = schrijfMatrixCSV(&b, matrices)
	case formaatHTML:
		err = library.MatrixHTML(&b, matrices, kb, library.MatrixHTMLOpties{Details: opts.details})
	case formaatTekst:
		opmaak := opmaakVoor(s)
		if opts.uitvoer != "" {
			opmaak = tekstOpmaak{breedte: 80} // a file: plain text, no colour codes
		}
		err = schrijfTekst(&b, matrixMarkdownTekst(matrices, kb, opts.details, opmaak.breedte), opmaak)
	default:
		_, err = b.WriteString(matrixMarkdownTekst(matrices, kb, opts.details, 0))
	}
	if err != nil {
		return err
	}
	if opts.uitvoer == "" {
		_, err := io.WriteString(s.Out, b.String())
		return err
	}
	if err := os.WriteFile(opts.uitvoer, []byte(b.String()), 0o644); err != nil {
		return &invoerFout{veld: "--uitvoer", err: fmt.Errorf("kan %s niet schrijven: %w", opts.uitvoer, err)}
	}
	fmt.Fprintf(s.Err, "matrix geschreven: %s (%s, %d cellen, %d bytes)\n", opts.uitvoer, f, aantalCellen(matrices), b.Len())
	return nil
}

func aantalCellen(ms []*library.Matrix) int {
	n := 0
	for _, m := range ms {
		n += len(m.Cellen)
	}
	return n
}

// matrixVragen resolves the flags (ids, names and synonyms, like those of vraag) and asks the library
// for one question per covenant (Engine.MatrixVragen: which covenants, and which are skipped); its errors
// name the flag.
func matrixVragen(e *library.Engine, opts *matrixOpties) ([]library.MatrixVraag, []string, error) {
	kb := e.Kennisbank()
	h := herkenner{kb: kb}
	if opts.g != nil {
		h.uit = opts.g.stromen.Err
	}
	var (
		p   library.MatrixPlan
		err error
	)
	for _, l := range []struct {
		vlag, soort string
		waarden     []string
		doel        *[]string
	}{
		{"--convenant", "convenanten", opts.convenanten, &p.Convenanten},
		{"--doel", "doelen", opts.doelen, &p.Doelen},
		{"--van", "partijen", opts.van, &p.Van},
		{"--naar", "partijen", opts.naar, &p.Naar},
		{"--gegevens", "gegevens", opts.gegevens, &p.Gegevens},
	} {
		if *l.doel, err = h.lijst(l.vlag, l.soort, l.waarden); err != nil {
			return nil, nil, err
		}
	}
	if p.Feiten, err = h.feiten(opts.feiten); err != nil {
		return nil, nil, err
	}
	if opts.datum != "" {
		if p.Datum, err = h.datum("--datum", opts.datum); err != nil {
			return nil, nil, err
		}
	}
	vragen, overgeslagen, err := e.MatrixVragen(p)
	return vragen, overgeslagen, matrixVlagFout(err)
}

// metVeld names the flag in an unknown-id error of the knowledge base.
func metVeld(err error, veld, waarde string) error {
	var oid *library.OnbekendeIDFout
	if errors.As(err, &oid) {
		kopie := *oid
		kopie.Veld, kopie.Waarde = veld, waarde
		return &kopie
	}
	return err
}

// matrixVlagFout names the flag instead of the field of the library's question ("van[1]" becomes
// "--van") in the input errors of Matrix.
func matrixVlagFout(err error) error {
	var (
		oid *library.OnbekendeIDFout
		bkf *library.BuitenKaderFout
		df  *library.DatumFout
		ovf *library.OntbrekendVeldFout
	)
	switch {
	case errors.As(err, &oid):
		kopie := *oid
		kopie.Veld = vlagVanVeld(kopie.Veld)
		return &kopie
	case errors.As(err, &bkf):
		kopie := *bkf
		kopie.Veld = vlagVanVeld(kopie.Veld)
		return &kopie
	case errors.As(err, &df):
		kopie := *df
		kopie.Veld = vlagVanVeld(kopie.Veld)
		return &kopie
	case errors.As(err, &ovf):
		kopie := *ovf
		kopie.Veld = vlagVanVeld(kopie.Veld)
		return &kopie
	}
	return err
}

func vlagVanVeld(veld string) string {
	naam, _, _ := strings.Cut(veld, "[")
	switch naam {
	case "convenant", "datum", "van", "naar", "gegevens":
		return "--" + naam
	case "doel", "doelen":
		return "--doel"
	}
	if f, ok := strings.CutPrefix(veld, "feiten."); ok {
		return "--feit " + f
	}
	return veld
}

// De symbolen en de volgorde van de oordelen in de weergaven, ruimst eerst.
var matrixOordelen = []library.Oordeel{library.Toegestaan, library.ToegestaanOnderVoorwaarden, library.Onbepaald, library.NietToegestaan}

func symbool(o library.Oordeel) string { return o.Symbool() }

// matrixCSVKop is the header row of the csv format.
var matrixCSVKop = []string{"convenant", "datum", "doel", "van", "naar", "gegevens", "oordeel", "zekerheid", "grondslagen", "voorwaarden", "ontbrekende_feiten"}

// schrijfMatrixCSV writes one header row and one row per cell (RFC 4180), in the order of the matrices.
func schrijfMatrixCSV(w io.Writer, ms []*library.Matrix) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(matrixCSVKop); err != nil {
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
func cellenVan(m *library.Matrix) map[string]library.MatrixCel {
	uit := make(map[string]library.MatrixCel, len(m.Cellen))
	for _, c := range m.Cellen {
		uit[c.Sleutel()] = c
	}
	return uit
}

// matrixMarkdownTekst is the readable view: per covenant a header, the legend and the key to the columns,
// then per purpose and sender a table of recipients × categories.
//
// breedte 0 writes each table as a Markdown table (for a file); a terminal width instead writes it as
// a fixed-width block that fits (a Markdown table with many categories does not fit a terminal).
func matrixMarkdownTekst(ms []*library.Matrix, kb *library.Kennisbank, details bool, breedte int) string {
	w := woorden{kb}
	var b strings.Builder
	b.WriteString("# Matrix gegevensdeling\n\n")
	b.WriteString("Wie mag welke gegevens met wie delen, per doel: het oordeel van de regels voor elke cel, met alleen de\nfeiten die hieronder staan. Een hulpmiddel, geen juridisch advies.\n\n")
	b.WriteString("**Legenda:** ")
	for i, o := range matrixOordelen {
		if i > 0 {
			b.WriteString(" · ")
		}
		fmt.Fprintf(&b, "%s %s", esc(symbool(o)), esc(strings.ToLower(w.oordeel(o))))
	}
	b.WriteString("\n\n")
	for _, m := range ms {
		cellen := cellenVan(m)
		fmt.Fprintf(&b, "## %s (`%s`)\n\n", esc(m.Naam), m.Convenant)
		fmt.Fprintf(&b, "- **Datum:** %s\n", m.Datum)
		fmt.Fprintf(&b, "- **Kennisbank:** `%s`\n", m.Kennisbank)
		if len(m.Feiten) > 0 {
			var delen []string
			for _, k := range slices.Sorted(maps.Keys(m.Feiten)) {
				delen = append(delen, fmt.Sprintf("%s = %s", k, w.feitWaarde(k, m.Feiten[k])))
			}
			fmt.Fprintf(&b, "- **Feiten voor elke cel:** %s\n", esc(strings.Join(delen, ", ")))
		}
		fmt.Fprintf(&b, "- **Cellen:** %d — %s\n", len(m.Cellen), esc(tellingTekst(m, w)))
		b.WriteString("- **Kolommen (gegevens):** ")
		for i, g := range m.Gegevens {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%d = %s (`%s`)", i+1, esc(w.label("gegevens", g)), g)
		}
		b.WriteString("\n\n")
		for _, d := range m.Doelen {
			fmt.Fprintf(&b, "### Doel: %s (`%s`)\n\n", esc(w.label("doelen", d)), d)
			for _, van := range m.Van {
				fmt.Fprintf(&b, "#### Van %s (`%s`)\n\n", esc(w.partij(van)), van)
				var (
					rijen       []matrixRij
					toelichting []string
				)
				for _, naar := range m.Naar {
					if naar == van {
						continue
					}
					rij := matrixRij{label: w.partij(naar)}
					var uitTeLeggen []library.MatrixCel
					for _, g := range m.Gegevens {
						c, ok := cellen[d+"|"+van+"|"+naar+"|"+g]
						if !ok {
							rij.symbolen = append(rij.symbolen, "—")
							continue
						}
						rij.symbolen = append(rij.symbolen, symbool(c.Oordeel))
						if details && c.Oordeel != library.NietToegestaan {
							uitTeLeggen = append(uitTeLeggen, c)
						}
					}
					for _, groep := range library.ToelichtingGroepen(uitTeLeggen) {
						toelichting = append(toelichting, celToelichting(groep, w))
					}
					rijen = append(rijen, rij)
				}
				if breedte > 0 {
					schrijfRoosterBlok(&b, rijen, len(m.Gegevens), breedte)
				} else {
					schrijfRoosterTabel(&b, rijen, len(m.Gegevens))
				}
				b.WriteString("\n")
				for _, t := range toelichting {
					b.WriteString("- " + t + "\n")
				}
				if len(toelichting) > 0 {
					b.WriteString("\n")
				}
			}
		}
	}
	return b.String()
}

// matrixRij is one row of a sender's table: the recipient and a symbol per category.
type matrixRij struct {
	label    string
	symbolen []string
}

// schrijfRoosterTabel writes the rows as a Markdown table with numbered category columns.
func schrijfRoosterTabel(b *strings.Builder, rijen []matrixRij, n int) {
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
func schrijfRoosterBlok(b *strings.Builder, rijen []matrixRij, n, breedte int) {
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
func tellingTekst(m *library.Matrix, w woorden) string {
	delen := make([]string, len(matrixOordelen))
	for i, o := range matrixOordelen {
		delen[i] = fmt.Sprintf("%s %d", strings.ToLower(w.oordeel(o)), m.Telling[o])
	}
	return strings.Join(delen, ", ")
}

// celToelichting explains a group of cells with the same explanation in Markdown: the grounds by
// title, the conditions by id and label, and the missing facts.
func celToelichting(groep []library.MatrixCel, w woorden) string {
	var b strings.Builder
	c := groep[0]
	categorieen := make([]string, len(groep))
	for i, g := range groep {
		categorieen[i] = w.label("gegevens", g.Gegevens)
	}
	fmt.Fprintf(&b, "**%s %s → %s, %s:** %s", esc(symbool(c.Oordeel)), esc(w.partij(c.Van)), esc(w.partij(c.Naar)), esc(strings.Join(categorieen, ", ")), esc(strings.ToLower(w.oordeel(c.Oordeel))))
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
