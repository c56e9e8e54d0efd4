package library_test

import (
	"context"
	"errors"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// vraagbaakFixtures is a vraagbaak of three entries for tests that must not depend on the published
// entries in convenants/vraagbaak.
const vraagbaakFixtures = "../testdata/vraagbaak"

// metVraagbaakFixtures is the embedded knowledge base with its vraagbaak replaced by the fixtures.
func metVraagbaakFixtures(t testing.TB) fstest.MapFS {
	return toetshulp.MetVraagbaak(t, convenants.FS, vraagbaakFixtures)
}

func laadFixtures(t *testing.T) *kennisbank.Kennisbank {
	t.Helper()
	kb, err := kennisbank.LaadKennisbank(metVraagbaakFixtures(t))
	if err != nil {
		t.Fatalf("LaadKennisbank: %v", err)
	}
	return kb
}

func TestVraagbaakLaden(t *testing.T) {
	t.Parallel()
	kb := laadFixtures(t)
	var ids []string
	for _, it := range kb.Vraagbaak() {
		ids = append(ids, it.ID)
	}
	if diff := cmp.Diff([]string{"huisarts_acuut_gevaar", "veilig_thuis_melding", "wgs_verandering"}, ids); diff != "" {
		t.Errorf("ids (-wil +kreeg):\n%s", diff)
	}
	if diff := cmp.Diff(ids, kb.IDs("vraagbaak")); diff != "" {
		t.Errorf("IDs(vraagbaak) (-wil +kreeg):\n%s", diff)
	}

	it, ok := kb.Vraagbaakitem("huisarts_acuut_gevaar")
	if !ok {
		t.Fatal("huisarts_acuut_gevaar niet gevonden")
	}
	wil := kennisbank.Vraagbaakitem{
		ID:           "huisarts_acuut_gevaar",
		Vraag:        "Mag ik als huisarts de politie waarschuwen als mijn patiënt dreigt iemand iets aan te doen?",
		Samenvatting: "Ja, bij acuut gevaar na de toets conflict van plichten; deel alleen het minimum met wie het gevaar kan afwenden.",
		Trefwoorden:  []string{"beroepsgeheim", "acuut gevaar", "conflict van plichten", "doorbreken"},
		Convenanten:  []string{},
		Partijen:     []string{"huisarts", "politie"},
		Gegevens:     []string{"identificerend", "gezondheid"},
		Doelen:       []string{"gevaar_afwenden"},
		Bronnen:      []string{"conflict_van_plichten", "wgbo_7_457", "avg_6_1_d"},
		Zekerheid:    "middel",
		ZieOok:       []string{"veilig_thuis_melding"},
		Controles: []kennisbank.Vraagbaakcontrole{
			{
				Vraag: kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"identificerend", "gezondheid"},
					Doel: "gevaar_afwenden", Datum: "2026-03-01", Feiten: map[string]any{"acuut_gevaar": true, "toestemming": "onmogelijk"}},
				Verwacht: kennisbank.Verwachting{Oordeel: kennisbank.ToegestaanOnderVoorwaarden, Voorwaarden: []string{"cvp_toets"}},
			},
			{
				Vraag: kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"gezondheid"},
					Doel: "gevaar_afwenden", Datum: "2026-03-01", Feiten: map[string]any{"acuut_gevaar": false, "toestemming": "geweigerd"}},
				Verwacht: kennisbank.Verwachting{Oordeel: kennisbank.NietToegestaan},
			},
		},
		Bestand: "vraagbaak/huisarts_acuut_gevaar.md",
	}
	tekst := it.Tekst
	it.Tekst = ""
	if diff := cmp.Diff(wil, it); diff != "" {
		t.Errorf("item (-wil +kreeg):\n%s", diff)
	}
	if !strings.HasPrefix(tekst, "## Kort antwoord\n\nJa, als er **acuut gevaar** is") || strings.Contains(tekst, "---") {
		t.Errorf("tekst is niet de body onder de front matter: %q", tekst)
	}

	// Zonder zekerheid en zie_ook: leeg, niet nil.
	wgs, _ := kb.Vraagbaakitem("wgs_verandering")
	if wgs.Zekerheid != "" || wgs.ZieOok == nil || len(wgs.ZieOok) != 0 || len(wgs.Controles) != 0 || wgs.Controles == nil {
		t.Errorf("optionele velden: %+v", wgs)
	}
	if _, ok := kb.Vraagbaakitem("bestaat_niet"); ok {
		t.Error("Vraagbaakitem(bestaat_niet) gevonden")
	}
	var oid *kennisbank.OnbekendeIDFout
	if err := kb.OnbekendVraagbaakitem("huisarts_acuut_gevar"); !errors.As(err, &oid) || oid.Suggesties[0] != "huisarts_acuut_gevaar" {
		t.Errorf("OnbekendVraagbaakitem: %v", err)
	} else if got := err.Error(); got != `id: onbekend vraagbaakitem "huisarts_acuut_gevar"; bedoelde u "huisarts_acuut_gevaar"?` {
		t.Errorf("bericht %q", got)
	}
	if err := kb.OnbekendVraagbaakitem("wgs_verandering"); err != nil {
		t.Errorf("OnbekendVraagbaakitem(bestaand) = %v", err)
	}

	// The rules see the front matter, not the body.
	vb, _ := kb.Data()["vraagbaak"].(map[string]any)
	fm, _ := vb["veilig_thuis_melding"].(map[string]any)
	if fm["vraag"] != "Wanneer meld ik bij Veilig Thuis volgens de meldcode?" || fm["tekst"] != nil {
		t.Errorf("data.kennisbank.vraagbaak.veilig_thuis_melding = %v", fm)
	}
}

