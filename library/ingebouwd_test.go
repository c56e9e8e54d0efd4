package library

import (
	"context"
	"io/fs"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// TestIngebouwdZonderControles: the default engine (pre-validated knowledge base, compiler checks
// skipped) answers every scenario byte for byte like an engine that loads convenants/ in full and
// compiles the same rules with every check.
func TestIngebouwdZonderControles(t *testing.T) {
	toetshulp.Zwaar(t)
	ctx := context.Background()
	snel, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Wrapped, the file systems are not the embedded ones: everything is loaded and checked.
	volledig, err := New(ctx, MetKennisbank(struct{ fs.FS }{convenants.FS}), MetRegels(struct{ fs.FS }{rules.FS}))
	if err != nil {
		t.Fatal(err)
	}
	if len(volledig.compiler.Errors) > 0 {
		t.Fatal(volledig.compiler.Errors)
	}
	for _, s := range scenarioVragenIntern(t) {
		a, err := snel.Beslis(ctx, s.vraag)
		if err != nil {
			t.Fatal(err)
		}
		b, err := volledig.Beslis(ctx, s.vraag)
		if err != nil {
			t.Fatal(err)
		}
		if a.JSON() != b.JSON() {
			t.Errorf("%s: het antwoord van de ingebouwde engine verschilt van dat met alle controles", s.naam)
		}
	}
}
