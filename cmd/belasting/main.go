// Command belasting sends a bounded load of questions to a running `magikdelen serveer` on loopback and
// reports throughput, latency percentiles and error counts. It mixes valid questions with malformed ones
// (about one in five): --vragen herhaald repeats the scenario questions (after the first round the
// server's decision cache answers them), --vragen gemengd makes every valid question a new one (the
// scenario questions on successive dates), so that every answer is evaluated, and --vragen dag does so on
// one date, as a working day brings them: each round gives the scenario questions another age of the data
// subject (feit leeftijd), a new date only every 100 rounds. It fails when any request
// gets a 5xx or a connection error, a malformed request is not answered with a 4xx, a valid one not with
// a 200, or a request stays unanswered (the optional --max-duur, which it prints, ran out). See
// scripts/belasting.sh, which starts the server and runs this with the cache cold and warm.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type verzoek struct {
	body      []byte
	misvormd  bool
	omschrijf string
}

type uitslag struct {
	duur         time.Duration
	status       int
	verbinding   bool // connection error (dropped, refused, reset)
	onbeantwoord bool // cut off by --max-duur
	misvormd     bool
}

func run(args []string, uit, fout io.Writer) int {
	fs := flag.NewFlagSet("belasting", flag.ContinueOnError)
	fs.SetOutput(fout)
	adres := fs.String("url", "http://127.0.0.1:8080", "basis-URL van magikdelen serveer (alleen loopback)")
	aantal := fs.Int("aantal", 50000, "aantal verzoeken in totaal")
	gelijktijdig := fs.Int("gelijktijdig", 32, "aantal gelijktijdige clients")
	scenarios := fs.String("scenarios", "testdata/scenarios", "map met scenariobestanden voor geldige vragen")
	soort := fs.String("vragen", "herhaald", "herhaald: de scenariovragen steeds opnieuw; gemengd: elke geldige vraag nieuw (scenariovragen op opeenvolgende datums); dag: elke geldige vraag nieuw op één datum (per ronde een andere leeftijd)")
	maxDuur := fs.Duration("max-duur", 0, "stop na deze tijd en tel de rest als onbeantwoord (0: geen grens)")
	telling := fs.String("telling", "", "schrijf het aantal 200-antwoorden naar dit bestand (voor --controleer-bonnen)")
	bonnen := fs.String("controleer-bonnen", "", "stuur geen verkeer, maar controleer dat dit bonnenbestand precies --verwacht geldige bonnen heeft")
	verwacht := fs.Int("verwacht", -1, "het aantal bonnen dat --controleer-bonnen verwacht")
	opwarmen := fs.Int("opwarmen", 0, "geef de latentie ook zonder de eerste `n` verzoeken (een server die net start, werkt dan nog alles voor het eerst uit)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *bonnen != "" {
		return controleerBonnen(uit, fout, *bonnen, *verwacht)
	}
	if err := alleenLoopback(*adres); err != nil {
		fmt.Fprintln(fout, "fout:", err)
		return 2
	}
	if *soort != "herhaald" && *soort != "gemengd" && *soort != "dag" {
		fmt.Fprintf(fout, "fout: --vragen moet herhaald, gemengd of dag zijn, kreeg %q\n", *soort)
		return 2
	}
	verzoeken, err := maakVerzoeken(*scenarios)
	if err != nil {
		fmt.Fprintln(fout, "fout:", err)
		return 2
	}
	ctx, stop := context.Background(), context.CancelFunc(func() {})
	grens := "geen"
	if *maxDuur > 0 {
		ctx, stop = context.WithTimeout(ctx, *maxDuur)
		grens = maxDuur.String()
	}
	defer stop()
	fmt.Fprintf(uit, "vragen: %s; %d verzoeken met %d clients; tijdsgrens: %s\n", *soort, *aantal, *gelijktijdig, grens)
	if err := wachtOpServer(ctx, *adres+"/readyz", 20*time.Second); err != nil {
		fmt.Fprintln(fout, "fout:", err)
		return 2
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *gelijktijdig, MaxConnsPerHost: *gelijktijdig},
	}
	var volgende atomic.Int64
	uitslagen := make([]uitslag, *aantal)
	var wg sync.WaitGroup
	begin := time.Now()
	for range *gelijktijdig {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(volgende.Add(1)) - 1
				if i >= *aantal {
					return
				}
				if ctx.Err() != nil {
					uitslagen[i] = uitslag{onbeantwoord: true, misvormd: verzoeken[i%len(verzoeken)].misvormd}
					continue
				}
				v := verzoeken[i%len(verzoeken)]
				if !v.misvormd {
					switch *soort {
					case "gemengd":
						v.body = opDatum(v.body, i/len(verzoeken))
					case "dag":
						v.body = opDag(v.body, i/len(verzoeken))
					}
				}
				uitslagen[i] = stuur(ctx, client, *adres+"/v1/vraag", v)
			}
		}()
	}
	wg.Wait()
	totaal := time.Since(begin)
	code := rapporteer(uit, uitslagen, totaal, *gelijktijdig, *opwarmen)
	if *telling != "" {
		n := 0
		for _, u := range uitslagen {
			if u.status == http.StatusOK {
				n++
			}
		}
		if err := os.WriteFile(*telling, []byte(strconv.Itoa(n)), 0o644); err != nil {
			fmt.Fprintln(fout, "fout:", err)
			return 2
		}
	}
	return code
}

