package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The exit codes of the contract (§1).
const (
	codeOK        = 0
	codeProblemen = 1 // the command ran and found problems (failing scenarios)
	codeInvoer    = 2 // bad usage or bad input
	codeIntern    = 3
)

// problemenFout says the command ran and found problems, such as failing scenario tests. The results
// are already on stdout; it gives exit code 1.
type problemenFout struct{ bericht string }

func (e *problemenFout) Error() string { return e.bericht }

// gebruiksFout is bad usage of the command line: an unknown command or flag, a bad flag value, a missing
// question. It gives exit code 2.
type gebruiksFout struct {
	bericht string
	cmd     *cobra.Command // the command whose help is pointed to, if any
	gebruik bool           // print the full usage of cmd after the message
}

func (e *gebruiksFout) Error() string { return e.bericht }

// invoerFout is input that cannot be read, such as a missing --invoer file or --kennisbank folder. It
// gives exit code 2.
type invoerFout struct {
	veld string
	err  error
}

func (e *invoerFout) Error() string { return e.veld + ": " + e.err.Error() }
func (e *invoerFout) Unwrap() error { return e.err }

// kennisbankFout is a working copy of the knowledge base with problems; the positions are shown
// relative to the working directory, so an editor can jump to them.
type kennisbankFout struct {
	pad    string
	fouten kennisbank.KennisbankFouten
}

func (e *kennisbankFout) Error() string {
	var b strings.Builder
	n := len(e.fouten)
	woord := "fouten"
	if n == 1 {
		woord = "fout"
	}
	fmt.Fprintf(&b, "kennisbank %s is ongeldig (%d %s):", e.pad, n, woord)
	for _, f := range e.fouten {
		// The library names the file inside the knowledge base; the user gave the folder.
		f.Bestand = filepath.Join(e.pad, filepath.FromSlash(f.Bestand))
		b.WriteString("\n  " + f.Error())
	}
	return b.String()
}

func (e *kennisbankFout) Unwrap() error { return e.fouten }

// exitCode maps an error to the exit code of the contract: 2 for bad usage and for every input error
// of the library, 3 for anything else.
func exitCode(err error) int {
	if err == nil {
		return codeOK
	}
	var pf *problemenFout
	if errors.As(err, &pf) {
		return codeProblemen
	}
	var (
		gf  *gebruiksFout
		inf *invoerFout
		kf  *kennisbankFout
		oid *kennisbank.OnbekendeIDFout
		tf  *kennisbank.TypeFout
		df  *kennisbank.DatumFout
		ovf *kennisbank.OntbrekendVeldFout
		jf  *kennisbank.JSONFout
		kbf kennisbank.KennisbankFouten
		bkf *kennisbank.BuitenKaderFout
	)
	switch {
	case errors.As(err, &gf), errors.As(err, &inf), errors.As(err, &kf),
		errors.As(err, &oid), errors.As(err, &tf), errors.As(err, &df),
		errors.As(err, &ovf), errors.As(err, &jf), errors.As(err, &kbf), errors.As(err, &bkf):
		return codeInvoer
	}
	return codeIntern
}

// meldFout prints err as "fout: …" on w, with a pointer to the help where that helps, and returns the
// exit code.
func meldFout(w io.Writer, err error) int {
	code := exitCode(err)
	bericht := err.Error()
	if code == codeIntern {
		bericht = "interne fout: " + bericht
	}
	fmt.Fprintf(w, "fout: %s\n", bericht)
	var gf *gebruiksFout
	if errors.As(err, &gf) && gf.cmd != nil {
		if gf.gebruik {
			fmt.Fprintf(w, "\n%s", gf.cmd.UsageString())
		} else {
			fmt.Fprintf(w, "Zie '%s --help'.\n", gf.cmd.CommandPath())
		}
	}
	return code
}

