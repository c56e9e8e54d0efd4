package rules_test

import (
	"bytes"
	"context"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// minimaleDekking is the lowest line coverage of the policy (the non-test .rego files) that the Rego
// tests must reach, in percent.
const minimaleDekking = 90.0

var parserOpties = ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}

// regoBestanden returns every .rego file in rules.FS, tests included: path -> content.
func regoBestanden(t *testing.T) map[string][]byte {
	t.Helper()
	bestanden := map[string][]byte{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		inhoud, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		bestanden[p] = inhoud
		return nil
	})
	if err != nil {
		t.Fatalf("lees rules.FS: %v", err)
	}
	if len(bestanden) == 0 {
		t.Fatal("rules.FS bevat geen .rego-bestanden")
	}
	return bestanden
}

func isTest(p string) bool { return strings.HasSuffix(p, "_test.rego") }

// TestRego runs the Rego unit tests (*_test.rego) against the real knowledge base at data.kennisbank,
// fails for every failing or erroring Rego test, and checks the coverage of the policy files.
func TestRego(t *testing.T) {
	if raceDetector {
		// OPA's evaluator runs each Rego test in one goroutine: the race detector only makes it ten times
		// slower. The README's test command runs the Rego tests without -race first.
		t.Skip("Rego-tests draaien zonder -race (zie de testopdracht in de README)")
	}
	t.Parallel()
	ctx := context.Background()

	e, err := library.New(ctx)
	if err != nil {
		t.Fatalf("library.New: %v", err)
	}

	modules := map[string]*ast.Module{}
	for p, inhoud := range regoBestanden(t) {
		m, err := ast.ParseModuleWithOpts(p, string(inhoud), parserOpties)
		if err != nil {
			t.Fatalf("parse %s: %v", p, err)
		}
		modules[p] = m
	}

	store := inmem.NewFromObject(map[string]any{"kennisbank": e.Kennisbank().Data()})
	txn, err := store.NewTransaction(ctx, storage.TransactionParams{})
	if err != nil {
		t.Fatalf("transactie: %v", err)
	}
	defer store.Abort(ctx, txn)

	dekking := cover.New()
	runner := tester.NewRunner().
		SetDefaultRegoVersion(ast.RegoV1).
		SetStore(store).
		SetModules(modules).
		SetCoverageQueryTracer(dekking).
		SetCoverageRuns([]cover.Kind{}). // the extra passes only explain gaps; they do not change the numbers
		// The time limit per Rego test only stops a runaway test: on a loaded two-core machine the
		// open-facts tests take seconds.
		SetTimeout(2 * time.Minute)
	resultaten, err := runner.RunTests(ctx, txn)
	if err != nil {
		t.Fatalf("compileer de regels en tests: %v", err)
	}

	var totaal, geslaagd, overgeslagen int
	for r := range resultaten {
		totaal++
		naam := r.Package + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s (%s): FOUT: %v", naam, r.Location, r.Error)
		case r.Fail:
			t.Errorf("%s (%s): MISLUKT%s", naam, r.Location, mislukt(r))
		case r.Skip:
			overgeslagen++
			t.Logf("%s: overgeslagen", naam)
		default:
			geslaagd++
		}
	}
	if totaal == 0 {
		t.Fatal("geen Rego-tests gevonden in rules.FS (test_* in *_test.rego)")
	}
	t.Logf("%d Rego-tests: %d geslaagd, %d overgeslagen, %d mislukt", totaal, geslaagd, overgeslagen, totaal-geslaagd-overgeslagen)

	rapport := dekking.Report(modules)
	paden := make([]string, 0, len(rapport.Files))
	for p := range rapport.Files {
		if !isTest(p) {
			paden = append(paden, p)
		}
	}
	sort.Strings(paden)
	var gedekt, ongedekt int
	for _, p := range paden {
		f := rapport.Files[p]
		gedekt += f.CoveredLines
		ongedekt += f.NotCoveredLines
		t.Logf("dekking %-36s %6.2f%% (%d/%d regels)%s", p, f.Coverage, f.CoveredLines, f.CoveredLines+f.NotCoveredLines, ongedekteRegels(f))
	}
	if gedekt+ongedekt == 0 {
		t.Fatal("geen dekking gemeten voor de regels")
	}
	procent := 100 * float64(gedekt) / float64(gedekt+ongedekt)
	t.Logf("dekking totaal (regels zonder tests): %.2f%% (%d/%d regels)", procent, gedekt, gedekt+ongedekt)
	if procent < minimaleDekking {
		t.Errorf("dekking van de regels is %.2f%%, minimaal %.0f%%", procent, minimaleDekking)
	}
}

// mislukt names the expression a failing test stopped at, if the runner knows it.
func mislukt(r *tester.Result) string {
	if r.FailedAt == nil {
		return ""
	}
	return ": " + r.FailedAt.String()
}

// ongedekteRegels lists the line ranges a file's tests did not reach.
func ongedekteRegels(f *cover.FileReport) string {
	if len(f.NotCovered) == 0 {
		return ""
	}
	delen := make([]string, 0, len(f.NotCovered))
	for _, r := range f.NotCovered {
		deel := strconv.Itoa(r.Start.Row)
		if r.End.Row != r.Start.Row {
			deel += "-" + strconv.Itoa(r.End.Row)
		}
		if len(delen) == 0 || delen[len(delen)-1] != deel {
			delen = append(delen, deel)
		}
	}
	return "; niet gedekt: " + strings.Join(delen, ",")
}

// TestRegoFormat checks that every .rego file in rules.FS is formatted as `opa fmt` formats Rego v1. The files
// are formatted one after another: OPA's formatter sets the location of a rule's `else` value, which can be a
// term OPA shares between all parsed modules (such as `false`), so two files formatted at once race (the race
// detector found it).
func TestRegoFormat(t *testing.T) {
	t.Parallel()
	for p, inhoud := range regoBestanden(t) {
		t.Run(p, func(t *testing.T) {
			opgemaakt, err := format.SourceWithOpts(p, inhoud, format.Opts{RegoVersion: ast.RegoV1, ParserOptions: &parserOpties})
			if err != nil {
				t.Fatalf("opa fmt %s: %v", p, err)
			}
			if !bytes.Equal(opgemaakt, inhoud) {
				t.Errorf("%s is niet opgemaakt met opa fmt (Rego v1); voer `opa fmt -w rules/%s` uit", p, p)
			}
		})
	}
}
