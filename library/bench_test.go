package library_test

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	// benchEenOntvanger is ZVH-01: one recipient, three categories.
	benchEenOntvanger = kennisbank.Vraag{
		Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal", "hulpverlening"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"inclusiecriteria": true},
	}
	// benchTafel is ZVH-03: the police to the whole ZVHT table, the largest scenario.
	benchTafel = kennisbank.Vraag{
		Van: "politie", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"politiegegevens", "strafrechtelijk"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"deelnemer_naar": true, "inclusiecriteria": true},
	}
)

// benchVragen are the questions of the answer benchmarks, small and large.
var benchVragen = []struct {
	naam  string
	vraag kennisbank.Vraag
}{
	{"een_ontvanger", benchEenOntvanger},
	{"overleg_deelnemers", benchTafel},
}

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
	for _, bm := range benchVragen {
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

// BenchmarkBeantwoordMis answers every scenario question in turn with an engine without a cache, so
// every answer is evaluated; it reports the median and the 99th percentile of one answer besides the
// mean (ns/op).
func BenchmarkBeantwoordMis(b *testing.B) {
	e := testEngine(b)
	meetScenarioVragen(b, func() *library.Engine { return e }, beantwoord)
}

// BenchmarkOpenFeitenScenarios asks the open facts of every scenario question in turn, with an engine without
// a cache (the web page asks them with every answer, the guided mode after every step); it reports the median
// and the 99th percentile of one question besides the mean (ns/op).
func BenchmarkOpenFeitenScenarios(b *testing.B) {
	e := testEngine(b)
	meetScenarioVragen(b, func() *library.Engine { return e }, func(ctx context.Context, e *library.Engine, v kennisbank.Vraag) error {
		_, err := e.OpenFeiten(ctx, v)
		return err
	})
}

func beantwoord(ctx context.Context, e *library.Engine, v kennisbank.Vraag) error {
	_, err := e.Beantwoord(ctx, v)
	return err
}

// BenchmarkBeantwoordNieuweVraag is BenchmarkBeantwoordMis with every question new to the engine: a new
// engine for every round of the scenario questions (New not timed), so that no question finds its own
// shared calls (gedeeldecache.go) from an earlier round; the first question of a round also prepares the
// engine's lazy decisions, as on a server that just started.
func BenchmarkBeantwoordNieuweVraag(b *testing.B) {
	meetScenarioVragen(b, func() *library.Engine {
		b.StopTimer()
		defer b.StartTimer()
		e, err := library.New(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		return e
	}, beantwoord)
}

// BenchmarkBeantwoordAndereLeeftijd is BenchmarkBeantwoordMis with every question new to the engine in another
// way: one engine, and every round of the scenario questions with another age of the data subject (feit
// leeftijd, which few rules read), as a working day brings questions that differ in a detail. A question reads
// from the earlier ones what does not depend on the age (library/invoerdelen.go); BenchmarkBeantwoordMis, with
// the same questions again, takes nearly every value from them.
func BenchmarkBeantwoordAndereLeeftijd(b *testing.B) {
	e := testEngine(b)
	ronde := 0
	meetScenarioVragen(b, func() *library.Engine { ronde++; return e }, func(ctx context.Context, e *library.Engine, v kennisbank.Vraag) error {
		v.Feiten = maps.Clone(v.Feiten)
		if v.Feiten == nil {
			v.Feiten = map[string]any{}
		}
		v.Feiten["leeftijd"] = 18 + ronde
		return beantwoord(ctx, e, v)
	})
}

// BenchmarkBeantwoordAndereDag is BenchmarkBeantwoordAndereLeeftijd with another date instead of another age:
// every round the scenario questions a day after their date of the round before, as every working day brings
// the questions of the day before on a new date. The rules compare the date with the days the knowledge base
// names through vraag.peildatum, so a question reads from the earlier ones what does not name the date itself
// (library/invoerdelen.go), unless its new date crossed a day the knowledge base names.
func BenchmarkBeantwoordAndereDag(b *testing.B) {
	e := testEngine(b)
	ronde := 0
	meetScenarioVragen(b, func() *library.Engine { ronde++; return e }, func(ctx context.Context, e *library.Engine, v kennisbank.Vraag) error {
		if err := dagenLater(&v, ronde); err != nil {
			return err
		}
		return beantwoord(ctx, e, v)
	})
}

// meetScenarioVragen asks vraag of the scenario questions in turn, each round with the engine ronde gives, and
// reports the median and the 99th percentile of one question besides the mean (ns/op).
func meetScenarioVragen(b *testing.B, ronde func() *library.Engine, vraag func(context.Context, *library.Engine, kennisbank.Vraag) error) {
	ctx := context.Background()
	vragen := scenarioVragen(b)
	duren := make([]time.Duration, 0, b.N)
	var e *library.Engine
	i := 0
	for b.Loop() {
		if i%len(vragen) == 0 {
			e = ronde()
		}
		begin := time.Now()
		if err := vraag(ctx, e, vragen[i%len(vragen)]); err != nil {
			b.Fatal(err)
		}
		duren = append(duren, time.Since(begin))
		i++
	}
	slices.Sort(duren)
	b.ReportMetric(float64(duren[len(duren)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(duren[len(duren)*99/100].Nanoseconds()), "p99-ns")
}

// scenarioVragen are the questions of the scenario files.
func scenarioVragen(tb testing.TB) []kennisbank.Vraag {
	tb.Helper()
	paden, err := filepath.Glob("../testdata/scenarios/*.json")
	if err != nil || len(paden) == 0 {
		tb.Fatalf("geen scenario's: %v", err)
	}
	var vragen []kennisbank.Vraag
	for _, p := range paden {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		s, err := kennisbank.LeesScenario(f)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		vragen = append(vragen, s.Vraag)
	}
	return vragen
}

// BenchmarkBeslisAndereDag is the API's path for BenchmarkBeantwoordAndereDag: an engine with the decision cache,
// every round of the scenario questions a day later (each question new to the cache), and the answer's JSON
// written into a buffer that is used again, as the API writes it (AppendJSON; a revision without it copies
// JSON). It reports the median and the 99th percentile of one question besides the mean (ns/op).
func BenchmarkBeslisAndereDag(b *testing.B) {
	e, err := library.New(context.Background(), library.MetCache(256))
	if err != nil {
		b.Fatal(err)
	}
	var buf []byte
	ronde := 0
	meetScenarioVragen(b, func() *library.Engine { ronde++; return e }, func(ctx context.Context, e *library.Engine, v kennisbank.Vraag) error {
		if err := dagenLater(&v, ronde); err != nil {
			return err
		}
		bs, err := e.Beslis(ctx, v)
		if err != nil {
			return err
		}
		if a, ok := any(bs).(interface{ AppendJSON([]byte) []byte }); ok {
			buf = a.AppendJSON(buf[:0])
		} else {
			buf = append(buf[:0], bs.JSON()...)
		}
		return nil
	})
}

// dagenLater puts the date of v n days later.
func dagenLater(v *kennisbank.Vraag, n int) error {
	d, err := time.Parse(time.DateOnly, v.Datum)
	if err != nil {
		return err
	}
	v.Datum = d.AddDate(0, 0, n).Format(time.DateOnly)
	return nil
}
