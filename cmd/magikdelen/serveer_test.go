package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
)

// veiligeBuffer is a bytes.Buffer that the server's goroutines and the test may use at once.
type veiligeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (v *veiligeBuffer) Write(p []byte) (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.b.Write(p)
}

func (v *veiligeBuffer) String() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.b.String()
}

// startServeer runs runServeer on a free loopback port and returns its base URL, its stderr, and a
// function that stops it and returns its error.
func startServeer(t *testing.T, opts *serveerOpties) (string, *veiligeBuffer, func() error) {
	t.Helper()
	fout := &veiligeBuffer{}
	opts.g.stromen = stromen{In: strings.NewReader(""), Out: io.Discard, Err: fout}
	opts.g.nieuweEngine = gedeeldeEngine
	opts.adres = "127.0.0.1:0"
	adres := make(chan net.Addr, 1)
	opts.gestart = func(a net.Addr) { adres <- a }
	ctx, annuleer := context.WithCancel(context.Background())
	klaar := make(chan error, 1)
	go func() { klaar <- runServeer(ctx, opts) }()
	select {
	case a := <-adres:
		stop := func() error { annuleer(); return <-klaar }
		t.Cleanup(func() { annuleer() })
		return "http://" + a.String(), fout, stop
	case err := <-klaar:
		annuleer()
		t.Fatalf("runServeer: %v\n%s", err, fout)
	case <-time.After(30 * time.Second):
		annuleer()
		t.Fatalf("server start niet\n%s", fout)
	}
	return "", nil, nil
}

func haalJSON(t *testing.T, methode, url, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(methode, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatalf("%s %s: geen JSON: %v", methode, url, err)
	}
	return res.StatusCode, m
}

func TestServeer(t *testing.T) {
	t.Parallel()
	basis, fout, stop := startServeer(t, &serveerOpties{g: &globaleOpties{}})
	if code, b := haalJSON(t, "GET", basis+"/healthz", ""); code != 200 || b["status"] != "ok" {
		t.Errorf("healthz: %d %v", code, b)
	}
	vraag := `{"van":"wijkteam","naar":"politie","gegevens":["identificerend","signaal"],"doel":"ave_signaleren","convenant":"ave","fase":"ave1","datum":"2026-03-01","feiten":{"toestemming":"niet_gevraagd"}}`
	if code, b := haalJSON(t, "POST", basis+"/v1/vraag", vraag); code != 200 || b["oordeel"] != "niet_toegestaan" {
		t.Errorf("vraag: %d %v", code, b["oordeel"])
	}
	if code, b := haalJSON(t, "POST", basis+"/v1/vraag", `{"van":"wijkteem"}`); code != 400 {
		t.Errorf("foute vraag: %d %v", code, b)
	}
	if err := stop(); err != nil {
		t.Fatalf("runServeer: %v", err)
	}
	log := fout.String()
	for _, moet := range []string{"magikdelen serveert de webpagina en de API", strings.TrimPrefix(basis, "http://"), "kennisbank=sha256:", "versie=", "magikdelen is gestopt"} {
		if !strings.Contains(log, moet) {
			t.Errorf("stderr zonder %q:\n%s", moet, log)
		}
	}
	if strings.Contains(log, "wijkteem") {
		t.Errorf("de inhoud van een vraag staat in het log:\n%s", log)
	}
}

func TestServeerHerlaad(t *testing.T) {
	t.Parallel()
	map_ := t.TempDir()
	if err := os.CopyFS(map_, convenants.FS); err != nil {
		t.Fatal(err)
	}
	opts := &serveerOpties{g: &globaleOpties{kennisbank: map_}, herlaad: true, interval: 20 * time.Millisecond}
	basis, fout, stop := startServeer(t, opts)
	versie := func() string {
		code, b := haalJSON(t, "GET", basis+"/readyz", "")
		if code != 200 {
			t.Fatalf("readyz: %d %v", code, b)
		}
		return b["kennisbank"].(map[string]any)["versie"].(string)
	}
	wacht := func(wat string, klaar func() bool) {
		t.Helper()
		for eind := time.Now().Add(30 * time.Second); time.Now().Before(eind); time.Sleep(20 * time.Millisecond) {
			if klaar() {
				return
			}
		}
		t.Fatalf("%s: te lang gewacht\n%s", wat, fout)
	}
	v1 := versie()

	// A valid change is loaded.
	voegToe(t, filepath.Join(map_, "partijen.yaml"), "\n# gewijzigd door de test\n")
	wacht("nieuwe versie", func() bool { return versie() != v1 })
	v2 := versie()
	if !strings.Contains(fout.String(), "kennisbank opnieuw geladen") {
		t.Errorf("geen melding van het herladen:\n%s", fout)
	}

	// An invalid change is reported and the previous engine stays.
	voegToe(t, filepath.Join(map_, "convenanten", "zvht.yaml"), "\n: [niet geldig\n")
	wacht("melding", func() bool { return strings.Contains(fout.String(), "herladen mislukt") })
	if v := versie(); v != v2 {
		t.Errorf("versie %s na een ongeldige wijziging, want de vorige %s", v, v2)
	}
	if !strings.Contains(fout.String(), filepath.Join(map_, "convenanten", "zvht.yaml")) {
		t.Errorf("de melding noemt het bestand niet:\n%s", fout)
	}
	if err := stop(); err != nil {
		t.Fatalf("runServeer: %v", err)
	}
}