// TestVraagbaakAfwezig: a knowledge base without vraagbaak/ is valid and has an empty vraagbaak.
func TestVraagbaakAfwezig(t *testing.T) {
	t.Parallel()
	m := metVraagbaakFixtures(t)
	for p := range m {
		if strings.HasPrefix(p, "vraagbaak/") {
			delete(m, p)
		}
	}
	kb, err := kennisbank.LaadKennisbank(m)
	if err != nil {
		t.Fatalf("LaadKennisbank zonder vraagbaak: %v", err)
	}
	if n := len(kb.Vraagbaak()); n != 0 {
		t.Errorf("%d items", n)
	}
	if h := kb.ZoekVraagbaak(""); len(h) != 0 || h == nil {
		t.Errorf("ZoekVraagbaak = %v, wil een lege lijst", h)
	}
	if vb, ok := kb.Data()["vraagbaak"].(map[string]any); !ok || len(vb) != 0 {
		t.Errorf("data.kennisbank.vraagbaak = %v, wil {}", kb.Data()["vraagbaak"])
	}
}

// TestVraagbaakVersie: the version hash covers the entries, body included.
func TestVraagbaakVersie(t *testing.T) {
	t.Parallel()
	m := metVraagbaakFixtures(t)
	voor := laadFixtures(t).Versie()
	n := maps.Clone(m)
	n["vraagbaak/wgs_verandering.md"] = &fstest.MapFile{Data: append(append([]byte(nil), m["vraagbaak/wgs_verandering.md"].Data...), "\nEen extra zin.\n"...)}
	kb, err := kennisbank.LaadKennisbank(n)
	if err != nil {
		t.Fatal(err)
	}
	if kb.Versie() == voor {
		t.Error("de versie verandert niet als de tekst van een vraagbaakitem verandert")
	}
}

