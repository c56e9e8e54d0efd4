package kennisbank_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

const fixtures = "../../testdata/convenants"

// controleerMet copies the embedded knowledge base, lays the fixture over it and runs Controleer.
// A file in the fixture replaces the embedded one; a name with a leading + is appended to it.
func controleerMet(t *testing.T, fixture string) (kennisbank.Controlerapport, fstest.MapFS) {
	t.Helper()
	a, err := txtar.ParseFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	m := toetshulp.KopieFS(t, convenants.FS, nil)
	for _, f := range a.Files {
		if naam, ok := strings.CutPrefix(f.Name, "+"); ok {
			oud, bestaat := m[naam]
			if !bestaat {
				t.Fatalf("%s: %s staat niet in de ingebouwde kennisbank", fixture, naam)
			}
			m[naam] = &fstest.MapFile{Data: append(slices.Clone(oud.Data), f.Data...)}
			continue
		}
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	r, err := kennisbank.Controleer(m)
	if err != nil {
		t.Fatalf("Controleer: %v", err)
	}
	return r, m
}

// TestControleerIngebouwd: the embedded knowledge base has no errors.
func TestControleerIngebouwd(t *testing.T) {
	t.Parallel()
	r, err := kennisbank.Controleer(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	if r.Fouten != 0 {
		t.Errorf("ingebouwde kennisbank: %d fouten: %+v", r.Fouten, r.Bevindingen)
	}
	if r.Fouten+r.Waarschuwingen != len(r.Bevindingen) {
		t.Errorf("telling %d+%d past niet bij %d bevindingen", r.Fouten, r.Waarschuwingen, len(r.Bevindingen))
	}
}

// TestControleerGeldig: the valid overlays give no errors and no findings in their own files.
func TestControleerGeldig(t *testing.T) {
	t.Parallel()
	paden, _ := filepath.Glob(filepath.Join(fixtures, "valid", "*.txtar"))
	if len(paden) == 0 {
		t.Fatal("geen fixtures in testdata/convenants/valid")
	}
	for _, pad := range paden {
		t.Run(strings.TrimSuffix(filepath.Base(pad), ".txtar"), func(t *testing.T) {
			t.Parallel()
			r, _ := controleerMet(t, pad)
			if r.Fouten != 0 {
				t.Errorf("%d fouten: %+v", r.Fouten, r.Bevindingen)
			}
			a, _ := txtar.ParseFile(pad)
			for _, b := range r.Bevindingen {
				for _, f := range a.Files {
					if strings.TrimPrefix(f.Name, "+") == b.Bestand {
						t.Errorf("bevinding in %s: %+v", b.Bestand, b)
					}
				}
			}
		})
	}
}

// TestControleerOngeldig: each fixture in testdata/convenants/invalid holds one defect and gives
// exactly one new finding, compared with the embedded knowledge base.
func TestControleerOngeldig(t *testing.T) {
	toetshulp.Zwaar(t)
	t.Parallel()
	type wil struct {
		ernst      kennisbank.Ernst
		id         string
		bestand    string
		regel      int
		kolom      int
		markering  string // instead of regel and kolom: the finding points at the start of this text
		pointer    string
		bericht    string // a key phrase of the message
		suggestie0 string // the first suggestion, if any
	}
	fout, waarschuwing := kennisbank.ErnstFout, kennisbank.ErnstWaarschuwing
	const proef = "convenanten/proef.yaml"
	const vb = "vraagbaak/proef_vraag.md"
	tests := map[string]wil{
		"yaml_open_lijst":                        {fout, "yaml", proef, 26, 0, "", "", "ongeldige YAML", ""},
		"schema_verplicht_veld_ontbreekt":        {fout, "schema", proef, 16, 5, "", "/doelen/0", `verplicht veld ontbreekt: "label"`, ""},
		"schema_onbekend_veld":                   {fout, "schema", proef, 33, 5, "", "/routes/0/kleur", `onbekend veld "kleur"`, ""},
		"schema_sleutel_tikfout":                 {fout, "schema", proef, 18, 5, "", "/doelen/0/omschrijvng", `onbekend veld "omschrijvng"`, "omschrijving"},
		"datum_bestaat_niet":                     {fout, "datum", proef, 6, 1, "", "/geldig_vanaf", `datum "2018-02-30" bestaat niet: februari 2018 heeft 28 dagen`, ""},
		"schema_verkeerde_enum":                  {fout, "schema", proef, 4, 1, "", "/status", "waarde niet toegestaan", ""},
		"schema_ongeldige_datum":                 {fout, "schema", proef, 6, 1, "", "/geldig_vanaf", "ongeldige waarde", ""},
		"onbekende_grondslag_in_route":           {fout, "onbekende_verwijzing", proef, 30, 19, "", "/routes/0/grondslagen/0", `onbekende grondslag "avg_6_1_ee"`, "avg_6_1_e"},
		"onbekende_voorwaarde_in_doel":           {fout, "onbekende_verwijzing", proef, 20, 19, "", "/doelen/0/voorwaarden/0", `onbekende voorwaarde "noodzak"`, "noodzaak"},
		"onbekende_partij_in_deelnemers":         {fout, "onbekende_verwijzing", proef, 13, 6, "", "/deelnemers/0/partij", `onbekende partij "wijkteem"`, "wijkteam"},
		"onbekend_doel_in_route":                 {fout, "onbekende_verwijzing", proef, 29, 14, "", "/routes/0/doelen/0", `onbekend doel "proef_overleggen"`, "proef_overleg"},
		"onbekende_gegevens_in_doel":             {fout, "onbekende_verwijzing", proef, 19, 20, "", "/doelen/0/max_gegevens/0", `onbekende gegevenscategorie "identificerent"`, "identificerend"},
		"dubbel_doel_id":                         {fout, "dubbel_id", proef, 22, 5, "", "/doelen/1/id", `id "proef_overleg" staat al in convenanten/proef.yaml`, ""},
		"dubbele_route_id_over_bestanden":        {fout, "dubbel_id", proef, 23, 5, "", "/routes/0/id", `route-id "eigen_taak_afzender" staat al in routes.yaml`, ""},
		"bestandsnaam_wijkt_af_van_id":           {fout, "bestandsnaam", proef, 1, 1, "", "/id", "het bestand moet proefje.yaml heten", ""},
		"deelname_eindigt_voor_begin":            {fout, "datum_volgorde", proef, 14, 77, "", "/deelnemers/1/tot", "tot 2024-06-30 ligt vóór vanaf 2025-01-01", ""},
		"deelname_overlappende_versies":          {fout, "overlappende_versies", proef, 15, 5, "", "/deelnemers/2", "partij politie staat ook in /deelnemers/1, met een periode die hiermee overlapt", ""},
		"convenant_verlopen":                     {waarschuwing, "convenant_verlopen", proef, 7, 1, "", "/geldig_tot", `convenant "proef" is verlopen`, ""},
		"route_zonder_grondslag":                 {waarschuwing, "route_zonder_grondslag", proef, 30, 5, "", "/routes/0/grondslagen", `route "proef_route" noemt geen grondslag`, ""},
		"grondslag_zonder_officiele_link":        {waarschuwing, "grond_zonder_officiele_link", "grondslagen.yaml", 0, 0, "bron: https://www.voorbeeld.nl", "", `grondslag "proef_grondslag" verwijst niet naar een officiële wettekst`, ""},
		"synoniem_dubbel":                        {waarschuwing, "synoniem_dubbel", "partijen.yaml", 0, 0, "agent]", "", `synoniem "agent" van partij "proef_boa" noemt ook "politie"`, ""},
		"voorwaarde_ongebruikt":                  {waarschuwing, "voorwaarde_ongebruikt", "voorwaarden.yaml", 0, 0, "id: proef_ongebruikt", "", `voorwaarde "proef_ongebruikt" wordt door geen doel`, ""},
		"vraagbaak_onbekende_partij":             {fout, "onbekende_verwijzing", vb, 7, 12, "", "/partijen/0", `onbekende partij "huisartz"`, "huisarts"},
		"vraagbaak_controle_zonder_datum":        {fout, "controle_zonder_datum", vb, 14, 5, "", "/controles/0/vraag", "een gepubliceerde controle mag niet van de datum van vandaag afhangen", ""},
		"vraagbaak_id_wijkt_af_van_bestandsnaam": {fout, "bestandsnaam", vb, 2, 1, "", "/id", "het bestand moet proef_vraagje.md heten", ""},
		"vraagbaak_onbekend_doel_in_controle":    {fout, "onbekende_verwijzing", vb, 18, 7, "", "/controles/0/vraag/doel", `onbekend doel "gevaar_afwende" in de vraag (doel)`, "gevaar_afwenden"},
		"vraagbaak_zonder_kort_antwoord":         {waarschuwing, "vraagbaak_zonder_kort_antwoord", vb, 25, 1, "", "", `geen kop "## Kort antwoord"`, ""},
		"vraagbaak_schema_onbekend_veld":         {fout, "schema", vb, 12, 1, "", "/auteur", `onbekend veld "auteur"`, ""},
		"vraagbaak_zonder_front_matter":          {fout, "vraagbaak_opmaak", vb, 1, 0, "", "", "de eerste regel moet --- zijn", ""},
	}

	paden, _ := filepath.Glob(filepath.Join(fixtures, "invalid", "*.txtar"))
	for _, pad := range paden {
		if _, ok := tests[strings.TrimSuffix(filepath.Base(pad), ".txtar")]; !ok {
			t.Errorf("%s staat niet in de tabel", pad)
		}
	}
	basis, err := kennisbank.Controleer(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	for naam, w := range tests {
		t.Run(naam, func(t *testing.T) {
			t.Parallel()
			pad := filepath.Join(fixtures, "invalid", naam+".txtar")
			if _, err := os.Stat(pad); err != nil {
				t.Fatalf("fixture ontbreekt: %v", err)
			}
			r, m := controleerMet(t, pad)
			var nieuw []kennisbank.Bevinding
			for _, b := range r.Bevindingen {
				if b.ID == "verwijzingen_niet_gecontroleerd" {
					continue // the note that an unreadable file stops some checks (TestControleerAlleFasen)
				}
				if !slices.ContainsFunc(basis.Bevindingen, func(x kennisbank.Bevinding) bool { return cmp.Equal(x, b) }) {
					nieuw = append(nieuw, b)
				}
			}
			if len(nieuw) != 1 {
				t.Fatalf("%d nieuwe bevindingen, wil er 1: %+v", len(nieuw), nieuw)
			}
			b := nieuw[0]
			if w.markering != "" {
				w.regel, w.kolom = positieVan(t, string(m[w.bestand].Data), w.markering)
			}
			got := wil{b.Ernst, b.ID, b.Bestand, b.Regel, b.Kolom, w.markering, b.Pointer, w.bericht, ""}
			if len(b.Suggesties) > 0 {
				got.suggestie0 = b.Suggesties[0]
			}
			if w.pointer == "" && w.markering != "" {
				w.pointer = b.Pointer // the pointer of an appended item depends on the embedded file; its position is checked
			}
			if diff := cmp.Diff(w, got, cmp.AllowUnexported(wil{})); diff != "" {
				t.Errorf("bevinding (-wil +kreeg):\n%s\n%+v", diff, b)
			}
			if !strings.Contains(b.Bericht, w.bericht) {
				t.Errorf("bericht %q bevat niet %q", b.Bericht, w.bericht)
			}
			if b.Hint == "" {
				t.Errorf("bevinding zonder hint: %+v", b)
			}
			wilFouten := 0
			if w.ernst == kennisbank.ErnstFout {
				wilFouten = 1
			}
			if r.Fouten != wilFouten {
				t.Errorf("Fouten = %d, wil %d", r.Fouten, wilFouten)
			}
		})
	}
}

// positieVan gives the line and column (1-based) where the last occurrence of markering starts.
func positieVan(t *testing.T, data, markering string) (regel, kolom int) {
	t.Helper()
	i := strings.LastIndex(data, markering)
	if i < 0 {
		t.Fatalf("markering %q niet gevonden", markering)
	}
	return strings.Count(data[:i], "\n") + 1, i - strings.LastIndex(data[:i], "\n")
}

// TestControleerAlleFasen: one run reports the findings of every phase: a schema error does not hide a
// wrong reference, a date that does not exist or a warning elsewhere. A file that cannot be read at all
// does stop the checks of references into it, and the report says so.
func TestControleerAlleFasen(t *testing.T) {
	t.Parallel()
	pad := filepath.Join(t.TempDir(), "fasen.txtar")
	proef := `id: proef
naam: Proefconvenant
soort: convenant
status: uitgewerkt
omschrijving: Een klein convenant.
geldig_vanaf: '2018-02-30'
geldig_tot: '2020-12-31'
zekerheid: laag
artikelen:
  - id: proef_doel
    titel: Doel
    bron: https://wetten.overheid.nl/BWBR0005291
deelnemers:
  - {partij: wijkteam, deelname: vast, zekerheid: laag}
doelen:
  - id: proef_overleg
    label: Proefoverleg
    omschrijvng: Overleg.
    voorwaarden: [noodzak]
    verenigbaar_met: []
routes:
  - id: proef_route
    titel: Proefroute
    tekst: Delen.
    lagen: [art6_van]
    van: ["@deelnemers"]
    naar: ["@deelnemers"]
    doelen: [proef_overleg]
    grondslagen: [avg_6_1_e]
    oordeel: toegestaan_onder_voorwaarden
    zekerheid: laag
`
	if err := os.WriteFile(pad, []byte("-- convenanten/proef.yaml --\n"+proef), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := controleerMet(t, pad)
	ids := map[string]bool{}
	for _, b := range r.Bevindingen {
		if b.Bestand == "convenanten/proef.yaml" {
			ids[b.ID] = true
		}
	}
	for _, id := range []string{"schema", "datum", "onbekende_verwijzing", "convenant_verlopen"} {
		if !ids[id] {
			t.Errorf("geen bevinding %s in dezelfde run: %+v", id, r.Bevindingen)
		}
	}

	// Broken YAML: the references into covenants are not checked, and the report says so.
	if err := os.WriteFile(pad, []byte("-- convenanten/proef.yaml --\nid: proef\ndoelen: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ = controleerMet(t, pad)
	if !slices.ContainsFunc(r.Bevindingen, func(b kennisbank.Bevinding) bool { return b.ID == "verwijzingen_niet_gecontroleerd" }) {
		t.Errorf("geen melding dat verwijzingen niet gecontroleerd zijn: %+v", r.Bevindingen)
	}
	if r.Fouten != 1 {
		t.Errorf("%d fouten, verwacht alleen de YAML-fout: %+v", r.Fouten, r.Bevindingen)
	}
}

// TestAanspreekvorm: a text that says je instead of u is one warning per file, at its first line, in YAML
// values and in a vraagbaak entry's front matter as well as its body.
func TestAanspreekvorm(t *testing.T) {
	t.Parallel()
	m := toetshulp.KopieFS(t, convenants.FS, nil)
	toetshulp.Vervang(t, m, "vraagbaak/acuut_gevaar.md", "Bij acuut gevaar mag u delen", "Bij acuut gevaar mag je delen")
	toetshulp.Vervang(t, m, "vraagbaak/acuut_gevaar.md", "## Kort antwoord", "## Kort antwoord\n\nDan deel je het minimum.")
	r, err := kennisbank.Controleer(m)
	if err != nil {
		t.Fatal(err)
	}
	var gevonden []kennisbank.Bevinding
	for _, b := range r.Bevindingen {
		if b.ID == "aanspreekvorm" {
			gevonden = append(gevonden, b)
		}
	}
	if len(gevonden) != 1 {
		t.Fatalf("%d aanspreekvorm-bevindingen, verwacht 1: %+v", len(gevonden), gevonden)
	}
	b := gevonden[0]
	if b.Bestand != "vraagbaak/acuut_gevaar.md" || b.Regel != 4 || b.Pointer != "/samenvatting" ||
		!strings.Contains(b.Bericht, "mag je delen") || !strings.Contains(b.Bericht, "ook op regel") {
		t.Errorf("bevinding %+v, verwacht vraagbaak/acuut_gevaar.md regel 4 (/samenvatting) en de regel in de tekst", b)
	}
}
