package weergave

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// Antwoord is the human view of an answer: verdict first, then the question as it was judged,
// the legal chain, the checklist, the legal grounds, what would make it allowed, the missing facts and
// the verdict per recipient and category. Empty sections are left out. The text is the template
// sjablonen/antwoord.md.tmpl; Go looks up the labels and groups the cells.
func Antwoord(a library.Antwoord, kb *kennisbank.Kennisbank) string {
	return voerUit(antwoordSjabloon, antwoordBeeldVan(a, kb))
}

// antwoordBeeld is what the answer's template shows: labels, not ids; text not yet escaped.
type antwoordBeeld struct {
	Oordeel, Samenvatting, Zekerheid string
	Van, Naar, Gegevens, Doel        string
	Ontvangers                       *ontvangersBeeld // nil: the recipients are the ones asked
	Kader                            kaderBeeld
	Fase, Datum, Feiten              string
	Keten                            []stapBeeld
	Redenen                          []library.Reden // those the chain does not show
	Voorwaarden                      []library.Voorwaarde
	Grondslagen                      []grondslagBeeld
	Alternatieven                    []alternatiefBeeld
	Ontbrekend                       []feitBeeld
	FG                               string // onbepaald: the sending organisation whose FG to ask
	Deeloordelen                     []rijBeeld
	Vraagbaak                        []library.Vraagbaakverwijzing
	Kennisbank                       string
}

// ontvangersBeeld: the recipients a table stands for, when they differ from those asked.
type ontvangersBeeld struct {
	Aantal int
	Enige  string // the one recipient, when there is one
}

// kaderBeeld: judged under a covenant (Route convenant), through a statutory route of its own beside a
// covenant (Convenant set), or through the statutory routes (Gevraagd: the covenant asked that the purpose
// is not of).
type kaderBeeld struct {
	Route, Naam, Convenant, Gevraagd string
}

type stapBeeld struct {
	Label, Status, Oordeel, Titel, Tekst, Grondslagen, Voor string
}

type grondslagBeeld struct {
	Titel, Bron, Voorbehoud string // Voorbehoud: the certainty, when it is below the highest
}

// grondslagenBeeld are cited legal grounds with their links and, where the knowledge base is less than
// sure of one, its certainty.
func (w woorden) grondslagenBeeld(gs []library.Grondslag) []grondslagBeeld {
	var uit []grondslagBeeld
	for _, g := range gs {
		gb := grondslagBeeld{Titel: g.Titel, Bron: g.Bron}
		if w.kb.MetVoorbehoud(g.Zekerheid) {
			gb.Voorbehoud = w.label("zekerheden", g.Zekerheid)
		}
		uit = append(uit, gb)
	}
	return uit
}

type alternatiefBeeld struct{ Tekst, Opties string }

type feitBeeld struct{ ID, Label, Vraag string }

type rijBeeld struct{ Naar, Gegevens, Oordeel string }

func antwoordBeeldVan(a library.Antwoord, kb *kennisbank.Kennisbank) antwoordBeeld {
	w := woorden{kb}
	v := a.Vraag
	b := antwoordBeeld{
		Oordeel: w.oordeel(a.Oordeel), Samenvatting: a.Samenvatting,
		Van: w.partij(v.Van), Naar: strings.Join(w.labels("partijen", v.Naar), ", "),
		Gegevens: strings.Join(w.labels("gegevens", v.Gegevens), ", "), Doel: w.label("doelen", v.Doel),
		Kader: kaderBeeldVan(w, a.Kader, v.Convenant), Fase: v.Fase, Datum: v.Datum,
		Keten: ketenBeeld(w, a), Redenen: redenenBuitenKeten(a), Vraagbaak: a.Vraagbaak,
		Deeloordelen: deeloordelenBeeld(w, a), Kennisbank: a.Kennisbank.Versie,
	}
	if a.Zekerheid != "" {
		b.Zekerheid = w.label("zekerheden", a.Zekerheid)
	}
	if len(v.Ontvangers) > 0 && !gelijk(v.Ontvangers, v.Naar) {
		b.Ontvangers = &ontvangersBeeld{Aantal: len(v.Ontvangers)}
		if len(v.Ontvangers) == 1 {
			b.Ontvangers.Enige = w.partij(v.Ontvangers[0])
		}
	}
	if len(v.Feiten) > 0 {
		delen := make([]string, 0, len(v.Feiten))
		for _, n := range slices.Sorted(maps.Keys(v.Feiten)) {
			delen = append(delen, fmt.Sprintf("%s: %s", w.label("feiten", n), w.feitWaarde(n, v.Feiten[n])))
		}
		b.Feiten = strings.Join(delen, "; ")
	}
	for _, vw := range a.Voorwaarden {
		vw.Label = cmp.Or(vw.Label, w.label("voorwaarden", vw.ID))
		b.Voorwaarden = append(b.Voorwaarden, vw)
	}
	b.Grondslagen = w.grondslagenBeeld(a.Grondslagen)
	for _, alt := range a.Alternatieven {
		b.Alternatieven = append(b.Alternatieven, alternatiefBeeld{Tekst: alt.Tekst, Opties: alternatiefOpties(alt)})
	}
	for _, f := range a.OntbrekendeFeiten {
		feit, _ := kb.Feit(f)
		b.Ontbrekend = append(b.Ontbrekend, feitBeeld{ID: f, Label: w.label("feiten", f), Vraag: feit.Vraag})
	}
	if len(b.Ontbrekend) > 0 && a.Oordeel == kennisbank.Onbepaald {
		b.FG = w.partij(v.Van)
	}
	return b
}

