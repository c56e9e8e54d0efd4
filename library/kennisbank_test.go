package library_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// kopieKennisbank copies the embedded knowledge base into a MapFS that a test may corrupt.
func kopieKennisbank(t testing.TB) fstest.MapFS { return kopieFS(t, convenants.FS, nil) }

var (
	kopieFS = toetshulp.KopieFS
	vervang = toetshulp.Vervang
)

// plekVan gives the 1-based line and column where the one occurrence of markering starts in file pad.
func plekVan(t *testing.T, m fstest.MapFS, pad, markering string) (regel, kolom int) {
	t.Helper()
	data := string(m[pad].Data)
	if n := strings.Count(data, markering); n != 1 {
		t.Fatalf("%s: markering %q komt %d keer voor, verwacht 1", pad, markering, n)
	}
	i := strings.Index(data, markering)
	if strings.HasPrefix(markering, "\n") {
		i++ // a leading newline only anchors the text at the start of a line
	}
	regel = strings.Count(data[:i], "\n") + 1
	kolom = i - strings.LastIndex(data[:i], "\n")
	return regel, kolom
}

// TestKennisbankFouten corrupts one file of a copy of the knowledge base per case and checks the
// position that New reports: file, line, column, JSON pointer, message and suggestions.
func TestKennisbankFouten(t *testing.T) {
	t.Parallel()
	type wil struct {
		bestand    string
		markering  string // the error points at the start of this text (in the corrupted file)
		kolomNul   bool   // YAML syntax errors carry only a line
		pointer    string
		bericht    []string // fragments of the message
		suggestie0 string   // the first suggestion, if any
	}
	tests := []struct {
		naam   string
		bederf func(t *testing.T, m fstest.MapFS)
		wil    []wil
	}{
		{
			naam: "yaml_gereserveerd_teken",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "    label: Politie\n", "    label: @Politie\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "    label: @Politie", kolomNul: true, bericht: []string{"ongeldige YAML"}}},
		},
		{
			// The line of the broken flow sequence, not the line above it.
			naam: "yaml_open_lijst",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "routes.yaml", "    grondslagen: [avg_6_1_f]\n", "    grondslagen: [avg_6_1_f\n")
			},
			wil: []wil{{bestand: "routes.yaml", markering: "    grondslagen: [avg_6_1_f\n", kolomNul: true, bericht: []string{"ongeldige YAML"}}},
		},
		{
			// A key indented one space too far: the line of that key, not the start of the list.
			naam: "yaml_inspringing",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "  - id: politie\n    label: Politie\n", "  - id: politie\n     label: Politie\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "     label: Politie", kolomNul: true, bericht: []string{"ongeldige YAML"}}},
		},
		{
			naam: "yaml_inspringing_te_weinig",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "  - id: politie\n    label: Politie\n", "  - id: politie\n   label: Politie\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "   label: Politie", kolomNul: true, bericht: []string{"ongeldige YAML"}}},
		},
		{
			naam: "yaml_dubbele_sleutel",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "    label: Politie\n", "    label: Politie\n    label: Politie 2\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "    label: Politie 2", kolomNul: true, bericht: []string{"ongeldige YAML", `"label"`}}},
		},
		{
			naam: "schema_verplicht_veld_ontbreekt",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "  - id: politie\n    label: Politie\n", "  - id: politie\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "id: politie", pointer: "/partijen/5", bericht: []string{"verplicht veld ontbreekt", "label"}}},
		},
		{
			naam: "schema_onbekend_veld",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "    label: Politie\n", "    label: Politie\n    kleur: blauw\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "kleur: blauw", pointer: "/partijen/5/kleur", bericht: []string{"onbekend veld", "kleur"}}},
		},
		{
			naam: "schema_waarde_niet_toegestaan",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "partijen.yaml", "    regime: wpg\n", "    regime: wgp\n")
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "regime: wgp", pointer: "/partijen/5/regime", bericht: []string{"waarde niet toegestaan", `"wpg"`}}},
		},
		{
			naam: "schema_verkeerd_type_in_convenant",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "convenanten/zvht.yaml", "  jaren: 5\n", "  jaren: vijf\n")
			},
			wil: []wil{{bestand: "convenanten/zvht.yaml", markering: "jaren: vijf", pointer: "/bewaartermijn/jaren", bericht: []string{"verkeerd type"}}},
		},
		{
			naam: "onbekende_grondslag_in_route",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "routes.yaml", "grondslagen: [avg_6_1_f]", "grondslagen: [avg_6_1_ff]")
			},
			wil: []wil{{bestand: "routes.yaml", markering: "avg_6_1_ff", pointer: "/routes/3/grondslagen/0", bericht: []string{`onbekende grondslag "avg_6_1_ff"`}, suggestie0: "avg_6_1_f"}},
		},
		{
			naam: "onbekende_grondslag_in_convenantroute",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "convenanten/zvht.yaml", "grondslagen: [wpg_20_3, ", "grondslagen: [wpg_20_33, ")
			},
			wil: []wil{{bestand: "convenanten/zvht.yaml", markering: "wpg_20_33", pointer: "/routes/8/grondslagen/0", bericht: []string{`onbekende grondslag "wpg_20_33"`}, suggestie0: "wpg_20_3"}},
		},
		{
			naam: "onbekende_partij_in_convenant",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "convenanten/zvht.yaml", "{partij: politie,", "{partij: politi,")
			},
			wil: []wil{{bestand: "convenanten/zvht.yaml", markering: "partij: politi,", pointer: "/deelnemers/4/partij", bericht: []string{`onbekende partij "politi"`}, suggestie0: "politie"}},
		},
		{
			naam: "convenant_bestandsnaam_wijkt_af_van_id",
			bederf: func(t *testing.T, m fstest.MapFS) {
				m["convenanten/zvh.yaml"] = m["convenanten/zvht.yaml"]
				delete(m, "convenanten/zvht.yaml")
			},
			wil: []wil{{bestand: "convenanten/zvh.yaml", markering: "\nid: zvht", pointer: "/id", bericht: []string{"zvht.yaml"}}},
		},
		{
			naam: "dubbel_id_in_een_bestand",
			bederf: func(t *testing.T, m fstest.MapFS) {
				// A party that no covenant or route names, so that the duplicate is the only defect. Vraagbaak
				// entries may name any party; they are left out here.
				vervang(t, m, "partijen.yaml", "  - id: betrokken_niet_deelnemer\n    label: Betrokken niet-deelnemer\n    synoniemen:", "  - id: politie\n    label: Betrokken niet-deelnemer\n    synoniemen:")
				for p := range m {
					if strings.HasPrefix(p, "vraagbaak/") {
						delete(m, p)
					}
				}
			},
			wil: []wil{{bestand: "partijen.yaml", markering: "id: politie\n    label: Betrokken niet-deelnemer", pointer: "/partijen/28/id", bericht: []string{`"politie" staat al in partijen.yaml`}}},
		},
		{
			naam: "geldig_tot_voor_geldig_vanaf",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "convenanten/zvht.yaml", "geldig_vanaf: '2018-05-25'\n", "geldig_vanaf: '2018-05-25'\ngeldig_tot: '2017-01-01'\n")
			},
			wil: []wil{{bestand: "convenanten/zvht.yaml", markering: "geldig_tot: '2017-01-01'", pointer: "/geldig_tot", bericht: []string{"2017-01-01", "2018-05-25"}}},
		},
		{
			// Every problem is reported, not just the first one.
			naam: "twee_fouten_in_twee_bestanden",
			bederf: func(t *testing.T, m fstest.MapFS) {
				vervang(t, m, "routes.yaml", "grondslagen: [avg_6_1_f]", "grondslagen: [avg_6_1_ff]")
				vervang(t, m, "convenanten/zvht.yaml", "{partij: politie,", "{partij: politi,")
			},
			wil: []wil{
				{bestand: "convenanten/zvht.yaml", markering: "partij: politi,", pointer: "/deelnemers/4/partij", suggestie0: "politie"},
				{bestand: "routes.yaml", markering: "avg_6_1_ff", pointer: "/routes/3/grondslagen/0", suggestie0: "avg_6_1_f"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			m := kopieKennisbank(t)
			tt.bederf(t, m)
			_, err := library.New(context.Background(), library.MetKennisbank(m))
			var fouten kennisbank.KennisbankFouten
			if !errors.As(err, &fouten) {
				t.Fatalf("New: %v (%T), want KennisbankFouten", err, err)
			}
			if len(fouten) != len(tt.wil) {
				t.Fatalf("%d fouten, want %d:\n%v", len(fouten), len(tt.wil), err)
			}
			for _, w := range tt.wil {
				i := slices.IndexFunc(fouten, func(f kennisbank.KennisbankFout) bool { return f.Bestand == w.bestand })
				if i < 0 {
					t.Errorf("geen fout in %s:\n%v", w.bestand, err)
					continue
				}
				f := fouten[i]
				regel, kolom := plekVan(t, m, w.bestand, w.markering)
				if w.kolomNul {
					kolom = 0
				}
				if f.Regel != regel || f.Kolom != kolom || f.Pointer != w.pointer {
					t.Errorf("%s: plek %d:%d %q, want %d:%d %q (%s)", w.bestand, f.Regel, f.Kolom, f.Pointer, regel, kolom, w.pointer, f.Bericht)
				}
				for _, b := range w.bericht {
					if !strings.Contains(f.Bericht, b) {
						t.Errorf("%s: bericht %q bevat %q niet", w.bestand, f.Bericht, b)
					}
				}
				if w.suggestie0 != "" && (len(f.Suggesties) == 0 || f.Suggesties[0] != w.suggestie0) {
					t.Errorf("%s: suggesties %v, want eerst %q", w.bestand, f.Suggesties, w.suggestie0)
				}
				if !strings.Contains(err.Error(), w.bestand) {
					t.Errorf("foutmelding noemt %s niet: %v", w.bestand, err)
				}
			}
		})
	}
}

