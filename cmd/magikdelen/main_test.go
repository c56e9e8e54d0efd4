package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// TestMain lets the test binary double as the magikdelen command for the scripts in testdata/script.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"magikdelen": main})
}

// TestScript runs the end-to-end scripts: the real main, its exit codes, stdout and stderr.
func TestScript(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "script")
	var scripts []string
	if raceDetector {
		for _, naam := range lichteScripts {
			scripts = append(scripts, filepath.Join(dir, naam+".txtar"))
		}
		dir = ""
	}
	testscript.Run(t, testscript.Params{
		Dir:                 dir,
		Files:               scripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Under -race every process sleeps a second at exit to collect reports; the scripts start
			// many short processes, so switch that off (and keep any other GORACE options).
			env.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			return nil
		},
		RequireUniqueNames: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"kopieer-kennisbank": kopieerKennisbank,
			"exitcode":           exitcodeCmd,
			"een-json-document":  eenJSONDocument,
			"vervang":            vervangCmd,
		},
	})
}

// kopieerKennisbank copies the embedded knowledge base into a folder of the script's work dir, as a
// kwartiermaker's working copy: kopieer-kennisbank <map>.
func kopieerKennisbank(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("gebruik: kopieer-kennisbank <map>")
	}
	ts.Check(schrijfKennisbank(ts.MkAbs(args[0]), nil))
}

// schrijfKennisbank writes the embedded knowledge base into folder doel, without the files laat says to
// leave out.
func schrijfKennisbank(doel string, laat func(pad string) bool) error {
	return fs.WalkDir(convenants.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || (laat != nil && laat(p)) {
			return err
		}
		uit := filepath.Join(doel, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(uit, 0o755)
		}
		inhoud, err := fs.ReadFile(convenants.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(uit, inhoud, 0o644)
	})
}

// vervangCmd replaces the one occurrence of a text in a file, as a kwartiermaker's edit:
// vervang <bestand> <oud> <nieuw>.
func vervangCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("gebruik: vervang <bestand> <oud> <nieuw>")
	}
	pad := ts.MkAbs(args[0])
	inhoud, err := os.ReadFile(pad)
	ts.Check(err)
	if n := strings.Count(string(inhoud), args[1]); n != 1 {
		ts.Fatalf("%s: %q komt %d keer voor, verwacht 1", args[0], args[1], n)
	}
	ts.Check(os.WriteFile(pad, []byte(strings.Replace(string(inhoud), args[1], args[2], 1)), 0o644))
}

// exitcodeCmd runs a command and checks its exact exit code: exitcode <n> <commando> [argumenten].
// Its stdout and stderr are kept for the stdout and stderr checks that follow.
func exitcodeCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("gebruik: exitcode <n> <commando> [argumenten]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exitcode %d, verwacht %d", got, want)
	}
}

// eenJSONDocument checks that the last stdout is exactly one JSON document and nothing else.
func eenJSONDocument(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("gebruik: een-json-document")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile("stdout")))
	var v any
	if err := dec.Decode(&v); err != nil {
		ts.Fatalf("stdout is geen JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		ts.Fatalf("stdout bevat meer dan één JSON-document")
	}
}

var (
	engineOnce sync.Once
	engine     *library.Engine
	engineErr  error
)

// gedeeldeEngine is an engineBouwer for runMet that reuses the shared engine for the embedded
// knowledge base, so the in-process tests do not compile the policy again and again.
func gedeeldeEngine(ctx context.Context, opts ...library.Optie) (*library.Engine, error) {
	if len(opts) > 0 {
		return library.New(ctx, opts...)
	}
	engineOnce.Do(func() { engine, engineErr = library.New(context.Background()) })
	return engine, engineErr
}

// testEngine is one engine with the embedded knowledge base, shared by the tests of this package.
func testEngine(t *testing.T) *library.Engine {
	t.Helper()
	e, err := gedeeldeEngine(context.Background())
	if err != nil {
		t.Fatalf("library.New: %v", err)
	}
	return e
}
