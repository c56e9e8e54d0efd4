package weergave

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// Antwoord is the human view of an answer: verdict first, then the question as it was judged,
// the legal chain, the checklist, the legal grounds, what would make it allowed, the missing facts and
// the verdict per recipient and category. Empty sections are left out.
func Antwoord(a library.Antwoord, kb *library.Kennisbank) string {
	w := woorden{kb}
	var b strings.Builder
	b.WriteString("# Mag ik dit delen?\n\n")
	fmt.Fprintf(&b, "**%s** — %s\n\n", w.oordeel(a.Oordeel), esc(a.Samenvatting))
	if a.Zekerheid != "" {
		fmt.Fprintf(&b, "Zekerheid van dit antwoord: **%s**\n\n", w.label("zekerheden", a.Zekerheid))
	}
	schrijfVraag(&b, w, a)
	schrijfKeten(&b, w, a)
	schrijfRedenen(&b, a)
	if len(a.Voorwaarden) > 0 {
		b.WriteString("## Voorwaarden\n\nDeel alleen als u dit allemaal kunt afvinken:\n\n")
		for _, v := range a.Voorwaarden {
			label := v.Label
			if label == "" {
				label = w.label("voorwaarden", v.ID)
			}
			fmt.Fprintf(&b, "- [ ] **%s** — %s\n", esc(label), esc(v.Tekst))
		}
		b.WriteString("\n")
	}
	if len(a.Grondslagen) > 0 {
		b.WriteString("## Grondslagen\n\n")
		for _, g := range a.Grondslagen {
			b.WriteString("- " + link(g.Titel, g.Bron))
			if kb.MetVoorbehoud(g.Zekerheid) {
				fmt.Fprintf(&b, " (zekerheid %s)", w.label("zekerheden", g.Zekerheid))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(a.Alternatieven) > 0 {
		b.WriteString("## Wat is er nodig om dit wel te mogen?\n\n")
		for _, alt := range a.Alternatieven {
			fmt.Fprintf(&b, "- %s", esc(alt.Tekst))
			if opties := alternatiefOpties(alt); opties != "" {
				fmt.Fprintf(&b, " Vraag opnieuw met `%s`.", opties)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	schrijfOntbrekend(&b, w, a)
	schrijfDeeloordelen(&b, w, a)
	schrijfVraagbaak(&b, a.Vraagbaak)
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "Dit antwoord is een hulpmiddel, geen juridisch advies. Kennisbank: `%s`\n", a.Kennisbank.Versie)
	return b.String()
}

// schrijfVraag writes the question as the rules read it, with the covenant or statutory route.
func schrijfVraag(b *strings.Builder, w woorden, a library.Antwoord) {
	v := a.Vraag
	b.WriteString("## Vraag\n\n")
	fmt.Fprintf(b, "- **Van:** %s\n", esc(w.partij(v.Van)))
	naar := make([]string, len(v.Naar))
	for i, n := range v.Naar {
		naar[i] = w.partij(n)
	}
	fmt.Fprintf(b, "- **Naar:** %s", esc(strings.Join(naar, ", ")))
	if len(v.Ontvangers) > 0 && !gelijk(v.Ontvangers, v.Naar) {
		if len(v.Ontvangers) == 1 {
			fmt.Fprintf(b, " (1 ontvanger: %s)", esc(w.partij(v.Ontvangers[0])))
		} else {
			fmt.Fprintf(b, " (%d ontvangers)", len(v.Ontvangers))
		}
	}
	b.WriteString("\n")
	fmt.Fprintf(b, "- **Gegevens:** %s\n", esc(strings.Join(w.labels("gegevens", v.Gegevens), ", ")))
	fmt.Fprintf(b, "- **Doel:** %s\n", esc(w.label("doelen", v.Doel)))
	fmt.Fprintf(b, "- **Kader:** %s\n", kaderTekst(w, a.Kader, v.Convenant))
	if v.Fase != "" {
		fmt.Fprintf(b, "- **Fase:** %s\n", esc(v.Fase))
	}
	fmt.Fprintf(b, "- **Datum:** %s\n", esc(v.Datum))
	if len(v.Feiten) > 0 {
		namen := make([]string, 0, len(v.Feiten))
		for n := range v.Feiten {
			namen = append(namen, n)
		}
		sort.Strings(namen)
		delen := make([]string, len(namen))
		for i, n := range namen {
			delen[i] = fmt.Sprintf("%s: %s", w.label("feiten", n), w.feitWaarde(n, v.Feiten[n]))
		}
		fmt.Fprintf(b, "- **Feiten:** %s\n", esc(strings.Join(delen, "; ")))
	}
	b.WriteString("\n")
}

// kaderTekst says whether the share was judged under a covenant or through the statutory routes.
func kaderTekst(w woorden, k library.Kader, gevraagd string) string {
	convenant := ""
	if k.Convenant != nil {
		convenant = *k.Convenant
	}
	naam := k.Naam
	if naam == "" && convenant != "" {
		naam = w.label("convenanten", convenant)
	}
	if k.Route == "convenant" {
		return fmt.Sprintf("%s (`%s`), binnen de kring en de doelen van het convenant", esc(naam), convenant)
	}
	if convenant != "" {
		return fmt.Sprintf("een eigen wettelijke route, niet de kring van %s (`%s`)", esc(naam), convenant)
	}
	if gevraagd != "" {
		return fmt.Sprintf("de wettelijke routes; het doel hoort niet bij het gevraagde convenant %s", esc(w.label("convenanten", gevraagd)))
	}
	return "de wettelijke routes (geen convenant)"
}

// schrijfKeten writes the legal chain: per layer the route it followed, or why it has none. With more
// than one recipient or category, each step says which of them it is about.
func schrijfKeten(b *strings.Builder, w woorden, a library.Antwoord) {
	keten := a.Keten
	if len(keten) == 0 {
		return
	}
	b.WriteString("## Juridische keten\n\n")
	for i, s := range keten {
		label := s.Label
		if label == "" {
			label = w.label("lagen", s.Laag)
		}
		switch s.Status {
		case "geen_route":
			fmt.Fprintf(b, "%d. **%s:** geen route (%s).", i+1, esc(label), strings.ToLower(w.oordeel(s.Oordeel)))
		case "onbekend":
			fmt.Fprintf(b, "%d. **%s:** hangt af van een ontbrekend feit.", i+1, esc(label))
		default:
			fmt.Fprintf(b, "%d. **%s:** %s.", i+1, esc(label), esc(strings.TrimSuffix(s.Titel, ".")))
		}
		if s.Tekst != "" {
			b.WriteString(" " + esc(s.Tekst))
		}
		if len(s.Grondslagen) > 0 {
			titels := make([]string, len(s.Grondslagen))
			for j, id := range s.Grondslagen {
				titels[j], _ = w.grondslag(id)
			}
			fmt.Fprintf(b, " *Grondslag: %s.*", esc(strings.Join(titels, "; ")))
		}
		if voor := stapVoor(w, a, s); voor != "" {
			fmt.Fprintf(b, " *(%s)*", esc(voor))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
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

// schrijfRedenen writes the reasons that the legal chain does not already show, such as a failed
// inclusion test or purpose creep.
func schrijfRedenen(b *strings.Builder, a library.Antwoord) {
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
	if len(rest) == 0 {
		return
	}
	b.WriteString("## Waarom\n\n")
	for _, r := range rest {
		if r.Titel != "" {
			fmt.Fprintf(b, "- **%s:** %s\n", esc(r.Titel), esc(r.Tekst))
		} else {
			fmt.Fprintf(b, "- %s\n", esc(r.Tekst))
		}
	}
	b.WriteString("\n")
}

// schrijfOntbrekend writes the facts that decide the answer but are unknown, with the question to ask
// and, for onbepaald, the referral to the FG of the sending organisation.
func schrijfOntbrekend(b *strings.Builder, w woorden, a library.Antwoord) {
	if len(a.OntbrekendeFeiten) == 0 {
		return
	}
	b.WriteString("## Ontbrekende feiten\n\n")
	for _, f := range a.OntbrekendeFeiten {
		fmt.Fprintf(b, "- **%s** (`%s`)", esc(w.label("feiten", f)), f)
		if feit, _ := w.kb.Feit(f); feit.Vraag != "" {
			b.WriteString(": " + esc(feit.Vraag))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nGeef het feit op met `--feit naam=waarde` en vraag opnieuw.")
	if a.Oordeel == library.Onbepaald {
		fmt.Fprintf(b, " Is het niet vast te stellen, leg de vraag dan voor aan de FG of privacy officer van de verstrekkende organisatie (%s).", esc(w.partij(a.Vraag.Van)))
	}
	b.WriteString("\n\n")
}

// schrijfDeeloordelen writes the verdict per recipient and category, when there is more than one, with
// identical rows grouped: the categories of a recipient that have the same verdict share a row, and so do
// recipients whose rows are the same. The strictest verdicts come first.
func schrijfDeeloordelen(b *strings.Builder, w woorden, a library.Antwoord) {
	delen := a.Deeloordelen
	if len(delen) < 2 {
		return
	}
	type rij struct {
		naar     []string
		gegevens []string
		oordeel  library.Oordeel
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
	slices.SortStableFunc(rijen, func(x, y rij) int { return strengheid(x.oordeel) - strengheid(y.oordeel) })

	ontvangers := map[string]bool{}
	for _, d := range delen {
		ontvangers[d.Naar] = true
	}
	b.WriteString("## Per ontvanger en categorie\n\n")
	b.WriteString("| Naar | Gegevens | Oordeel |\n|---|---|---|\n")
	for _, r := range rijen {
		namen := make([]string, len(r.naar))
		for i, n := range r.naar {
			namen[i] = w.partij(n)
		}
		naar := strings.Join(namen, ", ")
		if len(r.naar) > 1 && len(r.naar) == len(ontvangers) {
			naar = fmt.Sprintf("alle %d ontvangers: %s", len(r.naar), naar)
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", cel(naar), cel(strings.Join(w.labels("gegevens", r.gegevens), ", ")), cel(w.oordeel(r.oordeel)))
	}
	b.WriteString("\n")
}

// strengheid orders the verdicts strictest first (contract §4).
func strengheid(o library.Oordeel) int {
	switch o {
	case library.NietToegestaan:
		return 0
	case library.Onbepaald:
		return 1
	case library.ToegestaanOnderVoorwaarden:
		return 2
	}
	return 3
}

// schrijfVraagbaak writes the vraagbaak entries the rules found relevant, with the command to read each.
func schrijfVraagbaak(b *strings.Builder, links []library.Vraagbaakverwijzing) {
	if len(links) == 0 {
		return
	}
	b.WriteString("## Meer in de vraagbaak\n\n")
	for _, l := range links {
		fmt.Fprintf(b, "- %s `magikdelen vraagbaak toon %s`\n", esc(l.Vraag), l.ID)
	}
	b.WriteString("\n")
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
