package suggestie_test

import (
	"slices"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
)

var partijen = []string{
	"gemeente_college", "gemeente_burgemeester", "wijkteam", "zvh_procesregisseur", "ave_procesregisseur",
	"politie", "om", "justid", "reclassering", "rvdk", "veilig_thuis", "ggz", "verslavingszorg", "ggd", "huisarts",
}

func TestDichtstbij(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam     string
		onbekend string
		bekend   []string
		n        int
		wil      []string
	}{
		{"tikfout", "polite", partijen, 3, []string{"politie"}},
		{"letter_te_veel", "ggzz", partijen, 3, []string{"ggz", "ggd"}},
		{"hoofdletters", "POLITIE", partijen, 3, []string{"politie"}},
		{"hoofdletters_deel", "Veilig", partijen, 3, []string{"veilig_thuis"}},
		{"deel_van_id", "burgemeester", partijen, 3, []string{"gemeente_burgemeester"}},
		{"id_in_langere_tekst", "wijkteam_enschede", partijen, 3, []string{"wijkteam"}},
		{"gelijke_afstand_alfabetisch", "procesregisseur", partijen, 3, []string{"ave_procesregisseur", "zvh_procesregisseur"}},
		{"maximaal_n", "ggx", partijen, 1, []string{"ggd"}},
		{"n_nul", "polite", partijen, 0, nil},
		{"niets_in_de_buurt", "zorgverzekeraar", partijen, 3, nil},
		{"leeg_heeft_geen_buren", "", partijen, 3, nil}, // an empty id is missing, not misspelt
		{"alleen_spaties", "  ", partijen, 3, nil},
		{"geen_bekende", "politie", nil, 3, nil},
		{"unicode", "bijzondér_overig", []string{"bijzonder_overig", "gezondheid"}, 3, []string{"bijzonder_overig"}},
		{"exact", "om", partijen, 3, []string{"om"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			got := suggestie.Dichtstbij(tt.onbekend, tt.bekend, tt.n)
			if !slices.Equal(got, tt.wil) {
				t.Errorf("Dichtstbij(%q, …, %d) = %q, want %q", tt.onbekend, tt.n, got, tt.wil)
			}
		})
	}
}

// TestDichtstbijStabiel: the order never depends on the order of the known ids.
func TestDichtstbijStabiel(t *testing.T) {
	t.Parallel()
	omgekeerd := slices.Clone(partijen)
	slices.Reverse(omgekeerd)
	for _, o := range []string{"polite", "ggzz", "procesregisseur", "gemeente", "x"} {
		a, b := suggestie.Dichtstbij(o, partijen, 5), suggestie.Dichtstbij(o, omgekeerd, 5)
		if !slices.Equal(a, b) {
			t.Errorf("Dichtstbij(%q) hangt af van de volgorde: %q en %q", o, a, b)
		}
	}
}

func TestAfstand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		wil  int
	}{
		{"politie", "politie", 0},
		{"polite", "politie", 1},   // a letter missing
		{"poltiie", "politie", 1},  // two letters swapped
		{"politiee", "politie", 1}, // a letter too many
		{"pulitie", "politie", 1},  // a letter wrong
		{"gezondhied", "gezondheid", 1},
		{"", "om", 2},
		{"ggz", "ggd", 1},
		{"wijkteem", "wijkteam", 1},
		{"bijzondér", "bijzonder", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := suggestie.Afstand(tt.a, tt.b); got != tt.wil {
			t.Errorf("Afstand(%q, %q) = %d, verwacht %d", tt.a, tt.b, got, tt.wil)
		}
		if got := suggestie.Afstand(tt.b, tt.a); got != tt.wil {
			t.Errorf("Afstand(%q, %q) = %d, verwacht %d (symmetrisch)", tt.b, tt.a, got, tt.wil)
		}
	}
}