// vlagFout translates the flag errors of pflag into Dutch, with the closest known flags for an unknown
// one. It is the FlagErrorFunc of every command.
func vlagFout(cmd *cobra.Command, err error) error {
	var (
		ne *pflag.NotExistError
		vr *pflag.ValueRequiredError
		iv *pflag.InvalidValueError
		is *pflag.InvalidSyntaxError
	)
	bericht := err.Error()
	switch {
	case errors.As(err, &ne) && ne.GetSpecifiedShortnames() != "":
		bericht = fmt.Sprintf("onbekende optie -%s", kennisbank.Kort(ne.GetSpecifiedName()))
	case errors.As(err, &ne):
		naam := ne.GetSpecifiedName()
		bericht = fmt.Sprintf("onbekende optie --%s", kennisbank.Kort(naam))
		var namen []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				namen = append(namen, f.Name)
			}
		})
		bericht += bedoeldeU(kennisbank.Dichtstbij(naam, namen, 3), "--")
	case errors.As(err, &vr):
		bericht = fmt.Sprintf("optie %s heeft een waarde nodig", vlagNaam(vr.GetFlag()))
	case errors.As(err, &iv):
		bericht = fmt.Sprintf("ongeldige waarde %q voor %s: %v", kennisbank.Kort(iv.GetValue()), vlagNaam(iv.GetFlag()), waardeFout(errors.Unwrap(iv)))
	case errors.As(err, &is):
		bericht = fmt.Sprintf("ongeldige optie %s", kennisbank.Kort(is.GetSpecifiedFlag()))
	}
	return &gebruiksFout{bericht: bericht, cmd: cmd}
}

// waardeFout says in Dutch what a flag value should have been: the parse errors of the standard library
// are English ("strconv.ParseInt: parsing …"); the errors of our own flag types are Dutch already.
func waardeFout(err error) string {
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		switch ne.Func {
		case "ParseBool":
			return "verwacht true of false"
		case "ParseInt", "ParseUint":
			if errors.Is(ne.Err, strconv.ErrRange) {
				return "het getal is te groot"
			}
			return "verwacht een geheel getal"
		}
		return "verwacht een getal"
	}
	if err == nil {
		return "ongeldige waarde"
	}
	return err.Error()
}

func vlagNaam(f *pflag.Flag) string {
	if f == nil {
		return "de optie"
	}
	return "--" + f.Name
}

// bedoeldeU gives the "bedoelde u …?" tail of a message, in the style of the library's errors.
func bedoeldeU(suggesties []string, voorvoegsel string) string {
	if len(suggesties) == 0 {
		return ""
	}
	q := make([]string, len(suggesties))
	for i, s := range suggesties {
		q[i] = fmt.Sprintf("%q", voorvoegsel+s)
	}
	return "; bedoelde u " + strings.Join(q, " of ") + "?"
}

var onbekendCommando = regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)"`)

// vertaalCobraFout translates the one error cobra produces itself before a command runs: an unknown
// command.
func vertaalCobraFout(root *cobra.Command, err error) error {
	m := onbekendCommando.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var namen []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			namen = append(namen, c.Name())
			namen = append(namen, c.Aliases...)
		}
	}
	return &gebruiksFout{
		bericht: fmt.Sprintf("onbekend commando %q%s", kennisbank.Kort(m[1]), bedoeldeU(kennisbank.Dichtstbij(m[1], namen, 3), "")),
		cmd:     root,
	}
}

// argumenten checks the positional arguments of a command: at most maximum of them.
func argumenten(maximum int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) <= maximum {
			return nil
		}
		if maximum == 0 {
			return &gebruiksFout{bericht: fmt.Sprintf("%s verwacht geen argumenten, kreeg %q (bedoelde u een optie?)", cmd.Name(), kennisbank.Kort(args[0])), cmd: cmd}
		}
		return &gebruiksFout{bericht: fmt.Sprintf("%s verwacht ten hoogste %d argument, kreeg %d", cmd.Name(), maximum, len(args)), cmd: cmd}
	}
}
