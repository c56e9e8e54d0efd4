package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/web"
)

var (
	engineEens sync.Once
	engine     *library.Engine
	engineFout error
)

// vandaag is the fixed date of the tests.
var vandaag = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func testEngine(t *testing.T) *library.Engine {
	t.Helper()
	engineEens.Do(func() {
		engine, engineFout = library.New(context.Background(), library.MetKlok(func() time.Time { return vandaag }))
	})
	if engineFout != nil {
		t.Fatalf("library.New: %v", engineFout)
	}
	return engine
}

type vasteBron struct{ e *library.Engine }

func (b vasteBron) Huidig() *library.Engine { return b.e }

// testHandler is the handler with the shared engine and a log that the test can read.
func testHandler(t *testing.T, opts ...web.Optie) (*web.Handler, *bytes.Buffer) {
	t.Helper()
	return testHandlerMet(t, testEngine(t), opts...)
}

// testHandlerMet is testHandler with engine e.
func testHandlerMet(t *testing.T, e *library.Engine, opts ...web.Optie) (*web.Handler, *bytes.Buffer) {
	t.Helper()
	var log bytes.Buffer
	// A generous time limit: these tests check what a page says, not how fast a loaded CI machine is.
	opts = append([]web.Optie{web.MetKlok(func() time.Time { return vandaag }), web.MetLogger(slog.New(slog.NewTextHandler(&log, nil))), web.MetTijdslimiet(10 * time.Minute)}, opts...)
	return web.NieuweHandler(vasteBron{e}, opts...), &log
}

// haal does one GET without following redirects.
func haal(t *testing.T, h http.Handler, doel string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, doel, nil))
	return rec.Result()
}

func lees(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// volg follows redirects within the handler, at most five.
func volg(t *testing.T, h http.Handler, doel string) (*http.Response, string) {
	t.Helper()
	for range 5 {
		res := haal(t, h, doel)
		if res.StatusCode != http.StatusSeeOther {
			return res, doel
		}
		doel = res.Header.Get("Location")
	}
	t.Fatalf("te veel doorverwijzingen, laatste %s", doel)
	return nil, ""
}

func controleerBeveiliging(t *testing.T, naam string, k http.Header) {
	t.Helper()
	csp := k.Get("Content-Security-Policy")
	if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("%s: Content-Security-Policy %q", naam, csp)
	}
	for kop, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if got := k.Get(kop); got != want {
			t.Errorf("%s: %s = %q, verwacht %q", naam, kop, got, want)
		}
	}
}

// TestRoutes: every page answers with its status, an HTML or static content type and the security
// headers; pages with a question are never cached.
func TestRoutes(t *testing.T) {
	t.Parallel()
	h, log := testHandler(t)
	tests := []struct {
		doel, soort string
		status      int
	}{
		{"/", "text/html", 200},
		{"/?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden", "text/html", 200},
		{"/vraag?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden&datum=2026-03-01&feit=acuut_gevaar=true", "text/html", 200},
		{"/vraag?van=huisarts", "text/html", 400},
		{"/vraag", "", 303},
		{"/handreiking", "text/html", 200},
		{"/handreiking?convenant=zvht", "text/html", 200},
		{"/handreiking?convenant=zvh", "text/html", 400},
		{"/matrix", "text/html", 200},
		{"/matrix?convenant=onbekend", "text/html", 400},
		{"/stijl.css", "text/css", 200},
		{"/web.js", "text/javascript", 200},
		{"/favicon.ico", "image/svg+xml", 200},
		{"/bestaat-niet", "text/html", 404},
	}
	for _, tt := range tests {
		res := haal(t, h, tt.doel)
		if res.StatusCode != tt.status {
			t.Errorf("GET %s: status %d, verwacht %d", tt.doel, res.StatusCode, tt.status)
		}
		if !strings.HasPrefix(res.Header.Get("Content-Type"), tt.soort) {
			t.Errorf("GET %s: Content-Type %q", tt.doel, res.Header.Get("Content-Type"))
		}
		controleerBeveiliging(t, "GET "+tt.doel, res.Header)
		if strings.Contains(tt.doel, "?van=") && res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, verwacht no-store", tt.doel, res.Header.Get("Cache-Control"))
		}
		body := lees(t, res)
		if tt.soort == "text/html" {
			for _, moet := range []string{`<html lang="nl">`, "<main", `<link rel="stylesheet" href="/stijl.css">`} {
				if !strings.Contains(body, moet) {
					t.Errorf("GET %s: pagina zonder %q", tt.doel, moet)
				}
			}
			for _, mag := range []string{"<style", "<script>", " style=", " onclick=", "http://", "src=\"http"} {
				if strings.Contains(body, mag) {
					t.Errorf("GET %s: pagina met %q (inline stijl of script, of een externe bron)", tt.doel, mag)
				}
			}
		}
	}
	if log.Len() > 0 {
		t.Errorf("log na gewone verzoeken:\n%s", log)
	}
}

