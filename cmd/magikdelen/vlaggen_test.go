package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

func TestFeitWaarde(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want any
	}{
		{"true", true},
		{"false", false},
		{"14", int64(14)},
		{"-3", int64(-3)},
		{"0", int64(0)},
		{"gegeven", "gegeven"},
		{"niet_gevraagd", "niet_gevraagd"},
		{"2025-06-01", "2025-06-01"},
		{"True", "True"}, // only the JSON spelling is a bool
		{"1.5", "1.5"},   // no floats: facts are integers or text
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, feitWaarde(tt.in)); diff != "" {
				t.Errorf("feitWaarde(%q) (-verwacht +gekregen):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFeitenSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam    string
		in      []string
		want    feiten
		wantErr bool
	}{
		{"één", []string{"toestemming=gegeven"}, feiten{"toestemming": "gegeven"}, false},
		{"herhaald en getypeerd", []string{"toestemming=niet_gevraagd", "leeftijd=14", "wilsbekwaam=false"},
			feiten{"toestemming": "niet_gevraagd", "leeftijd": int64(14), "wilsbekwaam": false}, false},
		{"laatste wint", []string{"leeftijd=14", "leeftijd=15"}, feiten{"leeftijd": int64(15)}, false},
		{"spaties", []string{" leeftijd = 14 "}, feiten{"leeftijd": int64(14)}, false},
		{"is-teken in de waarde", []string{"toelichting=a=b"}, feiten{"toelichting": "a=b"}, false},
		{"lege waarde", []string{"toestemming="}, feiten{"toestemming": ""}, false},
		{"zonder is-teken", []string{"toestemming"}, feiten{}, true},
		{"zonder naam", []string{"=gegeven"}, feiten{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			got := feiten{}
			var err error
			for _, s := range tt.in {
				if err = got.Set(s); err != nil {
					break
				}
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("Set(%q): fout %v, verwacht fout: %v", tt.in, err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-verwacht +gekregen):\n%s", diff)
			}
		})
	}
}

func TestLijstSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam string
		in   []string
		want []string
	}{
		{"één", []string{"politie"}, []string{"politie"}},
		{"komma's", []string{"politie,om"}, []string{"politie", "om"}},
		{"herhaald", []string{"politie", "om"}, []string{"politie", "om"}},
		{"beide", []string{"politie,om", "ggd"}, []string{"politie", "om", "ggd"}},
		{"spaties en lege delen", []string{" politie , ,om,", ""}, []string{"politie", "om"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			var got []string
			l := lijst{&got, "partij"}
			for _, s := range tt.in {
				if err := l.Set(s); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-verwacht +gekregen):\n%s", diff)
			}
		})
	}
}

func TestFormaatSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    formaat
		wantErr bool
	}{
		{"tekst", formaatTekst, false},
		{"text", formaatTekst, false},
		{"markdown", formaatMarkdown, false},
		{"md", formaatMarkdown, false},
		{"json", formaatJSON, false},
		{"JSON", formaatJSON, false},
		{"yaml", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var f formaat
			err := formaatVlag{&f, standaardFormaten}.Set(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Set(%q): fout %v", tt.in, err)
			}
			if err != nil && err.Error() != "kies tekst, markdown of json" {
				t.Errorf("melding %q noemt de toegestane waarden niet", err)
			}
			if f != tt.want {
				t.Errorf("Set(%q) = %q, verwacht %q", tt.in, f, tt.want)
			}
		})
	}
}

