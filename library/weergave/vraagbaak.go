package weergave

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
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

// VraagbaakZoek is the readable list of hits, or tips when there are none (sjablonen/vraagbaakzoek.md.tmpl).
// totaal is the number of entries of the vraagbaak.
func VraagbaakZoek(r VraagbaakZoekresultaat, totaal int) string {
	return voerUit(vraagbaakZoekSjabloon, struct {
		R      VraagbaakZoekresultaat
		Totaal int
		Alles  bool // no search term: every entry
	}{r, totaal, strings.TrimSpace(r.Zoekterm) == ""})
}

// VraagbaakAntwoord is the JSON of vraagbaak toon: the entry with its sources resolved from the
// catalogue of legal grounds.
type VraagbaakAntwoord struct {
	kennisbank.Vraagbaakitem
	Grondslagen []library.Grondslag    `json:"grondslagen"`
	Kennisbank  library.KennisbankInfo `json:"kennisbank"`
}

// VraagbaakItem is the readable entry: the question as title, the certainty, the body, the
// sources with their official links, related entries, and each check with the command that asks it
// (sjablonen/vraagbaakitem.md.tmpl).
func VraagbaakItem(r VraagbaakAntwoord, kb *kennisbank.Kennisbank) string {
	w := woorden{kb}
	b := vraagbaakItemBeeld{R: r, Tekst: strings.TrimSpace(r.Tekst)}
	if r.Zekerheid != "" {
		b.Zekerheid = w.label("zekerheden", r.Zekerheid)
	}
	b.Bronnen = w.grondslagenBeeld(r.Grondslagen)
	for _, id := range r.ZieOok {
		vraag := id
		if z, ok := kb.Vraagbaakitem(id); ok {
			vraag = z.Vraag
		}
		b.ZieOok = append(b.ZieOok, verwijzingBeeld{Vraag: vraag, Commando: ToonCommando(id)})
	}
	for _, c := range r.Controles {
		b.Controles = append(b.Controles, controleBeeld{
			Oordeel:     w.oordeel(c.Verwacht.Oordeel),
			Voorwaarden: strings.Join(w.labels("voorwaarden", c.Verwacht.Voorwaarden), ", "),
			Commando:    VraagCommando(c.Vraag),
		})
	}
	var over []string
	if len(r.Partijen) > 0 {
		over = append(over, "partijen: "+strings.Join(w.labels("partijen", r.Partijen), ", "))
	}
	if len(r.Gegevens) > 0 {
		over = append(over, "gegevens: "+strings.Join(w.labels("gegevens", r.Gegevens), ", "))
	}
	if len(r.Convenanten) > 0 {
		over = append(over, "convenanten: "+strings.Join(w.labels("convenanten", r.Convenanten), ", "))
	}
	b.Over = strings.Join(over, "; ")
	return voerUit(vraagbaakItemSjabloon, b)
}

// vraagbaakItemBeeld is what the entry's template shows: labels, not ids; Tekst is the entry's own
// Markdown body ("" when it has none: then the summary).
type vraagbaakItemBeeld struct {
	R                      VraagbaakAntwoord
	Zekerheid, Tekst, Over string
	Bronnen                []grondslagBeeld
	ZieOok                 []verwijzingBeeld
	Controles              []controleBeeld
}

type verwijzingBeeld struct{ Vraag, Commando string }

type controleBeeld struct{ Oordeel, Voorwaarden, Commando string }

// VraagCommando is the magikdelen vraag command line that asks the question of a check.
func VraagCommando(v kennisbank.Vraag) string {
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
