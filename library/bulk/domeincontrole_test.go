package bulk_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// The domain lint reads the evaluated rules: an expired covenant must not allow anything through its own
// routes. With the real rules it finds nothing; with rules that forgot the covenant's end date it must
// report the covenant as an error.
func TestDomeincontroleVerlopenConvenant(t *testing.T) {
	zwaar(t)
	ctx := context.Background()
	kopie := kopieKennisbank(t)
	vervang(t, kopie, "convenanten/vroegsignalering_schulden.yaml", "geldig_vanaf: '2021-01-01'", "geldig_vanaf: '2021-01-01'\ngeldig_tot: '2025-12-31'")
	dv := bulk.DomeinVraag{Datum: "2025-06-01", Convenanten: []string{"vroegsignalering_schulden"}, Doelen: []string{"vss_signaal"}}

	goed, err := library.New(ctx, library.MetKennisbank(kopie))
	if err != nil {
		t.Fatal(err)
	}
	r, err := bulk.Domeincontrole(ctx, goed, dv)
	if err != nil {
		t.Fatal(err)
	}
	if r.Fouten != 0 {
		t.Errorf("met de echte regels: %d fouten: %+v", r.Fouten, r.Bevindingen)
	}

	// The rules stop an expired covenant twice: its routes end with it (routes.rego) and the kader blocks it
	// (kader.rego). Break both, as rules that forgot the end date would.
	regels := kopieRegels(t)
	vervang(t, regels, "kader/kader.rego", "not datum.geldig(vraag.peildatum, convenant)\n\tontvangers[r]", "false\n\tontvangers[r]")
	vervang(t, regels, "routes/routes.rego", "datum.geldig(d, kb.convenanten[route.convenant])\n", "")
	fout, err := library.New(ctx, library.MetKennisbank(kopie), library.MetRegels(regels))
	if err != nil {
		t.Fatal(err)
	}
	r, err = bulk.Domeincontrole(ctx, fout, dv)
	if err != nil {
		t.Fatal(err)
	}
	gevonden := false
	for _, b := range r.Bevindingen {
		if b.ID == "verlopen_convenant_toegestaan" {
			gevonden = true
			if b.Ernst != kennisbank.ErnstFout || b.Bestand != "convenanten/vroegsignalering_schulden.yaml" || b.Hint == "" ||
				!strings.Contains(b.Bericht, "2025-12-31") || !strings.Contains(b.Bericht, "cellen, bv.") {
				t.Errorf("bevinding %+v", b)
			}
		}
	}
	if !gevonden || r.Fouten == 0 {
		t.Errorf("regels zonder einddatum: geen fout verlopen_convenant_toegestaan in %+v", r)
	}
}

// A statutory duty that a covenant's purpose blocks is a clash: the Wgs lets the creditor pass the BSN,
// the signal purpose's data set leaves it out.
func TestDomeincontroleBotsing(t *testing.T) {
	zwaar(t)
	e := testEngine(t)
	r, err := bulk.Domeincontrole(context.Background(), e, bulk.DomeinVraag{Datum: "2026-03-01", Convenanten: []string{"vroegsignalering_schulden"}, Doelen: []string{"vss_signaal"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range r.Bevindingen {
		if b.ID == "botsing" && strings.Contains(b.Bericht, "gegevens_buiten_doel") && b.Ernst == kennisbank.ErnstWaarschuwing {
			return
		}
	}
	t.Errorf("geen botsing gevonden: %+v", r.Bevindingen)
}

func TestDomeincontroleFouten(t *testing.T) {
	e := testEngine(t)
	if _, err := bulk.Domeincontrole(context.Background(), e, bulk.DomeinVraag{Datum: "2026-02-30"}); err == nil {
		t.Error("ongeldige datum zonder fout")
	}
	_, err := bulk.Domeincontrole(context.Background(), e, bulk.DomeinVraag{Datum: "2026-03-01", Convenanten: []string{"ave2"}})
	if err == nil || !strings.Contains(err.Error(), `"ave"`) {
		t.Errorf("onbekend convenant: %v", err)
	}
}

// kopieRegels copies the embedded rules into a MapFS that a test may change.
func kopieRegels(t *testing.T) fstest.MapFS { return kopieFS(t, rules.FS, nil) }

// Rules that forgot the art. 9 layer let health data through without an exception: the lint says so.
func TestDomeincontroleBijzonderZonderUitzondering(t *testing.T) {
	zwaar(t)
	ctx := context.Background()
	dv := bulk.DomeinVraag{Datum: "2026-03-01", Convenanten: []string{"wams"}, Doelen: []string{"wams_gecoordineerde_aanpak"}}
	r, err := bulk.Domeincontrole(ctx, testEngine(t), dv)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range r.Bevindingen {
		if b.ID == "bijzonder_zonder_uitzondering" {
			t.Errorf("met de echte regels: %+v", b)
		}
	}
	regels := kopieRegels(t)
	vervang(t, regels, "lagen/art9/art9.rego", "\"art9\" in kb.gegevens[c].klassen\n\tkader.avg_afzender", "false")
	vervang(t, regels, "lagen/art9/art9.rego", "\"art9\" in kb.gegevens[c].klassen\n\tkader.avg_ontvanger(r)", "false")
	zonder, err := library.New(ctx, library.MetRegels(regels))
	if err != nil {
		t.Fatal(err)
	}
	r, err = bulk.Domeincontrole(ctx, zonder, dv)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range r.Bevindingen {
		if b.ID == "bijzonder_zonder_uitzondering" && strings.Contains(b.Bericht, "art9-gegevens") && strings.Contains(b.Bericht, "gezondheid") {
			return
		}
	}
	t.Errorf("regels zonder art. 9-laag: geen bevinding bijzonder_zonder_uitzondering in %+v", r.Bevindingen)
}