// TestFormulier: the form asks the four questions in the order and with the words of the guided mode,
// with every party, category and purpose by label (never by id alone), grouped, without JavaScript.
func TestFormulier(t *testing.T) {
	t.Parallel()
	h, _ := testHandler(t)
	body := lees(t, haal(t, h, "/"))
	kb := testEngine(t).Kennisbank()
	vorige := -1
	for _, vraag := range []string{"Wie bent u?", "Met wie wilt u de gegevens delen?", "Welke gegevens wilt u delen?", "Waarvoor deelt u de gegevens?", "Op welke datum deelt u?"} {
		i := strings.Index(body, vraag)
		if i < 0 || i < vorige {
			t.Errorf("vraag %q ontbreekt of staat niet op zijn plaats", vraag)
		}
		vorige = i
	}
	for _, l := range []struct{ soort, naam string }{{"partijen", "naar"}, {"gegevens", "gegevens"}, {"doelen", "doel"}} {
		for _, k := range kb.Keuzes(l.soort) {
			if !strings.Contains(body, `id="`+l.naam+"-"+k.ID+`" value="`+k.ID+`"`) || !strings.Contains(body, `<label for="`+l.naam+"-"+k.ID+`">`+template(k.Label)+`</label>`) {
				t.Errorf("%s: keuze %s (%s) ontbreekt of heeft geen label", l.naam, k.ID, k.Label)
			}
		}
	}
	if !strings.Contains(body, `<input type="date" id="datum" name="datum" value="2026-03-01"`) {
		t.Errorf("datum staat niet standaard op vandaag")
	}
	if !strings.Contains(body, `<legend>Buiten de convenanten (wettelijke routes)</legend>`) || !strings.Contains(body, "<legend>Bijzondere persoonsgegevens (AVG art. 9)</legend>") {
		t.Errorf("keuzes niet gegroepeerd")
	}
}

