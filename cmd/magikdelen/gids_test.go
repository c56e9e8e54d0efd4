package main

import (
	"bufio"
	"strconv"
	"strings"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// gidsArgs are the arguments of a guided run: vraag and extra.
func gidsArgs(extra ...string) []string { return append([]string{"vraag"}, extra...) }

// gidsDraai runs magikdelen vraag in guided mode (stdin and stdout terminals) with the scripted answers.
func gidsDraai(t *testing.T, antwoorden string, extra ...string) (int, string, string) {
	t.Helper()
	s := stromen{In: strings.NewReader(antwoorden), Terminal: true, InTerminal: true, Breedte: 100, Getenv: env("NO_COLOR", "1")}
	return draai(t, s, gidsArgs(extra...)...)
}

// regels joins answer lines.
func regels(r ...string) string { return strings.Join(r, "\n") + "\n" }

// equivalent returns the command line the guided mode printed, as arguments after "magikdelen".
func equivalent(t *testing.T, fout string) []string {
	t.Helper()
	_, na, ok := strings.Cut(fout, "Dezelfde vraag met opties:\n  ")
	if !ok {
		t.Fatalf("geen gelijkwaardige opdracht in:\n%s", fout)
	}
	regel, _, _ := strings.Cut(na, "\n")
	args := strings.Fields(regel)
	if len(args) < 2 || args[0] != "magikdelen" {
		t.Fatalf("opdracht %q", regel)
	}
	return args[1:]
}

// The huisarts of the README example: a patient threatens his ex-partner tonight.
var huisartsVragen = []string{"huisarts", "politie", "identificerend, gezondheid", "gevaar afwenden", "2026-03-01"}

func TestGidsGelijkAanOpties(t *testing.T) {
	zwaar(t)
	t.Parallel()
	invoer := regels(append(huisartsVragen, "onmogelijk", "ja", "weet ik niet")...)
	code, out, fout := gidsDraai(t, invoer, "-o", "json")
	if code != codeOK {
		t.Fatalf("exitcode %d, stderr:\n%s", code, fout)
	}
	for _, want := range []string{
		"Wie bent u?", "Met wie wilt u de gegevens delen?", "Welke gegevens", "Waarvoor deelt u de gegevens?",
		"  Buiten de convenanten (wettelijke routes)\n", ". Acuut gevaar afwenden\n", ". Huisarts\n",
		"Heeft betrokkene uitdrukkelijk toestemming gegeven", "Is er acuut gevaar voor betrokkene of anderen? (dit beslist het antwoord)",
	} {
		if !strings.Contains(fout, want) {
			t.Errorf("stderr mist %q:\n%s", want, fout)
		}
	}
	args := equivalent(t, fout)
	want := "vraag --van huisarts --naar politie --gegevens identificerend,gezondheid --doel gevaar_afwenden --datum 2026-03-01 --feit acuut_gevaar=true --feit toestemming=onmogelijk --formaat json"
	if got := strings.Join(args, " "); got != want {
		t.Errorf("opdracht\n  %s\nverwacht\n  %s", got, want)
	}
	if !strings.Contains(out, `"oordeel": "toegestaan_onder_voorwaarden"`) {
		t.Errorf("stdout is niet het verwachte antwoord:\n%s", out)
	}
	// The printed command gives the identical answer, piped and with flags.
	code2, out2, fout2 := draai(t, stromen{Getenv: env()}, args...)
	if code2 != codeOK || out2 != out {
		t.Errorf("opdracht: exitcode %d, stderr %q; antwoord gelijk: %v", code2, fout2, out2 == out)
	}
}

func TestGidsTypfoutEnNummers(t *testing.T) {
	zwaar(t)
	t.Parallel()
	kb := testEngine(t).Kennisbank()
	nummer := func(soort, id string) string {
		for i, k := range kb.Keuzes(soort) {
			if k.ID == id {
				return strconv.Itoa(i + 1)
			}
		}
		t.Fatalf("%s %s niet gevonden", soort, id)
		return ""
	}
	invoer := regels("huisars", "99", "politiebureau", "ja", "identificerend, gezondheidsinfo", "ja",
		"Acuut gevaar afwenden", "gisteren", "30-2-2026", "1-3-2026", "onmogelijk", "j", "")
	code, _, fout := gidsDraai(t, invoer, "-o", "json")
	if code != codeOK {
		t.Fatalf("exitcode %d, stderr:\n%s", code, fout)
	}
	for _, want := range []string{
		"Wie bent u? Nummer of (een deel van de) naam; ? toont de lijst opnieuw:", // a long list repeats its question
		"→ Huisarts\n", // a typo forgiven, and echoed
		"Kies een nummer van 1 tot en met",
		`"politiebureau" staat niet in de lijst. Bedoelde u: ` + nummer("partijen", "politie") + `. Politie? Typ ja, of kies opnieuw.`,
		"→ Politie\n", // "ja" accepted the suggestion
		`"gezondheidsinfo" staat niet in de lijst. Bedoelde u: ` + nummer("gegevens", "gezondheid") + `. Gezondheidsgegevens?`,
		"→ Identificerende gegevens, Gezondheidsgegevens\n",
		`"gisteren" is geen datum; schrijf bijvoorbeeld`,
		`"30-2-2026" bestaat niet: februari 2026 heeft 28 dagen.`,
		"→ 2026-03-01\n",
	} {
		if !strings.Contains(fout, want) {
			t.Errorf("stderr mist %q:\n%s", want, fout)
		}
	}
	if got := strings.Join(equivalent(t, fout), " "); !strings.Contains(got, "--van huisarts --naar politie --gegevens identificerend,gezondheid --doel gevaar_afwenden --datum 2026-03-01 --feit acuut_gevaar=true") {
		t.Errorf("opdracht %s", got)
	}
}

// TestGidsJaIsGeenVoorstelBijJaNee: for a ja/nee fact, "ja" is the answer itself, not a yes to an
// earlier suggestion; and a suggestion is not carried over to the next question.
func TestGidsJaIsGeenVoorstelBijJaNee(t *testing.T) {
	zwaar(t)
	t.Parallel()
	invoer := regels("huisarts", "politie", "identificerend", "gevaar_afwenden", "2026-03-01", "onmogelijk", "jaaaaa", "ja", "", "", "")
	code, out, fout := gidsDraai(t, invoer, "-o", "json")
	if code != codeOK {
		t.Fatalf("exitcode %d, stderr:\n%s", code, fout)
	}
	if !strings.Contains(out, `"acuut_gevaar": true`) {
		t.Errorf("acuut gevaar niet ja:\n%s", out)
	}
}

func TestGidsWeetIkNiet(t *testing.T) {
	zwaar(t)
	t.Parallel()
	// "weet ik niet" (or Enter) leaves acute danger unknown: the answer is onbepaald, and the fact is not
	// asked again.
	invoer := regels(append(huisartsVragen, "onmogelijk", "weet ik niet", "", "")...)
	code, out, fout := gidsDraai(t, invoer, "-o", "json")
	if code != codeOK {
		t.Fatalf("exitcode %d, stderr:\n%s", code, fout)
	}
	if n := strings.Count(fout, "Is er acuut gevaar"); n != 1 {
		t.Errorf("acuut gevaar %d keer gevraagd, verwacht 1:\n%s", n, fout)
	}
	if !strings.Contains(out, `"oordeel": "onbepaald"`) || !strings.Contains(out, `"ontbrekende_feiten": [`+"\n"+`    "acuut_gevaar"`) {
		t.Errorf("antwoord:\n%s", out)
	}
	args := equivalent(t, fout)
	if strings.Contains(strings.Join(args, " "), "acuut_gevaar") {
		t.Errorf("opdracht noemt een onbekend feit: %v", args)
	}
	_, out2, _ := draai(t, stromen{Getenv: env()}, args...)
	if out2 != out {
		t.Error("de opdracht geeft een ander antwoord")
	}
}

func TestGidsEOF(t *testing.T) {
	zwaar(t)
	t.Parallel()
	for naam, invoer := range map[string]string{
		"meteen":       "",
		"na van":       "huisarts\n",
		"halve regel":  "huisarts\npolitie\nsignaal\ngevaar_afwenden\n2026-03-01\nonmo",
		"bij een feit": regels(huisartsVragen...),
	} {
		t.Run(naam, func(t *testing.T) {
			t.Parallel()
			code, out, fout := gidsDraai(t, invoer)
			if code != codeInvoer {
				t.Errorf("exitcode %d, verwacht %d; stderr:\n%s", code, codeInvoer, fout)
			}
			if out != "" {
				t.Errorf("stdout %q, verwacht leeg", out)
			}
			if !strings.Contains(fout, "fout: geleide vraag afgebroken") || strings.Contains(fout, "goroutine") {
				t.Errorf("stderr:\n%s", fout)
			}
		})
	}
}

func TestGidsAlleenOpTerminal(t *testing.T) {
	t.Parallel()
	// Flags: never a prompt, also on a terminal.
	code, _, fout := gidsDraai(t, "", "--van", "huisarts")
	if code != codeInvoer || !strings.HasPrefix(fout, "fout: verplichte opties ontbreken: --naar, --gegevens, --doel\n") {
		t.Errorf("met opties: exitcode %d, stderr %q", code, fout)
	}
	// Stdout a terminal, stdin not: no prompts, a usage error.
	code, out, fout := draai(t, stromen{Terminal: true, Getenv: env()}, gidsArgs()...)
	if code != codeInvoer || out != "" || !strings.Contains(fout, "fout: de geleide modus") || !strings.Contains(fout, "terminal") {
		t.Errorf("invoer geen terminal: exitcode %d, stdout %q, stderr %q", code, out, fout)
	}
}

func TestOpdracht(t *testing.T) {
	t.Parallel()
	g := &globaleOpties{kennisbank: "mijn kennisbank"}
	opts := &vraagOpties{g: g, bon: "bonnen.jsonl"}
	v := kennisbank.Vraag{Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie", "om"}, Gegevens: []string{"signaal"}, Doel: "ave_signaleren",
		Convenant: "ave", Fase: "ave1", Datum: "2026-03-01", Feiten: map[string]any{"toestemming": "gegeven", "leeftijd": int64(14), "acuut_gevaar": false}}
	want := "magikdelen vraag --kennisbank 'mijn kennisbank' --van wijkteam --naar politie,om --gegevens signaal --doel ave_signaleren --convenant ave --fase ave1 --datum 2026-03-01 --feit acuut_gevaar=false --feit leeftijd=14 --feit toestemming=gegeven --bon bonnen.jsonl"
	if got := opdracht(v, opts); got != want {
		t.Errorf("opdracht\n  %s\nverwacht\n  %s", got, want)
	}
	if got := shellWoord("it's"); got != `'it'\''s'` {
		t.Errorf("shellWoord: %s", got)
	}
}

func TestGidsOrganisatieEnAllesOnbekend(t *testing.T) {
	zwaar(t)
	t.Parallel()
	// A concrete organisation of a covenant is accepted by name, though the list shows the roles; Enter
	// on every fact leaves it unknown, and the dialogue ends when nothing askable is left.
	invoer := regels("Gemeente Enschede", "politie", "signaal", "gevaar_afwenden", "") + strings.Repeat("\n", 30)
	code, out, fout := gidsDraai(t, invoer, "-o", "json")
	if code != codeOK {
		t.Fatalf("exitcode %d, stderr:\n%s", code, fout)
	}
	args := equivalent(t, fout)
	got := strings.Join(args, " ")
	if !strings.Contains(got, "--van gemeente_enschede --naar politie --gegevens signaal --doel gevaar_afwenden --datum ") || strings.Contains(got, "--feit") {
		t.Errorf("opdracht %s", got)
	}
	if _, out2, _ := draai(t, stromen{Getenv: env()}, args...); out2 != out {
		t.Error("de opdracht geeft een ander antwoord")
	}
}

// A number outside the fact's range (feiten.yaml) is asked again, with the range in the message.
func TestGidsGetalBuitenBereik(t *testing.T) {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	var uit strings.Builder
	g := &gids{in: bufio.NewReader(strings.NewReader("300\n-1\n12\n")), uit: &uit, kb: kb}
	n, bekend, err := g.getal("leeftijd", "Hoe oud?")
	if err != nil || !bekend || n != int64(12) {
		t.Fatalf("getal = %v, %v, %v; verwacht 12", n, bekend, err)
	}
	for _, w := range []string{`"300" is geen geheel getal van 0 tot en met 150.`, `"-1" is geen geheel getal van 0 tot en met 150.`} {
		if !strings.Contains(uit.String(), w) {
			t.Errorf("uitvoer zonder %q:\n%s", w, uit.String())
		}
	}
}