// kaderBeeldVan says whether the share was judged under a covenant or through the statutory routes.
func kaderBeeldVan(w woorden, k library.Kader, gevraagd string) kaderBeeld {
	beeld := kaderBeeld{Route: k.Route, Naam: k.Naam}
	if k.Convenant != nil {
		beeld.Convenant = *k.Convenant
	}
	if beeld.Naam == "" && beeld.Convenant != "" {
		beeld.Naam = w.label("convenanten", beeld.Convenant)
	}
	if gevraagd != "" {
		beeld.Gevraagd = w.label("convenanten", gevraagd)
	}
	return beeld
}

// ketenBeeld is the legal chain: per layer the route it followed, or why it has none. With more than one
// recipient or category, each step says which of them it is about.
func ketenBeeld(w woorden, a library.Antwoord) []stapBeeld {
	var uit []stapBeeld
	for _, s := range a.Keten {
		stap := stapBeeld{
			Label: cmp.Or(s.Label, w.label("lagen", s.Laag)), Status: s.Status,
			Oordeel: strings.ToLower(w.oordeel(s.Oordeel)), Titel: strings.TrimSuffix(s.Titel, "."), Tekst: s.Tekst,
			Voor: stapVoor(w, a, s),
		}
		if len(s.Grondslagen) > 0 {
			titels := make([]string, len(s.Grondslagen))
			for j, id := range s.Grondslagen {
				titels[j], _ = w.grondslag(id)
			}
			stap.Grondslagen = strings.Join(titels, "; ")
		}
		uit = append(uit, stap)
	}
	return uit
}

// stapVoor says which recipients (and, where not all, which categories) a step of the chain is about,
// when the answer has more than one cell: the cells whose own chain has this layer and route. Empty when
// the step is about every cell. When it is about most recipients, it names the others: "alle
// ontvangers behalve Politie".
func stapVoor(w woorden, a library.Antwoord, s library.Stap) string {
	if len(a.Deeloordelen) < 2 {
		return ""
	}
	var ontvangers []string         // in the order of the cells
	gedekt := map[string][]string{} // recipient -> categories this step is about
	aantal := map[string]int{}      // recipient -> cells
	n := 0
	for _, d := range a.Deeloordelen {
		if aantal[d.Naar] == 0 {
			ontvangers = append(ontvangers, d.Naar)
		}
		aantal[d.Naar]++
		if slices.ContainsFunc(d.Keten, func(x library.Stap) bool { return x.Laag == s.Laag && x.Route == s.Route }) {
			gedekt[d.Naar] = append(gedekt[d.Naar], d.Gegevens)
			n++
		}
	}
	if n == 0 || n == len(a.Deeloordelen) {
		return ""
	}
	if len(ontvangers) == 1 { // one recipient: only the categories matter
		return "geldt voor " + opsomming(w.labels("gegevens", gedekt[ontvangers[0]]))
	}
	var heel, deels, niet []string
	for _, o := range ontvangers {
		switch len(gedekt[o]) {
		case aantal[o]:
			heel = append(heel, w.partij(o))
		case 0:
			niet = append(niet, w.partij(o))
		default:
			deels = append(deels, w.partij(o)+" ("+strings.Join(w.labels("gegevens", gedekt[o]), ", ")+")")
		}
	}
	if len(deels) == 0 && len(niet) < len(heel) && len(ontvangers) > 2 {
		return "geldt voor alle ontvangers behalve " + opsomming(niet)
	}
	return "geldt voor " + opsomming(append(heel, deels...))
}

