package library_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// The typed vocabulary comes from oordelen.yaml and feiten.yaml, not from Go: the built-in values, and an
// edited knowledge base that changes them.
func TestWoordenschatUitDeKennisbank(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		oordeel kennisbank.Oordeel
		wil     bool
	}{
		{kennisbank.Toegestaan, true},
		{kennisbank.ToegestaanOnderVoorwaarden, true},
		{kennisbank.Onbepaald, false},
		{kennisbank.NietToegestaan, false},
		{"bestaat_niet", false},
	} {
		if got := kb.Positief(tc.oordeel); got != tc.wil {
			t.Errorf("Positief(%s) = %v, verwacht %v", tc.oordeel, got, tc.wil)
		}
	}
	for _, tc := range []struct {
		zekerheid          string
		voorbehoud, laagst bool
	}{
		{"hoog", false, false},
		{"middel", true, false},
		{"laag", true, true},
		{"", false, false},
		{"onbekend", true, false},
	} {
		if got := kb.MetVoorbehoud(tc.zekerheid); got != tc.voorbehoud {
			t.Errorf("MetVoorbehoud(%q) = %v, verwacht %v", tc.zekerheid, got, tc.voorbehoud)
		}
		if got := kb.LaagsteZekerheid(tc.zekerheid); got != tc.laagst {
			t.Errorf("LaagsteZekerheid(%q) = %v, verwacht %v", tc.zekerheid, got, tc.laagst)
		}
	}
	var ids []string
	for _, z := range kb.Zekerheden() {
		ids = append(ids, z.ID)
	}
	if strings.Join(ids, ",") != "laag,middel,hoog" {
		t.Errorf("Zekerheden() = %v, verwacht laag, middel, hoog", ids)
	}
	for _, tc := range []struct {
		n   int64
		wil bool
	}{{-1, false}, {0, true}, {150, true}, {151, false}} {
		verwacht, ok := kb.InBereik("leeftijd", tc.n)
		if ok != tc.wil || verwacht != "geheel getal van 0 tot en met 150" {
			t.Errorf("InBereik(leeftijd, %d) = %q, %v; verwacht %v", tc.n, verwacht, ok, tc.wil)
		}
	}

	m := kopieKennisbank(t)
	vervang(t, m, "oordelen.yaml", "    samenvatting: Ja, een wettelijke plicht of recht dekt precies deze deling.\n    positief: true",
		"    samenvatting: Ja, een wettelijke plicht of recht dekt precies deze deling.\n    positief: false")
	vervang(t, m, "oordelen.yaml", "  - id: middel\n    label: middel\n    rang: 1", "  - id: middel\n    label: middel\n    rang: 5")
	vervang(t, m, "feiten.yaml", "    maximum: 150", "    maximum: 120")
	ander, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatal(err)
	}
	if ander.Positief(kennisbank.Toegestaan) {
		t.Error("toegestaan met positief: false is nog positief")
	}
	if ander.MetVoorbehoud("middel") || !ander.MetVoorbehoud("hoog") {
		t.Error("met middel als hoogste rang krijgt middel nog een voorbehoud, of hoog niet")
	}
	if verwacht, ok := ander.InBereik("leeftijd", 121); ok || verwacht != "geheel getal van 0 tot en met 120" {
		t.Errorf("InBereik(leeftijd, 121) met maximum 120 = %q, %v", verwacht, ok)
	}
}

