package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// zvh05 is the question of scenario ZVH-05 as flags.
var zvh05 = []string{"vraag", "--van", "ggz", "--naar", "overleg_deelnemers", "--gegevens", "gezondheid",
	"--doel", "zvh_casusoverleg", "--convenant", "zvht", "--datum", "2025-06-01",
	"--feit", "toestemming=niet_gevraagd", "--feit", "acuut_gevaar=false"}

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// draai runs the command line with fake streams and returns exit code, stdout and stderr.
func draai(t *testing.T, s stromen, args ...string) (int, string, string) {
	t.Helper()
	var out, fout bytes.Buffer
	if s.Out == nil {
		s.Out = &out
	}
	s.Err = &fout
	if s.In == nil {
		s.In = strings.NewReader("")
	}
	code := runMet(args, s, gedeeldeEngine)
	return code, out.String(), fout.String()
}

func TestStandaardFormaat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam      string
		s         stromen
		args      []string
		begin     string // stdout starts with this, after leading newlines
		maxBreed  int    // no line is wider, except lines with a link or a command, which are never broken
		minBreed  int    // some line is at least this wide (the width is used)
		geenEscap bool
	}{
		{"pijp: markdown", stromen{Getenv: env()}, zvh05, "# Mag ik dit delen?", 0, 0, true},
		{"terminal zonder kleur: tekst op breedte 80", stromen{Terminal: true, Breedte: 80, Getenv: env("NO_COLOR", "1")}, zvh05, "  MAG IK DIT DELEN?", 80, 70, true},
		{"smalle terminal", stromen{Terminal: true, Breedte: 50, Getenv: env("NO_COLOR", "1")}, zvh05, "  MAG IK DIT DELEN?", 50, 40, true},
		{"brede terminal: hooguit 120", stromen{Terminal: true, Breedte: 300, Getenv: env("NO_COLOR", "1")}, zvh05, "  MAG IK DIT DELEN?", 120, 100, true},
		{"TERM=dumb: geen kleur", stromen{Terminal: true, Breedte: 80, Getenv: env("TERM", "dumb")}, zvh05, "  MAG IK DIT DELEN?", 80, 70, true},
		{"pijp met -o tekst: platte tekst", stromen{Getenv: env()}, append(zvh05, "-o", "tekst"), "  MAG IK DIT DELEN?", 80, 70, true},
		{"terminal maar --formaat markdown", stromen{Terminal: true, Breedte: 80, Getenv: env()}, append(zvh05, "--formaat", "markdown"), "# Mag ik dit delen?", 0, 0, true},
		{"terminal maar -o json", stromen{Terminal: true, Breedte: 80, Getenv: env()}, append(zvh05, "-o", "json"), "{\n  \"oordeel\": ", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			code, out, fout := draai(t, tt.s, tt.args...)
			if code != codeOK || fout != "" {
				t.Fatalf("exitcode %d, stderr %q", code, fout)
			}
			if !strings.HasPrefix(strings.TrimLeft(out, "\n"), tt.begin) {
				t.Errorf("uitvoer begint niet met %q:\n%s", tt.begin, out)
			}
			if tt.geenEscap && strings.Contains(out, "\x1b[") {
				t.Errorf("uitvoer bevat kleurcodes")
			}
			if strings.HasPrefix(tt.begin, "  ") {
				// Plain text: no Markdown characters left over.
				for _, teken := range []string{"**", "## ", "\\_", "\uE000", "\uE020"} {
					if strings.Contains(out, teken) {
						t.Errorf("tekst bevat %q:\n%s", teken, out)
					}
				}
				if !strings.Contains(out, "[TOEGESTAAN ONDER VOORWAARDEN] — Ja, mits") {
					t.Errorf("oordeel niet als woord in hoofdletters:\n%s", out)
				}
			}
			breedst := 0
			for _, regel := range strings.Split(out, "\n") {
				if strings.Contains(regel, "sha256:") || strings.Contains(regel, "https://") || strings.Contains(regel, "magikdelen ") {
					continue // a link, a command or the version hash is never broken
				}
				breedst = max(breedst, utf8.RuneCountInString(regel))
			}
			if tt.maxBreed > 0 && breedst > tt.maxBreed {
				t.Errorf("breedste regel %d tekens, verwacht hooguit %d", breedst, tt.maxBreed)
			}
			if breedst < tt.minBreed {
				t.Errorf("breedste regel %d tekens, verwacht minstens %d", breedst, tt.minBreed)
			}
		})
	}
}

