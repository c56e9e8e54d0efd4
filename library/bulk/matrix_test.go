package bulk_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The matrix must say for every cell what Beantwoord says for the question with only that cell: the
// bulk evaluation shares work between cells, never the outcome. A random sample of cells of each
// covenant is checked against single-cell questions.
func TestMatrixVolgtBeantwoord(t *testing.T) {
	zwaar(t)
	e := testEngine(t)
	ctx := context.Background()
	for _, tc := range []struct {
		convenant string
		datum     string
		feiten    map[string]any
	}{
		{"zvht", "2025-06-01", map[string]any{"inclusiecriteria": true}},
		{"zvht", "2024-06-01", nil}, // before the WGS
		{"ave", "2026-03-01", nil},
		{"vroegsignalering_jeugd", "2026-03-01", map[string]any{"toestemming": "niet_gevraagd"}},
		{"vroegsignalering_schulden", "2026-03-01", map[string]any{"wettelijke_stappen": true}},
		{"wams", "2026-03-01", map[string]any{"wams_in_werking": true}},
	} {
		t.Run(tc.convenant+"_"+tc.datum, func(t *testing.T) {
			mv := bulk.MatrixVraag{Convenant: tc.convenant, Datum: tc.datum, Feiten: tc.feiten}
			// Every purpose, recipient and category, but a few senders: the whole space takes seconds per
			// covenant. `magikdelen verschil <oude-revisie> HEAD` compares every cell of every covenant when
			// the rules change.
			senders, samples := 3, 40
			mv.Van = bulk.MatrixDeelnemers(e.Kennisbank(), tc.convenant, tc.datum)[:senders]
			m, err := bulk.MaakMatrix(ctx, e, mv)
			if err != nil {
				t.Fatal(err)
			}
			verwacht := 0
			for _, v := range m.Van {
				n := len(m.Naar)
				if slices.Contains(m.Naar, v) {
					n--
				}
				verwacht += len(m.Doelen) * n * len(m.Gegevens)
			}
			if len(m.Cellen) != verwacht {
				t.Fatalf("%d cellen, verwacht %d", len(m.Cellen), verwacht)
			}
			totaal := 0
			for _, n := range m.Telling {
				totaal += n
			}
			if totaal != len(m.Cellen) {
				t.Errorf("telling %v telt %d cellen, niet %d", m.Telling, totaal, len(m.Cellen))
			}
			rng := rand.New(rand.NewPCG(1, uint64(len(m.Cellen))))
			for range samples {
				c := m.Cellen[rng.IntN(len(m.Cellen))]
				a, err := e.Beantwoord(ctx, kennisbank.Vraag{Van: c.Van, Naar: kennisbank.Ontvangers{c.Naar}, Gegevens: []string{c.Gegevens},
					Doel: c.Doel, Convenant: tc.convenant, Datum: tc.datum, Feiten: tc.feiten})
				if err != nil {
					t.Fatal(err)
				}
				d := a.Deeloordelen[0]
				if d.Oordeel != c.Oordeel || d.Zekerheid != c.Zekerheid ||
					!slices.Equal(idLijst(d.Grondslagen, func(g library.Grondslag) string { return g.ID }), c.Grondslagen) ||
					!slices.Equal(idLijst(d.Voorwaarden, func(v library.Voorwaarde) string { return v.ID }), c.Voorwaarden) {
					t.Errorf("%s: matrix %s/%s %v %v, vraag %s/%s %v %v", c.Sleutel(), c.Oordeel, c.Zekerheid, c.Grondslagen, c.Voorwaarden,
						d.Oordeel, d.Zekerheid, d.Grondslagen, d.Voorwaarden)
				}
				if got, ok := m.Cel(c.Doel, c.Van, c.Naar, c.Gegevens); !ok || got.Sleutel() != c.Sleutel() {
					t.Errorf("Cel(%s) vindt de cel niet", c.Sleutel())
				}
			}
		})
	}
}

func idLijst[T any](lijst []T, id func(T) string) []string {
	uit := make([]string, 0, len(lijst))
	for _, x := range lijst {
		uit = append(uit, id(x))
	}
	slices.Sort(uit)
	return uit
}