// TestKennisbankDubbelOverBestanden: a purpose defined in doelen.yaml and in a covenant is reported
// once, with both files named.
func TestKennisbankDubbelOverBestanden(t *testing.T) {
	t.Parallel()
	m := kopieKennisbank(t)
	vervang(t, m, "doelen.yaml", "doelen:\n", "doelen:\n  - id: zvh_casusoverleg\n    label: Dubbel\n    omschrijving: Dubbel.\n    voorwaarden: []\n    verenigbaar_met: []\n")
	_, err := library.New(context.Background(), library.MetKennisbank(m))
	var fouten kennisbank.KennisbankFouten
	if !errors.As(err, &fouten) || len(fouten) != 1 {
		t.Fatalf("New: %v, want één KennisbankFout", err)
	}
	f := fouten[0]
	ander := map[string]string{"doelen.yaml": "convenanten/zvht.yaml", "convenanten/zvht.yaml": "doelen.yaml"}[f.Bestand]
	if ander == "" || !strings.Contains(f.Bericht, ander) || !strings.Contains(f.Bericht, `"zvh_casusoverleg"`) || !strings.HasSuffix(f.Pointer, "/id") || f.Regel == 0 {
		t.Errorf("fout %+v: verwacht het dubbele id met de plek in het ene en de naam van het andere bestand", f)
	}
}

