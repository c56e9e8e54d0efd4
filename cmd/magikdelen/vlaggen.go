package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// formaat is the output format of every command: tekst (Markdown rendered for the terminal), markdown,
// json, and for some commands csv or html. Each command names the formats it writes (voegFormaatToe); a
// bad value is rejected while the flags are parsed.
type formaat string

const (
	formaatTekst    formaat = "tekst"
	formaatMarkdown formaat = "markdown"
	formaatJSON     formaat = "json"
	formaatCSV      formaat = "csv"
	formaatHTML     formaat = "html"
)

// formaten are the names --formaat accepts for each format and the extensions of an --uitvoer file that
// ask for it, in the order an error lists the extensions.
var formaten = []struct {
	formaat
	namen, extensies []string
}{
	{formaatHTML, []string{"html", "htm"}, []string{".html", ".htm"}},
	{formaatCSV, []string{"csv"}, []string{".csv"}},
	{formaatJSON, []string{"json"}, []string{".json"}},
	{formaatMarkdown, []string{"markdown", "md"}, []string{".md", ".markdown"}},
	{formaatTekst, []string{"tekst", "text"}, []string{".txt"}},
}

// standaardFormaten are the formats of a command that writes one answer or list.
var standaardFormaten = []formaat{formaatTekst, formaatMarkdown, formaatJSON}

// formaatVlag is --formaat of one command: kan are the formats it writes, in the order its help names them.
type formaatVlag struct {
	f   *formaat
	kan []formaat
}

func (v formaatVlag) String() string {
	if v.f == nil {
		return ""
	}
	return string(*v.f)
}

func (v formaatVlag) Type() string { return "formaat" }

// Set accepts the names of the command's formats, also the English text, md and htm.
func (v formaatVlag) Set(s string) error {
	naam := strings.ToLower(strings.TrimSpace(s))
	for _, d := range formaten {
		if slices.Contains(d.namen, naam) && slices.Contains(v.kan, d.formaat) {
			*v.f = d.formaat
			return nil
		}
	}
	return errors.New("kies " + ofLijst(v.kan))
}

// ofLijst names formats Dutch style: "tekst, markdown of json".
func ofLijst[T ~string](namen []T) string {
	delen := make([]string, len(namen))
	for i, n := range namen {
		delen[i] = string(n)
	}
	if len(delen) < 2 {
		return strings.Join(delen, "")
	}
	return strings.Join(delen[:len(delen)-1], ", ") + " of " + delen[len(delen)-1]
}

// voegFormaatToe adds --formaat (alias --format, -o) to a command's flags; kan are the formats the command
// writes (none: tekst, markdown and json).
func voegFormaatToe(fs *pflag.FlagSet, f *formaat, kan ...formaat) {
	if len(kan) == 0 {
		kan = standaardFormaten
	}
	fs.VarP(formaatVlag{f, kan}, "formaat", "o", "uitvoer: "+ofLijst(kan)+" (standaard tekst op een terminal, anders markdown); ook --format")
}

// formaatVoorBestand gives the format an --uitvoer file asks for by its extension, among the formats kan
// of the command; another extension is an error rather than Markdown in a file that claims to be
// something else.
func formaatVoorBestand(pad string, kan []formaat) (formaat, error) {
	ext := strings.ToLower(filepath.Ext(pad))
	var extensies []string
	for _, d := range formaten {
		if !slices.Contains(kan, d.formaat) {
			continue
		}
		if slices.Contains(d.extensies, ext) {
			return d.formaat, nil
		}
		extensies = append(extensies, d.extensies[0])
	}
	return "", onbekendeExtensie(pad, ofLijst(extensies), ofLijst(kan))
}

// lijst is a flag that may be repeated and that takes comma-separated values: --naar politie,om
// --naar ggd gives [politie om ggd]. Spaces around the values and empty values are dropped.
type lijst struct {
	waarden *[]string
	soort   string
}

func (l lijst) String() string { return strings.Join(*l.waarden, ",") }
func (l lijst) Type() string   { return l.soort }

func (l lijst) Set(s string) error {
	for _, deel := range strings.Split(s, ",") {
		if deel = strings.TrimSpace(deel); deel != "" {
			*l.waarden = append(*l.waarden, deel)
		}
	}
	return nil
}

// feiten is the repeatable --feit naam=waarde flag. A value true or false becomes a bool, an integer an
// int64, anything else a string; the library checks names and types against the knowledge base.
type feiten map[string]any

func (f feiten) Type() string { return "naam=waarde" }

func (f feiten) String() string {
	namen := make([]string, 0, len(f))
	for n := range f {
		namen = append(namen, n)
	}
	sort.Strings(namen)
	delen := make([]string, len(namen))
	for i, n := range namen {
		delen[i] = fmt.Sprintf("%s=%v", n, f[n])
	}
	return strings.Join(delen, ",")
}

func (f feiten) Set(s string) error {
	naam, waarde, ok := strings.Cut(s, "=")
	naam = strings.TrimSpace(naam)
	if !ok || naam == "" {
		return errors.New("verwacht naam=waarde, bijvoorbeeld toestemming=gegeven")
	}
	f[naam] = feitWaarde(strings.TrimSpace(waarde))
	return nil
}

// feitWaarde types the value of --feit: true/false a bool, an integer an int64, otherwise the string.
func feitWaarde(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	return s
}
