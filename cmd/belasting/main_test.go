package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
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

// zonderDatum is a question body without its date and the age of the data subject, to recognise a
// scenario question on another date or of another round of --vragen dag.
func zonderDatum(body []byte) string {
	var v map[string]any
	if json.Unmarshal(body, &v) != nil {
		return "misvormd:" + string(body)
	}
	delete(v, "datum")
	if feiten, ok := v["feiten"].(map[string]any); ok {
		delete(feiten, "leeftijd")
		if len(feiten) == 0 {
			delete(v, "feiten")
		}
	}
	uit, _ := json.Marshal(v)
	return string(uit)
}

// nepServer answers like magikdelen serveer would for the generator's own requests: 200 for a valid
// scenario question (on any date, with any age), 400 for anything else; kapot makes every answer a 500,
// traag makes every answer wait that long.
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
	var datums, bodies sync.Map
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("POST /v1/vraag", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if traag > 0 {
			time.Sleep(traag)
		}
		switch {
		case kapot:
			w.WriteHeader(http.StatusInternalServerError)
		case !geldig[zonderDatum(body)]:
			w.WriteHeader(http.StatusBadRequest)
		default:
			var v struct{ Datum string }
			json.Unmarshal(body, &v)
			datums.Store(v.Datum, true)
			bodies.Store(string(body), true)
			w.Write([]byte(`{}`))
		}
	})
	mux.HandleFunc("GET /vragen", aantalIn(&bodies))
	mux.HandleFunc("GET /datums", aantalIn(&datums))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// aantalIn answers with the number of entries in m.
func aantalIn(m *sync.Map) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		n := 0
		m.Range(func(any, any) bool { n++; return true })
		fmt.Fprint(w, n)
	}
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

// TestNieuweVragen: with --vragen gemengd every round of the scenario questions has a date of its own; with
// --vragen dag every valid question is new (36 scenario questions in 10 rounds: 360 different questions), all
// on one date. 450 requests over 45 questions per round (36 scenarios + 9 malformed): 10 rounds.
func TestNieuweVragen(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		soort          string
		vragen, datums int
	}{
		{"gemengd", 360, 10},
		{"dag", 360, 1},
	} {
		t.Run(tt.soort, func(t *testing.T) {
			t.Parallel()
			srv := nepServer(t, false, 0)
			var uit, fout bytes.Buffer
			code := run([]string{"--url", srv.URL, "--aantal", "450", "--gelijktijdig", "4", "--vragen", tt.soort, "--scenarios", "../../testdata/scenarios"}, &uit, &fout)
			if code != 0 || !strings.Contains(uit.String(), "vragen: "+tt.soort) {
				t.Fatalf("code %d\n%s%s", code, uit.String(), fout.String())
			}
			tel := func(pad string) int {
				t.Helper()
				res, err := http.Get(srv.URL + pad)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				n, _ := strconv.Atoi(string(b))
				return n
			}
			if n := tel("/vragen"); n != tt.vragen {
				t.Errorf("%d verschillende geldige vragen, verwacht %d", n, tt.vragen)
			}
			if n := tel("/datums"); n != tt.datums {
				t.Errorf("%d verschillende datums van geldige vragen, verwacht %d", n, tt.datums)
			}
		})
	}
}

func TestOpDag(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		body     string
		n        int
		datum    string
		leeftijd float64
	}{
		{`{"van":"wijkteam"}`, 0, "2026-03-01", 0},
		{`{"van":"wijkteam","feiten":{"toestemming":"gegeven","leeftijd":40}}`, 57, "2026-03-01", 57},
		{`{"van":"wijkteam","datum":"2020-01-01"}`, 250, "2026-03-03", 50},
	} {
		var v struct {
			Datum  string
			Feiten map[string]any
		}
		if err := json.Unmarshal(opDag([]byte(tt.body), tt.n), &v); err != nil {
			t.Fatal(err)
		}
		if v.Datum != tt.datum || v.Feiten["leeftijd"] != tt.leeftijd {
			t.Errorf("opDag(%s, %d): datum %s, leeftijd %v; verwacht %s, %v", tt.body, tt.n, v.Datum, v.Feiten["leeftijd"], tt.datum, tt.leeftijd)
		}
		if strings.Contains(tt.body, "toestemming") && v.Feiten["toestemming"] != "gegeven" {
			t.Errorf("opDag(%s): de andere feiten zijn weg: %v", tt.body, v.Feiten)
		}
	}
	if got := string(opDag([]byte("geen json"), 3)); got != "geen json" {
		t.Errorf("opDag van een misvormde vraag: %q", got)
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

// TestRapporteerOpwarmen: with --opwarmen n the report gives the latency of the requests after the first n
// as well, by their place in the run, not by how long they took; without it, that line is missing.
func TestRapporteerOpwarmen(t *testing.T) {
	t.Parallel()
	var us []uitslag
	for i := range 200 {
		duur := time.Millisecond
		if i < 10 {
			duur = time.Second // the first ten: a server that just started
		}
		us = append(us, uitslag{duur: duur, status: http.StatusOK})
	}
	us[150].duur = 50 * time.Millisecond
	us[170].duur = 50 * time.Millisecond
	us[160] = uitslag{onbeantwoord: true}
	for _, tt := range []struct {
		opwarmen int
		regel    string
	}{
		{0, ""},
		{10, "latentie na de eerste 10 verzoeken (189 beantwoord): p50 1ms, p90 1ms, p99 50ms, max 50ms\n"},
		{151, "latentie na de eerste 151 verzoeken (48 beantwoord): p50 1ms, p90 1ms, p99 50ms, max 50ms\n"},
		{171, "latentie na de eerste 171 verzoeken (29 beantwoord): p50 1ms, p90 1ms, p99 1ms, max 1ms\n"},
		{500, "latentie na de eerste 500 verzoeken (0 beantwoord): p50 0s, p90 0s, p99 0s, max 0s\n"},
	} {
		var uit bytes.Buffer
		rapporteer(&uit, slices.Clone(us), time.Second, 4, tt.opwarmen)
		if !strings.Contains(uit.String(), "latentie: p50 1ms, p90 1ms, p99 1s, max 1s\n") {
			t.Errorf("opwarmen %d: de latentie over alle verzoeken ontbreekt:\n%s", tt.opwarmen, uit.String())
		}
		heeft := strings.Contains(uit.String(), "latentie na de eerste")
		if tt.regel == "" && heeft || tt.regel != "" && !strings.Contains(uit.String(), tt.regel) {
			t.Errorf("opwarmen %d: verwacht %q in\n%s", tt.opwarmen, tt.regel, uit.String())
		}
	}
}
