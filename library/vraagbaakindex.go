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
	// per party, category and purpose: the places in items of the entries that name it, each entry once, so
	// that an answer touches only the entries it may count for
	perPartij, perGegeven, perDoel map[string][]int
}

type vraagbaakSleutels struct {
	id, vraag   string
	convenanten []string
	omvang      int
}

func nieuweVraagbaakIndex(items []kennisbank.Vraagbaakitem) *vraagbaakIndex {
	x := &vraagbaakIndex{items: make([]vraagbaakSleutels, 0, len(items)), perPartij: map[string][]int{}, perGegeven: map[string][]int{}, perDoel: map[string][]int{}}
	voeg := func(per map[string][]int, ids []string, i int) {
		for _, id := range ids {
			if l := per[id]; len(l) == 0 || l[len(l)-1] != i { // an entry that names an id twice counts once
				per[id] = append(l, i)
			}
		}
	}
	for i, it := range items {
		x.items = append(x.items, vraagbaakSleutels{
			id: it.ID, vraag: it.Vraag, convenanten: it.Convenanten,
			omvang: len(it.Convenanten) + len(it.Partijen) + len(it.Gegevens) + len(it.Doelen),
		})
		voeg(x.perPartij, it.Partijen, i)
		voeg(x.perGegeven, it.Gegevens, i)
		voeg(x.perDoel, it.Doelen, i)
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
	// Per entry the points for what it names of the question, and whether it names anything; each party
	// and category of the question once (the rules count sets).
	punten := make([]int, len(x.items))
	treffer := make([]bool, len(x.items))
	tel := func(per map[string][]int, id string, waarde int) {
		for _, i := range per[id] {
			punten[i] += waarde
			treffer[i] = true
		}
	}
	betrokken := make([]string, 0, 1+len(a.Vraag.Naar)+len(a.Vraag.Ontvangers))
	for _, p := range slices.Concat([]string{a.Vraag.Van}, a.Vraag.Naar, a.Vraag.Ontvangers) {
		if !slices.Contains(betrokken, p) {
			betrokken = append(betrokken, p)
			tel(x.perPartij, p, 2)
		}
	}
	for i, g := range a.Vraag.Gegevens {
		if !slices.Contains(a.Vraag.Gegevens[:i], g) {
			tel(x.perGegeven, g, 1)
		}
	}
	tel(x.perDoel, a.Vraag.Doel, 2)
	type kandidaat struct {
		punten, omvang int
		item           *vraagbaakSleutels
	}
	var kandidaten []kandidaat
	for i, t := range treffer {
		if !t {
			continue
		}
		it := &x.items[i]
		p := punten[i]
		if convenant != "" && slices.Contains(it.convenanten, convenant) {
			p += 3
		}
		kandidaten = append(kandidaten, kandidaat{p, it.omvang, it})
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
