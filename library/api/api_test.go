package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/api"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	engineOnce sync.Once
	engine     *library.Engine
	engineErr  error
)

// testEngine is one engine with the embedded knowledge base, shared by all tests: library.New is slow.
func testEngine(t testing.TB) *library.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = library.New(context.Background()) })
	if engineErr != nil {
		t.Fatalf("library.New: %v", engineErr)
	}
	return engine
}

func testHandler(t testing.TB, opts ...api.Optie) http.Handler {
	t.Helper()
	var w api.Wissel
	w.Zet(testEngine(t))
	return api.NieuweHandler(&w, opts...)
}

// geldigeVraag is the question of scenario AVE-01.
const geldigeVraag = `{"van":"wijkteam","naar":["politie"],"gegevens":["identificerend","signaal"],"doel":"ave_signaleren","convenant":"ave","fase":"ave1","datum":"2026-03-01","feiten":{"toestemming":"niet_gevraagd"}}`

// vraagMet is geldigeVraag with some keys changed (a nil value removes the key).
func vraagMet(t *testing.T, wijzig map[string]any) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(geldigeVraag), &v); err != nil {
		t.Fatal(err)
	}
	for k, w := range wijzig {
		if w == nil {
			delete(v, k)
		} else {
			v[k] = w
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// doe sends one request and returns the status and the body decoded as JSON (failing if it is not).
func doe(t testing.TB, h http.Handler, methode, pad, body string) (*http.Response, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(methode, pad, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	inhoud, _ := io.ReadAll(res.Body)
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		return res, map[string]any{"tekst": string(inhoud)}
	}
	var m map[string]any
	if err := json.Unmarshal(inhoud, &m); err != nil {
		t.Fatalf("%s %s: body is geen JSON-object (%v): %q", methode, pad, err, inhoud)
	}
	return res, m
}

func sleutels(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestRoutes(t *testing.T) {
	t.Parallel()
	h := testHandler(t)
	tests := []struct {
		naam, methode, pad, body string
		status                   int
		sleutels                 []string // top-level keys of the JSON body, exactly
		check                    func(t *testing.T, body map[string]any)
	}{
		{"vraag", http.MethodPost, "/v1/vraag", geldigeVraag, 200,
			[]string{"alternatieven", "deeloordelen", "grondslagen", "kader", "kennisbank", "keten", "ontbrekende_feiten", "oordeel", "redenen", "samenvatting", "voorwaarden", "vraag", "vraagbaak", "zekerheid"},
			func(t *testing.T, b map[string]any) {
				if b["oordeel"] != "niet_toegestaan" {
					t.Errorf("oordeel = %v, want niet_toegestaan (scenario AVE-01)", b["oordeel"])
				}
			}},
		{"naar als tekst", http.MethodPost, "/v1/vraag", `{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","datum":"2026-03-01"}`, 200, nil, nil},
		{"convenanten", http.MethodGet, "/v1/convenanten", "", 200, []string{"convenanten", "kennisbank"},
			func(t *testing.T, b map[string]any) {
				lijst, _ := b["convenanten"].([]any)
				var ids []string
				for _, c := range lijst {
					c := c.(map[string]any)
					ids = append(ids, c["id"].(string))
					for k := range c {
						if !slices.Contains([]string{"id", "naam", "korte_naam", "soort", "status", "geldig_vanaf", "geldig_tot", "zekerheid"}, k) {
							t.Errorf("onverwachte sleutel %q in %v", k, c)
						}
					}
					if c["naam"] == "" || c["status"] == "" {
						t.Errorf("naam of status leeg: %v", c)
					}
				}
				for _, id := range []string{"ave", "zvht", "wams"} {
					if !slices.Contains(ids, id) {
						t.Errorf("convenant %s ontbreekt in %v", id, ids)
					}
				}
			}},
		{"één convenant", http.MethodGet, "/v1/convenanten/zvht", "", 200, nil,
			func(t *testing.T, b map[string]any) {
				if b["naam"] == nil || b["naam"] == "" {
					t.Errorf("convenant zonder naam: %v", sleutels(b))
				}
			}},
		{"convenant in hoofdletters", http.MethodGet, "/v1/convenanten/ZVHT", "", 200, nil, nil},
		{"openapi", http.MethodGet, "/v1/openapi.json", "", 200, []string{"components", "info", "openapi", "paths", "servers"}, nil},
		{"healthz", http.MethodGet, "/healthz", "", 200, []string{"status"},
			func(t *testing.T, b map[string]any) {
				if b["status"] != "ok" {
					t.Errorf("status = %v", b["status"])
				}
			}},
		{"readyz", http.MethodGet, "/readyz", "", 200, []string{"kennisbank", "status"},
			func(t *testing.T, b map[string]any) {
				kb, _ := b["kennisbank"].(map[string]any)
				if v, _ := kb["versie"].(string); !strings.HasPrefix(v, "sha256:") {
					t.Errorf("versie = %v", kb["versie"])
				}
			}},
		{"metrics", http.MethodGet, "/metrics", "", 200, nil, nil},
		{"HEAD healthz", http.MethodHead, "/healthz", "", 200, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.methode, tt.pad, strings.NewReader(tt.body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.methode == http.MethodHead || tt.pad == "/metrics" {
				return
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			var b map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
				t.Fatalf("geen JSON-object: %v", err)
			}
			if tt.sleutels != nil && !slices.Equal(sleutels(b), tt.sleutels) {
				t.Errorf("sleutels %v, want %v", sleutels(b), tt.sleutels)
			}
			if tt.check != nil {
				tt.check(t, b)
			}
		})
	}
}

func TestFouten(t *testing.T) {
	t.Parallel()
	h := testHandler(t)
	groot := `{"van":"` + strings.Repeat("x", api.MaxVraag) + `"}`
	tests := []struct {
		naam, methode, pad, body string
		status                   int
		code, veld               string
		suggestie                string // one of the suggestions, if any
	}{
		{"lege body", "POST", "/v1/vraag", "", 400, "ongeldige_json", "", ""},
		{"afgebroken JSON", "POST", "/v1/vraag", `{"van":`, 400, "ongeldige_json", "", ""},
		{"syntaxfout", "POST", "/v1/vraag", `{van: wijkteam}`, 400, "ongeldige_json", "", ""},
		{"twee documenten", "POST", "/v1/vraag", geldigeVraag + geldigeVraag, 400, "ongeldige_json", "", ""},
		{"lijst in plaats van object", "POST", "/v1/vraag", `[]`, 400, "verkeerd_type", "", ""},
		{"onbekende sleutel", "POST", "/v1/vraag", vraagMet(t, map[string]any{"ontvanger": "om"}), 400, "onbekend_veld", "ontvanger", ""},
		{"onbekende partij", "POST", "/v1/vraag", vraagMet(t, map[string]any{"naar": []string{"politei"}}), 400, "onbekende_id", "naar[0]", "politie"},
		{"onbekende verstrekker", "POST", "/v1/vraag", vraagMet(t, map[string]any{"van": "wijkteem"}), 400, "onbekende_id", "van", "wijkteam"},
		{"onbekende categorie", "POST", "/v1/vraag", vraagMet(t, map[string]any{"gegevens": []string{"signaal", "gezondhied"}}), 400, "onbekende_id", "gegevens[1]", "gezondheid"},
		{"onbekend doel", "POST", "/v1/vraag", vraagMet(t, map[string]any{"doel": "ave_signalering"}), 400, "onbekende_id", "doel", "ave_signaleren"},
		{"onbekend convenant", "POST", "/v1/vraag", vraagMet(t, map[string]any{"convenant": "zvth"}), 400, "onbekende_id", "convenant", "zvht"},
		{"onbekende fase", "POST", "/v1/vraag", vraagMet(t, map[string]any{"fase": "ave9"}), 400, "onbekende_id", "fase", ""},
		{"onbekend feit", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"toestemmming": "gegeven"}}), 400, "onbekende_id", "feiten.toestemmming", "toestemming"},
		{"onbekende waarde van een feit", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"toestemming": "ja"}}), 400, "onbekende_id", "feiten.toestemming", ""},
		{"gegevens als tekst", "POST", "/v1/vraag", vraagMet(t, map[string]any{"gegevens": "signaal"}), 400, "verkeerd_type", "gegevens", ""},
		{"naar als getal", "POST", "/v1/vraag", vraagMet(t, map[string]any{"naar": 5}), 400, "verkeerd_type", "naar", ""},
		{"leeftijd als tekst", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"leeftijd": "veertien"}}), 400, "verkeerd_type", "feiten.leeftijd", ""},
		{"leeftijd als breuk", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"leeftijd": 14.5}}), 400, "verkeerd_type", "feiten.leeftijd", ""},
		{"ja/nee onbekend", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"acuut_gevaar": "misschien"}}), 400, "verkeerd_type", "feiten.acuut_gevaar", ""},
		{"dubbele sleutel", "POST", "/v1/vraag", `{"van": "politie", "van": "om"}`, 400, "ongeldige_json", "van", ""},
		{"ongeldige datum", "POST", "/v1/vraag", vraagMet(t, map[string]any{"datum": "2026-02-30"}), 400, "ongeldige_datum", "datum", ""},
		{"datum in ander formaat", "POST", "/v1/vraag", vraagMet(t, map[string]any{"datum": "01-03-2026"}), 400, "ongeldige_datum", "datum", ""},
		{"ongeldige datum in feit", "POST", "/v1/vraag", vraagMet(t, map[string]any{"feiten": map[string]any{"casus_gesloten_op": "gisteren"}}), 400, "ongeldige_datum", "feiten.casus_gesloten_op", ""},
		{"doel ontbreekt", "POST", "/v1/vraag", vraagMet(t, map[string]any{"doel": nil}), 400, "verplicht_veld", "doel", ""},
		{"van ontbreekt", "POST", "/v1/vraag", vraagMet(t, map[string]any{"van": nil}), 400, "verplicht_veld", "van", ""},
		{"naar leeg", "POST", "/v1/vraag", vraagMet(t, map[string]any{"naar": []string{}}), 400, "verplicht_veld", "naar", ""},
		{"lege object", "POST", "/v1/vraag", `{}`, 400, "verplicht_veld", "van", ""},
		{"te groot", "POST", "/v1/vraag", groot, 413, "te_groot", "", ""},
		{"GET op vraag", "GET", "/v1/vraag", "", 405, "methode_niet_toegestaan", "", ""},
		{"DELETE op healthz", "DELETE", "/healthz", "", 405, "methode_niet_toegestaan", "", ""},
		{"POST op convenanten", "POST", "/v1/convenanten", "{}", 405, "methode_niet_toegestaan", "", ""},
		{"onbekend pad", "GET", "/v2/vraag", "", 404, "niet_gevonden", "", ""},
		{"wortel", "GET", "/", "", 404, "niet_gevonden", "", ""},
		{"onbekend convenant in pad", "GET", "/v1/convenanten/zvth", "", 404, "onbekende_id", "id", "zvht"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			res, b := doe(t, h, tt.methode, tt.pad, tt.body)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %v", res.StatusCode, tt.status, b)
			}
			f, ok := b["fout"].(map[string]any)
			if !ok || !slices.Equal(sleutels(b), []string{"fout"}) {
				t.Fatalf("geen foutobject: %v", b)
			}
			for _, k := range []string{"code", "veld", "bericht", "suggesties"} {
				if _, ok := f[k]; !ok {
					t.Errorf("fout zonder %q: %v", k, f)
				}
			}
			if f["code"] != tt.code || f["veld"] != tt.veld {
				t.Errorf("code %v veld %v, want %s %s (bericht %q)", f["code"], f["veld"], tt.code, tt.veld, f["bericht"])
			}
			if bericht, _ := f["bericht"].(string); bericht == "" {
				t.Errorf("lege melding")
			}
			if tt.suggestie != "" {
				sug, _ := f["suggesties"].([]any)
				if !slices.Contains(sug, any(tt.suggestie)) {
					t.Errorf("suggesties %v, want %q erbij", sug, tt.suggestie)
				}
			}
			if tt.status == 405 && res.Header.Get("Allow") == "" {
				t.Errorf("405 zonder Allow-header")
			}
		})
	}
}

