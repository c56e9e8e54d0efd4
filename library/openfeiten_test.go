package library_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// openFeiten gives the open facts of v.
func openFeiten(t *testing.T, e *library.Engine, v kennisbank.Vraag) []kennisbank.Feitvraag {
	t.Helper()
	open, err := e.OpenFeiten(context.Background(), v)
	if err != nil {
		t.Fatalf("OpenFeiten: %v", err)
	}
	return open
}

func feitIDs(open []kennisbank.Feitvraag) []string {
	return ids(open, func(f kennisbank.Feitvraag) string { return f.ID })
}

// uitkomst is what one fact can change: the verdict and the checklist.
func uitkomst(t *testing.T, e *library.Engine, v kennisbank.Vraag) string {
	t.Helper()
	a, err := e.Beantwoord(context.Background(), v)
	if err != nil {
		t.Fatalf("Beantwoord: %v", err)
	}
	return fmt.Sprintf("%s %v", a.Oordeel, ids(a.Voorwaarden, func(v library.Voorwaarde) string { return v.ID }))
}

// controleerAfgeleid checks that every open fact is open for the reason it gives: the answer misses it, an
// alternative needs it, or one of its values changes the verdict or the checklist.
func controleerAfgeleid(t *testing.T, e *library.Engine, v kennisbank.Vraag, open []kennisbank.Feitvraag) {
	t.Helper()
	a, err := e.Beantwoord(context.Background(), v)
	if err != nil {
		t.Fatalf("Beantwoord: %v", err)
	}
	nu := uitkomst(t, e, v)
	for _, f := range open {
		if _, bekend := v.Feiten[f.ID]; bekend {
			t.Errorf("%s staat in de vraag en is toch open", f.ID)
		}
		switch f.Reden {
		case kennisbank.RedenOntbrekend:
			if !slices.Contains(a.OntbrekendeFeiten, f.ID) {
				t.Errorf("%s: reden ontbrekend, maar ontbrekende_feiten is %v", f.ID, a.OntbrekendeFeiten)
			}
		case kennisbank.RedenAlternatief:
			if !slices.ContainsFunc(a.Alternatieven, func(alt library.Alternatief) bool { _, ok := alt.Feiten[f.ID]; return ok }) {
				t.Errorf("%s: reden alternatief, maar geen alternatief noemt het", f.ID)
			}
		case kennisbank.RedenVerandert:
			var waarden []any
			for _, k := range f.Keuzes {
				waarden = append(waarden, k.Waarde)
			}
			switch f.Type {
			case "geheel_getal":
				waarden = []any{int64(11), int64(15), int64(17), int64(18), int64(149)}
			case "datum":
				waarden = []any{"1900-01-01"}
			}
			if !slices.ContainsFunc(waarden, func(w any) bool { return uitkomst(t, e, met(v, f.ID, w)) != nu }) {
				t.Errorf("%s: reden verandert, maar geen waarde verandert %s", f.ID, nu)
			}
		default:
			t.Errorf("%s: onbekende reden %q", f.ID, f.Reden)
		}
	}
}

func TestOpenFeitenToestemmingAlsEnigeRoute(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	// ggz shares health data with the police in the ZVH before the WGS: only consent opens the secret.
	v := kennisbank.Vraag{Van: "ggz", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"gezondheid"},
		Doel: "zvh_casusoverleg", Datum: "2025-01-01", Feiten: map[string]any{"inclusiecriteria": true}}
	open := openFeiten(t, e, v)
	if !slices.Contains(feitIDs(open), "toestemming") {
		t.Fatalf("toestemming ontbreekt in %v", feitIDs(open))
	}
	controleerAfgeleid(t, e, v, open)

	for _, w := range []string{"gegeven", "geweigerd"} {
		met := met(v, "toestemming", w)
		na := openFeiten(t, e, met)
		if slices.Contains(feitIDs(na), "toestemming") {
			t.Errorf("toestemming=%s: toestemming nog open in %v", w, feitIDs(na))
		}
		controleerAfgeleid(t, e, met, na)
	}
	// With consent refused nothing can be stricter; acute danger alone does not open art. 9.
	if na := openFeiten(t, e, met(v, "toestemming", "geweigerd")); len(na) != 0 {
		t.Errorf("toestemming=geweigerd: open %v, verwacht niets", feitIDs(na))
	}
}