// Fail closed is guarded by the schema: a negative verdict cannot be declared positive, and a
// whole-number fact needs its range.
func TestWoordenschatSchemaBewaakt(t *testing.T) {
	for _, tc := range []struct{ naam, pad, oud, nieuw string }{
		{"onbepaald positief", "oordelen.yaml",
			"    samenvatting: Dit is niet vast te stellen; leg de vraag voor aan de FG of privacy officer van de verstrekkende organisatie.\n    positief: false",
			"    samenvatting: Dit is niet vast te stellen; leg de vraag voor aan de FG of privacy officer van de verstrekkende organisatie.\n    positief: true"},
		{"geen bereik", "feiten.yaml", "    minimum: 0\n    maximum: 150\n", ""},
		{"bereik op een ja/nee-feit", "feiten.yaml", "    label: Betrokkene is wilsbekwaam\n", "    label: Betrokkene is wilsbekwaam\n    minimum: 0\n"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			m := kopieKennisbank(t)
			vervang(t, m, tc.pad, tc.oud, tc.nieuw)
			_, err := kennisbank.LaadKennisbank(m)
			if err == nil || !strings.Contains(err.Error(), tc.pad) {
				t.Fatalf("verwacht een fout in %s, kreeg %v", tc.pad, err)
			}
		})
	}
}

