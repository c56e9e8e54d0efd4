package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// vraagOpties are the options of magikdelen vraag.
type vraagOpties struct {
	g         *globaleOpties
	cmd       *cobra.Command
	van       string
	naar      []string
	gegevens  []string
	doel      string
	convenant string
	fase      string
	datum     string
	feiten    feiten
	invoer    string
	bon       string // receipts file for --bon; empty for none
	formaat   formaat
}

// vraagVlaggen are the flags that make up a question; given explicitly they override --invoer.
var vraagVlaggen = []string{"van", "naar", "gegevens", "doel", "convenant", "fase", "datum", "feit"}

// newVraagCmd builds magikdelen vraag. runF replaces runVraag in tests; nil runs the real thing.
func newVraagCmd(g *globaleOpties, runF func(context.Context, *vraagOpties) error) *cobra.Command {
	if runF == nil {
		runF = runVraag
	}
	opts := &vraagOpties{g: g, feiten: feiten{}}
	cmd := &cobra.Command{
		Use:     "vraag [opties]",
		Aliases: []string{"check"},
		Short:   "Mag ik dit delen? Beoordeel één gegevensdeling",
		Long: `Beoordeel of de verstrekkende partij (--van) gegevens (--gegevens) mag delen met de ontvanger(s)
(--naar) voor een doel (--doel), eventueel binnen een convenant (--convenant) en op een datum (--datum).
Het antwoord noemt het oordeel, de juridische keten, de grondslagen met links naar de wettekst, de
voorwaarden als checklist en wat er nodig is om het wel te mogen.

--naar en --gegevens mogen herhaald worden of komma's bevatten. --feit naam=waarde mag herhaald worden;
true en false worden ja/nee, een geheel getal een getal. Met --invoer leest magikdelen de vraag als JSON
(- voor standaardinvoer); opties die u daarnaast opgeeft, gaan voor (feiten per naam).

Zonder opties, op een terminal, stelt magikdelen de vraag stap voor stap (geleide modus): wie u bent,
met wie, welke gegevens, waarvoor en wanneer, met de namen uit de kennisbank; daarna alleen de feiten die
het antwoord nog kunnen veranderen ("weet ik niet" laat een feit open). Het antwoord is hetzelfde als met
opties, en magikdelen toont de opdracht met opties die dezelfde vraag stelt. Ctrl-D stopt.

Met --bon bestand legt magikdelen de afweging vast: het voegt aan dat bestand één regel JSON toe (een
bon) met een besluit-id, het tijdstip, de vraag als id's, het oordeel en de id's van de grondslagen en
voorwaarden, en de versie van de kennisbank. Geen namen, geen vrije tekst. De bon staat op schijf
voordat het antwoord verschijnt.

Engelse namen werken ook: check, --from, --to, --data, --purpose, --covenant, --phase, --date, --fact,
--input, --format.`,
		Example: `  magikdelen vraag --van wijkteam --naar zvh_procesregisseur --gegevens identificerend,signaal \
                   --doel zvh_aanmelding --convenant zvht --feit inclusiecriteria=true
  magikdelen vraag --van ggz --naar overleg_deelnemers --gegevens gezondheid --doel zvh_casusoverleg \
                   --convenant zvht --datum 2025-06-01 --feit toestemming=niet_gevraagd -o json
  magikdelen vraag                                # geleid, op een terminal
  magikdelen vraag --invoer vraag.json
  cat vraag.json | magikdelen vraag --invoer - --datum 2026-03-01
  magikdelen vraag --invoer vraag.json --bon bonnen.jsonl`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runF(cmd.Context(), opts)
		},
	}
	opts.cmd = cmd
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVar(&opts.van, "van", "", "de verstrekkende `partij`, bijvoorbeeld wijkteam")
	f.Var(lijst{&opts.naar, "partij"}, "naar", "de ontvangende partij(en); herhaal of scheid met komma's")
	f.Var(lijst{&opts.gegevens, "categorie"}, "gegevens", "de gegevenscategorieën; herhaal of scheid met komma's")
	f.StringVar(&opts.doel, "doel", "", "het `doel` van de deling, bijvoorbeeld zvh_casusoverleg")
	f.StringVar(&opts.convenant, "convenant", "", "het `convenant`, bijvoorbeeld zvht")
	f.StringVar(&opts.fase, "fase", "", "de `fase` (ave1 tot en met ave4)")
	f.StringVar(&opts.datum, "datum", "", "de datum van de deling als `JJJJ-MM-DD` (standaard vandaag)")
	f.Var(opts.feiten, "feit", "een feit over de casus, bijvoorbeeld toestemming=gegeven of leeftijd=14; herhaalbaar")
	f.StringVar(&opts.invoer, "invoer", "", "lees de vraag als JSON uit dit `bestand`, of - voor standaardinvoer; ook --input")
	f.StringVar(&opts.bon, "bon", "", "voeg de bon van dit besluit (één regel JSON, alleen id's) toe aan dit `bestand`")
	voegFormaatToe(f, &opts.formaat)
	return cmd
}