func voegToe(t *testing.T, pad, tekst string) {
	t.Helper()
	f, err := os.OpenFile(pad, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(tekst); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestServeerGebruik(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		args []string
		code int
		fout string
	}{
		{"herlaad zonder kennisbank", []string{"serveer", "--herlaad"}, codeInvoer, "--herlaad werkt alleen met --kennisbank"},
		{"Engelse alias", []string{"serve", "--herlaad"}, codeInvoer, "--herlaad werkt alleen met --kennisbank"},
		{"argument", []string{"serveer", "nu"}, codeInvoer, "serveer verwacht geen argumenten"},
		{"interval 0", []string{"serveer", "--kennisbank", ".", "--herlaad", "--herlaad-interval", "0s"}, codeInvoer, "--herlaad-interval moet groter dan 0 zijn"},
		{"cache negatief", []string{"serveer", "--cache", "-1"}, codeInvoer, "--cache moet 0 of groter zijn"},
		{"adres bezet of ongeldig", []string{"serveer", "--adres", "127.0.0.1:99999"}, codeInvoer, "--adres"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			code, _, fout := draai(t, stromen{}, tt.args...)
			if code != tt.code || !strings.Contains(fout, tt.fout) {
				t.Errorf("exitcode %d, stderr %q; want %d met %q", code, fout, tt.code, tt.fout)
			}
		})
	}
}

// TestServeerBon: with --bon the server appends one decision receipt per answered question, and none for
// a rejected one; the receipts survive the shutdown.
func TestServeerBon(t *testing.T) {
	t.Parallel()
	pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
	basis, fout, stop := startServeer(t, &serveerOpties{g: &globaleOpties{}, bon: pad, bonBatch: 10})
	vraag := `{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","fase":"ave1","datum":"2026-03-01","feiten":{"toestemming":"gegeven"}}`
	for range 3 {
		if code, b := haalJSON(t, "POST", basis+"/v1/vraag", vraag); code != 200 {
			t.Fatalf("vraag: %d %v", code, b)
		}
	}
	if code, _ := haalJSON(t, "POST", basis+"/v1/vraag", `{"van":"wijkteem"}`); code != 400 {
		t.Fatalf("foute vraag: %d", code)
	}
	if err := stop(); err != nil {
		t.Fatalf("runServeer: %v\n%s", err, fout)
	}
	f, err := os.Open(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bonnen, err := bon.Lees(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(bonnen) != 3 {
		t.Fatalf("%d bonnen, verwacht 3 (één per beantwoorde vraag)", len(bonnen))
	}
	for _, b := range bonnen {
		if b.Oordeel != "toegestaan_onder_voorwaarden" || b.Vraag.Van != "wijkteam" || b.Vraag.Datum != "2026-03-01" {
			t.Errorf("bon %+v past niet bij de vraag", b)
		}
	}
}

// TestServeerWeb: serveer serves the web page next to the API, with the security headers; with
// --toegangslog it logs the route of every request but never the question in the address; with --bon an
// answer page writes a receipt, and without it nothing is written.
func TestServeerWeb(t *testing.T) {
	t.Parallel()
	bonPad := filepath.Join(t.TempDir(), "bonnen.jsonl")
	basis, fout, stop := startServeer(t, &serveerOpties{g: &globaleOpties{}, toegang: true, bon: bonPad})
	haal := func(pad string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest("GET", basis+pad, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept", "text/html")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	res, body := haal("/")
	if res.StatusCode != 200 || !strings.Contains(body, `<html lang="nl">`) || !strings.Contains(body, "Wie bent u?") {
		t.Fatalf("GET /: %d", res.StatusCode)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	res, body = haal("/vraag?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden&feit=acuut_gevaar=ja")
	if res.StatusCode != 200 || !strings.Contains(body, "Dit antwoord is een hulpmiddel, geen juridisch advies.") {
		t.Errorf("antwoordpagina: %d (%s)", res.StatusCode, res.Request.URL)
	}
	if res, _ := haal("/vraag?van=huisartss&naar=politie&gegevens=identificerend&doel=gevaar_afwenden"); res.StatusCode != 400 {
		t.Errorf("foute vraag: %d", res.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatalf("runServeer: %v", err)
	}
	log := fout.String()
	if !strings.Contains(log, `route="GET /vraag" status=303`) || !strings.Contains(log, `route="GET /vraag" status=200`) || !strings.Contains(log, `route="GET /{$}" status=200`) {
		t.Errorf("toegangslog zonder de routes:\n%s", log)
	}
	for _, geheim := range []string{"huisarts", "gevaar_afwenden", "acuut_gevaar", "identificerend", "van="} {
		if strings.Contains(log, geheim) {
			t.Errorf("het log bevat %q:\n%s", geheim, log)
		}
	}
	bonnen, err := os.ReadFile(bonPad)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(bonnen), "\n"); n != 1 {
		t.Errorf("%d bonnen na één antwoordpagina:\n%s", n, bonnen)
	}
}
