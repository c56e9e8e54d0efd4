package weergave

import "testing"

// TestEsc: text from the knowledge base never turns into Markdown markup, while an underscore inside a
// word (an id) stays as it is, so piped Markdown reads and copies well.
func TestEsc(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, wil string }{
		{"gewone tekst", "gewone tekst"},
		{"niet_toegestaan", "niet_toegestaan"},
		{"_nadruk_", `\_nadruk\_`},
		{"a *b* `c` [d](e) <f>", "a \\*b\\* \\`c\\` \\[d\\](e) \\<f>"},
		{`schuine\streep`, `schuine\\streep`},
		{"art. 6 lid 1 _e", `art. 6 lid 1 \_e`},
		{"", ""},
	} {
		if got := esc(tc.in); got != tc.wil {
			t.Errorf("esc(%q) = %q, wil %q", tc.in, got, tc.wil)
		}
	}
	if got := cel("a|b_c"); got != `a\|b_c` {
		t.Errorf("cel = %q", got)
	}
	if got := link("AVG [art] 6", ""); got != `AVG \[art\] 6` {
		t.Errorf("link zonder bron = %q", got)
	}
	if got := link("AVG 6", "https://eur-lex.europa.eu/x"); got != "[AVG 6](https://eur-lex.europa.eu/x)" {
		t.Errorf("link = %q", got)
	}
}

func TestPeriodeEnFeiten(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ vanaf, tot, wil string }{
		{"2025-03-01", "2027-12-31", "2025-03-01 tot en met 2027-12-31"},
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