// Each command accepts its own formats and names them in the error; an --uitvoer file's extension picks
// one of them.
func TestFormaatPerCommando(t *testing.T) {
	t.Parallel()
	tests := []struct {
		naam       string
		kan        []formaat
		in         string
		want       formaat
		melding    string
		pad        string
		uitBestand formaat
		extensies  string
	}{
		{"matrix csv", matrixFormaten, "CSV", formaatCSV, "", "cellen.csv", formaatCSV, ""},
		{"matrix htm", matrixFormaten, "htm", formaatHTML, "", "m.htm", formaatHTML, ""},
		{"matrix yaml", matrixFormaten, "yaml", "", "kies tekst, markdown, csv, html of json", "m.yaml", "", ".html, .csv, .json, .md of .txt"},
		{"handreiking html", handreikingFormaten, "html", formaatHTML, "", "h.markdown", formaatMarkdown, ""},
		{"handreiking json", handreikingFormaten, "json", "", "kies tekst, markdown of html", "h.json", "", ".html, .md of .txt"},
		{"vraag csv", standaardFormaten, "csv", "", "kies tekst, markdown of json", "v.txt", formaatTekst, ""},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			var f formaat
			err := formaatVlag{&f, tt.kan}.Set(tt.in)
			if tt.melding == "" && (err != nil || f != tt.want) {
				t.Errorf("Set(%q) = %q, %v; verwacht %q", tt.in, f, err, tt.want)
			}
			if tt.melding != "" && (err == nil || err.Error() != tt.melding) {
				t.Errorf("Set(%q): fout %v, verwacht %q", tt.in, err, tt.melding)
			}
			got, err := formaatVoorBestand(tt.pad, tt.kan)
			if tt.extensies == "" && (err != nil || got != tt.uitBestand) {
				t.Errorf("formaatVoorBestand(%q) = %q, %v; verwacht %q", tt.pad, got, err, tt.uitBestand)
			}
			if tt.extensies != "" && (err == nil || !strings.Contains(err.Error(), tt.extensies)) {
				t.Errorf("formaatVoorBestand(%q): fout %v, verwacht de extensies %q", tt.pad, err, tt.extensies)
			}
		})
	}
}

// TestVraagVlaggen parses the flags of magikdelen vraag through cobra, as a user types them, and checks
// the question that results.
func TestVraagVlaggen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bestand := filepath.Join(dir, "vraag.json")
	inhoud := `{"van": "ggz", "naar": "wijkteam", "gegevens": ["gezondheid"], "doel": "zvh_casusoverleg",
		"convenant": "zvht", "datum": "2025-06-01", "feiten": {"toestemming": "niet_gevraagd", "leeftijd": 30}}`
	if err := os.WriteFile(bestand, []byte(inhoud), 0o644); err != nil {
		t.Fatal(err)
	}
	uitBestand := kennisbank.Vraag{
		Van: "ggz", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"gezondheid"}, Doel: "zvh_casusoverleg",
		Convenant: "zvht", Datum: "2025-06-01", Feiten: map[string]any{"toestemming": "niet_gevraagd", "leeftijd": int64(30)},
	}
	tests := []struct {
		naam  string
		args  []string
		stdin string
		want  kennisbank.Vraag
	}{
		{
			naam: "alle opties",
			args: []string{"--van", "wijkteam", "--naar", "politie,om", "--naar", "ggd", "--gegevens", "identificerend, signaal",
				"--doel", "ave_signaleren", "--convenant", "ave", "--fase", "ave1", "--datum", "2026-03-01",
				"--feit", "toestemming=niet_gevraagd", "--feit", "leeftijd=14", "--feit", "wilsbekwaam=true"},
			want: kennisbank.Vraag{
				Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie", "om", "ggd"}, Gegevens: []string{"identificerend", "signaal"},
				Doel: "ave_signaleren", Convenant: "ave", Fase: "ave1", Datum: "2026-03-01",
				Feiten: map[string]any{"toestemming": "niet_gevraagd", "leeftijd": int64(14), "wilsbekwaam": true},
			},
		},
		{
			naam: "Engelse namen",
			args: []string{"--from", "wijkteam", "--to", "politie", "--data", "signaal", "--purpose", "opsporing",
				"--covenant", "zvht", "--phase", "ave2", "--date", "2026-01-01", "--fact", "bulk=false", "--format", "json"},
			want: kennisbank.Vraag{
				Van: "wijkteam", Naar: kennisbank.Ontvangers{"politie"}, Gegevens: []string{"signaal"}, Doel: "opsporing",
				Convenant: "zvht", Fase: "ave2", Datum: "2026-01-01", Feiten: map[string]any{"bulk": false},
			},
		},
		{
			naam: "namen, synoniemen en hoofdletters",
			args: []string{"--van", "Wijkagent", "--naar", "Openbaar Ministerie,GGZ", "--gegevens", "diagnose,NAW",
				"--doel", "MDO", "--convenant", "ZVHT", "--datum", "1-3-2026",
				"--feit", "Acuut gevaar=ja", "--feit", "toestemming=niet gevraagd", "--feit", "verzocht_door=dokter"},
			want: kennisbank.Vraag{
				Van: "politie", Naar: kennisbank.Ontvangers{"om", "ggz"}, Gegevens: []string{"gezondheid", "identificerend"},
				Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: "2026-03-01",
				Feiten: map[string]any{"acuut_gevaar": "ja", "toestemming": "niet_gevraagd", "verzocht_door": "huisarts"},
			},
		},
		{
			naam: "invoer uit een bestand",
			args: []string{"--invoer", bestand},
			want: uitBestand,
		},
		{
			naam:  "invoer van stdin",
			args:  []string{"--input", "-"},
			stdin: inhoud,
			want:  uitBestand,
		},
		{
			naam: "opties gaan voor, feiten per naam",
			args: []string{"--invoer", bestand, "--naar", "overleg_deelnemers", "--datum", "2025-01-15", "--feit", "toestemming=gegeven", "--feit", "acuut_gevaar=false"},
			want: kennisbank.Vraag{
				Van: "ggz", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"gezondheid"}, Doel: "zvh_casusoverleg",
				Convenant: "zvht", Datum: "2025-01-15",
				Feiten: map[string]any{"toestemming": "gegeven", "leeftijd": int64(30), "acuut_gevaar": false},
			},
		},
		{
			naam: "geen opties",
			args: nil,
			want: kennisbank.Vraag{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			t.Parallel()
			var got kennisbank.Vraag
			var uitErr error
			g := &globaleOpties{stromen: stromen{In: strings.NewReader(tt.stdin), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}}
			vang := func(_ context.Context, o *vraagOpties) error {
				got, uitErr = o.vraag(testEngine(t).Kennisbank())
				return nil
			}
			root := rootMet(g, newVraagCmd(g, vang))
			root.SetArgs(append([]string{"vraag"}, tt.args...))
			if err := root.Execute(); err != nil {
				t.Fatalf("Execute: %v", err)
			}
			if uitErr != nil {
				t.Fatalf("vraag: %v", uitErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("vraag (-verwacht +gekregen):\n%s", diff)
			}
		})
	}
}