func TestMatrixDefaults(t *testing.T) {
	e := testEngine(t)
	m, err := bulk.MaakMatrix(context.Background(), e, bulk.MatrixVraag{Convenant: "zvht", Datum: "2025-06-01", Doelen: []string{"zvh_aanmelding"}, Gegevens: []string{"signaal"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(m.Van, "politie") || !slices.Contains(m.Naar, "niet_deelnemer") || slices.Contains(m.Van, "niet_deelnemer") {
		t.Errorf("rijen %v, kolommen %v: verwacht de deelnemers, en als ontvanger ook de niet-deelnemers", m.Van, m.Naar)
	}
	if slices.Contains(m.Naar, "overleg_deelnemers") || slices.Contains(m.Naar, "betrokkene") {
		t.Errorf("kolommen %v bevatten een pseudo-rol die geen ontvanger is", m.Naar)
	}
	for _, c := range m.Cellen {
		if c.Van == c.Naar {
			t.Errorf("cel %s: een partij deelt niet met zichzelf", c.Sleutel())
		}
	}
	// A non-participant never gets anything under a closed covenant circle.
	for _, c := range m.Cellen {
		if c.Naar == "niet_deelnemer" && (c.Oordeel == kennisbank.Toegestaan || c.Oordeel == kennisbank.ToegestaanOnderVoorwaarden) {
			t.Errorf("cel %s: %s aan een niet-deelnemer", c.Sleutel(), c.Oordeel)
		}
	}
}

func TestMatrixFouten(t *testing.T) {
	e := testEngine(t)
	ctx := context.Background()
	for _, tc := range []struct {
		naam string
		mv   bulk.MatrixVraag
		veld string
	}{
		{"zonder convenant", bulk.MatrixVraag{}, "convenant"},
		{"onbekend convenant", bulk.MatrixVraag{Convenant: "zvh"}, "convenant"},
		{"doel van een ander convenant", bulk.MatrixVraag{Convenant: "zvht", Doelen: []string{"ave_hulp"}}, "doel"},
		{"onbekende partij", bulk.MatrixVraag{Convenant: "zvht", Van: []string{"politi"}}, "van[0]"},
		{"overlegtafel als kolom", bulk.MatrixVraag{Convenant: "zvht", Naar: []string{"overleg_deelnemers"}}, "naar"},
		{"ongeldige datum", bulk.MatrixVraag{Convenant: "zvht", Datum: "2025-13-01"}, "datum"},
		{"onbekend feit", bulk.MatrixVraag{Convenant: "zvht", Feiten: map[string]any{"toestemmin": "gegeven"}}, "feiten"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			_, err := bulk.MaakMatrix(ctx, e, tc.mv)
			var (
				oid *kennisbank.OnbekendeIDFout
				bkf *kennisbank.BuitenKaderFout
				ovf *kennisbank.OntbrekendVeldFout
				df  *kennisbank.DatumFout
			)
			switch {
			case errors.As(err, &oid):
				if oid.Veld != tc.veld && !(tc.veld == "feiten" && len(oid.Veld) > 7) {
					t.Errorf("veld %q, verwacht %q (%v)", oid.Veld, tc.veld, err)
				}
				if len(oid.Suggesties) == 0 {
					t.Errorf("geen suggesties: %v", err)
				}
			case errors.As(err, &bkf):
				if bkf.Veld != tc.veld || len(bkf.Suggesties) == 0 {
					t.Errorf("%v: veld %q, verwacht %q, met suggesties", err, bkf.Veld, tc.veld)
				}
			case errors.As(err, &ovf):
				if ovf.Veld != tc.veld {
					t.Errorf("veld %q, verwacht %q", ovf.Veld, tc.veld)
				}
			case errors.As(err, &df):
				if df.Veld != tc.veld {
					t.Errorf("veld %q, verwacht %q", df.Veld, tc.veld)
				}
			default:
				t.Fatalf("fout %T %v, verwacht een getypeerde invoerfout", err, err)
			}
		})
	}
}

// BenchmarkMatrix evaluates the whole decision space of one covenant: every purpose, participant,
// recipient and category (the ZVHT on a date after the WGS: 6 purposes × 18 senders × 19 recipients ×
// 18 categories).
func BenchmarkMatrix(b *testing.B) {
	e := testEngine(b)
	ctx := context.Background()
	for _, conv := range []string{"zvht", "ave", "vroegsignalering_jeugd", "vroegsignalering_schulden", "wams"} {
		b.Run(conv, func(b *testing.B) {
			var m *bulk.Matrix
			for b.Loop() {
				var err error
				if m, err = bulk.MaakMatrix(ctx, e, bulk.MatrixVraag{Convenant: conv, Datum: "2026-03-01"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(m.Cellen)), "cellen")
		})
	}
}
