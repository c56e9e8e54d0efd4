package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
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
	// The output opens before any cell is evaluated: a file that cannot be written fails at once.
	uit, err := openUitvoer(opts.uitvoer, s.Out)
	if err != nil {
		return err
	}
	matrices := make([]*bulk.Matrix, 0, len(vragen))
	for _, mv := range vragen {
		m, err := bulk.MaakMatrix(ctx, engine, mv)
		if err != nil {
			return uit.sluit(matrixVlagFout(err))
		}
		matrices = append(matrices, m)
	}

	switch f {
	case formaatJSON:
		err = schrijfJSON(uit, matrices)
	case formaatCSV:
		err = weergave.MatrixCSV(uit, matrices)
	case formaatHTML:
		err = weergave.MatrixHTML(uit, matrices, kb, weergave.MatrixHTMLOpties{Details: opts.details})
	case formaatTekst:
		opmaak := opmaakVoor(s)
		if opts.uitvoer != "" {
			opmaak = tekstOpmaak{breedte: 80} // a file: plain text, no colour codes
		}
		err = schrijfTekst(uit, weergave.Matrix(matrices, kb, opts.details, opmaak.breedte), opmaak)
	default:
		_, err = io.WriteString(uit, weergave.Matrix(matrices, kb, opts.details, 0))
	}
	if err := uit.sluit(err); err != nil {
		return err
	}
	if opts.uitvoer != "" {
		fmt.Fprintf(s.Err, "matrix geschreven: %s (%s, %d cellen, %d bytes)\n", opts.uitvoer, f, aantalCellen(matrices), uit.n)
	}
	return nil
}

func aantalCellen(ms []*bulk.Matrix) int {
	n := 0
	for _, m := range ms {
		n += len(m.Cellen)
	}
	return n
}

// matrixVragen resolves the flags (ids, names and synonyms, like those of vraag) and asks the library
// for one question per covenant (Engine.MatrixVragen: which covenants, and which are skipped); its errors
// name the flag.
func matrixVragen(e *library.Engine, opts *matrixOpties) ([]bulk.MatrixVraag, []string, error) {
	kb := e.Kennisbank()
	h := herkenner{kb: kb}
	if opts.g != nil {
		h.uit = opts.g.stromen.Err
	}
	var (
		p   bulk.MatrixPlan
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
	vragen, overgeslagen, err := bulk.MatrixVragen(e, p)
	return vragen, overgeslagen, matrixVlagFout(err)
}

// metVeld names the flag in an unknown-id error of the knowledge base.
func metVeld(err error, veld, waarde string) error {
	var oid *kennisbank.OnbekendeIDFout
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
		oid *kennisbank.OnbekendeIDFout
		bkf *kennisbank.BuitenKaderFout
		df  *kennisbank.DatumFout
		ovf *kennisbank.OntbrekendVeldFout
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
