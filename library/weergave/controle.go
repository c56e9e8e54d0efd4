package weergave

import (
	"fmt"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Controlerapport is the readable report of magikdelen controleer (sjablonen/controle.md.tmpl).
func Controlerapport(r kennisbank.Controlerapport) string { return voerUit(controleSjabloon, r) }

// nieuwBestand: finding i is the first of its file (the findings come sorted by file).
func nieuwBestand(bs []kennisbank.Bevinding, i int) bool {
	return i == 0 || bs[i].Bestand != bs[i-1].Bestand
}

// positie is bestand:regel:kolom, as far as known.
func positie(f kennisbank.Bevinding) string {
	s := f.Bestand
	if f.Regel > 0 {
		s += fmt.Sprintf(":%d", f.Regel)
		if f.Kolom > 0 {
			s += fmt.Sprintf(":%d", f.Kolom)
		}
	}
	return s
}

// ControleTelling is "2 fouten, 1 waarschuwing".
func ControleTelling(r kennisbank.Controlerapport) string {
	fouten, waarschuwingen := "fouten", "waarschuwingen"
	if r.Fouten == 1 {
		fouten = "fout"
	}
	if r.Waarschuwingen == 1 {
		waarschuwingen = "waarschuwing"
	}
	return fmt.Sprintf("%d %s, %d %s", r.Fouten, fouten, r.Waarschuwingen, waarschuwingen)
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
