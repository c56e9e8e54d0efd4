package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// begripSoorten are the vocabularies magikdelen begrippen lists, in this order.
var begripSoorten = []string{"partijen", "gegevens", "doelen", "feiten", "convenanten"}

// engelseSoorten are the English names of the vocabularies.
var engelseSoorten = map[string]string{
	"parties": "partijen", "data": "gegevens", "categories": "gegevens", "purposes": "doelen",
	"facts": "feiten", "covenants": "convenanten",
}

// begrippenOpties are the options of magikdelen begrippen.
type begrippenOpties struct {
	g       *globaleOpties
	soorten []string
	formaat formaat
}

// begrip is one entry of the vocabulary as magikdelen begrippen shows it.
type begrip struct {
	ID           string        `json:"id"`
	Label        string        `json:"label"`
	Synoniemen   []string      `json:"synoniemen,omitempty"`
	Convenant    string        `json:"convenant,omitempty"`    // doelen: the covenant the purpose belongs to
	Type         string        `json:"type,omitempty"`         // feiten: ja_nee, keuze, geheel_getal, datum, partij, doel
	Waarden      []string      `json:"waarden,omitempty"`      // feiten of type keuze: the values
	Organisaties []organisatie `json:"organisaties,omitempty"` // partijen: the named organisations that have this role
	Status       string        `json:"status,omitempty"`       // convenanten
}

// organisatie is a concrete organisation that a covenant names, which resolves to a party.
type organisatie struct {
	ID   string `json:"id"`
	Naam string `json:"naam"`
}

func newBegrippenCmd(g *globaleOpties) *cobra.Command {
	opts := &begrippenOpties{g: g}
	cmd := &cobra.Command{
		Use:     "begrippen [partijen|gegevens|doelen|feiten|convenanten]",
		Aliases: []string{"vocabulary"},
		Short:   "Toon de begrippen: de id's met hun Nederlandse namen en synoniemen",
		Long: `Toont de woordenlijst van de kennisbank: per partij, gegevenscategorie, doel, feit en convenant het
id, de Nederlandse naam en de synoniemen. Bij vraag en matrix mag u een id, een naam of een synoniem
opgeven, in hoofd- of kleine letters ("--van wijkagent" is "--van politie"); deze lijst laat zien welke.

Zonder argument: alle vijf. Met een argument alleen die soort (Engels mag ook: parties, data, purposes,
facts, covenants). Bij een doel staat het convenant waar het bij hoort, bij een feit het soort waarde,
bij een partij de organisaties die als die partij gelden. --formaat json geeft één object met per soort
een lijst.`,
		Example: `  magikdelen begrippen
  magikdelen begrippen partijen
  magikdelen vocabulary purposes --formaat json`,
		Args:                  argumenten(len(begripSoorten)),
		DisableFlagsInUseLine: true,
		ValidArgs:             begripSoorten,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				soort := strings.ToLower(strings.TrimSpace(a))
				if nl, ok := engelseSoorten[soort]; ok {
					soort = nl
				}
				if !slices.Contains(begripSoorten, soort) {
					return &gebruiksFout{
						bericht: fmt.Sprintf("onbekende soort %q; kies %s%s", library.Kort(a), strings.Join(begripSoorten, ", "), bedoeldeU(library.Dichtstbij(soort, begripSoorten, 1), "")),
						cmd:     cmd,
					}
				}
				if !slices.Contains(opts.soorten, soort) {
					opts.soorten = append(opts.soorten, soort)
				}
			}
			return runBegrippen(cmd.Context(), opts)
		},
	}
	voegFormaatToe(cmd.Flags(), &opts.formaat)
	return cmd
}

// runBegrippen writes the vocabularies.
func runBegrippen(_ context.Context, opts *begrippenOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	soorten := opts.soorten
	if len(soorten) == 0 {
		soorten = begripSoorten
	}
	lijsten := map[string][]begrip{}
	for _, s := range soorten {
		lijsten[s] = begrippen(kb, s)
	}
	return toon(opts.g.stromen, opts.formaat, lijsten, func() string { return begrippenMarkdown(kb, soorten, lijsten) })
}

