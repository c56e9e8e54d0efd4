package library_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// convenantRuimte is the decision space of one covenant, read from the knowledge base.
type convenantRuimte struct {
	id, vanaf    string
	kringOpen    bool
	vereist      map[string]any
	doelen       []string
	partijen     []string // organisations
	zelfstandig  map[[3]string]bool
	strikt       map[string]bool
	art9         map[string]bool
	categorieSet []string
}

func leesRuimte(t *testing.T, kb *kennisbank.Kennisbank, id string) convenantRuimte {
	t.Helper()
	c := kb.Item("convenanten", id)
	r := convenantRuimte{id: id, zelfstandig: map[[3]string]bool{}, strikt: map[string]bool{}, art9: map[string]bool{}}
	r.vanaf, _ = c["geldig_vanaf"].(string)
	r.kringOpen = c["kring"] == "open"
	r.vereist, _ = c["vereist_feiten"].(map[string]any)
	for _, d := range c["doelen"].([]any) {
		r.doelen = append(r.doelen, d.(map[string]any)["id"].(string))
	}
	for _, p := range kb.IDs("partijen") {
		item := kb.Item("partijen", p)
		if item["soort"] == "organisatie" {
			r.partijen = append(r.partijen, p)
		}
		if g, ok := item["geheimhouding"].(map[string]any); ok && g["strikt"] == true {
			r.strikt[p] = true
		}
	}
	for _, g := range kb.IDs("gegevens") {
		for _, k := range kb.Item("gegevens", g)["klassen"].([]any) {
			if k == "art9" {
				r.art9[g] = true
			}
		}
	}
	// Self-standing statutory routes decide instead of the covenant (routes.yaml, zelfstandig: true).
	for _, route := range kb.Data()["routes"].([]any) {
		rm := route.(map[string]any)
		if rm["zelfstandig"] != true {
			continue
		}
		for _, v := range rm["van"].([]any) {
			for _, n := range rm["naar"].([]any) {
				for _, d := range rm["doelen"].([]any) {
					r.zelfstandig[[3]string{v.(string), n.(string), d.(string)}] = true
				}
			}
		}
	}
	// One category per AVG class and special regime, and the BSN.
	r.categorieSet = []string{"identificerend", "gezondheid", "strafrechtelijk", "bsn"}
	return r
}

// ontvangers picks a rotating subset of the organisations plus the pseudo-role niet_deelnemer, so that
// across the senders every recipient occurs while each question stays small.
func (r convenantRuimte) ontvangers(i int) []string {
	var out []string
	for j, p := range r.partijen {
		if (i+j)%5 == 0 {
			out = append(out, p)
		}
	}
	return append(out, "niet_deelnemer")
}

type profiel struct {
	naam   string
	datum  string
	feiten map[string]any
}

// TestEigenschappenPerConvenant checks, for every covenant in the knowledge base, every purpose and every
// sender, the properties of the foundation issue: every positive cell cites an official text; a strict
// secrecy holder's art. 9 data is positive only through a route in the secrecy layer; a non-participant
// (or a recipient stated not to participate) is never allowed under a covenant with a closed circle,
// unless a self-standing statutory route decides; nothing is allowed before the covenant is valid;
// a bill gives nothing without its "stel dat" fact, and with it only certainty laag.
func TestEigenschappenPerConvenant(t *testing.T) {
	zwaar(t)
	t.Parallel()
	e, err := library.New(context.Background(), library.ZonderAlternatieven())
	if err != nil {
		t.Fatal(err)
	}
	kb := e.Kennisbank()
	for _, cid := range kb.IDs("convenanten") {
		t.Run(cid, func(t *testing.T) {
			t.Parallel()
			r := leesRuimte(t, kb, cid)
			profielen := []profiel{
				{"gewoon", "2026-03-01", map[string]any{"inclusiecriteria": true, "toestemming": "niet_gevraagd"}},
				{"ontvanger_geen_deelnemer", "2026-03-01", map[string]any{"deelnemer_naar": false, "acuut_gevaar": false}},
			}
			if r.vanaf != "" {
				profielen = append(profielen, profiel{"voor_het_convenant", "2010-06-01", map[string]any{"toestemming": "gegeven"}})
			}
			for k, v := range r.vereist {
				profielen = append(profielen,
					profiel{"zonder_" + k, "2026-03-01", map[string]any{"meervoudig_samenhangend": true, "toestemming": "gegeven"}},
					profiel{"stel_dat_" + k, "2026-03-01", map[string]any{k: v, "meervoudig_samenhangend": true, "coordinator": true}})
			}
			vragen := 0
			for di, doel := range r.doelen {
				for pi, van := range r.partijen {
					// Every purpose with every sender under one profile; the profiles rotate over the senders,
					// so each profile meets every purpose and a spread of senders. -short takes a third.
					for fi, p := range profielen {
						if (di+pi+fi)%len(profielen) != 0 {
							continue
						}
						if testing.Short() && (di+pi)%3 != 0 {
							continue
						}
						vragen++
						v := kennisbank.Vraag{Van: van, Naar: r.ontvangers(pi + di), Gegevens: r.categorieSet, Doel: doel, Datum: p.datum, Feiten: p.feiten}
						a, err := e.Beantwoord(context.Background(), v)
						if err != nil {
							t.Fatalf("%s %s %s: %v", doel, van, p.naam, err)
						}
						for _, fout := range r.schendingen(v, p, a) {
							t.Errorf("%s: %s (%s) → %s", cid, fout, p.naam, vraagTekst(v))
						}
					}
				}
			}
			if vragen < len(r.doelen)*len(r.partijen)/12 {
				t.Fatalf("te weinig vragen doorgerekend: %d", vragen)
			}
		})
	}
}

