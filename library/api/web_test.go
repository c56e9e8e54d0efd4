package api_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library/api"
	"github.com/twente-zorg-veiligheid/magikdelen/library/web"
)

// TestWebNaastAPI mounts the web pages next to the API: both answer with the security headers, the
// pages are counted in the metrics under their route pattern, a browser gets an HTML 404 outside /v1/,
// and neither the access log nor the metrics contain the question of a page's address.
func TestWebNaastAPI(t *testing.T) {
	t.Parallel()
	var w api.Wissel
	w.Zet(testEngine(t))
	var log bytes.Buffer
	h := api.NieuweHandler(&w, api.MetPaginas(web.NieuweHandler(&w)), api.MetToegangslog(slog.New(slog.NewTextHandler(&log, nil))))

	vraag := "/vraag?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden&datum=2026-03-01&feit=acuut_gevaar=true"
	tests := []struct {
		methode, doel, accept string
		status                int
		soort                 string
		paginaCSP             bool
	}{
		{"GET", "/", "text/html", 200, "text/html", true},
		{"GET", vraag, "text/html", 200, "text/html", true},
		{"GET", "/vraag?van=huisart", "text/html", 400, "text/html", true},
		{"GET", "/stijl.css", "text/css", 200, "text/css", true},
		{"GET", "/bestaat-niet", "text/html,application/xhtml+xml", 404, "text/html", true},
		{"GET", "/bestaat-niet", "", 404, "application/json", false},
		{"GET", "/v1/bestaat-niet", "text/html", 404, "application/json", false},
		{"POST", "/vraag", "text/html", 405, "application/json", false},
		{"GET", "/v1/vraag", "", 405, "application/json", false},
		{"POST", "/v1/vraag", "", 200, "application/json", false},
		{"GET", "/healthz", "", 200, "application/json", false},
		{"GET", "/metrics", "", 200, "text/plain", false},
	}
	for _, tt := range tests {
		var body io.Reader
		if tt.methode == "POST" && strings.HasPrefix(tt.doel, "/v1/") {
			body = strings.NewReader(geldigeVraag)
		}
		req := httptest.NewRequest(tt.methode, tt.doel, body)
		if tt.accept != "" {
			req.Header.Set("Accept", tt.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		naam := tt.methode + " " + tt.doel
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, verwacht %d", naam, rec.Code, tt.status)
		}
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tt.soort) {
			t.Errorf("%s: Content-Type %q", naam, got)
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if want := map[bool]string{true: web.ContentSecurityPolicy, false: api.ContentSecurityPolicy}[tt.paginaCSP]; csp != want {
			t.Errorf("%s: Content-Security-Policy %q, verwacht %q", naam, csp, want)
		}
		for kop, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := rec.Header().Get(kop); got != want {
				t.Errorf("%s: %s = %q", naam, kop, got)
			}
		}
	}

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	metrieken := rec.Body.String()
	if !strings.Contains(metrieken, `magikdelen_http_verzoeken_total{code="200",route="GET /vraag"} 1`) {
		t.Errorf("de antwoordpagina niet geteld onder haar route:\n%s", grep(metrieken, "verzoeken_total"))
	}
	toegang := log.String()
	if !strings.Contains(toegang, `route="GET /vraag" status=200`) || !strings.Contains(toegang, `route="POST /v1/vraag" status=200`) {
		t.Errorf("toegangslog zonder de routes:\n%s", toegang)
	}
	for _, geheim := range []string{"huisarts", "huisart", "acuut_gevaar", "gevaar_afwenden", "van=", "wijkteam", "bestaat-niet"} {
		if strings.Contains(toegang, geheim) {
			t.Errorf("toegangslog bevat %q (inhoud van een vraag of een pad):\n%s", geheim, toegang)
		}
		if strings.Contains(metrieken, geheim) {
			t.Errorf("metrieken bevatten %q", geheim)
		}
	}
}

func grep(s, woord string) string {
	var uit []string
	for _, r := range strings.Split(s, "\n") {
		if strings.Contains(r, woord) {
			uit = append(uit, r)
		}
	}
	return strings.Join(uit, "\n")
}
