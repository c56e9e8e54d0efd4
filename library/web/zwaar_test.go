package web_test

import (
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

// zwaar marks a test whose pages each evaluate a whole answer with its open facts (a second of Rego
// evaluation, ten to fifteen times that under -race). Under -race it is skipped (toetshulp.Zwaar): what the
// race detector can find in the handler, TestRoutes, TestBon and the API tests exercise with lighter pages.
func zwaar(t *testing.T) { toetshulp.Zwaar(t) }