// Every party group of routes.yaml has a selector rule in routes.rego, and every selector rule for a
// group is declared in routes.yaml: a group the rules do not know would never match, a rule without an
// entry could not be named by the kwartiermaker.
func TestGroepenVanRoutesYAMLZijnDeSelectoren(t *testing.T) {
	bron, err := fs.ReadFile(rules.FS, "routes/routes.rego")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := ast.ParseModuleWithOpts("routes.rego", string(bron), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	inRego := map[string]bool{}
	for _, r := range mod.Rules {
		if r.Head.Name.String() != "selector" || len(r.Head.Args) == 0 {
			continue
		}
		if s, ok := r.Head.Args[0].Value.(ast.String); ok && strings.HasPrefix(string(s), "@") {
			inRego[string(s)] = true
		}
	}
	if len(inRego) == 0 {
		t.Fatal("geen selector-regels voor groepen gevonden in routes.rego")
	}
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	inYAML := map[string]bool{}
	for _, id := range kb.IDs("groepen") {
		inYAML[id] = true
		if !inRego[id] {
			t.Errorf("groep %s staat in routes.yaml maar heeft geen selector-regel in routes.rego", id)
		}
	}
	for id := range inRego {
		if !inYAML[id] {
			t.Errorf("selector %s in routes.rego staat niet in de groepen van routes.yaml", id)
		}
	}
}

// Which parties a matrix shows by default and which party is a case table come from the kinds in
// partijen.yaml (soorten), not from Go.
func TestPartijsoortenUitDeKennisbank(t *testing.T) {
	ctx := context.Background()
	standaard := func(t *testing.T, e *library.Engine, mv bulk.MatrixVraag) []string {
		t.Helper()
		mv.Van, mv.Doelen, mv.Gegevens, mv.Datum = []string{"politie"}, []string{"zvh_aanmelding"}, []string{"signaal"}, "2026-03-01"
		m, err := bulk.MaakMatrix(ctx, e, mv)
		if err != nil {
			t.Fatal(err)
		}
		return m.Naar
	}
	e, err := library.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Kennisbank().Tafel("overleg_deelnemers") || e.Kennisbank().Tafel("politie") {
		t.Error("overleg_deelnemers is geen tafel, of politie wel")
	}
	if naar := standaard(t, e, bulk.MatrixVraag{Convenant: "zvht"}); slices.Contains(naar, "betrokkene") || !slices.Contains(naar, "niet_deelnemer") {
		t.Errorf("convenantmatrix: ontvangers %v; verwacht niet_deelnemer en niet betrokkene", naar)
	}

	m := kopieKennisbank(t)
	vervang(t, m, "partijen.yaml", "  - id: betrokkene\n    label: Betrokkene\n    groep: Anderen\n    matrix_naar: [wettelijk]",
		"  - id: betrokkene\n    label: Betrokkene\n    groep: Anderen\n    matrix_naar: [convenant, wettelijk]")
	vervang(t, m, "partijen.yaml", "  - id: overleg\n    label: Overlegtafel\n    groep: Anderen\n    tafel: true", "  - id: overleg\n    label: Overlegtafel\n    groep: Anderen")
	ander, err := library.New(ctx, library.MetKennisbank(m))
	if err != nil {
		t.Fatal(err)
	}
	if ander.Kennisbank().Tafel("overleg_deelnemers") {
		t.Error("overleg zonder tafel: true is nog een tafel")
	}
	if naar := standaard(t, ander, bulk.MatrixVraag{Convenant: "zvht"}); !slices.Contains(naar, "betrokkene") {
		t.Errorf("met matrix_naar convenant staat betrokkene niet in de ontvangers: %v", naar)
	}
}

// The AVG classes, their order and which are special come from gegevens.yaml (klassen).
func TestKlassenUitDeKennisbank(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, kl := range kb.Klassen() {
		ids = append(ids, kl.ID)
		if kl.Bijzonder != (kl.ID != "gewoon") {
			t.Errorf("klasse %s: bijzonder %v", kl.ID, kl.Bijzonder)
		}
	}
	if strings.Join(ids, ",") != "gewoon,art9,art10" {
		t.Errorf("Klassen() = %v, verwacht gewoon, art9, art10", ids)
	}
	for gegevens, wil := range map[string]string{"huiselijk_geweld": "art10", "gezondheid": "art9", "signaal": "gewoon", "bestaat_niet": ""} {
		if got := kb.StrengsteKlasse(gegevens); got != wil {
			t.Errorf("StrengsteKlasse(%s) = %q, verwacht %q", gegevens, got, wil)
		}
	}

	m := kopieKennisbank(t)
	vervang(t, m, "gegevens.yaml", "  - id: art9\n    label: Bijzondere persoonsgegevens (AVG art. 9)\n    bijzonder: true\n  - id: art10\n    label: Strafrechtelijke gegevens (AVG art. 10)\n    bijzonder: true\n",
		"  - id: art10\n    label: Strafrechtelijke gegevens (AVG art. 10)\n    bijzonder: true\n  - id: art9\n    label: Bijzondere persoonsgegevens (AVG art. 9)\n    bijzonder: true\n")
	ander, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := ander.StrengsteKlasse("huiselijk_geweld"); got != "art9" {
		t.Errorf("met art9 als strengste klasse: StrengsteKlasse(huiselijk_geweld) = %q", got)
	}

	m = kopieKennisbank(t)
	vervang(t, m, "gegevens.yaml", "  - id: gewoon\n    label: Gewone persoonsgegevens\n", "")
	if _, err := kennisbank.LaadKennisbank(m); err == nil || !strings.Contains(err.Error(), `onbekende klasse "gewoon"`) {
		t.Errorf("een categorie met een klasse die niet in klassen staat: %v", err)
	}
}

// An older knowledge base, whose own schema did not yet ask for groepen, soorten, klassen and
// bijzondere_wetten (magikdelen
// verschil against an old revision), still loads: references to a vocabulary it does not declare are not
// checked, and what Go reads from it stays on the safe side (no party is a table, no verdict positive).
func TestOudeKennisbankZonderWoordenschat(t *testing.T) {
	m := kopieKennisbank(t)
	var sch map[string]any
	if err := json.Unmarshal(m["schema/kennisbank.schema.json"].Data, &sch); err != nil {
		t.Fatal(err)
	}
	defs := sch["$defs"].(map[string]any)
	for _, dv := range [][2]string{{"routes", "groepen"}, {"partijen", "soorten"}, {"gegevens", "klassen"}, {"gegevens", "bijzondere_wetten"}} {
		d := defs[dv[0]].(map[string]any)
		d["required"] = slices.DeleteFunc(d["required"].([]any), func(v any) bool { return v == dv[1] })
	}
	data, err := json.Marshal(sch)
	if err != nil {
		t.Fatal(err)
	}
	m["schema/kennisbank.schema.json"] = &fstest.MapFile{Data: data}
	for pad, blok := range map[string][2]string{"routes.yaml": {"\ngroepen:\n", "\nroutes:\n"}, "partijen.yaml": {"\nsoorten:\n", "\npartijen:\n"}, "gegevens.yaml": {"\nklassen:\n", "\ngegevens:\n"}} {
		s := string(m[pad].Data)
		i, j := strings.Index(s, blok[0]), strings.Index(s, blok[1])
		if i < 0 || j < i {
			t.Fatalf("%s: blok %q niet gevonden", pad, blok[0])
		}
		m[pad] = &fstest.MapFile{Data: []byte(s[:i] + s[j:])}
	}
	kb, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatalf("een kennisbank zonder groepen, soorten en klassen laadt niet: %v", err)
	}
	if kb.Tafel("overleg_deelnemers") || len(kb.Klassen()) != 0 || len(kb.IDs("groepen")) != 0 {
		t.Error("een kennisbank zonder soorten of klassen heeft toch een tafel, klassen of groepen")
	}
}

