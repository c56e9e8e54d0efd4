package kennisbank

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/zoektaal"
)

// Treffer is one hit of ZoekVraagbaak: the entry and how well it matches, higher is better.
type Treffer struct {
	Item  Vraagbaakitem `json:"item"`
	Score float64       `json:"score"`
}

// The weight of a match per part of an entry; a match on the start of a word counts half.
const (
	gewichtVraag        = 3
	gewichtTrefwoord    = 3
	gewichtSamenvatting = 2
	gewichtLabel        = 2
	gewichtTekst        = 1
	prefixFactor        = 0.5
	minPrefix           = 4 // a search word matches the start of a longer word from this many letters
)

// zoekwoord is a word in two forms: normalised (lower case, no diacritics) and stemmed.
type zoekwoord struct{ norm, stam string }

// zoekveld is one part of an entry, as words, with its weight.
type zoekveld struct {
	gewicht float64
	woorden []zoekwoord
}

// ZoekVraagbaak searches the vraagbaak in the words of a professional. It forgives case, diacritics
// (coördinatie = coordinatie) and simple Dutch word forms (delen, deelt, gedeeld), leaves out stop words
// (ik, mag, de, …) and also finds an entry through the Dutch labels and ids of the parties, categories,
// purposes and covenants it is about ("veilig thuis", "huisartsen"). The hits are ranked: a word in the
// question or the keywords counts 3, in the summary or the labels 2, in the body 1, a match on the start
// of a word half; an entry that matches more of the search words ranks higher. Ties go by id. An empty
// search (or one of stop words only) gives every entry, by id.
func (k *Kennisbank) ZoekVraagbaak(term string) []Treffer {
	var termen []zoekwoord
	for _, w := range zoektaal.Woorden(zoektaal.Normaliseer(term)) {
		if !zoektaal.Stopwoord(w) {
			termen = append(termen, zoekwoord{w, zoektaal.Stam(w)})
		}
	}
	uit := []Treffer{}
	for _, item := range k.vraagbaakItems() {
		if len(termen) == 0 {
			uit = append(uit, Treffer{Item: item})
			continue
		}
		velden := k.zoekvelden(item)
		score, gevonden := 0.0, 0
		for _, t := range termen {
			ts := 0.0
			for _, v := range velden {
				ts += v.gewicht * treft(t, v.woorden)
			}
			if ts > 0 {
				gevonden++
				score += ts
			}
		}
		if gevonden == 0 {
			continue
		}
		score *= float64(gevonden) / float64(len(termen))
		uit = append(uit, Treffer{Item: item, Score: math.Round(score*100) / 100})
	}
	slices.SortStableFunc(uit, func(a, b Treffer) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Item.ID, b.Item.ID))
	})
	return uit
}

// treft gives 1 when a word of the field has the stem of t, 0.5 when a word starts with t, else 0.
func treft(t zoekwoord, woorden []zoekwoord) float64 {
	beste := 0.0
	for _, w := range woorden {
		switch {
		case w.stam == t.stam:
			return 1
		case len(t.norm) >= minPrefix && strings.HasPrefix(w.norm, t.norm),
			len(t.stam) >= minPrefix && strings.HasPrefix(w.stam, t.stam):
			beste = prefixFactor
		}
	}
	return beste
}

// zoekvelden gives the searchable parts of an entry. The labels are the Dutch names and the ids of the
// parties, categories, purposes and covenants the entry is about, and the entry's own id.
func (k *Kennisbank) zoekvelden(item Vraagbaakitem) []zoekveld {
	labels := []string{item.ID}
	voeg := func(soort string, ids []string, velden ...string) {
		for _, id := range ids {
			labels = append(labels, id)
			for _, v := range velden {
				if s, ok := k.Item(soort, id)[v].(string); ok {
					labels = append(labels, s)
				}
			}
		}
	}
	voeg("partijen", item.Partijen, "label")
	voeg("gegevens", item.Gegevens, "label")
	voeg("doelen", item.Doelen, "label")
	voeg("convenanten", item.Convenanten, "naam", "korte_naam")
	return []zoekveld{
		{gewichtVraag, zoekwoorden(item.Vraag)},
		{gewichtTrefwoord, zoekwoorden(strings.Join(item.Trefwoorden, " "))},
		{gewichtSamenvatting, zoekwoorden(item.Samenvatting)},
		{gewichtLabel, zoekwoorden(strings.Join(labels, " "))},
		{gewichtTekst, zoekwoorden(item.Tekst)},
	}
}

func zoekwoorden(s string) []zoekwoord {
	ws := zoektaal.Woorden(zoektaal.Normaliseer(s))
	uit := make([]zoekwoord, len(ws))
	for i, w := range ws {
		uit[i] = zoekwoord{w, zoektaal.Stam(w)}
	}
	return uit
}
