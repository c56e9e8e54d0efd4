package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/toetshulp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// delenOpnemer records what the client had received at each flush.
type delenOpnemer struct {
	*httptest.ResponseRecorder
	delen []string
}

func (d *delenOpnemer) Flush() {
	d.delen = append(d.delen, d.Body.String())
	d.ResponseRecorder.Flush()
}

func haalInDelen(t *testing.T, h http.Handler, doel string) *delenOpnemer {
	t.Helper()
	d := &delenOpnemer{ResponseRecorder: httptest.NewRecorder()}
	h.ServeHTTP(d, httptest.NewRequest(http.MethodGet, doel, nil))
	return d
}

// politieTafel has open facts: the police to the whole case table, nothing known.
const politieTafel = "/vraag?van=politie&naar=overleg_deelnemers&gegevens=politiegegevens&doel=zvh_casusoverleg&convenant=zvht&datum=2026-03-01"

// TestAntwoordInTweeDelen: the answer page is sent as soon as the answer is there, before the open facts
// (which take most of the time): the first part has the verdict and the checklist and no facts form; the
// whole page has the form with every open fact of the library.
func TestAntwoordInTweeDelen(t *testing.T) {
	t.Parallel()
	h, log := testHandler(t)
	d := haalInDelen(t, h, politieTafel)
	if d.Code != http.StatusOK || len(d.delen) < 2 {
		t.Fatalf("status %d, %d delen", d.Code, len(d.delen))
	}
	eerste, body := d.delen[0], d.Body.String()
	if !strings.Contains(eerste, `aria-labelledby="oordeel-kop" data-oordeel="`) || !strings.Contains(eerste, `<li data-voorwaarde="`) {
		t.Errorf("eerste deel zonder oordeel of voorwaarden:\n%s", eerste)
	}
	if strings.Contains(eerste, "feiten-invullen") || strings.Contains(eerste, "</html>") {
		t.Errorf("eerste deel heeft al de feiten of het einde:\n%s", eerste)
	}
	if !strings.HasPrefix(body, eerste) || !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
		t.Errorf("de pagina is niet het eerste deel met de rest erachter")
	}
	open, err := testEngine(t).OpenFeiten(context.Background(), kennisbank.Vraag{Van: "politie", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"politiegegevens"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2026-03-01"})
	if err != nil || len(open) == 0 {
		t.Fatalf("open feiten %v: %v", open, err)
	}
	if !strings.Contains(body, `class="feiten-invullen"`) || strings.Contains(body, "data-open-feiten") {
		t.Errorf("geen formulier met de open feiten")
	}
	for _, f := range open {
		if !strings.Contains(body, `id="feit-`+f.ID+`"`) {
			t.Errorf("open feit %s staat niet op de pagina", f.ID)
		}
	}
	if log.Len() > 0 {
		t.Errorf("log: %s", log)
	}
}

// TestAntwoordZonderOpenFeiten: when the open facts fail after the answer was sent, the page still ends
// well: the answer, a note that the facts could not be determined, the footer; the error is logged without
// the question. Here the rules give the open facts in a form the library cannot read.
func TestAntwoordZonderOpenFeiten(t *testing.T) {
	zwaar(t)
	t.Parallel()
	regels := toetshulp.KopieFS(t, rules.FS, nil)
	toetshulp.Vervang(t, regels, "open/open.rego", "in_delen_met(ua) := {", "in_delen_met(_) := {\"stuk\": true}\n\nin_delen_met_weg(ua) := {")
	e, err := library.New(context.Background(), library.MetRegels(regels), library.MetKennisbank(convenants.FS), library.MetKlok(func() time.Time { return vandaag }))
	if err != nil {
		t.Fatal(err)
	}
	h, log := testHandlerMet(t, e)
	d := haalInDelen(t, h, politieTafel)
	body := d.Body.String()
	if d.Code != http.StatusOK || !strings.Contains(body, `data-oordeel="`) || !strings.Contains(body, `data-open-feiten="onbepaald"`) ||
		!strings.HasSuffix(strings.TrimSpace(body), "</html>") || strings.Contains(body, "Vul het in") {
		t.Errorf("status %d:\n%s", d.Code, body)
	}
	if !strings.Contains(log.String(), "open feiten") || strings.Contains(log.String(), "politie") {
		t.Errorf("log: %s", log)
	}
}