// The web form's headings come from the knowledge base: parties under the groep of their kind, data
// categories under their special regime (bijzondere_wetten) or else their strictest class.
func TestFormulierGroepenUitDeKennisbank(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(kb.PartijGroepen(), ","); got != "Organisaties,Anderen" {
		t.Errorf("PartijGroepen() = %s", got)
	}
	for p, wil := range map[string]string{"politie": "Organisaties", "betrokkene": "Anderen", "overleg_deelnemers": "Anderen", "bestaat_niet": ""} {
		if got := kb.PartijGroep(p); got != wil {
			t.Errorf("PartijGroep(%s) = %q, verwacht %q", p, got, wil)
		}
	}
	regimes := "Politie- en justitiegegevens (Wpg, Wjsg)"
	if got := strings.Join(kb.GegevensGroepen(), ","); got != "Gewone persoonsgegevens,Bijzondere persoonsgegevens (AVG art. 9),Strafrechtelijke gegevens (AVG art. 10),"+regimes {
		t.Errorf("GegevensGroepen() = %s", got)
	}
	for c, wil := range map[string]string{"politiegegevens": regimes, "justitiele_documentatie": regimes, "gezondheid": "Bijzondere persoonsgegevens (AVG art. 9)", "signaal": "Gewone persoonsgegevens", "bestaat_niet": ""} {
		if got := kb.GegevensGroep(c); got != wil {
			t.Errorf("GegevensGroep(%s) = %q, verwacht %q", c, got, wil)
		}
	}

	m := kopieKennisbank(t)
	vervang(t, m, "partijen.yaml", "    label: Betrokkene\n    groep: Anderen\n", "    label: Betrokkene\n    groep: Betrokkene zelf\n")
	vervang(t, m, "gegevens.yaml", "    label: Wet politiegegevens\n    groep: Politie- en justitiegegevens (Wpg, Wjsg)\n", "    label: Wet politiegegevens\n    groep: Politiegegevens (Wpg)\n")
	ander, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := ander.PartijGroep("betrokkene"); got != "Betrokkene zelf" {
		t.Errorf("met een eigen groep voor betrokkene: %q", got)
	}
	if got := ander.GegevensGroep("politiegegevens"); got != "Politiegegevens (Wpg)" {
		t.Errorf("met een eigen groep voor de Wpg: %q", got)
	}
	if got := ander.GegevensGroepen(); len(got) != 5 || got[3] != "Politiegegevens (Wpg)" || got[4] != regimes {
		t.Errorf("GegevensGroepen() = %v", got)
	}

	m = kopieKennisbank(t)
	vervang(t, m, "gegevens.yaml", "  - id: wjsg\n    label: Wet justitiële en strafvorderlijke gegevens\n    groep: Politie- en justitiegegevens (Wpg, Wjsg)\n", "")
	if _, err := kennisbank.LaadKennisbank(m); err == nil || !strings.Contains(err.Error(), `onbekende bijzondere wet "wjsg"`) {
		t.Errorf("een categorie met een bijzondere wet die niet in bijzondere_wetten staat: %v", err)
	}
}