// controleerBonnen checks that the receipts file holds exactly verwacht valid receipts, with distinct
// decision ids: no receipt lost, none doubled, no half line.
func controleerBonnen(uit, fout io.Writer, pad string, verwacht int) int {
	f, err := os.Open(pad)
	if err != nil {
		fmt.Fprintln(fout, "fout:", err)
		return 2
	}
	defer f.Close()
	bs, err := bon.Lees(f)
	if err != nil {
		fmt.Fprintln(fout, "fout: bonnen onleesbaar:", err)
		return 1
	}
	ids := map[string]bool{}
	for _, b := range bs {
		ids[b.BesluitID] = true
	}
	fmt.Fprintf(uit, "bonnen: %d geldig, %d verschillende besluit-id's, verwacht %d\n", len(bs), len(ids), verwacht)
	if len(bs) != verwacht || len(ids) != verwacht {
		fmt.Fprintln(uit, "bonnen: MISLUKT")
		return 1
	}
	fmt.Fprintln(uit, "bonnen: geslaagd")
	return 0
}

// wachtOpServer polls the readiness endpoint until it answers 200 or the time is up.
func wachtOpServer(ctx context.Context, doel string, max time.Duration) error {
	einde := time.Now().Add(max)
	for time.Now().Before(einde) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, doel, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s is na %s niet gereed", doel, max)
}

func alleenLoopback(adres string) error {
	u, err := url.Parse(adres)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s is geen loopback-adres; belasting stuurt alleen verkeer naar deze machine", adres)
}

