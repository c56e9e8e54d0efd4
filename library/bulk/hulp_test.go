package bulk_test

import (
	"context"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
)

var (
	engineOnce sync.Once
	engine     *library.Engine
	engineErr  error
)

// testEngine is one engine with the built-in knowledge base, shared by the tests of this package.
func testEngine(t testing.TB) *library.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = library.New(context.Background()) })
	if engineErr != nil {
		t.Fatalf("New: %v", engineErr)
	}
	return engine
}

func zwaar(t *testing.T) { toetshulp.Zwaar(t) }

// kopieKennisbank copies the embedded knowledge base into a MapFS that a test may corrupt.
func kopieKennisbank(t testing.TB) fstest.MapFS { return toetshulp.KopieFS(t, convenants.FS, nil) }

var (
	kopieFS = toetshulp.KopieFS
	vervang = toetshulp.Vervang
)
