package kennisbank

import (
	"slices"
	"testing"
)

// TestDatumgrenzen: every day the data names and the day after it, once and sorted, with 0000-01-01; not the
// days of the vraagbaak's example questions (controles), which the rules never read.
func TestDatumgrenzen(t *testing.T) {
	for _, tc := range []struct {
		naam string
		data map[string]any
		want []string
	}{
		{"leeg", map[string]any{}, []string{"0000-01-01"}},
		{"dag en dag erna, één keer, gesorteerd",
			map[string]any{"routes": []any{map[string]any{"geldig_vanaf": "2025-03-01"}, map[string]any{"geldig_tot": "2024-12-31"}},
				"grondslagen": map[string]any{"x": map[string]any{"geldig_vanaf": "2025-03-01"}}},
			[]string{"0000-01-01", "2024-12-31", "2025-01-01", "2025-03-01", "2025-03-02"}},
		{"geen dag", map[string]any{"tekst": []any{"2025-13-01", "2025-3-1", "per 2025-03-01", 20250301}}, []string{"0000-01-01"}},
		{"voorbeeldvragen van de vraagbaak niet, de rest van een item wel",
			map[string]any{"vraagbaak": map[string]any{
				"a": map[string]any{"bijgewerkt": "2023-05-05", "controles": []any{map[string]any{
					"vraag": map[string]any{"datum": "2026-03-01", "feiten": map[string]any{"casus_gesloten_op": "2025-09-01"}}}}},
				"b": "2022-02-02",
			}},
			[]string{"0000-01-01", "2022-02-02", "2022-02-03", "2023-05-05", "2023-05-06"}},
		{"controles buiten de vraagbaak tellen mee",
			map[string]any{"routes": []any{map[string]any{"controles": []any{"2021-01-01"}}}},
			[]string{"0000-01-01", "2021-01-01", "2021-01-02"}},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			var got []string
			for _, g := range datumgrenzen(tc.data) {
				got = append(got, g.(string))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("datumgrenzen = %v, want %v", got, tc.want)
			}
		})
	}
}
