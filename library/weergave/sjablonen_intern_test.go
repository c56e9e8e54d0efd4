package weergave

import (
	"io/fs"
	"testing"
	"text/template"
)

// The templates are parsed on first use; this parses every one of them, so that a mistake in a template
// fails here and not when someone first asks for that view.
func TestSjablonenParsen(t *testing.T) {
	namen, err := fs.Glob(sjablonenFS, "sjablonen/*.md.tmpl")
	if err != nil || len(namen) == 0 {
		t.Fatalf("geen sjablonen: %v", err)
	}
	for _, naam := range namen {
		if _, err := template.New("t").Funcs(sjabloonFuncties).ParseFS(sjablonenFS, naam); err != nil {
			t.Errorf("%s: %v", naam, err)
		}
	}
	for _, s := range []func() *template.Template{antwoordSjabloon, convenantSjabloon, convenantenSjabloon, vraagbaakZoekSjabloon,
		vraagbaakItemSjabloon, controleSjabloon, testSjabloon, verschilSjabloon, begrippenSjabloon, matrixSjabloonMD} {
		if s() == nil {
			t.Error("sjabloon ontbreekt")
		}
	}
}