// paniekBron panics when asked for the engine.
type paniekBron struct{}

func (paniekBron) Huidig() *library.Engine { panic("kapot") }

func TestPaniekWordtInterneFout(t *testing.T) {
	t.Parallel()
	h := api.NieuweHandler(paniekBron{})
	for _, pad := range []string{"/v1/vraag", "/v1/convenanten"} {
		methode := http.MethodGet
		if pad == "/v1/vraag" {
			methode = http.MethodPost
		}
		res, b := doe(t, h, methode, pad, geldigeVraag)
		if res.StatusCode != 500 {
			t.Fatalf("%s: status %d", pad, res.StatusCode)
		}
		f := b["fout"].(map[string]any)
		if f["code"] != "interne_fout" || strings.Contains(f["bericht"].(string), "kapot") {
			t.Errorf("%s: fout %v", pad, f)
		}
	}
	if res, _ := doe(t, h, "GET", "/healthz", ""); res.StatusCode != 200 {
		t.Errorf("healthz na paniek: %d", res.StatusCode)
	}
}

func TestZonderEngine(t *testing.T) {
	t.Parallel()
	for _, h := range []http.Handler{api.NieuweHandler(nil), api.NieuweHandler(&api.Wissel{})} {
		res, b := doe(t, h, "GET", "/readyz", "")
		if res.StatusCode != 503 || b["status"] != "niet_gereed" {
			t.Errorf("readyz: %d %v", res.StatusCode, b)
		}
		if res, _ := doe(t, h, "GET", "/healthz", ""); res.StatusCode != 200 {
			t.Errorf("healthz: %d", res.StatusCode)
		}
		for _, r := range []struct{ methode, pad string }{{"POST", "/v1/vraag"}, {"GET", "/v1/convenanten"}, {"GET", "/v1/convenanten/zvht"}} {
			res, b := doe(t, h, r.methode, r.pad, geldigeVraag)
			if f, _ := b["fout"].(map[string]any); res.StatusCode != 503 || f["code"] != "niet_gereed" {
				t.Errorf("%s %s: %d %v", r.methode, r.pad, res.StatusCode, b)
			}
		}
	}
}

