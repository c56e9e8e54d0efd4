package kennisbank_test

import (
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// kopieKennisbank is a copy of the embedded knowledge base that a test may change.
func kopieKennisbank(t testing.TB) fstest.MapFS { return toetshulp.KopieFS(t, convenants.FS, nil) }

var vervang = toetshulp.Vervang