func TestOpenFeitenWettelijkePlicht(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	// The school's truancy report is a statutory duty: consent, danger and the other routes cannot change
	// it; only purpose creep (verkregen_voor) still can.
	v := kennisbank.Vraag{Van: "school", Naar: kennisbank.Ontvangers{"leerplicht"}, Gegevens: []string{"identificerend", "onderwijs"},
		Doel: "leerplicht_handhaving", Datum: "2026-03-01"}
	a, err := e.Beantwoord(context.Background(), v)
	if err != nil || a.Oordeel != kennisbank.Toegestaan {
		t.Fatalf("oordeel %s (%v), verwacht toegestaan", a.Oordeel, err)
	}
	open := openFeiten(t, e, v)
	if diff := cmp.Diff([]string{"verkregen_voor"}, feitIDs(open)); diff != "" {
		t.Errorf("open feiten (-verwacht +kreeg):\n%s", diff)
	}
	controleerAfgeleid(t, e, v, open)
	for _, f := range []string{"toestemming", "acuut_gevaar", "leeftijd", "ots"} {
		for _, w := range map[string][]any{"toestemming": {"gegeven", "geweigerd"}, "acuut_gevaar": {true, false}, "leeftijd": {int64(10)}, "ots": {true, false}}[f] {
			if uitkomst(t, e, met(v, f, w)) != uitkomst(t, e, v) {
				t.Errorf("%s=%v verandert het antwoord, maar staat niet open", f, w)
			}
		}
	}
}

func TestOpenFeitenVolgorde(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e := testEngine(t)
	// The housing corporation takes part per case: its participation decides, so it comes first.
	v := kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"woningcorporatie"}, Gegevens: []string{"identificerend"},
		Doel: "zvh_casusoverleg", Datum: "2026-03-01", Feiten: map[string]any{"inclusiecriteria": true}}
	open := openFeiten(t, e, v)
	if len(open) == 0 || open[0].ID != "deelnemer_naar" || open[0].Reden != kennisbank.RedenOntbrekend {
		t.Fatalf("eerste open feit %+v, verwacht deelnemer_naar (ontbrekend)", open)
	}
	controleerAfgeleid(t, e, v, open)
	// Stable: the same question gives the same list.
	if diff := cmp.Diff(feitIDs(open), feitIDs(openFeiten(t, e, v))); diff != "" {
		t.Errorf("tweede keer anders:\n%s", diff)
	}
	// An ondertoezichtstelling that would give a statutory duty comes first as an alternative.
	gi := kennisbank.Vraag{Van: "ggz", Naar: kennisbank.Ontvangers{"gecertificeerde_instelling"}, Gegevens: []string{"gezondheid"},
		Doel: "ots_uitvoering", Datum: "2026-03-01"}
	open = openFeiten(t, e, gi)
	if len(open) == 0 || open[0].ID != "ots" || open[0].Reden != kennisbank.RedenAlternatief {
		t.Fatalf("eerste open feit %+v, verwacht ots (alternatief)", open)
	}
	controleerAfgeleid(t, e, gi, open)
}

func TestOpenFeitenOngeldigeVraag(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	_, err := e.OpenFeiten(context.Background(), kennisbank.Vraag{Van: "huisars", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"signaal"}, Doel: "gevaar_afwenden"})
	var oid *kennisbank.OnbekendeIDFout
	if !errors.As(err, &oid) || oid.Veld != "van" {
		t.Fatalf("fout %v, verwacht een onbekend id in van", err)
	}
	ctx, stop := context.WithCancel(context.Background())
	stop()
	if _, err := e.OpenFeiten(ctx, kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"signaal"}, Doel: "gevaar_afwenden"}); err == nil {
		t.Error("geannuleerde context: geen fout")
	}
}

func TestFeitvraag(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	tests := []struct {
		feit, soort, vraag string
		keuzes             []string // labels; nil: no options
		waarde             any      // the value of the first option
	}{
		{"acuut_gevaar", "ja_nee", "Is er acuut gevaar voor betrokkene of anderen?", []string{"ja", "nee"}, true},
		{"toestemming", "keuze", "Heeft betrokkene uitdrukkelijk toestemming gegeven voor deze deling?", []string{"niet gevraagd", "gegeven", "geweigerd", "onmogelijk"}, "niet_gevraagd"},
		{"leeftijd", "geheel_getal", "Hoe oud is betrokkene?", nil, nil},
		{"casus_gesloten_op", "datum", "Op welke datum is de casus gesloten?", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.feit, func(t *testing.T) {
			t.Parallel()
			f, ok := kb.Feitvraag(tt.feit)
			if !ok || f.Type != tt.soort || f.Vraag != tt.vraag {
				t.Fatalf("Feitvraag(%s) = %+v, %v", tt.feit, f, ok)
			}
			labels := ids(f.Keuzes, func(k kennisbank.Keuze) string { return k.Label })
			if len(tt.keuzes) == 0 {
				labels = nil
			}
			if diff := cmp.Diff(tt.keuzes, labels); diff != "" {
				t.Errorf("keuzes (-verwacht +kreeg):\n%s", diff)
			}
			if tt.waarde != nil && f.Keuzes[0].Waarde != tt.waarde {
				t.Errorf("waarde %v, verwacht %v", f.Keuzes[0].Waarde, tt.waarde)
			}
		})
	}
	f, _ := kb.Feitvraag("verzocht_door")
	if len(f.Keuzes) != len(kb.IDs("partijen")) {
		t.Errorf("verzocht_door: %d keuzes, verwacht alle partijen", len(f.Keuzes))
	}
	f, _ = kb.Feitvraag("verkregen_voor")
	// The original purpose may also be a task that is no purpose to share for (the police task, a treatment).
	if len(f.Keuzes) != len(kb.IDs("oorsprongen")) || len(f.Keuzes) <= len(kb.IDs("doelen")) {
		t.Errorf("verkregen_voor: %d keuzes, verwacht alle doelen en oorsprongen (%d)", len(f.Keuzes), len(kb.IDs("oorsprongen")))
	}
	if _, ok := kb.Feitvraag("bestaat_niet"); ok {
		t.Error("onbekend feit gaf een vraag")
	}
}