func TestBon(t *testing.T) {
	t.Parallel()
	var (
		mu     sync.Mutex
		bonnen []library.Antwoord
		vragen []kennisbank.Vraag
	)
	h := testHandler(t, api.MetBon(func(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time) {
		mu.Lock()
		defer mu.Unlock()
		if ctx == nil || eind.Before(start) {
			t.Errorf("ctx %v, start %v, eind %v", ctx, start, eind)
		}
		vragen, bonnen = append(vragen, v), append(bonnen, a)
	}))
	doe(t, h, "POST", "/v1/vraag", geldigeVraag)
	doe(t, h, "POST", "/v1/vraag", `{"van":"x"}`) // not answered: no receipt
	mu.Lock()
	defer mu.Unlock()
	if len(bonnen) != 1 || bonnen[0].Oordeel != kennisbank.NietToegestaan || vragen[0].Van != "wijkteam" {
		t.Errorf("bonnen %d: %+v", len(bonnen), vragen)
	}
}

func TestBonPaniek(t *testing.T) {
	t.Parallel()
	h := testHandler(t, api.MetBon(func(context.Context, kennisbank.Vraag, library.Antwoord, time.Time, time.Time) { panic("bon kapot") }))
	res, b := doe(t, h, "POST", "/v1/vraag", geldigeVraag)
	if res.StatusCode != 200 || b["oordeel"] == nil {
		t.Errorf("status %d: %v", res.StatusCode, b)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	h := testHandler(t)
	doe(t, h, "POST", "/v1/vraag", geldigeVraag)
	doe(t, h, "POST", "/v1/vraag", vraagMet(t, map[string]any{"naar": []string{"geheime_partij_xyz"}}))
	doe(t, h, "GET", "/v1/convenanten/niet_bestaand_convenant", "")
	doe(t, h, "GET", "/geheim/pad", "")
	doe(t, h, "GET", "/healthz", "")
	_, b := doe(t, h, "GET", "/metrics", "")
	tekst := b["tekst"].(string)
	for _, moet := range []string{
		`magikdelen_http_verzoeken_total{code="200",route="POST /v1/vraag"} 1`,
		`magikdelen_http_verzoeken_total{code="400",route="POST /v1/vraag"} 1`,
		`magikdelen_http_verzoeken_total{code="404",route="GET /v1/convenanten/{id}"} 1`,
		`magikdelen_http_verzoeken_total{code="404",route="onbekend"} 1`,
		`magikdelen_http_verzoeken_total{code="200",route="GET /healthz"} 1`,
		`magikdelen_http_verzoekduur_seconds_count{route="POST /v1/vraag"} 2`,
		`magikdelen_oordelen_total{oordeel="niet_toegestaan"} 1`,
		`magikdelen_oordelen_total{oordeel="toegestaan"} 0`,
		`magikdelen_fouten_total{code="onbekende_id"} 2`,
		`go_goroutines`,
	} {
		if !strings.Contains(tekst, moet) {
			t.Errorf("metrics zonder %q", moet)
		}
	}
	for _, niet := range []string{"wijkteam", "politie", "geheime_partij_xyz", "niet_bestaand_convenant", "geheim"} {
		if strings.Contains(tekst, niet) {
			t.Errorf("metrics bevatten inhoud van een vraag: %q", niet)
		}
	}
}

// TestWisselOnderLast swaps engines while requests are served; run with -race.
func TestWisselOnderLast(t *testing.T) {
	t.Parallel()
	e1 := testEngine(t)
	var w api.Wissel
	w.Zet(e1)
	h := api.NieuweHandler(&w)
	var stop atomic.Bool
	klaar := make(chan struct{})
	go func() {
		defer close(klaar)
		for i := 0; !stop.Load(); i++ {
			if i%2 == 0 {
				w.Zet(nil)
			} else {
				w.Zet(e1)
			}
			time.Sleep(100 * time.Microsecond)
		}
		w.Zet(e1)
	}()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				var req *http.Request
				switch (g + i) % 3 {
				case 0:
					req = httptest.NewRequest("POST", "/v1/vraag", strings.NewReader(geldigeVraag))
				case 1:
					req = httptest.NewRequest("GET", "/v1/convenanten", nil)
				default:
					req = httptest.NewRequest("GET", "/readyz", nil)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 && rec.Code != 503 {
					t.Errorf("status %d: %s", rec.Code, rec.Body)
				}
				if !json.Valid(rec.Body.Bytes()) {
					t.Errorf("geen JSON: %s", rec.Body)
				}
			}
		}()
	}
	wg.Wait()
	stop.Store(true)
	<-klaar
	if res, _ := doe(t, h, "GET", "/readyz", ""); res.StatusCode != 200 {
		t.Errorf("readyz na wisselen: %d", res.StatusCode)
	}
}

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Required   []string                   `json:"required"`
		} `json:"schemas"`
	} `json:"components"`
}

func leesOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	inhoud, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(inhoud, api.OpenAPI()) {
		t.Fatal("OpenAPI() is niet openapi.json")
	}
	var doc openAPIDoc
	if err := json.Unmarshal(inhoud, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi = %q", doc.OpenAPI)
	}
	return doc
}

func TestOpenAPI(t *testing.T) {
	t.Parallel()
	doc := leesOpenAPI(t)
	h := testHandler(t)

	var gedocumenteerd []string
	for pad, methoden := range doc.Paths {
		for methode := range methoden {
			if methode == "parameters" {
				continue
			}
			patroon := strings.ToUpper(methode) + " " + pad
			gedocumenteerd = append(gedocumenteerd, patroon)
			t.Run(patroon, func(t *testing.T) {
				body := ""
				if methode == "post" {
					body = geldigeVraag
				}
				req := httptest.NewRequest(strings.ToUpper(methode), strings.ReplaceAll(pad, "{id}", "zvht"), strings.NewReader(body))
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code == 404 || rec.Code == 405 || rec.Code >= 500 {
					t.Errorf("status %d: %s", rec.Code, rec.Body)
				}
			})
		}
	}
	sort.Strings(gedocumenteerd)
	bediend := api.RoutePatronen()
	sort.Strings(bediend)
	if !slices.Equal(gedocumenteerd, bediend) {
		t.Errorf("routes in openapi.json %v, de handler bedient %v", gedocumenteerd, bediend)
	}

	// The top-level keys of an answer are exactly the properties of the schema Antwoord.
	schema, ok := doc.Components.Schemas["Antwoord"]
	if !ok {
		t.Fatal("geen schema Antwoord")
	}
	var eigenschappen []string
	for k := range schema.Properties {
		eigenschappen = append(eigenschappen, k)
	}
	sort.Strings(eigenschappen)
	_, antwoord := doe(t, h, "POST", "/v1/vraag", geldigeVraag)
	if got := sleutels(antwoord); !slices.Equal(got, eigenschappen) {
		t.Errorf("sleutels van het antwoord %v, eigenschappen van Antwoord %v", got, eigenschappen)
	}
	for _, r := range schema.Required {
		if _, ok := antwoord[r]; !ok {
			t.Errorf("verplichte sleutel %q ontbreekt in het antwoord", r)
		}
	}
	// The error body matches the schema Fout.
	_, f := doe(t, h, "POST", "/v1/vraag", "{")
	if got := sleutels(f["fout"].(map[string]any)); !slices.Equal(got, []string{"bericht", "code", "suggesties", "veld"}) {
		t.Errorf("fout heeft sleutels %v", got)
	}
}

