package opmaak

import "testing"

// TestTekst: text from the knowledge base never turns into Markdown markup, while an underscore inside a
// word (an id) stays as it is, so piped Markdown reads and copies well.
func TestTekst(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, wil string }{
		{"gewone tekst", "gewone tekst"},
		{"niet_toegestaan", "niet_toegestaan"},
		{"_nadruk_", `\_nadruk\_`},
		{"a *b* `c` [d](e) <f>", "a \\*b\\* \\`c\\` \\[d\\](e) \\<f>"},
		{`schuine\streep`, `schuine\\streep`},
		{"art. 6 lid 1 _e", `art. 6 lid 1 \_e`},
		{"~~doorgestreept~~", `\~\~doorgestreept\~\~`},
		{"B&W en &amp; en &#169;", `B&W en \&amp; en \&#169;`},
		{"", ""},
	} {
		if got := Tekst(tc.in); got != tc.wil {
			t.Errorf("Tekst(%q) = %q, wil %q", tc.in, got, tc.wil)
		}
	}
	if got := Cel("a|b_c"); got != `a\|b_c` {
		t.Errorf("Cel = %q", got)
	}
}

func TestLink(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ tekst, url, wil string }{
		{"AVG [art] 6", "", `AVG \[art\] 6`},
		{"AVG 6", "https://eur-lex.europa.eu/x", "[AVG 6](https://eur-lex.europa.eu/x)"},
		{"Wet (oud)", "https://wetten.overheid.nl/a b(c)", `[Wet (oud)](https://wetten.overheid.nl/a%20b%28c%29)`},
	} {
		if got := Link(tc.tekst, tc.url, Tekst); got != tc.wil {
			t.Errorf("Link(%q, %q) = %q, wil %q", tc.tekst, tc.url, got, tc.wil)
		}
	}
	if got := Woord("per_casus"); got != "per casus" {
		t.Errorf("Woord = %q", got)
	}
}
