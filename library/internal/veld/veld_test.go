package veld

import (
	"slices"
	"testing"
)

func TestTekstEnTeksten(t *testing.T) {
	m := map[string]any{
		"naam":   "politie",
		"getal":  3.0,
		"lijst":  []any{"a", 1.0, "b", nil},
		"leeg":   []any{},
		"tekst2": []string{"geen", "any"}, // not what JSON decodes to: reads as empty
	}
	tests := []struct {
		sleutel string
		tekst   string
		teksten []string
	}{
		{"naam", "politie", []string{}},
		{"getal", "", []string{}},
		{"lijst", "", []string{"a", "b"}},
		{"leeg", "", []string{}},
		{"tekst2", "", []string{}},
		{"ontbreekt", "", []string{}},
	}
	for _, tt := range tests {
		if got := Tekst(m, tt.sleutel); got != tt.tekst {
			t.Errorf("Tekst(%q) = %q, verwacht %q", tt.sleutel, got, tt.tekst)
		}
		if got := Teksten(m, tt.sleutel); !slices.Equal(got, tt.teksten) || got == nil {
			t.Errorf("Teksten(%q) = %#v, verwacht %#v (nooit nil)", tt.sleutel, got, tt.teksten)
		}
	}
	if Tekst(nil, "x") != "" || len(Teksten(nil, "x")) != 0 {
		t.Error("een ontbrekende map leest als leeg")
	}
}