// opsomming joins names Dutch style: "a, b en c".
func opsomming(namen []string) string {
	if len(namen) < 2 {
		return strings.Join(namen, "")
	}
	return strings.Join(namen[:len(namen)-1], ", ") + " en " + namen[len(namen)-1]
}

// redenenBuitenKeten are the reasons that the legal chain does not already show, such as a failed
// inclusion test or purpose creep.
func redenenBuitenKeten(a library.Antwoord) []library.Reden {
	inKeten := map[string]bool{}
	for _, s := range a.Keten {
		inKeten[s.Route] = true
	}
	var rest []library.Reden
	for _, r := range a.Redenen {
		if !inKeten[r.ID] {
			rest = append(rest, r)
		}
	}
	return rest
}

// deeloordelenBeeld is the verdict per recipient and category, when there is more than one, with
// identical rows grouped: the categories of a recipient that have the same verdict share a row, and so do
// recipients whose rows are the same. The strictest verdicts come first (the rang of oordelen.yaml).
func deeloordelenBeeld(w woorden, a library.Antwoord) []rijBeeld {
	delen := a.Deeloordelen
	if len(delen) < 2 {
		return nil
	}
	type rij struct {
		naar     []string
		gegevens []string
		oordeel  kennisbank.Oordeel
	}
	// Per recipient, the categories with one verdict.
	var perOntvanger []rij
	for _, d := range delen {
		i := slices.IndexFunc(perOntvanger, func(r rij) bool { return r.naar[0] == d.Naar && r.oordeel == d.Oordeel })
		if i < 0 {
			perOntvanger = append(perOntvanger, rij{naar: []string{d.Naar}, oordeel: d.Oordeel})
			i = len(perOntvanger) - 1
		}
		perOntvanger[i].gegevens = append(perOntvanger[i].gegevens, d.Gegevens)
	}
	// Recipients with the same categories and verdict.
	var rijen []rij
	for _, r := range perOntvanger {
		i := slices.IndexFunc(rijen, func(x rij) bool { return x.oordeel == r.oordeel && slices.Equal(x.gegevens, r.gegevens) })
		if i < 0 {
			rijen = append(rijen, r)
			continue
		}
		rijen[i].naar = append(rijen[i].naar, r.naar[0])
	}
	slices.SortStableFunc(rijen, func(x, y rij) int { return cmp.Compare(w.rang(x.oordeel), w.rang(y.oordeel)) })

	ontvangers := map[string]bool{}
	for _, d := range delen {
		ontvangers[d.Naar] = true
	}
	uit := make([]rijBeeld, 0, len(rijen))
	for _, r := range rijen {
		namen := make([]string, len(r.naar))
		for i, n := range r.naar {
			namen[i] = w.partij(n)
		}
		naar := strings.Join(namen, ", ")
		if len(r.naar) > 1 && len(r.naar) == len(ontvangers) {
			naar = fmt.Sprintf("alle %d ontvangers: %s", len(r.naar), naar)
		}
		uit = append(uit, rijBeeld{Naar: naar, Gegevens: strings.Join(w.labels("gegevens", r.gegevens), ", "), Oordeel: w.oordeel(r.oordeel)})
	}
	return uit
}

// alternatiefOpties gives the flags that ask the alternative question, e.g. --feit toestemming=gegeven.
func alternatiefOpties(alt library.Alternatief) string {
	var delen []string
	if alt.Doel != "" {
		delen = append(delen, "--doel "+alt.Doel)
	}
	if len(alt.Naar) > 0 {
		delen = append(delen, "--naar "+strings.Join(alt.Naar, ","))
	}
	namen := make([]string, 0, len(alt.Feiten))
	for n := range alt.Feiten {
		namen = append(namen, n)
	}
	sort.Strings(namen)
	for _, n := range namen {
		delen = append(delen, fmt.Sprintf("--feit %s=%v", n, alt.Feiten[n]))
	}
	return strings.Join(delen, " ")
}

// link is a Markdown link to the official source of a text, or the text alone.
func link(titel, bron string) string { return opmaak.Link(titel, bron, esc) }

// gelijk reports whether a and b hold the same ids, in any order.
func gelijk(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