// template escapes a label as html/template does in text.
func template(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestStappen walks the form as the guided mode does: the four answers give the open facts, each with
// "weet ik niet"; the answers to them give the answer page at its canonical address.
func TestStappen(t *testing.T) {
	zwaar(t)
	t.Parallel()
	h, _ := testHandler(t)
	stap2 := "/?van=huisarts&naar=politie&gegevens=identificerend&gegevens=gezondheid&doel=gevaar_afwenden&datum=2026-03-01"
	res := haal(t, h, stap2)
	body := lees(t, res)
	if res.StatusCode != 200 || !strings.Contains(body, "Nog een paar vragen") {
		t.Fatalf("stap 2: %d\n%s", res.StatusCode, body)
	}
	open, err := testEngine(t).OpenFeiten(context.Background(), kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"identificerend", "gezondheid"}, Doel: "gevaar_afwenden", Datum: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(open, func(f kennisbank.Feitvraag) bool { return f.ID == "acuut_gevaar" }) {
		t.Fatalf("acuut_gevaar is geen open feit: %v", open)
	}
	for _, f := range open {
		if !strings.Contains(body, `id="feit-`+f.ID+`"`) {
			t.Errorf("open feit %s staat niet in het formulier", f.ID)
		}
	}
	// Each fact offers "weet ik niet" (a choice, or for a number or date the empty field), plus the
	// sentence above them.
	if n := strings.Count(body, "weet ik niet"); n != len(open)+1 {
		t.Errorf("%d keer \"weet ik niet\", verwacht %d (één per open feit en één in de inleiding)", n, len(open)+1)
	}
	// Answer acute danger with ja and leave the rest unknown: the next round, or the answer.
	q := url.Values{"van": {"huisarts"}, "naar": {"politie"}, "gegevens": {"identificerend,gezondheid"}, "doel": {"gevaar_afwenden"}, "datum": {"2026-03-01"}, "stap": {"feiten"}, "feit.acuut_gevaar": {"ja"}}
	for _, f := range open {
		if f.ID != "acuut_gevaar" {
			q.Set("feit."+f.ID, "")
		}
	}
	res, adres := volg(t, h, "/?"+q.Encode())
	body = lees(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("na de feiten: %d %s", res.StatusCode, adres)
	}
	if strings.HasPrefix(adres, "/?") {
		// Another round: facts that became relevant. Leave them unknown.
		t.Logf("tweede ronde: %s", adres)
	} else if adres != "/vraag?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden&datum=2026-03-01&feit=acuut_gevaar=true" {
		t.Errorf("antwoordadres %s", adres)
	}
	if !strings.HasPrefix(adres, "/vraag?") && !strings.Contains(body, "Direct naar het antwoord") {
		t.Errorf("geen antwoord en geen volgende ronde:\n%s", body)
	}
}

// TestCanoniekAdres: the same question in other words (repeated lists, labels, ja/nee, form fields,
// no date) redirects to one address, with today's date in it.
func TestCanoniekAdres(t *testing.T) {
	zwaar(t)
	t.Parallel()
	h, _ := testHandler(t)
	want := "/vraag?van=politie&naar=overleg_deelnemers&gegevens=politiegegevens,strafrechtelijk&doel=zvh_casusoverleg&convenant=zvht&datum=2026-03-01&feit=inclusiecriteria=true"
	for _, doel := range []string{
		// Synonyms, through the library's resolver: a wijkagent is the police.
		"/vraag?van=wijkagent&naar=overleg_deelnemers&gegevens=politie-informatie,strafrechtelijk&doel=zvh_casusoverleg&convenant=zvht&feit=inclusiecriteria=ja",
		"/vraag?van=politie&naar=overleg_deelnemers&gegevens=politiegegevens&gegevens=strafrechtelijk&doel=zvh_casusoverleg&convenant=zvht&feit=inclusiecriteria=ja",
		"/vraag?van=Politie&naar=overleg_deelnemers&gegevens=politiegegevens,%20strafrechtelijk&doel=zvh_casusoverleg&convenant=ZVHT&datum=2026-03-01&feit.inclusiecriteria=ja",
		"/vraag?feit=inclusiecriteria=true&datum=2026-03-01&convenant=zvht&doel=zvh_casusoverleg&gegevens=politiegegevens,strafrechtelijk&naar=overleg_deelnemers&van=politie",
	} {
		res := haal(t, h, doel)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("GET %s: %d naar %q, verwacht 303 naar %q", doel, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
	res := haal(t, h, want)
	if body := lees(t, res); res.StatusCode != 200 || !strings.Contains(body, `data-oordeel="toegestaan_onder_voorwaarden"`) {
		t.Errorf("canoniek adres: %d", res.StatusCode)
	}
	if got := web.VraagAdres(kennisbank.Vraag{Van: "politie", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"politiegegevens", "strafrechtelijk"}, Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2026-03-01", Feiten: map[string]any{"inclusiecriteria": true}}); got != want {
		t.Errorf("VraagAdres = %s", got)
	}
}

// TestFouteInvoer: bad input is the form again, status 400, with a Dutch message that names the field
// and, for an unknown value, the nearest valid choices by label as links; never a 500.
func TestFouteInvoer(t *testing.T) {
	t.Parallel()
	h, log := testHandler(t)
	basis := "van=wijkteam&naar=politie&gegevens=identificerend&doel=zvh_aanmelding&datum=2026-03-01"
	tests := []struct {
		query string
		moet  []string
	}{
		{"van=wijkteem&naar=politie&gegevens=identificerend&doel=zvh_aanmelding", []string{`<a href="#veld-van">Wie bent u?</a> &#34;wijkteem&#34; kennen we niet als partij.`, "Bedoelde u", ">Wijkteam (sociaal team)</a>"}},
		{"van=wijkteam&naar=politei&gegevens=identificerend&doel=zvh_aanmelding", []string{`<a href="#veld-naar">Met wie wilt u de gegevens delen?</a>`, ">Politie</a>"}},
		{"van=wijkteam&naar=politie&gegevens=gezondheidsgegevns&doel=zvh_aanmelding", []string{`<a href="#veld-gegevens">Welke gegevens wilt u delen?</a>`, ">Gezondheidsgegevens</a>?"}},
		{"van=wijkteam&naar=politie&gegevens=identificerend&doel=zvh_aanmeldin", []string{`<a href="#veld-doel">Waarvoor deelt u de gegevens?</a>`, ">Aanmelding"}},
		{"van=wijkteam&van=politie&naar=politie&gegevens=identificerend&doel=zvh_aanmelding", []string{"Kies één partij"}},
		{"naar=politie", []string{"Kies de partij die de gegevens deelt.", "Kies ten minste één soort gegevens.", "Kies het doel"}},
		{basis[:len(basis)-10] + "2026-02-30", []string{`<a href="#veld-datum">Op welke datum deelt u?</a> &#34;2026-02-30&#34; is geen datum`}},
		{basis + "&feit=acuut_gevaar=misschien", []string{`<a href="#feit-acuut_gevaar">Acuut gevaar</a> &#34;misschien&#34; is geen ja of nee.`}},
		{basis + "&feit=leeftijd=300", []string{"is geen geheel getal van 0 tot en met 150"}},
		{basis + "&feit=toestemming=misschien", []string{"kan niet; kies niet gevraagd, gegeven, geweigerd, onmogelijk."}},
		{basis + "&feit=acuutgevaar=true", []string{`Het feit &#34;acuutgevaar&#34; kennen we niet.`, "Acuut gevaar (acuut_gevaar)"}},
		{basis + "&feit=zonderwaarde", []string{"is geen feit als naam=waarde"}},
		{basis + "&convenant=zvh", []string{`<a href="#veld-convenant">Convenant</a>`}},
		{basis + "&fase=ave9", []string{`<a href="#veld-fase">Fase</a>`}},
		{basis + "&feit=verzocht_door=niemand", []string{"staat niet in de lijst"}},
	}
	for _, tt := range tests {
		for _, pad := range []string{"/vraag?", "/?"} {
			res := haal(t, h, pad+tt.query)
			body := lees(t, res)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s%s: status %d, verwacht 400", pad, tt.query, res.StatusCode)
				continue
			}
			if !strings.Contains(body, `<div class="foutmelding" role="alert" id="fouten" tabindex="-1">`) || !strings.Contains(body, `<form action="/" method="get"`) {
				t.Errorf("GET %s%s: geen formulier met foutmelding", pad, tt.query)
			}
			for _, m := range tt.moet {
				if !strings.Contains(body, m) {
					t.Errorf("GET %s%s: melding zonder %q", pad, tt.query, m)
				}
			}
		}
	}
	// The suggestion links lead to the corrected question.
	body := lees(t, haal(t, h, "/vraag?van=wijkteem&naar=politie&gegevens=identificerend&doel=zvh_aanmelding"))
	m := regexp.MustCompile(`<a href="(\?[^"]*)">Wijkteam \(sociaal team\)</a>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("geen suggestielink")
	}
	href := strings.ReplaceAll(m[1], "&amp;", "&")
	if res := haal(t, h, "/vraag"+href); res.StatusCode != http.StatusSeeOther {
		t.Errorf("suggestie %s: status %d, verwacht 303 naar het antwoord", href, res.StatusCode)
	}
	if log.Len() > 0 {
		t.Errorf("log na foute invoer:\n%s", log)
	}
}

// TestGeenEngine: without a knowledge base the pages say so with 503, not a 500.
func TestGeenEngine(t *testing.T) {
	t.Parallel()
	h := web.NieuweHandler(vasteBron{})
	for _, doel := range []string{"/", "/vraag?van=politie", "/handreiking", "/matrix"} {
		res := haal(t, h, doel)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s: %d", doel, res.StatusCode)
		}
		controleerBeveiliging(t, doel, res.Header)
	}
}

// TestTijdslimiet: an answer that is not ready within the time limit is a 503 "Even geduld" page that asks
// to try again, never a 500 or half a page.
func TestTijdslimiet(t *testing.T) {
	t.Parallel()
	h, _ := testHandler(t, web.MetTijdslimiet(time.Nanosecond))
	res := haal(t, h, "/vraag?van=politie&naar=overleg_deelnemers&gegevens=politiegegevens&doel=zvh_casusoverleg&convenant=zvht&datum=2026-03-01")
	body := lees(t, res)
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "Even geduld") || strings.Contains(body, "data-oordeel=") {
		t.Errorf("status %d:\n%s", res.StatusCode, body)
	}
}

// TestBon: the receipt hook gets the question and the answer of an answer page; without it nothing
// is kept.
func TestBon(t *testing.T) {
	t.Parallel()
	var (
		mu     sync.Mutex
		bonnen []library.Antwoord
	)
	h, _ := testHandler(t, web.MetBon(func(_ context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time) {
		mu.Lock()
		defer mu.Unlock()
		bonnen = append(bonnen, a)
		if v.Van != "huisarts" || eind.Before(start) {
			t.Errorf("bon: vraag %+v, %s–%s", v, start, eind)
		}
	}))
	haal(t, h, "/?van=huisarts&naar=politie&gegevens=identificerend&doel=gevaar_afwenden")
	if len(bonnen) != 0 {
		t.Errorf("bon bij het formulier")
	}
	haal(t, h, "/vraag?van=huisarts&naar=politie&gegevens=identificerend&doel=gevaar_afwenden&datum=2026-03-01&feit=acuut_gevaar=true")
	if len(bonnen) != 1 || bonnen[0].Oordeel == "" {
		t.Errorf("bonnen: %v", bonnen)
	}
}

// scenario is a shared scenario file.
type scenario struct {
	ID    string          `json:"id"`
	Vraag json.RawMessage `json:"vraag"`
}

func scenarios(t *testing.T) []scenario {
	t.Helper()
	paden, err := filepath.Glob(filepath.Join("..", "..", "testdata", "scenarios", "*.json"))
	if err != nil || len(paden) == 0 {
		t.Fatalf("geen scenario's: %v", err)
	}
	var uit []scenario
	for _, p := range paden {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s scenario
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		uit = append(uit, s)
	}
	return uit
}

// TestAntwoordZoalsLibrary: for every shared scenario the answer page at the question's address shows
// the verdict, the grounds and the conditions of Engine.Beantwoord, the verdict per recipient and
// category, and the disclaimer.
func TestAntwoordZoalsLibrary(t *testing.T) {
	zwaar(t)
	t.Parallel()
	h, _ := testHandler(t)
	e := testEngine(t)
	for _, s := range scenarios(t) {
		v, err := kennisbank.LeesVraag(bytes.NewReader(s.Vraag))
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		a, err := e.Beantwoord(context.Background(), v)
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		if v.Datum == "" {
			v.Datum = "2026-03-01"
		}
		res, adres := volg(t, h, web.VraagAdres(v))
		body := lees(t, res)
		if res.StatusCode != 200 {
			t.Errorf("%s: %s: status %d", s.ID, adres, res.StatusCode)
			continue
		}
		zie := func(patroon string) []string {
			var uit []string
			for _, m := range regexp.MustCompile(patroon).FindAllStringSubmatch(body, -1) {
				uit = append(uit, m[1])
			}
			return uit
		}
		var grondslagen, voorwaarden, deel []string
		for _, g := range a.Grondslagen {
			grondslagen = append(grondslagen, g.ID)
		}
		for _, vw := range a.Voorwaarden {
			voorwaarden = append(voorwaarden, vw.ID)
		}
		if len(a.Deeloordelen) > 1 {
			for _, d := range a.Deeloordelen {
				deel = append(deel, string(d.Oordeel))
			}
		}
		if diff := cmp.Diff([]string{string(a.Oordeel)}, zie(`<section class="oordeel [a-z-]+" aria-labelledby="oordeel-kop" data-oordeel="([a-z_]+)">`)); diff != "" {
			t.Errorf("%s: oordeel (-library +pagina):\n%s", s.ID, diff)
		}
		if diff := cmp.Diff(grondslagen, zie(`<li data-grondslag="([^"]+)">`)); diff != "" {
			t.Errorf("%s: grondslagen (-library +pagina):\n%s", s.ID, diff)
		}
		if diff := cmp.Diff(voorwaarden, zie(`<li data-voorwaarde="([^"]+)">`)); diff != "" {
			t.Errorf("%s: voorwaarden (-library +pagina):\n%s", s.ID, diff)
		}
		if diff := cmp.Diff(deel, zie(`<tr data-oordeel="([a-z_]+)">`)); diff != "" {
			t.Errorf("%s: deeloordelen (-library +pagina):\n%s", s.ID, diff)
		}
		if !strings.Contains(body, "Dit antwoord is een hulpmiddel, geen juridisch advies.") {
			t.Errorf("%s: geen disclaimer", s.ID)
		}
		for _, vw := range a.Voorwaarden {
			if !strings.Contains(body, template(vw.Tekst)) {
				t.Errorf("%s: tekst van voorwaarde %s ontbreekt", s.ID, vw.ID)
			}
		}
	}
}

