package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// Convenanten is the readable list of covenants (sjablonen/convenanten.md.tmpl).
func Convenanten(lijst []kennisbank.ConvenantSamenvatting, kb *kennisbank.Kennisbank) string {
	return voerUit(convenantenSjabloon, struct {
		Lijst  []kennisbank.ConvenantSamenvatting
		Versie string
	}{lijst, kb.Versie()})
}

// Convenant is the readable view of one covenant (sjablonen/convenant.md.tmpl).
func Convenant(c kennisbank.Convenant, kb *kennisbank.Kennisbank) string {
	b := convenantBeeld{C: c, W: woordenboek{woorden{kb}}, Titel: c.Naam, Versie: kb.Versie()}
	if c.KorteNaam != "" && !strings.Contains(b.Titel, c.KorteNaam) {
		b.Titel += " (" + c.KorteNaam + ")"
	}
	if len(c.VereistFeiten) > 0 {
		var delen []string
		for _, k := range slices.Sorted(maps.Keys(c.VereistFeiten)) {
			delen = append(delen, fmt.Sprintf("%s = %v", k, c.VereistFeiten[k]))
		}
		b.Vereist = strings.Join(delen, ", ")
	}
	return voerUit(convenantSjabloon, b)
}

// convenantBeeld is what the covenant's template shows: the typed covenant, its title, the facts a bill
// assumes ("stel dat") and the words of the knowledge base.
type convenantBeeld struct {
	C              kennisbank.Convenant
	W              woordenboek
	Titel, Vereist string
	Versie         string
}

// woordenboek gives a template the labels of the knowledge base; the methods that return Markdown
// (GrondslagLink) escape their text themselves, the others return plain text.
type woordenboek struct{ w woorden }

func (d woordenboek) Partij(id string) string { return d.w.partij(id) }

// GrondslagLink is the title of a legal ground as a Markdown link to its official text.
func (d woordenboek) GrondslagLink(id string) string { return link(d.w.grondslag(id)) }

// GrondslagTitels are the titles of legal grounds, joined with "; ".
func (d woordenboek) GrondslagTitels(ids []string) string {
	titels := make([]string, len(ids))
	for i, g := range ids {
		titels[i], _ = d.w.grondslag(g)
	}
	return strings.Join(titels, "; ")
}

// Rollen names who directs a level of a covenant: casusregie, procesregie, bestuurlijk verantwoordelijk.
func (d woordenboek) Rollen(n kennisbank.Niveau) string {
	var rollen []string
	for _, r := range [][2]string{{n.Casusregie, "casusregie"}, {n.Procesregie, "procesregie"}, {n.Bestuurlijk, "bestuurlijk verantwoordelijk"}} {
		if r[0] != "" {
			rollen = append(rollen, r[1]+": "+r[0])
		}
	}
	return strings.Join(rollen, "; ")
}

// Organisaties are the names of the organisations that take part for a party.
func (d woordenboek) Organisaties(dn kennisbank.Deelnemer) string {
	var orgs []string
	for _, o := range dn.Organisaties {
		orgs = append(orgs, o.Naam)
	}
	return strings.Join(orgs, ", ")
}

// Labels are the labels of ids of one kind of the vocabulary, joined with ", " (plain text).
func (d woordenboek) Labels(soort string, ids []string) string {
	return strings.Join(d.w.labels(soort, ids), ", ")
}

// looptijd and periode write a validity window with the ISO dates of the CLI (opmaak.Periode).
func looptijd(vanaf, tot string) string { return opmaak.Looptijd(vanaf, tot, iso) }

func periode(vanaf, tot string) string { return opmaak.Periode(vanaf, tot, iso) }

// iso keeps a date as the knowledge base writes it (JJJJ-MM-DD), as the rest of the CLI's views do.
func iso(d string) string { return d }
