package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// herkenner reads the values of flags as ids of the knowledge base with kennisbank.Kennisbank.Herken: an
// id, a label or a synonym in any capitalisation ("--van wijkagent"), or a simple typo. A value that is
// not exactly an id, label or synonym is accepted, and what it was read as goes to uit (stderr), so
// that nothing is guessed silently.
type herkenner struct {
	kb  *kennisbank.Kennisbank
	uit io.Writer
}

// een reads one value of flag vlag as an id of vocabulary soort.
func (h herkenner) een(vlag, soort, waarde string) (string, error) {
	id, suggesties, err := h.kb.Herken(soort, waarde)
	if err != nil {
		var oid *kennisbank.OnbekendeIDFout
		if !errors.As(err, &oid) {
			return "", err
		}
		kopie := *oid
		kopie.Veld, kopie.Waarde = vlag, waarde
		return "", &onbekendeWaarde{fout: &kopie, suggesties: suggesties}
	}
	h.meld(vlag, waarde, h.keuze(soort, id))
	return id, nil
}

// lijst reads the values of a list flag (--naar, --gegevens); an id given twice counts once.
func (h herkenner) lijst(vlag, soort string, waarden []string) ([]string, error) {
	var uit []string
	for _, w := range waarden {
		id, err := h.een(vlag, soort, w)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(uit, id) {
			uit = append(uit, id)
		}
	}
	return uit, nil
}

// datum reads a date flag: JJJJ-MM-DD or the Dutch D-M-JJJJ (library.LeesDatum).
func (h herkenner) datum(vlag, waarde string) (string, error) {
	iso, err := kennisbank.LeesDatum(waarde)
	if err != nil {
		var df *kennisbank.DatumFout
		if errors.As(err, &df) {
			kopie := *df
			kopie.Veld = vlag
			return "", &kopie
		}
		return "", err
	}
	return iso, nil
}

// feiten reads --feit naam=waarde: the name as a fact (label or synonym too), a party or a purpose as an
// id, a choice by its value or label ("niet gevraagd"), a date as a date; ja/nee is left to the library,
// which takes ja, nee, true and false.
func (h herkenner) feiten(f feiten) (map[string]any, error) {
	uit := map[string]any{}
	for _, naam := range slices.Sorted(maps.Keys(f)) {
		id, err := h.een("--feit", "feiten", naam)
		if err != nil {
			return nil, err
		}
		waarde := f[naam]
		s, isTekst := waarde.(string)
		vlag := "--feit " + id
		fv, _ := h.kb.Feitvraag(id)
		switch {
		case !isTekst:
		case fv.Type == "partij":
			waarde, err = h.een(vlag, "partijen", s)
		case fv.Type == "doel":
			waarde, err = h.een(vlag, "oorsprongen", s)
		case fv.Type == "datum":
			waarde, err = h.datum(vlag, s)
		case fv.Type == "keuze":
			if k, _, ok := kennisbank.Kies(fv.Keuzes, s); ok {
				h.meld(vlag, s, k)
				waarde = k.Waarde
			}
		}
		if err != nil {
			return nil, err
		}
		uit[id] = waarde
	}
	return uit, nil
}

// keuze gives the option of an id, for its label and synonyms.
func (h herkenner) keuze(soort, id string) kennisbank.Keuze {
	keuzes := h.kb.Keuzes(soort)
	if soort == "partijen" {
		keuzes = append(keuzes, h.kb.Keuzes("organisaties")...)
	}
	if i := slices.IndexFunc(keuzes, func(k kennisbank.Keuze) bool { return k.ID == id }); i >= 0 {
		return keuzes[i]
	}
	return kennisbank.Keuze{ID: id, Label: id}
}

// meld says what a value that was not exactly a name was read as.
func (h herkenner) meld(vlag, waarde string, k kennisbank.Keuze) {
	if h.uit == nil || k.Noemt(waarde) {
		return
	}
	fmt.Fprintf(h.uit, "let op: %s %q gelezen als %s (%s)\n", vlag, kennisbank.Kort(waarde), k.ID, k.Label)
}

// onbekendeWaarde is a flag value that names nothing in the knowledge base: the library's error, shown
// with the labels of the nearest items and the command that lists them all.
type onbekendeWaarde struct {
	fout       *kennisbank.OnbekendeIDFout
	suggesties []kennisbank.Keuze
}

func (e *onbekendeWaarde) Unwrap() error { return e.fout }

func (e *onbekendeWaarde) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %q", e.fout.Veld, onbekendWoord(e.fout.Soort), kennisbank.Kort(e.fout.Waarde))
	switch len(e.suggesties) {
	case 0:
	case 1:
		s := e.suggesties[0]
		fmt.Fprintf(&b, "; bedoelde u %s (%s)?", s.ID, s.Label)
	default:
		b.WriteString("; bedoelde u een van deze?")
		breedte := 0
		for _, s := range e.suggesties {
			breedte = max(breedte, len(s.ID))
		}
		for _, s := range e.suggesties {
			fmt.Fprintf(&b, "\n  %-*s  %s", breedte, s.ID, s.Label)
		}
	}
	if lijst := begrippenSoort(e.fout.Soort); lijst != "" {
		fmt.Fprintf(&b, "\nAlle %s met hun namen: magikdelen begrippen %s", lijst, lijst)
	}
	return b.String()
}

// onbekendWoord is "onbekende partij", "onbekend doel": Dutch het-words take no -e.
func onbekendWoord(soort string) string {
	switch soort {
	case "partijen":
		return "onbekende partij"
	case "gegevens":
		return "onbekende gegevenscategorie"
	case "doelen":
		return "onbekend doel"
	case "convenanten":
		return "onbekend convenant"
	case "feiten":
		return "onbekend feit"
	case "fasen":
		return "onbekende fase"
	}
	return "onbekende waarde"
}

// begrippenSoort is the argument of magikdelen begrippen that lists a vocabulary, if there is one.
func begrippenSoort(soort string) string {
	if slices.Contains(begripSoorten, soort) {
		return soort
	}
	return ""
}
