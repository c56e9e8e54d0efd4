package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// VraagbaakTreffer is one hit in the JSON of a search.
type VraagbaakTreffer struct {
	ID           string  `json:"id"`
	Vraag        string  `json:"vraag"`
	Samenvatting string  `json:"samenvatting"`
	Score        float64 `json:"score"`
	Commando     string  `json:"commando"` // the command that shows the entry
}

// VraagbaakZoekresultaat is the JSON of a search.
type VraagbaakZoekresultaat struct {
	Zoekterm   string                 `json:"zoekterm"`
	Treffers   []VraagbaakTreffer     `json:"treffers"`
	Kennisbank library.KennisbankInfo `json:"kennisbank"`
}

func ToonCommando(id string) string { return "magikdelen vraagbaak toon " + id }

// VraagbaakZoek is the readable list of hits, or tips when there are none.
func VraagbaakZoek(r VraagbaakZoekresultaat, totaal int) string {
	var b strings.Builder
	b.WriteString("# Vraagbaak\n\n")
	switch {
	case totaal == 0:
		b.WriteString("Deze kennisbank heeft geen vraagbaak (geen bestanden in vraagbaak/).\n\n")
	case len(r.Treffers) == 0:
		fmt.Fprintf(&b, "Geen vragen gevonden bij \"%s\".\n\n", esc(r.Zoekterm))
		b.WriteString("Tips:\n\n")
		b.WriteString("- Gebruik minder woorden, of andere: een partij (huisarts, Veilig Thuis), een soort gegevens (gezondheid), een convenant (ZVH, AVE) of een onderwerp (toestemming, meldcode).\n")
		b.WriteString("- Controleer de spelling; hoofdletters en accenten maken niet uit.\n")
		fmt.Fprintf(&b, "- `magikdelen vraagbaak` zonder zoekterm toont alle %d vragen.\n", totaal)
		b.WriteString("- Staat uw vraag er niet bij? Stel hem met `magikdelen vraag`, of leg hem voor aan de FG of privacy officer van uw organisatie.\n\n")
	case strings.TrimSpace(r.Zoekterm) == "":
		fmt.Fprintf(&b, "Alle %d vragen. Zoek met `magikdelen vraagbaak <zoekterm>`.\n\n", len(r.Treffers))
	default:
		n := "treffers"
		if len(r.Treffers) == 1 {
			n = "treffer"
		}
		fmt.Fprintf(&b, "%d %s bij \"%s\", de beste eerst.\n\n", len(r.Treffers), n, esc(r.Zoekterm))
	}
	for _, t := range r.Treffers {
		fmt.Fprintf(&b, "## %s\n\n", esc(t.Vraag))
		fmt.Fprintf(&b, "%s\n\n", esc(t.Samenvatting))
		fmt.Fprintf(&b, "Lees verder: `%s`\n\n", t.Commando)
	}
	fmt.Fprintf(&b, "---\n\nKennisbank: `%s`\n", r.Kennisbank.Versie)
	return b.String()
}

// VraagbaakAntwoord is the JSON of vraagbaak toon: the entry with its sources resolved from the
// catalogue of legal grounds.
type VraagbaakAntwoord struct {
	library.Vraagbaakitem
	Grondslagen []library.Grondslag    `json:"grondslagen"`
	Kennisbank  library.KennisbankInfo `json:"kennisbank"`
}

// VraagbaakItem is the readable entry: the question as title, the certainty, the body, the
// sources with their official links, related entries, and each check with the command that asks it.
func VraagbaakItem(r VraagbaakAntwoord, kb *library.Kennisbank) string {
	w := woorden{kb}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", esc(r.Vraag))
	if r.Zekerheid != "" {
		fmt.Fprintf(&b, "Zekerheid van dit antwoord: **%s**\n\n", esc(w.label("zekerheden", r.Zekerheid)))
	}
	if tekst := strings.TrimSpace(r.Tekst); tekst != "" {
		b.WriteString(tekst + "\n\n")
	} else {
		b.WriteString(esc(r.Samenvatting) + "\n\n")
	}
	if len(r.Grondslagen) > 0 {
		b.WriteString("## Bronnen\n\n")
		for _, g := range r.Grondslagen {
			b.WriteString("- " + link(g.Titel, g.Bron))
			if kb.MetVoorbehoud(g.Zekerheid) {
				fmt.Fprintf(&b, " (zekerheid %s)", esc(w.label("zekerheden", g.Zekerheid)))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(r.ZieOok) > 0 {
		b.WriteString("## Zie ook\n\n")
		for _, id := range r.ZieOok {
			vraag := id
			if z, ok := kb.Vraagbaakitem(id); ok {
				vraag = z.Vraag
			}
			fmt.Fprintf(&b, "- %s `%s`\n", esc(vraag), ToonCommando(id))
		}
		b.WriteString("\n")
	}
	if len(r.Controles) > 0 {
		b.WriteString("## Getoetst aan de regels\n\nDit antwoord wordt bij elke wijziging van de kennisbank opnieuw getoetst (`magikdelen test`):\n\n")
		for _, c := range r.Controles {
			fmt.Fprintf(&b, "- Getoetst: **%s**", esc(w.oordeel(c.Verwacht.Oordeel)))
			if len(c.Verwacht.Voorwaarden) > 0 {
				fmt.Fprintf(&b, ", met ten minste de voorwaarden %s", esc(strings.Join(w.labels("voorwaarden", c.Verwacht.Voorwaarden), ", ")))
			}
			fmt.Fprintf(&b, " — `%s`\n", VraagCommando(c.Vraag))
		}
		b.WriteString("\n")
	}
	var over []string
	if len(r.Partijen) > 0 {
		over = append(over, "partijen: "+strings.Join(partijLabels(w, r.Partijen), ", "))
	}
	if len(r.Gegevens) > 0 {
		over = append(over, "gegevens: "+strings.Join(w.labels("gegevens", r.Gegevens), ", "))
	}
	if len(r.Convenanten) > 0 {
		over = append(over, "convenanten: "+strings.Join(w.labels("convenanten", r.Convenanten), ", "))
	}
	b.WriteString("---\n\n")
	if len(over) > 0 {
		fmt.Fprintf(&b, "Over %s. ", esc(strings.Join(over, "; ")))
	}
	fmt.Fprintf(&b, "Vraagbaakitem `%s`. Dit is een hulpmiddel, geen juridisch advies. Kennisbank: `%s`\n", r.ID, r.Kennisbank.Versie)
	return b.String()
}

func partijLabels(w woorden, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.partij(id)
	}
	return out
}

// VraagCommando is the magikdelen vraag command line that asks the question of a check.
func VraagCommando(v library.Vraag) string {
	delen := []string{"magikdelen vraag", "--van " + v.Van, "--naar " + strings.Join(v.Naar, ","),
		"--gegevens " + strings.Join(v.Gegevens, ","), "--doel " + v.Doel}
	if v.Convenant != "" {
		delen = append(delen, "--convenant "+v.Convenant)
	}
	if v.Fase != "" {
		delen = append(delen, "--fase "+v.Fase)
	}
	if v.Datum != "" {
		delen = append(delen, "--datum "+v.Datum)
	}
	for _, n := range slices.Sorted(maps.Keys(v.Feiten)) {
		delen = append(delen, fmt.Sprintf("--feit %s=%v", n, v.Feiten[n]))
	}
	return strings.Join(delen, " ")
}
