package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// formaat is the output format: tekst (Markdown rendered for the terminal), markdown or json. It is a
// pflag.Value, so a bad value is rejected while the flags are parsed.
type formaat string

const (
	formaatTekst    formaat = "tekst"
	formaatMarkdown formaat = "markdown"
	formaatJSON     formaat = "json"
)

func (f *formaat) String() string { return string(*f) }
func (f *formaat) Type() string   { return "formaat" }

// Set accepts tekst, markdown and json, and the English text and md.
func (f *formaat) Set(s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "tekst", "text":
		*f = formaatTekst
	case "markdown", "md":
		*f = formaatMarkdown
	case "json":
		*f = formaatJSON
	default:
		return errors.New("kies tekst, markdown of json")
	}
	return nil
}

// voegFormaatToe adds --formaat (alias --format, -o) to a command's flags.
func voegFormaatToe(fs *pflag.FlagSet, f *formaat) {
	fs.VarP(f, "formaat", "o", "uitvoer: tekst, markdown of json (standaard tekst op een terminal, anders markdown); ook --format")
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