// TestLinksEnOpdrachtenHeel: on a narrow terminal every link of the answer and every suggested command
// stays on one line, so that it can be clicked and copied (issue: "jci1.↵3:c:…", "--doel x --↵naar").
func TestLinksEnOpdrachtenHeel(t *testing.T) {
	t.Parallel()
	args := []string{"vraag", "--van", "politie", "--naar", "om,wijkteam", "--gegevens", "signaal", "--doel", "opsporing", "--datum", "2026-03-01"}
	_, js, _ := draai(t, stromen{Getenv: env()}, append(args, "-o", "json")...)
	var a library.Antwoord
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	for _, breedte := range []int{40, 60, 80} {
		for _, kleur := range []bool{false, true} {
			e := env("NO_COLOR", "1")
			if kleur {
				e = env()
			}
			_, out, _ := draai(t, stromen{Terminal: true, Breedte: breedte, Getenv: e}, args...)
			for _, g := range a.Grondslagen {
				if !strings.Contains(out, g.Bron) {
					t.Errorf("breedte %d, kleur %v: link %s gebroken of weg:\n%s", breedte, kleur, g.Bron, out)
				}
			}
			if !strings.Contains(out, "--doel meldcode_melding --naar veilig_thuis") {
				t.Errorf("breedte %d, kleur %v: opdracht gebroken:\n%s", breedte, kleur, out)
			}
			if kleur && !strings.Contains(out, "\x1b[1;97;41m Niet toegestaan \x1b[0m") {
				t.Errorf("breedte %d: oordeel zonder kleur:\n%q", breedte, out)
			}
			if kleur && strings.Contains(out, "38;5;") {
				t.Errorf("breedte %d: vaste tekstkleur, onleesbaar op een licht of donker scherm:\n%q", breedte, out)
			}
		}
	}
}

func TestGeleideModus(t *testing.T) {
	t.Parallel()
	code, out, fout := draai(t, stromen{Terminal: true, Breedte: 80, Getenv: env()}, "vraag")
	if code != codeInvoer {
		t.Errorf("exitcode %d, verwacht %d", code, codeInvoer)
	}
	if out != "" {
		t.Errorf("stdout %q, verwacht leeg", out)
	}
	// Stdout is a terminal but stdin is not: the guided mode cannot ask, so no prompts.
	for _, want := range []string{"fout: de geleide modus", "invoer een terminal", "Gebruik:\n  magikdelen vraag [opties]", "--invoer"} {
		if !strings.Contains(fout, want) {
			t.Errorf("stderr mist %q:\n%s", want, fout)
		}
	}

	// Not on a terminal: how to ask the question.
	code, _, fout = draai(t, stromen{Getenv: env()}, "vraag")
	for _, want := range []string{"fout: geen vraag opgegeven", "--van wijkteam --naar politie", "--invoer vraag.json", "geleide modus", "magikdelen begrippen"} {
		if code != codeInvoer || !strings.Contains(fout, want) {
			t.Errorf("zonder terminal: exitcode %d, stderr mist %q:\n%s", code, want, fout)
		}
	}
}

// paniekSchrijver panics on every write, to reach the recovery in run.
type paniekSchrijver struct{}

func (paniekSchrijver) Write([]byte) (int, error) { panic("kapotte uitvoer") }

func TestPaniekWordtExitcode3(t *testing.T) {
	t.Parallel()
	code, _, fout := draai(t, stromen{Out: paniekSchrijver{}, Getenv: env()}, "convenanten")
	if code != codeIntern {
		t.Errorf("exitcode %d, verwacht %d", code, codeIntern)
	}
	if !strings.HasPrefix(fout, "fout: interne fout in magikdelen (kapotte uitvoer)") {
		t.Errorf("stderr %q", fout)
	}
	if strings.Contains(fout, "goroutine") || strings.Contains(fout, ".go:") {
		t.Errorf("stderr bevat een stacktrace:\n%s", fout)
	}
}

func TestExitCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		err  error
		want int
	}{
		{"geen fout", nil, 0},
		{"gebruik", &gebruiksFout{bericht: "x"}, 2},
		{"invoer", &invoerFout{veld: "--invoer", err: errors.New("x")}, 2},
		{"onbekend id", &kennisbank.OnbekendeIDFout{Veld: "van", Waarde: "x", Soort: "partijen"}, 2},
		{"type", &kennisbank.TypeFout{Veld: "naar"}, 2},
		{"datum", &kennisbank.DatumFout{Veld: "datum"}, 2},
		{"ontbrekend veld", &kennisbank.OntbrekendVeldFout{Veld: "van"}, 2},
		{"json", &kennisbank.JSONFout{Bericht: "x"}, 2},
		{"kennisbank", kennisbank.KennisbankFouten{{Bestand: "a.yaml"}}, 2},
		{"kennisbank werkkopie", &kennisbankFout{pad: "kb", fouten: kennisbank.KennisbankFouten{{Bestand: "a.yaml"}}}, 2},
		{"ingepakt", fmt.Errorf("lees: %w", &kennisbank.DatumFout{Veld: "datum"}), 2},
		{"intern", errors.New("evalueer regels: kapot"), 3},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, verwacht %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestMeldFout(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	code := meldFout(&b, errors.New("evalueer regels: kapot"))
	if code != codeIntern || b.String() != "fout: interne fout: evalueer regels: kapot\n" {
		t.Errorf("exitcode %d, melding %q", code, b.String())
	}
	b.Reset()
	kf := &kennisbankFout{pad: "kb", fouten: kennisbank.KennisbankFouten{
		{Bestand: "convenanten/zvht.yaml", Regel: 12, Kolom: 3, Pointer: "/doelen/0", Bericht: "onbekende voorwaarde \"noodzak\"", Suggesties: []string{"noodzaak"}},
		{Bestand: "partijen.yaml", Regel: 4, Bericht: "ongeldige YAML: x"},
	}}
	meldFout(&b, kf)
	want := "fout: kennisbank kb is ongeldig (2 fouten):\n" +
		"  kb/convenanten/zvht.yaml:12:3 (/doelen/0): onbekende voorwaarde \"noodzak\"; bedoelde u \"noodzaak\"?\n" +
		"  kb/partijen.yaml:4: ongeldige YAML: x\n"
	if b.String() != want {
		t.Errorf("melding:\n%s\nverwacht:\n%s", b.String(), want)
	}
}

// TestInvoerFouten checks that every input error of the library gives exit code 2 and a message that
// names the field, with nothing on stdout. (The scripts in testdata/script run one of each kind end to
// end; these run in-process with a shared engine.)
func TestInvoerFouten(t *testing.T) {
	t.Parallel()
	basis := []string{"vraag", "--van", "politie", "--naar", "om", "--gegevens", "signaal", "--doel", "opsporing", "--datum", "2026-01-01"}
	met := func(extra ...string) []string { return append(append([]string{}, basis...), extra...) }
	tests := []struct {
		naam  string
		args  []string
		stdin string
		want  string
	}{
		{"tweede ontvanger onbekend", met("--naar", "bakker"), "", "fout: --naar: onbekende partij \"bakker\"; bedoelde u een van deze?\n"},
		{"onbekende categorie", met("--gegevens", "gezondheidsdossierinhoud"), "", "fout: --gegevens: onbekende gegevenscategorie \"gezondheidsdossierinhoud\"; bedoelde u"},
		{"onbekend doel", met("--doel", "overleg"), "", "fout: --doel: onbekend doel \"overleg\"; bedoelde u een van deze?\n  ave_niveau3_overleg  Multidisciplinair overleg (AVE 3)\n  zvh_casusoverleg     Casusoverleg (MDO)\nAlle doelen met hun namen: magikdelen begrippen doelen\n"},
		{"onbekende fase", met("--fase", "ave9"), "", `fout: --fase: onbekende fase "ave9"; bedoelde u`},
		{"onbekend convenant", met("--convenant", "xyz"), "", `fout: --convenant: onbekend convenant "xyz"; bedoelde u`},
		{"feit met verkeerd type", met("--feit", "leeftijd=oud"), "", `fout: --feit leeftijd: verwacht een geheel getal van 0 tot en met 150, kreeg oud`},
		{"feit ja/nee", met("--feit", "bulk=misschien"), "", `fout: --feit bulk: verwacht ja of nee (of true of false), kreeg misschien`},
		{"onbekend feit", met("--feit", "kleur=blauw"), "", `fout: --feit: onbekend feit "kleur"; bedoelde u`},
		{"keuzefeit", met("--feit", "toestemming=ja"), "", `fout: --feit toestemming: onbekende waarde "ja"; kies uit niet_gevraagd, gegeven, geweigerd, onmogelijk`},
		{"datumfeit", met("--feit", "casus_gesloten_op=gisteren"), "", `fout: --feit casus_gesloten_op: ongeldige datum "gisteren", verwacht JJJJ-MM-DD`},
		{"datum bestaat niet", met("--datum", "30-2-2026"), "", `fout: --datum: ongeldige datum "30-2-2026", verwacht JJJJ-MM-DD: februari 2026 heeft 28 dagen`},
		{"ontbrekende gegevens", []string{"vraag", "--van", "politie", "--naar", "om", "--doel", "opsporing"}, "", "fout: --gegevens: verplichte optie ontbreekt\nZie 'magikdelen vraag --help'.\n"},
		{"alle ontbrekende opties", []string{"vraag", "--van", "politie"}, "", "fout: verplichte opties ontbreken: --naar, --gegevens, --doel\n"},
		{"lege invoer", []string{"vraag", "--invoer", "-"}, "", `fout: ongeldige JSON: lege invoer`},
		{"twee documenten", []string{"vraag", "--invoer", "-"}, `{"van": "politie"} {}`, `fout: ongeldige JSON (regel 1, kolom 20): meer dan één JSON-document`},
		{"dubbele sleutel", []string{"vraag", "--invoer", "-"}, "{\"van\": \"politie\",\n \"van\": \"om\"}", `fout: van: deze sleutel staat twee keer in hetzelfde object; laat er één staan (regel 2, kolom 2)`},
		{"geen object", []string{"vraag", "--invoer", "-"}, `["politie"]`, "fout: verwacht een JSON-object ({…}), kreeg een lijst\n"},
		{"ontbrekende velden in JSON", []string{"vraag", "--invoer", "-"}, `{"van": "politie"}`, "fout: verplichte velden ontbreken: naar, gegevens, doel\n"},
		{"feit als kommagetal", []string{"vraag", "--invoer", "-"}, `{"van": "politie", "naar": "om", "gegevens": ["signaal"], "doel": "opsporing", "feiten": {"leeftijd": 1.5}}`, `fout: feiten.leeftijd: verwacht een geheel getal, kreeg 1.5`},
		{"gegevens geen lijst", []string{"vraag", "--invoer", "-"}, `{"van": "politie", "naar": "om", "gegevens": "signaal", "doel": "opsporing"}`, `fout: gegevens: verwacht een lijst van tekst, kreeg tekst`},
		{"reusachtige waarde", met("--naar", strings.Repeat("x", 100000)), "", "fout: --naar: onbekende partij \"" + strings.Repeat("x", 59) + "… (100000 tekens)\""},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			code, out, fout := draai(t, stromen{In: strings.NewReader(tt.stdin), Getenv: env()}, tt.args...)
			if code != codeInvoer {
				t.Errorf("exitcode %d, verwacht %d", code, codeInvoer)
			}
			if out != "" {
				t.Errorf("stdout %q, verwacht leeg", out)
			}
			if !strings.HasPrefix(fout, tt.want) {
				t.Errorf("stderr %q, verwacht begin %q", fout, tt.want)
			}
		})
	}
}
