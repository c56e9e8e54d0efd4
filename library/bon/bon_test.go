package bon_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	start = time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.FixedZone("CET", 3600))
	eind  = start.Add(1500 * time.Microsecond)
)

// antwoord is an answer with texts everywhere, to check that none of them reach the receipt.
func antwoord() library.Antwoord {
	conv := "zvht"
	return library.Antwoord{
		Oordeel:      kennisbank.ToegestaanOnderVoorwaarden,
		Samenvatting: "Ja, mits GEHEIME-TEKST",
		Zekerheid:    "hoog",
		Grondslagen: []library.Grondslag{
			{ID: "avg_6_1_e", Titel: "AVG art. 6 lid 1 sub e GEHEIME-TEKST", Bron: "https://wetten.overheid.nl/x", Zekerheid: "hoog"},
			{ID: "zvht_art_5", Titel: "Convenant GEHEIME-TEKST", Bron: "https://example.org"},
		},
		Voorwaarden:       []library.Voorwaarde{{ID: "noodzaak", Label: "Noodzaak", Tekst: "GEHEIME-TEKST"}, {ID: "inclusie", Tekst: "GEHEIME-TEKST"}},
		Redenen:           []library.Reden{{ID: "r", Titel: "GEHEIME-TEKST", Tekst: "GEHEIME-TEKST"}},
		Alternatieven:     []library.Alternatief{{Tekst: "GEHEIME-TEKST", Feiten: map[string]any{"toestemming": "gegeven"}}},
		OntbrekendeFeiten: []string{"ots"},
		Deeloordelen:      []library.Deeloordeel{{Naar: "politie", Gegevens: "signaal", Redenen: []library.Reden{{Tekst: "GEHEIME-TEKST"}}}},
		Keten:             []library.Stap{{Laag: "avg", Tekst: "GEHEIME-TEKST"}},
		Kader:             library.Kader{Convenant: &conv, Naam: "GEHEIME-TEKST", Route: "convenant"},
		Vraag: library.BeoordeeldeVraag{
			Van: "wijkteam", Naar: []string{"overleg_deelnemers"}, Ontvangers: []string{"politie", "ggz"},
			Gegevens: []string{"identificerend", "signaal"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Fase: "ave1",
			Datum: "2026-03-01", Feiten: map[string]any{"inclusiecriteria": true, "leeftijd": float64(14), "toestemming": "niet_gevraagd"},
		},
		Kennisbank: library.KennisbankInfo{Versie: "sha256:abc"},
	}
}

// documenteerd are the JSON keys of a receipt, as documented in LOGBOEK.md.
var (
	documenteerd      = []string{"besluit_id", "eind", "grondslagen", "kennisbank_versie", "oordeel", "span_id", "start", "status", "tijd", "trace_id", "verwerking", "voorwaarden", "vraag", "zekerheid"}
	documenteerdVraag = []string{"convenant", "datum", "doel", "fase", "feiten", "gegevens", "naar", "ontvangers", "van"}
)

func TestNieuw(t *testing.T) {
	t.Parallel()
	a := antwoord()
	b := bon.Nieuw(a, start, eind)

	want := bon.Bon{
		BesluitID: b.BesluitID, TraceID: b.TraceID, SpanID: b.SpanID,
		Tijd:       "2026-03-01T09:00:00Z",
		Start:      "2026-03-01T09:00:00.123456789Z",
		Eind:       "2026-03-01T09:00:00.124956789Z",
		Status:     "beantwoord",
		Verwerking: "magikdelen.vraag",
		Vraag: bon.Vraag{
			Van: "wijkteam", Naar: []string{"overleg_deelnemers"}, Ontvangers: []string{"politie", "ggz"},
			Gegevens: []string{"identificerend", "signaal"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Fase: "ave1",
			Datum: "2026-03-01", Feiten: map[string]any{"inclusiecriteria": true, "leeftijd": float64(14), "toestemming": "niet_gevraagd"},
		},
		Oordeel:          kennisbank.ToegestaanOnderVoorwaarden,
		Zekerheid:        "hoog",
		Grondslagen:      []string{"avg_6_1_e", "zvht_art_5"},
		Voorwaarden:      []string{"noodzaak", "inclusie"},
		KennisbankVersie: "sha256:abc",
	}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("Nieuw (-verwacht +kreeg):\n%s", diff)
	}

	ids := []struct {
		naam, waarde string
		patroon      *regexp.Regexp
	}{
		{"besluit_id", b.BesluitID, regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)},
		{"trace_id", b.TraceID, regexp.MustCompile(`^[0-9a-f]{32}$`)},
		{"span_id", b.SpanID, regexp.MustCompile(`^[0-9a-f]{16}$`)},
		{"traceparent", b.Traceparent(), regexp.MustCompile(`^00-[0-9a-f]{32}-[0-9a-f]{16}-01$`)},
	}
	for _, id := range ids {
		if !id.patroon.MatchString(id.waarde) {
			t.Errorf("%s = %q, verwacht %s", id.naam, id.waarde, id.patroon)
		}
	}
	if b2 := bon.Nieuw(a, start, eind); b2.BesluitID == b.BesluitID || b2.TraceID == b.TraceID || b2.SpanID == b.SpanID {
		t.Errorf("twee bonnen delen een id: %+v %+v", b, b2)
	}

	// The receipt is a copy: changing the answer afterwards does not change it.
	a.Vraag.Naar[0] = "veranderd"
	a.Vraag.Feiten["leeftijd"] = float64(99)
	if b.Vraag.Naar[0] != "overleg_deelnemers" || b.Vraag.Feiten["leeftijd"] != float64(14) {
		t.Errorf("de bon deelt geheugen met het antwoord: %+v", b.Vraag)
	}
}

