package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
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

// zonderDatum is a question body without its date, to recognise a scenario question on another date.
func zonderDatum(body []byte) string {
	var v map[string]any
	if json.Unmarshal(body, &v) != nil {
		return "misvormd:" + string(body)
	}
	delete(v, "datum")
	uit, _ := json.Marshal(v)
	return string(uit)
}

// nepServer answers like magikdelen serveer would for the generator's own requests: 200 for a valid
// scenario question (on any date), 400 for anything else; kapot makes every answer a 500, traag makes
// every answer wait that long.
func nepServer(t *testing.T, kapot bool, traag time.Duration) *httptest.Server {
	t.Helper()
	verzoeken, err := maakVerzoeken("../../testdata/scenarios")
	if err != nil {
		t.Fatal(err)
	}
	geldig := map[string]bool{}
	for _, v := range verzoeken {
		if !v.misvormd {
			geldig[zonderDatum(v.body)] = true
		}
	}
	var datums sync.Map
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("POST /v1/vraag", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var v struct{ Datum string }
		if json.Unmarshal(body, &v) == nil {
			datums.Store(v.Datum, true)
		}
		if traag > 0 {
			time.Sleep(traag)
		}
		switch {
		case kapot:
			w.WriteHeader(http.StatusInternalServerError)
		case !geldig[zonderDatum(body)]:
			w.WriteHeader(http.StatusBadRequest)
		default:
			w.Write([]byte(`{}`))
		}
	})
	mux.HandleFunc("GET /datums", func(w http.ResponseWriter, _ *http.Request) {
		n := 0
		datums.Range(func(any, any) bool { n++; return true })
		fmt.Fprint(w, n)
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
			srv := nepServer(t, tt.kapot, 0)
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

// TestGemengd: with --vragen gemengd every round of the scenario questions has a date of its own.
func TestGemengd(t *testing.T) {
	t.Parallel()
	srv := nepServer(t, false, 0)
	var uit, fout bytes.Buffer
	code := run([]string{"--url", srv.URL, "--aantal", "450", "--gelijktijdig", "4", "--vragen", "gemengd", "--scenarios", "../../testdata/scenarios"}, &uit, &fout)
	if code != 0 || !strings.Contains(uit.String(), "vragen: gemengd") {
		t.Fatalf("code %d\n%s%s", code, uit.String(), fout.String())
	}
	res, err := http.Get(srv.URL + "/datums")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	// 450 requests over 45 questions per round (36 scenarios + 9 malformed): 10 rounds, 10 dates, plus
	// the "" of malformed bodies that parse.
	if n, _ := strconv.Atoi(string(b)); n < 10 {
		t.Errorf("%s verschillende datums, verwacht minstens 10", b)
	}
}

// TestTijdsgrens: the limit is printed, and what it cuts off is counted as unanswered, not as a
// connection error.
func TestTijdsgrens(t *testing.T) {
	t.Parallel()
	srv := nepServer(t, false, 20*time.Millisecond)
	var uit, fout bytes.Buffer
	code := run([]string{"--url", srv.URL, "--aantal", "2000", "--gelijktijdig", "2", "--max-duur", "200ms", "--scenarios", "../../testdata/scenarios"}, &uit, &fout)
	rapport := uit.String()
	if code != 1 || !strings.Contains(rapport, "tijdsgrens: 200ms") || !strings.Contains(rapport, "0 verbindingsfouten") ||
		!strings.Contains(rapport, "resultaat: MISLUKT") || strings.Contains(rapport, " 0 onbeantwoord") {
		t.Fatalf("code %d\n%s%s", code, rapport, fout.String())
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
		if err := s.Schrijf(bon.Nieuw(library.Antwoord{Oordeel: kennisbank.Onbepaald}, time.Now(), time.Now())); err != nil {
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