func TestKeuzes(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	for _, soort := range []string{"partijen", "gegevens", "doelen", "convenanten", "organisaties", "fasen"} {
		keuzes := kb.Keuzes(soort)
		got := ids(keuzes, func(k kennisbank.Keuze) string { return k.ID })
		slices.Sort(got)
		if diff := cmp.Diff(kb.IDs(soort), got); diff != "" {
			t.Errorf("%s: elk id precies één keer (-verwacht +kreeg):\n%s", soort, diff)
		}
		for _, k := range keuzes {
			if k.Label == "" || k.Waarde != k.ID {
				t.Errorf("%s: keuze %+v", soort, k)
			}
		}
	}
	if kb.Keuzes("bestaat_niet") != nil {
		t.Error("onbekende soort gaf keuzes")
	}
	partijen := kb.Keuzes("partijen")
	if partijen[0].ID != "gemeente_college" || partijen[0].Label != "College van B&W" {
		t.Errorf("eerste partij %+v, verwacht de volgorde van partijen.yaml", partijen[0])
	}
	groep := map[string]string{}
	for _, d := range kb.Keuzes("doelen") {
		groep[d.ID] = d.Groep
	}
	if groep["zvh_aanmelding"] != kb.Label("convenanten", "zvht") || groep["gevaar_afwenden"] != kennisbank.GroepWettelijk {
		t.Errorf("groepen: zvh_aanmelding %q, gevaar_afwenden %q", groep["zvh_aanmelding"], groep["gevaar_afwenden"])
	}
	if kb.Label("partijen", "bestaat_niet") != "bestaat_niet" {
		t.Error("Label van een onbekend id is niet het id zelf")
	}
}

func TestKies(t *testing.T) {
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	partijen := kb.Keuzes("partijen")
	gegevens := kb.Keuzes("gegevens")
	tests := []struct {
		naam, invoer string
		keuzes       []kennisbank.Keuze
		gekozen      string
		suggesties   []string // ids, in order; checked only when nothing is chosen
	}{
		{"id", "huisarts", partijen, "huisarts", nil},
		{"label", "college van b&w", partijen, "gemeente_college", nil},
		{"hoofdletters en spaties", "  HUISARTS ", partijen, "huisarts", nil},
		{"id met spaties", "veilig thuis", partijen, "veilig_thuis", nil},
		{"deel van het label", "wijk", partijen, "wijkteam", nil},
		{"accenten vergeven", "betrokkenheid is bekend bij", gegevens, "betrokkenheid", nil},
		{"typfout", "huisars", partijen, "huisarts", nil},
		{"twee letters verwisseld", "poltiie", partijen, "politie", nil},
		{"korte id: geen typfout", "ggx", partijen, "", []string{"ggz", "ggd"}},
		{"synoniem", "Wijkagent", partijen, "politie", nil},
		{"synoniem met accent", "clienT", partijen, "betrokkene", nil},
		{"synoniem van gegevens", "strafblad", gegevens, "justitiele_documentatie", nil},
		{"meerdere passen", "procesregisseur", partijen, "", []string{"zvh_procesregisseur", "ave_procesregisseur"}},
		{"niets", "xyzzy", partijen, "", nil},
		{"leeg", "  ", partijen, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			k, sug, ok := kennisbank.Kies(tt.keuzes, tt.invoer)
			if ok != (tt.gekozen != "") || k.ID != tt.gekozen {
				t.Fatalf("Kies(%q) = %q, %v; verwacht %q", tt.invoer, k.ID, ok, tt.gekozen)
			}
			if !ok {
				got := ids(sug, func(k kennisbank.Keuze) string { return k.ID })
				if len(tt.suggesties) == 0 && len(got) == 0 {
					return
				}
				if !slices.Equal(got[:min(len(got), len(tt.suggesties))], tt.suggesties) {
					t.Errorf("suggesties %v, verwacht %v vooraan", got, tt.suggesties)
				}
			}
		})
	}
	// Diacritics in a label are forgiven both ways.
	keuzes := []kennisbank.Keuze{{ID: "geinformeerd", Label: "Betrokkene geïnformeerd"}}
	if k, _, ok := kennisbank.Kies(keuzes, "betrokkene geinformeerd"); !ok || k.ID != "geinformeerd" {
		t.Errorf("zonder trema niet gevonden")
	}
	if k, _, ok := kennisbank.Kies(keuzes, "GEÏNFORMEERD"); !ok || k.ID != "geinformeerd" {
		t.Errorf("met trema niet gevonden")
	}
}