func (r convenantRuimte) schendingen(v kennisbank.Vraag, p profiel, a library.Antwoord) []string {
	var out []string
	if positief(a.Oordeel) && len(a.Grondslagen) == 0 {
		out = append(out, "positief antwoord zonder grondslag")
	}
	for _, c := range a.Deeloordelen {
		if !positief(c.Oordeel) {
			continue
		}
		cel := fmt.Sprintf("%s × %s: %s", c.Naar, c.Gegevens, c.Oordeel)
		if !heeftOfficieleGrondslag(c.Grondslagen) {
			out = append(out, cel+" zonder officiële bron")
		}
		if r.strikt[v.Van] && r.art9[c.Gegevens] && !slices.ContainsFunc(c.Keten, func(s library.Stap) bool { return s.Laag == "geheim" && s.Status == "route" }) {
			out = append(out, cel+": art. 9 van een beroepsgeheimhouder zonder doorbreking in de keten")
		}
		zelfstandig := r.zelfstandig[[3]string{v.Van, c.Naar, v.Doel}]
		if zelfstandig {
			continue
		}
		if !r.kringOpen && (c.Naar == "niet_deelnemer" || p.feiten["deelnemer_naar"] == false) {
			out = append(out, cel+": ontvanger is geen deelnemer")
		}
		if r.vanaf != "" && v.Datum < r.vanaf {
			out = append(out, cel+": vóór de looptijd van het convenant")
		}
		for k, w := range r.vereist {
			if p.feiten[k] != w {
				out = append(out, cel+": wetsvoorstel zonder "+k)
			}
		}
	}
	if len(r.vereist) > 0 && positief(a.Oordeel) && a.Zekerheid != "laag" {
		out = append(out, "wetsvoorstel met zekerheid "+a.Zekerheid)
	}
	return out
}

func vraagTekst(v kennisbank.Vraag) string {
	return fmt.Sprintf("%s → %v, %s, %s, %v", v.Van, v.Naar, v.Doel, v.Datum, v.Feiten)
}

