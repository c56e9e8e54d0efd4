package weergave

import (
	"fmt"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

func Testrapport(r library.Testrapport) string {
	var b strings.Builder
	b.WriteString("# Scenariotest\n\n")
	for _, u := range r.Uitslagen {
		teken := "✓"
		switch {
		case !u.Geslaagd:
			teken = "✗"
		case len(u.Opmerkingen) > 0:
			teken = "⚠"
		}
		fmt.Fprintf(&b, "- %s **%s** (`%s`): %s\n", teken, esc(u.ID), u.Bestand, uitslagTekst(u))
		for _, v := range u.Verschillen {
			fmt.Fprintf(&b, "  - %s\n", esc(v))
		}
		for _, o := range u.Opmerkingen {
			fmt.Fprintf(&b, "  - waarschuwing: %s\n", esc(o))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", TestTelling(r))
	return b.String()
}

// TestTelling is "12 geslaagd (waarvan 1 met een waarschuwing), 0 mislukt".
func TestTelling(r library.Testrapport) string {
	geslaagd := fmt.Sprintf("%d geslaagd", r.Geslaagd)
	switch r.Waarschuwingen {
	case 0:
	case 1:
		geslaagd += " (waarvan 1 met een waarschuwing)"
	default:
		geslaagd += fmt.Sprintf(" (waarvan %d met een waarschuwing)", r.Waarschuwingen)
	}
	return fmt.Sprintf("%s, %d mislukt", geslaagd, r.Mislukt)
}

func uitslagTekst(u library.Uitslag) string {
	if u.Oordeel == "" {
		return "niet uitgevoerd"
	}
	return string(u.Oordeel)
}