// TestScenarios answers every scenario question over HTTP and checks the verdict.
func TestScenarios(t *testing.T) {
	t.Parallel()
	h := testHandler(t)
	bestanden, _ := filepath.Glob("../../testdata/scenarios/*.json")
	if len(bestanden) == 0 {
		t.Skip("geen scenario's")
	}
	for _, pad := range bestanden {
		t.Run(filepath.Base(pad), func(t *testing.T) {
			t.Parallel()
			var sc struct {
				Vraag    json.RawMessage `json:"vraag"`
				Verwacht struct {
					Oordeel string `json:"oordeel"`
				} `json:"verwacht"`
			}
			inhoud, err := os.ReadFile(pad)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(inhoud, &sc); err != nil {
				t.Fatal(err)
			}
			res, b := doe(t, h, "POST", "/v1/vraag", string(sc.Vraag))
			if res.StatusCode != 200 || b["oordeel"] != sc.Verwacht.Oordeel {
				t.Errorf("status %d, oordeel %v, want %s", res.StatusCode, b["oordeel"], sc.Verwacht.Oordeel)
			}
		})
	}
}

// TestOverbelast: a question that cannot be answered within the time limit is a 503 "overbelast" with
// Retry-After, not an internal error.
func TestOverbelast(t *testing.T) {
	t.Parallel()
	h := testHandler(t, api.MetTijdslimiet(time.Nanosecond))
	res, body := doe(t, h, "POST", "/v1/vraag", vraagMet(t, nil))
	f, _ := body["fout"].(map[string]any)
	if res.StatusCode != http.StatusServiceUnavailable || f["code"] != "overbelast" || res.Header.Get("Retry-After") == "" {
		t.Fatalf("status %d, fout %v, Retry-After %q; verwacht 503 overbelast met Retry-After", res.StatusCode, f, res.Header.Get("Retry-After"))
	}
}

