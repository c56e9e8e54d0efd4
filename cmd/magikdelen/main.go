package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

func main() { os.Exit(run(os.Args[1:], systeemStromen())) }

// stromen are the I/O streams and environment of one run, injected so tests can fake a terminal.
type stromen struct {
	In         io.Reader
	Out        io.Writer
	Err        io.Writer
	Terminal   bool                // Out is a terminal
	InTerminal bool                // In is a terminal (the guided mode of vraag asks its questions there)
	Breedte    int                 // width of the terminal in columns; 0 when unknown
	Getenv     func(string) string // environment variables (NO_COLOR, TERM)
	// Proces: the run is the whole process (main), so a command may tune the Go runtime for itself (see
	// collectorVoorEenVraag); a test's run shares its process and leaves the runtime alone.
	Proces bool
}

// systeemStromen are the streams of the process.
func systeemStromen() stromen {
	s := stromen{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv, Proces: true}
	s.InTerminal = term.IsTerminal(int(os.Stdin.Fd()))
	fd := int(os.Stdout.Fd())
	if term.IsTerminal(fd) {
		s.Terminal = true
		if w, _, err := term.GetSize(fd); err == nil {
			s.Breedte = w
		}
	}
	return s
}

// run executes the command line args and returns the exit code of the contract.
func run(args []string, s stromen) int { return runMet(args, s, library.New) }

// engineBouwer builds the engine: library.New, or in tests one that shares a loaded engine.
type engineBouwer func(context.Context, ...library.Optie) (*library.Engine, error)

// runMet is run with the engine constructor injected. It is the only place that prints an error; a
// panic becomes exit code 3 with a short message, never a stack trace.
func runMet(args []string, s stromen, nieuw engineBouwer) (code int) {
	if s.Getenv == nil {
		s.Getenv = func(string) string { return "" }
	}
	defer func() {
		if r := recover(); r != nil {
			code = codeIntern
			meldPaniek(s.Err, r)
		}
	}()
	root := newRootCmd(&globaleOpties{stromen: s, nieuweEngine: nieuw})
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return codeOK
	}
	return meldFout(s.Err, vertaalCobraFout(root, err))
}

// meldPaniek reports a recovered panic. Writing to a broken stderr must not panic again.
func meldPaniek(w io.Writer, r any) {
	defer func() { _ = recover() }()
	fmt.Fprintf(w, "fout: interne fout in magikdelen (%v); meld dit bij de beheerder van magikdelen\n", r)
}