// TestParenPerConvenant checks questions that differ in exactly one fact, and must differ in verdict or basis
// exactly as the legal brief says.
func TestParenPerConvenant(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	type kant struct {
		feiten  map[string]any
		datum   string
		oordeel kennisbank.Oordeel
		grond   string // a legal ground that must be cited, if any
	}
	tests := []struct {
		naam  string
		vraag kennisbank.Vraag
		a, b  kant
	}{
		{
			naam:  "toestemming op AVE-niveau 1",
			vraag: kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"identificerend", "signaal"}, Doel: "ave_signaleren", Fase: "ave1"},
			a:     kant{feiten: map[string]any{"toestemming": "niet_gevraagd"}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"toestemming": "gegeven"}, oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "avg_6_1_a"},
		},
		{
			naam:  "Wgs-vroegsignalering pas vanaf 2021-01-01",
			vraag: kennisbank.Vraag{Van: "woningcorporatie", Naar: kennisbank.Ontvangers{"gemeente_college"}, Gegevens: []string{"identificerend", "financieel"}, Doel: "vss_signaal", Feiten: map[string]any{"wettelijke_stappen": true}},
			a:     kant{datum: "2020-06-01", oordeel: kennisbank.NietToegestaan},
			b:     kant{datum: "2021-06-01", oordeel: kennisbank.Toegestaan, grond: "besluit_schuldhulpverlening_2"},
		},
		{
			naam:  "Wams alleen als stel dat",
			vraag: kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"gemeente_college"}, Gegevens: []string{"financieel"}, Doel: "wams_gecoordineerde_aanpak", Feiten: map[string]any{"meervoudig_samenhangend": true, "coordinator": true}},
			a:     kant{feiten: map[string]any{"wams_in_werking": false}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"wams_in_werking": true}, oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "wams_wetsvoorstel"},
		},
		{
			naam:  "inclusiecriteria ZVH",
			vraag: kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"zvh_procesregisseur"}, Gegevens: []string{"identificerend", "signaal"}, Doel: "zvh_aanmelding", Datum: "2025-06-01"},
			a:     kant{feiten: map[string]any{"inclusiecriteria": false}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"inclusiecriteria": true}, oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "wgs_samenwerkingsverbanden_1_5_1"},
		},
		{
			naam:  "leeftijdsgrens toestemming: een kind van 10 beslist niet zelf",
			vraag: kennisbank.Vraag{Van: "ggz", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"gezondheid"}, Doel: "ave_hulp", Fase: "ave2", Feiten: map[string]any{"toestemming": "gegeven", "toestemming_door": "betrokkene", "acuut_gevaar": false}},
			a:     kant{feiten: map[string]any{"leeftijd": 10}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"leeftijd": 16}, oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "wgbo_7_457"},
		},
		{
			naam:  "niveau van het doel",
			vraag: kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"signaal"}, Doel: "ave_signaleren", Feiten: map[string]any{"toestemming": "gegeven"}},
			a:     kant{feiten: map[string]any{"_fase": "ave3"}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"_fase": "ave1"}, oordeel: kennisbank.ToegestaanOnderVoorwaarden},
		},
		{
			naam:  "afschalen: wie geen rol meer heeft, krijgt niets meer",
			vraag: kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"signaal"}, Doel: "ave_afschalen", Fase: "ave2"},
			a:     kant{feiten: map[string]any{"rol_in_casus": false}, oordeel: kennisbank.NietToegestaan},
			b:     kant{feiten: map[string]any{"rol_in_casus": true}, oordeel: kennisbank.ToegestaanOnderVoorwaarden},
		},
		{
			naam:  "WGS-datumwissel voor de politie",
			vraag: kennisbank.Vraag{Van: "politie", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"politiegegevens"}, Doel: "zvh_casusoverleg", Feiten: map[string]any{"inclusiecriteria": true}},
			a:     kant{datum: "2025-02-28", oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "wpg_20_1"},
			b:     kant{datum: "2025-03-01", oordeel: kennisbank.ToegestaanOnderVoorwaarden, grond: "wpg_20_3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			for _, k := range []kant{tt.a, tt.b} {
				v := tt.vraag
				v.Feiten = map[string]any{}
				for f, w := range tt.vraag.Feiten {
					v.Feiten[f] = w
				}
				for f, w := range k.feiten {
					if f == "_fase" {
						v.Fase = w.(string)
						continue
					}
					v.Feiten[f] = w
				}
				if k.datum != "" {
					v.Datum = k.datum
				} else if v.Datum == "" {
					v.Datum = "2026-03-01"
				}
				a, err := e.Beantwoord(context.Background(), v)
				if err != nil {
					t.Fatalf("Beantwoord(%s): %v", vraagTekst(v), err)
				}
				if a.Oordeel != k.oordeel {
					t.Errorf("%s: oordeel %s, verwacht %s; redenen %v", vraagTekst(v), a.Oordeel, k.oordeel, a.Redenen)
				}
				if k.grond != "" && !slices.ContainsFunc(a.Grondslagen, func(g library.Grondslag) bool { return g.ID == k.grond }) {
					t.Errorf("%s: grondslag %s ontbreekt in %v", vraagTekst(v), k.grond, a.Grondslagen)
				}
			}
		})
	}
}