// TestCacheInDeAPI: with a decision cache the second identical question gets the same bytes, with the
// same headers, from the cache; /metrics counts hits and misses.
func TestCacheInDeAPI(t *testing.T) {
	t.Parallel()
	e, err := library.New(context.Background(), library.MetCache(4))
	if err != nil {
		t.Fatal(err)
	}
	var w api.Wissel
	w.Zet(e)
	h := api.NieuweHandler(&w)
	vraag := func() (*http.Response, []byte) {
		req := httptest.NewRequest(http.MethodPost, "/v1/vraag", strings.NewReader(geldigeVraag))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		inhoud, _ := io.ReadAll(res.Body)
		return res, inhoud
	}
	res1, b1 := vraag()
	res2, b2 := vraag()
	if res1.StatusCode != 200 || res2.StatusCode != 200 {
		t.Fatalf("status %d en %d", res1.StatusCode, res2.StatusCode)
	}
	if !bytes.Equal(b1, b2) || !bytes.HasSuffix(b1, []byte("}\n")) {
		t.Fatalf("de tweede body verschilt van de eerste of eindigt niet op }\\n:\n%.200s\n%.200s", b1, b2)
	}
	want, err := testEngine(t).Beantwoord(context.Background(), mustLeesVraag(t, geldigeVraag))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(b1, append(wantJSON, '\n')) {
		t.Fatal("de body is niet de JSON van het antwoord van een engine zonder cache")
	}
	for _, k := range []string{"Content-Type", "Cache-Control"} {
		if res1.Header.Get(k) != res2.Header.Get(k) || res1.Header.Get(k) == "" {
			t.Errorf("kop %s: %q en %q", k, res1.Header.Get(k), res2.Header.Get(k))
		}
	}
	_, m := doe(t, h, "GET", "/metrics", "")
	for _, moet := range []string{"magikdelen_cache_treffers_total 1", "magikdelen_cache_missers_total 1", "magikdelen_cache_antwoorden 1", "\nmagikdelen_gedeelde_waarden "} {
		if !strings.Contains(m["tekst"].(string), moet) {
			t.Errorf("metrics zonder %q", moet)
		}
	}
	if strings.Contains(m["tekst"].(string), "\nmagikdelen_gedeelde_waarden 0\n") {
		t.Error("na een beantwoorde vraag bewaart de engine geen enkele waarde")
	}
}

