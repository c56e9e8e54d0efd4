package library

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestCacheEenBerekeningVoorGelijktijdigeVragen: callers with the same key while it is evaluated wait for
// that one evaluation.
func TestCacheEenBerekeningVoorGelijktijdigeVragen(t *testing.T) {
	c := nieuweBeslisCache(1<<20, 10)
	var berekend atomic.Int32
	los := make(chan struct{})
	bereken := func(context.Context) (*cacheItem, error) {
		berekend.Add(1)
		<-los
		return &cacheItem{a: Antwoord{Oordeel: kennisbank.Toegestaan}}, nil
	}
	const n = 8
	var wg sync.WaitGroup
	uit := make([]*cacheItem, n)
	for i := range n {
		wg.Go(func() {
			item, err := c.haal(context.Background(), "k", bereken)
			if err != nil {
				t.Error(err)
			}
			uit[i] = item
		})
	}
	// Wait until all but the evaluating caller are waiting for it, then let it finish.
	for deadline := time.Now().Add(10 * time.Second); ; {
		c.mu.Lock()
		v := c.vlucht["k"]
		c.mu.Unlock()
		if v != nil && berekend.Load() == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("geen berekening begonnen")
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	close(los)
	wg.Wait()
	if got := berekend.Load(); got != 1 {
		t.Fatalf("%d berekeningen, want 1", got)
	}
	for i, item := range uit {
		if item == nil || item.a.Oordeel != kennisbank.Toegestaan {
			t.Fatalf("vrager %d kreeg %+v", i, item)
		}
	}
	s := c.missers.Load() + c.treffers.Load() + c.gedeeld.Load()
	if c.missers.Load() != 1 || s != n {
		t.Fatalf("missers %d, treffers %d, gedeeld %d; want 1 misser en samen %d", c.missers.Load(), c.treffers.Load(), c.gedeeld.Load(), n)
	}
}

// TestCacheLRU: the cache holds at most max answers and drops the least recently used.
func TestCacheLRU(t *testing.T) {
	c := nieuweBeslisCache(1<<20, 2)
	var berekend []string
	haal := func(k string) {
		t.Helper()
		if _, err := c.haal(context.Background(), k, func(context.Context) (*cacheItem, error) {
			berekend = append(berekend, k)
			return &cacheItem{}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	haal("a")
	haal("b")
	haal("a") // hit; b is now the least recently used
	haal("c") // drops b
	haal("a") // hit
	haal("b") // miss again
	want := []string{"a", "b", "c", "b"}
	if !reflect.DeepEqual(berekend, want) {
		t.Fatalf("berekend %v, want %v", berekend, want)
	}
	if n := c.lijst.Len(); n != 2 || len(c.items) != 2 {
		t.Fatalf("%d in de lijst, %d in de index; want 2", n, len(c.items))
	}
}

// TestCacheBewaartGeenFouten: an error is returned, not kept; a panic becomes an error and releases
// whoever waits.
func TestCacheBewaartGeenFouten(t *testing.T) {
	c := nieuweBeslisCache(1<<20, 4)
	mis := errors.New("mis")
	if _, err := c.haal(context.Background(), "k", func(context.Context) (*cacheItem, error) { return nil, mis }); !errors.Is(err, mis) {
		t.Fatalf("fout %v, want %v", err, mis)
	}
	if _, err := c.haal(context.Background(), "k", func(context.Context) (*cacheItem, error) { panic("kapot") }); err == nil {
		t.Fatal("paniek gaf geen fout")
	}
	item, err := c.haal(context.Background(), "k", func(context.Context) (*cacheItem, error) {
		return &cacheItem{a: Antwoord{Oordeel: kennisbank.Onbepaald}}, nil
	})
	if err != nil || item.a.Oordeel != kennisbank.Onbepaald {
		t.Fatalf("na fouten: %+v, %v", item, err)
	}
	if len(c.vlucht) != 0 {
		t.Fatalf("%d berekeningen blijven hangen", len(c.vlucht))
	}
}

// TestCacheAfgebrokenBerekening: when the evaluating caller's context ends, a waiting caller with time
// left evaluates itself instead of getting the other's cancellation.
func TestCacheAfgebrokenBerekening(t *testing.T) {
	c := nieuweBeslisCache(1<<20, 4)
	ctx, stop := context.WithCancel(context.Background())
	begonnen := make(chan struct{})
	klaar := make(chan error, 1)
	go func() {
		_, err := c.haal(ctx, "k", func(ctx context.Context) (*cacheItem, error) {
			close(begonnen)
			<-ctx.Done()
			return nil, fmt.Errorf("evalueer regels: %w", ctx.Err())
		})
		klaar <- err
	}()
	<-begonnen
	wacht := make(chan *cacheItem, 1)
	go func() {
		item, err := c.haal(context.Background(), "k", func(context.Context) (*cacheItem, error) {
			return &cacheItem{a: Antwoord{Oordeel: kennisbank.Toegestaan}}, nil
		})
		if err != nil {
			t.Error(err)
		}
		wacht <- item
	}()
	time.Sleep(20 * time.Millisecond) // let the second caller wait for the first
	stop()
	if err := <-klaar; !errors.Is(err, context.Canceled) {
		t.Fatalf("eerste vrager: %v, want context.Canceled", err)
	}
	if item := <-wacht; item == nil || item.a.Oordeel != kennisbank.Toegestaan {
		t.Fatalf("tweede vrager kreeg %+v", item)
	}
}

// TestKloonDeeltNiets walks every slice, map and pointer of a full answer: the copy shares none with
// the original. A new field of Antwoord that kloon does not copy makes this test fail.
func TestKloonDeeltNiets(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Beantwoord(context.Background(), kennisbank.Vraag{
		Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal", "hulpverlening"},
		Doel: "zvh_aanmelding", Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"inclusiecriteria": false, "betrokkene_geinformeerd": "ja"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Alternatieven) == 0 || len(a.Deeloordelen) == 0 || a.Kader.Convenant == nil {
		t.Fatalf("het antwoord is te leeg om het kopiëren te toetsen: %d alternatieven, %d deeloordelen, convenant %v",
			len(a.Alternatieven), len(a.Deeloordelen), a.Kader.Convenant)
	}
	b := a.kloon()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("de kopie is niet gelijk aan het origineel")
	}
	var gedeeld []string
	var loop func(pad string, x, y reflect.Value)
	loop = func(pad string, x, y reflect.Value) {
		switch x.Kind() {
		case reflect.Slice:
			if x.Len() > 0 && x.Pointer() == y.Pointer() {
				gedeeld = append(gedeeld, pad)
			}
			for i := range x.Len() {
				loop(fmt.Sprintf("%s[%d]", pad, i), x.Index(i), y.Index(i))
			}
		case reflect.Map:
			if x.Len() > 0 && x.Pointer() == y.Pointer() {
				gedeeld = append(gedeeld, pad)
			}
		case reflect.Pointer:
			if !x.IsNil() && x.Pointer() == y.Pointer() {
				gedeeld = append(gedeeld, pad)
			}
		case reflect.Struct:
			for i := range x.NumField() {
				loop(pad+"."+x.Type().Field(i).Name, x.Field(i), y.Field(i))
			}
		}
	}
	loop("Antwoord", reflect.ValueOf(a), reflect.ValueOf(b))
	if len(gedeeld) > 0 {
		t.Fatalf("de kopie deelt met het origineel: %v", gedeeld)
	}
}

// TestEvalFoutTijdslimiet: an evaluation cut off by its context is recognisable as such, whatever error
// OPA gives.
func TestEvalFoutTijdslimiet(t *testing.T) {
	ctx, stop := context.WithTimeout(context.Background(), time.Nanosecond)
	defer stop()
	<-ctx.Done()
	opa := errors.New("caller cancelled query execution")
	if err := evalFout(ctx, "evalueer regels", opa); !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, opa) {
		t.Fatalf("%v: verwacht DeadlineExceeded en de fout van OPA", err)
	}
	if err := evalFout(context.Background(), "evalueer regels", opa); errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v: zonder tijdslimiet geen DeadlineExceeded", err)
	}
}

// TestCacheBegrensdInBytes: the memory bound drops the least recently used answers, and an answer larger
// than the whole bound is not kept at all.
func TestCacheBegrensdInBytes(t *testing.T) {
	groot := func(n int) func(context.Context) (*cacheItem, error) {
		return func(context.Context) (*cacheItem, error) {
			return &cacheItem{json: jsonDelen{heel: string(make([]byte, n))}}, nil
		}
	}
	c := nieuweBeslisCache(10_000, 0)
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		if _, err := c.haal(context.Background(), k, groot(1000)); err != nil {
			t.Fatal(err)
		}
	}
	// Each item is about 2*1000 + 512 bytes: three fit in 10,000, four do not.
	if n := c.lijst.Len(); n != 3 || c.bytes > c.maxBytes {
		t.Fatalf("%d items, %d bytes; verwacht 3 items binnen %d bytes", n, c.bytes, c.maxBytes)
	}
	if _, ok := c.items["a"]; ok {
		t.Fatal("het oudste item is niet verwijderd")
	}
	if _, err := c.haal(context.Background(), "reus", groot(20_000)); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.items["reus"]; ok || c.lijst.Len() != 3 {
		t.Fatalf("een item groter dan de hele cache is bewaard of heeft andere verdrongen (%d items)", c.lijst.Len())
	}
	var som int64
	for e := c.lijst.Front(); e != nil; e = e.Next() {
		som += e.Value.(*cacheItem).omvang
	}
	if som != c.bytes {
		t.Fatalf("boekhouding: som %d, bytes %d", som, c.bytes)
	}
}
