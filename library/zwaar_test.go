package library_test

import (
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// zwaar marks a test that sweeps the decision space, answers every question of a directory, re-derives the
// open facts or checks a broken knowledge base per case; under -race it is skipped (toetshulp.Zwaar).
func zwaar(t *testing.T) { toetshulp.Zwaar(t) }