func mustLeesVraag(t *testing.T, s string) kennisbank.Vraag {
	t.Helper()
	v, err := kennisbank.LeesVraag(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAntwoordMetLengte: over real HTTP an answer is one body with its length, not chunked, and it is
// exactly the engine's JSON and a newline, also when a long answer came before it (the kept buffer).
func TestAntwoordMetLengte(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(testHandler(t))
	defer srv.Close()
	lang := `{"van":"politie","naar":["overleg_deelnemers"],"gegevens":["politiegegevens","strafrechtelijk"],"doel":"zvh_casusoverleg","convenant":"zvht","datum":"2025-06-01","feiten":{"inclusiecriteria":true}}`
	for _, vraag := range []string{lang, geldigeVraag, lang, geldigeVraag} {
		v, err := kennisbank.LeesVraag(strings.NewReader(vraag))
		if err != nil {
			t.Fatal(err)
		}
		b, err := testEngine(t).Beslis(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.Post(srv.URL+"/v1/vraag", "application/json", strings.NewReader(vraag))
		if err != nil {
			t.Fatal(err)
		}
		inhoud, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, inhoud)
		}
		if want := b.JSON() + "\n"; string(inhoud) != want {
			t.Errorf("body van %d bytes, want het antwoord van de engine (%d bytes)", len(inhoud), len(want))
		}
		if res.ContentLength != int64(len(inhoud)) || len(res.TransferEncoding) != 0 {
			t.Errorf("Content-Length %d, Transfer-Encoding %v; want %d en geen", res.ContentLength, res.TransferEncoding, len(inhoud))
		}
	}
}