// maakVerzoeken: every scenario question, plus malformed bodies of several kinds (about one in five).
func maakVerzoeken(map_ string) ([]verzoek, error) {
	paden, err := filepath.Glob(filepath.Join(map_, "*.json"))
	if err != nil || len(paden) == 0 {
		return nil, fmt.Errorf("geen scenario's in %s", map_)
	}
	slices.Sort(paden)
	var out []verzoek
	for _, p := range paden {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var s struct {
			Vraag json.RawMessage `json:"vraag"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, verzoek{body: s.Vraag, omschrijf: filepath.Base(p)})
	}
	misvormd := []string{
		`{`,
		``,
		`{"van": "polite", "naar": ["om"], "gegevens": ["signaal"], "doel": "opsporing"}`,
		`{"van": "politie", "naar": ["om"], "gegevens": "signaal", "doel": "opsporing"}`,
		`{"van": "politie", "naar": ["om"], "gegevens": ["signaal"], "doel": "opsporing", "datum": "2026-13-45"}`,
		`{"van": "politie", "naar": ["om"], "gegevens": ["signaal"], "doel": "opsporing", "onbekend": 1}`,
		`{"van": "politie", "naar": ["om"], "gegevens": ["signaal"], "doel": "opsporing", "feiten": {"leeftijd": "oud"}}`,
		`[1, 2, 3]`,
		`{"van": "politie"} {}`,
	}
	for _, m := range misvormd {
		out = append(out, verzoek{body: []byte(m), misvormd: true, omschrijf: "misvormd"})
	}
	return out, nil
}

// opDatum gives the question body with the date set to day n after 2025-03-01 (when the WGS came into
// force), so that each round of the scenario questions is new to the server's cache.
func opDatum(body []byte, n int) []byte {
	return wijzig(body, func(v map[string]any) {
		v["datum"] = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format(time.DateOnly)
	})
}

// opDag gives the question body of round n on a working day: on day n/100 after 2026-03-01, with the data
// subject n%100 years old (feit leeftijd), so that each round is new to the server's cache while the date,
// sender and purpose stay those of the day.
func opDag(body []byte, n int) []byte {
	return wijzig(body, func(v map[string]any) {
		v["datum"] = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/100).Format(time.DateOnly)
		feiten, _ := v["feiten"].(map[string]any)
		if feiten == nil {
			feiten = map[string]any{}
		}
		feiten["leeftijd"] = n % 100
		v["feiten"] = feiten
	})
}

// wijzig gives body with the change made to its JSON object; a body that is not one stays as it is.
func wijzig(body []byte, verander func(map[string]any)) []byte {
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		return body
	}
	verander(v)
	uit, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return uit
}

func stuur(ctx context.Context, client *http.Client, doel string, v verzoek) uitslag {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, doel, bytes.NewReader(v.body))
	if err != nil {
		return uitslag{verbinding: true, misvormd: v.misvormd}
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return uitslag{onbeantwoord: true, misvormd: v.misvormd}
		}
		return uitslag{duur: time.Since(start), verbinding: true, misvormd: v.misvormd}
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return uitslag{duur: time.Since(start), status: resp.StatusCode, misvormd: v.misvormd}
}

func rapporteer(w io.Writer, us []uitslag, totaal time.Duration, gelijktijdig, opwarmen int) int {
	var duren, naOpwarmen []time.Duration
	var ok2xx, vier, vijf, verbinding, onbeantwoord, misvormdNiet4xx, geldigNiet200 int
	for i, u := range us {
		switch {
		case u.onbeantwoord:
			onbeantwoord++
			continue
		case u.verbinding || u.status == 0:
			verbinding++
			continue
		case u.status >= 500:
			vijf++
		case u.status >= 400:
			vier++
		case u.status >= 200 && u.status < 300:
			ok2xx++
		}
		if u.misvormd && (u.status < 400 || u.status >= 500) {
			misvormdNiet4xx++
		}
		if !u.misvormd && u.status != http.StatusOK {
			geldigNiet200++
		}
		duren = append(duren, u.duur)
		if i >= opwarmen {
			naOpwarmen = append(naOpwarmen, u.duur)
		}
	}
	beantwoord := len(duren)
	fmt.Fprintf(w, "verzoeken: %d in %s met %d clients; %d beantwoord (%.0f per seconde)\n", len(us), totaal.Round(time.Millisecond), gelijktijdig, beantwoord, float64(beantwoord)/totaal.Seconds())
	fmt.Fprintf(w, "latentie: %s\n", percentielen(duren))
	if opwarmen > 0 {
		fmt.Fprintf(w, "latentie na de eerste %d verzoeken (%d beantwoord): %s\n", opwarmen, len(naOpwarmen), percentielen(naOpwarmen))
	}
	fmt.Fprintf(w, "status: %d 2xx, %d 4xx, %d 5xx; %d verbindingsfouten; %d onbeantwoord (tijdsgrens)\n", ok2xx, vier, vijf, verbinding, onbeantwoord)
	fmt.Fprintf(w, "misvormd zonder 4xx: %d; geldig zonder 200: %d\n", misvormdNiet4xx, geldigNiet200)
	if vijf > 0 || verbinding > 0 || onbeantwoord > 0 || misvormdNiet4xx > 0 || geldigNiet200 > 0 {
		fmt.Fprintln(w, "resultaat: MISLUKT")
		return 1
	}
	fmt.Fprintln(w, "resultaat: geslaagd")
	return 0
}

// percentielen gives p50, p90, p99 and the maximum of duren (which it sorts), as the report prints them.
func percentielen(duren []time.Duration) string {
	slices.Sort(duren)
	pct := func(p float64) time.Duration {
		if len(duren) == 0 {
			return 0
		}
		return duren[min(len(duren)-1, int(float64(len(duren))*p))].Round(time.Microsecond)
	}
	return fmt.Sprintf("p50 %s, p90 %s, p99 %s, max %s", pct(0.50), pct(0.90), pct(0.99), pct(1))
}