// TestNieuwAlleenIDs checks that the JSON of a receipt has the documented keys only and none of the
// answer's texts.
func TestNieuwAlleenIDs(t *testing.T) {
	t.Parallel()
	leeg := library.Antwoord{Oordeel: kennisbank.Onbepaald}
	tests := []struct {
		naam      string
		a         library.Antwoord
		vraagKeys []string
	}{
		{"volledig antwoord", antwoord(), documenteerdVraag},
		{"leeg antwoord: lege lijsten, geen null", leeg, []string{"datum", "doel", "feiten", "gegevens", "naar", "ontvangers", "van"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			raw, err := json.Marshal(bon.Nieuw(tt.a, start, eind))
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(raw, []byte("GEHEIME-TEKST")) || bytes.Contains(raw, []byte("https://")) || bytes.Contains(raw, []byte("null")) {
				t.Errorf("bon bevat tekst, een link of null: %s", raw)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(documenteerd, sleutels(m)); diff != "" {
				t.Errorf("sleutels (-verwacht +kreeg):\n%s", diff)
			}
			var v map[string]json.RawMessage
			if err := json.Unmarshal(m["vraag"], &v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.vraagKeys, sleutels(v)); diff != "" {
				t.Errorf("sleutels van vraag (-verwacht +kreeg):\n%s", diff)
			}
		})
	}
}

func sleutels[V any](m map[string]V) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

func leesBestand(t *testing.T, pad string) []bon.Bon {
	t.Helper()
	f, err := os.Open(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bonnen, err := bon.Lees(f)
	if err != nil {
		t.Fatalf("Lees: %v", err)
	}
	return bonnen
}

func TestRondgang(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		opts []bon.Optie
	}{
		{"standaard", nil},
		{"fsync elke bon", []bon.Optie{bon.FsyncElkeBon()}},
		{"fsync per batch", []bon.Optie{bon.FsyncPerBatch(2, time.Hour)}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
			var geschreven []bon.Bon
			for range 2 { // two sessions: the second appends
				w, err := bon.Open(pad, tt.opts...)
				if err != nil {
					t.Fatal(err)
				}
				for range 3 {
					b := bon.Nieuw(antwoord(), start, eind)
					if err := w.Schrijf(b); err != nil {
						t.Fatal(err)
					}
					geschreven = append(geschreven, b)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); !errors.Is(err, bon.ErrGesloten) {
					t.Errorf("tweede Close: %v, verwacht ErrGesloten", err)
				}
				if err := w.Schrijf(geschreven[0]); !errors.Is(err, bon.ErrGesloten) {
					t.Errorf("Schrijf na Close: %v, verwacht ErrGesloten", err)
				}
			}
			if diff := cmp.Diff(geschreven, leesBestand(t, pad)); diff != "" {
				t.Errorf("gelezen (-geschreven +gelezen):\n%s", diff)
			}
			info, err := os.Stat(pad)
			if err != nil {
				t.Fatal(err)
			}
			if perm := info.Mode().Perm(); perm != 0o600 {
				t.Errorf("rechten %v, verwacht 0600", perm)
			}
		})
	}
}

