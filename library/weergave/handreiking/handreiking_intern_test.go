package handreiking

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVerschuifKoppen(t *testing.T) {
	t.Parallel()
	tests := []struct{ naam, in, want string }{
		{"koppen omlaag", "## Kort antwoord\n\ntekst\n\n### Meer\n#Geen kop", "#### Kort antwoord\n\ntekst\n\n##### Meer\n#Geen kop"},
		{"hooguit niveau 6", "##### Vijf\n###### Zes", "###### Vijf\n###### Zes"},
		{"niet in code", "```\n## code\n```\n## kop", "```\n## code\n```\n#### kop"},
		{"lange fence", "````\n```\n## code\n````\n## kop", "````\n```\n## code\n````\n#### kop"},
		{"open fence gesloten", "~~~\n## code", "~~~\n## code\n~~~"},
		{"ingesprongen code", "    ## code", "    ## code"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, verschuifKoppen(tt.in, 2)); diff != "" {
				t.Errorf("(-verwacht +gekregen):\n%s", diff)
			}
		})
	}
}

// TestKopIDs checks that the ids are those GitHub gives, and that repeated headings get a suffix.
func TestKopIDs(t *testing.T) {
	t.Parallel()
	ids, err := kopIDs("# Titel\n\n## Convenant Zorg- en Veiligheidshuis Twente (ZVHT)\n\n### Stap 1: Aanmelding bij het ZVH\n\n## Open vragen\n\n## Open vragen\n\n## Gecoördineerde aanpak (Wams)\n\n## Wel \\# in de kop \\#\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []kopID{
		{1, "Titel", "titel"},
		{2, "Convenant Zorg- en Veiligheidshuis Twente (ZVHT)", "convenant-zorg--en-veiligheidshuis-twente-zvht"},
		{3, "Stap 1: Aanmelding bij het ZVH", "stap-1-aanmelding-bij-het-zvh"},
		{2, "Open vragen", "open-vragen"},
		{2, "Open vragen", "open-vragen-1"},
		{2, "Gecoördineerde aanpak (Wams)", "gecoördineerde-aanpak-wams"},
		{2, "Wel \\# in de kop \\#", "wel--in-de-kop-"},
	}
	if diff := cmp.Diff(want, ids, cmp.AllowUnexported(kopID{})); diff != "" {
		t.Errorf("(-verwacht +gekregen):\n%s", diff)
	}
}

// TestPunten: the list helper of the template writes the texts that are not empty, skips a field the
// data lacks (a false value of (and .Veld …)), and refuses anything else, so that a template that
// passes a value where a text belongs fails instead of printing it.
func TestPunten(t *testing.T) {
	var geen *bool
	tests := []struct {
		naam  string
		items []any
		want  string
		fout  bool
	}{
		{"leeg", nil, "", false},
		{"alleen lege teksten", []any{"", ""}, "", false},
		{"teksten", []any{"a", "", "b"}, "- a\n- b\n\n", false},
		{"ontbrekende velden", []any{geen, []string(nil), false, "c"}, "- c\n\n", false},
		{"geen tekst", []any{"a", []string{"x"}}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			got, err := punten(tt.items...)
			if (err != nil) != tt.fout {
				t.Fatalf("punten(%v): fout %v, verwacht fout: %v", tt.items, err, tt.fout)
			}
			if got != tt.want {
				t.Errorf("punten(%v) = %q, verwacht %q", tt.items, got, tt.want)
			}
		})
	}
}
