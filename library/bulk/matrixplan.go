package bulk

import (
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// MatrixPlan is what a user asks matrices of: covenants and purposes (either may be empty) and what every
// matrix shares. Its ids are ids of the knowledge base: a caller that accepts names or synonyms resolves
// them first.
type MatrixPlan struct {
	Convenanten []string
	Doelen      []string
	Van         []string
	Naar        []string
	Gegevens    []string
	Feiten      map[string]any
	Datum       string // JJJJ-MM-DD; empty: today, by the engine's clock
}

// MatrixVragen turns a plan into one MatrixVraag per covenant. Without covenants it takes the covenants
// of the purposes, or else every covenant; such a covenant that has no purposes, or (without senders in
// the plan) no participants on the date, is skipped with a note in overgeslagen. A covenant the plan
// names is never skipped: that is a BuitenKaderFout, as is a purpose of no covenant or of a covenant the
// plan does not name. Field names in errors are those of MatrixVraag (convenant, doel).
func MatrixVragen(e *library.Engine, p MatrixPlan) (vragen []MatrixVraag, overgeslagen []string, err error) {
	kb := e.Kennisbank()
	convenanten := slices.Clone(p.Convenanten)
	expliciet := len(convenanten) > 0

	// The purposes per covenant.
	doelenVan := map[string][]string{}
	for _, d := range p.Doelen {
		c := kb.DoelConvenant(d)
		switch {
		case c == "":
			return nil, nil, &kennisbank.BuitenKaderFout{Veld: "doel", Waarde: d, Reden: "hoort bij geen convenant; een matrix toont de doelen van een convenant", Suggesties: convenantDoelen(kb, convenanten)}
		case expliciet && !slices.Contains(convenanten, c):
			return nil, nil, &kennisbank.BuitenKaderFout{Veld: "doel", Waarde: d, Reden: "hoort niet bij convenant " + strings.Join(convenanten, " of "), Suggesties: convenantDoelen(kb, convenanten)}
		}
		if !slices.Contains(doelenVan[c], d) {
			doelenVan[c] = append(doelenVan[c], d)
		}
	}
	if !expliciet {
		for _, c := range kb.IDs("convenanten") {
			if len(p.Doelen) == 0 || len(doelenVan[c]) > 0 {
				convenanten = append(convenanten, c)
			}
		}
	}

	peildatum := p.Datum
	if peildatum == "" {
		peildatum = e.Vandaag() // as MaakMatrix does without a date
	}
	for _, c := range convenanten {
		if len(p.Doelen) > 0 && len(doelenVan[c]) == 0 {
			continue // named, but none of the purposes is its own: matrices of the others
		}
		reden := ""
		switch {
		case len(convenantDoelen(kb, []string{c})) == 0:
			reden = "heeft geen doelen"
		case len(p.Van) == 0 && len(deelnemersOp(kb, c, peildatum)) == 0:
			reden = "heeft op " + peildatum + " geen deelnemers"
		}
		if reden != "" {
			if expliciet {
				return nil, nil, &kennisbank.BuitenKaderFout{Veld: "convenant", Waarde: c, Reden: reden + "; een matrix heeft doelen en verstrekkers nodig"}
			}
			overgeslagen = append(overgeslagen, c+" overgeslagen: "+reden)
			continue
		}
		mv := MatrixVraag{
			Convenant: c, Doelen: doelenVan[c], Datum: p.Datum,
			Van: p.Van, Naar: p.Naar, Gegevens: p.Gegevens,
		}
		if len(p.Feiten) > 0 {
			mv.Feiten = maps.Clone(p.Feiten)
		}
		vragen = append(vragen, mv)
	}
	return vragen, overgeslagen, nil
}

// convenantDoelen lists the purposes of the covenants (all covenants when empty), in the order of the ids.
func convenantDoelen(k *kennisbank.Kennisbank, convenanten []string) []string {
	var uit []string
	for _, d := range k.IDs("doelen") {
		if c := k.DoelConvenant(d); c != "" && (len(convenanten) == 0 || slices.Contains(convenanten, c)) {
			uit = append(uit, d)
		}
	}
	return uit
}
