package weergave_test

import (
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// The search view's four openings: no vraagbaak, no hits (tips), every entry, and hits (one or more).
func TestVraagbaakZoekSjabloon(t *testing.T) {
	treffer := weergave.VraagbaakTreffer{ID: "a", Vraag: "Mag *dit*?", Samenvatting: "Ja_wel.", Commando: weergave.ToonCommando("a")}
	kb := library.KennisbankInfo{Versie: "v1"}
	tests := []struct {
		naam   string
		r      weergave.VraagbaakZoekresultaat
		totaal int
		moet   string
	}{
		{"geen vraagbaak", weergave.VraagbaakZoekresultaat{Zoekterm: "x", Kennisbank: kb}, 0,
			"# Vraagbaak\n\nDeze kennisbank heeft geen vraagbaak (geen bestanden in vraagbaak/).\n\n---\n\nKennisbank: `v1`\n"},
		{"geen treffers", weergave.VraagbaakZoekresultaat{Zoekterm: "x*y", Kennisbank: kb}, 12,
			"# Vraagbaak\n\nGeen vragen gevonden bij \"x\\*y\".\n\nTips:\n\n- Gebruik minder woorden"},
		{"alles", weergave.VraagbaakZoekresultaat{Zoekterm: " ", Treffers: []weergave.VraagbaakTreffer{treffer}, Kennisbank: kb}, 1,
			"# Vraagbaak\n\nAlle 1 vragen. Zoek met `magikdelen vraagbaak <zoekterm>`.\n\n## Mag \\*dit\\*?\n\nJa_wel.\n\nLees verder: `magikdelen vraagbaak toon a`\n\n---\n"},
		{"een treffer", weergave.VraagbaakZoekresultaat{Zoekterm: "dit", Treffers: []weergave.VraagbaakTreffer{treffer}, Kennisbank: kb}, 5,
			"# Vraagbaak\n\n1 treffer bij \"dit\", de beste eerst.\n\n## Mag"},
		{"twee treffers", weergave.VraagbaakZoekresultaat{Zoekterm: "dit", Treffers: []weergave.VraagbaakTreffer{treffer, treffer}, Kennisbank: kb}, 5,
			"# Vraagbaak\n\n2 treffers bij \"dit\", de beste eerst.\n\n## Mag"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			uit := weergave.VraagbaakZoek(tt.r, tt.totaal)
			if !strings.Contains(uit, tt.moet) {
				t.Errorf("mist %q in:\n%s", tt.moet, uit)
			}
			if tt.totaal == 12 && !strings.Contains(uit, "toont alle 12 vragen") {
				t.Errorf("tips noemen het totaal niet:\n%s", uit)
			}
		})
	}
}
