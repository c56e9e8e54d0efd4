package weergave

import "testing"

func TestPeriodeEnFeiten(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ vanaf, tot, wil string }{
		{"2025-03-01", "2027-12-31", "van 2025-03-01 tot en met 2027-12-31"},
		{"2025-03-01", "", "vanaf 2025-03-01"},
		{"", "2027-12-31", "tot en met 2027-12-31"},
		{"", "", ""},
	} {
		if got := periode(tc.vanaf, tc.tot); got != tc.wil {
			t.Errorf("periode(%q, %q) = %q, wil %q", tc.vanaf, tc.tot, got, tc.wil)
		}
	}
	if got := looptijd("", ""); got != "niet bekend" {
		t.Errorf("looptijd zonder grenzen = %q", got)
	}
	if got := feitenTekst(map[string]any{"toestemming": "gegeven", "acuut_gevaar": true, "leeftijd": 14}); got != "acuut_gevaar=true,leeftijd=14,toestemming=gegeven" {
		t.Errorf("feitenTekst = %q", got)
	}
}
