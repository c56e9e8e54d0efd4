package library_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// TestInvoerFouten: bad questions give a typed error with the field, the value and, for an unknown id,
// the closest known ids (contract §1: exit code 2, "nothing is guessed").
func TestInvoerFouten(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	const basis = `"van":"wijkteam","naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverleg"`
	met := func(extra string) string { return "{" + basis + "," + extra + "}" }
	toestemming := []string{"niet_gevraagd", "gegeven", "geweigerd", "onmogelijk"}

	tests := []struct {
		naam  string
		json  string
		lees  bool  // the error comes from LeesVraag (otherwise from Beantwoord)
		wil   error // compared field by field; for OnbekendeIDFout only the first suggestion (see eerste)
		eerst string
	}{
		{naam: "onbekende_sleutel", json: met(`"ontvanger":"om"`), lees: true,
			wil: &kennisbank.JSONFout{Veld: "ontvanger", Bericht: `onbekend veld; toegestaan zijn van, naar, gegevens, doel, convenant, fase, datum, feiten; bedoelde u "naar"?`}},
		{naam: "onbekende_sleutel_tikfout", json: met(`"datun":"2026-01-01"`), lees: true,
			wil: &kennisbank.JSONFout{Veld: "datun", Bericht: `onbekend veld; toegestaan zijn van, naar, gegevens, doel, convenant, fase, datum, feiten; bedoelde u "datum"?`}},
		{naam: "dubbele_sleutel", json: "{" + basis + ",\n\"doel\":\"opsporing\"}", lees: true,
			wil: &kennisbank.JSONFout{Veld: "doel", Bericht: "deze sleutel staat twee keer in hetzelfde object; laat er één staan", Regel: 2, Kolom: 1, Dubbel: true}},
		{naam: "dubbele_sleutel_in_feiten", json: met(`"feiten":{"bulk":true, "bulk":false}`), lees: true,
			wil: &kennisbank.JSONFout{Veld: "feiten.bulk", Bericht: "deze sleutel staat twee keer in hetzelfde object; laat er één staan", Regel: 1, Kolom: 110, Dubbel: true}},
		{naam: "geen_object", json: `["politie"]`, lees: true,
			wil: &kennisbank.TypeFout{Verwacht: "een JSON-object ({…})", Gekregen: "een lijst"}},
		{naam: "komma_te_veel", json: "{\n  \"van\": \"politie\",\n}", lees: true,
			wil: &kennisbank.JSONFout{Bericht: "een komma te veel vóór }", Regel: 3, Kolom: 1}},
		{naam: "enkele_aanhalingstekens", json: "{'van': 'politie'}", lees: true,
			wil: &kennisbank.JSONFout{Bericht: `onverwacht teken ': een sleutel staat tussen dubbele aanhalingstekens, zoals "van"`, Regel: 1, Kolom: 2}},
		{naam: "dubbele_punt_vergeten", json: `{"van" "politie"}`, lees: true,
			wil: &kennisbank.JSONFout{Bericht: `onverwacht teken ": na een sleutel hoort een dubbele punt (:)`, Regel: 1, Kolom: 8}},
		{naam: "gegevens_geen_lijst", json: `{"van":"wijkteam","naar":["politie"],"gegevens":"signaal","doel":"zvh_casusoverleg"}`, lees: true,
			wil: &kennisbank.TypeFout{Veld: "gegevens", Verwacht: "een lijst van tekst", Gekregen: "tekst"}},
		{naam: "van_geen_tekst", json: `{"van":5,"naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`, lees: true,
			wil: &kennisbank.TypeFout{Veld: "van", Verwacht: "tekst", Gekregen: "een getal"}},
		{naam: "naar_getal", json: `{"van":"wijkteam","naar":5,"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`, lees: true,
			wil: &kennisbank.TypeFout{Veld: "naar", Verwacht: "een partij-id of een lijst van partij-id's", Gekregen: "5"}},
		{naam: "feiten_geen_object", json: met(`"feiten":[]`), lees: true,
			wil: &kennisbank.TypeFout{Veld: "feiten", Verwacht: "een object", Gekregen: "een lijst"}},
		{naam: "tweede_document", json: "{" + basis + "} {}", lees: true,
			wil: &kennisbank.JSONFout{Bericht: "meer dan één JSON-document", Regel: 1, Kolom: 88}},
		{naam: "rommel_na_document", json: "{" + basis + "} x", lees: true,
			wil: &kennisbank.JSONFout{Bericht: "meer dan één JSON-document", Regel: 1, Kolom: 88}},
		{naam: "accolade_na_document", json: "{" + basis + "}}", lees: true,
			wil: &kennisbank.JSONFout{Bericht: "meer dan één JSON-document", Regel: 1, Kolom: 87}},
		{naam: "haak_na_document", json: "{" + basis + "}]", lees: true,
			wil: &kennisbank.JSONFout{Bericht: "meer dan één JSON-document", Regel: 1, Kolom: 87}},
		{naam: "lege_invoer", json: "", lees: true, wil: &kennisbank.JSONFout{Bericht: "lege invoer"}},
		{naam: "alleen_bom", json: "\ufeff", lees: true, wil: &kennisbank.JSONFout{Bericht: "lege invoer"}},
		{naam: "afgebroken", json: `{"van":`, lees: true, wil: &kennisbank.JSONFout{Bericht: "de JSON houdt onverwacht op; ontbreekt er een } of ], of een aanhalingsteken?", Regel: 1, Kolom: 8}},
		{naam: "datum_bestaat_niet", json: met(`"datum":"2025-02-30"`), wil: &kennisbank.DatumFout{Veld: "datum", Waarde: "2025-02-30", Reden: "februari 2025 heeft 28 dagen"}},
		{naam: "datum_maand_13", json: met(`"datum":"2025-13-01"`), wil: &kennisbank.DatumFout{Veld: "datum", Waarde: "2025-13-01", Reden: "er is geen maand 13"}},
		{naam: "datum_zonder_nullen", json: met(`"datum":"2025-6-1"`), wil: &kennisbank.DatumFout{Veld: "datum", Waarde: "2025-6-1"}},
		{naam: "datum_nederlands", json: met(`"datum":"1-3-2026"`), wil: &kennisbank.DatumFout{Veld: "datum", Waarde: "1-3-2026", Bedoeld: "2026-03-01"}},
		{naam: "onbekende_afzender", json: `{"van":"polite","naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OnbekendeIDFout{Veld: "van", Waarde: "polite", Soort: "partijen"}, eerst: "politie"},
		{naam: "onbekende_ontvanger", json: `{"van":"wijkteam","naar":["politie","ggzz"],"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OnbekendeIDFout{Veld: "naar[1]", Waarde: "ggzz", Soort: "partijen"}, eerst: "ggz"},
		{naam: "onbekende_organisatie", json: `{"van":"mediantt","naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OnbekendeIDFout{Veld: "van", Waarde: "mediantt", Soort: "partijen"}, eerst: "mediant"},
		{naam: "onbekende_categorie", json: `{"van":"wijkteam","naar":["politie"],"gegevens":["signaal","gezondheidd"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OnbekendeIDFout{Veld: "gegevens[1]", Waarde: "gezondheidd", Soort: "gegevens"}, eerst: "gezondheid"},
		{naam: "onbekend_doel", json: `{"van":"wijkteam","naar":["politie"],"gegevens":["signaal"],"doel":"zvh_casusoverlegg"}`,
			wil: &kennisbank.OnbekendeIDFout{Veld: "doel", Waarde: "zvh_casusoverlegg", Soort: "doelen"}, eerst: "zvh_casusoverleg"},
		{naam: "onbekend_convenant", json: met(`"convenant":"zvth"`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "convenant", Waarde: "zvth", Soort: "convenanten"}, eerst: "zvht"},
		{naam: "onbekende_fase", json: met(`"fase":"ave5"`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "fase", Waarde: "ave5", Soort: "fasen"}, eerst: "ave1"},
		{naam: "onbekend_feit", json: met(`"feiten":{"toestemmming":"gegeven"}`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "feiten.toestemmming", Waarde: "toestemmming", Soort: "feiten"}, eerst: "toestemming"},
		{naam: "feit_ja_nee_onbekend", json: met(`"feiten":{"acuut_gevaar":"misschien"}`),
			wil: &kennisbank.TypeFout{Veld: "feiten.acuut_gevaar", Verwacht: "ja of nee (of true of false)", Gekregen: "misschien"}},
		{naam: "feit_getal_als_breuk", json: met(`"feiten":{"leeftijd":14.5}`), lees: true,
			wil: &kennisbank.TypeFout{Veld: "feiten.leeftijd", Verwacht: "een geheel getal", Gekregen: "14.5"}},
		{naam: "feit_getal_als_tekst", json: met(`"feiten":{"leeftijd":"14"}`),
			wil: &kennisbank.TypeFout{Veld: "feiten.leeftijd", Verwacht: "een geheel getal van 0 tot en met 150", Gekregen: "14"}},
		{naam: "feit_getal_te_groot", json: met(`"feiten":{"leeftijd":200}`),
			wil: &kennisbank.TypeFout{Veld: "feiten.leeftijd", Verwacht: "een geheel getal van 0 tot en met 150", Gekregen: "200"}},
		{naam: "feit_keuze_onbekend", json: met(`"feiten":{"toestemming":"gegevn"}`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "feiten.toestemming", Waarde: "gegevn", Soort: "waarden", Opties: toestemming}, eerst: "gegeven"},
		{naam: "feit_keuze_als_bool", json: met(`"feiten":{"toestemming":true}`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "feiten.toestemming", Waarde: "true", Soort: "waarden", Opties: toestemming}},
		{naam: "feit_partij_onbekend", json: met(`"feiten":{"verzocht_door":"polite"}`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "feiten.verzocht_door", Waarde: "polite", Soort: "partijen"}, eerst: "politie"},
		{naam: "feit_doel_onbekend", json: met(`"feiten":{"verkregen_voor":"vss_signal"}`),
			wil: &kennisbank.OnbekendeIDFout{Veld: "feiten.verkregen_voor", Waarde: "vss_signal", Soort: "doelen"}, eerst: "vss_signaal"},
		{naam: "feit_datum_ongeldig", json: met(`"feiten":{"casus_gesloten_op":"gisteren"}`),
			wil: &kennisbank.DatumFout{Veld: "feiten.casus_gesloten_op", Waarde: "gisteren"}},
		{naam: "doel_ontbreekt", json: `{"van":"wijkteam","naar":["politie"],"gegevens":["signaal"]}`,
			wil: &kennisbank.OntbrekendVeldFout{Veld: "doel", Velden: []string{"doel"}}},
		{naam: "naar_leeg", json: `{"van":"wijkteam","naar":[],"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OntbrekendVeldFout{Veld: "naar", Velden: []string{"naar"}}},
		{naam: "naar_null", json: `{"van":"wijkteam","naar":null,"gegevens":["signaal"],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OntbrekendVeldFout{Veld: "naar", Velden: []string{"naar"}}},
		{naam: "gegevens_leeg", json: `{"van":"wijkteam","naar":["politie"],"gegevens":[],"doel":"zvh_casusoverleg"}`,
			wil: &kennisbank.OntbrekendVeldFout{Veld: "gegevens", Velden: []string{"gegevens"}}},
		{naam: "alles_ontbreekt", json: `{"datum":"2026-01-01"}`,
			wil: &kennisbank.OntbrekendVeldFout{Veld: "van", Velden: []string{"van", "naar", "gegevens", "doel"}}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			v, err := kennisbank.LeesVraag(strings.NewReader(tt.json))
			if tt.lees {
				controleerFout(t, "LeesVraag", err, tt.wil, tt.eerst)
				return
			}
			if err != nil {
				t.Fatalf("LeesVraag: %v", err)
			}
			_, err = e.Beantwoord(context.Background(), v)
			controleerFout(t, "Beantwoord", err, tt.wil, tt.eerst)
		})
	}
}

// controleerFout checks that err is of the type of wil (errors.As) with the same fields. For an
// OnbekendeIDFout the suggestions must start with eerst (or be empty when eerst is empty and wil has
// none); the error text names the field and the suggestion.
func controleerFout(t *testing.T, functie string, err, wil error, eerst string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: geen fout, want %T %v", functie, wil, wil)
	}
	doel := reflect.New(reflect.TypeOf(wil))
	if !errors.As(err, doel.Interface()) {
		t.Fatalf("%s: %T %v, want %T", functie, err, err, wil)
	}
	kreeg := doel.Elem().Interface()
	if o, ok := kreeg.(*kennisbank.OnbekendeIDFout); ok {
		if eerst != "" && (len(o.Suggesties) == 0 || o.Suggesties[0] != eerst) {
			t.Errorf("%s: suggesties %v, want eerst %q", functie, o.Suggesties, eerst)
		}
		if eerst != "" && !strings.Contains(err.Error(), `"`+eerst+`"`) {
			t.Errorf("%s: foutmelding %q noemt de suggestie %q niet", functie, err, eerst)
		}
		kopie := *o
		kopie.Suggesties = nil
		kreeg = &kopie
	}
	if !reflect.DeepEqual(kreeg, wil) {
		t.Errorf("%s: %#v, want %#v", functie, kreeg, wil)
	}
	if veld := reflect.ValueOf(wil).Elem().FieldByName("Veld"); veld.IsValid() && veld.String() != "" && !strings.Contains(err.Error(), veld.String()) {
		t.Errorf("%s: foutmelding %q noemt het veld %q niet", functie, err, veld.String())
	}
}

// TestInvoerGeaccepteerd: what the contract allows is answered.
func TestInvoerGeaccepteerd(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	tests := []struct {
		naam       string
		json       string
		van        string
		naar       []string
		ontvangers []string
	}{
		{"naar_als_tekst", `{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"zvh_casusoverleg","datum":"2025-06-01"}`,
			"wijkteam", []string{"politie"}, []string{"politie"}},
		{"organisaties_als_rol", `{"van":"mediant","naar":["veilig_thuis_twente","gemeente_enschede"],"gegevens":["gezondheid"],"doel":"zvh_casusoverleg","datum":"2025-06-01"}`,
			"ggz", []string{"veilig_thuis", "gemeente_college"}, []string{"gemeente_college", "veilig_thuis"}},
		{"feit_getal", `{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"zvh_casusoverleg","datum":"2025-06-01","feiten":{"leeftijd":14}}`,
			"wijkteam", []string{"politie"}, []string{"politie"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			v, err := kennisbank.LeesVraag(strings.NewReader(tt.json))
			if err != nil {
				t.Fatalf("LeesVraag: %v", err)
			}
			a, err := e.Beantwoord(context.Background(), v)
			if err != nil {
				t.Fatalf("Beantwoord: %v", err)
			}
			if _, ok := oordeelRang[a.Oordeel]; !ok {
				t.Errorf("oordeel %q", a.Oordeel)
			}
			if a.Vraag.Van != tt.van || !slices.Equal(a.Vraag.Naar, tt.naar) || !slices.Equal(a.Vraag.Ontvangers, tt.ontvangers) {
				t.Errorf("vraag zoals beoordeeld: van %s naar %v ontvangers %v; want %s %v %v", a.Vraag.Van, a.Vraag.Naar, a.Vraag.Ontvangers, tt.van, tt.naar, tt.ontvangers)
			}
			for _, d := range a.Deeloordelen {
				if !slices.Contains(tt.ontvangers, d.Naar) {
					t.Errorf("deeloordeel naar %s, want een rol uit %v", d.Naar, tt.ontvangers)
				}
			}
		})
	}
	// A question without a date is judged on the engine's clock.
	v, err := kennisbank.LeesVraag(strings.NewReader(`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"zvh_casusoverleg"}`))
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Beantwoord(context.Background(), v)
	if err != nil || len(a.Vraag.Datum) != len("2006-01-02") {
		t.Errorf("vraag zonder datum: datum %q, fout %v", a.Vraag.Datum, err)
	}
}

// TestJaNeeEnBOM: ja/nee facts take ja and nee as well as true and false (contract §3, in every
// interface), a choice between ja and nee takes true and false, and a byte order mark is skipped.
func TestJaNeeEnBOM(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	const vraag = `{"van":"huisarts","naar":"politie","gegevens":["gezondheid"],"doel":"gevaar_afwenden","datum":"2026-03-01","feiten":%s}`
	tests := []struct {
		naam, feiten string
		wil          map[string]any
	}{
		{"ja", `{"acuut_gevaar":"ja"}`, map[string]any{"acuut_gevaar": true}},
		{"Nee", `{"acuut_gevaar":"Nee"}`, map[string]any{"acuut_gevaar": false}},
		{"true als tekst", `{"acuut_gevaar":"true"}`, map[string]any{"acuut_gevaar": true}},
		{"bool", `{"acuut_gevaar":false}`, map[string]any{"acuut_gevaar": false}},
		{"keuze ja/nee als bool", `{"betrokkene_geinformeerd":true}`, map[string]any{"betrokkene_geinformeerd": "ja"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			invoer := "\ufeff" + strings.Replace(vraag, "%s", tt.feiten, 1)
			v, err := kennisbank.LeesVraag(strings.NewReader(invoer))
			if err != nil {
				t.Fatalf("LeesVraag: %v", err)
			}
			gegeven := fmt.Sprint(v.Feiten)
			a, err := e.Beantwoord(context.Background(), v)
			if err != nil {
				t.Fatalf("Beantwoord: %v", err)
			}
			if !reflect.DeepEqual(a.Vraag.Feiten, tt.wil) {
				t.Errorf("feiten zoals beoordeeld %#v, verwacht %#v", a.Vraag.Feiten, tt.wil)
			}
			if fmt.Sprint(v.Feiten) != gegeven {
				t.Errorf("Beantwoord veranderde de feiten van de aanroeper: %v", v.Feiten)
			}
		})
	}
}

func TestLeesDatum(t *testing.T) {
	t.Parallel()
	goed := map[string]string{
		"2026-03-01": "2026-03-01", "1-3-2026": "2026-03-01", "01-03-2026": "2026-03-01",
		"1/3/2026": "2026-03-01", "1.3.2026": "2026-03-01", " 31-12-2025 ": "2025-12-31", "2026-3-1": "2026-03-01",
		"29-2-2024": "2024-02-29",
	}
	for in, wil := range goed {
		if got, err := kennisbank.LeesDatum(in); err != nil || got != wil {
			t.Errorf("LeesDatum(%q) = %q, %v; verwacht %q", in, got, err, wil)
		}
	}
	fout := map[string]string{
		"30-2-2026":  "februari 2026 heeft 28 dagen",
		"29-2-2025":  "februari 2025 heeft 28 dagen",
		"2018-02-30": "februari 2018 heeft 28 dagen",
		"1-13-2026":  "er is geen maand 13",
		"gisteren":   "",
		"3/1/26":     "",
	}
	for in, reden := range fout {
		_, err := kennisbank.LeesDatum(in)
		var df *kennisbank.DatumFout
		if !errors.As(err, &df) || df.Reden != reden {
			t.Errorf("LeesDatum(%q): fout %v, verwacht reden %q", in, err, reden)
		}
	}
}

func TestKort(t *testing.T) {
	t.Parallel()
	if got := kennisbank.Kort("politie"); got != "politie" {
		t.Errorf("Kort van een kort woord: %q", got)
	}
	lang := strings.Repeat("é", 5000)
	got := kennisbank.Kort(lang)
	if n := len([]rune(got)); n > 80 || !strings.HasSuffix(got, "… (5000 tekens)") {
		t.Errorf("Kort van 5000 tekens: %d tekens, %q", n, got)
	}
	err := &kennisbank.OnbekendeIDFout{Veld: "van", Waarde: lang, Soort: "partijen"}
	if n := len([]rune(err.Error())); n > 120 {
		t.Errorf("foutmelding van %d tekens", n)
	}
}
