package weergave

import (
	"fmt"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// Begrip is one entry of the vocabulary as magikdelen begrippen shows it.
type Begrip struct {
	ID           string        `json:"id"`
	Label        string        `json:"label"`
	Synoniemen   []string      `json:"synoniemen,omitempty"`
	Convenant    string        `json:"convenant,omitempty"`    // doelen: the covenant the purpose belongs to
	Type         string        `json:"type,omitempty"`         // feiten: ja_nee, keuze, geheel_getal, datum, partij, doel
	Waarden      []string      `json:"waarden,omitempty"`      // feiten of type keuze: the values
	Organisaties []Organisatie `json:"organisaties,omitempty"` // partijen: the named organisations that have this role
	Status       string        `json:"status,omitempty"`       // convenanten
}

// Organisatie is a concrete organisation that a covenant names, which resolves to a party.
type Organisatie struct {
	ID   string `json:"id"`
	Naam string `json:"naam"`
}

// BegrippenVan lists one vocabulary in the order of the knowledge base.
func BegrippenVan(kb *library.Kennisbank, soort string) []Begrip {
	orgs := map[string][]Organisatie{}
	if soort == "partijen" {
		for _, o := range kb.Keuzes("organisaties") {
			partij := kb.Veld("organisaties", o.ID, "partij")
			orgs[partij] = append(orgs[partij], Organisatie{ID: o.ID, Naam: o.Label})
		}
	}
	var uit []Begrip
	for _, k := range kb.Keuzes(soort) {
		b := Begrip{ID: k.ID, Label: k.Label, Synoniemen: k.Synoniemen, Organisaties: orgs[k.ID]}
		switch soort {
		case "doelen":
			b.Convenant = kb.DoelConvenant(k.ID)
		case "feiten":
			f, _ := kb.Feit(k.ID)
			b.Type = f.Type
			if b.Type == "keuze" {
				b.Waarden = append(b.Waarden, f.Waarden...)
			}
		case "convenanten":
			b.Status = kb.Veld("convenanten", k.ID, "status")
		}
		uit = append(uit, b)
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

// Begrippen is the readable vocabulary: per kind a table of ids, names and synonyms.
func Begrippen(kb *library.Kennisbank, soorten []string, lijsten map[string][]Begrip) string {
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
