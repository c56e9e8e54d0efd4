package library_test

import (
	"context"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

var (
	// benchEenOntvanger is ZVH-01: one recipient, three categories.
	benchEenOntvanger = library.Vraag{
		Van: "wijkteam", Naar: library.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal", "hulpverlening"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"inclusiecriteria": true},
	}
	// benchTafel is ZVH-03: the police to the whole ZVHT table, the largest scenario.
	benchTafel = library.Vraag{
		Van: "politie", Naar: library.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"politiegegevens", "strafrechtelijk"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"deelnemer_naar": true, "inclusiecriteria": true},
	}
)

// BenchmarkNew loads and validates the knowledge base and compiles the policy.
func BenchmarkNew(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := library.New(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBeantwoord(b *testing.B) {
	e := testEngine(b)
	ctx := context.Background()
	for _, bm := range []struct {
		naam  string
		vraag library.Vraag
	}{
		{"een_ontvanger", benchEenOntvanger},
		{"overleg_deelnemers", benchTafel},
	} {
		b.Run(bm.naam, func(b *testing.B) {
			a, err := e.Beantwoord(ctx, bm.vraag)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Beantwoord(ctx, bm.vraag); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(a.Deeloordelen)), "deeloordelen")
		})
	}
}

// BenchmarkBeantwoordParallel asks the same engine from GOMAXPROCS goroutines (Beantwoord is safe for
// concurrent use).
func BenchmarkBeantwoordParallel(b *testing.B) {
	e := testEngine(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := e.Beantwoord(ctx, benchEenOntvanger); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkOpenFeiten asks which facts can still change the answer (the guided mode and the web page ask
// this after every answer).
func BenchmarkOpenFeiten(b *testing.B) {
	e := testEngine(b)
	ctx := context.Background()
	open, err := e.OpenFeiten(ctx, benchEenOntvanger)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.OpenFeiten(ctx, benchEenOntvanger); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(open)), "feiten")
}