// TestMatrixPagina: the heat map of one covenant, its cells linking to the answer of the cell, and the
// canonical address of a matrix.
func TestMatrixPagina(t *testing.T) {
	zwaar(t)
	t.Parallel()
	h, _ := testHandler(t)
	doel := "/matrix?convenant=zvht&datum=2025-06-01&doel=zvh_casusoverleg&van=politie,ggz&gegevens=identificerend,gezondheid"
	res := haal(t, h, doel)
	body := lees(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d\n%s", doel, res.StatusCode, body)
	}
	if !strings.Contains(body, `<link rel="stylesheet" href="/stijl.css">`) || strings.Contains(body, "<style") {
		t.Errorf("matrix niet met het stijlblad")
	}
	m := regexp.MustCompile(`<a class="cel" href="([^"]+)" aria-label="Politie naar GGZ-instelling: ([^"]+)">`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("geen cel Politie → GGZ met een link en een tekst")
	}
	res, adres := volg(t, h, strings.ReplaceAll(m[1], "&amp;", "&"))
	if res.StatusCode != 200 || !strings.HasPrefix(adres, "/vraag?van=politie&naar=ggz&gegevens=identificerend,gezondheid&doel=zvh_casusoverleg&convenant=zvht&datum=2025-06-01") {
		t.Errorf("cel: %d %s", res.StatusCode, adres)
	}
	// Another order of the same parameters redirects; the cache gives the same page twice.
	if res := haal(t, h, "/matrix?datum=2025-06-01&convenant=ZVHT&doel=zvh_casusoverleg&van=politie,ggz&gegevens=identificerend,gezondheid"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("niet-canonieke matrix: %d", res.StatusCode)
	}
	if nog := lees(t, haal(t, h, doel)); nog != body {
		t.Errorf("tweede keer een andere pagina")
	}
	// Compressed for a browser that accepts it.
	req := httptest.NewRequest(http.MethodGet, doel, nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("matrix niet gecomprimeerd")
	} else if zr, err := gzip.NewReader(rec.Body); err != nil {
		t.Errorf("gzip: %v", err)
	} else if uit, _ := io.ReadAll(zr); string(uit) != body {
		t.Errorf("gecomprimeerd een andere pagina")
	}
	for _, fout := range []string{"/matrix?convenant=zvht&doel=zvh_onbekend", "/matrix?convenant=zvht&feit=acuut_gevaar=soms", "/matrix/cel?convenant=zvht&doel=zvh_casusoverleg", "/matrix?convenant=zvht&datum=2025-06-01&doel=ave_hulp"} {
		if res := haal(t, h, fout); res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: %d, verwacht 400", fout, res.StatusCode)
		}
	}
}

// TestStatisch: the static files come with a validator and answer 304 to it.
func TestStatisch(t *testing.T) {
	t.Parallel()
	h, _ := testHandler(t)
	res := haal(t, h, "/stijl.css")
	etag := res.Header.Get("ETag")
	body := lees(t, res)
	if etag == "" || !strings.Contains(body, ".oordeel-ja") || !strings.Contains(body, ".strook") || !strings.Contains(body, "--focus") {
		t.Fatalf("stijlblad: etag %q", etag)
	}
	req := httptest.NewRequest(http.MethodGet, "/stijl.css", nil)
	req.Header.Set("If-None-Match", etag)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", rec.Code)
	}
	if !slices.Contains(h.Patronen(), "GET /vraag") || !slices.Contains(h.Patronen(), "GET /{$}") {
		t.Errorf("Patronen: %v", h.Patronen())
	}
}