func TestZoekVraagbaak(t *testing.T) {
	t.Parallel()
	kb := laadFixtures(t)
	alle := []string{"huisarts_acuut_gevaar", "veilig_thuis_melding", "wgs_verandering"}
	tests := []struct {
		naam, term string
		wil        []string // the ids of the hits, in order
	}{
		{"leeg: alles op id", "", alle},
		{"alleen stopwoorden: alles", "ik mag het", alle},
		{"hoofdletters", "MELDCODE", []string{"veilig_thuis_melding"}},
		{"label van een partij", "veilig thuis", []string{"veilig_thuis_melding", "wgs_verandering"}},
		{"meervoud van een partij", "huisartsen", []string{"huisarts_acuut_gevaar", "veilig_thuis_melding"}},
		{"diakrieten in de zoekterm", "coördinatie", []string{"wgs_verandering"}},
		{"diakrieten in de tekst", "patient", []string{"huisarts_acuut_gevaar"}},
		{"werkwoordsvorm", "gemeld", []string{"veilig_thuis_melding"}},
		{"bijvoeglijk en meervoud", "acute gevaren", []string{"huisarts_acuut_gevaar", "veilig_thuis_melding"}},
		{"vraag zoals een professional hem stelt", "Mag ik als huisarts delen met de politie?", []string{"huisarts_acuut_gevaar", "wgs_verandering", "veilig_thuis_melding"}},
		{"id van een convenant", "zvht", []string{"wgs_verandering"}},
		{"id van een doel", "gevaar_afwenden", []string{"huisarts_acuut_gevaar"}},
		{"afkorting", "WGS", []string{"wgs_verandering"}},
		{"niets", "xyzzy", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			hits := kb.ZoekVraagbaak(tt.term)
			got := []string{}
			for _, h := range hits {
				got = append(got, h.Item.ID)
			}
			if diff := cmp.Diff(tt.wil, got); diff != "" {
				t.Errorf("ZoekVraagbaak(%q) (-wil +kreeg):\n%s\n%+v", tt.term, diff, scores(hits))
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("niet gerangschikt: %v", scores(hits))
				}
			}
		})
	}

	// Weights: a word in the question and the keywords counts more than the same word only in the body.
	vraag := kb.ZoekVraagbaak("meldcode")[0].Score // vraag 3 + trefwoorden 3 + samenvatting 2 + label (meldcode_melding) 2 + tekst 1
	tekst := kb.ZoekVraagbaak("vijf")[0].Score     // only in the body
	if vraag != 11 || tekst != 1 {
		t.Errorf("scores meldcode %v, vijf %v; wil 11 en 1", vraag, tekst)
	}
	// A prefix match counts half.
	if s := kb.ZoekVraagbaak("beroepsgeheimhouders")[0]; s.Item.ID != "veilig_thuis_melding" || s.Score != 1 {
		t.Errorf("beroepsgeheimhouders: %+v", scores(kb.ZoekVraagbaak("beroepsgeheimhouders")))
	}
}

func scores(hs []kennisbank.Treffer) map[string]float64 {
	m := map[string]float64{}
	for _, h := range hs {
		m[h.Item.ID] = h.Score
	}
	return m
}

func TestToetsVraagbaak(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := metVraagbaakFixtures(t)
	e, err := library.New(ctx, library.MetKennisbank(m), library.ZonderAlternatieven())
	if err != nil {
		t.Fatal(err)
	}
	r := library.ToetsVraagbaak(ctx, e)
	if r.Geslaagd != 2 || r.Mislukt != 0 || len(r.Uitslagen) != 2 {
		t.Fatalf("rapport %+v", r)
	}
	for i, u := range r.Uitslagen {
		if wil := "huisarts_acuut_gevaar#" + string(rune('1'+i)); u.ID != wil || u.Bestand != "vraagbaak/huisarts_acuut_gevaar.md" {
			t.Errorf("uitslag %d: id %q bestand %q, wil %q", i, u.ID, u.Bestand, wil)
		}
	}
	if r.Uitslagen[1].Oordeel != kennisbank.NietToegestaan {
		t.Errorf("oordeel %s", r.Uitslagen[1].Oordeel)
	}

	// A covenant change (here: an expectation) that contradicts the answer fails the check.
	vervang(t, m, "vraagbaak/huisarts_acuut_gevaar.md", "      oordeel: niet_toegestaan", "      oordeel: toegestaan")
	e, err = library.New(ctx, library.MetKennisbank(m), library.ZonderAlternatieven())
	if err != nil {
		t.Fatal(err)
	}
	r = library.ToetsVraagbaak(ctx, e)
	if r.Geslaagd != 1 || r.Mislukt != 1 {
		t.Fatalf("rapport %+v", r)
	}
	if u := r.Uitslagen[1]; u.Geslaagd || len(u.Verschillen) != 1 || u.Verschillen[0] != "oordeel is niet_toegestaan, verwacht toegestaan" {
		t.Errorf("uitslag %+v", u)
	}
}

