package library

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestNaastElkaar: every piece of work runs once; the first error in the order of the work is returned,
// and after an error no new work starts.
func TestNaastElkaar(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 100} {
		var gedaan [100]atomic.Int32
		if err := naastElkaar(n, func(i int) error { gedaan[i].Add(1); return nil }); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := range n {
			if g := gedaan[i].Load(); g != 1 {
				t.Errorf("n=%d: werk %d %d keer gedaan", n, i, g)
			}
		}
	}
	var gestart atomic.Int32
	err := naastElkaar(1000, func(i int) error {
		gestart.Add(1)
		if i == 3 || i == 5 {
			return fmt.Errorf("fout %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "fout 3" {
		t.Errorf("fout %v, verwacht de eerste in volgorde (fout 3)", err)
	}
	if g := gestart.Load(); g > 100 {
		t.Errorf("%d stukken werk gestart na een fout bij het vierde", g)
	}
}

// TestNaastElkaarTijdslimiet: a time limit ends the alternatives and the open-fact trials that run side by
// side, with an error that says so (context.DeadlineExceeded), not a partial answer.
func TestNaastElkaarTijdslimiet(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// GGZ to the wijkteam under the Wams, no facts given: six alternatives to try, and open-fact trials.
	v := kennisbank.Vraag{
		Van: "ggz", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"gezondheid"},
		Doel: "wams_onderzoek_professional", Datum: "2026-03-01",
	}
	for _, tt := range []struct {
		naam  string
		vraag func(context.Context) error
	}{
		{"Beantwoord", func(ctx context.Context) error { _, err := e.Beantwoord(ctx, v); return err }},
		{"OpenFeiten", func(ctx context.Context) error { _, err := e.OpenFeiten(ctx, v); return err }},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			if err := tt.vraag(context.Background()); err != nil {
				t.Fatal(err) // prepares the queries; the question itself has an answer
			}
			ctx, stop := context.WithTimeout(context.Background(), time.Millisecond)
			defer stop()
			if err := tt.vraag(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("fout %v, verwacht DeadlineExceeded", err)
			}
		})
	}
}
