package weergave

import (
	"cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// woorden gives the Dutch labels of the knowledge base's ids, for the human views.
type woorden struct{ kb *kennisbank.Kennisbank }

// label gives the label of id in a vocabulary (Kennisbank.Label), or the id itself when it has none.
func (w woorden) label(soort, id string) string { return w.kb.Label(soort, id) }

// partij gives the label of a party role or of a concrete organisation.
func (w woorden) partij(id string) string { return w.kb.Label("partijen", id) }

func (w woorden) oordeel(o kennisbank.Oordeel) string { return w.label("oordelen", string(o)) }

// labels maps ids of one vocabulary to their labels.
func (w woorden) labels(soort string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.label(soort, id)
	}
	return out
}

// grondslag gives the title and link of a legal ground.
func (w woorden) grondslag(id string) (titel, bron string) {
	g, _ := w.kb.Grondslag(id)
	return cmp.Or(g.Titel, id), g.Bron
}

// feitWaarde writes the value of a fact for people (Kennisbank.WaardeTekst), except that a date stays
// JJJJ-MM-DD, as everywhere in the CLI's views.
func (w woorden) feitWaarde(naam string, v any) string {
	if f, _ := w.kb.Feit(naam); f.Type == "datum" {
		if d, ok := v.(string); ok {
			return d
		}
	}
	return w.kb.WaardeTekst(naam, v)
}

// esc escapes text from the knowledge base for Markdown (opmaak.Tekst, the one escaper of the views).
func esc(s string) string { return opmaak.Tekst(s) }

// cel escapes text for a table cell.
func cel(s string) string { return opmaak.Cel(s) }
