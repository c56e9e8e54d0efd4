package library

import (
	"cmp"
	"slices"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// maxVraagbaakLinks is how many vraagbaak entries an answer names at most (rules/vraagbaak: max_links).
const maxVraagbaakLinks = 3

// vraagbaakIndex ranks the vraagbaak entries for an answer, as rules/vraagbaak/vraagbaak.rego does
// (vraagbaak.links, which the bundle's answers use): built once when the engine is made, so that an
// answer does not rank fifty entries in Rego. The ranking is search, not law. An entry counts when it
// names at least one party (sender, recipients, the recipients at the table), category or the purpose of
// the question. Points: the answer's covenant +3, each party +2, each category +1, the purpose +2. The
// highest three; on equal points the more specific entry (fewer covenants, parties, categories and
// purposes named) first, then by id. TestVraagbaakIndexZoalsDeRegels compares it with the rules.
type vraagbaakIndex struct {
	items []vraagbaakSleutels
}

type vraagbaakSleutels struct {
	id, vraag                               string
	convenanten, partijen, gegevens, doelen []string
	omvang                                  int
}

func nieuweVraagbaakIndex(items []kennisbank.Vraagbaakitem) *vraagbaakIndex {
	x := &vraagbaakIndex{items: make([]vraagbaakSleutels, 0, len(items))}
	for _, it := range items {
		x.items = append(x.items, vraagbaakSleutels{
			id: it.ID, vraag: it.Vraag,
			convenanten: it.Convenanten, partijen: it.Partijen, gegevens: it.Gegevens, doelen: it.Doelen,
			omvang: len(it.Convenanten) + len(it.Partijen) + len(it.Gegevens) + len(it.Doelen),
		})
	}
	return x
}

// links gives the entries for an answer, from what the answer says it judged: the covenant of its frame,
// the sender, the recipients asked and at the table, the categories and the purpose.
func (x *vraagbaakIndex) links(a *Antwoord) []Vraagbaakverwijzing {
	convenant := ""
	if a.Kader.Convenant != nil {
		convenant = *a.Kader.Convenant
	}
	betrokken := map[string]bool{a.Vraag.Van: true}
	for _, n := range a.Vraag.Naar {
		betrokken[n] = true
	}
	for _, n := range a.Vraag.Ontvangers {
		betrokken[n] = true
	}
	gevraagd := map[string]bool{}
	for _, g := range a.Vraag.Gegevens {
		gevraagd[g] = true
	}
	type kandidaat struct {
		punten, omvang int
		item           *vraagbaakSleutels
	}
	var kandidaten []kandidaat
	for i := range x.items {
		it := &x.items[i]
		partijen := telVerschillend(it.partijen, func(p string) bool { return betrokken[p] })
		gegevens := telVerschillend(it.gegevens, func(g string) bool { return gevraagd[g] })
		doelen := 0
		if slices.Contains(it.doelen, a.Vraag.Doel) {
			doelen = 1
		}
		if partijen+gegevens+doelen == 0 {
			continue
		}
		punten := 2*partijen + gegevens + 2*doelen
		if convenant != "" && slices.Contains(it.convenanten, convenant) {
			punten += 3
		}
		kandidaten = append(kandidaten, kandidaat{punten, it.omvang, it})
	}
	slices.SortFunc(kandidaten, func(p, q kandidaat) int {
		return cmp.Or(cmp.Compare(q.punten, p.punten), cmp.Compare(p.omvang, q.omvang), cmp.Compare(p.item.id, q.item.id))
	})
	links := make([]Vraagbaakverwijzing, 0, maxVraagbaakLinks)
	for _, k := range kandidaten[:min(len(kandidaten), maxVraagbaakLinks)] {
		links = append(links, Vraagbaakverwijzing{ID: k.item.id, Vraag: k.item.vraag})
	}
	return links
}

// telVerschillend counts the distinct values of lijst for which in holds (the rules count a set).
func telVerschillend(lijst []string, in func(string) bool) int {
	n := 0
	for i, s := range lijst {
		if in(s) && !slices.Contains(lijst[:i], s) {
			n++
		}
	}
	return n
}
