package library_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	cacheEngineOnce sync.Once
	cacheEngine     *library.Engine
	cacheEngineErr  error
)

// cacheTestEngine is an engine with a decision cache of 8 answers and a fixed clock, shared by the tests.
func cacheTestEngine(t testing.TB) *library.Engine {
	t.Helper()
	cacheEngineOnce.Do(func() {
		cacheKlok.zet(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
		cacheEngine, cacheEngineErr = library.New(context.Background(), library.MetCache(8), library.MetKlok(cacheKlok.nu))
	})
	if cacheEngineErr != nil {
		t.Fatal(cacheEngineErr)
	}
	return cacheEngine
}

var cacheKlok klok

type klok struct {
	mu sync.Mutex
	t  time.Time
}

func (k *klok) nu() time.Time   { k.mu.Lock(); defer k.mu.Unlock(); return k.t }
func (k *klok) zet(t time.Time) { k.mu.Lock(); defer k.mu.Unlock(); k.t = t }
func (k *klok) dagVerder(n int) { k.zet(k.nu().AddDate(0, 0, n)) }

// TestCacheZelfdeAntwoord: a cached answer equals the evaluated one, its JSON is the answer's JSON, and
// changing a returned answer does not change the next one.
func TestCacheZelfdeAntwoord(t *testing.T) {
	ctx := context.Background()
	zonder := testEngine(t)
	met := cacheTestEngine(t)
	for _, v := range []kennisbank.Vraag{benchEenOntvanger, benchTafel} {
		want, err := zonder.Beantwoord(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			b, err := met.Beslis(ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			a, raw := b.Antwoord(), []byte(b.JSON())
			if b.Oordeel() != want.Oordeel {
				t.Fatalf("keer %d: oordeel %s, want %s", i, b.Oordeel(), want.Oordeel)
			}
			if !reflect.DeepEqual(a, want) {
				t.Fatalf("keer %d: het antwoord met cache verschilt van dat zonder", i)
			}
			wantJSON, _ := json.Marshal(want)
			if !bytes.Equal(raw, wantJSON) {
				t.Fatalf("keer %d: de JSON met cache verschilt van json.Marshal van het antwoord", i)
			}
			// The caller's copy is its own.
			a.Oordeel = "vervuild"
			a.Deeloordelen[0].Redenen = nil
		}
	}
	if s := met.CacheStatistiek(); s.Treffers < 4 || s.Maximum != 8<<20 || s.Bytes <= 0 {
		t.Fatalf("statistiek %+v: verwacht minstens 4 treffers, maximum 8 MiB en een omvang", s)
	}
}

// TestCacheDatumVanVandaag: a question without a date is keyed on today's date, so the next day it is
// evaluated again. With an engine and a clock of its own: the shared engine's cache would still hold the
// answer of the next day when the test runs again (go test -count=2).
func TestCacheDatumVanVandaag(t *testing.T) {
	ctx := context.Background()
	k := &klok{}
	k.zet(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	e, err := library.New(ctx, library.MetCache(8), library.MetKlok(k.nu))
	if err != nil {
		t.Fatal(err)
	}
	v := benchEenOntvanger
	v.Datum = ""
	v.Feiten = map[string]any{"inclusiecriteria": true, "betrokkene_geinformeerd": "ja"}
	vraag := func() (library.Antwoord, library.CacheStatistiek) {
		voor := e.CacheStatistiek()
		a, err := e.Beantwoord(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		na := e.CacheStatistiek()
		return a, library.CacheStatistiek{Treffers: na.Treffers - voor.Treffers, Missers: na.Missers - voor.Missers}
	}
	a1, s1 := vraag()
	a2, s2 := vraag()
	k.dagVerder(1)
	a3, s3 := vraag()
	if s1.Missers != 1 || s2.Treffers != 1 || s3.Missers != 1 {
		t.Fatalf("eerste %+v, tweede %+v, volgende dag %+v: verwacht misser, treffer, misser", s1, s2, s3)
	}
	if a1.Vraag.Datum != a2.Vraag.Datum || a3.Vraag.Datum == a1.Vraag.Datum {
		t.Fatalf("datums %s, %s, %s", a1.Vraag.Datum, a2.Vraag.Datum, a3.Vraag.Datum)
	}
}

// TestCacheFoutenNietBewaard: a bad question is an error every time, not a cached answer.
func TestCacheFoutenNietBewaard(t *testing.T) {
	e := cacheTestEngine(t)
	v := benchEenOntvanger
	v.Van = "polite"
	for range 2 {
		if _, err := e.Beantwoord(context.Background(), v); err == nil {
			t.Fatal("onbekende afzender gaf geen fout")
		}
	}
}

// TestCacheGelijktijdig asks the same and different questions from many goroutines (run with -race).
func TestCacheGelijktijdig(t *testing.T) {
	ctx := context.Background()
	e := cacheTestEngine(t)
	want, err := testEngine(t).Beantwoord(ctx, benchEenOntvanger)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			a, err := e.Beantwoord(ctx, benchEenOntvanger)
			if err != nil {
				t.Error(err)
				return
			}
			if !reflect.DeepEqual(a, want) {
				t.Error("een gelijktijdig antwoord verschilt")
			}
		})
	}
	wg.Wait()
}

// BenchmarkBeantwoordCache is a repeated question: the answer comes from the cache.
func BenchmarkBeantwoordCache(b *testing.B) {
	e := cacheTestEngine(b)
	ctx := context.Background()
	for _, bm := range benchVragen {
		b.Run(bm.naam, func(b *testing.B) {
			if _, err := e.Beantwoord(ctx, bm.vraag); err != nil {
				b.Fatal(err)
			}
			b.Run("Beantwoord", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := e.Beantwoord(ctx, bm.vraag); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Beslis", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := e.Beslis(ctx, bm.vraag); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// TestCacheOpenFeiten: with a cache the open facts of a repeated question come from the cache and are
// the same as without one.
func TestCacheOpenFeiten(t *testing.T) {
	zwaar(t) // OpenFeiten evaluates a dozen facts; TestCacheGelijktijdig covers the cache under -race
	ctx := context.Background()
	e := cacheTestEngine(t)
	v := benchEenOntvanger
	v.Feiten = nil
	want, err := testEngine(t).OpenFeiten(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	voor := e.CacheStatistiek()
	for range 2 {
		got, err := e.OpenFeiten(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || len(got) == 0 {
			t.Fatalf("open feiten met cache %+v, zonder %+v", got, want)
		}
	}
	na := e.CacheStatistiek()
	if na.Missers-voor.Missers != 1 || na.Treffers-voor.Treffers != 1 {
		t.Fatalf("missers %d, treffers %d; verwacht 1 en 1", na.Missers-voor.Missers, na.Treffers-voor.Treffers)
	}
}
