package weergave

import (
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
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
func BegrippenVan(kb *kennisbank.Kennisbank, soort string) []Begrip {
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

// Begrippen is the readable vocabulary: per kind a table of ids, names and synonyms
// (sjablonen/begrippen.md.tmpl).
func Begrippen(kb *kennisbank.Kennisbank, soorten []string, lijsten map[string][]Begrip) string {
	var b begrippenBeeld
	for _, s := range soorten {
		sb := soortBeeld{Soort: s, Kop: soortKoppen[s]}
		groep := ""
		for _, bg := range lijsten[s] {
			r := begripRij{ID: bg.ID, Label: bg.Label}
			if s == "doelen" && (len(sb.Rijen) == 0 || bg.Convenant != groep) {
				r.Groep = kennisbank.GroepWettelijk
				if bg.Convenant != "" {
					r.Groep = kb.Label("convenanten", bg.Convenant)
				}
				groep = bg.Convenant
			}
			ook := slices.Clone(bg.Synoniemen)
			for _, o := range bg.Organisaties {
				ook = append(ook, o.Naam+" (`"+o.ID+"`)")
			}
			for i, x := range ook {
				if !strings.Contains(x, "`") {
					ook[i] = esc(x)
				}
			}
			r.Ook = strings.ReplaceAll(strings.Join(ook, ", "), "|", `\|`)
			if s == "feiten" {
				r.Waarde = feitTypen[bg.Type]
				if bg.Type == "keuze" {
					delen := make([]string, len(bg.Waarden))
					for i, x := range bg.Waarden {
						delen[i] = "`" + x + "`"
					}
					r.Waarde = strings.Join(delen, ", ")
				}
			}
			sb.Rijen = append(sb.Rijen, r)
		}
		b.Soorten = append(b.Soorten, sb)
	}
	return voerUit(begrippenSjabloon, b)
}

// begrippenBeeld is what the vocabulary's template shows: per kind its heading and rows. A row with a
// Groep starts a new group (the covenant of the purposes that follow).
type begrippenBeeld struct{ Soorten []soortBeeld }

type soortBeeld struct {
	Soort, Kop string
	Rijen      []begripRij
}

type begripRij struct{ ID, Label, Groep, Waarde, Ook string }