// TestVraagbaakIngebouwd: every check of every published entry agrees with the rules, so a covenant
// change that contradicts a published answer fails CI.
func TestVraagbaakIngebouwd(t *testing.T) {
	zwaar(t)
	t.Parallel()
	ctx := context.Background()
	e, err := library.New(ctx, library.ZonderAlternatieven())
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Kennisbank().Vraagbaak()) == 0 {
		t.Fatal("de ingebouwde kennisbank heeft geen vraagbaak")
	}
	r := library.ToetsVraagbaak(ctx, e)
	if len(r.Uitslagen) == 0 {
		t.Fatal("de vraagbaak heeft geen controles")
	}
	for _, u := range r.Uitslagen {
		if !u.Geslaagd {
			t.Errorf("%s (%s): %s", u.ID, u.Bestand, strings.Join(u.Verschillen, "; "))
		}
	}
	t.Logf("%d controles in %d vraagbaakitems", len(r.Uitslagen), len(e.Kennisbank().Vraagbaak()))
}

// TestVraagbaakOpmaak: a defect in the frame of an entry names the file and the line of the whole file
// (the front matter starts on line 2).
func TestVraagbaakOpmaak(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam, inhoud string
		soort        string
		regel        int
		bericht      string
	}{
		{"geen front matter", "## Kort antwoord\n", "vraagbaak_opmaak", 1, "de eerste regel moet --- zijn"},
		{"niet afgesloten", "---\nid: x\n", "vraagbaak_opmaak", 1, "niet afgesloten"},
		{"lege front matter", "---\n\n---\ntekst\n", "vraagbaak_opmaak", 2, "de front matter is leeg"},
		{"ongeldige YAML", "---\nid: x\nvraag: [open\nsamenvatting: y\n---\n", "yaml", 3, "ongeldige YAML"},
		{"dubbele sleutel", "---\nid: x\nid: y\n---\n", "yaml", 3, `sleutel "id" staat er twee keer`},
		{"geen object", "---\n- een lijst\n---\n", "schema", 2, "verkeerd type"},
		{"Windows-regeleinden en BOM", "\ufeff---\r\nid: x\r\nvraag: [open\r\n---\r\n", "yaml", 3, "ongeldige YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			m := metVraagbaakFixtures(t)
			m["vraagbaak/x.md"] = &fstest.MapFile{Data: []byte(tt.inhoud)}
			_, err := kennisbank.LaadKennisbank(m)
			var fouten kennisbank.KennisbankFouten
			if !errors.As(err, &fouten) || len(fouten) != 1 {
				t.Fatalf("LaadKennisbank: %v, wil één fout", err)
			}
			f := fouten[0]
			if f.Soort != tt.soort || f.Bestand != "vraagbaak/x.md" || f.Regel != tt.regel || !strings.Contains(f.Bericht, tt.bericht) {
				t.Errorf("fout %+v, wil %s op regel %d met %q", f, tt.soort, tt.regel, tt.bericht)
			}
		})
	}
}
