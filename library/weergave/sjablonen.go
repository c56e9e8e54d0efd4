package weergave

import (
	"embed"
	"math"
	"strings"
	"sync"
	"text/template"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/internal/opmaak"
)

// sjablonenFS holds the Markdown templates of the views. Their functions escape text from the knowledge
// base (esc, cel), write a link to an official source (link), count from one (inc), write an id as a word
// (woord) and a validity window (looptijd, periode), and join and test texts (join, hasPrefix).
//
//go:embed sjablonen/*.md.tmpl
var sjablonenFS embed.FS

var sjabloonFuncties = template.FuncMap{
	"esc":       esc,
	"cel":       cel,
	"link":      link,
	"inc":       func(i int) int { return i + 1 },
	"woord":     opmaak.Woord,
	"looptijd":  looptijd,
	"periode":   periode,
	"join":      strings.Join,
	"hasPrefix": strings.HasPrefix,

	// The wording of a field stays in the template; these pick it.
	"kies":           kies,
	"jaNee":          jaNeeWoord,
	"metVoorvoegsel": metVoorvoegsel,
	"opsomming":      opsommingVan,
	"gezet":          gezet,

	"quote":           quote,
	"positie":         positie,
	"nieuwBestand":    nieuwBestand,
	"controleTelling": ControleTelling,
	"testTelling":     TestTelling,

	"kort":               kort,
	"feitenTekst":        feitenTekst,
	"wijzigingenTelling": wijzigingenTelling,
	"statusTekst":        statusTekst,
}

var (
	antwoordSjabloon      = sjabloon("antwoord.md.tmpl")
	convenantSjabloon     = sjabloon("convenant.md.tmpl")
	convenantenSjabloon   = sjabloon("convenanten.md.tmpl")
	vraagbaakZoekSjabloon = sjabloon("vraagbaakzoek.md.tmpl")
	vraagbaakItemSjabloon = sjabloon("vraagbaakitem.md.tmpl")
	controleSjabloon      = sjabloon("controle.md.tmpl")
	testSjabloon          = sjabloon("test.md.tmpl")
	verschilSjabloon      = sjabloon("verschil.md.tmpl")
	begrippenSjabloon     = sjabloon("begrippen.md.tmpl")
	matrixSjabloonMD      = sjabloon("matrix.md.tmpl")
)

// sjabloon parses a template on first use (a CLI command uses one view; parsing them all at start would
// cost every command milliseconds).
func sjabloon(naam string) func() *template.Template {
	return sync.OnceValue(func() *template.Template {
		return template.Must(template.New(naam).Funcs(sjabloonFuncties).Option("missingkey=error").ParseFS(sjablonenFS, "sjablonen/"+naam))
	})
}

// voerUit writes a view with its template. The templates are fixed and tested (golden files), and their
// data is built by this package: an error is a defect of the package, so it is written into the view
// instead of returned.
func voerUit(sjabloon func() *template.Template, data any) string {
	t := sjabloon()
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return b.String() + "\n\n(fout in het sjabloon " + t.Name() + ": " + err.Error() + ")\n"
	}
	return b.String()
}

// kies gives the text that paren pairs with waarde (paren: value, text, value, text, ...), or "".
func kies(waarde string, paren ...string) string {
	for i := 0; i+1 < len(paren); i += 2 {
		if paren[i] == waarde {
			return paren[i+1]
		}
	}
	return ""
}

// jaNeeWoord gives ja or nee for a yes/no the file may leave out (nil: "").
func jaNeeWoord(b *bool, ja, nee string) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return ja
	}
	return nee
}

// metVoorvoegsel is voorvoegsel + s, or "" when s is.
func metVoorvoegsel(voorvoegsel, s string) string {
	if s == "" {
		return ""
	}
	return voorvoegsel + s
}

// gezet: the file gives the list, even an empty one (nil: the field is left out).
func gezet(lijst []string) bool { return lijst != nil }

// opsommingVan joins the texts that are not empty with ", ".
func opsommingVan(delen ...string) string {
	var uit []string
	for _, d := range delen {
		if d != "" {
			uit = append(uit, d)
		}
	}
	return strings.Join(uit, ", ")
}

// rang is the rank of a verdict (oordelen.yaml, rang: higher is more permissive); an unknown verdict
// ranks after every known one.
func (w woorden) rang(o kennisbank.Oordeel) int {
	if info, ok := w.kb.Oordeel(o); ok {
		return info.Rang
	}
	return math.MaxInt
}