// TestGelijktijdig writes from 16 goroutines at once: every record must be one whole line.
func TestGelijktijdig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		opts []bon.Optie
	}{
		{"fsync elke bon", nil},
		{"fsync per batch", []bon.Optie{bon.FsyncPerBatch(50, 5*time.Millisecond)}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
			w, err := bon.Open(pad, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			const routines, per = 16, 100
			var wg sync.WaitGroup
			for range routines {
				wg.Go(func() {
					for range per {
						if err := w.Schrijf(bon.Nieuw(antwoord(), start, eind)); err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(pad)
			if err != nil {
				t.Fatal(err)
			}
			regels := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
			if len(regels) != routines*per {
				t.Fatalf("%d regels, verwacht %d", len(regels), routines*per)
			}
			ids := map[string]bool{}
			for i, r := range regels {
				var b bon.Bon
				if err := json.Unmarshal([]byte(r), &b); err != nil || b.BesluitID == "" {
					t.Fatalf("regel %d is geen bon (%v): %q", i+1, err, r)
				}
				ids[b.BesluitID] = true
			}
			if len(ids) != routines*per {
				t.Errorf("%d verschillende besluit_id's, verwacht %d", len(ids), routines*per)
			}
		})
	}
}

// TestHerstel: a crash tore the last write; Open cuts the half line off and appends after it.
func TestHerstel(t *testing.T) {
	t.Parallel()
	heel := func(t *testing.T) string {
		t.Helper()
		raw, err := json.Marshal(bon.Nieuw(antwoord(), start, eind))
		if err != nil {
			t.Fatal(err)
		}
		return string(raw) + "\n"
	}
	groot := strings.Repeat("x", 200<<10) // a torn line longer than one read block
	tests := []struct {
		naam   string
		inhoud func(t *testing.T) (inhoud string, compleet int)
	}{
		{"leeg bestand", func(*testing.T) (string, int) { return "", 0 }},
		{"intact", func(t *testing.T) (string, int) { return heel(t) + heel(t), 2 }},
		{"halve laatste regel", func(t *testing.T) (string, int) {
			h := heel(t)
			return heel(t) + heel(t) + h[:len(h)/2], 2
		}},
		{"alleen een halve regel", func(t *testing.T) (string, int) { h := heel(t); return h[:10], 0 }},
		{"lange halve regel", func(t *testing.T) (string, int) { return heel(t) + `{"besluit_id":"` + groot, 1 }},
		{"hele regel zonder newline", func(t *testing.T) (string, int) { h := heel(t); return h + strings.TrimSuffix(heel(t), "\n"), 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
			inhoud, compleet := tt.inhoud(t)
			if err := os.WriteFile(pad, []byte(inhoud), 0o600); err != nil {
				t.Fatal(err)
			}
			// Lees alone already ignores the torn line.
			if got, err := bon.Lees(strings.NewReader(inhoud)); err != nil || len(got) != compleet {
				t.Fatalf("Lees voor herstel: %d bonnen, fout %v; verwacht %d", len(got), err, compleet)
			}
			w, err := bon.Open(pad)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Schrijf(bon.Nieuw(antwoord(), start, eind)); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := leesBestand(t, pad); len(got) != compleet+1 {
				t.Errorf("%d bonnen na herstel, verwacht %d", len(got), compleet+1)
			}
			raw, _ := os.ReadFile(pad)
			if !bytes.HasSuffix(raw, []byte("\n")) || bytes.Contains(raw, []byte(groot[:100])) {
				t.Errorf("bestand na herstel niet schoon: %.200q", raw)
			}
		})
	}
}

func TestLeesFout(t *testing.T) {
	t.Parallel()
	raw, err := json.Marshal(bon.Nieuw(antwoord(), start, eind))
	if err != nil {
		t.Fatal(err)
	}
	heel := string(raw) + "\n"
	tests := []struct {
		naam   string
		inhoud string
		regel  int // 0: no error
		aantal int
	}{
		{"alles heel", heel + heel, 0, 2},
		{"lege regels overgeslagen", heel + "\n" + heel, 0, 2},
		{"crlf", strings.TrimSuffix(heel, "\n") + "\r\n" + heel, 0, 2},
		{"kapotte middelste regel", heel + heel[:30] + "\n" + heel, 2, 2 - 1},
		{"geen JSON-object", heel + "[1,2]\n" + heel, 2, 1},
		{"object zonder besluit_id", heel + heel + "{}\n" + heel, 3, 2},
		{"verkeerd type", `{"besluit_id":"x","grondslagen":"avg"}` + "\n", 1, 0},
		{"kapotte regel aan het eind mét newline", heel + "{kapot\n", 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			bonnen, err := bon.Lees(strings.NewReader(tt.inhoud))
			if len(bonnen) != tt.aantal {
				t.Errorf("%d bonnen, verwacht %d", len(bonnen), tt.aantal)
			}
			if tt.regel == 0 {
				if err != nil {
					t.Errorf("fout %v", err)
				}
				return
			}
			var lf *bon.LeesFout
			if !errors.As(err, &lf) || lf.Regel != tt.regel {
				t.Fatalf("fout %v, verwacht een LeesFout op regel %d", err, tt.regel)
			}
			if want := fmt.Sprintf("regel %d: ongeldige bon: ", tt.regel); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("melding %q, verwacht %q…", err, want)
			}
		})
	}
}

// TestBatchBijClose: in batch mode, records that have not reached the batch size or the time limit
// are all in the file after Close, and a short time limit syncs without Close.
func TestBatchBijClose(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam   string
		n      int
		max    time.Duration
		aantal int
	}{
		{"minder dan een batch", 100, time.Hour, 7},
		{"meer dan een batch", 3, time.Hour, 7},
		{"geen tijdslimiet", 1000, 0, 5},
		{"korte tijdslimiet", 1000, time.Millisecond, 5},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
			w, err := bon.Open(pad, bon.FsyncPerBatch(tt.n, tt.max))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for range tt.aantal {
				b := bon.Nieuw(antwoord(), start, eind)
				ids = append(ids, b.BesluitID)
				if err := w.Schrijf(b); err != nil {
					t.Fatal(err)
				}
				if tt.max == time.Millisecond {
					time.Sleep(2 * time.Millisecond) // let the timer sync concurrently with the writes
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			var gelezen []string
			for _, b := range leesBestand(t, pad) {
				gelezen = append(gelezen, b.BesluitID)
			}
			if !slices.Equal(ids, gelezen) {
				t.Errorf("gelezen %v, verwacht %v", gelezen, ids)
			}
		})
	}
}