// begrippen lists one vocabulary in the order of the knowledge base.
func begrippen(kb *library.Kennisbank, soort string) []begrip {
	orgs := map[string][]organisatie{}
	if soort == "partijen" {
		for _, o := range kb.Keuzes("organisaties") {
			partij := tekst(kb.Item("organisaties", o.ID), "partij")
			orgs[partij] = append(orgs[partij], organisatie{ID: o.ID, Naam: o.Label})
		}
	}
	var uit []begrip
	for _, k := range kb.Keuzes(soort) {
		b := begrip{ID: k.ID, Label: k.Label, Synoniemen: k.Synoniemen, Organisaties: orgs[k.ID]}
		item := kb.Item(soort, k.ID)
		switch soort {
		case "doelen":
			b.Convenant = tekst(item, "convenant")
		case "feiten":
			b.Type = tekst(item, "type")
			if b.Type == "keuze" {
				for _, w := range lijstTekst(item["waarden"]) {
					b.Waarden = append(b.Waarden, w)
				}
			}
		case "convenanten":
			b.Status = tekst(item, "status")
		}
		uit = append(uit, b)
	}
	return uit
}

// lijstTekst gives the strings of a list value of the knowledge base.
func lijstTekst(v any) []string {
	l, _ := v.([]any)
	var uit []string
	for _, x := range l {
		if s, ok := x.(string); ok {
			uit = append(uit, s)
		}
	}
	return uit
}

// soortKoppen are the headings of the vocabularies.
var soortKoppen = map[string]string{
	"partijen":    "Partijen (--van, --naar)",
	"gegevens":    "Gegevens (--gegevens)",
	"doelen":      "Doelen (--doel)",
	"feiten":      "Feiten (--feit naam=waarde)",
	"convenanten": "Convenanten (--convenant)",
}

// feitTypen say in Dutch what value a fact takes.
var feitTypen = map[string]string{
	"ja_nee": "ja of nee", "geheel_getal": "een geheel getal", "datum": "een datum (JJJJ-MM-DD)",
	"partij": "een partij", "doel": "een doel",
}

// begrippenMarkdown is the readable vocabulary: per kind a table of ids, names and synonyms.
func begrippenMarkdown(kb *library.Kennisbank, soorten []string, lijsten map[string][]begrip) string {
	var b strings.Builder
	b.WriteString("# Begrippen\n\n")
	b.WriteString("U mag bij vraag en matrix het id, de naam of een synoniem opgeven, in hoofd- of kleine letters.\n\n")
	for _, s := range soorten {
		fmt.Fprintf(&b, "## %s\n\n", soortKoppen[s])
		groep, eerste := "", true
		kop := func() {
			switch s {
			case "feiten":
				b.WriteString("| id | naam | waarde | ook |\n|---|---|---|---|\n")
			default:
				b.WriteString("| id | naam | ook |\n|---|---|---|\n")
			}
		}
		if s != "doelen" {
			kop()
		}
		for _, bg := range lijsten[s] {
			if s == "doelen" && (eerste || bg.Convenant != groep) {
				naam := library.GroepWettelijk
				if bg.Convenant != "" {
					naam = kb.Label("convenanten", bg.Convenant)
				}
				if !eerste {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "### %s\n\n", esc(naam))
				kop()
				groep, eerste = bg.Convenant, false
			}
			ook := slices.Clone(bg.Synoniemen)
			for _, o := range bg.Organisaties {
				ook = append(ook, o.Naam+" (`"+o.ID+"`)")
			}
			for i, w := range ook {
				if !strings.Contains(w, "`") {
					ook[i] = esc(w)
				}
			}
			ookTekst := strings.ReplaceAll(strings.Join(ook, ", "), "|", `\|`)
			switch s {
			case "feiten":
				waarde := feitTypen[bg.Type]
				if bg.Type == "keuze" {
					delen := make([]string, len(bg.Waarden))
					for i, w := range bg.Waarden {
						delen[i] = "`" + w + "`"
					}
					waarde = strings.Join(delen, ", ")
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", bg.ID, cel(bg.Label), waarde, ookTekst)
			default:
				fmt.Fprintf(&b, "| `%s` | %s | %s |\n", bg.ID, cel(bg.Label), ookTekst)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
