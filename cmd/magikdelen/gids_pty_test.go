//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptyArgsEnv carries the command line of the helper process that runs magikdelen on a pseudo-terminal.
const ptyArgsEnv = "MAGIKDELEN_PTY_ARGS"

// TestPtyHoofdproces is not a test: started by startOpPty with ptyArgsEnv set, it is the magikdelen
// process, with the real main's streams (and terminal detection) on the pseudo-terminal.
func TestPtyHoofdproces(t *testing.T) {
	args, ok := os.LookupEnv(ptyArgsEnv)
	if !ok {
		t.Skip("alleen als hulpproces van de pty-tests")
	}
	os.Exit(run(strings.Split(args, "\x1f"), systeemStromen()))
}

// ptySessie is magikdelen running on a pseudo-terminal: everything it writes is collected.
type ptySessie struct {
	t       *testing.T
	cmd     *exec.Cmd
	tty     *os.File
	mu      sync.Mutex
	uit     bytes.Buffer
	gelezen int // how far verwacht has read
	klaar   chan struct{}
}

func startOpPty(t *testing.T, args ...string) *ptySessie {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPtyHoofdproces$")
	cmd.Env = append(os.Environ(), ptyArgsEnv+"="+strings.Join(args, "\x1f"), "NO_COLOR=1", "TERM=dumb")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 120})
	if err != nil {
		t.Skipf("geen pseudo-terminal beschikbaar: %v", err)
	}
	s := &ptySessie{t: t, cmd: cmd, tty: tty, klaar: make(chan struct{})}
	go func() {
		defer close(s.klaar)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			s.mu.Lock()
			s.uit.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return // EIO once the process has exited
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = tty.Close()
	})
	return s
}

// tekst is the output so far, with the terminal's line endings made plain.
func (s *ptySessie) tekst() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.ReplaceAll(s.uit.String(), "\r\n", "\n")
}

// verwacht waits until the output, after what was already expected, contains want.
func (s *ptySessie) verwacht(want string) {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		uit := s.tekst()
		if i := strings.Index(uit[s.gelezen:], want); i >= 0 {
			s.gelezen += i + len(want)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("wachtte op %q; uitvoer:\n%s", want, s.tekst()[s.gelezen:])
}

// typ types an answer and Enter.
func (s *ptySessie) typ(antwoord string) {
	s.t.Helper()
	if _, err := io.WriteString(s.tty, antwoord+"\r"); err != nil {
		s.t.Fatalf("typ %q: %v", antwoord, err)
	}
}

// einde waits for the process to exit and returns its exit code.
func (s *ptySessie) einde() int {
	s.t.Helper()
	klaar := make(chan error, 1)
	go func() { klaar <- s.cmd.Wait() }()
	select {
	case err := <-klaar:
		<-s.klaar
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			s.t.Fatalf("wacht: %v", err)
		}
		return 0
	case <-time.After(60 * time.Second):
		s.t.Fatalf("magikdelen stopte niet; uitvoer:\n%s", s.tekst())
		return -1
	}
}

// TestGidsOpPty answers the guided questions on a real pseudo-terminal, as a person would, and checks
// the answer and the printed command line, which gives the same answer when run with flags.
func TestGidsOpPty(t *testing.T) {
	t.Parallel()
	s := startOpPty(t, gidsArgs("-o", "markdown")...)
	s.verwacht("Wie bent u?")
	s.verwacht("Wie bent u? Nummer of (een deel van de) naam")
	s.typ("huisartspost")
	s.verwacht("Bedoelde u:")
	s.verwacht("Huisarts? Typ ja")
	s.typ("ja")
	s.verwacht("→ Huisarts")
	s.verwacht("Met wie wilt u de gegevens delen?")
	s.verwacht("Nummer of (een deel van de) naam")
	s.typ("wijkagent")
	s.verwacht("→ Politie")
	s.verwacht("Welke gegevens wilt u delen?")
	s.verwacht("Nummer of (een deel van de) naam")
	s.typ("identificerende gegevens, diagnose")
	s.verwacht("→ Identificerende gegevens, Gezondheidsgegevens")
	s.verwacht("Waarvoor deelt u de gegevens?")
	s.verwacht("Nummer of (een deel van de) naam")
	s.typ("acuut gevaar afwenden")
	s.verwacht("Op welke datum deelt u?")
	s.typ("2026-03-01")
	s.verwacht("toestemming gegeven voor deze deling?")
	s.verwacht("Keuze (Enter: weet ik niet):")
	s.typ("onmogelijk")
	s.verwacht("Is er acuut gevaar voor betrokkene of anderen?")
	s.verwacht("Keuze (Enter: weet ik niet):")
	s.typ("ja")
	s.verwacht("Voor welk doel zijn de gegevens oorspronkelijk verkregen?")
	s.verwacht("Keuze (Enter: weet ik niet):")
	s.typ("")
	s.verwacht("Dezelfde vraag met opties:\n  ")
	if code := s.einde(); code != codeOK {
		t.Fatalf("exitcode %d; uitvoer:\n%s", code, s.tekst())
	}
	uit := s.tekst()
	want := "magikdelen vraag --van huisarts --naar politie --gegevens identificerend,gezondheid --doel gevaar_afwenden --datum 2026-03-01 --feit acuut_gevaar=true --feit toestemming=onmogelijk --formaat markdown\n"
	if !strings.HasSuffix(uit, want) {
		t.Errorf("laatste regel is niet de opdracht\n  %s\nuitvoer:\n%s", want, uit)
	}
	if !strings.Contains(uit, "**Toegestaan onder voorwaarden**") {
		t.Errorf("antwoord ontbreekt:\n%s", uit)
	}
	// The printed command, run with flags and piped, gives the same answer as the guided run showed.
	args := strings.Fields(strings.TrimSuffix(want, "\n"))[1:]
	code, out, fout := draai(t, stromen{Getenv: env()}, args...)
	if code != codeOK || !strings.Contains(uit, out) {
		t.Errorf("opdracht: exitcode %d, stderr %q; antwoord met opties:\n%s\nuitvoer van de geleide modus:\n%s", code, fout, out, uit)
	}
}

// TestGidsOpPtyCtrlD ends the guided mode with Ctrl-D: exit code 2, a Dutch message, no panic.
func TestGidsOpPtyCtrlD(t *testing.T) {
	t.Parallel()
	s := startOpPty(t, gidsArgs()...)
	s.verwacht("Wie bent u?")
	s.verwacht("Nummer of (een deel van de) naam")
	s.typ("huisarts")
	s.verwacht("Met wie wilt u de gegevens delen?")
	s.verwacht("Nummer of (een deel van de) naam")
	if _, err := s.tty.Write([]byte{4}); err != nil { // Ctrl-D at the start of a line: end of input
		t.Fatal(err)
	}
	if code := s.einde(); code != codeInvoer {
		t.Fatalf("exitcode %d, verwacht %d; uitvoer:\n%s", code, codeInvoer, s.tekst())
	}
	uit := s.tekst()
	if !strings.Contains(uit, "fout: geleide vraag afgebroken") || strings.Contains(uit, "goroutine") {
		t.Errorf("uitvoer:\n%s", uit)
	}
}