func TestOpenFouten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		naam string
		pad  string
		opts []bon.Optie
	}{
		{"map bestaat niet", filepath.Join(dir, "bestaat", "niet", "bonnen.jsonl"), nil},
		{"pad is een map", dir, nil},
		{"batch van 0", filepath.Join(dir, "a.jsonl"), []bon.Optie{bon.FsyncPerBatch(0, time.Second)}},
		{"negatieve tijd", filepath.Join(dir, "b.jsonl"), []bon.Optie{bon.FsyncPerBatch(10, -time.Second)}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			if w, err := bon.Open(tt.pad, tt.opts...); err == nil {
				w.Close()
				t.Errorf("Open(%q) gaf geen fout", tt.pad)
			}
		})
	}
}

// TestGeenGewoonBestand: a receipt can go to a device such as /dev/null, which cannot be synced.
func TestGeenGewoonBestand(t *testing.T) {
	t.Parallel()
	w, err := bon.Open(os.DevNull)
	if err != nil {
		t.Skipf("geen %s: %v", os.DevNull, err)
	}
	if err := w.Schrijf(bon.Nieuw(antwoord(), start, eind)); err != nil {
		t.Error(err)
	}
	if err := w.Close(); err != nil {
		t.Error(err)
	}
}

// FuzzLees: arbitrary bytes never panic, and what Lees accepts writes back to the same receipts.
func FuzzLees(f *testing.F) {
	raw, _ := json.Marshal(bon.Nieuw(antwoord(), start, eind))
	f.Add(append(raw, '\n'))
	f.Add(raw)
	f.Add([]byte("{}\n{\"besluit_id\":\"x\"}\n{kapot"))
	f.Add([]byte("\n\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		bonnen, err := bon.Lees(bytes.NewReader(data))
		var lf *bon.LeesFout
		if err != nil && !errors.As(err, &lf) {
			t.Fatalf("fout van een ander type: %T %v", err, err)
		}
		if lf != nil && lf.Regel < 1 {
			t.Fatalf("regelnummer %d", lf.Regel)
		}
		for _, b := range bonnen {
			if b.BesluitID == "" {
				t.Fatalf("bon zonder besluit_id: %+v", b)
			}
		}
	})
}