// Every legal ground of the catalogue is typed field for field: a field the catalogue gains but
// GrondslagInfo lacks fails here.
func TestGrondslagGetypeerd(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	ids := kb.IDs("grondslagen")
	if len(ids) < 10 {
		t.Fatalf("%d grondslagen", len(ids))
	}
	for _, id := range ids {
		g, ok := kb.Grondslag(id)
		if !ok || g.ID != id {
			t.Fatalf("Grondslag(%s) = %+v, %v", id, g, ok)
		}
		getypeerd := map[string]string{"titel": g.Titel, "wet": g.Wet, "vindplaats": g.Vindplaats, "bron": g.Bron, "geldig_vanaf": g.GeldigVanaf,
			"geldig_tot": g.GeldigTot, "uitleg": g.Uitleg, "verificatie": g.Verificatie, "zekerheid": g.Zekerheid, "herkomst": g.Herkomst}
		for k, v := range kb.Item("grondslagen", id) {
			if k == "id" || k == "volgorde" {
				continue
			}
			if s, _ := v.(string); getypeerd[k] != s || s == "" {
				t.Errorf("grondslag %s: veld %s = %v, getypeerd %q", id, k, v, getypeerd[k])
			}
		}
	}
	if _, ok := kb.Grondslag("bestaat_niet"); ok {
		t.Error("Grondslag(bestaat_niet) gevonden")
	}
}

// The covenant of a purpose and whether it is only an origin come from the data (doelen.yaml and the
// covenants' own purposes); editing the file changes them.
func TestDoelUitDeKennisbank(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	for d, wil := range map[string]string{"zvh_casusoverleg": "zvht", "ave_signaleren": "ave", "opsporing": "", "behandeling": "", "bestaat_niet": ""} {
		if got := kb.DoelConvenant(d); got != wil {
			t.Errorf("DoelConvenant(%s) = %q, verwacht %q", d, got, wil)
		}
	}
	for d, wil := range map[string]bool{"behandeling": true, "politietaak": true, "opsporing": false, "zvh_casusoverleg": false, "bestaat_niet": false} {
		if got := kb.AlleenOorsprong(d); got != wil {
			t.Errorf("AlleenOorsprong(%s) = %v, verwacht %v", d, got, wil)
		}
	}
	m := kopieKennisbank(t)
	vervang(t, m, "doelen.yaml", "    omschrijving: Opsporing en vervolging van strafbare feiten.\n", "    omschrijving: Opsporing en vervolging van strafbare feiten.\n    alleen_oorsprong: true\n")
	if _, err := kennisbank.LaadKennisbank(m); err == nil || !strings.Contains(err.Error(), `doel: "opsporing" is geen doel om voor te delen`) {
		t.Errorf("opsporing als alleen oorsprong: de vraagbaak vraagt ernaar als doel, verwacht een fout: %v", err)
	}
	m = kopieKennisbank(t)
	vervang(t, m, "doelen.yaml", "onder het beroepsgeheim.\n    alleen_oorsprong: true\n", "onder het beroepsgeheim.\n")
	ander, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatal(err)
	}
	if ander.AlleenOorsprong("behandeling") {
		t.Error("behandeling zonder alleen_oorsprong is nog alleen oorsprong")
	}
}

// Veld and Velden read plain fields for views; a missing entry or field is empty, never a panic.
func TestVeldEnVelden(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	if kb.Veld("partijen", "politie", "label") != "Politie" || kb.Veld("partijen", "bestaat_niet", "label") != "" || kb.Veld("partijen", "politie", "bestaat_niet") != "" {
		t.Error("Veld leest het label van politie niet, of geeft iets voor wat ontbreekt")
	}
	if gs := kb.Velden("partijen", "gemeente_college", "synoniemen"); len(gs) == 0 || gs[0] != "gemeente" {
		t.Errorf("Velden(synoniemen van het college) = %v", gs)
	}
	if gs := kb.Velden("partijen", "bestaat_niet", "synoniemen"); len(gs) != 0 {
		t.Errorf("Velden van een onbekende partij = %v", gs)
	}
}