// TestVlagFouten checks that cobra's and pflag's errors come out in Dutch, as usage errors (exit 2).
func TestVlagFouten(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"vraag", "--formaat", "xml"}, `ongeldige waarde "xml" voor --formaat: kies tekst, markdown of json`},
		{[]string{"vraag", "-o", "xml"}, `ongeldige waarde "xml" voor --formaat: kies tekst, markdown of json`},
		{[]string{"vraag", "--feit", "leeftijd"}, `ongeldige waarde "leeftijd" voor --feit: verwacht naam=waarde, bijvoorbeeld toestemming=gegeven`},
		{[]string{"vraag", "--gegevnes", "x"}, `onbekende optie --gegevnes; bedoelde u "--gegevens"?`},
		{[]string{"vraag", "-z"}, `onbekende optie -z`},
		{[]string{"vraag", "--doel"}, `optie --doel heeft een waarde nodig`},
		{[]string{"vraag", "politie"}, `vraag verwacht geen argumenten, kreeg "politie" (bedoelde u een optie?)`},
		{[]string{"---van"}, `ongeldige optie ---van`},
		{[]string{"vraag", "--help=misschien"}, `ongeldige waarde "misschien" voor --help: verwacht true of false`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			g := &globaleOpties{stromen: stromen{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}}
			root := rootMet(g, newVraagCmd(g, func(context.Context, *vraagOpties) error { return nil }))
			root.SetArgs(tt.args)
			err := root.Execute()
			var gf *gebruiksFout
			if !errors.As(err, &gf) {
				t.Fatalf("fout %v (%T), verwacht een gebruiksFout", err, err)
			}
			if gf.Error() != tt.want {
				t.Errorf("melding %q, verwacht %q", gf.Error(), tt.want)
			}
			if exitCode(err) != codeInvoer {
				t.Errorf("exitcode %d, verwacht %d", exitCode(err), codeInvoer)
			}
		})
	}
}