// TestKennisbankOntbreekt: a missing or empty file is an error of that file.
func TestKennisbankOntbreekt(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		naam   string
		bederf func(m fstest.MapFS)
	}{
		{"routes_ontbreekt", func(m fstest.MapFS) { delete(m, "routes.yaml") }},
		{"routes_leeg", func(m fstest.MapFS) { m["routes.yaml"] = &fstest.MapFile{Data: nil} }},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			m := kopieKennisbank(t)
			tt.bederf(m)
			_, err := library.New(context.Background(), library.MetKennisbank(m))
			var fouten kennisbank.KennisbankFouten
			if !errors.As(err, &fouten) || len(fouten) != 1 || fouten[0].Bestand != "routes.yaml" {
				t.Errorf("New: %v, want één fout in routes.yaml", err)
			}
		})
	}
	m := kopieKennisbank(t)
	delete(m, "schema/kennisbank.schema.json")
	if _, err := library.New(context.Background(), library.MetKennisbank(m)); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("New zonder schema: %v, want fs.ErrNotExist", err)
	}
}

// TestKennisbankWerkkopie: the working copy on disk (os.DirFS) answers exactly like the embedded
// knowledge base, version hash included.
func TestKennisbankWerkkopie(t *testing.T) {
	t.Parallel()
	ingebed := testEngine(t)
	werk, err := library.New(context.Background(), library.MetKennisbank(os.DirFS("../convenants")))
	if err != nil {
		t.Fatalf("New(MetKennisbank(DirFS)): %v", err)
	}
	if a, b := ingebed.Kennisbank().Versie(), werk.Kennisbank().Versie(); a != b {
		t.Errorf("versie ingebed %s, werkkopie %s", a, b)
	}
	vragen := []kennisbank.Vraag{
		{Van: "politie", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"politiegegevens"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2024-06-01"},
		{Van: "mediant", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"gezondheid", "bsn"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2025-06-01",
			Feiten: map[string]any{"toestemming": "niet_gevraagd"}},
		{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"gezondheid"}, Doel: "gevaar_afwenden", Datum: "2026-03-01",
			Feiten: map[string]any{"acuut_gevaar": false}},
	}
	for _, v := range vragen {
		a, errA := ingebed.Beantwoord(context.Background(), v)
		b, errB := werk.Beantwoord(context.Background(), v)
		if errA != nil || errB != nil {
			t.Fatalf("Beantwoord: %v / %v", errA, errB)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("antwoorden verschillen voor %+v:\ningebed  %s\nwerkkopie %s", v, ja, jb)
		}
	}
}

// TestKennisbankOneindigGetal: YAML's .inf and .nan are no JSON numbers. New reports them as an error
// of that field instead of panicking (contract §1: never a panic).
func TestKennisbankOneindigGetal(t *testing.T) {
	t.Parallel()
	for _, w := range []string{".inf", ".nan"} {
		t.Run(w, func(t *testing.T) {
			t.Parallel()
			m := kopieKennisbank(t)
			vervang(t, m, "convenanten/zvht.yaml", "  jaren: 5\n", "  jaren: "+w+"\n")
			var err error
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("New raakt in paniek bij jaren: %s: %v", w, p)
					}
				}()
				_, err = library.New(context.Background(), library.MetKennisbank(m))
			}()
			var fouten kennisbank.KennisbankFouten
			if !errors.As(err, &fouten) || len(fouten) != 1 || fouten[0].Bestand != "convenanten/zvht.yaml" || fouten[0].Pointer != "/bewaartermijn/jaren" {
				t.Errorf("New: %v, want één fout in convenanten/zvht.yaml bij /bewaartermijn/jaren", err)
			}
		})
	}
}