// runVraag answers the question and writes the answer in the chosen format.
func runVraag(ctx context.Context, opts *vraagOpties) error {
	s := opts.g.stromen
	gezet := opts.cmd.Flags().Changed
	heeftVlaggen := false
	for _, n := range vraagVlaggen {
		heeftVlaggen = heeftVlaggen || gezet(n)
	}
	if opts.invoer == "" && !heeftVlaggen {
		switch {
		case s.Terminal && s.InTerminal:
			return runGids(ctx, opts)
		case s.Terminal:
			return &gebruiksFout{
				bericht: "de geleide modus, die de vraag stap voor stap stelt, werkt alleen als ook de invoer een terminal is; geef de vraag op met opties of met --invoer",
				cmd:     opts.cmd,
				gebruik: true,
			}
		}
		return &gebruiksFout{bericht: geenVraag, cmd: opts.cmd}
	}

	if s.Proces {
		collectorVoorEenVraag(s.Getenv)
	}
	engine, err := laadEngine(ctx, opts.g)
	if err != nil {
		return err
	}
	v, err := opts.vraag(engine.Kennisbank())
	if err != nil {
		return err
	}
	return beantwoordEnToon(ctx, opts, engine, v)
}

// collectorVoorEenVraag: one question from the command line is a short process that allocates a few tens
// of MB (the compiled rules, the knowledge base, one answer) and ends. Go's collector would run about ten
// times on a heap of a few MB while the rules load, a sixth of the whole run (97 against 80 ms); it is off
// for this process instead, with a memory limit of 256 MiB as the backstop (the process peaks at some 60 MB
// instead of 52). GOGC or GOMEMLIMIT in the environment wins. Not for the guided mode, which may ask many
// questions.
func collectorVoorEenVraag(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(256 << 20)
	debug.SetGCPercent(-1)
}

// geenVraag is the message for magikdelen vraag without a question and without a terminal to ask on.
const geenVraag = `geen vraag opgegeven. Geef de vraag op met opties, bijvoorbeeld
  magikdelen vraag --van wijkteam --naar politie --gegevens signaal --doel zvh_casusoverleg
of als JSON met --invoer vraag.json (of --invoer - voor standaardinvoer). Start "magikdelen vraag"
zonder opties in een terminal om de vraag stap voor stap te beantwoorden (geleide modus).
De namen die u kunt gebruiken: magikdelen begrippen`

// beantwoordEnToon answers v, writes the receipt of --bon if asked, and shows the answer in the chosen
// format: the one path of flag mode and guided mode.
func beantwoordEnToon(ctx context.Context, opts *vraagOpties, engine *library.Engine, v kennisbank.Vraag) error {
	s := opts.g.stromen
	var err error
	var bonnen *bon.Schrijver
	if opts.bon != "" {
		// Opened before answering, so an unwritable path fails before any work is done.
		if bonnen, err = openBonnen(opts.bon); err != nil {
			return err
		}
		defer bonnen.Close() // a no-op after the Close below; closes the file on an error in between
	}
	start := time.Now()
	a, err := engine.Beantwoord(ctx, v)
	if err != nil {
		return opts.metVlaggen(err)
	}
	if bonnen != nil {
		// The receipt is on disk before the answer is shown.
		if err := bonnen.Schrijf(bon.Nieuw(a, start, time.Now())); err != nil {
			return &invoerFout{veld: "--bon", err: err}
		}
		if err := bonnen.Close(); err != nil {
			return &invoerFout{veld: "--bon", err: err}
		}
	}
	return toonAntwoord(s, opts.formaat, a, engine.Kennisbank())
}

// openBonnen opens the receipts file of --bon, with a Dutch message for the common failures.
func openBonnen(pad string) (*bon.Schrijver, error) {
	w, err := bon.Open(pad)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &invoerFout{veld: "--bon", err: fmt.Errorf("map van %s bestaat niet", pad)}
	case errors.Is(err, fs.ErrPermission):
		return nil, &invoerFout{veld: "--bon", err: fmt.Errorf("geen toestemming om naar %s te schrijven", pad)}
	case err != nil:
		return nil, &invoerFout{veld: "--bon", err: err}
	}
	return w, nil
}

