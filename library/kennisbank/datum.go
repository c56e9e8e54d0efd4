package kennisbank

import (
	"fmt"
	"time"
)

// DatumTekst writes an ISO date (JJJJ-MM-DD) the Dutch way, "1 maart 2025"; anything that is not such
// a date is returned as it is.
func DatumTekst(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil || t.Format(time.DateOnly) != iso {
		return iso
	}
	return fmt.Sprintf("%d %s %d", t.Day(), maanden[t.Month()-1], t.Year())
}
