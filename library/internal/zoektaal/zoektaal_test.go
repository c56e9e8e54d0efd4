package zoektaal

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormaliseer(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Coördinatie":      "coordinatie",
		"PATIËNT":          "patient",
		"café’s":           "cafe's",
		"Veilig Thuis":     "veilig thuis",
		"zorg_verzekeraar": "zorg_verzekeraar",
	}
	for in, wil := range tests {
		if got := Normaliseer(in); got != wil {
			t.Errorf("Normaliseer(%q) = %q, wil %q", in, got, wil)
		}
	}
}

func TestWoorden(t *testing.T) {
	t.Parallel()
	tests := map[string][]string{
		"mag ik dit delen?":        {"mag", "ik", "dit", "delen"},
		"veilig_thuis, huisarts":   {"veilig", "thuis", "huisarts"},
		"auto's en 'citaat'":       {"auto's", "en", "citaat"},
		"AVG art. 9 lid 2 sub h":   {"AVG", "art", "9", "lid", "2", "sub", "h"},
		"  ":                       nil,
		"zorg- en veiligheidshuis": {"zorg", "en", "veiligheidshuis"},
	}
	for in, wil := range tests {
		if diff := cmp.Diff(wil, Woorden(in)); diff != "" {
			t.Errorf("Woorden(%q) (-wil +kreeg):\n%s", in, diff)
		}
	}
}

// TestStam: the forms of one word get the same stem.
func TestStam(t *testing.T) {
	t.Parallel()
	tests := []struct {
		stam   string
		vormen []string
	}{
		{"del", []string{"deel", "delen", "deelt", "deelde", "deelden", "gedeeld"}},
		{"partij", []string{"partij", "partijen"}},
		{"huisar", []string{"huisarts", "huisartsen"}},
		{"schol", []string{"school", "scholen"}},
		{"signal", []string{"signaal", "signalen"}},
		{"auto", []string{"auto", "auto's"}},
		{"brief", []string{"brief", "briefje", "briefjes"}},
		{"hui", []string{"huis", "huisje", "huisjes"}},
		{"stoel", []string{"stoel", "stoeltje", "stoeltjes"}},
		{"mel", []string{"meld", "melden", "meldt", "gemeld", "meldde"}},
		{"werk", []string{"werk", "werkt", "werkte", "werkten", "gewerkt"}},
		{"mogelijkhei", []string{"mogelijkheid", "mogelijkheden"}},
		{"gegev", []string{"gegevens", "gegeven"}},
		{"acu", []string{"acuut", "acute"}},
		{"gevar", []string{"gevaar", "gevaren"}},
		{"coordinatie", []string{"coordinatie"}},
	}
	for _, tt := range tests {
		for _, v := range tt.vormen {
			if got := Stam(v); got != tt.stam {
				t.Errorf("Stam(%q) = %q, wil %q", v, got, tt.stam)
			}
		}
	}
	// Short words, numbers and ids with digits stay as they are.
	for _, w := range []string{"ggz", "avg", "wet", "2025", "art9"} {
		if got := Stam(w); got != w {
			t.Errorf("Stam(%q) = %q, wil het woord zelf", w, got)
		}
	}
}

func TestTermen(t *testing.T) {
	t.Parallel()
	tests := map[string][]string{
		"Mag ik als huisarts delen met de politie?": {"huisar", "del", "politie"},
		"Is de Wams al van kracht?":                 {"wam", "krach"},
		"ik mag het":                                nil,
		"Coördinatie":                               {"coordinatie"},
	}
	for in, wil := range tests {
		if diff := cmp.Diff(wil, Termen(in)); diff != "" {
			t.Errorf("Termen(%q) (-wil +kreeg):\n%s", in, diff)
		}
	}
}
