package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
)

func TestAlleenLoopback(t *testing.T) {
	t.Parallel()
	for adres, ok := range map[string]bool{
		"http://127.0.0.1:8080": true, "http://localhost:1": true, "http://[::1]:9": true,
		"http://10.0.0.1:8080": false, "http://192.168.1.2": false, "http://example.org": false,
	} {
		if err := alleenLoopback(adres); (err == nil) != ok {
			t.Errorf("alleenLoopback(%q) = %v, verwacht toegestaan=%v", adres, err, ok)
		}
	}
}

// nepServer answers like magikdelen serveer would for the generator's own requests: 200 for a valid
// scenario question, 400 for anything else; kapot makes every answer a 500.
func nepServer(t *testing.T, kapot bool) *httptest.Server {
	t.Helper()
	verzoeken, err := maakVerzoeken("../../testdata/scenarios")
	if err != nil {
		t.Fatal(err)
	}
	geldig := map[string]bool{}
	for _, v := range verzoeken {
		if !v.misvormd {
			geldig[string(v.body)] = true
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("POST /v1/vraag", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch {
		case kapot:
			w.WriteHeader(http.StatusInternalServerError)
		case !geldig[string(body)]:
			w.WriteHeader(http.StatusBadRequest)
		default:
			w.Write([]byte(`{}`))
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestRunGeslaagdEnMislukt(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		naam  string
		kapot bool
		code  int
		regel string
	}{
		{"goede server", false, 0, "resultaat: geslaagd"},
		{"5xx", true, 1, "resultaat: MISLUKT"},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			srv := nepServer(t, tt.kapot)
			var uit, fout bytes.Buffer
			code := run([]string{"--url", srv.URL, "--aantal", "200", "--gelijktijdig", "4", "--scenarios", "../../testdata/scenarios"}, &uit, &fout)
			if code != tt.code || !strings.Contains(uit.String(), tt.regel) {
				t.Fatalf("code %d, verwacht %d\n%s%s", code, tt.code, uit.String(), fout.String())
			}
			if !strings.Contains(uit.String(), "verzoeken: 200 ") {
				t.Errorf("rapport telt niet 200 verzoeken:\n%s", uit.String())
			}
		})
	}
}

func TestControleerBonnen(t *testing.T) {
	t.Parallel()
	pad := filepath.Join(t.TempDir(), "bonnen.jsonl")
	s, err := bon.Open(pad)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := s.Schrijf(bon.Nieuw(library.Antwoord{Oordeel: library.Onbepaald}, time.Now(), time.Now())); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	var uit, fout bytes.Buffer
	if code := controleerBonnen(&uit, &fout, pad, 3); code != 0 {
		t.Errorf("3 bonnen, verwacht 3: code %d\n%s%s", code, uit.String(), fout.String())
	}
	if code := controleerBonnen(&uit, &fout, pad, 4); code != 1 {
		t.Errorf("3 bonnen, verwacht 4 (een bon kwijt): code %d, verwacht 1", code)
	}
}