// vraag builds the question: the --invoer JSON if given, with the flags that were given on top. The
// values of the flags are read as ids of kb (labels, synonyms and any capitalisation too; see herkenner);
// the JSON takes ids only, as the contract says.
func (opts *vraagOpties) vraag(kb *kennisbank.Kennisbank) (kennisbank.Vraag, error) {
	var v kennisbank.Vraag
	if opts.invoer != "" {
		var err error
		if v, err = leesVraag(opts.invoer, opts.g.stromen.In); err != nil {
			return v, err
		}
	}
	if err := pasOptiesToe(&v, opts, herkenner{kb: kb, uit: opts.g.stromen.Err}); err != nil {
		return v, err
	}
	return v, nil
}

// leesVraag reads question JSON from a file, or from in for "-".
func leesVraag(pad string, in io.Reader) (kennisbank.Vraag, error) {
	if pad == "-" {
		return kennisbank.LeesVraag(in)
	}
	f, err := os.Open(pad)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return kennisbank.Vraag{}, &invoerFout{veld: "--invoer", err: fmt.Errorf("bestand %s bestaat niet", pad)}
		}
		return kennisbank.Vraag{}, &invoerFout{veld: "--invoer", err: err}
	}
	defer f.Close()
	return kennisbank.LeesVraag(f)
}

// pasOptiesToe sets the fields of v whose flag was given, as ids; facts are merged per name.
func pasOptiesToe(v *kennisbank.Vraag, opts *vraagOpties, h herkenner) error {
	gezet := opts.cmd.Flags().Changed
	var err error
	if gezet("van") {
		if v.Van, err = h.een("--van", "partijen", opts.van); err != nil {
			return err
		}
	}
	if gezet("naar") {
		naar, err := h.lijst("--naar", "partijen", opts.naar)
		if err != nil {
			return err
		}
		v.Naar = kennisbank.Ontvangers(naar)
	}
	if gezet("gegevens") {
		if v.Gegevens, err = h.lijst("--gegevens", "gegevens", opts.gegevens); err != nil {
			return err
		}
	}
	if gezet("doel") {
		if v.Doel, err = h.een("--doel", "doelen", opts.doel); err != nil {
			return err
		}
	}
	if gezet("convenant") {
		if v.Convenant, err = h.een("--convenant", "convenanten", opts.convenant); err != nil {
			return err
		}
	}
	if gezet("fase") {
		if v.Fase, err = h.een("--fase", "fasen", opts.fase); err != nil {
			return err
		}
	}
	if gezet("datum") {
		if v.Datum, err = h.datum("--datum", opts.datum); err != nil {
			return err
		}
	}
	if gezet("feit") {
		f, err := h.feiten(opts.feiten)
		if err != nil {
			return err
		}
		if v.Feiten == nil {
			v.Feiten = map[string]any{}
		}
		maps.Copy(v.Feiten, f)
	}
	return nil
}

// metVlaggen names the flags in an input error of the library about a field that the flags gave (or
// that is missing without --invoer): "--doel" instead of "doel", "--feit leeftijd" instead of
// "feiten.leeftijd", and every missing flag at once.
func (opts *vraagOpties) metVlaggen(err error) error {
	gezet := opts.cmd.Flags().Changed
	vlag := func(veld string) (string, bool) {
		naam, rest, _ := strings.Cut(veld, ".")
		naam, _, _ = strings.Cut(naam, "[")
		if naam == "feiten" {
			return "--feit " + rest, gezet("feit") || opts.invoer == ""
		}
		return "--" + naam, gezet(naam) || opts.invoer == ""
	}
	var (
		ovf *kennisbank.OntbrekendVeldFout
		tf  *kennisbank.TypeFout
		df  *kennisbank.DatumFout
		oid *kennisbank.OnbekendeIDFout
	)
	switch {
	case errors.As(err, &ovf) && opts.invoer == "":
		velden := ovf.Velden
		if len(velden) == 0 {
			velden = []string{ovf.Veld}
		}
		namen := make([]string, len(velden))
		for i, v := range velden {
			namen[i], _ = vlag(v)
		}
		if len(namen) == 1 {
			return &gebruiksFout{bericht: namen[0] + ": verplichte optie ontbreekt", cmd: opts.cmd}
		}
		return &gebruiksFout{bericht: "verplichte opties ontbreken: " + strings.Join(namen, ", "), cmd: opts.cmd}
	case errors.As(err, &tf):
		if naam, ok := vlag(tf.Veld); ok {
			kopie := *tf
			kopie.Veld = naam
			return &kopie
		}
	case errors.As(err, &df):
		if naam, ok := vlag(df.Veld); ok {
			kopie := *df
			kopie.Veld = naam
			return &kopie
		}
	case errors.As(err, &oid):
		if naam, ok := vlag(oid.Veld); ok {
			kopie := *oid
			kopie.Veld = naam
			return &kopie
		}
	}
	return err
}
