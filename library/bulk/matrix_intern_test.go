package bulk

import (
	"reflect"
	"strings"
	"testing"
)

// The rules give per recipient the short cell of each class of categories; Go expands them to cells in
// the order of the columns, each cell with its own slices, and a cell without a short cell is an error.
func TestCellenUitKlassen(t *testing.T) {
	kort := func(oordeel string, grondslagen ...any) map[string]any {
		return map[string]any{
			"oordeel": oordeel, "zekerheid": "hoog", "grondslagen": grondslagen, "voorwaarden": []any{"vastleggen"},
			"ontbrekende_feiten": []any{}, "redenen": []any{"r"}, "lagen": map[string]any{"art6_van": "x"},
		}
	}
	beslissing := func() map[string]any {
		return map[string]any{
			"vertegenwoordiger": map[string]any{"bsn": "bsn", "gezondheid": "gezondheid", "justitieel": "gezondheid"},
			"ontvangers": map[string]any{
				"om":  map[string]any{"bsn": kort("toegestaan", "a"), "gezondheid": kort("niet_toegestaan")},
				"ggz": map[string]any{"bsn": kort("onbepaald"), "gezondheid": kort("toegestaan_onder_voorwaarden", "b")},
			},
		}
	}
	gegevens := []string{"justitieel", "bsn", "gezondheid"}
	tests := []struct {
		naam   string
		wijzig func(map[string]any)
		naar   []any
		want   []string // naar/gegevens/oordeel per cell
		fout   string
	}{
		{naam: "in de volgorde van de kolommen", naar: []any{"ggz", "om"}, want: []string{
			"ggz/justitieel/toegestaan_onder_voorwaarden", "ggz/bsn/onbepaald", "ggz/gezondheid/toegestaan_onder_voorwaarden",
			"om/justitieel/niet_toegestaan", "om/bsn/toegestaan", "om/gezondheid/niet_toegestaan",
		}},
		{naam: "ontvanger zonder klassen", naar: []any{"om", "politie"}, fout: "(d, v, politie, justitieel)"},
		{naam: "categorie zonder vertegenwoordiger", naar: []any{"om"}, fout: "(d, v, om, justitieel)",
			wijzig: func(b map[string]any) { delete(b["vertegenwoordiger"].(map[string]any), "justitieel") }},
		{naam: "klasse zonder korte cel", naar: []any{"om"}, fout: "(d, v, om, bsn)",
			wijzig: func(b map[string]any) { delete(b["ontvangers"].(map[string]any)["om"].(map[string]any), "bsn") }},
	}
	for _, tc := range tests {
		t.Run(tc.naam, func(t *testing.T) {
			b := beslissing()
			if tc.wijzig != nil {
				tc.wijzig(b)
			}
			cellen, err := cellenUitKlassen(b, "d", "v", tc.naar, gegevens)
			if tc.fout != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fout) || !strings.Contains(err.Error(), "regels onvolledig") {
					t.Fatalf("fout %v, verwacht een fout met %q", err, tc.fout)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cellen {
				if c.Doel != "d" || c.Van != "v" {
					t.Errorf("cel %+v: doel/van verkeerd", c)
				}
				got = append(got, c.Naar+"/"+c.Gegevens+"/"+string(c.Oordeel))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("cellen %q, verwacht %q", got, tc.want)
			}
			// justitieel and gezondheid share a short cell; each cell has its own slices and map.
			cellen[0].Voorwaarden[0] = "gewijzigd"
			cellen[0].Lagen["art6_van"] = "gewijzigd"
			if cellen[2].Voorwaarden[0] != "vastleggen" || cellen[2].Lagen["art6_van"] != "x" {
				t.Errorf("cellen van één klasse delen hun lijsten: %+v", cellen[2])
			}
		})
	}
}
