package kennisbank_test

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The typed covenant holds everything its file says: written back as JSON it is the plain data the rules
// read (apart from volgorde, which the loader adds). A field the schema gains but the struct lacks fails
// here, not silently in a view.
func TestConvenantGetypeerdIsDeData(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	ids := kb.IDs("convenanten")
	if len(ids) == 0 {
		t.Fatal("geen convenanten")
	}
	for _, id := range ids {
		c, ok := kb.Convenant(id)
		if !ok || c.ID != id {
			t.Fatalf("Convenant(%s) = %v, %v", id, c.ID, ok)
		}
		var getypeerd, ruw any
		mustJSON(t, c, &getypeerd)
		item := maps.Clone(kb.Item("convenanten", id)) // Item is the shared data: never change it
		delete(item, "volgorde")
		mustJSON(t, item, &ruw)
		ruw = zonderLegeLijsten(ruw) // omitempty leaves an empty list out; MaxGegevens keeps it (below)
		if d := cmp.Diff(ruw, getypeerd); d != "" {
			t.Errorf("convenant %s: getypeerd wijkt af van de data (-data +getypeerd):\n%s", id, d)
		}
	}
	if _, ok := kb.Convenant("bestaat_niet"); ok {
		t.Error("Convenant(bestaat_niet) gevonden")
	}

	// max_gegevens: [] (no personal data) is not the same as no max_gegevens (no limit).
	zvht, _ := kb.Convenant("zvht")
	leeg, zonder := 0, 0
	for _, d := range zvht.Doelen {
		_, gezegd := kb.Item("convenanten", "zvht")["doelen"].([]any)[indexVan(zvht.Doelen, d.ID)].(map[string]any)["max_gegevens"]
		switch {
		case d.MaxGegevens != nil && len(d.MaxGegevens) == 0:
			leeg++
			if !gezegd {
				t.Errorf("doel %s: lege max_gegevens zonder dat het bestand die noemt", d.ID)
			}
		case d.MaxGegevens == nil:
			zonder++
			if gezegd {
				t.Errorf("doel %s: max_gegevens in het bestand, maar nil", d.ID)
			}
		}
	}
	if leeg == 0 {
		t.Error("geen ZVHT-doel met max_gegevens: []; de toets toetst niets meer")
	}
}

func indexVan(ds []kennisbank.ConvenantDoel, id string) int {
	for i, d := range ds {
		if d.ID == id {
			return i
		}
	}
	return -1
}

// zonderLegeLijsten drops the object keys whose value is an empty list, at every depth.
func zonderLegeLijsten(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, w := range x {
			if l, ok := w.([]any); ok && len(l) == 0 {
				delete(x, k)
				continue
			}
			x[k] = zonderLegeLijsten(w)
		}
	case []any:
		for i, w := range x {
			x[i] = zonderLegeLijsten(w)
		}
	}
	return v
}

// mustJSON writes v as JSON and reads it back into uit.
func mustJSON(t *testing.T, v, uit any) {
	t.Helper()
	bs, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(bs, uit); err != nil {
		t.Fatal(err)
	}
}

// The typed routes are the routes the rules read, field for field.
func TestRoutesGetypeerdZijnDeData(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	var ruw any
	mustJSON(t, kb.Data()["routes"], &ruw)
	ruw = zonderLegeLijsten(ruw)
	var getypeerd any
	mustJSON(t, kb.Routes(), &getypeerd)
	if d := cmp.Diff(ruw, getypeerd); d != "" {
		t.Errorf("getypeerde routes wijken af van de data (-data +getypeerd):\n%s", d)
	}
	eigen := 0
	for _, r := range kb.Routes() {
		if r.Convenant != "" {
			eigen++
		}
	}
	if eigen == 0 || eigen == len(kb.Routes()) {
		t.Errorf("%d van %d routes uit een convenant; verwacht er een deel", eigen, len(kb.Routes()))
	}
}

// The typed parties, categories and conditions hold everything their files say, like the covenants: each
// written back as JSON is the plain data the rules read (apart from volgorde, which the loader adds).
func TestWoordenGetypeerdZijnDeData(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	soorten := []struct {
		soort string
		typ   func(id string) (any, string, bool)
	}{
		{"partijen", func(id string) (any, string, bool) { p, ok := kb.Partij(id); return p, p.ID, ok }},
		{"gegevens", func(id string) (any, string, bool) { c, ok := kb.Categorie(id); return c, c.ID, ok }},
		{"voorwaarden", func(id string) (any, string, bool) { v, ok := kb.Voorwaarde(id); return v, v.ID, ok }},
	}
	for _, s := range soorten {
		t.Run(s.soort, func(t *testing.T) {
			ids := kb.IDs(s.soort)
			if len(ids) == 0 {
				t.Fatal("geen items")
			}
			for _, id := range ids {
				v, vid, ok := s.typ(id)
				if !ok || vid != id {
					t.Fatalf("%s %s: gevonden %v, id %q", s.soort, id, ok, vid)
				}
				var getypeerd, ruw any
				mustJSON(t, v, &getypeerd)
				item := maps.Clone(kb.Item(s.soort, id))
				delete(item, "volgorde")
				mustJSON(t, item, &ruw)
				if d := cmp.Diff(zonderLegeLijsten(ruw), zonderLegeLijsten(getypeerd)); d != "" {
					t.Errorf("%s %s: getypeerd wijkt af van de data (-data +getypeerd):\n%s", s.soort, id, d)
				}
			}
			if _, _, ok := s.typ("bestaat_niet"); ok {
				t.Error("bestaat_niet gevonden")
			}
		})
	}
	// Both forms of what a duty of secrecy covers occur, so the test reads both.
	alle, lijst := 0, 0
	for _, id := range kb.IDs("partijen") {
		p, _ := kb.Partij(id)
		switch o := p.Geheimhouding.Omvat; {
		case o == nil:
		case o.Alle:
			alle++
		case len(o.Gegevens) > 0:
			lijst++
		}
	}
	if alle == 0 || lijst == 0 {
		t.Errorf("%d partijen met omvat: alle, %d met een lijst; de toets leest een van beide vormen niet", alle, lijst)
	}
}
