package weergave

import (
	"fmt"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// Testrapport is the readable report of magikdelen test (sjablonen/test.md.tmpl).
func Testrapport(r library.Testrapport) string { return voerUit(testSjabloon, r) }

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
